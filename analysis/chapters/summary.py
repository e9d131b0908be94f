"""The report's key points as sentences, written from the tables: no number is typed by hand.

Each function takes the tables it needs (so a test can hand it a small frame whose answer is known)
and returns one sentence; :func:`key_points` loads the processed tables and the official statistics
and returns them all, in the order the executive summary gives them. Every comparison says its
basis ("lowest midpoint", "median"), and a source's figure is attributed to it, never stated as a
fact about call-center pay in general.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis.chapters import agreement, assumptions, challenges, official, pay, prose
from analysis.chapters.evidence_base import places
from analysis.core import evidence, external, inflation, markup, sources, vocab

#: The official occupation the entry rung is set against (BLS SOC code).
ENTRY_SOC = external.FRONT_LINE.soc_code


def _ref(source_id: str) -> str:

    return prose.short_ref(source_id)


def _caveat(source_id: str) -> str:

    return next((m.caveat for m in sources.read_manifest() if m.source_id == source_id), "")


def _range(low: float, high: float) -> str:
    return f"{pay.money(low)}–{pay.money(high)}"


def _wording(row: pd.Series) -> str:
    """What the source's sentence qualifies about a figure, and what the report reads into it: its
    hedge words, quoted, a period read from the figure's size, and U.S. dollars where its sentence
    (its ``quote``) names no country: ", hedged “generally”, read as annual (the source states no
    period) and as U.S. dollars (its sentence names no country)"."""

    hedge = [markup.quoted(w) for w in prose.hedge_words(row["hedge"])]
    reads = ["annual (the source states no period)"] if pay.period_inferred(row) else []
    if isinstance(row.get("quote"), str) and not places(row["quote"]):
        reads.append("U.S. dollars (its sentence names no country)")
    parts = [f"hedged {prose.join(hedge)}"] if hedge else []
    if reads:
        parts.append("read as " + " and as ".join(reads))
    if len(parts) == 2 and len(reads) == 2:
        return f", {parts[0]}, {parts[1]}"
    return f", {' and '.join(parts)}" if parts else ""


def entry_pay(salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR, ref: Callable[[str], str] = _ref) -> str:
    """The annual range with the lowest midpoint, as written (with the source's hedge, and whether its
    period is stated) and in ``base_year`` dollars ("" when no source gives a yearly range)."""
    if pay.ranges(salaries).empty:
        return ""
    entry = pay.lowest_range(salaries)
    adj = pay.same_record(pay.adjust(salaries, base_year), entry)
    text = (
        f"Entry pay: the {'' if pay.period_inferred(entry) else 'annual '}range with the lowest midpoint in the "
        f"sources is {_range(entry['low_usd'], entry['high_usd'])} for a {entry['role']}, in "
        f"{ref(entry['source_id'])}{_wording(entry)}"
    )
    if pd.notna(entry["year"]):
        text += (
            f"; the same purchasing power in {base_year} dollars is "
            f"{_range(adj['low_adj_usd'], adj['high_adj_usd'])} ({assumptions.cpi_note([int(entry['year'])], base_year)})"
        )
    return text + "."


def official_median(oews: pd.DataFrame, soc_code: str = ENTRY_SOC) -> str:
    """The latest official median wage of the entry rung's occupation, by the year and by the hour,
    against that of all occupations (where the files hold it)."""
    row = external.oews_latest(oews, soc_code)
    text = (
        f"Official benchmark: the median annual wage of {str(row['occupation']).lower()} ({soc_code}) was "
        f"{pay.money(float(row['median_annual_usd']))} in May {int(row['year'])}, "
        f"{pay.money(float(row['median_hourly_usd']), cents=True)} an hour"
    )
    every = official.against_all(oews, soc_code)
    if len(every) and int(every.iloc[-1]["year"]) == int(row["year"]):
        last = every.iloc[-1]
        gap = float(last["share_of_all"]) - 1
        text += (
            f", {abs(gap):.0%} {'below' if gap < 0 else 'above'} the median for all occupations, "
            f"{pay.money(float(last['all_median_annual_usd']))}"
        )
    return text + " (BLS OEWS)."


def top_pay(salaries: pd.DataFrame, ref: Callable[[str], str] = _ref) -> str:
    """The annual range with the highest midpoint, its midpoint as a multiple of the entry one, and
    the rung it is on: the top of the ladder only if it is the ladder's top rung ("" when no source
    gives a yearly range)."""
    if pay.ranges(salaries).empty:
        return ""
    entry, top = pay.lowest_range(salaries), pay.highest_range(salaries)
    ratio = float(top["midpoint_usd"] / entry["midpoint_usd"])
    level, highest = int(top["tier_level"]), int(pay.annual(salaries)["tier_level"].max())
    rungs = len(vocab.LADDER)
    lead = "Top of the ladder" if level == rungs else "Top priced rung" if level == highest else "Highest range"
    text = (
        f"{lead}: the range with the highest midpoint, {_range(top['low_usd'], top['high_usd'])} for a "
        f"{top['role']}, in {ref(top['source_id'])}{_wording(top)}, has a midpoint {ratio:.1f} times that of the "
        "entry range"
    )
    if level < rungs:
        text += f"; it is on the {vocab.LEVEL_LABELS[level].lower()} rung, {level} of the ladder's {rungs}"
        if level == highest:
            text += ", and no source prices a higher one"
    return text + "."


def undated_average(
    salaries: pd.DataFrame,
    oews: pd.DataFrame,
    ref: Callable[[str], str] = _ref,
    caveat: Callable[[str], str] = _caveat,
) -> str:
    """Every undated yearly average, each placed in the latest official wage distribution of its
    rung's nearest occupation, with what its source says of its own reliability (its ``caveat`` in
    the manifest), quoted; "" when no source gives one."""
    averages = agreement.undated_averages(salaries)
    if averages.empty:
        return ""
    placed = []
    for _, avg in averages.iterrows():
        value = float(avg["low_usd"])
        via = f", citing {avg['cited_from']}," if pd.notna(avg["cited_from"]) and str(avg["cited_from"]) else ""
        said = f"the {pay.money(value, True)} average that {ref(avg['source_id'])}{via} quotes"
        proxy = external.proxy_for(str(avg["tier"]), avg.get("family"))
        if proxy is None:
            placed.append((said, "is set against no official occupation, none standing for its rung"))
            continue
        last = agreement.against_distribution(value, oews, proxy.soc_code).iloc[-1]
        placed.append(
            (
                said,
                f"against the May {int(last['year'])} figures for {proxy.occupation.lower()} it falls {last['position']}",
            )
        )
    if len(placed) == 1:
        text = f"Beware the undated average: {placed[0][0]} has no year; {placed[0][1]}."
    else:
        text = "Beware the undated averages, which have no year: " + "; ".join(f"{a}: {b}" for a, b in placed) + "."
    sources_ = list(dict.fromkeys(str(s) for s in averages["source_id"]))
    for source in sources_:
        said = caveat(source)
        if said:
            text += f" {'The article' if len(sources_) == 1 else ref(source)} says of itself: {markup.quoted(said)}"
    return text


def turnover(challenges_table: pd.DataFrame, n_sources: int) -> str:
    """How many articles claim high turnover, and that they give no rate."""
    n = challenges.turnover_claims(challenges_table)["source_id"].nunique()
    articles = "article calls" if n == 1 else "articles call"
    return (
        f"Turnover: {n} of the {n_sources} {articles} turnover high and give no rate; published rates "
        "measure different things and are set beside them in the report."
    )


def evidence_base(n_sources: int, n_records: int) -> str:
    """What the report rests on: how many articles and quoted records."""
    return (
        f"The evidence: {n_sources} public career articles, read closely into {n_records} records, each "
        "with a verbatim quote; the report counts how many articles mention something, never how common it is."
    )


def key_points(ref: Callable[[str], str] = _ref) -> list[str]:
    """The executive summary's sentences, from the processed tables and the official statistics;
    ``ref`` writes the reference to a source (a short reference by default)."""

    salaries = evidence.load_table("salaries")
    oews = external.load_oews()
    n_sources = len(sources.source_ids())
    n_records = sum(len(evidence.load_table(name)) for name in evidence.TABLES.values())
    points = [
        entry_pay(salaries, ref=ref),
        official_median(oews),
        top_pay(salaries, ref=ref),
        undated_average(salaries, oews, ref=ref),
        turnover(evidence.load_table("challenges"), n_sources),
        evidence_base(n_sources, n_records),
    ]
    return [point for point in points if point]


#: Marks a source reference inside a key point, so that the page can make it a citation.
_REF = "\x00"


def _marked(source_id: str) -> str:
    return f"{_REF}{source_id}{_REF}"


def _myst(text: str) -> str:
    """A key point's text as MyST: escaped, each marked source reference a citation."""

    pieces = text.split(_REF)
    return "".join(markup.cite(p, "t") if i % 2 else markup.md_escape(p) for i, p in enumerate(pieces))


def points_markdown() -> str:
    """The key points as a MyST bullet list, each point's text escaped, its lead in bold, and each
    source it names a citation (so that a quotation in it is checked against that source)."""

    lines = []
    for point in key_points(ref=_marked):
        lead, _, rest = point.partition(": ")
        lines.append(f"- **{_myst(lead)}.** {_myst(rest[0].upper() + rest[1:])}" if rest else f"- {_myst(point)}")
    return markup.Markup("\n".join(lines))
