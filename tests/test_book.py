"""The HTML book builds with warnings as errors, offline, and a failing notebook fails it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from analysis import paths

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
FLAGS = ["--all", "--warningiserror", "--keep-going", "--nitpick"]


def _build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(JUPYTER_BOOK), "build", str(root), "--path-output", str(out), *FLAGS],
        capture_output=True, text=True, timeout=600, check=False,
    )


def _copy_book(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(paths.ROOT / name, root / name)
    shutil.copytree(paths.BOOK, root / "book", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def test_book_builds_without_warnings_or_external_assets(tmp_path: Path) -> None:
    result = _build(paths.ROOT, tmp_path)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert "WARNING" not in result.stdout, log[-3000:]
    html = tmp_path / "_build" / "html"
    pages = list(html.rglob("*.html"))
    assert len(pages) >= 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text)
        assert remote == [], f"{page.name} loads {remote}"


def test_notebook_that_raises_fails_the_build(tmp_path: Path) -> None:
    root = _copy_book(tmp_path)
    notebook = root / "book" / "01-sources.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"].append({
        "cell_type": "code", "execution_count": None, "id": "boom", "metadata": {},
        "outputs": [], "source": "raise RuntimeError('deliberate failure')",
    })
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    result = _build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "[mystnb.exec]" in result.stderr
    log = tmp_path / "out" / "_build" / "html" / "reports" / "book" / "01-sources.err.log"
    assert "deliberate failure" in log.read_text(encoding="utf-8")
