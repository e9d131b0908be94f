"""The notebook executor: a cell that raises fails it, and every file a notebook reads is traced.

These run the executor (scripts/execute_notebooks.py) on small projects written here, with one
notebook each: no book is built.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core import paths

pytestmark = pytest.mark.book  # runs notebooks (in kernels), though it needs no book

TRACED_KERNEL = paths.ROOT / "_ext" / "traced_kernel.py"


def _notebook(path: Path, *cells: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"c{i}",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
            for i, source in enumerate(cells)
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")


def _project(tmp_path: Path) -> Path:
    """A project with this one's executor (and its _ext folder, where there is one)."""
    root = tmp_path / "project"
    shutil.copytree(paths.ROOT / "scripts", root / "scripts")
    if (paths.ROOT / "_ext").is_dir():
        shutil.copytree(paths.ROOT / "_ext", root / "_ext")
    return root


def _execute(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the copied executor on the small project (its default root is this project's)."""
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "execute_notebooks.py"), "--root", str(root), *options],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_cell_that_raises_fails_the_executor_naming_notebook_cell_and_error(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _notebook(root / "book" / "boom.ipynb", "print('before')", "raise RuntimeError('deliberate failure')")
    result = _execute(root)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "book/boom.ipynb: cell 1 (id c1) raised RuntimeError: deliberate failure" in result.stderr


def test_every_project_file_a_notebook_reads_is_recorded(tmp_path: Path) -> None:
    root = _project(tmp_path)
    data = root / "data"
    (data / "folder").mkdir(parents=True)
    for name in ("a.csv", "b.txt", "c.json", "d.bin", "folder/e.txt", "unread.txt"):
        (data / name).write_text("x,y\n1,2\n", encoding="utf-8")
    with sqlite3.connect(data / "f.sqlite") as db:
        db.execute("create table t (x)")
    toolbox = root / "book" / "toolbox"
    toolbox.mkdir(parents=True)
    (toolbox / "__init__.py").write_text("from toolbox import parts\n", encoding="utf-8")
    (toolbox / "parts.py").write_text("VALUE = 1\n", encoding="utf-8")
    _notebook(
        root / "book" / "reader.ipynb",
        "import os, glob, json, sqlite3\nfrom pathlib import Path\nimport pandas as pd\nimport toolbox",
        "d = Path('../data')\n"
        "pd.read_csv(d / 'a.csv')\n"
        "open(d / 'b.txt').read()\n"
        "(d / 'c.json').read_text()\n"
        "os.close(os.open(d / 'd.bin', os.O_RDONLY))\n"
        "files = sorted(glob.glob(str(d / 'folder' / '*.txt')))\n"
        "sqlite3.connect(d / 'f.sqlite').close()\n"
        "(d / 'written.txt').write_text('an output, not an input')",
    )
    result = _execute(root)
    assert result.returncode == 0, result.stdout + result.stderr
    stamp = json.loads(
        (root / paths.NOTEBOOK_CACHE_DIR / "stamps" / "book" / "reader.ipynb.json").read_text(encoding="utf-8")
    )
    expected = {
        "book/reader.ipynb",
        "book/toolbox/__init__.py",
        "book/toolbox/parts.py",
        "data/a.csv",
        "data/b.txt",
        "data/c.json",
        "data/d.bin",
        "data/f.sqlite",
    }
    assert expected <= set(stamp["files"]), sorted(expected - set(stamp["files"]))
    assert "data/unread.txt" not in stamp["files"]
    assert "data/written.txt" not in stamp["files"]
    assert "data/folder" in stamp["listings"]

    again = _execute(root)
    assert "0 executed" in again.stdout, again.stdout
    for change, reason in (
        (toolbox / "parts.py", "book/toolbox/parts.py"),  # imported indirectly
        (data / "d.bin", "data/d.bin"),
        (data / "folder" / "new.txt", "data/folder/"),
    ):  # the glob finds more
        before = change.read_bytes() if change.exists() else None
        change.write_text("changed\n", encoding="utf-8")
        dry = _execute(root, "--dry-run")
        assert f"would execute book/reader.ipynb ({reason}" in dry.stdout, dry.stdout
        if before is None:
            change.unlink()
        else:
            change.write_bytes(before)
    assert "current book/reader.ipynb" in _execute(root, "--dry-run").stdout  # as it was
    rerun = _execute(root, "--no-zygote", "--force")  # a kernel of its own traces the same
    assert rerun.returncode == 0, rerun.stderr
    restamped = json.loads(
        (root / paths.NOTEBOOK_CACHE_DIR / "stamps" / "book" / "reader.ipynb.json").read_text(encoding="utf-8")
    )
    assert restamped["files"] == stamp["files"]
    assert restamped["listings"] == stamp["listings"]


def test_the_tracing_kernel_gives_the_outputs_of_the_plain_kernel(tmp_path: Path) -> None:
    """What the cached outputs hold is what nbval's plain kernel gives: same path, names, argv."""
    import nbformat
    from jupyter_cache import get_cache
    from nbclient import NotebookClient

    root = _project(tmp_path)
    notebook = root / "book" / "show.ipynb"
    _notebook(
        notebook,
        "import os, sys\nprint(sys.path)\nprint(sys.argv[0], __name__)",
        "sorted(n for n in dir() if not n.startswith('_'))",
    )
    result = _execute(root)
    assert result.returncode == 0, result.stdout + result.stderr
    cache = get_cache(root / paths.NOTEBOOK_CACHE_DIR)
    _, traced = cache.merge_match_into_notebook(nbformat.read(notebook, as_version=4))
    plain = nbformat.read(notebook, as_version=4)
    NotebookClient(plain, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}).execute()
    assert [c.outputs for c in traced.cells] == [c.outputs for c in plain.cells]
    assert "traced_kernel" not in str(traced.cells[1].outputs)
