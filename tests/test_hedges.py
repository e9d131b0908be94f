"""A hedge word in a record's quote is either recorded in its ``hedge`` field or, where the quote uses
it for something else, named in the record's note with why it does not qualify the claim."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.core import evidence, vocab

#: How a note sets a hedge word aside: the word in double quotes, and in the same sentence, that it
#: does (or they do) "not qualify" the claim.
_SET_ASIDE = "not qualify"


def _words_in(quote: str) -> list[str]:
    """The hedge words of the vocabulary that the quote uses, as words (the schema's own test)."""
    return [w for w in vocab.HEDGES if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", quote, re.IGNORECASE)]


def _set_aside(note: str) -> set[str]:
    """The hedge words a note says do not qualify the claim."""
    out = set()
    for sentence in re.split(r"(?<=\.)\s+", note):
        if _SET_ASIDE in sentence:
            out |= {w.lower() for w in re.findall(r'"([^"]+)"', sentence) if w.lower() in vocab.HEDGES}
    return out


def unaccounted(record: evidence.Record) -> list[str]:
    """Hedge words of the record's quote that neither its hedge field nor its note accounts for."""
    recorded = {str(w).lower() for w in record.values.get("hedge", [])}
    return [w for w in _words_in(record.quote) if w not in recorded and w not in _set_aside(record.note)]


def test_the_helpers_find_and_set_aside_words() -> None:
    assert _words_in("Most call centers can vary, depending on the company") == ["most", "can", "depending on"]
    assert _words_in("Canada, almost, someone, may-be") == []
    assert _set_aside('Flat. "many" counts the ways; it does not qualify the claim.') == {"many"}
    assert _set_aside('"can" and "depending on" say rates vary; they do not qualify it.') == {"can", "depending on"}
    assert _set_aside('"usually required".') == set()  # a quoted phrase is not a word set aside
    assert _set_aside('"many" is quoted. Something else does not qualify.') == set()  # another sentence
    record = evidence.Record("s", "r", "benefit", {"hedge": ["some"]}, (), "", "Some may find numerous ways")
    assert unaccounted(record) == ["numerous", "may"]


@pytest.fixture(scope="module")
def hedged_records() -> list[evidence.Record]:
    found = evidence.validate_all()
    assert not found.errors
    return [r for r in found.records if "hedge" in r.values]


def test_there_are_hedged_records_to_check(hedged_records: list[evidence.Record]) -> None:
    assert {r.kind for r in hedged_records} >= {"requirement", "benefit", "challenge", "condition"}


def test_every_hedge_word_of_a_quote_is_recorded_or_set_aside(hedged_records: list[evidence.Record]) -> None:
    missing = {f"{r.source_id}/{r.record_id}": unaccounted(r) for r in hedged_records if unaccounted(r)}
    assert missing == {}


# --- a page that quotes part of a hedged sentence keeps the hedge ---------------------------------

_PAGES = sorted(
    [
        *Path(__file__).resolve().parent.parent.glob("book/*.ipynb"),
        *Path(__file__).resolve().parent.parent.glob("book/*.md"),
    ]
)
#: How far before a quoted passage the page's own words may carry the hedge it quotes around.
_LEAD = 120


def _typed_prose(page: Path) -> str:
    """The words a page types itself: a notebook's markdown cells, or a Markdown page."""
    if page.suffix == ".md":
        return page.read_text(encoding="utf-8")
    cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def dropped_hedges(text: str, records: list[evidence.Record]) -> list[str]:
    """Quoted passages of ``text`` taken from a hedged record's quote after one of its hedge words,
    with that word neither in the passage nor in the words just before it."""
    flat = " ".join(text.split())
    out = []
    for found in re.finditer(r"\u201c([^\u201d]{20,})\u201d", flat):
        passage = found.group(1)
        before = flat[max(0, found.start() - _LEAD) : found.start()].lower()
        for record in records:
            at = " ".join(record.quote.split()).lower().find(passage.lower())
            if at < 0:
                continue
            lead = " ".join(record.quote.split())[:at].lower()
            for word in record.values.get("hedge", []):
                word = str(word).lower()
                pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
                if re.search(pattern, lead) and not re.search(pattern, passage.lower() + " " + before):
                    out.append(f"{word!r} before \u201c{passage}\u201d")
    return out


def test_a_quoted_part_of_a_hedged_sentence_is_caught_without_its_hedge() -> None:
    record = evidence.Record(
        "s", "r", "benefit", {"hedge": ["some"]}, (), "", "Some shops offer promotion to higher posts."
    )
    assert dropped_hedges("Staff can get \u201cpromotion to higher posts\u201d.", [record]) == [
        "'some' before \u201cpromotion to higher posts\u201d"
    ]
    assert dropped_hedges("At some shops staff get \u201cpromotion to higher posts\u201d.", [record]) == []
    assert dropped_hedges("\u201cSome shops offer promotion to higher posts\u201d.", [record]) == []


@pytest.mark.parametrize("page", _PAGES, ids=lambda p: p.name)
def test_no_page_quotes_part_of_a_hedged_sentence_without_its_hedge(
    page: Path, hedged_records: list[evidence.Record]
) -> None:
    assert dropped_hedges(_typed_prose(page), hedged_records) == [], page.name
