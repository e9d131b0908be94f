"""Downloads are data, never code, and explain themselves: no formula in the workbook, neutralised
CSVs with a byte-order mark, a workbook a reader can use with nothing else, stable bytes."""

from __future__ import annotations

import codecs
import csv
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analysis.core import evidence, paths, release, sources
from analysis.publish import export, figures, workbook

HOSTILE = [
    '=HYPERLINK("http://example.invalid","click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tindented",
    "  =1+1",  # after spaces
    "\u00a0=2+2",  # after a no-break space
    "plain text",
]


@pytest.fixture
def hostile_tables(tmp_path: Path) -> Path:
    """A copy of the processed tables with a benefits row whose text cells could run as formulas."""
    processed = tmp_path / "processed"
    shutil.copytree(paths.PROCESSED, processed)
    with (processed / "benefits.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for i, text in enumerate(HOSTILE):
            writer.writerow(["job-details-guide", f"benefit-hostile-{i}", text, "pay", "", "", text, text])
    return processed


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory):
    return load_workbook(workbook.write(tmp_path_factory.mktemp("book") / "data.xlsx"))


def test_no_formula_cell_in_the_workbook(tmp_path: Path, hostile_tables: Path) -> None:
    path = workbook.write(tmp_path / "data.xlsx", hostile_tables)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)
    rows = list(load_workbook(path)["benefits"].iter_rows(values_only=False))[-len(HOSTILE) :]
    for text, row in zip(HOSTILE, rows, strict=True):
        cells = {c.value: c for c in row if c.value is not None}
        assert text in cells, text  # the text verbatim, as text
        assert cells[text].data_type == "s"
        assert cells[text].quotePrefix is (text != "plain text"), repr(text)


def test_download_csvs_have_a_bom_neutralise_formula_prefixes_and_keep_numbers(
    tmp_path: Path, hostile_tables: Path
) -> None:
    written = export.tables(tmp_path / "downloads", hostile_tables)
    for path in written:
        if path.suffix == ".csv":
            assert path.read_bytes().startswith(codecs.BOM_UTF8), path.name
    # a reader that knows the mark reads the headers as written; one that does not sees it
    with (tmp_path / "downloads" / "benefits.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (tmp_path / "downloads" / "benefits.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle))[0] == "\ufeffsource_id"
    hostile = rows[-len(HOSTILE) :]
    for text, row in zip(HOSTILE, hostile, strict=True):
        expected = text if text == "plain text" else "'" + text
        assert row["item"] == row["note"] == row["quote"] == expected
    with (tmp_path / "downloads" / "salaries.csv").open(encoding="utf-8-sig", newline="") as handle:
        salaries = list(csv.DictReader(handle))
    assert all(not r["low_usd"].startswith("'") for r in salaries)
    for row in rows[: -len(HOSTILE)]:  # the real records are unchanged
        assert not any(v.startswith("'") for v in row.values())
    package = (tmp_path / "downloads" / "datapackage.json").read_text(encoding="utf-8")
    assert '"encoding": "utf-8-sig"' in package  # the data package says so


def test_the_processed_tables_stay_plain_utf8() -> None:
    for name in evidence.TABLES.values():
        assert not (paths.PROCESSED / f"{name}.csv").read_bytes().startswith(codecs.BOM_UTF8), name


@pytest.mark.parametrize("text", ["=1", " =1", "\u00a0+1", "\n-1", "\u202f@a"])
def test_formula_like_text_is_found_after_blanks(text: str) -> None:
    assert export.formula_like(text)
    assert export.neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["plain", "a=1", "1-2", ""])
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert not export.formula_like(text)
    assert export.neutralise(text) == text


def test_the_first_sheet_explains_the_workbook(book) -> None:
    assert book.sheetnames[0] == workbook.ABOUT
    about = {row[0]: row[1] for row in book[workbook.ABOUT].iter_rows(values_only=True) if row[0]}
    rel = release.release()
    assert about["Title"] == rel.title
    assert about["Author"] == rel.author
    assert about["Version"] == rel.version
    assert about["Released"] == rel.date
    assert about["Cite as"] == release.report_citation()
    assert release.LICENCE in about["Licence"]
    assert about["Address"] == rel.url
    assert about["How to read it"]
    cells = [row for row in book[workbook.ABOUT].iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(cells) if row[:2] == ("Source (key)", "Title"))
    listed = [row for row in cells[header + 1 :] if row[0]]
    manifest = sources.read_manifest()
    assert [row[0] for row in listed] == [m.source_id for m in manifest]
    for row, meta in zip(listed, manifest, strict=True):
        assert row[1] == meta.title
        assert row[2] == (meta.author or "(none named)")
        assert row[3] == (meta.published or "(undated)")
        assert row[5] == (meta.caveat or meta.notes)


SNAKE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")


def test_every_table_and_chart_sheet_has_readable_headers_formats_and_filters(book) -> None:
    for name in evidence.TABLES.values():
        with (paths.PROCESSED / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        sheet = book[name]
        headers = [c.value for c in sheet[1]]
        assert headers == [workbook.label(c) for c in rows[0]], name
        assert not [h for h in headers if "_" in str(h) or SNAKE.match(str(h))], name
        assert sheet.max_row == len(rows), name
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}{len(rows)}", name
        assert sheet.freeze_panes == "A2", name
    salaries = book["salaries"]
    header = [c.value for c in salaries[1]]
    low = salaries.cell(2, header.index(workbook.label("low_usd")) + 1)
    assert isinstance(low.value, int | float)
    assert not isinstance(low.value, bool)
    assert low.number_format == workbook.MONEY
    year = salaries.cell(2, header.index(workbook.label("year")) + 1)
    assert year.value == 2007 or year.number_format == workbook.WHOLE
    tier = salaries.cell(2, header.index(workbook.label("tier")) + 1)
    assert "-" not in str(tier.value) or " " in str(tier.value)  # a rung in words, not a code


def test_a_sheet_per_chart_holds_the_values_it_draws(book) -> None:
    percent_seen = False
    for name, chart in figures.registry().items():
        sheet = book[f"Fig. {figures.number(name)}"]
        data = chart.data()
        cells = list(sheet.iter_rows(values_only=False))
        assert cells[0][0].value == f"Figure {figures.number(name)}: {chart.title}"
        assert cells[1][0].value == chart.takeaway(data)
        assert cells[2][0].value == figures.source_line(chart, data)
        assert figures.citation_text(name) in cells[3][0].value
        top = 6
        headers = [c.value for c in cells[top - 1] if c.value is not None]
        assert headers == [workbook.label(c) for c in data.columns], name
        assert not [h for h in headers if "_" in h], name
        assert sheet.max_row == top + len(data), name
        assert sheet.auto_filter.ref.startswith(f"A{top}:"), name
        for c, column in enumerate(data.columns, start=1):
            for r in range(len(data)):
                cell = cells[top + r][c - 1]
                value = data[column].iloc[r]
                if column.endswith("_usd") and cell.value is not None:
                    assert cell.number_format == workbook.MONEY
                    assert cell.value == pytest.approx(float(value), abs=0.5)
                if column.endswith("_percent") and cell.value is not None:
                    assert cell.number_format == workbook.PERCENT
                    assert cell.value == pytest.approx(float(value) / 100)
                    percent_seen = True
    assert percent_seen


def test_the_workbook_has_its_document_properties(book) -> None:
    rel = release.release()
    props = book.properties
    assert props.title == rel.title
    assert props.creator == rel.author
    assert release.report_citation() in props.description
    assert release.LICENCE in props.description
    assert props.keywords
    assert props.version == rel.version
    assert props.created.date().isoformat() == rel.date


def test_dictionary_sheet_gives_every_code_its_header_and_meaning(book) -> None:
    rows = list(book[workbook.DICTIONARY].iter_rows(values_only=True))
    assert rows[0][:3] == ("Table", "Header", "Code")
    assert ("salaries", workbook.label("low_usd"), "low_usd") in {r[:3] for r in rows[1:]}


def test_a_column_without_a_label_gets_words_not_its_code() -> None:
    assert workbook.label("p33_weekly_usd") == "P33 weekly (US$)"
    assert workbook.label("share_percent") == "Share (%)"
    assert "_" not in workbook.label("some_new_column")


@pytest.mark.slow
def test_workbook_bytes_do_not_depend_on_the_clock(tmp_path: Path) -> None:
    first = workbook.write(tmp_path / "a.xlsx").read_bytes()
    time.sleep(2.1)  # zip entries carry two-second timestamps; cross one boundary at least
    assert workbook.write(tmp_path / "b.xlsx").read_bytes() == first
