"""The slide deck, reopened as a presenter's software would: slides, charts' embedded values, footers,
notes, alt text, type sizes, byte stability, and the deck rendered by LibreOffice.

Expected values are read straight from the CSV files (``csv`` module, not ``analysis``), and every
dollar figure the pay slides carry must be written in a source text: change a salary in
``data/processed/salaries.csv`` and the deck no longer matches the words it came from.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from analysis.chapters import prose
from analysis.core import inflation, paths, release, sources
from analysis.publish import chart_style, figures
from analysis.publish.deck import native, shapes, slides

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
QUOTED = re.compile(r"“(.+?)”")


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A deck built afresh from the data as it is now."""
    return slides.build(tmp_path_factory.mktemp("deck") / "deck.pptx")


@pytest.fixture(scope="module")
def prs(deck: Path):
    return Presentation(str(deck))


def _rows(name: str, folder: Path = paths.PROCESSED) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _texts(slide) -> dict[str, str]:
    return {shape.name: shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}


def _chart(slide):
    found = [shape for shape in slide.shapes if shape.has_chart]
    return found[0].chart if found else None


def _series(chart) -> dict[str, dict[str, dict[int, object]]]:
    """Every series of a chart as written in its XML: x, y (or category values) and label texts by point."""
    out = {}
    for ser in chart._chartSpace.iter(f"{C}ser"):
        name = ser.find(f"{C}tx").findtext(f".//{C}v")
        entry: dict[str, dict[int, object]] = {}
        for tag in ("xVal", "yVal", "val", "cat"):
            el = ser.find(f"{C}{tag}")
            if el is not None:
                entry[tag] = {int(pt.get("idx")): pt.findtext(f"{C}v") for pt in el.iter(f"{C}pt")}
        entry["labels"] = {
            int(d.find(f"{C}idx").get("val")): "\n".join(p.xpath("string(.)") for p in d.iter(f"{A}p"))
            for d in ser.iter(f"{C}dLbl")
            if d.find(f"{C}tx") is not None
        }
        out[name] = entry
    return out


def _figure_slides(prs):
    return dict(zip(figures.registry(), list(prs.slides)[2:-1], strict=True))


# --- slides and their order ------------------------------------------------------------------------


def test_slide_count_and_order(prs) -> None:
    registry = figures.registry()
    assert len(prs.slides) == 2 + len(registry) + 1
    assert (prs.slide_width, prs.slide_height) == (Emu(12_192_000), Emu(6_858_000)) or abs(
        prs.slide_width / prs.slide_height - 16 / 9
    ) < 0.001
    titles = [_texts(s).get("Title", "") for s in prs.slides]
    with (paths.ROOT / "CITATION.cff").open(encoding="utf-8") as handle:
        cff = handle.read()
    title = re.search(r"^title: [\"']?(.+?)[\"']?$", cff, re.MULTILINE).group(1)  # type: ignore[union-attr]
    assert titles[0] == title
    release_text = _texts(prs.slides[0])["Release"]
    assert re.search(r"^version: [\"']?(.+?)[\"']?$", cff, re.MULTILINE).group(1) in release_text  # type: ignore[union-attr]
    assert release.LICENCE in release_text
    assert titles[1] == "Executive summary"
    assert titles[2:-1] == [f"Figure {i}: {c.title}" for i, c in enumerate(registry.values(), start=1)]
    assert titles[-1] == "Sources and method"


def test_summary_slide_carries_the_key_points_figures(prs) -> None:
    text = _texts(prs.slides[1])["Summary"]
    ranges = [r for r in _rows("salaries.csv") if r["period"] == "year" and r["statistic"] == "range"]
    entry = min(ranges, key=lambda r: float(r["low_usd"]) + float(r["high_usd"]))
    assert f"${float(entry['low_usd']):,.0f}–${float(entry['high_usd']):,.0f}" in text
    csr = [r for r in _rows("bls_oews_national.csv", paths.EXTERNAL) if r["soc_code"] == "43-4051"]
    latest = max(csr, key=lambda r: int(r["year"]))
    assert f"${float(latest['median_annual_usd']):,.0f} in May {latest['year']}" in text


def test_the_summary_is_set_as_large_as_fits_and_never_below_the_minimum(prs) -> None:
    sizes = {
        run.font.size.pt
        for para in next(sh for sh in prs.slides[1].shapes if sh.name == "Summary").text_frame.paragraphs
        for run in para.runs
    }
    assert len(sizes) == 1
    assert shapes.MIN_PT <= sizes.pop() <= slides.SUMMARY_PT
    short = ["A point of forty characters or so, short."] * 6
    assert slides.fitting_size(short, 12.2, 5.6, 12, 19) == 19
    long = ["word " * 60] * 6  # 300 characters a point: 4 lines each at 19 pt, 24 lines in all
    assert shapes.MIN_PT < slides.fitting_size(long, 12.2, 5.6, 12, 19) < 19
    assert slides.fitting_size(long * 5, 12.2, 5.6, 12, 19) == shapes.MIN_PT


# --- native charts hold the tables' values ----------------------------------------------------------


def _pairs(xs: dict[int, object]) -> list[tuple[float, float]]:
    """Consecutive points of a line series broken by blanks: (first, second) of each segment."""
    out, run = [], []
    for i in range(max(xs, default=-1) + 2):
        if i in xs:
            run.append(float(xs[i]))  # type: ignore[arg-type]
        elif run:
            out.append((run[0], run[-1]))
            run = []
    return out


def _on_yearly_scale(row: dict[str, str]) -> dict[str, str]:
    """A row of salaries.csv with its figures as the chart of every figure draws them: a yearly one
    as written, an hourly or monthly one at the chart's stated basis."""
    factor = {"year": 1, "hour": 2080, "month": 12}[row["period"]]
    return {**row, **{c: str(float(row[c]) * factor) for c in ("low_usd", "high_usd") if row[c]}}


def test_pay_ranges_chart_holds_every_figure_of_the_csv_on_the_yearly_scale(prs) -> None:
    series = _series(_chart(_figure_slides(prs)["fig-pay-ranges"]))
    annual = [_on_yearly_scale(r) for r in _rows("salaries.csv")]
    ranges = sorted((float(r["low_usd"]), float(r["high_usd"])) for r in annual if r["statistic"] == "range")
    drawn = sorted(p for name, s in series.items() if name.endswith(": range") for p in _pairs(s["xVal"]))
    assert drawn == ranges
    averages = sorted(float(r["low_usd"]) for r in annual if r["statistic"] == "average")
    assert (
        sorted(float(v) for n, s in series.items() if n.endswith(": average") for v in s["xVal"].values()) == averages
    )
    thresholds = sorted(float(r["low_usd"]) for r in annual if r["statistic"] == "threshold")
    assert sorted(a for n, s in series.items() if "threshold" in n for a, _b in _pairs(s["xVal"])) == thresholds


def _money_in_sources(value: float) -> bool:
    """Whether a source writes the amount: as a yearly figure, or as the hourly or monthly figure it
    is drawn from at the chart's stated basis (2,080 hours, 12 months a year)."""
    written = [f"{value:,.0f}", *(f"{value / factor:,.2f}" for factor in (2080, 12))]
    return any(
        re.search(rf"(?<![\d,]){re.escape(wanted)}(?![\d]|,\d)", s.text)
        for wanted in written
        for s in sources.load_all().values()
    )


def test_every_nominal_pay_figure_on_the_slides_is_written_in_a_source(prs) -> None:
    """The deck is built from the CSV; the figures must still be the sources' own words."""
    series = _series(_chart(_figure_slides(prs)["fig-pay-ranges"]))
    values = [v for n, s in series.items() if n != "labels" and "threshold" not in n for v in s["xVal"].values()]
    values += [a for n, s in series.items() if "threshold" in n for a, _b in _pairs(s["xVal"])]
    assert values
    missing = [v for v in map(float, values) if not _money_in_sources(v)]  # type: ignore[arg-type]
    assert not missing, f"pay figures on the slide that no source writes: {missing}"


def test_adjusted_chart_floats_bars_from_the_csv_lows(prs) -> None:
    chart = _chart(_figure_slides(prs)["fig-pay-adjusted"])
    offset, written, adjusted = (list(s.values) for s in chart.plots[0].series)
    dated = [r for r in _rows("salaries.csv") if r["period"] == "year" and r["statistic"] == "range" and r["year"]]
    lows = {float(r["low_usd"]): (float(r["high_usd"]), int(r["year"])) for r in dated}
    seen_written = [(lo, lo + span) for lo, span in zip(offset, written, strict=True) if span is not None]
    assert sorted(seen_written) == sorted((lo, high) for lo, (high, _year) in lows.items())
    for lo, span in zip(offset, adjusted, strict=True):
        if span is None:
            continue
        nominal = next(a for a, (_h, year) in lows.items() if abs(inflation.adjust(a, year) - lo) < 0.01)
        high, year = lows[nominal]
        assert lo + span == pytest.approx(inflation.adjust(high, year))
    assert all(s is None for s, t in zip(written, adjusted, strict=True) if t is not None)


def test_headline_chart_holds_the_lowest_and_highest_midpoints_and_the_bls_medians(prs) -> None:
    series = _series(_chart(_figure_slides(prs)["fig-summary-pay"]))
    ranges = [r for r in _rows("salaries.csv") if r["period"] == "year" and r["statistic"] == "range"]
    mid = sorted(ranges, key=lambda r: float(r["low_usd"]) + float(r["high_usd"]))
    picks = [(float(r["low_usd"]), float(r["high_usd"])) for r in (mid[0], mid[-1])]
    written = next(s for n, s in series.items() if n.startswith("range as written"))
    assert _pairs(written["xVal"]) == picks
    oews = _rows("bls_oews_national.csv", paths.EXTERNAL)
    medians = []
    for soc in ("43-4051", "11-3012"):
        rows = [r for r in oews if r["soc_code"] == soc]
        medians.append(float(max(rows, key=lambda r: int(r["year"]))["median_annual_usd"]))
    median = next(s for n, s in series.items() if n.startswith("BLS median"))
    assert [float(v) for _, v in sorted(median["xVal"].items())] == medians  # type: ignore[arg-type]


def test_average_chart_holds_the_oews_rows_and_the_undated_average(prs) -> None:
    series = _series(_chart(_figure_slides(prs)["fig-agreement-average"]))
    rows = sorted(
        (r for r in _rows("bls_oews_national.csv", paths.EXTERNAL) if r["soc_code"] == "43-4051"),
        key=lambda r: int(r["year"]),
    )
    median = series["BLS median"]
    assert [median["cat"][i] for i in sorted(median["cat"])] == [r["year"] for r in rows]
    assert [float(median["val"][i]) for i in sorted(median["val"])] == [float(r["median_annual_usd"]) for r in rows]  # type: ignore[arg-type]
    assert [float(series["BLS 10th percentile"]["val"][i]) for i in range(len(rows))] == [
        float(r["p10_annual_usd"]) for r in rows
    ]  # type: ignore[arg-type]
    undated = [r for r in _rows("salaries.csv") if r["statistic"] == "average" and not r["year"]]
    average = next(s for n, s in series.items() if n.startswith("undated average"))
    assert {float(v) for v in average["val"].values()} == {float(undated[0]["low_usd"])}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "table"), [("fig-benefits-matrix", "benefits.csv"), ("fig-challenges-matrix", "challenges.csv")]
)
def test_matrix_dots_count_the_csv_records(prs, name: str, table: str) -> None:
    series = _series(_chart(_figure_slides(prs)[name]))
    texts = series["labels"]
    at = {(float(texts["xVal"][i]), float(texts["yVal"][i])): t for i, t in texts["labels"].items()}  # type: ignore[arg-type]
    rows = {y: t for (x, y), t in at.items() if x < 0}
    columns = {x: t.replace("\n", " ") for (x, y), t in at.items() if y > 0}
    named = series["names it (number of records)"]
    drawn = {
        (rows[float(named["yVal"][i])], columns[float(named["xVal"][i])]): int(t)  # type: ignore[arg-type]
        for i, t in named["labels"].items()
    }
    expected: dict[tuple[str, str], int] = {}
    for r in _rows(table):
        key = (r["category"].replace("-", " "), prose.short_ref(r["source_id"]))
        expected[key] = expected.get(key, 0) + 1
    assert drawn == expected


def test_every_native_chart_holds_values_of_its_data(prs) -> None:
    """Every number a native chart embeds (other than positions and series of text) is in its data table."""
    for name, slide in _figure_slides(prs).items():
        chart = _chart(slide)
        if chart is None:
            assert name in native.PICTURES
            continue
        data = figures.registry()[name].data()
        numbers = data.select_dtypes("number").astype("float64").to_numpy().ravel()
        known = {round(float(v), 2) for v in numbers if v == v}
        known |= {round(a - b, 2) for a in known for b in known}  # spans of floating bars
        for sname, s in _series(chart).items():
            if (
                sname == "labels"
                or "threshold" in sname
                or sname.startswith(("names", "BLS median"))
                or name in ("fig-ladder-experience-pay",)
            ):
                continue
            for tag in ("xVal", "val"):
                for v in s.get(tag, {}).values():
                    assert (
                        round(float(v), 2) in known
                        or round(float(v) + 0.01, 2) in known
                        or round(float(v) - 0.01, 2) in known
                    ), (name, sname, v)  # type: ignore[arg-type]


# --- footers, notes, alt text ----------------------------------------------------------------------


def test_every_figure_slide_has_a_footer_naming_its_sources_and_the_licence(prs) -> None:
    for name, slide in _figure_slides(prs).items():
        chart = figures.registry()[name]
        footer = _texts(slide)["Footer"]
        assert f"Figure {figures.number(name)}" in footer
        assert release.LICENCE in footer
        for key in chart.references(chart.data()):
            assert prose.short_ref(key) in footer, (name, key)


def test_every_notes_page_quotes_a_source_verbatim(prs) -> None:
    corpus = sources.load_all()
    for name, slide in _figure_slides(prs).items():
        notes = slide.notes_slide.notes_text_frame.text
        assert figures.citation_text(name) in notes
        assert figures.registry()[name].caption(figures.registry()[name].data()) in notes
        quotes = QUOTED.findall(notes)
        found = [q for q in quotes if any(sources.find_quote(s.text, q) for s in corpus.values())]
        assert found, f"{name}: no verbatim quote of a source in the notes"
        assert len(found) == len(quotes), f"{name}: quoted words not in any source"


def test_every_chart_and_picture_has_its_alt_text(prs) -> None:
    for name, slide in _figure_slides(prs).items():
        chart = figures.registry()[name]
        visuals = [s for s in slide.shapes if s.has_chart or s.shape_type == 13]  # 13: picture
        assert len(visuals) == 1, name
        descr = visuals[0]._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
        assert descr == chart.alt(chart.data())
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart or shape.shape_type == 13:
                assert shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")


# --- type sizes -----------------------------------------------------------------------------------


def _sizes(element) -> list[tuple[str, int | None]]:
    out = []
    for tag in ("rPr", "defRPr", "endParaRPr"):
        for el in element.iter(f"{A}{tag}"):
            out.append((tag, int(el.get("sz")) if el.get("sz") else None))
    return out


def test_no_text_is_smaller_than_14_pt(prs) -> None:
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                for para in shape.text_frame.paragraphs:
                    for run in para.runs:
                        assert run.font.size is not None, (number, run.text)
                        assert run.font.size.pt >= 14, (number, run.text)
                for tag, size in _sizes(shape._element):
                    assert size is None or size >= 1400, (number, tag, size)
            if shape.has_chart:
                space = shape.chart._chartSpace
                default = space.find(f"{C}txPr")
                assert default is not None
                assert all(s is not None and s >= 1400 for t, s in _sizes(default) if t == "defRPr")
                for tag, size in _sizes(space):
                    assert size is None or size >= 1400, (number, tag, size)
        for para in slide.notes_slide.notes_text_frame.paragraphs:
            for run in para.runs:
                assert run.font.size is not None
                assert run.font.size.pt >= 14


# --- byte stability ------------------------------------------------------------------------------


@pytest.mark.slow  # builds the whole deck twice
def test_two_builds_are_byte_identical(deck: Path, tmp_path: Path) -> None:
    again = slides.build(tmp_path / "again.pptx")
    assert again.read_bytes() == deck.read_bytes()


# --- the deck as LibreOffice shows it --------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_renders_every_slide(deck: Path, tmp_path: Path) -> None:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        pytest.skip("rendering the deck needs LibreOffice (apt-get install libreoffice-impress) and poppler-utils")
    profile = tmp_path / "profile"  # a fresh LibreOffice profile: no lock shared with a running instance
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "deck.pdf"
    subprocess.run([pdftoppm, "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(Presentation(str(deck)).slides)
    from PIL import Image

    for page in pages:
        with Image.open(page) as image:
            assert image.size == (667, 375), page.name  # 13.333 x 7.5 in at 50 dpi
            assert image.convert("L").getextrema()[0] < 100, f"{page.name} is blank"
    # The summary's text box ends 6.75 in down the slide: below it, nothing is drawn.
    with Image.open(pages[1]) as image:
        below = image.convert("L").crop((0, int(6.8 * 50), 667, 375))
        assert below.getextrema()[0] > 200, "the summary runs past its box"


# --- the figure pack's slide-sized pictures --------------------------------------------------------


@pytest.mark.slow  # renders every slide-sized PNG of the figure pack
@pytest.mark.parametrize("name", list(figures.registry()))
def test_slide_pictures_keep_every_text_at_14_pt_inside_the_canvas(name: str) -> None:
    from matplotlib.text import Text

    fig = chart_style.for_slide(figures.build(name))
    fig.canvas.draw()
    assert tuple(round(v, 3) for v in fig.get_size_inches()) == (13.333, 7.5)
    renderer = fig.canvas.get_renderer()
    canvas = fig.bbox
    hidden = set()  # tick labels outside an axis's limits exist but are not drawn
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    for text in fig.findobj(Text):
        if id(text) in hidden or not text.get_visible() or not text.get_text().strip():
            continue
        assert text.get_fontsize() >= 14, (name, text.get_text())
        box = text.get_window_extent(renderer)
        inside = (
            box.x0 >= canvas.x0 - 1 and box.x1 <= canvas.x1 + 1 and box.y0 >= canvas.y0 - 1 and box.y1 <= canvas.y1 + 1
        )
        assert inside, (name, text.get_text()[:40], box, canvas)
    import matplotlib.pyplot as plt

    plt.close(fig)
