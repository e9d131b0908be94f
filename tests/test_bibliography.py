"""The BibTeX file agrees with the sources' one home, the manifest, and holds every key the report cites."""

from __future__ import annotations

import re

from pybtex.database import parse_file

from analysis import external, figures, paths, sources


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
