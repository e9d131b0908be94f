"""The report's own release metadata: title, version, date and published address (from
``CITATION.cff``), the licence, and the citations of the report's figures."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from analysis.core import paths


@dataclass(frozen=True)
class Release:
    """The report's own citation metadata (``CITATION.cff``): one home for title, version, date, URL."""

    title: str
    version: str
    date: str
    url: str


@cache
def release(citation: Path = paths.CITATION) -> Release:
    """The report's title, version, release date and published address."""
    meta = yaml.safe_load(citation.read_text(encoding="utf-8"))
    return Release(str(meta["title"]), str(meta["version"]), str(meta["date-released"]), str(meta["url"]))


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
    year = rel.date[:4]
    return (
        f"Call Center Careers ({year}). Figure {number}: {title}. In {rel.title}, version {rel.version}. "
        f"{page_url(chapter, name)}"
    )


def short_figure_citation(number: int) -> str:
    """The short citation under a chart or on a slide."""
    rel = release()
    return f"Call Center Careers ({rel.date[:4]}), Figure {number}. {LICENCE}."
