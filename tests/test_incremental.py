"""`make book` redoes exactly what a change requires, and the result is what a full build gives.

The tests share one scratch copy of the project, built in the order written: a data file that
one chapter reads is changed, then one chapter's text and another's code, and finally the
incremental result is compared, file by file, with a fresh full build of the same sources.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project, make

from analysis.core import paths

sys.path.insert(0, str(paths.ROOT / "_ext"))
import build_config

pytestmark = pytest.mark.book

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def project(built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("incremental") / "project")


def _build(project: Path) -> tuple[list[str], set[str]]:
    """`make book`; the notebooks it executed and the pages Sphinx read."""
    last_run = project / paths.NOTEBOOK_CACHE_DIR / "last-run.json"
    build_log = project / "_build" / "build.log"
    last_run.unlink(missing_ok=True)
    build_log.unlink(missing_ok=True)
    result = make(project, "book")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    if not last_run.exists() and not build_log.exists():
        return [], set()  # make found the book up to date
    last = json.loads(last_run.read_text(encoding="utf-8"))
    log = ANSI.sub("", build_log.read_text(encoding="utf-8"))
    read = set(re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)$", log, re.M))
    return last["executed"], read


def _page(project: Path, name: str) -> str:
    return (project / "_build" / "html" / "book" / f"{name}.html").read_text(encoding="utf-8")


def test_a_data_file_re_executes_exactly_the_chapter_that_reads_it(project: Path) -> None:
    # The BLS projections are read by the agreement chapter alone (and by no chart).
    table = project / "data" / "external" / "bls_employment_projections_2024_34.csv"
    text = table.read_text(encoding="utf-8")
    assert ",High school diploma or equivalent," in text
    table.write_text(
        text.replace(",High school diploma or equivalent,", ",Postsecondary nondegree award,"), encoding="utf-8"
    )
    executed, _ = _build(project)
    assert executed == ["book/07-agreement.ipynb"]
    page = _page(project, "07-agreement")
    assert "\u201cPostsecondary nondegree award\u201d" in page  # quoted from the file, in the computed sentence
    assert "High school diploma or equivalent" not in page


def _edit(notebook: Path, kind: str, text: str) -> None:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == kind)
    cell["source"] = "".join(cell["source"]) + text
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_a_text_edit_re_executes_nothing_and_a_code_edit_only_its_chapter(project: Path) -> None:
    _edit(project / "book" / "02-pay.ipynb", "markdown", "\n\nA sentence added by the incremental test.\n")
    _edit(project / "book" / "04-benefits.ipynb", "code", "\n# a comment added by the incremental test")
    executed, read = _build(project)
    # A text cell is not something the kernel reads; a code cell is.
    assert executed == ["book/04-benefits.ipynb"]
    # The landing page and the methods page glue values from the pay chapter.
    assert read == {"book/02-pay", "book/04-benefits", "book/index", "book/methods"}
    assert "A sentence added by the incremental test." in _page(project, "02-pay")
    assert _build(project) == ([], set())


def test_the_incremental_build_writes_what_a_full_build_writes(project: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    shutil.copytree(project / paths.NOTEBOOK_CACHE_DIR, full / paths.NOTEBOOK_CACHE_DIR)
    env = {**os.environ, "PYTHONPATH": str(project)}
    result = subprocess.run(
        [str(JUPYTER_BOOK), "build", str(project), "--all", *build_config.JB_FLAGS, "--path-output", str(full)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    incremental = project / "_build" / "html"
    fresh = full / "_build" / "html"

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in root.rglob("*")
            # make copies the PDF edition in after Sphinx: not a page either build writes
            if p.is_file() and p.name not in (".buildinfo", "call-center-careers.pdf")
        }

    ours, theirs = files(incremental), files(fresh)
    assert sorted(ours) == sorted(theirs)
    differ = [name for name in theirs if ours[name] != theirs[name]]
    assert differ == []
