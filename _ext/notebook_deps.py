"""Sphinx extension: incremental builds that give the pages a full build would give.

Sphinx re-reads a page when its source file is newer than its last read. For this book that is
not enough, and this extension adds what is missing:

1. **A notebook's outputs.** The build reads notebooks from jupyter-cache, which
   ``scripts/execute_notebooks.py`` refills when a notebook's inputs change (data, `analysis`
   modules, ...) although its file has not. Each notebook's input stamp (``_ext/stamps.py``) is
   fingerprinted when the page is read; a page whose stamp has changed since is re-read.
   A stamp whose inputs have changed since (or a cached notebook without a stamp) is never
   trusted: its cache entry is dropped, so myst-nb executes the notebook afresh.
2. **Values glued from another notebook** (``{glue:text}`02-pay.ipynb::key```, as on the landing
   page). The pages a page glues from are noted when it is read (from myst-nb's pending glue
   references, so nothing is parsed twice); when one of them is re-read, so is it.
3. **What every page shows of the others**: titles and the table of contents (the sidebar,
   previous/next links), section and figure numbers, reference targets, citations. Sphinx writes
   only the pages it re-read, so a change there would leave the other pages stale. After reading
   and numbering, a fingerprint of all of it is compared with the last build's; if it differs,
   every page is written again.
4. Two things Sphinx 7.4 itself gets wrong in an incremental build: the search index keeps the
   index entries (glossary terms) only of the pages written in this build, because the
   environment is saved before pages are written; and a stylesheet myst-nb copies only after the
   pages are written gets a checksum (``?v=``) in pages written when an earlier build left it
   there. The entries are saved after each build and given back to the next; the stylesheet is
   copied before pages are written, so every build writes the same links. Images and downloads
   no page uses any more (a chart that changed) are deleted after the build.
5. pybtex looks its plugins up in the installed entry points on every citation (about 10 ms each,
   several hundred per build); the lookups are memoised for the build.

Registered in ``_config.yml`` (``sphinx: local_extensions``, which puts ``_ext`` on sys.path).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

sys.path.insert(0, os.path.dirname(__file__))
import stamps

logger = logging.getLogger(__name__)
NOTEBOOK = ".ipynb"
DIGESTS = "nb_stamp_digests"
GLUE_FROM = "nb_glue_from"
SHARED = "nb_shared_fingerprint"


def _cache(env: BuildEnvironment) -> Path:
    return Path(env.mystnb_config.execution_cache_path)  # type: ignore[attr-defined]


def _notebook(env: BuildEnvironment, docname: str) -> str | None:
    """The project-relative path of a notebook page (None for other pages)."""
    path = Path(env.doc2path(docname))
    if path.suffix != NOTEBOOK:
        return None
    return path.relative_to(env.srcdir).as_posix()


def _untrusted(env: BuildEnvironment, docname: str, notebook: str) -> None:
    """Drop a cached execution nobody can vouch for, so myst-nb executes the notebook."""
    from jupyter_cache import get_cache

    cache_dir = _cache(env)
    if not cache_dir.is_dir():
        return
    cache = get_cache(cache_dir)
    uri = str(Path(env.srcdir) / notebook)
    records = [r for r in cache.list_cache_records() if r.uri == uri]
    for record in records:
        cache.remove_cache(record.pk)
    stamps.remove(cache_dir, notebook)
    if records:
        logger.info(f"{notebook}: cached outputs not current (no valid input stamp), executing it again")


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    digests: dict[str, str | None] = getattr(env, DIGESTS, {})
    cache_dir = _cache(env)
    current_env = stamps.environment()
    more = set()
    for docname in sorted(env.found_docs):
        notebook = _notebook(env, docname)
        if notebook is None:
            continue
        stamp = stamps.load(cache_dir, notebook)
        if stamp is None or stamps.stale_inputs(Path(env.srcdir), stamp, current_env):
            _untrusted(env, docname, notebook)
            more.add(docname)
        elif digests.get(docname) != stamps.digest(cache_dir, notebook):
            more.add(docname)
    reread = added | changed | removed | more
    glue_from: dict[str, set[str]] = getattr(env, GLUE_FROM, {})
    more |= {doc for doc, sources in glue_from.items() if sources & reread}
    return sorted((more - added - removed) & env.found_docs)


def _record(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    notebook = _notebook(env, docname)
    if notebook is not None:
        getattr(env, DIGESTS)[docname] = stamps.digest(_cache(env), notebook)
    from myst_nb.ext.glue.utils import PendingGlueReference

    sources = {node.refdoc for node in doctree.findall(PendingGlueReference)} - {docname}
    if sources:
        getattr(env, GLUE_FROM)[docname] = sources
        for source in sources:
            env.note_dependency(env.doc2path(source))


def _init(app: Sphinx) -> None:
    for name in (DIGESTS, GLUE_FROM):
        if not hasattr(app.env, name):
            setattr(app.env, name, {})


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for name in (DIGESTS, GLUE_FROM):
        getattr(env, name, {}).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for name in (DIGESTS, GLUE_FROM):
        theirs = getattr(other, name, {})
        getattr(env, name).update({d: theirs[d] for d in docnames if d in theirs})


def _canonical(value: Any, depth: int = 0) -> Any:
    """A repr of domain data and toc nodes that is the same in every process."""
    if depth > 12:
        return type(value).__name__
    if isinstance(value, nodes.Node):
        return value.pformat() if isinstance(value, nodes.Element) else value.astext()
    if isinstance(value, dict):
        return sorted((repr(_canonical(k, depth + 1)), _canonical(v, depth + 1)) for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_canonical(v, depth + 1)) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(v, depth + 1) for v in value]
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if hasattr(value, "_asdict"):
        return _canonical(value._asdict(), depth + 1)
    if hasattr(value, "__dict__"):
        return [type(value).__name__, _canonical(vars(value), depth + 1)]
    text = repr(value)
    return type(value).__name__ if " at 0x" in text else text


def shared_fingerprint(env: BuildEnvironment) -> dict[str, str]:
    """Everything a page shows of the other pages, hashed part by part."""
    shared: dict[str, object] = {
        "titles": {d: t.astext() for d, t in env.titles.items()},
        "tocs": env.tocs,
        "toctree_includes": env.toctree_includes,
        "files_to_rebuild": env.files_to_rebuild,
        "secnumbers": env.toc_secnumbers,
        "fignumbers": env.toc_fignumbers,
        "numbered": getattr(env, "numbered_toctrees", set()),
        "metadata": env.metadata,
        **{f"domain {name}": data for name, data in env.domaindata.items() if name not in ("c", "cpp")},
    }
    return {part: hashlib.sha256(repr(_canonical(value)).encode()).hexdigest() for part, value in shared.items()}


def _shared_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    fingerprint = shared_fingerprint(env)
    previous = getattr(env, SHARED, None)
    setattr(env, SHARED, fingerprint)
    if isinstance(previous, dict) and previous != fingerprint:
        changed = ", ".join(p for p in fingerprint if previous.get(p) != fingerprint[p])
        logger.info(f"[notebook_deps] shared by every page, changed: {changed}; writing every page")
        return sorted(env.found_docs)
    return []


def _read_order(app: Sphinx, env: BuildEnvironment) -> None:
    """Put data kept in reading order into the order a full build reads in (sorted docnames).

    sphinxcontrib-bibtex appends the citations of each page read to a list; a page re-read goes
    to the end. A stable sort by page gives the list a full build makes, so the pages written
    from it are the same.
    """
    cite = env.domaindata.get("cite")
    if not cite:
        return
    cite["citation_refs"].sort(key=lambda ref: ref.docname)
    bibliographies = cite["bibliographies"]
    ordered = sorted(bibliographies.items(), key=lambda item: item[0].docname)
    bibliographies.clear()
    bibliographies.update(ordered)


INDEX_ENTRIES = "notebook_deps-index-entries.json"


def _restore_index_entries(app: Sphinx) -> None:
    path = Path(app.doctreedir) / INDEX_ENTRIES
    entries = getattr(app.env, "_search_index_index_entries", None)
    if entries is None or not path.is_file() or not app.env.all_docs:
        return
    saved = json.loads(path.read_text(encoding="utf-8"))
    for docname, items in saved.items():
        if docname in app.env.all_docs:
            entries.setdefault(docname, [tuple(item) for item in items])


def _save_index_entries(app: Sphinx, exception: Exception | None) -> None:
    entries = getattr(app.env, "_search_index_index_entries", None)
    path = Path(app.doctreedir) / INDEX_ENTRIES
    if exception is not None or entries is None:
        path.unlink(missing_ok=True)
        return
    path.write_text(json.dumps(entries, sort_keys=True), encoding="utf-8")


def _remove_orphans(app: Sphinx, exception: Exception | None) -> None:
    """Delete images and downloads earlier builds copied that no page uses any more."""
    if exception is not None or app.builder is None or app.builder.format != "html":
        return
    outdir = Path(app.builder.outdir)
    for folder, used in (
        (app.builder.imagedir, {v[1] for v in app.env.images.values()}),
        ("_downloads", {v[1] for v in app.env.dlfiles.values()}),
    ):
        base = outdir / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            rel = path.relative_to(base).as_posix()
            if path.is_file() and rel not in used:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _stylesheet_before_pages(app: Sphinx, env: BuildEnvironment) -> None:
    if app.builder is not None and app.builder.format == "html":
        from myst_nb.sphinx_ext import add_global_html_resources

        Path(app.builder.outdir, "_static").mkdir(parents=True, exist_ok=True)
        add_global_html_resources(app, None)


def _memoise_pybtex_plugins() -> None:
    import pybtex.plugin

    if getattr(pybtex.plugin.find_plugin, "memoised", False):
        return
    found = functools.lru_cache(maxsize=None)(pybtex.plugin.find_plugin)

    @functools.wraps(pybtex.plugin.find_plugin)
    def find_plugin(plugin_group: str, name: Any = None, filename: Any = None) -> Any:
        return found(plugin_group, name, filename)

    find_plugin.memoised = True  # type: ignore[attr-defined]
    pybtex.plugin.find_plugin = find_plugin
    for module in ("sphinxcontrib.bibtex.roles", "sphinxcontrib.bibtex.foot_roles"):
        if module in sys.modules and hasattr(sys.modules[module], "find_plugin"):
            sys.modules[module].find_plugin = find_plugin  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, Any]:
    _memoise_pybtex_plugins()
    app.connect("builder-inited", _init)
    app.connect("builder-inited", _restore_index_entries)
    app.connect("build-finished", _save_index_entries)
    app.connect("build-finished", _remove_orphans)
    app.connect("env-updated", _stylesheet_before_pages)
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _record)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _read_order, priority=400)  # before sphinxcontrib-bibtex's
    # After Sphinx has numbered sections and figures (env-get-updated, default priority) and
    # sphinxcontrib-bibtex has collected the citations (env-updated).
    app.connect("env-get-updated", _shared_changed, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
