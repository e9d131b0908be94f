"""Helpers that turn tables into what a book page shows: MyST tables with citations."""

from __future__ import annotations

from functools import cache

import pandas as pd
from IPython.display import Markdown

from analysis import paths


class Text(str):
    """A string that glues as itself: its repr has no quotes, so ``{glue:text}`` shows it bare."""

    def __repr__(self) -> str:
        return str(self)


def cite(source_id: str, style: str = "p") -> str:
    """A MyST citation role for a BibTeX key: ``{cite:p}`key```."""
    return f"{{cite:{style}}}`{source_id}`"


def md_table(frame: pd.DataFrame, *, cite_column: str | None = None) -> Markdown:
    """A Markdown table (rendered by MyST, so roles in cells work); optional citation column.

    ``cite_column`` names a column of BibTeX keys that is shown as citations.
    """
    shown = frame.copy()
    if cite_column is not None:
        shown[cite_column] = shown[cite_column].map(cite)
        shown = shown.rename(columns={cite_column: "Source"})
    shown = shown.fillna("").astype(str).replace({"": "–"})
    return Markdown(shown.to_markdown(index=False))


@cache
def _short_titles() -> dict[str, str]:
    """The ``shorttitle`` of every BibTeX entry that has one (the report's names for unsigned articles)."""
    from pybtex.database import parse_file

    entries = parse_file(str(paths.BIBLIOGRAPHY)).entries
    return {key: entry.fields["shorttitle"] for key, entry in entries.items() if "shorttitle" in entry.fields}


def short_ref(source_id: str) -> str:
    """A short plain-text reference, as the citations show it: author or short title, and year."""
    from analysis import sources

    meta = next(m for m in sources.read_manifest() if m.source_id == source_id)
    who = meta.author.split()[-1] if meta.author else _short_titles().get(source_id, meta.title)
    return f"{who} ({meta.published[:4] or 'n.d.'})"


def source_line(source_ids: list[str], *others: str) -> str:
    """The text of a chart's source line: the sources used, then any other reference."""
    refs = [short_ref(s) for s in dict.fromkeys(source_ids)] + list(others)
    return "; ".join(refs) + ". Chart: Call Center Careers."
