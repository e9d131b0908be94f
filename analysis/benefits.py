"""Benefits: which of the five articles names which benefit of a call-center job, in its own words.

The source x category counts, the per-category summary and the verbatim wording come from
:mod:`analysis.matrices`; this module holds only what is particular to benefits: the labels, the
set of employer-paid benefits, and the chapter's figure.
"""

from __future__ import annotations

import pandas as pd

from analysis import matrices
from analysis.figures import Chart

TABLE = "benefits"
ROW_LABEL = "Benefit category"
# Benefits an employer pays for besides wages (the usual U.S. sense of "benefits" and "perks"), as
# opposed to promises about pay, promotion or skills.
EMPLOYER_PAID: tuple[str, ...] = ("health", "retirement", "time-off", "education", "discounts")


def employer_paid_sources(benefits: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """The sources, in manifest order, that name at least one employer-paid benefit."""
    named = set(benefits.loc[benefits["category"].isin(EMPLOYER_PAID), "source_id"])
    return [s for s in sources_order if s in named]



# --- the chapter's chart -----------------------------------------------------------------------


def matrix_data() -> pd.DataFrame:
    """Which source names which benefit category, with the records behind each dot."""
    from analysis import evidence, sources

    return matrices.matrix_data(evidence.load_table(TABLE), sources.source_ids())


CHARTS = (
    Chart("fig-benefits-matrix", "04-benefits", "Which article names which benefit", matrix_data,
          lambda d: matrices.matrix_figure(d, ROW_LABEL),
          lambda d: ("Which article names which benefit: a filled dot where an article names a benefit "
                     "category, with its number of records; categories ordered by how many articles name them."),
          lambda d: matrices.matrix_alt(d, "a benefit category", "benefit categories"),
          references=matrices.credited),
)
