"""The PDF edition: the whole book on one HTML page, printed to PDF by headless Chromium.

    python scripts/make_pdf.py [--out FILE] [--build-dir DIR] [--notebook-cache DIR | --execute]
                               [--chromium PATH]

1. `jupyter-book build . --builder singlehtml --path-output DIR` (warnings are errors, as in
   `make book`) writes DIR/_build/singlehtml/<root>.html. The notebooks' outputs come from a
   copy of the cache `make book` fills (_build/.jupyter_cache, fresh after every `make book`),
   so they are not run again; with --execute, or when there is no cache, the build runs them.
2. Sphinx's singlehtml builder links that page's assets (`_static/`, `_images/`) relative to
   the output root, wherever the page itself is written (here book/index.html, one level down),
   so a copy is written at the root, `_print.html`, with links to the page itself made local.
   Every other relative link (the downloads in `_downloads/`, the index, the data page's link to
   this PDF) would print as a `file://` address on the machine that built the PDF: it is made to
   point at the published site instead (`url` in CITATION.cff, read by
   `analysis.core.release.release()`), where the same files are.
3. Chromium prints the copy from disk with name resolution switched off, so it runs offline.

Exit status is non-zero, with a message on stderr, when chromium is missing or a step fails.
"""

from __future__ import annotations

import argparse
import html
import os
import posixpath
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path
from urllib.parse import urljoin

import yaml
from jupyter_cache.cache.db import DB_NAME

from analysis.core import paths, release
from analysis.core.paths import ROOT

DEFAULT_OUT = ROOT / "_build" / "pdf" / "call-center-careers.pdf"
DEFAULT_BUILD_DIR = ROOT / "_build" / "pdf" / "site"
sys.path.insert(0, str(ROOT / "_ext"))
import build_config

DEFAULT_CACHE = paths.NOTEBOOK_CACHE
CHROMIUM = build_config.CHROMIUM
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
# No --all: the build re-reads only what changed since the last PDF (_ext/changed_pages.py).
JB_FLAGS = list(build_config.JB_FLAGS)
PRINT_PAGE = "_print.html"
#: jupyter-cache's database in its folder.
CACHE_DB = DB_NAME
CHROMIUM_ARGS = [
    *build_config.CHROMIUM_ARGS,
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    # Offline by construction: no host name resolves, so nothing can wait on the network.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
    # Print once the page has settled: scripts run and images decoded (virtual time, ms).
    "--virtual-time-budget=10000",
]


class PdfError(Exception):
    """A step of the PDF build failed; the message says which and why."""


def root_doc(project: Path = ROOT) -> str:
    """The book's first page (`root:` in _toc.yml), e.g. 'book/index'."""
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    return str(toc["root"]).removesuffix(".md").removesuffix(".ipynb")


def singlehtml_dir(build_dir: Path) -> Path:
    return build_dir / "_build" / "singlehtml"


def singlehtml_page(build_dir: Path, project: Path = ROOT) -> Path:
    """The single page that holds the whole book, as Sphinx wrote it."""
    return singlehtml_dir(build_dir) / f"{root_doc(project)}.html"


def seed_cache(build_dir: Path, cache: Path | None) -> None:
    """Give the build in build_dir its own copy of the notebook cache (or none: execute).

    The pages' build reads the same cache meanwhile, and jupyter-cache records each read in its
    database: the database is copied with SQLite's backup, which gives a consistent copy while
    another process writes, and the executed notebooks (written only by a run) as files."""
    target = build_dir / paths.NOTEBOOK_CACHE_DIR  # where myst-nb looks, next to the output
    if cache is not None and target.resolve() == cache.resolve():
        raise PdfError(f"--build-dir {build_dir} would build into the cache it reads")
    shutil.rmtree(target, ignore_errors=True)
    if cache is not None and cache.is_dir():
        shutil.copytree(cache, target, ignore=shutil.ignore_patterns(f"{CACHE_DB}*"))
        if (cache / CACHE_DB).is_file():
            with closing(sqlite3.connect(cache / CACHE_DB)) as db, closing(sqlite3.connect(target / CACHE_DB)) as copy:
                db.backup(copy)


def build_singlehtml(build_dir: Path, project: Path = ROOT, cache: Path | None = None) -> Path:
    """Build the book as one HTML page into build_dir; return the page."""
    if not JUPYTER_BOOK.is_file():
        raise PdfError(f"jupyter-book not found next to {sys.executable}; run `make setup`")
    seed_cache(build_dir, cache)
    shutil.rmtree(singlehtml_dir(build_dir), ignore_errors=True)
    command = [
        str(JUPYTER_BOOK),
        "build",
        str(project),
        "--builder",
        "singlehtml",
        "--path-output",
        str(build_dir),
        *JB_FLAGS,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    page = singlehtml_page(build_dir, project)
    if result.returncode != 0 or not page.is_file():
        # A build that failed is not kept as the base of the next one (it would not re-report).
        shutil.rmtree(build_dir / "_build" / ".doctrees", ignore_errors=True)
        log = (result.stdout + result.stderr)[-4000:]
        raise PdfError(f"the single-page build failed (exit {result.returncode}):\n{log}")
    own_stylesheets(project, singlehtml_dir(build_dir))
    return page


def own_stylesheets(project: Path, out: Path) -> None:
    """Copy the project's own static files (the print stylesheet above all) into the build's
    `_static/`: Sphinx copies them only when it writes a page, so a change to print.css alone would
    otherwise never reach the PDF."""
    for source in sorted((project / "_static").glob("*")):
        target = out / "_static" / source.name
        if source.is_file() and (not target.is_file() or target.read_bytes() != source.read_bytes()):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


#: A link's start tag, and in it an href that is neither an anchor on the page nor an absolute
#: address (scheme or "//"). Only links: style sheets and images must stay local to print.
_LINK_TAG = re.compile(r"<a\b[^>]*>")
_RELATIVE_HREF = re.compile(r'\bhref="(?![#]|[a-zA-Z][a-zA-Z0-9+.-]*:|//)([^"]*)"')


def published(href: str, base: str, page_folder: str = "") -> str:
    """A link of the single page as an address on the published site. Sphinx writes the links it
    makes relative to the output root (`_downloads/...` is the same path there, as is every page);
    a link a page writes itself (raw HTML, such as the data page's link to the PDF edition) is
    relative to its page, in `page_folder` (`book/`), which is how it starts with `../`."""
    root = base.rstrip("/") + "/"
    if href.startswith("../") and page_folder:
        return urljoin(urljoin(root, page_folder.rstrip("/") + "/"), href)
    return urljoin(root, href)


def print_copy(page: Path, build_dir: Path, project: Path = ROOT, base: str | None = None) -> Path:
    """Write the page at the output root, where its relative asset links resolve; links to
    other files point at the published site, so none points at this machine."""
    text = page.read_text(encoding="utf-8")
    # Cross-references point at "<root doc>.html#anchor"; in a PDF they should stay inside it.
    own_name = re.escape(f"{root_doc(project)}.html#")
    text = re.sub(rf'href="{own_name}', 'href="#', text)
    site = release.release().url if base is None else base

    folder = posixpath.dirname(root_doc(project))

    def absolute(tag: re.Match[str]) -> str:
        return _RELATIVE_HREF.sub(
            lambda m: f'href="{html.escape(published(html.unescape(m.group(1)), site, folder), quote=True)}"',
            tag.group(),
        )

    text = _LINK_TAG.sub(absolute, text)
    target = singlehtml_dir(build_dir) / PRINT_PAGE
    target.write_text(text, encoding="utf-8")
    return target


def print_to_pdf(page: Path, out: Path, chromium: Path = CHROMIUM) -> None:
    """Print one local HTML page to a PDF file with headless Chromium."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="make-pdf-chromium-") as profile:
        command = [
            str(chromium),
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={partial}",
            page.resolve().as_uri(),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=300, check=False, env={**os.environ, "HOME": profile}
            )
        except subprocess.TimeoutExpired as error:
            raise PdfError(f"chromium did not finish printing within {error.timeout} s") from None
    if result.returncode != 0 or not partial.is_file() or partial.read_bytes()[:5] != b"%PDF-":
        partial.unlink(missing_ok=True)
        log = (result.stdout + result.stderr)[-4000:]
        raise PdfError(f"chromium did not print a PDF (exit {result.returncode}):\n{log}")
    partial.replace(out)


def make_pdf(
    out: Path, build_dir: Path, chromium: Path = CHROMIUM, project: Path = ROOT, cache: Path | None = DEFAULT_CACHE
) -> Path:
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        raise PdfError(
            f"chromium not found at {chromium}: install Debian's `chromium` package "
            "(apt-get install chromium) or pass --chromium PATH"
        )
    page = build_singlehtml(build_dir, project, cache)
    print_to_pdf(print_copy(page, build_dir, project), out, chromium)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"the PDF to write (default: {DEFAULT_OUT.relative_to(ROOT)})"
    )
    parser.add_argument(
        "--build-dir",
        type=Path,
        default=DEFAULT_BUILD_DIR,
        help=f"where the single-page HTML build goes (default: {DEFAULT_BUILD_DIR.relative_to(ROOT)})",
    )
    parser.add_argument(
        "--chromium", type=Path, default=CHROMIUM, help=f"the Chromium executable (default: {CHROMIUM})"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--notebook-cache",
        type=Path,
        default=DEFAULT_CACHE,
        help=f"executed notebooks to reuse, as `make book` leaves them (default: {DEFAULT_CACHE.relative_to(ROOT)})",
    )
    source.add_argument("--execute", action="store_true", help="run every notebook again instead of reading the cache")
    args = parser.parse_args(argv)
    cache = None if args.execute else args.notebook_cache.resolve()
    try:
        out = make_pdf(args.out.resolve(), args.build_dir.resolve(), args.chromium, cache=cache)
    except PdfError as error:
        print(f"make_pdf: {error}", file=sys.stderr)
        return 1
    print(f"PDF: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
