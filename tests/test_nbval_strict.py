"""Strict nbval really compares: an edited saved output makes it fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import paths

pytestmark = pytest.mark.book

SANITIZE = paths.ROOT / "tests" / "nbval_sanitize.cfg"


def _nbval(notebook: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval",
         "--nbval-current-env", "--nbval-sanitize-with", str(SANITIZE), str(notebook)],
        capture_output=True, text=True, timeout=300, check=False, cwd=notebook.parent,
    )


def test_edited_output_of_the_sources_chapter_fails_nbval(tmp_path: Path) -> None:
    nb = json.loads((paths.BOOK / "01-sources.ipynb").read_text(encoding="utf-8"))
    edited = False
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data and not edited:
                text = "".join(data["text/markdown"])
                data["text/markdown"] = text.replace("515", "516", 1)
                edited = text != data["text/markdown"]
    assert edited, "no saved table output to edit"
    copy = tmp_path / "01-sources.ipynb"
    copy.write_text(json.dumps(nb), encoding="utf-8")
    result = _nbval(copy)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "1 failed" in result.stdout
