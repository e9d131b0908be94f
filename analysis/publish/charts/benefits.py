"""The benefits chapter's chart: which article names which benefit."""

from __future__ import annotations

from analysis.chapters import matrices
from analysis.chapters.benefits import ROW_LABEL, matrix_data
from analysis.publish.chart import Chart
from analysis.publish.charts import matrices as matrices_charts

CHARTS = (
    Chart(
        "fig-benefits-matrix",
        "04-benefits",
        "Which article names which benefit",
        matrix_data,
        lambda d: matrices_charts.matrix_figure(d, ROW_LABEL),
        lambda d: (
            "Which article names which benefit: a filled dot where an article names a benefit "
            "category, with its number of records; categories ordered by how many articles name them."
        ),
        lambda d: matrices_charts.matrix_alt(d, "a benefit category", "benefit categories"),
        takeaway=lambda d: matrices_charts.matrix_takeaway(d, "benefit category", "benefit categories"),
        references=matrices.credited,
    ),
)
