"""Challenges: which of the articles names which drawback of a call-center job, and how the
articles' claims of high turnover compare with published turnover and separations rates.

The source x category counts, the per-category summary and the verbatim wording come from
:mod:`analysis.chapters.matrices`; this module holds what is particular to challenges: the labels, the
turnover claims, the published rates beside them, and the chapter's figures.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import matrices, prose
from analysis.core import evidence, external, markup, numbers, sources

TABLE = "challenges"
ROW_LABEL = "Challenge category"
TURNOVER = "turnover"
# Which BibTeX key, short name (for a chart's source line) and caveat belong to a row of
# data/external/turnover_studies.csv, recognised by a phrase of its ``claim`` or ``source`` column
# (the file has no key column). What each may be quoted for, and what not, is in the file.
_PUBLISHED: tuple[tuple[str, str, str, str], ...] = (
    (
        "occupational separations",
        external.BIBKEYS["separations"],
        "BLS Employment Projections",
        "workers leaving the occupation, not a call-center turnover rate",
    ),
    ("Cornell", external.BIBKEYS["cornell"], "Holman, Batt and Holtgrewe", "the range across sectors"),
)
#: What the articles' own claims of high turnover may be quoted for, and what not (the guide's last row).
CLAIMS_USE = (
    "that career articles call call-center turnover high, in their own words and with their hedges",
    "any rate, trend or comparison: they give no figure",
)
_PERIOD = re.compile(r"\b(\d{4})-(\d{2})\b")


def silent_sources(challenges: pd.DataFrame, sources_order: list[str]) -> list[str]:
    """The sources, in manifest order, that name no challenge at all."""
    named = set(challenges["source_id"])
    return [s for s in sources_order if s not in named]


def turnover_claims(challenges: pd.DataFrame) -> pd.DataFrame:
    """The sources' own claims about turnover: source, record, item and verbatim quote."""
    rows = challenges[challenges["category"] == TURNOVER]
    return rows[["source_id", "record_id", "item", "quote"]].reset_index(drop=True)


def reference(row: pd.Series) -> tuple[str, str, str]:
    """The BibTeX key, short name and caveat of one published figure, from a phrase of its claim
    or source."""
    text = f"{row['claim']} {row['source']}"
    for phrase, key, short, caveat in _PUBLISHED:
        if phrase.lower() in text.lower():
            return key, short, caveat
    raise external.ExternalDataError(f"no BibTeX key known for the published figure {row['claim']!r}")


def open_ended(quote: object, high: float) -> bool:
    """Whether the study's own words put the upper figure as a floor ("over 50 percent")."""
    if not isinstance(quote, str):
        return False
    return re.search(rf"\bover\s+{high:g}\b", quote) is not None


def period(row: pd.Series) -> str:
    """The period a figure refers to: a projection span such as "2024–34" if the source names one,
    else the year."""
    match = _PERIOD.search(str(row["source"]))
    if match and match.group(1) == str(int(row["year"])):
        return f"{match.group(1)}–{match.group(2)}"
    return str(int(row["year"]))


def guide_table(rates: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Which turnover figure to quote for what: each published figure (its rate, period and region),
    then the articles' own claims, with what each may be quoted for and what it must not be."""
    rows = []
    for _, rate in rates.iterrows():
        rows.append(
            {
                "To say": rate["use_for"],
                "Quote": f"{rate_text(rate)} a year ({rate['period']}, {rate['region']})",
                "Not for": rate["not_for"],
                "source_id": rate["bibkey"],
            }
        )
    if len(claims):
        rows.append(
            {
                "To say": CLAIMS_USE[0],
                "Quote": "their words (no figure)",
                "Not for": CLAIMS_USE[1],
                "source_id": list(dict.fromkeys(claims["source_id"])),
            }
        )
    return pd.DataFrame(rows, columns=["To say", "Quote", "Not for", "source_id"])


def published_rates(turnover: pd.DataFrame) -> pd.DataFrame:
    """The published figures, one row each: what they measure, the rate range in percent per year,
    whether the top is open-ended, the period, the BibTeX key, a short reference, a caveat and the study's own
    words (empty where the publisher gives a table figure only)."""
    rows = []
    for _, row in turnover.iterrows():
        low, high = float(row["low_percent"]), float(row["high_percent"])
        quote = row["quote"] if isinstance(row["quote"], str) and row["quote"].strip() else None
        key, short, caveat = reference(row)
        rows.append(
            {
                "claim": row["claim"],
                "kind": row["kind"],
                "region": row["region"],
                "period": period(row),
                "low_percent": low,
                "high_percent": high,
                "open_high": open_ended(quote, high),
                "single": low == high,
                "bibkey": key,
                "reference": f"{short} ({period(row)})",
                "caveat": caveat,
                "quote": quote,
                "use_for": row.get("use_for", ""),
                "not_for": row.get("not_for", ""),
            }
        )
    return pd.DataFrame(rows)


def rate_text(rate: pd.Series) -> str:
    """A rate as words: "13.0%", "25–50%" or "25 to over 50%"."""
    low, high = rate["low_percent"], rate["high_percent"]
    if rate["single"]:
        return f"{low:.1f}%"
    if rate["open_high"]:
        return f"{low:g} to over {high:g}%"
    return f"{low:g}–{high:g}%"


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The articles' turnover claims in their own words."""

    return pd.DataFrame(
        {
            "In its own words": claims["quote"].map(markup.quoted),
            "source_id": claims["source_id"],
            "record_id": claims["record_id"],
        }
    )


def rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    """The published figures: what they measure, the caveat, the rate, the period and their words."""

    return pd.DataFrame(
        {
            "Measure": rates["claim"],
            "Caveat": rates["caveat"],
            "Rate per year": [rate_text(r) for _, r in rates.iterrows()],
            "Period": rates["period"],
            "In its own words": rates["quote"].map(lambda q: markup.quoted(q) if isinstance(q, str) else None),
            "source_id": rates["bibkey"],
        }
    )


def with_figure(claims: pd.DataFrame) -> list[str]:
    """The sources among the turnover claims whose words hold a figure (a percentage or number the
    scanner finds), in the claims' order."""

    found = {s for s, q in zip(claims["source_id"], claims["quote"], strict=True) if numbers.find_figures(str(q))}
    return [s for s in dict.fromkeys(claims["source_id"]) if s in found]


def rate_claim(claims: pd.DataFrame) -> str:
    """How many articles call turnover high, and whether any of them gives a figure for it (a
    percentage or number the scanner finds in its sentence), as MyST."""

    sources_ = list(dict.fromkeys(claims["source_id"]))
    figures = with_figure(claims)
    text = (
        f"{prose.plural(len(sources_), 'article').capitalize()} {'says' if len(sources_) == 1 else 'say'} "
        f"that turnover in call centers is high {markup.cites(sources_)}"
    )
    if not figures:
        text += f"; {'it gives' if len(sources_) == 1 else 'none of them gives'} a rate, a period or a source for it."
    else:
        text += f"; {prose.join([markup.cite(s, 't') for s in figures])} {'gives' if len(figures) == 1 else 'give'} a figure."
    return markup.Markup(text)


def scale_claim(study: pd.Series, claims: pd.DataFrame) -> str:
    """What a published study's figure can and cannot say about the articles' claims: its period and
    region, and whether the articles give any number it could test, as MyST."""

    n = len(dict.fromkeys(claims["source_id"]))
    figures = with_figure(claims)
    text = f"The study's figure is from {study['period']} and for {markup.md_escape(study['region'])} call centers only"
    if figures:
        return markup.Markup(
            f"{text}; {prose.join([markup.cite(s, 't') for s in figures])} "
            f"{'gives' if len(figures) == 1 else 'give'} a figure it can be set against."
        )
    return markup.Markup(
        f"{text}. It gives the kind of figure the articles' claim lacks: "
        f"{'the article that calls' if n == 1 else 'the articles that call'} turnover high "
        f"{'gives' if n == 1 else 'give'} no number that either published figure could test."
    )


def word_basis_claim(table: pd.DataFrame, sources_order: list[str], category: str) -> str:
    """Whether every article counted under a category uses the category's word, and what the others
    are counted for (their words, quoted), as MyST ("" when each uses it)."""

    rows = table[table["category"] == category]
    counted = [s for s in sources_order if s in set(rows["source_id"])]
    word = category.replace("-", " ")
    uses = rows["quote"].str.contains(rf"\b{re.escape(word)}", case=False, regex=True).astype(bool)
    using = [s for s in counted if s in set(rows.loc[uses, "source_id"])]
    others = [s for s in counted if s not in using]
    if not others:
        return markup.Markup("")
    said = prose.join(
        [
            f"{markup.cite(s, 't')} is counted for "
            + prose.join(
                [markup.quoted(markup.md_escape(q)) for q in dict.fromkeys(rows.loc[rows["source_id"] == s, "quote"])]
            )
            for s in others
        ]
    )
    use = (
        f"{len(using)} {'uses' if len(using) == 1 else 'use'} the word {markup.cites(using)}"
        if using
        else "none uses the word"
    )
    return markup.Markup(
        f"Of the {prose.plural(len(counted), 'article')} counted under *{word}*, {use}; {said}, "
        f"the nearest category for what {'it says' if len(others) == 1 else 'they say'}."
    )


def dated_words(source_ids: list[str]) -> str:
    """How the sources are dated, in words: "undated", "dated 2007", "dated 2007 and 2010", or
    "partly dated" when some are dated and some not."""

    years = {m.source_id: m.published[:4] for m in sources.read_manifest() if m.source_id in set(source_ids)}
    dated = sorted({y for y in years.values() if y})
    if not dated:
        return "undated"
    if len(dated) < len(set(source_ids)) and any(not y for y in years.values()):
        return f"partly dated ({prose.join(dated)})"
    return f"dated {prose.join(dated)}"


def _hedge_words(rows: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(w for v in rows["hedge"] for w in prose.hedge_words(v)))


def _with_hedges(hedges: list[str]) -> str:

    if not hedges:
        return "without a hedge"
    return f"with the {'hedge' if len(hedges) == 1 else 'hedges'} {prose.join([f'*{h}*' for h in hedges])}"


def answers_claim(challenges: pd.DataFrame, benefits: pd.DataFrame, sources_order: list[str]) -> str:
    """Where drawbacks answer promises: the benefit most articles name and the challenges of earning
    it; flexibility against unsocial hours, with the hedges of both; misconceptions raised to dismiss
    them, with how many each article raises, as MyST."""

    top = matrices.summary(benefits, sources_order).iloc[0]
    effort = challenges[challenges["category"] == "advancement-effort"]
    flexible = [s for s in sources_order if s in set(benefits.loc[benefits["category"] == "flexibility", "source_id"])]
    hours = [s for s in sources_order if s in set(challenges.loc[challenges["category"] == "hours", "source_id"])]
    both = [s for s in flexible if s in hours]
    misconceptions = challenges[challenges["category"] == "misconception"]
    misconception = [s for s in sources_order if s in set(misconceptions["source_id"])]
    parts = [
        f"The benefit most articles name, *{top['category'].replace('-', ' ')}* "
        f"({prose.of(int(top['sources']), len(sources_order), 'article')}), takes effort to earn: "
        f"{prose.plural(effort['source_id'].nunique(), 'article')} "
        f"{markup.cites(list(dict.fromkeys(effort['source_id'])))} say so."
    ]
    if both:
        offered = benefits[(benefits["category"] == "flexibility") & benefits["source_id"].isin(both)]
        drawback = challenges[(challenges["category"] == "hours") & challenges["source_id"].isin(both)]
        parts.append(
            f"{prose.join([markup.cite(s, 't') for s in both])} "
            f"{'names' if len(both) == 1 else 'name'} flexible hours as a benefit, {_with_hedges(_hedge_words(offered))}, "
            f"and nights, weekends or holidays as a drawback, {_with_hedges(_hedge_words(drawback))}: the same "
            "round-the-clock opening seen from both sides."
        )
    if misconception:
        counts = misconceptions["source_id"].value_counts()
        each = prose.join(
            [f"{prose.plural(int(counts[s]), 'record')} from {markup.cite(s, 't')}" for s in misconception]
        )
        parts.append(
            "The *misconception* rows are drawbacks raised only to be dismissed, claims that call-center "
            f"work is not what outsiders think: {each}."
        )
    return markup.Markup(" ".join(parts))


def matrix_data() -> pd.DataFrame:
    """Which source names which challenge category, with the records behind each dot."""

    return matrices.matrix_data(evidence.load_table(TABLE), sources.source_ids())


def turnover_data() -> pd.DataFrame:
    """The published rates drawn (one row each, ``source_id`` their BibTeX key), then a last row for
    the articles' own claim of high turnover, which gives no rate (its sources in ``claimed_by``)."""

    claims = turnover_claims(evidence.load_table(TABLE))
    rates = published_rates(external.load_turnover())
    rows = rates.rename(columns={"bibkey": "source_id"})[
        ["claim", "kind", "period", "low_percent", "high_percent", "open_high", "single", "caveat", "source_id"]
    ]
    claimed = list(dict.fromkeys(claims["source_id"]))
    last = pd.DataFrame(
        [
            {
                "claim": "The articles' own claim of high turnover",
                "kind": "articles",
                "n_sources": len(sources.source_ids()),
                "n_claiming": len(claimed),
                "claimed_by": ";".join(claimed),
                "record_ids": ";".join(claims["record_id"]),
            }
        ]
    )
    return pd.concat([rows, last], ignore_index=True)
