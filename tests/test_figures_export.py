"""The figure pack: what a presenter takes away. Every image carries its title, takeaway, sources
(official series by occupation and code) and credit; its text is legible where the book shows it;
its CSV opens right in a spreadsheet."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from PIL import Image

from analysis.chapters import prose
from analysis.core import paths, release
from analysis.publish import chart_style, export, figures

SVG = "{http://www.w3.org/2000/svg}"

PLACED = re.compile(r"```\{report-figure\} (fig-[\w-]+)")


def _placed() -> dict[str, list[str]]:
    """Where the book's pages place each chart (page stem -> names, in page order)."""
    out: dict[str, list[str]] = {}
    for notebook in sorted(paths.BOOK.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        text = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        out[notebook.stem] = PLACED.findall(text)
    return out


def test_every_chart_is_placed_once_on_its_own_page_in_number_order() -> None:
    registry = figures.registry()
    placed = _placed()
    flat = [name for page in figures.CHAPTERS for name in placed.get(page, [])]
    assert flat == list(registry), "the book's figure order is the registry's (the pack's numbers)"
    for name, chart in registry.items():
        assert name in placed[chart.chapter], name
    toc = (paths.ROOT / "_toc.yml").read_text(encoding="utf-8")
    pages = ["index", *re.findall(r"file: book/(\d\d-[\w-]+)", toc)]
    assert [p for p in pages if p in figures.CHAPTERS] == list(figures.CHAPTERS)


def test_every_chart_has_a_caption_alt_text_and_title_from_its_data() -> None:
    for name, chart in figures.registry().items():
        data = chart.data()
        assert {"source_id"} <= set(data.columns), name
        caption, alt = figures.caption(name, data), chart.alt(data)
        assert caption.startswith(chart.takeaway(data)), name  # one function writes both
        assert name.startswith("fig-")
        for text in (caption, alt, chart.takeaway(data)):
            assert text.rstrip().endswith("."), (name, text)
            assert not re.search(r"\b(nan|None|NaN|inf)\b", text), (name, text)
        assert alt != caption, name
        assert chart.title, name
        assert chart.title[0].isupper(), name


def test_alt_text_follows_the_data() -> None:
    chart = figures.registry()["fig-pay-ranges"]
    data = chart.data()
    changed = data.assign(low_usd=data["low_usd"].where(data["low_usd"] != data["low_usd"].min(), 1_234.0))
    assert "$1,234" in chart.alt(changed)
    assert "$1,234" not in chart.alt(data)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("pack")
    figures.pack(out / "figures", out / "figures.zip")
    return out / "figures", out / "figures.zip"


def _svg_texts(path: Path) -> dict[str, str]:
    """The text of an SVG by the id of the group that holds it, and all of it under ``"*"``: each
    ``<text>`` element's words, its lines joined by spaces (what a search in the file finds)."""
    root = ET.parse(path).getroot()
    out: dict[str, list[str]] = {"*": [" ".join(t.itertext()) for t in root.iter(f"{SVG}text")]}
    for group in root.iter(f"{SVG}g"):
        if group.get("id"):
            out.setdefault(str(group.get("id")), []).extend(" ".join(t.itertext()) for t in group.iter(f"{SVG}text"))
    return {key: " ".join(" ".join(v).split()) for key, v in out.items()}


def _flat(text: str) -> str:
    """Text without its spaces: a line break drawn into an image may fall inside an address."""
    return re.sub(r"\s+", "", text)


def _official_occupations(data: pd.DataFrame, references: list[str]) -> dict[str, str]:
    """Every official series a chart's data draws, as SOC code -> occupation title, read from the
    publishers' own files (not from the code that draws the chart)."""
    with (paths.EXTERNAL / "bls_oews_national.csv").open(encoding="utf-8", newline="") as handle:
        titles = {r["soc_code"]: r["occupation"] for r in csv.DictReader(handle)}
    with (paths.EXTERNAL / "bls_employment_projections_2024_34.csv").open(encoding="utf-8", newline="") as handle:
        projected = {r["soc_code"]: r["occupation"] for r in csv.DictReader(handle)}
    found = {str(c): titles[str(c)] for c in data["soc_code"].dropna()} if "soc_code" in data.columns else {}
    if "bls-separations-2024" in references:
        found.update(projected)
    return found


@pytest.mark.slow
def test_pack_has_every_file_of_every_figure(pack: tuple[Path, Path]) -> None:
    folder, archive = pack
    registry = figures.registry()
    for number, (name, chart) in enumerate(registry.items(), start=1):
        stem = folder / f"{number:02d}-{name}"
        with Image.open(stem.with_suffix(".png")) as image:
            assert round(image.info["dpi"][0]) >= 200
            assert image.size[0] == round(chart_style.WIDTH_IN * chart_style.PNG_DPI), name
        with Image.open(stem.with_name(stem.name + "-slide.png")) as image:
            assert image.size == (int(13.333 * 200), 1500), name  # matplotlib truncates
        with Image.open(stem.with_name(stem.name + figures.WEB_SUFFIX)) as image:
            assert image.size[0] == round(chart_style.WIDTH_IN * chart_style.WEB_DPI), name
        data = chart.data()
        raw = stem.with_suffix(".csv").read_bytes()
        assert raw.startswith(codecs.BOM_UTF8), f"{name}: the CSV has no byte-order mark"
        with stem.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(data), name
        assert list(rows[0]) == list(data.columns), name
        # A reader that does not know the mark sees it in the first header: it is really there.
        assert raw.decode("utf-8").split(",")[0] == "\ufeff" + str(data.columns[0])
        text = stem.with_suffix(".txt").read_text(encoding="utf-8")
        assert figures.caption(name, data) in text
        assert chart.alt(data) in text
        assert f"Figure {number}: {chart.title}" in text
        for citation in (figures.citation_text(name), figures.citation_apa(name), figures.citation_bibtex(name)):
            assert citation in text
        assert figures.short_citation(name) in text
        assert "CC BY 4.0" in text
        for suffix in (".png", "-slide.png", ".svg", ".csv"):
            assert f"{stem.name}{suffix}" in text
        assert "remain their authors" in text
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    assert len(names) == 5 * len(registry)
    assert not any(n.endswith(figures.WEB_SUFFIX) for n in names), "the page's own image is not a download"


@pytest.mark.slow
def test_every_svg_carries_its_title_takeaway_sources_and_credit(pack: tuple[Path, Path]) -> None:
    """What a chart needs when it leaves the book, found in the SVG's own text."""
    folder, _ = pack
    rel = release.release()
    for number, (name, chart) in enumerate(figures.registry().items(), start=1):
        data = chart.data()
        texts = _svg_texts(folder / f"{number:02d}-{name}.svg")
        assert texts["chart-title"] == chart.title, name
        assert texts["chart-takeaway"] == " ".join(chart.takeaway(data).split()), name
        credit = _flat(texts["chart-credit"])
        for part in (f"{rel.author} ({rel.year}), Fig. {number}", "CC BY 4.0", release.page_url(chart.chapter, name)):
            assert _flat(part) in credit, (name, part)
        source = texts["chart-source"]
        for key in chart.references(data):
            assert prose.short_ref(key) in source, (name, key)


@pytest.mark.slow
def test_every_chart_of_an_official_series_names_its_occupation_and_code_in_the_image(
    pack: tuple[Path, Path],
) -> None:
    folder, _ = pack
    drawing_official = 0
    for number, (name, chart) in enumerate(figures.registry().items(), start=1):
        data = chart.data()
        expected = _official_occupations(data, chart.references(data))
        if not expected:
            continue
        drawing_official += 1
        texts = _svg_texts(folder / f"{number:02d}-{name}.svg")
        for soc, title in expected.items():
            assert f"{title} ({soc})" in texts["chart-source"], (name, soc)
        assert "nearest occupation" not in texts["*"], name  # never a figure of no named occupation
    assert drawing_official >= 1


def _drawn_texts(fig: Figure) -> tuple[list[float], list[str]]:
    """The size (points) of every text a figure draws, and the texts that cross its canvas's edge or
    run into the next row label of their axis."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    canvas = fig.bbox
    hidden = set()  # tick labels outside an axis's limits exist but are not drawn
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    sizes, problems = [], []
    for text in fig.findobj(Text):
        if id(text) in hidden or not text.get_visible() or not text.get_text().strip():
            continue
        sizes.append(float(text.get_fontsize()))
        box = text.get_window_extent(renderer)
        inside = box.x0 >= canvas.x0 - 1 and box.x1 <= canvas.x1 + 1
        if not (inside and box.y0 >= canvas.y0 - 1 and box.y1 <= canvas.y1 + 1):
            problems.append(f"outside the canvas: {text.get_text()[:40]!r}")
    for ax in fig.axes:
        boxes = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text() and id(t) not in hidden]
        for a, b in itertools.pairwise(boxes):
            if a.overlaps(b):
                problems.append(f"row labels run into each other at y={a.y0:.0f}")
    return sizes, problems


@pytest.mark.slow  # draws every chart at every size it is shown: a whole render, for `make test`
def test_no_chart_text_is_under_10_px_in_the_books_column_or_outside_the_canvas() -> None:
    """Laid out for the book, every chart is WIDTH_IN wide with no text under MIN_PT: shown in the
    column (COLUMN_PX wide at a 1280 px window) its smallest text is at least 10 CSS px. Worked out
    from each drawn text's own size, the figure's width and the column's."""
    for name in figures.registry():
        fig = figures.build(name)
        try:
            fig.canvas.draw()
            width_in = fig.get_size_inches()[0]
            assert width_in == pytest.approx(chart_style.WIDTH_IN), name
            sizes, problems = _drawn_texts(fig)
            smallest_px = min(sizes) / 72 * chart_style.COLUMN_PX / width_in
            assert smallest_px >= chart_style.LEAST_PX, (name, min(sizes), smallest_px)
            assert problems == [], (name, problems)
        finally:
            plt.close(fig)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(figures.registry()))
def test_slide_sized_charts_keep_every_text_at_14_pt_inside_the_canvas(name: str) -> None:
    data = figures.registry()[name].data()
    fig = chart_style.lay_out(
        figures.draw(name, data, wide=True),
        figures.attribution(name, data),
        *chart_style.SLIDE_SIZE,
        min_pt=chart_style.SLIDE_MIN_PT,
    )
    try:
        fig.canvas.draw()
        assert tuple(round(v, 3) for v in fig.get_size_inches()) == (13.333, 7.5)
        sizes, problems = _drawn_texts(fig)
        assert min(sizes) >= chart_style.SLIDE_MIN_PT, name
        assert problems == [], (name, problems)
    finally:
        plt.close(fig)


def test_a_long_address_breaks_inside_itself_and_never_runs_past_the_width() -> None:
    fig = plt.figure(figsize=(3, 1))
    try:
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        prop = FontProperties(size=10)
        url = "https://example.org/a/very/long/path/that/cannot/fit/on/one/line.html#anchor"
        wrapped = chart_style.wrap(f"See {url} now", prop, 120, renderer, fig.dpi)
        assert _flat(wrapped) == _flat(f"See {url} now")
        assert len(wrapped.splitlines()) > 2
        for line in wrapped.splitlines():
            width = renderer.get_text_width_height_descent(line, prop, ismath=False)[0] * 72 / fig.dpi
            assert width <= 120 + 0.5, line
    finally:
        plt.close(fig)


def test_a_wrapped_line_holds_every_word_that_fits_and_a_run_of_spaces_is_one_space() -> None:
    fig = plt.figure(figsize=(3, 1))
    try:
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        prop = FontProperties(size=10)

        def width(line: str) -> float:
            return renderer.get_text_width_height_descent(line, prop, ismath=False)[0] * 72 / fig.dpi

        text = "Front-line  representatives earn less than their supervisors, who earn less than managers \n\nOK"
        wrapped = chart_style.wrap(text, prop, 120, renderer, fig.dpi)
        lines = wrapped.split("\n")
        assert wrapped.split() == text.split()
        assert "  " not in wrapped
        assert not any(line.endswith(" ") for line in lines)
        assert "" in lines  # the empty paragraph is kept
        assert all(width(line) <= 120 or " " not in line for line in lines), lines
        for line, after in itertools.pairwise(lines):
            if line and after:  # the next line's first word would not have fitted
                assert width(f"{line} {after.split(' ')[0]}") > 120, (line, after)
        assert chart_style.wrap("", prop, 120, renderer, fig.dpi) == ""
        assert chart_style.wrap("unbreakable-and-far-too-long-for-the-width", prop, 20, renderer, fig.dpi) == (
            "unbreakable-and-far-too-long-for-the-width"
        )
    finally:
        plt.close(fig)


@pytest.mark.slow
def test_svg_export_is_byte_stable(tmp_path: Path, pack: tuple[Path, Path]) -> None:
    folder, _ = pack
    name = next(iter(figures.registry()))
    fig = figures.build(name)
    try:
        again = chart_style.export(fig, tmp_path / name)
    finally:
        plt.close(fig)
    assert again[1].read_bytes() == (folder / f"01-{name}.svg").read_bytes()


def test_csv_numbers_are_rounded_to_what_they_mean_and_hold_one_unit_a_column() -> None:
    name = "fig-pay-benchmark"
    data = figures.registry()[name].data()
    rows = list(csv.DictReader(io.StringIO(export.frame_csv(data))))
    for row in rows:
        for column, cell in row.items():
            if column.endswith("_usd") or column in ("year", "adj_year"):
                assert re.fullmatch(r"\d*", cell), (column, cell)  # whole dollars, a year with no ".0"
    with (paths.PROCESSED / "salaries.csv").open(encoding="utf-8", newline="") as handle:
        written = {r["record_id"]: r for r in csv.DictReader(handle)}
    sources = [r for r in rows if r["row"] == "source"]
    assert sources
    for row in sources:
        # low_usd is the figure as its source writes it on every row, never a mix of dollars
        assert float(row["low_usd"]) == float(written[row["record_id"]]["low_usd"]), row
        assert bool(row["year"]) == bool(row["adj_year"]) == bool(row["low_adj_usd"]), row


def test_rounding_keeps_fractions_that_mean_something_and_empty_cells_empty() -> None:
    frame = pd.DataFrame({"low_usd": [35595.98, None], "year": [2007.0, None], "years_mid": [1.5, 2.0]})
    assert export.frame_csv(frame).splitlines() == ["low_usd,year,years_mid", "35596,2007,1.5", ",,2.0"]


def test_a_figures_page_file_holds_the_csv_cells_and_links_only_records_of_the_evidence() -> None:
    """What the book places with a chart is the pack's CSV, cell for cell, with its record links."""
    name = "fig-benefits-matrix"
    data = figures.registry()[name].data()
    page = figures.page_data(name, data)
    header, *rows = list(csv.reader(export.frame_csv(data).splitlines()))
    assert page["header"] == header
    assert page["rows"] == rows
    links = page["links"]
    assert isinstance(links, list)
    assert len(links) == len(rows)
    assert any(row for row in links), "a matrix's rows link to their records"
    assert page["number"] == figures.number(name)
    assert page["chapter"] == figures.registry()[name].chapter

    column = next(c for c in ("record_ids", "record_id") if c in data.columns)
    broken = data.copy()
    broken.loc[broken.index[0], column] = "no-such-record"
    if "claimed_by" in broken.columns:
        broken.loc[broken.index[0], "claimed_by"] = broken.loc[broken.index[0], "source_id"]
    with pytest.raises(ValueError, match=r"fig-benefits-matrix: record_ids? 'no-such-record' of .* is not a record"):
        figures.page_data(name, broken)


def test_a_figure_is_drawn_again_exactly_when_what_it_is_made_of_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack copies a figure's files from the last time it was drawn only while its data, texts
    and code are the same: a changed value, or a changed word of its caption, draws it again."""
    name = next(iter(figures.registry()))
    chart = figures.registry()[name]
    out, drawn = tmp_path / "figures", tmp_path / figures.DRAWN_NAME
    out.mkdir()
    draws: list[pd.DataFrame] = []

    def fake_draw(name_: str, data: pd.DataFrame, folder: Path, *texts: object) -> None:
        draws.append(data)
        (folder / f"{figures.stem(name_)}.png").write_text(f"drawing {len(draws)}", encoding="utf-8")

    monkeypatch.setattr(figures, "_draw_files", fake_draw)
    first = figures._export((name, out, drawn))
    again = figures._export((name, out, drawn))
    assert len(draws) == 1
    assert first == again
    assert (out / f"{figures.stem(name)}.png").read_text(encoding="utf-8") == "drawing 1"

    data = chart.data()
    column = next(c for c in data.columns if pd.api.types.is_numeric_dtype(data[c]) and data[c].notna().any())
    changed = data.assign(**{column: data[column] + 1})
    monkeypatch.setitem(figures.registry(), name, dataclasses.replace(chart, data=lambda: changed))
    assert figures._export((name, out, drawn))[0] != first[0]
    assert len(draws) == 2
    assert (out / f"{figures.stem(name)}.png").read_text(encoding="utf-8") == "drawing 2"

    monkeypatch.setitem(figures.registry(), name, dataclasses.replace(chart, title=f"{chart.title} (retitled)"))
    figures._export((name, out, drawn))
    assert len(draws) == 3
