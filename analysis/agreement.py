"""Where the sources agree and disagree: with each other and with the official statistics."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import charts, evidence, external, pay
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
    return pd.DataFrame({
        "year": rows["year"].astype(int).to_numpy(),
        "median_annual_usd": rows["median_annual_usd"].to_numpy(),
        "share_of_median": (value / rows["median_annual_usd"]).to_numpy(),
        "position": [band(value, r) for _, r in rows.iterrows()],
    })


def entry_education(requirements: pd.DataFrame) -> pd.DataFrame:
    """Education the sources ask of front-line or unspecified call-center jobs, one row per record."""
    rows = requirements[(requirements["requirement"] == "education")
                        & requirements["tier"].isin(["frontline", "unspecified"])]
    return rows[["source_id", "role", "education", "necessity", "quote"]].reset_index(drop=True)


def average_data(salaries: pd.DataFrame, oews: pd.DataFrame, soc_code: str = "43-4051") -> pd.DataFrame:
    """What :func:`average_chart` draws: the official distribution of one occupation by May year
    (``source_id`` ``bls-oews``), then the undated average as one row across every year."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    bands = pd.DataFrame({"row": "official", "source_id": external.BIBKEYS["oews"], "soc_code": soc_code,
                          "year": rows["year"].astype(int).to_numpy(),
                          **{c: rows[c].to_numpy(dtype=float) for c in pay.PERCENTILES}})
    avg = undated_average(salaries)
    who = f" (via {avg['cited_from']})" if pd.notna(avg["cited_from"]) else ""
    mine = pd.DataFrame([{"row": "source", "source_id": avg["source_id"], "record_id": avg["record_id"],
                          "label": f"undated average{who}, as written", "value_usd": float(avg["low_usd"])}])
    return pd.concat([bands, mine], ignore_index=True)


def average_chart(data: pd.DataFrame) -> Figure:
    """The official wage distribution of an occupation by May year, with one undated figure
    drawn across every year (it cannot be placed in time)."""
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    years = rows["year"].astype(int)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    ax.fill_between(years, rows["p10_annual_usd"], rows["p90_annual_usd"], color=charts.LIGHT,
                    label="BLS 10th–90th percentile")
    ax.fill_between(years, rows["p25_annual_usd"], rows["p75_annual_usd"], color="#A6A6A6",
                    label="BLS 25th–75th percentile")
    ax.plot(years, rows["median_annual_usd"], color="#000000", linewidth=2.5, marker="o",
            label="BLS median")
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
    return (f"Line and band chart of BLS wages for customer service representatives, one point per May year from "
            f"{int(first['year'])} to {int(last['year'])}: a light 10th to 90th percentile band, a darker 25th to "
            f"75th percentile band and a black median line from {pay.money(first['median_annual_usd'])} to "
            f"{pay.money(last['median_annual_usd'])}. A dashed orange line marks the undated average of "
            f"{pay.money(mine['value_usd'])}: {band(mine['value_usd'], first)} in {int(first['year'])} and "
            f"{band(mine['value_usd'], last)} in {int(last['year'])}.")


def undated_average(salaries: pd.DataFrame) -> pd.Series:
    """The undated, second-hand average the sources quote (the only 'average' without a year)."""
    rows = salaries[(salaries["statistic"] == "average") & salaries["year"].isna()]
    if len(rows) != 1:
        raise ValueError(f"expected one undated average in salaries.csv, found {len(rows)}")
    return rows.iloc[0]


CHARTS = (
    Chart("fig-agreement-average", "07-agreement", "The undated average against official wages",
          lambda: average_data(evidence.load_table("salaries"), external.load_oews()), average_chart,
          lambda d: ("The official wage distribution for customer service representatives by May year, with the "
                     "undated second-hand average drawn across every year because it cannot be placed in time."),
          _average_alt, references=lambda d: [*sources_in(d), external.BIBKEYS["oews"]]),
)
