"""Every sentence that compares or counts is a function; each is checked here on a small table
whose answer is worked out by hand (source ids are real manifest keys where a citation is written)."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from analysis.chapters import (
    agreement,
    benchmark,
    benefits,
    challenges,
    conditions,
    evidence_base,
    experience,
    ladder,
    matrices,
    pay,
    prose,
)
from analysis.core import evidence, external, inflation, markup, paths, sources
from analysis.publish.charts import ladder as ladder_charts
from analysis.publish.charts import pay as pay_charts
from analysis.publish.charts import summary as summary_charts

A, B, C = "exploring-careers-2007", "job-details-guide", "career-advancement-guide"
ORDER = [A, B, C]


# --- words -----------------------------------------------------------------------------------


def test_words_helpers() -> None:
    assert prose.join([]) == "none"
    assert prose.join(["a"]) == "a"
    assert prose.join(["a", "b", "c"], "or") == "a, b or c"
    assert prose.plural(1, "article") == "1 article"
    assert prose.plural(2, "category", "categories") == "2 categories"
    assert prose.of(5, 5, "article") == "all 5 articles"
    assert prose.of(0, 5, "article") == "none of the 5 articles"
    assert prose.of(2, 5, "article") == "2 of the 5 articles"
    assert markup.quoted("x") == "\u201cx\u201d"
    assert prose.hedges("some;may") == "some, may"
    assert prose.hedges("") == ""
    assert prose.hedges(None) == ""
    assert prose.money(25701.6) == "$25,702"


def test_caveats_quote_the_manifest_sentence_for_the_sources_that_have_one() -> None:
    assert prose.caveats([A]) == ""
    text = prose.caveats([A, B])
    assert text.startswith("{cite:t}`job-details-guide` says of itself: \u201c")
    assert "may not be accurate or up to date" in text


# --- pay ---------------------------------------------------------------------------------------


def _salaries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A, A, A, B, B],
            "record_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "role": ["Rep", "Web rep", "Senior rep", "Manager", "Agent", "Agent"],
            "tier": ["frontline", "frontline", "senior", "manager", "frontline", "frontline"],
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


def _hourly() -> pd.DataFrame:
    """The pay frame with an hourly range and a monthly average of a third source added."""
    more = pd.DataFrame(
        {
            "source_id": [C, C],
            "record_id": ["h1", "m1"],
            "role": ["Team lead", "Agent"],
            "tier": ["team-lead", "frontline"],
            "tier_level": [3, 1],
            "statistic": ["range", "average"],
            "low_usd": [14.71, 3_200.5],
            "high_usd": [22.6, None],
            "period": ["hour", "month"],
            "year": pd.array([None, None], dtype="Int64"),
            "flags": ["undated", "undated"],
            "cited_from": [None, None],
            "quote": ["q", "q"],
        }
    )
    return pd.concat([_salaries(), more], ignore_index=True).assign(hedge="")


def test_a_figure_is_written_in_its_own_period_with_its_own_cents() -> None:
    rows = _hourly().set_index("record_id")
    assert pay.figure_text(rows.loc["h1"]) == "$14.71–$22.60 an hour"
    assert pay.figure_text(rows.loc["m1"]) == "$3,200.50 a month"
    assert pay.figure_text(rows.loc["r6"]) == "$50,000 or more a year"
    assert pay.figure_text(rows.loc["r1"].copy().set_axis(rows.columns)) == "$20,000–$30,000 a year"
    assert prose.money(14.71) == "$15"
    assert prose.money(14.71, cents=True) == "$14.71"
    assert prose.money(15.0, cents=True) == "$15"


def test_hourly_and_monthly_figures_are_compared_with_nothing_and_say_so() -> None:
    salaries = _hourly()
    # The comparisons are among yearly figures, and say so; the lowest is still the Web rep's 15,000.
    assert pay.extremes_claim(salaries).startswith(
        "Among the figures stated by the year, by its lowest figure, the lowest pay the sources state is $15,000"
    )
    assert pay.extremes_claim(_salaries()).startswith("By its lowest figure")
    text = pay.other_periods_claim(salaries)
    assert text.startswith(
        "2 figures are stated by the hour or by the month, not by the year: $3,200.50 a month for the Agent "
        "{cite:p}`career-advancement-guide` and $14.71–$22.60 an hour for the Team lead "
        "{cite:p}`career-advancement-guide`."
    )
    assert "at 2,080 hours a year (40 hours a week, 52 weeks) and 12 months a year" in text
    assert pay.other_periods_claim(_salaries()) == ""
    assert pay.other_periods_claim(salaries[salaries["period"] != "month"]).startswith(
        "1 figure is stated by the hour, not by the year: $14.71–$22.60 an hour for the Team lead"
    )
    assert "gives 1 range by the hour and 1 average by the month" in pay.sources_claim(salaries)


def test_the_chart_of_every_figure_draws_hourly_and_monthly_ones_annualised_at_a_stated_basis() -> None:
    data = pay.ranges_data(_hourly()).set_index("record_id")
    # 14.71 and 22.60 an hour at 2,080 hours a year: 30,596.80 and 47,008; 3,200.50 a month: 38,406
    assert data.loc["h1", ["low_usd", "high_usd"]].tolist() == pytest.approx([30_596.8, 47_008.0])
    assert data.loc["m1", "low_usd"] == pytest.approx(38_406.0)
    assert data.loc["h1", "written"] == "$14.71–$22.60 an hour"
    assert data.loc["h1", "annualised_by"] == "2,080 hours a year (40 hours a week, 52 weeks)"
    assert data.loc["r1", ["low_usd", "annualised_by"]].tolist() == [20_000.0, ""]
    caption = pay_charts._ranges_caption(data.reset_index())
    assert "The chart draws hourly figures at 2,080 hours a year (40 hours a week, 52 weeks) and monthly" in caption
    assert "as open marks" in caption
    adjusted = pay.adjusted_data(_hourly())
    assert "h1" not in set(adjusted["record_id"])


def test_giving_words_say_only_all_or_none() -> None:
    assert pay.giving_words(_salaries(), 5) == "Only 2 of the 5 articles give"
    assert pay.giving_words(_salaries().iloc[[0]], 5) == "Only 1 of the 5 articles gives"
    assert pay.giving_words(_salaries(), 2) == "All 2 articles give"
    assert pay.giving_words(_salaries().iloc[[]], 3) == "None of the 3 articles gives"


def test_inflation_claim_gives_each_dated_years_factor() -> None:
    salaries = _salaries().assign(year=pd.array([2007, 2007, 2019, 2007, None, None], dtype="Int64"))
    text = pay.inflation_claim(salaries, 2025)
    assert text.startswith("Figures from 2007 and 2019 are expressed in dollars of 2025")
    assert "a 2007 dollar bought what 1.553 dollars buy in 2025 and a 2019 dollar bought what" in text
    assert pay.inflation_claim(salaries.assign(year=pd.array([None] * 6, dtype="Int64"))).startswith("No figure")


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
        sentence = text[text.index(markup.cite(str(source), "t")) :].split(". ")[0]
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
    data = benchmark.headline_data(evidence.load_table("salaries"), external.load_oews())
    caption, alt = summary_charts._headline_caption(data), summary_charts._headline_alt(data)
    for _, row in data.iterrows():
        proxy = row["soc_code"] != external.FRONT_LINE.soc_code
        said = f"{row['occupation']}, SOC {row['soc_code']}, a broader occupation than its call-center role"
        assert (said in caption) == proxy, caption
        assert (f"for {row['occupation']} (a broader proxy occupation)" in alt) == proxy, alt


def test_the_adjusted_ranges_never_read_as_what_the_roles_pay_now() -> None:
    # A range moved to the base year's prices is what the old pay would buy, not what the role pays.
    base = inflation.BASE_YEAR
    data = benchmark.headline_data(evidence.load_table("salaries"), external.load_oews())
    chart = summary_charts.CHARTS[0]
    not_pay = f"not what the roles pay in {base}"
    for words in (chart.takeaway(data), chart.caption(data)):
        assert f"purchasing power at {base} prices" in words, words
        assert not_pay in words, words
    assert f"not what the role pays in {base}" in chart.alt(data)
    for title in (chart.title, *(c.title for c in pay_charts.CHARTS)):
        assert " now" not in title, title
        assert "today" not in title, title
    labels = [t.get_text() for t in chart.draw(data).axes[0].get_legend().get_texts()]
    assert any(f"(not {base} pay)" in label for label in labels), labels
    assert all("May " in label for label in labels if label.startswith("BLS median")), labels


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
    text = benchmark.proxies_claim(_salaries(), _bench())
    # The team-lead proxy stands for a rung no source prices: said apart, not among the comparisons.
    assert (
        "No source gives a pay figure for the team lead rung, so the median of Supervisors (43-1011), $60,000, the "
        "occupation that stands for it, has no source figure to be set against; it is that rung's official pay step."
    ) in text
    # Manager 50-70k in 2007 dollars is about 77.6-108.7k in 2025 dollars: 200,000 is above it
    assert "the median of Admin managers (11-3012), $200,000, is above the top of the range for the Manager" in text
    # No training role is priced; the manager rung is, so the rung is not said to be unpriced.
    assert (
        "No source gives a pay figure for a training role on the manager rung, so the median of Training managers (11-3131)"
        in text
    )
    assert "Supervisors" not in text[: text.index("No source")]


def test_entry_median_claim_says_above_or_below() -> None:
    text = benchmark.entry_median_claim(_salaries(), _bench())
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


def test_shared_titles_take_management_positions_for_management() -> None:
    roles = pd.DataFrame(
        {
            "source_id": [A, B, A, C],
            "record_id": ["a1", "b1", "a2", "c1"],
            "title": ["management", "management positions", "director positions", "head of a unit"],
            "tier": ["manager", "manager", "senior-management", "senior-management"],
        }
    )
    assert ladder.shared_titles_claim(roles) == (
        "Two sources or more use the same title only at the manager rung (*management*); at the senior "
        "management rung no two sources use the same title. "
    )


def test_naming_claim_finds_who_names_none_and_who_names_every_rung() -> None:
    text = ladder.naming_claim(_roles(), [*ORDER, "cedric-career-graph"])
    assert text.startswith("3 of the 4 sources name at least one rung; {cite:t}`cedric-career-graph` names none.")
    assert text.endswith("No source names every rung.")


def test_matching_claim_says_whether_every_statement_of_years_found_its_pay() -> None:
    unmatched = pd.DataFrame({"what": ["pay stated, no years found"]})
    assert ladder.matching_claim(unmatched) == "Every statement of years of experience found its pay figure."
    assert ladder.matching_claim(pd.DataFrame({"what": ["years stated, no pay found"] * 2})).startswith("2 statements")


def _asked() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A, A, B],
            "tier": ["frontline", "frontline", "manager", "frontline"],
            "role": ["Rep", "Web rep", "Boss", "Agent"],
            "education": ["high school diploma", "bachelor's degree", "", "certificate"],
            "field": ["", "", "", "health care"],
            "years_min": [0.0, 1.0, 7.0, None],
            "years_max": [3.0, None, None, None],
            "necessity": ["required", "suggested", "required", "preferred"],
            "hedge": ["", "usually", "usually", ""],
        }
    )


def _matched() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A, A],
            "role": ["Rep", "Web rep", "Boss"],
            "tier": ["frontline", "frontline", "manager"],
            "low_usd": [20_000.0, 15_000.0, 50_000.0],
            "high_usd": [30_000.0, 35_000.0, 70_000.0],
            "mid_usd": [25_000.0, 25_000.0, 60_000.0],
            "year": [2007, 2007, 2007],
        }
    )


def test_years_detail_claim_gives_each_roles_schooling_years_and_firmness_with_its_hedge() -> None:
    text = experience.years_detail_claim(_asked(), ORDER)
    assert text == (
        "{cite:t}`exploring-careers-2007` puts years on 3 roles: for the Rep, a high school diploma and 0–3 "
        "years of experience (required); for the Web rep, a bachelor's degree and at least 1 year of experience "
        "(suggested, *usually*); for the Boss, at least 7 years of experience (required, *usually*)."
    )
    assert experience.years_detail_claim(_asked().iloc[[3]], ORDER) == ""


def test_schooling_pay_claim_sets_the_most_schooled_role_of_a_rung_against_the_least() -> None:
    # Web rep (bachelor's, suggested, usually): 15-35k; Rep (high school, required): 20-30k.
    text = experience.schooling_pay_claim(_matched(), _asked())
    assert text == (
        "On the front line rung, the Web rep, for which a bachelor's degree is suggested (*usually*), starts "
        "lower ($15,000 against $20,000 for the Rep, for which a high school diploma is required), and its range "
        "reaches higher ($35,000 against $30,000) {cite:p}`exploring-careers-2007`."
    )
    assert experience.schooling_pay_claim(_matched().iloc[[0, 2]], _asked()) == ""


def test_experience_pay_claim_counts_points_and_compares_rungs_within_a_source() -> None:
    text = experience.experience_pay_claim(_matched())
    # managers 60,000 against front line (25,000 + 25,000) / 2: 2.4 times
    assert text.startswith("The chart has 3 points, from 1 source {cite:p}`exploring-careers-2007`, dated 2007,")
    assert text.endswith("the manager roles are priced at about 2.4 times the front line roles.")
    assert "times" not in experience.experience_pay_claim(_matched().iloc[[0, 1]])


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
    assert text.startswith("The most-named benefit category is *pay*, named by 2 of the 3 articles.")
    assert text.endswith("3 categories rest on a single article: *advancement*, *education* and *health*.")
    # each category is named once: the single-article ones are not also what "follows" the top
    for category in set(_benefits()["category"]):
        assert text.count(f"*{category}*") == 1, category
    # a category between the top and the single-article ones is what follows the top
    more = pd.DataFrame({"source_id": [B, B], "record_id": ["b6", "b7"], "category": ["pay", "education"]})
    wider = pd.concat([_benefits(), more], ignore_index=True)  # pay: all 3; education: A, B
    assert matrices.ranking_claim(wider, ORDER, "benefit") == (
        "The most-named benefit category is *pay*, named by all 3 articles, followed by *education* (2 articles). "
        "At the other end, 2 categories rest on a single article: *advancement* and *health*."
    )
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


def test_employer_paid_claim_calls_one_employers_practice_an_example() -> None:
    flagged = _benefits().assign(flags=["", "one-employer", "", "", ""], hedge="")
    text = benefits.employer_paid_claim(flagged, ORDER)
    assert "education: {cite:t}`exploring-careers-2007` (one employer's practice, given as an example)" in text
    assert "health: {cite:t}`job-details-guide` (without a hedge)" in text
    # the real records: a source whose records of an employer-paid category all give one employer's
    # practice is never said to state that benefit "without a hedge"
    table = evidence.load_table("benefits")
    real = benefits.employer_paid_claim(table, sources.source_ids())
    paid = table[table["category"].isin(benefits.EMPLOYER_PAID)]
    examples = paid[paid["flags"].fillna("").str.contains("one-employer")]
    assert not examples.empty
    for _, row in examples.iterrows():
        own = paid[(paid["source_id"] == row["source_id"]) & (paid["category"] == row["category"])]
        segment = real.split(row["category"].replace("-", " ") + ": ", 1)[1].split(";")[0]
        said = segment.split(markup.cite(row["source_id"], "t") + " (", 1)[1].split(")", 1)[0]
        assert "one employer's practice, given as an example" in said
        if not (~own["flags"].fillna("").str.contains("one-employer")).any():
            assert "hedge" not in said, said
            assert "*" not in said, said


def test_kinds_claim_counts_pay_apart_from_prospects_and_names_its_categories() -> None:
    # A: pay, education; B: health, advancement; C: pay. Only B names a prospect (advancement);
    # pay (A, C) is neither a prospect nor a benefit an employer pays for besides wages.
    kinds = benefits.kinds_claim(_benefits(), ORDER)
    assert "1 of the 3 articles names a prospect the job holds out (*advancement*, *skills* or *job security*)" in kinds
    assert "2 of the 3 articles name *pay*, in 2 records" in kinds
    assert "2 of the 3 articles name a benefit an employer pays for besides wages" in kinds
    assert "pay that can rise" not in kinds
    real = evidence.load_table("benefits")
    order = sources.source_ids()
    n_prospects = real.loc[real["category"].isin(["advancement", "skills", "job-security"]), "source_id"].nunique()
    n_pay = real.loc[real["category"] == "pay", "source_id"].nunique()
    text = benefits.kinds_claim(real, order)
    assert f"{prose.of(n_prospects, len(order), 'article')} name" in text
    assert f"{prose.of(n_pay, len(order), 'article')} name *pay*" in text
    assert "only through one employer's example" in text  # the scholarships of Exploring careers


def test_pay_basis_claim_names_the_articles_with_pay_figures_but_no_pay_benefit() -> None:
    salaries = pd.DataFrame({"source_id": [B, B, A], "low_usd": [1.0, 2.0, 3.0], "high_usd": [None] * 3})
    text = benefits.pay_basis_claim(_benefits(), salaries, ORDER)
    assert text == (
        "The *pay* row counts articles that name pay as a benefit: {cite:t}`job-details-guide` gives 2 pay "
        "figures but has no benefit record on pay, so it is not counted there."
    )
    assert benefits.pay_basis_claim(_benefits(), salaries[salaries["source_id"] == A], ORDER) == ""
    table, figures = evidence.load_table("benefits"), evidence.load_table("salaries")
    left_out = set(figures["source_id"]) - set(table.loc[table["category"] == "pay", "source_id"])
    real = benefits.pay_basis_claim(table, figures, sources.source_ids())
    assert left_out
    assert all(markup.cite(s, "t") in real for s in left_out)


def test_sums_claim_ignores_pay_figures_and_keeps_the_words_that_qualify_a_sum() -> None:
    salaries = pd.DataFrame({"low_usd": [60_000_000.0], "high_usd": [None]})
    assert benefits.sums_claim(_benefits(), salaries) == "No article puts a sum on any benefit."
    assert "\u201c\\$60 million\u201d (tuition)" in benefits.sums_claim(_benefits(), salaries.assign(low_usd=[1.0]))
    more = _benefits().assign(quote=["q1", "gave more than $60 million in scholarships", "q3", "q4", "q5"])
    assert "\u201cmore than \\$60 million\u201d (tuition)" in benefits.sums_claim(more, salaries.assign(low_usd=[1.0]))
    # the real records: each quoted sum is the source's words, with any "more than" before it
    table = evidence.load_table("benefits")
    text = benefits.sums_claim(table, evidence.load_table("salaries"))
    spans = [m.replace("\\", "") for m in re.findall("\u201c(.*?)\u201d", text)]
    assert spans
    for span in spans:
        quote = next(q for q in table["quote"] if span in q)
        before = quote[: quote.index(span)].rstrip().lower()
        assert not before.endswith(("than", "over", "of", "to", "least", "about", "nearly")), (span, quote)


def test_rate_claim_and_dated_words() -> None:
    claims = pd.DataFrame({"source_id": [B, C], "quote": ["turnover is high", "turnover is 40% a year"]})
    assert challenges.rate_claim(claims).endswith("{cite:t}`career-advancement-guide` gives a figure.")
    assert challenges.rate_claim(claims.iloc[:1]).endswith("it gives a rate, a period or a source for it.")
    assert challenges.dated_words([B, C]) == "undated"
    assert challenges.dated_words([A]) == "dated 2007"
    assert challenges.dated_words([A, B]) == "partly dated (2007)"


def test_scale_claim_says_what_the_study_covers_and_whether_the_articles_give_a_number() -> None:
    study = pd.Series({"period": "2007", "region": "United States"})
    claims = pd.DataFrame({"source_id": [B, C], "quote": ["turnover is high", "turnover is high too"]})
    text = challenges.scale_claim(study, claims)
    assert text.startswith("The study's figure is from 2007 and for United States call centers only.")
    assert text.endswith("the articles that call turnover high give no number that either published figure could test.")
    with_number = challenges.scale_claim(study, claims.assign(quote=["turnover is high", "40% leave a year"]))
    assert with_number.endswith("{cite:t}`career-advancement-guide` gives a figure it can be set against.")


def _challenges() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, B, B, C, C, C],
            "record_id": ["c1", "c2", "c3", "c4", "c5", "c6"],
            "category": ["stress", "stress", "misconception", "misconception", "misconception", "hours"],
            "hedge": ["", "might", "", "", "some", "may"],
            "quote": [
                "The job causes Stress.",
                "It might not always be the easiest job",
                "not only answering phones",
                "not a dead end",
                "some think it is repetitive",
                "you may work nights",
            ],
        }
    )


def test_word_basis_claim_quotes_what_an_article_is_counted_for_without_the_word() -> None:
    text = challenges.word_basis_claim(_challenges(), ORDER, "stress")
    assert text == (
        "Of the 2 articles counted under *stress*, 1 uses the word {cite:p}`exploring-careers-2007`; "
        "{cite:t}`job-details-guide` is counted for \u201cIt might not always be the easiest job\u201d, "
        "the nearest category for what it says."
    )
    assert challenges.word_basis_claim(_challenges()[_challenges()["source_id"] == A], ORDER, "stress") == ""
    # the real records: the articles said to be counted without the word are those whose stress
    # records never use it
    table = evidence.load_table("challenges")
    stress = table[table["category"] == "stress"]
    without = {
        s
        for s in stress["source_id"]
        if not stress.loc[stress["source_id"] == s, "quote"].str.lower().str.contains("stress").any()
    }
    real = challenges.word_basis_claim(table, sources.source_ids(), "stress")
    assert {s for s in sources.source_ids() if f"{markup.cite(s, 't')} is counted for" in real} == without


def test_answers_claim_counts_each_articles_misconceptions_and_keeps_the_hedges() -> None:
    offered = pd.DataFrame(
        {
            "source_id": [A, C],
            "category": ["advancement", "flexibility"],
            "hedge": ["", "numerous"],
            "quote": ["q", "flexible shifts"],
        }
    )
    text = challenges.answers_claim(_challenges(), offered, ORDER)
    # B raises 1 misconception and C 2: no "a drawback" for an article that raises two
    assert text.endswith(
        "The *misconception* rows are drawbacks raised only to be dismissed, claims that call-center work is not "
        "what outsiders think: 1 record from {cite:t}`job-details-guide` and 2 records from "
        "{cite:t}`career-advancement-guide`."
    )
    assert "raise a drawback only to dismiss it" not in text
    assert (
        "{cite:t}`career-advancement-guide` names flexible hours as a benefit, with the hedge *numerous*, and nights, "
        "weekends or holidays as a drawback, with the hedge *may*" in text
    )


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
        "Records on overtime come from only 1 of the 3 articles {cite:p}`job-details-guide`, with the hedge *many*."
    )
    assert conditions.aspect_claim(cond, "dress-code", ORDER) == "No record is filed under dress code."
    assert conditions.shift_claim(cond, ORDER) == (
        "Only 1 of the 3 articles gives a shift length: *typically* "
        "4–8 hours {cite:p}`job-details-guide`. No record gives hours per week."
    )
    weekly = pd.concat([cond, cond.iloc[[2]].assign(record_id="c6", source_id=C, quote="a 40-hour week")])
    assert conditions.shift_claim(weekly, ORDER).endswith(
        "Hours per week are in 1 record {cite:p}`career-advancement-guide`."
    )
    # only B names all three unsocial times; the round-the-clock sources are B and C: not the same
    # (ties in the matrices are broken alphabetically: overtime, schedule, shift length)
    assert conditions.schedule_claim(cond, ORDER).startswith("1 of the 3 articles name nights, weekends and holidays")
    assert conditions.numberless_claim(cond, ("overtime",), ORDER) == "No record on overtime gives a number."
    assert conditions.numberless_claim(cond, ("opening-hours", "schedule"), ORDER) == (
        "1 record on opening hours or schedule gives a number {cite:p}`job-details-guide`."
    )


def test_clock_claim_keeps_each_articles_hedge() -> None:
    cond = _conditions()
    assert conditions.clock_claim(cond, ORDER) == (
        "2 of the 3 articles say that call centers run around the clock: {cite:t}`job-details-guide` "
        "(*typically*; 24 hours a day, 7 days a week) and {cite:t}`career-advancement-guide` (without a hedge)."
    )
    hedged = cond.assign(hedge=["typically", "numerous", "", "", ""])
    assert ", each with a hedge: " in conditions.clock_claim(hedged, ORDER)
    assert "never close" not in conditions.clock_claim(hedged, ORDER)
    # the real records: every hedge of an article's round-the-clock records is next to its citation
    table = evidence.load_table("conditions")
    order = sources.source_ids()
    text = conditions.clock_claim(table, order)
    opening = table[table["aspect"] == "opening-hours"]
    for source in conditions.round_the_clock(table, order):
        said = text.split(markup.cite(source, "t") + " (", 1)[1].split(")", 1)[0]
        words = {w for v in opening.loc[opening["source_id"] == source, "hedge"].fillna("") for w in v.split(";") if w}
        assert words, source
        assert all(f"*{w}*" in said for w in words), (source, said)


def test_lopsided_claim_finds_the_dominant_source() -> None:
    text = conditions.lopsided_claim(_conditions(), ORDER)
    assert text.startswith(
        "{cite:t}`job-details-guide` has records on all 4 aspects and supplies 80% of the 5 "
        "condition records; 3 aspects (overtime, schedule and shift length) rest on it alone. "
        "{cite:t}`career-advancement-guide` has records on the fewest aspects (1)."
    )
    assert "mostly what that one article" in text
    # with B supplying half of the records, not more, the chapter is not "mostly" B's
    even = pd.concat([_conditions(), _conditions().iloc[[1, 1, 1]].assign(record_id=["x1", "x2", "x3"])])
    assert "mostly" not in conditions.lopsided_claim(even, ORDER)


def _metrics() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [B, B, A, C, C],
            "record_id": ["m1", "m2", "m3", "m4", "m5"],
            "metric": ["call handling time", "CSAT", "being helpful", "call duration", "CSAT"],
            "category": ["handle-time", "satisfaction", "service-quality", "handle-time", "satisfaction"],
            "quote": [
                "performance metrics such as call handling time and CSAT",
                "performance metrics such as call handling time and CSAT",
                "Management watches how helpful you are, to promote you.",
                "performance indicators like call duration and CSAT",
                "performance indicators like call duration and CSAT",
            ],
        }
    )


def test_measure_claims_count_only_what_an_article_names_as_measures() -> None:
    met = _metrics()
    # A's record is not named as a measure: service quality counts no article, satisfaction and time
    # per call 2 each (a tie of articles and records: in the order of the category keys)
    assert conditions.measure_ranking_claim(met, ORDER) == (
        "Counting only the records an article names as measures: the most-named measure categories are "
        "*time per call* and *customer satisfaction*, named by 2 of the 3 articles."
    )
    assert conditions.unnamed_claim(met, ORDER) == (
        "The other 1 record on performance, from {cite:t}`exploring-careers-2007`, is not named as a measure: "
        "none of its words calls it a performance metric or indicator."
    )
    assert conditions.target_claim(met, ORDER).startswith("None of the 5 records on performance gives a target")
    quota = met.assign(quote=[*met["quote"][:4], "sell 20 plans a day"])
    assert (
        conditions.target_claim(quota, ORDER)
        == "1 record on performance gives a number {cite:p}`career-advancement-guide`."
    )
    # the real records: the top categories, counted over the records whose words name them as
    # performance metrics or indicators, are the ones the claim names
    table = evidence.load_table("metrics")
    named = table[table["quote"].str.contains("performance (?:metric|indicator)", case=False, regex=True)]
    per = named.groupby("category")["source_id"].nunique()
    text = conditions.measure_ranking_claim(table, sources.source_ids())
    for category in per.index[per == per.max()]:
        assert f"*{conditions.METRIC_LABELS[category].lower()}*" in text.split("named by")[0]
    assert f"named by {prose.of(int(per.max()), len(sources.source_ids()), 'article')}" in text
    assert "*service quality*" not in text


# --- a source's word on itself -----------------------------------------------------------------------


def test_caveat_claim_counts_the_records_of_a_source_with_a_caveat() -> None:
    text = matrices.caveat_claim(_benefits(), "benefit")
    # B (job-details-guide) has 2 of the 5 records and says of itself it may not be accurate
    assert text.startswith(
        "2 of the 5 benefit records come from {cite:t}`job-details-guide`, which says of itself: \u201c"
    )
    assert "may not be accurate or up to date" in text
    assert matrices.caveat_claim(_benefits()[_benefits()["source_id"] != B], "benefit") == ""


@pytest.mark.parametrize(
    ("notebook", "tables"),
    [("04-benefits", ["benefits"]), ("05-challenges", ["challenges"]), ("06-conditions", ["conditions", "metrics"])],
)
def test_chapters_that_use_a_source_with_a_caveat_repeat_it(notebook: str, tables: list[str]) -> None:
    """A chapter whose tables hold records of a source that doubts itself shows that source's words."""
    import json

    used = {s for t in tables for s in evidence.load_table(t)["source_id"]}
    doubting = [m for m in sources.read_manifest() if m.caveat and m.source_id in used]
    assert doubting
    cells = json.loads((paths.ROOT / "book" / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    prose = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "{glue:md}`caveats:myst`" in prose
    glued = [
        "".join(o["data"]["application/papermill.record/text/markdown"])
        for c in cells
        for o in c.get("outputs", [])
        if o.get("metadata", {}).get("scrapbook", {}).get("name") == "caveats"
    ]
    assert len(glued) == 1
    for meta in doubting:
        assert markup.cite(meta.source_id, "t") in glued[0]
        assert markup.md_escape(meta.caveat) in glued[0]


# --- agreement -------------------------------------------------------------------------------------


def test_schooling_counts_statements_and_gives_each_more_its_firmness_and_hedge() -> None:
    # A asks a diploma of one role and suggests a bachelor's for another; B's degree is put two ways
    # in one sentence (two records, one statement); C asks nothing
    edu = pd.DataFrame(
        {
            "source_id": [A, A, B, B, C],
            "record_id": ["e1", "e2", "e3", "e4", "e5"],
            "role": ["Rep", "Web rep", "some jobs", "some jobs", "entry roles"],
            "education": ["high-school", "bachelor", "college-degree", "college-degree", "none"],
            "necessity": ["required", "suggested", "preferred", "required", None],
            "hedge": ["", "usually", "some;may", "some;may", "often"],
            "quote": ["q1", "q2", "q3", "q3", "q5"],
        }
    )
    projection = pd.Series({"typical_entry_education": "High school diploma or equivalent", "work_experience": "None"})
    text = agreement.schooling_claim(edu, projection)
    assert text.startswith(
        "Of the 4 statements that name an education level for front-line or general call-center work "
        "{cite:p}`exploring-careers-2007,job-details-guide,career-advancement-guide` (every such row of the ladder "
        "chapter's table, certificates included), 2 name no more than"
    )
    assert text.endswith(
        "; 2 name more: a bachelor's degree (suggested, *usually*) for the Web rep {cite:p}`exploring-careers-2007` "
        "and a college degree (preferred or required, *some, may*) for some jobs {cite:p}`job-details-guide`."
    )
    assert "more is asked by" not in text


def test_experience_claim_reads_a_span_from_none_as_no_more_than_none() -> None:
    projection = pd.Series({"typical_entry_education": "High school diploma or equivalent", "work_experience": "None"})
    requirements = pd.DataFrame(
        {
            "source_id": [A, A, B],
            "role": ["Rep", "Web rep", "Boss"],
            "tier": ["frontline", "frontline", "manager"],
            "years_min": [0.0, 1.0, 7.0],
            "years_max": [3.0, None, None],
            "necessity": ["required", "suggested", "required"],
            "hedge": ["", "usually", ""],
        }
    )
    text = agreement.experience_claim(requirements, projection)
    assert text.endswith(
        "Only {cite:t}`exploring-careers-2007` puts years on front-line roles: 0–3 years for the Rep (required), "
        "starting at none like the BLS's; and at least 1 year for the Web rep (suggested, *usually*), more than "
        "the BLS's."
    )
    both = agreement.experience_claim(requirements.assign(tier="frontline"), projection)
    assert "2 sources {cite:p}`exploring-careers-2007,job-details-guide` put years" in both
    assert "at least 7 years for the Boss (required), more than the BLS's" in both
    assert agreement.inside(5, 1, 10) == "inside"
    assert agreement.inside(0, 1, 10) == "below"


def test_overlap_reading_says_where_the_higher_range_starts() -> None:
    salaries = _salaries()
    overlap = pay.overlaps(salaries)
    # Web rep (15-35k, front line) against Senior rep (29-40k, rung 2): starts 6,000 below 35,000
    assert agreement.overlap_reading(overlap) == (
        "Read literally, the range for the Senior rep starts $6,000 below the top of the range for the Web rep."
    )
    assert agreement.overlap_reading(overlap.iloc[0:0]) == ""


def test_demand_claims_are_set_against_the_figure_that_bears_on_them() -> None:
    claims = pd.DataFrame(
        {
            "source_id": [A, B, C],
            "quote": ["Demand is increasing day by day.", "Many new vacancies every day.", "Job security."],
        }
    )
    assert agreement.demand_kinds(claims).tolist() == ["growth", "vacancies", ""]
    projections = pd.DataFrame({"soc_code": ["43-4051"], "change_percent": [-5.0], "annual_openings_thousands": [10.0]})
    text = agreement.demand_against_outlook_claim(claims, projections)
    # the basis comes first: how the articles are dated and placed, and what the comparison assumes
    assert text.startswith(agreement.claims_basis([A, B]) + " Read that way, ")
    assert text.endswith(
        "the projected fall in jobs would run against the claim that demand grows {cite:p}`exploring-careers-2007`; "
        "the yearly openings would be in line with the claim of new vacancies {cite:p}`job-details-guide`."
    )
    assert "assumes a place and a time they do not state" in agreement.claims_basis([A, B])
    assert "partly dated" in agreement.claims_basis([A, B])
    grow = agreement.demand_against_outlook_claim(claims, projections.assign(change_percent=[2.0]))
    assert "the projected growth in jobs would bear out the claim that demand grows" in grow
    assert agreement.demand_against_outlook_claim(claims.iloc[[2]], projections) == ""
    assert agreement.demand_figures_claim(claims.iloc[[0]]) == (
        "None of these claims gives a figure, and their articles are dated 2007."
    )


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
    # a comparison of one May with another carries the BLS caution, with its address
    assert external.OEWS_TIME_SERIES_CAUTION in text
    assert "https://www.bls.gov/oes/oes_ques.htm" in text
    grow = agreement.outlook_claim(projections.assign(change_percent=[3.0]), oews)
    assert "to grow by 3.0 percent" in grow
    assert "replace" not in grow


# --- the evidence base ----------------------------------------------------------------------------


def test_metadata_and_undated_share() -> None:
    corpus = sources.load_all()
    # Worked out from the manifest: the rows with a date and with an author.
    dated = sum(1 for s in corpus.values() if s.meta.published)
    signed = sum(1 for s in corpus.values() if s.meta.author)
    said = evidence_base.metadata_claim(corpus)
    assert said.startswith(prose.of(dated, len(corpus), "text").capitalize())
    assert f"and {prose.of(signed, len(corpus), 'text')} name" in said
    two = {k: corpus[k] for k in list(corpus)[:2]}
    two = {k: replace(s, meta=replace(s.meta, published="", author="")) for k, s in two.items()}
    assert (
        evidence_base.metadata_claim(two)
        == "None of the 2 texts state a publication date and none of the 2 texts name an author"
    )
    records = [evidence.Record(A, "r", "role", {}, (), "", "q"), evidence.Record(B, "s", "role", {}, (), "", "q")]
    assert evidence_base.undated_share(records, corpus) == (1, 2)


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


def test_every_comparison_of_one_may_with_another_carries_the_bls_caution_and_the_occupations_breadth() -> None:
    from analysis.publish import figures
    from analysis.publish.charts import agreement as agreement_charts
    from analysis.publish.charts import benchmark as benchmark_charts

    salaries, oews = evidence.load_table("salaries"), external.load_oews()
    text = agreement.undated_claim(salaries, oews)
    for paragraph in filter(None, text.split("\n\n")):
        if "official wage distribution" in paragraph:
            assert external.EVERY_INDUSTRY in paragraph
            assert external.OEWS_TIME_SERIES_CAUTION in paragraph
        if "dollars (" in paragraph:  # an adjusted range says which CPI-U values it rests on
            assert "CPI-U annual averages" in paragraph
    # every chart of several Mays of OEWS: its image's source line carries the caution, with the address
    over_time = ("fig-agreement-average", "fig-pay-over-time")
    for chart in (c for c in (*agreement_charts.CHARTS, *benchmark_charts.CHARTS) if c.name in over_time):
        data = chart.data()
        assert external.OEWS_TIME_SERIES_CAUTION in figures.source_line(chart, data), chart.name
    average = agreement_charts.CHARTS[0]
    data = average.data()
    if (data["row"] == "source").any():
        assert external.EVERY_INDUSTRY in average.takeaway(data)


def test_charts_against_official_wages_read_whole_without_undated_or_dated_source_figures() -> None:
    """A valid corpus may give no undated average for the representatives' rung, or no dated figure:
    the charts then say so in whole sentences, with no count of nothing and no empty list."""
    from analysis.publish import figures

    broken = re.compile(r"\b0 undated|: \.|no dated figures|\s[.,:;]")
    average = figures.registry()["fig-agreement-average"]
    data = average.data()
    official = data[data["row"] == "official"]
    caption = figures.caption(average.name, official)
    assert caption.startswith("No source gives an undated average")
    assert external.EVERY_INDUSTRY in caption
    assert external.OEWS_TIME_SERIES_CAUTION in caption
    assert not broken.search(caption), caption
    with_one = figures.caption(average.name, data)
    assert with_one.count(external.EVERY_INDUSTRY) <= 1, with_one  # said once, in the takeaway

    benchmark = figures.registry()["fig-pay-benchmark"]
    data = benchmark.data()
    undated = data[(data["row"] == "official") | data["adj_year"].isna()]
    if (undated["row"] == "source").any():
        caption = figures.caption(benchmark.name, undated)
        assert "every one undated, as written" in caption
        assert not broken.search(caption), caption


def test_a_matrix_takeaway_writes_a_row_label_inside_its_sentence_without_a_capital() -> None:
    """A dot matrix's rows are labelled with a capital ("Service quality"); its takeaway names
    them inside a sentence ("customer satisfaction and service quality are each named by …")."""
    from analysis.publish import figures

    matrices = [c for c in figures.registry().values() if {"category", "label", "records"} <= set(c.data().columns)]
    assert matrices
    for chart in matrices:
        data = chart.data()
        takeaway = chart.takeaway(data)
        for label in set(data["label"]):
            if label[1:2].islower():
                mid = [m.start() for m in re.finditer(re.escape(label), takeaway) if m.start() > 0]
                assert not [at for at in mid if takeaway[at - 2 : at] not in (". ", ": ")], (chart.name, label)


def test_years_say_a_floor_a_plain_number_or_a_range_as_the_sentence_does() -> None:
    assert prose.years(0, 3) == "0–3 years"
    assert prose.years(5, 5) == "5 years"  # "five years": not "at least"
    assert prose.years(1, None) == "at least 1 year"
    assert prose.years(7, float("nan"), unit=False) == "at least 7"
    assert ladder_charts.years_asked(5, 5, "usually", "required") == "5 years, usually required"
    assert ladder_charts.years_asked(1, None, "usually", "suggested") == "at least 1 year, usually suggested"


def test_the_experience_chart_keeps_each_requirements_hedge_and_necessity() -> None:
    chart = next(c for c in ladder_charts.CHARTS if "years_hedge" in c.data().columns)
    data = chart.data()
    texts = [t.get_text().replace("\n", " ") for t in chart.draw(data).axes[0].texts]
    alt = chart.alt(data)
    for _, r in data.iterrows():
        said = ladder_charts.years_asked(r["years_min"], r["years_max"], r["years_hedge"], r["years_necessity"])
        assert any(said in " ".join(t.split()) for t in texts), (said, texts)
        assert said in alt, (said, alt)
