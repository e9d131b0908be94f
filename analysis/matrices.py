"""Who says what: source x category matrices for benefits, challenges, metrics and conditions."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis import charts


def presence(table: pd.DataFrame, sources_order: list[str], by: str = "category") -> pd.DataFrame:
    """Records per category (rows) and source (columns), every source a column, zeros kept.

    Rows are ordered by how many sources mention the category, then by record count, then name.
    """
    counts = pd.crosstab(table[by], table["source_id"]).reindex(columns=sources_order, fill_value=0)
    counts.columns.name = None
    counts.index.name = by
    key = pd.DataFrame({"n_sources": (counts > 0).sum(axis=1), "n_records": counts.sum(axis=1)})
    order = key.sort_values(["n_sources", "n_records"], ascending=False, kind="stable")
    order = order.loc[sorted(order.index, key=lambda c: (-order.loc[c, "n_sources"],
                                                         -order.loc[c, "n_records"], c))]
    return counts.loc[order.index]


def summary(table: pd.DataFrame, sources_order: list[str], by: str = "category") -> pd.DataFrame:
    """Per category: how many sources mention it, how many records, and which sources."""
    counts = presence(table, sources_order, by)
    return pd.DataFrame({
        by: counts.index,
        "sources": (counts > 0).sum(axis=1).to_numpy(),
        "records": counts.sum(axis=1).to_numpy(),
        "named_by": [", ".join(s for s in counts.columns if counts.loc[c, s] > 0) for c in counts.index],
    })


def wording(table: pd.DataFrame, by: str = "category") -> pd.DataFrame:
    """Every record's own words, grouped by category then source: the verbatim evidence."""
    cols = [by, "source_id", *(c for c in ("item", "metric", "value") if c in table.columns), "quote"]
    return table[cols].sort_values([by, "source_id"], kind="stable", ignore_index=True)


def matrix_chart(counts: pd.DataFrame, column_labels: list[str], row_label: str) -> Figure:
    """A dot matrix: a filled dot where a source names a category, its count written inside."""
    n_rows, n_cols = counts.shape
    fig, ax = plt.subplots(figsize=(1.3 * n_cols + 3.8, 0.42 * n_rows + 1.8))
    for i, category in enumerate(counts.index):
        for j, source in enumerate(counts.columns):
            n = int(counts.loc[category, source])
            if n:
                ax.scatter(j, i, s=330, color=charts.OKABE_ITO[0], zorder=3)
                ax.text(j, i, str(n), ha="center", va="center", color="white", fontsize=9,
                        fontweight="bold", zorder=4)
            else:
                ax.scatter(j, i, s=40, color=charts.LIGHT, zorder=3)
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


def bar_chart(summary_frame: pd.DataFrame, by: str, xlabel: str) -> Figure:
    """Horizontal bars: how many of the sources name each category."""
    frame = summary_frame.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.38 * len(frame) + 1.4))
    ax.barh([str(c).replace("-", " ") for c in frame[by]], frame["sources"], color=charts.OKABE_ITO[0])
    for y, (n, r) in enumerate(zip(frame["sources"], frame["records"], strict=True)):
        ax.text(n + 0.05, y, f"{n} ({r} records)", va="center", fontsize=10, color=charts.GREY)
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, frame["sources"].max() + 1.2)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    return fig


def labelled(counts: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """A presence matrix with its row keys replaced by human labels (order kept)."""
    return counts.rename(index=lambda k: labels.get(k, k))


def matrix_figure(table: pd.DataFrame, sources_order: list[str], column_labels: list[str],
                  row_label: str, source_text: str, by: str = "category",
                  row_labels: Mapping[str, str] | None = None) -> Figure:
    """A chapter's source x category dot matrix, every source a column, with its source line.

    ``row_labels`` optionally replaces category keys by words a reader knows (order kept).
    """
    counts = labelled(presence(table, sources_order, by), row_labels or {})
    fig = matrix_chart(counts, column_labels, row_label)
    charts.source_line(fig, source_text)
    return fig
