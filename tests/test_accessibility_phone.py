"""axe-core on every page at a phone's width (320 CSS px), and no page scrolls sideways there.

A file of its own, so it runs beside the desktop check on the other worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_accessibility import axe_problems
from test_browser import AXE_WIDTHS, BrowserSession, _listing, browser, origin, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.book


def test_axe_finds_no_violation_and_nothing_scrolls_sideways_at_phone_width(
    site: Path, browser: BrowserSession
) -> None:
    problems = axe_problems(site, browser, AXE_WIDTHS[1])
    assert problems == {}, "accessibility problems:\n" + _listing(problems)
