"""Sphinx extension: fixes for the book's HTML that _config.yml alone cannot make.

Sphinx 7.x (which jupyter-book 1.0 requires) writes an inline script twice when an extension
adds it after the builder starts, as sphinx-thebe does with `const THEBE_JS_URL = ...`: the
second copy throws "Identifier 'THEBE_JS_URL' has already been declared" on every page.
Fixed upstream in Sphinx 8.2 (sphinx-doc/sphinx#13402); this drops the exact duplicates.

On an incremental build Sphinx loads the previous search index and removes the re-read pages
from each word's set of pages, but keeps the words left with no page: the index then differs
from a full build's (and grows with every edit). This drops those empty entries before the index
is written.
"""

from __future__ import annotations

from typing import Any


def _drop_duplicate_scripts(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for script in scripts:
        key = (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def _drop_words_of_no_page(app: Any) -> list[Any]:
    indexer = getattr(app.builder, "indexer", None)
    for mapping in (getattr(indexer, "_mapping", None), getattr(indexer, "_title_mapping", None)):
        if isinstance(mapping, dict):
            for word in [word for word, pages in mapping.items() if not pages]:
                del mapping[word]
    return []  # html-collect-pages: no pages of its own


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("html-collect-pages", _drop_words_of_no_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
