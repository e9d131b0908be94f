"""A sixth and a seventh source, end to end: added with the documented command, their reviewed
evidence put in place, and a role of the committed evidence renamed; `make data` and `make book`
then build a book whose pay table, charts, claims, evidence explorer and source pages hold them.

The sixth (``tests/fixtures/sources/team-lead-pay.txt``) states pay by the hour and by the year in
a table; the seventh (``supervisor-career-guide.txt``) was decoded as Windows-1253 and saved again,
and its main figure is a range written with no currency. Their reviewed evidence files are beside
them. Everything runs in one scratch copy of the project, shared by the tests in the order written.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, make

pytestmark = pytest.mark.book

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SIXTH, SEVENTH = "team-lead-pay-2024", "supervisor-career-guide"
ADD = {
    SIXTH: [
        "team-lead-pay.txt",
        "--title",
        "Call Center Team Lead Pay in 2024: Hourly and Annual Wages",
        "--author",
        "Dana Ortiz",
        "--published",
        "2024-03-04",
        "--source-id",
        SIXTH,
    ],
    SEVENTH: [
        "supervisor-career-guide.txt",
        "--title",
        "Call Center Supervisor Career Guide",
        "--short-title",
        "Supervisor career guide",
    ],
}
#: A role of the committed evidence, renamed in the copy: no code may know a role's wording.
RENAMED = ("role: Customer service representative\n", "role: Customer care representative\n")


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def project(built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("new-sources") / "project")
    for source_id, (name, *options) in ADD.items():
        added = _run(project, "analysis.tools.new_source", str(FIXTURES / name), *options)
        assert added.returncode == 0, added.stderr
        draft = project / "data" / "evidence" / f"{source_id}.draft.yaml"
        assert draft.exists(), added.stdout
        # The analyst's review: the draft gives way to the reviewed file.
        draft.unlink()
        shutil.copyfile(FIXTURES / f"{source_id}.yaml", project / "data" / "evidence" / f"{source_id}.yaml")
    committed = project / "data" / "evidence" / "exploring-careers-2007.yaml"
    text = committed.read_text(encoding="utf-8")
    assert RENAMED[0] in text
    committed.write_text(text.replace(*RENAMED), encoding="utf-8")
    scanned = _run(project, "analysis.tools.scan", f"data/raw/{ADD[SIXTH][0]}", f"data/raw/{ADD[SEVENTH][0]}")
    assert (scanned.returncode, scanned.stdout) == (0, ""), scanned.stdout + scanned.stderr
    for target in ("data", "book"):
        result = make(project, target, timeout=1200)
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return project


def _rows(project: Path, relative: str) -> list[dict[str, str]]:
    with (project / relative).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(project: Path, page: str) -> str:
    soup = BeautifulSoup((project / "_build" / "html" / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for hidden in article.select("script, style, .cell_input"):
        hidden.decompose()
    return " ".join(article.get_text(" ").split())


def test_the_pay_table_holds_each_figure_in_its_own_period(project: Path) -> None:
    rows = {(r["source_id"], r["record_id"]): r for r in _rows(project, "data/processed/salaries.csv")}
    hourly = rows[(SIXTH, "salary-agent-hourly")]
    assert (hourly["low_usd"], hourly["high_usd"], hourly["period"]) == ("14.71", "18.9", "hour")
    unwritten = rows[(SEVENTH, "salary-supervisor-range")]
    assert (unwritten["low_usd"], unwritten["high_usd"]) == ("40000", "65000")
    assert "currency-from-context" in unwritten["flags"].split(";")
    page = _text(project, "book/02-pay.html")
    assert "Call center agent $14.71–$18.90 an hour 2024" in page
    assert "$22.60–$27.85 an hour" in page
    assert "$23 an hour" not in page
    assert "no currency written; dollars by the text's context" in page
    assert "Only 4 of the 7 articles give pay figures at all." in page


def test_the_charts_draw_the_hourly_figures_annualised_and_every_undated_average(project: Path) -> None:
    figures = project / "_build" / "figures"
    ranges = {r["record_id"]: r for r in _rows(project, "_build/figures/02-fig-pay-ranges.csv")}
    agent = ranges["salary-agent-hourly"]
    # 14.71 and 18.90 an hour at 2,080 hours a year (30,596.80 and 39,312), in whole dollars
    assert (float(agent["low_usd"]), float(agent["high_usd"])) == (30_597.0, 39_312.0)
    assert agent["annualised_by"] == "2,080 hours a year (40 hours a week, 52 weeks)"
    assert agent["written"] == "$14.71–$18.90 an hour"
    card = (figures / "02-fig-pay-ranges.txt").read_text(encoding="utf-8")
    assert "The chart draws hourly figures at 2,080 hours a year (40 hours a week, 52 weeks), as open marks" in card
    benchmark = (figures / "04-fig-pay-benchmark.txt").read_text(encoding="utf-8")
    assert "Left out: 3 figures stated by the hour or the month" in benchmark
    averages = _rows(project, "_build/figures/13-fig-agreement-average.csv")  # after the pay chapter's five
    drawn = [r for r in averages if r["row"] == "source"]
    assert [r["source_id"] for r in drawn] == ["job-details-guide"]
    assert {r["left_out"] for r in averages} == {"1"}  # the supervisors' average, set against supervisors


def test_the_claims_speak_of_every_undated_average_and_the_renamed_role(project: Path) -> None:
    agreement = _text(project, "book/07-agreement.html")
    assert "gives an average annual salary of $32,000" in agreement
    assert (
        "gives an average annual salary of $52,400 for a call center supervisor, a figure it attributes to PayScale"
        in agreement
    )
    assert (
        "official wage distribution for first-line supervisors of office and administrative support workers"
        in agreement
    )
    summary = _text(project, "book/index.html")
    assert "Beware the undated averages, which have no year" in summary
    assert "The evidence. 7 public career articles" in summary
    ladder = _text(project, "book/03-career-ladder.html")
    assert "for the Customer care representative, a high school diploma and 0–3 years of experience" in ladder
    unquoted = re.sub("\u201c[^\u201d]*\u201d", "", ladder)  # a source's own sentence may use the words
    assert "Customer service representative" not in unquoted


def test_the_explorer_lists_the_new_records_with_their_own_periods(project: Path) -> None:
    soup = BeautifulSoup(
        (project / "_build" / "html" / "book" / "evidence.html").read_text(encoding="utf-8"), "html.parser"
    )
    row = soup.find(id=f"{SIXTH}--salary-team-lead-hourly")
    assert row is not None
    assert "Team lead: $22.60–$27.85 an hour" in " ".join(row.get_text(" ").split()).replace("$ ", "$")
    assert soup.find(id=f"{SEVENTH}--excluded-3-percent") is not None


def test_each_new_source_has_its_generated_page_listing_every_repair(project: Path) -> None:
    for source_id in (SIXTH, SEVENTH):
        assert (project / "_build" / "html" / "book" / "sources" / f"{source_id}.html").exists()
    page = (project / "_build" / "html" / "book" / "sources" / f"{SEVENTH}.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    said = " ".join(soup.get_text(" ").split())
    assert "re-decoded 8 mis-encoded passages" in said
    changes = soup.select("table.source-changes tbody tr")
    assert len(changes) == 8
    raw = [row.find_all("td")[1].get_text() for row in changes]
    assert "\u03b2\u20ac\u201c" in raw  # the dash of the range, as the raw file has it
    text = soup.select_one(".source-text").get_text()
    assert "40,000\u201365,000" in text
    assert "\u03b2\u20ac" not in text
    # The table of contents lists the source pages in manifest order, the new ones last.
    evidence = (project / "_build" / "html" / "book" / "evidence.html").read_text(encoding="utf-8")
    listed = list(dict.fromkeys(re.findall(r'href="sources/([a-z0-9-]+)\.html"', evidence)))
    assert listed[-2:] == [SIXTH, SEVENTH]
    assert len(listed) == 7
