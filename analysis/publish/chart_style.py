"""One chart style for the whole report: palette, fonts, source line, deterministic export.

Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies); series are drawn
only in those of its colours that stand out from the white background by at least 3:1 (WCAG's
contrast for graphics, :data:`SERIES`): not its orange, sky blue or yellow. Figures are saved on an
opaque white background, so they stay readable on a dark page. Charts carry
no title on the axes: the caption lives with the figure in the book. Every chart gets a source
line. Exported SVG is byte-stable (fixed hash salt, no date).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Literal

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.rcsetup import cycler
from matplotlib.text import Text
from matplotlib.typing import RcKeyType

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow (fills only: too light for lines or text)
    "#000000",  # black
)
GREY = "#6E6E6E"
LIGHT = "#D9D9D9"
BACKGROUND = "#FFFFFF"
#: The least contrast a series colour must have against the background (WCAG 2.1, 1.4.11).
MIN_CONTRAST = 3.0
#: The colours series are drawn in, in order: the Okabe-Ito colours with at least 3:1 on white
#: (blue 5.2, vermillion 3.9, bluish green 3.4, reddish purple 3.1), then black and grey.
SERIES: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", GREY)


def contrast(colour: str, background: str = BACKGROUND) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(colour), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


STYLE: dict[RcKeyType, object] = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "savefig.bbox": "tight",
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": GREY,
    "axes.grid": True,
    "grid.color": LIGHT,
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=SERIES),
    # Opaque: a transparent PNG or SVG is unreadable on a dark page or slide.
    "figure.facecolor": BACKGROUND,
    "savefig.facecolor": BACKGROUND,
    "savefig.transparent": False,
    "svg.hashsalt": "call-center-careers",
    "svg.fonttype": "none",  # text stays text: editable and searchable in slides
    # Labels come from the records: a "$" in a role's name is a dollar sign, never mathtext.
    "text.parse_math": False,
}


def apply_style() -> None:
    """Set the report's chart style for every figure made afterwards."""
    mpl.rcParams.update(STYLE)


def colours(keys: Iterable[str]) -> dict[str, str]:
    """A stable colour per key, in the order given (at most six keys), from :data:`SERIES`."""
    keys = list(keys)
    if len(keys) > len(SERIES):
        raise ValueError(f"at most {len(SERIES)} colours are distinguishable; got {len(keys)} keys")
    return dict(zip(keys, SERIES, strict=False))


def usd_thousands(value: float, _pos: object = None) -> str:
    """Axis tick label for dollars: 25000 -> "$25k"."""
    return f"${value / 1000:,.0f}k"


def source_line(fig: Figure, text: str) -> None:
    """Write the figure's source line under the plot, left-aligned, in grey."""
    # A fixed distance (about a quarter inch) below the figure, whatever its height.
    fig.text(
        0.01, -0.25 / fig.get_figheight(), f"Source: {text}", ha="left", va="top", fontsize=9, color=GREY, wrap=True
    )


def export(fig: Figure, stem: Path) -> list[Path]:
    """Save PNG (200 dpi) and SVG (byte-stable) next to each other; return the paths."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        path = stem.with_suffix(f".{ext}")
        fig.savefig(path, format=ext, metadata=meta)
        written.append(path)
    plt.close(fig)
    return written


#: A 16:9 slide, in inches, and the smallest text a slide may carry at that size (points).
SLIDE_SIZE: tuple[float, float] = (13.333, 7.5)
SLIDE_MIN_PT = 14.0


def _points(text: Text) -> float:
    """A text's size in points: what ``Text.get_fontsize`` returns, typed as the number it is."""
    return text.get_fontproperties().get_size_in_points()


def for_slide(
    fig: Figure, width_in: float = SLIDE_SIZE[0], height_in: float = SLIDE_SIZE[1], min_pt: float = SLIDE_MIN_PT
) -> Figure:
    """Lay a drawn figure out again at slide size: every text at least ``min_pt`` (so it is that size
    when the picture is placed ``width_in`` wide), a constrained layout that keeps labels and legends
    inside the canvas, and a source line moved from under the figure onto its bottom edge."""
    fig.set_size_inches(width_in, height_in)
    for ax in fig.axes:  # tick labels are made afresh at each draw: set the size they are made with
        ticks: tuple[tuple[Literal["x", "y"], RcKeyType, Axis], ...] = (
            ("x", "xtick.labelsize", ax.xaxis),
            ("y", "ytick.labelsize", ax.yaxis),
        )
        for name, default_size, axis in ticks:
            sizes = [t.get_fontsize() for t in axis.get_ticklabels()] or [mpl.rcParams[default_size]]
            if min(float(s) for s in sizes if not isinstance(s, str)) < min_pt:
                ax.tick_params(axis=name, labelsize=min_pt)
    for text in fig.findobj(Text):
        if text.get_text() and _points(text) < min_pt:
            text.set_fontsize(min_pt)
    reserve = 0.0
    chars = int(width_in * 72 / (0.55 * min_pt))  # characters of a line at min_pt, generously
    for text in fig.texts:
        _, y = text.get_position()
        if y < 0:  # the source line, drawn below the figure for the book's tight crop
            wrapped = textwrap.fill(text.get_text(), chars)
            text.set_text(wrapped)
            text.set_wrap(False)
            text.set_position((0.01, 0.02))
            text.set_verticalalignment("bottom")
            lines = wrapped.count("\n") + 1
            reserve = max(reserve, (lines * _points(text) * 1.25 / 72 + 0.25) / height_in)
    fig.set_layout_engine("constrained", rect=(0, reserve, 1, 1 - reserve))
    return fig


def slide_png(
    fig: Figure,
    target: Path | BinaryIO,
    width_in: float = SLIDE_SIZE[0],
    height_in: float = SLIDE_SIZE[1],
    dpi: int = 200,
    min_pt: float = SLIDE_MIN_PT,
) -> tuple[float, float]:
    """Save a figure as a PNG of exactly ``width_in`` x ``height_in`` (see :func:`for_slide`); return the size."""
    for_slide(fig, width_in, height_in, min_pt)
    fig.savefig(target, format="png", dpi=dpi, bbox_inches=None, metadata={"Software": None})
    plt.close(fig)
    return width_in, height_in
