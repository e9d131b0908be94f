"""Pay: the sources' pay figures, each in its own period, adjusted for inflation (the official
statistics they are set against are in :mod:`analysis.chapters.benchmark`).

A source may state pay by the year, the month or the hour. The pages give every figure as written
(:func:`figure_text`: "$14.71 an hour"). Comparisons between figures (lowest, highest, overlaps)
are made among the figures a source states by the year, and say so; the chart of every figure
draws hourly and monthly ones on the yearly scale at a stated basis (:data:`ANNUALISED_BY`), marked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.chapters import prose
from analysis.core import inflation, markup, vocab

TIER_LABELS: dict[int, str] = vocab.LEVEL_LABELS
#: How a figure of another period is put on the yearly scale of a chart: the factor, and the basis
#: said under the chart. A full-time year: 40 hours a week for 52 weeks.
HOURS_A_YEAR = 2080
ANNUALISED_BY: dict[str, tuple[int, str]] = {
    "hour": (HOURS_A_YEAR, "2,080 hours a year (40 hours a week, 52 weeks)"),
    "month": (12, "12 months a year"),
}


def annual(salaries: pd.DataFrame) -> pd.DataFrame:
    """The figures a source states by the year (or reads as yearly from their size), ordered up the
    ladder (tier, then low figure)."""
    rows = salaries[salaries["period"] == "year"].copy()
    rows["midpoint_usd"] = rows[["low_usd", "high_usd"]].mean(axis=1, skipna=True)
    return rows.sort_values(["tier_level", "low_usd", "source_id", "record_id"], ignore_index=True)


def other_periods(salaries: pd.DataFrame) -> pd.DataFrame:
    """The figures a source states by the hour or the month, up the ladder."""
    rows = salaries[salaries["period"] != "year"]
    return rows.sort_values(["tier_level", "period", "low_usd", "source_id", "record_id"], ignore_index=True)


def on_yearly_scale(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every figure with ``low_year_usd`` / ``high_year_usd`` on one yearly scale: a yearly figure as
    written, an hourly or monthly one multiplied by :data:`ANNUALISED_BY` (``annualised_by`` says
    by what; empty for a yearly figure)."""
    out = salaries.copy()
    factor = out["period"].map(lambda p: ANNUALISED_BY[p][0] if p in ANNUALISED_BY else 1).astype(float)
    out["low_year_usd"] = out["low_usd"].astype(float) * factor
    out["high_year_usd"] = out["high_usd"].astype(float) * factor
    out["annualised_by"] = out["period"].map(lambda p: ANNUALISED_BY[p][1] if p in ANNUALISED_BY else "")
    return out


def same_record(frame: pd.DataFrame, row: pd.Series) -> pd.Series:
    """The row of ``frame`` that is the record ``row`` is (record ids are unique only within a source)."""
    found = frame[(frame["source_id"] == row["source_id"]) & (frame["record_id"] == row["record_id"])]
    if len(found) != 1:
        raise LookupError(f"{row['source_id']}: {len(found)} rows for record {row['record_id']!r}")
    return found.iloc[0]


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


def _pick(rows: pd.DataFrame, column: str, lowest: bool, what: str) -> pd.Series:
    if rows.empty:
        raise LookupError(f"no source states {what}")
    return rows.loc[rows[column].idxmin() if lowest else rows[column].idxmax()]


def lowest_range(salaries: pd.DataFrame) -> pd.Series:
    """The annual range with the lowest midpoint."""
    return _pick(ranges(salaries), "midpoint_usd", True, "a yearly pay range")


def highest_range(salaries: pd.DataFrame) -> pd.Series:
    """The annual range with the highest midpoint: the top rung the sources price."""
    return _pick(ranges(salaries), "midpoint_usd", False, "a yearly pay range")


def lowest_figure(salaries: pd.DataFrame) -> pd.Series:
    """The annual figure with the lowest low end (a range's low figure, an average or a floor)."""
    return _pick(annual(salaries), "low_usd", True, "a yearly pay figure")


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
                            "lower_hedge": lower.get("hedge"),
                            "upper_hedge": upper.get("hedge"),
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
        "lower_hedge",
        "upper_hedge",
    ]
    frame = pd.DataFrame(pairs, columns=columns)
    return frame.sort_values(["overlap_usd", "lower_role"], ascending=[False, True], ignore_index=True)


def money(value: float, cents: bool = False) -> str:
    """Dollars as a reader writes them: $25,702 (with ``cents``, $14.71 stays $14.71)."""

    return prose.money(value, cents)


def flags(row: pd.Series) -> list[str]:
    """A record's flags (the table writes them semicolon-separated)."""
    value = row.get("flags")
    return [f for f in value.split(";") if f] if isinstance(value, str) else []


def period_inferred(row: pd.Series) -> bool:
    """Whether the source states no pay period for the figure (it is read from the figure's size)."""
    return "period-inferred" in flags(row)


def figure_text(row: pd.Series) -> str:
    """A pay figure as the source writes it, in its own period and with its own cents:
    "$25,702–$33,661", "$32,000 a year", "$14.71–$22.60 an hour", "$50,000 or more a year". The
    period is written only where the source states one (see :func:`marks`)."""
    high = row["high_usd"] if row["statistic"] == "range" else None
    period = None if period_inferred(row) else str(row["period"])
    return prose.amount(float(row["low_usd"]), high, period, str(row["statistic"]))


#: How the Marks column words each flag of a salary record.
_MARK_WORDS = {
    "range-phrased-as-average": "written as an average of two figures",
    "missing-dollar-sign": "second figure has no dollar sign",
    "undated": "undated",
    "approximate": "approximate",
    "typo-in-source": "typo in the source",
    "currency-from-context": "no currency written; dollars by the text's context",
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
            parts.append(f"no period stated, read as {vocab.PERIOD_WORDS[str(row['period'])]}")
        elif flag == "second-hand":
            parts.append(f"quoted from {row['cited_from']}")
        else:
            parts.append(_MARK_WORDS.get(flag, flag.replace("-", " ")))
    return "; ".join(parts)


def figures_table(salaries: pd.DataFrame, read_as: dict[tuple[str, str], str] | None = None) -> pd.DataFrame:
    """Every pay figure with its rung, source, year, the marks on its wording (hedges, a period read
    from the figure's size, flags), what the report reads into it (``read_as``, by source and record
    id: :func:`analysis.chapters.assumptions.readings`; no column without it) and its sentence."""

    rows = on_yearly_scale(salaries).sort_values(
        ["tier_level", "low_year_usd", "source_id", "record_id"], ignore_index=True
    )
    read = (
        {"Read as": [read_as[(str(s), str(r))] for s, r in zip(rows["source_id"], rows["record_id"], strict=True)]}
        if read_as is not None
        else {}
    )
    return pd.DataFrame(
        {
            "Rung": [TIER_LABELS[int(t)] for t in rows["tier_level"]],
            "Role as written": rows["role"],
            "Pay": [figure_text(r) for _, r in rows.iterrows()],
            "Year": [str(int(y)) if pd.notna(y) else "undated" for y in rows["year"]],
            "Marks": [marks(r) for _, r in rows.iterrows()],
            **read,
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
            f"CPI-U, its year and {base}": [
                f"{inflation.cpi_u(int(y)):.3f} and {inflation.cpi_u(base):.3f}" for y in dated["year"]
            ],
            "source_id": dated["source_id"],
            "record_id": dated["record_id"],
        }
    )


def hedge_phrase(row: pd.Series) -> str:
    """A figure's hedge words as its source writes them, quoted: "hedged “generally”"; "" for a
    figure stated flatly."""
    words = prose.hedge_words(row.get("hedge"))
    return f"hedged {prose.join([markup.quoted(w) for w in words])}" if words else ""


def hedged(row: pd.Series) -> str:
    """:func:`hedge_phrase` to follow a figure in a sentence: " (hedged “generally”)"."""
    phrase = hedge_phrase(row)
    return f" ({phrase})" if phrase else ""


def _yearly_basis(salaries: pd.DataFrame) -> str:
    """ "Among the figures stated by the year, " when some are stated by the hour or the month (the
    comparisons are among yearly figures only), else nothing."""
    return "Among the figures stated by the year, " if len(other_periods(salaries)) else ""


def extremes_claim(salaries: pd.DataFrame) -> str:
    """Which yearly figure is lowest and which yearly range tops the ladder, each with its basis, as
    MyST (the comparison leaves out figures stated by the hour or the month, and says so)."""

    if annual(salaries).empty:
        return markup.Markup("No source states a pay figure by the year, so none is compared here.")
    low = lowest_figure(salaries)
    lead = _yearly_basis(salaries)
    text = (
        f"{lead}{'b' if lead else 'B'}y its lowest figure, the lowest pay the sources state is "
        f"{money(low['low_usd'], cents=True)}, the low end of "
        f"{'the range for ' if low['statistic'] == 'range' else ''}the {markup.md_escape(low['role'])}{hedged(low)} "
        f"{markup.cite(low['source_id'])}. "
    )
    if ranges(salaries).empty:
        return markup.Markup(text + "No source gives a yearly range.")
    entry, top = lowest_range(salaries), highest_range(salaries)
    role = {key: markup.md_escape(row["role"]) for key, row in (("entry", entry), ("top", top))}
    ratio = top["midpoint_usd"] / entry["midpoint_usd"]
    if (entry["source_id"], entry["record_id"]) == (low["source_id"], low["record_id"]):
        text += f"That range also has the lowest midpoint ({money(entry['midpoint_usd'])}); "
    else:
        text += (
            f"By midpoint, the lowest range is that of the {role['entry']}, {money(entry['low_usd'], True)}–"
            f"{money(entry['high_usd'], True)} ({hedge_phrase(entry) + '; ' if hedge_phrase(entry) else ''}"
            f"midpoint {money(entry['midpoint_usd'])}), and "
        )
    text += (
        f"the highest that of the {role['top']}, {money(top['low_usd'], True)}–{money(top['high_usd'], True)}"
        f"{hedged(top)}, whose midpoint is {ratio:.1f} times the lowest "
        f"{markup.cites([entry['source_id'], top['source_id']])}."
    )
    return markup.Markup(text)


def other_periods_claim(salaries: pd.DataFrame) -> str:
    """The figures stated by the hour or the month, each as written, and how the chart of every
    figure puts them on the yearly scale, as MyST ("" when every figure is yearly)."""

    rows = other_periods(salaries)
    if rows.empty:
        return markup.Markup("")
    listed = [
        f"{figure_text(r)} for the {markup.md_escape(r['role'])} {markup.cite(str(r['source_id']))}"
        for _, r in rows.iterrows()
    ]
    periods = [p for p in ANNUALISED_BY if p in set(rows["period"])]
    bases = [ANNUALISED_BY[p][1] for p in periods]
    counted = prose.plural(len(rows), "figure")
    verb = "is" if len(rows) == 1 else "are"
    by = prose.join([_BY[p] for p in periods], "or")
    return markup.Markup(
        f"{counted[0].upper()}{counted[1:]} {verb} stated {by}, not by the year: "
        f"{prose.join(listed)}. {'It is' if len(rows) == 1 else 'They are'} given here as written and left "
        "out of the comparisons between figures, since setting them beside yearly ones would take an assumed "
        f"number of hours; the chart of every figure draws {'it' if len(rows) == 1 else 'them'} on the yearly "
        f"scale at {prose.join(bases)}, marked as such."
    )


def _hedge_of(pair: pd.Series, side: str) -> str:
    """The hedge of one range of an overlapping pair (" (hedged “often”)"), where the pair has it."""
    return hedged(pd.Series({"hedge": pair.get(f"{side}_hedge")}))


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
        f"up to {money(big['lower_high_usd'])}{_hedge_of(big, 'lower')}, and the {markup.md_escape(big['upper_role'])}, "
        f"from {money(big['upper_low_usd'])}{_hedge_of(big, 'upper')}."
    )
    if len(pairs) > 1:
        small = pairs.iloc[-1]
        text += (
            f" The smallest, {money(small['overlap_usd'])}, is between the "
            f"{markup.md_escape(small['lower_role'])} and the {markup.md_escape(small['upper_role'])}."
        )
    return markup.Markup(text)


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


#: A pay period as a count of figures says it: "2 ranges by the hour".
_BY: dict[str, str] = {"year": "by the year", "month": "by the month", "hour": "by the hour"}


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
        by_period = set(rows["period"]) != {"year"}  # say the period only where a source mixes them
        for publisher in dict.fromkeys(cited):
            mine = rows[cited == publisher]
            kinds = prose.join(
                [
                    prose.plural(int(n), *STATISTIC_WORDS[str(k)]) + (f" {_BY[str(period)]}" if by_period else "")
                    for (k, period), n in mine.groupby(["statistic", "period"], sort=False).size().items()
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
    """Every pay figure on the yearly scale, up the ladder: what :func:`range_chart` draws (at most
    :data:`MAX_ROWS`, from the sources with the most figures). ``low_usd`` and ``high_usd`` are the
    values drawn: a yearly figure as written, an hourly or monthly one multiplied as
    ``annualised_by`` says; ``written`` is the figure as its source writes it."""
    rows = on_yearly_scale(salaries).sort_values(
        ["tier_level", "low_year_usd", "source_id", "record_id"], ignore_index=True
    )
    rows["written"] = [figure_text(r) for _, r in rows.iterrows()]
    rows["low_usd"], rows["high_usd"] = rows["low_year_usd"], rows["high_year_usd"]
    return _of_sources(top_sources(rows)[[*RANGE_COLUMNS, "written", "annualised_by"]], rows)


ADJUSTED_COLUMNS = [*RANGE_COLUMNS, "low_adj_usd", "high_adj_usd", "adj_year"]


def adjusted_data(salaries: pd.DataFrame) -> pd.DataFrame:
    """The dated annual ranges as written and in base-year dollars: what :func:`adjusted_chart` draws
    (at most :data:`MAX_ROWS`, from the sources with the most such ranges)."""
    rows = ranges(adjust(salaries))
    rows = rows[rows["low_adj_usd"].notna()].reset_index(drop=True)
    left_out = other_periods(salaries)
    data = _of_sources(top_sources(rows)[ADJUSTED_COLUMNS], rows)
    return data.assign(other_periods_left_out=int(left_out["year"].notna().sum()))


def giving_words(salaries: pd.DataFrame, n_sources: int) -> str:
    """How many of the articles give pay figures at all, as words: "Only 2 of the 12 articles give",
    "All 12 articles give", "None of the 12 articles gives"."""
    n = int(salaries["source_id"].nunique())
    if n == n_sources:
        return f"{prose.of(n, n_sources, 'article').capitalize()} give"
    if n == 0:
        return f"None of the {prose.plural(n_sources, 'article')} gives"
    return f"Only {prose.of(n, n_sources, 'article')} {'gives' if n == 1 else 'give'}"


def inflation_claim(salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR) -> str:
    """How the dated figures are put in ``base_year`` dollars: which year that is and why, whether its
    annual average rests on a full year of months, and each year's CPI-U factor, as MyST."""
    years = sorted({int(y) for y in salaries["year"].dropna()})
    if not years:
        return markup.Markup("No figure names a year, so none is adjusted for inflation.")
    factors = prose.join(
        [f"a {y} dollar bought what {inflation.factor(y, base_year):.3f} dollars buy in {base_year}" for y in years]
    )
    months = len(inflation.monthly(base_year))
    rests = (
        f" That average is the mean of {months} monthly values, not of a full year of 12."
        if months and months < 12
        else ""
    )
    return markup.Markup(
        f"Figures from {prose.join([str(y) for y in years])} are expressed in dollars of {base_year}, the latest "
        "year for which the pinned `cpi` package holds an annual average of the CPI-U (BLS series CUUR0000SA0: "
        f"U.S. city average, all items) {{cite:p}}`cpi-package`.{rests} In those terms {factors}. An adjusted "
        f"range is the same purchasing power at {base_year} prices, not what the role pays in {base_year}. "
        "Undated figures are left as written: giving them a year would be a guess."
    )


def adjusted_claim(salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR) -> str:
    """The yearly ranges with the lowest and the highest midpoint in ``base_year`` dollars (or as
    written, for one that names no year), as MyST."""
    if ranges(salaries).empty:
        return markup.Markup("")
    adjusted = adjust(salaries, base_year)
    said = []
    for which, row in (("lowest", lowest_range(salaries)), ("highest", highest_range(salaries))):
        adj = same_record(adjusted, row)
        role = markup.md_escape(row["role"])
        if pd.isna(adj["low_adj_usd"]):
            said.append(f"the range with the {which} midpoint, the {role}'s, names no year and stays as written")
        else:
            said.append(
                f"the range with the {which} midpoint, the {role}'s, becomes {money(adj['low_adj_usd'])} to "
                f"{money(adj['high_adj_usd'])}"
            )
    return markup.Markup(f"In {base_year} dollars {said[0]}, and {said[1]}.")
