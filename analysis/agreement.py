"""Where the sources agree and disagree: with each other and with the official statistics."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import charts, evidence, external, pay, vocab
from analysis.figures import Chart, sources_in

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
    """Education the sources ask of front-line or unspecified call-center jobs, one row per record."""
    rows = requirements[
        (requirements["requirement"] == "education") & requirements["tier"].isin(["frontline", "unspecified"])
    ]
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
    from analysis import report

    return pd.DataFrame(
        {
            "Role as written": edu["role"],
            "Education": edu["education"].map(vocab.EDUCATION_LABELS),
            "How firmly": edu["necessity"],
            "Hedge": edu["hedge"].fillna("").str.replace(";", ", "),
            "In its own words": edu["quote"].map(report.quoted),
            "source_id": edu["source_id"],
            "record_id": edu["record_id"],
        }
    )


def schooling_claim(edu: pd.DataFrame, projection: pd.Series) -> str:
    """How many sources ask no more schooling of entry work than the BLS's typical entry education,
    and who asks more (with their hedges), as MyST."""
    from analysis import report

    bls = BLS_EDUCATION_RANK.get(str(projection["typical_entry_education"]))
    if bls is None:
        raise ValueError(f"no education level known for {projection['typical_entry_education']!r}")
    at_most = edu[edu["education"].map(EDUCATION_RANK) <= bls]
    more = edu[edu["education"].map(EDUCATION_RANK) > bls]
    low = list(dict.fromkeys(at_most["source_id"]))
    text = (
        f"Of front-line or general call-center work, {report.plural(len(low), 'source')} "
        f"{report.cites(low)} {'asks' if len(low) == 1 else 'ask'} no more than the BLS's typical entry "
        f"education for customer service representatives, "
        f"{report.quoted(report.md_escape(projection['typical_entry_education']))} "
        f"{report.cite(external.BIBKEYS['projections'])}"
    )
    if len(more):
        said = []
        for _, row in more.iterrows():
            hedge = f" (*{report.hedges(row['hedge'])}*)" if report.hedges(row["hedge"]) else ""
            said.append(f"{report.cite(row['source_id'], 't')} a {vocab.EDUCATION_LABELS[row['education']]}{hedge}")
        text += f"; more is asked by {report.join(said)}"
    return report.Markup(text + ".")


def experience_claim(requirements: pd.DataFrame, projection: pd.Series) -> str:
    """The experience the sources ask of front-line roles against the BLS's, as MyST."""
    from analysis import report

    rows = requirements[(requirements["tier"] == "frontline") & requirements["years_min"].notna()]
    bls = str(projection["work_experience"])
    parts = [
        f"{report.md_escape(r['role'])}, "
        + (
            f"{r['years_min']:g}–{r['years_max']:g} years"
            if pd.notna(r["years_max"])
            else f"at least {report.plural(int(r['years_min']), 'year')}"
        )
        for _, r in rows.iterrows()
    ]
    most = rows["years_max"].fillna(rows["years_min"])
    asks = (" more" if bool((most > 0).any()) else " none either") if bls == "None" else ""
    return report.Markup(
        f"The BLS lists {report.quoted(report.md_escape(bls))} as the work experience typically needed "
        f"{report.cite(external.BIBKEYS['projections'])}; the sources that put years on front-line roles ask"
        f"{asks}: {report.join(parts)} {report.cites(list(dict.fromkeys(rows['source_id'])))}."
    )


def average_data(salaries: pd.DataFrame, oews: pd.DataFrame, soc_code: str = "43-4051") -> pd.DataFrame:
    """What :func:`average_chart` draws: the official distribution of one occupation by May year
    (``source_id`` ``bls-oews``), then the undated average as one row across every year."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    bands = pd.DataFrame(
        {
            "row": "official",
            "source_id": external.BIBKEYS["oews"],
            "soc_code": soc_code,
            "year": rows["year"].astype(int).to_numpy(),
            **{c: rows[c].to_numpy(dtype=float) for c in pay.PERCENTILES},
        }
    )
    avg = undated_average(salaries)
    who = f" (via {avg['cited_from']})" if pd.notna(avg["cited_from"]) else ""
    mine = pd.DataFrame(
        [
            {
                "row": "source",
                "source_id": avg["source_id"],
                "record_id": avg["record_id"],
                "label": f"undated average{who}, as written",
                "value_usd": float(avg["low_usd"]),
            }
        ]
    )
    return pd.concat([bands, mine], ignore_index=True)


def average_chart(data: pd.DataFrame) -> Figure:
    """The official wage distribution of an occupation by May year, with one undated figure
    drawn across every year (it cannot be placed in time)."""
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    years = rows["year"].astype(int)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    ax.fill_between(
        years, rows["p10_annual_usd"], rows["p90_annual_usd"], color=charts.LIGHT, label="BLS 10th–90th percentile"
    )
    ax.fill_between(
        years, rows["p25_annual_usd"], rows["p75_annual_usd"], color="#A6A6A6", label="BLS 25th–75th percentile"
    )
    ax.plot(years, rows["median_annual_usd"], color="#000000", linewidth=2.5, marker="o", label="BLS median")
    ax.axhline(mine["value_usd"], color=charts.OKABE_ITO[5], linewidth=2.5, linestyle="--")
    ax.set_xticks(list(years))
    ax.yaxis.set_major_formatter(lambda v, _p: pay.money(v))
    ax.set_xlabel("May of year (BLS OEWS)")
    ax.set_ylabel("Annual wage, dollars of each year")
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Line2D([], [], color=charts.OKABE_ITO[5], linewidth=2.5, linestyle="--"))
    labels.append(str(mine["label"]))
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


def _average_alt(data: pd.DataFrame) -> str:
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    first, last = rows.iloc[0], rows.iloc[-1]
    return (
        f"Line and band chart of BLS wages for customer service representatives, one point per May year from "
        f"{int(first['year'])} to {int(last['year'])}: a light 10th to 90th percentile band, a darker 25th to "
        f"75th percentile band and a black median line from {pay.money(first['median_annual_usd'])} to "
        f"{pay.money(last['median_annual_usd'])}. A dashed orange line marks the undated average of "
        f"{pay.money(mine['value_usd'])}: {band(mine['value_usd'], first)} in {int(first['year'])} and "
        f"{band(mine['value_usd'], last)} in {int(last['year'])}."
    )


# --- the sources' claims of demand against the official outlook ---------------------------------


def demand_claims(benefits: pd.DataFrame) -> pd.DataFrame:
    """The sources' claims that demand for the work is high or growing, or the job secure: the
    job-security benefit records, in their words."""
    rows = benefits[benefits["category"] == "job-security"]
    return rows[["source_id", "record_id", "item", "hedge", "quote"]].reset_index(drop=True)


def demand_figures_claim(claims: pd.DataFrame, projections: pd.DataFrame) -> str:
    """Whether the demand claims give any figure or year, and which way the official projection
    points against them, as plain words."""
    from analysis import challenges, scan

    with_figure = sum(1 for q in claims["quote"] if scan.find_figures(str(q)))
    dated = challenges.dated_words(list(dict.fromkeys(claims["source_id"])))
    figures = (
        "None of these claims gives a figure" if with_figure == 0 else f"{with_figure} of these claims give a figure"
    )
    change = float(projections.loc[projections["soc_code"] == "43-4051", "change_percent"].iloc[0])
    way = "point the other way" if change < 0 else "point the same way"
    return (
        f"{figures}, and their articles are {dated}. The official figures for customer service representatives, "
        f"the occupation nearest to the sources' front-line jobs, {way}:"
    )


def employment_trend(oews: pd.DataFrame, soc_code: str = "43-4051") -> pd.DataFrame:
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
    """What BLS projects for customer service representatives and what OEWS counted, as MyST: the
    direction of each in words, with the numbers."""
    from analysis import report

    proj = projections[projections["soc_code"] == "43-4051"].iloc[0]
    trend = employment_trend(oews)
    change = float(proj["change_percent"])
    first, last = trend.iloc[0], trend.iloc[-1]
    direction = "fall" if change < 0 else "grow" if change > 0 else "stay level"
    counted = "fewer" if last["employment"] < first["employment"] else "more"
    return report.Markup(
        f"The BLS projects employment of customer service representatives to {direction} by "
        f"{abs(change):.1f} percent from 2024 to 2034, from {float(proj['employment_2024_thousands']):,.1f} thousand "
        f"to {float(proj['employment_2034_thousands']):,.1f} thousand, with about "
        f"{float(proj['annual_openings_thousands']):,.1f} thousand openings a year"
        + (", every one of them to replace a worker who leaves, since the number of jobs falls" if change < 0 else "")
        + f" {report.cite(external.BIBKEYS['projections'])}. Its wage survey counted "
        f"{int(last['employment']):,} such jobs in May {int(last['year'])}, {abs(float(last['change_from_first'])):.0%} "
        f"{counted} than the {int(first['employment']):,} of May {int(first['year'])} {report.cite(external.BIBKEYS['oews'])}."
    )


def demand_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The sources' demand claims as a reader sees them."""
    from analysis import report

    return pd.DataFrame(
        {
            "Claim": claims["item"],
            "Hedge": claims["hedge"].fillna("").str.replace(";", ", "),
            "In its own words": claims["quote"].map(report.quoted),
            "source_id": claims["source_id"],
            "record_id": claims["record_id"],
        }
    )


def employment_table(trend: pd.DataFrame) -> pd.DataFrame:
    """OEWS employment by May year as a reader sees it."""
    return pd.DataFrame(
        {
            "May of": trend["year"].astype(str),
            "Customer service representatives employed": trend["employment"].map("{:,}".format),
            "Change since the first year": trend["change_from_first"].map("{:+.1%}".format),
        }
    )


def distribution_table(position: pd.DataFrame) -> pd.DataFrame:
    """Where one figure falls in each year's official distribution, as a reader sees it."""
    return pd.DataFrame(
        {
            "May of": position["year"].astype(str),
            "BLS median (USD/year)": position["median_annual_usd"].map(pay.money),
            "Undated average as share of median": position["share_of_median"].map(lambda v: f"{v:.0%}"),
            "Where the undated average falls": position["position"],
        }
    )


def inside(value: float, low: float, high: float) -> str:
    """Where a figure sits against a range: "inside", "below" or "above"."""
    return "below" if value < low else "above" if value > high else "inside"


def undated_average(salaries: pd.DataFrame) -> pd.Series:
    """The undated, second-hand average the sources quote (the only 'average' without a year)."""
    rows = salaries[(salaries["statistic"] == "average") & salaries["year"].isna()]
    if len(rows) != 1:
        raise ValueError(f"expected one undated average in salaries.csv, found {len(rows)}")
    return rows.iloc[0]


CHARTS = (
    Chart(
        "fig-agreement-average",
        "07-agreement",
        "The undated average against official wages",
        lambda: average_data(evidence.load_table("salaries"), external.load_oews()),
        average_chart,
        lambda d: (
            "The official wage distribution for customer service representatives by May year, with the "
            "undated second-hand average drawn across every year because it cannot be placed in time."
        ),
        _average_alt,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"]],
    ),
)
