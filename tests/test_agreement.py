"""Cross-source comparisons on hand-made tables."""

from __future__ import annotations

import pandas as pd

from analysis.chapters import agreement, prose
from analysis.core import evidence, external, markup, vocab


def _oews() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "soc_code": ["1", "1"],
            "year": [2020, 2021],
            "p10_annual_usd": [20_000, 25_000],
            "p25_annual_usd": [25_000, 30_000],
            "median_annual_usd": [30_000, 40_000],
            "p75_annual_usd": [40_000, 50_000],
            "p90_annual_usd": [50_000, 60_000],
        }
    )


def test_band_and_position_by_year() -> None:
    out = agreement.against_distribution(28_000, _oews(), "1")
    assert out["position"].tolist() == [
        "between the 25th percentile and the median",
        "between the 10th and 25th percentiles",
    ]
    assert out["share_of_median"].round(3).tolist() == [0.933, 0.7]
    assert agreement.band(70_000, _oews().iloc[0]) == "above the 90th percentile"


def test_none_in_reference_file_is_a_value_not_missing() -> None:
    assert external.load_projections().iloc[0]["work_experience"] == "None"


def test_text_glues_without_quotes() -> None:
    assert repr(markup.Text("Glassdoor")) == "Glassdoor"


def test_short_refs_follow_the_citations() -> None:
    assert prose.short_ref("cedric-career-graph") == "Franklin Cedric (n.d.)"
    assert prose.short_ref("exploring-careers-2007") == "Exploring careers (2007)"


def test_the_schooling_claim_counts_each_statement_once_on_the_evidence() -> None:

    requirements = evidence.load_table("requirements")
    projection = external.load_projections().iloc[0]
    edu = agreement.entry_education(requirements)
    said = edu[["source_id", "role", "quote", "education"]].drop_duplicates()
    bls = agreement.BLS_EDUCATION_RANK[str(projection["typical_entry_education"])]
    more = said[said["education"].map(list(vocab.EDUCATION_LABELS).index) > bls]
    text = agreement.schooling_claim(edu, projection)
    assert text.startswith(f"Of the {len(said)} statements ")
    assert f"; {len(more)} {'names' if len(more) == 1 else 'name'} more: " in text
    # how firmly each more-asking statement is put, every way its records give
    for _, row in more.iterrows():
        ways = edu[(edu["quote"] == row["quote"]) & (edu["education"] == row["education"])]["necessity"].dropna()
        assert " or ".join(dict.fromkeys(ways)) in text
