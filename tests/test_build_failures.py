"""A failed `make book` says what failed, leaves no page, no PDF and nothing a later run would take
as fresh, and changes no input: a notebook cell that raises, evidence edited without `make data`
however old its date, a hand-edited processed table, a quotation on a page that is not the source's.

The tests share one scratch copy of the project that starts with the last build's outputs; each
puts back what it broke. Every failure but the quotation's comes before Sphinx starts.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, input_hashes, make

pytestmark = pytest.mark.book

OLD = "2000-01-01"


@pytest.fixture(scope="module")
def project(built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("failures") / "project")


def _fails(project: Path, *expected: str) -> str:
    result = make(project, "book")
    assert result.returncode != 0, result.stdout[-2000:]
    for text in expected:
        assert text in result.stderr, result.stderr[-3000:]
    assert not (project / "_build" / "html").exists()  # no page is left to open
    assert not (project / "_build" / "pdf" / "call-center-careers.pdf").exists()  # nor a PDF of them
    return result.stderr


def test_a_misquotation_on_a_page_leaves_no_pdf_printed_beside_the_failed_pages(project: Path) -> None:
    """The PDF is built beside the pages and its one-page build checks no quotation: when the pages'
    check fails, the PDF printed meanwhile goes too."""
    quoted = re.compile(r"“(\w+ \w+ \w+)(\w*)")
    notebook, cell, match = next(
        (path, cell, match)
        for path in sorted((project / "book").glob("[0-9]*.ipynb"))
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "markdown"
        for match in [quoted.search("".join(cell["source"]))]
        if match
    )
    kept = notebook.read_bytes()
    nb = json.loads(kept)
    text = "".join(cell["source"])
    changed = text.replace(match.group(0), f"“{match.group(1)}zzz", 1)
    for each in nb["cells"]:
        if each.get("id") == cell.get("id") and "".join(each["source"]) == text:
            each["source"] = changed
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert (project / "_build" / "pdf" / "call-center-careers.pdf").exists()  # the last build's
    result = make(project, "book")
    assert result.returncode != 0, result.stdout[-2000:]
    assert f"{notebook.stem}.html: “{match.group(1)}zzz" in result.stdout + result.stderr, result.stdout[-3000:]
    assert not (project / "_build" / "html").exists()
    assert not (project / "_build" / "pdf" / "call-center-careers.pdf").exists()
    notebook.write_bytes(kept)


def test_a_cell_that_raises_fails_every_build_naming_notebook_cell_and_error(project: Path) -> None:
    notebook = project / "book" / "04-benefits.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    first = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code")
    boom = {"cell_type": "code", "execution_count": None, "id": "boom", "metadata": {}, "outputs": []}
    nb["cells"].insert(first + 1, {**boom, "source": "raise RuntimeError('deliberate failure')"})
    kept = notebook.read_bytes()
    notebook.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    before = input_hashes(project)
    for _ in ("first", "second"):
        stderr = _fails(project, "book/04-benefits.ipynb: cell 2 (id boom) raised RuntimeError: deliberate failure")
        assert "raise RuntimeError('deliberate failure')" in stderr  # the cell itself
        assert input_hashes(project) == before, "the failed run changed an input"
        assert not (project / "_build" / "stamps" / "04-benefits.ran").exists()  # no record of a run to trust
    notebook.write_bytes(kept)


def test_evidence_edited_without_make_data_fails_however_old_its_date(project: Path) -> None:
    evidence = project / "data" / "evidence" / "contact-center-pay.yaml"
    kept = evidence.read_bytes()
    text = evidence.read_text(encoding="utf-8")
    assert "    metric: knowledge of the company" in text
    evidence.write_text(
        text.replace("    metric: knowledge of the company", "    metric: knowing the company"), encoding="utf-8"
    )
    subprocess.run(["touch", "-d", OLD, str(evidence)], check=True)
    before = input_hashes(project)
    _fails(project, "data/processed/metrics.csv: differs from what the evidence records give (run `make data`)")
    assert input_hashes(project) == before, "the failed run changed an input"
    evidence.write_bytes(kept)


def test_a_hand_edited_processed_table_fails_the_build(project: Path) -> None:
    table = project / "data" / "processed" / "roles.csv"
    kept = table.read_bytes()
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    table.write_text("".join([lines[0], lines[1].replace(",", ",edited by hand ", 1), *lines[2:]]), encoding="utf-8")
    before = input_hashes(project)
    _fails(project, "data/processed/roles.csv: differs from what the evidence records give")
    assert input_hashes(project) == before, "the failed run changed an input"
    table.write_bytes(kept)
