"""Every chart of the report, by its ``fig-…`` name: what it shows, how it is drawn, and the pack.

Each module of :mod:`analysis.publish.charts` declares its chapter's charts as
:class:`~analysis.publish.chart.Chart` entries of a ``CHARTS`` tuple, beside the functions that
draw them (the values drawn come from the chapter's module in :mod:`analysis.chapters`). A chart is

- ``data()``: the values it draws, as a table (with the ``source_id`` of every row and, for rows
  that come from evidence, the ``record_id``): the "data behind the chart" a reader can download;
- ``draw(data)``: the chart in the report's style, from that table alone;
- ``takeaway(data)``, ``caption(data)`` and ``alt(data)``: the one line to take from the chart (drawn
  into the image under its title, the slide's headline, the caption's first sentence), the rest of
  the caption and the alt text, written from the same table, so their words cannot drift from what
  is drawn;
- ``references(data)``: what the source line credits, as BibTeX keys (the sources that are in
  the data, then any official statistics), ``notes`` for a method named there (CPI-U, say), and
  ``official(data)``: every official series drawn, by occupation and code.

The book places a chart with the ``report-figure`` directive (``_ext/report_figures.py``), which
takes everything from here; ``make figures`` exports every chart as PNG, SVG, the CSV of its data,
a slide-sized PNG and a text card with its caption, alt text and citations (:func:`pack`). Every
image carries its title, takeaway, sources and credit drawn in (:func:`build`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import platform
import shutil
import struct
import zipfile
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.chapters import prose
from analysis.core import external, markup, paths, release
from analysis.publish import chart_style, explorer, export
from analysis.publish.chart import Chart, broader, occupation, tolerating_empty
from analysis.publish.charts import agreement as agreement_charts
from analysis.publish.charts import benchmark as benchmark_charts
from analysis.publish.charts import benefits as benefits_charts
from analysis.publish.charts import challenges as challenges_charts
from analysis.publish.charts import conditions as conditions_charts
from analysis.publish.charts import ladder as ladder_charts
from analysis.publish.charts import pay as pay_charts
from analysis.publish.charts import summary as summary_charts

#: Every chapter's charts, in chapter order.
CHARTS: tuple[Chart, ...] = (
    *summary_charts.CHARTS,
    *pay_charts.CHARTS,
    *benchmark_charts.CHARTS,
    *ladder_charts.CHARTS,
    *benefits_charts.CHARTS,
    *challenges_charts.CHARTS,
    *conditions_charts.CHARTS,
    *agreement_charts.CHARTS,
)
#: The pages, in reading order, that figures are placed on (``_toc.yml`` order; the landing page first).
CHAPTERS: tuple[str, ...] = (
    "index",
    "01-sources",
    "02-pay",
    "03-career-ladder",
    "04-benefits",
    "05-challenges",
    "06-conditions",
    "07-agreement",
)
PACK_DIR: Path = paths.FIGURES
PACK_ZIP: Path = paths.DOWNLOADS / "call-center-careers-figures.zip"
#: Beside a pack's folder, every figure's files as last drawn, in a folder per figure named by what
#: they are made of (:func:`_export`).
DRAWN_NAME = "drawn-figures"


@cache
def registry() -> dict[str, Chart]:
    """Every chart of every chapter, in reading order (chapter, then declaration)."""
    found: dict[str, Chart] = {}
    for chart in CHARTS:
        if chart.name in found:
            raise ValueError(f"figure name {chart.name!r} is defined twice")
        if chart.chapter not in CHAPTERS:
            raise ValueError(f"{chart.name} is placed on an unknown page {chart.chapter!r}")
        found[chart.name] = tolerating_empty(chart)
    order = sorted(found.values(), key=lambda c: CHAPTERS.index(c.chapter))
    return {c.name: c for c in order}


def number(name: str) -> int:
    """A figure's number in the report (1-based, reading order)."""
    return list(registry()).index(name) + 1


#: The most works a source line names.
MAX_CREDITS = 8


def source_line(chart: Chart, data: pd.DataFrame) -> str:
    """The sources line of a chart: the works it draws on and any method, then every official series
    it draws, by occupation and code."""

    keys = list(dict.fromkeys(chart.references(data)))
    refs = [prose.short_ref(key) for key in keys[:MAX_CREDITS]]
    if len(keys) > MAX_CREDITS:  # however many sources, the line stays a line
        refs.append(f"and {len(keys) - MAX_CREDITS} more (see the chart's data)")
    text = "Sources: " + "; ".join([*refs, *chart.notes(data)]) + "."
    codes = chart.official(data)
    front = external.FRONT_LINE.soc_code
    # The front line's own occupation is not a proxy, but it covers all industries: broader too.
    own = [occupation(c, qualified=False) + (", all industries" if c == front else "") for c in codes if not broader(c)]
    wider = [occupation(c, qualified=False) for c in codes if broader(c)]
    if own:
        text += f" Official series drawn: {'; '.join(own)}."
    if wider:
        text += f" {'And, for' if own else 'For'} broader occupations: {'; '.join(wider)}."
    return text


def credit_line(name: str) -> str:
    """The credit drawn into a chart: report, figure number, licence, the figure's address."""
    return release.credit_line(number(name), name, registry()[name].chapter)


def takeaway(name: str, data: pd.DataFrame) -> str:
    """The one line a reader should take from a chart, from its data."""
    return registry()[name].takeaway(data)


def caption(name: str, data: pd.DataFrame) -> str:
    """A chart's caption: its takeaway, then what it draws (the same function writes both)."""
    chart = registry()[name]
    return f"{chart.takeaway(data)} {chart.caption(data)}"


def attribution(name: str, data: pd.DataFrame) -> chart_style.Attribution:
    """What a chart image carries: title, takeaway, sources line and credit line."""
    chart = registry()[name]
    return chart_style.Attribution(chart.title, chart.takeaway(data), source_line(chart, data), credit_line(name))


def draw(name: str, data: pd.DataFrame | None = None, wide: bool = False) -> Figure:
    """A chart drawn in the report's style, as its plot alone; ``wide`` for a slide's canvas
    (:func:`analysis.publish.chart_style.wide`)."""
    chart = registry()[name]
    chart_style.apply_style()
    data = chart.data() if data is None else data
    if wide:
        with chart_style.wide():
            return chart.draw(data)
    return chart.draw(data)


def build(name: str, data: pd.DataFrame | None = None) -> Figure:
    """One figure as the book, its PNG and its SVG show it: drawn from its own data (or ``data``) and
    laid out :data:`~analysis.publish.chart_style.WIDTH_IN` wide with its title, takeaway, sources and
    credit drawn in (:func:`analysis.publish.chart_style.lay_out`)."""
    chart = registry()[name]
    data = chart.data() if data is None else data
    return chart_style.lay_out(draw(name, data), attribution(name, data))


def citation_text(name: str) -> str:
    """How to cite one figure of the report."""

    chart = registry()[name]
    return release.figure_citation(number(name), chart.title, name, chart.chapter)


def short_citation(name: str) -> str:
    """The short citation of one figure, with the licence: what goes under a slide."""

    return release.short_figure_citation(number(name))


def citation_apa(name: str) -> str:
    chart = registry()[name]
    return release.figure_apa(number(name), chart.title, name, chart.chapter)


def citation_bibtex(name: str) -> str:
    chart = registry()[name]
    return release.figure_bibtex(number(name), chart.title, name, chart.chapter)


def stem(name: str) -> str:
    """The file name (without suffix) of a figure's files in the pack: ``NN-name``."""
    return f"{number(name):02d}-{name}"


#: What each of a figure's files in the pack is, by what follows its stem.
PACK_FILES: dict[str, str] = {
    ".png": f"PNG image ({chart_style.PNG_DPI} dpi, {chart_style.WIDTH_IN:g} in wide)",
    "-slide.png": "PNG image for a slide (16:9, no text under 14 pt when placed full width)",
    ".svg": "SVG image (text stays text)",
    ".csv": "CSV of the values drawn (UTF-8 with a byte-order mark, for spreadsheets)",
    ".txt": "this text card",
}
#: The page's own image (not in the zip): the chart at a resolution for its column.
WEB_SUFFIX = "-web.png"


def card(name: str, data: pd.DataFrame | None = None) -> str:
    """The text card of one figure: caption, alt text, sources, its files, citations and licence."""

    chart = registry()[name]
    data = chart.data() if data is None else data
    files = "\n".join(f"  {stem(name)}{suffix}: {what}" for suffix, what in PACK_FILES.items())
    return (
        f"Figure {number(name)}: {chart.title}\n\n{caption(name, data)}\n\n"
        f"Alt text: {chart.alt(data)}\n\n{source_line(chart, data)}\n\n"
        f"Files:\n{files}\n\n"
        f"Short citation: {short_citation(name)}\n\n"
        f"Cite as: {citation_text(name)}\n\n"
        f"APA: {citation_apa(name)}\n\n"
        f"BibTeX:\n{citation_bibtex(name)}\n\n"
        f"Online: {release.page_url(chart.chapter, name)}\n\n"
        f"Licence: {release.LICENCE} ({release.LICENCE_URL}) for the chart and its data. "
        f"{release.QUOTATIONS}\n"
    )


def record_links(data: pd.DataFrame) -> list[dict[str, list[tuple[str, str]]]]:
    """For each row of a chart's data, the records its id columns name, by column, as
    (source_id, record_id) pairs: ``record_id``, ``requirement_id`` and ``salary_id`` are records of
    the row's source; ``record_ids`` is a ``;``-separated list, of the row's source or, where the
    row has ``claimed_by``, of the sources listed there in the same order. Rows of official
    statistics carry no record."""
    out: list[dict[str, list[tuple[str, str]]]] = []
    for _, row in data.iterrows():
        links: dict[str, list[tuple[str, str]]] = {}
        source = row.get("source_id")
        for column in ("record_id", "requirement_id", "salary_id"):
            value = row.get(column)
            if isinstance(value, str) and value and isinstance(source, str):
                links[column] = [(source, value)]
        ids = row.get("record_ids")
        if isinstance(ids, str) and ids:
            parts = ids.split(";")
            claimed = row.get("claimed_by")
            owners = claimed.split(";") if isinstance(claimed, str) and claimed else [source] * len(parts)
            if len(owners) != len(parts) or not all(isinstance(o, str) for o in owners):
                raise ValueError(f"record_ids {ids!r} do not pair with the sources {owners!r}")
            links["record_ids"] = list(zip(owners, parts, strict=True))
        out.append(links)
    return out


def page_file(name: str, out_dir: Path = PACK_DIR) -> Path:
    """What the book's ``report-figure`` directive reads for one figure: beside the pack's files,
    not in its zip."""
    return out_dir / f"{name}.page.json"


def page_data(name: str, data: pd.DataFrame) -> dict[str, object]:
    """Everything the book places with one figure, so that building the book needs neither pandas
    nor the evidence: its number, file stem, chapter, caption and alt text; its data as the CSV's
    own cells, with each row's record links as (explorer label, record id) by column; its
    citations and licence. A linked record that is not a record of the evidence is an error."""

    chart = registry()[name]
    header, *rows = list(csv.reader(io.StringIO(export.frame_csv(data))))
    known = explorer.labels()
    links: list[dict[str, list[list[str]]]] = []
    for row_links in record_links(data):
        row: dict[str, list[list[str]]] = {}
        for column, pairs in row_links.items():
            row[column] = []
            for source_id, record_id in pairs:
                label = markup.record_label(source_id, record_id)
                if label not in known:
                    raise ValueError(f"{name}: {column} {record_id!r} of {source_id} is not a record of the evidence")
                row[column].append([label, record_id])
        links.append(row)
    return {
        "name": name,
        "number": number(name),
        "stem": stem(name),
        "chapter": chart.chapter,
        "caption": caption(name, data),
        "alt": chart.alt(data),
        "header": header,
        "rows": rows,
        "links": links,
        "short_citation": short_citation(name),
        "citation": citation_text(name),
        "apa": citation_apa(name),
        "bibtex": citation_bibtex(name),
        "licence": release.LICENCE,
        "licence_url": release.LICENCE_URL,
    }


def _pixels(path: Path) -> list[int]:
    """A PNG's width and height in pixels, from its header (IHDR: the 8-byte signature, then the
    chunk's length and type, then width and height as big-endian 32-bit integers)."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    return list(struct.unpack(">II", head[16:24]))


@cache
def _code_digest() -> str:
    """The sha256 of what draws every figure alike: the package's code, the lock file (which pins
    the drawing libraries), the Python version, matplotlib's settings file and the manifest (whose
    authors, titles and dates a legend may show)."""
    digest = hashlib.sha256(platform.python_version().encode() + b"\0")
    files = [*sorted((paths.ROOT / "analysis").rglob("*.py")), paths.ROOT / "requirements.txt", paths.MANIFEST]
    for path in [*files, Path(matplotlib.matplotlib_fname())]:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _drawn_key(name: str, data: pd.DataFrame, texts_around: list[str]) -> str:
    """What a figure's files are made of: its name, what draws every figure (:func:`_code_digest`),
    its data (every value at full precision, an empty value told from a missing one, the types) and
    the texts written around it (title, takeaway, source and credit lines, card, page data)."""
    texts = [name, _code_digest(), data.to_csv(na_rep="\0NA"), repr(data.dtypes.to_dict()), *texts_around]
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()


def _export(job: tuple[str, Path, Path]) -> tuple[str, list[Path]]:
    """One figure's files, from the ``drawn`` folder when the same figure was drawn before (matplotlib
    has no cache of its own, and the figure step reads every table: one evidence record edited would
    otherwise draw every figure again), else drawn there first. The name of the folder they are kept
    in is the sha256 of what they are made of (:func:`_drawn_key`), so a kept file cannot stand for
    a figure whose data, words or code changed."""
    name, out_dir, drawn = job
    data = registry()[name].data()
    words, text, page = attribution(name, data), card(name, data), page_data(name, data)
    page_json = json.dumps(page, ensure_ascii=False, sort_keys=True, default=str)
    kept = drawn / f"{stem(name)}-{_drawn_key(name, data, [repr(words), text, page_json])}"
    if not kept.is_dir():
        partial = kept.with_name(kept.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        _draw_files(name, data, partial, words, text, page)
        partial.rename(kept)
    written = []
    for path in sorted(kept.iterdir()):
        shutil.copyfile(path, out_dir / path.name)
        if path.name != page_file(name, kept).name and not path.name.endswith(WEB_SUFFIX):
            written.append(out_dir / path.name)
    return kept.name, written  # the zip's files; the web image and the page file are the book's


def _draw_files(
    name: str, data: pd.DataFrame, out_dir: Path, words: chart_style.Attribution, text: str, page: dict[str, object]
) -> None:
    """Draw one figure's files into ``out_dir``, with the texts :func:`_export` wrote for it."""
    base = out_dir / stem(name)
    fig = chart_style.lay_out(draw(name, data), words)  # as :func:`build` lays it out
    written = chart_style.export(fig, base)
    web = base.with_name(base.name + WEB_SUFFIX)  # the page's image, at a resolution for its column
    chart_style.save(fig, web, "png", chart_style.WEB_DPI)
    plt.close(fig)
    slide = base.with_name(f"{base.name}-slide.png")  # 16:9, text at least 14 pt when placed 13.33 in wide
    chart_style.slide_png(draw(name, data, wide=True), slide, words)
    written.append(slide)
    base.with_suffix(".csv").write_text(export.frame_csv(data), encoding=export.DOWNLOAD_ENCODING, newline="")
    base.with_suffix(".txt").write_text(text, encoding="utf-8")
    placed = {**page, "images": {"png": _pixels(written[0]), "web": _pixels(web), "slide": _pixels(slide)}}
    page_file(name, out_dir).write_text(
        json.dumps(placed, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def pack(out_dir: Path = PACK_DIR, zip_path: Path = PACK_ZIP, workers: int = 2) -> list[Path]:
    """Export every figure as PNG (200 dpi), SVG, a slide-sized PNG (``-slide.png``), the CSV of its
    data and its text card; zip them. Beside them, not zipped, what the book's page places: the
    chart at the page's resolution (:data:`WEB_SUFFIX`) and its :func:`page_file`.

    Figures are numbered in reading order, as in the book. Two processes share the work; a figure
    made of what an earlier pack's was is copied from :data:`DRAWN_NAME` beside ``out_dir``, which
    keeps this pack's figures alone.
    """
    shutil.rmtree(out_dir, ignore_errors=True)  # no file of an earlier pack may pass for this one's
    out_dir.mkdir(parents=True)
    drawn = out_dir.parent / DRAWN_NAME
    jobs = [(name, out_dir, drawn) for name in registry()]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        exported = list(pool.map(_export, jobs))
    written = [path for _, paths_ in exported for path in paths_]
    for folder in set(drawn.iterdir()) - {drawn / kept for kept, _ in exported}:
        shutil.rmtree(folder, ignore_errors=True)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(written):
            info = zipfile.ZipInfo(f"call-center-careers-figures/{path.name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return written
