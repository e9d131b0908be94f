"""The HTML book builds with warnings as errors, offline, and a failing notebook fails it."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from analysis import paths

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
FLAGS = ["--all", "--warningiserror", "--keep-going", "--nitpick"]
SPHINX_WARNING = re.compile(r"(WARNING|ERROR|CRITICAL):")


def test_book_built_without_warnings(built_book: Path) -> None:
    log = (paths.BUILD / "build.log").read_text(encoding="utf-8")
    assert "build succeeded" in log
    assert not SPHINX_WARNING.search(log), SPHINX_WARNING.search(log)


def test_every_toc_page_is_built(built_book: Path) -> None:
    toc = (paths.ROOT / "_toc.yml").read_text(encoding="utf-8")
    files = re.findall(r"(?:root|file): (book/[\w/-]+)", toc)
    assert len(files) >= 10
    for name in files:
        assert (built_book / f"{name}.html").exists(), name


def test_pages_load_nothing_from_the_network(built_book: Path) -> None:
    for page in built_book.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # a canonical link names the page's published address; the browser loads nothing from it
        tags = [t for t in re.findall(r"<(?:script|link|img)[^>]+>", text) if 'rel="canonical"' not in t]
        remote = [m for t in tags for m in re.findall(r'(?:src|href)="(https?://[^"]+)"', t)]
        assert remote == [], f"{page.name} loads {remote}"


def test_notebook_that_raises_fails_the_build(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "book").mkdir(parents=True)
    shutil.copy(paths.ROOT / "_config.yml", root / "_config.yml")
    shutil.copytree(paths.ROOT / "_ext", root / "_ext")
    shutil.copy(paths.BOOK / "references.bib", root / "book" / "references.bib")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/01-sources\n", encoding="utf-8")
    nb = json.loads((paths.BOOK / "01-sources.ipynb").read_text(encoding="utf-8"))
    nb["cells"].append({
        "cell_type": "code", "execution_count": None, "id": "boom", "metadata": {},
        "outputs": [], "source": "raise RuntimeError('deliberate failure')",
    })
    (root / "book" / "01-sources.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(root), *FLAGS],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode != 0
    assert "[mystnb.exec]" in result.stderr
    log = root / "_build" / "html" / "reports" / "book" / "01-sources.err.log"
    assert "deliberate failure" in log.read_text(encoding="utf-8")


def test_every_record_kind_is_shown_on_a_chapter_page(built_book: Path) -> None:
    """Each kind of evidence reaches a reader: some record of every kind is quoted on a chapter."""
    from analysis import evidence, sources

    pages = " ".join(sources.normalise_space(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")))
                     for p in (built_book / "book").glob("0*.html"))
    pages = html.unescape(pages)
    shown: dict[str, int] = {}
    for record in evidence.validate_all().records:
        if record.quote in pages:
            shown[record.kind] = shown.get(record.kind, 0) + 1
    assert set(shown) == set(evidence.TABLES), shown
