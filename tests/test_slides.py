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
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from analysis.chapters import prose
from analysis.core import inflation, paths, release, sources
from analysis.publish import figures
from analysis.publish.chart import sources_in
from analysis.publish.deck import headlines, native, shapes, slides

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


def _title(slide) -> str:
    """The text of the slide's title placeholder (what the outline and a screen reader read)."""
    title = slide.shapes.title
    return title.text_frame.text if title is not None else ""


def _words(slide) -> int:
    """The words a reader reads on a slide (its number is not one)."""
    return sum(
        len(shape.text_frame.text.split())
        for shape in slide.shapes
        if shape.has_text_frame
        and not (shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER)
    )


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
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.001
    titles = [_title(s) for s in prs.slides]
    with (paths.ROOT / "CITATION.cff").open(encoding="utf-8") as handle:
        cff = handle.read()
    title = re.search(r"^title: [\"']?(.+?)[\"']?$", cff, re.MULTILINE).group(1)  # type: ignore[union-attr]
    assert titles[0] == title
    subtitle = next(s for s in prs.slides[0].placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    version = re.search(r"^version: [\"']?(.+?)[\"']?$", cff, re.MULTILINE).group(1)  # type: ignore[union-attr]
    assert version in subtitle.text_frame.text
    assert release.LICENCE in subtitle.text_frame.text
    assert titles[1] == headlines.TITLE
    # each figure's slide is headed by its takeaway, the line its image and caption carry
    assert titles[2:-1] == [c.takeaway(c.data()) for c in registry.values()]
    assert titles[-1] == "Sources and method"


def test_every_slide_has_a_title_placeholder_with_text_and_its_number(prs) -> None:
    """PowerPoint's outline and accessibility checker read a slide's title from its title
    placeholder; a company template maps onto the layouts' placeholders."""
    for number, slide in enumerate(prs.slides, start=1):
        kinds = {p.placeholder_format.type for p in slide.placeholders}
        assert kinds & {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}, number
        assert _title(slide).strip(), number
        assert slide.slide_layout.name != "Blank", number
        numbers = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
        assert len(numbers) == 1, number
        field = numbers[0]._element.find(f".//{A}fld")
        assert field is not None, number
        assert field.get("type") == "slidenum", number
        assert field.findtext(f"{A}t") == str(number)


def test_no_font_outside_calibri_is_named_anywhere_in_the_deck(deck: Path) -> None:
    """Calibri is on every office machine (and the theme's own font); no part of the file names
    another, so nothing falls back to a font the presenter lacks."""
    named = set()
    with zipfile.ZipFile(deck) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                named |= set(re.findall(r'typeface="([^"]*)"', archive.read(name).decode("utf-8")))
    assert shapes.FONT in named
    assert named <= shapes.FONTS, sorted(named - shapes.FONTS)


def test_the_summary_is_at_most_four_numbers_in_at_most_40_words(prs) -> None:
    summary = prs.slides[1]
    assert _words(summary) <= headlines.MAX_WORDS
    body = next(s for s in summary.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    points = [p for p in body.text_frame.paragraphs if p.runs]
    assert 1 <= len(points) <= headlines.MAX_HEADLINES
    for para in points:  # the number first, large and bold
        assert para.runs[0].font.bold
        assert para.runs[0].font.size.pt > para.runs[-1].font.size.pt


def test_summary_slide_carries_the_headline_figures_with_their_hedges(prs) -> None:
    text = " ".join(
        prs.slides[1].shapes[i].text_frame.text
        for i in range(len(prs.slides[1].shapes))
        if prs.slides[1].shapes[i].has_text_frame
    )
    ranges = [r for r in _rows("salaries.csv") if r["period"] == "year" and r["statistic"] == "range"]
    entry = min(ranges, key=lambda r: float(r["low_usd"]) + float(r["high_usd"]))
    assert f"${float(entry['low_usd']):,.0f}–${float(entry['high_usd']):,.0f}" in text
    for hedge in filter(None, entry["hedge"].split(";")):
        assert hedge in text, f"the entry range's hedge {hedge!r} is dropped"
    csr = [r for r in _rows("bls_oews_national.csv", paths.EXTERNAL) if r["soc_code"] == "43-4051"]
    latest = max(csr, key=lambda r: int(r["year"]))
    assert f"${float(latest['median_annual_usd']):,.0f}" in text
    assert f"{latest['occupation']} (43-4051), May {latest['year']}" in text


def test_the_summary_falls_back_to_shorter_words_never_to_fewer_hedges() -> None:
    long_role = pd.DataFrame(
        [
            {
                "record_id": "a",
                "source_id": "s",
                "tier_level": 1,
                "role": "word " * 30,
                "year": 2007.0,
                "statistic": "range",
                "period": "year",
                "low_usd": 100.0,
                "high_usd": 200.0,
                "hedge": "often",
            },
            {
                "record_id": "b",
                "source_id": "s",
                "tier_level": 5,
                "role": "Manager",
                "year": 2007.0,
                "statistic": "range",
                "period": "year",
                "low_usd": 300.0,
                "high_usd": 500.0,
                "hedge": "",
            },
        ]
    )
    challenges = pd.DataFrame(columns=["source_id", "record_id", "item", "quote", "category"])
    tables = {"salaries": long_role, "challenges": challenges}
    oews = pd.DataFrame(
        [
            {
                "year": 2025,
                "soc_code": "43-4051",
                "occupation": "Customer Service Representatives",
                "median_annual_usd": 44770.0,
            }
        ]
    )
    points = headlines.headlines(tables.__getitem__, oews, n_sources=3)
    words = len(headlines.TITLE.split()) + sum(len(f"{n} {w}".split()) for n, w in points)
    assert words <= headlines.MAX_WORDS
    assert "word word" not in " ".join(w for _, w in points)  # the long role gave way to the rung
    assert any("(hedged: often)" in w for _, w in points)  # the hedge did not


def test_every_wording_of_the_lowest_range_says_it_is_lowest_by_midpoint() -> None:
    # a range that starts lower but has the higher midpoint: "lowest" alone would mislead
    salaries = pd.DataFrame(
        [
            {
                "record_id": r,
                "source_id": "s",
                "tier_level": 1,
                "role": role,
                "year": 2007.0,
                "statistic": "range",
                "period": "year",
                "low_usd": low,
                "high_usd": high,
                "hedge": "",
            }
            for r, role, low, high in (("a", "Wide", 90.0, 400.0), ("b", "Narrow", 100.0, 200.0))
        ]
    )
    for headline in (headlines.entry(salaries), headlines.spread(salaries)):
        for wording in headline.wordings:
            assert "midpoint" in wording, wording
            assert "lowest" in wording, wording
    assert headlines.entry(salaries).number == "$100–$200"


def test_the_data_page_does_not_call_every_slide_chart_editable_when_some_are_pictures() -> None:
    from analysis.core import paths as core_paths
    from analysis.publish.deck.native import PICTURES

    page = " ".join((core_paths.BOOK / "data.md").read_text(encoding="utf-8").split())
    if PICTURES:
        assert "with the charts as editable" not in page
        assert "as a picture where it cannot" in page


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
    median = series[f"BLS median, {rows[-1]['occupation']} (43-4051)"]  # the official series, named
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


def test_every_figure_slide_has_a_footer_naming_its_sources_occupations_and_the_licence(prs) -> None:
    with (paths.EXTERNAL / "bls_oews_national.csv").open(encoding="utf-8", newline="") as handle:
        titles = {r["soc_code"]: r["occupation"] for r in csv.DictReader(handle)}
    for name, slide in _figure_slides(prs).items():
        chart = figures.registry()[name]
        data = chart.data()
        footer = _texts(slide)["Footer"]
        assert f"Figure {figures.number(name)}" in footer
        assert release.LICENCE in footer
        for key in chart.references(data):
            assert prose.short_ref(key) in footer, (name, key)
        if "soc_code" in data.columns:  # every official series drawn, by occupation and code
            for soc in set(data["soc_code"].dropna()):
                assert f"{titles[soc]} ({soc})" in footer, (name, soc)


def test_every_notes_page_is_short_cites_the_figure_and_quotes_at_most_three_sources_verbatim(prs) -> None:
    corpus = sources.load_all()
    for name, slide in _figure_slides(prs).items():
        notes = slide.notes_slide.notes_text_frame.text
        assert len(notes) < slides.MAX_NOTES, (name, len(notes))
        assert figures.citation_text(name) in notes
        assert release.page_url(figures.registry()[name].chapter, f"{name}-data") in notes  # the rest, one link away
        quotes = QUOTED.findall(notes)
        assert len(quotes) <= slides.MAX_QUOTES, name
        found = [q for q in quotes if any(sources.find_quote(s.text, q) for s in corpus.values())]
        chart = figures.registry()[name]
        if sources_in(chart.data()):  # a chart of official figures alone has no source to quote
            assert found, f"{name}: no verbatim quote of a source in the notes"
        assert len(found) == len(quotes), f"{name}: quoted words not in any source"


def test_every_chart_is_native_or_a_listed_picture_with_its_reason(prs) -> None:
    for name, slide in _figure_slides(prs).items():
        charts = [s for s in slide.shapes if s.has_chart]
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        if name in native.PICTURES:
            assert len(pictures) == 1, name
            assert not charts, name
            assert len(native.PICTURES[name]) > 40, f"{name}: a picture needs its reason"
        else:
            assert len(charts) == 1, name
            assert not pictures, name
    assert set(native.NATIVE) | set(native.PICTURES) == set(figures.registry())
    assert not set(native.NATIVE) & set(native.PICTURES)


def test_no_legend_or_row_label_is_drawn_over_the_data(prs) -> None:
    """Legends take room of their own (not overlaid); a row chart's labels sit left of its plot,
    outside the plot area, which begins where the label column ends."""
    row_charts = 0
    for name, slide in _figure_slides(prs).items():
        chart = _chart(slide)
        if chart is None:
            continue
        space = chart._chartSpace
        for overlay in space.iter(f"{C}overlay"):
            if overlay.getparent().tag == f"{C}legend":
                assert overlay.get("val") in ("0", None), name
        series = _series(chart)
        labels = series.get("labels")
        layout = space.find(f".//{C}plotArea/{C}layout/{C}manualLayout")
        if labels is None or layout is None:
            continue
        row_charts += 1
        assert layout.find(f"{C}layoutTarget").get("val") == "inner", name
        assert float(layout.find(f"{C}x").get("val")) >= shapes.LABEL_SHARE - 1e-6, name
        x_min = float(space.find(f".//{C}valAx/{C}scaling/{C}min").get("val"))
        assert {float(v) for v in labels["xVal"].values()} == {x_min}, name  # at the plot's left edge ...
        positions = {
            d.find(f"{C}dLblPos").get("val") for d in space.iter(f"{C}dLbl") if d.find(f"{C}dLblPos") is not None
        }
        assert "l" in positions, name  # ... and written to its left
    assert row_charts >= 3


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
