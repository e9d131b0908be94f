"""Every sentence that compares or counts is a function; each is checked here on a small table
whose answer is worked out by hand (source ids are real manifest keys where a citation is written)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import (
    agreement,
    benefits,
    challenges,
    conditions,
    evidence,
    external,
    ladder,
    matrices,
    pay,
    report,
    sources,
)

A, B, C = "exploring-careers-2007", "job-details-guide", "career-advancement-guide"
ORDER = [A, B, C]


# --- words -----------------------------------------------------------------------------------


def test_words_helpers() -> None:
    assert report.join([]) == "none"
    assert report.join(["a"]) == "a"
    assert report.join(["a", "b", "c"], "or") == "a, b or c"
    assert report.plural(1, "article") == "1 article"
    assert report.plural(2, "category", "categories") == "2 categories"
    assert report.of(5, 5, "article") == "all 5 articles"
    assert report.of(0, 5, "article") == "none of the 5 articles"
    assert report.of(2, 5, "article") == "2 of the 5 articles"
    assert report.quoted("x") == "\u201cx\u201d"
    assert report.hedges("some;may") == "some, may"
    assert report.hedges("") == ""
    assert report.hedges(None) == ""
    assert report.money(25701.6) == "$25,702"


def test_caveats_quote_the_manifest_sentence_for_the_sources_that_have_one() -> None:
    assert report.caveats([A]) == ""
    text = report.caveats([A, B])
    assert text.startswith("{cite:t}`job-details-guide` says of itself: \u201c")
    assert "may not be accurate or up to date" in text


# --- pay ---------------------------------------------------------------------------------------


def _salaries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A, A, A, B, B],
            "record_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "role": ["Rep", "Web rep", "Senior rep", "Manager", "Agent", "Agent"],
            "tier_level": [1, 1, 2, 5, 1, 1],
            "statistic": ["range", "range", "range", "range", "average", "threshold"],
            "low_usd": [20_000.0, 15_000.0, 29_000.0, 50_000.0, 32_000.0, 50_000.0],
            "high_usd": [30_000.0, 35_000.0, 40_000.0, 70_000.0, None, None],
            "period": ["year"] * 6,
            "year": pd.array([2007, 2007, 2007, 2007, None, None], dtype="Int64"),
            "flags": ["", "", "", "", "second-hand;undated", "undated"],
            "cited_from": [None, None, None, None, "Glassdoor", None],
            "quote": ["q"] * 6,
        }
    )


def test_extremes_state_their_basis() -> None:
    text = pay.extremes_claim(_salaries())
    # lowest figure: Web rep's 15,000; lowest midpoint: Rep (25,000) not Web rep (25,000 too: a tie
    # goes to the first); highest midpoint: Manager 60,000, 2.4 times 25,000
    assert "lowest pay the sources state is $15,000, the low end of the range for the Web rep" in text
    assert "the highest that of the Manager, $50,000–$70,000, whose midpoint is 2.4 times the lowest" in text


def test_overlaps_claim_names_the_largest_and_smallest() -> None:
    text = pay.overlaps_claim(pay.overlaps(_salaries()))
    # Web rep 15-35k and Senior rep 29-40k: 6,000; Rep 20-30k and Senior rep: 1,000
    assert "in 2 pairs of ranges from {cite:p}`exploring-careers-2007`" in text
    assert (
        "The largest overlap, $6,000, is between the Web rep, up to $35,000, and the Senior rep, from $29,000." in text
    )
    assert "The smallest, $1,000, is between the Rep and the Senior rep." in text
    assert "No range" in pay.overlaps_claim(pay.overlaps(_salaries().iloc[[0, 3]]))
    # A role written with a parenthesis of its own is not followed by another parenthesis.
    graded = _salaries().assign(role=["Rep", "Web rep", "Senior rep (Rep III)", "Manager", "Agent", "Agent"])
    text = pay.overlaps_claim(pay.overlaps(graded))
    assert "Senior rep \\(Rep III\\), from $29,000." in text
    assert "\\) (" not in text


def test_sources_claim_counts_what_each_source_gives() -> None:
    text = pay.sources_claim(_salaries())
    assert "{cite:t}`exploring-careers-2007` gives 4 ranges, dated 2007, and names no source for them." in text
    # Only the average is quoted from Glassdoor (cited_from); the threshold names no source.
    assert (
        "{cite:t}`job-details-guide` gives 1 average, which it quotes from Glassdoor, and 1 threshold, "
        "for which it names no source; both are undated."
    ) in text
    assert "floor" not in text


def test_sources_claim_attributes_to_another_publisher_only_the_figures_it_is_named_for() -> None:
    # Worked out from the salary records: per source, the figures with and without a cited_from.
    salaries = evidence.load_table("salaries")
    text = pay.sources_claim(salaries)
    for source, rows in salaries.groupby("source_id"):
        sentence = text[text.index(report.cite(str(source), "t")) :].split(". ")[0]
        cited = rows["cited_from"].fillna("")
        for publisher in set(cited) - {""}:
            assert f"from {publisher}" in sentence, sentence
        assert ("names no source" in sentence) == bool((cited == "").any()), sentence


def test_second_hand_words_count_the_sources_that_name_another_publisher() -> None:
    # Worked out from the records: the sources with a non-empty cited_from, of those giving pay figures.
    salaries = evidence.load_table("salaries")
    named = salaries.loc[salaries["cited_from"].fillna("") != "", "source_id"].nunique()
    total = salaries["source_id"].nunique()
    assert pay.second_hand_words(salaries).startswith(f"{named} of the {total} sources that give pay figures")
    assert pay.second_hand_sources(_salaries()) == [B]
    assert pay.second_hand_words(_salaries()) == (
        "1 of the 2 sources that give pay figures quotes a figure from another publisher"
    )


def test_the_pay_table_keeps_each_figures_hedge_and_says_when_its_period_is_inferred() -> None:
    # Worked out from the records: every hedge word in the Marks cell, "a year" in the Pay cell only
    # where the source states the period, and the inferred period said in the Marks cell.
    salaries = evidence.load_table("salaries")
    table = pay.figures_table(salaries).set_index("record_id")
    for _, row in salaries.iterrows():
        shown = table.loc[row["record_id"]]
        for word in filter(None, str(row["hedge"]).split(";")):
            assert word in shown["Marks"], (row["record_id"], shown["Marks"])
        inferred = "period-inferred" in str(row["flags"]).split(";")
        assert ("no period stated" in shown["Marks"]) == inferred, row["record_id"]
        assert shown["Pay"].endswith((" a year", " an hour")) != inferred, (row["record_id"], shown["Pay"])
        if row["cited_from"]:
            assert f"quoted from {row['cited_from']}" in shown["Marks"]


def test_the_headline_chart_says_which_occupation_is_a_broader_proxy() -> None:
    # Worked out from external.PROXIES: every official occupation but the representatives' is a proxy.
    data = pay.headline_data(evidence.load_table("salaries"), external.load_oews())
    caption, alt = pay._headline_caption(data), pay._headline_alt(data)
    for _, row in data.iterrows():
        proxy = external.PROXIES[row["soc_code"]][0] != "frontline"
        said = f"{row['occupation']}, SOC {row['soc_code']}, a broader occupation than call-center management"
        assert (said in caption) == proxy, caption
        assert (f"for {row['occupation']} (a broader proxy occupation)" in alt) == proxy, alt


def _bench() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "soc_code": ["43-4051", "43-1011", "11-3012", "11-3131"],
            "occupation": ["Reps", "Supervisors", "Admin managers", "Training managers"],
            "tier": ["frontline", "team-lead", "manager", "manager"],
            "year": [2025] * 4,
            "p10_annual_usd": [1.0] * 4,
            "p25_annual_usd": [1.0] * 4,
            "median_annual_usd": [40_000.0, 60_000.0, 200_000.0, 90_000.0],
            "p75_annual_usd": [1.0] * 4,
            "p90_annual_usd": [1.0] * 4,
        }
    )


def test_proxies_claim_places_each_median_against_the_ranges_it_stands_for() -> None:
    text = pay.proxies_claim(_salaries(), _bench())
    # The team-lead proxy stands for a rung no source prices: said apart, not among the comparisons.
    assert (
        "No source prices the team lead rung, for which Supervisors (43-1011, median $60,000) stands, so it is "
        "compared with nothing."
    ) in text
    # Manager 50-70k in 2007 dollars is about 77.6-108.7k in 2025 dollars: 200,000 is above it
    assert "the median of Admin managers (11-3012), $200,000, is above the top of the range for the Manager" in text
    # No training role is priced; the manager rung is, so the rung is not said to be unpriced.
    assert "No source prices a training role on the manager rung, for which Training managers (11-3131" in text
    assert "Supervisors" not in text[: text.index("No source")]


def test_entry_median_claim_says_above_or_below() -> None:
    text = pay.entry_median_claim(_salaries(), _bench())
    # Rep 20-30k (2007) is 31.1-46.6k in 2025 dollars, midpoint 38.8k: 3% below 40,000
    assert "is 3% below the May 2025 median for customer service representatives ($40,000)" in text


# --- ladder --------------------------------------------------------------------------------------


def _roles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A, B, B, C, C],
            "record_id": ["a1", "a2", "b1", "b2", "c1", "c2"],
            "title": ["Supervisor", "Rep I", "supervisors", "Boss", "team lead", "Reps"],
            "tier": ["team-lead", "frontline", "team-lead", "manager", "team-lead", "frontline"],
        }
    )


def test_shared_titles_group_plurals_and_grades() -> None:
    table = ladder.shared_titles(_roles()).set_index("tier")
    assert table.loc["frontline", "shared"] == ["Reps"]  # "Rep I" and "Reps" are one title
    assert table.loc["team-lead", "shared"] == ["Supervisor"]
    assert table.loc["team-lead", "single_source_titles"] == 1  # team lead
    text = ladder.shared_titles_claim(_roles())
    assert text.startswith(
        "Two sources or more use the same title only at the front line rung (*reps*) and team lead rung (*supervisor*)"
    )


def test_naming_claim_finds_who_names_none_and_who_names_every_rung() -> None:
    text = ladder.naming_claim(_roles(), [*ORDER, "cedric-career-graph"])
    assert text.startswith("3 of the 4 sources name at least one rung; {cite:t}`cedric-career-graph` names none.")
    assert text.endswith("No source names every rung.")


def test_schooling_and_compare_words() -> None:
    asked = pd.DataFrame(
        {"source_id": [A, A], "role": ["x", "y"], "education": ["bachelor's degree", "high school diploma"]}
    )
    assert ladder.schooling_compare(asked, A, "x", "y") == "more"
    assert ladder.schooling_compare(asked, A, "y", "x") == "less"
    assert ladder.compare_word(2, 1) == "higher"
    assert ladder.compare_word(1, 2) == "lower"
    assert ladder.compare_word(1, 1) == "the same"
    unmatched = pd.DataFrame({"what": ["pay stated, no years found"]})
    assert ladder.matching_claim(unmatched) == "Every statement of years of experience found its pay figure."
    assert ladder.matching_claim(pd.DataFrame({"what": ["years stated, no pay found"] * 2})).startswith("2 statements")


# --- benefits and challenges ------------------------------------------------------------------------


def _benefits() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A, B, B, C],
            "record_id": ["b1", "b2", "b3", "b4", "b5"],
            "item": ["raises", "tuition", "health", "promotion", "raises"],
            "category": ["pay", "education", "health", "advancement", "pay"],
            "hedge": ["", "some", "often", "", "can"],
            "quote": ["q1", "earn $60 million in scholarships", "q3", "q4", "q5"],
        }
    )


def test_ranking_and_coverage_claims_count_articles() -> None:
    text = matrices.ranking_claim(_benefits(), ORDER, "benefit")
    assert text.startswith("The most-named benefit category is *pay*, named by 2 of the 3 articles, followed by")
    assert "*advancement*, *education* and *health* (1 article)" in text
    coverage = matrices.coverage_claim(_benefits(), [*ORDER, "cedric-career-graph"], "benefit")
    assert coverage == (
        "The 5 records fall into 4 categories and come from 3 of the 4 articles. "
        "{cite:t}`cedric-career-graph` names no benefit at all."
    )


def test_wording_table_shows_each_sentence_once_with_its_hedges() -> None:
    table = matrices.wording_table(_benefits(), "Benefit")
    assert table.loc[table["source_id"] == B, "Hedge"].tolist() == ["", "often"]  # advancement, health
    assert table["In its own words"].iloc[0].startswith("\u201c")


def test_employer_paid_claim_keeps_each_sources_hedge() -> None:
    text = benefits.employer_paid_claim(_benefits(), ORDER)
    assert text == (
        "health: {cite:t}`job-details-guide` (*often*); education: {cite:t}`exploring-careers-2007` (*some*)."
    )
    kinds = benefits.kinds_claim(_benefits(), ORDER)
    assert kinds.startswith("All 3 articles name a prospect")
    assert "2 of the 3 articles name a benefit an employer" in kinds


def test_sums_claim_ignores_pay_figures() -> None:
    salaries = pd.DataFrame({"low_usd": [60_000_000.0], "high_usd": [None]})
    assert benefits.sums_claim(_benefits(), salaries) == "No article puts a sum on any benefit."
    assert "$60 million (tuition)" in benefits.sums_claim(_benefits(), salaries.assign(low_usd=[1.0]))


def test_rate_claim_and_dated_words() -> None:
    claims = pd.DataFrame({"source_id": [B, C], "quote": ["turnover is high", "turnover is 40% a year"]})
    assert challenges.rate_claim(claims).endswith("{cite:t}`career-advancement-guide` gives a figure.")
    assert challenges.rate_claim(claims.iloc[:1]).endswith("it gives a rate, a period or a source for it.")
    assert challenges.dated_words([B, C]) == "undated"
    assert challenges.dated_words([A]) == "dated 2007"
    assert challenges.dated_words([A, B]) == "partly dated (2007)"


# --- conditions ------------------------------------------------------------------------------------


def _conditions() -> pd.DataFrame:
    num = "Float64"
    return pd.DataFrame(
        {
            "source_id": [B, C, B, B, B],
            "record_id": ["c1", "c2", "c3", "c4", "c5"],
            "aspect": ["opening-hours", "opening-hours", "shift-length", "schedule", "overtime"],
            "value": ["24/7", "non-stop", "4-8 hours", "nights", "overtime pay"],
            "low": pd.array([None, None, 4, None, None], dtype=num),
            "high": pd.array([None, None, 8, None, None], dtype=num),
            "unit": [None, None, "hours", None, None],
            "hours_per_day": pd.array([24, None, None, None, None], dtype=num),
            "days_per_week": pd.array([7, None, None, None, None], dtype=num),
            "hedge": ["typically", "", "typically", "may", "many"],
            "quote": ["open 24/7", "run non-stop", "4-8 hours", "nights, weekends and holidays", "overtime"],
        }
    )


def test_condition_claims() -> None:
    cond = _conditions()
    assert conditions.aspect_claim(cond, "overtime", ORDER) == (
        "Only 1 of the 3 articles speaks of overtime {cite:p}`job-details-guide`, with the hedge *many*."
    )
    assert conditions.aspect_claim(cond, "dress-code", ORDER) == "No article speaks of dress code."
    assert conditions.clock_claim(cond, ORDER).startswith(
        "2 of the 3 articles say call centers never close {cite:p}`job-details-guide,career-advancement-guide`: "
        "{cite:t}`job-details-guide` gives 24 hours a day, 7 days a week (*typically*)"
    )
    assert conditions.shift_claim(cond, ORDER) == (
        "Only 1 of the 3 articles gives a shift length: *typically* "
        "4–8 hours {cite:p}`job-details-guide`. No article gives hours per week."
    )
    # only B names all three unsocial times; the round-the-clock sources are B and C: not the same
    # (ties in the matrices are broken alphabetically: overtime, schedule, shift length)
    assert conditions.schedule_claim(cond, ORDER).startswith("1 of the 3 articles name nights, weekends and holidays")


def test_lopsided_claim_finds_the_dominant_source() -> None:
    text = conditions.lopsided_claim(_conditions(), ORDER)
    assert text.startswith(
        "{cite:t}`job-details-guide` speaks of all 4 aspects and supplies 80% of the 5 "
        "condition records; 3 aspects (overtime, schedule and shift length) rest on it alone."
    )


# --- agreement -------------------------------------------------------------------------------------


def test_schooling_and_experience_against_the_bls() -> None:
    edu = pd.DataFrame(
        {
            "source_id": [A, B, C],
            "record_id": ["e1", "e2", "e3"],
            "role": ["x", "y", "z"],
            "education": ["high-school", "college-degree", "none"],
            "necessity": [None] * 3,
            "hedge": ["", "some;may", ""],
            "quote": ["q"] * 3,
        }
    )
    projection = pd.Series({"typical_entry_education": "High school diploma or equivalent", "work_experience": "None"})
    text = agreement.schooling_claim(edu, projection)
    assert "2 sources {cite:p}`exploring-careers-2007,career-advancement-guide` ask no more" in text
    assert text.endswith("more is asked by {cite:t}`job-details-guide` a college degree (*some, may*).")
    requirements = pd.DataFrame(
        {"source_id": [A], "role": ["Rep"], "tier": ["frontline"], "years_min": [0.0], "years_max": [3.0]}
    )
    assert "ask more: Rep, 0–3 years" in agreement.experience_claim(requirements, projection)
    assert agreement.inside(5, 1, 10) == "inside"
    assert agreement.inside(0, 1, 10) == "below"


def test_outlook_claim_reads_the_direction() -> None:
    projections = pd.DataFrame(
        {
            "soc_code": ["43-4051"],
            "change_percent": [-5.0],
            "employment_2024_thousands": [100.0],
            "employment_2034_thousands": [95.0],
            "annual_openings_thousands": [10.0],
        }
    )
    oews = pd.DataFrame({"soc_code": ["43-4051"] * 2, "year": [2020, 2025], "employment": [100, 90]})
    text = agreement.outlook_claim(projections, oews)
    assert "to fall by 5.0 percent from 2024 to 2034" in text
    assert "counted 90 such jobs in May 2025, 10% fewer than the 100 of May 2020" in text
    assert "replace a worker who leaves" in text
    grow = agreement.outlook_claim(projections.assign(change_percent=[3.0]), oews)
    assert "to grow by 3.0 percent" in grow
    assert "replace" not in grow


# --- the evidence base ----------------------------------------------------------------------------


def test_metadata_and_undated_share() -> None:
    corpus = sources.load_all()
    assert (
        sources.metadata_claim(corpus)
        == "1 of the 5 texts states a publication date and 1 of the 5 texts names an author"
    )
    records = [evidence.Record(A, "r", "role", {}, (), "", "q"), evidence.Record(B, "s", "role", {}, (), "", "q")]
    assert evidence.undated_share(records, corpus) == (1, 2)


@pytest.mark.parametrize("kind", ["salary", "role", "requirement", "benefit", "challenge", "metric", "condition"])
def test_every_record_kind_reaches_a_chapter_table(kind: str) -> None:
    """The chapter tables show every kind of record (the book test checks the built pages)."""
    shown = {
        "salary": lambda: pay.figures_table(evidence.load_table("salaries")),
        "role": lambda: ladder.titles_table(evidence.load_table("roles"), sources.source_ids()),
        "requirement": lambda: ladder.skills_table(evidence.load_table("requirements"), sources.source_ids()),
        "benefit": lambda: matrices.wording_table(evidence.load_table("benefits"), "x"),
        "challenge": lambda: matrices.wording_table(evidence.load_table("challenges"), "x"),
        "metric": lambda: conditions.metric_table(evidence.load_table("metrics"), sources.source_ids()),
        "condition": lambda: conditions.aspect_table(
            evidence.load_table("conditions"), tuple(conditions.ASPECT_LABELS), sources.source_ids()
        ),
    }[kind]()
    assert len(shown) > 0


# --- many sources: the charts stay legible -----------------------------------------------------------


def test_a_matrix_of_many_sources_groups_the_smallest_into_one_column() -> None:
    ids = [f"s{i}" for i in range(12)]
    table = pd.DataFrame(
        {"source_id": [*ids, "s3", "s3", "s7"], "record_id": [f"r{i}" for i in range(15)], "category": ["pay"] * 15}
    )
    data = matrices.matrix_data(table, ids, cap=4)
    # s3 (3 records), s7 (2), then s0 (1, first in manifest order) keep a column; 9 sources share one
    assert list(data["source_id"]) == ["s0", "s3", "s7", matrices.OTHERS]
    others = data[data["source_id"] == matrices.OTHERS].iloc[0]
    assert (others["sources"], others["records"]) == (9, 9)
    assert others["claimed_by"].split(";")[0] == "s1"
    assert matrices.credited(data)[:3] == ["s0", "s3", "s7"]
    assert len(matrices.credited(data)) == 12


def test_a_pay_chart_of_many_sources_keeps_the_ones_with_most_figures() -> None:
    rows = pd.DataFrame({"source_id": ["a"] * 3 + ["b"] * 2 + ["c"] * 2, "record_id": list("1234567")})
    kept = pay.top_sources(rows, max_rows=5)
    assert list(kept["source_id"]) == ["a", "a", "a", "b", "b"]  # c would not fit
    assert pay.top_sources(rows, max_rows=2)["source_id"].unique().tolist() == ["a"]  # one source at least
    assert len(pay.top_sources(rows, max_rows=7)) == 7
