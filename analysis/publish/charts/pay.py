"""The pay chapter's charts: the ranges up the ladder, the dated ranges in base-year dollars, and the
sources' pay against official wage distributions (the landing page's entry-and-top chart is in
:mod:`analysis.publish.charts.summary`)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.chapters import assumptions, prose
from analysis.chapters.pay import (
    ANNUALISED_BY,
    TIER_LABELS,
    adjusted_data,
    money,
    period_inferred,
    ranges_data,
    selection_words,
)
from analysis.core import evidence, inflation
from analysis.publish import chart_style
from analysis.publish.chart import Chart, sources_in

#: How far past a floor ("upwards of") its arrow reaches in the charts, in dollars: a mark, not a figure.
FLOOR_ARROW_USD = 9000


#: How a figure drawn on the yearly scale at a basis is marked in its label ("hourly, ×2,080").
_ANNUALISED_MARK = {"hour": f"hourly, ×{ANNUALISED_BY['hour'][0]:,}", "month": f"monthly, ×{ANNUALISED_BY['month'][0]}"}


def _annualised(row: pd.Series) -> bool:
    return isinstance(row.get("annualised_by"), str) and bool(row["annualised_by"])


def annualised_mark(row: pd.Series) -> str:
    """How a row drawn on the yearly scale at a basis is marked in its label: "; hourly, ×2,080"
    ("" for a figure stated by the year). The slide deck's labels use it too."""
    return f"; {_ANNUALISED_MARK[str(row['period'])]}" if _annualised(row) else ""


def _label(row: pd.Series, width: int = 44, rung: str = "") -> str:
    year = f"{int(row['year'])}" if pd.notna(row["year"]) else "undated"
    return chart_style.label(f"{rung + ': ' if rung else ''}{row['role']} ({year}{annualised_mark(row)})", width)


def _height(ys: list[float], per_row: float, extra: float) -> float:
    """A chart's height (inches) for rows at ``ys`` (see :func:`chart_style.rows`)."""
    return per_row * ((ys[-1] + 1) if ys else 1) + extra


MAX_COLOURS = 5


def range_chart(data: pd.DataFrame) -> Figure:
    """Every annual pay figure as a bar (range), dot (average) or arrow (threshold), by rung."""

    order = sources_in(data)
    colour = {**{s: chart_style.GREY for s in order}, **chart_style.colours(order[:MAX_COLOURS])}
    # Labels wrapped short, the legend above the plot: the plot keeps the width.
    labels = [_label(r, 28, TIER_LABELS[int(r["tier_level"])]) for _, r in data.iterrows()]
    ys = chart_style.rows(labels)
    fig, ax = plt.subplots(figsize=(8, _height(ys, 0.6, 1.4)))
    for y, (_, row) in zip(ys, data.iterrows(), strict=True):
        c = colour[row["source_id"]]
        hollow = _annualised(row)  # an hourly or monthly figure, drawn on the yearly scale: an open mark
        if row["statistic"] == "range":
            ax.plot([row["low_usd"], row["high_usd"]], [y, y], color=c, linewidth=9, solid_capstyle="butt")
            if hollow:
                ax.plot([row["low_usd"], row["high_usd"]], [y, y], color="white", linewidth=4, solid_capstyle="butt")
        elif row["statistic"] == "average":
            ax.plot(
                row["low_usd"],
                y,
                "o",
                color=c,
                markersize=11,
                markerfacecolor="white" if hollow else c,
                markeredgewidth=2.5,
            )
        else:
            ax.annotate(
                "",
                xy=(row["low_usd"] + FLOOR_ARROW_USD, y),
                xytext=(row["low_usd"], y),
                arrowprops={"arrowstyle": "-|>", "color": c, "linewidth": 2.5, "linestyle": "--" if hollow else "-"},
            )
            ax.plot(row["low_usd"], y, "|", color=c, markersize=14, markeredgewidth=3)
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel(textwrap.fill("Annual pay, U.S. dollars as written (not adjusted for inflation)", 70))
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], color=colour[s], linewidth=6, label=prose.short_ref(s)) for s in order]
    shapes = {
        "range": Line2D([], [], color=chart_style.GREY, linewidth=6, label="range"),
        "average": Line2D([], [], color=chart_style.GREY, marker="o", linestyle="", markersize=9, label="average"),
        "threshold": Line2D(
            [],
            [],
            color=chart_style.GREY,
            marker=r"$\rightarrow$",
            linestyle="",
            markersize=14,
            label="threshold (\u201cupwards of\u201d)",
        ),
    }
    handles += [shapes[s] for s in shapes if s in set(data["statistic"])]
    if any(_annualised(r) for _, r in data.iterrows()):
        handles.append(
            Line2D(
                [],
                [],
                color=chart_style.GREY,
                marker="o",
                markerfacecolor="white",
                linestyle="",
                markersize=9,
                markeredgewidth=2,
                label="open: hourly or monthly, annualised",
            )
        )
    chart_style.legend_above(ax, handles)
    return fig


def _statistics_words(data: pd.DataFrame) -> str:
    """How each kind of figure is drawn, in words, counted: "bars are ranges, the dot an average"."""
    words = {"range": ("bar", "range"), "average": ("dot", "average"), "threshold": ("arrow", "threshold")}
    counts = data["statistic"].value_counts()
    parts = [
        f"{words[s][0]}s are {words[s][1]}s"
        if counts[s] > 1
        else f"the {words[s][0]} {'an' if words[s][1][0] in 'aeiou' else 'a'} {words[s][1]}"
        for s in words
        if s in counts
    ]
    text = ", ".join(parts)
    return text + (", a figure some pay reaches or passes" if "threshold" in counts else "")


def wording_words(data: pd.DataFrame) -> str:
    """What the figures' wording qualifies, counted: hedged figures, periods read from the size."""

    hedged = [prose.hedges(h) for h in data["hedge"] if prose.hedges(h)]
    words = list(dict.fromkeys(w for h in hedged for w in h.split(", ")))
    inferred = sum(period_inferred(r) for _, r in data.iterrows())

    def of(n: int) -> str:
        return "both figures" if n == len(data) == 2 else prose.of(n, len(data), "figure")

    sentences = []
    if hedged:
        sentences.append(f"{of(len(hedged))} are hedged in their source ({prose.join(words)}).")
    if inferred:
        sentences.append(
            f"For {of(inferred)} their source states no pay period; they are read as yearly from their size."
        )
    return "".join(f" {t[0].upper()}{t[1:]}" for t in sentences)


def hedge_clause(data: pd.DataFrame) -> str:
    """How many of a chart's figures their source hedges, and with which words, as a clause:
    "; 6 of the 7 figures are hedged in their source (often, generally)" ("" when none is)."""

    hedged = [prose.hedges(h) for h in data["hedge"] if prose.hedges(h)] if "hedge" in data.columns else []
    if not hedged:
        return ""
    words = list(dict.fromkeys(w for h in hedged for w in h.split(", ")))
    n, total = len(hedged), len(data)
    who = "both figures are" if n == total == 2 else f"{prose.of(n, total, 'figure')} {'is' if n == 1 else 'are'}"
    return f"; {who} hedged in their source ({prose.join(words)})"


def _ranges_takeaway(data: pd.DataFrame) -> str:
    low = data.loc[data["low_usd"].idxmin()]
    tops = data["high_usd"].fillna(data["low_usd"])
    high = data.loc[tops.idxmax()]

    def rung(row: pd.Series) -> str:
        return TIER_LABELS[int(row["tier_level"])].lower()

    return (
        f"The sources' yearly pay figures run from {money(low['low_usd'])} ({rung(low)}) to "
        f"{money(tops[high.name])} ({rung(high)}), as written{hedge_clause(data)}."
    )


def _annualised_words(data: pd.DataFrame) -> str:
    """What the chart of every figure does with hourly and monthly ones: the basis, and that they are
    marked ("" when every figure is yearly)."""
    periods = [p for p in ANNUALISED_BY if any(_annualised(r) and r["period"] == p for _, r in data.iterrows())]
    if not periods:
        return ""
    kinds = {"hour": "hourly figures at", "month": "monthly figures at"}
    drawn = prose.join([f"{kinds[p]} {ANNUALISED_BY[p][1]}" for p in periods])
    return (
        f" The chart draws {drawn}, as open marks, to put them on the yearly scale; the pay table gives them "
        "as written, and no comparison in the text uses them."
    )


def left_out_words(data: pd.DataFrame) -> str:
    """The figures stated by the hour or the month that a chart of yearly figures leaves out, and why."""
    n = int(data["other_periods_left_out"].max()) if "other_periods_left_out" in data and len(data) else 0
    if not n:
        return ""
    return (
        f" Left out: {prose.plural(n, 'figure')} stated by the hour or the month, which this chart of yearly "
        "figures would have to convert at an assumed number of hours; the chart of every figure draws "
        f"{'it' if n == 1 else 'them'} at a stated basis."
    )


def _ranges_caption(data: pd.DataFrame) -> str:
    return (
        "Pay by role, ordered up the career ladder, as each source writes it "
        f"(nominal dollars a year; {_statistics_words(data)}).{_annualised_words(data)}{wording_words(data)}"
        f"{selection_words(data)}{read_as_words(data)}"
    )


def _ranges_alt(data: pd.DataFrame) -> str:

    low = data.loc[data["low_usd"].idxmin()]
    high_col = data["high_usd"].fillna(data["low_usd"])
    high = data.loc[high_col.idxmax()]
    undated = data[data["year"].isna()]

    def drawn(row: pd.Series, value: float) -> str:
        written = f"{money(value)}, {row['written']} as written" if _annualised(row) else money(value, True)
        return f"{written} ({row['role']}, {prose.short_ref(row['source_id'])})"

    text = (
        f"Horizontal chart of yearly pay in nominal dollars, one row per pay figure ({len(data)} rows from "
        f"{data['source_id'].nunique()} sources), lowest rung at the top. The lowest figure is "
        f"{drawn(low, low['low_usd'])}; the highest is {drawn(high, high_col[high.name])}."
    )
    if len(undated):
        text += (
            f" {len(undated)} of the figures name no year: "
            + "; ".join(f"{r['written']} for {r['role']}" for _, r in undated.iterrows())
            + "."
        )
    return text + _annualised_words(data) + wording_words(data)


def adjusted_chart(data: pd.DataFrame) -> Figure:
    """Dated ranges as written and in base-year dollars, one pair of bars per role."""
    base = int(data["adj_year"].iloc[0])
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    labels = [_label(r, 40) for _, r in data.iterrows()]
    ys = chart_style.rows(labels, gap=1.5)
    fig, ax = plt.subplots(figsize=(8, _height(ys, 0.7, 1.4)))
    for y, (_, row) in zip(ys, data.iterrows(), strict=True):
        ax.plot(
            [row["low_usd"], row["high_usd"]],
            [y - 0.17, y - 0.17],
            color=chart_style.GREY,
            linewidth=8,
            solid_capstyle="butt",
        )
        ax.plot(
            [row["low_adj_usd"], row["high_adj_usd"]],
            [y + 0.17, y + 0.17],
            color=chart_style.OKABE_ITO[0],
            linewidth=8,
            solid_capstyle="butt",
        )
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    chart_style.legend_above(
        ax,
        [
            Line2D([], [], color=chart_style.GREY, linewidth=6, label=f"as written ({years} dollars)"),
            Line2D([], [], color=chart_style.OKABE_ITO[0], linewidth=6, label=f"in {base} dollars (CPI-U)"),
        ],
    )
    return fig


def _adjusted_takeaway(data: pd.DataFrame) -> str:
    years = ", ".join(str(int(y)) for y in sorted(set(data["year"])))
    base = int(data["adj_year"].iloc[0])
    return (
        f"At {base} prices (CPI-U), the {years} ranges run from {money(data['low_adj_usd'].min())} to "
        f"{money(data['high_adj_usd'].max())}: their purchasing power then, not what the roles pay in {base}"
        f"{hedge_clause(data)}."
    )


def _adjusted_caption(data: pd.DataFrame) -> str:
    years = ", ".join(str(int(y)) for y in sorted(set(data["year"])))
    base = int(data["adj_year"].iloc[0])
    return (
        f"The {years} pay ranges as written and in {base} dollars (CPI-U): the same purchasing power "
        f"in {base} prices, not what the roles pay in {base}.{wording_words(data)}{left_out_words(data)}"
        f"{selection_words(data)}{read_as_words(data)}"
    )


def _adjusted_alt(data: pd.DataFrame) -> str:
    years = sorted({int(y) for y in data["year"]})
    base = int(data["adj_year"].iloc[0])
    top = data.loc[data["high_adj_usd"].idxmax()]
    factors = prose.join([f"{inflation.factor(y, base):.3f} for {y}" for y in years])
    scaled = (
        f"every one scaled by the same factor, {inflation.factor(years[0], base):.3f}"
        if len(years) == 1
        else f"each scaled by the factor of its year ({factors})"
    )
    dated = prose.join([str(y) for y in years])
    return (
        f"Paired horizontal bars, one pair per role ({len(data)} roles dated {dated}): a light bar for the "
        f"range in the dollars of its year and a dark bar for the same range in {base} dollars, {scaled}. "
        f"Adjusted, the highest range, {top['role']}, runs from {money(top['low_adj_usd'])} to "
        f"{money(top['high_adj_usd'])}."
    )


def load_salaries() -> pd.DataFrame:

    return evidence.load_table("salaries")


def _drawn_records(data: pd.DataFrame) -> pd.DataFrame:
    """The salary records a chart's data draws (by source and record id)."""
    if "record_id" not in data.columns:
        return load_salaries().iloc[0:0]
    keys = {(s, r) for s, r in zip(data["source_id"], data["record_id"], strict=True) if isinstance(r, str) and r}
    salaries = load_salaries()
    return salaries[[(s, r) in keys for s, r in zip(salaries["source_id"], salaries["record_id"], strict=True)]]


def adjusted_years(data: pd.DataFrame) -> list[int]:
    """The years of the figures a chart draws adjusted for inflation (none when it adjusts none)."""
    if "adj_year" not in data.columns:
        return []
    return sorted({int(y) for y, a in zip(data["year"], data["adj_year"], strict=True) if pd.notna(y) and pd.notna(a)})


def read_as_words(data: pd.DataFrame) -> str:
    """What the report reads into the figures a chart draws, as a caption's closing sentences: the
    dollar sign read as U.S. dollars (how many of their sentences name a country), and the CPI-U
    values that move the dated ones ("" when the chart draws no source figure)."""
    drawn = _drawn_records(data)
    if drawn.empty:
        return ""
    named = assumptions.counts(drawn)["country_named"]
    text = (
        f" Every source figure is read as U.S. dollars; {prose.of(named, len(drawn), 'figure')} "
        f"{'is' if named <= 1 or named == len(drawn) == 1 else 'are'} stated for a country in the sentence that "
        f"gives {'it' if named <= 1 else 'them'}."
    )
    years = adjusted_years(data)
    if years:
        text += f" Adjusted with the {assumptions.cpi_words(years)}."
    return text


def read_as_notes(data: pd.DataFrame) -> list[str]:
    """The same, in a few words for the source line drawn into the image: "$ read as U.S. dollars",
    and the CPI-U values used."""
    notes = ["$ read as U.S. dollars"] if not _drawn_records(data).empty else []
    years = adjusted_years(data)
    return [*notes, assumptions.cpi_note(years)] if years else notes


CHARTS = (
    Chart(
        "fig-pay-ranges",
        "02-pay",
        "Pay up the ladder",
        lambda: ranges_data(load_salaries()),
        range_chart,
        _ranges_caption,
        _ranges_alt,
        takeaway=_ranges_takeaway,
        notes=read_as_notes,
    ),
    Chart(
        "fig-pay-adjusted",
        "02-pay",
        f"Pay ranges in {inflation.BASE_YEAR} dollars",
        lambda: adjusted_data(load_salaries()),
        adjusted_chart,
        _adjusted_caption,
        _adjusted_alt,
        takeaway=_adjusted_takeaway,
        references=lambda d: [*sources_in(d), "cpi-package"],
        notes=read_as_notes,
    ),
)
