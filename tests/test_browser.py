"""Every page of the built book, opened in headless Chromium, works offline and has no errors.

The book `make book` builds (_build/html, brought up to date by conftest's `built_book`) is
served on 127.0.0.1 and opened with Playwright driving Debian's chromium; Playwright never
downloads a browser. Each page is opened once as a first-time visitor (empty local storage)
and checked for broken images, images without alt text, console errors, uncaught exceptions,
requests that leave the local server, failed local requests and download links that do not
resolve. The search page is checked on its own: it must find a word the book contains.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from analysis.chapters import prose
from analysis.core import paths
from analysis.publish import explorer, figures

sys.path.insert(0, str(paths.ROOT / "_ext"))
import build_config

pytestmark = pytest.mark.book

CHROMIUM = build_config.CHROMIUM
CHROMIUM_ARGS = list(build_config.CHROMIUM_ARGS)
# Pages that are not part of the sweep: the generated index, and search (tested on its own).
NOT_SWEPT = {"genindex.html", "search.html"}
DOWNLOAD_SUFFIXES = (".csv", ".xlsx", ".zip", ".pdf")
# Folders whose files pages offer for download: {download} files, and the theme's "download
# source" button.
DOWNLOAD_FOLDERS = ("/_downloads/", "/_sources/")
# A word the book uses (a glossary term, and in the chapters on challenges and methods).
SEARCH_WORD = "turnover"
TIMEOUT_MS = 15_000

# Runs before any script of every page: each page is seen as a first-time visitor sees it, so an
# error that only happens with empty storage (the theme's colour mode, say) shows on every page.
CLEAR_STORAGE = "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}"

# Makes lazy images load, waits until every image has loaded or failed (at most 10 s each),
# then describes them. naturalWidth is 0 for an image that failed to load or decode.
IMAGES = """async () => {
  const images = Array.from(document.images);
  await Promise.all(images.map((img) => {
    img.loading = "eager";
    if (img.complete) return null;
    return new Promise((resolve) => {
      img.addEventListener("load", resolve, { once: true });
      img.addEventListener("error", resolve, { once: true });
      setTimeout(resolve, 10000);
    });
  }));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return images.map((img) => ({
    src: img.getAttribute("src") || "",
    url: img.currentSrc || img.src,
    alt: img.getAttribute("alt"),
    naturalWidth: img.naturalWidth,
  }));
}"""
LINKS = "() => Array.from(document.querySelectorAll('a[href]'), (a) => a.href)"
META_REFRESH = re.compile(
    r"""<meta\s+http-equiv=["']refresh["']\s+content=["']\d+\s*;\s*url=([^"']+)["']""",
    re.IGNORECASE,
)


@dataclass
class PageReport:
    """What one page did in the browser."""

    name: str
    url: str
    final_url: str = ""
    status: int | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs; anything else is a real error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class BrowserSession:
    """One Chromium, one context, one page; events are collected into the current report."""

    def __init__(self, page: Any, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.report = PageReport(name="", url="")
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.report.page_errors.append(str(error)))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            self.report.console_errors.append(f"{message.text} ({location.get('url', '')})")

    def _on_response(self, response: Any) -> None:
        if response.url.startswith(self.origin) and response.status >= 400:
            self.report.failed_requests.append(f"{response.status} {response.url}")

    def _on_request_failed(self, request: Any) -> None:
        # ERR_ABORTED: still loading when the next page was opened; a missing file is a 404.
        if request.url.startswith(self.origin) and request.failure != "net::ERR_ABORTED":
            self.report.failed_requests.append(f"{request.failure} {request.url}")

    def block(self, route: Any) -> None:
        """Route handler for every request that is not to the local server: record, refuse."""
        self.report.external_requests.append(route.request.url)
        route.abort("blockedbyclient")

    def visit(self, name: str, ready: Callable[[Any], None] | None = None) -> PageReport:
        """Open one page (a path relative to the site root) and describe what happened."""
        self.report = report = PageReport(name=name, url=urljoin(self.origin, name))
        response = self.page.goto(report.url, wait_until="load")
        report.status = response.status if response is not None else None
        if ready is not None:
            ready(self.page)
        report.images = self.page.evaluate(IMAGES)
        report.links = self.page.evaluate(LINKS)
        report.final_url = self.page.url
        return report


def _html_pages(site: Path) -> list[str]:
    """Every HTML page of the site, as paths relative to its root; not Sphinx's `_*` folders."""
    pages = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site)
        if any(part.startswith("_") for part in relative.parts):
            continue
        if relative.as_posix() in NOT_SWEPT:
            continue
        pages.append(relative.as_posix())
    return pages


def _redirect_target(site: Path, name: str) -> str | None:
    """The page a `<meta http-equiv="refresh">` page sends the browser to, if it is one."""
    match = META_REFRESH.search((site / name).read_text(encoding="utf-8"))
    return urljoin(name, match.group(1)) if match else None


def _fetch(url: str) -> tuple[int, int]:
    """HTTP status and body length of one local URL."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        error.close()
        return error.code, 0


def _listing(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}:\n  " + "\n  ".join(items) for page, items in problems.items())


@pytest.fixture(scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    """The built book, _build/html; the tests skip, before any build, if there is no chromium."""
    if not CHROMIUM.is_file():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    return request.getfixturevalue("built_book")


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 from a thread; its URL ends with a slash."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(origin: str) -> Iterator[BrowserSession]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context(service_workers="block")
            context.set_default_timeout(TIMEOUT_MS)
            context.add_init_script(CLEAR_STORAGE)
            session = BrowserSession(context.new_page(), origin)
            context.route(lambda url: not url.startswith(origin), session.block)
            yield session
            context.close()
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def reports(site: Path, browser: BrowserSession) -> dict[str, PageReport]:
    """Every page of the site, opened once."""
    result = {}
    for name in _html_pages(site):
        target = _redirect_target(site, name)
        if target is None:
            result[name] = browser.visit(name)
        else:
            expected = urljoin(browser.origin, target)
            result[name] = browser.visit(name, ready=lambda page, url=expected: page.wait_for_url(url))
    return result


def test_every_page_opens(site: Path, origin: str, reports: dict[str, PageReport]) -> None:
    assert len(reports) >= 3, f"only {sorted(reports)} under {site}"
    bad = {name: r.status for name, r in reports.items() if r.status != 200}
    assert bad == {}, f"pages that did not answer 200: {bad}"
    for name, report in reports.items():
        target = _redirect_target(site, name)
        if target is not None:
            assert report.final_url == urljoin(origin, target), name
            assert target in reports, f"{name} redirects to {target}, which is not a page"


def test_images_load(reports: dict[str, PageReport]) -> None:
    broken = {name: [image["url"] for image in r.images if image["naturalWidth"] <= 0] for name, r in reports.items()}
    broken = {name: urls for name, urls in broken.items() if urls}
    assert broken == {}, "broken images:\n" + _listing(broken)


def test_images_have_alt_text(reports: dict[str, PageReport]) -> None:
    problems: dict[str, list[str]] = {}
    for name, report in reports.items():
        for image in report.images:
            alt = (image["alt"] or "").strip()
            file_name = PurePosixPath(urlsplit(image["src"]).path).name
            if not alt:
                problems.setdefault(name, []).append(f"no alt text: {image['src']}")
            elif alt == image["src"] or PurePosixPath(alt).name == file_name:
                # docutils fills in the image's path when a figure is given no alt text
                problems.setdefault(name, []).append(f"alt text is only the file name: {alt}")
    assert problems == {}, "images without a description:\n" + _listing(problems)


def test_no_console_errors_or_uncaught_exceptions(reports: dict[str, PageReport]) -> None:
    errors = {
        name: [f"console: {e}" for e in r.console_errors] + [f"exception: {e}" for e in r.page_errors]
        for name, r in reports.items()
    }
    errors = {name: items for name, items in errors.items() if items}
    assert errors == {}, "JavaScript errors:\n" + _listing(errors)


def test_no_request_leaves_the_local_server(reports: dict[str, PageReport]) -> None:
    external = {name: r.external_requests for name, r in reports.items() if r.external_requests}
    assert external == {}, "requests to other hosts (blocked):\n" + _listing(external)


def test_every_local_request_succeeds(reports: dict[str, PageReport]) -> None:
    failed = {name: r.failed_requests for name, r in reports.items() if r.failed_requests}
    assert failed == {}, "failed requests to the local server:\n" + _listing(failed)


def test_download_links_resolve(origin: str, reports: dict[str, PageReport]) -> None:
    downloads: dict[str, set[str]] = {}
    for name, report in reports.items():
        for link in report.links:
            url = link.split("#", 1)[0]
            path = urlsplit(url).path
            download = path.endswith(DOWNLOAD_SUFFIXES) or any(f in path for f in DOWNLOAD_FOLDERS)
            if url.startswith(origin) and download:
                downloads.setdefault(url, set()).add(name)
    problems = {}
    for url, pages in sorted(downloads.items()):
        status, size = _fetch(url)
        if status != 200 or size == 0:
            problems[url] = [f"HTTP {status}, {size} bytes, linked from {sorted(pages)}"]
    assert problems == {}, "download links that do not resolve:\n" + _listing(problems)


def _wait_for_search(page: Any) -> None:
    # Sphinx's searchtools fills in this summary once the search is complete, hits or not.
    page.wait_for_function("() => document.querySelector('#search-results .search-summary')?.innerText.trim()")


def test_search_finds_a_word_of_the_book(site: Path, browser: BrowserSession) -> None:
    report = browser.visit(f"search.html?q={SEARCH_WORD}", ready=_wait_for_search)
    links = browser.page.locator("#search-results ul.search li a")
    found = {urlsplit(href).path.lstrip("/") for href in links.evaluate_all("a => a.map(x => x.href)")}
    summary = browser.page.locator("#search-results").inner_text()
    assert found, f"no result for {SEARCH_WORD!r}: {summary}"
    with_word = {name for name in _html_pages(site) if SEARCH_WORD in (site / name).read_text(encoding="utf-8").lower()}
    assert found & with_word, f"results {sorted(found)}, pages with {SEARCH_WORD!r}: {sorted(with_word)}"
    assert report.console_errors == [], report.console_errors
    assert report.page_errors == [], report.page_errors
    assert report.external_requests == [], report.external_requests


def test_search_for_a_word_not_in_the_book_finds_nothing(browser: BrowserSession) -> None:
    browser.visit("search.html?q=zqxjvbnonexistent", ready=_wait_for_search)
    assert browser.page.locator("#search-results ul.search li").count() == 0


# --- the evidence pages, the chart cards, accessibility --------------------------------------------

AXE_WIDTHS = (1280, 320)
EVIDENCE_PAGE = "book/evidence.html"
# A quote the evidence holds (data/evidence/exploring-careers-2007.yaml), and its record.
KNOWN_RECORD = ("exploring-careers-2007", "salary-csr-1")


def _known_row() -> Any:

    return next(r for r in explorer.all_rows() if (r.source_id, r.record_id) == KNOWN_RECORD)


def _visible_rows(page: Any) -> list[dict[str, str]]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('#evidence-table tbody tr'))
      .filter((tr) => tr.checkVisibility() && tr.cells.length > 1)
      .map((tr) => ({id: tr.id, kind: tr.cells[0].innerText.trim(), text: tr.innerText}))""")


def test_explorer_search_finds_a_known_quote_and_the_kind_filter_keeps_one_kind(browser: BrowserSession) -> None:

    rows = explorer.all_rows()
    known = _known_row()
    report = browser.visit(EVIDENCE_PAGE)
    page = browser.page
    page.wait_for_selector("#evidence-filter-kind")
    page.select_option(".dt-length select", "-1")  # every row on one page (25 at first)
    assert len(_visible_rows(page)) == len(rows)
    words = " ".join(known.quote.split()[2:8])  # a few words from inside the quote
    page.get_by_label("Search the evidence:").fill(words)
    found = _visible_rows(page)
    assert known.label in {r["id"] for r in found}, f"searching {words!r} found {[r['id'] for r in found]}"
    assert all(words.lower() in " ".join(r["text"].split()).lower() for r in found)
    assert len(found) < len(rows)
    page.get_by_label("Search the evidence:").fill("")
    page.select_option("#evidence-filter-kind", "salary")
    salaries = _visible_rows(page)
    assert {r["kind"] for r in salaries} == {"salary"}
    assert len(salaries) == sum(1 for r in rows if r.kind == "salary")
    page.select_option("#evidence-filter-source", report_short_ref(known.source_id))
    both = _visible_rows(page)
    assert both
    assert len(both) <= len(salaries)
    assert known.label in {r["id"] for r in both}
    assert report.console_errors == [], (report.console_errors, report.page_errors)
    assert report.page_errors == [], (report.console_errors, report.page_errors)


def report_short_ref(source_id: str) -> str:

    return prose.short_ref(source_id)


def test_explorer_controls_show_keyboard_focus(browser: BrowserSession) -> None:
    browser.visit(EVIDENCE_PAGE)
    page = browser.page
    page.wait_for_selector("#evidence-filter-kind")
    page.locator("#evidence-filter-kind").focus()
    page.keyboard.press("Tab")  # to the source filter, by keyboard
    focused = page.evaluate("""() => { const el = document.activeElement; const s = getComputedStyle(el);
      return {id: el.id, style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
    assert focused["id"] == "evidence-filter-source"
    assert focused["style"] != "none", focused
    assert focused["width"] >= 2, focused


def test_without_javascript_the_explorer_table_is_whole(origin: str, browser: BrowserSession) -> None:

    context = browser.page.context.browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
        page = context.new_page()
        page.goto(urljoin(origin, EVIDENCE_PAGE), wait_until="load")
        assert page.evaluate("() => typeof DataTable") == "undefined"  # no script ran
        ids = page.evaluate("() => Array.from(document.querySelectorAll('#evidence-table tbody tr'), (tr) => tr.id)")
        visible = len(_visible_rows(page))
        quotes = page.locator("#evidence-table tbody tr td:last-child").all_inner_texts()
    finally:
        context.close()
    rows = explorer.all_rows()
    assert ids == [r.label for r in rows]
    assert visible == len(ids)
    assert [" ".join(q.split()) for q in quotes] == [" ".join(r.quote.split()) for r in rows]


def test_from_a_chart_to_the_record_to_the_sentence(browser: BrowserSession) -> None:
    """Pay page: the chart's data table links the record; the record links its marked quote."""
    source_id, record_id = KNOWN_RECORD
    known = _known_row()
    browser.visit("book/02-pay.html")
    page = browser.page
    page.locator("#fig-pay-ranges-data > summary").click()
    page.locator("#fig-pay-ranges-data a", has_text=record_id).first.click()
    page.wait_for_url(f"**/{EVIDENCE_PAGE}#{known.label}")
    row = page.locator(f"#evidence-table tr[id='{known.label}']")
    assert row.evaluate("(tr) => tr.matches(':target')")
    row.locator("a", has_text=record_id).click()
    page.wait_for_url(f"**/book/sources/{source_id}.html#{known.quote_label}")
    marked = page.locator("mark:target")
    assert " ".join(marked.inner_text().split()) == " ".join(known.quote.split())
    assert marked.evaluate("(m) => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_every_card_csv_holds_exactly_the_values_drawn(origin: str, browser: BrowserSession) -> None:
    import io

    import pandas as pd

    for name, chart in figures.registry().items():
        browser.visit(f"book/{chart.chapter}.html")
        card = browser.page.locator(f"#{name}-card")
        links = {a.inner_text().strip(): a.get_attribute("href") for a in card.locator("a.download").all()}
        assert set(links) >= {"PNG", "PNG for a slide (16:9)", "SVG", "CSV of the values drawn"}, (name, links)
        for what in ("PNG", "PNG for a slide (16:9)", "SVG"):
            assert _fetch(urljoin(browser.page.url, links[what]))[0] == 200, (name, what)
        with urllib.request.urlopen(urljoin(browser.page.url, links["CSV of the values drawn"]), timeout=10) as got:
            shown = pd.read_csv(io.StringIO(got.read().decode("utf-8-sig")), dtype=str, keep_default_na=False)
        data = chart.data()
        assert list(shown.columns) == list(data.columns), name
        assert len(shown) == len(data), name
        for column in data.columns:
            for i, (value, cell) in enumerate(zip(data[column], shown[column], strict=True)):
                if pd.isna(value):
                    assert cell == "", (name, column, i, cell)
                elif pd.api.types.is_number(value) and not isinstance(value, bool):
                    # rounded to what it means: dollars to the dollar, other fractions to the hundredth
                    assert float(cell) == pytest.approx(float(value), abs=0.5), (name, column, i, cell, value)
                else:
                    assert cell.lstrip("'") == str(value), (name, column, i, cell, value)
        rows = browser.page.locator(f"#{name}-data table tbody tr").count()
        assert rows == len(data), (name, rows)
        assert "CC BY 4.0" in card.inner_text()
        assert figures.citation_text(name) in card.inner_text()
