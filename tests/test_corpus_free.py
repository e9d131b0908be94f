"""No code of the package knows the corpus: no source id, no role as a source words it, no count of
the sources appears in `analysis/` outside the vocabularies (the report's, and the official
statistics' occupation titles in analysis/core/external.py). Any corpus that validates builds."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.chapters import prose
from analysis.core import evidence, paths, sources

#: The vocabularies: the words a reader sees for tiers and categories, and the official
#: occupations' own titles (which a source may happen to use for a role).
VOCABULARIES = ("core/vocab.py", "core/external.py")
#: Role names this short are common words ("supervisor", "team lead") that code and docstrings use
#: in their own right; names of three words or more are a source's wording.
MIN_WORDS = 3


def _code() -> dict[str, str]:
    root = paths.ROOT / "analysis"
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.py"))
        if p.relative_to(root).as_posix() not in VOCABULARIES
    }


def _roles() -> set[str]:
    names = set(evidence.load_table("roles")["title"])
    for table in ("salaries", "requirements"):
        names |= set(evidence.load_table(table)["role"])
    return {str(n) for n in names if len(str(n).split()) >= MIN_WORDS}


def found(code: dict[str, str], words: set[str]) -> dict[str, list[str]]:
    """Each of ``words`` that a module writes (case ignored, as a whole word), by module."""
    out: dict[str, list[str]] = {}
    for module, text in code.items():
        hits = [w for w in sorted(words) if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE)]
        if hits:
            out[module] = hits
    return out


def counted(code: dict[str, str], n: int) -> dict[str, list[str]]:
    """Where a module writes the number of sources before "sources", "articles" or "texts"."""
    count = rf"(?:{n}|{prose.number_word(n)})"
    pattern = re.compile(rf"\b{count}\s+(?:[a-z-]+\s+){{0,3}}(?:sources|articles|texts)\b", re.IGNORECASE)
    return {m: pattern.findall(t) for m, t in code.items() if pattern.search(t)}


def test_the_checks_find_what_they_look_for() -> None:
    code = {"x.py": 'LABEL = {"eCommerce Customer Service Representative": "above"}\n"""of the five public articles"""'}
    assert found(code, {"ecommerce customer service representative"}) == {
        "x.py": ["ecommerce customer service representative"]
    }
    assert found(code, {"Customer Service"}) == {"x.py": ["Customer Service"]}
    assert found({"x.py": "customer-service-rep"}, {"customer"}) == {}  # a part of an id is no word
    assert counted(code, 5) == {"x.py": ["five public articles"]}
    assert counted({"x.py": "2 of the 5 sources"}, 5) == {"x.py": ["5 sources"]}


def test_no_module_names_a_source_id() -> None:
    assert found(_code(), set(sources.source_ids())) == {}


def test_no_module_names_a_role_as_a_source_words_it() -> None:
    roles = _roles()
    assert roles, "no role name of three words or more to look for"
    assert found(_code(), roles) == {}


def test_no_module_writes_the_number_of_sources() -> None:
    assert counted(_code(), len(sources.source_ids())) == {}


def test_the_fixtures_of_new_sources_are_the_only_place_tests_keep_their_texts() -> None:
    fixtures = Path(__file__).parent / "fixtures" / "sources"
    assert sorted(p.suffix for p in fixtures.iterdir()) == [".txt", ".txt", ".yaml", ".yaml"]
