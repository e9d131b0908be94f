"""Benefits chapter functions on small tables whose answers are worked out by hand."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.chapters import benefits, matrices
from analysis.publish.charts import benefits as benefits_charts
from analysis.publish.charts import matrices as matrices_charts


def _benefits() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "b", "b"],
            "record_id": ["r1", "r2", "r3", "r4", "r5"],
            "item": ["raises", "promotion", "healthcare", "bonuses", "discounts"],
            "category": ["pay", "advancement", "health", "pay", "discounts"],
            "quote": ["q1", "q2", "q3", "q4", "q5"],
        }
    )


def test_employer_paid_sources_keep_manifest_order_and_skip_promises() -> None:
    # a names health, b names discounts: both employer-paid; c names nothing; manifest order b, c, a
    assert benefits.employer_paid_sources(_benefits(), ["b", "c", "a"]) == ["b", "a"]
    promises_only = _benefits()[_benefits()["category"].isin(["pay", "advancement"])]
    assert benefits.employer_paid_sources(promises_only, ["a", "b"]) == []


def test_matrix_figure_has_every_source_as_a_column() -> None:
    data = matrices.matrix_data(_benefits(), ["a", "b", "c"])
    assert matrices.credited(data) == ["a", "b"]
    fig = matrices_charts.matrix_figure(data, benefits.ROW_LABEL, {"a": "Alpha", "b": "Beta", "c": "Gamma"}.__getitem__)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Alpha", "Beta", "Gamma"]
    # rows by number of sources, then records, then name: pay (2 sources), then advancement,
    # discounts, health (1 source, 1 record each) alphabetically
    assert [t.get_text() for t in ax.get_yticklabels()] == ["pay", "advancement", "discounts", "health"]
    # one count per filled dot: pay a=1, b=1; advancement a=1; discounts b=1; health a=1
    assert sorted(t.get_text() for t in ax.texts) == ["1"] * 5
    plt.close(fig)


def test_the_chapter_registers_its_matrix_figure() -> None:
    assert [c.name for c in benefits_charts.CHARTS] == ["fig-benefits-matrix"]
