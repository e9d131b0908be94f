"""What the sources ask of each role in schooling and years, and what that looks like beside the
pay they state for the same role: the career-ladder chapter's claims about experience, written
from the tables of :mod:`analysis.chapters.ladder` for whatever roles the records name.

No function here names a role or a source: each says what the rows it is given say.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters import prose
from analysis.core import markup, vocab

#: The order of the education levels, lowest first, by the labels the tables show.
_SCHOOLING_RANK: dict[str, int] = {label: i for i, label in enumerate(vocab.EDUCATION_LABELS.values())}


def _how(necessity: object, hedge: object) -> str:
    """ "required, *usually*": how firmly a sentence asks, with the source's hedge ("" if neither)."""
    words = [str(necessity)] if isinstance(necessity, str) and necessity else []
    said = prose.hedges(str(hedge).replace(", ", ";")) if isinstance(hedge, str) else ""
    if said:
        words.append(f"*{markup.md_escape(said)}*")
    return ", ".join(words)


def _schooling(row: pd.Series) -> str:
    """The education a row asks, in words: "a bachelor's degree in business" ("" if none)."""
    education = str(row["education"]) if isinstance(row["education"], str) else ""
    if not education:
        return ""
    field = str(row["field"]) if isinstance(row["field"], str) and row["field"] else ""
    levels = [e.strip() for e in education.split(";") if e.strip()]
    named = prose.join([("an " if lv[:1] in "aeiou" else "a ") + lv for lv in levels], "or")
    return f"{named}{f' in {field}' if field else ''}"


def years_detail_claim(asked: pd.DataFrame, sources_order: list[str]) -> str:
    """For each source that puts a number of years on a role, what it asks of each such role: the
    schooling (and field), the years, and how firmly, with the source's hedge; as MyST ("" when no
    source puts years on a role). ``asked`` is :func:`analysis.chapters.ladder.education_experience`."""

    with_years = asked[asked["years_min"].notna()]
    sentences = []
    for source in [s for s in sources_order if s in set(with_years["source_id"])]:
        rows = with_years[with_years["source_id"] == source]
        parts = []
        for _, r in rows.iterrows():
            what = [w for w in (_schooling(r), prose.years(float(r["years_min"]), r["years_max"])) if w]
            how = _how(r["necessity"], r["hedge"])
            parts.append(
                f"for the {markup.md_escape(r['role'])}, {' and '.join(what)} of experience{f' ({how})' if how else ''}"
            )
        roles = prose.plural(len(rows), "role")
        sentences.append(f"{markup.cite(str(source), 't')} puts years on {roles}: {'; '.join(parts)}.")
    return markup.Markup(" ".join(sentences))


def _rank(education: object) -> int | None:
    """The highest education level a row asks, on the vocabulary's scale (None if it asks none)."""
    levels = [e.strip() for e in str(education).split(";") if e.strip()] if isinstance(education, str) else []
    ranks = [_SCHOOLING_RANK[e] for e in levels if e in _SCHOOLING_RANK]
    return max(ranks) if ranks else None


def _asked_words(row: pd.Series) -> str:
    """ "a bachelor's degree is suggested (*usually*)": the schooling a row asks, how firmly, with the
    source's hedge kept."""
    verb = str(row["necessity"]) if isinstance(row["necessity"], str) and row["necessity"] else "named"
    hedge = prose.hedges(str(row["hedge"]).replace(", ", ";")) if isinstance(row["hedge"], str) else ""
    return f"{_schooling(row)} is {verb}{f' (*{markup.md_escape(hedge)}*)' if hedge else ''}"


def _compare(a: float, b: float, more: str, less: str) -> str:
    return more if a > b else less if a < b else "at the same figure"


def schooling_pay_claim(matched: pd.DataFrame, asked: pd.DataFrame) -> str:
    """Within one source's rung, the role that asks the most schooling against the one that asks the
    least, by the pay the source states for each: where its range starts and how high it reaches,
    as MyST ("" where no source has two such roles on one rung). ``matched`` is
    :func:`analysis.chapters.ladder.match_experience_pay`'s first table."""

    schooling = {
        (str(r["source_id"]), str(r["role"])): (_rank(r["education"]), _asked_words(r))
        for _, r in asked.iterrows()
        if _rank(r["education"]) is not None
    }
    sentences = []
    for (source, tier), rows in matched.groupby(["source_id", "tier"], sort=False):
        known = [
            (schooling[(str(source), str(r["role"]))], r)
            for _, r in rows.iterrows()
            if (str(source), str(r["role"])) in schooling
        ]
        if len({rank for (rank, _), _ in known}) < 2:
            continue
        (_, most_words), most = max(known, key=lambda k: k[0][0] or 0)
        (_, least_words), least = min(known, key=lambda k: k[0][0] or 0)
        rung = vocab.TIER_LABELS[str(tier)].lower()
        sentences.append(
            f"On the {rung} rung, the {markup.md_escape(most['role'])}, for which {most_words}, starts "
            f"{_compare(most['low_usd'], least['low_usd'], 'higher', 'lower')} "
            f"({prose.money(most['low_usd'], True)} against {prose.money(least['low_usd'], True)} for the "
            f"{markup.md_escape(least['role'])}, for which {least_words}), and its range reaches "
            f"{_compare(most['high_usd'], least['high_usd'], 'higher', 'lower')} "
            f"({prose.money(most['high_usd'], True)} against {prose.money(least['high_usd'], True)}) "
            f"{markup.cite(str(source))}."
        )
    return markup.Markup(" ".join(sentences))


def experience_pay_claim(matched: pd.DataFrame) -> str:
    """What the points of the experience-and-pay chart are (how many, from which sources, in which
    year's dollars) and, within each source that prices roles on two rungs or more, the ratio of the
    mean midpoint of its highest rung's roles to its lowest's; as MyST."""

    if matched.empty:
        return markup.Markup("No source states both the years a role asks and its pay, so no point is drawn.")
    who = list(dict.fromkeys(str(s) for s in matched["source_id"]))
    years = sorted({int(y) for y in matched["year"].dropna()})
    dated = f"dated {prose.join([str(y) for y in years])}" if years else "undated"
    text = (
        f"The chart has {prose.plural(len(matched), 'point')}, from {prose.plural(len(who), 'source')} "
        f"{markup.cites(who)}, {dated}, each in the nominal dollars of its source as written (not adjusted "
        "for inflation)."
    )
    for source in who:
        rows = matched[matched["source_id"] == source]
        levels = sorted({vocab.TIER_LEVELS[str(t)] for t in rows["tier"]})
        if len(levels) < 2:
            continue
        low = rows[rows["tier"].map(vocab.TIER_LEVELS) == levels[0]]
        high = rows[rows["tier"].map(vocab.TIER_LEVELS) == levels[-1]]
        ratio = float(high["mid_usd"].mean() / low["mid_usd"].mean())
        text += (
            f" In {markup.cite(source, 't')}, by the mean of their midpoints, the "
            f"{vocab.LEVEL_LABELS[levels[-1]].lower()} roles are priced at about {ratio:.1f} times the "
            f"{vocab.LEVEL_LABELS[levels[0]].lower()} roles."
        )
    return markup.Markup(text)
