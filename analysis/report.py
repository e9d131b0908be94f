"""Helpers that turn tables into what a book page shows: MyST tables with citations."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown


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


def short_ref(source_id: str) -> str:
    """A short plain-text reference for a source: author or title, and year (or n.d.)."""
    from analysis import sources

    meta = next(m for m in sources.read_manifest() if m.source_id == source_id)
    who = meta.author.split()[-1] if meta.author else meta.title.strip("[]")
    if len(who) > 48:
        who = who[:45].rsplit(" ", 1)[0] + "…"
    return f"{who} ({meta.published[:4] or 'n.d.'})"


def source_line(source_ids: list[str], *others: str) -> str:
    """The text of a chart's source line: the sources used, then any other reference."""
    refs = [short_ref(s) for s in dict.fromkeys(source_ids)] + list(others)
    return "; ".join(refs) + ". Chart: Call Center Careers."
