"""The figure pack and the XLSX workbook: what a presenter or analyst takes away."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from analysis import evidence, export, figures, paths


def test_every_shown_figure_is_registered_named_captioned_and_described() -> None:
    shown = figures.book_figures()
    names = [info.name for info in shown]
    assert len(names) == len(set(names)) >= 8
    assert set(names) == set(figures.registry())
    for info in shown:
        assert info.name.startswith("fig-")
        assert len(info.caption) > 30, info.name
        assert len(info.alt) > 80 and info.alt != info.caption, info.name


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("pack")
    figures.pack(out / "figures", out / "figures.zip")
    return out / "figures", out / "figures.zip"


def test_pack_has_png_svg_and_text_for_every_figure(pack: tuple[Path, Path]) -> None:
    folder, archive = pack
    shown = figures.book_figures()
    for number, info in enumerate(shown, start=1):
        stem = folder / f"{number:02d}-{info.name}"
        with Image.open(stem.with_suffix(".png")) as image:
            assert round(image.info["dpi"][0]) >= 200
        assert stem.with_suffix(".svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
        text = stem.with_suffix(".txt").read_text(encoding="utf-8")
        assert info.caption in text and info.alt in text and "Cite as:" in text
    with zipfile.ZipFile(archive) as zipped:
        assert len(zipped.namelist()) == 3 * len(shown)


def test_svg_export_is_byte_stable(tmp_path: Path, pack: tuple[Path, Path]) -> None:
    folder, _ = pack
    name = figures.book_figures()[0].name
    again = figures.charts.export(figures.build(name), tmp_path / name)
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
    assert isinstance(low, (int, float)) and not isinstance(low, bool)  # a number, not text
    dictionary = list(book["dictionary"].iter_rows(values_only=True))
    assert ("salaries", "low_usd") in {(r[0], r[1]) for r in dictionary[1:]}
