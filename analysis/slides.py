"""The slide deck: the report's key figures as slides an HR reader can present as they are.

``python -m analysis.slides`` (or ``make slides``) writes ``_build/slides/call-center-careers.pptx``
(16:9, 13.333 x 7.5 in) and a copy for the book's downloads. The deck is

- a title slide (title, version, date and licence from ``CITATION.cff`` and :data:`report.LICENCE`),
- the executive summary as one slide (:func:`analysis.summary.key_points`: no number typed here),
- one slide per chart of :func:`analysis.figures.registry`, in the book's order and numbering,
- a closing slide on the sources and the method.

Every chart whose kind maps onto a PowerPoint chart is a native chart, its values embedded (a
presenter can restyle or edit it) and taken from the chart's ``data()`` table, the values the book
draws; the others are 300-dpi pictures, with the reason beside them in :data:`PICTURES`. Each
figure slide has a footer with the short citation, the chart's sources and the licence, and its
notes hold the full citation, the caption and the verbatim quotes behind the numbers. Every chart
and picture carries the chart's alt text (``descr`` of its ``p:cNvPr``, which PowerPoint reads).

The deck is byte-stable: every date in it is the report's release date (:func:`export.stable_zip`,
which also stabilises the workbooks embedded in the charts).
"""

from __future__ import annotations

import argparse
import io
import math
import shutil
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, cast

import pandas as pd
from lxml import etree
from matplotlib.figure import Figure
from pptx import Presentation
from pptx.chart.axis import CategoryAxis, DateAxis, ValueAxis
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.chart.series import LineSeries, XySeries
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.picture import Picture
from pptx.slide import Slide
from pptx.text.text import Font
from pptx.util import Inches, Pt

from analysis import charts, export, external, figures, inflation, paths, pay, report, summary

DECK: Path = paths.BUILD / "slides" / "call-center-careers.pptx"
DOWNLOAD: Path = paths.DOWNLOADS / "call-center-careers-slides.pptx"

SLIDE_WIDTH = Inches(13.333)
SLIDE_HEIGHT = Inches(7.5)
#: Liberation Sans: on Debian (fonts-liberation, which LibreOffice pulls in) and metric-compatible with
#: Arial, the font every office machine has; its PANOSE number is Arial's, so PowerPoint substitutes
#: Arial where Liberation Sans is missing and every line still breaks where it did here.
FONT = "Liberation Sans"
FONT_PANOSE = "020B0604020202020204"
#: No text on a slide is smaller than this (points at slide size).
MIN_PT = 14
BLACK = RGBColor.from_string("000000")
GREY = RGBColor.from_string(charts.GREY.lstrip("#"))
MID_GREY = "#A6A6A6"
PICTURE_DPI = 300

# Where things go on a figure slide (inches).
MARGIN = 0.5
TITLE_TOP, TITLE_HEIGHT = 0.3, 0.8
CHART_TOP, CHART_HEIGHT = 1.05, 5.55
FOOTER_TOP, FOOTER_HEIGHT = 6.65, 0.75
CHART_WIDTH = 13.333 - 2 * MARGIN


#: A series drawn as a line or as markers (a line chart's or an XY scatter's).
_LinedSeries = LineSeries | XySeries
#: A chart's axis: ``category_axis`` is a category or date axis, or a value axis in an XY chart.
_Axis = CategoryAxis | DateAxis | ValueAxis


class RunStyle(TypedDict, total=False):
    """How a run of text differs from its box's default: bold, colour, size (points)."""

    bold: bool
    colour: RGBColor
    size: float


#: A paragraph of a text box: its runs of text, each with its style.
Paragraph = list[tuple[str, RunStyle]]


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


# --- text ----------------------------------------------------------------------------------------


def _font(run_font: Font, size: float, bold: bool = False, colour: RGBColor = BLACK) -> None:
    run_font.name = FONT
    run_font.size = Pt(size)
    run_font.bold = bold
    run_font.color.rgb = colour
    latin = run_font._rPr.find(qn("a:latin"))  # python-pptx sets the name; the PANOSE guides substitution
    if latin is not None:
        latin.set("panose", FONT_PANOSE)
        latin.set("pitchFamily", "34")
        latin.set("charset", "0")


def text_box(
    slide: Slide,
    left: float,
    top: float,
    width: float,
    height: float,
    paragraphs: Iterable[Paragraph],
    size: float = 18,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    space_after: float = 0,
    name: str | None = None,
) -> Shape:
    """A text box of paragraphs, each a list of (text, {"bold": .., "colour": .., "size": ..}) runs."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for margin in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, margin, Inches(0.05))
    for i, runs in enumerate(paragraphs):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.space_after = Pt(space_after)
        for text, style in runs:
            run = para.add_run()
            run.text = text
            _font(run.font, style.get("size", size), style.get("bold", False), style.get("colour", BLACK))
        # The paragraph's end mark has a size too: an empty or last line must not fall back to 18 pt defaults.
        end = para._p.get_or_add_endParaRPr()
        end.set("sz", str(int(size * 100)))
    return box


def _title(slide: Slide, text: str) -> None:
    text_box(
        slide,
        MARGIN,
        TITLE_TOP,
        CHART_WIDTH,
        TITLE_HEIGHT,
        [[(text, {"bold": True})]],
        size=28,
        anchor=MSO_ANCHOR.MIDDLE,
        name="Title",
    )


def set_alt_text(shape: BaseShape, text: str) -> None:
    """Alt text for a chart or picture: ``descr`` of the shape's ``p:cNvPr`` (no public API)."""
    c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
    c_nv_pr.set("descr", text)


def _notes(slide: Slide, paragraphs: list[str]) -> None:
    frame = slide.notes_slide.notes_text_frame
    if frame is None:  # the default template's notes master has a notes placeholder
        raise RuntimeError("the notes slide has no notes placeholder to write the notes in")
    for i, text in enumerate(paragraphs):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = text
        _font(run.font, MIN_PT)


# --- native charts: shared formatting ------------------------------------------------------------

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _style_chart(chart: PptxChart) -> None:
    chart.font.name = FONT
    chart.font.size = Pt(MIN_PT)
    chart.font.color.rgb = BLACK
    chart.has_title = False


def _legend(chart: PptxChart, hidden: Iterable[int] = (), box: tuple[float, float, float, float] | None = None) -> None:
    """A legend under the plot (or in ``box``: x, y, width, height as fractions of the chart, over an
    empty part of the plot), without the entries of series that only carry text or offsets."""
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(MIN_PT)
    chart.legend.font.name = FONT
    legend = chart.legend._element
    anchor = legend.find(qn("c:legendPos"))
    for idx in sorted(hidden, reverse=True):
        entry = etree.SubElement(legend, qn("c:legendEntry"))
        etree.SubElement(entry, qn("c:idx")).set("val", str(idx))
        etree.SubElement(entry, qn("c:delete")).set("val", "1")
        anchor.addnext(entry)
    if box is not None:
        chart.legend.include_in_layout = True
        layout = legend.find(qn("c:layout"))
        if layout is None:
            layout = etree.Element(qn("c:layout"))
            legend.find(qn("c:overlay")).addprevious(layout)
        manual = etree.SubElement(layout, qn("c:manualLayout"))
        for tag, value in (
            ("xMode", "edge"),
            ("yMode", "edge"),
            ("x", box[0]),
            ("y", box[1]),
            ("w", box[2]),
            ("h", box[3]),
        ):
            etree.SubElement(manual, qn(f"c:{tag}")).set("val", str(value))


def _series_line(
    series: _LinedSeries, colour: str | None, width: float, dash: bool = False, arrow: bool = False
) -> None:
    line = series.format.line
    if colour is None:
        line.fill.background()
        return
    line.color.rgb = rgb(colour)
    line.width = Pt(width)
    if dash:
        line.dash_style = MSO_LINE_DASH_STYLE.DASH
    ln = series.format.line._get_or_add_ln()
    ln.set("cap", "flat")
    if arrow:  # a floor: the line ends in an arrowhead ("or more")
        etree.SubElement(ln, qn("a:tailEnd")).attrib.update({"type": "triangle", "w": "med", "len": "med"})


def _marker(series: _LinedSeries, style: XL_MARKER_STYLE, colour: str | None = None, size: int = 10) -> None:
    series.marker.style = style
    if style == XL_MARKER_STYLE.NONE or colour is None:
        return
    series.marker.size = size
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = rgb(colour)
    series.marker.format.line.color.rgb = rgb(colour)


def _label_points(series: XySeries, labels: list[tuple[int, str, XL_LABEL_POSITION, bool]]) -> None:
    """Write text (custom data labels) at given points of a series of text: (point, text, where, bold)."""
    for index, text, position, bold in labels:
        label = series.points[index].data_label
        frame = label.text_frame
        lines = text.split("\n")
        for i, line in enumerate(lines):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = line
            _font(run.font, MIN_PT, bold=bold)
        label.position = position
        body = frame._txBody.find(qn("a:bodyPr"))
        body.set("wrap", "none")  # one label, one line (or the lines given): never re-wrapped into a column


def _axis_font(axis: _Axis) -> None:
    axis.tick_labels.font.size = Pt(MIN_PT)
    axis.tick_labels.font.name = FONT


def _hide_axis(axis: _Axis) -> None:
    axis.visible = False
    axis.has_major_gridlines = False
    axis.has_minor_gridlines = False


def _add_chart(slide: Slide, kind: XL_CHART_TYPE, data: CategoryChartData | XyChartData) -> GraphicFrame:
    """A native chart filling a figure slide's chart area: the graphic frame that holds it."""
    # python-pptx's annotations of add_chart are narrower than what it does: it takes any chart data
    # (they name ChartData, a subclass of CategoryChartData only) and it returns the graphic frame
    # (they say the Chart in it), as its documentation says.
    frame = slide.shapes.add_chart(
        kind,
        Inches(MARGIN),
        Inches(CHART_TOP),
        Inches(CHART_WIDTH),
        Inches(CHART_HEIGHT),
        data,  # type: ignore[arg-type]
    )
    return cast(GraphicFrame, frame)


def _nice(value: float, step: float, up: bool) -> float:
    return (math.ceil if up else math.floor)(value / step) * step


# --- rows of ranges and points (the pay charts): an XY scatter ------------------------------------


@dataclass(frozen=True)
class Style:
    """How one series of a row chart is drawn: a range (a thick line between two points), a point
    (a marker), a floor (a line from the figure, ending in an arrowhead) or a tick (an upright line).

    Marks of one row should not overlap: LibreOffice draws an XY chart's first series on top,
    PowerPoint its last."""

    name: str
    colour: str
    kind: str  # "range", "point", "floor" or "tick" (a short upright line across the row)
    width: float = 9.0
    marker: XL_MARKER_STYLE = XL_MARKER_STYLE.CIRCLE


@dataclass(frozen=True)
class Mark:
    style: str
    low: float
    high: float | None = None
    dy: float = 0.0


@dataclass
class Row:
    label: str
    marks: list[Mark] = field(default_factory=list)
    bold: bool = False


#: How far a floor's arrow reaches past the figure: the book's charts draw the same (pay.FLOOR_ARROW_USD).
def _floor_reach() -> float:
    return float(pay.FLOOR_ARROW_USD)


def _pad(data: XyChartData) -> None:
    """Give every series as many points as the longest, with blanks at the end: LibreOffice drops an
    XY series that has fewer points than one after it."""
    longest = max(len(series) for series in data)
    for series in data:
        for _ in range(longest - len(series)):
            series.add_data_point(None, None)


def row_chart(
    slide: Slide,
    rows: list[Row],
    styles: dict[str, Style],
    axis_title: str,
    step: float = 10_000.0,
    legend_box: tuple[float, float, float, float] | None = None,
) -> GraphicFrame:
    """Rows top to bottom, each with its label above it at the left, drawn as one XY scatter: a series
    per style (a blank point between rows breaks its line), then a series of text (its data labels)."""
    data = XyChartData()
    used = [key for key in styles if any(m.style == key for r in rows for m in r.marks)]
    for key in used:
        style = styles[key]
        series = data.add_series(style.name)
        for i, row in enumerate(rows):
            for mark in (m for m in row.marks if m.style == key):
                y = -i - mark.dy
                if style.kind == "range":
                    series.add_data_point(mark.low, y)
                    series.add_data_point(mark.high, y)
                elif style.kind == "floor":
                    series.add_data_point(mark.low, y)
                    series.add_data_point(mark.low + _floor_reach(), y)
                elif style.kind == "tick":
                    series.add_data_point(mark.low, y - 0.4)
                    series.add_data_point(mark.low, y + 0.4)
                else:
                    series.add_data_point(mark.low, y)
                if style.kind != "point":
                    series.add_data_point(None, None)  # a gap: the next row's line starts afresh
    values = [v for r in rows for m in r.marks for v in (m.low, m.high) if v is not None]
    values += [m.low + _floor_reach() for r in rows for m in r.marks if styles[m.style].kind == "floor"]
    x_min, x_max = _nice(min(values), step, up=False), _nice(max(values), step, up=True)
    labels = data.add_series("labels")
    for i in range(len(rows)):
        labels.add_data_point(x_min, -i + 0.48)
    _pad(data)
    frame = _add_chart(slide, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, data)
    chart = frame.chart
    _style_chart(chart)
    plot = chart.plots[0]
    for series, key in zip(plot.series, used, strict=False):
        style = styles[key]
        series.smooth = False
        if style.kind == "point":
            _series_line(series, None, 0)
            _marker(series, style.marker, style.colour, 12)
        else:
            _series_line(series, style.colour, style.width, arrow=style.kind == "floor")
            _marker(series, XL_MARKER_STYLE.NONE)
    texts = plot.series[len(used)]
    _series_line(texts, None, 0)
    _marker(texts, XL_MARKER_STYLE.NONE)
    _label_points(texts, [(i, r.label, XL_LABEL_POSITION.RIGHT, r.bold) for i, r in enumerate(rows)])
    x_axis, y_axis = chart.category_axis, chart.value_axis
    x_axis.minimum_scale, x_axis.maximum_scale, x_axis.major_unit = x_min, x_max, step
    x_axis.tick_labels.number_format = '"$"#,##0,"k"'
    x_axis.tick_labels.number_format_is_linked = False
    x_axis.has_major_gridlines = True
    x_axis.major_gridlines.format.line.color.rgb = rgb(charts.LIGHT)
    x_axis.format.line.color.rgb = GREY
    x_axis.has_title = True
    x_axis.axis_title.text_frame.text = axis_title
    _font(x_axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    _axis_font(x_axis)
    y_axis.minimum_scale, y_axis.maximum_scale = -len(rows) + 0.6, 0.9
    y_axis.crosses = XL_AXIS_CROSSES.MINIMUM  # the dollar axis at the bottom
    _hide_axis(y_axis)
    _legend(chart, hidden=[len(used)], box=legend_box)
    return frame


def _ranges_rows(data: pd.DataFrame) -> tuple[list[Row], dict[str, Style]]:
    order = figures.sources_in(data)
    colour = charts.colours(order)
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
                    f"{report.short_ref(source)}: {words}", colour[source], kind, width=9 if kind == "range" else 3
                )
    for _, r in data.iterrows():
        year = f"{int(r['year'])}" if pd.notna(r["year"]) else "undated"
        high = float(r["high_usd"]) if pd.notna(r["high_usd"]) else None
        rows.append(
            Row(
                f"{pay.TIER_LABELS[int(r['tier_level'])]}: {r['role']} ({year})",
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
        "written": Style(f"range as written ({years} dollars)", charts.OKABE_ITO[4], "range", 12),
        "adjusted": Style(f"same range in {base} dollars", charts.OKABE_ITO[0], "range", 12),
        "median": Style(
            f"BLS median, nearest occupation (May {int(data['bls_year'].max())})",
            "#000000",
            "point",
            marker=XL_MARKER_STYLE.DIAMOND,
        ),
    }
    rows = [
        Row(
            f"{pay.TIER_LABELS[int(r['tier_level'])]}: {r['role']} (BLS: {r['occupation']})",
            [
                Mark("written", float(r["low_usd"]), float(r["high_usd"]), -0.15),
                Mark("adjusted", float(r["low_adj_usd"]), float(r["high_adj_usd"]), 0.15),
                Mark("median", float(r["bls_median_usd"])),
            ],
        )
        for _, r in data.iterrows()
    ]
    return row_chart(slide, rows, styles, "Annual pay, U.S. dollars", step=20_000.0)


def _benchmark_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    dollars = ", ".join(sorted(set(data.loc[data["row"] == "source", "dollars"]) - {"as written"}))
    styles = {
        "outer": Style("BLS 10th–25th and 75th–90th percentiles", charts.LIGHT, "range", 11),
        "inner": Style("BLS 25th–75th percentile", MID_GREY, "range", 11),
        "median": Style("BLS median", "#000000", "tick", 3),
        "dated:range": Style(f"source, dated, in {dollars}", charts.OKABE_ITO[0], "range", 7),
        "undated:range": Style("source, undated, as written: range", charts.OKABE_ITO[5], "range", 7),
        "undated:average": Style("source, undated: average", charts.OKABE_ITO[5], "point"),
        "undated:threshold": Style("source, undated: threshold (“upwards of”)", charts.OKABE_ITO[5], "floor", 3),
        "dated:average": Style("source, dated: average", charts.OKABE_ITO[0], "point"),
        "dated:threshold": Style("source, dated: threshold", charts.OKABE_ITO[0], "floor", 3),
    }
    styles["median"] = styles.pop("median")  # drawn last: over the band in PowerPoint
    rows = []
    for _, r in data.iterrows():
        if r["row"] == "official":
            rows.append(
                Row(
                    f"BLS {r['soc_code']} {r['label']} (May {int(r['year'])})",
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
        which = "undated" if r["dollars"] == "as written" else "dated"
        year = f"{int(r['year'])}" if pd.notna(r["year"]) else "undated"
        high = float(r["high_usd"]) if pd.notna(r["high_usd"]) else None
        rows.append(Row(f"{r['label']} ({year})", [Mark(f"{which}:{r['statistic']}", float(r["low_usd"]), high)]))
    return row_chart(
        slide,
        rows,
        styles,
        f"Annual pay, U.S. dollars (dated source figures in {dollars})",
        step=20_000.0,
        legend_box=(0.6, 0.0, 0.4, 0.42),
    )


# --- floating bars: an invisible first series ------------------------------------------------------


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
    frame = _add_chart(slide, XL_CHART_TYPE.BAR_STACKED, chart_data)
    chart = frame.chart
    _style_chart(chart)
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.overlap = 100
    offset, *visible = plot.series
    offset.format.fill.background()
    offset.format.line.fill.background()
    for series, colour in zip(visible, (charts.OKABE_ITO[4], charts.OKABE_ITO[0]), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = rgb(colour)
    categories, values = chart.category_axis, chart.value_axis
    _axis_font(categories)
    top = max(float(data["high_adj_usd"].max()), float(data["high_usd"].max()))
    values.minimum_scale, values.maximum_scale, values.major_unit = 0, _nice(top, 20_000, up=True), 20_000
    values.tick_labels.number_format = '"$"#,##0,"k"'
    values.tick_labels.number_format_is_linked = False
    values.major_gridlines.format.line.color.rgb = rgb(charts.LIGHT)
    _axis_font(values)
    # No legend: every bar's category says which dollars it is in (LibreOffice lists a bar chart's
    # legend bottom up, so the invisible series' entry cannot be hidden the same way everywhere).
    chart.has_legend = False
    return frame


# --- dot matrices: an XY scatter of dots -----------------------------------------------------------


def _text_inches(text: str, size: float = MIN_PT) -> float:
    """A generous estimate of a line's width in Liberation Sans (about 0.55 em a character)."""
    return max(len(line) for line in text.split("\n")) * 0.55 * size / 72


def matrix_slide(slide: Slide, data: pd.DataFrame, notes_at_right: dict[str, str] | None = None) -> GraphicFrame:
    """A dot matrix as an XY scatter, as the book draws it: a dot of one size for each (row, source)
    the records name, with the number of records written inside, and a small grey dot where there
    are none; the row labels at the left and the sources' names above the columns are the text of an
    invisible series of text. (A bubble chart would scale dots by count, but LibreOffice ignores a
    bubble chart's scale, so its bubbles overlap the rows.)"""
    from analysis import matrices

    counts = matrices.counts_of(data)
    rows, columns = list(counts.index), list(counts.columns)
    heads = [textwrap.fill(report.short_ref(str(s)), 16, break_long_words=False) for s in columns]
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
    _pad(chart_data)
    frame = _add_chart(slide, XL_CHART_TYPE.XY_SCATTER, chart_data)
    chart = frame.chart
    _style_chart(chart)
    chart.has_legend = False
    named_series, none_series, text_series = chart.plots[0].series
    head_lines = max(h.count("\n") + 1 for h in heads)
    row_pt = (CHART_HEIGHT - 0.3 - 0.25 * head_lines) * 72 / (len(rows) + 0.5)
    for series, colour, size in (
        (named_series, charts.OKABE_ITO[0], int(min(30, row_pt * 0.8))),
        (none_series, charts.LIGHT, 9),
        (text_series, None, 0),
    ):
        _series_line(series, None, 0)
        if colour is None:
            _marker(series, XL_MARKER_STYLE.NONE)
        else:
            _marker(series, XL_MARKER_STYLE.CIRCLE, colour, size)
    for k, n in enumerate(named_counts):
        label = named_series.points[k].data_label
        run = label.text_frame.paragraphs[0].add_run()
        run.text = str(n)
        _font(run.font, MIN_PT, bold=True, colour=RGBColor.from_string("FFFFFF"))
        label.position = XL_LABEL_POSITION.CENTER
    _label_points(text_series, [(k, text, where, False) for k, (text, where) in enumerate(points)])
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
        _hide_axis(axis)
    return frame


def _ladder_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    unpriced = {str(label): "no pay figure" for label in data.loc[~data["priced"].astype(bool), "label"]}
    return matrix_slide(slide, data, unpriced)


# --- experience against pay: an XY scatter ---------------------------------------------------------


def _experience_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    """Years asked (x) against the pay range (y): a vertical line per role from low to high pay, a dot at
    the midpoint, a thin bar across a range of years; colour is the rung."""
    from analysis import ladder

    tiers = [t for t in ladder.LADDER if t in set(data["tier"])]
    colour = charts.colours(tiers)
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
    for k, (_, r) in enumerate(data.iterrows()):
        side = ladder.LABEL_SIDES.get(str(r["role"]), "right")
        right = float(r["years_max"]) if pd.notna(r["years_max"]) else float(r["years_mid"])
        x, y = {
            "right": (right, r["mid_usd"]),
            "left": (r["years_min"], r["mid_usd"]),
            "above": (r["years_mid"], r["high_usd"]),
            "below": (r["years_mid"], r["low_usd"]),
        }[side]
        texts.add_data_point(float(x), float(y))
        text = f"{textwrap.fill(str(r['role']), 26)}\n({ladder._years_text(r['years_min'], r['years_max'])})"
        labels.append((k, text, positions[side], False))
    frame = _add_chart(slide, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, chart_data)
    chart = frame.chart
    _style_chart(chart)
    plot = chart.plots[0]
    n = len(tiers)
    for series, tier in zip(list(plot.series)[:n], tiers, strict=True):
        series.smooth = False
        _series_line(series, colour[tier], 4)
        _marker(series, XL_MARKER_STYLE.NONE)
    for series, tier in zip(list(plot.series)[n : 2 * n], tiers, strict=True):
        _series_line(series, None, 0)
        _marker(series, XL_MARKER_STYLE.CIRCLE, colour[tier], 12)
    text_series = plot.series[2 * n]
    _series_line(text_series, None, 0)
    _marker(text_series, XL_MARKER_STYLE.NONE)
    _label_points(text_series, labels)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    years_top = float(data["years_max"].fillna(data["years_min"]).max())
    x_axis.minimum_scale, x_axis.maximum_scale, x_axis.major_unit = -1, math.ceil(years_top + 4), 1
    x_axis.tick_labels.number_format = "0;;0"  # no label at -1: the axis starts there only for room
    x_axis.tick_labels.number_format_is_linked = False
    x_axis.has_title = True
    x_axis.axis_title.text_frame.text = "Years of experience asked"
    _font(x_axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    y_axis.minimum_scale, y_axis.maximum_scale, y_axis.major_unit = (
        0,
        _nice(float(data["high_usd"].max()) * 1.15, 10_000, up=True),
        20_000,
    )
    y_axis.tick_labels.number_format = '"$"#,##0,"k"'
    y_axis.tick_labels.number_format_is_linked = False
    y_axis.major_gridlines.format.line.color.rgb = rgb(charts.LIGHT)
    year = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"].dropna()))
    y_axis.has_title = True
    y_axis.axis_title.text_frame.text = f"Annual pay, USD as written ({year or 'undated'})"
    _font(y_axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    x_axis.has_major_gridlines = False
    for axis in (x_axis, y_axis):
        _axis_font(axis)
    _legend(chart, hidden=range(n, 2 * n + 1))
    return frame


# --- the official distribution by year: a line chart ------------------------------------------------


def _average_slide(slide: Slide, data: pd.DataFrame) -> GraphicFrame:
    """The official percentiles by May year as lines (the book fills the bands between them), and the
    undated average as one value across every year (it cannot be placed in time)."""
    rows = data[data["row"] == "official"]
    mine = data[data["row"] == "source"].iloc[0]
    chart_data = CategoryChartData(number_format="#,##0")
    chart_data.categories = [str(int(y)) for y in rows["year"]]
    lines = [
        ("p90_annual_usd", "BLS 90th percentile", MID_GREY, 2.0, True),
        ("p75_annual_usd", "BLS 75th percentile", charts.GREY, 2.0, False),
        ("median_annual_usd", "BLS median", "#000000", 3.5, False),
        ("p25_annual_usd", "BLS 25th percentile", charts.GREY, 2.0, False),
        ("p10_annual_usd", "BLS 10th percentile", MID_GREY, 2.0, True),
    ]
    for column, name, _c, _w, _d in lines:
        chart_data.add_series(name, [float(v) for v in rows[column]])
    chart_data.add_series(str(mine["label"]), [float(mine["value_usd"])] * len(rows))
    frame = _add_chart(slide, XL_CHART_TYPE.LINE_MARKERS, chart_data)
    chart = frame.chart
    _style_chart(chart)
    plot = chart.plots[0]
    for series, (_col, _name, colour, width, dash) in zip(plot.series, lines, strict=False):
        series.smooth = False
        _series_line(series, colour, width, dash=dash)
        _marker(series, XL_MARKER_STYLE.CIRCLE if _name == "BLS median" else XL_MARKER_STYLE.NONE, colour, 9)
    average = plot.series[len(lines)]
    average.smooth = False
    _series_line(average, charts.OKABE_ITO[5], 3.5, dash=True)
    _marker(average, XL_MARKER_STYLE.NONE)
    categories, values = chart.category_axis, chart.value_axis
    values.minimum_scale = _nice(min(float(rows["p10_annual_usd"].min()), float(mine["value_usd"])), 10_000, up=False)
    values.maximum_scale = _nice(float(rows["p90_annual_usd"].max()), 10_000, up=True)
    values.major_unit = 10_000
    values.tick_labels.number_format = '"$"#,##0'
    values.tick_labels.number_format_is_linked = False
    values.major_gridlines.format.line.color.rgb = rgb(charts.LIGHT)
    values.has_title = True
    values.axis_title.text_frame.text = "Annual wage, dollars of each year"
    _font(values.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    categories.has_title = True
    categories.axis_title.text_frame.text = "May of year (BLS OEWS)"
    _font(categories.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    for axis in (categories, values):
        _axis_font(axis)
    _legend(chart)
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    return frame


# --- pictures --------------------------------------------------------------------------------------


def _picture(slide: Slide, name: str, data: pd.DataFrame) -> Picture:
    """The chart as drawn for the book, at the chart area's size with every text at least 14 pt, 300 dpi."""
    fig = _draw(name, data)
    buffer = io.BytesIO()
    width_in, height_in = charts.slide_png(fig, buffer, CHART_WIDTH, CHART_HEIGHT, dpi=PICTURE_DPI, min_pt=MIN_PT)
    buffer.seek(0)
    return slide.shapes.add_picture(buffer, Inches(MARGIN), Inches(CHART_TOP), Inches(width_in), Inches(height_in))


def _draw(name: str, data: pd.DataFrame) -> Figure:
    charts.apply_style()
    return figures.registry()[name].draw(data)


#: How each chart becomes a slide. A native chart wherever the chart maps onto a PowerPoint chart type.
NATIVE: dict[str, Callable[[Slide, pd.DataFrame], GraphicFrame]] = {
    "fig-summary-pay": _headline_slide,
    "fig-pay-ranges": _ranges_slide,
    "fig-pay-adjusted": _adjusted_slide,
    "fig-pay-benchmark": _benchmark_slide,
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


# --- the slides ------------------------------------------------------------------------------------


def title_slide(prs: PptxPresentation) -> None:
    rel = report.release()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    text_box(
        slide, 1.0, 2.0, 11.333, 1.4, [[(rel.title, {"bold": True})]], size=44, anchor=MSO_ANCHOR.BOTTOM, name="Title"
    )
    text_box(
        slide,
        1.0,
        3.55,
        11.333,
        1.2,
        [
            [
                (
                    "What five public career articles say about pay, the career ladder, benefits and challenges, "
                    "checked against official U.S. statistics",
                    {},
                )
            ]
        ],
        size=22,
        name="Subtitle",
    )
    text_box(
        slide,
        1.0,
        5.3,
        11.333,
        1.3,
        [
            [(f"Version {rel.version}, released {rel.date}", {"colour": GREY})],
            [(f"Licence: {report.LICENCE} ({report.LICENCE_URL}); quotations remain their authors'", {"colour": GREY})],
            [(rel.url, {"colour": GREY})],
        ],
        size=18,
        space_after=4,
        name="Release",
    )


#: The summary's largest type size; smaller (never below MIN_PT) when its points would not fit.
SUMMARY_PT = 19.0


def fitting_size(texts: list[str], width: float, height: float, space_after: float, largest: float) -> float:
    """The largest type size (points, down to :data:`MIN_PT`) at which the paragraphs, wrapped at an
    estimated half an em a character and set 1.2 times their size apart, fit ``height`` inches."""
    size = largest
    while size > MIN_PT:
        per_line = max(1, int(width * 72 / (0.5 * size)))
        lines = sum(len(textwrap.wrap(t, per_line)) or 1 for t in texts)
        if lines * 1.2 * size + space_after * len(texts) <= height * 72:
            break
        size -= 1
    return max(size, MIN_PT)


def summary_slide(prs: PptxPresentation, points: list[str]) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, "Executive summary")
    paragraphs: list[Paragraph] = []
    for point in points:
        head, _, rest = point.partition(": ")
        paragraphs.append([(f"{head}: ", {"bold": True}), (rest, {})] if rest else [(point, {})])
    size = fitting_size(points, CHART_WIDTH - 0.1, 5.6, 12, SUMMARY_PT)
    text_box(slide, MARGIN, CHART_TOP + 0.1, CHART_WIDTH, 5.6, paragraphs, size=size, space_after=12, name="Summary")
    _notes(
        slide,
        [
            "Every sentence on this slide is written by code from the report's tables "
            "(analysis.summary); the figures behind each are on the slides that follow.",
            report.page_url("index"),
        ],
    )


def quotes_behind(data: pd.DataFrame, tables: dict[tuple[str, str], str]) -> list[tuple[str, str, str]]:
    """The (source_id, record_id, quote) of every evidence record a chart's data names, in data order."""
    found: dict[tuple[str, str], str] = {}
    for _, row in data.iterrows():
        owners = [str(row["source_id"])] if pd.notna(row.get("source_id")) else []
        if pd.notna(row.get("claimed_by")):
            owners += str(row["claimed_by"]).split(";")
        ids: list[str] = []
        for column in ("record_id", "requirement_id", "salary_id"):
            if column in row and pd.notna(row[column]):
                ids.append(str(row[column]))
        if "record_ids" in row and pd.notna(row["record_ids"]):
            ids += [i for i in str(row["record_ids"]).split(";") if i]
        for record_id in ids:
            for owner in owners:
                if (owner, record_id) in tables:
                    found.setdefault((owner, record_id), tables[(owner, record_id)])
    return [(s, r, q) for (s, r), q in found.items()]


def evidence_quotes() -> dict[tuple[str, str], str]:
    """Every record's verbatim quote, by (source_id, record_id), from the processed tables."""
    from analysis import evidence

    out: dict[tuple[str, str], str] = {}
    for name in evidence.TABLES.values():
        table = evidence.load_table(name)
        for s, r, q in zip(table["source_id"], table["record_id"], table["quote"], strict=True):
            out[(str(s), str(r))] = str(q)
    return out


def footer_text(name: str, data: pd.DataFrame) -> str:
    """The footer of a figure slide: short citation (with the licence), then the chart's sources."""
    chart = figures.registry()[name]
    refs = [report.short_ref(key) for key in dict.fromkeys(chart.references(data))]
    return f"{report.short_figure_citation(figures.number(name))} Sources: {'; '.join([*refs, *chart.notes(data)])}."


def figure_slide(prs: PptxPresentation, name: str, quotes: dict[tuple[str, str], str]) -> None:
    chart = figures.registry()[name]
    data = chart.data()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, f"Figure {figures.number(name)}: {chart.title}")
    shape: BaseShape
    if name in NATIVE:
        shape = NATIVE[name](slide, data)
    elif name in PICTURES:
        shape = _picture(slide, name, data)
    else:
        raise KeyError(f"{name}: no slide builder (add it to NATIVE or PICTURES)")
    shape.name = f"Chart {name}"
    set_alt_text(shape, chart.alt(data))
    text_box(
        slide,
        MARGIN,
        FOOTER_TOP,
        CHART_WIDTH,
        FOOTER_HEIGHT,
        [[(footer_text(name, data), {"colour": GREY})]],
        size=MIN_PT,
        anchor=MSO_ANCHOR.BOTTOM,
        name="Footer",
    )
    notes = [
        f"Cite as: {figures.citation_text(name)}",
        f"Caption: {chart.caption(data)}",
        "The words behind the numbers:",
    ]
    for source_id, record_id, quote in quotes_behind(data, quotes):
        notes.append(f"“{quote}” ({report.short_ref(source_id)}; record {report.record_label(source_id, record_id)})")
    if name in PICTURES:
        notes.append(f"This chart is a picture ({PICTURES[name]}); its data: {report.page_url('data')}")
    _notes(slide, notes)


def sources_slide(prs: PptxPresentation) -> None:
    from analysis import sources

    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, "Sources and method")
    left: list[Paragraph] = [[("Five public career articles", {"bold": True})]]
    for meta in sources.read_manifest():
        left.append([(f"{report.short_ref(meta.source_id)}: ", {"bold": True}), (meta.title, {})])
    oews_year = int(external.load_oews()["year"].max())
    left.append([("Official statistics", {"bold": True})])
    left.append(
        [
            (
                f"{external.REFERENCES['bls-oews']}: national wages by occupation, May {oews_year}; "
                f"{external.REFERENCES['bls-projections-2024']}: separations and entry requirements; "
                f"{external.REFERENCES['holman-2007-global-call-center']}: agent turnover.",
                {},
            )
        ]
    )
    right: list[Paragraph] = [
        [("Method", {"bold": True})],
        [(f"Inflation: {inflation.SERIES}, from the cpi package; dated figures in {inflation.BASE_YEAR} dollars.", {})],
        [
            (
                "Every figure and claim taken from the articles is a record carrying its source and a verbatim "
                "quote; code checks that the quote is in the source text and that the record's numbers are in "
                "the quote. The official figures come from the publishers' tables. The raw texts are checked by "
                "sha256 and never edited.",
                {},
            )
        ],
        [("The report counts how many articles mention something, never how common it is.", {})],
        [("Data and report", {"bold": True})],
        [(f"Data and downloads: {report.page_url('data')}", {})],
        [(f"The report: {report.page_url('index')}", {})],
    ]
    text_box(slide, MARGIN, CHART_TOP, 6.0, 6.0, left, size=15, space_after=5, name="Sources")
    text_box(slide, MARGIN + 6.3, CHART_TOP, CHART_WIDTH - 6.3, 6.0, right, size=15, space_after=5, name="Method")
    rel = report.release()
    _notes(
        slide,
        [
            f"Cite the report as: Call Center Careers ({rel.date[:4]}). {rel.title}, version {rel.version}. {rel.url}",
            f"Licence: {report.LICENCE} ({report.LICENCE_URL}); quotations remain their authors'.",
        ],
    )


def presentation() -> PptxPresentation:
    """The whole deck, in memory."""
    charts.apply_style()
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    rel = report.release()
    when = export.release_date()
    props = prs.core_properties
    props.title = rel.title
    props.author = props.last_modified_by = "Call Center Careers"
    props.subject = f"Slides of version {rel.version}"
    props.created = props.modified = when
    props.revision = 1
    title_slide(prs)
    summary_slide(prs, summary.key_points())
    quotes = evidence_quotes()
    for name in figures.registry():
        figure_slide(prs, name, quotes)
    sources_slide(prs)
    return prs


def build(out: Path = DECK) -> Path:
    """Write the deck (byte-stable); a failed build leaves no file that could pass for a new one."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        presentation().save(str(partial))
        export.stable_zip(partial, export.release_date())
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.slides", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DECK)
    parser.add_argument("--download", type=Path, default=DOWNLOAD, help="copy for the book's downloads")
    args = parser.parse_args(argv)
    deck = build(args.out)
    args.download.parent.mkdir(parents=True, exist_ok=True)
    partial = args.download.with_name(args.download.name + ".partial")
    shutil.copyfile(deck, partial)
    partial.replace(args.download)
    print(f"wrote {deck} and {args.download}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
