"""The evidence base (chapter 1): the sources, what the repair changed, the records by kind, and
where the pay figures are placed in the world."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.chapters import prose
from analysis.core import markup, sources, vocab
from analysis.core.evidence import Exclusion, Record
from analysis.core.sources import Source, describe_changes, normalise_space, word_count


def counts_by_kind(records: list[Record], sources_order: list[str]) -> pd.DataFrame:
    """Records per source (rows) and kind (columns), with totals: what the evidence base holds."""
    frame = pd.DataFrame([(r.source_id, r.kind) for r in records], columns=["source_id", "kind"])
    table = pd.crosstab(frame["source_id"], frame["kind"]).reindex(
        index=sources_order, columns=list(vocab.KINDS), fill_value=0
    )
    table["all kinds"] = table.sum(axis=1)
    table.index.name = "source_id"
    table.columns.name = None
    return table.reset_index()


def exclusions_table(exclusions: list[Exclusion]) -> pd.DataFrame:
    """The figures deliberately not used, and why, as a reader sees them."""
    return pd.DataFrame(
        [{"source_id": e.source_id, "Figure": e.figure, "Why it is not used": e.reason} for e in exclusions],
        columns=["source_id", "Figure", "Why it is not used"],
    )


def undated_share(records: list[Record], corpus: dict[str, sources.Source]) -> tuple[int, int]:
    """How many of the records come from a source that states no date, and how many records."""
    undated = sum(1 for r in records if not corpus[r.source_id].meta.published)
    return undated, len(records)


def overview(sources: dict[str, Source]) -> pd.DataFrame:
    """One row per source: id, title, author, date, words and what the repair changed."""
    return pd.DataFrame(
        [
            {
                "source_id": s.meta.source_id,
                "title": s.meta.title,
                "author": s.meta.author,
                "published": s.meta.published,
                "words": word_count(s.text),
                "repair": describe_changes(s),
            }
            for s in sources.values()
        ]
    )


def overview_table(sources: dict[str, Source]) -> pd.DataFrame:
    """The overview as a reader sees it (headers in words)."""
    return overview(sources).rename(
        columns={
            "source_id": "Source",
            "title": "Title",
            "author": "Author",
            "published": "Published",
            "words": "Words",
            "repair": "What the repair changed",
        }
    )


def edits_table(sources: dict[str, Source], limit: int = 8) -> pd.DataFrame:
    """The first edits the repair made, with their offsets in the raw file: what the raw text had
    there and what the repaired text has instead (nothing, for a removal)."""
    edits = [
        {
            "source_id": s.source_id,
            "Raw offset (characters)": c.start,
            "Raw text": markup.code(c.before),
            "Became": markup.code(c.after) if c.after else "(removed)",
        }
        for s in sources.values()
        for c in s.changes
    ]
    columns = ["source_id", "Raw offset (characters)", "Raw text", "Became"]
    return pd.DataFrame(edits, columns=columns).head(limit)


def repair_claim(corpus: dict[str, Source]) -> str:
    """What the repair did, by kind of damage, in how many of the texts, as MyST: UTF-8 read as a
    Greek code page and decoded back (by ftfy where it can, by the stated round trip where it cannot),
    and emoji damaged beyond repair and removed; "" when it changed nothing."""

    total = len(corpus)
    redecoded = {sid: len(sources.change_kinds(s)[0]) for sid, s in corpus.items() if sources.change_kinds(s)[0]}
    debris = {sid: len(sources.change_kinds(s)[1]) for sid, s in corpus.items() if sources.change_kinds(s)[1]}
    said = []
    if redecoded:
        said.append(
            f"In {prose.of(len(redecoded), total, 'text')} {markup.cites(list(redecoded))}, "
            f"{prose.plural(sum(redecoded.values()), 'passage')} of UTF-8 that had been read as a Greek code page "
            "(Windows-1253) and saved again are decoded back: by ftfy where it can, and "
            "where it cannot by turning the characters back into the bytes that code page gave them, which must "
            "decode as UTF-8 to letters, punctuation, signs or emoji."
        )
    if debris:
        said.append(
            f"In {prose.of(len(debris), total, 'text')} {markup.cites(list(debris))}, "
            f"{prose.plural(sum(debris.values()), 'emoji-debris token')} remain of emoji whose UTF-8 bytes were "
            "read as a Greek code page and partly lost, leaving stray Greek letters and quote marks; nothing can "
            "restore them, so they are removed."
        )
    if not said:
        return markup.Markup("")
    return markup.Markup(" ".join(said) + " Nothing else in any text is touched.")


def metadata_claim(sources: dict[str, Source]) -> str:
    """How many of the texts state a date and an author, in words."""

    dated = sum(1 for s in sources.values() if s.meta.published)
    signed = sum(1 for s in sources.values() if s.meta.author)
    total = len(sources)
    return (
        f"{prose.of(dated, total, 'text').capitalize()} {'states' if dated == 1 else 'state'} a publication "
        f"date and {prose.of(signed, total, 'text')} {'names' if signed == 1 else 'name'} an author"
    )


#: How many of the repair's edits the evidence-base chapter lists.
EDITS_SHOWN = 8


def edits_claim(sources: dict[str, Source], limit: int = EDITS_SHOWN) -> str:
    """How many edits the repair made in how many texts, and which of them the table below shows
    (:func:`edits_table` with the same ``limit``), ending in a colon before the table."""

    edits = sum(len(s.changes) for s in sources.values())
    repaired = sum(1 for s in sources.values() if s.changes)
    if edits == 0:
        return "The repair changed no text."
    said = f"{prose.plural(edits, 'edit')} in {prose.of(repaired, len(sources), 'text')}"
    if edits == 1:
        return f"{said}, with its offset in the raw file:"
    which = "all of them" if limit >= edits else f"the first {limit}"
    return f"{said}; {which}, with their offsets in the raw file:"


#: Country names as the texts could write them (case-sensitive, so "US" is not "us").
_COUNTRY = (
    r"(?:United States(?: of America)?|U\.S\.A?\.?|USA|US|America|Canada|Mexico|United Kingdom|UK|"
    r"Britain|Ireland|India|(?:the )?Philippines|Australia|New Zealand|South Africa)"
)
#: A country with the words that place something in it: "in the US", "within the United States and Canada".
_PLACE = re.compile(
    r"(?:\b(?:in|within|across|throughout|outside|from|of)\s+(?:the\s+)?)?(?<![\w.])"
    + _COUNTRY
    + r"(?:(?:,\s*|\s+(?:and|or|&)\s+)(?:the\s+)?"
    + _COUNTRY
    + r")*(?![\w-])"
)


def places(text: str) -> list[str]:
    """The phrases of ``text`` that name a country, with the preposition before them ("in the US"),
    in text order, each once."""
    return list(dict.fromkeys(normalise_space(m.group()) for m in _PLACE.finditer(text)))


def _country_stated(salaries: pd.DataFrame) -> tuple[list[dict[Any, Any]], list[tuple[dict[Any, Any], list[str]]]]:
    """The pay figures (rows of the processed table), and those whose quote names a country, with
    the phrases that name it."""
    rows = salaries.to_dict("records")
    stated = [(row, places(str(row["quote"]))) for row in rows]
    return rows, [(row, found) for row, found in stated if found]


def pay_country_count(salaries: pd.DataFrame) -> str:
    """How many of the pay figures are stated for a country in the sentence that gives them (their
    quote), as plain text: "1 of the 7 pay figures is stated for a country in the sentence that
    gives it"."""

    rows, stated = _country_stated(salaries)
    said = prose.of(len(stated), len(rows), "pay figure")
    verb = "are" if len(stated) > 1 else "is"
    return f"{said[0].upper()}{said[1:]} {verb} stated for a country in the sentence that gives it"


def pay_country_claim(salaries: pd.DataFrame, sources: dict[str, Source]) -> str:
    """:func:`pay_country_count`, then which figures those are and the words that name the country;
    and, of the texts none of whose pay figures is stated for a country, which name one elsewhere
    (and in what words) and which name none. MyST with citations. ``salaries`` is the processed
    table (source_id, role, statistic, low_usd, high_usd, quote)."""

    rows, stated = _country_stated(salaries)

    def quoted(phrases: list[str]) -> str:
        return prose.join([markup.quoted(markup.md_escape(p)) for p in phrases])

    def figure(row: dict[Any, Any]) -> str:
        low, high = row["low_usd"], row["high_usd"]
        amount = prose.money(low) if pd.isna(high) else f"{prose.money(low)}–{prose.money(high)}"
        role = str(row["role"])
        article = "an" if role[:1].lower() in "aeiou" else "a"
        return f"the {amount} {markup.md_escape(row['statistic'])} for {article} {markup.md_escape(role)}"

    said = markup.md_escape(pay_country_count(salaries))
    if stated:
        said += ": " + prose.join(
            [f"{figure(row)}, {quoted(found)} {markup.cite(str(row['source_id']))}" for row, found in stated]
        )
    sentences = [said + "."]
    with_country = {str(row["source_id"]) for row, _ in stated}
    for source_id in dict.fromkeys(str(row["source_id"]) for row in rows):
        if source_id in with_country:
            continue
        figures = prose.plural(sum(1 for row in rows if row["source_id"] == source_id), "pay figure")
        elsewhere = places(sources[source_id].text)
        if elsewhere:
            sentences.append(
                f"{markup.cite(source_id, 't')} names {quoted(elsewhere)} elsewhere in its text, "
                f"but in none of the sentences that give its {figures}."
            )
        else:
            sentences.append(f"{markup.cite(source_id, 't')}, with {figures}, names no country at all.")
    return markup.Markup(" ".join(sentences))


def self_caveats_claim(corpus: dict[str, Source], conditions: pd.DataFrame, salaries: pd.DataFrame) -> str:
    """What each source says of its own reliability (its manifest ``caveat``, quoted), and how much of
    the report's working conditions and pay figures it supplies, which the caveat therefore covers;
    as MyST."""

    said = []
    for source in corpus.values():
        if not source.meta.caveat:
            continue
        share = float((conditions["source_id"] == source.source_id).mean()) if len(conditions) else 0.0
        pay = int((salaries["source_id"] == source.source_id).sum())
        said.append(
            f"{markup.cite(source.source_id, 't')} says of itself: {markup.quoted(markup.md_escape(source.meta.caveat))} "
            f"It supplies {share:.0%} of the records on working conditions and {pay} of the {len(salaries)} pay "
            "figures, so its caveat applies to them."
        )
    return markup.Markup(" ".join(said) or "No source says anything of its own reliability.")


def repair_finding(corpus: dict[str, Source]) -> str:
    """The key finding on the repair, as plain words: "32 edits in 1 of the 12 texts repair encoding
    damage; the other texts are used exactly as received"."""
    edits = sum(len(s.changes) for s in corpus.values())
    repaired = sum(1 for s in corpus.values() if s.changes)
    if not edits:
        return "Every text is used exactly as received"
    said = f"{prose.plural(edits, 'edit')} in {prose.of(repaired, len(corpus), 'text')} repair encoding damage"
    return said + ("; the other texts are used exactly as received" if repaired < len(corpus) else "")


def caveat_count(corpus: dict[str, Source]) -> str:
    """How many of the texts say something of their own reliability, as words: "1 of the 12 texts
    says something of its own reliability"."""
    n = sum(1 for s in corpus.values() if s.meta.caveat)
    said = prose.of(n, len(corpus), "text")
    verb = "says something of its own reliability" if n == 1 else "say something of their own reliability"
    return f"{said[0].upper()}{said[1:]} {verb}"
