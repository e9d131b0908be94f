"""The drafter: one draft record per scanner figure, valid once reviewed, written safely.

The fixture ``tests/fixtures/pay-page.txt`` is written in the formats real pay pages use; every
expected value below is read off it by hand.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis.core import evidence, numbers, paths, sources
from analysis.tools import draft, draft_rules

FIXTURE = Path(__file__).parent / "fixtures" / "pay-page.txt"
HOSTILE = (
    '=HYPERLINK("https://example.com/apply", "Apply for $20 an hour") <script>alert("Earn a $5,000 bonus")</script>'
)
SHIFTS = "Agents typically work 8-hour shifts, and training lasts two weeks."

# (figure as written, kind, fields the record must have, quote)
EXPECTED: list[tuple[str, str, dict[str, Any], str]] = [
    (
        "$36,500",
        "salary",
        {"role": "Customer Service Representative", "statistic": "average", "low_usd": 36500, "period": "year"},
        "Customer Service Representative | $36,500",
    ),
    (
        "$48,000",
        "salary",
        {"role": "Team Lead", "statistic": "average", "low_usd": 48000, "period": "year"},
        "| Team Lead | $48,000 |",
    ),
    (
        "$52,300",
        "salary",
        {"role": "Quality Analyst", "statistic": "average", "low_usd": 52300, "period": "year"},
        "Quality Analyst | $52,300",
    ),
    (
        "$18.50 an hour",
        "salary",
        {"role": "Entry-level agents", "statistic": "threshold", "low_usd": 18.5, "period": "hour"},
        "Entry-level agents usually start at $18.50 an hour.",
    ),
    (
        "£24,000–£28,000",
        "salary",
        {
            "role": "customer service advisors",
            "statistic": "range",
            "low_usd": 24000,
            "high_usd": 28000,
            "period": "year",
        },
        "In London, customer service advisors earn £24,000–£28,000 per annum.",
    ),
    (
        "$40,000 and $55,000",
        "salary",
        {"role": "Supervisors", "statistic": "range", "low_usd": 40000, "high_usd": 55000, "period": "year"},
        "Supervisors are paid between $40,000 and $55,000 a year, depending on the site.",
    ),
    (
        "2-3 years",
        "requirement",
        {"requirement": "experience", "years_min": 2, "years_max": 3, "role": draft.TODO_ROLE},
        "Most employers ask for 2-3 years of experience in customer service.",
    ),
    ("8-hour", "condition", {"aspect": "shift-length", "value": "8-hour shifts", "low": 8, "unit": "hours"}, SHIFTS),
    (
        "two weeks",
        "condition",
        {"aspect": "training-duration", "value": "two weeks", "low": 2, "unit": "weeks"},
        SHIFTS,
    ),
    ("$20 an hour", "salary", {"role": draft.TODO_ROLE, "low_usd": 20, "period": "hour"}, HOSTILE),
    ("$5,000", "salary", {"role": draft.TODO_ROLE, "low_usd": 5000}, HOSTILE),
]


def _draft(tmp_path: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "pay-page.draft.yaml"
    return draft.main([str(FIXTURE), "--out", str(out), *extra]), out


def _records(path: Path) -> list[dict[str, Any]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(doc) == {"source_id", "records", "exclusions"}
    assert doc["source_id"] == "pay-page"
    assert doc["exclusions"] == []
    return doc["records"]


def test_every_scanner_figure_becomes_exactly_one_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _draft(tmp_path)
    assert code == 0
    # The pounds are not U.S. dollars: that record says, above it, why it will not validate as drafted.
    assert capsys.readouterr().out == (
        f"wrote 11 draft records for pay-page to {out}\n"
        "1 of them would not validate as drafted: the file says why above each\n"
    )
    text = FIXTURE.read_text(encoding="utf-8")
    figures = numbers.find_figures(text)
    records = _records(out)
    assert [f.text for f in figures] == [e[0] for e in EXPECTED]
    assert len(records) == len(figures) == len(EXPECTED)
    for record, (written, kind, fields, quote) in zip(records, EXPECTED, strict=True):
        assert record["kind"] == kind, written
        assert {k: record.get(k) for k in fields} == fields, written
        assert record["quote"] == quote
        assert quote in text
        assert written in quote
        assert record["status"] == "draft"
        if kind in ("salary", "requirement"):
            assert record["tier"] == "unspecified"
    assert len({r["id"] for r in records}) == len(records)


def test_notes_say_what_a_person_must_decide(tmp_path: Path) -> None:
    _, out = _draft(tmp_path)
    by_quote = {r["quote"]: r for r in _records(out)}
    pounds = by_quote["In London, customer service advisors earn £24,000–£28,000 per annum."]
    assert "GBP" in pounds["note"]
    assert "not converted" in pounds["note"]
    assert "choose the tier" in pounds["note"]
    table_row = by_quote["| Team Lead | $48,000 |"]  # the cells alone are too short a quote
    assert "'year' guessed from the size" in table_row["note"]
    assert "'average' is a guess" in table_row["note"]
    hostile = [r for r in _records(out) if r["quote"] == HOSTILE]
    assert all("choose the role" in r["note"] for r in hostile)


def test_the_file_is_valid_yaml_that_round_trips(tmp_path: Path) -> None:
    _, out = _draft(tmp_path)
    text = out.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    expected = draft.draft_document("pay-page", FIXTURE.read_text(encoding="utf-8"))
    assert doc == expected
    assert yaml.safe_load(draft.dump(doc, "again")) == doc
    assert "=HYPERLINK(" in text
    assert "<script>" in text
    assert text.startswith("# Draft evidence records for pay-page")


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pay-page.draft.yaml"
    out.write_text("hand-edited: true\n", encoding="utf-8")
    before = hashlib.sha256(out.read_bytes()).hexdigest()
    code, _ = _draft(tmp_path)
    assert code == 4  # an output not written (analysis.tools)
    assert capsys.readouterr().err == f"{out}: already exists; pass --force to replace it\n"
    assert hashlib.sha256(out.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left
    code, _ = _draft(tmp_path, "--force")
    assert code == 0
    assert len(_records(out)) == len(EXPECTED)


def test_drafted_records_pass_the_validator_once_status_is_removed(tmp_path: Path) -> None:
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    (raw_dir / FIXTURE.name).write_bytes(FIXTURE.read_bytes())
    manifest = raw_dir / "sources.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(sources.MANIFEST_COLUMNS)
        writer.writerow(
            [
                "pay-page",
                FIXTURE.name,
                hashlib.sha256(FIXTURE.read_bytes()).hexdigest(),
                "Call Center Pay Guide",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]
        )
    source_id, text, published = draft.read_text(raw_dir / FIXTURE.name, manifest=manifest)
    assert source_id == "pay-page"
    document = draft.draft_document(source_id, text, published)
    for record in document["records"]:
        assert record.pop("status") == "draft"
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "pay-page.yaml").write_text(draft.dump(document, "pay-page.txt"), encoding="utf-8")
    corpus = {"pay-page": sources.load_source(sources.read_manifest(manifest)[0], raw_dir)}
    found = evidence.validate_all(folder, corpus)
    # Only the pound range is refused: low_usd and high_usd are U.S. dollars, and the draft never
    # converts a currency (its note says so), so a person must decide what to record.
    assert len(found.errors) == 1, found.errors
    assert "salary-24000-28000" in found.errors[0], found.errors
    assert "not a figure of the quote" in found.errors[0]
    assert len(found.records) == len(EXPECTED) - 1


def test_every_source_drafts_into_records_the_validator_accepts() -> None:
    for source in sources.load_all().values():
        document = draft.draft_document(source.source_id, source.text, source.meta.published)
        records = document["records"]
        # One record per figure, but for the percentages drafted as exclusions only.
        alone = [e for e in document["exclusions"] if draft_rules.percent_kind(e["quote"])[0] is None]
        assert len(records) + len(alone) == len(numbers.find_figures(source.text))
        assert draft.refusals(document, source) == {}, source.source_id


def test_a_second_hand_average_is_flagged_and_dated_by_the_manifest() -> None:
    text = sources.load_all()["job-details-guide"].text
    glassdoor = draft.draft_records(text)[0]
    assert glassdoor["quote"] == (
        "According to Glassdoor, the average annual salary for a call center representative in the US is $32,000."
    )
    assert (glassdoor["statistic"], glassdoor["low_usd"], glassdoor["cited_from"]) == ("average", 32000, "Glassdoor")
    assert glassdoor["flags"] == ["undated", "second-hand"]
    dated = draft.draft_records("Agents earn $30,000 a year.", published="2007-08-20")[0]
    assert (dated["year"], dated["year_basis"]) == (2007, "publication date")


def test_other_periods_and_currencies_are_stated_never_converted() -> None:
    monthly = draft.draft_records("Agents in Madrid earn €1.800 a month.")
    assert len(monthly) == 1
    record = monthly[0]
    assert (record["low_usd"], record["period"]) == (1800, "month")  # a month is a period of the schema
    assert "period" not in record["note"]
    assert "EUR" in record["note"]
    assert "not converted" in record["note"]
    errors = draft_rules.problems(record, None)
    assert any("not a figure of the quote" in e for e in errors), errors  # euros are not U.S. dollars
    assert not any("period" in e for e in errors), errors
    bare = draft.draft_records("Leads make 42K-55K.")[0]
    assert (bare["low_usd"], bare["high_usd"]) == (42000, 55000)
    assert "names no currency" in bare["note"]


def test_quotes_are_whole_sentences_within_their_line() -> None:
    text = (
        "Pay is set by the U.S. office. Agents earn $15 an hour, e.g. in Ohio. Leads earn more.\n"
        "- Supervisors earn $60,000 a year\n"
    )
    records = draft.draft_records(text)
    assert [r["quote"] for r in records] == [
        "Agents earn $15 an hour, e.g. in Ohio.",
        "Supervisors earn $60,000 a year",
    ]


def test_the_source_id_comes_from_the_manifest_the_option_or_the_file_name(tmp_path: Path) -> None:
    assert draft.read_text(paths.RAW / "003_3178cfe51e3b217e.txt")[0] == "job-details-guide"
    with pytest.raises(draft.DraftError, match="the manifest names this file 'job-details-guide'"):
        draft.read_text(paths.RAW / "003_3178cfe51e3b217e.txt", "other-id")
    new = tmp_path / "006_New Source.txt"
    new.write_text("Agents earn $15 an hour.\n", encoding="utf-8")
    assert draft.read_text(new)[0] == "006-new-source"
    assert draft.read_text(new, "new-source")[0] == "new-source"
    with pytest.raises(draft.DraftError, match="must be a lower-case slug"):
        draft.read_text(new, "New Source")


def test_the_default_output_is_the_evidence_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(paths, "EVIDENCE", tmp_path)
    assert draft.main([str(FIXTURE), "--source-id", "pay-page"]) == 0
    assert (tmp_path / "pay-page.draft.yaml").is_file()
    assert str(tmp_path / "pay-page.draft.yaml") in capsys.readouterr().out


def test_a_file_that_is_not_utf8_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Agents earn £24,000 a year.\n".encode("latin-1"))
    out = tmp_path / "out.yaml"
    assert draft.main([str(bad), "--out", str(out)]) == 3  # an input refused (analysis.tools)
    assert capsys.readouterr().err == f"{bad}: not valid UTF-8 (byte 0xa3 at offset 12)\n"
    assert not out.exists()


def test_a_drafted_salary_carries_its_hedge_and_marks_a_period_it_reads_from_the_size() -> None:
    text = sources.load_all()["exploring-careers-2007"].text
    sentence = "A Customer Service Representative I position generally pays between $25,702 and $33,661."
    drafted = next(r for r in draft.draft_records(text) if r["quote"] == sentence)
    assert drafted["hedge"] == ["generally"]
    assert "period-inferred" in drafted["flags"]
    stated = draft.draft_records("Some agents can earn $30,000 a year.")[0]
    assert stated["hedge"] == ["some", "can"]
    assert "period-inferred" not in stated["flags"]


def _document(text: str) -> dict[str, Any]:
    return draft.draft_document("new-page", text)


def test_percentages_are_exclusions_with_a_reason_and_records_only_for_a_claim_a_kind_holds() -> None:
    text = (
        "The BLS projects employment of customer service representatives to decline 5 percent by 2034.\n"
        "The top 10% of team leads earn more than $60,000 a year.\n"
        "Call centers lose 30 to 45 percent of their agents to turnover every year.\n"
        "Agents are asked to reach a customer satisfaction score of 90% on every call.\n"
    )
    doc = _document(text)
    reasons = {e["figure"]: e["reason"] for e in doc["exclusions"]}
    assert reasons["5 percent"].startswith("A projection, not a claim a record kind holds")
    assert reasons["10%"].startswith("A position in a pay distribution (a percentile)")
    assert "drafted as a challenge" in reasons["30 to 45 percent"]
    assert "drafted as a metric" in reasons["90%"]
    kinds = [(r["kind"], r["quote"][:20]) for r in doc["records"]]
    assert kinds == [
        ("salary", "The top 10% of team "),
        ("challenge", "Call centers lose 30"),
        ("metric", "Agents are asked to "),
    ]
    # Every exclusion validates as it is drafted.
    folder_free = [evidence.Exclusion("new-page", e["figure"], e["reason"], e["quote"]) for e in doc["exclusions"]]
    assert all(e.figure in e.quote for e in folder_free)


def test_a_range_is_flagged_as_an_average_only_when_written_as_an_average_of_two_figures() -> None:
    def flags(sentence: str) -> list[str]:
        return draft.draft_records(sentence)[0]["flags"]

    assert "range-phrased-as-average" in flags("Trainers may make an average annual salary of $51,622 and $72,105.")
    assert "range-phrased-as-average" not in flags("The average salary ranges from $40,000 to $65,000 a year.")
    assert "range-phrased-as-average" not in flags("On average, leads earn between $40,000 and $55,000 a year.")
    assert "range-phrased-as-average" not in flags("Leads earn $40,000–$55,000 a year, above the average.")


def test_a_quote_too_short_to_stand_is_widened_to_the_lines_around_it() -> None:
    text = "Team lead pay\n\n| Lead | $14.71 |\n\nAgents earn $15.20 an hour in most centers today.\n"
    record = draft.draft_records(text)[0]
    assert record["quote"] == "| Lead | $14.71 |"  # the row alone is too short: no line around it but blanks
    assert draft_rules.problems(record, None) == [
        "quote is too short (17 characters; a quote must have at least 20 to stand on its own)"
    ]
    table = "| Role | Hourly pay |\n| --- | --- |\n| Lead | $14.71 |\n"
    widened = draft.draft_records(table)[0]["quote"]
    assert widened == "| --- | --- |\n| Lead | $14.71 |"
    assert len(widened) >= 20


def test_a_draft_says_above_each_record_it_cannot_validate_why_and_the_rest_validate_once_reviewed() -> None:
    text = "Leads earn between $40,000 and $55,000 a year.\nIn London, advisors earn £24,000 per annum.\n"
    doc = _document(text)
    source = draft._as_source(Path("new.txt"), "new-page", text, "")
    refused = draft.refusals(doc, source)
    assert list(refused) == ["salary-24000"]
    dumped = draft.dump(doc, "new.txt", refused)
    assert "\n  # Will not validate as drafted: low_usd 24000: not a figure of the quote" in dumped
    assert yaml.safe_load(dumped) == doc  # a comment, not data
    kept = [r for r in doc["records"] if r["id"] not in refused]
    assert all(draft_rules.problems(r, source) == [] for r in kept)


def test_an_amount_with_no_currency_is_a_salary_of_dollars_only_where_the_text_names_them() -> None:
    text = "Our U.S. centers pay in $.\nThe annual salary for team leads is 40,000\u201365,000 here.\n"
    record = draft.draft_records(text)[0]
    assert record["flags"] == ["undated", "currency-from-context"]
    assert draft_rules.problems(record, None) == []
    alone = draft.draft_records("The annual salary for team leads is 40,000\u201365,000 here.")[0]
    assert "currency-from-context" not in alone["flags"]
    assert any("not a figure of the quote" in p for p in draft_rules.problems(alone, None))
