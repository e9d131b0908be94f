"""Sphinx extension: every quotation a page shows must be the words of the source it cites.

When an HTML build has written its pages, each page's text is read block by block (paragraph,
list item, table row, caption). A span in curly double quotation marks is checked, with
:func:`analysis.core.quotes.check`, against the sources the same block cites (citation links carry the
BibTeX key: ``bibtex_cite_id`` is ``cite-{key}``), or, for a figure, the sources its card names.
Straight double quotes outside a quotation are refused too in the report's prose: a source's words
take curly marks, the report's own terms italics. A table cell and a source page's text show data
(a record's role, a source's sentence, a CSV cell) character for character, straight quotes
included, so the refusal does not apply there; their curly quotations are checked all the same. Every problem is a warning naming the page, the quotation and the
sources it was checked against, so a build with warnings as errors fails. A page whose HTML, and
whose sources and checking code, are unchanged since its last check is not read again: its
result (problems included) is kept in the doctree folder.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PageElement
from sphinx.application import Sphinx
from sphinx.util import logging

from analysis.core import paths, quotes

logger = logging.getLogger(__name__)

BLOCKS = ("p", "li", "dt", "dd", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "th", "td")
#: Parts of a page that are not the report's words: code, its output, navigation, the search box.
SKIP = "pre, code, script, style, .cell_input, .cell_output pre, nav, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header, footer, .headerlink, .toctree-wrapper"
CITE = re.compile(r"#cite-([a-z0-9-]+)$")
#: Where a page shows data as it is, straight quotes and all: table cells and a source's own text.
DATA = ("td", "source-text")
#: Pages Sphinx writes that hold no prose of the report's.
NOT_PAGES = ("genindex.html", "search.html", "py-modindex.html")


def _block(node: PageElement) -> Tag | None:
    for parent in node.parents:
        if isinstance(parent, Tag) and parent.name in BLOCKS:
            return parent
    return None


def _scope(block: Tag) -> Tag:
    """Where a block's citations may be: its table row for a cell, its list item, its caption, or
    the block itself."""
    for holder in [block, *block.parents]:
        if isinstance(holder, Tag) and holder.name in ("tr", "li", "figcaption", "dd", "dt"):
            return holder
    return block


def _data(block: Tag) -> bool:
    """Whether a block is in a table cell or a source's own text (see the module docstring)."""
    for holder in [block, *block.parents]:
        if isinstance(holder, Tag) and (holder.name in DATA or any(c in DATA for c in holder.get("class") or [])):
            return True
    return False


def _keys(scope: Tag, page_source: str | None) -> list[str]:
    keys = [m.group(1) for a in scope.find_all("a", href=True) if (m := CITE.search(str(a["href"])))]
    for holder in [scope, *scope.parents]:
        if not isinstance(holder, Tag):
            continue
        if holder.get("data-quote-sources"):
            keys += str(holder["data-quote-sources"]).split()
        if page_source and "source-text" in (holder.get("class") or []):
            keys.append(page_source)  # a source page's own text: its quotation marks are the source's
    return keys


def page_problems(html: str, page_source: str | None = None) -> list[str]:
    """Every quotation problem on one HTML page, as text. ``page_source`` is the source a source
    page (``sources/<id>.html``) shows, whose text is quoted against itself."""

    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("article") or soup.body or soup
    for skipped in main.select(SKIP):
        skipped.decompose()
    texts: dict[int, tuple[Tag, list[str]]] = {}
    for string in main.find_all(string=True):
        if not isinstance(string, NavigableString) or not string.strip():
            continue
        block = _block(string)
        if block is None:
            continue
        texts.setdefault(id(block), (block, []))[1].append(str(string))
    problems = []
    for block, parts in texts.values():
        text = " ".join("".join(parts).split())
        if quotes.unbalanced(text):
            problems.append(f"unbalanced quotation marks in {text[:80]!r}")
            continue
        outside = quotes.QUOTED.sub("", text)
        if '"' in outside and not _data(block):
            problems.append(
                f"straight double quotes in {text[:80]!r}: quote a source with curly marks, "
                "set the report's own terms in italics"
            )
        keys = _keys(_scope(block), page_source)
        for quote in quotes.quotations(text):
            problem = quotes.check(quote, keys)
            if problem is not None:
                problems.append(str(problem))
    return problems


def _fingerprint() -> str:
    """What a page's check depends on besides its HTML: the raw sources, the code that repairs and
    matches them, and this checker."""

    digest = hashlib.sha256()
    files = [*sorted(paths.RAW.rglob("*")), *sorted((paths.ROOT / "analysis").rglob("*.py")), Path(__file__)]
    for path in files:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def check_pages(app: Sphinx, exception: Exception | None) -> None:
    """Check every page; a page whose HTML and inputs are those of a page already checked keeps
    that check's result (kept in the doctree folder, beside Sphinx's own saved state)."""
    # The one-page edition (the PDF's) holds the same pages, which the HTML build checks.
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    outdir = Path(app.outdir)
    store = Path(app.doctreedir) / "quote-check.json"
    try:
        cached: dict[str, list[str]] = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    fingerprint = _fingerprint()
    results: dict[str, list[str]] = {}
    for page in sorted(outdir.rglob("*.html")):
        relative = page.relative_to(outdir)
        if relative.name in NOT_PAGES or any(part.startswith("_") for part in relative.parts[:-1]):
            continue
        source = page.stem if relative.parent.name == "sources" else None
        html = page.read_text(encoding="utf-8")
        key = hashlib.sha256(f"{fingerprint}\0{relative.as_posix()}\0{html}".encode()).hexdigest()
        problems = cached[key] if key in cached else page_problems(html, source)
        results[key] = problems
        for problem in problems:
            logger.warning(f"{relative}: {problem}", type="quotes", subtype="check")
    store.parent.mkdir(parents=True, exist_ok=True)
    partial = store.with_suffix(".partial")
    partial.write_text(json.dumps(results, indent=0, sort_keys=True), encoding="utf-8")
    partial.replace(store)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", check_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
