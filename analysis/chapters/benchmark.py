"""The sources' pay against the official wage statistics: each rung's (and job family's) official
occupations (:data:`analysis.core.external.CANDIDATES`: the main one, and any other that fits the
rung as well), their wage distributions, and the claims and chart data that set the sources' yearly
figures beside them.

Which figures an official occupation stands for is decided by the figure's rung and job family
alone (:func:`analysis.core.external.candidates_for`), never by the wording of its role. Where a
second occupation fits a rung, every figure of that rung is set against both, and the claims say
whether the comparison comes out the same (:func:`comparisons`, :func:`choice_claim`).
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters import pay, prose
from analysis.core import external, inflation, markup, vocab

PERCENTILES = ("p10_annual_usd", "p25_annual_usd", "median_annual_usd", "p75_annual_usd", "p90_annual_usd")


def benchmark_table(oews: pd.DataFrame) -> pd.DataFrame:
    """Latest-year OEWS distribution for each official proxy occupation, and its median by the hour."""
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
                "median_hourly_usd": float(row["median_hourly_usd"]),
            }
        )
    return pd.DataFrame(rows)


def benchmark_display(bench: pd.DataFrame) -> pd.DataFrame:
    """The official distributions as a reader sees them."""
    return pd.DataFrame(
        {
            "SOC": bench["soc_code"],
            "Occupation": bench["occupation"],
            "Main comparison for": [
                _what_it_stands_for(external.PROXIES[str(soc)], all_rungs=True) for soc in bench["soc_code"]
            ],
            "May of": bench["year"].astype(str),
            **{
                label: bench[c].map(prose.money)
                for label, c in zip(
                    ("10th pct (USD/year)", "25th pct", "Median", "75th pct", "90th pct"), PERCENTILES, strict=True
                )
            },
            "Median (USD/hour)": bench["median_hourly_usd"].map(lambda v: prose.money(v, cents=True)),
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


def alternative_for(rows: pd.DataFrame, soc_code: str) -> pd.DataFrame:
    """The pay rows for whose rung and job family an official occupation is an alternative, one that
    fits as well as the main one (:func:`analysis.core.external.alternatives_for`)."""
    family = rows["family"] if "family" in rows.columns else pd.Series([None] * len(rows), index=rows.index)
    fits = [
        soc_code in {c.soc_code for c in external.alternatives_for(str(t), f if isinstance(f, str) else None)}
        for t, f in zip(rows["tier"], family, strict=True)
    ]
    return rows[fits]


def _what_it_stands_for(proxy: external.Proxy, all_rungs: bool = False) -> str:
    """The rung and family an official occupation stands for, as words: "the team lead rung", "a
    training role on the manager rung", "a role other than training on the manager rung"; with
    ``all_rungs``, every rung it is the main comparison for ("the front line and senior rungs")."""
    rungs = proxy.rungs if all_rungs else (proxy.tier,)
    named = prose.join([vocab.TIER_LABELS[r].lower() for r in rungs])
    rung = f"the {named} {'rung' if len(rungs) == 1 else 'rungs'}"
    if proxy.family is not None:
        return f"a {proxy.family.replace('-', ' ')} role on {rung}"
    kept = [p.family for p in external.PROXIES.values() if p.family is not None and set(p.rungs) & set(proxy.rungs)]
    if kept:
        return f"a role other than {prose.join([str(k).replace('-', ' ') for k in kept], 'or')} on {rung}"
    return rung


def reason(tier: str, family: object, soc_code: str) -> str:
    """The report's reason for setting a figure of this rung and job family against an official
    occupation (``data/external/rung_occupations.csv``); "" where the occupation does not fit it."""
    return next((c.reason for c in external.candidates_for(tier, family) if c.soc_code == soc_code), "")


def entry_median_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Where the lowest-midpoint yearly range sits, in base-year dollars (as written when undated),
    against the median of its rung's official occupation, as MyST; in the same sentence, what such a
    comparison rests on (one range, its source's hedge, whether the source names where its figure
    comes from), so that the ratio cannot be read on its own as a change in pay."""

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
    hedge = prose.hedge_words(entry.get("hedge"))
    cited = entry.get("cited_from")
    hedged = f"its source hedges ({prose.join([markup.quoted(w) for w in hedge])})" if hedge else ""
    if isinstance(cited, str) and cited:
        which = f"which {hedged or 'its source'}{' and' if hedge else ''} quotes from {markup.md_escape(cited)}"
    else:
        which = f"which {hedged} and for which it names no source" if hedge else "for which its source names no source"
    years = f"{int(entry['year'])} " if dated else ""
    return markup.Markup(
        f"{when} midpoint of the range with the lowest midpoint ({role} {markup.cite(str(entry['source_id']))}, "
        f"{prose.money(mid)}) is {abs(gap):.0%} {side} the May {int(official['year'])} median for "
        f"{proxy.occupation.lower()} ({prose.money(official['median_annual_usd'])}). That sets one {years}range, {which}, against "
        "a national median: it does not show whether the role's pay has risen or fallen since."
    )


def proxies_claim(salaries: pd.DataFrame, bench: pd.DataFrame) -> str:
    """Each official proxy's median against the sources' dated yearly ranges for the rungs and family
    it is the main occupation of (in base-year dollars), as MyST sentences: above the top, within, or
    below the bottom; a proxy whose rungs no source prices is said apart, not among the comparisons
    (another occupation that fits a priced rung is :func:`choice_claim`'s)."""

    adjusted = pay.annual(pay.adjust(salaries))
    base = int(adjusted["adj_year"].iloc[0]) if len(adjusted) else inflation.BASE_YEAR
    compared, unpriced = [], []
    for _, official in bench.iterrows():
        proxy = external.PROXIES.get(str(official["soc_code"]))
        if proxy is None or not external.is_proxy(proxy.soc_code):
            continue
        mine = stands_for(adjusted[adjusted["high_adj_usd"].notna()], proxy.soc_code)
        median = float(official["median_annual_usd"])
        occupation = f"{markup.md_escape(official['occupation'])} ({proxy.soc_code}"
        if mine.empty:
            unpriced.append((_what_it_stands_for(proxy), occupation, median))
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
    for what, occupation, median in unpriced:
        sentences.append(
            f"No source gives a pay figure for {what}, so the median of {occupation}), {prose.money(median)}, "
            "the occupation that stands for it, has no source figure to be set against; it is that rung's "
            "official pay step."
        )
    return markup.Markup(" ".join(sentences))


#: Where a figure (a range, or one figure) sits against a median, as a verb phrase.
POSITIONS = ("lies below", "spans", "lies above")


def position(low: float, high: float, median: float) -> str:
    """Where a range (or one figure: ``low`` = ``high``) sits against a median: :data:`POSITIONS`."""
    if high < median:
        return POSITIONS[0]
    if low > median:
        return POSITIONS[2]
    return POSITIONS[1]


def compared_figures(salaries: pd.DataFrame) -> pd.DataFrame:
    """Every yearly figure as the comparisons take it: ``cmp_low`` and ``cmp_high`` in base-year
    dollars where it is dated, as written where it is not (``dollars`` says which; one figure has
    ``cmp_high`` = ``cmp_low``)."""
    rows = pay.annual(pay.adjust(salaries))
    dated = rows["low_adj_usd"].notna()
    low = rows["low_adj_usd"].where(dated, rows["low_usd"]).astype(float)
    high = rows["high_adj_usd"].where(dated, rows["high_usd"]).astype(float).fillna(low)
    dollars = [f"{int(y)} dollars" if d else "as written" for y, d in zip(rows["adj_year"], dated, strict=True)]
    return rows.assign(cmp_low=low, cmp_high=high, dollars=dollars)


COMPARISON_COLUMNS = [
    "source_id",
    "record_id",
    "role",
    "tier",
    "statistic",
    "year",
    "dollars",
    "cmp_low",
    "cmp_high",
    "soc_code",
    "occupation",
    "fit",
    "bls_year",
    "median_annual_usd",
    "position",
]


def comparisons(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """One row per yearly source figure and official occupation that fits its rung and family (the
    main one first, then any alternative: :func:`analysis.core.external.candidates_for`), with the
    occupation's latest May median and where the figure sits against it (:func:`position`)."""
    rows = []
    for _, fig in compared_figures(salaries).iterrows():
        for candidate in external.candidates_for(str(fig["tier"]), fig.get("family")):
            latest = external.oews_latest(oews, candidate.soc_code)
            median = float(latest["median_annual_usd"])
            rows.append(
                {
                    **{c: fig[c] for c in ("source_id", "record_id", "role", "tier", "statistic", "year", "dollars")},
                    "cmp_low": float(fig["cmp_low"]),
                    "cmp_high": float(fig["cmp_high"]),
                    "soc_code": candidate.soc_code,
                    "occupation": candidate.occupation,
                    "fit": candidate.fit,
                    "bls_year": int(latest["year"]),
                    "median_annual_usd": median,
                    "position": position(float(fig["cmp_low"]), float(fig["cmp_high"]), median),
                }
            )
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def choices(comp: pd.DataFrame) -> pd.DataFrame:
    """The figures that more than one official occupation fits, one row each: the role, where it sits
    against the main occupation's median and against each other's, and whether that changes
    (``changes``: the positions differ)."""
    out = []
    for (source, record), rows in comp.groupby(["source_id", "record_id"], sort=False):
        if len(rows) < 2:
            continue
        main = rows[rows["fit"] == "main"].iloc[0]
        others = rows[rows["fit"] != "main"]
        out.append(
            {
                "source_id": source,
                "record_id": record,
                "role": main["role"],
                "dollars": main["dollars"],
                "main": main,
                "others": others,
                "changes": bool((others["position"] != main["position"]).any()),
            }
        )
    return pd.DataFrame(out, columns=["source_id", "record_id", "role", "dollars", "main", "others", "changes"])


def _against(row: pd.Series) -> str:
    return (
        f"{row['position']} the median of {markup.md_escape(row['occupation'])} ({row['soc_code']}), "
        f"{prose.money(row['median_annual_usd'])}"
    )


def choice_claim(comp: pd.DataFrame) -> str:
    """For each figure that more than one official occupation fits, where it sits against each
    median and whether the choice of occupation changes the comparison, as MyST ("" when every
    figure has one occupation)."""
    sentences = []
    for _, c in choices(comp).iterrows():
        main, others = c["main"], c["others"]
        kind = "range" if main["statistic"] == "range" else "figure"
        lead = (
            f"The {markup.md_escape(c['role'])} {markup.cite(str(c['source_id']))} fits "
            f"{prose.plural(1 + len(others), 'official occupation')} (see the table of occupations): "
            f"{'as written' if c['dollars'] == 'as written' else 'in ' + str(c['dollars'])}, its {kind} "
            f"{_against(main)}, and it " + prose.join([_against(o) for _, o in others.iterrows()])
        )
        if c["changes"]:
            sentences.append(
                f"{lead}. Which occupation is taken decides the comparison, so the report draws no conclusion from "
                "either alone."
            )
        else:
            sentences.append(f"{lead}: the comparison comes out the same whichever is taken.")
    return markup.Markup(" ".join(sentences))


def benchmark_data(salaries: pd.DataFrame, oews: pd.DataFrame) -> pd.DataFrame:
    """One row per band drawn (an official occupation's percentiles, ``source_id`` ``bls-oews``) and,
    under each, one row per yearly source figure it stands for (``fit`` ``main``) and then per figure
    it is an alternative occupation for (``fit`` ``alternative``: the figure is drawn under both
    bands), with the report's reason for setting the figure against it (``why``); dated ranges in
    base-year dollars, undated figures as written: what the benchmark chart draws, top to bottom.
    ``other_periods_left_out`` counts the figures stated by the hour or the month, which it leaves out."""
    everything = pay.annual(pay.adjust(salaries))
    adjusted = pay.top_sources(everything, pay.MAX_ROWS - len(external.PROXIES) - len(external.CANDIDATES))
    rows: list[dict[str, object]] = []
    for _, band in benchmark_table(oews).iterrows():
        rows.append(
            {
                "row": "official",
                "soc_code": band["soc_code"],
                "fit": "",
                "label": band["occupation"],
                "source_id": external.BIBKEYS["oews"],
                "year": int(band["year"]),
                **{c: float(band[c]) for c in PERCENTILES},
            }
        )
        soc = str(band["soc_code"])
        under = [(r, "main") for _, r in stands_for(adjusted, soc).iterrows()]
        under += [(r, "alternative") for _, r in alternative_for(adjusted, soc).iterrows()]
        for r, fit in under:
            dated = pd.notna(r["low_adj_usd"])
            rows.append(
                {
                    "row": "source",
                    "soc_code": band["soc_code"],
                    "fit": fit,
                    "why": reason(str(r["tier"]), r.get("family"), soc),
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
        "fit",
        "why",
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
    dollars, each with the latest official median of the main occupation of its rung and family
    (none where no occupation stands for its rung) and of the first other occupation that fits it as
    well (``alt_*``, empty where none does), each with the report's reason (``why``, ``alt_why``):
    what the landing page's chart draws.
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
        other = next(iter(external.alternatives_for(str(full["tier"]), full.get("family"))), None)
        alt = external.oews_latest(oews, other.soc_code) if other else None
        rows.append(
            {
                "pick": f"{which} midpoint",
                **{c: full[c] for c in pay.ADJUSTED_COLUMNS},
                "soc_code": proxy.soc_code if proxy else None,
                "occupation": proxy.occupation if proxy else None,
                "bls_year": int(bench.loc[proxy.soc_code, "year"]) if proxy else None,
                "bls_median_usd": float(bench.loc[proxy.soc_code, "median_annual_usd"]) if proxy else None,
                "why": reason(str(full["tier"]), full.get("family"), proxy.soc_code) if proxy else None,
                "alt_soc_code": other.soc_code if other else None,
                "alt_occupation": other.occupation if other else None,
                "alt_median_usd": float(alt["median_annual_usd"]) if alt is not None else None,
                "alt_why": other.reason if other else None,
            }
        )
    return pd.DataFrame(rows).assign(undated_left_out=len(yearly) - len(dated))
