"""The report's own release metadata: title, author, version, date and published address (from
``CITATION.cff``), the licence, and the citations of the report and of its figures.

One author form everywhere: the report's corporate author is ``CITATION.cff``'s first author
(``Call Center Careers``), and every citation the report writes (its cards, its cite page, its
slides, its workbook, the credit line drawn into each chart) takes it from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from analysis.core import paths


@dataclass(frozen=True)
class Release:
    """The report's own citation metadata (``CITATION.cff``): one home for title, author, version, date, URL."""

    title: str
    version: str
    date: str
    url: str
    author: str

    @property
    def year(self) -> str:
        return self.date[:4]


@cache
def release(citation: Path = paths.CITATION) -> Release:
    """The report's title, version, release date, published address and (corporate) author."""
    meta = yaml.safe_load(citation.read_text(encoding="utf-8"))
    authors = meta.get("authors") or []
    if not authors or not str(authors[0].get("name", "")).strip():
        raise ValueError(f"{citation}: authors needs a first entry with a name (the report's corporate author)")
    return Release(
        str(meta["title"]), str(meta["version"]), str(meta["date-released"]), str(meta["url"]), str(authors[0]["name"])
    )


#: The report's licence, for its own text, data and charts (quotations remain their authors').
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: What the licence does not cover, said once wherever the licence is stated.
QUOTATIONS = (
    "Quotations from the sources remain their authors' and are reproduced for comment and "
    "criticism; they are not covered by this licence."
)


def page_url(chapter: str, anchor: str = "") -> str:
    """The published address of a page of the book (and an anchor on it)."""
    page = "index" if chapter == "index" else chapter
    return f"{release().url.rstrip('/')}/book/{page}.html" + (f"#{anchor}" if anchor else "")


def figure_citation(number: int, title: str, name: str, chapter: str) -> str:
    """The full citation of one figure: report, version, figure number and name, address."""
    rel = release()
    return (
        f"{rel.author} ({rel.year}). Figure {number}: {title}. In {rel.title}, version {rel.version}. "
        f"{page_url(chapter, name)}"
    )


def short_figure_citation(number: int) -> str:
    """The short citation under a chart or on a slide."""
    rel = release()
    return f"{rel.author} ({rel.year}), Figure {number}. {LICENCE}."


def credit_line(number: int, name: str, chapter: str) -> str:
    """The line drawn into a chart image: report, figure number, licence and the figure's address."""
    rel = release()
    return f"{rel.author} ({rel.year}), Fig. {number} · {LICENCE} · {page_url(chapter, name)}"


def figure_apa(number: int, title: str, name: str, chapter: str) -> str:
    """One figure cited in APA style (7th edition: a figure in a report by a group author)."""
    rel = release()
    return (
        f"{rel.author}. ({rel.year}). Figure {number}: {title} [Figure]. In {rel.title} "
        f"(Version {rel.version}). {page_url(chapter, name)}"
    )


def report_citation() -> str:
    """The report cited as a whole."""
    rel = release()
    return f"{rel.author} ({rel.year}). {rel.title} (Version {rel.version}, released {rel.date}) [Data set and report]. {rel.url}"


def report_apa() -> str:
    """The report cited in APA style (7th edition: a data set and report by a group author)."""
    rel = release()
    return f"{rel.author}. ({rel.year}). {rel.title} (Version {rel.version}) [Data set and report]. {rel.url}"


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_WORDS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def bibtex_escape(text: str) -> str:
    """Text as a BibTeX field value: LaTeX's special characters escaped, so no title can end a
    field, start a command or break the entry."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_WORDS.get(m.group(1), "\\" + m.group(1)), text)


def _bibtex(key: str, fields: dict[str, str]) -> str:
    width = max(len(k) for k in fields)
    body = ",\n".join(f"  {k.ljust(width)} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{key},\n{body}\n}}"


def report_bibtex() -> str:
    """The report as a BibTeX entry (the author in double braces: a corporate name, not a person's)."""
    rel = release()
    return _bibtex(
        f"call-center-careers-{rel.year}",
        {
            "author": f"{{{bibtex_escape(rel.author)}}}",
            "title": bibtex_escape(rel.title),
            "year": rel.year,
            "version": bibtex_escape(rel.version),
            "url": rel.url,
            "note": f"Data set and report, {LICENCE}",
        },
    )


def figure_bibtex(number: int, title: str, name: str, chapter: str) -> str:
    """One figure as a BibTeX entry."""
    rel = release()
    return _bibtex(
        f"call-center-careers-{rel.year}-fig-{number}",
        {
            "author": f"{{{bibtex_escape(rel.author)}}}",
            "title": bibtex_escape(f"Figure {number}: {title}"),
            "howpublished": bibtex_escape(f"In {rel.title}, version {rel.version}"),
            "year": rel.year,
            "url": page_url(chapter, name),
            "note": LICENCE,
        },
    )
