"""Helpers that turn tables into what a book page shows: MyST tables with citations."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown


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
    shown = shown.fillna("").astype(str).replace({"": "–"})
    return Markdown(shown.to_markdown(index=False))
