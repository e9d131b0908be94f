"""`make book` redoes exactly what a change's content requires, whatever the files' dates say, and a
failed run leaves nothing a later run would take as fresh.

The tests share one scratch copy of the project that starts with the last build's outputs and run
in the order written, as an analyst's day: an evidence record and a chapter's title edited, `make
data`, and the edited files given an old date; `make notebooks`; a sentence added while two `make
book` run at once; the chapter put back from its backup with `cp -p`; and the result compared file
by file with a fresh build. The first build in a copy reads every page (Sphinx starts afresh in
another folder); the others show what Sphinx re-reads. The failures are in test_build_failures.py,
and which pages Sphinx re-reads for each kind of change, without a build, in test_changed_pages.py.
"""

from __future__ import annotations

import fcntl
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from conftest import copy_project, make

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
import build_config

pytestmark = pytest.mark.book

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
OLD = "2000-01-01"
EVIDENCE = "data/evidence/contact-center-pay.yaml"
TABLE = "data/processed/metrics.csv"
RECORD = (
    '    quote: "They have to show that they are knowledgeable about the company and its goods or services that it '
    'sells to the customers."\n'
)
# The record with a shorter quote (still the source's words) and a note.
QUOTE = "they are knowledgeable about the company and its goods or services"
NOTE = "A note that only this test writes."
EDITED = f'    quote: "{QUOTE}"\n    note: {NOTE}\n'
# A chapter that reads neither the evidence file nor the table its edit changes: its text edits
# reach its page without running it.
CHAPTER = "04-benefits"
HEADING = "# Benefits\n"
TITLE = "# Benefits, as edited\n"


@pytest.fixture(scope="module")
def project(built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("build") / "project")


@pytest.fixture(scope="module")
def backup(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chapter as it was, copied with its date (`cp -p`)."""
    saved = tmp_path_factory.mktemp("backup") / f"{CHAPTER}.ipynb"
    subprocess.run(["cp", "-p", str(project / "book" / f"{CHAPTER}.ipynb"), str(saved)], check=True)
    return saved


def _book(project: Path) -> tuple[list[str], set[str]]:
    """`make book`, which must pass; the notebooks it executed and the pages Sphinx read."""
    log = project / "_build" / "build.log"
    log.unlink(missing_ok=True)
    result = make(project, "book")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return _executed(result.stdout), _read(log)


def _executed(output: str) -> list[str]:
    found = re.search(r"^executing \d+ notebooks: (.*)$", output, re.M)
    return found.group(1).split(", ") if found else []


def _read(log: Path) -> set[str]:
    if not log.exists():
        return set()
    text = ANSI.sub("", log.read_text(encoding="utf-8"))
    return set(re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)$", text, re.M))


def _declared(project: Path) -> dict[str, str]:
    """`make inputs`: each step and the patterns it reads."""
    result = make(project, "inputs")
    assert result.returncode == 0, result.stderr
    return dict(line.split(": ", 1) for line in result.stdout.splitlines())


def _matches(project: Path, patterns: str) -> set[str]:
    return {m for p in patterns.split() for m in glob.glob(p.removeprefix("code:"), root_dir=project, recursive=True)}


def _page(project: Path, name: str) -> str:
    return (project / "_build" / "html" / "book" / f"{name}.html").read_text(encoding="utf-8")


def test_with_nothing_changed_make_book_starts_neither_sphinx_nor_a_kernel(project: Path) -> None:
    log = project / "_build" / "build.log"
    before = log.stat().st_mtime_ns
    result = make(project, "book")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Book: {project}/_build/html/index.html", result.stdout
    assert log.stat().st_mtime_ns == before


def _edit_first_text_cell(notebook: Path, edit: Callable[[str], str]) -> None:
    """As JupyterLab saves it (nbformat)."""
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source = edit(cell.source)
    nbformat.write(nb, notebook)


def _pages(project: Path) -> dict[str, str]:
    html = project / "_build" / "html" / "book"
    return {
        f"book/{p.relative_to(html).with_suffix('').as_posix()}": p.read_text(encoding="utf-8")
        for p in html.rglob("*.html")
    }


def test_an_evidence_edit_given_an_old_date_reaches_the_pages_downloads_and_deck(project: Path, backup: Path) -> None:
    evidence = project / EVIDENCE
    deck = project / "book" / "downloads" / "call-center-careers-slides.pptx"
    deck_written = deck.stat().st_mtime_ns
    text = evidence.read_text(encoding="utf-8")
    assert RECORD in text, "the record this test edits is gone; pick another"
    evidence.write_text(text.replace(RECORD, EDITED), encoding="utf-8")
    _edit_first_text_cell(project / "book" / f"{CHAPTER}.ipynb", lambda source: source.replace(HEADING, TITLE, 1))
    assert make(project, "data").returncode == 0
    # As a restore or a tool might leave them: the edited files older than everything built.
    for path in (evidence, project / TABLE, project / "book" / f"{CHAPTER}.ipynb"):
        subprocess.run(["touch", "-d", OLD, str(path)], check=True)

    executed, read = _book(project)
    # Exactly the notebooks declared to read the table or the evidence file that changed.
    notebooks = {p.stem for p in (project / "book").glob("*.ipynb")}
    readers = {
        s
        for s, patterns in _declared(project).items()
        if s in notebooks and _matches(project, patterns) & {EVIDENCE, TABLE}
    }
    assert sorted(executed) == sorted(readers)
    assert "06-conditions" in readers
    assert CHAPTER not in readers
    pages = _pages(project)
    assert read == set(pages)  # the evidence pages show every record, and notebooks ran: every page
    assert f"“{QUOTE}”" in pages["book/06-conditions"]
    # The deck lists a chart's first quotes and links the rest: it is made again from the new table.
    assert deck.stat().st_mtime_ns > deck_written
    downloads = [project / "book" / "downloads" / "metrics.csv", *project.glob("_build/html/_downloads/*/metrics.csv")]
    assert len(downloads) == 2
    for table in downloads:
        assert NOTE in table.read_text(encoding="utf-8"), table
    for name, page in pages.items():
        assert TITLE[2:].strip() in page, name  # every page shows every title


def test_make_notebooks_runs_nothing_current_and_saves_the_outputs_that_changed(project: Path) -> None:
    """The loop after strict nbval fails: the evidence edit changed what a chapter's table shows."""
    notebooks = sorted((project / "book").glob("*.ipynb"))
    before = {nb.name: nb.read_bytes() for nb in notebooks}
    result = make(project, "notebooks")
    assert result.returncode == 0, result.stderr
    assert _executed(result.stdout) == []  # the cache is current after `make book`
    assert [nb.name for nb in notebooks if nb.read_bytes() != before[nb.name]] == ["06-conditions.ipynb"]
    conditions = json.loads((project / "book" / "06-conditions.ipynb").read_text(encoding="utf-8"))["cells"]
    assert QUOTE in json.dumps(conditions, ensure_ascii=False)
    code = [c for c in conditions if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))  # nbval compares each
    assert not any("execution" in c["metadata"] for c in conditions)


def _wait_for_lock(lock: Path, process: subprocess.Popen[str]) -> None:
    """Until the first `make book` holds the build's lock."""
    for _ in range(300):
        assert process.poll() is None, process.communicate()
        if lock.exists():
            with lock.open() as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return
                fcntl.flock(handle, fcntl.LOCK_UN)
        time.sleep(0.05)
    raise AssertionError("the first make book never took the lock")


def test_two_runs_at_once_leave_one_book_and_a_message(project: Path) -> None:
    chapter = project / "book" / f"{CHAPTER}.ipynb"
    _edit_first_text_cell(chapter, lambda source: source + "\n\nA sentence this test adds.\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MAKEFLAGS", "MFLAGS")}
    command = ["make", "-s", f"VENV={sys.prefix}", "book"]
    (project / "_build" / "build.log").unlink()
    first = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_lock(project / "_build" / ".lock", first)
    second = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, out + err
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"make: another build is running in {project}; waiting for it to finish" in second.stderr
    assert "build succeeded" in (project / "_build" / "build.log").read_text(encoding="utf-8")
    assert _executed(out) == []  # a text cell is not what the kernel runs
    # The edited page, and the one whose saved outputs `make notebooks` wrote: they are its source.
    assert _read(project / "_build" / "build.log") == {f"book/{CHAPTER}", "book/06-conditions"}
    assert "A sentence this test adds." in _page(project, CHAPTER)


def test_a_chapter_put_back_from_a_backup_is_read_again(project: Path, backup: Path) -> None:
    subprocess.run(["cp", "-p", str(backup), str(project / "book" / f"{CHAPTER}.ipynb")], check=True)
    executed, read = _book(project)  # older content, older date
    assert (executed, read) == ([], {f"book/{CHAPTER}"})
    for name, page in _pages(project).items():
        assert TITLE[2:].strip() not in page, name  # the title changed back on every page
    assert "A sentence this test adds." not in _page(project, CHAPTER)


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name != ".buildinfo"
    }


def _search_index(data: bytes) -> dict[str, object]:
    """Sphinx's search index, without the words that point at no page.

    Sphinx re-reading a page removes it from the index words it no longer uses but keeps the
    words themselves, with no page; such a word finds nothing, as in a fresh build.
    """
    index = json.loads(data.decode("utf-8").removeprefix("Search.setIndex(").removesuffix(")"))
    for key in ("terms", "titleterms"):
        index[key] = {word: pages for word, pages in index[key].items() if pages != []}
    return index


def test_the_incremental_build_writes_what_a_fresh_build_writes(project: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.copytree(project / "_build" / ".jupyter_cache", fresh / "_build" / ".jupyter_cache")
    flags = list(build_config.JB_FLAGS)
    result = subprocess.run(
        [str(JUPYTER_BOOK), "build", str(project), "--all", *flags, "--path-output", str(fresh)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(project)},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    ours, theirs = _files(project / "_build" / "html"), _files(fresh / "_build" / "html")
    ours.pop("call-center-careers.pdf")  # make places the PDF edition among the pages; Sphinx does not
    assert sorted(ours) == sorted(theirs)
    assert _search_index(ours.pop("searchindex.js")) == _search_index(theirs.pop("searchindex.js"))
    assert [name for name in theirs if ours[name] != theirs[name]] == []
