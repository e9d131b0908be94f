"""Benefits: which of the articles names which benefit of a call-center job, in its own words.

The source x category counts, the per-category summary and the verbatim wording come from
:mod:`analysis.chapters.matrices`; this module holds only what is particular to benefits: the labels, the
set of employer-paid benefits, and the chapter's figure.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import matrices, prose
from analysis.core import evidence, markup, numbers, sources, vocab

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


#: Categories that are prospects the job holds out, rather than pay or something an employer pays for.
PROSPECTS: tuple[str, ...] = ("advancement", "skills", "job-security")
#: The category of pay itself: wages, raises, bonuses, overtime pay, and what pay depends on.
PAY = "pay"
assert not (set(PROSPECTS) | {PAY}) - set(vocab.BENEFIT_CATEGORIES)
assert not set(PROSPECTS) & set(EMPLOYER_PAID)
assert PAY not in set(PROSPECTS) | set(EMPLOYER_PAID)

#: The flag of a record that gives one named employer's practice as an example.
ONE_EMPLOYER = "one-employer"

#: Words that qualify a sum just before it ("more than $60 million"): they are part of what the source says.
_QUALIFIER = re.compile(
    r"\b(?:more than|less than|over|under|upwards of|up to|at least|about|around|nearly|almost)\s+$", re.IGNORECASE
)


def flagged(rows: pd.DataFrame, flag: str) -> pd.Series:
    """Whether each row carries ``flag`` (all False for a table without a ``flags`` column)."""
    if "flags" not in rows.columns:
        return pd.Series(False, index=rows.index)
    return rows["flags"].fillna("").map(lambda v: flag in str(v).split(";")).astype(bool)


def _categories(categories: tuple[str, ...], conjunction: str = "or") -> str:

    return prose.join([f"*{c.replace('-', ' ')}*" for c in categories], conjunction)


def employer_paid_claim(benefits: pd.DataFrame, sources_order: list[str]) -> str:
    """Each employer-paid benefit, who names it and with what hedge, as MyST; a record that gives one
    named employer's practice as an example is said to be one, not counted as a claim about call centers."""

    parts = []
    for category in EMPLOYER_PAID:
        rows = benefits[benefits["category"] == category]
        if rows.empty:
            continue
        said = []
        for source in [s for s in sources_order if s in set(rows["source_id"])]:
            own = rows[rows["source_id"] == source]
            example = flagged(own, ONE_EMPLOYER)
            general = own[~example]
            how = []
            if not general.empty:
                hedges = [w for v in general["hedge"].fillna("") for w in str(v).split(";") if w]
                how.append(f"*{prose.join(list(dict.fromkeys(hedges)), 'or')}*" if hedges else "without a hedge")
            if example.any():
                how.append("one employer's practice, given as an example")
            said.append(f"{markup.cite(source, 't')} ({'; '.join(how)})")
        parts.append(f"{category.replace('-', ' ')}: {prose.join(said)}")
    return markup.Markup("; ".join(parts) + "." if parts else "No article names a benefit an employer pays for.")


def kinds_claim(benefits: pd.DataFrame, sources_order: list[str]) -> str:
    """How many articles name a prospect, how many pay, and how many a benefit an employer pays for
    besides wages, each counted by the report's categories (which the sentence names), as MyST."""

    total = len(sources_order)

    def count(categories: tuple[str, ...], aside: str = "") -> tuple[str, str]:
        rows = benefits[benefits["category"].isin(categories)]
        n = rows["source_id"].nunique()
        verb = "names" if n == 1 else "name"
        return f"{prose.of(n, total, 'article')}{aside} {verb}", prose.plural(len(rows), "record")

    rows = benefits[benefits["category"].isin(EMPLOYER_PAID)]
    examples_only = len(set(rows["source_id"]) - set(rows.loc[~flagged(rows, ONE_EMPLOYER), "source_id"]))
    aside = f", {examples_only} of them only through one employer's example," if examples_only else ""
    (prospect, n_prospect), (pay, n_pay) = count(PROSPECTS), count((PAY,))
    paid, n_paid = count(EMPLOYER_PAID, aside)
    return markup.Markup(
        f"By the report's categories, {prospect} a prospect the job holds out "
        f"({_categories(PROSPECTS)}), in {n_prospect}; {pay} *{PAY}*, in {n_pay}; and {paid} a "
        f"benefit an employer pays for besides wages ({_categories(EMPLOYER_PAID)}), in {n_paid}."
    )


def pay_basis_claim(benefits: pd.DataFrame, salaries: pd.DataFrame, sources_order: list[str]) -> str:
    """What the *pay* category counts: articles with a benefit record on pay, which leaves out an
    article that gives pay figures but names pay as a benefit nowhere, as MyST ("" if none does)."""

    named = set(benefits.loc[benefits["category"] == PAY, "source_id"])
    figures = salaries["source_id"].value_counts()
    left_out = [s for s in sources_order if s in figures.index and s not in named]
    if not left_out:
        return markup.Markup("")
    gives = prose.join([f"{markup.cite(s, 't')} gives {prose.plural(int(figures[s]), 'pay figure')}" for s in left_out])
    one = len(left_out) == 1
    return markup.Markup(
        f"The *{PAY}* row counts articles that name pay as a benefit: {gives} but "
        f"{'has no' if one else 'none of them has a'} benefit record on pay, so "
        f"{'it is' if one else 'they are'} not counted there."
    )


def sums_claim(benefits: pd.DataFrame, salaries: pd.DataFrame) -> str:
    """The sums that benefits' sentences name other than pay figures (money the scanner finds in a
    quote that is not a salary record's number), quoted with the words that qualify them ("more
    than"), as MyST: what the articles put a value on."""

    pay = set(salaries["low_usd"].dropna()) | set(salaries["high_usd"].dropna())
    found = []
    for _, row in benefits.iterrows():
        quote = str(row["quote"])
        for figure in numbers.find_figures(quote):
            if figure.currency is not None and not set(figure.values) <= pay:
                qualifier = _QUALIFIER.search(quote[: figure.start])
                words = quote[qualifier.start() if qualifier else figure.start : figure.end]
                found.append(
                    f"{markup.quoted(markup.md_escape(words))} ({markup.md_escape(row['item'])}) "
                    f"{markup.cite(row['source_id'])}"
                )
    if not found:
        return markup.Markup("No article puts a sum on any benefit.")
    return markup.Markup(
        f"The only {'sum' if len(found) == 1 else 'sums'} named for a benefit, other than pay "
        f"figures, {'is' if len(found) == 1 else 'are'} {prose.join(found)}."
    )


def matrix_data() -> pd.DataFrame:
    """Which source names which benefit category, with the records behind each dot."""

    return matrices.matrix_data(evidence.load_table(TABLE), sources.source_ids())
