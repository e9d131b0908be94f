"""Strict nbval really compares: an edited saved output makes it fail."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core import paths

pytestmark = pytest.mark.book


def _nbval(notebook: Path) -> subprocess.CompletedProcess[str]:
    """Strict nbval on one notebook, in its folder with the project's sanitize file and conftest."""
    for name in ("conftest.py", "nbval_sanitize.cfg"):
        shutil.copy(paths.ROOT / "tests" / name, notebook.parent)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "-o",
            "filterwarnings=error",
            "-o",
            "markers=book",
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            "nbval_sanitize.cfg",
            notebook.name,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=notebook.parent,
    )


def test_edited_output_of_the_sources_chapter_fails_nbval_and_says_how_to_refresh(tmp_path: Path) -> None:
    nb = json.loads((paths.BOOK / "01-sources.ipynb").read_text(encoding="utf-8"))
    edited = False
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data and not edited:
                text = "".join(data["text/markdown"])
                data["text/markdown"] = text.replace("515", "516", 1)
                edited = text != data["text/markdown"]
    assert edited, "no saved table output to edit"
    copy = tmp_path / "01-sources.ipynb"
    copy.write_text(json.dumps(nb), encoding="utf-8")
    result = _nbval(copy)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "1 failed" in result.stdout
    assert "01-sources.ipynb: run `make notebooks`" in result.stdout
    assert "review `git diff book/`" in result.stdout


def test_a_notebook_saved_from_jupyterlab_passes_strict_nbval(tmp_path: Path) -> None:
    """What JupyterLab changes when it runs and saves a notebook is nothing nbval compares.

    Lab runs the cells in the same kernel (the outputs are the kernel's, as committed), records
    when each ran (its "record timing" setting: an `execution` entry in the cell's metadata),
    numbers them in the order they were run, names the kernel "Python 3 (ipykernel)", may add
    widget state and collapsed/hidden flags, and saves through jupyter_server, which writes
    with nbformat (indent 1, a trailing newline).
    """
    import nbformat

    notebook = paths.BOOK / "index.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata.kernelspec = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata.widgets = {
        "application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2, "version_minor": 0}
    }
    for count, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.metadata["execution"] = {
            "iopub.execute_input": "2026-12-01T09:00:00.000000Z",
            "iopub.status.busy": "2026-12-01T09:00:00.000000Z",
            "iopub.status.idle": "2026-12-01T09:00:01.000000Z",
            "shell.execute_reply": "2026-12-01T09:00:01.000000Z",
        }
        cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        cell.metadata["collapsed"] = False
        cell.execution_count = 40 + 3 * count  # run out of order, several times
        for output in cell.outputs:
            if "execution_count" in output:
                output.execution_count = cell.execution_count
    saved = tmp_path / notebook.name
    nbformat.write(nb, saved, version=nbformat.NO_CONVERT)
    assert saved.read_text(encoding="utf-8").endswith("}\n")
    result = _nbval(saved)
    assert result.returncode == 0, result.stdout[-3000:]
