"""Sphinx extension: re-read the pages whose inputs' content changed, whatever their dates say.

Sphinx re-reads a page when its source, or a file it noted as a dependency, is newer than the
page's last reading; a file put back from a backup with its old date (``cp -p``) or given an old
date leaves the page as it was. `make book` lists the sha256 of every input the Makefile declares
for this build (``IN.html``: the pages, their configuration, extensions and templates, the data,
and the digests of the notebooks and downloads) in ``_build/stamps/html.sha256``. This extension
keeps that listing with Sphinx's saved environment and compares it with the next one:

- a page whose own source changed is re-read;
- when anything else changed, every page is re-read: a notebook's inputs (its executed outputs,
  whose values other pages glue, and figures, numbered across pages), the data the evidence pages
  show, or what every page is built with;
- when a page's title changed, every page is written again (each one shows all titles).

Without the listing (`jupyter-book build` run by hand) Sphinx decides by dates alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

LISTING = Path("_build") / "stamps" / "html.sha256"


def _listing(env: BuildEnvironment) -> dict[str, str] | None:
    try:
        text = (Path(env.srcdir) / LISTING).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return {name: digest for digest, _, name in (line.partition("  ") for line in text.splitlines())}


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    now, before = _listing(env), getattr(env, "input_digests", None)
    env.input_digests = now  # type: ignore[attr-defined]
    if now is None:
        return []
    if before is None:
        return sorted(env.found_docs)
    pages = set()
    for name in now.keys() | before.keys():
        if now.get(name) != before.get(name):
            page = env.path2doc(name)
            if page is None or page not in env.found_docs:
                return sorted(env.found_docs)
            pages.add(page)
    return sorted(pages)


def _titles(env: BuildEnvironment) -> dict[str, str]:
    return {doc: title.astext() for doc, title in env.titles.items()}


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.titles_before_read = _titles(env)  # type: ignore[attr-defined]


def _updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = getattr(env, "titles_before_read", None)
    if before is not None and before != _titles(env):
        return sorted(env.found_docs)
    return []


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", _outdated)
    app.connect("env-before-read-docs", _before_read)
    app.connect("env-get-updated", _updated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
