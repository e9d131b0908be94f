"""The pay chapter's charts: the ranges up the ladder, the dated ranges in today's dollars, the
sources' pay against official wage distributions, and the landing page's entry-and-top chart."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.chapters import prose
from analysis.chapters.benchmark import benchmark_data, headline_data
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
    return textwrap.fill(f"{rung + ': ' if rung else ''}{row['role']} ({year}{annualised_mark(row)})", width)


MAX_COLOURS = 5


def range_chart(data: pd.DataFrame) -> Figure:
    """Every annual pay figure as a bar (range), dot (average) or arrow (threshold), by rung."""

    order = sources_in(data)
    colour = {**{s: chart_style.GREY for s in order}, **chart_style.colours(order[:MAX_COLOURS])}
    # Narrow enough to stay legible on a phone: labels wrapped short, the legend above the plot.
    fig, ax = plt.subplots(figsize=(8, 0.75 * len(data) + 1.4))
    for y, (_, row) in enumerate(data.iterrows()):
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
    ax.set_yticks(range(len(data)), [_label(r, 28, TIER_LABELS[int(r["tier_level"])]) for _, r in data.iterrows()])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars as written (not adjusted for inflation)")
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
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.02), ncol=2, borderaxespad=0)
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


def _wording_words(data: pd.DataFrame) -> str:
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


def _ranges_caption(data: pd.DataFrame) -> str:
    return (
        "Pay by role, ordered up the career ladder, as each source writes it "
        f"(nominal dollars a year; {_statistics_words(data)}).{_annualised_words(data)}{_wording_words(data)}"
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
    return text + _annualised_words(data) + _wording_words(data)


def adjusted_chart(data: pd.DataFrame) -> Figure:
    """Dated ranges as written and in base-year dollars, one pair of bars per role."""
    base = int(data["adj_year"].iloc[0])
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    fig, ax = plt.subplots(figsize=(9, 0.75 * len(data) + 1.4))
    for y, (_, row) in enumerate(data.iterrows()):
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
    ax.set_yticks(range(len(data)), [_label(r) for _, r in data.iterrows()])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    ax.legend(
        handles=[
            Line2D([], [], color=chart_style.GREY, linewidth=6, label=f"as written ({years} dollars)"),
            Line2D([], [], color=chart_style.OKABE_ITO[0], linewidth=6, label=f"in {base} dollars (CPI-U)"),
        ],
        loc="upper right",
    )
    return fig


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


def _adjusted_caption(data: pd.DataFrame) -> str:
    years = ", ".join(str(int(y)) for y in sorted(set(data["year"])))
    base = int(data["adj_year"].iloc[0])
    return (
        f"The {years} pay ranges as written and in {base} dollars (CPI-U): the same purchasing power "
        f"in {base} prices, not what the roles pay in {base}.{_wording_words(data)}{_left_out_words(data)}"
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


def benchmark_chart(data: pd.DataFrame) -> Figure:
    """Official wage bands (10th-90th and 25th-75th percentiles, median) with the sources'
    figures for the matching rungs beneath each."""
    fig, ax = plt.subplots(figsize=(9, 0.52 * len(data) + 0.5))
    labels: list[str] = []
    for y, (_, row) in enumerate(data.iterrows()):
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
            labels.append(textwrap.fill(f"BLS {row['soc_code']} {row['label']} (May {int(row['year'])})", 52))
            continue
        colour = chart_style.OKABE_ITO[0] if row["dollars"] != "as written" else chart_style.OKABE_ITO[5]
        low, high = row["low_usd"], row["high_usd"]
        if row["statistic"] == "range":
            ax.plot([low, high], [y, y], color=colour, linewidth=6, solid_capstyle="butt")
        elif row["statistic"] == "average":
            ax.plot(low, y, "o", color=colour, markersize=10)
        else:
            ax.annotate(
                "",
                xy=(low + FLOOR_ARROW_USD, y),
                xytext=(low, y),
                arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.5},
            )
        year = f"{int(row['year'])}" if pd.notna(row["year"]) else "undated"
        labels.append(textwrap.fill(f"{row['label']} ({year})", 52))
    ax.set_yticks(np.arange(len(labels)), labels, fontsize=10)
    for tick in ax.get_yticklabels():
        if tick.get_text().startswith("BLS"):
            tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    dollars = sorted(set(data.loc[data["row"] == "source", "dollars"]) - {"as written"})
    ax.set_xlabel(f"Annual pay, U.S. dollars (dated source figures in {', '.join(dollars)})")
    ax.grid(axis="y", visible=False)
    base = ", ".join(dollars)
    ax.legend(
        handles=[
            Line2D([], [], color=chart_style.LIGHT, linewidth=10, label="BLS 10th–90th percentile"),
            Line2D([], [], color="#A6A6A6", linewidth=10, label="BLS 25th–75th percentile"),
            Line2D([], [], color="#000000", linewidth=2.5, label="BLS median"),
            Line2D([], [], color=chart_style.OKABE_ITO[0], linewidth=6, label=f"source, dated, in {base}"),
            Line2D([], [], color=chart_style.OKABE_ITO[5], linewidth=6, label="source, undated, as written"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
    )
    return fig


def _bls_year(data: pd.DataFrame) -> int:
    return int(data.loc[data["row"] == "official", "year"].max())


def _benchmark_caption(data: pd.DataFrame) -> str:
    dollars = ", ".join(sorted(set(data.loc[data["row"] == "source", "dollars"]) - {"as written"}))
    return (
        f"Official wage distributions (BLS OEWS, May {_bls_year(data)}) for the nearest occupations, with "
        f"the sources' figures for the matching rungs beneath each; dated ranges in {dollars}, undated "
        f"figures as written. {_proxy_words(data)}{_wording_words(data[data['row'] == 'source'])}"
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


def _position(low: float, high: float, median: float) -> str:
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
                f"BLS {row['soc_code']} {row['label']}: median {money(row['median_annual_usd'])}, "
                f"10th to 90th percentile {money(row['p10_annual_usd'])} to {money(row['p90_annual_usd'])}"
            )
            continue
        assert band is not None
        high = row["high_usd"] if pd.notna(row["high_usd"]) else row["low_usd"]
        parts.append(
            f"{row['label']} ({row['dollars']}) {_position(row['low_usd'], high, band['median_annual_usd'])} "
            "that median"
        )
    return (
        "Chart of grey bands, one per official occupation, each with a black median tick, and beneath each "
        "the sources' figures for the matching rungs as blue (dated, adjusted) or orange (undated) marks. "
        + "; ".join(parts)
        + "."
    )


def headline_chart(data: pd.DataFrame) -> Figure:
    """The entry and top ranges as written and in base-year dollars, each with the official
    median of its nearest occupation: the report's pay story in one chart."""
    base = int(data["adj_year"].iloc[0])
    fig, ax = plt.subplots(figsize=(9, 4.2))
    labels = []
    for y, (_, row) in enumerate(data.iterrows()):
        ax.plot(
            [row["low_usd"], row["high_usd"]],
            [y - 0.18] * 2,
            color=chart_style.GREY,
            linewidth=10,
            solid_capstyle="butt",
        )
        ax.plot(
            [row["low_adj_usd"], row["high_adj_usd"]],
            [y + 0.18] * 2,
            color=chart_style.OKABE_ITO[0],
            linewidth=10,
            solid_capstyle="butt",
        )
        if pd.notna(row["bls_median_usd"]):  # no official occupation stands for some rungs
            ax.plot(row["bls_median_usd"], y, "D", color="#000000", markersize=10)
        labels.append(textwrap.fill(f"{TIER_LABELS[int(row['tier_level'])]}: {row['role']}", 28))
    ax.set_yticks(range(len(data)), labels)
    ax.set_ylim(len(data) - 0.4, -0.6)
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    ax.legend(
        handles=[
            Line2D([], [], color=chart_style.GREY, linewidth=7, label=f"range as written ({years} dollars)"),
            Line2D([], [], color=chart_style.OKABE_ITO[0], linewidth=7, label=f"same range in {base} dollars"),
            Line2D(
                [],
                [],
                color="#000000",
                marker="D",
                linestyle="",
                markersize=8,
                label=f"BLS median, nearest occupation (May {int(data['bls_year'].max())})",
            ),
        ],
        loc="upper right",
        fontsize=10,
    )
    return fig


def _headline_proxies(data: pd.DataFrame) -> list[str]:
    """For each row set against a broader proxy occupation, the words that say so."""
    return [
        f"for the {r['role']} that is {r['occupation']}, SOC {r['soc_code']}, a broader occupation than "
        "its call-center role"
        if isinstance(r["soc_code"], str)
        else f"for the {r['role']} none, no official occupation standing for its rung"
        for _, r in data.iterrows()
        if not isinstance(r["soc_code"], str) or external.is_proxy(r["soc_code"])
    ]


def _headline_caption(data: pd.DataFrame) -> str:

    base = int(data["adj_year"].iloc[0])
    proxies = _headline_proxies(data)
    undated = int(data["undated_left_out"].max()) if "undated_left_out" in data else 0
    which = (
        f" (of those that name a year; {prose.plural(undated, 'undated range')} cannot be adjusted)" if undated else ""
    )
    return (
        f"The pay ranges with the lowest and highest midpoints in the sources{which}, as written and in {base} "
        f"dollars (CPI-U), each with the May {int(data['bls_year'].max())} official median wage of the "
        f"nearest occupation{'; ' + prose.join(proxies) if proxies else ''}.{_wording_words(data)}"
    )


def _headline_alt(data: pd.DataFrame) -> str:
    base = int(data["adj_year"].iloc[0])
    parts = []
    for _, r in data.iterrows():
        said = (
            f"{r['role']}: {money(r['low_usd'], True)} to {money(r['high_usd'], True)} as written in {int(r['year'])}, "
            f"{money(r['low_adj_usd'])} to {money(r['high_adj_usd'])} in {base} dollars, "
        )
        if not isinstance(r["soc_code"], str):
            parts.append(said + "with no official occupation to set it against")
            continue
        parts.append(
            said + f"{_position(r['low_adj_usd'], r['high_adj_usd'], r['bls_median_usd'])} the BLS median of "
            f"{money(r['bls_median_usd'])} for {r['occupation']}"
            + (" (a broader proxy occupation)" if external.is_proxy(r["soc_code"]) else "")
        )
    return (
        "Two rows, each with a light bar for a pay range as written, a dark bar for the same range "
        "adjusted for inflation and a black diamond for the official median of the nearest occupation. "
        + "; ".join(parts)
        + "."
        + _wording_words(data)
    )


def _salaries() -> pd.DataFrame:

    return evidence.load_table("salaries")


def _oews_note(data: pd.DataFrame) -> list[str]:
    return [f"OEWS May {_bls_year(data)}"]


CHARTS = (
    Chart(
        "fig-summary-pay",
        "index",
        "Entry and top pay, then and now",
        lambda: headline_data(_salaries(), external.load_oews()),
        headline_chart,
        _headline_caption,
        _headline_alt,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"], "cpi-package"],
        notes=lambda d: [f"OEWS May {int(d['bls_year'].max())}"],
    ),
    Chart(
        "fig-pay-ranges",
        "02-pay",
        "Pay up the ladder",
        lambda: ranges_data(_salaries()),
        range_chart,
        _ranges_caption,
        _ranges_alt,
    ),
    Chart(
        "fig-pay-adjusted",
        "02-pay",
        "Pay ranges in today's dollars",
        lambda: adjusted_data(_salaries()),
        adjusted_chart,
        _adjusted_caption,
        _adjusted_alt,
        references=lambda d: [*sources_in(d), "cpi-package"],
    ),
    Chart(
        "fig-pay-benchmark",
        "02-pay",
        "The sources' pay against official wages",
        lambda: benchmark_data(_salaries(), external.load_oews()),
        benchmark_chart,
        _benchmark_caption,
        _benchmark_alt,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"], "cpi-package"],
        notes=_oews_note,
    ),
)
