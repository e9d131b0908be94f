"""The slide deck: the report's key figures as slides an HR reader can present as they are.

``python -m analysis.tools.make_deck`` (or ``make slides``) writes ``_build/slides/call-center-careers.pptx``
(16:9, 13.333 x 7.5 in) and a copy for the book's downloads. The deck is

- a title slide (title, version, date and licence from ``CITATION.cff`` and :data:`release.LICENCE`),
- the executive summary: at most four headline numbers in at most 40 words
  (:mod:`analysis.publish.deck.headlines`: no number typed here),
- one slide per chart of :func:`analysis.publish.figures.registry`, in the book's order and numbering,
  its headline the chart's takeaway (the line the chart image and the caption carry),
- a closing slide on the sources and the method.

Every slide is made from a real layout of the template (title placeholder, slide number), in Calibri
only (:mod:`analysis.publish.deck.shapes`). Every chart whose kind maps onto a PowerPoint chart is a
native chart, its values embedded (a presenter can restyle or edit it) and taken from the chart's
``data()`` table, the values the book draws; the others are 300-dpi pictures, with the reason in
:data:`PICTURES`. No label or legend is drawn over a chart's data. Each figure slide has a footer with
the figure's short citation and licence and its sources, every official series named by occupation
and code; its notes hold the full citation, the caption if room allows, at most
:data:`MAX_QUOTES` of the quotes behind the numbers and a link to all of them, in under
:data:`MAX_NOTES` characters. Every chart and picture carries the chart's alt text (``descr`` of its
``p:cNvPr``, which PowerPoint reads).

The deck is byte-stable: every date in it is the report's release date (:func:`export.stable_zip`,
which also stabilises the workbooks embedded in the charts).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.util import Inches

from analysis.chapters import prose
from analysis.core import evidence, external, inflation, markup, paths, release, sources
from analysis.publish import chart_style, export, figures
from analysis.publish.deck import headlines
from analysis.publish.deck.native import NATIVE, PICTURES, add_picture
from analysis.publish.deck.shapes import (
    CONTENT_LAYOUT,
    FOOTER_HEIGHT,
    FOOTER_TOP,
    FOOTER_WIDTH,
    GREY,
    MARGIN,
    MIN_PT,
    TITLE_LAYOUT,
    TITLE_ONLY_LAYOUT,
    TWO_CONTENT_LAYOUT,
    Paragraph,
    fill,
    layout,
    no_bullets,
    only_calibri,
    placeholder,
    set_alt_text,
    set_notes,
    set_title,
    slide_number,
    text_box,
    widescreen,
)

DECK: Path = paths.BUILD / "slides" / "call-center-careers.pptx"
DOWNLOAD: Path = paths.DOWNLOADS / "call-center-careers-slides.pptx"
#: A figure slide's notes: at most this many characters, and this many of the quotes behind it.
MAX_NOTES = 1500
MAX_QUOTES = 3
#: The largest type of a figure slide's headline; smaller (never below MIN_PT) when it would not fit.
HEADLINE_PT = 28.0


def _new_slide(prs: PptxPresentation, layout_name: str) -> Slide:
    slide = prs.slides.add_slide(layout(prs, layout_name))
    slide_number(slide, len(prs.slides))
    return slide


def title_slide(prs: PptxPresentation) -> None:
    rel = release.release()
    slide = _new_slide(prs, TITLE_LAYOUT)
    set_title(slide, rel.title, size=40)
    subtitle = placeholder(slide, PP_PLACEHOLDER.SUBTITLE)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = Inches(1.0), Inches(4.1), Inches(11.333), Inches(2.6)
    fill(
        subtitle.text_frame,
        [
            [
                (
                    f"What {prose.number_word(len(sources.read_manifest()))} public career articles say about pay, "
                    "the career ladder, benefits and challenges, checked against official U.S. statistics",
                    {"size": 22},
                )
            ],
            [(f"{rel.author}, version {rel.version}, released {rel.date}", {"colour": GREY})],
            [
                (
                    f"Licence: {release.LICENCE} ({release.LICENCE_URL}); quotations remain their authors'",
                    {"colour": GREY},
                )
            ],
            [(rel.url, {"colour": GREY})],
        ],
        size=18,
        space_after=4,
    )
    set_notes(slide, [f"Cite the report as: {release.report_citation()}"])


#: The summary's largest type size; smaller (never below MIN_PT) when its points would not fit.
SUMMARY_PT = 19.0


def fitting_size(
    texts: list[str], width: float, height: float, space_after: float, largest: float, em: float = 0.5
) -> float:
    """The largest type size (points, down to :data:`MIN_PT`) at which the paragraphs, wrapped at an
    estimated ``em`` of an em a character and set 1.2 times their size apart, fit ``height`` inches."""
    size = largest
    while size > MIN_PT:
        per_line = max(1, int(width * 72 / (em * size)))
        lines = sum(len(textwrap.wrap(t, per_line)) or 1 for t in texts)
        if lines * 1.2 * size + space_after * len(texts) <= height * 72:
            break
        size -= 1
    return max(size, MIN_PT)


def summary_slide(prs: PptxPresentation, points: list[tuple[str, str]]) -> None:
    """The headline numbers, one a paragraph: the number large and bold, what it is beside it."""
    slide = _new_slide(prs, CONTENT_LAYOUT)
    set_title(slide, headlines.TITLE)
    body = placeholder(slide, PP_PLACEHOLDER.OBJECT)
    paragraphs: list[Paragraph] = [
        [(f"{number}  ", {"bold": True, "size": 40}), (what, {"size": 24})] for number, what in points
    ]
    fill(body.text_frame, paragraphs, size=24, space_after=18)
    no_bullets(body.text_frame)  # headlines, not a bulleted list
    set_notes(
        slide,
        [
            "Every number on this slide is computed from the report's tables (analysis.publish.deck.headlines); "
            "the figures behind each are on the slides that follow, and the report's key points at:",
            release.page_url("index"),
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

    out: dict[tuple[str, str], str] = {}
    for name in evidence.TABLES.values():
        table = evidence.load_table(name)
        for s, r, q in zip(table["source_id"], table["record_id"], table["quote"], strict=True):
            out[(str(s), str(r))] = str(q)
    return out


def footer_text(name: str, data: pd.DataFrame) -> str:
    """The footer of a figure slide: the figure's number and title, its short citation (with the
    licence), then its sources line, every official series named by occupation and code."""
    chart = figures.registry()[name]
    return (
        f"Figure {figures.number(name)}: {chart.title}. {release.short_figure_citation(figures.number(name))} "
        f"{figures.source_line(chart, data)}"
    )


def notes_text(name: str, data: pd.DataFrame, quotes: dict[tuple[str, str], str]) -> list[str]:
    """A figure slide's notes, in under :data:`MAX_NOTES` characters: the full citation, the caption
    if it fits, at most :data:`MAX_QUOTES` of the quotes behind the numbers (whole, in data order,
    those that fit), and the address of all of them with the chart's data."""
    chart = figures.registry()[name]
    behind = quotes_behind(data, quotes)
    head = [f"Cite as: {figures.citation_text(name)}"]
    tail = [
        f"All {len(behind)} quotes behind this chart, with its data: {release.page_url(chart.chapter, name + '-data')}"
    ]
    if name in PICTURES:
        tail.append(f"This chart is a picture: {PICTURES[name]}.")

    def size(parts: list[str]) -> int:
        return sum(len(p) for p in parts) + len(parts) - 1

    def line_of(source_id: str, record_id: str, quote: str) -> str:
        return f"“{quote}” ({prose.short_ref(source_id)}; record {markup.record_label(source_id, record_id)})"

    # the caption if it fits beside the first quote behind the numbers: the source's own words come first
    caption = f"Caption: {figures.caption(name, data)}"
    first = ["The words behind the numbers:", line_of(*behind[0])] if behind else []
    if size([*head, caption, *first, *tail]) < MAX_NOTES:
        head.append(caption)
    chosen: list[str] = []
    for source_id, record_id, quote in behind:
        line = line_of(source_id, record_id, quote)
        if (
            len(chosen) < MAX_QUOTES
            and size([*head, "The words behind the numbers:", *chosen, line, *tail]) < MAX_NOTES
        ):
            chosen.append(line)
    middle = ["The words behind the numbers:", *chosen] if chosen else []
    return [*head, *middle, *tail]


def figure_slide(prs: PptxPresentation, name: str, quotes: dict[tuple[str, str], str]) -> None:
    chart = figures.registry()[name]
    data = chart.data()
    slide = _new_slide(prs, TITLE_ONLY_LAYOUT)
    headline = chart.takeaway(data)
    set_title(slide, headline, size=fitting_size([headline], 12.0, 1.1, 0, HEADLINE_PT, em=0.55))
    shape: BaseShape
    if name in NATIVE:
        shape = NATIVE[name](slide, data)
    elif name in PICTURES:
        shape = add_picture(slide, name, data)
    else:
        raise KeyError(f"{name}: no slide builder (add it to NATIVE or PICTURES)")
    shape.name = f"Chart {name}"
    set_alt_text(shape, chart.alt(data))
    text_box(
        slide,
        MARGIN,
        FOOTER_TOP,
        FOOTER_WIDTH,
        FOOTER_HEIGHT,
        [[(footer_text(name, data), {"colour": GREY})]],
        size=MIN_PT,
        anchor=MSO_ANCHOR.BOTTOM,
        name="Footer",
    )
    set_notes(slide, notes_text(name, data, quotes))


def sources_slide(prs: PptxPresentation) -> None:

    slide = _new_slide(prs, TWO_CONTENT_LAYOUT)
    set_title(slide, "Sources and method")
    manifest = sources.read_manifest()
    left: list[Paragraph] = [
        [(f"{prose.number_word(len(manifest)).capitalize()} public career articles", {"bold": True})]
    ]
    for meta in manifest:
        left.append([(f"{prose.short_ref(meta.source_id)}: ", {"bold": True}), (meta.title, {})])
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
        [(f"Data and downloads: {release.page_url('data')}", {})],
        [(f"The report: {release.page_url('index')}", {})],
    ]
    for idx, paragraphs in ((1, left), (2, right)):
        body = placeholder(slide, PP_PLACEHOLDER.OBJECT, idx)
        texts = ["".join(t for t, _ in para) for para in paragraphs]
        size = fitting_size(texts, body.width / 914400 - 0.3, body.height / 914400, 5, 16)
        fill(body.text_frame, paragraphs, size=size, space_after=5)
        no_bullets(body.text_frame)
    set_notes(
        slide,
        [
            f"Cite the report as: {release.report_citation()}",
            f"Licence: {release.LICENCE} ({release.LICENCE_URL}); quotations remain their authors'.",
        ],
    )


def presentation() -> PptxPresentation:
    """The whole deck, in memory."""
    chart_style.apply_style()
    prs = Presentation()
    widescreen(prs)
    rel = release.release()
    when = export.release_date()
    props = prs.core_properties
    props.title = rel.title
    props.author = props.last_modified_by = rel.author
    props.subject = f"Slides of version {rel.version}"
    props.keywords = "call center; customer service; careers; pay; CC BY 4.0"
    props.comments = f"Licence: {release.LICENCE} ({release.LICENCE_URL}). The report: {rel.url}"
    props.created = props.modified = when
    props.revision = 1
    title_slide(prs)
    summary_slide(prs, headlines.headlines())
    quotes = evidence_quotes()
    for name in figures.registry():
        figure_slide(prs, name, quotes)
    sources_slide(prs)
    only_calibri(prs)  # again: the notes master, made with the first notes, brings a theme of its own
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
