"""Downloads are data, never code: no formula in the workbook, neutralised CSVs, stable bytes."""

from __future__ import annotations

import csv
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analysis.core import paths
from analysis.publish import export

HOSTILE = [
    '=HYPERLINK("http://example.invalid","click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tindented",
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


def test_no_formula_cell_in_the_workbook(tmp_path: Path, hostile_tables: Path) -> None:
    path = export.workbook(tmp_path / "data.xlsx", hostile_tables)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)
    book = load_workbook(path)
    rows = list(book["benefits"].iter_rows(values_only=False))[-len(HOSTILE) :]
    for text, row in zip(HOSTILE, rows, strict=True):
        cells = {c.value: c for c in row if c.value is not None}
        assert text in cells, text  # the text verbatim, as text
        assert cells[text].data_type == "s"
        assert cells[text].quotePrefix is export.neutralise(text).startswith("'")


def test_download_csvs_neutralise_formula_prefixes_and_keep_numbers(tmp_path: Path, hostile_tables: Path) -> None:
    export.tables(tmp_path / "downloads", hostile_tables)
    with (tmp_path / "downloads" / "benefits.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    hostile = rows[-len(HOSTILE) :]
    for text, row in zip(HOSTILE, hostile, strict=True):
        expected = text if text == "plain text" else "'" + text
        assert row["item"] == row["note"] == row["quote"] == expected
    with (tmp_path / "downloads" / "salaries.csv").open(encoding="utf-8", newline="") as handle:
        salaries = list(csv.DictReader(handle))
    assert all(not r["low_usd"].startswith("'") for r in salaries)
    for row in rows[: -len(HOSTILE)]:  # the real records are unchanged
        assert not any(v.startswith("'") for v in row.values())


@pytest.mark.slow
def test_workbook_bytes_do_not_depend_on_the_clock(tmp_path: Path) -> None:
    first = export.workbook(tmp_path / "a.xlsx").read_bytes()
    time.sleep(1.1)  # zip entries carry two-second timestamps; cross one boundary at least
    time.sleep(1.0)
    assert export.workbook(tmp_path / "b.xlsx").read_bytes() == first
