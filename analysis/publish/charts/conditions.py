"""The working-conditions chapter's charts: which source speaks of which condition, and what agents
are judged on."""

from __future__ import annotations

import pandas as pd

from analysis.chapters import matrices, prose
from analysis.chapters.conditions import ASPECT_LABELS, METRIC_LABELS, matrix_data, named_measures
from analysis.core import evidence, sources
from analysis.publish.chart import Chart
from analysis.publish.charts import matrices as matrices_charts


def metrics_takeaway(data: pd.DataFrame, metrics: pd.DataFrame | None = None) -> str:
    """The metrics chart's line: first on the text's basis (only what a source names as a measure), then,
    when they differ, on the chart's own (every aim or duty a source ties to the work, the dots drawn)."""

    text = matrices_charts.matrix_takeaway(data, "thing agents are judged on", "things agents are judged on")
    metrics = evidence.load_table("metrics") if metrics is None else metrics
    order = sources.source_ids()
    named = matrices.summary(named_measures(metrics), order)
    if named.empty:
        return f"Counting what a source says work is judged on, named as a measure or not: {text}"
    top_n = int(named["sources"].max())
    top = [METRIC_LABELS.get(str(c), str(c)).lower() for c in named.loc[named["sources"] == top_n, "category"]]
    return (
        f"Counting only what a source names as a measure, {prose.join(top)} {'leads' if len(top) == 1 else 'lead'}, "
        f"with {top_n} of the {len(order)} sources. Counting also the aims and duties a source ties to the work "
        f"(the dots drawn): {text[0].lower()}{text[1:]}"
    )


CHARTS = (
    Chart(
        "fig-conditions-matrix",
        "06-conditions",
        "Which source speaks of which working condition",
        lambda: matrix_data("conditions", "aspect", ASPECT_LABELS),
        lambda d: matrices_charts.matrix_figure(d, "Working condition"),
        lambda d: "Which working conditions each source speaks of, with its number of records on each.",
        lambda d: matrices_charts.matrix_alt(d, "a working condition", "working conditions"),
        takeaway=lambda d: matrices_charts.matrix_takeaway(d, "working condition", "working conditions"),
        references=matrices.credited,
    ),
    Chart(
        "fig-metrics-matrix",
        "06-conditions",
        "What agents are judged on, by source",
        lambda: matrix_data("metrics", "category", METRIC_LABELS),
        lambda d: matrices_charts.matrix_figure(d, "Judged on"),
        lambda d: (
            "What each source says agents' performance is judged on, with its number of records on each, "
            "whether or not the source names it as a measure (the text counts named measures only)."
        ),
        lambda d: matrices_charts.matrix_alt(
            d, "it as something agents are judged on, named as a measure or not", "what agents are judged on"
        ),
        takeaway=metrics_takeaway,
        references=matrices.credited,
    ),
)
