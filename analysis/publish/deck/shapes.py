"""The deck's formatting: slide size, fonts, text boxes, titles, notes, alt text, and the styling
shared by its native charts (axes, legends, series, the row chart of ranges and marks)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, TypedDict, cast

from lxml import etree
from pptx.chart.axis import CategoryAxis, DateAxis, ValueAxis
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.chart.series import LineSeries, XySeries
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.text.text import Font
from pptx.util import Inches, Pt
from xlsxwriter import Workbook
from xlsxwriter.worksheet import Worksheet

from analysis.publish import chart_style
from analysis.publish.charts import pay as pay_charts

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
GREY = RGBColor.from_string(chart_style.GREY.lstrip("#"))
MID_GREY = "#A6A6A6"
PICTURE_DPI = 300

# Where things go on a figure slide (inches).
MARGIN = 0.5
TITLE_TOP, TITLE_HEIGHT = 0.3, 0.8
CHART_TOP, CHART_HEIGHT = 1.05, 5.55
FOOTER_TOP, FOOTER_HEIGHT = 6.65, 0.75
CHART_WIDTH = 13.333 - 2 * MARGIN


#: A series drawn as a line or as markers (a line chart's or an XY scatter's).
LinedSeries = LineSeries | XySeries
#: A chart's axis: ``category_axis`` is a category or date axis, or a value axis in an XY chart.
AnyAxis = CategoryAxis | DateAxis | ValueAxis


class RunStyle(TypedDict, total=False):
    """How a run of text differs from its box's default: bold, colour, size (points)."""

    bold: bool
    colour: RGBColor
    size: float


#: A paragraph of a text box: its runs of text, each with its style.
Paragraph = list[tuple[str, RunStyle]]


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


def set_font(run_font: Font, size: float, bold: bool = False, colour: RGBColor = BLACK) -> None:
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
            set_font(run.font, style.get("size", size), style.get("bold", False), style.get("colour", BLACK))
        # The paragraph's end mark has a size too: an empty or last line must not fall back to 18 pt defaults.
        end = para._p.get_or_add_endParaRPr()
        end.set("sz", str(int(size * 100)))
    return box


def set_title(slide: Slide, text: str) -> None:
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


def set_notes(slide: Slide, paragraphs: list[str]) -> None:
    frame = slide.notes_slide.notes_text_frame
    if frame is None:  # the default template's notes master has a notes placeholder
        raise RuntimeError("the notes slide has no notes placeholder to write the notes in")
    for i, text in enumerate(paragraphs):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = text
        set_font(run.font, MIN_PT)


C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def style_chart(chart: PptxChart) -> None:
    chart.font.name = FONT
    chart.font.size = Pt(MIN_PT)
    chart.font.color.rgb = BLACK
    chart.has_title = False


def set_legend(
    chart: PptxChart, hidden: Iterable[int] = (), box: tuple[float, float, float, float] | None = None
) -> None:
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


def series_line(series: LinedSeries, colour: str | None, width: float, dash: bool = False, arrow: bool = False) -> None:
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


def set_marker(series: LinedSeries, style: XL_MARKER_STYLE, colour: str | None = None, size: int = 10) -> None:
    series.marker.style = style
    if style == XL_MARKER_STYLE.NONE or colour is None:
        return
    series.marker.size = size
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = rgb(colour)
    series.marker.format.line.color.rgb = rgb(colour)


def label_points(series: XySeries, labels: list[tuple[int, str, XL_LABEL_POSITION, bool]]) -> None:
    """Write text (custom data labels) at given points of a series of text: (point, text, where, bold)."""
    for index, text, position, bold in labels:
        label = series.points[index].data_label
        frame = label.text_frame
        lines = text.split("\n")
        for i, line in enumerate(lines):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = line
            set_font(run.font, MIN_PT, bold=bold)
        label.position = position
        body = frame._txBody.find(qn("a:bodyPr"))
        body.set("wrap", "none")  # one label, one line (or the lines given): never re-wrapped into a column


def axis_font(axis: AnyAxis) -> None:
    axis.tick_labels.font.size = Pt(MIN_PT)
    axis.tick_labels.font.name = FONT


def hide_axis(axis: AnyAxis) -> None:
    axis.visible = False
    axis.has_major_gridlines = False
    axis.has_minor_gridlines = False


def strings_stay_text(data: CategoryChartData | XyChartData) -> CategoryChartData | XyChartData:
    """Chart data whose embedded workbook holds every string as text. python-pptx writes a chart's
    data with xlsxwriter, which by default turns a string starting with "=" into a formula and
    one like an address into a link: a role named "=HYPERLINK(...)" would run in the workbook a
    reader opens from the slide. The writer's own options switch both off."""
    writer = data._workbook_writer  # python-pptx opens the workbook here; it has no option for it

    @contextmanager
    def open_worksheet(xlsx_file: IO[bytes]) -> Iterator[tuple[Workbook, Worksheet]]:
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = Workbook(xlsx_file, options)
        yield workbook, workbook.add_worksheet()
        workbook.close()

    writer._open_worksheet = open_worksheet
    return data


def add_chart(slide: Slide, kind: XL_CHART_TYPE, data: CategoryChartData | XyChartData) -> GraphicFrame:
    """A native chart filling a figure slide's chart area: the graphic frame that holds it. Its
    embedded workbook holds strings as text, never formulas (:func:`strings_stay_text`)."""
    # python-pptx's annotations of add_chart are narrower than what it does: it takes any chart data
    # (they name ChartData, a subclass of CategoryChartData only) and it returns the graphic frame
    # (they say the Chart in it), as its documentation says.
    frame = slide.shapes.add_chart(
        kind,
        Inches(MARGIN),
        Inches(CHART_TOP),
        Inches(CHART_WIDTH),
        Inches(CHART_HEIGHT),
        strings_stay_text(data),  # type: ignore[arg-type]
    )
    return cast(GraphicFrame, frame)


def nice(value: float, step: float, up: bool) -> float:
    return (math.ceil if up else math.floor)(value / step) * step


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


#: How far a floor's arrow reaches past the figure: the book's charts draw the same (pay_charts.FLOOR_ARROW_USD).
def _floor_reach() -> float:
    return float(pay_charts.FLOOR_ARROW_USD)


def pad_axis(data: XyChartData) -> None:
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
    x_min, x_max = nice(min(values), step, up=False), nice(max(values), step, up=True)
    labels = data.add_series("labels")
    for i in range(len(rows)):
        labels.add_data_point(x_min, -i + 0.48)
    pad_axis(data)
    frame = add_chart(slide, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, data)
    chart = frame.chart
    style_chart(chart)
    plot = chart.plots[0]
    for series, key in zip(plot.series, used, strict=False):
        style = styles[key]
        series.smooth = False
        if style.kind == "point":
            series_line(series, None, 0)
            set_marker(series, style.marker, style.colour, 12)
        else:
            series_line(series, style.colour, style.width, arrow=style.kind == "floor")
            set_marker(series, XL_MARKER_STYLE.NONE)
    texts = plot.series[len(used)]
    series_line(texts, None, 0)
    set_marker(texts, XL_MARKER_STYLE.NONE)
    label_points(texts, [(i, r.label, XL_LABEL_POSITION.RIGHT, r.bold) for i, r in enumerate(rows)])
    x_axis, y_axis = chart.category_axis, chart.value_axis
    x_axis.minimum_scale, x_axis.maximum_scale, x_axis.major_unit = x_min, x_max, step
    x_axis.tick_labels.number_format = '"$"#,##0,"k"'
    x_axis.tick_labels.number_format_is_linked = False
    x_axis.has_major_gridlines = True
    x_axis.major_gridlines.format.line.color.rgb = rgb(chart_style.LIGHT)
    x_axis.format.line.color.rgb = GREY
    x_axis.has_title = True
    x_axis.axis_title.text_frame.text = axis_title
    set_font(x_axis.axis_title.text_frame.paragraphs[0].runs[0].font, MIN_PT)
    axis_font(x_axis)
    y_axis.minimum_scale, y_axis.maximum_scale = -len(rows) + 0.6, 0.9
    y_axis.crosses = XL_AXIS_CROSSES.MINIMUM  # the dollar axis at the bottom
    hide_axis(y_axis)
    set_legend(chart, hidden=[len(used)], box=legend_box)
    return frame
