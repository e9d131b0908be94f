"""The deck's executive summary: at most four headline numbers, each with the few words that say what
it is, in at most :data:`MAX_WORDS` words for the whole slide.

Every number comes from the chapters' own functions (the lowest and highest ranges, the official
median, the articles that call turnover high); every figure a source hedges keeps its hedge words;
the official figure names its occupation and code. Where the words would run past the limit (a
long role name in another corpus, say), each headline falls back to shorter wording, never to
fewer qualifications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.chapters import challenges, pay, prose
from analysis.core import evidence, external, sources
from analysis.publish.chart import occupation

#: The most headline numbers, and the most words on the summary slide (its title included).
MAX_HEADLINES = 4
MAX_WORDS = 40
TITLE = "Executive summary"
#: The official occupation the entry rung is compared with.
ENTRY_SOC = "43-4051"


@dataclass(frozen=True)
class Headline:
    """A number, and what it is: the longest wording first, shorter ones after (same qualifications)."""

    number: str
    wordings: tuple[str, ...]


def words(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(text.split())


def _hedged(rows: list[pd.Series]) -> str:
    found = list(dict.fromkeys(w for r in rows for w in prose.hedge_words(r["hedge"])))
    return f" (hedged: {', '.join(found)})" if found else ""


def _year(row: pd.Series) -> str:
    return str(int(row["year"])) if pd.notna(row["year"]) else "undated"


def entry(salaries: pd.DataFrame) -> Headline:
    row = pay.lowest_range(salaries)
    rung = pay.TIER_LABELS[int(row["tier_level"])].lower()
    hedge = _hedged([row])
    return Headline(
        f"{pay.money(row['low_usd'])}–{pay.money(row['high_usd'])}",
        (
            f"lowest-midpoint range: {row['role']}, {_year(row)}{hedge}",
            f"lowest-midpoint range, {rung}, {_year(row)}{hedge}",
        ),
    )


def official(oews: pd.DataFrame, soc_code: str = ENTRY_SOC) -> Headline:
    row = external.oews_latest(oews, soc_code)
    return Headline(
        pay.money(float(row["median_annual_usd"])),
        (
            f"BLS median, {occupation(soc_code)}, May {int(row['year'])}",
            f"BLS median, SOC {soc_code}, May {int(row['year'])}",
        ),
    )


def spread(salaries: pd.DataFrame) -> Headline:
    low, top = pay.lowest_range(salaries), pay.highest_range(salaries)
    ratio = float(top["midpoint_usd"] / low["midpoint_usd"])
    hedge = _hedged([low, top])
    return Headline(
        f"{ratio:.1f}×",
        (
            f"highest range midpoint ({top['role']}) over the lowest{hedge}",
            f"highest range midpoint over the lowest{hedge}",
        ),
    )


def turnover(challenges_table: pd.DataFrame, n_sources: int) -> Headline:
    n = int(challenges.turnover_claims(challenges_table)["source_id"].nunique())
    verb = "calls" if n == 1 else "call"
    return Headline(
        f"{n} of {n_sources}",
        (f"articles {verb} turnover high; none gives a rate", f"articles {verb} turnover high, rateless"),
    )


def headlines(
    load: Callable[[str], pd.DataFrame] = evidence.load_table,
    oews: pd.DataFrame | None = None,
    n_sources: int | None = None,
) -> list[tuple[str, str]]:
    """The summary's (number, words) pairs, at most :data:`MAX_HEADLINES`, within :data:`MAX_WORDS`
    words with the title; a headline the corpus has no figure for (no annual range, say) is not made."""

    salaries = load("salaries")
    oews = external.load_oews() if oews is None else oews
    n_sources = len(sources.source_ids()) if n_sources is None else n_sources
    priced = not pay.ranges(salaries).empty  # a corpus without an annual range has no entry or spread
    found: list[Headline] = []
    if priced:
        found.append(entry(salaries))
    if (oews["soc_code"] == ENTRY_SOC).any():
        found.append(official(oews))
    if priced:
        found.append(spread(salaries))
    found.append(turnover(load("challenges"), n_sources))
    found = found[:MAX_HEADLINES]
    choice = [0] * len(found)  # which wording of each, longest first

    def total() -> int:
        return words(TITLE) + sum(words(h.number) + words(h.wordings[c]) for h, c in zip(found, choice, strict=True))

    while total() > MAX_WORDS:
        longer = [i for i, h in enumerate(found) if choice[i] + 1 < len(h.wordings)]
        if not longer:
            found, choice = found[:-1], choice[:-1]  # still too long: the last headline goes
            continue
        widest = max(longer, key=lambda i: words(found[i].wordings[choice[i]]))
        choice[widest] += 1
    return [(h.number, h.wordings[c]) for h, c in zip(found, choice, strict=True)]
