"""The figures the notebooks show, with caption and alt text, read from the notebooks' metadata.

Light on purpose (no plotting library): ``python -m analysis.figure_info FILE`` writes the list as
JSON and leaves FILE untouched when it has not changed, so ``make`` re-exports the figure pack
only when a caption or alt text changed, not whenever a notebook is edited.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from analysis import paths


@dataclass(frozen=True)
class FigureInfo:
    """A figure as the book shows it: where, its number-free caption and its alt text."""

    name: str
    notebook: str
    caption: str
    alt: str


def book_figures(book: Path = paths.BOOK) -> list[FigureInfo]:
    """The figures the notebooks show, with caption and alt text from the cell metadata."""
    out = []
    for notebook in sorted(book.glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            meta = cell.get("metadata", {}).get("mystnb", {})
            figure = meta.get("figure", {})
            if "name" in figure:
                out.append(FigureInfo(figure["name"], notebook.name, figure.get("caption", ""),
                                      meta.get("image", {}).get("alt", "")))
    return out


def load(path: Path) -> list[FigureInfo]:
    """The figure list as :func:`write_if_changed` wrote it."""
    return [FigureInfo(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def write_if_changed(target: Path, book: Path = paths.BOOK) -> bool:
    """Write the figure list to ``target`` unless it already holds it; True if written."""
    text = json.dumps([asdict(info) for info in book_figures(book)], indent=1) + "\n"
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.figure_info", description=__doc__)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    write_if_changed(args.target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
