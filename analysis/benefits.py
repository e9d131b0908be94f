"""Benefits: which of the five articles names which benefit of a call-center job, in its own words.

The source x category counts, the per-category summary and the verbatim wording come from
:mod:`analysis.matrices`; this module holds only what is particular to benefits: the labels, the
set of employer-paid benefits, and the chapter's figure.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from matplotlib.figure import Figure

from analysis import matrices

TABLE = "benefits"
ROW_LABEL = "Benefit category"
# Benefits an employer pays for besides wages (the usual U.S. sense of "benefits" and "perks"), as
# opposed to promises about pay, promotion or skills.
EMPLOYER_PAID: tuple[str, ...] = ("health", "retirement", "time-off", "education", "discounts")


def employer_paid_sources(benefits: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """The sources, in manifest order, that name at least one employer-paid benefit."""
    named = set(benefits.loc[benefits["category"].isin(EMPLOYER_PAID), "source_id"])
    return [s for s in sources_order if s in named]



# --- the chapter's figure, built from the processed table ------------------------------------


def _fig_matrix() -> Figure:
    from analysis import evidence, report, sources

    order = sources.source_ids()
    return matrices.matrix_figure(evidence.load_table(TABLE), order, [report.short_ref(s) for s in order],
                                  ROW_LABEL, report.source_line(order))


FIGURES: dict[str, Callable[[], Figure]] = {
    "fig-benefits-matrix": _fig_matrix,
}
