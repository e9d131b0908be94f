"""The career ladder's charts: the rungs each source names, and experience asked against pay."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.chapters import matrices, pay, prose
from analysis.chapters.ladder import LADDER, TIER_LABELS, experience_data, roles_data
from analysis.publish import chart_style
from analysis.publish.chart import Chart
from analysis.publish.charts import matrices as matrices_charts


def ladder_chart(data: pd.DataFrame, column_label: Callable[[str], str] | None = None) -> Figure:
    """The tier x source dot matrix, front line at the bottom; rungs without pay marked at right."""
    fig = matrices_charts.matrix_figure(data, "Rung of the ladder", column_label)
    ax = fig.axes[0]
    labels = list(dict.fromkeys(data["label"]))
    n_cols = data["source_id"].nunique()
    unpriced = set(data.loc[~data["priced"].astype(bool), "label"])
    for i, label in enumerate(labels):
        if label in unpriced:
            ax.text(
                n_cols - 0.35,
                i,
                "no pay figure",
                va="center",
                ha="left",
                fontsize=10,
                color=chart_style.GREY,
                style="italic",
            )
    if unpriced:  # an extra column of notes at the right of the source columns
        ax.set_xlim(-0.6, n_cols + 0.9)
    return fig


def _tiers_takeaway(data: pd.DataFrame) -> str:
    counts = matrices.counts_of(data)
    shown = [s for s in counts.columns if s != matrices.OTHERS]
    rungs = (counts[shown] > 0).sum(axis=0)
    unpriced = [str(label).lower() for label in dict.fromkeys(data.loc[~data["priced"].astype(bool), "label"])]
    low, high = int(rungs.min()), int(rungs.max())
    span = f"{low}" if low == high else f"between {low} and {high}"
    text = f"Each source names {span} of the ladder's {len(counts)} rungs"
    if unpriced:
        text += f"; no source gives a pay figure for {prose.join(unpriced)}"
    return text + "."


def _tiers_alt(data: pd.DataFrame) -> str:

    counts = matrices.counts_of(data)
    rungs = (counts > 0).sum(axis=0)
    every = [prose.short_ref(s) for s in counts.columns if rungs[s] == len(counts)]
    none = [prose.short_ref(s) for s in counts.columns if rungs[s] == 0]
    unpriced = list(dict.fromkeys(data.loc[~data["priced"].astype(bool), "label"]))
    text = (
        "Dot matrix with the rungs of the ladder as rows, front line at the bottom, and the sources as "
        "columns; a numbered dot gives how many titles a source names at that rung, a small grey dot means "
        "none."
    )
    if every:
        text += f" A dot on every rung: {', '.join(every)}."
    if none:
        text += f" No dot at all: {', '.join(none)}."
    if unpriced:
        text += f" Marked as having no pay figure: {', '.join(unpriced).lower()}."
    return text


#: The most points the experience-pay chart labels one by one.
MAX_LABELLED = 12


#: How much of the axes a point's label takes (fractions of the x and y spans): a label wrapped at
#: 24 characters, two or three lines of 10-point text on an 8 x 5.2 inch chart.
LABEL_WIDTH, LABEL_HEIGHT = 0.34, 0.13
#: Where a label may go, in the order tried.
SIDES = ("right", "left", "above", "below")

_Box = tuple[float, float, float, float]  # x0, x1, y0, y1


def _overlaps(a: _Box, b: _Box) -> bool:
    return a[0] <= b[1] and b[0] <= a[1] and a[2] <= b[3] and b[2] <= a[3]


def label_sides(matched: pd.DataFrame) -> list[str]:
    """Where to label each point of :func:`experience_pay_chart` (in row order): the first side (right,
    left, above, below) where its label covers no point's marks (its dot, its line of pay, its bar of
    years) and no label placed before it; failing that, the side that covers fewest. Computed from
    the points alone, never from their roles."""
    if matched.empty:
        return []
    low = matched["years_min"].astype(float).tolist()
    high = matched["years_max"].astype(float).fillna(matched["years_min"].astype(float)).tolist()
    mid_x = [(a + b) / 2 for a, b in zip(low, high, strict=True)]
    mid, pay_low, pay_high = (matched[c].astype(float).tolist() for c in ("mid_usd", "low_usd", "high_usd"))
    width = LABEL_WIDTH * (max(high) + 4.0)
    height = LABEL_HEIGHT * max(pay_high) * 1.15
    marks: list[_Box] = []
    for i in range(len(matched)):
        marks.append((mid_x[i], mid_x[i], pay_low[i], pay_high[i]))  # the line of pay
        marks.append((low[i], high[i], mid[i], mid[i]))  # the bar of years (a dot when one figure)

    def box(i: int, side: str) -> _Box:
        return {
            "right": (high[i], high[i] + width, mid[i] - height / 2, mid[i] + height / 2),
            "left": (low[i] - width, low[i], mid[i] - height / 2, mid[i] + height / 2),
            "above": (mid_x[i] - width / 2, mid_x[i] + width / 2, pay_high[i], pay_high[i] + height),
            "below": (mid_x[i] - width / 2, mid_x[i] + width / 2, pay_low[i] - height, pay_low[i]),
        }[side]

    sides: list[str] = []
    placed: list[_Box] = []
    for i in range(len(matched)):
        others = [m for k, m in enumerate(marks) if k // 2 != i] + placed
        covered = {side: sum(_overlaps(box(i, side), other) for other in others) for side in SIDES}
        side = next((s for s in SIDES if covered[s] == 0), min(SIDES, key=lambda s: covered[s]))
        sides.append(side)
        placed.append(box(i, side))
    return sides


def experience_pay_chart(matched: pd.DataFrame, label_side: list[str] | None = None) -> Figure:
    """Years of experience asked (x) against the stated annual pay range (y), one line per role.

    Each role is a vertical line from low to high pay with a dot at the midpoint; a range of
    years is drawn as a thin horizontal bar through the dot. Colour is the rung; each point is
    labelled with the role as the source words its requirement, on the side ``label_side`` gives
    for its row (``"left"``, ``"right"``, ``"above"`` or ``"below"``; default :func:`label_sides`).
    """
    label_side = label_sides(matched) if label_side is None else label_side
    labelled = len(matched) <= MAX_LABELLED  # past that, the rung's colour says what a point is
    tiers = [t for t in LADDER if t in set(matched["tier"])]
    colour = chart_style.colours(tiers)
    fig, ax = plt.subplots(figsize=(8, 5.2))
    for k, (_, row) in enumerate(matched.iterrows()):
        c = colour[row["tier"]]
        x = row["years_mid"]
        ax.plot([x, x], [row["low_usd"], row["high_usd"]], color=c, linewidth=4, solid_capstyle="butt")
        if pd.notna(row["years_max"]):
            ax.plot([row["years_min"], row["years_max"]], [row["mid_usd"]] * 2, color=c, linewidth=1.5)
        ax.plot(x, row["mid_usd"], "o", color=c, markersize=9, markeredgecolor="white", zorder=3)
        text = f"{textwrap.fill(str(row['role']), 24)}\n({years_of(row)})"
        side = label_side[k]
        right = row["years_max"] if pd.notna(row["years_max"]) else x
        anchor, offset, ha, va = {
            "right": ((right, row["mid_usd"]), (8, 0), "left", "center"),
            "left": ((row["years_min"], row["mid_usd"]), (-8, 0), "right", "center"),
            "above": ((x, row["high_usd"]), (0, 5), "center", "bottom"),
            "below": ((x, row["low_usd"]), (0, -5), "center", "top"),
        }[side]
        if labelled:
            ax.annotate(
                text, anchor, xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=10, color="#000000"
            )
    years_top = float(matched["years_max"].fillna(matched["years_min"]).max())
    ax.set_xlim(-0.8, years_top + 3.2)
    ax.set_ylim(0, float(matched["high_usd"].max()) * 1.15)
    ax.yaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel("Years of experience asked")
    year = ", ".join(str(int(y)) for y in dict.fromkeys(matched["year"].dropna()))
    ax.set_ylabel(f"Annual pay, USD as written ({year or 'undated'})")
    ax.legend(
        handles=[
            Line2D([], [], color=colour[t], linewidth=4, marker="o", markersize=8, label=TIER_LABELS[t]) for t in tiers
        ],
        loc="upper left",
        title="Rung",
    )
    return fig


def _qualified(words: str, hedge: object, necessity: object = "") -> str:
    """Years with how firmly and with what hedge their sentence asks them: "at least 7 years, usually
    required"."""
    said = " ".join(w for w in (prose.hedges(hedge), necessity) if isinstance(w, str) and w)
    return f"{words}, {said}" if said else words


def _experience_takeaway(data: pd.DataFrame) -> str:
    asked = data["years_max"].fillna(data["years_min"])
    most = data.loc[asked.idxmax()]
    best = data.loc[data["high_usd"].idxmax()]
    years = years_of(most)
    n = f"{len(data)} {'role' if len(data) == 1 else 'roles'}, not a trend"
    if most.name == best.name:
        written = f"{pay.money(most['low_usd'])}–{pay.money(most['high_usd'])} as written"
        hedged = prose.hedges(most.get("pay_hedge"))
        pay_hedge = f" (hedged: {hedged})" if hedged else ""
        return (
            f"The role that asks the most experience, {most['role']} ({years}), also has the highest pay range, "
            f"{written}{pay_hedge}; {n}."
        )
    return (
        f"The role that asks the most experience, {most['role']} ({years}), does not have the highest pay range; {n}."
    )


def years_asked(low: float, high: float | None, hedge: object = "", necessity: object = "") -> str:
    """Years asked as a requirement says them, with how firmly and the source's hedge: "0–3 years,
    required", "5 years, usually required", "at least 1 year, usually suggested"."""
    return _qualified(prose.years(low, high), hedge, necessity)


def years_of(row: pd.Series) -> str:
    """The years a matched row's requirement asks, with its necessity and hedge."""
    return years_asked(row["years_min"], row["years_max"], row.get("years_hedge"), row.get("years_necessity"))


def _experience_caption(data: pd.DataFrame) -> str:
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"].dropna()))
    n = data["source_id"].nunique()
    whose = "one source's figures" if n == 1 else f"{n} sources' figures"
    return (
        f"Years of experience asked against the annual pay range stated for the same role: {whose}, in the "
        f"nominal dollars of {years} as written; {len(data)} points, not a trend."
    )


def _experience_alt(data: pd.DataFrame) -> str:

    parts = [
        f"{r['role']}: {years_of(r)}, {pay.money(r['low_usd'])} to {pay.money(r['high_usd'])}"
        for _, r in data.iterrows()
    ]
    return (
        "Chart with years of experience asked on the horizontal axis and annual pay as written on the vertical "
        "axis; each role is a vertical line from its low to its high pay figure with a dot at the midpoint, and "
        "a range of years is a thin horizontal bar. " + "; ".join(parts) + "."
    )


# In the order the chapter shows them (their numbers in the report): the chapter opens with
# experience against pay, its main chart.
CHARTS = (
    Chart(
        "fig-ladder-experience-pay",
        "03-career-ladder",
        "Experience asked against pay",
        experience_data,
        experience_pay_chart,
        _experience_caption,
        _experience_alt,
        takeaway=_experience_takeaway,
        notes=lambda d: ["Dollars as written, not adjusted for inflation"],
    ),
    Chart(
        "fig-ladder-tiers",
        "03-career-ladder",
        "The rungs each source names",
        roles_data,
        ladder_chart,
        lambda d: (
            "Which rungs of the harmonised ladder each source names, with the number of titles it uses "
            "at each rung; rungs that no source gives a pay figure for are marked."
        ),
        _tiers_alt,
        takeaway=_tiers_takeaway,
        references=matrices.credited,
    ),
)
