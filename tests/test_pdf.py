"""The PDF edition (scripts/make_pdf.py) builds offline and holds the whole book.

The script is run as `make pdf` runs it, but into a temporary directory, after conftest's
`built_book` has brought the notebook cache it reads up to date; the PDF is read with pypdf.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from analysis.core import paths, release

pytestmark = pytest.mark.book

SCRIPT = paths.ROOT / "scripts" / "make_pdf.py"
sys.path.insert(0, str(paths.ROOT / "_ext"))
import build_config

CHROMIUM = build_config.CHROMIUM
CHROMIUM_ARGS = list(build_config.CHROMIUM_ARGS)
# Chromium's default print margins (0.4 in each side), in CSS pixels.
PRINT_MARGINS_PX = 2 * 0.4 * 96
TITLE = "Call Center Careers"
CHAPTER_TITLE = "The evidence base"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pdf", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _RasterImages(HTMLParser):
    """Counts the `<img>` of a page that print as raster images (an SVG prints as vectors)."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src") or ""
            if not (src.lower().split("?")[0].endswith(".svg") or src.startswith("data:image/svg")):
                self.sources.append(src)


def _drawn_images(content: Any, resources: Any, reader: Any) -> int:
    """How many times a content stream draws an image, counting Form XObjects it draws.

    Counts each drawing, so an image shown twice counts twice; the theme's box shadows, which
    Chromium paints through soft masks and patterns, are not drawn this way and do not count.
    """
    from pypdf.generic import ContentStream

    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources is not None else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    count = 0
    for operands, operator in ContentStream(content, reader).operations:
        if operator == b"INLINE IMAGE":
            count += 1
        elif operator == b"Do":
            xobject = xobjects[operands[0]].get_object()
            if xobject["/Subtype"] == "/Image":
                count += 1
            elif xobject["/Subtype"] == "/Form":
                count += _drawn_images(xobject, xobject.get("/Resources", resources), reader)
    return count


def _link_uris(reader: Any) -> list[str]:
    """The address of every link annotation of the PDF."""
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get_object().get("/URI") is not None:
                uris.append(str(action.get_object()["/URI"]))
    return uris


@dataclass
class Edition:
    pdf: Path
    html: Path  # the single-page book as Sphinx wrote it
    printed: Path  # the copy of it that Chromium printed
    text: str
    page_width_px: float
    pages: int
    images: int
    links: list[str]


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Edition:
    if not CHROMIUM.is_file():
        pytest.skip(f"the PDF edition needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (see requirements.txt)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    request.getfixturevalue("built_book")  # `make book`: a fresh _build/.jupyter_cache
    script = _load_script()
    # `make pdf` brings the edition up to date (it re-reads only what changed since it was made).
    pdf, build_dir = script.DEFAULT_OUT, script.DEFAULT_BUILD_DIR
    result = subprocess.run(
        ["make", "-s", "pdf"], cwd=paths.ROOT, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    reader = pypdf.PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    return Edition(
        pdf=pdf,
        html=script.singlehtml_page(build_dir),
        printed=script.singlehtml_dir(build_dir) / script.PRINT_PAGE,
        text=" ".join(text.split()),
        page_width_px=float(reader.pages[0].mediabox.width) * 96 / 72,
        pages=len(reader.pages),
        images=sum(
            _drawn_images(page.get_contents(), page.get("/Resources"), reader)
            for page in reader.pages
            if page.get_contents() is not None
        ),
        links=_link_uris(reader),
    )


def test_pdf_has_pages(edition: Edition) -> None:
    assert edition.pdf.read_bytes()[:5] == b"%PDF-"
    assert edition.pages >= 3


def test_pdf_text_has_book_and_chapter_titles(edition: Edition) -> None:
    assert TITLE in edition.text
    assert CHAPTER_TITLE in edition.text


def test_pdf_has_every_image_of_the_book(edition: Edition) -> None:
    parser = _RasterImages()
    parser.feed(edition.html.read_text(encoding="utf-8"))
    parser.close()
    assert edition.images >= len(parser.sources), (
        f"{edition.images} images in the PDF, {len(parser.sources)} <img> in {edition.html.name}: {parser.sources}"
    )


# Scrolling boxes (wide tables, long code lines) that are wider than their content area: on
# paper there is no scrolling, so whatever is past the edge is lost.
CLIPPED = """() => Array.from(document.querySelectorAll("body *")).filter((el) => {
  if (!el.checkVisibility()) return false;  // not rendered, e.g. inside a closed <details>
  const overflow = getComputedStyle(el).overflowX;
  return overflow !== "visible" && el.scrollWidth > el.clientWidth + 1;
}).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} px of content `
  + `in ${el.clientWidth} px, starting "${el.innerText.replace(/\\s+/g, " ").trim().slice(0, 60)}"`)"""


def test_pdf_cuts_nothing_off(edition: Edition) -> None:
    """Lay the printed page out for print at the PDF's text width: nothing may overflow."""
    from playwright.sync_api import sync_playwright

    width = int(edition.page_width_px - PRINT_MARGINS_PX)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 1000})
            page.emulate_media(media="print")
            page.goto(edition.printed.as_uri(), wait_until="load")
            clipped = page.evaluate(CLIPPED)
        finally:
            browser.close()
    assert clipped == [], "cut off at the right edge of the page:\n" + "\n".join(clipped)


def test_missing_chromium_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--out",
            str(tmp_path / "x.pdf"),
            "--build-dir",
            str(tmp_path / "build"),
            "--chromium",
            str(tmp_path / "no-chromium"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "chromium not found" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    assert not (tmp_path / "build").exists()


def test_the_notebook_cache_is_copied_whole_while_the_pages_build_writes_to_it(tmp_path: Path) -> None:
    """The PDF's build gets its own copy of the notebook cache while the pages' build records its
    reads in the cache's database: the copy holds every row and every executed notebook."""
    script = _load_script()
    cache = tmp_path / "cache"
    (cache / "executed" / "abc").mkdir(parents=True)
    (cache / "executed" / "abc" / "base.ipynb").write_text("{}", encoding="utf-8")
    writer = sqlite3.connect(cache / script.CACHE_DB)
    writer.execute("create table nbcache (pk integer primary key, accessed text)")
    writer.executemany("insert into nbcache (accessed) values (?)", [(str(n),) for n in range(500)])
    writer.commit()
    writer.execute("update nbcache set accessed = 'now' where pk = 1")  # a read being recorded, not committed
    try:
        script.seed_cache(tmp_path / "build", cache)
    finally:
        writer.close()
    copy = tmp_path / "build" / paths.NOTEBOOK_CACHE_DIR
    with closing(sqlite3.connect(copy / script.CACHE_DB)) as db:
        assert db.execute("select count(*), min(accessed) from nbcache").fetchone() == (500, "0")
    assert (copy / "executed" / "abc" / "base.ipynb").read_text(encoding="utf-8") == "{}"
    assert not list(copy.glob(f"{script.CACHE_DB}-*"))  # no journal of the other build's write


def test_no_link_points_at_the_machine_that_built_the_pdf(edition: Edition) -> None:
    """Download links point at the published site (CITATION.cff's url), never at a local file."""

    site = release.release().url
    assert edition.links, "the PDF has no link at all"
    local = [uri for uri in edition.links if uri.startswith("file:") or "/_build/" in uri]
    assert local == [], f"links to the building machine: {local[:5]}"
    downloads = [uri for uri in edition.links if "/_downloads/" in uri]
    assert downloads, "no download link in the PDF"
    assert all(uri.startswith(site) for uri in downloads), [u for u in downloads if not u.startswith(site)][:5]
    # the licence and a figure card are in the PDF too
    assert "CC BY 4.0" in edition.text
    assert "Short citation" in edition.text


def test_links_of_the_print_copy_are_made_absolute(tmp_path: Path) -> None:
    script = _load_script()
    page = tmp_path / "book" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<link href="_static/a.css" rel="stylesheet"><a href="_downloads/ab/x.csv">x</a>'
        '<a href="#here">h</a><a class="r" href="genindex.html?q=a&amp;b=1">g</a>'
        '<a href="https://example.org/">e</a>',
        encoding="utf-8",
    )
    (tmp_path / "_toc.yml").write_text("root: book/index\n", encoding="utf-8")
    build = tmp_path / "build"
    script.singlehtml_dir(build).mkdir(parents=True)
    text = script.print_copy(page, build, project=tmp_path, base="https://site.example/report/").read_text()
    assert '<link href="_static/a.css"' in text  # style sheets stay local, or nothing would print styled
    assert '<a href="https://site.example/report/_downloads/ab/x.csv">' in text
    assert '<a href="#here">' in text
    assert '<a href="https://example.org/">' in text
    assert '<a class="r" href="https://site.example/report/genindex.html?q=a&amp;b=1">' in text


def test_the_data_page_links_to_the_pdf_beside_the_pages() -> None:
    """The data page links the PDF by a relative address, so it opens from the published site, a local
    build and an offline copy alike; `make book` puts it there, and the site publishes it there too."""
    import re

    name = _load_script().DEFAULT_OUT.name
    text = (paths.BOOK / "data.md").read_text(encoding="utf-8")
    assert re.findall(r'<a class="pdf-edition" href="([^"]+)"', text) == [f"../{name}"]
    assert not re.findall(r"\]\((https?://[^)\s]+\.pdf)\)", text), "no absolute link the local build cannot open"
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"^HTML_PDF\s*:= _build/html/{re.escape(name)}$", makefile, re.MULTILINE)
    assert re.search(r"^_book: .*\$\(HTML_PDF\)", makefile, re.MULTILINE)
    # `make pdf` builds the pages too: their build checks the quotations the one-page build skips
    assert re.search(r"^_pdf: .*\$\(HTML\)\s", makefile, re.MULTILINE)


def test_the_pdfs_own_link_to_itself_points_at_the_published_pdf(tmp_path: Path) -> None:
    """A link a page writes relative to itself (book/data.html's ../x.pdf) resolves from its folder."""
    script = _load_script()
    page = tmp_path / "book" / "index.html"
    page.parent.mkdir()
    page.write_text('<a class="pdf-edition" href="../x.pdf">x</a>', encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("root: book/index\n", encoding="utf-8")
    build = tmp_path / "build"
    script.singlehtml_dir(build).mkdir(parents=True)
    text = script.print_copy(page, build, project=tmp_path, base="https://site.example/report/").read_text()
    assert 'href="https://site.example/report/x.pdf"' in text


# Every figure a printed page sets (money, percentages, years, counts with thousands): each must
# stand on one line. A Range over the figure's characters gives one rectangle per line it spans.
SPLIT_NUMBERS = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector("main") || document.body, NodeFilter.SHOW_TEXT);
  const figure = /\$?\d[\d,]*(?:\.\d+)?%?/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.checkVisibility()) continue;
    for (const m of node.data.matchAll(figure)) {
      if (m[0].length < 4) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) found.push(`${m[0]} in "${node.data.trim().slice(0, 60)}"`);
    }
  }
  return found;
}"""


def test_print_never_splits_a_number_or_a_table_row(edition: Edition) -> None:
    """Laid out for print at the PDF's text width: no figure breaks across lines, and no table row
    across pages (its style forbids the break)."""
    from playwright.sync_api import sync_playwright

    width = int(edition.page_width_px - PRINT_MARGINS_PX)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 1000})
            page.emulate_media(media="print")
            page.goto(edition.printed.as_uri(), wait_until="load")
            split = page.evaluate(SPLIT_NUMBERS)
            rows = page.evaluate(
                "() => Array.from(document.querySelectorAll('main tr')).map((tr) => getComputedStyle(tr).breakInside)"
            )
        finally:
            browser.close()
    assert split == [], "figures broken across lines in print:\n" + "\n".join(split[:20])
    assert rows, "no table in the printed book"
    assert set(rows) == {"avoid"}, set(rows)
