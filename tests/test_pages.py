"""What the Markdown of the pages says about the sources holds: the glossary's statements of what a
source says or which words it uses, figures only by glue in the notebooks, and the caveat of a
source repeated on every page of findings that draws on it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from analysis.chapters import prose
from analysis.core import evidence, paths, quotes, sources, vocab

ROLE = re.compile(r"\{([a-z]+(?::[a-z]+)?)\}`([^`]*)`")
CITE = re.compile(r"\{cite:([tp])\}`([^`]*)`")


# --- the glossary ---------------------------------------------------------------------------------


def glossary(text: str) -> dict[str, str]:
    """The entries of the ``{glossary}`` block of a page: term -> definition (one line)."""
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, re.S)
    assert block, "no glossary block"
    entries: dict[str, list[str]] = {}
    term = ""
    for line in block.group(1).splitlines():
        if line.strip() and not line.startswith(" "):
            term = line.strip()
            entries[term] = []
        elif line.strip():
            entries[term].append(line.strip())
    return {t: " ".join(lines) for t, lines in entries.items()}


def attributed(definition: str) -> list[tuple[str, list[str]]]:
    """Each quotation of a definition with the sources it is attributed to: those of the nearest
    textual citation ({cite:t}) before it, or else of the nearest parenthetical one ({cite:p}) after it."""
    cites: list[tuple[int, int, str, list[str]]] = []
    for m in CITE.finditer(definition):
        keys = [k.strip() for k in m.group(2).split(",")]
        # "{cite:t}`a` and {cite:t}`b` both say": one attribution to both
        if (
            cites
            and m.group(1) == cites[-1][2] == "t"
            and re.fullmatch(r"\s*(?:,|and)\s*", definition[cites[-1][1] : m.start()])
        ):
            cites[-1] = (cites[-1][0], m.end(), "t", cites[-1][3] + keys)
        else:
            cites.append((m.start(), m.end(), m.group(1), keys))
    out = []
    for match in quotes.QUOTED.finditer(definition):
        before = [keys for _, end, style, keys in cites if style == "t" and end < match.start()]
        after = [keys for start, _, style, keys in cites if style == "p" and start > match.end()]
        out.append((match.group(1), before[-1] if before else after[0] if after else []))
    return out


def glossary_problems(definitions: dict[str, str], texts: dict[str, str], records: list[evidence.Record]) -> list[str]:
    """What a glossary says of the sources that they do not bear out.

    - Every quotation is in the text of every source it is attributed to (the build's quotation
      check asks for one of the sources a block cites; an entry saying that two sources use a word
      must hold for both).
    - An entry speaks of named sources, never of "the sources", "one source" or "some sources".
    - "the only source that uses the word": the term (or its plural) is in the text of the cited
      sources and of no other.
    - "The first (last) of the levels": the term opens (closes) the quoted list.
    - "puts it on the X rung": the cited source has a role record titled as the term, on that rung.
    """
    problems = []
    for term, definition in definitions.items():
        keys = [k.strip() for m in CITE.finditer(definition) for k in m.group(2).split(",")]
        prose = CITE.sub("", definition)
        if re.search(r"\b(?:the|one|some|most|all|other|a) sources?\b(?! that uses)", prose, re.I):
            problems.append(f"{term}: speaks of sources without naming them")
        said = attributed(definition)
        for quote, cited in said:
            if not cited:
                problems.append(f"{term}: {quote!r} is attributed to no source")
            for key in cited:
                if key in texts and not quotes.holds(quote, texts[key]):
                    problems.append(f"{term}: {quote!r} is not in {key}")
        if "the only source that uses the word" in definition:
            word = re.compile(rf"\b{re.escape(term)}s?\b", re.I)
            using = {key for key, text in texts.items() if key in set(sources.source_ids()) and word.search(text)}
            if using != set(keys):
                problems.append(f"{term}: used by {sorted(using)}, not only by {sorted(set(keys))}")
        order = re.match(r"The (first|last) of the levels", definition)
        if order:
            listed = said[0][0].lower() if said else ""
            if not (listed.startswith(term.lower()) if order.group(1) == "first" else listed.endswith(term.lower())):
                problems.append(f"{term}: not the {order.group(1)} of {listed!r}")
        rung = re.search(r"puts it on the ([a-z -]+?) rung", definition)
        if rung:
            wanted = rung.group(1).replace("-", " ")
            tiers = {
                vocab.TIER_LABELS[str(r.values["tier"])].lower().replace("-", " ")
                for r in records
                if r.kind == "role" and r.source_id in keys and str(r.values["title"]).lower() == term.lower()
            }
            if tiers != {wanted}:
                problems.append(f"{term}: on the {sorted(tiers) or 'no'} rung, not the {wanted} rung")
    return problems


def test_what_the_glossary_says_of_the_sources_is_in_the_sources() -> None:
    definitions = glossary((paths.BOOK / "glossary.md").read_text(encoding="utf-8"))
    assert glossary_problems(definitions, quotes.texts(), evidence.validate_all().records) == []
    # each kind of statement is there to be checked (a claim that only one source uses a word is not
    # made: a new source could make it false; the check of one is tested below)
    assert any(re.search(r"puts it on the [a-z -]+ rung", d) for d in definitions.values())


def test_the_glossary_check_finds_each_kind_of_unsupported_statement() -> None:
    texts = {"contact-center-pay": "Our agents answer calls.", "cedric-career-graph": "levels: junior, boss"}
    records = [
        evidence.Record(
            "cedric-career-graph", "role-junior", "role", {"title": "junior", "tier": "frontline"}, (), "", ""
        )
    ]
    bad = {
        "Agent": "A worker; used interchangeably with CSR in the sources.",
        "Boss": "One source's top rung.",
        "Call": "{cite:t}`cedric-career-graph` speaks of “answer calls”.",
        "Answer": "{cite:t}`cedric-career-graph` uses it; it is the only source that uses the word.",
        "Junior": "The last of the levels that {cite:t}`cedric-career-graph` lists (“junior, boss”).",
        "Chief": "{cite:t}`cedric-career-graph` lists “boss”; the report puts it on the manager rung.",
    }
    problems = glossary_problems(bad, texts, records)
    assert [p.split(":")[0] for p in problems] == ["Agent", "Boss", "Call", "Answer", "Junior", "Chief"]
    good = {
        "Agent": "{cite:t}`contact-center-pay` says “Our agents”; it is the only source that uses the word.",
        "Junior": "The first of the levels that {cite:t}`cedric-career-graph` lists (“junior, boss”); the "
        "report puts it on the front-line rung.",
    }
    assert glossary_problems(good, texts, records) == []


def test_a_quotation_is_attributed_to_the_citation_that_introduces_or_follows_it() -> None:
    definition = "{cite:t}`a` says “x” and {cite:t}`b,c` “y”; it is “z” {cite:p}`d`."
    assert attributed(definition) == [("x", ["a"]), ("y", ["b", "c"]), ("z", ["b", "c"])]
    assert attributed("It is “z” {cite:p}`d`.") == [("z", ["d"])]
    assert attributed("{cite:t}`a` and {cite:t}`b` both say “w”.") == [("w", ["a", "b"])]


# --- figures only by glue ---------------------------------------------------------------------------

#: An identifier with digits in it: an occupation code (43-4051), a name such as UTF-8 or sha256.
IDENTIFIER = re.compile(r"\b\d{2}-\d{4}\b|\b[A-Za-z]+[-]?\d+\b")


def typed_figures(markdown: str) -> list[str]:
    """The figures typed into Markdown: numbers outside roles (glue, citations, links), code and
    identifiers."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = ROLE.sub(" ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = IDENTIFIER.sub(" ", text)
    return re.findall(r"\d[\d,.]*", text)


def test_typed_figures_are_found_and_identifiers_are_not() -> None:
    assert typed_figures("Pay is $32,000 {glue:text}`n` in 2007 (SOC 43-4051, UTF-8, sha256).") == ["32,000", "2007"]
    assert typed_figures("{glue:text}`n_sources` articles, ```{code}\n42\n```, `x = 3`, [a](b-2.html).") == []


def test_the_markdown_typed_into_the_notebooks_holds_no_figure() -> None:
    for notebook in sorted(paths.BOOK.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        markdown = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert typed_figures(markdown) == [], notebook.name


# --- a source's caveat on every page of findings that draws on it ---------------------------------


def _page_text(page: Path) -> str:
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return sources.normalise_space(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def uses_source(page_html: str, page_text: str, source_id: str) -> bool:
    """Whether a page draws on a source: it cites it, links one of its records, or names it."""
    meta = next(m for m in sources.read_manifest() if m.source_id == source_id)
    return (
        f"#cite-{source_id}" in page_html
        or f"#{source_id}--" in page_html
        or (meta.short_title or meta.title) in page_text
    )


def missing_caveats(pages: list[Path]) -> list[str]:
    """The pages that draw on a source with a caveat but do not repeat the caveat."""
    said = {m.source_id: sources.normalise_space(m.caveat) for m in sources.read_manifest() if m.caveat}
    out = []
    for page in pages:
        text = _page_text(page)
        page_html = page.read_text(encoding="utf-8")
        out += [
            f"{page.name}: {prose.short_ref(key)}"
            for key, caveat in said.items()
            if uses_source(page_html, text, key) and caveat not in text
        ]
    return out


@pytest.mark.book
def test_every_page_of_findings_that_draws_on_a_source_with_a_caveat_repeats_it(built_book: Path) -> None:
    """The methods page says so: the summary and every chapter that uses such a source's records."""
    pages = [built_book / "book" / "index.html", *sorted((built_book / "book").glob("0*.html"))]
    assert len(pages) == 1 + len(list(paths.BOOK.glob("0*.ipynb")))
    assert sources.with_caveat(), "no source has a caveat: the check has nothing to check"
    assert missing_caveats(pages) == []


def test_the_caveat_check_finds_a_page_that_names_the_source_without_its_caveat(tmp_path: Path) -> None:
    key = sources.with_caveat()[0]
    meta = next(m for m in sources.read_manifest() if m.source_id == key)
    cited = tmp_path / "cited.html"
    cited.write_text(f'<p>A figure <a href="bibliography.html#cite-{key}">[1]</a>.</p>', encoding="utf-8")
    named = tmp_path / "named.html"
    named.write_text(f"<p>The average that {meta.short_title} quotes.</p>", encoding="utf-8")
    shown = tmp_path / "shown.html"
    caveat = meta.caveat.replace(" ", "\n  ", 2)
    shown.write_text(f'<p><a href="evidence.html#{key}--x">x</a> says: &#8220;{caveat}&#8221;</p>', encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text("<p>Nothing from that source.</p>", encoding="utf-8")
    assert [p.split(":")[0] for p in missing_caveats([cited, named, shown, other])] == ["cited.html", "named.html"]
