"""Downloads that ship with the book: every processed table as CSV, one XLSX workbook (a sheet
per table plus a data-dictionary sheet), and the figure pack. ``python -m analysis.export``."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analysis import evidence, paths

WORKBOOK_NAME = "call-center-careers-data.xlsx"
# A fixed timestamp keeps the workbook's bytes the same from one build to the next.
FIXED_TIME = pd.Timestamp("2026-01-01T00:00:00").to_pydatetime()


def dictionary(processed: Path = paths.PROCESSED) -> pd.DataFrame:
    """The data dictionary: one row per column of every table, from ``datapackage.json``."""
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    rows = []
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            rows.append({"table": resource["name"], "column": field["name"], "type": field["type"],
                         "required": "yes" if constraints.get("required") else "",
                         "allowed values": ", ".join(constraints.get("enum", [])),
                         "description": field["description"]})
    return pd.DataFrame(rows)


def workbook(out: Path, processed: Path = paths.PROCESSED) -> Path:
    """Write the XLSX workbook: a sheet per processed table and a 'dictionary' sheet."""
    book = Workbook()
    book.remove(book.active)
    sheets = {name: pd.read_csv(processed / f"{name}.csv", dtype=str, keep_default_na=False)
              for name in evidence.TABLES.values()}
    sheets["dictionary"] = dictionary(processed)
    for name, frame in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        numeric = {c.name for kind, t in evidence.TABLES.items() if t == name
                   for c in evidence.table_fields(kind) if c.type in ("number", "integer")}
        for row in frame.itertuples(index=False):
            sheet.append([float(v) if col in numeric and v != "" else v
                          for col, v in zip(frame.columns, row, strict=True)])
        for i, col in enumerate(frame.columns, start=1):
            width = min(60, max(10, int(frame[col].astype(str).str.len().max() or 0) + 2, len(col) + 2))
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
    book.properties.creator = "Call Center Careers"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def tables(out_dir: Path, processed: Path = paths.PROCESSED) -> list[Path]:
    """Copy every processed CSV and the data package descriptor to the downloads folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in [*(f"{t}.csv" for t in evidence.TABLES.values()), "datapackage.json"]:
        copied.append(Path(shutil.copy2(processed / name, out_dir / name)))
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.export", description=__doc__)
    parser.add_argument("--out", type=Path, default=paths.DOWNLOADS)
    args = parser.parse_args(argv)
    written = tables(args.out) + [workbook(args.out / WORKBOOK_NAME)]
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
