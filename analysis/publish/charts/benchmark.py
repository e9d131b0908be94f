"""The charts that set pay against the official statistics: the sources' figures under the wage
distribution of each official occupation that fits their rung (the main one and any other that fits
as well), and the front line's official median over the May years in one year's dollars."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, MultipleLocator

from analysis.chapters import assumptions, official, prose
from analysis.chapters.benchmark import benchmark_data, position
from analysis.chapters.pay import money
from analysis.core import external, inflation
from analysis.publish import chart_style
from analysis.publish.chart import Chart, occupation, sources_in
from analysis.publish.charts.pay import (
    FLOOR_ARROW_USD,
    left_out_words,
    load_salaries,
    read_as_notes,
    read_as_words,
    wording_words,
)


def _height(ys: list[float], per_row: float, extra: float) -> float:
    """A chart's height (inches) for rows at ``ys`` (see :func:`chart_style.rows`)."""
    return per_row * ((ys[-1] + 1) if ys else 1) + extra


def one_unit(data: pd.DataFrame, salaries: pd.DataFrame, base_year: int = inflation.BASE_YEAR) -> pd.DataFrame:
    """The benchmark's rows with one unit per column: ``low_usd``/``high_usd`` every source figure as
    written, ``low_adj_usd``/``high_adj_usd`` the dated ones in ``adj_year`` dollars (empty for an
    undated figure, which cannot be adjusted); :func:`benchmark_data` gives one column of both."""

    written = salaries.set_index(["source_id", "record_id"])[["low_usd", "high_usd"]]
    out = data.drop(columns=["dollars"])
    source = data["row"] == "source"
    dated = source & (data["dollars"] != "as written")
    out["low_adj_usd"] = data["low_usd"].where(dated)
    out["high_adj_usd"] = data["high_usd"].where(dated)
    out["adj_year"] = pd.Series(base_year, index=data.index).where(dated).astype("Int64")
    keys = list(zip(data["source_id"], data["record_id"], strict=True))

    def as_written(key: tuple[str, str], column: str, is_source: bool) -> float:
        value = written.loc[key, column] if is_source else None
        return float(value) if value is not None and pd.notna(value) else float("nan")

    for column in ("low_usd", "high_usd"):
        out[column] = [as_written(key, column, bool(src)) for key, src in zip(keys, source, strict=True)]
    order = [c for c in data.columns if c != "dollars"]
    at = order.index("high_usd") + 1
    return out[[*order[:at], "low_adj_usd", "high_adj_usd", "adj_year", *order[at:]]]


def drawn(row: pd.Series) -> tuple[float, float | None, bool]:
    """What the benchmark draws for a source row: (low, high or None, dated): base-year dollars where
    the figure is dated, as written where it is not."""
    dated = pd.notna(row["low_adj_usd"])
    low = float(row["low_adj_usd"] if dated else row["low_usd"])
    high_col = "high_adj_usd" if dated else "high_usd"
    return low, (float(row[high_col]) if pd.notna(row[high_col]) else None), bool(dated)


def official_label(row: pd.Series, width: int = 40) -> str:
    """A benchmark band's label: the occupation, named with its code (the source line and the
    caption say which are broader than the rungs set against them, and of which May)."""
    return chart_style.label(f"BLS: {row['label']} ({row['soc_code']})", width)


def source_label(row: pd.Series, width: int = 36) -> str:
    """A source figure's label: its role and year, and, under an occupation that fits it as well as
    its main one, that it is drawn there too."""
    year = int(row["year"]) if pd.notna(row["year"]) else "undated"
    also = ", also fits this" if row.get("fit") == "alternative" else ""
    return chart_style.label(f"{row['label']} ({year}){also}", width)


def benchmark_chart(data: pd.DataFrame) -> Figure:
    """Official wage bands (10th-90th and 25th-75th percentiles, median) with the sources'
    figures for the matching rungs beneath each."""
    labels = [official_label(row) if row["row"] == "official" else source_label(row) for _, row in data.iterrows()]
    ys = chart_style.rows(labels)
    fig, ax = plt.subplots(figsize=(8, _height(ys, 0.5, 1.8)))
    for y, (_, row) in zip(ys, data.iterrows(), strict=True):
        if row["row"] == "official":
            ax.plot(
                [row["p10_annual_usd"], row["p90_annual_usd"]],
                [y, y],
                color=chart_style.LIGHT,
                linewidth=14,
                solid_capstyle="butt",
            )
            ax.plot(
                [row["p25_annual_usd"], row["p75_annual_usd"]],
                [y, y],
                color="#A6A6A6",
                linewidth=14,
                solid_capstyle="butt",
            )
            ax.plot([row["median_annual_usd"]] * 2, [y - 0.22, y + 0.22], color="#000000", linewidth=2.5)
            continue
        low, high, dated = drawn(row)
        colour = chart_style.OKABE_ITO[0] if dated else chart_style.OKABE_ITO[5]
        if row["statistic"] == "range":
            ax.plot([low, low if high is None else high], [y, y], color=colour, linewidth=6, solid_capstyle="butt")
        elif row["statistic"] == "average":
            ax.plot(low, y, "o", color=colour, markersize=10)
        else:
            ax.annotate(
                "",
                xy=(low + FLOOR_ARROW_USD, y),
                xytext=(low, y),
                arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.5},
            )
    ax.set_yticks(ys, labels, fontsize=10)
    for tick in ax.get_yticklabels():
        if tick.get_text().startswith("BLS"):
            tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(chart_style.usd_thousands)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    base = _base_words(data)
    drawn_in = f"dated source figures in {base}" if base else "every source figure undated, as written"
    ax.set_xlabel(textwrap.fill(f"Annual pay, U.S. dollars ({drawn_in})", 40))
    ax.grid(axis="y", visible=False)
    chart_style.legend_above(
        ax,
        [
            Line2D([], [], color=chart_style.LIGHT, linewidth=10, label="BLS 10th–90th percentile"),
            Line2D([], [], color="#A6A6A6", linewidth=10, label="BLS 25th–75th percentile"),
            Line2D([], [], color="#000000", linewidth=2.5, label="BLS median"),
            *(
                [Line2D([], [], color=chart_style.OKABE_ITO[0], linewidth=6, label=f"source, dated, in {base}")]
                if base
                else []
            ),
            Line2D([], [], color=chart_style.OKABE_ITO[5], linewidth=6, label="source, undated, as written"),
        ],
    )
    return fig


def _base_words(data: pd.DataFrame) -> str:
    """The dollars the dated source figures of the benchmark are drawn in: "2025 dollars" ("" when
    every figure is undated)."""
    years = sorted({int(y) for y in data["adj_year"].dropna()})
    return ", ".join(f"{y} dollars" for y in years)


def _bls_year(data: pd.DataFrame) -> int:
    return int(data.loc[data["row"] == "official", "year"].max())


def _placed(data: pd.DataFrame) -> pd.DataFrame:
    """The source rows with the band each is drawn under (``band_soc``, ``band_median``) and where it
    sits against that band's median (``position``)."""
    bands = data["soc_code"].where(data["row"] == "official").ffill()
    medians = data["median_annual_usd"].where(data["row"] == "official").ffill()
    rows = data.assign(band_soc=bands, band_median=medians)
    rows = rows[rows["row"] == "source"].copy()
    spans = [drawn(row)[:2] for _, row in rows.iterrows()]
    rows["position"] = [
        position(low, low if high is None else high, float(median))
        for (low, high), median in zip(spans, rows["band_median"], strict=True)
    ]
    return rows


def _pairs(placed: pd.DataFrame) -> list[tuple[pd.Series, pd.Series]]:
    """Each figure drawn twice: (its row under the main comparison, its row under the alternative)."""
    out = []
    for _, alt in placed[placed["fit"] == "alternative"].iterrows():
        main = placed[
            (placed["fit"] == "main")
            & (placed["record_id"] == alt["record_id"])
            & (placed["source_id"] == alt["source_id"])
        ]
        if len(main):
            out.append((main.iloc[0], alt))
    return out


def flips(data: pd.DataFrame) -> list[tuple[pd.Series, pd.Series]]:
    """Each figure drawn under two occupations whose place against the median differs: (the main
    comparison, the alternative)."""
    return [(main, alt) for main, alt in _pairs(_placed(data)) if main["position"] != alt["position"]]


def _flip_words(main: pd.Series, alt: pd.Series) -> str:
    """A figure whose place changes with the occupation, by the occupations' codes (the rows and the
    source line name them in full)."""
    return (
        f"set against {alt['band_soc']} instead of {main['band_soc']}, the {main['label']} range "
        f"{alt['position']} the median"
    )


def _benchmark_takeaway(data: pd.DataFrame) -> str:
    placed = _placed(data)
    main = placed[placed["fit"] != "alternative"]
    positions = list(main["position"])
    n = len(positions)
    spans, below, above = (positions.count(p) for p in ("spans", "lies below", "lies above"))
    hedged = sum(bool(prose.hedges(h)) for h in main["hedge"])
    text = (
        f"Of the {prose.plural(n, 'source figure')}, {spans} {'spans' if spans == 1 else 'span'} the official "
        f"median set against them, {below} {'lies' if below == 1 else 'lie'} below, {above} above "
        f"({hedged} hedged in their source)"
    )
    changed = flips(data)
    if changed:
        text += "; " + "; ".join(_flip_words(m, a) for m, a in changed)
    return text + "."


def _alternative_words(data: pd.DataFrame) -> str:
    """Which figures are drawn twice, under which occupations, and whether the comparison changes."""
    pairs = _pairs(_placed(data))
    if not pairs:
        return ""
    said = []
    for main, alt in pairs:
        same = "the same either way" if main["position"] == alt["position"] else "a different answer"
        said.append(
            f"the {alt['label']} is drawn twice, under {occupation(str(main['band_soc']), False)}, the main comparison, "
            f"and under {occupation(str(alt['band_soc']), False)}, which fits it as well, giving {same}"
        )
    return f" {prose.join(said)[0].upper()}{prose.join(said)[1:]}: the chapter gives the reasons for each."


def _benchmark_caption(data: pd.DataFrame) -> str:
    dollars = _base_words(data)
    how = f"dated ranges in {dollars}, undated figures as written" if dollars else "every one undated, as written"
    return (
        f"Official wage distributions (BLS OEWS, May {_bls_year(data)}) for the occupations named on the chart, with "
        f"the sources' figures for the matching rungs beneath each; {how}. {_proxy_words(data)}{_alternative_words(data)}"
        f"{wording_words(data[(data['row'] == 'source') & (data['fit'] != 'alternative')])}"
        f"{left_out_words(data)}{read_as_words(data)}"
    )


def _proxy_words(data: pd.DataFrame) -> str:
    """How each official occupation drawn is broader than the call-center role set against it: the
    representatives' own covers every industry; every other one is a proxy, not a call-center job."""

    proxies = [
        f"{external.PROXIES[str(soc)].occupation} ({soc})"
        for soc in dict.fromkeys(data.loc[data["row"] == "official", "soc_code"])
        if external.is_proxy(str(soc))
    ]
    drawn = set(data.loc[data["row"] == "official", "soc_code"].astype(str))
    front = external.FRONT_LINE
    own = (
        f"{front.occupation} ({front.soc_code}) covers representatives in every industry, not only call centers. "
        if front.soc_code in drawn
        else ""
    )
    if not proxies:
        return own.strip()
    return (
        f"{own}{prose.join(proxies)} {'is a broader proxy' if len(proxies) == 1 else 'are broader proxies'}, "
        "not call-center jobs."
    )


def _benchmark_alt(data: pd.DataFrame) -> str:
    parts = []
    band = None
    for _, row in data.iterrows():
        if row["row"] == "official":
            band = row
            parts.append(
                f"BLS, {occupation(str(row['soc_code']))}: median {money(row['median_annual_usd'])}, "
                f"10th to 90th percentile {money(row['p10_annual_usd'])} to {money(row['p90_annual_usd'])}"
            )
            continue
        assert band is not None
        low, high, dated = drawn(row)
        dollars = f"{int(row['adj_year'])} dollars" if dated else "as written"
        also = ", drawn here as well, as this occupation also fits it," if row.get("fit") == "alternative" else ""
        parts.append(
            f"{row['label']} ({dollars}){also} {position(low, low if high is None else high, band['median_annual_usd'])} "
            "that median"
        )
    return (
        "Chart of grey bands, one per official occupation, each with a black median tick, and beneath each "
        "the sources' figures for the matching rungs as blue (dated, adjusted) or orange (undated) marks. "
        + "; ".join(parts)
        + "."
    )


def _benchmark_data() -> pd.DataFrame:
    salaries = load_salaries()
    return one_unit(benchmark_data(salaries, external.load_oews()), salaries)


def _oews_note(data: pd.DataFrame) -> list[str]:
    return [f"OEWS May {_bls_year(data)}", *read_as_notes(data)]


def over_time_data() -> pd.DataFrame:
    """The front line's official median and that of all occupations by May year, as published and
    in base-year dollars (one row per occupation and year): what :func:`over_time_chart` draws."""
    oews = external.load_oews()
    frames = [official.real_medians(oews, soc) for soc in (external.FRONT_LINE.soc_code, external.ALL_OCCUPATIONS)]
    return pd.concat(frames, ignore_index=True)


#: The colour of each occupation's line: the front line's, then all occupations'.
LINE_COLOURS = (chart_style.OKABE_ITO[0], chart_style.OKABE_ITO[5])


def over_time_chart(data: pd.DataFrame) -> Figure:
    """Each occupation's median by May year: a solid line in base-year dollars, a dashed one as
    published, the front line's first."""
    base = int(data["adj_year"].iloc[0])
    fig, ax = plt.subplots(figsize=(8, 4.4))
    handles = []
    for colour, (soc, rows) in zip(LINE_COLOURS, data.groupby("soc_code", sort=False), strict=False):
        name = occupation(str(soc), qualified=False)
        ax.plot(rows["year"], rows["median_adj_usd"], color=colour, linewidth=3, marker="o")
        ax.plot(
            rows["year"],
            rows["median_annual_usd"],
            color=colour,
            linewidth=1.5,
            linestyle="--",
            marker="o",
            markerfacecolor="white",
        )
        handles += [
            Line2D([], [], color=colour, linewidth=3, marker="o", label=f"{name}, in {base} dollars"),
            Line2D(
                [],
                [],
                color=colour,
                linewidth=1.5,
                linestyle="--",
                marker="o",
                markerfacecolor="white",
                label=f"{name}, as published",
            ),
        ]
    ax.yaxis.set_major_formatter(chart_style.usd_thousands)
    ax.yaxis.set_major_locator(MultipleLocator(10_000))
    ax.set_ylim(bottom=0)  # from zero: a change of a few percent is drawn as the small change it is
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("May of year (BLS OEWS)")
    ax.set_ylabel("Median annual wage")
    chart_style.legend_above(ax, handles, ncol=1, right_when_wide=False)
    return fig


def _front(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["soc_code"] == external.FRONT_LINE.soc_code].reset_index(drop=True)


def _over_time_takeaway(data: pd.DataFrame) -> str:
    front = _front(data)
    first, last = front.iloc[0], front.iloc[-1]
    base = int(last["adj_year"])
    real = float(last["median_adj_usd"] / first["median_adj_usd"] - 1)
    nominal = float(last["median_annual_usd"] / first["median_annual_usd"] - 1)
    return (
        f"In {base} dollars the median of {occupation(str(first['soc_code']), False)} went from "
        f"{money(first['median_adj_usd'])} (May {int(first['year'])}) to {money(last['median_adj_usd'])} "
        f"(May {int(last['year'])}), {real:+.1%}; as published it rose {nominal:.0%}. BLS neither uses nor "
        f"encourages its estimates as a time series ({external.OEWS_FAQ_URL})."
    )


def _over_time_caption(data: pd.DataFrame) -> str:
    base = int(data["adj_year"].iloc[0])
    years = sorted({int(y) for y in data["year"]})
    return (
        f"Median annual wages by May year, {years[0]}–{years[-1]}, as published (dashed) and in {base} dollars "
        f"(solid): each May's wage multiplied by the ratio of the CPI-U annual averages of {base} and its year, "
        f"the same adjustment as the sources' figures. {assumptions.cpi_words(years)}. The BLS cautions: "
        f"{external.OEWS_CAUTION} (OEWS Frequently Asked Questions, {external.OEWS_FAQ_URL}); a difference between "
        "two Mays may reflect the survey as well as pay. All occupations are drawn for scale."
    )


def _over_time_alt(data: pd.DataFrame) -> str:
    base = int(data["adj_year"].iloc[0])
    parts = []
    for soc, rows in data.groupby("soc_code", sort=False):
        values = "; ".join(
            f"May {int(r['year'])}: {money(r['median_annual_usd'])} as published, {money(r['median_adj_usd'])} in {base} dollars"
            for _, r in rows.iterrows()
        )
        parts.append(f"{occupation(str(soc), False)}: {values}")
    return (
        f"Line chart of median annual wages by May year, a solid line in {base} dollars and a dashed line as "
        "published for each occupation. " + ". ".join(parts) + "."
    )


CHARTS = (
    Chart(
        "fig-pay-benchmark",
        "02-pay",
        "The sources' pay against official wages",
        _benchmark_data,
        benchmark_chart,
        _benchmark_caption,
        _benchmark_alt,
        takeaway=_benchmark_takeaway,
        references=lambda d: [*sources_in(d), external.BIBKEYS["oews"], "cpi-package"],
        notes=_oews_note,
    ),
    Chart(
        "fig-pay-over-time",
        "02-pay",
        "Customer service pay over time",
        over_time_data,
        over_time_chart,
        _over_time_caption,
        _over_time_alt,
        takeaway=_over_time_takeaway,
        references=lambda d: [external.BIBKEYS["oews"], external.BIBKEYS["oews-faq"], "cpi-package"],
        notes=lambda d: [
            assumptions.cpi_note(sorted({int(y) for y in d["year"]})),
            external.OEWS_TIME_SERIES_CAUTION,
        ],
    ),
)
