"""One native PowerPoint chart per figure of the report, its values taken from the figure's own
data; :data:`NATIVE` maps each figure to its builder and :data:`PICTURES` lists those placed as
pictures, with the reason."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable

import pandas as pd
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.picture import Picture
from pptx.slide import Slide
from pptx.util import Inches

from analysis.chapters import ladder, matrices, pay, prose
from analysis.publish import chart, chart_style, figures
from analysis.publish.chart import occupation as occupation_of
from analysis.publish.charts import benchmark as benchmark_charts
from analysis.publish.charts import ladder as ladder_charts
from analysis.publish.charts import pay as pay_charts
from analysis.publish.deck.shapes import (
    CHART_HEIGHT,
    CHART_TOP,
    CHART_WIDTH,
    MARGIN,
    MID_GREY,
    MIN_PT,
    PICTURE_DPI,
    Mark,
    Row,
    Style,
    add_chart,
    axis_font,
    hide_axis,
    label_points,
    nice,
    pad_axis,
    rgb,
    row_chart,
    series_line,
    set_font,
    set_legend,
    set_marker,
    style_chart,
)


def _ranges_rows(data: pd.DataFrame) -> tuple[list[Row], dict[str, Style]]:
    order = chart.sources_in(data)
    colour = chart_style.colours(order)
    styles: dict[str, Style] = {}
    rows = []
    kinds = {
        "range": ("range", "range"),
        "average": ("point", "average"),
        "threshold": ("floor", "threshold (“upwards of”)"),
    }
    for source in order:
        for statistic, (kind, words) in kinds.items():
            if ((data["source_id"] == source) & (data["statistic"] == statistic)).any():
                styles[f"{source}:{statistic}"] = Style(
                    f"{prose.short_ref(source)}: {words}", colour[source], kind, width=9 if kind == "range" else 3
                )
    for _, r in data.iterrows():
        year = f"{int(r['year'])}" if pd.notna(r["year"]) else "undated"
        high = float(r["high_usd"]) if pd.notna(r["high_usd"]) else None
        rows.append(
            Row(
                f"{pay.TIER_LABELS[int(r['tier_level'])]}: {r['role']} ({year}{pay_charts.annualised_mark(r)})",
                [Mark(f"{r['source_id']}:{r['statistic']}", float(r["low_usd"]), high)],
            )
        )
    return rows, styles


def _ranges_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    rows, styles = _ranges_rows(data)
    return row_chart(slide, rows, styles, "Annual pay, U.S. dollars as written (not adjusted for inflation)")


def _headline_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    base = int(data["adj_year"].iloc[0])
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    styles = {
        "written": Style(f"range as written ({years} dollars)", chart_style.GREY, "range", 12),
        "adjusted": Style(
            f"what it would buy at {base} prices (not {base} pay)", chart_style.OKABE_ITO[0], "range", 12
        ),
        "median": Style(
            f"BLS median of the occupation named on the row (May {int(data['bls_year'].max())})",
            "#000000",
            "point",
            marker=XL_MARKER_STYLE.DIAMOND,
        ),
    }
    alternative = data["alt_soc_code"].map(lambda soc: isinstance(soc, str) and bool(soc))
    if alternative.any():
        styles["alternative"] = Style(
            f"BLS median of another occupation that also fits the role (May {int(data['bls_year'].max())})",
            "#000000",
            "point",
            marker=XL_MARKER_STYLE.DIAMOND,
            hollow=True,
        )
    rows = [
        Row(
            f"{pay.TIER_LABELS[int(r['tier_level'])]}: {r['role']}\nBLS: {occupation_of(str(r['soc_code']))}"
            + (f"\nalso fits: {occupation_of(str(r['alt_soc_code']), qualified=False)}" if other else ""),
            [
                Mark("written", float(r["low_usd"]), float(r["high_usd"]), -0.15),
                Mark("adjusted", float(r["low_adj_usd"]), float(r["high_adj_usd"]), 0.15),
                Mark("median", float(r["bls_median_usd"])),
                *([Mark("alternative", float(r["alt_median_usd"]))] if other else []),
            ],
        )
        for (_, r), other in zip(data.iterrows(), alternative, strict=True)
    ]
    return row_chart(slide, rows, styles, "Annual pay, U.S. dollars", step=20_000.0)


def _benchmark_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    dollars = ", ".join(f"{int(y)} dollars" for y in sorted(set(data["adj_year"].dropna()))) or "no dated figures"
    styles = {
        "outer": Style("BLS 10th–90th percentile", chart_style.LIGHT, "range", 11),
        "inner": Style("BLS 25th–75th percentile", MID_GREY, "range", 11),
        "median": Style("BLS median", "#000000", "tick", 3),
        "dated:range": Style(f"source, dated, in {dollars}", chart_style.OKABE_ITO[0], "range", 7),
        "undated:range": Style("source, undated, as written: range", chart_style.OKABE_ITO[5], "range", 7),
        "undated:average": Style("source, undated: average", chart_style.OKABE_ITO[5], "point"),
        "undated:threshold": Style("source, undated: threshold (“upwards of”)", chart_style.OKABE_ITO[5], "floor", 3),
        "dated:average": Style("source, dated: average", chart_style.OKABE_ITO[0], "point"),
        "dated:threshold": Style("source, dated: threshold", chart_style.OKABE_ITO[0], "floor", 3),
    }
    styles["median"] = styles.pop("median")  # drawn last: over the band in PowerPoint
    rows = []
    for _, r in data.iterrows():
        if r["row"] == "official":
            rows.append(
                Row(
                    f"BLS: {occupation_of(str(r['soc_code']), qualified=False)}",
                    [
                        Mark("outer", float(r["p10_annual_usd"]), float(r["p25_annual_usd"])),
                        Mark("outer", float(r["p75_annual_usd"]), float(r["p90_annual_usd"])),
                        Mark("inner", float(r["p25_annual_usd"]), float(r["p75_annual_usd"])),
                        Mark("median", float(r["median_annual_usd"])),
                    ],
                    bold=True,
                )
            )
            continue
        low, high, dated = benchmark_charts.drawn(r)
        year = f"{int(r['year'])}" if pd.notna(r["year"]) else "undated"
        which = "dated" if dated else "undated"
        also = ", also fits this" if r.get("fit") == "alternative" else ""
        rows.append(Row(f"{r['label']} ({year}){also}", [Mark(f"{which}:{r['statistic']}", low, high)]))
    return row_chart(
        slide,
        rows,
        styles,
        f"Annual pay, U.S. dollars (dated source figures in {dollars}); BLS: May {int(data['year'].max())}",
        step=40_000.0,
        legend_right=True,
    )


def _adjusted_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    """Each role's range as written and in base-year dollars: a stacked bar whose first series (the
    low end) is invisible, so the visible bars float from low to high."""
    base = int(data["adj_year"].iloc[0])
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"]))
    chart_data = CategoryChartData(number_format="#,##0")
    lows, written, adjusted = [], [], []
    # Bars are drawn bottom up: the rows go in last role first, so the first role is at the top.
    for _, r in data.iloc[::-1].iterrows():
        lows += [float(r["low_adj_usd"]), float(r["low_usd"])]
        written += [None, float(r["high_usd"]) - float(r["low_usd"])]
        adjusted += [float(r["high_adj_usd"]) - float(r["low_adj_usd"]), None]
        chart_data.add_category(f"in {base} dollars (CPI-U)")
        chart_data.add_category(textwrap.fill(f"{r['role']}: {int(r['year'])} dollars as written", 40))
    chart_data.add_series("low end", lows)
    chart_data.add_series(f"as written ({years} dollars)", written)
    chart_data.add_series(f"in {base} dollars (CPI-U)", adjusted)
    frame = add_chart(slide, XL_CHART_TYPE.BAR_STACKED, chart_data)
    chart = frame.chart
    style_chart(chart)
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.overlap = 100
    offset, *visible = plot.series
    offset.format.fill.background()
    offset.format.line.fill.background()
    for series, colour in zip(visible, (chart_style.GREY, chart_style.OKABE_ITO[0]), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = rgb(colour)
    categories, values = chart.category_axis, chart.value_axis
    axis_font(categories)
    top = max(float(data["high_adj_usd"].max()), float(data["high_usd"].max()))
    values.minimum_scale, values.maximum_scale, values.major_unit = 0, nice(top, 20_000, up=True), 20_000
    values.tick_labels.number_format = '"$"#,##0,"k"'
    values.tick_labels.number_format_is_linked = False
    values.major_gridlines.format.line.color.rgb = rgb(chart_style.LIGHT)
    axis_font(values)
    # No legend: every bar's category says which dollars it is in (LibreOffice lists a bar chart's
    # legend bottom up, so the invisible series' entry cannot be hidden the same way everywhere).
    chart.has_legend = False
    return frame


def _text_inches(text: str, size: float = MIN_PT) -> float:
    """A generous estimate of a line's width in Calibri (about 0.55 em a character)."""
    return max(len(line) for line in text.split("\n")) * 0.55 * size / 72


def matrix_slide(slide: Slide, data: pd.DataFrame, notes_at_right: dict[str, str] | None = None) -> GraphicFrame:
    """A dot matrix as an XY scatter, as the book draws it: a dot of one size for each (row, source)
    the records name, with the number of records written inside, and a small grey dot where there
    are none; the row labels at the left and the sources' names above the columns are the text of an
    invisible series of text. (A bubble chart would scale dots by count, but LibreOffice ignores a
    bubble chart's scale, so its bubbles overlap the rows.)"""

    counts = matrices.counts_of(data)
    rows, columns = list(counts.index), list(counts.columns)
    heads = [textwrap.fill(prose.short_ref(str(s)), 16, break_long_words=False) for s in columns]
    notes_at_right = notes_at_right or {}
    chart_data = XyChartData()
    named = chart_data.add_series("names it (number of records)")
    none = chart_data.add_series("names none")
    named_counts = []
    for i, row in enumerate(rows):
        for j, source in enumerate(columns):
            n = int(counts.loc[row, source])
            (named if n else none).add_data_point(j, -i)
            if n:
                named_counts.append(n)
    texts = chart_data.add_series("labels")
    points: list[tuple[str, XL_LABEL_POSITION]] = []
    for i, row in enumerate(rows):
        texts.add_data_point(-0.4, -i)
        points.append((str(row), XL_LABEL_POSITION.LEFT))
    for j, head in enumerate(heads):
        texts.add_data_point(j, 0.45)
        points.append((head, XL_LABEL_POSITION.ABOVE))
    for i, row in enumerate(rows):
        if str(row) in notes_at_right:
            texts.add_data_point(len(columns) - 0.6, -i)
            points.append((notes_at_right[str(row)], XL_LABEL_POSITION.RIGHT))
    pad_axis(chart_data)
    frame = add_chart(slide, XL_CHART_TYPE.XY_SCATTER, chart_data)
    chart = frame.chart
    style_chart(chart)
    chart.has_legend = False
    named_series, none_series, text_series = chart.plots[0].series
    head_lines = max(h.count("\n") + 1 for h in heads)
    row_pt = (CHART_HEIGHT - 0.3 - 0.25 * head_lines) * 72 / (len(rows) + 0.5)
    for series, colour, size in (
        (named_series, chart_style.OKABE_ITO[0], int(min(30, row_pt * 0.8))),
        (none_series, chart_style.LIGHT, 9),
        (text_series, None, 0),
    ):
        series_line(series, None, 0)
        if colour is None:
            set_marker(series, XL_MARKER_STYLE.NONE)
        else:
            set_marker(series, XL_MARKER_STYLE.CIRCLE, colour, size)
    for k, n in enumerate(named_counts):
        label = named_series.points[k].data_label
        run = label.text_frame.paragraphs[0].add_run()
        run.text = str(n)
        set_font(run.font, MIN_PT, bold=True, colour=RGBColor.from_string("FFFFFF"))
        label.position = XL_LABEL_POSITION.CENTER
    label_points(text_series, [(k, text, where, False) for k, (text, where) in enumerate(points)])
    # Room for the labels: the x axis reaches as far left as the longest row label needs.
    label_in = max(_text_inches(str(r)) for r in rows) + 0.3
    right_in = max((_text_inches(t) for t in notes_at_right.values()), default=0.0)
    width = CHART_WIDTH - 0.3
    x_max = len(columns) - 0.5
    if right_in:
        x_max += 0.3 + right_in * len(columns) / (width - label_in - right_in)
    a = -0.4
    x_min = (label_in * x_max - a * width) / (label_in - width)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    x_axis.minimum_scale, x_axis.maximum_scale = x_min, x_max
    y_axis.minimum_scale, y_axis.maximum_scale = -len(rows) + 0.5, 0.55 + 0.45 * head_lines
    for axis in (x_axis, y_axis):
        hide_axis(axis)
    return frame


def _ladder_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    unpriced = {str(label): "no pay figure" for label in data.loc[~data["priced"].astype(bool), "label"]}
    return matrix_slide(slide, data, unpriced)


def _experience_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    """Years asked (x) against the pay range (y): a vertical line per role from low to high pay, a dot at
    the midpoint, a thin bar across a range of years; colour is the rung."""

    tiers = [t for t in ladder.LADDER if t in set(data["tier"])]
    colour = chart_style.colours(tiers)
    chart_data = XyChartData()
    for tier in tiers:
        rows = data[data["tier"] == tier]
        line = chart_data.add_series(ladder.TIER_LABELS[tier])
        for _, r in rows.iterrows():
            line.add_data_point(float(r["years_mid"]), float(r["low_usd"]))
            line.add_data_point(float(r["years_mid"]), float(r["high_usd"]))
            line.add_data_point(None, None)
            if pd.notna(r["years_max"]):
                line.add_data_point(float(r["years_min"]), float(r["mid_usd"]))
                line.add_data_point(float(r["years_max"]), float(r["mid_usd"]))
                line.add_data_point(None, None)
    for tier in tiers:
        dots = chart_data.add_series(f"{ladder.TIER_LABELS[tier]}: midpoint")
        for _, r in data[data["tier"] == tier].iterrows():
            dots.add_data_point(float(r["years_mid"]), float(r["mid_usd"]))
    texts = chart_data.add_series("labels")
    labels = []
    positions = {
        "right": XL_LABEL_POSITION.RIGHT,
        "left": XL_LABEL_POSITION.LEFT,
        "above": XL_LABEL_POSITION.ABOVE,
        "below": XL_LABEL_POSITION.BELOW,
    }
    sides = ladder_charts.label_sides(data)
    for k, (_, r) in enumerate(data.iterrows()):
        side = sides[k]
        right = float(r["years_max"]) if pd.notna(r["years_max"]) else float(r["years_mid"])
        x, y = {
            "right": (right, r["mid_usd"]),
            "left": (r["years_min"], r["mid_usd"]),
            "above": (r["years_mid"], r["high_usd"]),
            "below": (r["years_mid"], r["low_usd"]),
        }[side]
        texts.add_data_point(float(x), float(y))
        text = f"{textwrap.fill(str(r['role']), 26)}\n({ladder_charts.years_of(r)})"
        labels.append((k, text, positions[side], False))
    frame = add_chart(slide, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, chart_data)
    chart = frame.chart
    style_chart(chart)
    plot = chart.plots[0]
    n = len(tiers)
    for series, tier in zip(list(plot.series)[:n], tiers, strict=True):
        series.smooth = False
        series_line(series, colour[tier], 4)
        set_marker(series, XL_MARKER_STYLE.NONE)
    for series, tier in zip(list(plot.series)[n : 2 * n], tiers, strict=True):
        series_line(series, None, 0)
        set_marker(series, XL_MARKER_STYLE.CIRCLE, colour[tier], 12)
    text_series = plot.series[2 * n]
    series_line(text_series, None, 0)
    set_marker(text_series, XL_MARKER_STYLE.NONE)
    label_points(text_series, labels)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    years_top = float(data["years_max"].fillna(data["years_min"]).max())
    x_axis.minimum_scale, x_axis.maximum_scale, x_axis.major_unit = -1, math.ceil(years_top + 4), 1
    x_axis.tick_labels.number_format = "0;;0"  # no label at -1: the axis starts there only for room
    x_axis.tick_labels.number_format_is_linked = False
    x_axis.has_title = True
    x_axis.axis_title.text_frame.text = "Years of experience asked"
    set_font(x_axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    y_axis.minimum_scale, y_axis.maximum_scale, y_axis.major_unit = (
        0,
        nice(float(data["high_usd"].max()) * 1.15, 10_000, up=True),
        20_000,
    )
    y_axis.tick_labels.number_format = '"$"#,##0,"k"'
    y_axis.tick_labels.number_format_is_linked = False
    y_axis.major_gridlines.format.line.color.rgb = rgb(chart_style.LIGHT)
    year = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"].dropna()))
    y_axis.has_title = True
    y_axis.axis_title.text_frame.text = f"Annual pay, USD as written ({year or 'undated'})"
    set_font(y_axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    x_axis.has_major_gridlines = False
    for axis in (x_axis, y_axis):
        axis_font(axis)
    set_legend(chart, hidden=range(n, 2 * n + 1))
    return frame


def _average_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    """The official percentiles by May year as lines (the book fills the bands between them), and the
    undated average as one value across every year (it cannot be placed in time)."""
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    occupation = occupation_of(str(rows["soc_code"].iloc[0]))
    chart_data = CategoryChartData(number_format="#,##0")
    chart_data.categories = [str(int(y)) for y in rows["year"]]
    lines = [
        ("p90_annual_usd", "BLS 90th percentile", MID_GREY, 2.0, True),
        ("p75_annual_usd", "BLS 75th percentile", chart_style.GREY, 2.0, False),
        ("median_annual_usd", f"BLS median, {occupation}", "#000000", 3.5, False),
        ("p25_annual_usd", "BLS 25th percentile", chart_style.GREY, 2.0, False),
        ("p10_annual_usd", "BLS 10th percentile", MID_GREY, 2.0, True),
    ]
    for column, name, _c, _w, _d in lines:
        chart_data.add_series(name, [float(v) for v in rows[column]])
    chart_data.add_series(str(mine["label"]), [float(mine["value_usd"])] * len(rows))
    frame = add_chart(slide, XL_CHART_TYPE.LINE_MARKERS, chart_data)
    chart = frame.chart
    style_chart(chart)
    plot = chart.plots[0]
    for series, (_col, _name, colour, width, dash) in zip(plot.series, lines, strict=False):
        series.smooth = False
        series_line(series, colour, width, dash=dash)
        set_marker(series, XL_MARKER_STYLE.CIRCLE if _col == "median_annual_usd" else XL_MARKER_STYLE.NONE, colour, 9)
    average = plot.series[len(lines)]
    average.smooth = False
    series_line(average, chart_style.OKABE_ITO[5], 3.5, dash=True)
    set_marker(average, XL_MARKER_STYLE.NONE)
    low = nice(min(float(rows["p10_annual_usd"].min()), float(mine["value_usd"])), 10_000, up=False)
    _years_by_dollars(chart, low, float(rows["p90_annual_usd"].max()), "Annual wage, dollars of each year")
    return frame


def _over_time_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    """Each occupation's median by May year, in base-year dollars (solid) and as published (dashed)."""
    base = int(data["adj_year"].iloc[0])
    groups = list(data.groupby("soc_code", sort=False))
    chart_data = CategoryChartData(number_format="#,##0")
    chart_data.categories = [str(int(y)) for y in groups[0][1]["year"]]
    drawn = []
    for colour, (soc, rows) in zip(benchmark_charts.LINE_COLOURS, groups, strict=False):
        name = occupation_of(str(soc), qualified=False)
        chart_data.add_series(f"{name}, in {base} dollars", [float(v) for v in rows["median_adj_usd"]])
        chart_data.add_series(f"{name}, as published", [float(v) for v in rows["median_annual_usd"]])
        drawn += [(colour, 3.5, False), (colour, 2.0, True)]
    frame = add_chart(slide, XL_CHART_TYPE.LINE_MARKERS, chart_data)
    chart = frame.chart
    style_chart(chart)
    for series, (colour, width, dash) in zip(chart.plots[0].series, drawn, strict=True):
        series.smooth = False
        series_line(series, colour, width, dash=dash)
        set_marker(series, XL_MARKER_STYLE.CIRCLE, colour, 8)
    top = float(data[["median_adj_usd", "median_annual_usd"]].max().max())
    _years_by_dollars(chart, 0, top, "Median annual wage")  # from zero, as the book draws it
    return frame


def _years_by_dollars(graph: PptxChart, low: float, high: float, value_title: str) -> None:
    """The axes of a wage by May year: dollars from ``low`` to ``high`` (rounded up to the next
    10,000) with light grid lines, both axes titled in the deck's font; the legend on the right."""
    categories, values = graph.category_axis, graph.value_axis
    values.minimum_scale = low
    values.maximum_scale = nice(high, 10_000, up=True)
    values.major_unit = 10_000
    values.tick_labels.number_format = '"$"#,##0'
    values.tick_labels.number_format_is_linked = False
    values.major_gridlines.format.line.color.rgb = rgb(chart_style.LIGHT)
    for axis, title in ((values, value_title), (categories, "May of year (BLS OEWS)")):
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        set_font(axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
        axis_font(axis)
    set_legend(graph)
    graph.legend.position = XL_LEGEND_POSITION.RIGHT


def add_picture(slide: Slide, name: str, data: pd.DataFrame) -> Picture:
    """The chart as drawn for a slide, at the chart area's size with every text at least 14 pt, 300 dpi
    (the slide itself carries its title, takeaway and sources)."""
    fig = figures.draw(name, data, wide=True)
    buffer = io.BytesIO()
    width_in, height_in = chart_style.slide_png(
        fig, buffer, None, CHART_WIDTH, CHART_HEIGHT, dpi=PICTURE_DPI, min_pt=MIN_PT
    )
    buffer.seek(0)
    return slide.shapes.add_picture(buffer, Inches(MARGIN), Inches(CHART_TOP), Inches(width_in), Inches(height_in))


#: How each chart becomes a slide. A native chart wherever the chart maps onto a PowerPoint chart type.
NATIVE: dict[str, Callable[[Slide, pd.DataFrame], GraphicFrame]] = {
    "fig-summary-pay": _headline_slide,
    "fig-pay-ranges": _ranges_slide,
    "fig-pay-adjusted": _adjusted_slide,
    "fig-pay-benchmark": _benchmark_slide,
    "fig-pay-over-time": _over_time_slide,
    "fig-ladder-tiers": _ladder_slide,
    "fig-ladder-experience-pay": _experience_slide,
    "fig-benefits-matrix": matrix_slide,
    "fig-challenges-matrix": matrix_slide,
    "fig-conditions-matrix": matrix_slide,
    "fig-metrics-matrix": matrix_slide,
    "fig-agreement-average": _average_slide,
}
#: Charts placed as pictures, and why no native chart type carries them.
PICTURES: dict[str, str] = {
    "fig-challenges-turnover": (
        "each row carries a written caveat beneath its range, one range runs on past its "
        "top as an open-ended arrow, and the last row is a sentence with no number: the "
        "chart is mostly annotation, which a native chart would drop or misplace"
    ),
}
