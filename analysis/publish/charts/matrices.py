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
    fig, ax = plt.subplots(figsize=(8, 0.45 * n_rows + 1.8))
    for i, category in enumerate(counts.index):
        for j, source in enumerate(counts.columns):
            n = int(counts.loc[category, source])
            if n:
                ax.scatter(j, i, s=330, color=chart_style.OKABE_ITO[0], zorder=3)
                ax.text(j, i, str(n), ha="center", va="center", color="white", fontsize=10, fontweight="bold", zorder=4)
            else:
                ax.scatter(j, i, s=40, color=chart_style.LIGHT, zorder=3)
    # Source titles are long: wrapped and upright, they stay clear of the source line.
    wrapped = [
        textwrap.fill(label, width=max(8, 60 // max(n_cols, 1)), break_long_words=False) for label in column_labels
    ]
    ax.set_xticks(range(n_cols), wrapped, rotation=0, ha="center", fontsize=10)
    ax.set_yticks(range(n_rows), [str(c).replace("-", " ") for c in counts.index])
    ax.set_xlim(-0.6, n_cols - 0.4)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_ylabel(row_label)
    ax.grid(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(length=0)
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


def in_sentence(labels: list[str]) -> list[str]:
    """Row labels as a sentence lists them: each starts with a capital on the chart, and in a
    sentence only the first keeps it; a label that starts with an abbreviation ("CRM", "401(k)")
    keeps its own."""
    return labels[:1] + [w[:1].lower() + w[1:] if w[1:2].islower() else w for w in labels[1:]]


def matrix_alt(data: pd.DataFrame, what: str, rows_are: str) -> str:
    """Alt text of a dot matrix, written from its counts: who names most, what rests on one source."""

    counts = counts_of(data)
    named = (counts > 0).sum(axis=1)
    n_sources = counts.shape[1]
    widest = in_sentence([str(k) for k in named.index[named == named.max()]])
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


def matrix_takeaway(data: pd.DataFrame, noun: str, nouns: str) -> str:
    """The line to take from a dot matrix: what most sources name, and how much rests on one source
    (``noun`` and ``nouns``: what a row is, "benefit category" and "benefit categories")."""

    counts = counts_of(data)
    shown = [s for s in counts.columns if s != OTHERS]
    named = (counts[shown] > 0).sum(axis=1)
    if not len(named) or named.max() == 0:
        return f"No source names any of the {nouns}."
    widest = in_sentence([str(k) for k in named.index[named == named.max()]])
    single = int((named == 1).sum())
    most = int(named.max())
    of_sources = (f"all {most} sources" if most == len(shown) else f"{most} of the {len(shown)} sources") + (
        " shown" if OTHERS in counts.columns else ""
    )
    lead = (
        f"{widest[0][0].upper()}{widest[0][1:]} is named by {of_sources}"
        if len(widest) == 1
        else f"{prose.join(widest)[0].upper()}{prose.join(widest)[1:]} are each named by {of_sources}"
    )
    total = len(named)
    if single == 0:
        rest = f"no {noun} rests on one source alone"
    elif single == total:
        rest = f"{'the' if total == 1 else 'every'} {noun} rests on one source"
    else:
        rest = f"{single} of the {total} {nouns} {'rests' if single == 1 else 'rest'} on one source"
    return f"{lead}; {rest}."
