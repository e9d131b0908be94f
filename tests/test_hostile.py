"""A hostile source and its records go through `make data`, the book and the downloads as data:
the page shows their text literally, no script or formula survives, and no input is changed."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from analysis.core import paths

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
FORMULA = '=HYPERLINK("http://example.invalid","apply here")'
TEXT = f"""Perks at an example call center

Agents get a free lunch {SCRIPT} every Friday | and tuition help {IMAGE} after a year.
{FORMULA} is where the perks are listed.
"""
QUOTES = [
    f"Agents get a free lunch {SCRIPT} every Friday | and tuition help {IMAGE} after a year.",
    f"{FORMULA} is where the perks are listed.",
]
KEY = "hostile-perks"
BIN = Path(sys.executable).parent


def _project(tmp_path: Path) -> Path:
    """A copy of the project with a sixth, hostile source: text, manifest row, records, BibTeX."""
    root = tmp_path / "project"
    shutil.copytree(
        paths.ROOT,
        root,
        ignore=shutil.ignore_patterns(".venv", "_build", ".git", "downloads", "__pycache__", "*.egg-info"),
    )
    raw = root / "data" / "raw" / "005_hostile.txt"
    raw.write_text(TEXT, encoding="utf-8")
    digest = hashlib.sha256(raw.read_bytes()).hexdigest()
    with (root / "data" / "raw" / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [KEY, raw.name, digest, f"Perks {SCRIPT}", "Perks", "", "", "", "", f"{FORMULA} note", ""]
        )
    records = [
        {
            "id": "benefit-lunch",
            "kind": "benefit",
            "item": IMAGE,
            "category": "work-environment",
            "hedge": [],
            "note": FORMULA,
            "quote": QUOTES[0],
        },
        {
            "id": "benefit-listed",
            "kind": "benefit",
            "item": "perks listed",
            "category": "pay",
            "hedge": [],
            "quote": QUOTES[1],
        },
    ]
    (root / "data" / "evidence" / f"{KEY}.yaml").write_text(
        yaml.safe_dump({"source_id": KEY, "records": records}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    with (root / "book" / "references.bib").open("a", encoding="utf-8") as handle:
        handle.write(f"\n@misc{{{KEY},\n  title = {{Perks}},\n  shorttitle = {{Perks}}\n}}\n")
    # The benefits chapter, which quotes every benefit record, and the bibliography it cites into.
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: book/04-benefits\nchapters:\n  - file: book/bibliography\n", encoding="utf-8"
    )
    return root


def _run(root: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}  # the copy's analysis package, not this one
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False)


def _hashes(root: Path) -> dict[str, str]:
    folders = [root / "data" / "raw", root / "data" / "evidence", root / "data" / "external"]
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.iterdir())
    }


@pytest.mark.book
def test_hostile_record_is_shown_as_text_everywhere(tmp_path: Path) -> None:
    root = _project(tmp_path)
    inputs = _hashes(root)
    data = _run(root, str(BIN / "python"), "-m", "analysis.tools.make_data")
    assert data.returncode == 0, data.stderr
    figures = _run(root, str(BIN / "python"), "-m", "analysis.tools.make_figures")  # the charts now hold six sources
    assert figures.returncode == 0, figures.stderr[-2000:]
    book = _run(root, str(BIN / "jupyter-book"), "build", ".", "--keep-going")
    assert book.returncode == 0, (book.stdout + book.stderr)[-3000:]
    page = (root / "_build" / "html" / "book" / "04-benefits.html").read_text(encoding="utf-8")
    assert SCRIPT not in page
    assert "<img src=x" not in page
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; every Friday | and tuition help &lt;img src=x onerror=alert(2)&gt;"
        in page
    )
    assert (
        "=HYPERLINK(&quot;http://example.invalid&quot;,&quot;apply here&quot;) is where the perks" in page
        or '=HYPERLINK("http://example.invalid","apply here") is where the perks' in page
    )

    downloads = root / "downloads"
    export = _run(root, str(BIN / "python"), "-m", "analysis.tools.make_downloads", "--out", str(downloads))
    assert export.returncode == 0, export.stderr
    with zipfile.ZipFile(downloads / "call-center-careers-data.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
        strings = (
            archive.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in archive.namelist() else ""
        )
    assert not any(b"<f>" in s or b"<f " in s for s in sheets)
    assert "=HYPERLINK(" in strings or any(b"=HYPERLINK(" in s for s in sheets)
    with (downloads / "benefits.csv").open(encoding="utf-8-sig", newline="") as handle:  # a BOM, for spreadsheets
        rows = [r for r in csv.DictReader(handle) if r["source_id"] == KEY]
    assert [r["quote"] for r in rows] == [QUOTES[0], "'" + QUOTES[1]]
    assert rows[0]["note"] == "'" + FORMULA
    assert _hashes(root) == inputs
