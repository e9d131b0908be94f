"""The charts as readers see them in Chromium: legible at 1280 px, one tap from full size on a phone,
served at the size shown, each with a card a presenter can use; and the PDF edition one click from
the data page, wherever the site is opened.

The built book (conftest's ``built_book``, `make book`) is served as tests/test_browser.py serves it
and opened with Playwright on Debian's Chromium, offline.
"""

from __future__ import annotations

import struct
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, _fetch, origin, site

from analysis.publish import chart_style, figures

pytestmark = pytest.mark.book
__all__ = ["origin", "site"]  # fixtures of test_browser, used here

WIDE, PHONE = 1280, 375
#: Every <text> of a chart's SVG, placed over the chart as the page shows it, with the size in CSS px
#: at which it is drawn: its font size in the SVG's units times the scale of its own transform
#: (rotated labels included).
SVG_TEXT_SIZES = """async ([img, svgUrl]) => {
  const markup = await (await fetch(svgUrl)).text();
  const holder = document.createElement("div");
  holder.style.cssText = `position:absolute;left:0;top:0;width:${img.clientWidth}px`;
  holder.innerHTML = markup;
  document.body.appendChild(holder);
  const svg = holder.querySelector("svg");
  svg.style.width = `${img.clientWidth}px`;
  svg.style.height = "auto";
  const box = svg.viewBox.baseVal;
  const sizes = Array.from(svg.querySelectorAll("text")).filter((t) => t.textContent.trim()).map((t) => {
    const m = t.getScreenCTM();
    return {text: t.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)};
  });
  holder.remove();
  return {sizes, aspect: box.height / box.width, shown: img.clientHeight / img.clientWidth};
}"""


def _png_width(data: bytes) -> int:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int(struct.unpack(">I", data[16:20])[0])


@pytest.fixture(scope="module")
def chromium(site: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _page(chromium: Any, origin: str, width: int) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
    return context.new_page()


def _chapters() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, chart in figures.registry().items():
        out.setdefault(chart.chapter, []).append(name)
    return out


def test_the_smallest_chart_text_is_at_least_10_px_at_1280(chromium: Any, origin: str) -> None:
    page = _page(chromium, origin, WIDE)
    smallest: dict[str, float] = {}
    try:
        for chapter, names in _chapters().items():
            page.goto(urljoin(origin, f"book/{chapter}.html"), wait_until="load")
            for name in names:
                img = page.locator(f"figure#{name} img")
                img.scroll_into_view_if_needed()
                img.evaluate("(i) => i.decode()")
                svg = page.locator(f"#{name}-card a.download", has_text="SVG").get_attribute("href")
                found = page.evaluate(SVG_TEXT_SIZES, [img.element_handle(), urljoin(page.url, str(svg))])
                assert found["aspect"] == pytest.approx(found["shown"], rel=0.02), (
                    f"{name}: the SVG is not the image shown"
                )
                smallest[name] = min(s["px"] for s in found["sizes"])
    finally:
        page.context.close()
    assert set(smallest) == set(figures.registry())
    small = {name: round(px, 1) for name, px in smallest.items() if px < chart_style.LEAST_PX}
    assert small == {}, f"chart text under {chart_style.LEAST_PX} CSS px at {WIDE} px: {small}"


def test_chart_images_are_served_at_the_size_shown_with_their_width_and_height(chromium: Any, origin: str) -> None:
    page = _page(chromium, origin, WIDE)
    try:
        for chapter, names in _chapters().items():
            page.goto(urljoin(origin, f"book/{chapter}.html"), wait_until="load")
            for name in names:
                img = page.locator(f"figure#{name} img")
                img.scroll_into_view_if_needed()
                img.evaluate("(i) => i.decode()")
                got = img.evaluate(
                    "(i) => ({src: i.currentSrc, w: i.clientWidth, h: i.clientHeight,"
                    " aw: +i.getAttribute('width'), ah: +i.getAttribute('height')})"
                )
                assert got["aw"] > 0, name
                assert got["ah"] > 0, name
                assert got["h"] / got["w"] == pytest.approx(got["ah"] / got["aw"], rel=0.02), f"{name}: distorted"
                with urllib.request.urlopen(got["src"], timeout=10) as response:
                    served = _png_width(response.read())
                assert served == got["aw"], name
                assert served <= 1.25 * got["w"], f"{name}: {served} px served for {got['w']} px shown"
    finally:
        page.context.close()


def test_on_a_phone_every_chart_opens_at_full_size_in_one_tap(chromium: Any, origin: str) -> None:
    page = _page(chromium, origin, PHONE)
    try:
        for chapter, names in _chapters().items():
            page.goto(urljoin(origin, f"book/{chapter}.html"), wait_until="load")
            for name in names:
                link = page.locator(f"figure#{name} a.chart-zoom")
                assert link.locator("img").count() == 1, name
                assert link.locator(".chart-zoom-hint").is_visible(), name
                full = urljoin(page.url, str(link.get_attribute("href")))
                with urllib.request.urlopen(full, timeout=10) as response:
                    assert _png_width(response.read()) >= chart_style.WIDTH_IN * chart_style.PNG_DPI, name
        page.set_viewport_size({"width": WIDE, "height": 900})
        assert not page.locator(".chart-zoom-hint").first.is_visible()  # a wide screen needs no hint
    finally:
        page.context.close()


def test_every_card_shows_its_copy_buttons_and_the_citation_as_apa_and_bibtex(chromium: Any, origin: str) -> None:
    page = _page(chromium, origin, WIDE)
    try:
        for chapter, names in _chapters().items():
            page.goto(urljoin(origin, f"book/{chapter}.html"), wait_until="load")
            for name in names:
                card = page.locator(f"#{name}-card")
                card.scroll_into_view_if_needed()
                page.mouse.move(0, 0)  # nothing hovered: the buttons show anyway
                buttons = card.locator("> .citation-copy button.copybtn")
                assert buttons.count() == 2, name  # the short and the full citation
                for i in range(2):
                    opacity = buttons.nth(i).evaluate("(b) => getComputedStyle(b).opacity")
                    assert float(opacity) == 1, (name, opacity)
                text = card.inner_text()
                assert figures.short_citation(name) in text
                assert figures.citation_text(name) in text
                card.locator("details.figure-card-styles > summary").click()
                text = card.inner_text()
                assert figures.citation_apa(name) in text
                assert "@misc{" in text
                slide = card.locator("a.download", has_text="PNG for a slide")
                assert _fetch(urljoin(page.url, str(slide.get_attribute("href"))))[0] == 200, name
    finally:
        page.context.close()


def test_the_data_pages_pdf_link_opens_the_pdf_from_a_local_copy_offline(chromium: Any, site: Path) -> None:
    """Opened from disk (file://, no server, no network), the data page's PDF link is the PDF."""
    context = chromium.new_context(service_workers="block")
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto((site / "book" / "data.html").as_uri(), wait_until="load")
        link = page.locator("a.pdf-edition")
        assert link.count() == 1
        assert not str(link.get_attribute("href")).startswith(("http:", "https:", "/"))  # relative
        target = Path(url2pathname(urlsplit(link.evaluate("(a) => a.href")).path))
    finally:
        context.close()
    assert target.is_file(), target
    assert target.read_bytes()[:5] == b"%PDF-"
    assert target.parent == site
