"""One chart style for the whole report: palette, fonts, the texts around a chart, deterministic export.

Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies); series are drawn
only in those of its colours that stand out from the white background by at least 3:1 (WCAG's
contrast for graphics, :data:`SERIES`): not its orange, sky blue or yellow. Figures are saved on an
opaque white background, so they stay readable on a dark page. Exported SVG is byte-stable (fixed
hash salt, no date) and its text stays text, so it can be searched, checked and edited.

A chart image leaves the book on its own (pasted on a slide, mailed, printed), so :func:`lay_out`
draws its trust into it: a title and a one-line takeaway above the plot, and below it the source
line (every work it rests on, every official series by occupation and code) and the credit line
(report, figure number, licence, address); see :class:`Attribution`.

Legibility is a size, not a hope: every chart is laid out :data:`WIDTH_IN` wide with no text under
:data:`MIN_PT`, so in the book's column (672 CSS px at a 1280 px window) its smallest text is
``MIN_PT / 72 * 672 / WIDTH_IN`` = 11.7 px; the slide-sized version is 13.333 x 7.5 in with no text
under :data:`SLIDE_MIN_PT`. Both are the same drawing laid out again, never a rescaled bitmap.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
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
    # Exactly the size laid out (lay_out): a tight crop would change the width, and with it the
    # size at which the book shows the text.
    "savefig.bbox": "standard",
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


#: Every chart is laid out this wide (inches) for the book, the PNG and the SVG ...
WIDTH_IN = 8.0
#: ... with no text smaller than this (points): 11.7 CSS px when shown 672 px wide.
MIN_PT = 10.0
#: The book's column at a 1280 px window (CSS px), and the least size of chart text shown there.
COLUMN_PX = 672
LEAST_PX = 10.0
#: Resolutions: the PNG download (and the page's image on a dense screen), and the page's image.
PNG_DPI = 200
WEB_DPI = 90
#: A 16:9 slide, in inches, and the smallest text a slide may carry at that size (points).
SLIDE_SIZE: tuple[float, float] = (13.333, 7.5)
SLIDE_MIN_PT = 14.0
#: The margin around the texts drawn above and below a chart (inches).
PAD_IN = 0.15
#: Sizes of the title and the takeaway, relative to the smallest text.
TITLE_SCALE, TAKEAWAY_SCALE = 1.4, 1.15
#: Line height, as a multiple of the type size (matplotlib's default line spacing).
LINE = 1.2
#: The ids the texts around a chart carry in the SVG (``<g id=...>``), in drawing order.
GIDS = ("chart-title", "chart-takeaway", "chart-source", "chart-credit")


@dataclass(frozen=True)
class Attribution:
    """What a chart carries with it when it leaves the book (see :func:`lay_out`)."""

    title: str
    takeaway: str
    source: str  # the works and official series it rests on
    credit: str  # "Call Center Careers (2026), Fig. 4 · CC BY 4.0 · https://..."


def _points(text: Text) -> float:
    """A text's size in points: what ``Text.get_fontsize`` returns, typed as the number it is."""
    return text.get_fontproperties().get_size_in_points()


def enforce_min(fig: Figure, min_pt: float) -> None:
    """Raise every text of a figure, tick labels included, to at least ``min_pt``."""
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


def wrap(text: str, prop: FontProperties, width_pt: float, renderer: RendererBase, dpi: float) -> str:
    """``text`` broken at spaces (a run of them counts as one, and none ends a line) into lines no
    wider than ``width_pt``, as measured in ``prop``; a word longer than a line (an address) is
    broken after a ``/`` or ``#``."""

    def fits(candidate: str) -> bool:
        return renderer.get_text_width_height_descent(candidate, prop, ismath=False)[0] * 72 / dpi <= width_pt

    def pieces(word: str) -> list[str]:
        # a word without a place to break it is kept whole, whatever its width: not measured
        if ("/" not in word and "#" not in word) or fits(word):
            return [word]
        parts = re.findall(r"[^/#]*[/#]|[^/#]+$", word)
        out = [""]
        for part in parts:
            if out[-1] and not fits(out[-1] + part):
                out.append(part)
            else:
                out[-1] += part
        return out

    def taken(words: list[str], guess: int) -> int:
        # How many of ``words`` the next line holds: as many as fit, and at least one. A line is
        # only wider for a word more, so the count is searched from a guess (the line before's
        # count: lines hold about as many words), stepping out by doubling steps until it is
        # bracketed, then halving the bracket. Any guess gives the same count; a good one
        # measures two or three lines, none much longer than the one placed.
        def holds(count: int) -> bool:
            return count == 1 or fits(" ".join(words[:count]))

        guess = max(1, min(guess, len(words)))
        step = 1
        if holds(guess):
            most = guess
            while most + step <= len(words) and holds(most + step):
                most, step = most + step, step * 2
            least_over = min(most + step, len(words) + 1)
        else:
            least_over = guess
            while least_over - step > 1 and not holds(least_over - step):
                least_over, step = least_over - step, step * 2
            most = max(least_over - step, 1)
        while least_over - most > 1:
            middle = (most + least_over) // 2
            if holds(middle):
                most = middle
            else:
                least_over = middle
        return most

    lines: list[str] = []
    count = 12  # a first guess of a line's words
    for paragraph in text.split("\n"):
        words = [piece for w in paragraph.split(" ") if w for piece in pieces(w)] or [""]
        while words:
            count = taken(words, count)
            lines.append(" ".join(words[:count]))
            words = words[count:]
    return "\n".join(lines)


#: Room a wrapped line leaves at its end: a viewer's font, or hinting at another resolution, may set
#: the same words a little wider than they were measured.
WRAP_SLACK = 0.94


#: Whether charts are being drawn for a wide canvas (a slide): see :func:`wide`.
_WIDE: ContextVar[bool] = ContextVar("wide", default=False)
#: How much longer a row label's lines may be on a slide than in the book's column.
WIDE_LABELS = 1.4


@contextmanager
def wide() -> Iterator[None]:
    """Draw the charts made inside for a wide canvas (a slide, 13.333 in): :func:`label` wraps row
    labels longer, so the rows keep their height when every text is 14 pt."""
    token = _WIDE.set(True)
    try:
        yield
    finally:
        _WIDE.reset(token)


def label(text: str, chars: int) -> str:
    """A row or axis label wrapped at ``chars`` characters in the book's column (longer on a slide)."""
    width = round(chars * WIDE_LABELS) if _WIDE.get() else chars
    return textwrap.fill(" ".join(text.split()), width, break_long_words=False)


def rows(labels: list[str], gap: float | None = None) -> list[float]:
    """The y of each row of a chart of labelled rows (top to bottom, the axis inverted): each row as
    tall as its label's lines plus ``gap`` lines (a whole line in the book's column, less on a
    slide, whose height is short), so a label of three lines never runs into the next. One-line rows
    are one unit apart, as in a chart of evenly spaced rows."""
    if gap is None:
        gap = 0.3 if _WIDE.get() else 1.0
    heights = [(label.count("\n") + 1 + gap) / (1 + gap) for label in labels]
    out = [0.0]
    for above, below in itertools.pairwise(heights):
        out.append(out[-1] + (above + below) / 2)
    return out[: len(labels)]


def legend_above(ax: Axes, handles: Sequence[Artist], ncol: int = 2, right_when_wide: bool = True) -> None:
    """A legend above the plot, right-aligned with it, so it never covers the data. On a slide
    (:func:`wide`), where height is short and width to spare, it goes to the right of the plot
    instead (unless ``right_when_wide`` is false: then above, in one row where it fits)."""
    if _WIDE.get() and right_when_wide:
        ax.legend(handles=list(handles), loc="upper left", bbox_to_anchor=(1.01, 1.0), ncol=1, borderaxespad=0)
        return
    labels = [str(h.get_label()) for h in handles]
    if _WIDE.get() and sum(len(t) + 6 for t in labels) <= 110:
        ncol = len(handles)
    ax.legend(handles=list(handles), loc="lower right", bbox_to_anchor=(1.0, 1.02), ncol=ncol, borderaxespad=0)


def lay_out(
    fig: Figure,
    attribution: Attribution | None = None,
    width_in: float = WIDTH_IN,
    height_in: float | None = None,
    min_pt: float = MIN_PT,
) -> Figure:
    """Lay a drawn figure out ``width_in`` wide with no text under ``min_pt``, with the
    attribution's title and takeaway above the plot and its source and credit lines below, each
    wrapped to the width. The figure keeps the plot's own height plus the texts' (or is exactly
    ``height_in`` tall, the plot taking what the texts leave); a constrained layout keeps every
    label and legend inside the canvas."""
    enforce_min(fig, min_pt)
    plot_height = fig.get_figheight()
    fig.set_size_inches(width_in, plot_height)
    blocks: list[tuple[str, str, float, str, str]] = []  # (gid, text, size, weight, colour)
    if attribution is not None:
        blocks = [
            (GIDS[0], attribution.title, min_pt * TITLE_SCALE, "bold", "#000000"),
            (GIDS[1], attribution.takeaway, min_pt * TAKEAWAY_SCALE, "normal", "#000000"),
            (GIDS[2], attribution.source, min_pt, "normal", GREY),
            (GIDS[3], attribution.credit, min_pt, "normal", GREY),
        ]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's, which every figure here has
    width_pt = (width_in - 2 * PAD_IN) * 72 * WRAP_SLACK
    laid: list[tuple[str, str, float, str, str, float]] = []  # ... and height in inches
    for gid, text, size, weight, colour in blocks:
        wrapped = wrap(text, FontProperties(size=size, weight=weight), width_pt, renderer, fig.dpi)
        laid.append((gid, wrapped, size, weight, colour, (wrapped.count("\n") + 1) * LINE * size / 72))
    head, foot = laid[:2], laid[2:]

    def extent(items: list[tuple[str, str, float, str, str, float]]) -> float:
        return sum(height + 0.25 * size / 72 for _gid, _text, size, _weight, _colour, height in items)

    head_in = PAD_IN + extent(head) if head else 0.0
    foot_in = PAD_IN + extent(foot) if foot else 0.0
    total = height_in if height_in is not None else plot_height + head_in + foot_in
    fig.set_size_inches(width_in, total)
    x = PAD_IN / width_in
    y = 1 - PAD_IN / total
    for gid, wrapped, size, weight, colour, height in head:
        fig.text(x, y, wrapped, ha="left", va="top", fontsize=size, fontweight=weight, color=colour, gid=gid)
        y -= (height + 0.25 * size / 72) / total
    y = PAD_IN / total
    for gid, wrapped, size, weight, colour, height in reversed(foot):
        fig.text(x, y, wrapped, ha="left", va="bottom", fontsize=size, fontweight=weight, color=colour, gid=gid)
        y += (height + 0.25 * size / 72) / total
    fig.set_layout_engine("constrained", rect=(0, foot_in / total, 1, 1 - (head_in + foot_in) / total))
    return fig


def save(fig: Figure, target: Path | BinaryIO, fmt: str, dpi: float = PNG_DPI) -> None:
    """Save a laid-out figure as it is (no crop), without the date or software stamps that would
    make two runs differ."""
    meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(target, format=fmt, dpi=dpi, metadata=meta)


def export(fig: Figure, stem: Path) -> list[Path]:
    """Save PNG (:data:`PNG_DPI`) and SVG (byte-stable) next to each other; return the paths."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for ext in ("png", "svg"):
        path = stem.with_suffix(f".{ext}")
        save(fig, path, ext)
        written.append(path)
    return written


def slide_png(
    fig: Figure,
    target: Path | BinaryIO,
    attribution: Attribution | None = None,
    width_in: float = SLIDE_SIZE[0],
    height_in: float = SLIDE_SIZE[1],
    dpi: int = PNG_DPI,
    min_pt: float = SLIDE_MIN_PT,
) -> tuple[float, float]:
    """Save a figure as a PNG of exactly ``width_in`` x ``height_in``, laid out again for that size
    (:func:`lay_out`; draw it inside :func:`wide`), and close it; return the size."""
    lay_out(fig, attribution, width_in, height_in, min_pt)
    save(fig, target, "png", dpi)
    plt.close(fig)
    return width_in, height_in
