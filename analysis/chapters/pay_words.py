"""What every article says about pay, in words as well as figures: every sentence of a record, of any
kind, that speaks of pay (:data:`PAY_WORDS`), once, with the hedges its records carry; and, among
them, the sentences that call the pay good (:data:`GOOD_PAY_WORDS`), which the pay chapter sets
beside the official median of all occupations.

A sentence speaks of pay when it uses one of the pay words; a sentence calls pay good when it uses
one of the words that praise it. Both lists are the report's, stated here and on the page; no
function names a source.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import prose
from analysis.core import markup

#: Words that make a sentence one about pay ("paid time off" and the like are leave, not pay).
PAY_WORDS = re.compile(
    r"\b(?:pay|pays|paid(?!\s+(?:time\s+off|leave|vacations?|holidays?))|salary|salaries|wages?|income|"
    r"compensation|earn|earns|earned|earning|raises|(?:a|the)\s+raise|bonus|bonuses|incentives?|overtime)\b",
    re.IGNORECASE,
)
#: Words with which a sentence calls pay good (the report's reading of "good pay", not a measure).
GOOD_PAY_WORDS = re.compile(
    r"\b(?:paid\s+well|well[- ]paid|decent|competitive|attractive|generous|lucrative|good\s+pay|high\s+pay)\b",
    re.IGNORECASE,
)
#: The record kinds as a reader names them.
KIND_WORDS: dict[str, str] = {
    "salaries": "pay figure",
    "benefits": "benefit",
    "challenges": "challenge",
    "conditions": "working condition",
    "metrics": "performance measure",
    "requirements": "requirement",
    "roles": "role",
}


def _hedges(rows: pd.DataFrame) -> str:
    if "hedge" not in rows.columns:
        return ""
    words = [w for h in rows["hedge"] for w in prose.hedge_words(h)]
    return ", ".join(dict.fromkeys(words))


def statements(tables: dict[str, pd.DataFrame], sources_order: list[str]) -> pd.DataFrame:
    """Every sentence about pay, one row per source and quote, in source order and then in the order
    of the tables given: the kinds of record that carry it, its first record, the hedge words of all
    its records, whether a record of it states a figure, and the words in it that call pay good."""
    found: dict[tuple[str, str], dict[str, object]] = {}
    for table, frame in tables.items():
        for _, row in frame.iterrows():
            quote = str(row["quote"])
            if table != "salaries" and not PAY_WORDS.search(quote):
                continue
            key = (str(row["source_id"]), quote)
            entry = found.setdefault(
                key,
                {"source_id": key[0], "quote": quote, "record_id": str(row["record_id"]), "kinds": [], "rows": []},
            )
            entry["kinds"].append(KIND_WORDS.get(table, table))  # type: ignore[attr-defined]
            entry["rows"].append(row)  # type: ignore[attr-defined]
    rank = {s: i for i, s in enumerate(sources_order)}
    out = []
    for entry in found.values():
        rows = pd.DataFrame(entry["rows"])
        out.append(
            {
                "source_id": entry["source_id"],
                "record_id": entry["record_id"],
                "kinds": ", ".join(dict.fromkeys(entry["kinds"])),  # type: ignore[call-overload]
                "hedge": _hedges(rows),
                "figure": KIND_WORDS["salaries"] in entry["kinds"],  # type: ignore[operator]
                "good_words": ", ".join(
                    dict.fromkeys(m.group().lower() for m in GOOD_PAY_WORDS.finditer(str(entry["quote"])))
                ),
                "quote": entry["quote"],
                "_rank": rank.get(str(entry["source_id"]), len(rank)),
            }
        )
    columns = ["source_id", "record_id", "kinds", "hedge", "figure", "good_words", "quote"]
    if not out:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(out).sort_values("_rank", kind="stable", ignore_index=True)
    return frame[columns]


def statements_table(said: pd.DataFrame) -> pd.DataFrame:
    """The sentences about pay as a reader sees them."""
    return pd.DataFrame(
        {
            "In its own words": said["quote"].map(markup.quoted),
            "Hedge": said["hedge"],
            "Recorded as": said["kinds"],
            "source_id": said["source_id"],
            "record_id": said["record_id"],
        }
    )


def statements_claim(said: pd.DataFrame, sources_order: list[str]) -> str:
    """How many of the articles speak of pay, in how many sentences, and how many of those give a
    figure, as MyST."""
    who = [s for s in sources_order if s in set(said["source_id"])]
    if not who:
        return markup.Markup("No article speaks of pay.")
    with_figures = [s for s in who if said.loc[said["source_id"] == s, "figure"].any()]
    words_only = [s for s in who if s not in with_figures]
    text = (
        f"{prose.of(len(who), len(sources_order), 'article').capitalize()} {'speaks' if len(who) == 1 else 'speak'} "
        f"of pay, in {prose.plural(len(said), 'quoted passage')}: "
        f"{prose.plural(int(said['figure'].sum()), 'passage')} with a figure, from "
        f"{prose.plural(len(with_figures), 'article')}, and {prose.plural(int((~said['figure']).sum()), 'passage')} "
        "in words alone"
    )
    if words_only:
        text += (
            f"; {prose.join([markup.cite(s, 't') for s in words_only])} "
            f"{'speaks' if len(words_only) == 1 else 'speak'} of pay in words only"
        )
    return markup.Markup(
        text + ". A passage is the quotation of an evidence record of any kind (a sentence, or two that say one "
        "thing), and it counts when it uses a word for pay (pay, salary, wage, income, compensation, earn, a "
        "raise, bonus, incentive, overtime); each is listed once, with every hedge its records carry."
    )


def good_pay(said: pd.DataFrame) -> pd.DataFrame:
    """The sentences about pay that call it good, with the words that do."""
    return said[said["good_words"] != ""].reset_index(drop=True)


def good_pay_claim(said: pd.DataFrame, against_all: str) -> str:
    """The sentences that call pay good, their words quoted with their hedges and whether they state
    a figure, a role or a year; then ``against_all`` (the official median against all occupations'),
    as the nearest test the official figures allow; as MyST."""
    good = good_pay(said)
    if good.empty:
        return markup.Markup("No sentence about pay calls it good in words such as well paid, decent or competitive.")
    parts = []
    for source, rows in good.groupby("source_id", sort=False):
        words = list(dict.fromkeys(w for g in rows["good_words"] for w in g.split(", ")))
        hedge = _hedges(rows)
        parts.append(
            f"{prose.join([markup.quoted(w) for w in words])} {markup.cite(str(source))}"
            + (f" (hedged: {hedge})" if hedge else "")
        )
    n_sources = good["source_id"].nunique()
    figures = int(good["figure"].sum())
    return markup.Markup(
        f"{prose.plural(len(good), 'sentence').capitalize()} from {prose.plural(n_sources, 'article')} "
        f"{'calls' if len(good) == 1 else 'call'} the pay good: {prose.join(parts)}. "
        f"{'None of them states' if figures == 0 else f'{figures} of them state'} a figure or a year. The nearest "
        "test the official figures allow is the front line's median against the median of all occupations. "
        f"{against_all} That places the occupation nearest the front line, across the whole country; it neither "
        "confirms nor refutes words that name no figure, year or employer."
    )
