"""The pay chapter's charts: the ranges up the ladder, the dated ranges in today's dollars, and the
sources' pay against official wage distributions (the landing page's entry-and-top chart is in
:mod:`analysis.publish.charts.summary`)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from analysis.chapters import prose
from analysis.chapters.benchmark import benchmark_data
from analysis.chapters.pay import (
    ANNUALISED_BY,
    TIER_LABELS,
    adjusted_data,
    money,
    period_inferred,
    ranges_data,
    selection_words,
)
from analysis.core import evidence, external, inflation
from analysis.publish import chart_style
from analysis.publish.chart import Chart, occupation, sources_in

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


def _left_out_words(data: pd.DataFrame) -> str:
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
        f"{selection_words(data)}"
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
        f"in {base} prices, not what the roles pay in {base}.{wording_words(data)}{_left_out_words(data)}"
        f"{selection_words(data)}"
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


def one_unit(data: pd.DataFrame, salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR) -> pd.DataFrame:
    """The benchmark's rows with one unit per column: ``low_usd``/``high_usd`` every source figure as
    written, ``low_adj_usd``/``high_adj_usd`` the dated ones in ``adj_year`` dollars (empty for an
    undated figure, which cannot be adjusted); :func:`benchmark_data` gives one column of both."""

    written = salaries.set_index(["source_id", "record_id"])[["low_usd", "high_usd"]]
    out = data.drop(columns=["dollars"])
    source = data["row"] == "source"
    dated = source & (data["dollars"] != "as written")
    out["low_adj_usd"] = data["low_usd"].where(dated)
    out["high_adj_usd"] = data["high_usd"].where(dated)
    out["adj_year"] = pd.Series(base_year, index=data.index).where(dated).astype("Int64")
    keys = list(zip(data["source_id"], data["record_id"], strict=True))

    def as_written(key: tuple[str, str], column: str, is_source: bool) -> float:
        value = written.loc[key, column] if is_source else None
        return float(value) if value is not None and pd.notna(value) else float("nan")

    for column in ("low_usd", "high_usd"):
        out[column] = [as_written(key, column, bool(src)) for key, src in zip(keys, source, strict=True)]
    order = [c for c in data.columns if c != "dollars"]
    at = order.index("high_usd") + 1
    return out[[*order[:at], "low_adj_usd", "high_adj_usd", "adj_year", *order[at:]]]


def drawn(row: pd.Series) -> tuple[float, float | None, bool]:
    """What the benchmark draws for a source row: (low, high or None, dated): base-year dollars where
    the figure is dated, as written where it is not."""
    dated = pd.notna(row["low_adj_usd"])
    low = float(row["low_adj_usd"] if dated else row["low_usd"])
    high_col = "high_adj_usd" if dated else "high_usd"
    return low, (float(row[high_col]) if pd.notna(row[high_col]) else None), bool(dated)


def official_label(row: pd.Series, width: int = 40) -> str:
    """A benchmark band's label: the occupation, named with its code (the source line and the
    caption say which are broader than the rungs set against them, and of which May)."""
    return chart_style.label(f"BLS: {row['label']} ({row['soc_code']})", width)


def benchmark_chart(data: pd.DataFrame) -> Figure:
    """Official wage bands (10th-90th and 25th-75th percentiles, median) with the sources'
    figures for the matching rungs beneath each."""
    labels = [
        official_label(row)
        if row["row"] == "official"
        else chart_style.label(f"{row['label']} ({int(row['year']) if pd.notna(row['year']) else 'undated'})", 36)
        for _, row in data.iterrows()
    ]
    ys = chart_style.rows(labels)
    fig, ax = plt.subplots(figsize=(8, _height(ys, 0.5, 1.8)))
    for y, (_, row) in zip(ys, data.iterrows(), strict=True):
        if row["row"] == "official":
            ax.plot(
                [row["p10_annual_usd"], row["p90_annual_usd"]],
                [y, y],
                color=chart_style.LIGHT,
                linewidth=14,
                solid_capstyle="butt",
            )
            ax.plot(
                [row["p25_annual_usd"], row["p75_annual_usd"]],
                [y, y],
                color="#A6A6A6",
                linewidth=14,
                solid_capstyle="butt",
            )
            ax.plot([row["median_annual_usd"]] * 2, [y - 0.22, y + 0.22], color="#000000", linewidth=2.5)
            continue
        low, high, dated = drawn(row)
        colour = chart_style.OKABE_ITO[0] if dated else chart_style.OKABE_ITO[5]
        if row["statistic"] == "range":
            ax.plot([low, low if high is None else high], [y, y], color=colour, linewidth=6, solid_capstyle="butt")
        elif row["statistic"] == "average":
            ax.plot(low, y, "o", color=colour, markersize=10)
        else:
            ax.annotate(
                "",
                xy=(low + FLOOR_ARROW_USD, y),
                xytext=(low, y),
                arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.5},
            )
    ax.set_yticks(ys, labels, fontsize=10)
    for tick in ax.get_yticklabels():
        if tick.get_text().startswith("BLS"):
            tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    base = _base_words(data)
    ax.set_xlabel(textwrap.fill(f"Annual pay, U.S. dollars (dated source figures in {base})", 40))
    ax.grid(axis="y", visible=False)
    chart_style.legend_above(
        ax,
        [
            Line2D([], [], color=chart_style.LIGHT, linewidth=10, label="BLS 10th–90th percentile"),
            Line2D([], [], color="#A6A6A6", linewidth=10, label="BLS 25th–75th percentile"),
            Line2D([], [], color="#000000", linewidth=2.5, label="BLS median"),
            Line2D([], [], color=chart_style.OKABE_ITO[0], linewidth=6, label=f"source, dated, in {base}"),
            Line2D([], [], color=chart_style.OKABE_ITO[5], linewidth=6, label="source, undated, as written"),
        ],
    )
    return fig


def _base_words(data: pd.DataFrame) -> str:
    """The dollars the dated source figures of the benchmark are drawn in: "2025 dollars"."""
    years = sorted({int(y) for y in data["adj_year"].dropna()})
    return ", ".join(f"{y} dollars" for y in years) or "no dated figures"


def _bls_year(data: pd.DataFrame) -> int:
    return int(data.loc[data["row"] == "official", "year"].max())


def _benchmark_positions(data: pd.DataFrame) -> list[str]:
    """For each source figure, where it sits against the median of the band it is drawn under."""
    out = []
    band = None
    for _, row in data.iterrows():
        if row["row"] == "official":
            band = row
            continue
        assert band is not None
        low, high, _dated = drawn(row)
        out.append(position(low, low if high is None else high, float(band["median_annual_usd"])))
    return out


def _benchmark_takeaway(data: pd.DataFrame) -> str:
    positions = _benchmark_positions(data)
    n = len(positions)
    spans, below, above = (positions.count(p) for p in ("spans", "lies below", "lies above"))
    hedged = sum(bool(prose.hedges(h)) for h in data.loc[data["row"] == "source", "hedge"])
    return (
        f"Of the {n} source figures, {spans} span the official median of the occupation set against them, "
        f"{below} lie below it and {above} above ({_base_words(data)} where dated); {hedged} are hedged in their "
        "source."
    )


def _benchmark_caption(data: pd.DataFrame) -> str:
    dollars = _base_words(data)
    return (
        f"Official wage distributions (BLS OEWS, May {_bls_year(data)}) for the occupations named on the chart, with "
        f"the sources' figures for the matching rungs beneath each; dated ranges in {dollars}, undated "
        f"figures as written. {_proxy_words(data)}{wording_words(data[data['row'] == 'source'])}"
        f"{_left_out_words(data)}"
    )


def _proxy_words(data: pd.DataFrame) -> str:
    """Which official occupations drawn are broader proxies (every one but the representatives')."""

    proxies = [
        f"{external.PROXIES[str(soc)].occupation} ({soc})"
        for soc in dict.fromkeys(data.loc[data["row"] == "official", "soc_code"])
        if external.is_proxy(str(soc))
    ]
    if not proxies:
        return ""
    return f"{prose.join(proxies)} {'is a broader proxy' if len(proxies) == 1 else 'are broader proxies'}, not call-center jobs."


def position(low: float, high: float, median: float) -> str:
    """Where a range (or one figure) sits against a median, in words."""
    if high < median:
        return "lies below"
    if low > median:
        return "lies above"
    return "spans"


def _benchmark_alt(data: pd.DataFrame) -> str:
    parts = []
    band = None
    for _, row in data.iterrows():
        if row["row"] == "official":
            band = row
            parts.append(
                f"BLS, {occupation(str(row['soc_code']))}: median {money(row['median_annual_usd'])}, "
                f"10th to 90th percentile {money(row['p10_annual_usd'])} to {money(row['p90_annual_usd'])}"
            )
            continue
        assert band is not None
        low, high, dated = drawn(row)
        dollars = f"{int(row['adj_year'])} dollars" if dated else "as written"
        parts.append(
            f"{row['label']} ({dollars}) {position(low, low if high is None else high, band['median_annual_usd'])} "
            "that median"
        )
    return (
        "Chart of grey bands, one per official occupation, each with a black median tick, and beneath each "
        "the sources' figures for the matching rungs as blue (dated, adjusted) or orange (undated) marks. "
        + "; ".join(parts)
        + "."
    )


def load_salaries() -> pd.DataFrame:

    return evidence.load_table("salaries")


def _benchmark_data() -> pd.DataFrame:
    salaries = load_salaries()
    return one_unit(benchmark_data(salaries, external.load_oews()), salaries)


def _oews_note(data: pd.DataFrame) -> list[str]:
    return [f"OEWS May {_bls_year(data)}"]


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
    ),
    Chart(
        "fig-pay-adjusted",
        "02-pay",
        "Pay ranges in today's dollars",
        lambda: adjusted_data(load_salaries()),
        adjusted_chart,
        _adjusted_caption,
        _adjusted_alt,
        takeaway=_adjusted_takeaway,
        references=lambda d: [*sources_in(d), "cpi-package"],
    ),
    Chart(
        "fig-pay-benchmark",
        "02-pay",
        "The sources' pay against official wages",
        _benchmark_data,
        benchmark_chart,
        _benchmark_caption,
        _benchmark_alt,
        takeaway=_benchmark_takeaway,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"], "cpi-package"],
        notes=_oews_note,
    ),
)
