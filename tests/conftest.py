"""Shared fixtures: a scratch copy of the raw data, the built book (built once, shared), and
scratch copies of the whole project for the build tests.

Tests that need the built book, build a copy of it or run notebooks carry the ``book`` marker
(`make unit` leaves them out); nbval's notebook items get it here too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from analysis.core import paths

sys.path.insert(0, str(paths.ROOT / "_ext"))
import build_config

# The environment the tests run in: a scratch copy builds with it (`make VENV=...`).
VENV = Path(sys.prefix)
# What `make book` writes (the source pages too, from the manifest); everything else is an input.
OUTPUTS = ("_build", "book/downloads", "book/sources")
# Left out of scratch copies: the environment, history, caches and the build's lock.
NOT_COPIED = (*build_config.NOT_COPIED, ".lock")
# The PDF edition's own build folder (a whole second site) stays behind; the PDF itself comes along,
# so a `make book` in the copy has no PDF to print again until the pages change.
PDF_SITE = paths.BUILD / "pdf" / "site"


# The files that take longest (`pytest --durations`), run first: `make test` hands whole files to
# its two workers in collection order (`--dist loadfile --no-loadscope-reorder`), and a long file
# started last would leave one worker idle while the other finishes it.
LONGEST_FIRST = (
    "test_build.py",
    "test_accessibility.py",
    "test_accessibility_phone.py",
    "test_pdf.py",
    "test_hostile.py",
    "test_browser.py",
    "test_build_failures.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.book)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


# With CALL_CENTER_CAREERS_NO_SKIP=1 (CI sets it), a test that skips fails the run: a missing browser,
# Java or LibreOffice must not turn the browser, HTML or deck checks into silent passes.
NO_SKIP = os.environ.get("CALL_CENTER_CAREERS_NO_SKIP") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    if NO_SKIP and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, and CALL_CENTER_CAREERS_NO_SKIP=1 forbids skips: {reason}"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """After a notebook failed strict nbval, say how to bring its saved outputs up to date."""
    failed = [r for r in terminalreporter.stats.get("failed", []) if r.nodeid.split("::")[0].endswith(".ipynb")]
    if failed:
        names = sorted({r.nodeid.split("::")[0] for r in failed})
        terminalreporter.write_sep("-", "saved notebook outputs differ from a fresh run")
        terminalreporter.write_line(
            f"{', '.join(names)}: run `make notebooks` (it re-runs what changed and saves the outputs into "
            "the notebooks), review `git diff book/`, and commit the notebooks if the new outputs are right."
        )


def copy_project(target: Path, with_build: bool = True) -> Path:
    """A copy of the project (modification times kept, so make sees what is up to date).

    With ``with_build``, the outputs of the last `make book` come along (digests, notebook cache,
    pages, downloads), so a build in the copy redoes only what a change there requires.
    """
    patterns = shutil.ignore_patterns(*NOT_COPIED)
    left_behind = {PDF_SITE} | (set() if with_build else {paths.ROOT / o for o in OUTPUTS})

    def ignore(folder: str, names: list[str]) -> set[str]:
        return set(patterns(folder, names)) | {n for n in names if Path(folder, n) in left_behind}

    shutil.copytree(paths.ROOT, target, ignore=ignore, symlinks=True)
    return target


def make(project: Path, *targets: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """`make -s TARGET...` in a project, with this test run's environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MAKEFLAGS", "MFLAGS")}
    return subprocess.run(
        ["make", "-s", f"VENV={VENV}", *targets],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def input_hashes(project: Path) -> dict[str, str]:
    """sha256 of every input file of a project: everything but its build outputs and what a copy
    leaves out (the environment, history and caches, which are no input of a build)."""
    left_out = shutil.ignore_patterns(*NOT_COPIED)
    out = {}
    for folder, folders, files in os.walk(project):
        ignored = left_out(folder, [*folders, *files])
        folders[:] = sorted(f for f in folders if f not in ignored)
        for name in sorted(set(files) - ignored):
            path = Path(folder, name)
            rel = path.relative_to(project).as_posix()
            if path.is_file() and not any(rel == o or rel.startswith(o + "/") for o in OUTPUTS):
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A copy of data/raw/ (texts and manifest) that a test may damage."""
    target = tmp_path / "raw"
    shutil.copytree(paths.RAW, target)
    return target


@pytest.fixture(scope="session")
def built_book() -> Path:
    """``_build/html``, brought up to date by ``make book`` (a no-op when it already is).

    `make test` builds the book before pytest starts; run alone, the first test worker to get
    here builds it while the others wait on make's lock.
    """
    result = subprocess.run(["make", "-s", "book"], cwd=paths.ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return paths.BUILD / "html"


def rst(text: str) -> nodes.document:
    """``text`` parsed as reStructuredText, quietly: a document for the Sphinx extensions' transforms."""
    settings = get_default_settings(Parser)
    settings.report_level = 5
    document = new_document("<test>", settings)
    Parser().parse(text, document)
    return document
