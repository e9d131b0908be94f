"""Sphinx extension: fixes for the book's HTML that _config.yml alone cannot make.

Sphinx 7.x (which jupyter-book 1.0 requires) writes an inline script twice when an extension
adds it after the builder starts, as sphinx-thebe does with `const THEBE_JS_URL = ...`: the
second copy throws "Identifier 'THEBE_JS_URL' has already been declared" on every page.
Fixed upstream in Sphinx 8.2 (sphinx-doc/sphinx#13402); this drops the exact duplicates.

myst-nb 1.4 copies its stylesheet into ``_static/`` only when the build has finished, after the
pages are written. Sphinx links a stylesheet with a checksum (``?v=...``) when the file is already
there, so the pages of a first build link it without one and pages rewritten by a later build with
one: an incremental build would write other pages than a fresh one. It is copied before the pages
are written, so every build links it the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from myst_nb.sphinx_ext import add_global_html_resources


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


def _stylesheet_before_pages(app: Any, env: Any) -> None:
    if app.builder is not None and app.builder.format == "html":
        Path(app.builder.outdir, "_static").mkdir(parents=True, exist_ok=True)
        add_global_html_resources(app, None)


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("env-updated", _stylesheet_before_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
