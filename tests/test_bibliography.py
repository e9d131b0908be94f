"""The BibTeX file agrees with the sources' one home, the manifest, and holds every key the report cites."""

from __future__ import annotations

import re
import sys

import yaml
from pybtex.database import parse_file

from analysis.chapters import prose
from analysis.core import evidence, external, paths, sources
from analysis.publish import figures


def _entries() -> dict[str, object]:
    return dict(parse_file(str(paths.BIBLIOGRAPHY)).entries)


def test_every_source_has_an_entry_that_matches_the_manifest() -> None:
    entries = _entries()
    for meta in sources.read_manifest():
        entry = entries[meta.source_id]
        fields = entry.fields  # type: ignore[attr-defined]
        assert fields["title"].replace("{", "").replace("}", "") == meta.title, meta.source_id
        assert fields.get("shorttitle", "") == meta.short_title or (meta.author and not meta.short_title)
        people = entry.persons.get("author", [])  # type: ignore[attr-defined]
        written = " ".join(" ".join([*p.first_names, *p.last_names]) for p in people)
        assert written == meta.author, meta.source_id
        assert fields.get("year", "") == meta.published[:4], meta.source_id
        assert fields.get("date", "") == meta.published, meta.source_id
        assert meta.file.replace("_", "\\_") in fields.get("note", ""), meta.source_id


def test_every_reference_a_chart_or_page_cites_is_in_the_bibliography() -> None:
    entries = _entries()
    for key in external.REFERENCES:
        assert key in entries, key
    for chart in figures.registry().values():
        for key in chart.references(chart.data()):
            assert key in entries, (chart.name, key)
    for page in paths.BOOK.glob("*.*"):
        if page.suffix not in (".md", ".ipynb"):
            continue
        for keys in re.findall(r"\{cite:[pt]\}`([^`]+)`", page.read_text(encoding="utf-8")):
            for key in keys.split(","):
                assert key.strip() in entries, (page.name, key)


def _label(entry: object) -> str:
    """Who a citation names: the authors, else the short title, else the title (the report's style)."""
    people = entry.persons.get("author", [])  # type: ignore[attr-defined]
    if people:
        return " and ".join(str(p) for p in people)
    fields = entry.fields  # type: ignore[attr-defined]
    return str(fields.get("shorttitle") or fields["title"])


def test_no_two_works_get_the_same_author_year_citation() -> None:
    seen: dict[tuple[str, str], str] = {}
    for key, entry in _entries().items():
        label = (_label(entry), entry.fields.get("year", "n.d."))  # type: ignore[attr-defined]
        assert label not in seen, f"{key} and {seen[label]} would both be cited as {label}"
        seen[label] = key


def test_the_bibliography_shows_titles_and_dates_as_written() -> None:
    # pybtex's plain style (the bibliography's) lower-cases a title unless it is braced: render every
    # entry with it and find each title, as the BibTeX file writes it, in the text.
    from pybtex.database import parse_file as parse
    from pybtex.plugin import find_plugin

    data = parse(str(paths.BIBLIOGRAPHY))
    style = find_plugin("pybtex.style.formatting", "plain")()
    rendered = {e.key: e.text.render_as("text") for e in style.format_entries(data.entries.values())}
    for key, entry in data.entries.items():
        title = entry.fields["title"].replace("{", "").replace("}", "").replace("--", "–")
        assert title in rendered[key], (key, rendered[key])
        month = entry.fields.get("month", "")
        if month:
            assert re.search(r"\b[A-Z][a-z]+ \d{4}\b", rendered[key]), (key, rendered[key])


def test_bibliography_urls_are_shown_whole() -> None:
    # The theme shortens a GitHub link shown as its own address to "owner/repo" unless told not to.
    config = yaml.safe_load(paths.ROOT.joinpath("_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["html_theme_options"]["shorten_urls"] is False


# --- labels a manager can read --------------------------------------------------------------------

#: Words of a label that promise a kind of record: a source labelled with one must have such a record.
PROMISES = {
    "pay": "salary",
    "salary": "salary",
    "salaries": "salary",
    "wage": "salary",
    "wages": "salary",
    "benefit": "benefit",
    "benefits": "benefit",
    "requirement": "requirement",
    "requirements": "requirement",
}


def test_a_source_is_cited_by_its_authors_full_name_or_else_its_short_title() -> None:
    sys.path.insert(0, str(paths.ROOT / "_ext"))
    import bibstyle  # _ext is not a package; the style the book registers

    person_style = bibstyle.ShortTitlePersonStyle()
    entries = _entries()
    for meta in sources.read_manifest():
        people = entries[meta.source_id].persons.get("author", [])  # type: ignore[attr-defined]
        shown = [
            person_style.style_plugin.format(p, person_style.abbreviate).format().render_as("text") for p in people
        ]
        who = " and ".join(shown).replace("\xa0", " ")
        assert who == meta.author, meta.source_id  # "Franklin Cedric", never "Cedric" alone
        label = prose.short_ref(meta.source_id)
        assert label == f"{meta.author or meta.short_title or meta.title} ({meta.published[:4] or 'n.d.'})"
        assert meta.author or meta.short_title, f"{meta.source_id}: no author and no short title to cite it by"


def test_no_label_promises_what_its_source_does_not_give() -> None:
    kinds = {(r.source_id, r.kind) for r in evidence.validate_all().records}
    for meta in sources.read_manifest():
        for word in re.findall(r"[a-z]+", meta.short_title.lower()):
            if word in PROMISES:
                assert (meta.source_id, PROMISES[word]) in kinds, (
                    f"{meta.source_id} is labelled {meta.short_title!r} but has no {PROMISES[word]} record"
                )
