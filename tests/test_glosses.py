"""The plain gloss at the first use of a technical term on a page (_ext/glosses.py)."""

from __future__ import annotations

import sys

import pytest
from conftest import rst
from docutils import nodes
from sphinx.errors import ExtensionError

from analysis.core import paths

sys.path.insert(0, str(paths.ROOT / "_ext"))
import glosses

GLOSS = {
    "CPI-U": ("glossary.html#term-CPI-U", [nodes.Text("a price index.")]),
    "Hedge": ("glossary.html#term-Hedge", [nodes.Text("a qualifying word.")]),
    "SOC": ("glossary.html#term-SOC", [nodes.Text("a list of occupations.")]),
}


def test_the_first_use_of_a_term_in_running_text_is_linked_and_glossed_under_its_paragraph() -> None:
    doctree = rst(
        "Title with CPI-U\n================\n\n"
        "+-------------+\n| CPI-U, SOC  |\n+-------------+\n\n"
        "It said “prices hedged by CPI-U” once.\n\n"
        "Adjusted with CPI-U (SOC 43-4051), and hedged; CPI-U again, soc and HEDGES.\n\n"
        "CPI-U here is a second use.\n"
    )
    assert glosses.gloss_page(doctree, GLOSS) == ["CPI-U", "SOC", "Hedge"]
    links = [(n.astext(), n["refuri"]) for n in doctree.findall(nodes.reference)]
    assert links == [
        ("CPI-U", "glossary.html#term-CPI-U"),
        ("SOC", "glossary.html#term-SOC"),
        ("hedged", "glossary.html#term-Hedge"),
    ]
    paragraphs = [p for p in doctree.findall(nodes.paragraph) if not isinstance(p.parent, nodes.container)]
    assert paragraphs[2].astext() == "Adjusted with CPI-U (SOC 43-4051), and hedged; CPI-U again, soc and HEDGES."
    note = paragraphs[2].next_node(nodes.container, descend=False, siblings=True)
    assert note["classes"] == ["glosses"]
    assert [p.astext() for p in note.children] == [
        "CPI-U: a price index.",
        "SOC: a list of occupations.",
        "Hedge: a qualifying word.",
    ]
    assert doctree.astext().count("a price index.") == 1
    # the quoted "hedged" of the second paragraph is the source's word: left alone
    assert "prices hedged by CPI-U" in paragraphs[1].astext()
    assert not list(paragraphs[1].findall(nodes.reference))


def test_a_page_without_a_use_gets_no_gloss() -> None:
    doctree = rst("Title\n=====\n\nNothing technical, not even a social hedgehog.\n")
    assert glosses.gloss_page(doctree, GLOSS) == []
    assert not list(doctree.findall(nodes.container))


def test_every_glossed_term_is_a_term_of_the_glossary_with_a_first_paragraph() -> None:
    text = (paths.BOOK / "glossary.md").read_text(encoding="utf-8")
    for term in glosses.GLOSSED:
        assert f"\n{term}\n  " in text, term


def test_the_glosses_of_a_list_come_after_the_whole_list() -> None:
    doctree = rst("Title\n=====\n\n- First, hedged.\n- Then CPI-U.\n\nAfter the list.\n")
    assert glosses.gloss_page(doctree, GLOSS) == ["Hedge", "CPI-U"]
    listed = next(iter(doctree.findall(nodes.bullet_list)))
    note = listed.next_node(nodes.container, descend=False, siblings=True)
    assert [p.astext() for p in note.children] == ["Hedge: a qualifying word.", "CPI-U: a price index."]
    assert not list(listed.findall(nodes.container))


def test_a_book_without_a_glossary_is_glossed_nowhere_and_a_missing_term_is_named() -> None:
    every = {term.lower(): ("book/glossary", f"term-{term}") for term in glosses.GLOSSED}
    assert glosses.places(every) == {term: ("book/glossary", f"term-{term}") for term in glosses.GLOSSED}
    assert glosses.places({"agent": ("book/glossary", "term-Agent")}) == {}
    del every["cpi-u"]
    with pytest.raises(ExtensionError, match="'CPI-U' glossed on every page but not in the glossary"):
        glosses.places(every)
