"""Sphinx extension: fixes for the book's HTML that _config.yml alone cannot make.

Sphinx 7.x (which jupyter-book 1.0 requires) writes an inline script twice when an extension
adds it after the builder starts, as sphinx-thebe does with `const THEBE_JS_URL = ...`: the
second copy throws "Identifier 'THEBE_JS_URL' has already been declared" on every page.
Fixed upstream in Sphinx 8.2 (sphinx-doc/sphinx#13402); this drops the exact duplicates.
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


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
