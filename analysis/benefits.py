"""Benefits: which of the five articles names which benefit of a call-center job, in its own words.

The source x category counts, the per-category summary and the verbatim wording come from
:mod:`analysis.matrices`; this module holds only what is particular to benefits: the labels, the
set of employer-paid benefits, and the chapter's figure.
"""

from __future__ import annotations

import pandas as pd

from analysis import matrices, vocab
from analysis.figures import Chart

TABLE = "benefits"
ROW_LABEL = "Benefit category"
# Benefits an employer pays for besides wages (the usual U.S. sense of "benefits" and "perks"), as
# opposed to promises about pay, promotion or skills.
EMPLOYER_PAID: tuple[str, ...] = ("health", "retirement", "time-off", "education", "discounts")
assert not set(EMPLOYER_PAID) - set(vocab.BENEFIT_CATEGORIES)


def employer_paid_sources(benefits: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """The sources, in manifest order, that name at least one employer-paid benefit."""
    named = set(benefits.loc[benefits["category"].isin(EMPLOYER_PAID), "source_id"])
    return [s for s in sources_order if s in named]


#: Categories that are prospects the job holds out, rather than something an employer pays for.
PROSPECTS: tuple[str, ...] = ("pay", "advancement", "skills", "job-security")


def employer_paid_claim(benefits: pd.DataFrame, sources_order: list[str]) -> str:
    """Each employer-paid benefit, who names it and with what hedge, as MyST."""
    from analysis import report

    parts = []
    for category in EMPLOYER_PAID:
        rows = benefits[benefits["category"] == category]
        if rows.empty:
            continue
        said = []
        for source in [s for s in sources_order if s in set(rows["source_id"])]:
            hedges = [
                w for v in rows.loc[rows["source_id"] == source, "hedge"].fillna("") for w in str(v).split(";") if w
            ]
            how = f"*{report.join(list(dict.fromkeys(hedges)), 'or')}*" if hedges else "without a hedge"
            said.append(f"{report.cite(source, 't')} ({how})")
        parts.append(f"{category.replace('-', ' ')}: {report.join(said)}")
    return report.Markup("; ".join(parts) + "." if parts else "No article names a benefit an employer pays for.")


def kinds_claim(benefits: pd.DataFrame, sources_order: list[str]) -> str:
    """How many articles name a prospect, and how many a benefit an employer pays for, as MyST."""
    from analysis import report

    total = len(sources_order)
    prospects = benefits.loc[benefits["category"].isin(PROSPECTS), "source_id"].nunique()
    paid = len(employer_paid_sources(benefits, sources_order))
    n_prospect = int(benefits["category"].isin(PROSPECTS).sum())
    n_paid = int(benefits["category"].isin(EMPLOYER_PAID).sum())
    return report.Markup(
        f"{report.of(prospects, total, 'article').capitalize()} name a prospect the job holds out (pay that "
        f"can rise, promotion, skills, steady work), in {report.plural(n_prospect, 'record')}; "
        f"{report.of(paid, total, 'article')} name a benefit an employer pays for (health cover, retirement, "
        f"paid time off, tuition, discounts), in {report.plural(n_paid, 'record')}."
    )


def sums_claim(benefits: pd.DataFrame, salaries: pd.DataFrame) -> str:
    """The sums that benefits' sentences name other than pay figures (money the scanner finds in a
    quote that is not a salary record's number), as MyST: what the articles put a value on."""
    from analysis import report, scan

    pay = set(salaries["low_usd"].dropna()) | set(salaries["high_usd"].dropna())
    found = []
    for _, row in benefits.iterrows():
        for figure in scan.find_figures(str(row["quote"])):
            if figure.currency is not None and not set(figure.values) <= pay:
                found.append(
                    f"{report.md_escape(figure.text)} ({report.md_escape(row['item'])}) {report.cite(row['source_id'])}"
                )
    if not found:
        return report.Markup("No article puts a sum on any benefit.")
    return report.Markup(
        f"The only {'sum' if len(found) == 1 else 'sums'} named for a benefit, other than pay "
        f"figures, {'is' if len(found) == 1 else 'are'} {report.join(found)}; no article says what "
        "a benefit is worth to the employee who gets it."
    )


# --- the chapter's chart -----------------------------------------------------------------------


def matrix_data() -> pd.DataFrame:
    """Which source names which benefit category, with the records behind each dot."""
    from analysis import evidence, sources

    return matrices.matrix_data(evidence.load_table(TABLE), sources.source_ids())


CHARTS = (
    Chart(
        "fig-benefits-matrix",
        "04-benefits",
        "Which article names which benefit",
        matrix_data,
        lambda d: matrices.matrix_figure(d, ROW_LABEL),
        lambda d: (
            "Which article names which benefit: a filled dot where an article names a benefit "
            "category, with its number of records; categories ordered by how many articles name them."
        ),
        lambda d: matrices.matrix_alt(d, "a benefit category", "benefit categories"),
        references=matrices.credited,
    ),
)
