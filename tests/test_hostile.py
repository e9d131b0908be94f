"""A hostile sixth source goes through `make data` and `make book` as data: its manifest row and its
records carry markup, scripts and formulas, the book builds without a warning, and every output
(pages, search index, downloads, workbook, figure pack, slide deck and the workbooks its charts
embed) shows them as text: no script runs, no formula is stored, no input is changed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import OUTPUTS, copy_project, input_hashes, make

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
FORMULA = '=HYPERLINK("http://example.invalid","apply here")'
#: What a page, an SVG or a script may never hold: the payloads as live markup.
LIVE = ("<script>alert", "<img src=x")
KEY = "hostile-perks"
TEXT = f"""Perks at an example call center

Agents get a free lunch {SCRIPT} every Friday | and tuition help {IMAGE} after a year.
{FORMULA} is where the perks are listed.
Agents here earn $30,000 to $40,000 a year in 2024, says {SCRIPT} the page.
Leads {IMAGE} earn $50,000 a year in 2024.
This list {IMAGE} may not be current.
"""
TITLE = f"Perks {SCRIPT}"
RECORDS = [
    {
        "id": "benefit-lunch",
        "kind": "benefit",
        "item": IMAGE,
        "category": "work-environment",
        "hedge": [],
        "note": FORMULA,
        "quote": f"Agents get a free lunch {SCRIPT} every Friday | and tuition help {IMAGE} after a year.",
    },
    {
        "id": "benefit-listed",
        "kind": "benefit",
        "item": "perks listed",
        "category": "pay",
        "hedge": [],
        "quote": f"{FORMULA} is where the perks are listed.",
    },
    {
        "id": "salary-formula",
        "kind": "salary",
        "role": FORMULA,
        "tier": "frontline",
        "statistic": "range",
        "low_usd": 30000,
        "high_usd": 40000,
        "period": "year",
        "year": 2024,
        "year_basis": f"stated in the text {SCRIPT}",
        "hedge": [],
        "note": SCRIPT,
        "quote": f"Agents here earn $30,000 to $40,000 a year in 2024, says {SCRIPT} the page.",
    },
    {
        "id": "salary-markup",
        "kind": "salary",
        "role": f"Leads {IMAGE}",
        "tier": "team-lead",
        "statistic": "average",
        "low_usd": 50000,
        "period": "year",
        "year": 2024,
        "year_basis": "stated in the text",
        "hedge": [],
        "quote": f"Leads {IMAGE} earn $50,000 a year in 2024.",
    },
]


def add_hostile_source(root: Path) -> None:
    """A sixth source whose text, manifest row, records and BibTeX entry carry the payloads, with
    its page in the table of contents."""
    raw = root / "data" / "raw" / "005_hostile.txt"
    raw.write_text(TEXT, encoding="utf-8")
    digest = hashlib.sha256(raw.read_bytes()).hexdigest()
    row = [KEY, raw.name, digest, TITLE, f"Perks {IMAGE}", f"{SCRIPT} Author", "2024", FORMULA]
    row += ["https://example.invalid/perks", f"{FORMULA} note", f"This list {IMAGE} may not be current."]
    with (root / "data" / "raw" / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)
    (root / "data" / "evidence" / f"{KEY}.yaml").write_text(
        yaml.safe_dump({"source_id": KEY, "records": RECORDS}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    with (root / "book" / "references.bib").open("a", encoding="utf-8") as handle:
        handle.write(f"\n@misc{{{KEY},\n  title = {{Perks}},\n  shorttitle = {{Perks}}\n}}\n")
    (root / "book" / "sources" / f"{KEY}.md").write_text(f"```{{source-reader}} {KEY}\n```\n", encoding="utf-8")
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    last = "          - file: book/sources/career-advancement-guide\n"
    assert last in toc
    (root / "_toc.yml").write_text(toc.replace(last, f"{last}          - file: book/sources/{KEY}\n"), encoding="utf-8")


def parts(path: Path) -> Iterator[tuple[str, bytes]]:
    """Every file of an output, and of every container in it (a zip, a PPTX, the workbook a chart
    embeds), as (name, bytes)."""
    data = path.read_bytes()
    yield str(path), data
    if path.suffix in (".zip", ".xlsx", ".pptx"):
        yield from _members(data, str(path))


def _members(data: bytes, name: str) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.namelist():
            content = archive.read(member)
            yield f"{name}!{member}", content
            if member.endswith((".zip", ".xlsx", ".pptx")):
                yield from _members(content, f"{name}!{member}")


def live_markup(name: str, data: bytes) -> list[str]:
    """The payloads found as markup in a page, an SVG, a script or an XML part."""
    if not name.endswith((".html", ".svg", ".js", ".xml", ".rels", ".ipynb")):
        return []
    text = data.decode("utf-8", errors="replace")
    return [f"{name}: {bad}" for bad in LIVE if bad in text]


def formulas(name: str, data: bytes) -> list[str]:
    """A spreadsheet formula stored in a workbook's sheet, or a CSV cell a spreadsheet would run."""
    if re.search(r"xl/worksheets/[^!]*\.xml$", name) and re.search(rb"<f[ >]", data):
        return [f"{name}: a formula"]
    if name.endswith(".csv"):
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
        return [f"{name}: {cell[:40]!r}" for row in rows for cell in row if re.match(r"[=+@\t\r]|-(?![\d.]+$)", cell)]
    return []


@pytest.mark.book
@pytest.mark.slow
def test_a_hostile_source_builds_a_book_that_shows_it_as_text_everywhere(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", with_build=False)
    add_hostile_source(root)
    data = make(root, "data")
    assert data.returncode == 0, data.stderr[-3000:]
    inputs = input_hashes(root)

    book = make(root, "book", timeout=1200)
    assert book.returncode == 0, (book.stdout + book.stderr)[-4000:]
    assert input_hashes(root) == inputs

    outputs = [p for o in OUTPUTS for p in sorted((root / o).rglob("*")) if p.is_file() and ".doctrees" not in p.parts]
    found = [(name, content) for path in outputs for name, content in parts(path)]
    assert not [problem for name, content in found for problem in live_markup(name, content)]
    assert not [problem for name, content in found for problem in formulas(name, content)]
    for name, content in found:
        if name.endswith(".json"):
            json.loads(content)  # every JSON output parses: the payloads are escaped in it

    # The payloads reached every kind of output, as text.
    page = (root / "_build" / "html" / "book" / "sources" / f"{KEY}.html").read_text(encoding="utf-8")
    escaped = "Perks &lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<h1>{escaped}</h1>" in page  # the theme's print-only heading
    assert f"<title>{escaped}" in page
    assert "This list &lt;img src=x onerror=alert(2)&gt; may not be current." in page  # the caveat
    index = (root / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
    assert escaped in index
    with (root / "book" / "downloads" / "salaries.csv").open(encoding="utf-8-sig", newline="") as handle:
        salary = next(r for r in csv.DictReader(handle) if r["source_id"] == KEY)
    assert salary["role"] == "'" + FORMULA
    workbook = [c for n, c in found if re.search(r"call-center-careers-data\.xlsx!xl/.+\.xml$", n)]
    assert any(b"=HYPERLINK(" in c for c in workbook), "the salary role reaches the workbook, as text"
    deck = root / "book" / "downloads" / "call-center-careers-slides.pptx"
    embedded = [c for n, c in parts(deck) if re.search(r"\.xlsx!xl/sharedStrings\.xml$", n)]
    assert any(b"=HYPERLINK(" in c for c in embedded), "the salary role reaches a chart's workbook"
    cards = [c for n, c in found if re.search(r"_build/figures/[^/]+\.txt$", n)]
    assert any(b"=HYPERLINK(" in c for c in cards), "and the figure pack's text cards"
