"""The key-numbers box a chapter opens with (analysis.chapters.key_numbers), without a build: at most
five numbers, each with its citation, a source's hedge kept, a source's words escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.chapters import key_numbers, pay
from analysis.core import evidence

CHAPTERS = [
    key_numbers.sources_numbers,
    key_numbers.pay_numbers,
    key_numbers.ladder_numbers,
    key_numbers.benefits_numbers,
    key_numbers.challenges_numbers,
    key_numbers.conditions_numbers,
    key_numbers.agreement_numbers,
]


def test_a_box_holds_at_most_five_numbers_and_leaves_out_what_the_corpus_cannot_give() -> None:
    one = key_numbers.KeyNumber("1", "thing", "{cite:p}`a`")
    text = key_numbers.box([one, None]).data
    assert text.count("\n- ") == 1
    assert f":class: {key_numbers.CLASS}" in text
    with pytest.raises(ValueError, match="at most"):
        key_numbers.box([one] * (key_numbers.MOST + 1))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda f: f.__name__)
def test_every_chapter_box_has_numbers_each_with_a_meaning_and_a_citation(chapter: object) -> None:
    numbers = [n for n in chapter() if n is not None]  # type: ignore[operator]
    assert 1 <= len(numbers) <= key_numbers.MOST
    for n in numbers:
        assert any(ch.isdigit() for ch in n.value), n
        assert n.meaning.strip(), n
        assert "\n" not in n.meaning, n
        assert n.cite.startswith(("{cite:", "({doc}")), n
    key_numbers.box(numbers)


def test_the_pay_ranges_keep_their_source_s_hedge_and_escape_its_role() -> None:
    salaries = evidence.load_table("salaries")
    row = salaries.iloc[0].copy()
    row["hedge"], row["flags"] = "some;may", ""
    assert key_numbers._hedged(row) == ", hedged \u201csome\u201d and \u201cmay\u201d"
    if pay.ranges(salaries).empty:  # a corpus without a yearly range shows neither range
        assert not [n for n in key_numbers.pay_numbers() if n and "midpoint" in n.meaning]
        return
    low = pay.lowest_range(salaries)
    line = next(n for n in key_numbers.pay_numbers() if n and "lowest" in n.meaning)
    for word in (low["hedge"] if isinstance(low["hedge"], str) else "").split(";"):
        if word:
            assert f"\u201c{word}\u201d" in line.meaning
    assert key_numbers.markup.md_escape(low["role"]) in line.meaning


def test_a_count_of_nothing_cites_the_explorer() -> None:
    assert key_numbers._sources(pd.Series([], dtype=str)) == "({doc}`evidence explorer <evidence>`)"


def test_the_word_count_is_the_one_the_table_of_sources_and_the_landing_page_use() -> None:
    from analysis.chapters import evidence_base
    from analysis.core import sources

    corpus = sources.load_all()
    counted = sum(sources.word_count(s.text) for s in corpus.values())
    number = next(k for k in key_numbers.sources_numbers() if k and "words in those articles" in k.meaning)
    assert number.value == f"{counted:,}"
    assert "letter or a digit" in number.meaning  # the method is said where the number is
    assert counted == int(evidence_base.overview(corpus)["words"].sum())
