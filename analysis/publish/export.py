"""Downloads that ship with the book: every processed table as CSV, one XLSX workbook (a sheet
per table plus a data-dictionary sheet), and the figure pack. ``python -m analysis.tools.make_downloads``.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula. Text from the sources and records is data, never a formula:

- in the workbook every text cell is stored as a string (never a formula) with Excel's
  quote-prefix style, so the text stays verbatim and still cannot run when edited;
- in the download CSVs such a cell gets a leading apostrophe (the usual defence; the data
  dictionary and the data page say so), while ``data/processed/`` keeps the text exactly.

Both files are byte-stable: the workbook's timestamps and every zip entry's date are fixed to the
report's release date (``CITATION.cff``).
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
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analysis.core import evidence, paths, schema

WORKBOOK_NAME = "call-center-careers-data.xlsx"
#: What a spreadsheet reads as the start of a formula.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
CSV_NOTE = (
    "In these CSV files a text cell that would start with =, +, -, @, a tab or a carriage "
    "return starts with an apostrophe, so that spreadsheet programs show it instead of running "
    "it; data/processed/ in the repository keeps the text exactly."
)


def release_date(citation: Path = paths.ROOT / "CITATION.cff") -> datetime:
    """The report's release date (``date-released`` in ``CITATION.cff``), as a timestamp."""
    meta = yaml.safe_load(citation.read_text(encoding="utf-8"))
    return datetime.fromisoformat(str(meta["date-released"]))


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe; other text as is."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def safe_csv(path: Path) -> str:
    """A processed CSV with every text cell that could run as a formula neutralised."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    numeric = _numeric_columns(path.stem)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([v if col in numeric else neutralise(v) for col, v in zip(rows[0], row, strict=True)])
    return buffer.getvalue()


def frame_csv(frame: pd.DataFrame) -> str:
    """A table as download CSV text: every text cell that could run as a formula neutralised."""
    shown = frame.copy()
    for column in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[column]) and not pd.api.types.is_bool_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return shown.to_csv(index=False, lineterminator="\n")


def _numeric_columns(table: str) -> set[str]:
    kinds = [k for k, t in schema.TABLES.items() if t == table]
    return schema.numeric_columns(kinds[0]) if kinds else set()


def dictionary(processed: Path = paths.PROCESSED) -> pd.DataFrame:
    """The data dictionary: one row per column of every table, from ``datapackage.json``."""
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    rows = []
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            rows.append(
                {
                    "table": resource["name"],
                    "column": field["name"],
                    "type": field["type"],
                    "required": "yes" if constraints.get("required") else "",
                    "allowed values": ", ".join(constraints.get("enum", [])),
                    "description": field["description"],
                }
            )
    return pd.DataFrame(rows)


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


def workbook(out: Path, processed: Path = paths.PROCESSED) -> Path:
    """Write the XLSX workbook: a sheet per processed table and a 'dictionary' sheet."""
    book = Workbook()
    book.remove(book.active)
    sheets = {
        name: pd.read_csv(processed / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in evidence.TABLES.values()
    }
    sheets["dictionary"] = dictionary(processed)
    for name, frame in sheets.items():
        sheet = book.create_sheet(name)
        numeric = _numeric_columns(name)
        for r, row in enumerate([list(frame.columns), *frame.itertuples(index=False)], start=1):
            for c, (col, value) in enumerate(zip(frame.columns, row, strict=True), start=1):
                if value == "":
                    continue
                cell = sheet.cell(row=r, column=c)
                if r > 1 and col in numeric:
                    cell.value = float(value)
                else:
                    cell.value = value
                    cell.data_type = "s"  # text, even when it starts with "=": never a formula
                    if str(value).startswith(FORMULA_PREFIXES):
                        cell.quotePrefix = True
                if r == 1:
                    cell.font = Font(bold=True)
        for i, col in enumerate(frame.columns, start=1):
            width = min(60, max(10, int(frame[col].astype(str).str.len().max() or 0) + 2, len(col) + 2))
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
    when = release_date()
    book.properties.creator = "Call Center Careers"
    book.properties.created = when
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    book.save(partial)
    stable_zip(partial, when)
    partial.replace(out)
    return out


def tables(out_dir: Path, processed: Path = paths.PROCESSED) -> list[Path]:
    """Write every processed CSV (neutralised for spreadsheets) and the data package descriptor
    to the downloads folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in (f"{t}.csv" for t in evidence.TABLES.values()):
        target = out_dir / name
        target.write_text(safe_csv(processed / name), encoding="utf-8", newline="")
        written.append(target)
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    package["description"] = CSV_NOTE
    target = out_dir / "datapackage.json"
    target.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*written, target]
