"""The dot matrix shared by the benefits, challenges, conditions and ladder charts: a filled dot
where a source names a category, with its number of records."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.chapters import prose
from analysis.chapters.matrices import OTHERS, counts_of
from analysis.publish import chart_style


def matrix_chart(counts: pd.DataFrame, column_labels: list[str], row_label: str) -> Figure:
    """A dot matrix: a filled dot where a source names a category, its count written inside."""
    n_rows, n_cols = counts.shape
    fig, ax = plt.subplots(figsize=(1.3 * n_cols + 3.8, 0.42 * n_rows + 1.8))
    for i, category in enumerate(counts.index):
        for j, source in enumerate(counts.columns):
            n = int(counts.loc[category, source])
            if n:
                ax.scatter(j, i, s=330, color=chart_style.OKABE_ITO[0], zorder=3)
                ax.text(j, i, str(n), ha="center", va="center", color="white", fontsize=9, fontweight="bold", zorder=4)
            else:
                ax.scatter(j, i, s=40, color=chart_style.LIGHT, zorder=3)
    # Source titles are long: wrapped and upright, they stay clear of the source line.
    wrapped = [textwrap.fill(label, width=18, break_long_words=False) for label in column_labels]
    ax.set_xticks(range(n_cols), wrapped, rotation=0, ha="center", fontsize=10)
    ax.set_yticks(range(n_rows), [str(c).replace("-", " ") for c in counts.index])
    ax.set_xlim(-0.6, n_cols - 0.4)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_ylabel(row_label)
    ax.grid(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(length=0)
    lines = max(label.count("\n") + 1 for label in wrapped)
    fig.subplots_adjust(bottom=min(0.45, (0.3 + 0.19 * lines) / fig.get_figheight()))
    return fig


def matrix_figure(data: pd.DataFrame, row_label: str, column_label: Callable[[str], str] | None = None) -> Figure:
    """A chapter's source x category dot matrix, every source a column, from :func:`matrix_data`;
    columns are headed by each source's short reference unless ``column_label`` says otherwise."""

    counts = counts_of(data)
    label = column_label or prose.short_ref
    grouped = int(data.loc[data["source_id"] == OTHERS, "sources"].max()) if (data["source_id"] == OTHERS).any() else 0
    return matrix_chart(
        counts, [f"{grouped} other sources" if s == OTHERS else label(str(s)) for s in counts.columns], row_label
    )


def matrix_alt(data: pd.DataFrame, what: str, rows_are: str) -> str:
    """Alt text of a dot matrix, written from its counts: who names most, what rests on one source."""

    counts = counts_of(data)
    named = (counts > 0).sum(axis=1)
    n_sources = counts.shape[1]
    widest = [str(k) for k in named.index[named == named.max()]]
    single = [str(k) for k in named.index[named == 1]]
    empty = [prose.short_ref(s) for s in counts.columns if counts[s].sum() == 0]
    text = (
        f"Dot matrix with {rows_are} as rows ({', '.join(map(str, counts.index))}) and the {n_sources} "
        f"sources as columns; a filled dot with a number of records marks each source that names {what}, a "
        f"small grey dot one that does not. Most widely named: {', '.join(widest)} "
        f"({int(named.max())} of {n_sources} sources)."
    )
    if single:
        text += f" Named by one source only: {', '.join(single)}."
    if empty:
        text += f" No dot in the column of {', '.join(empty)}."
    return text
