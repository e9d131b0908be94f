"""Challenges chapter functions on small tables whose answers are worked out by hand."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.chapters import challenges, matrices
from analysis.core import external
from analysis.publish.charts import challenges as challenges_charts
from analysis.publish.charts import matrices as matrices_charts

CORNELL = "Turnover rates in the United States range from 25 percent to over 50 percent per year"


def _challenges() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "a", "b", "b", "d"],
            "record_id": ["r1", "r2", "r3", "r4", "r5"],
            "item": ["high turnover", "stress", "night shifts", "known for high turnover", "scripts"],
            "category": ["turnover", "stress", "hours", "turnover", "scripts"],
            "quote": ["q1", "q2", "q3", "q4", "q5"],
        }
    )


def _turnover() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim": [
                "Annual agent turnover in US call centers",
                "Total occupational separations rate for customer service representatives",
            ],
            "low_percent": [25.0, 13.0],
            "high_percent": [50.0, 13.0],
            "region": ["United States", "United States"],
            "year": [2007, 2024],
            "kind": ["study (press release)", "official projection"],
            "source": [
                "Holman, Batt and Holtgrewe (Cornell University)",
                "U.S. Bureau of Labor Statistics, Table 1.10, projected 2024-34",
            ],
            "url": ["https://example.org/a", "https://example.org/b"],
            "quote": [CORNELL, float("nan")],
        }
    )


def test_silent_sources_name_no_challenge() -> None:
    assert challenges.silent_sources(_challenges(), ["a", "b", "c", "d", "e"]) == ["c", "e"]


def test_turnover_claims_are_the_turnover_rows_only() -> None:
    claims = challenges.turnover_claims(_challenges())
    assert claims.to_dict("records") == [
        {"source_id": "a", "record_id": "r1", "item": "high turnover", "quote": "q1"},
        {"source_id": "b", "record_id": "r4", "item": "known for high turnover", "quote": "q4"},
    ]


def test_open_ended_reads_over_in_the_study_words() -> None:
    assert challenges.open_ended(CORNELL, 50.0)
    assert not challenges.open_ended(CORNELL, 25.0)  # "from 25 percent": a plain lower bound
    assert not challenges.open_ended("rates of over 500 percent", 50.0)
    assert not challenges.open_ended(float("nan"), 13.0)


def test_period_is_the_projection_span_or_the_year() -> None:
    rows = _turnover()
    assert challenges.period(rows.iloc[1]) == "2024–34"
    assert challenges.period(rows.iloc[0]) == "2007"


def test_published_rates_with_keys_and_ranges() -> None:
    rates = challenges.published_rates(_turnover())
    assert rates["bibkey"].tolist() == ["holman-2007-global-call-center", "bls-separations-2024"]
    assert rates["open_high"].tolist() == [True, False]
    assert rates["single"].tolist() == [False, True]
    assert rates["reference"].tolist() == ["Holman, Batt and Holtgrewe (2007)", "BLS Employment Projections (2024–34)"]
    assert "not a call-center turnover rate" in rates.loc[1, "caveat"]
    assert rates.loc[0, "quote"] == CORNELL
    assert pd.isna(rates.loc[1, "quote"])
    assert [challenges.rate_text(r) for _, r in rates.iterrows()] == ["25 to over 50%", "13.0%"]


def test_rate_text_for_a_closed_range() -> None:
    rate = pd.Series({"low_percent": 10.0, "high_percent": 20.0, "single": False, "open_high": False})
    assert challenges.rate_text(rate) == "10–20%"


def test_an_unknown_published_figure_is_refused() -> None:
    row = _turnover().iloc[0].copy()
    row["claim"], row["source"] = "Quit rate of bank tellers", "Some survey"
    with pytest.raises(external.ExternalDataError, match="bank tellers"):
        challenges.reference(row)


def test_turnover_chart_has_a_row_per_rate_and_one_for_the_sources() -> None:
    rates = challenges.published_rates(_turnover())
    fig = challenges_charts.turnover_chart(rates, n_claiming=2, n_sources=5)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 3
    # claims wrapped at 28 characters a line
    assert labels[0] == "Annual agent turnover in US\ncall centers"
    assert labels[2] == "The articles’ own claim"
    texts = [t.get_text() for t in ax.texts]
    assert "“high turnover”: no rate given (2 of 5 articles)" in texts
    # notes under each rate, wrapped at 56 characters a line
    assert "study (press release), 2007: the range across sectors" in texts
    assert ("official projection, 2024–34: workers leaving the\noccupation, not a call-center turnover rate") in texts
    assert {"25 to over 50%", "13.0%"} <= set(texts)
    # the axis reaches past the open-ended top: 50 + 20% of 50 for the arrow, + 35% for the label
    assert ax.get_xlim() == pytest.approx((0.0, 77.5))
    plt.close(fig)


def test_matrix_figure_keeps_a_source_that_names_nothing() -> None:
    data = matrices.matrix_data(_challenges(), ["a", "b", "c", "d"])
    assert matrices.credited(data) == ["a", "b", "d"]  # c names nothing: a column, but no credit
    fig = matrices_charts.matrix_figure(data, challenges.ROW_LABEL, str.upper)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C", "D"]
    # turnover (2 sources) first, then hours, scripts, stress (1 source, 1 record) alphabetically
    assert [t.get_text() for t in ax.get_yticklabels()] == ["turnover", "hours", "scripts", "stress"]
    plt.close(fig)


def test_the_chapter_registers_its_figures() -> None:
    assert [c.name for c in challenges_charts.CHARTS] == ["fig-challenges-matrix", "fig-challenges-turnover"]
