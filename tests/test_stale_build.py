"""A failed `make book` leaves nothing that the next run would take as fresh, and changes no input.

Each test works on a scratch copy of the project that carries the last build's outputs, so only
what the change requires is redone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import copy_project, input_hashes, make

pytestmark = pytest.mark.book


def _insert_cell(notebook: Path, source: str) -> None:
    """A code cell before the first one (so the notebook fails at once)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    first = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code")
    nb["cells"].insert(
        first,
        {"cell_type": "code", "execution_count": None, "id": "boom", "metadata": {}, "outputs": [], "source": source},
    )
    notebook.write_text(json.dumps(nb, indent=1), encoding="utf-8")


def test_a_notebook_that_raises_fails_every_build_and_leaves_no_page(built_book: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _insert_cell(project / "book" / "04-benefits.ipynb", "raise RuntimeError('deliberate failure')")
    before = input_hashes(project)
    for attempt in ("first", "second"):
        result = make(project, "book")
        assert result.returncode != 0, f"the {attempt} `make book` passed:\n{result.stdout[-2000:]}"
        assert "book/04-benefits.ipynb: cell" in result.stderr, result.stderr[-2000:]
        assert "RuntimeError: deliberate failure" in result.stderr
        assert not (project / "_build" / "html" / "index.html").exists(), attempt
        assert input_hashes(project) == before, f"the {attempt} failed run changed an input"


def test_a_hand_edited_processed_table_stops_the_build(built_book: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    table = project / "data" / "processed" / "benefits.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",", ",edited by hand ", 1)
    table.write_text("".join(lines), encoding="utf-8")
    before = input_hashes(project)
    index = project / "_build" / "html" / "index.html"
    result = make(project, "book")
    assert result.returncode != 0, f"`make book` passed:\n{result.stdout[-2000:]}"
    assert "data/processed/benefits.csv: differs from what the evidence records give" in result.stderr, result.stderr[
        -2000:
    ]
    assert not index.exists() or index.stat().st_mtime < table.stat().st_mtime
    assert input_hashes(project) == before, "the failed run changed an input"
