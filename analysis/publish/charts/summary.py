"""The landing page's chart: the entry and top ranges as written and in purchasing power at the base
year's prices (not what the roles pay in that year), each against the official median of the
occupation set against it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.chapters import prose
from analysis.chapters.benchmark import headline_data, position
from analysis.chapters.pay import TIER_LABELS, money
from analysis.core import external, inflation
from analysis.publish import chart_style
from analysis.publish.chart import Chart, codes_in, occupation, sources_in
from analysis.publish.charts.pay import hedge_clause, load_salaries, read_as_notes, read_as_words, wording_words


def headline_chart(data: pd.DataFrame) -> Figure:
    """The entry and top ranges as written and in base-year dollars, each with the official
    median of the occupation set against it, named on its row: the report's pay story in one chart."""
    base = int(data["adj_year"].iloc[0])
    fig, ax = plt.subplots(figsize=(8, 4.6))
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
        official = isinstance(row["soc_code"], str)  # no official occupation stands for some rungs
        if official:
            ax.plot(row["bls_median_usd"], y, "D", color="#000000", markersize=10)
        other = _has_alternative(row)
        if other:
            ax.plot(
                row["alt_median_usd"],
                y,
                "D",
                color="#000000",
                markerfacecolor="white",
                markersize=10,
                markeredgewidth=2,
            )
        labels.append(
            chart_style.label(f"{TIER_LABELS[int(row['tier_level'])]}: {row['role']}", 34)
            + "\n"
            + chart_style.label(
                f"BLS: {occupation(str(row['soc_code']))}" if official else "No official occupation for this rung", 34
            )
            + (
                "\n" + chart_style.label(f"also fits: {occupation(str(row['alt_soc_code']), False)}", 34)
                if other
                else ""
            )
        )
    ax.set_yticks(range(len(data)), labels)
    ax.set_ylim(len(data) - 0.4, -0.6)
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    chart_style.legend_above(
        ax,
        [
            Line2D([], [], color=chart_style.GREY, linewidth=7, label=f"range as written ({years} dollars)"),
            Line2D(
                [],
                [],
                color=chart_style.OKABE_ITO[0],
                linewidth=7,
                label=f"what it would buy at {base} prices (not {base} pay)",
            ),
            Line2D(
                [],
                [],
                color="#000000",
                marker="D",
                linestyle="",
                markersize=8,
                label=f"BLS median of the occupation named on the row (May {int(data['bls_year'].max())})",
            ),
            *(
                [
                    Line2D(
                        [],
                        [],
                        color="#000000",
                        marker="D",
                        markerfacecolor="white",
                        linestyle="",
                        markersize=8,
                        label=f"BLS median of another occupation that also fits the role (May {int(data['bls_year'].max())})",
                    )
                ]
                if any(_has_alternative(r) for _, r in data.iterrows())
                else []
            ),
        ],
        ncol=1,
        right_when_wide=False,
    )
    return fig


def _has_alternative(row: pd.Series) -> bool:
    return isinstance(row.get("alt_soc_code"), str) and bool(row["alt_soc_code"])


def _alternative_words(data: pd.DataFrame) -> list[str]:
    """For each row with another occupation that fits it, where its adjusted range sits against that
    occupation's median, and whether that differs from where it sits against the main one's."""
    out = []
    for _, r in data.iterrows():
        if not _has_alternative(r):
            continue
        main = position(r["low_adj_usd"], r["high_adj_usd"], r["bls_median_usd"])
        other = position(r["low_adj_usd"], r["high_adj_usd"], r["alt_median_usd"])
        out.append(
            f"set against {r['alt_occupation']} ({r['alt_soc_code']}), which fits the role as well, the {r['role']} "
            f"range {other} the median {'instead' if other != main else 'too'}"
        )
    return out


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


def _headline_takeaway(data: pd.DataFrame) -> str:
    base = int(data["adj_year"].iloc[0])
    years = prose.join(list(dict.fromkeys(str(int(y)) for y in data["year"])))
    data = data[data["soc_code"].map(lambda soc: isinstance(soc, str))]  # rows with an official median
    where = [position(r["low_adj_usd"], r["high_adj_usd"], r["bls_median_usd"]) for _, r in data.iterrows()]
    verbs = {"spans": "span", "lies below": "lie below", "lies above": "lie above"}
    lead = f"In purchasing power at {base} prices (what the {years} pay would buy, not what the roles pay in {base}), "
    if len(set(where)) == 1:
        who = "both" if len(data) == 2 else f"all {len(data)}"
        text = f"{lead}{who} {years} ranges {verbs[where[0]]} the official median set against them"
    else:
        text = lead + "; ".join(
            f"the {r['role']} range {w} the official median set against it"
            for (_, r), w in zip(data.iterrows(), where, strict=True)
        )
    other = _alternative_words(data)
    return f"{text}{hedge_clause(data)}{'; ' + '; '.join(other) if other else ''}."


def _headline_caption(data: pd.DataFrame) -> str:

    base = int(data["adj_year"].iloc[0])
    proxies = _headline_proxies(data)
    own = [
        f"for the {r['role']} that is {r['occupation']}, SOC {r['soc_code']}"
        for _, r in data.iterrows()
        if isinstance(r["soc_code"], str) and not external.is_proxy(r["soc_code"])
    ]
    undated = int(data["undated_left_out"].max()) if "undated_left_out" in data else 0
    which = (
        f" (of those that name a year; {prose.plural(undated, 'undated range')} cannot be adjusted)" if undated else ""
    )
    return (
        f"The pay ranges with the lowest and highest midpoints in the sources{which}, as written and in "
        f"purchasing power at {base} prices (CPI-U), which is not what the roles pay in {base}, each with the May {int(data['bls_year'].max())} official median wage of the "
        f"occupation set against it: {'; '.join([*own, *proxies])}.{_alternatives_caption(data)}{wording_words(data)}"
        f"{read_as_words(data)}"
    )


def _alternatives_caption(data: pd.DataFrame) -> str:
    """What the open diamonds are (the takeaway says where the ranges sit against them)."""
    if not any(_has_alternative(r) for _, r in data.iterrows()):
        return ""
    named = prose.join(
        [
            f"{r['alt_occupation']} ({r['alt_soc_code']}) for the {r['role']}"
            for _, r in data.iterrows()
            if _has_alternative(r)
        ]
    )
    return (
        f" An open diamond marks the median of another occupation that fits a role as well as its main one: {named}. "
        "Which occupation is taken can decide the comparison; the pay chapter gives the reasons for each."
    )


def _headline_alt(data: pd.DataFrame) -> str:
    base = int(data["adj_year"].iloc[0])
    parts = []
    for _, r in data.iterrows():
        said = (
            f"{r['role']}: {money(r['low_usd'], True)} to {money(r['high_usd'], True)} as written in {int(r['year'])}, "
            f"{money(r['low_adj_usd'])} to {money(r['high_adj_usd'])} in purchasing power at {base} prices, "
        )
        if not isinstance(r["soc_code"], str):
            parts.append(said + "with no official occupation to set it against")
            continue
        parts.append(
            said + f"{position(r['low_adj_usd'], r['high_adj_usd'], r['bls_median_usd'])} the BLS median of "
            f"{money(r['bls_median_usd'])} for {r['occupation']}"
            + (" (a broader proxy occupation)" if external.is_proxy(r["soc_code"]) else "")
            + (
                f", and {position(r['low_adj_usd'], r['high_adj_usd'], r['alt_median_usd'])} the open diamond, the "
                f"median of {money(r['alt_median_usd'])} for {r['alt_occupation']}, which fits the role as well"
                if _has_alternative(r)
                else ""
            )
        )
    return (
        "Two rows, each with a light bar for a pay range as written, a dark bar for the same range "
        f"adjusted for inflation to {base} prices (its purchasing power, not what the role pays in {base}) and "
        "a black diamond for the official median of the occupation set against it. "
        + "; ".join(parts)
        + "."
        + wording_words(data)
    )


CHARTS = (
    Chart(
        "fig-summary-pay",
        "index",
        f"Entry and top pay as written and at {inflation.BASE_YEAR} prices",
        lambda: headline_data(load_salaries(), external.load_oews()),
        headline_chart,
        _headline_caption,
        _headline_alt,
        takeaway=_headline_takeaway,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"], "cpi-package"],
        notes=lambda d: [f"OEWS May {int(d['bls_year'].max())}", *read_as_notes(d)],
        official=lambda d: list(dict.fromkeys([*codes_in(d), *d["alt_soc_code"].dropna().astype(str)])),
    ),
)
