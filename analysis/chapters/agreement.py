"""Where the sources agree and disagree: with each other and with the official statistics."""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import assumptions, benchmark, challenges, evidence_base, pay, prose
from analysis.core import external, inflation, markup, numbers, sources, vocab

BANDS: tuple[tuple[str, str], ...] = (
    ("p10_annual_usd", "below the 10th percentile"),
    ("p25_annual_usd", "between the 10th and 25th percentiles"),
    ("median_annual_usd", "between the 25th percentile and the median"),
    ("p75_annual_usd", "between the median and the 75th percentile"),
    ("p90_annual_usd", "between the 75th and 90th percentiles"),
)


def band(value: float, row: pd.Series) -> str:
    """Where a dollar figure falls in one OEWS wage distribution, in words."""
    for column, words in BANDS:
        if value < row[column]:
            return words
    return "above the 90th percentile"


def against_distribution(value: float, oews: pd.DataFrame, soc_code: str) -> pd.DataFrame:
    """A figure set against every May year's distribution of one occupation."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "median_annual_usd": rows["median_annual_usd"].to_numpy(),
            "share_of_median": (value / rows["median_annual_usd"]).to_numpy(),
            "position": [band(value, r) for _, r in rows.iterrows()],
        }
    )


def entry_education(requirements: pd.DataFrame) -> pd.DataFrame:
    """Education the sources ask of front-line or unspecified call-center jobs, one row per record:
    every requirement record that names an education level (a diploma, a degree, a certificate, or
    none), whatever it is recorded as (education, certification, training): the same rows the ladder
    chapter's table of education and experience lists for those rungs."""
    stated = requirements["education"].fillna("").astype(str) != ""
    rows = requirements[stated & requirements["tier"].isin(["frontline", "unspecified"])]
    return rows[["source_id", "record_id", "role", "education", "necessity", "hedge", "quote"]].reset_index(drop=True)


#: The order of the education levels, lowest first (the vocabulary's order).
EDUCATION_RANK: dict[str, int] = {level: i for i, level in enumerate(vocab.EDUCATION_LABELS)}
#: The BLS's typical entry education categories on the same scale (a certificate is the
#: postsecondary award without a degree; a master's or doctorate ranks above a bachelor's).
BLS_EDUCATION_RANK: dict[str, int] = {
    "No formal educational credential": EDUCATION_RANK["none"],
    "High school diploma or equivalent": EDUCATION_RANK["high-school"],
    "Postsecondary nondegree award": EDUCATION_RANK["certificate"],
    "Some college, no degree": EDUCATION_RANK["certificate"],
    "Associate's degree": EDUCATION_RANK["college-degree"],
    "Bachelor's degree": EDUCATION_RANK["bachelor"],
    "Master's degree": EDUCATION_RANK["bachelor"] + 1,
    "Doctoral or professional degree": EDUCATION_RANK["bachelor"] + 2,
}


def education_table(edu: pd.DataFrame) -> pd.DataFrame:
    """The entry education rows as a reader sees them."""

    return pd.DataFrame(
        {
            "Role as written": edu["role"],
            "Education": edu["education"].map(vocab.EDUCATION_LABELS),
            "How firmly": edu["necessity"],
            "Hedge": edu["hedge"].map(prose.hedges),
            "In its own words": edu["quote"].map(markup.quoted),
            "source_id": edu["source_id"],
            "record_id": edu["record_id"],
        }
    )


def statements(edu: pd.DataFrame) -> pd.DataFrame:
    """The entry education rows as statements: the records of one sentence that name one level for one
    role are one statement, however many ways the sentence puts it (a degree some companies "may
    prefer or require" is one statement, "preferred or required"). Keeps the rows' order."""
    rows = []
    for (source, role, quote, education), group in edu.groupby(
        ["source_id", "role", "quote", "education"], sort=False, dropna=False
    ):
        ways = [str(n) for n in group["necessity"] if pd.notna(n) and str(n)]
        rows.append(
            {
                "source_id": source,
                "role": role,
                "education": education,
                "necessity": " or ".join(dict.fromkeys(ways)),
                "hedge": next((str(h) for h in group["hedge"] if pd.notna(h) and str(h)), ""),
                "quote": quote,
            }
        )
    return pd.DataFrame(rows, columns=["source_id", "role", "education", "necessity", "hedge", "quote"])


def _how(necessity: object, hedge: object) -> str:
    """ "suggested, *usually*": how firmly a statement asks, with the source's hedge ("" if neither)."""

    words = [str(necessity)] if isinstance(necessity, str) and necessity else []
    if prose.hedges(hedge):
        words.append(f"*{prose.hedges(hedge)}*")
    return ", ".join(words)


def _the(role: str) -> str:
    """ "the " before a role as written, unless it opens with a quantifier ("some companies' jobs")."""
    first = role.split(" ", 1)[0].lower()
    return "" if first in vocab.HEDGES else "the "


def schooling_claim(edu: pd.DataFrame, projection: pd.Series) -> str:
    """How many statements on the education of entry work name no more than the BLS's typical entry
    education, and which name more (how firmly, with their hedges, for which role), as MyST."""

    bls = BLS_EDUCATION_RANK.get(str(projection["typical_entry_education"]))
    if bls is None:
        raise ValueError(f"no education level known for {projection['typical_entry_education']!r}")
    said = statements(edu)
    rank = said["education"].map(EDUCATION_RANK)
    at_most, more = said[rank <= bls], said[rank > bls]
    text = (
        f"Of the {prose.plural(len(said), 'statement')} that name an education level for front-line or general "
        f"call-center work {markup.cites(list(dict.fromkeys(said['source_id'])))} (every such row of the ladder "
        f"chapter's table, certificates included), {len(at_most)} "
        f"{'names' if len(at_most) == 1 else 'name'} no more than the BLS's typical entry education for "
        f"{external.FRONT_LINE.occupation.lower()}, "
        f"{markup.quoted(markup.md_escape(projection['typical_entry_education']))} "
        f"{markup.cite(external.BIBKEYS['projections'])}"
    )
    if len(more):
        named = []
        for _, row in more.iterrows():
            how = _how(row["necessity"], row["hedge"])
            named.append(
                f"a {vocab.EDUCATION_LABELS[row['education']]}{f' ({how})' if how else ''} for "
                f"{_the(str(row['role']))}{markup.md_escape(row['role'])} {markup.cite(row['source_id'])}"
            )
        text += f"; {len(more)} {'names' if len(more) == 1 else 'name'} more: {prose.join(named)}"
    return markup.Markup(text + ".")


def experience_claim(requirements: pd.DataFrame, projection: pd.Series) -> str:
    """The years of experience the sources put on front-line roles against the BLS's work
    experience, role by role (how firmly, with the hedge), as MyST. Against the BLS's "None", a
    span that starts at none asks no more; one that starts above none asks more."""

    rows = requirements[(requirements["tier"] == "frontline") & requirements["years_min"].notna()]
    bls = str(projection["work_experience"])
    text = (
        f"The BLS lists {markup.quoted(markup.md_escape(bls))} as the work experience typically needed "
        f"{markup.cite(external.BIBKEYS['projections'])}"
    )
    if rows.empty:
        return markup.Markup(text + "; no source puts years on a front-line role.")
    parts = []
    for _, r in rows.iterrows():
        years = prose.years(r["years_min"], r["years_max"])
        how = _how(r.get("necessity"), r.get("hedge"))
        against = ""
        if bls == "None":
            against = ", starting at none like the BLS's" if r["years_min"] == 0 else ", more than the BLS's"
        parts.append(
            f"{years} for {_the(str(r['role']))}{markup.md_escape(r['role'])}{f' ({how})' if how else ''}{against}"
        )
    who = list(dict.fromkeys(rows["source_id"]))
    listed = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]
    whom = (
        f"Only {markup.cite(who[0], 't')} puts"
        if len(who) == 1
        else f"{prose.plural(len(who), 'source').capitalize()} {markup.cites(who)} put"
    )
    return markup.Markup(f"{text}. {whom} years on front-line roles: {listed}.")


def overlap_reading(overlap: pd.DataFrame) -> str:
    """What the largest overlap of ranges means read literally, in dollars, as plain words ("" if no
    ranges overlap): where the higher rung's range starts against the top of the lower rung's."""

    if overlap.empty:
        return ""
    top = overlap.iloc[0]
    gap = float(top["lower_high_usd"]) - float(top["upper_low_usd"])
    return (
        f"Read literally, the range for the {top['upper_role']} starts {prose.money(gap)} below the top of "
        f"the range for the {top['lower_role']}."
    )


def undated_averages(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every average a source states by the year without naming a year: figures that cannot be
    adjusted for inflation nor placed in time (in the table's order; none is an empty frame)."""
    rows = salaries[(salaries["statistic"] == "average") & salaries["year"].isna() & (salaries["period"] == "year")]
    return rows.reset_index(drop=True)


def _occupation_of(row: pd.Series) -> external.Proxy | None:
    return external.proxy_for(str(row["tier"]), row.get("family"))


def average_data(
    salaries: pd.DataFrame, oews: pd.DataFrame, soc_code: str = external.FRONT_LINE.soc_code
) -> pd.DataFrame:
    """What :func:`average_chart` draws: the official distribution of one occupation by May year
    (``source_id`` ``bls-oews``), then every undated average of the rungs that occupation stands for,
    each as one row across every year. ``left_out`` counts the undated averages of other rungs."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    bands = pd.DataFrame(
        {
            "row": "official",
            "source_id": external.BIBKEYS["oews"],
            "soc_code": soc_code,
            "year": rows["year"].astype(int).to_numpy(),
            **{c: rows[c].to_numpy(dtype=float) for c in benchmark.PERCENTILES},
        }
    )
    averages = undated_averages(salaries)
    mine = benchmark.stands_for(averages, soc_code)
    drawn = pd.DataFrame(
        [
            {
                "row": "source",
                "source_id": avg["source_id"],
                "record_id": avg["record_id"],
                "label": f"undated average{_via(avg)}, as written",
                "value_usd": float(avg["low_usd"]),
                "second_hand": bool(_via(avg)),
            }
            for _, avg in mine.iterrows()
        ],
        columns=["row", "source_id", "record_id", "label", "value_usd", "second_hand"],
    )
    return pd.concat([bands, drawn], ignore_index=True).assign(left_out=len(averages) - len(mine))


def _via(avg: pd.Series) -> str:
    """ " (via Glassdoor)" for a figure a source quotes from another publisher, else ""."""
    cited = avg["cited_from"]
    return f" (via {cited})" if isinstance(cited, str) and cited else ""


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def undated_claim(salaries: pd.DataFrame, oews: pd.DataFrame, base_year: int = inflation.BASE_YEAR) -> str:
    """Every undated average, one paragraph each, as MyST: who gives it and from whom, where it sits
    against the dated yearly range with the lowest midpoint (as written and in ``base_year``
    dollars), and where it falls in each May's official distribution for its rung's nearest
    occupation, first and last year. "" when no source gives one."""

    averages = undated_averages(salaries)
    dated = pay.ranges(pay.adjust(salaries, base_year))
    dated = dated[dated["low_adj_usd"].notna()]
    entry = pay.lowest_range(dated) if len(dated) else None
    paragraphs = []
    for _, avg in averages.iterrows():
        value = float(avg["low_usd"])
        cited = avg["cited_from"]
        role = str(avg["role"])
        text = (
            f"{markup.cite(str(avg['source_id']), 't')} gives an average annual salary of {prose.money(value, True)} "
            f"for {_article(role)} {markup.md_escape(role)}"
            + (f", a figure it attributes to {markup.md_escape(cited)}" if isinstance(cited, str) and cited else "")
            + ". It gives no year, so the figure cannot be adjusted for inflation."
        )
        if entry is not None:
            text += (
                f" Against the dated range with the lowest midpoint, that for the {markup.md_escape(entry['role'])} "
                f"{markup.cite(str(entry['source_id']))}, it sits {inside(value, entry['low_usd'], entry['high_usd'])} "
                f"the range as written ({prose.money(entry['low_usd'], True)} to {prose.money(entry['high_usd'], True)}) "
                f"and {inside(value, entry['low_adj_usd'], entry['high_adj_usd'])} it once that range is expressed "
                f"in {base_year} dollars ({prose.money(entry['low_adj_usd'])} to {prose.money(entry['high_adj_usd'])}, "
                f"the same purchasing power in {base_year} prices, by the "
                f"{assumptions.cpi_words([int(entry['year'])], base_year)} {markup.cite('cpi-package')})."
            )
        proxy = _occupation_of(avg)
        if proxy is None:
            text += " No official occupation stands for its rung, so it is set against no official distribution."
        else:
            position = against_distribution(value, oews, proxy.soc_code)
            first, last = position.iloc[0], position.iloc[-1]
            text += (
                f" Set against the official wage distribution for {proxy.occupation.lower()} ({proxy.soc_code}) in "
                f"each May from {int(first['year'])} to {int(last['year'])} {markup.cite(external.BIBKEYS['oews'])}, "
                f"an occupation of representatives {external.EVERY_INDUSTRY}, the figure was "
                f"{first['position']} in {int(first['year'])} and {last['position']} in {int(last['year'])}, when it "
                f"was {float(last['share_of_median']):.0%} of the median. Without a year, it cannot tell a reader "
                f"which of those it is. {external.OEWS_TIME_SERIES_CAUTION} "
                f"{markup.cite(external.BIBKEYS['oews-faq'])}."
            )
        paragraphs.append(text)
    return markup.Markup("\n\n".join(paragraphs))


def undated_finding(salaries: pd.DataFrame, oews: pd.DataFrame) -> str:
    """The key finding on the undated averages, one sentence each, as MyST ("" when there is none):
    where each fell in its occupation's first and last May distribution."""
    sentences = []
    for _, avg in undated_averages(salaries).iterrows():
        proxy = _occupation_of(avg)
        if proxy is None:
            continue
        position = against_distribution(float(avg["low_usd"]), oews, proxy.soc_code)
        first, last = position.iloc[0], position.iloc[-1]
        sentences.append(
            f"The undated {prose.money(float(avg['low_usd']), True)} average {markup.cite(str(avg['source_id']))} "
            f"was {first['position']} of the official distribution for {proxy.occupation.lower()} in "
            f"{int(first['year'])} but {last['position']} in {int(last['year'])}: without a year it cannot tell a "
            "reader what the job pays now."
        )
    return markup.Markup(" ".join(sentences))


def positions_table(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """Where each undated average falls in each May's official distribution for its rung's nearest
    occupation, as a reader sees it: one row per average and year."""
    rows = []
    for _, avg in undated_averages(salaries).iterrows():
        proxy = _occupation_of(avg)
        if proxy is None:
            continue
        for _, pos in against_distribution(float(avg["low_usd"]), oews, proxy.soc_code).iterrows():
            rows.append(
                {
                    "Undated average": prose.money(float(avg["low_usd"]), True),
                    "May of": str(int(pos["year"])),
                    "BLS median (USD/year)": prose.money(pos["median_annual_usd"]),
                    "Average as share of median": f"{pos['share_of_median']:.0%}",
                    "Where the average falls": pos["position"],
                    "source_id": avg["source_id"],
                    "record_id": avg["record_id"],
                }
            )
    columns = [
        "Undated average",
        "May of",
        "BLS median (USD/year)",
        "Average as share of median",
        "Where the average falls",
        "source_id",
        "record_id",
    ]
    return pd.DataFrame(rows, columns=columns)


def demand_claims(benefits: pd.DataFrame) -> pd.DataFrame:
    """The sources' claims that demand for the work is high or growing, or the job secure: the
    job-security benefit records, in their words."""
    rows = benefits[benefits["category"] == "job-security"]
    return rows[["source_id", "record_id", "item", "hedge", "quote"]].reset_index(drop=True)


def demand_figures_claim(claims: pd.DataFrame) -> str:
    """Whether the demand claims give any figure and whether their articles are dated, as plain words."""

    with_figure = sum(1 for q in claims["quote"] if numbers.find_figures(str(q)))
    dated = challenges.dated_words(list(dict.fromkeys(claims["source_id"])))
    figures = (
        "None of these claims gives a figure" if with_figure == 0 else f"{with_figure} of these claims give a figure"
    )
    return f"{figures}, and their articles are {dated}."


#: The demand claims the official figures can be set against, by what they say: that demand grows
#: (against the projected change in jobs) or that there are vacancies (against the yearly openings).
#: A claim is of a kind when its quote has one of the kind's words (case ignored, word starts).
DEMAND_KINDS: dict[str, tuple[str, ...]] = {
    "growth": ("increas", "boom", "grow"),
    "vacancies": ("vacanc", "opening"),
}


def demand_kinds(claims: pd.DataFrame) -> pd.Series:
    """The kind of each demand claim (see :data:`DEMAND_KINDS`), ``""`` for a claim of neither kind."""

    def kind(quote: object) -> str:
        text = str(quote).lower()
        found = [k for k, stems in DEMAND_KINDS.items() if any(re.search(rf"\b{s}", text) for s in stems)]
        return found[0] if len(found) == 1 else ""

    return claims["quote"].map(kind)


def _claims(n: int) -> str:
    """ "the claim", "the 2 claims"."""
    return "the claim" if n == 1 else f"the {n} claims"


def demand_against_outlook_claim(claims: pd.DataFrame, projections: pd.DataFrame) -> str:
    """Which demand claims the official outlook for the front line's occupation bears out and
    which it runs against, each with its basis (the change in jobs for claims of growth, the yearly
    openings for claims of vacancies), as MyST ("" when no claim is of either kind)."""

    proj = projections[projections["soc_code"] == external.FRONT_LINE.soc_code].iloc[0]
    change, openings = float(proj["change_percent"]), float(proj["annual_openings_thousands"])
    kinds = demand_kinds(claims)
    parts = []
    growth = claims[kinds == "growth"]
    if len(growth):
        verb = "would run against" if change < 0 else "would bear out" if change > 0 else "would not bear out"
        move = "fall" if change < 0 else "growth" if change > 0 else "level count"
        parts.append(
            f"the projected {move} in jobs {verb} {_claims(len(growth))} that demand grows "
            f"{markup.cites(list(dict.fromkeys(growth['source_id'])))}"
        )
    vacancies = claims[kinds == "vacancies"]
    if len(vacancies):
        verb = "would be in line with" if openings > 0 else "would not be in line with"
        parts.append(
            f"the yearly openings {verb} {_claims(len(vacancies))} of new vacancies "
            f"{markup.cites(list(dict.fromkeys(vacancies['source_id'])))}"
        )
    if not parts:
        return markup.Markup("")
    weighed = list(dict.fromkeys(claims.loc[kinds != "", "source_id"]))
    return markup.Markup(f"{claims_basis(weighed)} Read that way, {'; '.join(parts)}.")


def claims_basis(source_ids: list[str]) -> str:
    """How the articles behind claims set against a U.S. projection are dated and placed, and what the
    comparison therefore assumes, as plain words ("The article behind these claims is undated and
    names no country, ...")."""

    corpus = sources.load_all()
    one = len(source_ids) == 1
    named = list(dict.fromkeys(p for s in source_ids for p in evidence_base.places(corpus[s].text)))
    where = (
        f"{'names' if one else 'name'} no country"
        if not named
        else f"{'speaks' if one else 'speak'} of a country only as {prose.join([markup.quoted(p) for p in named])}"
    )
    return (
        f"The {'article' if one else f'{len(source_ids)} articles'} behind these claims "
        f"{'is' if one else 'are'} {challenges.dated_words(source_ids)} and {where}, so setting "
        f"{'its' if one else 'their'} claims against the BLS's projection for the United States assumes a "
        f"place and a time {'it does' if one else 'they do'} not state."
    )


def employment_trend(oews: pd.DataFrame, soc_code: str = external.FRONT_LINE.soc_code) -> pd.DataFrame:
    """OEWS employment of one occupation by May year, with the change from the first year."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    first = float(rows["employment"].iloc[0])
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "employment": rows["employment"].astype(int).to_numpy(),
            "change_from_first": (rows["employment"] / first - 1).to_numpy(),
        }
    )


def outlook_claim(projections: pd.DataFrame, oews: pd.DataFrame) -> str:
    """What BLS projects for the front line's occupation and what OEWS counted, as MyST: the
    direction of each in words, with the numbers."""

    proj = projections[projections["soc_code"] == external.FRONT_LINE.soc_code].iloc[0]
    trend = employment_trend(oews)
    change = float(proj["change_percent"])
    first, last = trend.iloc[0], trend.iloc[-1]
    direction = "fall" if change < 0 else "grow" if change > 0 else "stay level"
    counted = "fewer" if last["employment"] < first["employment"] else "more"
    return markup.Markup(
        f"The BLS projects employment of {external.FRONT_LINE.occupation.lower()} to {direction} by "
        f"{abs(change):.1f} percent from 2024 to 2034, from {float(proj['employment_2024_thousands']):,.1f} thousand "
        f"to {float(proj['employment_2034_thousands']):,.1f} thousand, with about "
        f"{float(proj['annual_openings_thousands']):,.1f} thousand openings a year"
        + (", every one of them to replace a worker who leaves, since the number of jobs falls" if change < 0 else "")
        + f" {markup.cite(external.BIBKEYS['projections'])}. Its wage survey counted "
        f"{int(last['employment']):,} such jobs in May {int(last['year'])}, {abs(float(last['change_from_first'])):.0%} "
        f"{counted} than the {int(first['employment']):,} of May {int(first['year'])} {markup.cite(external.BIBKEYS['oews'])}. "
        f"{external.OEWS_TIME_SERIES_CAUTION} {markup.cite(external.BIBKEYS['oews-faq'])}, so the change is given "
        "as counted, not as a trend."
    )


def demand_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The sources' demand claims as a reader sees them."""

    return pd.DataFrame(
        {
            "Claim": claims["item"],
            "Hedge": claims["hedge"].map(prose.hedges),
            "In its own words": claims["quote"].map(markup.quoted),
            "source_id": claims["source_id"],
            "record_id": claims["record_id"],
        }
    )


def employment_table(trend: pd.DataFrame) -> pd.DataFrame:
    """OEWS employment by May year as a reader sees it."""
    return pd.DataFrame(
        {
            "May of": trend["year"].astype(str),
            f"{external.FRONT_LINE.occupation} employed": trend["employment"].map("{:,}".format),
            "Change since the first year": trend["change_from_first"].map("{:+.1%}".format),
        }
    )


def inside(value: float, low: float, high: float) -> str:
    """Where a figure sits against a range: "inside", "below" or "above"."""
    return "below" if value < low else "above" if value > high else "inside"
