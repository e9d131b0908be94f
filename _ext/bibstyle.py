"""Author-year citations a manager can read: full names, and a short title when there is no author.

sphinxcontrib-bibtex's ``author_year`` style cites an author by surname alone ("Cedric", which
reads as a first name) and falls back on the full title, which turns a table's source column into
paragraphs. This style cites each author by full name ("Franklin Cedric", as the manifest
``data/raw/sources.csv`` writes it, and ``analysis.chapters.prose.short_ref`` too) and, for an
entry without one, the BibTeX ``shorttitle`` field (then the title). This extension registers it
as ``author_year_short``, which ``bibtex_reference_style`` in ``_config.yml`` selects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pybtex.style.template import field as bib_field
from pybtex.style.template import first_of, node, optional, tag
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import names


@node
def author_or_short_title(children: Any, data: Any, **kwargs: Any) -> Any:
    """Authors, else editors, else the short title, else the title."""
    assert not children
    return first_of[
        optional[names("author", **kwargs)],
        optional[names("editor", **kwargs)],
        optional[tag("em")[bib_field("shorttitle")]],
        tag("em")[bib_field("title")],
    ].format_data(data)


@dataclass
class ShortTitlePersonStyle(PersonStyle):
    """Person style with full names (pybtex's ``plain`` name style, first names not abbreviated)
    whose fallback for an authorless entry is its short title."""

    style: str = "plain"
    abbreviate: bool = False

    def author_or_editor_or_title(self, full: bool) -> Any:
        return author_or_short_title(
            sep=self.sep, sep2=self.sep2, last_sep=self.last_sep, other=None if full else self.other
        )


@dataclass
class ShortAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    """``author_year`` with :class:`ShortTitlePersonStyle`."""

    person: PersonStyle = field(default_factory=ShortTitlePersonStyle)


def setup(app: Sphinx) -> dict[str, Any]:
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_short", ShortAuthorYearReferenceStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
