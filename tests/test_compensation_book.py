"""The committed book as a compensation analyst reads it: every official occupation that fits a rung
named where its comparison is drawn, the assumptions printed beside the figures they move, every
article's words about pay, pay over time with the survey's caution, key findings that keep their
hedges, the ladder's order as a convention, what no source says, and the explorer and cite page
saying what the sources say. These tests read the built pages, images and deck, and the data files
directly, so they may name the committed corpus's content."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from pptx import Presentation

from analysis.core import inflation, paths, sources

pytestmark = pytest.mark.book

SVG = "{http://www.w3.org/2000/svg}"
PAGES = ("book/index", "book/01-sources", "book/02-pay", "book/03-career-ladder", "book/04-benefits")
PAGES += ("book/05-challenges", "book/06-conditions", "book/07-agreement")


def _clean(text: str) -> str:
    """Words as a reader reads them: one space between words, none before punctuation."""
    return re.sub(r"\s+([,.;:)\]])", r"\1", re.sub(r"([(\[“])\s+", r"\1", " ".join(text.split())))


def _soup(book: Path, page: str) -> Tag:
    soup = BeautifulSoup((book / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for hidden in article.select("script, style, .cell_input"):
        hidden.decompose()
    return article  # type: ignore[return-value]


def _text(book: Path, page: str) -> str:
    return _clean(_soup(book, page).get_text(" "))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _svgs() -> dict[str, dict[str, str]]:
    """Each chart image of the figure pack, by chart name: its text by group id, and all of it ("*")."""
    out = {}
    for path in sorted(paths.FIGURES.glob("*.svg")):
        root = ET.parse(path).getroot()
        texts: dict[str, list[str]] = {"*": [" ".join(t.itertext()) for t in root.iter(f"{SVG}text")]}
        for group in root.iter(f"{SVG}g"):
            if group.get("id"):
                texts.setdefault(str(group.get("id")), []).extend(
                    " ".join(t.itertext()) for t in group.iter(f"{SVG}text")
                )
        out[path.stem.split("-", 1)[1]] = {k: " ".join(" ".join(v).split()) for k, v in texts.items()}
    return out


# --- 1. every occupation that fits a rung, named where the comparison is drawn ---------------------


def _fitting(tier: str, family: str) -> list[dict[str, str]]:
    """The occupations the declared table says fit a rung and family, read from the file itself."""
    rows = [r for r in _csv(paths.EXTERNAL / "rung_occupations.csv") if r["tier"] == tier]
    kept = [r for r in rows if r["family"] and r["family"] == family]
    return kept or [r for r in rows if not r["family"]]


def test_every_occupation_that_fits_a_drawn_figures_rung_is_named_in_the_chart_image(built_book: Path) -> None:
    salaries = {(r["source_id"], r["record_id"]): r for r in _csv(paths.PROCESSED / "salaries.csv")}
    images = _svgs()
    checked = 0
    for name in ("fig-summary-pay", "fig-pay-benchmark"):
        data = _csv(next(paths.FIGURES.glob(f"*-{name}.csv")))
        drawn = {(r["source_id"], r["record_id"]) for r in data if r.get("record_id")}
        for key in drawn:
            figure = salaries[key]
            for occupation in _fitting(figure["tier"], figure["family"]):
                checked += 1
                assert f"({occupation['soc_code']})" in images[name]["*"], (
                    name,
                    figure["role"],
                    occupation["soc_code"],
                )
                assert occupation["occupation"].split()[0] in images[name]["*"], (name, occupation["occupation"])
    assert checked


def test_the_data_behind_each_chart_of_a_comparison_gives_the_reason_for_its_occupation(built_book: Path) -> None:
    reasons = {
        (r["tier"], r["family"], r["soc_code"]): r["reason"] for r in _csv(paths.EXTERNAL / "rung_occupations.csv")
    }
    salaries = {(r["source_id"], r["record_id"]): r for r in _csv(paths.PROCESSED / "salaries.csv")}
    checked = 0
    for name, pairs in (
        ("fig-summary-pay", (("soc_code", "why"), ("alt_soc_code", "alt_why"))),
        ("fig-pay-benchmark", (("soc_code", "why"),)),
    ):
        for row in _csv(next(paths.FIGURES.glob(f"*-{name}.csv"))):
            if not row.get("record_id"):
                continue
            figure = salaries[(row["source_id"], row["record_id"])]
            fits = {r["soc_code"]: r for r in _fitting(figure["tier"], figure["family"])}
            for code, why in pairs:
                if row[code]:
                    checked += 1
                    assert row[why] == fits[row[code]]["reason"], (name, row["record_id"], row[code])
                    assert row[why] in reasons.values()
    assert checked


def test_the_pay_page_argues_each_occupation_and_says_when_the_choice_changes_the_comparison(built_book: Path) -> None:
    page = _text(built_book, "book/02-pay")
    for row in _csv(paths.EXTERNAL / "rung_occupations.csv"):
        assert _clean(row["reason"]) in page, row["soc_code"]
    assert "Which occupation is taken decides the comparison" in page
    assert "compared with nothing" not in page


def test_the_summary_slide_names_every_occupation_its_chart_draws(built_book: Path) -> None:
    deck = Presentation(str(paths.DOWNLOADS / "call-center-careers-slides.pptx"))
    data = _csv(next(paths.FIGURES.glob("*-fig-summary-pay.csv")))
    codes = {r["soc_code"] for r in data if r["soc_code"]} | {r["alt_soc_code"] for r in data if r["alt_soc_code"]}
    slide = next(
        s for s in deck.slides if any("Entry and top pay" in sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
    )
    words = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    for code in codes:
        assert code in words, code


# --- 2. what the report reads into a figure, printed beside it -------------------------------------


def test_every_figure_says_how_its_currency_country_and_period_are_read(built_book: Path) -> None:
    table = next(t for t in _soup(built_book, "book/02-pay").find_all("table") if "Read as" in t.get_text())
    header = [_clean(th.get_text(" ")) for th in table.find_all("th")]
    rows = [[_clean(td.get_text(" ")) for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    assert len(rows) == len(_csv(paths.PROCESSED / "salaries.csv"))
    read = header.index("Read as")
    for row in rows:
        assert "read as U.S. dollars" in row[read], row
        assert "country" in row[read] or "“" in row[read], row
    page = _text(built_book, "book/02-pay")
    base = inflation.BASE_YEAR
    assert f"{base} = {inflation.cpi_u(base):.3f}" in page
    assert f"the mean of {len(inflation.monthly(base))} monthly values" in page
    assert f"none of its adjusted figures says what a role would pay in {base}" in page
    years = ", ".join(str(y) for y in sorted(inflation.REFERENCE)[:-1])
    for name in ("book/02-pay", "book/methods"):
        text = _text(built_book, name)
        if len(inflation.monthly(base)) < 12:
            assert "latest full year" not in text, name  # a base year of fewer months is not a full year
        assert (
            f"annual averages for {years} and {sorted(inflation.REFERENCE)[-1]} equal the reference values" in text
        ), name


def test_every_chart_of_source_figures_carries_the_assumptions_in_its_image(built_book: Path) -> None:
    images = _svgs()
    for name in ("fig-summary-pay", "fig-pay-ranges", "fig-pay-adjusted", "fig-pay-benchmark"):
        source = images[name]["chart-source"]
        assert "$ read as U.S. dollars" in source, name
        if name != "fig-pay-ranges":  # the one chart of figures as written, not adjusted
            assert f"CPI-U 2007 = {inflation.cpi_u(2007):.3f}" in source, name


# --- 3. every article's words about pay, and the official test of good pay ------------------------


def test_the_pay_page_gives_every_articles_words_about_pay_and_the_official_test_of_good_pay(built_book: Path) -> None:
    page = _text(built_book, "book/02-pay")
    for words in (
        "really depends on what the qualifications for the job is",
        "vary depending on the company, location, and experience",
        "paid well",
        "competitive salaries",
    ):
        assert words in page, words
    oews = {(r["soc_code"], r["year"]): r for r in _csv(paths.EXTERNAL / "bls_oews_national.csv")}
    year = max(y for _, y in oews)
    front, every = oews[("43-4051", year)], oews[("00-0000", year)]
    assert f"${float(front['median_annual_usd']):,.0f}, was" in page
    assert f"median for all occupations (00-0000), ${float(every['median_annual_usd']):,.0f}" in page
    assert f"${float(front['median_hourly_usd']):.2f} against ${float(every['median_hourly_usd']):.2f}" in page
    cited = {a["href"].rsplit("#cite-", 1)[1] for a in _soup(built_book, "book/02-pay").select("a[href*='#cite-']")}
    assert set(sources.source_ids()) <= cited  # every article's words are on the page, each cited


# --- 4. pay over time in today's dollars, with the survey's caution --------------------------------


def test_the_pay_page_follows_the_official_median_over_time_with_the_bls_caution(built_book: Path) -> None:
    page = _text(built_book, "book/02-pay")
    assert "Customer service pay over time" in page
    assert "neither uses nor encourages its estimates as a time series (https://www.bls.gov/oes/oes_ques.htm)" in page
    assert "pool three years" not in page
    cited = {a["href"].rsplit("#cite-", 1)[1] for a in _soup(built_book, "book/02-pay").select("a[href*='#cite-']")}
    assert "bls-oews-faq" in cited


# --- 5. key findings keep every hedge of the sentence they summarise -------------------------------


def _findings(book: Path) -> list[str]:
    """Every key number of every chapter (and any key finding), the landing page's numbers to take
    away, and every chart's takeaway as drawn into its image."""
    found = []
    for page in PAGES:
        for box in _soup(book, page).select("div.admonition"):
            title = box.select_one(".admonition-title")
            if title and title.get_text(strip=True) in ("Key numbers", "Key findings", "The numbers to take away"):
                found += [_clean(li.get_text(" ")) for li in box.find_all("li")]
    found += [texts.get("chart-takeaway", "") for texts in _svgs().values()]
    return [f for f in found if f]


def _markers(record: dict[str, str]) -> list[str]:
    """What makes a finding speak of a record: its figures as written, or its years."""
    if record.get("low_usd"):
        return [f"${float(v):,.0f}" for v in (record["low_usd"], record.get("high_usd")) if v]
    if record.get("years_min"):
        n = float(record["years_min"])
        return [f"{n:g} year" if n == 1 else f"{n:g} years"]
    return []


def test_no_key_finding_drops_a_hedge_of_a_figure_it_gives(built_book: Path) -> None:
    findings = _findings(built_book)
    assert len(findings) > 20
    checked = 0
    for table in ("salaries", "requirements"):
        for record in _csv(paths.PROCESSED / f"{table}.csv"):
            hedges = [h for h in record["hedge"].split(";") if h]
            markers = _markers(record)
            if not hedges or not markers:
                continue
            for finding in findings:
                if record["role"].lower() in finding.lower() and any(m in finding for m in markers):
                    checked += 1
                    for hedge in hedges:
                        assert re.search(rf"\b{re.escape(hedge)}\b", finding, re.I), (
                            hedge,
                            record["record_id"],
                            finding,
                        )
    assert checked


# --- 6. the ladder's order -------------------------------------------------------------------------


def test_the_ladder_states_its_order_as_the_reports_convention_and_not_its_source_list_as_a_finding(
    built_book: Path,
) -> None:
    page = _text(built_book, "book/03-career-ladder")
    assert "are the report's convention" in page
    assert "none ranks trainers or quality analysts above team leads" in page
    assert not re.search(r"\b1 source names every rung\b", page)
    assert "so that is no finding" in page


# --- 7. what no source says, and which turnover figure to quote --------------------------------------


def test_the_agreement_page_says_what_no_source_says_and_how_it_was_checked(built_book: Path) -> None:
    page = _text(built_book, "book/07-agreement")
    assert "What no source says" in page
    assert "No source answers 5 of the 6 questions asked here" in page
    assert "a few days to several weeks" in page  # the one answer, in its source's words
    total = sum(len(re.split(r"(?<=[.?!])\s+|\n", s.text)) for s in sources.load_all().values())
    assert "Checked by searching every sentence and heading of the 5 texts" in page
    assert total > 100


def test_the_challenges_page_says_which_turnover_figure_to_quote_for_what(built_book: Path) -> None:
    page = _text(built_book, "book/05-challenges")
    assert "Which figure to quote for what" in page
    for row in _csv(paths.EXTERNAL / "turnover_studies.csv"):
        assert _clean(row["use_for"]) in page
        assert _clean(row["not_for"]) in page


# --- 8. the explorer and the cite page say what the sources say --------------------------------------


def test_the_explorer_gives_a_threshold_as_one_and_no_period_its_source_does_not_state(built_book: Path) -> None:
    page = _text(built_book, "book/evidence")
    assert "call center representative: $50,000 or more a year" in page
    assert "Customer Service Representative I: $25,702–$33,661 a year" not in page
    assert "Customer Service Representative I: $25,702–$33,661" in page


def test_the_cite_page_describes_the_source_pages_as_the_whole_articles_they_are(built_book: Path) -> None:
    page = _text(built_book, "book/cite")
    assert "short passages" not in page
    assert "reprints its whole article" in page
