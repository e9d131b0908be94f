"""The order of the ladder's rungs: what the sources say about order, and where the report's order
comes from.

The rungs and their order are the report's convention (:data:`analysis.core.vocab.LADDER`). A source
that names a title on every rung in one sentence, in the ladder's order (:func:`list_sources`), is
the list the convention follows, so that it names every rung is how the ladder was built, not a
finding. Every sentence of a role record that uses a word of order (:data:`ORDER_WORDS`) is listed
with the rungs of the titles the records take from it (:func:`order_sentences`), so that a reader
sees what each source says of order in its own words. No function names a source or a role.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import prose
from analysis.core import markup, vocab

#: Words with which a sentence puts roles in an order: reporting lines, promotion, progress, levels.
ORDER_WORDS = re.compile(
    r"\b(?:reports?\s+to|oversees?|supervises?|promot(?:e|ed|ion|ions)|progress(?:es)?\s+to|higher[- ]level|"
    r"higher\s+roles?|work\s+(?:their|your|his|her|one's)\s+way\s+up|next\s+level|levels?|rise\s+to|move\s+up)\b",
    re.IGNORECASE,
)


def _position(quote: str, title: str) -> int:
    """Where a title stands in a sentence (-1 when the sentence does not write it as such)."""
    found = re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", quote, re.IGNORECASE)
    return found.start() if found else -1


def list_sources(roles: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """The sources that name a title on every rung of the ladder in one sentence, the titles written
    in that sentence in the ladder's order: the lists the report's ladder follows."""
    found: list[str] = []
    if "quote" not in roles.columns:  # titles without their sentences: no list to find
        return found
    for source in sources_order:
        mine = roles[(roles["source_id"] == source) & roles["tier"].isin(vocab.LADDER)]
        for quote, rows in mine.groupby("quote", sort=False):
            if set(rows["tier"]) != set(vocab.LADDER):
                continue
            placed = sorted(
                (_position(str(quote), str(t)), vocab.TIER_LEVELS[str(tier)])
                for t, tier in zip(rows["title"], rows["tier"], strict=True)
            )
            levels = [level for at, level in placed if at >= 0]
            if len(levels) == len(rows) and levels == sorted(levels):
                found.append(source)
                break
    return found


def order_sentences(roles: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Every sentence of a role record that uses a word of order, one row per source and sentence,
    in source order: the titles the records take from it with their rungs, the words of order and
    the first record."""
    rank = {s: i for i, s in enumerate(sources_order)}
    rows = []
    for (source, quote), group in roles.groupby(["source_id", "quote"], sort=False):
        words = [m.group().lower() for m in ORDER_WORDS.finditer(str(quote))]
        if not words:
            continue
        titled = [
            f"{t} ({vocab.TIER_LABELS[str(tier)].lower()})"
            for t, tier in zip(group["title"], group["tier"], strict=True)
        ]
        rows.append(
            {
                "source_id": source,
                "record_id": str(group["record_id"].iloc[0]),
                "titles": "; ".join(titled),
                "rungs": [str(t) for t in dict.fromkeys(group["tier"])],
                "order_words": ", ".join(dict.fromkeys(words)),
                "quote": str(quote),
                "_rank": rank.get(str(source), len(rank)),
            }
        )
    columns = ["source_id", "record_id", "titles", "rungs", "order_words", "quote"]
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(rows).sort_values("_rank", kind="stable", ignore_index=True)[columns]


def sentences_table(said: pd.DataFrame) -> pd.DataFrame:
    """The sentences about order as a reader sees them."""
    return pd.DataFrame(
        {
            "Titles named (rung)": said["titles"],
            "Words of order": said["order_words"],
            "In its own words": said["quote"].map(markup.quoted),
            "source_id": said["source_id"],
            "record_id": said["record_id"],
        }
    )


def convention_claim(roles: pd.DataFrame, sources_order: list[str]) -> str:
    """Where the ladder's order comes from, as MyST: the report's convention, following the list (if
    any) that names every rung in one sentence in that order; then which sources speak of order in
    a sentence that names a role, and which do not."""
    listed = list_sources(roles, sources_order)
    rungs = prose.join([vocab.TIER_LABELS[t].lower() for t in vocab.LADDER])
    text = (
        f"The ladder's {prose.plural(len(vocab.LADDER), 'rung')} and their order ({rungs}) are the report's convention."
    )
    if listed:
        text += (
            " They follow the one list in the sources that names a title on every rung in a single sentence, in "
            f"this order, that of {prose.join([markup.cite(s, 't') for s in listed])}. That "
            f"{'this source names' if len(listed) == 1 else 'these sources name'} every rung is therefore how the "
            "ladder was built, not a finding that the sources agree on it."
        )
    said = order_sentences(roles, sources_order)
    speaking = [s for s in sources_order if s in set(said["source_id"])]
    silent = [s for s in sources_order if s not in set(said["source_id"]) and s in set(roles["source_id"])]
    unnamed = [s for s in sources_order if s not in set(roles["source_id"])]
    if speaking:
        text += (
            f" {prose.of(len(speaking), len(sources_order), 'source').capitalize()} put roles in an order in "
            f"{prose.plural(len(said), 'sentence')} that name a role (the table below) "
            f"{markup.cites(speaking)}."
        )
    if silent:
        text += (
            f" {prose.join([markup.cite(s, 't') for s in silent])} {'names' if len(silent) == 1 else 'name'} roles "
            "but no order among them."
        )
    if unnamed:
        text += (
            f" {prose.join([markup.cite(s, 't') for s in unnamed])} {'names' if len(unnamed) == 1 else 'name'} no role."
        )
    return markup.Markup(text)
