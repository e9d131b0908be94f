"""Each chapter's key numbers: the box a chapter opens with, before its chart and its sections.

A box holds at most :data:`MOST` numbers, the BLS Quick Facts idea: each number as shown, one line
that says what it means (with the words a source hedges it with, and "read as annual" where the
source states no period) and its citation (the sources it counts, or the one record it comes from,
linked to its row in the evidence explorer; an official figure cites its statistic). Every number is
computed here from the tables the chapter's own functions use, never typed; the sections below say
the same things at length, so a reader gets the finding at once and its sentence a click away.

A chapter's notebook shows its box with one cell near its top (``key_numbers.box(key_numbers.pay())``).
A number the corpus cannot give (no yearly range, say) is left out rather than shown as a blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from IPython.display import Markdown

from analysis.chapters import agreement, benchmark, challenges, conditions, evidence_base, ladder, matrices, pay, prose
from analysis.core import evidence, external, markup, sources, vocab

#: The most numbers a box holds.
MOST = 5
#: The box's class on the page (``_static/custom.css`` styles it; the page tests find it by it).
CLASS = "key-numbers"
#: A count that rests on more sources than this cites the evidence explorer, not each source.
MOST_CITED = 3


@dataclass(frozen=True)
class KeyNumber:
    """One line of the box: the number as shown, what it means (MyST, escaped where it holds a
    source's words) and its citation (MyST: citation roles, a record link)."""

    value: str
    meaning: str
    cite: str = ""


def box(numbers: Iterable[KeyNumber | None]) -> Markdown:
    """The box as MyST: an admonition of class :data:`CLASS`, one list item a number (those that are
    None left out); an error if there are more than :data:`MOST`."""
    shown = [n for n in numbers if n is not None]
    if len(shown) > MOST:
        raise ValueError(f"a key-numbers box holds at most {MOST} numbers, not {len(shown)}")
    lines = ["```{admonition} Key numbers", f":class: {CLASS}"]
    for n in shown:
        cite = f" {n.cite}" if n.cite else ""
        lines.append(f"- **{markup.md_escape(n.value)}** {n.meaning}{cite}")
    lines.append("```")
    return markup.md("\n".join(lines))


def _sources(ids: Iterable[object]) -> str:
    """The citation of a count: its sources (in manifest order), or the evidence explorer when they
    are many or none."""
    wanted = {str(s) for s in ids}
    keys = [s for s in sources.source_ids() if s in wanted]
    if not keys:  # a count of nothing: the explorer, where the reader can see that nothing is there
        return markup.Markup("({doc}`evidence explorer <evidence>`)")
    if len(keys) > MOST_CITED:
        return markup.Markup(f"({{doc}}`the evidence of {len(keys)} articles <evidence>`)")
    return markup.cites(keys)


def _record(row: pd.Series) -> str:
    """The citation of one record's figure: its source and a link to its row in the explorer."""
    return markup.Markup(
        f"{markup.cite(str(row['source_id']))}, record {markup.record_ref(str(row['source_id']), str(row['record_id']))}"
    )


def _hedged(row: pd.Series) -> str:
    """What the source's sentence qualifies about a figure, as MyST: its hedge words, quoted, and
    that its period is read from its size ("" when neither)."""
    words = [markup.quoted(markup.md_escape(w)) for w in prose.hedge_words(row.get("hedge"))]
    parts = [f"hedged {prose.join(words)}"] if words else []
    if pay.period_inferred(row):
        parts.append("read as yearly (the source states no period)")
    return f", {' and '.join(parts)}" if parts else ""


def _of(n: int, total: int) -> str:
    return f"{n} of {total}"


def _verb(n: int, one: str, many: str) -> str:
    """The word a count agrees with: ``one`` for 1, ``many`` otherwise."""
    return one if n == 1 else many


# --- the chapters ---------------------------------------------------------------------------------


def sources_numbers() -> list[KeyNumber | None]:
    """The evidence base: the articles, their words, the records and the exclusions."""
    corpus = sources.load_all()
    found = evidence.validate_all()
    undated, total = evidence_base.undated_share(found.records, corpus)
    explorer = markup.Markup("({doc}`evidence explorer <evidence>`)")
    return [
        KeyNumber(
            str(len(corpus)),
            "public career articles, each checked byte for byte against its recorded sha256",
            _sources(corpus),
        ),
        KeyNumber(
            f"{sum(sources.word_count(s.text) for s in corpus.values()):,}",
            "words in those articles, read in full (counted as in the table of sources: runs of text between "
            "spaces that hold a letter or a digit)",
            _sources(corpus),
        ),
        KeyNumber(str(total), "evidence records, each quoting its sentence verbatim", explorer),
        KeyNumber(
            str(len(found.exclusions)),
            "figures found in the articles and deliberately left out, each with its reason",
            explorer,
        ),
        KeyNumber(
            _of(undated, total), "records come from articles that state no date, so no year can be given them", explorer
        ),
    ]


def pay_numbers() -> list[KeyNumber | None]:
    """Pay: how many figures, the lowest and highest yearly ranges, the official median, the undated."""
    salaries = evidence.load_table("salaries")
    givers = list(dict.fromkeys(salaries["source_id"]))
    n_sources = len(sources.source_ids())
    numbers: list[KeyNumber | None] = [
        KeyNumber(
            str(len(salaries)),
            f"pay figures in {prose.of(len(givers), n_sources, 'article')}, each below with its sentence",
            _sources(givers),
        )
    ]
    if not pay.ranges(salaries).empty:
        low, high = pay.lowest_range(salaries), pay.highest_range(salaries)
        for row, which in ((low, "lowest"), (high, "highest")):
            numbers.append(
                KeyNumber(
                    f"{pay.money(row['low_usd'])}–{pay.money(row['high_usd'])}",
                    f"a year: the range with the {which} midpoint, for a {markup.md_escape(row['role'])}{_hedged(row)}",
                    _record(row),
                )
            )
    bench = benchmark.benchmark_table(external.load_oews()).set_index("soc_code").loc[external.FRONT_LINE.soc_code]
    numbers.append(
        KeyNumber(
            pay.money(float(bench["median_annual_usd"])),
            f"median yearly wage of {markup.md_escape(external.FRONT_LINE.occupation.lower())} in the United States, "
            f"May {int(bench['year'])}: the official benchmark, for every employer",
            markup.cite(external.BIBKEYS["oews"]),
        )
    )
    undated = salaries[salaries["year"].isna()]
    numbers.append(
        KeyNumber(
            _of(len(undated), len(salaries)),
            "figures name no year, so they cannot be adjusted for inflation",
            _sources(undated["source_id"]),
        )
    )
    return numbers


def ladder_numbers() -> list[KeyNumber | None]:
    """The ladder: its rungs, the titles, the priced rungs, the roles with both years and pay."""
    order = sources.source_ids()
    roles, requirements = evidence.load_table("roles"), evidence.load_table("requirements")
    salaries = evidence.load_table("salaries")
    summary = ladder.tier_summary(roles, salaries, order)
    named = int((summary["sources"] > 0).sum())
    priced = sum(1 for by in summary["priced_by"] if by)
    matched, _ = ladder.match_experience_pay(requirements, salaries)
    rungs = len(ladder.LADDER)
    return [
        KeyNumber(
            _of(named, rungs),
            "rungs of the report's one ladder are named by at least one article",
            _sources(roles["source_id"]),
        ),
        KeyNumber(
            str(len(roles)), "job titles named in the articles, each placed on a rung", _sources(roles["source_id"])
        ),
        KeyNumber(
            _of(priced, rungs),
            "rungs have a pay figure from any article; the rest are named but not priced",
            _sources(salaries["source_id"]),
        ),
        KeyNumber(
            str(len(matched)),
            "roles for which an article states both the years of experience asked and the pay: "
            "those articles' figures, not a trend",
            _sources(matched["source_id"]),
        ),
    ]


def _most_named(table: pd.DataFrame, order: list[str], noun: str, mention: str) -> KeyNumber | None:
    """The category most articles name, with how many of all (ties joined), and what the count is of."""
    rows = matrices.summary(table, order)
    if rows.empty:
        return None
    top_n = int(rows["sources"].max())
    top = rows[rows["sources"] == top_n]
    names = prose.join([f"*{markup.md_escape(str(c).replace('-', ' '))}*" for c in top["category"]])
    named_by = [s for by in top["named_by"] for s in str(by).split(", ") if s]
    return KeyNumber(
        _of(top_n, len(order)),
        f"articles name {names}, the {_verb(len(top), noun, noun + 's')} named most often ({mention})",
        _sources(named_by),
    )


def _categories(table: pd.DataFrame, order: list[str], noun: str) -> list[KeyNumber | None]:
    rows = matrices.summary(table, order)
    single = int((rows["sources"] == 1).sum())
    return [
        KeyNumber(str(len(rows)), f"kinds of {noun} named by at least one article", _sources(table["source_id"])),
        KeyNumber(
            str(len(table)),
            f"statements of a {noun}, each quoted below with the hedge it comes with",
            _sources(table["source_id"]),
        ),
        KeyNumber(
            str(single),
            f"{_verb(single, 'kind', 'kinds')} of {noun} {_verb(single, 'rests', 'rest')} on a single article",
            _sources(s for by in rows.loc[rows["sources"] == 1, "named_by"] for s in str(by).split(", ")),
        )
        if len(rows)
        else None,
    ]


def benefits_numbers() -> list[KeyNumber | None]:
    """Benefits: the most-named kind, how many kinds and statements, those on one article."""
    order = sources.source_ids()
    table = evidence.load_table("benefits")
    return [
        _most_named(table, order, "benefit", "a count of articles, not of employers that offer it"),
        *_categories(table, order, "benefit"),
    ]


def challenges_numbers() -> list[KeyNumber | None]:
    """Challenges: the most-named kind, the turnover claims, the published rates."""
    order = sources.source_ids()
    table = evidence.load_table(challenges.TABLE)
    claims = challenges.turnover_claims(table)
    said = list(dict.fromkeys(claims["source_id"]))
    rates = challenges.published_rates(external.load_turnover()).set_index("bibkey")
    cornell, bls = rates.loc[external.BIBKEYS["cornell"]], rates.loc[external.BIBKEYS["separations"]]
    given = "" if challenges.with_figure(claims) else ", and none gives a rate"
    return [
        _most_named(table, order, "challenge", "a count of articles, not of workers who face it"),
        KeyNumber(_of(len(said), len(order)), f"articles call turnover high{given}", _sources(said)) if said else None,
        KeyNumber(
            challenges.rate_text(cornell),
            f"a year: agent turnover in U.S. call centers, depending on the sector, in a study published in {markup.md_escape(str(cornell['period']))}",
            markup.cite(str(cornell.name)),
        ),
        KeyNumber(
            challenges.rate_text(bls),
            f"of {markup.md_escape(external.FRONT_LINE.occupation.lower())} a year are projected to leave the occupation "
            f"({markup.md_escape(str(bls['period']))}): not a turnover rate",
            markup.cite(str(bls.name)),
        ),
    ]


def conditions_numbers() -> list[KeyNumber | None]:
    """Conditions: the statements, the aspect most articles speak of, the measures."""
    order = sources.source_ids()
    cond, met = evidence.load_table("conditions"), evidence.load_table("metrics")
    aspects = matrices.summary(cond.rename(columns={"aspect": "category"}), order)
    explicit = conditions.explicit_measures(met, order)
    numbers: list[KeyNumber | None] = [
        KeyNumber(
            str(len(cond)),
            "statements on hours, shifts, training, equipment and the workplace",
            _sources(cond["source_id"]),
        )
    ]
    if len(aspects):
        top_n = int(aspects["sources"].max())
        top = aspects[aspects["sources"] == top_n]
        labels = prose.join([f"*{markup.md_escape(vocab.ASPECT_LABELS.get(a, a).lower())}*" for a in top["category"]])
        named_by = [s for by in top["named_by"] for s in str(by).split(", ") if s]
        numbers.append(
            KeyNumber(
                _of(top_n, len(order)),
                f"articles speak of {labels}, the {_verb(len(top), 'aspect', 'aspects')} named most often",
                _sources(named_by),
            )
        )
    numbers.append(
        KeyNumber(
            _of(len(explicit), len(order)),
            "articles present a list of the measures an agent is judged on",
            _sources(explicit),
        )
    )
    return numbers


def agreement_numbers() -> list[KeyNumber | None]:
    """Agreement: undated averages, overlapping ranges, rungs few name, the demand claims, the outlook."""
    order = sources.source_ids()
    salaries = evidence.load_table("salaries")
    averages = agreement.undated_averages(salaries)
    overlap = pay.overlaps(salaries)
    coverage = ladder.tier_summary(evidence.load_table("roles"), salaries, order)
    least = int(coverage["sources"].min())
    claims = agreement.demand_claims(evidence.load_table("benefits"))
    proj = external.load_projections()
    front = proj[proj["soc_code"] == external.FRONT_LINE.soc_code].iloc[0]
    years = [m.group(1) for c in proj.columns if (m := re.fullmatch(r"employment_(\d{4})_thousands", c))]
    return [
        KeyNumber(
            str(len(averages)),
            f"pay {_verb(len(averages), 'average names', 'averages name')} no year, so cannot be placed in time",
            _sources(averages["source_id"]),
        ),
        KeyNumber(
            str(len(overlap)),
            f"{_verb(len(overlap), 'pair', 'pairs')} of one article's yearly ranges on different rungs "
            f"{_verb(len(overlap), 'overlaps', 'overlap')}: recorded, not corrected",
            _sources(overlap["source_id"]),
        ),
        KeyNumber(
            str(n_least := int((coverage["sources"] == least).sum())),
            f"{_verb(n_least, 'rung is', 'rungs are')} named by only {_of(least, len(order))} articles, the fewest",
            _sources(s for by in coverage.loc[coverage["sources"] == least, "named_by"] for s in by),
        ),
        KeyNumber(
            _of(claims["source_id"].nunique(), len(order)),
            "articles present the job's future as a benefit",
            _sources(claims["source_id"]),
        ),
        KeyNumber(
            f"{float(front['change_percent']):+.1f}%",
            f"projected change in jobs for {markup.md_escape(external.FRONT_LINE.occupation.lower())}, every industry, {'–'.join(years)}",
            markup.cite(external.BIBKEYS["projections"]),
        ),
    ]
