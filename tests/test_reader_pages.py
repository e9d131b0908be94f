"""The built pages as readers meet them: at a desktop's width (1280 CSS px) and a phone's (375), in
headless Chromium, and as files a host serves.

- Tables fit: at 1280 no table (a chart's data opened too) is wider than its column; at 375 no
  page scrolls sideways, and a table wider than the screen scrolls inside its own box.
- The evidence explorer: its counts above the table (rows, records, exclusions; the records the
  landing page counts), its header row in view while the rows scroll, its sort arrows beside the
  headers' words, a page of rows drawn (not all of them), a linked row opened on its page, every
  row on paper.
- Weight: no page loads the theme's Font Awesome script or full fonts, or the search index outside
  the search page; every script in a page's head waits for the page; every page has a favicon, a
  description and images with their size; the cut icon font holds every icon the pages name.
- Plain words: each source is cited by its label; a glossed term's first use links the glossary.
- Chapters: each opens with its key numbers (each with its citation), then its chart, then its
  sections; no code and no code toggle on any page, the notebook linked instead; a long table
  shows its first rows and all of them on a tap, without JavaScript too, and every row on paper.

Screenshots are not taken here (they are looked at, not compared): see CONTRIBUTING.md.
"""

from __future__ import annotations

import html
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from fontTools.ttLib import TTFont
from test_browser import _html_pages, _redirect_target, browser, origin, site  # noqa: F401 (fixtures)

from analysis.chapters import key_numbers, prose
from analysis.core import paths, sources
from analysis.publish import explorer

sys.path.insert(0, str(paths.ROOT / "_ext"))
import chapter_pages
import glosses

pytestmark = pytest.mark.book

DESKTOP, PHONE = 1280, 375
EVIDENCE_PAGE = "book/evidence.html"

# Every table of the article as shown, with the width of the box it sits in (its column, or its
# own scrolling box); a chart's data is opened first, so that its table is measured too.
TABLES = """() => {
  for (const details of document.querySelectorAll('article details')) details.open = true;
  return [...document.querySelectorAll('article table')].filter((t) => t.checkVisibility()).map((t) => {
    const box = t.closest('.pst-scrollable-table-container') || t.parentElement;
    const style = getComputedStyle(box);
    return {width: t.getBoundingClientRect().width, column: box.clientWidth, scrolls: style.overflowX,
            boxRight: box.getBoundingClientRect().right, head: t.innerText.replace(/\\s+/g, ' ').slice(0, 60)};
  });
}"""
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture(scope="module")
def pages(site: Path) -> list[str]:
    """Every page a reader opens (no redirect page)."""
    return [name for name in _html_pages(site) if _redirect_target(site, name) is None]


@pytest.fixture(scope="module")
def at_width(browser: Any, origin: str) -> Iterator[Any]:
    """Opens a page in a browser window of the given width (one window a width and script
    setting, reused); gives the Playwright page."""
    windows: dict[tuple[int, int, bool], Any] = {}

    def open_page(name: str, width: int, height: int = 900, javascript: bool = True) -> Any:
        key = (width, height, javascript)
        if key not in windows:
            context = browser.page.context.browser.new_context(
                viewport={"width": width, "height": height}, java_script_enabled=javascript, service_workers="block"
            )
            context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
            windows[key] = context.new_page()
        page = windows[key]
        page.emulate_media(media="screen")
        page.goto("about:blank")  # a fresh page, even when only the address's #fragment differs
        page.goto(urljoin(origin, name), wait_until="load")
        return page

    yield open_page
    for page in windows.values():
        page.context.close()


def test_no_table_is_wider_than_its_column_at_desktop_width(pages: list[str], at_width: Any) -> None:
    wide = {}
    for name in pages:
        page = at_width(name, DESKTOP)
        found = [t for t in page.evaluate(TABLES) if t["width"] > t["column"] + 1]
        if found:
            wide[name] = [f"{t['width']:.0f} px in {t['column']} px: {t['head']}" for t in found]
    assert wide == {}, f"tables wider than their column at {DESKTOP} px: {wide}"


def test_nothing_scrolls_the_page_sideways_at_phone_width(pages: list[str], at_width: Any) -> None:
    problems = {}
    for name in pages:
        page = at_width(name, PHONE, 800)
        scroll, client = page.evaluate(PAGE_WIDTH)
        bad = [f"page {scroll} px wide in {client} px"] if scroll > client else []
        for table in page.evaluate(TABLES):
            if table["width"] > table["column"] + 1 and table["scrolls"] not in ("auto", "scroll"):
                bad.append(f"table wider than its box, which does not scroll: {table['head']}")
            if table["boxRight"] > client + 1:
                bad.append(f"a table's box runs past the screen: {table['head']}")
        if bad:
            problems[name] = bad
    assert problems == {}, f"at {PHONE} px: {problems}"


# --- the explorer ---------------------------------------------------------------------------------


def test_the_explorer_says_its_counts_above_the_table(site: Path, at_width: Any) -> None:
    rows = explorer.all_rows()
    records, excluded = explorer.counts(rows)
    page = at_width(EVIDENCE_PAGE, PHONE, 800)
    counts = page.locator("#evidence-counts")
    said = " ".join(counts.inner_text().split())
    assert said == f"The table has {explorer.counts_sentence(rows)}"
    assert f"{records + excluded} rows: the {records} records" in said
    assert counts.bounding_box()["y"] < page.locator("#evidence-table").bounding_box()["y"]
    assert counts.bounding_box()["y"] < 800 * 1.5  # on the first screen or just below the title
    # the landing page counts the same records
    landing = BeautifulSoup((site / "book/index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"{records} records" in " ".join(landing.get_text(" ").split())


def test_the_explorer_draws_a_page_of_rows_keeps_its_header_in_view_and_its_arrows_apart(at_width: Any) -> None:
    rows = explorer.all_rows()
    page = at_width(EVIDENCE_PAGE, DESKTOP)
    page.wait_for_selector("#evidence-filter-kind")
    drawn = page.locator("#evidence-table tbody tr").count()
    assert 0 < drawn <= 25, drawn
    assert drawn < len(rows), drawn
    heads = page.evaluate("""() => [...document.querySelectorAll('#evidence-table thead th')].map((th) => {
      const title = th.querySelector('.dt-column-title').getBoundingClientRect();
      const arrows = th.querySelector('.dt-column-order').getBoundingClientRect();
      const cell = th.getBoundingClientRect();
      return {name: th.innerText.trim(), apart: title.right <= arrows.left + 0.5 && arrows.right <= cell.right + 0.5
              && arrows.width >= 8};
    })""")
    assert [h["name"] for h in heads if not h["apart"]] == []
    page.select_option("select[name$='length'], .dt-length select", "-1")
    assert page.locator("#evidence-table tbody tr").count() == len(rows)
    page.evaluate("() => window.scrollTo(0, document.getElementById('evidence-table').offsetTop + 2000)")
    page.wait_for_timeout(200)
    header, cell = page.evaluate("""() => [document.querySelector('.bd-header-article').getBoundingClientRect().bottom,
      document.querySelector('#evidence-table thead th').getBoundingClientRect().top]""")
    assert header - 1 <= cell <= header + 2, (header, cell)


def test_a_link_to_a_row_on_a_later_page_opens_that_page_and_the_row(at_width: Any) -> None:
    row = explorer.all_rows()[-1]
    page = at_width(f"{EVIDENCE_PAGE}#{row.label}", DESKTOP)
    page.wait_for_selector(f"#evidence-table tr[id='{row.label}']")
    target = page.locator(f"#evidence-table tr[id='{row.label}']")
    assert target.evaluate("(tr) => tr.matches(':target')")
    box = target.bounding_box()
    assert 0 <= box["y"] < 900, box
    assert page.locator("#evidence-table tbody tr").count() <= 25


VISIBLE_ROWS = (
    "() => [...document.querySelectorAll('#evidence-table tbody tr')].filter((tr) => tr.checkVisibility()).length"
)


def _explorer_with(browser: Any, origin: str, route: str, handle: Any) -> int:
    """The explorer's visible rows once loaded with the requests matching ``route`` handled so."""
    context = browser.page.context.browser.new_context(viewport={"width": DESKTOP, "height": 900})
    try:
        context.route(lambda url: not url.startswith(origin), lambda r: r.abort())
        context.route(route, handle)
        page = context.new_page()
        page.goto(urljoin(origin, EVIDENCE_PAGE), wait_until="load")
        page.wait_for_timeout(300)
        return int(page.evaluate(VISIBLE_ROWS))
    finally:
        context.close()


def test_before_datatables_starts_a_page_of_rows_is_shown_and_without_it_every_row(browser: Any, origin: str) -> None:
    rows = len(explorer.all_rows())
    # the explorer's script never runs: the style sheet alone shows the first page of rows
    empty = _explorer_with(
        browser, origin, "**/evidence-explorer.js*", lambda r: r.fulfill(body="", content_type="text/javascript")
    )
    assert empty == min(rows, 25)
    # DataTables cannot be fetched: the explorer's script shows every row
    assert _explorer_with(browser, origin, "**/dataTables.min.js*", lambda r: r.abort()) == rows


def test_on_paper_the_explorer_prints_every_row(at_width: Any) -> None:
    page = at_width(EVIDENCE_PAGE, DESKTOP)
    page.wait_for_selector("#evidence-filter-kind")
    page.emulate_media(media="print")
    page.wait_for_function(
        f"() => document.querySelectorAll('#evidence-table tbody tr').length === {len(explorer.all_rows())}"
    )
    page.emulate_media(media="screen")
    page.wait_for_function("() => document.querySelectorAll('#evidence-table tbody tr').length <= 25")


# --- weight ---------------------------------------------------------------------------------------


def _soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_every_page_is_light_and_says_what_it_is(site: Path, pages: list[str]) -> None:
    problems: dict[str, list[str]] = {}
    for name in [*pages, "search.html"]:
        soup = _soup(site, name)
        bad = []
        if name != "search.html":  # which needs its search index and tools to show anything
            head = soup.head.find_all("script", src=True)
            bad += [f"blocks the first paint: {s['src']}" for s in head if not ({"defer", "async"} & set(s.attrs))]
            bad += [f"loads {s['src']}" for s in soup.find_all("script", src=True) if "search" in s["src"]]
        bad += [f"loads {s['src']}" for s in soup.find_all("script", src=True) if "fontawesome" in s["src"]]
        bad += [f"preloads {link['href']}" for link in soup.find_all("link", rel="preload")]
        icon = soup.find("link", rel="icon")
        if icon is None or not (site / name).parent.joinpath(icon["href"]).resolve().is_file():
            bad.append(f"no favicon: {icon}")
        described = soup.find_all("meta", attrs={"name": "description"})
        if len(described) != 1 or len(described[0].get("content", "").split()) < 3:
            bad.append(f"description: {described}")
        bad += [f"image without its size: {img.get('src')}" for img in soup.find_all("img") if not img.get("width")]
        if bad:
            problems[name] = bad
    assert problems == {}, problems


def test_a_description_is_the_first_paragraph_escaped(site: Path) -> None:
    raw = (site / "book/evidence.html").read_text(encoding="utf-8")
    first = " ".join(BeautifulSoup(raw, "html.parser").find("article").find("p").get_text().split())
    assert "'" in first  # "the article's own words": a character to escape in an attribute
    written = re.findall(r'<meta name="description" content="([^"<>]*)" />', raw)
    assert written == [html.escape(first, quote=True)]


def test_the_cut_icon_font_holds_every_icon_the_pages_name(site: Path, pages: list[str]) -> None:
    theme = (site / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8")
    named = {m for name in pages for m in re.findall(r"\bfa-[a-z0-9-]+", (site / name).read_text(encoding="utf-8"))}
    wanted = {}
    for icon in named:
        found = re.search(rf'\.{re.escape(icon)}:before[^{{]*\{{content:"\\([0-9a-f]+)"', theme)
        if found:
            wanted[icon] = int(found.group(1), 16)
    assert len(wanted) >= 5, wanted  # the menu, search, theme and contents buttons at least
    with TTFont(io.BytesIO((site / "_static/report-icons.woff").read_bytes())) as font:
        held = set(font.getBestCmap())
    assert {icon for icon, char in wanted.items() if char not in held} == set()
    custom = (site / "_static/custom.css").read_text(encoding="utf-8")
    assert 'url("report-icons.woff")' in custom


def test_no_page_fetches_the_full_icon_font_or_script(browser: Any, origin: str, pages: list[str]) -> None:
    fetched: list[str] = []
    page = browser.page

    def note(request: Any) -> None:
        fetched.append(request.url)

    page.on("request", note)
    try:
        for name in ("book/index.html", "book/02-pay.html", EVIDENCE_PAGE):
            page.goto(urljoin(origin, name), wait_until="load")
            page.evaluate("() => document.fonts.ready")
    finally:
        page.remove_listener("request", note)
    heavy = [url for url in fetched if re.search(r"fontawesome\.js|fa-(solid|regular|brands)-\d+|searchindex", url)]
    assert heavy == []
    assert any(url.split("?")[0].endswith("/report-icons.woff") for url in fetched)


# --- plain words ----------------------------------------------------------------------------------


def test_sources_are_cited_by_their_labels(site: Path) -> None:
    soup = _soup(site, "book/03-career-ladder.html")
    for meta in sources.read_manifest():
        who = meta.author or meta.short_title
        shown = {" ".join(a.get_text().split()) for a in soup.select(f"a[href$='#cite-{meta.source_id}']")}
        assert shown, meta.source_id
        assert all(who in text.replace("\xa0", " ") or text.isdigit() or text == "n.d." for text in shown), (
            meta.source_id,
            shown,
        )
    assert prose.short_ref("cedric-career-graph").startswith("Franklin Cedric")


def test_a_glossed_term_links_the_glossary_once_a_page_with_its_meaning_below(site: Path, pages: list[str]) -> None:
    glossary = _soup(site, "book/glossary.html")
    problems = {}
    glossed_somewhere = set()
    for name in pages:
        soup = _soup(site, name)
        links = soup.select("a.gloss-term")
        hrefs = [a["href"] for a in links]
        bad = [f"glossed twice: {h}" for h in set(hrefs) if hrefs.count(h) > 1]
        for link in links:
            anchor = link["href"].split("#", 1)[1]
            term = glossary.find(id=anchor)
            block = link.find_parent(["ul", "ol", "dl"]) or link.find_parent("p")
            while block.find_parent(["ul", "ol", "dl"]) is not None:  # the outermost list
                block = block.find_parent(["ul", "ol", "dl"])
            note = block.find_next_sibling()
            if term is None or not isinstance(note, Tag) or "glosses" not in note.get("class", []):
                bad.append(f"{link.get_text()}: no glossary entry or no note under its paragraph or list")
                continue
            said = term.get_text().strip().rstrip("#").strip()
            glossed_somewhere.add(said)
            if f"{said}:" not in " ".join(note.get_text().split()):
                bad.append(f"{link.get_text()}: the note does not say what {said} means")
        if bad:
            problems[name] = bad
    assert problems == {}, problems
    assert glossed_somewhere == set(glosses.GLOSSED), glossed_somewhere
    pay = _soup(site, "book/02-pay.html")
    assert any(a.get_text() == "CPI-U" for a in pay.select("a.gloss-term"))


# --- chapters: the finding first, no code, long tables folded -------------------------------------

#: What a chapter page shows first, measured as laid out: the key-numbers box, its first table and
#: figure, its section headings, any code or code toggle, and the line that links its notebook.
OPENING = """() => {
  const top = (el) => el ? el.getBoundingClientRect().top + window.scrollY : null;
  const article = document.querySelector('article');
  const box = article.querySelector('div.admonition.key-numbers');
  return {
    box: top(box),
    items: box ? [...box.querySelectorAll(':scope > ul > li')].map((li) => ({
      number: (li.querySelector('strong') || {}).innerText || '', links: li.querySelectorAll('a[href]').length,
      text: li.innerText.replace(/\\s+/g, ' ').trim()})) : [],
    table: top([...article.querySelectorAll('table')].find((t) => t.checkVisibility())),
    figure: top(article.querySelector('figure, img')),
    sections: [...article.querySelectorAll('section > h2')].map(top),
    code: [...article.querySelectorAll('.cell_input, details.hide, .toggle-details, pre')].filter(
      (el) => el.checkVisibility() && !el.closest('.figure-card')).length,
    toggles: (article.innerText.match(/(show|hide) code cell/gi) || []).length,
    notebook: [...article.querySelectorAll('p.notebook-link a[href]')].map((a) => a.href),
  };
}"""


@pytest.fixture(scope="module")
def chapters(site: Path) -> list[str]:
    """Every chapter page: each notebook of book/ but the landing page (book/NN-*.ipynb)."""
    found = sorted(f"book/{p.stem}.html" for p in (paths.ROOT / "book").glob("[0-9][0-9]-*.ipynb"))
    assert found
    assert all((site / name).is_file() for name in found)
    return found


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_each_chapter_opens_with_its_key_numbers_then_its_chart_and_shows_no_code(
    chapters: list[str], at_width: Any, width: int
) -> None:
    problems = {}
    for name in chapters:
        page = at_width(name, width)
        got = page.evaluate(OPENING)
        bad = []
        if got["box"] is None:
            bad.append("no key-numbers box")
        else:
            if not 1 <= len(got["items"]) <= key_numbers.MOST:
                bad.append(f"{len(got['items'])} key numbers")
            bad += [f"no number: {i['text']}" for i in got["items"] if not re.search(r"\d", i["number"])]
            bad += [f"no citation: {i['text']}" for i in got["items"] if not i["links"]]
            bad += [f"more than a line's meaning: {i['text']}" for i in got["items"] if len(i["text"]) > 400]
            for what in ("table", "figure"):
                if got[what] is not None and got[what] < got["box"]:
                    bad.append(f"a {what} comes before the key numbers")
            later = [y for y in got["sections"] if y > got["box"]]
            if got["figure"] is not None and later and got["figure"] > later[0]:
                bad.append("the chart does not follow the key numbers before the sections")
        if got["code"] or got["toggles"]:
            bad.append(f"code shown: {got['code']} blocks, {got['toggles']} toggles")
        if len(got["notebook"]) != 1 or not got["notebook"][0].endswith(f"/{Path(name).stem}.ipynb"):
            bad.append(f"notebook link: {got['notebook']}")
        if bad:
            problems[name] = bad
    assert problems == {}, f"at {width} px: {problems}"


def test_the_notebook_each_chapter_links_is_the_notebook_itself(site: Path, chapters: list[str]) -> None:
    for name in chapters:
        soup = _soup(site, name)
        link = soup.select_one("p.notebook-link a[href]")
        assert link is not None, name
        served = (site / name).parent.joinpath(link["href"]).resolve()
        assert served.read_bytes() == (paths.ROOT / "book" / f"{Path(name).stem}.ipynb").read_bytes(), name


def test_every_figure_has_the_same_number_in_its_caption_and_its_card(site: Path, chapters: list[str]) -> None:
    for name in chapters:
        for figure in _soup(site, name).select("figure.report-figure"):
            caption = re.search(r"Fig\. (\d+)", figure.get_text(" "))
            card = figure.find_next("div", class_="figure-card")
            said = re.search(r"Figure (\d+) to take away", card.get_text(" ")) if card else None
            assert caption, (name, figure.get("id"))
            assert said, (name, figure.get("id"))
            assert caption.group(1) == said.group(1), (name, figure.get("id"))


#: Every table a notebook shows (not a chart's data): its rows, those shown, and its fold's label.
CELL_TABLES = """() => [...document.querySelectorAll('article .cell_output table')].map((t) => ({
  rows: t.tBodies[0].rows.length,
  shown: [...t.tBodies[0].rows].filter((tr) => tr.checkVisibility()).length,
  label: (t.closest('.long-table')?.querySelector('label.long-table-more') || {}).innerText || null,
}))"""


def _long(table: dict[str, Any]) -> bool:
    return table["rows"] >= chapter_pages.FIRST + chapter_pages.SLACK


def test_a_long_table_shows_its_first_rows_and_all_of_them_on_a_tap_with_or_without_javascript(
    chapters: list[str], at_width: Any
) -> None:
    for javascript in (True, False):
        for name in chapters:
            page = at_width(name, PHONE, 800, javascript=javascript)
            for i, table in enumerate(page.evaluate(CELL_TABLES)):
                if not _long(table):
                    assert table["shown"] == table["rows"], (name, table)
                    assert table["label"] is None, (name, table)
                    continue
                assert table["shown"] == chapter_pages.FIRST, (name, table)
                assert table["label"] == f"Show all {table['rows']} rows", (name, table)
                label = (
                    page.locator("article .cell_output table")
                    .nth(i)
                    .locator("xpath=ancestor::div[contains(@class,'long-table')][1]/label")
                )
                label.click()
                assert page.evaluate(CELL_TABLES)[i]["shown"] == table["rows"], (name, table)
                label.click()
                assert page.evaluate(CELL_TABLES)[i]["shown"] == chapter_pages.FIRST, (name, table)


def test_on_paper_a_long_table_prints_every_row(chapters: list[str], at_width: Any) -> None:
    for name in chapters:
        page = at_width(name, DESKTOP)
        page.emulate_media(media="print")
        tables = page.evaluate(CELL_TABLES)
        assert [t for t in tables if t["shown"] != t["rows"]] == [], name
        assert page.locator("label.long-table-more").evaluate_all("(ls) => ls.filter((l) => l.checkVisibility())") == []
