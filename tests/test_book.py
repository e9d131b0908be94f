"""The HTML book builds with warnings as errors, offline, and a failing notebook fails it."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core import evidence, paths, sources

pytestmark = pytest.mark.book

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
sys.path.insert(0, str(paths.ROOT / "_ext"))
import build_config

FLAGS = list(build_config.JB_FLAGS)
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
    nb["cells"].insert(
        1,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "boom",
            "metadata": {},
            "outputs": [],
            "source": "raise RuntimeError('deliberate failure')",
        },
    )
    (root / "book" / "01-sources.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = subprocess.run(
        [str(JUPYTER_BOOK), "build", str(root), *FLAGS], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode != 0
    assert "[mystnb.exec]" in result.stderr
    log = root / "_build" / "html" / "reports" / "book" / "01-sources.err.log"
    assert "deliberate failure" in log.read_text(encoding="utf-8")


def test_every_record_kind_is_shown_on_a_chapter_page(built_book: Path) -> None:
    """Each kind of evidence reaches a reader: some record of every kind is quoted on a chapter."""

    pages = " ".join(
        sources.normalise_space(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")))
        for p in (built_book / "book").glob("0*.html")
    )
    pages = html.unescape(pages)
    shown: dict[str, int] = {}
    for record in evidence.validate_all().records:
        if record.quote in pages:
            shown[record.kind] = shown.get(record.kind, 0) + 1
    assert set(shown) == set(evidence.TABLES), shown


def _sanitizers() -> list[tuple[re.Pattern[str], str]]:
    text = (paths.ROOT / "tests" / "nbval_sanitize.cfg").read_text(encoding="utf-8")
    found = re.findall(r"^regex: (.*)\nreplace: (.*)$", text, re.M)
    return [(re.compile(pattern), replace) for pattern, replace in found]


def _outputs(nb: dict, sanitize: list[tuple[re.Pattern[str], str]]) -> list[list[dict]]:
    def clean(value: object) -> object:
        if isinstance(value, list):
            value = "".join(value)
        if isinstance(value, str):
            for pattern, replace in sanitize:
                value = pattern.sub(replace, value)
        return value

    return [
        [
            {
                "type": out["output_type"],
                "name": out.get("name"),
                "text": clean(out.get("text")),
                "data": {mime: clean(v) for mime, v in out.get("data", {}).items()},
            }
            for out in cell.get("outputs", [])
        ]
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
    ]


def test_the_book_shows_the_committed_outputs_of_every_notebook(built_book: Path) -> None:
    """What the build executed (and the pages show) is what strict nbval checks in the notebooks."""
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(paths.NOTEBOOK_CACHE)
    sanitize = _sanitizers()
    for notebook in sorted(paths.BOOK.glob("*.ipynb")):
        committed = nbformat.read(notebook, as_version=4)
        _, executed = cache.merge_match_into_notebook(nbformat.read(notebook, as_version=4))
        assert _outputs(executed, sanitize) == _outputs(committed, sanitize), notebook.name
