"""Sphinx extension: a plain gloss where each technical term is first used on a page.

:data:`GLOSSED` names the glossary's terms (``book/glossary.md``) that a reader meets without
knowing them, each with the words that count as a use of it ("hedged", "read as annual"). On every
page but the glossary, the first use of each of them in running text (a paragraph of the page or
of a list or note; not a title, table, caption, link, citation, code, or the words of a quotation)
becomes a link to its glossary entry, and a note right after that paragraph (after the whole list,
for a use in a list) says what it means: the first paragraph of the entry, so the words live in
one place (the glossary) and a phone reader needs no hover or second page. A glossed term missing
from the glossary stops the build, naming it.

Runs on the resolved page (``doctree-resolved``), after the notebooks' glued text is in place, so a
computed sentence is glossed like a written one; an edited glossary makes every page be read again.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

#: Glossary term -> the words that count as a use of it (a term with lower-case letters is matched
#: in any case; an abbreviation only as written).
GLOSSED: dict[str, str] = {
    "CPI-U": r"\bCPI-U\b",
    "Harmonised ladder": r"\bharmonised (?:ladder|rungs?)\b",
    "Hedge": r"\bhedg(?:e|es|ed|ing)\b",
    "OEWS": r"\bOEWS\b",
    "Read as a year": r"\bread as (?:a year|yearly|annual)\b",
    "SOC": r"\bSOC\b",
}
#: Where a use is not glossed: titles, tables, figures and their captions, links, citations, code,
#: and the glossary itself (part of the page in the one-page edition the PDF is printed from).
NOT_IN = (
    nodes.title,
    nodes.subtitle,
    nodes.rubric,
    nodes.caption,
    nodes.table,
    nodes.figure,
    nodes.reference,
    nodes.citation,
    nodes.citation_reference,
    nodes.footnote,
    nodes.literal,
    nodes.literal_block,
    nodes.raw,
    nodes.term,
    nodes.math,
    addnodes.pending_xref,
    addnodes.glossary,
)
#: Containers whose text is not running text (a chart's data and card; a chapter's key numbers, which the
#: page says again in its sections, where the term is glossed).
NOT_IN_CLASSES = frozenset({"chart-data", "figure-card", "glosses", "key-numbers"})
OPEN, CLOSE = "\u201c", "\u201d"


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(GLOSSED[term], 0 if term.upper() == term else re.IGNORECASE)


def _eligible(text: nodes.Text) -> nodes.paragraph | None:
    """The paragraph of running text that holds ``text``, or None."""
    paragraph = None
    node = text.parent
    while node is not None:
        if isinstance(node, NOT_IN) or NOT_IN_CLASSES & set(node.get("classes", [])):
            return None
        if isinstance(node, nodes.paragraph) and paragraph is None:
            paragraph = node
        node = node.parent
    return paragraph


def _inside_quotation(paragraph: nodes.paragraph, text: nodes.Text, offset: int) -> bool:
    """Whether a position of ``text`` lies between curly quotation marks of its paragraph."""
    before = []
    for piece in paragraph.findall(nodes.Text):
        if piece is text:
            before.append(str(piece)[:offset])
            break
        before.append(str(piece))
    said = "".join(before)
    return said.count(OPEN) > said.count(CLOSE)


def _note_anchor(paragraph: nodes.paragraph) -> nodes.Element:
    """What a note follows: the paragraph, or the whole list it is in (a list's items stay
    together, and its glosses come after its last item)."""
    anchor: nodes.Element = paragraph
    node = paragraph.parent
    while node is not None and not isinstance(node, nodes.section | nodes.document):
        if isinstance(node, nodes.bullet_list | nodes.enumerated_list | nodes.definition_list):
            anchor = node
        node = node.parent
    return anchor


def first_uses(doctree: nodes.Node, terms: list[str]) -> dict[str, tuple[nodes.Text, re.Match[str]]]:
    """The first use of each term in running text, in reading order: its text node and the match."""
    found: dict[str, tuple[nodes.Text, re.Match[str]]] = {}
    patterns = {term: _pattern(term) for term in terms}
    for text in list(doctree.findall(nodes.Text)):
        wanted = [t for t in terms if t not in found]
        if not wanted:
            break
        paragraph = _eligible(text)
        if paragraph is None:
            continue
        hits = []
        for term in wanted:
            match = next(
                (m for m in patterns[term].finditer(str(text)) if not _inside_quotation(paragraph, text, m.start())),
                None,
            )
            if match is not None:
                hits.append((match.start(), term, match))
        for _, term, match in sorted(hits, key=lambda hit: hit[0]):
            found[term] = (text, match)
    return found


def gloss_page(doctree: nodes.Node, glosses: dict[str, tuple[str, list[nodes.Node]]]) -> list[str]:
    """Links the first use of each term to ``glosses[term][0]`` (its glossary address) and puts
    ``glosses[term][1]`` (what it means) in a note after that use's paragraph (or list), one line a
    term in the order of their uses; returns the terms glossed, in that order."""
    uses = first_uses(doctree, list(glosses))
    by_node: dict[int, list[tuple[str, re.Match[str]]]] = {}
    nodes_by_id: dict[int, nodes.Text] = {}
    for term, (text, match) in uses.items():
        by_node.setdefault(id(text), []).append((term, match))
        nodes_by_id[id(text)] = text
    notes: dict[int, nodes.container] = {}
    note_of: dict[str, nodes.container] = {}
    for key, matches in by_node.items():
        text = nodes_by_id[key]
        paragraph = _eligible(text)
        assert paragraph is not None
        anchor = _note_anchor(paragraph)
        if id(anchor) not in notes:
            notes[id(anchor)] = nodes.container(classes=["glosses"])
            anchor.parent.insert(anchor.parent.index(anchor) + 1, notes[id(anchor)])
        for term, _ in matches:
            note_of[term] = notes[id(anchor)]
        parent, current = text.parent, text
        # from the last match back, so each earlier match stays in the text before the split
        for term, match in sorted(matches, key=lambda item: item[1].start(), reverse=True):
            whole = str(current)
            link = nodes.reference(
                "", "", nodes.Text(match.group(0)), refuri=glosses[term][0], internal=True, classes=["gloss-term"]
            )
            before, after = nodes.Text(whole[: match.start()]), nodes.Text(whole[match.end() :])
            index = parent.index(current)
            parent.replace(current, before)
            parent.insert(index + 1, link)
            if str(after):
                parent.insert(index + 2, after)
            current = before
    for term in uses:
        line = nodes.paragraph()
        line += nodes.strong("", term)
        line += nodes.Text(": ")
        line += [n.deepcopy() for n in glosses[term][1]]
        note_of[term] += line
    return list(uses)


def _plain(paragraph: nodes.paragraph) -> list[nodes.Node]:
    """A glossary paragraph's content for another page: links and references as their text."""
    out = []
    for child in paragraph.children:
        # docutils' own copy: the node and what it holds. copy.deepcopy would follow `parent`
        # and copy the whole page with it, every time.
        node = child.deepcopy()
        if isinstance(node, nodes.Text):
            out.append(node)
            continue
        for inner in list(node.findall(lambda n: isinstance(n, (addnodes.pending_xref, nodes.reference)))):
            if inner.parent is not None:
                inner.replace_self(nodes.Text(inner.astext()))
        if isinstance(node, (addnodes.pending_xref, nodes.reference)):
            node = nodes.Text(node.astext())
        if isinstance(node, nodes.Element):
            node["ids"] = []
        out.append(node)
    return out


def _terms(env: BuildEnvironment) -> dict[str, tuple[str, str]]:
    """Every glossary term of the book, in lower case: its page and its anchor."""
    objects = env.get_domain("std").objects  # type: ignore[attr-defined]
    return {name.lower(): where for (kind, name), where in objects.items() if kind == "term"}


def places(terms: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Where each glossed term is defined (page, anchor), from the book's glossary terms (lower
    case): none for a book without a glossary (nothing to gloss from); a glossed term that the
    glossary lacks is an error that names it."""
    found = {term: terms[term.lower()] for term in GLOSSED if term.lower() in terms}
    missing = [term for term in GLOSSED if term not in found]
    if found and missing:
        raise ExtensionError(f"glosses: {', '.join(map(repr, missing))} glossed on every page but not in the glossary")
    return found


def _glossary_entries(env: BuildEnvironment) -> dict[str, tuple[str, str, list[nodes.Node]]]:
    """Each glossed term: the glossary's page, the entry's anchor and its first paragraph."""
    cached = getattr(env, "_report_glosses", None)
    if cached is not None:
        return dict(cached)
    entries = {}
    doctrees: dict[str, nodes.document] = {}
    for term, (docname, anchor) in places(_terms(env)).items():
        doctree = doctrees.setdefault(docname, env.get_doctree(docname))
        entry = next((t for t in doctree.findall(nodes.term) if anchor in t["ids"]), None)
        definition = entry.parent.next_node(nodes.definition) if entry is not None else None
        first = definition.next_node(nodes.paragraph) if definition is not None else None
        if first is None:
            raise ExtensionError(f"glosses: the glossary entry {term!r} has no paragraph to show as its gloss")
        entries[term] = (docname, anchor, _plain(first))
    env._report_glosses = entries  # type: ignore[attr-defined]
    return dict(entries)


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    entries = _glossary_entries(app.env)
    if docname in {where for where, _, _ in entries.values()}:
        return
    # A page of its own (glossary.html#term-CPI-U) or, in the one-page edition, a part of this one.
    glosses = {
        term: (f"{app.builder.get_relative_uri(docname, where).split('#', 1)[0]}#{anchor}", meaning)
        for term, (where, anchor, meaning) in entries.items()
    }
    gloss_page(doctree, glosses)


def _forget(app: Sphinx, env: BuildEnvironment, *args: Any) -> None:
    env._report_glosses = None  # type: ignore[attr-defined]


def _reread_when_the_glossary_changes(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    terms = _terms(env)
    glossary = {terms[t.lower()][0] for t in GLOSSED if t.lower() in terms}
    return sorted(env.found_docs) if glossary & (added | changed) else []


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", _reread_when_the_glossary_changes)
    app.connect("env-updated", _forget)
    app.connect("doctree-resolved", _resolved)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
