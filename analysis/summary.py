"""The report's key points as sentences, written from the tables: no number is typed by hand.

Each function takes the tables it needs (so a test can hand it a small frame whose answer is known)
and returns one sentence; :func:`key_points` loads the processed tables and the official statistics
and returns them all, in the order the executive summary gives them. Every comparison says its
basis ("lowest midpoint", "median"), and a source's figure is attributed to it, never stated as a
fact about call-center pay in general.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis import agreement, challenges, external, inflation, pay

#: The official occupation the entry rung is set against (BLS SOC code).
ENTRY_SOC = "43-4051"


def _ref(source_id: str) -> str:
    from analysis import report

    return report.short_ref(source_id)


def _range(low: float, high: float) -> str:
    return f"{pay.money(low)}–{pay.money(high)}"


def entry_pay(salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR, ref: Callable[[str], str] = _ref) -> str:
    """The annual range with the lowest midpoint, as written and in ``base_year`` dollars."""
    entry = pay.lowest_range(salaries)
    adjusted = pay.adjust(salaries, base_year)
    adj = adjusted.loc[adjusted["record_id"] == entry["record_id"]].iloc[0]
    text = (
        f"Entry pay: the annual range with the lowest midpoint in the sources is "
        f"{_range(entry['low_usd'], entry['high_usd'])} for a {entry['role']}, in {ref(entry['source_id'])}"
    )
    if pd.notna(entry["year"]):
        text += (
            f"; the same purchasing power in {base_year} dollars (CPI-U) is "
            f"{_range(adj['low_adj_usd'], adj['high_adj_usd'])}"
        )
    return text + "."


def official_median(oews: pd.DataFrame, soc_code: str = ENTRY_SOC) -> str:
    """The latest official median annual wage of the entry rung's nearest occupation."""
    row = pay.benchmark_table(oews).set_index("soc_code").loc[soc_code]
    return (
        f"Official benchmark: the median annual wage of {str(row['occupation']).lower()} was "
        f"{pay.money(float(row['median_annual_usd']))} in May {int(row['year'])} (BLS OEWS)."
    )


def top_pay(salaries: pd.DataFrame) -> str:
    """The annual range with the highest midpoint, and its midpoint as a multiple of the entry one."""
    entry, top = pay.lowest_range(salaries), pay.highest_range(salaries)
    ratio = float(top["midpoint_usd"] / entry["midpoint_usd"])
    return (
        f"Top of the ladder: the range with the highest midpoint, {_range(top['low_usd'], top['high_usd'])} for "
        f"a {top['role']}, has a midpoint {ratio:.1f} times that of the entry range."
    )


def undated_average(
    salaries: pd.DataFrame, oews: pd.DataFrame, soc_code: str = ENTRY_SOC, ref: Callable[[str], str] = _ref
) -> str:
    """The undated, second-hand average, placed in the latest official wage distribution."""
    avg = agreement.undated_average(salaries)
    value = float(avg["low_usd"])
    last = agreement.against_distribution(value, oews, soc_code).iloc[-1]
    via = f", citing {avg['cited_from']}," if pd.notna(avg["cited_from"]) and str(avg["cited_from"]) else ""
    occupation = external.PROXIES[soc_code][1].lower()
    return (
        f"Beware the undated average: the {pay.money(value)} average that {ref(avg['source_id'])}{via} quotes "
        f"has no year; against the May {int(last['year'])} figures for {occupation} it falls "
        f"{last['position']}."
    )


def turnover(challenges_table: pd.DataFrame, n_sources: int) -> str:
    """How many articles claim high turnover, and that they give no rate."""
    n = challenges.turnover_claims(challenges_table)["source_id"].nunique()
    articles = "article calls" if n == 1 else "articles call"
    return (
        f"Turnover: {n} of the {n_sources} {articles} turnover high and give no rate; published rates "
        "measure different things and are set beside them in the report."
    )


def evidence_base(n_sources: int, n_records: int) -> str:
    """What the report rests on: how many articles and quoted records."""
    return (
        f"The evidence: {n_sources} public career articles, read closely into {n_records} records, each "
        "with a verbatim quote; the report counts how many articles mention something, never how common it is."
    )


def key_points() -> list[str]:
    """The executive summary's sentences, from the processed tables and the official statistics."""
    from analysis import evidence, sources

    salaries = evidence.load_table("salaries")
    oews = external.load_oews()
    n_sources = len(sources.source_ids())
    n_records = sum(len(evidence.load_table(name)) for name in evidence.TABLES.values())
    return [
        entry_pay(salaries),
        official_median(oews),
        top_pay(salaries),
        undated_average(salaries, oews),
        turnover(evidence.load_table("challenges"), n_sources),
        evidence_base(n_sources, n_records),
    ]


def points_markdown() -> str:
    """The key points as a MyST bullet list, each point's text escaped, its lead in bold."""
    from analysis import report

    lines = []
    for point in key_points():
        lead, _, rest = point.partition(": ")
        lines.append(
            f"- **{report.md_escape(lead)}.** {report.md_escape(rest[0].upper() + rest[1:])}"
            if rest
            else f"- {report.md_escape(point)}"
        )
    return report.Markup("\n".join(lines))
