"""The deck's formatting: slide size and template, fonts, placeholders, text boxes, slide numbers,
notes, alt text, and the styling shared by its native charts (axes, legends, series, the row chart
of ranges and marks).

The deck is built on python-pptx's default template, made 16:9 (:func:`widescreen`): its real
layouts, with title placeholders, so that PowerPoint's outline and accessibility checker read every
slide's title and a company template can be applied (Design > Themes keeps each placeholder's text).
"""

from __future__ import annotations

import copy
import math
import re
import textwrap
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
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.package import XmlPart
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide
from pptx.text.text import Font, TextFrame
from pptx.util import Inches, Pt
from xlsxwriter import Workbook
from xlsxwriter.worksheet import Worksheet

from analysis.publish import chart_style
from analysis.publish.charts import pay as pay_charts

SLIDE_WIDTH = Inches(13.333)
SLIDE_HEIGHT = Inches(7.5)
#: Calibri: PowerPoint's own default, on every Windows and Mac office machine; the template's theme
#: names it too. Debian renders it with Carlito (fonts-crosextra-carlito), metric-compatible, so
#: every line breaks here where it breaks in PowerPoint. No other font is named in the deck.
FONT = "Calibri"
FONT_PANOSE = "020F0502020204030204"
#: The fonts a deck may name (the theme's references to its own fonts included).
FONTS = frozenset({FONT, "+mj-lt", "+mn-lt", "+mj-ea", "+mn-ea", "+mj-cs", "+mn-cs", ""})
#: No text on a slide is smaller than this (points at slide size).
MIN_PT = 14
BLACK = RGBColor.from_string("000000")
GREY = RGBColor.from_string(chart_style.GREY.lstrip("#"))
MID_GREY = "#A6A6A6"
PICTURE_DPI = 300

# Where things go on a figure slide (inches); the title is the layout's placeholder.
MARGIN = 0.5
TITLE_TOP, TITLE_HEIGHT = 0.3, 1.15
CHART_TOP, CHART_HEIGHT = 1.5, 4.75
FOOTER_TOP, FOOTER_HEIGHT = 6.3, 1.1
CHART_WIDTH = 13.333 - 2 * MARGIN
#: The footer stops short of the slide number, which sits in the bottom right corner.
FOOTER_WIDTH = 10.9
SLIDE_NUMBER_BOX = (11.5, 7.0, 1.333, 0.4)

#: The default template's layouts the deck uses, by name (their index differs between templates).
TITLE_LAYOUT, CONTENT_LAYOUT, TWO_CONTENT_LAYOUT, TITLE_ONLY_LAYOUT = (
    "Title Slide",
    "Title and Content",
    "Two Content",
    "Title Only",
)


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


def widescreen(prs: PptxPresentation) -> None:
    """Make the default 4:3 template 16:9: the slide size, and every shape of the master and the
    layouts stretched across the wider slide; the theme's fonts only Calibri (its fallbacks for other
    scripts dropped: the deck is in English); the master's small footer texts at :data:`MIN_PT`."""
    old_width = prs.slide_width
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    scale = SLIDE_WIDTH / old_width
    master = prs.slide_master
    for shape in [*master.shapes, *(s for layout in prs.slide_layouts for s in layout.shapes)]:
        # Only a position of the shape's own: a layout's placeholder without one inherits the master's.
        for xfrm in shape._element.xpath("./p:spPr/a:xfrm"):
            offset, extent = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            offset.set("x", str(round(int(offset.get("x")) * scale)))
            extent.set("cx", str(round(int(extent.get("cx")) * scale)))
    for size in master.element.iter(qn("a:defRPr")):
        if size.get("sz") is not None and int(size.get("sz")) < MIN_PT * 100:
            size.set("sz", str(MIN_PT * 100))
    only_calibri(prs)


def only_calibri(prs: PptxPresentation) -> None:
    """Drop the themes' fallback fonts for other scripts (the deck is in English), so that Calibri is
    the only font the file names; run again once the notes master (and its theme) exists."""
    for part in prs.part.package.iter_parts():
        if not (part.partname.endswith(".xml") and "/theme/" in str(part.partname)):
            continue
        if isinstance(part, XmlPart):  # a theme python-pptx made (the notes master's): its XML tree
            for font in part._element.iter(qn("a:font")):
                font.getparent().remove(font)
        else:  # a theme read from the template: its bytes
            xml = re.sub(r"<a:font script=\"[^\"]*\" typeface=\"[^\"]*\"/>", "", part.blob.decode("utf-8"))
            part._blob = xml.encode("utf-8")
    # The master's bullets are set in Arial: the template's habit, not a font the deck uses.
    for bullet in prs.slide_master.element.iter(qn("a:buFont")):
        bullet.set("typeface", FONT)


def layout(prs: PptxPresentation, name: str) -> object:
    found = [lay for lay in prs.slide_layouts if lay.name == name]
    if not found:
        raise KeyError(f"the template has no layout named {name!r}")
    return found[0]


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


def fill(
    frame: TextFrame,
    paragraphs: Iterable[Paragraph],
    size: float = 18,
    anchor: MSO_ANCHOR | None = MSO_ANCHOR.TOP,
    space_after: float = 0,
) -> None:
    """Write paragraphs of runs, each with its font, into a text frame (a text box's or a placeholder's)."""
    frame.word_wrap = True
    if anchor is not None:
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


def no_bullets(frame: TextFrame) -> None:
    """Paragraphs set flush left without bullets (a body placeholder's default is a bulleted list)."""
    for para in frame.paragraphs:
        p_pr = para._p.get_or_add_pPr()
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        no_bullet = p_pr.makeelement(qn("a:buNone"), {})
        spacing = [c for c in p_pr if c.tag in (qn("a:lnSpc"), qn("a:spcBef"), qn("a:spcAft"))]
        if spacing:  # the schema's order: spacing first, then the bullet
            spacing[-1].addnext(no_bullet)
        else:
            p_pr.insert(0, no_bullet)


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
    fill(box.text_frame, paragraphs, size, anchor, space_after)
    return box


def placeholder(slide: Slide, kind: PP_PLACEHOLDER, idx: int | None = None) -> SlidePlaceholder:
    """A slide's placeholder of a kind (the ``idx``-th where a layout has several)."""
    found = [p for p in slide.placeholders if p.placeholder_format.type == kind]
    if idx is not None:
        found = [p for p in found if p.placeholder_format.idx == idx]
    if not found:
        raise KeyError(f"the slide's layout has no {kind} placeholder")
    return cast(SlidePlaceholder, found[0])


def set_title(slide: Slide, text: str, size: float = 28, box: tuple[float, float, float, float] | None = None) -> None:
    """The slide's title, in its layout's title placeholder (what the outline and screen readers read),
    ``box`` (left, top, width, height in inches) placing it where the layout does not."""
    kinds = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    title = next((p for p in slide.placeholders if p.placeholder_format.type in kinds), None)
    if title is None:
        raise KeyError("the slide's layout has no title placeholder")
    if box is not None:
        title.left, title.top, title.width, title.height = (Inches(v) for v in box)
    fill(title.text_frame, [[(text, {"bold": True})]], size=size, anchor=MSO_ANCHOR.MIDDLE)


def slide_number(slide: Slide, number: int) -> None:
    """The slide's number, in the slide-number placeholder its layout defines (a field PowerPoint and
    LibreOffice keep current), written at :data:`MIN_PT` and bottom right."""
    source = next(
        (
            shape
            for shape in slide.slide_layout.shapes
            if shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
        ),
        None,
    )
    if source is None:
        raise KeyError("the slide's layout has no slide-number placeholder")
    element = copy.deepcopy(source._element)
    slide.shapes._spTree.append(element)
    number_shape = slide.shapes[-1]
    number_shape.left, number_shape.top, number_shape.width, number_shape.height = (Inches(v) for v in SLIDE_NUMBER_BOX)
    for run in element.iter(qn("a:fld")):
        run.find(qn("a:t")).text = str(number)
        r_pr = run.find(qn("a:rPr"))
        r_pr.set("sz", str(MIN_PT * 100))
        latin = etree.SubElement(r_pr, qn("a:latin"))
        latin.attrib.update({"typeface": FONT, "panose": FONT_PANOSE, "pitchFamily": "34", "charset": "0"})
    for end in element.iter(qn("a:endParaRPr")):
        end.set("sz", str(MIN_PT * 100))


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


def set_legend(chart: PptxChart, hidden: Iterable[int] = (), position: XL_LEGEND_POSITION | None = None) -> None:
    """A legend beside the plot, never over it (under it unless ``position`` says otherwise), without
    the entries of series that only carry text or offsets."""
    chart.has_legend = True
    chart.legend.position = position or XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False  # c:overlay 0: the legend takes room of its own
    chart.legend.font.size = Pt(MIN_PT)
    chart.legend.font.name = FONT
    legend = chart.legend._element
    anchor = legend.find(qn("c:legendPos"))
    for idx in sorted(hidden, reverse=True):
        entry = etree.SubElement(legend, qn("c:legendEntry"))
        etree.SubElement(entry, qn("c:idx")).set("val", str(idx))
        etree.SubElement(entry, qn("c:delete")).set("val", "1")
        anchor.addnext(entry)


def plot_area(chart: PptxChart, x: float, y: float, w: float, h: float) -> None:
    """Place the plot itself (``inner``: without its axis labels) at fractions of the chart's frame, so
    what is drawn beside it (row labels at its left, the axis and legend under it) has room outside it."""
    area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    layout = area.find(qn("c:layout"))
    if layout is None:
        layout = etree.Element(qn("c:layout"))
        area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for tag, value in (
        ("layoutTarget", "inner"),
        ("xMode", "edge"),
        ("yMode", "edge"),
        ("x", x),
        ("y", y),
        ("w", w),
        ("h", h),
    ):
        etree.SubElement(manual, qn(f"c:{tag}")).set("val", f"{value:.4f}" if isinstance(value, float) else value)


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
    hollow: bool = False  # a point drawn as an outline, filled white


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


#: A row chart's labels take this share of the chart's width, left of the plot.
LABEL_SHARE = 0.4
#: Characters of a row label's line at :data:`MIN_PT` in that column (Calibri, bold included, at most
#: about 0.48 em a character).
LABEL_CHARS = int(LABEL_SHARE * CHART_WIDTH * 72 / (0.48 * MIN_PT)) - 3


def legend_rows(names: list[str], width_in: float = CHART_WIDTH) -> int:
    """Rows a legend under the plot takes for these entries (an estimate: half an em a character, a
    swatch and a gap each)."""
    per_row, rows, used = width_in * 72, 1, 0.0
    for name in names:
        entry = (len(name) * 0.5 + 4) * MIN_PT
        if used and used + entry > per_row:
            rows, used = rows + 1, 0.0
        used += entry
    return rows


#: A legend right of the plot takes this share of the chart's width.
LEGEND_SHARE = 0.30


def row_chart(
    slide: Slide,
    rows: list[Row],
    styles: dict[str, Style],
    axis_title: str,
    step: float = 10_000.0,
    legend_right: bool = False,
) -> GraphicFrame:
    """Rows top to bottom, each with its label at its left, outside the plot, drawn as one XY scatter: a
    series per style (a blank point between rows breaks its line), then a series of text whose data
    labels are the rows' labels, set left of the plot's edge. The axis and the legend sit under the
    plot (the legend right of it with ``legend_right``, for charts of many rows); nothing is written
    over the data. Each row is as tall as its label's lines, so no label runs into the next."""
    labels = [
        "\n".join(textwrap.fill(line, LABEL_CHARS, break_long_words=False) for line in r.label.split("\n"))
        for r in rows
    ]
    ys = chart_style.rows(labels, gap=0.3)
    data = XyChartData()
    used = [key for key in styles if any(m.style == key for r in rows for m in r.marks)]
    for key in used:
        style = styles[key]
        series = data.add_series(style.name)
        for y_row, row in zip(ys, rows, strict=True):
            for mark in (m for m in row.marks if m.style == key):
                y = -y_row - mark.dy
                if style.kind == "range":
                    series.add_data_point(mark.low, y)
                    series.add_data_point(mark.high, y)
                elif style.kind == "floor":
                    series.add_data_point(mark.low, y)
                    series.add_data_point(mark.low + _floor_reach(), y)
                elif style.kind == "tick":
                    series.add_data_point(mark.low, y - 0.35)
                    series.add_data_point(mark.low, y + 0.35)
                else:
                    series.add_data_point(mark.low, y)
                if style.kind != "point":
                    series.add_data_point(None, None)  # a gap: the next row's line starts afresh
    values = [v for r in rows for m in r.marks for v in (m.low, m.high) if v is not None]
    values += [m.low + _floor_reach() for r in rows for m in r.marks if styles[m.style].kind == "floor"]
    x_min, x_max = nice(min(values), step, up=False), nice(max(values), step, up=True)
    texts = data.add_series("labels")
    for y_row in ys:
        texts.add_data_point(x_min, -y_row)
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
            if style.hollow:
                series.marker.format.fill.fore_color.rgb = rgb("#FFFFFF")
        else:
            series_line(series, style.colour, style.width, arrow=style.kind == "floor")
            set_marker(series, XL_MARKER_STYLE.NONE)
    text_series = plot.series[len(used)]
    series_line(text_series, None, 0)
    set_marker(text_series, XL_MARKER_STYLE.NONE)
    label_points(
        text_series,
        [(i, text, XL_LABEL_POSITION.LEFT, r.bold) for i, (text, r) in enumerate(zip(labels, rows, strict=True))],
    )
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
    last = labels[-1].count("\n") + 1 if labels else 1
    first = labels[0].count("\n") + 1 if labels else 1
    y_axis.minimum_scale = -(ys[-1] if ys else 0) - (last + 0.3) / 2.6
    y_axis.maximum_scale = (first + 0.3) / 2.6
    y_axis.crosses = XL_AXIS_CROSSES.MINIMUM  # the dollar axis at the bottom
    hide_axis(y_axis)
    if legend_right:
        set_legend(chart, hidden=[len(used)], position=XL_LEGEND_POSITION.RIGHT)
        plot_area(chart, LABEL_SHARE, 0.02, 1 - LABEL_SHARE - LEGEND_SHARE, 1 - 0.02 - 0.8 / CHART_HEIGHT)
    else:
        set_legend(chart, hidden=[len(used)])
        under = (0.75 + 0.3 * legend_rows([styles[k].name for k in used]) + 0.15) / CHART_HEIGHT
        plot_area(chart, LABEL_SHARE, 0.02, 1 - LABEL_SHARE - 0.02, 1 - 0.02 - under)
    return frame
