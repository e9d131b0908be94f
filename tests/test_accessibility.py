"""axe-core on every page of the built book at desktop and phone widths, and no sideways scrolling.

In a file of its own so that it runs beside the other browser tests (`--dist loadfile` gives each
file to one worker); the server and browser fixtures are the browser tests'.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import (  # noqa: F401 (site, origin and browser are fixtures used by name)
    AXE_WIDTHS,
    BrowserSession,
    _html_pages,
    _listing,
    _redirect_target,
    browser,
    origin,
    site,
)

pytestmark = pytest.mark.book


def axe_problems(site: Path, browser: BrowserSession, width: int) -> dict[str, list[str]]:
    """axe-core's violations on every page at one width (and, on a phone, any sideways scroll)."""
    axe_module = pytest.importorskip(
        "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed"
    )
    axe = axe_module.Axe()
    pages = [*_html_pages(site), "search.html"]
    problems: dict[str, list[str]] = {}
    try:
        browser.page.set_viewport_size({"width": width, "height": 800})
        for name in pages:
            if _redirect_target(site, name) is not None:
                continue
            browser.page.goto(browser.origin + name, wait_until="load")  # no image or link survey here
            for violation in axe.run(browser.page).response["violations"]:
                where = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
                problems.setdefault(f"{name} @ {width}px", []).append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} at {where}"
                )
            sideways = browser.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if width <= 400 and sideways > 0:
                problems.setdefault(f"{name} @ {width}px", []).append(f"scrolls sideways by {sideways} px")
    finally:
        browser.page.set_viewport_size({"width": 1280, "height": 720})
    return problems


def test_axe_finds_no_violation_at_desktop_width(site: Path, browser: BrowserSession) -> None:
    """axe-core (bundled by axe-playwright-python) on every page, 1280 CSS px wide."""
    problems = axe_problems(site, browser, AXE_WIDTHS[0])
    assert problems == {}, "accessibility problems:\n" + _listing(problems)
