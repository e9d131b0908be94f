"""Downloads that ship with the book: every processed table as CSV (the workbook is
:mod:`analysis.publish.workbook`, the figure pack :mod:`analysis.publish.figures`), and the rules
every download follows. ``python -m analysis.tools.make_downloads``.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula. Text from the sources and records is data, never a formula:

- in the workbook every text cell is stored as a string (never a formula) with Excel's
  quote-prefix style, so the text stays verbatim and still cannot run when edited;
- in the download CSVs such a cell gets a leading apostrophe (the usual defence; the data
  dictionary and the data page say so), while ``data/processed/`` keeps the text exactly.
  A spreadsheet may skip spaces and no-break spaces before it reads a formula: such a cell is
  neutralised too (:func:`formula_like`).

The download CSVs are UTF-8 with a byte-order mark (:data:`DOWNLOAD_ENCODING`), so a spreadsheet
opened by double-click reads their curly quotes right; numbers are rounded to what they mean
(:func:`rounded`). The workbook and the deck are byte-stable: their timestamps and every zip
entry's date are fixed to the report's release date (``CITATION.cff``, :func:`stable_zip`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import yaml

from analysis.core import evidence, paths, schema

WORKBOOK_NAME = "call-center-careers-data.xlsx"
#: What a spreadsheet reads as the start of a formula.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
#: What a spreadsheet may skip before it reads a formula: spaces, no-break spaces and line breaks.
LEADING_BLANKS = " \u00a0\u2007\u202f\n"
#: The download CSVs (the book's tables and the charts' data) are UTF-8 with a byte-order mark,
#: which spreadsheet programs need to read them as UTF-8 when opened by double-click (without
#: it, Excel shows a curly apostrophe as three letters). data/processed/, the repository's
#: machine-readable data package, stays plain UTF-8.
DOWNLOAD_ENCODING = "utf-8-sig"
CSV_NOTE = (
    "These CSV files are UTF-8 with a byte-order mark, for spreadsheet programs; data/processed/ in "
    "the repository holds the same tables in plain UTF-8. A text cell that would start (after any "
    "spaces) with =, +, -, @, a tab or a carriage return starts with an apostrophe, so that "
    "spreadsheet programs show it instead of running it; data/processed/ keeps the text exactly."
)


def release_date(citation: Path = paths.ROOT / "CITATION.cff") -> datetime:
    """The report's release date (``date-released`` in ``CITATION.cff``), as a timestamp."""
    meta = yaml.safe_load(citation.read_text(encoding="utf-8"))
    return datetime.fromisoformat(str(meta["date-released"]))


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read the text as a formula: it starts with a formula character,
    or does after spaces, no-break spaces or line breaks."""
    return text.startswith(FORMULA_PREFIXES) or text.lstrip(LEADING_BLANKS).startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe; other text as is."""
    return "'" + text if formula_like(text) else text


def safe_csv(path: Path) -> str:
    """A processed CSV with every text cell that could run as a formula neutralised."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    numeric = numeric_columns(path.stem)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([v if col in numeric else neutralise(v) for col, v in zip(rows[0], row, strict=True)])
    return buffer.getvalue()


#: Decimal places a number column keeps in a download, by how its name ends: dollars are whole
#: dollars (a CPI-U adjustment's cents are not information), any other fraction two places.
DECIMALS: tuple[tuple[str, int], ...] = (("_usd", 0),)
OTHER_DECIMALS = 2


def rounded(column: pd.Series) -> pd.Series:
    """A number column as a reader should see it: rounded to what it means (:data:`DECIMALS`), and
    whole numbers without a decimal point (a year is 2007, not 2007.0); missing values stay empty."""
    if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column):
        return column
    places = next((d for suffix, d in DECIMALS if str(column.name).endswith(suffix)), OTHER_DECIMALS)
    values = column.astype("float64").round(places)
    if values.dropna().eq(values.dropna().round()).all():
        return values.astype("Int64")
    return values


def frame_csv(frame: pd.DataFrame) -> str:
    """A table as download CSV text: numbers rounded to what they mean, and every text cell that
    could run as a formula neutralised."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_numeric_dtype(shown[column]) and not pd.api.types.is_bool_dtype(shown[column]):
            shown[column] = rounded(shown[column])
        elif not pd.api.types.is_bool_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return shown.to_csv(index=False, lineterminator="\n")


def numeric_columns(table: str) -> set[str]:
    """The number columns of a processed table (by its name), from the schema."""
    kinds = [k for k, t in schema.TABLES.items() if t == table]
    return schema.numeric_columns(kinds[0]) if kinds else set()


def stable_zip(path: Path, when: datetime) -> None:
    """Rewrite a zip container (XLSX, PPTX) so its bytes depend on its content only: every entry
    dated ``when``, in the order written, and the document's own modified/created times set to it.
    A container inside it (the workbook a PPTX chart embeds, say) is made stable the same way."""
    path.write_bytes(_stable_container(path.read_bytes(), when))


#: Entries of a container that are containers themselves (an embedded workbook or document).
_NESTED = (".xlsx", ".xlsm", ".docx", ".pptx")


def _stable_container(content: bytes, when: datetime) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    data,
                )
            elif name.lower().endswith(_NESTED):
                data = _stable_container(data, when)
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def tables(out_dir: Path, processed: Path = paths.PROCESSED) -> list[Path]:
    """Write every processed CSV (neutralised for spreadsheets) and the data package descriptor
    to the downloads folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in (f"{t}.csv" for t in evidence.TABLES.values()):
        target = out_dir / name
        target.write_text(safe_csv(processed / name), encoding=DOWNLOAD_ENCODING, newline="")
        written.append(target)
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    package["description"] = CSV_NOTE
    for resource in package["resources"]:
        resource["encoding"] = DOWNLOAD_ENCODING
    target = out_dir / "datapackage.json"
    target.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*written, target]
