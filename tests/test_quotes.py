"""Quotation marks mean source words: the checks, on hand-made texts and pages, and a build that
fails when one word of a quotation changes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core import paths, quotes

sys.path.insert(0, str(paths.ROOT / "_ext"))
import quote_check
from conftest import copy_project

SOURCE = "Most call center jobs only require a high school diploma or equivalent. Some call centers offer part-time positions."
CORPUS = {"guide": SOURCE, "other": "Nothing of the kind."}


@pytest.mark.parametrize(
    ("quote", "held"),
    [
        ("only require a high school diploma", True),
        ("only  require a\nhigh school diploma", True),  # whitespace compared normalised
        ("Most call center jobs [...] require a high school diploma", True),  # a cut
        ("[M]ost call center jobs", True),  # a changed capital, in brackets
        ("some call centers offer part-time positions", False),  # case matters
        ("Some call centers offer part-time position[s]", True),  # an added letter in brackets
        ("require a college degree", False),
        ("part-time positions. Most", False),  # segments must come in order
    ],
)
def test_holds(quote: str, held: bool) -> None:
    assert quotes.holds(quote, SOURCE) is held


def test_segments_split_at_editorial_marks() -> None:
    assert quotes.segments("a b [...] c [d] e […] f") == ["a b", "c", "e", "f"]
    assert quotes.segments("[...]") == []


def test_check_names_what_is_wrong() -> None:
    assert quotes.check("only require a high school diploma", ["guide"], CORPUS) is None
    assert quotes.check("only require a high school diploma", ["other", "guide"], CORPUS) is None
    wrong = quotes.check("only require a college degree", ["guide"], CORPUS)
    assert wrong is not None
    assert "not the words of the source" in str(wrong)
    assert "(guide)" in str(wrong)
    unsourced = quotes.check("only require a high school diploma", [], CORPUS)
    assert unsourced is not None
    assert "no citation" in str(unsourced)
    assert quotes.check("x", ["unknown-key"], CORPUS) is not None


def test_unbalanced_quotation_marks() -> None:
    assert not quotes.unbalanced("“a” and “b”")
    assert quotes.unbalanced("“a and “b”")
    assert quotes.unbalanced("a” b")


def test_every_source_and_external_reference_has_a_text() -> None:
    texts = quotes.texts()
    assert "job-details-guide" in texts
    assert "bls-projections-2024" in texts
    assert "High school diploma or equivalent" in texts["bls-projections-2024"]


def _page(body: str) -> str:
    return f"<html><body><article>{body}</article></body></html>"


CITE = '<a class="reference internal" href="bibliography.html#cite-{key}">x</a>'


def test_page_quotation_with_its_citation_passes_and_a_changed_word_fails() -> None:
    good = _page(
        f"<p>The guide says “Most call center jobs only require a high school diploma or equivalent.” "
        f"{CITE.format(key='job-details-guide')}</p>"
    )
    assert quote_check.page_problems(good) == []
    bad = good.replace("high school diploma", "college degree")
    problems = quote_check.page_problems(bad)
    assert len(problems) == 1
    assert "college degree" in problems[0]
    assert "job-details-guide" in problems[0]


def test_a_table_row_cites_for_all_its_cells_and_code_is_not_prose() -> None:
    row = (
        f"<table><tr><td><p>“Some call centers may offer remote work options”</p></td>"
        f"<td><p>{CITE.format(key='job-details-guide')}</p></td></tr></table>"
        '<pre>print("straight quotes in code are fine")</pre>'
    )
    assert quote_check.page_problems(_page(row)) == []


def test_straight_double_quotes_and_unsourced_quotations_in_prose_are_refused() -> None:
    problems = quote_check.page_problems(_page('<p>They call it "executive level".</p><p>“executive level”</p>'))
    assert any("straight double quotes" in p for p in problems)
    assert any("no citation" in p for p in problems)


def test_a_figure_credits_its_sources_through_its_data_attribute() -> None:
    figure = (
        '<figure data-quote-sources="job-details-guide"><figcaption>'
        "<p>Remote work (“Some call centers may offer remote work options”)</p></figcaption></figure>"
    )
    assert quote_check.page_problems(_page(figure)) == []


def _copy_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", with_build=False)


def _figure_pack(root: Path, env: dict[str, str]) -> None:
    """The figure pack the copy's pages place: this project's when it is built, else made anew."""
    pack = paths.BUILD / "figures"
    if pack.is_dir():
        shutil.copytree(pack, root / "_build" / "figures")
        return
    made = subprocess.run(
        [sys.executable, "-m", "analysis.tools.make_figures"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert made.returncode == 0, made.stderr[-2000:]


@pytest.mark.book
def test_one_changed_word_in_a_page_quotation_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    notebook = root / "book" / "06-conditions.ipynb"
    text = notebook.read_text(encoding="utf-8")
    assert "Numerous call centers operate around the clock" in text
    notebook.write_text(
        text.replace("Numerous call centers operate around the clock", "Numerous call centers operate around the week"),
        encoding="utf-8",
    )
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: book/06-conditions\nchapters:\n  - file: book/glossary\n  - file: book/bibliography\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    _figure_pack(root, env)
    build = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "-W", "-n", "--keep-going"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    log = re.sub(r"\x1b\[[0-9;]*m", "", build.stdout + build.stderr)
    assert build.returncode != 0
    assert re.search(
        r"06-conditions\.html: “Numerous call centers operate around the week” "
        r"\([^)]*career-advancement-guide[^)]*\): not the words of the source",
        log,
    ), log[-3000:]


def test_one_changed_word_in_an_evidence_quotation_fails_the_check_naming_the_record(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    evidence_file = root / "data" / "evidence" / "career-advancement-guide.yaml"
    text = evidence_file.read_text(encoding="utf-8")
    evidence_file.write_text(
        text.replace(
            '"Numerous call centers operate around the clock"', '"Numerous call centers operate around the week"'
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "analysis.tools.make_data", "--check"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 3  # an input refused (analysis.tools)
    assert "career-advancement-guide.yaml: record 'condition-around-the-clock'" in result.stderr
    assert "quote not found verbatim" in result.stderr


def test_a_page_checked_before_keeps_its_problems_and_a_changed_page_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check's saved results: a cached failure still fails, and a new page is checked anew."""
    from types import SimpleNamespace

    outdir, doctrees = tmp_path / "html", tmp_path / "doctrees"
    outdir.mkdir()
    page = outdir / "page.html"
    bad = _page(
        f"<p>The guide says “Most call center jobs only require a college degree.” {CITE.format(key='job-details-guide')}</p>"
    )
    page.write_text(bad, encoding="utf-8")
    app = SimpleNamespace(
        outdir=str(outdir), doctreedir=str(doctrees), builder=SimpleNamespace(format="html", name="html")
    )
    warned: list[str] = []
    monkeypatch.setattr(quote_check.logger, "warning", lambda message, **_: warned.append(message))
    reads: list[str] = []
    real = quote_check.page_problems
    monkeypatch.setattr(
        quote_check, "page_problems", lambda html, source=None: reads.append(html) or real(html, source)
    )

    quote_check.check_pages(app, None)  # type: ignore[arg-type]
    quote_check.check_pages(app, None)  # type: ignore[arg-type]
    assert len(reads) == 1  # the second build reads nothing again
    assert len(warned) == 2
    assert all(w.startswith("page.html: ") and "college degree" in w for w in warned)

    page.write_text(bad.replace("a college degree", "a high school diploma or equivalent"), encoding="utf-8")
    warned.clear()
    quote_check.check_pages(app, None)  # type: ignore[arg-type]
    assert len(reads) == 2
    assert warned == []
