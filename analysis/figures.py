"""Every chart of the report, by its ``fig-…`` name, and the figure pack.

Each chapter module defines ``FIGURES: dict[str, Callable[[], Figure]]``: zero-argument builders
that load the processed tables, draw the chart in the report's style and add its source line.
Notebooks show a chart with :func:`build`; ``make figures`` exports them all with :func:`pack`.
Captions and alt text live once, in the notebook cell that shows the figure (``mystnb`` metadata),
and the pack reads them from there.
"""

from __future__ import annotations

import argparse
import importlib
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from matplotlib.figure import Figure

from analysis import charts, paths
from analysis import figure_info
from analysis.figure_info import FigureInfo, book_figures

MODULES: tuple[str, ...] = (
    "analysis.pay",
    "analysis.ladder",
    "analysis.benefits",
    "analysis.challenges",
    "analysis.conditions",
    "analysis.agreement",
)
PACK_DIR: Path = paths.BUILD / "figures"
PACK_ZIP: Path = paths.DOWNLOADS / "call-center-careers-figures.zip"


def registry() -> dict[str, Callable[[], Figure]]:
    """Every figure builder of every chapter module."""
    found: dict[str, Callable[[], Figure]] = {}
    for module in MODULES:
        for name, builder in importlib.import_module(module).FIGURES.items():
            if name in found:
                raise ValueError(f"{module}: figure name {name!r} is defined twice")
            found[name] = builder
    return found


def build(name: str) -> Figure:
    """Draw one figure in the report's style."""
    charts.apply_style()
    return registry()[name]()


def citation_text(info: FigureInfo, number: int) -> str:
    """How to cite one figure of the report."""
    return (f"Call Center Careers (2026). Figure {number}: {info.caption} "
            f"In Call Center Careers: an open, reproducible research report, chapter {info.notebook}.")


def _export(job: tuple[int, FigureInfo, Path]) -> list[Path]:
    number, info, out_dir = job
    stem = out_dir / f"{number:02d}-{info.name}"
    written = charts.export(build(info.name), stem)
    text = stem.with_suffix(".txt")
    text.write_text(
        f"Figure {number}: {info.caption}\n\nAlt text: {info.alt}\n\n"
        f"Cite as: {citation_text(info, number)}\n", encoding="utf-8")
    return [*written, text]


def pack(out_dir: Path = PACK_DIR, zip_path: Path = PACK_ZIP, workers: int = 2,
         infos: list[FigureInfo] | None = None) -> list[Path]:
    """Export every figure as PNG (200 dpi) and SVG with a caption/alt/citation text file; zip them.

    Figures are numbered in reading order, as in the book. Two processes share the work.
    """
    infos = book_figures() if infos is None else infos
    unshown = set(registry()) - {info.name for info in infos}
    if unshown:
        raise ValueError(f"figures built by code but shown in no notebook: {', '.join(sorted(unshown))}")
    jobs = [(number, info, out_dir) for number, info in enumerate(infos, start=1)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        written = [path for paths_ in pool.map(_export, jobs) for path in paths_]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(written):
            info = zipfile.ZipInfo(f"call-center-careers-figures/{path.name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.figures", description=__doc__)
    parser.add_argument("--out", type=Path, default=PACK_DIR)
    parser.add_argument("--zip", type=Path, default=PACK_ZIP)
    parser.add_argument("--info", type=Path, help="the figure list `python -m analysis.figure_info` "
                        "wrote (default: read the notebooks)")
    args = parser.parse_args(argv)
    written = pack(args.out, args.zip, infos=figure_info.load(args.info) if args.info else None)
    print(f"wrote {len(written)} files to {args.out} and {args.zip}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
