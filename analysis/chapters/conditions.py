"""Working conditions and performance metrics: hours, shifts, equipment, and how agents are judged.

The functions take the processed ``conditions`` and ``metrics`` tables (see
:func:`analysis.core.evidence.load_table`) and return small frames or values for the chapter. The
source x aspect and source x category matrices come from :mod:`analysis.chapters.matrices`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis.chapters import challenges, matrices, prose
from analysis.core import evidence, markup, numbers, sources, vocab

ASPECT_LABELS: dict[str, str] = vocab.ASPECT_LABELS

HOURS_ASPECTS: tuple[str, ...] = ("opening-hours", "shift-length", "schedule", "overtime")
"""Aspects of the section on hours and shifts."""

WORK_ASPECTS: tuple[str, ...] = (
    "training-duration",
    "equipment",
    "remote-work",
    "part-time",
    "dress-code",
    "channels",
    "workplace",
)
"""Aspects of the section on training, equipment and where the work happens."""

METRIC_LABELS: dict[str, str] = vocab.METRIC_LABELS

ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|around the clock|round the clock|non-stop|24 hours", re.IGNORECASE)
"""Wording that says a center never closes."""

SCHEDULE_TERMS: dict[str, str] = {
    "nights": r"\bnights?\b",
    "weekends": r"\bweekends?\b",
    "holidays": r"\bholidays?\b",
}
"""Unsocial hours a source may name, with the pattern that finds each in a quote."""

EQUIPMENT_TERMS: dict[str, str] = {
    "computer": r"\bcomputer\b",
    "headset": r"\bheadset\b",
    "telephone set": r"\btelephone set\b",
    "switchboard": r"\bswitchboard\b",
    "high-speed internet": r"\bhigh-speed internet\b",
    "specific software or browser": r"\bsoftware\b|\bbrowser\b",
}
"""Equipment a source may name, with the pattern that finds each in a quote."""

CHANNEL_TERMS: dict[str, str] = {
    "phone": r"\bphones?\b|\bcalls?\b",
    "email": r"\be-?mails?\b",
    "online chat": r"\bchat(?:ting)?\b",
    "outbound calls": r"\boutbound\b",
    "customer self-service": r"\bself-service\b",
}
"""Contact channels a source may name, with the pattern that finds each in a quote."""

WEEKLY_HOURS = re.compile(
    r"\bhours?\s+(?:a|per|each|every)\s+week\b|\bhours?\s+weekly\b|\bweekly\s+hours\b|-hour\s+(?:work\s*)?week\b",
    re.IGNORECASE,
)
"""Wording that gives hours per week ("40 hours a week", "a 35-hour week")."""

MEASURE_WORDING = re.compile(r"performance (?:metrics?|indicators?)", re.IGNORECASE)
"""Wording that presents a list as named performance measures."""


def _ordered(frame: pd.DataFrame, column: str, order: list[str]) -> pd.Series:
    """Sort key: position of each value in ``order`` (unknown values last)."""
    rank = {value: i for i, value in enumerate(order)}
    return frame[column].map(lambda v: rank.get(v, len(order)))


def aspect_table(conditions: pd.DataFrame, aspects: tuple[str, ...], sources_order: list[str]) -> pd.DataFrame:
    """What each source says on the given aspects: label, source, summary and verbatim quote.

    Rows follow the order of ``aspects``, then the source order; records of one source keep
    their order in the table.
    """
    rows = matrices.wording(conditions[conditions["aspect"].isin(aspects)], by="aspect")
    rows = rows.assign(_a=_ordered(rows, "aspect", list(aspects)), _s=_ordered(rows, "source_id", sources_order))
    rows = rows.sort_values(["_a", "_s"], kind="stable", ignore_index=True)

    return pd.DataFrame(
        {
            "Aspect": rows["aspect"].map(ASPECT_LABELS).fillna(rows["aspect"]),
            "source_id": rows["source_id"],
            "What the source says": rows["value"],
            "Hedge": rows["hedge"].map(prose.hedges) if "hedge" in rows else "",
            "In its own words": rows["quote"].map(markup.quoted),
            "record_id": rows["record_id"],
        }
    )


def _clock_rows(conditions: pd.DataFrame) -> pd.DataFrame:
    """The opening-hours records that state 24 hours a day and 7 days a week, or say so in words."""
    rows = conditions[conditions["aspect"] == "opening-hours"]
    numeric = ((rows["hours_per_day"] == 24) & (rows["days_per_week"] == 7)).fillna(False).astype(bool)
    worded = rows["quote"].str.contains(ROUND_THE_CLOCK, regex=True).astype(bool)
    return rows[numeric | worded]


def round_the_clock(conditions: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """Sources that say call centers run around the clock, in source order.

    A source counts when an ``opening-hours`` record states 24 hours a day and 7 days a week, or
    its quote says so in words (24/7, around the clock, non-stop).
    """
    found = set(_clock_rows(conditions)["source_id"])
    return [s for s in sources_order if s in found]


def single_value(conditions: pd.DataFrame, column: str) -> float:
    """The one number the table states in ``column``; an error if it states none or several."""
    values = conditions[column].dropna().unique()
    if len(values) != 1:
        raise ValueError(f"expected exactly one distinct {column}, found {len(values)}")
    return float(values[0])


def stated_range(conditions: pd.DataFrame, aspect: str) -> tuple[float, float]:
    """Lowest ``low`` and highest ``high`` stated for an aspect (high falls back to low)."""
    rows = conditions[conditions["aspect"] == aspect]
    lows = rows["low"].dropna()
    highs = rows["high"].fillna(rows["low"]).dropna()
    if lows.empty:
        raise ValueError(f"no number is stated for {aspect!r}")
    return float(lows.min()), float(highs.max())


def numbers_stated(conditions: pd.DataFrame, aspect: str) -> int:
    """How many records of an aspect state any number (low, high, hours or days)."""
    rows = conditions[conditions["aspect"] == aspect]
    cols = ["low", "high", "hours_per_day", "days_per_week"]
    return int(rows[cols].notna().any(axis=1).sum())


def term_presence(table: pd.DataFrame, terms: Mapping[str, str], sources_order: list[str]) -> pd.DataFrame:
    """Which source's quotes name which term: a term (rows) x source (columns) table of booleans.

    ``terms`` maps each term to a case-insensitive regular expression searched in ``quote``.
    Rows keep the order of ``terms``; every source in ``sources_order`` is a column.
    """
    out = pd.DataFrame(False, index=pd.Index(list(terms), name="term"), columns=sources_order)
    for term, pattern in terms.items():
        hit = table["quote"].str.contains(pattern, flags=re.IGNORECASE, regex=True)
        for source in table.loc[hit.astype(bool), "source_id"]:
            if source in out.columns:
                out.loc[term, source] = True
    return out


def named_by(presence_table: pd.DataFrame) -> pd.DataFrame:
    """Per term: how many sources name it and which (a list of source ids, in column order)."""
    return pd.DataFrame(
        {
            "Item": presence_table.index,
            "Sources": presence_table.sum(axis=1).astype(int).to_numpy(),
            "Named by": [[s for s in presence_table.columns if presence_table.loc[t, s]] for t in presence_table.index],
        }
    )


def items_named(
    conditions: pd.DataFrame, groups: Mapping[str, Mapping[str, str]], sources_order: list[str]
) -> pd.DataFrame:
    """Items named under each aspect (say equipment or channels) and which sources name them.

    ``groups`` maps an aspect to its terms (see :func:`term_presence`); only that aspect's
    records are searched. Columns: Aspect (label), Item, Sources, Named by.
    """
    parts = []
    for aspect, terms in groups.items():
        found = term_presence(conditions[conditions["aspect"] == aspect], terms, sources_order)
        part = named_by(found)
        part.insert(0, "Aspect", ASPECT_LABELS.get(aspect, aspect))
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def sources_naming_all(presence_table: pd.DataFrame) -> list[str]:
    """Sources (columns) that name every term (row) of a presence table."""
    return [s for s in presence_table.columns if bool(presence_table[s].all())]


def single_source(counts: pd.DataFrame) -> pd.DataFrame:
    """Rows of a presence matrix that exactly one source speaks of, with that source."""
    named = counts > 0
    rows = named.sum(axis=1) == 1
    return pd.DataFrame(
        {
            "key": counts.index[rows],
            "source_id": [named.columns[named.loc[k].to_numpy()][0] for k in counts.index[rows]],
        }
    )


def coverage(counts: pd.DataFrame) -> pd.Series:
    """How many rows (aspects or categories) each source (column) speaks of."""
    return (counts > 0).sum(axis=0).astype(int)


def metric_table(metrics: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Each source's own words on performance: source, metric, category label and quote.

    Rows follow the source order, then the order of the categories in :data:`METRIC_LABELS`.
    """
    rows = matrices.wording(metrics, by="category")
    rows = rows.assign(
        _s=_ordered(rows, "source_id", sources_order), _c=_ordered(rows, "category", list(METRIC_LABELS))
    )
    rows = rows.sort_values(["_s", "_c"], kind="stable", ignore_index=True)

    return pd.DataFrame(
        {
            "source_id": rows["source_id"],
            "Metric (as the source puts it)": rows["metric"],
            "Category": rows["category"].map(METRIC_LABELS).fillna(rows["category"]),
            "In its own words": rows["quote"].map(markup.quoted),
            "record_id": rows["record_id"],
        }
    )


def explicit_measures(metrics: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """Sources that present their list as performance metrics or indicators, in source order."""
    hit = metrics["quote"].str.contains(MEASURE_WORDING, regex=True).astype(bool)
    found = set(metrics.loc[hit, "source_id"])
    return [s for s in sources_order if s in found]


def _sources_of(rows: pd.DataFrame, sources_order: list[str]) -> list[str]:
    present = set(rows["source_id"])
    return [s for s in sources_order if s in present]


def _hedges(rows: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(w for v in rows["hedge"].fillna("") for w in str(v).split(";") if w))


def aspect_claim(conditions: pd.DataFrame, aspect: str, sources_order: list[str]) -> str:
    """How many articles have records filed under an aspect, which, and the hedges they use, as MyST:
    "Records on overtime come from only 1 of the 12 articles {cite}, with the hedge *many*". The
    count is of records under the aspect: an article may touch on it elsewhere."""

    rows = conditions[conditions["aspect"] == aspect]
    who = _sources_of(rows, sources_order)
    label = ASPECT_LABELS[aspect].lower()
    if not who:
        return markup.Markup(f"No record is filed under {label}.")
    count = prose.of(len(who), len(sources_order), "article")
    text = f"Records on {label} come from {'only ' if len(who) == 1 else ''}{count} {markup.cites(who)}"
    hedges = _hedges(rows)
    flat = int((rows["hedge"].fillna("") == "").sum())
    if hedges:
        text += f", with the {'hedge' if len(hedges) == 1 else 'hedges'} {prose.join([f'*{h}*' for h in hedges])}"
        if flat:
            text += f" ({prose.plural(flat, 'record')} without one)"
    else:
        text += ", without a hedge"
    return markup.Markup(text + ".")


def clock_claim(conditions: pd.DataFrame, sources_order: list[str]) -> str:
    """Which articles say call centers run around the clock, each with its hedge (the source's
    *typically*, *numerous*) and the hours and days it states, as MyST."""

    clock = round_the_clock(conditions, sources_order)
    if not clock:
        return markup.Markup("No article says call centers run around the clock.")
    rows = _clock_rows(conditions)
    said, hedged = [], []
    for source in clock:
        own = rows[rows["source_id"] == source]
        hedges = _hedges(own)
        hedged.append(bool(hedges))
        how = f"*{prose.join(hedges, 'or')}*" if hedges else "without a hedge"
        stated = [
            f"{r['hours_per_day']:g} hours a day, {r['days_per_week']:g} days a week"
            for _, r in own.iterrows()
            if pd.notna(r["hours_per_day"])
        ]
        said.append(f"{markup.cite(source, 't')} ({'; '.join([how, *stated])})")
    return markup.Markup(
        f"{prose.of(len(clock), len(sources_order), 'article').capitalize()} "
        f"{'says' if len(clock) == 1 else 'say'} that call centers run around the clock"
        f"{', each with a hedge' if all(hedged) and len(clock) > 1 else ''}: {prose.join(said)}."
    )


def weekly_hours(conditions: pd.DataFrame) -> pd.DataFrame:
    """The condition records whose words give hours per week (:data:`WEEKLY_HOURS`)."""
    return conditions[conditions["quote"].str.contains(WEEKLY_HOURS, regex=True).astype(bool)]


def shift_claim(conditions: pd.DataFrame, sources_order: list[str]) -> str:
    """The shift lengths stated, with their hedge and who states them, and whether any record gives
    hours per week, as MyST."""

    rows = conditions[(conditions["aspect"] == "shift-length") & conditions["low"].notna()]
    who = _sources_of(rows, sources_order)
    weekly = weekly_hours(conditions)
    per_week = (
        " No record gives hours per week."
        if weekly.empty
        else f" Hours per week are in {prose.plural(len(weekly), 'record')} {markup.cites(_sources_of(weekly, sources_order))}."
    )
    if rows.empty:
        return markup.Markup("No article gives a shift length." + per_week)
    low, high = stated_range(conditions, "shift-length")
    hedges = _hedges(rows)
    how = f"*{prose.join(hedges)}* " if hedges else ""
    return markup.Markup(
        f"{'Only ' if len(who) == 1 else ''}{prose.of(len(who), len(sources_order), 'article')} "
        f"{'gives' if len(who) == 1 else 'give'} a shift length: {how}{low:g}–{high:g} hours "
        f"{markup.cites(who)}.{per_week}"
    )


def schedule_claim(conditions: pd.DataFrame, sources_order: list[str]) -> str:
    """Whether the articles that speak of round-the-clock opening are the ones that name nights,
    weekends and holidays, as MyST."""

    clock = round_the_clock(conditions, sources_order)
    unsocial = term_presence(conditions[conditions["aspect"] == "schedule"], SCHEDULE_TERMS, sources_order)
    all_three = sources_naming_all(unsocial)
    if not all_three:
        return markup.Markup("No article names nights, weekends and holidays together.")
    same = set(all_three) == set(clock)
    lead = (
        f"The same {prose.plural(len(clock), 'article')} that speak of round-the-clock opening"
        if same
        else f"{prose.of(len(all_three), len(sources_order), 'article').capitalize()}"
    )
    schedule = conditions[conditions["aspect"] == "schedule"]
    hedges = _hedges(schedule[schedule["source_id"].isin(all_three)])
    how = (
        f", with the {'hedge' if len(hedges) == 1 else 'hedges'} {prose.join([f'*{h}*' for h in hedges])}"
        if hedges
        else ""
    )
    return markup.Markup(
        f"{lead} name nights, weekends and holidays as hours staff may have to work {markup.cites(all_three)}{how}."
    )


def training_claim(conditions: pd.DataFrame, sources_order: list[str]) -> str:
    """How long training lasts by the sources' words, and whether any gives a number, as MyST."""

    rows = conditions[conditions["aspect"] == "training-duration"]
    who = _sources_of(rows, sources_order)
    if rows.empty:
        return markup.Markup("No article says how long training lasts.")
    numbers = numbers_stated(conditions, "training-duration")
    said = prose.join([markup.quoted(markup.md_escape(q)) for q in rows["quote"]])
    text = (
        f"{'Only ' if len(who) == 1 else ''}{prose.of(len(who), len(sources_order), 'article')} "
        f"{'says' if len(who) == 1 else 'say'} how long training lasts: {said} {markup.cites(who)}."
    )
    if numbers == 0:
        text += " None of its words is a number of days or weeks, so the report gives no figure for training length."
    return markup.Markup(text)


def lopsided_claim(conditions: pd.DataFrame, sources_order: list[str]) -> str:
    """Which source has records on the most aspects, its share of the records, the aspects that rest
    on it alone and the source with records on the fewest, as MyST; "mostly" only when that one source
    supplies more than half of the records."""

    counts = matrices.presence(conditions, sources_order, by="aspect")
    cover = coverage(counts)
    top = str(cover.idxmax())
    lone = single_source(counts)
    alone = [ASPECT_LABELS[k].lower() for k, s in zip(lone["key"], lone["source_id"], strict=True) if s == top]
    least = [s for s in sources_order if cover[s] == cover[cover > 0].min()]
    share = float((conditions["source_id"] == top).mean())

    text = (
        f"{markup.cite(top, 't')} has records on {prose.of(int(cover[top]), len(counts), 'aspect')} and supplies "
        f"{share:.0%} of the {len(conditions)} condition records; {prose.plural(len(alone), 'aspect')} "
        f"({prose.join(alone)}) {'rests' if len(alone) == 1 else 'rest'} on it alone. "
        f"{prose.join([markup.cite(s, 't') for s in least])} {'has' if len(least) == 1 else 'have'} records on the "
        f"fewest aspects ({int(cover[cover > 0].min())})."
    )
    if share > 0.5:
        text += (
            " What this chapter says about hours, shifts and equipment is therefore mostly what that one "
            f"article, {challenges.dated_words([top])}, says."
        )
    return markup.Markup(text)


def measures_claim(metrics: pd.DataFrame, sources_order: list[str]) -> str:
    """How many articles say how work is judged, and which present a list of measures, as MyST."""

    who = _sources_of(metrics, sources_order)
    explicit = explicit_measures(metrics, sources_order)
    return markup.Markup(
        f"{prose.of(len(who), len(sources_order), 'article').capitalize()} say something about how an agent's "
        f"work is judged, but only {prose.plural(len(explicit), 'article')} "
        f"{markup.cites(explicit)} {'presents' if len(explicit) == 1 else 'present'} a list of measures."
    )


def named_measures(metrics: pd.DataFrame) -> pd.DataFrame:
    """The metric records whose words present them as performance metrics or indicators
    (:data:`MEASURE_WORDING`): the measures an article names as such."""
    return metrics[metrics["quote"].str.contains(MEASURE_WORDING, regex=True).astype(bool)]


def measure_ranking_claim(metrics: pd.DataFrame, sources_order: list[str]) -> str:
    """The most-named measures, counted only over the records an article names as measures, as MyST."""

    named = named_measures(metrics)
    labels = {k: v[0].lower() + v[1:] for k, v in METRIC_LABELS.items()}
    text = matrices.ranking_claim(named, sources_order, "measure", labels=labels)
    return markup.Markup(f"Counting only the records an article names as measures: {text[0].lower()}{text[1:]}")


def unnamed_claim(metrics: pd.DataFrame, sources_order: list[str]) -> str:
    """The records on performance that no article names as measures, and whose they are, as MyST."""

    named = named_measures(metrics)
    other = metrics[~metrics.index.isin(named.index)]
    if other.empty:
        return markup.Markup("")
    who = _sources_of(other, sources_order)
    one = len(other) == 1
    return markup.Markup(
        f"The other {prose.plural(len(other), 'record')} on performance, from "
        f"{prose.join([markup.cite(s, 't') for s in who])}, {'is' if one else 'are'} not named as "
        f"{'a measure' if one else 'measures'}: none of {'its' if one else 'their'} words calls "
        f"{'it a performance metric or indicator' if one else 'them performance metrics or indicators'}."
    )


def target_claim(metrics: pd.DataFrame, sources_order: list[str]) -> str:
    """Whether any record on performance gives a target value (a digit in its words, or a figure the
    scanner finds there, such as "five minutes"), as MyST."""

    def numbered_words(quote: object) -> bool:
        return bool(re.search(r"\d", str(quote))) or bool(numbers.find_figures(str(quote)))

    numbered = metrics[metrics["quote"].map(numbered_words).astype(bool)]
    if numbered.empty:
        return markup.Markup(
            f"None of the {prose.plural(len(metrics), 'record')} on performance gives a target value: "
            "there is no number in their words, so no handle time in seconds or minutes, no satisfaction "
            "score, no sales quota."
        )
    return markup.Markup(
        f"{prose.plural(len(numbered), 'record').capitalize()} on performance "
        f"{'gives' if len(numbered) == 1 else 'give'} a number {markup.cites(_sources_of(numbered, sources_order))}."
    )


def numberless_claim(conditions: pd.DataFrame, aspects: tuple[str, ...], sources_order: list[str]) -> str:
    """Whether any record filed under these aspects states a number (in a numeric field or a figure
    the scanner finds in its words), as MyST."""

    rows = conditions[conditions["aspect"].isin(aspects)]
    labels = prose.join([ASPECT_LABELS[a].lower() for a in aspects], "or")
    cols = [c for c in ("low", "high", "hours_per_day", "days_per_week") if c in rows.columns]
    stated = rows[cols].notna().any(axis=1) | rows["quote"].map(lambda q: bool(numbers.find_figures(str(q))))
    numbered = rows[stated.astype(bool)]
    if rows.empty:
        return markup.Markup("")
    if numbered.empty:
        return markup.Markup(f"No record on {labels} gives a number.")
    return markup.Markup(
        f"{prose.plural(len(numbered), 'record').capitalize()} on {labels} "
        f"{'gives' if len(numbered) == 1 else 'give'} a number {markup.cites(_sources_of(numbered, sources_order))}."
    )


def matrix_data(table_name: str, by: str, labels: Mapping[str, str]) -> pd.DataFrame:
    """Which source speaks of which aspect (or metric category), with the records behind each dot."""

    return matrices.matrix_data(evidence.load_table(table_name), sources.source_ids(), by=by, row_labels=labels)
