"""The official statistics in their own right: which official occupations fit each rung of the
ladder and why (``data/external/rung_occupations.csv``), the official pay step of each rung by the
year and by the hour, the front line's official pay against that of all occupations, and
their median over the May years of the wage survey in one year's dollars.

Nothing here reads the sources' records: these are the figures the chapters set the sources beside.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters import prose
from analysis.core import external, inflation, markup, vocab

#: The BibTeX key of the price index.
CPI_KEY = "cpi-package"

#: How a fit is shown to a reader.
FIT_WORDS: dict[str, str] = {"main": "main comparison", "alternative": "fits as well"}


def _family(family: object, tier: object = None) -> str:
    """A job family as the tables show it: its name, or for an occupation kept for no family, "any",
    or "any but ..." where another occupation is kept for a family on the same rung."""
    if isinstance(family, str) and family:
        return family.replace("-", " ")
    kept = [c.family for c in external.CANDIDATES if c.tier == tier and c.family is not None]
    return f"any but {prose.join([str(k).replace('-', ' ') for k in dict.fromkeys(kept)], 'or')}" if kept else "any"


def occupations_table() -> pd.DataFrame:
    """Every official occupation that fits a rung, up the ladder (the main one first), with the job
    family it is kept for, how it fits and the report's reason, citing the classification."""
    rows = sorted(external.CANDIDATES, key=lambda c: (vocab.TIER_LEVELS[c.tier], c.family or "", c.fit != "main"))
    return pd.DataFrame(
        {
            "Rung": [vocab.TIER_LABELS[c.tier] for c in rows],
            "Job family": [_family(c.family, c.tier) for c in rows],
            "Official occupation": [f"{c.occupation} ({c.soc_code})" for c in rows],
            "Fit": [FIT_WORDS[c.fit] for c in rows],
            "Why it fits": [c.reason for c in rows],
            "source_id": [external.BIBKEYS["soc"]] * len(rows),
        }
    )


def pay_steps(oews: pd.DataFrame) -> pd.DataFrame:
    """The official pay step of each rung: for every rung (ladder order) and official occupation that
    fits it, the occupation's latest May median by the year and by the hour and its ratio to the
    front line's median; a rung no occupation fits has one row with no occupation."""
    front = external.oews_latest(oews, external.FRONT_LINE.soc_code)
    rows: list[dict[str, object]] = []
    for tier in vocab.LADDER:
        fitting = sorted(
            (c for c in external.CANDIDATES if c.tier == tier), key=lambda c: (c.family or "", c.fit != "main")
        )
        if not fitting:
            rows.append({"tier": tier, "family": None, "soc_code": None, "occupation": None, "fit": None})
            continue
        for c in fitting:
            latest = external.oews_latest(oews, c.soc_code)
            rows.append(
                {
                    "tier": tier,
                    "family": c.family,
                    "soc_code": c.soc_code,
                    "occupation": c.occupation,
                    "fit": c.fit,
                    "year": int(latest["year"]),
                    "median_annual_usd": float(latest["median_annual_usd"]),
                    "median_hourly_usd": float(latest["median_hourly_usd"]),
                    "times_front_line": float(latest["median_annual_usd"]) / float(front["median_annual_usd"]),
                }
            )
    columns = [
        "tier",
        "family",
        "soc_code",
        "occupation",
        "fit",
        "year",
        "median_annual_usd",
        "median_hourly_usd",
        "times_front_line",
    ]
    return pd.DataFrame(rows).reindex(columns=columns)


def steps_table(steps: pd.DataFrame) -> pd.DataFrame:
    """The official pay steps as a reader sees them."""
    return pd.DataFrame(
        {
            "Rung": steps["tier"].map(vocab.TIER_LABELS),
            "Job family": [_family(f, t) for f, t in zip(steps["family"], steps["tier"], strict=True)],
            "Official occupation": [
                f"{o} ({s})" if isinstance(s, str) else "none in the report's files"
                for o, s in zip(steps["occupation"], steps["soc_code"], strict=True)
            ],
            "Fit": steps["fit"].map(lambda f: FIT_WORDS.get(f, "") if isinstance(f, str) else ""),
            "May of": steps["year"].map(lambda y: str(int(y)) if pd.notna(y) else ""),
            "Median (USD/year)": steps["median_annual_usd"].map(lambda v: prose.money(v) if pd.notna(v) else ""),
            "Median (USD/hour)": steps["median_hourly_usd"].map(lambda v: prose.money(v, True) if pd.notna(v) else ""),
            "Times the front line's": steps["times_front_line"].map(lambda v: f"{v:.2f}" if pd.notna(v) else ""),
            "source_id": [external.BIBKEYS["oews"] if isinstance(s, str) else "" for s in steps["soc_code"]],
        }
    )


def _occupation(row: pd.Series) -> str:
    return f"{markup.md_escape(str(row['occupation']).lower())} ({row['soc_code']})"


def _step(row: pd.Series) -> str:
    return (
        f"{prose.money(row['median_annual_usd'])} a year or {prose.money(row['median_hourly_usd'], True)} an hour "
        f"for {_occupation(row)}"
    )


def steps_claim(steps: pd.DataFrame) -> str:
    """The official pay steps up the ladder in words: each rung's main occupation (any job family)
    and its median by the year and by the hour, which rungs share an occupation, which occupations
    fit a rung as well, and which rungs no occupation fits; as MyST."""
    fitted = steps[steps["soc_code"].notna()]
    if fitted.empty:
        return markup.Markup("No official occupation in the report's files fits a rung of the ladder.")
    year = int(fitted["year"].max())
    main = fitted[(fitted["fit"] == "main") & fitted["family"].isna()]
    parts = []
    for soc, rows in main.groupby("soc_code", sort=False):
        rungs = prose.join([vocab.TIER_LABELS[str(t)].lower() for t in rows["tier"]])
        first = rows.iloc[0]
        times = (
            "" if soc == external.FRONT_LINE.soc_code else f", {first['times_front_line']:.1f} times the front line's"
        )
        parts.append(f"{_step(first)} on the {rungs} {'rung' if len(rows) == 1 else 'rungs'}{times}")
    text = f"By the official medians of May {year}, the steps of the ladder are " + "; ".join(parts) + "."
    shared = [
        prose.join([vocab.TIER_LABELS[str(t)].lower() for t in rows["tier"]])
        for _, rows in main.groupby("soc_code", sort=False)
        if len(rows) > 1
    ]
    if shared:
        pairs = ", and the ".join(f"{words} rungs" for words in shared)
        text += (
            f" The {pairs}{',' if len(shared) > 1 else ''} {'share' if len(shared) == 1 else 'each share'} one "
            "occupation, so the official figures show no step between them."
        )
    others = fitted[(fitted["fit"] != "main") | fitted["family"].notna()]
    for _, rows in others.groupby(["soc_code", others["family"].fillna(""), "fit"], sort=False):
        row = rows.iloc[0]
        rungs = prose.join([vocab.TIER_LABELS[str(t)].lower() for t in rows["tier"]], "or")
        whose = f"a {_family(row['family'])} role on the" if isinstance(row["family"], str) else "the"
        how = "fits as well" if row["fit"] != "main" else "is the main comparison"
        text += f" For {whose} {rungs} rung, {_step(row)} {how}."
    unfitted = steps.loc[steps["soc_code"].isna(), "tier"]
    if len(unfitted):
        rungs = prose.join([vocab.TIER_LABELS[str(t)].lower() for t in unfitted])
        text += f" No official occupation in the report's files fits the {rungs} {'rung' if len(unfitted) == 1 else 'rungs'}."
    return markup.Markup(text)


def against_all(oews: pd.DataFrame, soc_code: str = external.FRONT_LINE.soc_code) -> pd.DataFrame:
    """One occupation's median against that of all occupations (``00-0000``), every May year both
    have: by the year, by the hour, and as a share."""
    own = oews[oews["soc_code"] == soc_code].set_index("year")
    every = oews[oews["soc_code"] == external.ALL_OCCUPATIONS].set_index("year")
    years = sorted(set(own.index) & set(every.index))
    return pd.DataFrame(
        {
            "year": years,
            "soc_code": soc_code,
            "occupation": [str(own.loc[y, "occupation"]) for y in years],
            "median_annual_usd": [float(own.loc[y, "median_annual_usd"]) for y in years],
            "all_median_annual_usd": [float(every.loc[y, "median_annual_usd"]) for y in years],
            "median_hourly_usd": [float(own.loc[y, "median_hourly_usd"]) for y in years],
            "all_median_hourly_usd": [float(every.loc[y, "median_hourly_usd"]) for y in years],
            "share_of_all": [float(own.loc[y, "median_annual_usd"] / every.loc[y, "median_annual_usd"]) for y in years],
        }
    )


def against_all_claim(frame: pd.DataFrame, soc_code: str = external.FRONT_LINE.soc_code) -> str:
    """The latest May's median of one occupation against all occupations', by the year and by the
    hour, and whether it stood on the same side in every May, as MyST."""
    if frame.empty:
        return markup.Markup("The report's files hold no May year with both medians.")
    last = frame.iloc[-1]
    title = str(last["occupation"]).lower()
    gap = float(last["share_of_all"]) - 1
    side = "below" if gap < 0 else "above"
    text = (
        f"In May {int(last['year'])} the median annual wage of {markup.md_escape(title)} ({soc_code}), "
        f"{prose.money(last['median_annual_usd'])}, was {abs(gap):.0%} {side} the median for all occupations "
        f"({external.ALL_OCCUPATIONS}), {prose.money(last['all_median_annual_usd'])}; by the hour, "
        f"{prose.money(last['median_hourly_usd'], True)} against {prose.money(last['all_median_hourly_usd'], True)} "
        f"{markup.cite(external.BIBKEYS['oews'])}."
    )
    if len(frame) > 1:
        below = (frame["share_of_all"] < 1).all()
        above = (frame["share_of_all"] > 1).all()
        span = f"{int(frame['year'].min())} to {int(frame['year'].max())}"
        low, high = float(frame["share_of_all"].min()), float(frame["share_of_all"].max())
        if below or above:
            text += (
                f" It was {'below' if below else 'above'} it in every May from {span}, at between {low:.0%} and "
                f"{high:.0%} of it."
            )
        else:
            text += f" From {span} it stood at between {low:.0%} and {high:.0%} of it."
    return markup.Markup(text)


def real_medians(
    oews: pd.DataFrame, soc_code: str = external.FRONT_LINE.soc_code, base_year: int = inflation.BASE_YEAR
) -> pd.DataFrame:
    """One occupation's median by May year, as published and in ``base_year`` dollars (each May's
    wage multiplied by the ratio of the two years' CPI-U annual averages, as the sources' figures are)."""
    rows = oews[oews["soc_code"] == soc_code].sort_values("year")
    years = rows["year"].astype(int).tolist()
    return pd.DataFrame(
        {
            "year": years,
            "soc_code": soc_code,
            "occupation": rows["occupation"].astype(str).to_numpy(),
            "median_annual_usd": rows["median_annual_usd"].astype(float).to_numpy(),
            "cpi_u": [inflation.cpi_u(y) for y in years],
            "factor": [inflation.factor(y, base_year) for y in years],
            "median_adj_usd": [
                inflation.adjust(float(v), y, base_year) for v, y in zip(rows["median_annual_usd"], years, strict=True)
            ],
            "adj_year": base_year,
            "source_id": external.BIBKEYS["oews"],
        }
    )


def over_time_claim(real: pd.DataFrame) -> str:
    """How one occupation's median changed from the first May to the last, as published and in
    base-year dollars, with the survey's own caution about such comparisons; as MyST."""
    if len(real) < 2:
        return markup.Markup("The report's files hold one May year only, so nothing is compared over time.")
    first, last = real.iloc[0], real.iloc[-1]
    base = int(last["adj_year"])
    nominal = float(last["median_annual_usd"] / first["median_annual_usd"] - 1)
    change = float(last["median_adj_usd"] / first["median_adj_usd"] - 1)
    title = markup.md_escape(str(first["occupation"]).lower())
    return markup.Markup(
        f"The median annual wage of {title} ({first['soc_code']}) was {prose.money(first['median_annual_usd'])} "
        f"in May {int(first['year'])} and {prose.money(last['median_annual_usd'])} in May {int(last['year'])}, "
        f"{abs(nominal):.0%} {'more' if nominal >= 0 else 'less'} as published {markup.cite(external.BIBKEYS['oews'])}. "
        f"In {base} dollars (CPI-U annual averages {markup.cite(CPI_KEY)}), the May {int(first['year'])} median "
        f"is {prose.money(first['median_adj_usd'])}, so in purchasing power the median "
        f"{'rose' if change >= 0 else 'fell'} by {abs(change):.1%} over the {int(last['year']) - int(first['year'])} "
        f"years. The BLS cautions against this use of its figures: {external.OEWS_TIME_SERIES_CAUTION} "
        f"{markup.cite(external.BIBKEYS['oews-faq'])}. The report therefore gives the "
        "change as computed and draws no conclusion from it about whether the occupation's pay kept up with prices."
    )
