"""Sphinx extension: one page per source of the manifest, generated from ``data/raw/sources.csv``.

A source's page (``book/sources/<source_id>.md``) holds nothing but the ``{source-reader}``
directive of ``_ext/evidence_pages.py``, which writes everything on it from the manifest, the text
and the records. So the pages are never written by hand, and a new row of the manifest is all a new
source needs to have one:

1. when Sphinx starts (``config-inited``, once sphinx-external-toc has read ``_toc.yml`` and before
   any page is looked for), the entry ``glob: book/sources/*`` of the table of contents is replaced
   by the source pages, one by one in manifest order (a glob would sort them by name, and a new page
   would not count as a change of the table of contents, which an incremental build must see);
2. the page of every source is written, and only where its content differs, so that an unchanged
   page keeps its time stamp and is not read again; a page left by a source that is no longer in the
   manifest is deleted (a file in that folder that this extension did not write is an error naming
   it).

A book whose table of contents has no such entry (a test's book of one chapter) shows no source
pages, and none is written.

Why not commit the pages and the table of contents, with a check: a generated list kept in sync by
a second command can drift from the manifest, and the build would then have to explain how to
regenerate it; written at build time, it cannot. The folder is therefore not committed.

Registered in ``_config.yml`` (``sphinx: local_extensions``) before ``evidence_pages``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx_external_toc.api import Document, FileItem, GlobItem

from analysis.core import inputs, paths, sources
from analysis.publish import explorer

#: The entry of ``_toc.yml`` that stands for the source pages.
TOC_GLOB = f"{explorer.SOURCES_DIR}/*"
#: The first line of every page this extension writes: how it knows its own files.
MARK = "% Generated from data/raw/sources.csv by _ext/source_pages.py: do not edit (it is rewritten)."


def page_text(source_id: str) -> str:
    """The whole of a source's page."""
    return f"{MARK}\n\n```{{source-reader}} {source_id}\n```\n"


def write_pages(srcdir: Path, source_ids: list[str]) -> None:
    """Write the page of every source into ``srcdir``'s source folder and delete the pages of
    sources no longer listed; a file there that is not such a page is an error naming it."""
    folder = srcdir / explorer.SOURCES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{source_id}.md": page_text(source_id) for source_id in source_ids}
    # The pages' build and the PDF's run side by side and both tidy this folder: a page listed here
    # may be gone when it is read or removed, taken away by the other.
    for path in sorted(folder.iterdir()):
        if path.name in wanted or path.name.startswith("."):
            continue
        try:
            first = path.read_text(encoding="utf-8").split("\n", 1)[0] if path.is_file() else ""
        except FileNotFoundError:
            continue
        if first != MARK:
            if not os.path.lexists(path):
                continue
            raise ExtensionError(
                f"{path}: not a page of a source in {paths.MANIFEST.name}; the source pages are generated "
                f"from the manifest by {Path(__file__).name}: move this file out of {explorer.SOURCES_DIR}/"
            )
        path.unlink(missing_ok=True)
    for name, text in wanted.items():
        inputs.replace_text(folder / name, text)


def list_pages(site_map: Any, source_ids: list[str]) -> bool:
    """Replace the ``glob: book/sources/*`` entry of the parsed table of contents by the source
    pages, in manifest order, and add each page to it; False when the table has no such entry."""
    docs = [explorer.source_doc(source_id) for source_id in source_ids]
    found = False
    for name in list(site_map):
        for tree in site_map[name].subtrees:
            if GlobItem(TOC_GLOB) in tree.items:
                at = tree.items.index(GlobItem(TOC_GLOB))
                tree.items[at : at + 1] = [FileItem(doc) for doc in docs]
                found = True
    if found:
        for doc in docs:
            site_map[doc] = Document(doc)
    return found


def _generate(app: Sphinx, config: Config) -> None:
    source_ids = sources.source_ids()
    if list_pages(config.external_site_map, source_ids):
        write_pages(Path(app.srcdir), source_ids)


def setup(app: Sphinx) -> dict[str, Any]:
    # After sphinx-external-toc has read _toc.yml (priority 900), before Sphinx looks for pages.
    app.connect("config-inited", _generate, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
