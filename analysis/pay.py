"""Pay: the sources' salary figures, adjusted for inflation and set against official statistics."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import charts, external, inflation, vocab
from analysis.figures import Chart, sources_in

TIER_LABELS: dict[int, str] = vocab.LEVEL_LABELS
#: How far past a floor ("upwards of") its arrow reaches in the charts, in dollars: a mark, not a figure.
FLOOR_ARROW_USD = 9000


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
    """The annual range with the lowest midpoint."""
    rows = ranges(salaries)
    return rows.loc[rows["midpoint_usd"].idxmin()]


def highest_range(salaries: pd.DataFrame) -> pd.Series:
    """The annual range with the highest midpoint: the top rung the sources price."""
    rows = ranges(salaries)
    return rows.loc[rows["midpoint_usd"].idxmax()]


def lowest_figure(salaries: pd.DataFrame) -> pd.Series:
    """The annual figure with the lowest low end (a range's low figure, an average or a floor)."""
    rows = annual(salaries)
    return rows.loc[rows["low_usd"].idxmin()]


def overlaps(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every pair of one source's annual ranges on different rungs whose dollar ranges overlap: the
    higher rung's range starts below the top of the lower rung's. Largest overlap first."""
    rows = ranges(salaries)
    pairs = []
    for _, group in rows.groupby("source_id", sort=False):
        for _, lower in group.iterrows():
            for _, upper in group.iterrows():
                if upper["tier_level"] > lower["tier_level"] and upper["low_usd"] < lower["high_usd"]:
                    pairs.append(
                        {
                            "source_id": lower["source_id"],
                            "lower_role": lower["role"],
                            "upper_role": upper["role"],
                            "lower_record_id": lower["record_id"],
                            "upper_record_id": upper["record_id"],
                            "lower_high_usd": lower["high_usd"],
                            "upper_low_usd": upper["low_usd"],
                            "overlap_usd": min(lower["high_usd"], upper["high_usd"]) - upper["low_usd"],
                        }
                    )
    columns = [
        "source_id",
        "lower_role",
        "upper_role",
        "lower_record_id",
        "upper_record_id",
        "lower_high_usd",
        "upper_low_usd",
        "overlap_usd",
    ]
    frame = pd.DataFrame(pairs, columns=columns)
    return frame.sort_values(["overlap_usd", "lower_role"], ascending=[False, True], ignore_index=True)


def money(value: float) -> str:
    """Dollars as a reader writes them: $25,702."""
    from analysis import report

    return report.money(value)


def flags(row: pd.Series) -> list[str]:
    """A record's flags (the table writes them semicolon-separated)."""
    return [f for f in str(row["flags"]).split(";") if f] if isinstance(row["flags"], str) else []


def period_inferred(row: pd.Series) -> bool:
    """Whether the source states no pay period for the figure (it is read from the figure's size)."""
    return "period-inferred" in flags(row)


def figure_text(row: pd.Series) -> str:
    """A pay figure as a reader would write it: "$25,702–$33,661", "$32,000 a year", "$50,000 or
    more a year". The period is written only where the source states one (see :func:`marks`)."""
    if row["statistic"] == "range":
        text = f"{money(row['low_usd'])}–{money(row['high_usd'])}"
    elif row["statistic"] == "threshold":
        text = f"{money(row['low_usd'])} or more"
    else:
        text = money(row["low_usd"])
    if period_inferred(row):
        return text
    return text + (" an hour" if row["period"] == "hour" else " a year")


#: How the Marks column words each flag of a salary record.
_MARK_WORDS = {
    "range-phrased-as-average": "written as an average of two figures",
    "missing-dollar-sign": "second figure has no dollar sign",
    "undated": "undated",
    "approximate": "approximate",
    "typo-in-source": "typo in the source",
}


def marks(row: pd.Series) -> str:
    """What a pay figure's wording carries that its number does not: the source's hedge words, a
    period read from the figure's size, a figure quoted from another publisher, and the other flags."""
    from analysis import report

    parts = []
    hedge = report.hedges(row["hedge"])
    if hedge:
        parts.append(f"hedge: {hedge}")
    for flag in flags(row):
        if flag == "period-inferred":
            parts.append(f"no period stated, read as {'an hour' if row['period'] == 'hour' else 'a year'}")
        elif flag == "second-hand":
            parts.append(f"quoted from {row['cited_from']}")
        else:
            parts.append(_MARK_WORDS.get(flag, flag.replace("-", " ")))
    return "; ".join(parts)


# --- the chapter's tables -------------------------------------------------------------------------


def figures_table(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every pay figure with its rung, source, year, the marks on its wording (hedges, a period read
    from the figure's size, flags) and its sentence."""
    from analysis import report

    rows = salaries.sort_values(["tier_level", "low_usd", "record_id"], ignore_index=True)
    return pd.DataFrame(
        {
            "Rung": [TIER_LABELS[int(t)] for t in rows["tier_level"]],
            "Role as written": rows["role"],
            "Pay": [figure_text(r) for _, r in rows.iterrows()],
            "Year": [str(int(y)) if pd.notna(y) else "undated" for y in rows["year"]],
            "Marks": [marks(r) for _, r in rows.iterrows()],
            "In its own words": rows["quote"].map(report.quoted),
            "source_id": rows["source_id"],
            "record_id": rows["record_id"],
        }
    )


def overlaps_table(pairs: pd.DataFrame) -> pd.DataFrame:
    """The overlapping pairs as a reader sees them."""
    return pd.DataFrame(
        {
            "Lower rung": pairs["lower_role"],
            "Higher rung": pairs["upper_role"],
            "Top of lower (USD/year)": pairs["lower_high_usd"].map(money),
            "Bottom of higher (USD/year)": pairs["upper_low_usd"].map(money),
            "Overlap (USD)": pairs["overlap_usd"].map(money),
            "source_id": pairs["source_id"],
        }
    )


def adjusted_table(salaries: pd.DataFrame) -> pd.DataFrame:
    """The dated ranges as written and in base-year dollars."""
    dated = adjusted_data(salaries)
    base = int(dated["adj_year"].iloc[0]) if len(dated) else inflation.BASE_YEAR
    return pd.DataFrame(
        {
            "Role as written": dated["role"],
            "Year": dated["year"].astype(int).astype(str),
            "As written (USD/year)": [
                f"{money(a)}–{money(b)}" for a, b in zip(dated["low_usd"], dated["high_usd"], strict=True)
            ],
            f"In {base} dollars (USD/year)": [
                f"{money(a)}–{money(b)}" for a, b in zip(dated["low_adj_usd"], dated["high_adj_usd"], strict=True)
            ],
            "source_id": dated["source_id"],
            "record_id": dated["record_id"],
        }
    )


def benchmark_display(bench: pd.DataFrame) -> pd.DataFrame:
    """The official distributions as a reader sees them."""
    return pd.DataFrame(
        {
            "SOC": bench["soc_code"],
            "Occupation": bench["occupation"],
            "Nearest rung": bench["tier"].map(vocab.TIER_LABELS),
            "May of": bench["year"].astype(str),
            **{
                label: bench[c].map(money)
                for label, c in zip(
                    ("10th pct (USD/year)", "25th pct", "Median", "75th pct", "90th pct"), PERCENTILES, strict=True
                )
            },
        }
    )


# --- the chapter's claims: each sentence that compares, written from the data -----------------------


def extremes_claim(salaries: pd.DataFrame) -> str:
    """Which figure is lowest and which range tops the ladder, each with its basis, as MyST."""
    from analysis import report

    low, entry, top = lowest_figure(salaries), lowest_range(salaries), highest_range(salaries)
    role = {key: report.md_escape(row["role"]) for key, row in (("low", low), ("entry", entry), ("top", top))}
    text = (
        f"By its lowest figure, the lowest pay the sources state is {money(low['low_usd'])}, the low end of "
        f"{'the range for ' if low['statistic'] == 'range' else ''}the {role['low']} "
        f"{report.cite(low['source_id'])}. "
    )
    ratio = top["midpoint_usd"] / entry["midpoint_usd"]
    if entry["record_id"] == low["record_id"]:
        text += f"That range also has the lowest midpoint ({money(entry['midpoint_usd'])}); "
    else:
        text += (
            f"By midpoint, the lowest range is that of the {role['entry']}, {money(entry['low_usd'])}–"
            f"{money(entry['high_usd'])} (midpoint {money(entry['midpoint_usd'])}), and "
        )
    text += (
        f"the highest that of the {role['top']}, {money(top['low_usd'])}–{money(top['high_usd'])}, whose "
        f"midpoint is {ratio:.1f} times the lowest {report.cites([entry['source_id'], top['source_id']])}."
    )
    return report.Markup(text)


def overlaps_claim(pairs: pd.DataFrame) -> str:
    """How many pairs of rungs overlap, and the largest overlap, as MyST."""
    from analysis import report

    if pairs.empty:
        return report.Markup("No range of a higher rung starts below the top of a lower rung's range.")
    big = pairs.iloc[0]
    sources_ = list(dict.fromkeys(pairs["source_id"]))
    text = (
        f"Ranges of different rungs overlap: in {report.plural(len(pairs), 'pair')} of ranges from "
        f"{report.cites(sources_)}, the higher rung's range starts below the top of the lower rung's. "
        f"The largest overlap, {money(big['overlap_usd'])}, is between the {report.md_escape(big['lower_role'])}, "
        f"up to {money(big['lower_high_usd'])}, and the {report.md_escape(big['upper_role'])}, "
        f"from {money(big['upper_low_usd'])}."
    )
    if len(pairs) > 1:
        small = pairs.iloc[-1]
        text += (
            f" The smallest, {money(small['overlap_usd'])}, is between the "
            f"{report.md_escape(small['lower_role'])} and the {report.md_escape(small['upper_role'])}."
        )
    return report.Markup(text)


def entry_median_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Where the lowest-midpoint range sits, in base-year dollars, against the representatives' median."""
    from analysis import report

    entry = lowest_range(salaries)
    adj = adjust(salaries).set_index("record_id").loc[entry["record_id"]]
    mid = (adj["low_adj_usd"] + adj["high_adj_usd"]) / 2
    csr = bench.set_index("soc_code").loc["43-4051"]
    gap = mid / csr["median_annual_usd"] - 1
    side = "above" if gap > 0 else "below"
    return report.Markup(
        f"In {int(adj['adj_year'])} dollars, the midpoint of the range with the lowest midpoint "
        f"({report.md_escape(entry['role'])}, {money(mid)}) is {abs(gap):.0%} {side} the May {int(csr['year'])} "
        f"median for customer service representatives ({money(csr['median_annual_usd'])})."
    )


def proxies_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Each official proxy's median against the sources' ranges for the rungs it stands in for (in
    base-year dollars), as MyST sentences: above the top, within, or below the bottom; a proxy
    whose rungs no source prices is said apart, not among the comparisons."""
    from analysis import report

    adjusted = annual(adjust(salaries))
    base = int(adjusted["adj_year"].iloc[0]) if len(adjusted) else inflation.BASE_YEAR
    compared, unpriced = [], []
    for _, proxy in bench.iterrows():
        levels, which = _BENCH_RUNGS[str(proxy["soc_code"])]
        if proxy["tier"] == "frontline":
            continue
        mine = adjusted[adjusted["tier_level"].isin(levels) & adjusted["high_adj_usd"].notna()]
        training = mine["role"].str.contains("Train")
        mine = mine[training] if which == "training" else mine[~training] if which == "not-training" else mine
        median = float(proxy["median_annual_usd"])
        occupation = f"{report.md_escape(proxy['occupation'])} ({proxy['soc_code']}"
        if mine.empty:
            rung = f"the {vocab.TIER_LABELS[str(proxy['tier'])].lower()} rung"
            what = {"training": f"a training role on {rung}", "not-training": f"a role other than training on {rung}"}
            unpriced.append((what.get(str(which), rung), f"{occupation}, median {money(median)})"))
            continue
        low, high = float(mine["low_adj_usd"].min()), float(mine["high_adj_usd"].max())
        roles = report.join([report.md_escape(r) for r in mine["role"]])
        where = "above the top of" if median > high else "below the bottom of" if median < low else "within"
        compared.append(
            f"that of {occupation}), {money(median)}, is {where} the range for the {roles} ({money(low)}–{money(high)})"
        )
    sentences = []
    if compared:
        compared[0] = compared[0].removeprefix("that of ")
        sentences.append(
            f"Against the sources' ranges for the rungs each stands in for, in {base} dollars, the median of "
            + "; ".join(compared)
            + "."
        )
    for rung, name in unpriced:
        sentences.append(f"No source prices {rung}, for which {name} stands, so it is compared with nothing.")
    return report.Markup(" ".join(sentences))


def second_hand_sources(salaries: pd.DataFrame) -> list[str]:
    """The sources that quote at least one pay figure from another publisher (a ``cited_from``)."""
    cited = salaries["cited_from"].astype("string").fillna("")
    return list(dict.fromkeys(salaries.loc[cited != "", "source_id"].astype(str)))


def second_hand_words(salaries: pd.DataFrame) -> str:
    """How many of the sources that give pay figures quote one from another publisher, as text:
    "1 of the 2 sources that give pay figures quotes a figure from another publisher"."""
    from analysis import report

    n, total = len(second_hand_sources(salaries)), int(salaries["source_id"].nunique())
    who = "both sources" if n == total == 2 else report.of(n, total, "source")
    verb = "quotes" if n == 1 or (n == 0 and total > 1) else "quote"
    return f"{who} that give pay figures {verb} a figure from another publisher"


#: The words for a count of each kind of figure (threshold: one figure some pay reaches or passes).
STATISTIC_WORDS: dict[str, tuple[str, str]] = {
    "range": ("range", "ranges"),
    "average": ("average", "averages"),
    "threshold": ("threshold", "thresholds"),
}


def _dating(rows: pd.DataFrame) -> str:
    """When a group of figures is dated, as a clause: "dated 2007", "undated", "dated 2007 and 2010"."""
    years = sorted({int(y) for y in rows["year"].dropna()})
    return f"dated {' and '.join(str(y) for y in years)}" if years else "undated"


def sources_claim(salaries: pd.DataFrame) -> str:
    """What each source that gives pay figures gives, one sentence a source, as MyST: counts by
    statistic, dated or not, and for each figure whether the source names another publisher for it
    (``cited_from``): a source that quotes one figure from another publisher is not said to quote
    its others."""
    from analysis import report

    sentences = []
    for source, rows in salaries.groupby("source_id", sort=False):
        cited = rows["cited_from"].astype("string").fillna("")
        said = []  # (what, the publisher it is quoted from or "", how many figures)
        for publisher in dict.fromkeys(cited):
            mine = rows[cited == publisher]
            kinds = report.join(
                [
                    report.plural(int(n), *STATISTIC_WORDS[str(k)])
                    for k, n in mine["statistic"].value_counts(sort=False).items()
                ]
            )
            said.append((kinds, report.md_escape(publisher) if publisher else "", len(mine)))
        lead = f"{report.cite(str(source), 't')} gives "
        undated, total = int(rows["year"].isna().sum()), len(rows)
        if len(said) == 1:
            kinds, publisher, n = said[0]
            them = "it" if n == 1 else "them"
            how = f"quotes {them} from {publisher}" if publisher else f"names no source for {them}"
            sentences.append(f"{lead}{kinds}, {_dating(rows)}, and {how}.")
            continue
        parts = [
            f"{kinds}, which it quotes from {publisher}" if publisher else f"{kinds}, for which it names no source"
            for kinds, publisher, _ in said
        ]
        if undated in (0, total):
            dating = f"{'both are' if total == 2 else f'all {total} are'} {_dating(rows)}"
        else:
            dating = (
                f"{total - undated} {'is' if total - undated == 1 else 'are'} {_dating(rows)} and {undated} undated"
            )
        sentences.append(f"{lead}{', '.join(parts[:-1])}, and {parts[-1]}; {dating}.")
    return report.Markup(" ".join(sentences))


def _label(row: pd.Series, width: int = 44, rung: str = "") -> str:
    year = f"{int(row['year'])}" if pd.notna(row["year"]) else "undated"
    return textwrap.fill(f"{rung + ': ' if rung else ''}{row['role']} ({year})", width)


# --- the chapter's charts: the values each draws, then the drawing --------------------------------

RANGE_COLUMNS = [
    "record_id",
    "source_id",
    "tier_level",
    "role",
    "year",
    "statistic",
    "period",
    "low_usd",
    "high_usd",
    "hedge",
    "flags",
]
#: The most rows a pay chart draws, and the most sources it gives a colour of their own: past that,
#: the chart keeps the sources with the most figures (its caption says so) and greys the rest.
MAX_ROWS = 30
MAX_COLOURS = 5


def top_sources(rows: pd.DataFrame, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """The rows of the sources with the most rows, taken whole while they fit in ``max_rows``
    (always at least one source), in the frame's order; every row when they all fit."""
    if len(rows) <= max_rows:
        return rows
    counts = rows["source_id"].value_counts(sort=False)
    ranked = sorted(counts.index, key=lambda s: (-int(counts[s]), str(s)))
    kept: list[str] = []
    total = 0
    for source in ranked:
        if kept and total + int(counts[source]) > max_rows:
            break
        kept.append(source)
        total += int(counts[source])
    return rows[rows["source_id"].isin(kept)]


def _of_sources(data: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The drawn rows, with how many sources give such figures at all (for the caption)."""
    return data.assign(sources_giving=int(rows["source_id"].nunique()))


def _selection_words(data: pd.DataFrame) -> str:
    shown = data["source_id"].nunique()
    total = int(data["sources_giving"].max()) if len(data) else 0
    return "" if shown >= total else f" Shown: the {shown} sources with the most figures, of the {total} that give any."


def ranges_data(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every annual pay figure, up the ladder: what :func:`range_chart` draws (at most
    :data:`MAX_ROWS`, from the sources with the most figures)."""
    rows = annual(salaries)
    return _of_sources(top_sources(rows)[RANGE_COLUMNS], rows)


def range_chart(data: pd.DataFrame) -> Figure:
    """Every annual pay figure as a bar (range), dot (average) or arrow (threshold), by rung."""
    from analysis import report

    order = sources_in(data)
    colour = {**{s: charts.GREY for s in order}, **charts.colours(order[:MAX_COLOURS])}
    # Narrow enough to stay legible on a phone: labels wrapped short, the legend above the plot.
    fig, ax = plt.subplots(figsize=(8, 0.75 * len(data) + 1.4))
    for y, (_, row) in enumerate(data.iterrows()):
        c = colour[row["source_id"]]
        if row["statistic"] == "range":
            ax.plot([row["low_usd"], row["high_usd"]], [y, y], color=c, linewidth=9, solid_capstyle="butt")
        elif row["statistic"] == "average":
            ax.plot(row["low_usd"], y, "o", color=c, markersize=11)
        else:
            ax.annotate(
                "",
                xy=(row["low_usd"] + FLOOR_ARROW_USD, y),
                xytext=(row["low_usd"], y),
                arrowprops={"arrowstyle": "-|>", "color": c, "linewidth": 2.5},
            )
            ax.plot(row["low_usd"], y, "|", color=c, markersize=14, markeredgewidth=3)
    ax.set_yticks(range(len(data)), [_label(r, 28, TIER_LABELS[int(r["tier_level"])]) for _, r in data.iterrows()])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars as written (not adjusted for inflation)")
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], color=colour[s], linewidth=6, label=report.short_ref(s)) for s in order]
    shapes = {
        "range": Line2D([], [], color=charts.GREY, linewidth=6, label="range"),
        "average": Line2D([], [], color=charts.GREY, marker="o", linestyle="", markersize=9, label="average"),
        "threshold": Line2D(
            [],
            [],
            color=charts.GREY,
            marker=r"$\rightarrow$",
            linestyle="",
            markersize=14,
            label="threshold (\u201cupwards of\u201d)",
        ),
    }
    handles += [shapes[s] for s in shapes if s in set(data["statistic"])]
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
    from analysis import report

    hedged = [report.hedges(h) for h in data["hedge"] if report.hedges(h)]
    words = list(dict.fromkeys(w for h in hedged for w in h.split(", ")))
    inferred = sum(period_inferred(r) for _, r in data.iterrows())

    def of(n: int) -> str:
        return "both figures" if n == len(data) == 2 else report.of(n, len(data), "figure")

    sentences = []
    if hedged:
        sentences.append(f"{of(len(hedged))} are hedged in their source ({report.join(words)}).")
    if inferred:
        sentences.append(
            f"For {of(inferred)} their source states no pay period; they are read as yearly from their size."
        )
    return "".join(f" {t[0].upper()}{t[1:]}" for t in sentences)


def _ranges_caption(data: pd.DataFrame) -> str:
    return (
        "Pay by role, ordered up the career ladder, as each source writes it "
        f"(nominal dollars a year; {_statistics_words(data)}).{_wording_words(data)}{_selection_words(data)}"
    )


def _ranges_alt(data: pd.DataFrame) -> str:
    from analysis import report

    low = data.loc[data["low_usd"].idxmin()]
    high_col = data["high_usd"].fillna(data["low_usd"])
    high = data.loc[high_col.idxmax()]
    undated = data[data["year"].isna()]
    text = (
        f"Horizontal chart of yearly pay in nominal dollars, one row per pay figure ({len(data)} rows from "
        f"{data['source_id'].nunique()} sources), lowest rung at the top. The lowest figure is "
        f"{money(low['low_usd'])} ({low['role']}, {report.short_ref(low['source_id'])}); the highest is "
        f"{money(high_col[high.name])} ({high['role']}, {report.short_ref(high['source_id'])})."
    )
    if len(undated):
        text += (
            f" {len(undated)} of the figures name no year: "
            + "; ".join(f"{figure_text(r)} for {r['role']}" for _, r in undated.iterrows())
            + "."
        )
    return text + _wording_words(data)


ADJUSTED_COLUMNS = [*RANGE_COLUMNS, "low_adj_usd", "high_adj_usd", "adj_year"]


def adjusted_data(salaries: pd.DataFrame) -> pd.DataFrame:
    """The dated annual ranges as written and in base-year dollars: what :func:`adjusted_chart` draws
    (at most :data:`MAX_ROWS`, from the sources with the most such ranges)."""
    rows = ranges(adjust(salaries))
    rows = rows[rows["low_adj_usd"].notna()].reset_index(drop=True)
    return _of_sources(top_sources(rows)[ADJUSTED_COLUMNS], rows)


def adjusted_chart(data: pd.DataFrame) -> Figure:
    """Dated ranges as written and in base-year dollars, one pair of bars per role."""
    base = int(data["adj_year"].iloc[0])
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    fig, ax = plt.subplots(figsize=(9, 0.75 * len(data) + 1.4))
    for y, (_, row) in enumerate(data.iterrows()):
        ax.plot(
            [row["low_usd"], row["high_usd"]],
            [y - 0.17, y - 0.17],
            color=charts.GREY,
            linewidth=8,
            solid_capstyle="butt",
        )
        ax.plot(
            [row["low_adj_usd"], row["high_adj_usd"]],
            [y + 0.17, y + 0.17],
            color=charts.OKABE_ITO[0],
            linewidth=8,
            solid_capstyle="butt",
        )
    ax.set_yticks(range(len(data)), [_label(r) for _, r in data.iterrows()])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    ax.legend(
        handles=[
            Line2D([], [], color=charts.GREY, linewidth=6, label=f"as written ({years} dollars)"),
            Line2D([], [], color=charts.OKABE_ITO[0], linewidth=6, label=f"in {base} dollars (CPI-U)"),
        ],
        loc="upper right",
    )
    return fig


def _adjusted_caption(data: pd.DataFrame) -> str:
    years = ", ".join(str(int(y)) for y in sorted(set(data["year"])))
    base = int(data["adj_year"].iloc[0])
    return (
        f"The {years} pay ranges as written and in {base} dollars (CPI-U): the same purchasing power "
        f"in {base} prices, not what the roles pay in {base}.{_wording_words(data)}{_selection_words(data)}"
    )


def _adjusted_alt(data: pd.DataFrame) -> str:
    year = int(data["year"].iloc[0])
    base = int(data["adj_year"].iloc[0])
    top = data.loc[data["high_adj_usd"].idxmax()]
    return (
        f"Paired horizontal bars, one pair per role ({len(data)} roles dated {year}): a light bar for the "
        f"range in {year} dollars and a dark bar for the same range in {base} dollars, every one scaled by "
        f"the same factor, {inflation.factor(year, base):.3f}. Adjusted, the highest range, {top['role']}, "
        f"runs from {money(top['low_adj_usd'])} to {money(top['high_adj_usd'])}."
    )


def benchmark_table(oews: pd.DataFrame) -> pd.DataFrame:
    """Latest-year OEWS distribution for each official proxy occupation."""
    rows = []
    for soc, (tier, title) in external.PROXIES.items():
        row = external.oews_latest(oews, soc)
        rows.append(
            {
                "soc_code": soc,
                "occupation": title,
                "tier": tier,
                "year": int(row["year"]),
                **{
                    c: row[c]
                    for c in (
                        "p10_annual_usd",
                        "p25_annual_usd",
                        "median_annual_usd",
                        "p75_annual_usd",
                        "p90_annual_usd",
                    )
                },
            }
        )
    return pd.DataFrame(rows)


#: Which of the sources' rungs sit under each official proxy occupation in the benchmark chart.
_BENCH_RUNGS: dict[str, tuple[list[int], str | None]] = {
    "43-4051": ([1, 2], None),
    "43-1011": ([3], None),
    "11-3012": ([5, 6], "not-training"),
    "11-3131": ([5, 6], "training"),
}
PERCENTILES = ("p10_annual_usd", "p25_annual_usd", "median_annual_usd", "p75_annual_usd", "p90_annual_usd")


def benchmark_data(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """One row per band drawn (an official occupation's percentiles, ``source_id`` ``bls-oews``) and,
    under each, one row per source figure for the matching rungs (dated ranges in base-year dollars,
    undated figures as written): what :func:`benchmark_chart` draws, top to bottom."""
    everything = annual(adjust(salaries))
    adjusted = top_sources(everything, MAX_ROWS - len(external.PROXIES))
    rows: list[dict[str, object]] = []
    for _, band in benchmark_table(oews).iterrows():
        rows.append(
            {
                "row": "official",
                "soc_code": band["soc_code"],
                "label": band["occupation"],
                "source_id": external.BIBKEYS["oews"],
                "year": int(band["year"]),
                **{c: float(band[c]) for c in PERCENTILES},
            }
        )
        levels, which = _BENCH_RUNGS[str(band["soc_code"])]
        mine = adjusted[adjusted["tier_level"].isin(levels)]
        training = mine["role"].str.contains("Train")
        if which == "training":
            mine = mine[training]
        elif which == "not-training":
            mine = mine[~training]
        for _, r in mine.iterrows():
            dated = pd.notna(r["low_adj_usd"])
            rows.append(
                {
                    "row": "source",
                    "soc_code": band["soc_code"],
                    "label": r["role"],
                    "record_id": r["record_id"],
                    "source_id": r["source_id"],
                    "year": int(r["year"]) if pd.notna(r["year"]) else None,
                    "statistic": r["statistic"],
                    "dollars": f"{int(r['adj_year'])} dollars" if dated else "as written",
                    "low_usd": float(r["low_adj_usd"] if dated else r["low_usd"]),
                    "high_usd": float(r["high_adj_usd"] if dated else r["high_usd"])
                    if pd.notna(r["high_usd"])
                    else None,
                    "hedge": r["hedge"],
                    "flags": r["flags"],
                }
            )
    columns = [
        "row",
        "soc_code",
        "label",
        "record_id",
        "source_id",
        "year",
        "statistic",
        "dollars",
        "low_usd",
        "high_usd",
        "hedge",
        "flags",
        *PERCENTILES,
    ]
    data = pd.DataFrame(rows).reindex(columns=columns)
    return data.assign(sources_giving=int(everything["source_id"].nunique()))


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
                color=charts.LIGHT,
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
        colour = charts.OKABE_ITO[0] if row["dollars"] != "as written" else charts.OKABE_ITO[5]
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
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    dollars = sorted(set(data.loc[data["row"] == "source", "dollars"]) - {"as written"})
    ax.set_xlabel(f"Annual pay, U.S. dollars (dated source figures in {', '.join(dollars)})")
    ax.grid(axis="y", visible=False)
    base = ", ".join(dollars)
    ax.legend(
        handles=[
            Line2D([], [], color=charts.LIGHT, linewidth=10, label="BLS 10th–90th percentile"),
            Line2D([], [], color="#A6A6A6", linewidth=10, label="BLS 25th–75th percentile"),
            Line2D([], [], color="#000000", linewidth=2.5, label="BLS median"),
            Line2D([], [], color=charts.OKABE_ITO[0], linewidth=6, label=f"source, dated, in {base}"),
            Line2D([], [], color=charts.OKABE_ITO[5], linewidth=6, label="source, undated, as written"),
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
    )


def _proxy_words(data: pd.DataFrame) -> str:
    """Which official occupations drawn are broader proxies (every one but the representatives')."""
    from analysis import report

    proxies = [
        f"{external.PROXIES[str(soc)][1]} ({soc})"
        for soc in dict.fromkeys(data.loc[data["row"] == "official", "soc_code"])
        if external.PROXIES[str(soc)][0] != "frontline"
    ]
    if not proxies:
        return ""
    return f"{report.join(proxies)} {'is a broader proxy' if len(proxies) == 1 else 'are broader proxies'}, not call-center jobs."


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


HEADLINE_PICKS: tuple[tuple[str, str], ...] = (("lowest", "43-4051"), ("highest", "11-3012"))


def headline_data(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """The ranges with the lowest and highest midpoints, as written and in base-year dollars, each with
    the latest official median of its nearest occupation: what :func:`headline_chart` draws."""
    adjusted = adjust(salaries)
    bench = benchmark_table(oews).set_index("soc_code")
    rows = []
    for which, soc in HEADLINE_PICKS:
        pick = lowest_range(adjusted) if which == "lowest" else highest_range(adjusted)
        full = adjusted.loc[adjusted["record_id"] == pick["record_id"]].iloc[0]
        rows.append(
            {
                "pick": f"{which} midpoint",
                **{c: full[c] for c in ADJUSTED_COLUMNS},
                "soc_code": soc,
                "occupation": bench.loc[soc, "occupation"],
                "bls_year": int(bench.loc[soc, "year"]),
                "bls_median_usd": float(bench.loc[soc, "median_annual_usd"]),
            }
        )
    return pd.DataFrame(rows)


def headline_chart(data: pd.DataFrame) -> Figure:
    """The entry and top ranges as written and in base-year dollars, each with the official
    median of its nearest occupation: the report's pay story in one chart."""
    base = int(data["adj_year"].iloc[0])
    fig, ax = plt.subplots(figsize=(9, 4.2))
    labels = []
    for y, (_, row) in enumerate(data.iterrows()):
        ax.plot(
            [row["low_usd"], row["high_usd"]], [y - 0.18] * 2, color=charts.GREY, linewidth=10, solid_capstyle="butt"
        )
        ax.plot(
            [row["low_adj_usd"], row["high_adj_usd"]],
            [y + 0.18] * 2,
            color=charts.OKABE_ITO[0],
            linewidth=10,
            solid_capstyle="butt",
        )
        ax.plot(row["bls_median_usd"], y, "D", color="#000000", markersize=10)
        labels.append(textwrap.fill(f"{TIER_LABELS[int(row['tier_level'])]}: {row['role']}", 28))
    ax.set_yticks(range(len(data)), labels)
    ax.set_ylim(len(data) - 0.4, -0.6)
    ax.xaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Annual pay, U.S. dollars")
    ax.grid(axis="y", visible=False)
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    ax.legend(
        handles=[
            Line2D([], [], color=charts.GREY, linewidth=7, label=f"range as written ({years} dollars)"),
            Line2D([], [], color=charts.OKABE_ITO[0], linewidth=7, label=f"same range in {base} dollars"),
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
        "call-center management"
        for _, r in data.iterrows()
        if external.PROXIES[str(r["soc_code"])][0] != "frontline"
    ]


def _headline_caption(data: pd.DataFrame) -> str:
    from analysis import report

    base = int(data["adj_year"].iloc[0])
    proxies = _headline_proxies(data)
    return (
        f"The pay ranges with the lowest and highest midpoints in the sources, as written and in {base} "
        f"dollars (CPI-U), each with the May {int(data['bls_year'].max())} official median wage of the "
        f"nearest occupation{'; ' + report.join(proxies) if proxies else ''}.{_wording_words(data)}"
    )


def _headline_alt(data: pd.DataFrame) -> str:
    base = int(data["adj_year"].iloc[0])
    parts = []
    for _, r in data.iterrows():
        parts.append(
            f"{r['role']}: {money(r['low_usd'])} to {money(r['high_usd'])} as written in {int(r['year'])}, "
            f"{money(r['low_adj_usd'])} to {money(r['high_adj_usd'])} in {base} dollars, "
            f"{_position(r['low_adj_usd'], r['high_adj_usd'], r['bls_median_usd'])} the BLS median of "
            f"{money(r['bls_median_usd'])} for {r['occupation']}"
            + (" (a broader proxy occupation)" if external.PROXIES[str(r["soc_code"])][0] != "frontline" else "")
        )
    return (
        "Two rows, each with a light bar for a pay range as written, a dark bar for the same range "
        "adjusted for inflation and a black diamond for the official median of the nearest occupation. "
        + "; ".join(parts)
        + "."
        + _wording_words(data)
    )


# --- the chapter's figures, built from the processed tables ---------------------------------


def _salaries() -> pd.DataFrame:
    from analysis import evidence

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
