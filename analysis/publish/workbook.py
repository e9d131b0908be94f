"""The XLSX workbook: a file that explains itself to a reader who has only it.

- **About** (the first sheet): title, author, version, release date, citation (also APA), licence,
  address, how to read the workbook, and every source with its title, author, date and the caveat
  its manifest records;
- one sheet per processed table, its headers in words with their units (:data:`LABELS`), coded
  values in words where the vocabulary has them (the CSVs and ``data/processed/`` keep the codes;
  the ids a machine joins on stay as they are), dollars and percentages in number formats, a filter
  on every column, the header row frozen;
- one sheet per chart (``Fig. N``): its title, takeaway, sources and citation, then exactly the
  values the chart draws (:func:`analysis.publish.figures.registry`), formatted the same way;
- **Dictionary**: every column of every table, its header here, its code, type and meaning.

Text from the sources and records is data, never a formula: every text cell is stored as a string,
and one a spreadsheet could read as a formula (:func:`export.formula_like`) also carries Excel's
quote-prefix style, so it cannot run even when edited. The document's properties (title, author,
subject, keywords, description, dates) are set, and the file is byte-stable: its timestamps are the
report's release date (:func:`export.stable_zip`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.core import evidence, paths, release, sources, vocab
from analysis.publish import export, figures

NAME = export.WORKBOOK_NAME
ABOUT = "About"
DICTIONARY = "Dictionary"

#: Every column's header, in words, with its unit. A column the report adds later without a label
#: here gets one made from its name (:func:`label`), never its bare code.
LABELS: dict[str, str] = {
    "source_id": "Source (key)",
    "record_id": "Record (id)",
    "role": "Role, as the source names it",
    "title": "Title, as the source writes it",
    "tier": "Rung of the ladder",
    "tier_level": "Rung number (1 = front line)",
    "family": "Job family",
    "statistic": "Kind of figure",
    "low_usd": "Low (US$, as written)",
    "high_usd": "High (US$, as written)",
    "low_adj_usd": "Low (US$ of the base year)",
    "high_adj_usd": "High (US$ of the base year)",
    "adj_year": "Base year of the dollars",
    "mid_usd": "Midpoint (US$, as written)",
    "value_usd": "Figure (US$, as written)",
    "period": "Pay period",
    "year": "Year",
    "year_basis": "Why that year",
    "cited_from": "Quoted from",
    "hedge": "Hedge words",
    "flags": "Marks on the wording",
    "note": "Curator's note",
    "quote": "Quote (verbatim)",
    "requirement": "What is asked",
    "education": "Education asked",
    "years_min": "Experience asked, fewest (years)",
    "years_max": "Experience asked, most (years)",
    "years_mid": "Experience asked, midpoint (years)",
    "field": "Field named",
    "necessity": "How firmly asked",
    "item": "What, in a few words",
    "category": "Category",
    "metric": "Measure, as the source names it",
    "aspect": "Working condition",
    "value": "What the source says",
    "low": "Low (in the unit)",
    "high": "High (in the unit)",
    "unit": "Unit",
    "hours_per_day": "Hours a day open",
    "days_per_week": "Days a week open",
    "soc_code": "Official occupation (SOC code)",
    "occupation": "Official occupation",
    "label": "Label drawn",
    "row": "Row drawn",
    "pick": "Which range",
    "bls_year": "BLS survey year (May)",
    "bls_median_usd": "BLS median (US$ a year)",
    "why": "Why this official occupation (the report's reason)",
    "alt_soc_code": "Other official occupation that fits (SOC code)",
    "alt_occupation": "Other official occupation that fits",
    "alt_median_usd": "Its BLS median (US$ a year)",
    "alt_why": "Why it fits as well (the report's reason)",
    "fit": "How the occupation fits",
    "p10_annual_usd": "BLS 10th percentile (US$ a year)",
    "p25_annual_usd": "BLS 25th percentile (US$ a year)",
    "median_annual_usd": "BLS median (US$ a year)",
    "p75_annual_usd": "BLS 75th percentile (US$ a year)",
    "p90_annual_usd": "BLS 90th percentile (US$ a year)",
    "sources_giving": "Sources that give such figures",
    "sources": "Sources in the column",
    "records": "Records",
    "record_ids": "Records (ids)",
    "claimed_by": "Sources of the records (keys)",
    "priced": "Has a pay figure",
    "pay_role": "Role the pay figure is for",
    "matched_by": "Matched by",
    "requirement_id": "Requirement record (id)",
    "salary_id": "Salary record (id)",
    "claim": "What is measured",
    "kind": "Kind",
    "low_percent": "Low (% a year)",
    "high_percent": "High (% a year)",
    "open_high": "Open-ended at the top",
    "single": "One figure",
    "caveat": "Caveat",
    "n_sources": "Articles",
    "n_claiming": "Articles that claim it",
}
#: Coded values shown in words, by column (the CSVs keep the codes).
VALUE_WORDS: dict[str, dict[str, str]] = {
    "tier": vocab.TIER_LABELS,
    "education": vocab.EDUCATION_LABELS,
    "aspect": vocab.ASPECT_LABELS,
}
#: Columns whose values are lists of codes (``;``-separated), shown as words.
CODE_LISTS = ("flags", "hedge")
#: Number formats, by how a column's name ends: whole dollars, percent (stored as a fraction).
MONEY = '"$"#,##0'
PERCENT = "0.0%"
WHOLE = "0"
HOW_TO_READ = (
    "Each sheet after this one is a table of the report, one row per evidence record: what a source "
    "says, with its verbatim quote and the source it comes from (the Sources list below).",
    "Dollar figures are as the source writes them unless the header says otherwise (US$ of the base "
    "year: adjusted for inflation with CPI-U). A source's hedge words (such as "
    + ", ".join(vocab.HEDGES[:3])
    + ") are in their own column: read the figure with them.",
    "Coded values are shown in words; the CSV files and the data package keep the codes, and the "
    "Dictionary sheet gives every column's code and meaning.",
    "The sheets named Fig. N hold exactly the values each chart of the report draws, with its title, "
    "takeaway, sources and citation.",
    "The report counts how many articles say something, never how common it is; the figures are not "
    "survey data and not meant for setting wages.",
)


def label(column: str) -> str:
    """A column's header in words: its label, or one made from its name ("low_usd" -> "Low (US$)")."""
    if column in LABELS:
        return LABELS[column]
    words = column
    unit = ""
    for suffix, name in (("_usd", "US$"), ("_percent", "%")):
        if words.endswith(suffix):
            words, unit = words.removesuffix(suffix), f" ({name})"
    words = words.replace("_", " ").strip()
    return f"{words[:1].upper()}{words[1:]}{unit}"


def number_format(column: str) -> str | None:
    if column.endswith("_usd"):
        return MONEY
    if column.endswith("_percent"):
        return PERCENT
    if column in ("year", "adj_year", "bls_year", "tier_level", "records", "sources", "n_sources", "n_claiming"):
        return WHOLE
    return None


def shown(column: str, value: object) -> object:
    """A cell's value as the workbook shows it: coded values in words, percentages as fractions."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # a numpy scalar: the Python number it holds
        value = value.item()
        if isinstance(value, float) and pd.isna(value):
            return None
    if column in VALUE_WORDS and isinstance(value, str):
        return VALUE_WORDS[column].get(value, value)
    if column in CODE_LISTS and isinstance(value, str):
        return "; ".join(v.replace("-", " ") for v in value.split(";") if v) or None
    if column.endswith("_percent") and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) / 100
    return value


def _cell(sheet: Worksheet, row: int, column: int, value: object, fmt: str | None = None) -> None:
    """Write one cell: text always as text (never a formula), numbers as numbers in ``fmt``."""
    if value is None or value == "":
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text, even when it starts with "=": never a formula
        if export.formula_like(value):
            cell.quotePrefix = True
    else:
        cell.value = value
        if fmt is not None:
            cell.number_format = fmt


def _table(sheet: Worksheet, frame: pd.DataFrame, top: int = 1, typed: set[str] | None = None) -> None:
    """A table with readable headers, number formats, a filter on its columns and its header frozen.
    ``typed``: the columns holding numbers (for a processed table, read as text, the schema's)."""
    columns = list(frame.columns)
    for c, column in enumerate(columns, start=1):
        _cell(sheet, top, c, label(column))
        sheet.cell(row=top, column=c).font = Font(bold=True)
    for r, values in enumerate(frame.itertuples(index=False), start=top + 1):
        for c, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            if typed is not None and column in typed and isinstance(value, str) and value != "":
                value = float(value)
                value = int(value) if value.is_integer() else value
            _cell(sheet, r, c, shown(column, value), number_format(column))
    for c, column in enumerate(columns, start=1):
        longest = max([len(label(column)), *(len(str(v)) for v in frame[column])], default=10)
        sheet.column_dimensions[get_column_letter(c)].width = min(60, max(10, longest + 2))
    last = get_column_letter(max(1, len(columns)))
    sheet.auto_filter.ref = f"A{top}:{last}{top + len(frame)}"
    sheet.freeze_panes = f"A{top + 1}"


def _about(sheet: Worksheet) -> None:
    rel = release.release()
    rows: list[tuple[str, str]] = [
        ("Title", rel.title),
        ("Author", rel.author),
        ("Version", rel.version),
        ("Released", rel.date),
        ("Cite as", release.report_citation()),
        ("APA", release.report_apa()),
        ("Licence", f"{release.LICENCE} ({release.LICENCE_URL}): share and adapt, with the citation above."),
        ("Quotations", release.QUOTATIONS),
        ("Address", rel.url),
        ("Data and downloads", release.page_url("data")),
    ]
    rows += [("How to read it" if i == 0 else "", text) for i, text in enumerate(HOW_TO_READ)]
    for r, (key, value) in enumerate(rows, start=1):
        _cell(sheet, r, 1, key)
        sheet.cell(row=r, column=1).font = Font(bold=True)
        _cell(sheet, r, 2, value)
        sheet.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    top = len(rows) + 2
    _cell(sheet, top, 1, "Sources")
    sheet.cell(row=top, column=1).font = Font(bold=True, size=13)
    manifest = pd.DataFrame(
        [
            {
                "source_id": m.source_id,
                "title": m.title,
                "author": m.author or "(none named)",
                "published": m.published or "(undated)",
                "publisher": m.publisher or "(none named)",
                "caveat": m.caveat or m.notes,
            }
            for m in sources.read_manifest()
        ]
    )
    headers = {"title": "Title", "author": "Author", "published": "Date", "publisher": "Publisher"}
    for c, column in enumerate(manifest.columns, start=1):
        _cell(sheet, top + 1, c, headers.get(column, label(column)))
        sheet.cell(row=top + 1, column=c).font = Font(bold=True)
    for r, values in enumerate(manifest.itertuples(index=False), start=top + 2):
        for c, value in enumerate(values, start=1):
            _cell(sheet, r, c, value)
            sheet.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 90
    for letter in "CDEF":
        sheet.column_dimensions[letter].width = 30


def _chart_sheet(sheet: Worksheet, name: str) -> None:
    chart = figures.registry()[name]
    data = chart.data()
    head = [
        f"Figure {figures.number(name)}: {chart.title}",
        chart.takeaway(data),
        figures.source_line(chart, data),
        f"Cite as: {figures.citation_text(name)}",
    ]
    for r, text in enumerate(head, start=1):
        _cell(sheet, r, 1, text)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    # The values as the chart's CSV gives them: rounded to what they mean.
    rounded = data.apply(export.rounded)
    _table(sheet, rounded, top=len(head) + 2)


def _dictionary(processed: Path) -> pd.DataFrame:
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    rows = []
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            rows.append(
                {
                    "Table": resource["name"],
                    "Header": label(field["name"]),
                    "Code": field["name"],
                    "Type": field["type"],
                    "Required": "yes" if constraints.get("required") else "",
                    "Allowed values (codes)": ", ".join(constraints.get("enum", [])),
                    "Meaning": field["description"],
                }
            )
    return pd.DataFrame(rows)


def write(out: Path, processed: Path = paths.PROCESSED) -> Path:
    """Write the workbook (byte-stable); a failed run leaves no file that could pass for a new one."""
    book = Workbook()
    about = book.active
    assert about is not None  # a new workbook has one sheet
    about.title = ABOUT
    _about(about)
    for name in evidence.TABLES.values():
        frame = pd.read_csv(processed / f"{name}.csv", dtype=str, keep_default_na=False)
        _table(book.create_sheet(name), frame, typed=export.numeric_columns(name))
    for name in figures.registry():
        _chart_sheet(book.create_sheet(f"Fig. {figures.number(name)}"), name)
    dictionary = book.create_sheet(DICTIONARY)
    for c, column in enumerate(_dictionary(processed).columns, start=1):
        _cell(dictionary, 1, c, column)
        dictionary.cell(row=1, column=c).font = Font(bold=True)
    for r, values in enumerate(_dictionary(processed).itertuples(index=False), start=2):
        for c, value in enumerate(values, start=1):
            _cell(dictionary, r, c, value)
    dictionary.auto_filter.ref = f"A1:G{dictionary.max_row}"
    dictionary.freeze_panes = "A2"
    rel = release.release()
    when = export.release_date()
    props = book.properties
    props.title = rel.title
    props.creator = props.lastModifiedBy = rel.author
    props.subject = f"The data behind the report, version {rel.version}"
    props.description = f"{release.report_citation()} Licence: {release.LICENCE} ({release.LICENCE_URL})."
    props.keywords = "call center; customer service; careers; pay; evidence; CC BY 4.0"
    props.category = "Data set"
    props.version = rel.version
    props.identifier = rel.url
    props.language = "en"
    props.created = props.modified = when
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        book.save(partial)
        export.stable_zip(partial, when)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out
