"""The working-conditions chapter's charts: which source speaks of which condition, and what agents
are judged on."""

from __future__ import annotations

from analysis.chapters import matrices
from analysis.chapters.conditions import ASPECT_LABELS, METRIC_LABELS, matrix_data
from analysis.publish.chart import Chart
from analysis.publish.charts import matrices as matrices_charts

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
        takeaway=lambda d: matrices_charts.matrix_takeaway(
            d, "thing agents are judged on", "things agents are judged on"
        ),
        references=matrices.credited,
    ),
)
