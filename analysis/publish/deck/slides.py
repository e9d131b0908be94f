"""The slide deck: the report's key figures as slides an HR reader can present as they are.

``python -m analysis.tools.make_deck`` (or ``make slides``) writes ``_build/slides/call-center-careers.pptx``
(16:9, 13.333 x 7.5 in) and a copy for the book's downloads. The deck is

- a title slide (title, version, date and licence from ``CITATION.cff`` and :data:`report.LICENCE`),
- the executive summary as one slide (:func:`analysis.chapters.summary.key_points`: no number typed here),
- one slide per chart of :func:`analysis.publish.figures.registry`, in the book's order and numbering,
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

import textwrap
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.base import BaseShape

from analysis.chapters import prose, summary
from analysis.core import evidence, external, inflation, markup, paths, release, sources
from analysis.publish import chart_style, export, figures
from analysis.publish.deck.native import NATIVE, PICTURES, add_picture
from analysis.publish.deck.shapes import (
    CHART_TOP,
    CHART_WIDTH,
    FOOTER_HEIGHT,
    FOOTER_TOP,
    GREY,
    MARGIN,
    MIN_PT,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Paragraph,
    set_alt_text,
    set_notes,
    set_title,
    text_box,
)

DECK: Path = paths.BUILD / "slides" / "call-center-careers.pptx"
DOWNLOAD: Path = paths.DOWNLOADS / "call-center-careers-slides.pptx"


def title_slide(prs: PptxPresentation) -> None:
    rel = release.release()
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
                    f"What {prose.number_word(len(sources.read_manifest()))} public career articles say about pay, "
                    "the career ladder, benefits and challenges, checked against official U.S. statistics",
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
    set_title(slide, "Executive summary")
    paragraphs: list[Paragraph] = []
    for point in points:
        head, _, rest = point.partition(": ")
        paragraphs.append([(f"{head}: ", {"bold": True}), (rest, {})] if rest else [(point, {})])
    size = fitting_size(points, CHART_WIDTH - 0.1, 5.6, 12, SUMMARY_PT)
    text_box(slide, MARGIN, CHART_TOP + 0.1, CHART_WIDTH, 5.6, paragraphs, size=size, space_after=12, name="Summary")
    set_notes(
        slide,
        [
            "Every sentence on this slide is written by code from the report's tables "
            "(analysis.chapters.summary); the figures behind each are on the slides that follow.",
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
    """The footer of a figure slide: short citation (with the licence), then the chart's sources."""
    chart = figures.registry()[name]
    refs = [prose.short_ref(key) for key in dict.fromkeys(chart.references(data))]
    return f"{release.short_figure_citation(figures.number(name))} Sources: {'; '.join([*refs, *chart.notes(data)])}."


def figure_slide(prs: PptxPresentation, name: str, quotes: dict[tuple[str, str], str]) -> None:
    chart = figures.registry()[name]
    data = chart.data()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    set_title(slide, f"Figure {figures.number(name)}: {chart.title}")
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
        notes.append(f"“{quote}” ({prose.short_ref(source_id)}; record {markup.record_label(source_id, record_id)})")
    if name in PICTURES:
        notes.append(f"This chart is a picture ({PICTURES[name]}); its data: {release.page_url('data')}")
    set_notes(slide, notes)


def sources_slide(prs: PptxPresentation) -> None:

    slide = prs.slides.add_slide(prs.slide_layouts[6])
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
    text_box(slide, MARGIN, CHART_TOP, 6.0, 6.0, left, size=15, space_after=5, name="Sources")
    text_box(slide, MARGIN + 6.3, CHART_TOP, CHART_WIDTH - 6.3, 6.0, right, size=15, space_after=5, name="Method")
    rel = release.release()
    set_notes(
        slide,
        [
            f"Cite the report as: Call Center Careers ({rel.date[:4]}). {rel.title}, version {rel.version}. {rel.url}",
            f"Licence: {release.LICENCE} ({release.LICENCE_URL}); quotations remain their authors'.",
        ],
    )


def presentation() -> PptxPresentation:
    """The whole deck, in memory."""
    chart_style.apply_style()
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    rel = release.release()
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
