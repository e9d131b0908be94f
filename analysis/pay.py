"""Pay: the sources' salary figures, adjusted for inflation and set against official statistics."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import charts, external, inflation, sources, vocab

TIER_LABELS: dict[int, str] = vocab.LEVEL_LABELS


def annual(salaries: pd.DataFrame) -> pd.DataFrame:
    """Annual figures only, ordered up the ladder (tier, then low figure)."""
    rows = salaries[salaries["period"] == "year"].copy()
    rows["midpoint_usd"] = rows[["low_usd", "high_usd"]].mean(axis=1, skipna=True)
    return rows.sort_values(["tier_level", "low_usd", "record_id"], ignore_index=True)


def adjust(salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR) -> pd.DataFrame:
    """Add ``low_adj_usd`` / ``high_adj_usd`` in ``base_year`` dollars; undated rows stay empty."""
    out = salaries.copy()
    for col in ("low_usd", "high_usd"):
        out[col.replace("_usd", "_adj_usd")] = [
            inflation.adjust(float(v), int(y), base_year) if pd.notna(v) and pd.notna(y) else np.nan
            for v, y in zip(out[col], out["year"], strict=True)
        ]
    out["adj_year"] = base_year
    return out


def ranges(salaries: pd.DataFrame) -> pd.DataFrame:
    """Annual ranges (low and high both stated), with their midpoints."""
    rows = annual(salaries)
    return rows[(rows["statistic"] == "range") & rows["high_usd"].notna()].reset_index(drop=True)


def lowest_range(salaries: pd.DataFrame) -> pd.Series:
    """The annual range with the lowest midpoint: the entry rung."""
    rows = ranges(salaries)
    return rows.loc[rows["midpoint_usd"].idxmin()]


def highest_range(salaries: pd.DataFrame) -> pd.Series:
    """The annual range with the highest midpoint: the top rung the sources price."""
    rows = ranges(salaries)
    return rows.loc[rows["midpoint_usd"].idxmax()]


def overlaps(salaries: pd.DataFrame) -> pd.DataFrame:
    """Pairs of ranges from one source on adjacent rungs whose dollar ranges overlap."""
    rows = ranges(salaries)
    pairs = []
    for _, group in rows.groupby("source_id", sort=False):
        group = group.sort_values(["tier_level", "low_usd"])
        for (_, lower), (_, upper) in zip(group.iloc[:-1].iterrows(), group.iloc[1:].iterrows(), strict=True):
            if upper["tier_level"] > lower["tier_level"] and upper["low_usd"] <= lower["high_usd"]:
                pairs.append({"source_id": lower["source_id"], "lower_role": lower["role"],
                              "upper_role": upper["role"], "lower_high_usd": lower["high_usd"],
                              "upper_low_usd": upper["low_usd"],
                              "overlap_usd": lower["high_usd"] - upper["low_usd"]})
    return pd.DataFrame(pairs)


def money(value: float) -> str:
    """Dollars as a reader writes them: $25,702."""
    return f"${value:,.0f}"


def figure_text(row: pd.Series) -> str:
    """A pay figure as a reader would write it: "$25,702–$33,661", "$32,000", "$50,000 or more"."""
    if row["statistic"] == "range":
        text = f"{money(row['low_usd'])}–{money(row['high_usd'])}"
    elif row["statistic"] == "threshold":
        text = f"{money(row['low_usd'])} or more"
    else:
        text = money(row["low_usd"])
    return text + (" an hour" if row["period"] == "hour" else " a year")


def figures_table(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every pay figure with its rung, source, year and the marks on its wording."""
    rows = salaries.sort_values(["tier_level", "low_usd", "record_id"], ignore_index=True)
    return pd.DataFrame({
        "Rung": [TIER_LABELS[int(t)] for t in rows["tier_level"]],
        "Role as written": rows["role"],
        "Pay": [figure_text(r) for _, r in rows.iterrows()],
        "Statistic": rows["statistic"],
        "Year": [str(int(y)) if pd.notna(y) else "undated" for y in rows["year"]],
        "Marks": [str(f).replace(";", ", ").replace("-", " ") for f in rows["flags"].fillna("")],
        "source_id": rows["source_id"],
    })


def _label(row: pd.Series, width: int = 44) -> str:
    year = f"{int(row['year'])}" if pd.notna(row["year"]) else "undated"
    return textwrap.fill(f"{row['role']} ({year})", width)



def range_chart(salaries: pd.DataFrame, source_order: list[str],
                source_labels: dict[str, str] | None = None) -> Figure:
    """Every annual pay figure as a bar (range), dot (average) or arrow (floor), by rung."""
    rows = annual(salaries)
    colour = charts.colours(source_order)
    source_labels = source_labels or {s: s for s in source_order}
    fig, ax = plt.subplots(figsize=(10, 0.65 * len(rows) + 1.6))
    for y, (_, row) in enumerate(rows.iterrows()):
        c = colour[row["source_id"]]
        if row["statistic"] == "range":
            ax.plot([row["low_usd"], row["high_usd"]], [y, y], color=c, linewidth=9,
                    solid_capstyle="butt")
        elif row["statistic"] == "average":
            ax.plot(row["low_usd"], y, "o", color=c, markersize=11)
        else:
            ax.annotate("", xy=(row["low_usd"] + 9000, y), xytext=(row["low_usd"], y),
                        arrowprops={"arrowstyle": "-|>", "color": c, "linewidth": 2.5})
            ax.plot(row["low_usd"], y, "|", color=c, markersize=14, markeredgewidth=3)
    ax.set_yticks(range(len(rows)), [f"{TIER_LABELS[int(t)]}: {_label(r)}"
                                     for t, (_, r) in zip(rows["tier_level"], rows.iterrows(), strict=True)])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars as written (not adjusted for inflation)")
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], color=colour[s], linewidth=6, label=textwrap.fill(source_labels[s], 30))
               for s in source_order if s in set(rows["source_id"])]
    handles += [Line2D([], [], color=charts.GREY, linewidth=6, label="range"),
                Line2D([], [], color=charts.GREY, marker="o", linestyle="", markersize=9, label="average"),
                Line2D([], [], color=charts.GREY, marker=r"$\rightarrow$", linestyle="", markersize=14,
                       label="“upwards of”")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


def adjusted_chart(adjusted: pd.DataFrame) -> Figure:
    """Dated ranges as written and in base-year dollars, one pair of bars per role."""
    rows = ranges(adjusted)
    rows = rows[rows["low_adj_usd"].notna()].reset_index(drop=True)
    base = int(rows["adj_year"].iloc[0])
    fig, ax = plt.subplots(figsize=(9, 0.75 * len(rows) + 1.4))
    for y, (_, row) in enumerate(rows.iterrows()):
        ax.plot([row["low_usd"], row["high_usd"]], [y - 0.17, y - 0.17], color=charts.OKABE_ITO[4],
                linewidth=8, solid_capstyle="butt")
        ax.plot([row["low_adj_usd"], row["high_adj_usd"]], [y + 0.17, y + 0.17],
                color=charts.OKABE_ITO[0], linewidth=8, solid_capstyle="butt")
    ax.set_yticks(range(len(rows)), [_label(r) for _, r in rows.iterrows()])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    ax.legend(handles=[
        Line2D([], [], color=charts.OKABE_ITO[4], linewidth=6, label="as written (2007 dollars)"),
        Line2D([], [], color=charts.OKABE_ITO[0], linewidth=6, label=f"in {base} dollars (CPI-U)"),
    ], loc="upper right")
    return fig


def benchmark_table(oews: pd.DataFrame) -> pd.DataFrame:
    """Latest-year OEWS distribution for each official proxy occupation."""
    rows = []
    for soc, (tier, title) in external.PROXIES.items():
        row = external.oews_latest(oews, soc)
        rows.append({"soc_code": soc, "occupation": title, "tier": tier, "year": int(row["year"]),
                     **{c: row[c] for c in ("p10_annual_usd", "p25_annual_usd", "median_annual_usd",
                                             "p75_annual_usd", "p90_annual_usd")}})
    return pd.DataFrame(rows)


def benchmark_chart(adjusted: pd.DataFrame, bench: pd.DataFrame) -> Figure:
    """Official wage bands (10th-90th and 25th-75th percentiles, median) with the sources'
    figures for the matching rungs: dated ranges in base-year dollars, undated figures as written."""
    rows = annual(adjusted)
    tier_of = {"frontline": [1, 2], "team-lead": [3], "manager": [5, 6]}
    fig, ax = plt.subplots(figsize=(9, 6.2))
    labels: list[str] = []
    y = 0.0
    for _, off in bench.iterrows():
        ax.plot([off["p10_annual_usd"], off["p90_annual_usd"]], [y, y], color=charts.LIGHT, linewidth=14,
                solid_capstyle="butt")
        ax.plot([off["p25_annual_usd"], off["p75_annual_usd"]], [y, y], color="#A6A6A6", linewidth=14,
                solid_capstyle="butt")
        ax.plot([off["median_annual_usd"]] * 2, [y - 0.22, y + 0.22], color="#000000", linewidth=2.5)
        labels.append(textwrap.fill(f"BLS {off['soc_code']} {off['occupation']} (May {off['year']})", 52))
        y += 1
        if off["soc_code"] == "43-1011":
            continue
        levels = tier_of[off["tier"]]
        mine = rows[rows["tier_level"].isin(levels)]
        if off["soc_code"] == "11-3131":
            mine = mine[mine["role"].str.contains("Train")]
        elif off["soc_code"] == "11-3012":
            mine = mine[~mine["role"].str.contains("Train")]
        for _, r in mine.iterrows():
            dated = pd.notna(r["low_adj_usd"])
            low = r["low_adj_usd"] if dated else r["low_usd"]
            high = r["high_adj_usd"] if dated else r["high_usd"]
            colour = charts.OKABE_ITO[0] if dated else charts.OKABE_ITO[5]
            if r["statistic"] == "range":
                ax.plot([low, high], [y, y], color=colour, linewidth=6, solid_capstyle="butt")
            elif r["statistic"] == "average":
                ax.plot(low, y, "o", color=colour, markersize=10)
            else:
                ax.annotate("", xy=(low + 9000, y), xytext=(low, y),
                            arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.5})
            labels.append(_label(r, 52))
            y += 1
    ax.set_yticks(np.arange(len(labels)), labels, fontsize=10)
    for tick in ax.get_yticklabels():
        if tick.get_text().startswith("BLS"):
            tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    base = int(adjusted["adj_year"].iloc[0])
    ax.set_xlabel(f"Annual pay, U.S. dollars (source ranges dated 2007 shown in {base} dollars)")
    ax.grid(axis="y", visible=False)
    ax.legend(handles=[
        Line2D([], [], color=charts.LIGHT, linewidth=10, label="BLS 10th–90th percentile"),
        Line2D([], [], color="#A6A6A6", linewidth=10, label="BLS 25th–75th percentile"),
        Line2D([], [], color="#000000", linewidth=2.5, label="BLS median"),
        Line2D([], [], color=charts.OKABE_ITO[0], linewidth=6, label=f"source, dated, in {base} dollars"),
        Line2D([], [], color=charts.OKABE_ITO[5], linewidth=6, label="source, undated, as written"),
    ], loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


def headline_chart(adjusted: pd.DataFrame, bench: pd.DataFrame) -> Figure:
    """The entry and top ranges as written and in base-year dollars, each with the official
    median of its nearest occupation: the report's pay story in one chart."""
    base = int(adjusted["adj_year"].iloc[0])
    picks = [(lowest_range(adjusted), "43-4051"), (highest_range(adjusted), "11-3012")]
    medians = bench.set_index("soc_code")
    fig, ax = plt.subplots(figsize=(9, 4.2))
    labels = []
    for y, (row, soc) in enumerate(picks):
        full = adjusted.loc[adjusted["record_id"] == row["record_id"]].iloc[0]
        ax.plot([full["low_usd"], full["high_usd"]], [y - 0.18] * 2, color=charts.OKABE_ITO[4],
                linewidth=10, solid_capstyle="butt")
        ax.plot([full["low_adj_usd"], full["high_adj_usd"]], [y + 0.18] * 2, color=charts.OKABE_ITO[0],
                linewidth=10, solid_capstyle="butt")
        ax.plot(medians.loc[soc, "median_annual_usd"], y, "D", color="#000000", markersize=10)
        labels.append(textwrap.fill(f"{TIER_LABELS[int(row['tier_level'])]}: {row['role']}", 28))
    ax.set_yticks(range(len(picks)), labels)
    ax.set_ylim(len(picks) - 0.4, -0.6)
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    year = int(bench["year"].max())
    ax.legend(handles=[
        Line2D([], [], color=charts.OKABE_ITO[4], linewidth=7, label=f"range as written ({int(picks[0][0]['year'])} dollars)"),
        Line2D([], [], color=charts.OKABE_ITO[0], linewidth=7, label=f"same range in {base} dollars"),
        Line2D([], [], color="#000000", marker="D", linestyle="", markersize=8,
               label=f"BLS median, nearest occupation (May {year})"),
    ], loc="upper right", fontsize=10)
    return fig


# --- the chapter's figures, built from the processed tables ---------------------------------


def _salaries() -> pd.DataFrame:
    from analysis import evidence

    return evidence.load_table("salaries")



def _fig_ranges() -> Figure:
    from analysis import report

    sal = _salaries()
    order = [s for s in sources.source_ids() if s in set(sal["source_id"])]
    fig = range_chart(sal, order, {s: report.short_ref(s) for s in order})
    charts.source_line(fig, report.source_line(list(annual(sal)["source_id"])))
    return fig


def _fig_adjusted() -> Figure:
    from analysis import report

    adj = adjust(_salaries())
    fig = adjusted_chart(adj)
    charts.source_line(fig, report.source_line(list(ranges(adj)["source_id"]),
                                                f"CPI-U via the cpi package ({inflation.BASE_YEAR})"))
    return fig


def _fig_benchmark() -> Figure:
    from analysis import report

    adj = adjust(_salaries())
    bench = benchmark_table(external.load_oews())
    fig = benchmark_chart(adj, bench)
    year = int(bench["year"].max())
    charts.source_line(fig, report.source_line(list(annual(adj)["source_id"]),
                                                f"BLS OEWS May {year}", "CPI-U"))
    return fig


def _fig_headline() -> Figure:
    from analysis import report

    adj = adjust(_salaries())
    bench = benchmark_table(external.load_oews())
    fig = headline_chart(adj, bench)
    charts.source_line(fig, report.source_line(list(ranges(adj)["source_id"]),
                                                f"BLS OEWS May {int(bench['year'].max())}", "CPI-U"))
    return fig


FIGURES = {
    "fig-summary-pay": _fig_headline,
    "fig-pay-ranges": _fig_ranges,
    "fig-pay-adjusted": _fig_adjusted,
    "fig-pay-benchmark": _fig_benchmark,
}
