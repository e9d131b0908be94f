"""What a compensation analyst would sign, on small tables worked out by hand: every official
occupation that fits a rung and whether it changes a comparison, the assumptions read into each
figure, every sentence about pay, pay over time in one year's dollars, counts on one basis, the
ladder's order as the report's convention, and what no source says."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from analysis.chapters import agreement, assumptions, benchmark, ladder, official, ordering, pay, pay_words, silences
from analysis.core import evidence, external, inflation, paths, sources, vocab
from analysis.publish.charts import benchmark as benchmark_charts

A, B, C = "exploring-careers-2007", "job-details-guide", "career-advancement-guide"


# --- 1. every official occupation that fits a rung, with its reason --------------------------------


def _candidates(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "rung_occupations.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=external.RUNG_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({"family": "", "source": "SOC", "url": "u", "reason": "why", **row})
    return path


def test_the_declared_occupations_give_one_main_occupation_a_rung_and_refuse_two(tmp_path: Path) -> None:
    good = _candidates(
        tmp_path,
        [
            {"tier": "manager", "soc_code": "11-3012", "occupation": "Admin", "fit": "main"},
            {"tier": "manager", "soc_code": "43-1011", "occupation": "Supervisors", "fit": "alternative"},
        ],
    )
    found = external.read_candidates(good)
    assert [(c.soc_code, c.fit) for c in found] == [("11-3012", "main"), ("43-1011", "alternative")]
    two = _candidates(
        tmp_path,
        [
            {"tier": "manager", "soc_code": "11-3012", "occupation": "Admin", "fit": "main"},
            {"tier": "manager", "soc_code": "43-1011", "occupation": "Supervisors", "fit": "main"},
        ],
    )
    with pytest.raises(external.ExternalDataError, match="2 main occupations"):
        external.read_candidates(two)
    unknown = _candidates(tmp_path, [{"tier": "boss", "soc_code": "11-3012", "occupation": "Admin", "fit": "main"}])
    with pytest.raises(external.ExternalDataError, match="unknown rung"):
        external.read_candidates(unknown)
    unargued = _candidates(
        tmp_path, [{"tier": "manager", "soc_code": "11-3012", "occupation": "Admin", "fit": "main", "reason": ""}]
    )
    with pytest.raises(external.ExternalDataError, match="reason"):
        external.read_candidates(unargued)


def test_every_declared_occupation_is_the_surveys_own_and_every_main_one_is_a_proxy() -> None:
    oews = external.load_oews()
    for c in external.CANDIDATES:
        assert c.occupation == external.oews_latest(oews, c.soc_code)["occupation"], c.soc_code
        assert c.reason.strip(), c.soc_code
    mains = {c.soc_code for c in external.CANDIDATES if c.fit == "main"}
    assert mains == set(external.PROXIES)
    for c in external.CANDIDATES:
        fits = external.candidates_for(c.tier, c.family)
        assert fits[0].fit == "main"
        assert c in fits


def _figures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": [A, A],
            "record_id": ["r1", "r2"],
            "role": ["Rep", "Manager"],
            "tier": ["frontline", "manager"],
            "tier_level": [1, 5],
            "statistic": ["range", "range"],
            "low_usd": [20_000.0, 60_000.0],
            "high_usd": [30_000.0, 80_000.0],
            "period": ["year", "year"],
            "year": pd.array([2007, 2007], dtype="Int64"),
        }
    )


def _oews(manager: float, supervisor: float) -> pd.DataFrame:
    rows = []
    for soc, median in (("43-4051", 40_000.0), ("11-3012", manager), ("43-1011", supervisor), ("11-3131", 1.0)):
        rows.append({"year": 2025, "soc_code": soc, "occupation": soc, "median_annual_usd": median})
    return pd.DataFrame(rows)


def test_a_figure_two_occupations_fit_is_set_against_both_and_the_claim_says_whether_that_changes() -> None:
    # Manager 60-80k in 2007 is about 93.2-124.2k in 2025 dollars: 114,130 inside it, 69,500 below it.
    comp = benchmark.comparisons(_figures(), _oews(114_130.0, 69_500.0))
    manager = comp[comp["role"] == "Manager"]
    assert list(manager["soc_code"]) == ["11-3012", "43-1011"]
    assert list(manager["position"]) == ["spans", "lies above"]
    text = benchmark.choice_claim(comp)
    assert (
        "its range spans the median of Administrative Services Managers (11-3012), $114,130, and it lies above" in text
    )
    assert "Which occupation is taken decides the comparison" in text
    same = benchmark.choice_claim(benchmark.comparisons(_figures(), _oews(114_130.0, 100_000.0)))
    assert "the comparison comes out the same whichever is taken" in same
    assert "Rep" not in text  # the representatives' rung has one occupation: no choice to speak of


def test_the_data_behind_each_comparison_carries_the_reports_reason_for_its_occupation() -> None:
    salaries, oews = evidence.load_table("salaries"), external.load_oews()
    declared = {(c.tier, c.family, c.soc_code): c.reason for c in external.CANDIDATES}
    drawn = benchmark.benchmark_data(salaries, oews)
    figures = drawn[drawn["row"] == "source"]
    assert len(figures)
    by_key = salaries.set_index(["source_id", "record_id"])
    for _, row in figures.iterrows():
        figure = by_key.loc[(row["source_id"], row["record_id"])]
        fits = external.candidates_for(str(figure["tier"]), figure["family"])
        assert row["soc_code"] in {c.soc_code for c in fits}, row["record_id"]
        reason = next(declared[(c.tier, c.family, c.soc_code)] for c in fits if c.soc_code == row["soc_code"])
        assert row["why"] == reason, row["record_id"]
    headline = benchmark.headline_data(salaries, oews)
    for _, row in headline.iterrows():
        figure = by_key.loc[(row["source_id"], row["record_id"])]
        for code, why in (("soc_code", "why"), ("alt_soc_code", "alt_why")):
            if isinstance(row[code], str):
                key = next(
                    (c.tier, c.family, c.soc_code)
                    for c in external.candidates_for(str(figure["tier"]), figure["family"])
                    if c.soc_code == row[code]
                )
                assert row[why] == declared[key], (row["record_id"], code)
    assert benchmark.reason("frontline", None, "11-3012") == ""  # an occupation that does not fit has no reason


def test_the_official_pay_steps_name_the_occupation_of_every_rung_by_the_year_and_the_hour() -> None:
    steps = official.pay_steps(external.load_oews())
    assert set(steps["tier"]) == set(vocab.LADDER)
    for _, row in steps[steps["soc_code"].notna()].iterrows():
        latest = external.oews_latest(external.load_oews(), str(row["soc_code"]))
        assert row["median_hourly_usd"] == latest["median_hourly_usd"]
    unfitted = steps.loc[steps["soc_code"].isna(), "tier"]
    text = official.steps_claim(steps)
    for tier in unfitted:
        assert f"fits the {vocab.TIER_LABELS[tier].lower()} rung" in text


# --- 2. what the report reads into a figure --------------------------------------------------------


def test_a_figure_is_read_as_us_dollars_with_what_its_sentence_says_of_country_and_period() -> None:
    row = pd.Series({"quote": "It generally pays between $1 and $2.", "flags": "period-inferred", "period": "year"})
    assert (
        assumptions.reading(row)
        == "$ read as U.S. dollars (its sentence names no country); read as a year: no period stated"
    )
    us = pd.Series({"quote": "The average annual salary in the US is $3.", "flags": "", "period": "year"})
    assert (
        assumptions.reading(us)
        == "$ read as U.S. dollars (its sentence names \u201cin the US\u201d); stated by the year"
    )


def test_the_base_years_price_index_says_how_many_months_it_rests_on() -> None:
    basis = assumptions.cpi_basis()
    months = inflation.monthly(inflation.BASE_YEAR)
    assert basis["months"] == len(months)
    assert basis["mean_of_months"] == (
        round(sum(months.values()) / len(months), 3) == round(inflation.cpi_u(inflation.BASE_YEAR), 3)
    )
    assert "what a sum would buy" in assumptions.cpi_claim([2007])  # the question a price index answers
    words = assumptions.cpi_words([2007])
    assert f"2007 = {inflation.cpi_u(2007):.3f}" in words
    assert f"{inflation.BASE_YEAR} = {inflation.cpi_u(inflation.BASE_YEAR):.3f}" in words
    if basis["missing"]:
        assert f"the mean of {len(months)} monthly values" in words


def test_the_packages_price_index_equals_the_official_files_reference_values() -> None:
    notes = (paths.EXTERNAL / "README.md").read_text(encoding="utf-8")
    line = re.search(r"CPI-U annual averages for reference: (.*?\d)\.(?!\d)", " ".join(notes.split()))
    assert line, "the official files' notes list no CPI-U reference values"
    listed = {int(y): float(v) for y, v in re.findall(r"(\d{4}) = (\d+\.\d+)", line.group(1))}
    assert listed == inflation.REFERENCE  # the reference values are the ones the official files list
    for year, value in inflation.REFERENCE.items():
        assert round(inflation.cpi_u(year), 3) == value, year
    check = inflation.reference_check([2007, 2020, inflation.BASE_YEAR])
    assert check["differ"] == []
    assert check["equal"] == sorted(inflation.REFERENCE)
    assert 2020 in check["unchecked"]
    assert 2007 not in check["unchecked"]
    words = assumptions.cpi_check_claim([2007, 2020])
    assert "equal the reference values the official wage files list" in words
    assert "Those files list no value for 2020" in words


def test_a_differing_reference_value_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(inflation.REFERENCE, 2007, 1.0)
    assert inflation.reference_check()["differ"] == [2007]
    assert "differ from the official files' reference values for 2007" in assumptions.cpi_check_claim([2007])


def test_the_base_year_is_not_called_a_full_year_when_months_are_missing() -> None:
    salaries = pd.DataFrame({"year": pd.array([2007], dtype="Int64")})
    text = pay.inflation_claim(salaries)
    assert "full year" not in text.replace("not of a full year of 12", "")
    months = len(inflation.monthly(inflation.BASE_YEAR))
    if months < 12:
        assert f"the mean of {months} monthly values, not of a full year of 12" in text
    assert "BLS series CUUR0000SA0" in text
    assert "{cite:p}`cpi-package`" in text


# --- 3. every sentence about pay, and the claims of good pay ---------------------------------------


def test_every_sentence_about_pay_is_listed_once_with_all_its_hedges_and_the_good_pay_words_found() -> None:
    salaries = pd.DataFrame({"source_id": [A], "record_id": ["s1"], "quote": ["It often pays $1."], "hedge": ["often"]})
    benefits = pd.DataFrame(
        {
            "source_id": [B, B, B, C],
            "record_id": ["b1", "b2", "b3", "c1"],
            "quote": ["Agents are paid well.", "Agents are paid well.", "We offer paid time off.", "Salaries vary."],
            "hedge": ["", "some", "", ""],
        }
    )
    said = pay_words.statements({"salaries": salaries, "benefits": benefits}, [A, B, C])
    assert list(said["quote"]) == ["It often pays $1.", "Agents are paid well.", "Salaries vary."]  # leave is not pay
    assert list(said["hedge"]) == ["often", "some", ""]
    assert list(said["good_words"]) == ["", "paid well", ""]
    claim = pay_words.statements_claim(said, [A, B, C, "other"])
    assert claim.startswith("3 of the 4 articles speak of pay, in 3 quoted passages: 1 passage with a figure")
    good = pay_words.good_pay_claim(said, "OFFICIAL.")
    assert "\u201cpaid well\u201d {cite:p}`job-details-guide` (hedged: some)" in good
    assert "OFFICIAL." in good


def test_the_front_lines_median_is_set_against_all_occupations_by_the_year_and_the_hour() -> None:
    oews = external.load_oews()
    frame = official.against_all(oews)
    last = frame.iloc[-1]
    own = external.oews_latest(oews, external.FRONT_LINE.soc_code)
    every = external.oews_latest(oews, external.ALL_OCCUPATIONS)
    assert (last["median_annual_usd"], last["all_median_annual_usd"]) == (
        own["median_annual_usd"],
        every["median_annual_usd"],
    )
    text = official.against_all_claim(frame)
    gap = abs(own["median_annual_usd"] / every["median_annual_usd"] - 1)
    assert f"{gap:.0%} {'below' if own['median_annual_usd'] < every['median_annual_usd'] else 'above'}" in text
    assert f"${own['median_hourly_usd']:.2f} against ${every['median_hourly_usd']:.2f}" in text


# --- 4. pay over time, in one year's dollars, with the survey's own caution ------------------------


def test_the_official_medians_over_time_are_adjusted_with_the_same_index_and_carry_the_caution() -> None:
    real = official.real_medians(external.load_oews())
    for _, row in real.iterrows():
        assert row["median_adj_usd"] == pytest.approx(inflation.adjust(row["median_annual_usd"], int(row["year"])))
    text = official.over_time_claim(real)
    assert "{cite:p}`bls-oews-faq`" in text
    assert f"{external.OEWS_CAUTION} ({external.OEWS_FAQ_URL})" in text
    assert "pool" not in text  # no detail the official files do not give
    notes = " ".join((paths.EXTERNAL / "README.md").read_text(encoding="utf-8").split())
    assert external.OEWS_CAUTION.split(": ", 1)[1] in notes
    assert external.OEWS_FAQ_URL in notes
    chart = next(c for c in benchmark_charts.CHARTS if c.name == "fig-pay-over-time")
    data = chart.data()
    assert external.OEWS_FAQ_URL in chart.takeaway(data)
    assert external.OEWS_CAUTION in chart.caption(data)
    assert "draws no conclusion" in text


# --- 5. counts on one basis ------------------------------------------------------------------------


def test_the_entry_education_statements_are_the_ladder_tables_rows_that_name_a_level() -> None:
    requirements = evidence.load_table("requirements")
    asked = ladder.education_experience(requirements, sources.source_ids())
    ladder_rows = asked[asked["tier"].isin(["frontline", "unspecified"]) & (asked["education"] != "")]
    ladder_keys = {(s, q) for s, q in zip(ladder_rows["source_id"], ladder_rows["quote"], strict=True)}
    edu = agreement.entry_education(requirements)
    assert {(s, q) for s, q in zip(edu["source_id"], edu["quote"], strict=True)} == ladder_keys


# --- 6. the ladder's order ------------------------------------------------------------------------


def _levels(quote: str, order: list[str]) -> pd.DataFrame:
    titles = {
        "frontline": "agent",
        "senior": "senior agent",
        "team-lead": "team lead",
        "specialist": "analyst",
        "manager": "manager",
        "senior-management": "director",
    }
    return pd.DataFrame(
        {
            "source_id": [A] * len(order),
            "record_id": [f"r{i}" for i in range(len(order))],
            "title": [titles[t] for t in order],
            "tier": order,
            "quote": [quote] * len(order),
        }
    )


def test_a_list_of_every_rung_in_the_ladders_order_is_where_the_ladder_comes_from_not_a_finding() -> None:
    quote = "The levels are agent, senior agent, team lead, analyst, manager and director."
    roles = _levels(quote, list(vocab.LADDER))
    assert ordering.list_sources(roles, [A, B]) == [A]
    text = ladder.naming_claim(roles, [A, B])
    assert "names every rung in the one list the ladder follows, so that is no finding" in text
    assert "1 source names every rung" not in text
    shuffled = _levels(
        "The levels are director, agent, senior agent, team lead, analyst and manager.", list(vocab.LADDER)
    )
    assert ordering.list_sources(shuffled, [A, B]) == []
    assert "1 source names every rung: {cite:t}" in ladder.naming_claim(shuffled, [A, B])
    claim = ordering.convention_claim(roles, [A, B])
    assert claim.startswith("The ladder's 6 rungs and their order")
    assert "are the report's convention" in claim


def test_the_sentences_about_order_are_those_that_use_a_word_of_order() -> None:
    roles = pd.DataFrame(
        {
            "source_id": [A, A, B],
            "record_id": ["r1", "r2", "r3"],
            "title": ["supervisor", "clerk", "manager"],
            "tier": ["team-lead", "frontline", "manager"],
            "quote": [
                "Agents usually report to a supervisor.",
                "A clerk files forms.",
                "Agents can progress to manager.",
            ],
        }
    )
    said = ordering.order_sentences(roles, [A, B])
    assert list(said["quote"]) == ["Agents usually report to a supervisor.", "Agents can progress to manager."]
    assert list(said["order_words"]) == ["report to", "progress to"]


# --- 7. what no source says ----------------------------------------------------------------------


@dataclass
class _Text:
    text: str


def test_a_question_is_answered_only_by_a_sentence_that_gives_what_an_answer_needs() -> None:
    corpus = {
        A: _Text("Training can last from a few days to several weeks. Promotion comes to the patient."),
        B: _Text("Turnover is high. Night shifts are common."),
    }
    quotes = pd.DataFrame({"source_id": [A], "record_id": ["r1"], "quote": ["Promotion comes to the patient."]})
    found = silences.touching(corpus, quotes)  # type: ignore[arg-type]
    table = silences.verdicts(found, 4).set_index("topic")
    assert table.loc["Training length", "answering"] == 1
    assert table.loc["Time to promotion", "touching"] == 1
    assert table.loc["Time to promotion", "answering"] == 0
    assert table.loc["Causes of turnover", "answering"] == 0
    assert table.loc["Shift premiums", "touching"] == 1
    promoted = found[found["topic"] == "Time to promotion"].iloc[0]
    assert promoted["record_id"] == "r1"
    claim = silences.silence_claim(table.reset_index(), found, 2)
    assert claim.startswith("No source answers 5 of the 6 questions asked here")
    assert "On training length, 1 of the 2 texts gives an answer" in claim
    assert "Checked by searching every sentence and heading of the 2 texts (4 in all)" in silences.check_claim(
        table.reset_index(), 2
    )


def test_the_committed_texts_answer_only_what_the_chapter_says_they_answer() -> None:
    corpus = sources.load_all()
    found = silences.touching(corpus, silences.record_quotes())
    answered = set(found.loc[found["answers"], "topic"])
    # Worked out by reading the five texts: one article gives a training length, in words; none gives
    # a time to promotion, a promotion rate, a shift premium, a cause of turnover or a place that pays more.
    assert answered == {"Training length"}
    assert set(found.loc[found["answers"], "source_id"]) == {B}


def test_the_turnover_guide_says_what_each_figure_may_and_may_not_be_quoted_for() -> None:
    with (paths.EXTERNAL / "turnover_studies.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(r["use_for"].strip() and r["not_for"].strip() for r in rows)


# --- every official occupation's breadth, and the publisher's caution on setting wages ----------------


def test_every_chart_that_draws_the_front_lines_occupation_says_it_covers_every_industry() -> None:
    """The representatives' own occupation is not a proxy, but it is broader than a call center's."""
    from analysis.publish import figures  # the registry draws on every chapter; only this test needs it

    front = external.FRONT_LINE.soc_code
    drawn = 0
    for name, chart in figures.registry().items():
        data = chart.data()
        if front in chart.official(data):
            drawn += 1
            assert f"({front}), all industries" in figures.source_line(chart, data), name
    assert drawn


def test_the_cite_page_gives_the_publishers_caution_on_setting_wages_with_its_citation() -> None:
    text = " ".join((paths.BOOK / "cite.md").read_text(encoding="utf-8").split())
    assert "not a guide for setting wages or for formal job evaluation {cite:p}`bls-ooh-disclaimer`" in text
    assert "use official wage statistics" not in text
