"""The figure pack and the XLSX workbook: what a presenter or analyst takes away."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from analysis.core import evidence, paths
from analysis.publish import chart_style, export, figures

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
        caption, alt = chart.caption(data), chart.alt(data)
        assert name.startswith("fig-")
        for text in (caption, alt):
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


@pytest.mark.slow
def test_pack_has_png_svg_csv_and_card_for_every_figure(pack: tuple[Path, Path]) -> None:
    folder, archive = pack
    registry = figures.registry()
    for number, (name, chart) in enumerate(registry.items(), start=1):
        stem = folder / f"{number:02d}-{name}"
        with Image.open(stem.with_suffix(".png")) as image:
            assert round(image.info["dpi"][0]) >= 200
        assert stem.with_suffix(".svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
        data = chart.data()
        with stem.with_suffix(".csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(data), name
        assert list(rows[0]) == list(data.columns), name
        text = stem.with_suffix(".txt").read_text(encoding="utf-8")
        assert chart.caption(data) in text
        assert chart.alt(data) in text
        assert "Cite as:" in text
        assert f"Figure {number}: {chart.title}" in text
        assert "CC BY 4.0" in text
        assert figures.short_citation(name) in text
        assert f"{stem.name}.csv" in text
        assert "remain their authors" in text
    with zipfile.ZipFile(archive) as zipped:
        assert len(zipped.namelist()) == 5 * len(registry)


@pytest.mark.slow
def test_svg_export_is_byte_stable(tmp_path: Path, pack: tuple[Path, Path]) -> None:
    folder, _ = pack
    name = next(iter(figures.registry()))
    again = chart_style.export(figures.build(name), tmp_path / name)
    assert again[1].read_bytes() == (folder / f"01-{name}.svg").read_bytes()


def test_workbook_has_every_table_and_the_dictionary(tmp_path: Path) -> None:
    book = load_workbook(export.workbook(tmp_path / "data.xlsx"), read_only=True)
    tables = list(evidence.TABLES.values())
    assert book.sheetnames == [*tables, "dictionary"]
    for name in tables:
        with (paths.PROCESSED / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        sheet = list(book[name].iter_rows(values_only=True))
        assert [str(v) for v in sheet[0]] == rows[0]
        assert len(sheet) == len(rows), name
    salaries = list(book["salaries"].iter_rows(values_only=True))
    low = salaries[1][salaries[0].index("low_usd")]
    assert isinstance(low, (int, float))
    assert not isinstance(low, bool)
    dictionary = list(book["dictionary"].iter_rows(values_only=True))
    assert ("salaries", "low_usd") in {(r[0], r[1]) for r in dictionary[1:]}


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
