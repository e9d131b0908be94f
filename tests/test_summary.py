"""The executive summary's sentences, on small tables whose answers are worked out by hand."""

from __future__ import annotations

import csv

import pandas as pd

from analysis.chapters import summary
from analysis.core import inflation, paths


def _salaries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "a", "b"],
            "record_id": ["r1", "r2", "r3", "r4"],
            "role": ["Rep", "Senior rep", "Manager", "call center rep"],
            "tier": ["frontline", "senior", "manager", "frontline"],
            "tier_level": [1, 2, 5, 1],
            "statistic": ["range", "range", "range", "average"],
            "low_usd": [20_000.0, 29_000.0, 50_000.0, 32_000.0],
            "high_usd": [30_000.0, 40_000.0, 70_000.0, None],
            "period": ["year"] * 4,
            "year": pd.array([2007, 2007, 2007, None], dtype="Int64"),
            "cited_from": pd.array([None, None, None, "Glassdoor"], dtype="string"),
            "hedge": ["often", None, "generally", None],
            "flags": ["period-inferred", None, None, "second-hand;undated"],
        }
    )


def _oews() -> pd.DataFrame:
    rows = []
    for year, p10, median in ((2023, 30_000.0, 40_000.0), (2024, 33_000.0, 44_000.0)):
        for soc in ("43-4051", "43-1011", "11-3012", "11-3131", "00-0000"):
            rows.append(
                {
                    "year": year,
                    "soc_code": soc,
                    "occupation": {"43-4051": "Customer Service Representatives", "00-0000": "All Occupations"}.get(
                        soc, "Other"
                    ),
                    "median_hourly_usd": median / 2000 if soc != "00-0000" else median / 1600,
                    "median_annual_usd": median if soc != "00-0000" else median * 1.25,
                    "p10_annual_usd": p10,
                    "p25_annual_usd": p10 + 1000,
                    "p75_annual_usd": median + 5000,
                    "p90_annual_usd": median + 10_000,
                }
            )
    return pd.DataFrame(rows).astype({"soc_code": "string"})


def _name(source_id: str) -> str:
    return {"a": "Author A (2007)", "b": "Guide B (n.d.)"}[source_id]


def test_entry_pay_is_the_lowest_midpoint_and_dated_in_base_year_dollars() -> None:
    # Lowest midpoint: Rep, 25,000 (Senior rep 34,500; Manager 60,000). Base year 2007: unchanged.
    text = summary.entry_pay(_salaries(), base_year=2007, ref=_name)
    # Its source hedges it ("often") and states no period (flag period-inferred): both are said.
    assert text == (
        "Entry pay: the range with the lowest midpoint in the sources is $20,000–$30,000 for a Rep, in "
        "Author A (2007), hedged \u201coften\u201d and read as annual (the source states no period); the same "
        "purchasing power in 2007 dollars is $20,000–$30,000 (CPI-U 2007 = 207.342)."
    )
    # With its sentence, a figure whose sentence names no country is said to be read as U.S. dollars.
    quoted = _salaries().assign(quote=["It pays $20,000 to $30,000.", "q", "q", "In the US it is $32,000."])
    assert "read as annual (the source states no period) and as U.S. dollars (its sentence names no country);" in (
        summary.entry_pay(quoted, base_year=2007, ref=_name)
    )
    stated = _salaries().assign(hedge=None, flags=None)
    assert summary.entry_pay(stated, base_year=2007, ref=_name).startswith(
        "Entry pay: the annual range with the lowest midpoint in the sources is $20,000–$30,000 for a Rep, in "
        "Author A (2007); "
    )
    later = summary.entry_pay(_salaries(), base_year=inflation.BASE_YEAR, ref=_name)
    assert f"{inflation.adjust(20_000, 2007):,.0f}" in later


def test_official_median_is_the_latest_may_year() -> None:
    # 44,000 a year, 22.00 an hour; all occupations 55,000: 44,000 is 20% below it.
    assert summary.official_median(_oews()) == (
        "Official benchmark: the median annual wage of customer service representatives (43-4051) was $44,000 "
        "in May 2024, $22 an hour, 20% below the median for all occupations, $55,000 (BLS OEWS)."
    )
    alone = _oews()[_oews()["soc_code"] != "00-0000"]
    assert summary.official_median(alone).endswith("was $44,000 in May 2024, $22 an hour (BLS OEWS).")


def test_top_pay_ratio_of_midpoints_and_its_rung() -> None:
    # 60,000 / 25,000 = 2.4. The Manager is on rung 5 of 6, and no figure is on rung 6: the top priced
    # rung, not the top of the ladder.
    assert summary.top_pay(_salaries(), ref=_name) == (
        "Top priced rung: the range with the highest midpoint, "
        "$50,000–$70,000 for a Manager, in Author A (2007), hedged \u201cgenerally\u201d, has a midpoint 2.4 times "
        "that of the entry range; it is on the manager rung, 5 of the ladder's 6, and no source prices a higher one."
    )
    # A director's range on rung 6 with a lower midpoint (35,000): the Manager's range is the highest,
    # but not on the highest rung priced.
    director = pd.DataFrame(
        {
            "source_id": ["a"],
            "record_id": ["r5"],
            "role": ["Director"],
            "tier": ["senior-management"],
            "tier_level": [6],
            "statistic": ["range"],
            "low_usd": [30_000.0],
            "high_usd": [40_000.0],
            "period": ["year"],
            "year": pd.array([2007], dtype="Int64"),
            "cited_from": pd.array([None], dtype="string"),
            "hedge": [None],
            "flags": [None],
        }
    )
    text = summary.top_pay(pd.concat([_salaries(), director], ignore_index=True), ref=_name)
    assert text.startswith("Highest range: the range with the highest midpoint, $50,000–$70,000 for a Manager")
    assert text.endswith("; it is on the manager rung, 5 of the ladder's 6.")


def test_undated_average_is_placed_in_the_latest_distribution() -> None:
    # 2024: p10 33,000 > 32,000, so below the 10th percentile.
    text = summary.undated_average(_salaries(), _oews(), ref=_name, caveat=lambda _s: "")
    assert text == (
        "Beware the undated average: the $32,000 average that Guide B (n.d.), citing Glassdoor, "
        "quotes has no year; against the May 2024 figures for customer service representatives it "
        "falls below the 10th percentile."
    )
    # A source that says something of its own reliability: the sentence repeats it, quoted.
    said = summary.undated_average(_salaries(), _oews(), ref=_name, caveat={"b": "Figures may be old."}.get)
    assert said == text + " The article says of itself: \u201cFigures may be old.\u201d"


def test_every_undated_average_is_placed_and_none_is_no_point() -> None:
    # A second undated average, a team lead's 60,000 from source a: against the supervisors' May 2024
    # figures (median 44,000, 75th percentile 49,000, 90th 54,000) it is above the 90th percentile.
    lead = (
        _salaries()
        .iloc[[3]]
        .assign(
            source_id="a",
            record_id="r6",
            role="Team lead",
            tier="team-lead",
            tier_level=3,
            low_usd=60_000.0,
            cited_from=None,
        )
    )
    both = pd.concat([_salaries(), lead], ignore_index=True)
    text = summary.undated_average(both, _oews(), ref=_name, caveat={"b": "Figures may be old."}.get)
    assert text == (
        "Beware the undated averages, which have no year: the $32,000 average that Guide B (n.d.), citing "
        "Glassdoor, quotes: against the May 2024 figures for customer service representatives it falls below the "
        "10th percentile; the $60,000 average that Author A (2007) quotes: against the May 2024 figures for "
        "first-line supervisors of office and administrative support workers it falls above the 90th percentile. "
        "Guide B (n.d.) says of itself: \u201cFigures may be old.\u201d"
    )
    assert summary.undated_average(_salaries().iloc[:3], _oews(), ref=_name) == ""


def test_turnover_counts_articles_not_records() -> None:
    table = pd.DataFrame(
        {
            "source_id": ["a", "a", "c"],
            "record_id": ["t1", "t2", "t3"],
            "category": ["turnover", "turnover", "turnover"],
            "item": ["x", "y", "z"],
            "quote": ["q1", "q2", "q3"],
        }
    )
    assert summary.turnover(table, 5).startswith("Turnover: 2 of the 5 articles call turnover high")
    assert summary.turnover(table[table["source_id"] == "c"], 5).startswith("Turnover: 1 of the 5 article calls")


def test_key_points_quote_the_processed_table() -> None:
    # Worked out from the CSV itself, not through analysis.chapters.pay: the annual range with the lowest midpoint.
    with (paths.PROCESSED / "salaries.csv").open(encoding="utf-8", newline="") as handle:
        every = list(csv.DictReader(handle))
    rows = [r for r in every if r["period"] == "year" and r["statistic"] == "range"]
    entry = min(rows, key=lambda r: (float(r["low_usd"]) + float(r["high_usd"])) / 2)
    points = summary.key_points()
    # Entry, benchmark, top, turnover, evidence; and the undated averages, when a source gives one.
    undated = [r for r in every if r["period"] == "year" and r["statistic"] == "average" and not r["year"]]
    assert len(points) == 5 + bool(undated)
    assert f"${float(entry['low_usd']):,.0f}–${float(entry['high_usd']):,.0f} for a {entry['role']}" in points[0]
    # The entry range's own wording: its hedge words, and no period stated where it is flagged so.
    for word in filter(None, entry["hedge"].split(";")):
        assert f"\u201c{word}\u201d" in points[0]
    assert ("the source states no period" in points[0]) == ("period-inferred" in entry["flags"].split(";"))
    assert ("annual range" in points[0]) != ("period-inferred" in entry["flags"].split(";"))


def test_the_undated_average_repeats_its_sources_own_caveat() -> None:
    # Worked out from the CSVs: the undated average's source, and that source's caveat in the manifest.
    with (paths.PROCESSED / "salaries.csv").open(encoding="utf-8", newline="") as handle:
        undated = [r for r in csv.DictReader(handle) if r["statistic"] == "average" and not r["year"]]
    with paths.MANIFEST.open(encoding="utf-8", newline="") as handle:
        caveat = {r["source_id"]: r["caveat"] for r in csv.DictReader(handle)}[undated[0]["source_id"]]
    assert caveat
    points = summary.key_points()
    beware = next(i for i, point in enumerate(points) if point.startswith("Beware"))
    assert f"\u201c{caveat}\u201d" in points[beware]
    # On the page every source a point names is a citation, so the build checks the quotation against it.
    page = summary.points_markdown().splitlines()[beware]
    assert f"{{cite:t}}`{undated[0]['source_id']}`" in page
