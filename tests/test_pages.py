"""What the pages say of themselves holds: figures only by glue in the notebooks, and the caveat of
a source repeated on every page of findings that draws on it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from analysis import paths, report, sources

ROLE = re.compile(r"\{([a-z]+(?::[a-z]+)?)\}`([^`]*)`")


# --- figures only by glue ---------------------------------------------------------------------------

#: An identifier with digits in it: an occupation code (43-4051), a name such as UTF-8 or sha256.
IDENTIFIER = re.compile(r"\b\d{2}-\d{4}\b|\b[A-Za-z]+[-]?\d+\b")


def typed_figures(markdown: str) -> list[str]:
    """The figures typed into Markdown: numbers outside roles (glue, citations, links), code and
    identifiers."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = ROLE.sub(" ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = IDENTIFIER.sub(" ", text)
    return re.findall(r"\d[\d,.]*", text)


def test_typed_figures_are_found_and_identifiers_are_not() -> None:
    assert typed_figures("Pay is $32,000 {glue:text}`n` in 2007 (SOC 43-4051, UTF-8, sha256).") == ["32,000", "2007"]
    assert typed_figures("{glue:text}`n_sources` articles, ```{code}\n42\n```, `x = 3`, [a](b-2.html).") == []


def test_the_markdown_typed_into_the_notebooks_holds_no_figure() -> None:
    for notebook in sorted(paths.BOOK.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        markdown = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert typed_figures(markdown) == [], notebook.name


# --- a source's caveat on every page of findings that draws on it ---------------------------------


def _page_text(page: Path) -> str:
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return sources.normalise_space(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def uses_source(page_html: str, page_text: str, source_id: str) -> bool:
    """Whether a page draws on a source: it cites it, links one of its records, or names it."""
    meta = next(m for m in sources.read_manifest() if m.source_id == source_id)
    return (
        f"#cite-{source_id}" in page_html
        or f"#{source_id}--" in page_html
        or (meta.short_title or meta.title) in page_text
    )


def missing_caveats(pages: list[Path]) -> list[str]:
    """The pages that draw on a source with a caveat but do not repeat the caveat."""
    said = {m.source_id: sources.normalise_space(m.caveat) for m in sources.read_manifest() if m.caveat}
    out = []
    for page in pages:
        text = _page_text(page)
        page_html = page.read_text(encoding="utf-8")
        out += [
            f"{page.name}: {report.short_ref(key)}"
            for key, caveat in said.items()
            if uses_source(page_html, text, key) and caveat not in text
        ]
    return out


@pytest.mark.book
def test_every_page_of_findings_that_draws_on_a_source_with_a_caveat_repeats_it(built_book: Path) -> None:
    """The methods page says so: the summary and every chapter that uses such a source's records."""
    pages = [built_book / "book" / "index.html", *sorted((built_book / "book").glob("0*.html"))]
    assert len(pages) == 1 + len(list(paths.BOOK.glob("0*.ipynb")))
    assert sources.with_caveat(), "no source has a caveat: the check has nothing to check"
    assert missing_caveats(pages) == []


def test_the_caveat_check_finds_a_page_that_names_the_source_without_its_caveat(tmp_path: Path) -> None:
    key = sources.with_caveat()[0]
    meta = next(m for m in sources.read_manifest() if m.source_id == key)
    cited = tmp_path / "cited.html"
    cited.write_text(f'<p>A figure <a href="bibliography.html#cite-{key}">[1]</a>.</p>', encoding="utf-8")
    named = tmp_path / "named.html"
    named.write_text(f"<p>The average that {meta.short_title} quotes.</p>", encoding="utf-8")
    shown = tmp_path / "shown.html"
    caveat = meta.caveat.replace(" ", "\n  ", 2)
    shown.write_text(f'<p><a href="evidence.html#{key}--x">x</a> says: &#8220;{caveat}&#8221;</p>', encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text("<p>Nothing from that source.</p>", encoding="utf-8")
    assert [p.split(":")[0] for p in missing_caveats([cited, named, shown, other])] == ["cited.html", "named.html"]
