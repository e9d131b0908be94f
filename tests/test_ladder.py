"""Ladder functions on small tables whose answers are worked out by hand."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

from analysis.chapters import ladder
from analysis.core import evidence, sources
from analysis.publish.charts import ladder as ladder_charts

ORDER = ["a", "b", "c"]


def _roles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "b", "b", "b"],
            "record_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "title": ["Rep", "Agent", "Boss", "Rep", "team lead", "quality analyst"],
            "tier": ["frontline", "frontline", "manager", "frontline", "team-lead", "specialist"],
        }
    )


def _salaries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "b"],
            "record_id": ["s1", "s2", "s3", "s4"],
            "role": ["Customer Service Representative I", "Web Rep", "Training Head", "Agent"],
            "tier": ["frontline", "frontline", "manager", "frontline"],
            "statistic": ["range", "range", "range", "average"],
            "low_usd": [20_000.0, 22_000.0, 50_000.0, 30_000.0],
            "high_usd": [30_000.0, 40_000.0, 70_000.0, None],
            "period": ["year"] * 4,
            "year": pd.array([2007, 2007, 2007, None], dtype="Int64"),
        }
    )


def _requirements() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "a", "a", "b", "c"],
            "record_id": ["q1", "q2", "q3", "q4", "q5", "q6", "q7"],
            "role": [
                "Customer service representative",
                "Customer service representative",
                "Manager of Training",
                "Night Rep",
                "Rep",
                "Senior Agent",
                "jobs",
            ],
            "tier": ["frontline", "frontline", "manager", "frontline", "frontline", "senior", "unspecified"],
            "tier_level": [1, 1, 5, 1, 1, 2, 0],
            "requirement": ["education", "experience", "experience", "experience", "skill", "experience", "education"],
            "education": ["high-school", "", "", "", "", "", "college-degree"],
            "years_min": [None, 0.0, 5.0, 2.0, None, 4.0, None],
            "years_max": [None, 3.0, None, None, None, None, None],
            "necessity": ["required", "required", "", "suggested", "", "helpful", "preferred"],
            "quote": ["Q1", "Q1", "Q3", "Q4", "Q5", "Q6", "Q7"],
        }
    )


def test_tier_table_lists_six_rungs_then_unspecified() -> None:
    table = ladder.tier_table()
    assert table["level"].tolist() == [1, 2, 3, 4, 5, 6, 0]
    assert table["tier"].iloc[0] == "frontline"
    assert table["tier"].iloc[-2] == "senior-management"
    assert table["covers"].str.len().min() > 0


def test_titles_by_tier_joins_titles_and_leaves_blanks() -> None:
    table = ladder.titles_by_tier(_roles(), ORDER)
    assert table.index.tolist() == list(ladder.LADDER)
    assert table.columns.tolist() == ORDER
    assert table.loc["frontline", "a"] == "Rep; Agent"
    assert table.loc["team-lead", "b"] == "team lead"
    assert table.loc["team-lead", "a"] == ""
    assert table["c"].tolist() == [""] * 6


def test_title_counts_and_tier_summary() -> None:
    counts = ladder.title_counts(_roles(), ORDER)
    assert counts.loc["frontline"].tolist() == [2, 1, 0]
    assert counts.loc["senior"].tolist() == [0, 0, 0]
    summary = ladder.tier_summary(_roles(), _salaries(), ORDER).set_index("tier")
    assert summary.loc["frontline", "sources"] == 2
    assert summary.loc["frontline", "titles"] == 3
    assert summary.loc["frontline", "priced_by"] == ["a", "b"]
    assert summary.loc["team-lead", "named_by"] == ["b"]
    assert summary.loc["manager", "priced_by"] == ["a"]


def test_single_source_and_unpriced_tiers() -> None:
    summary = ladder.tier_summary(_roles(), _salaries(), ORDER)
    # frontline: a and b; team lead, specialist: b only; manager: a only; senior, senior mgmt: none
    assert ladder.tiers_named_by(summary, 1) == ["team-lead", "specialist", "manager"]
    assert ladder.tiers_named_by(summary, 0) == ["senior", "senior-management"]
    # named but with no salary row at that tier: team lead and specialist (manager is priced by a)
    assert ladder.unpriced_tiers(summary) == ["team-lead", "specialist"]


def test_tiers_per_source_counts_distinct_rungs() -> None:
    assert ladder.tiers_per_source(_roles(), ORDER).tolist() == [2, 3, 0]


def test_words() -> None:
    assert ladder.words([]) == "none"
    assert ladder.words(["senior"]) == "senior"
    assert (
        ladder.words(["team-lead", "specialist", "senior-management"]) == "team lead, specialist and senior management"
    )


def test_education_experience_merges_one_sentence() -> None:
    asked = ladder.education_experience(_requirements(), ORDER)
    # q1 and q2 share a quote -> one row; q5 (a skill, no education) is dropped; c (unspecified) last
    assert asked["role"].tolist() == [
        "Customer service representative",
        "Night Rep",
        "Senior Agent",
        "Manager of Training",
        "jobs",
    ]
    first = asked.iloc[0]
    assert (first["education"], first["years"], first["necessity"]) == ("high school diploma", "0–3", "required")
    assert asked.iloc[1]["years"] == "at least 2"  # no upper figure: a floor
    assert asked.iloc[3]["necessity"] == ""
    assert (asked.iloc[4]["education"], asked.iloc[4]["years"]) == ("college degree", "")


def test_education_experience_marks_experience_without_a_number() -> None:
    reqs = _requirements().iloc[[1]].assign(years_min=[None], years_max=[None])
    assert ladder.education_experience(reqs, ORDER)["years"].tolist() == ["no number"]


def test_title_key_ignores_order_grades_and_asides() -> None:
    assert ladder.title_key("Manager of Customer Service Training") == ladder.title_key(
        "Customer Service Training Manager"
    )
    assert ladder.title_key("Customer Service Representative I") == frozenset({"customer", "service", "representative"})
    assert ladder.title_key("Senior Rep (Rep III)") == frozenset({"senior", "rep"})
    assert ladder.title_key("eCommerce Rep") != ladder.title_key("Rep")


def test_match_experience_pay() -> None:
    matched, unmatched = ladder.match_experience_pay(_requirements(), _salaries())
    # q2 matches s1 by title (grade "I" ignored); q3 matches s3 by tier (only manager pay of a);
    # q4 "Night Rep": no title match, two frontline pay rows in a -> unmatched;
    # q6 (b, "Senior Agent", senior): no title match and b has no senior pay -> unmatched
    assert matched[["requirement_id", "salary_id", "matched_by"]].values.tolist() == [
        ["q2", "s1", "title"],
        ["q3", "s3", "tier"],
    ]
    csr = matched.iloc[0]
    assert (csr["years_mid"], csr["mid_usd"]) == (1.5, 25_000.0)
    manager = matched.iloc[1]
    assert (manager["years_mid"], manager["low_usd"], manager["high_usd"]) == (5.0, 50_000.0, 70_000.0)
    assert unmatched[["record_id", "what"]].values.tolist() == [
        ["q4", "years stated, no pay found"],
        ["q6", "years stated, no pay found"],
        ["s2", "pay stated, no years found"],
        ["s4", "pay stated, no years found"],
    ]


def test_match_uses_only_the_same_source() -> None:
    reqs = _requirements().iloc[[5]].assign(tier=["frontline"])  # b's Senior Agent, now front line
    matched, _ = ladder.match_experience_pay(reqs, _salaries())
    # a has two front-line pay rows, b one: the tier match takes b's s4 (a single figure: low = high)
    assert matched[["salary_id", "matched_by", "low_usd", "high_usd", "mid_usd"]].values.tolist() == [
        ["s4", "tier", 30_000.0, 30_000.0, 30_000.0]
    ]


def test_charts_draw() -> None:
    matched, _ = ladder.match_experience_pay(_requirements(), _salaries())
    fig = ladder_charts.experience_pay_chart(matched, ["left"] * len(matched))
    ax = fig.axes[0]
    assert len(ax.texts) == 2
    assert all(t.get_ha() == "right" for t in ax.texts)  # every label to the left of its point
    assert ax.get_xlabel() == "Years of experience asked"
    plt.close(fig)
    data = ladder.tiers_data(_roles(), _salaries(), ORDER)
    fig = ladder_charts.ladder_chart(data, str.upper)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "Senior management"
    assert labels[-1] == "Front line"
    # team lead and specialist are named (by b) but priced by no one
    assert sum(t.get_text() == "no pay figure" for t in fig.axes[0].texts) == 2
    plt.close(fig)


# --- claims and their basis, on hand-made tables and on the evidence -----------------------------


def test_a_sentence_put_two_ways_is_preferred_or_required() -> None:
    reqs = _requirements().iloc[[6, 6]].assign(record_id=["q7", "q8"], necessity=["preferred", "required"])
    asked = ladder.education_experience(reqs, ORDER)
    assert asked["necessity"].tolist() == ["preferred or required"]
    # different things asked in one sentence stay apart
    mixed = _requirements().iloc[[0, 1]].assign(necessity=["required", "helpful"])
    assert ladder.education_experience(mixed, ORDER)["necessity"].tolist() == ["required; helpful"]


def test_years_and_unasked_claims() -> None:
    asked = ladder.education_experience(_requirements(), ORDER)
    # a puts years on 3 roles (Customer service representative, Night Rep, Manager of Training),
    # b on 1 (Senior Agent); c states a college degree without years
    assert ladder.years_claim(asked, ORDER) == (
        "2 of the 3 sources put a number of years on a role (4 roles): {cite:t}`a` and {cite:t}`b`. "
        "The one other source states education or experience without a number of years {cite:p}`c`."
    )
    only_a = ladder.education_experience(_requirements().iloc[:5], ORDER)
    assert ladder.years_claim(only_a, ORDER).startswith("Only 1 of the 3 sources puts")
    assert ladder.years_claim(only_a, ORDER).endswith(
        "None of the 2 other sources states education or experience without a number of years."
    )
    # rungs with a statement: front line, senior (b), manager; none for team lead, specialist, senior mgmt
    assert ladder.unasked_claim(asked) == (
        "No source states what education or experience a role at the team lead, specialist and senior "
        "management rungs asks."
    )


def test_one_sentence_claim_quotes_a_source_that_lists_its_rungs_in_one_sentence() -> None:
    roles = _roles().assign(quote=["Q", "Q", "Q", "x", "y", "z"])
    assert ladder.one_sentence_claim(roles, ORDER) == (
        "{cite:t}`a` names its 3 titles in one sentence: \u201cQ\u201d The report places the first, *Rep*, on "
        "the front line rung."
    )
    assert ladder.one_sentence_claim(roles, ORDER, least=4) == ""


def _evidence() -> tuple[pd.DataFrame, pd.DataFrame]:

    return evidence.load_table("roles"), evidence.load_table("requirements")


def test_a_requirement_is_filed_at_every_rung_its_sentence_names() -> None:
    """A sentence that asks education or experience of roles it names on several rungs has a
    requirement record at each of them, so no rung is counted as unasked for want of one."""
    roles, requirements = _evidence()
    asked = requirements[requirements["requirement"].isin(["education", "experience"])]
    for (source, quote), group in asked.groupby(["source_id", "quote"]):
        named = roles[
            (roles["source_id"] == source)
            & roles["quote"].map(lambda q, quote=quote: str(q) in str(quote) or str(quote) in str(q))
        ]
        assert set(named["tier"]) <= set(group["tier"]), (source, quote[:50])


def test_every_way_a_sentence_puts_a_requirement_reaches_the_table() -> None:

    _, requirements = _evidence()
    asked = ladder.education_experience(requirements, sources.source_ids())
    for (source, role, quote), group in requirements[requirements["necessity"].notna()].groupby(
        ["source_id", "role", "quote"]
    ):
        row = asked[(asked["source_id"] == source) & (asked["role"] == role) & (asked["quote"] == quote)]
        if len(row):
            for way in set(group["necessity"]):
                assert way in row["necessity"].iloc[0].replace(" or ", "; ").split("; "), (role, way)


def test_the_manager_field_is_the_records_field() -> None:

    _, requirements = _evidence()
    asked = ladder.education_experience(requirements, sources.source_ids())
    for _, row in asked[asked["field"] != ""].iterrows():
        fields = requirements[
            (requirements["source_id"] == row["source_id"])
            & (requirements["quote"] == row["quote"])
            & (requirements["requirement"] == "education")
        ]["field"]
        assert row["field"] in set(fields)


def test_labels_step_aside_from_the_marks_and_labels_around_them() -> None:
    # Worked out on the chart's geometry (labels 30% of the x span wide, 13% of the y span high):
    # a (0-3 years) has room on its right; b (1 year) has a's bar on its right and on its left, and
    # a's label is not above it: above; c (5 years) has d's line on its right: left; d: right.
    matched = pd.DataFrame(
        {
            "years_min": [0.0, 1.0, 5.0, 7.0],
            "years_max": [3.0, None, None, None],
            "low_usd": [26_000.0, 23_000.0, 52_000.0, 56_000.0],
            "mid_usd": [30_000.0, 31_000.0, 62_000.0, 67_000.0],
            "high_usd": [34_000.0, 40_000.0, 72_000.0, 78_000.0],
        }
    )
    assert ladder_charts.label_sides(matched) == ["right", "above", "left", "right"]
    # A point whose every side is taken gets the side that covers least, never none.
    crowded = pd.concat([matched, matched.iloc[[1]].assign(low_usd=41_000.0, mid_usd=45_000.0, high_usd=49_000.0)])
    assert ladder_charts.label_sides(crowded)[-1] in ladder_charts.SIDES
    apart = matched.assign(mid_usd=[10_000.0, 40_000.0, 70_000.0, 100_000.0])
    apart = apart.assign(low_usd=apart["mid_usd"] - 1, high_usd=apart["mid_usd"] + 1)
    assert ladder_charts.label_sides(apart) == ["right"] * 4
