"""Pay: the sources' salary figures, adjusted for inflation and set against official statistics."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.chapters import prose
from analysis.core import external, inflation, markup, vocab

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

    return prose.money(value)


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

    parts = []
    hedge = prose.hedges(row["hedge"])
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


def figures_table(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every pay figure with its rung, source, year, the marks on its wording (hedges, a period read
    from the figure's size, flags) and its sentence."""

    rows = salaries.sort_values(["tier_level", "low_usd", "record_id"], ignore_index=True)
    return pd.DataFrame(
        {
            "Rung": [TIER_LABELS[int(t)] for t in rows["tier_level"]],
            "Role as written": rows["role"],
            "Pay": [figure_text(r) for _, r in rows.iterrows()],
            "Year": [str(int(y)) if pd.notna(y) else "undated" for y in rows["year"]],
            "Marks": [marks(r) for _, r in rows.iterrows()],
            "In its own words": rows["quote"].map(markup.quoted),
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


def extremes_claim(salaries: pd.DataFrame) -> str:
    """Which figure is lowest and which range tops the ladder, each with its basis, as MyST."""

    low, entry, top = lowest_figure(salaries), lowest_range(salaries), highest_range(salaries)
    role = {key: markup.md_escape(row["role"]) for key, row in (("low", low), ("entry", entry), ("top", top))}
    text = (
        f"By its lowest figure, the lowest pay the sources state is {money(low['low_usd'])}, the low end of "
        f"{'the range for ' if low['statistic'] == 'range' else ''}the {role['low']} "
        f"{markup.cite(low['source_id'])}. "
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
        f"midpoint is {ratio:.1f} times the lowest {markup.cites([entry['source_id'], top['source_id']])}."
    )
    return markup.Markup(text)


def overlaps_claim(pairs: pd.DataFrame) -> str:
    """How many pairs of rungs overlap, and the largest overlap, as MyST."""

    if pairs.empty:
        return markup.Markup("No range of a higher rung starts below the top of a lower rung's range.")
    big = pairs.iloc[0]
    sources_ = list(dict.fromkeys(pairs["source_id"]))
    text = (
        f"Ranges of different rungs overlap: in {prose.plural(len(pairs), 'pair')} of ranges from "
        f"{markup.cites(sources_)}, the higher rung's range starts below the top of the lower rung's. "
        f"The largest overlap, {money(big['overlap_usd'])}, is between the {markup.md_escape(big['lower_role'])}, "
        f"up to {money(big['lower_high_usd'])}, and the {markup.md_escape(big['upper_role'])}, "
        f"from {money(big['upper_low_usd'])}."
    )
    if len(pairs) > 1:
        small = pairs.iloc[-1]
        text += (
            f" The smallest, {money(small['overlap_usd'])}, is between the "
            f"{markup.md_escape(small['lower_role'])} and the {markup.md_escape(small['upper_role'])}."
        )
    return markup.Markup(text)


def entry_median_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Where the lowest-midpoint range sits, in base-year dollars, against the representatives' median."""

    entry = lowest_range(salaries)
    adj = adjust(salaries).set_index("record_id").loc[entry["record_id"]]
    mid = (adj["low_adj_usd"] + adj["high_adj_usd"]) / 2
    csr = bench.set_index("soc_code").loc["43-4051"]
    gap = mid / csr["median_annual_usd"] - 1
    side = "above" if gap > 0 else "below"
    return markup.Markup(
        f"In {int(adj['adj_year'])} dollars, the midpoint of the range with the lowest midpoint "
        f"({markup.md_escape(entry['role'])}, {money(mid)}) is {abs(gap):.0%} {side} the May {int(csr['year'])} "
        f"median for customer service representatives ({money(csr['median_annual_usd'])})."
    )


def proxies_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Each official proxy's median against the sources' ranges for the rungs it stands in for (in
    base-year dollars), as MyST sentences: above the top, within, or below the bottom; a proxy
    whose rungs no source prices is said apart, not among the comparisons."""

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
        occupation = f"{markup.md_escape(proxy['occupation'])} ({proxy['soc_code']}"
        if mine.empty:
            rung = f"the {vocab.TIER_LABELS[str(proxy['tier'])].lower()} rung"
            what = {"training": f"a training role on {rung}", "not-training": f"a role other than training on {rung}"}
            unpriced.append((what.get(str(which), rung), f"{occupation}, median {money(median)})"))
            continue
        low, high = float(mine["low_adj_usd"].min()), float(mine["high_adj_usd"].max())
        roles = prose.join([markup.md_escape(r) for r in mine["role"]])
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
    return markup.Markup(" ".join(sentences))


def second_hand_sources(salaries: pd.DataFrame) -> list[str]:
    """The sources that quote at least one pay figure from another publisher (a ``cited_from``)."""
    cited = salaries["cited_from"].astype("string").fillna("")
    return list(dict.fromkeys(salaries.loc[cited != "", "source_id"].astype(str)))


def second_hand_words(salaries: pd.DataFrame) -> str:
    """How many of the sources that give pay figures quote one from another publisher, as text:
    "1 of the 2 sources that give pay figures quotes a figure from another publisher"."""

    n, total = len(second_hand_sources(salaries)), int(salaries["source_id"].nunique())
    who = "both sources" if n == total == 2 else prose.of(n, total, "source")
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

    sentences = []
    for source, rows in salaries.groupby("source_id", sort=False):
        cited = rows["cited_from"].astype("string").fillna("")
        said = []  # (what, the publisher it is quoted from or "", how many figures)
        for publisher in dict.fromkeys(cited):
            mine = rows[cited == publisher]
            kinds = prose.join(
                [
                    prose.plural(int(n), *STATISTIC_WORDS[str(k)])
                    for k, n in mine["statistic"].value_counts(sort=False).items()
                ]
            )
            said.append((kinds, markup.md_escape(publisher) if publisher else "", len(mine)))
        lead = f"{markup.cite(str(source), 't')} gives "
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
    return markup.Markup(" ".join(sentences))


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


def selection_words(data: pd.DataFrame) -> str:
    shown = data["source_id"].nunique()
    total = int(data["sources_giving"].max()) if len(data) else 0
    return "" if shown >= total else f" Shown: the {shown} sources with the most figures, of the {total} that give any."


def ranges_data(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every annual pay figure, up the ladder: what :func:`range_chart` draws (at most
    :data:`MAX_ROWS`, from the sources with the most figures)."""
    rows = annual(salaries)
    return _of_sources(top_sources(rows)[RANGE_COLUMNS], rows)


ADJUSTED_COLUMNS = [*RANGE_COLUMNS, "low_adj_usd", "high_adj_usd", "adj_year"]


def adjusted_data(salaries: pd.DataFrame) -> pd.DataFrame:
    """The dated annual ranges as written and in base-year dollars: what :func:`adjusted_chart` draws
    (at most :data:`MAX_ROWS`, from the sources with the most such ranges)."""
    rows = ranges(adjust(salaries))
    rows = rows[rows["low_adj_usd"].notna()].reset_index(drop=True)
    return _of_sources(top_sources(rows)[ADJUSTED_COLUMNS], rows)


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
