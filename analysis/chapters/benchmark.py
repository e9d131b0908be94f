"""The sources' pay against the official wage statistics: each rung's (and job family's) nearest
official occupation (:data:`analysis.core.external.PROXIES`), its wage distribution, and the claims
and chart data that set the sources' yearly figures beside it.

Which figures an official occupation stands for is decided by the figure's rung and job family
alone (:func:`analysis.core.external.proxy_for`), never by the wording of its role.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters import pay, prose
from analysis.core import external, inflation, markup, vocab

PERCENTILES = ("p10_annual_usd", "p25_annual_usd", "median_annual_usd", "p75_annual_usd", "p90_annual_usd")


def benchmark_table(oews: pd.DataFrame) -> pd.DataFrame:
    """Latest-year OEWS distribution for each official proxy occupation."""
    rows = []
    for proxy in external.PROXIES.values():
        row = external.oews_latest(oews, proxy.soc_code)
        rows.append(
            {
                "soc_code": proxy.soc_code,
                "occupation": proxy.occupation,
                "tier": proxy.tier,
                "year": int(row["year"]),
                **{c: row[c] for c in PERCENTILES},
            }
        )
    return pd.DataFrame(rows)


def benchmark_display(bench: pd.DataFrame) -> pd.DataFrame:
    """The official distributions as a reader sees them."""
    return pd.DataFrame(
        {
            "SOC": bench["soc_code"],
            "Occupation": bench["occupation"],
            "Nearest rung": bench["tier"].map(vocab.TIER_LABELS),
            "May of": bench["year"].astype(str),
            **{
                label: bench[c].map(prose.money)
                for label, c in zip(
                    ("10th pct (USD/year)", "25th pct", "Median", "75th pct", "90th pct"), PERCENTILES, strict=True
                )
            },
        }
    )


def stands_for(rows: pd.DataFrame, soc_code: str) -> pd.DataFrame:
    """The pay rows an official occupation stands for: those whose rung and job family it is the
    nearest occupation of (:func:`analysis.core.external.proxy_for`)."""
    family = rows["family"] if "family" in rows.columns else pd.Series([None] * len(rows), index=rows.index)
    nearest = [
        getattr(external.proxy_for(str(t), f if isinstance(f, str) else None), "soc_code", None)
        for t, f in zip(rows["tier"], family, strict=True)
    ]
    return rows[[soc == soc_code for soc in nearest]]


def _what_it_stands_for(proxy: external.Proxy) -> str:
    """The rung and family an official occupation stands for, as words: "the team lead rung", "a
    training role on the manager rung", "a role other than training on the manager rung"."""
    rung = f"the {vocab.TIER_LABELS[proxy.tier].lower()} rung"
    if proxy.family is not None:
        return f"a {proxy.family.replace('-', ' ')} role on {rung}"
    kept = [p.family for p in external.PROXIES.values() if p.family is not None and set(p.rungs) & set(proxy.rungs)]
    if kept:
        return f"a role other than {prose.join([str(k).replace('-', ' ') for k in kept], 'or')} on {rung}"
    return rung


def entry_median_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Where the lowest-midpoint yearly range sits, in base-year dollars (as written when undated),
    against the median of its rung's nearest official occupation, as MyST."""

    if pay.ranges(salaries).empty:
        return markup.Markup("No source gives a yearly range to set against the official median.")
    entry = pay.lowest_range(salaries)
    proxy = external.proxy_for(str(entry["tier"]), entry.get("family"))
    role = markup.md_escape(entry["role"])
    if proxy is None:
        return markup.Markup(
            f"No official occupation stands for the rung of the range with the lowest midpoint ({role}), so it "
            "is set against none."
        )
    adj = pay.same_record(pay.adjust(salaries), entry)
    official = bench.set_index("soc_code").loc[proxy.soc_code]
    dated = pd.notna(adj["low_adj_usd"])
    mid = (adj["low_adj_usd"] + adj["high_adj_usd"]) / 2 if dated else float(entry["midpoint_usd"])
    gap = mid / official["median_annual_usd"] - 1
    side = "above" if gap > 0 else "below"
    when = f"In {int(adj['adj_year'])} dollars, the" if dated else "As written (it names no year), the"
    return markup.Markup(
        f"{when} midpoint of the range with the lowest midpoint ({role}, {prose.money(mid)}) is {abs(gap):.0%} "
        f"{side} the May {int(official['year'])} median for {proxy.occupation.lower()} "
        f"({prose.money(official['median_annual_usd'])})."
    )


def proxies_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Each official proxy's median against the sources' dated yearly ranges for the rungs and family
    it stands for (in base-year dollars), as MyST sentences: above the top, within, or below the
    bottom; a proxy whose rungs no source prices is said apart, not among the comparisons."""

    adjusted = pay.annual(pay.adjust(salaries))
    base = int(adjusted["adj_year"].iloc[0]) if len(adjusted) else inflation.BASE_YEAR
    compared, unpriced = [], []
    for _, official in bench.iterrows():
        proxy = external.PROXIES[str(official["soc_code"])]
        if not external.is_proxy(proxy.soc_code):
            continue
        mine = stands_for(adjusted[adjusted["high_adj_usd"].notna()], proxy.soc_code)
        median = float(official["median_annual_usd"])
        occupation = f"{markup.md_escape(official['occupation'])} ({proxy.soc_code}"
        if mine.empty:
            unpriced.append((_what_it_stands_for(proxy), f"{occupation}, median {prose.money(median)})"))
            continue
        low, high = float(mine["low_adj_usd"].min()), float(mine["high_adj_usd"].max())
        roles = prose.join([markup.md_escape(r) for r in mine["role"]])
        where = "above the top of" if median > high else "below the bottom of" if median < low else "within"
        compared.append(
            f"that of {occupation}), {prose.money(median)}, is {where} the range for the {roles} "
            f"({prose.money(low)}–{prose.money(high)})"
        )
    sentences = []
    if compared:
        compared[0] = compared[0].removeprefix("that of ")
        sentences.append(
            f"Against the sources' ranges for the rungs each stands in for, in {base} dollars, the median of "
            + "; ".join(compared)
            + "."
        )
    for what, name in unpriced:
        sentences.append(f"No source prices {what}, for which {name} stands, so it is compared with nothing.")
    return markup.Markup(" ".join(sentences))


def benchmark_data(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """One row per band drawn (an official occupation's percentiles, ``source_id`` ``bls-oews``) and,
    under each, one row per yearly source figure it stands for (dated ranges in base-year dollars,
    undated figures as written): what :func:`benchmark_chart` draws, top to bottom.
    ``other_periods_left_out`` counts the figures stated by the hour or the month, which it leaves out."""
    everything = pay.annual(pay.adjust(salaries))
    adjusted = pay.top_sources(everything, pay.MAX_ROWS - len(external.PROXIES))
    rows: list[dict[str, object]] = []
    for _, band in benchmark_table(oews).iterrows():
        rows.append(
            {
                "row": "official",
                "soc_code": band["soc_code"],
                "label": band["occupation"],
                "source_id": external.BIBKEYS["oews"],
                "year": int(band["year"]),
                **{c: float(band[c]) for c in PERCENTILES},
            }
        )
        for _, r in stands_for(adjusted, str(band["soc_code"])).iterrows():
            dated = pd.notna(r["low_adj_usd"])
            rows.append(
                {
                    "row": "source",
                    "soc_code": band["soc_code"],
                    "label": r["role"],
                    "record_id": r["record_id"],
                    "source_id": r["source_id"],
                    "year": int(r["year"]) if pd.notna(r["year"]) else None,
                    "statistic": r["statistic"],
                    "dollars": f"{int(r['adj_year'])} dollars" if dated else "as written",
                    "low_usd": float(r["low_adj_usd"] if dated else r["low_usd"]),
                    "high_usd": float(r["high_adj_usd"] if dated else r["high_usd"])
                    if pd.notna(r["high_usd"])
                    else None,
                    "hedge": r["hedge"],
                    "flags": r["flags"],
                }
            )
    columns = [
        "row",
        "soc_code",
        "label",
        "record_id",
        "source_id",
        "year",
        "statistic",
        "dollars",
        "low_usd",
        "high_usd",
        "hedge",
        "flags",
        *PERCENTILES,
    ]
    data = pd.DataFrame(rows).reindex(columns=columns)
    return data.assign(
        sources_giving=int(everything["source_id"].nunique()),
        other_periods_left_out=len(pay.other_periods(salaries)),
    )


def headline_data(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """The dated yearly ranges with the lowest and highest midpoints, as written and in base-year
    dollars, each with the latest official median of the occupation nearest its rung and family
    (none where no occupation stands for its rung): what :func:`headline_chart` draws.
    ``undated_left_out`` counts the yearly ranges it cannot adjust (they name no year)."""
    adjusted = pay.adjust(salaries)
    yearly = pay.ranges(adjusted)
    dated = yearly[yearly["low_adj_usd"].notna()]
    if dated.empty:
        raise LookupError("no source gives a dated yearly pay range")
    bench = benchmark_table(oews).set_index("soc_code")
    rows = []
    for which, pick in (("lowest", pay.lowest_range(dated)), ("highest", pay.highest_range(dated))):
        full = pay.same_record(adjusted, pick)
        proxy = external.proxy_for(str(full["tier"]), full.get("family"))
        rows.append(
            {
                "pick": f"{which} midpoint",
                **{c: full[c] for c in pay.ADJUSTED_COLUMNS},
                "soc_code": proxy.soc_code if proxy else None,
                "occupation": proxy.occupation if proxy else None,
                "bls_year": int(bench.loc[proxy.soc_code, "year"]) if proxy else None,
                "bls_median_usd": float(bench.loc[proxy.soc_code, "median_annual_usd"]) if proxy else None,
            }
        )
    return pd.DataFrame(rows).assign(undated_left_out=len(yearly) - len(dated))
