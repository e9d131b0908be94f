"""Which pages Sphinx re-reads (_ext/changed_pages.py), decided from the Sphinx step's digest.

A page whose own source changed is re-read; a change to anything else the step reads (data, a
notebook's inputs, configuration) re-reads every page; a title that changed has every page written
again. Tested on the extension's handlers with a stand-in for Sphinx's environment: no build.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
import changed_pages

PAGES = ("book/index", "book/02-pay", "book/methods")
LISTING = {
    "book/index.ipynb": "1",
    "book/02-pay.ipynb": "2",
    "book/methods.md": "3",
    "data/processed/salaries.csv": "4",
    "_build/stamps/02-pay.sha256": "5",
    "_config.yml": "6",
}


class Env:
    """What the extension uses of Sphinx's BuildEnvironment."""

    def __init__(self, srcdir: Path) -> None:
        self.srcdir = str(srcdir)
        self.found_docs = set(PAGES)
        self.titles: dict[str, object] = {}

    def path2doc(self, name: str) -> str | None:
        path = Path(name)
        return path.with_suffix("").as_posix() if path.suffix in (".md", ".ipynb") else None


def _write(srcdir: Path, listing: dict[str, str]) -> None:
    path = srcdir / changed_pages.LISTING
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{digest}  {name}\n" for name, digest in listing.items()), encoding="utf-8")


def _outdated(env: Env) -> list[str]:
    return changed_pages._outdated(None, env, set(), set(), set())  # type: ignore[arg-type]


@pytest.fixture
def env(tmp_path: Path) -> Env:
    """An environment that has read every page with LISTING as its inputs."""
    _write(tmp_path, LISTING)
    env = Env(tmp_path)
    assert _outdated(env) == sorted(PAGES)  # no listing kept yet: every page
    return env


def test_nothing_changed_re_reads_nothing(env: Env) -> None:
    assert _outdated(env) == []


@pytest.mark.parametrize(("name", "page"), [("book/02-pay.ipynb", "book/02-pay"), ("book/methods.md", "book/methods")])
def test_a_changed_page_source_re_reads_that_page(env: Env, name: str, page: str) -> None:
    _write(Path(env.srcdir), {**LISTING, name: "changed"})
    assert _outdated(env) == [page]
    assert _outdated(env) == []  # and is kept as read


@pytest.mark.parametrize("name", ["data/processed/salaries.csv", "_build/stamps/02-pay.sha256", "_config.yml"])
def test_any_other_changed_input_re_reads_every_page(env: Env, name: str) -> None:
    _write(Path(env.srcdir), {**LISTING, name: "changed"})
    assert _outdated(env) == sorted(PAGES)


def test_an_input_added_or_gone_counts_as_changed(env: Env) -> None:
    _write(Path(env.srcdir), {**LISTING, "data/external/new.csv": "7"})
    assert _outdated(env) == sorted(PAGES)
    _write(Path(env.srcdir), LISTING)
    assert _outdated(env) == sorted(PAGES)


def test_without_the_listing_sphinx_decides_alone_and_the_next_listing_re_reads_everything(env: Env) -> None:
    (Path(env.srcdir) / changed_pages.LISTING).unlink()
    assert _outdated(env) == []
    _write(Path(env.srcdir), LISTING)
    assert _outdated(env) == sorted(PAGES)


class Title:
    def __init__(self, text: str) -> None:
        self.text = text

    def astext(self) -> str:
        return self.text


def test_a_changed_title_has_every_page_written(env: Env) -> None:
    env.titles = {page: Title(page) for page in PAGES}
    changed_pages._before_read(None, env, ["book/02-pay"])  # type: ignore[arg-type]
    assert changed_pages._updated(None, env) == []  # type: ignore[arg-type]
    env.titles["book/02-pay"] = Title("Pay, edited")
    assert changed_pages._updated(None, env) == sorted(PAGES)  # type: ignore[arg-type]
