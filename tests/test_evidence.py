"""Evidence validation: every bad record or file is a one-line error naming file, record and problem,
and nothing is silently dropped."""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from analysis.core import evidence, paths, schema, sources, vocab
from analysis.tools import make_data

SRC = "exploring-careers-2007"
GOOD: dict[str, Any] = {
    "id": "salary-csr-1",
    "kind": "salary",
    "role": "Customer Service Representative I",
    "tier": "frontline",
    "statistic": "range",
    "low_usd": 25702,
    "high_usd": 33661,
    "period": "year",
    "year": 2007,
    "year_basis": "publication date",
    "flags": ["period-inferred"],
    "hedge": ["generally"],
    "quote": "A Customer Service Representative I position generally pays between $25,702 and $33,661.",
}
BENEFIT: dict[str, Any] = {
    "id": "benefit-scholarships",
    "kind": "benefit",
    "item": "scholarships",
    "category": "education",
    "hedge": [],
    "quote": "Wegman's grocery store chains have given away more than $60 million in scholarships to their employees.",
}


def _corpus(*ids: str) -> dict[str, sources.Source]:
    everything = sources.load_all()
    return {i: everything[i] for i in (ids or (SRC,))}


def _write(
    folder: Path,
    records: list[dict[str, Any]],
    source_id: str = SRC,
    exclusions: list[dict[str, str]] | None = None,
    **top: Any,
) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{source_id}.yaml"
    doc = {"source_id": source_id, "records": records, "exclusions": exclusions or [], **top}
    doc = json.loads(json.dumps(doc))  # no shared objects: the dumper would write them as aliases
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _errors(tmp_path: Path, records: list[dict[str, Any]], **kw: Any) -> list[str]:
    _write(tmp_path / "ev", records, **kw)
    return evidence.validate_all(tmp_path / "ev", _corpus()).errors


def _file_errors(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "ev"
    folder.mkdir(exist_ok=True)
    (folder / f"{SRC}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return evidence.validate_all(folder, _corpus()).errors


def test_a_good_record_passes_and_renders(tmp_path: Path) -> None:
    _write(tmp_path / "ev", [GOOD])
    result = evidence.validate_all(tmp_path / "ev", _corpus())
    assert result.errors == []
    csv_text = evidence.render_tables(result.records)["salaries.csv"]
    assert csv_text.splitlines()[1].startswith(
        "exploring-careers-2007,salary-csr-1,Customer Service Representative I,frontline,,range,25702,33661,year,2007,"
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"low_usd": 25703}, "low_usd 25703, high_usd 33661: not a figure of the quote at the position"),
        (
            {"quote": "A Customer Service Representative I position pays between $25,702 and $33,661.", "hedge": []},
            "quote not found verbatim in 001_b80e5bbb66c0fd4d.txt",
        ),
        ({"low_usd": 33661, "high_usd": 25702}, "low_usd 33661 is greater than high_usd 25702"),
        ({"low_usd": -25702}, "low_usd must not be negative"),
        ({"low_usd": "25,702"}, "low_usd must be a number (got '25,702')"),
        ({"low_usd": True}, "low_usd must be a number (got True)"),
        ({"kind": "wage"}, "unknown kind 'wage'"),
        ({"tier": "boss"}, "tier 'boss' is not in the vocabulary"),
        ({"period": "week"}, "period 'week' is not in the vocabulary (year, month, hour)"),
        ({"hihg_usd": 1}, "unknown field 'hihg_usd' for kind 'salary'"),
        ({"year": 2008}, "year 2008 is not the publication year (2007)"),
        ({"year": "2007"}, "year must be an integer (got '2007')"),
        ({"flags": ["smoothed"]}, "flags must be a list from"),
        ({"role": None}, "role is required"),
        ({"id": "Salary CSR"}, "id must be a lower-case slug"),
        ({"quote": "$25,702 and $33,661"}, "quote is too short (19 characters"),
        ({"quote": "   "}, "quote is missing or empty"),
        ({"statistic": "average"}, "an average has one figure"),
        ({"status": "draft"}, "is a draft (status: draft)"),
        ({"status": "reviewed"}, "status 'reviewed' is not in the vocabulary"),
        ({"flags": ["second-hand"]}, "flag second-hand and cited_from go together"),
        # a number in the record's own words that its quote does not state
        ({"note": "Pays 25,702 to 33,000 a year."}, "note writes 33,000, which is not a number of the quote"),
        ({"role": "Representative Level 2"}, "role writes 2, which is not a number of the quote"),
        ({"unquoted_numbers": ["25,702: listed for nothing"]}, "unquoted_numbers lists 25,702, which none of"),
        ({"unquoted_numbers": ["six, the difference"]}, "each entry of unquoted_numbers is 'NUMBER: why'"),
    ],
)
def test_bad_record_is_rejected_naming_file_and_record(tmp_path: Path, change: dict[str, Any], problem: str) -> None:
    errors = _errors(tmp_path, [{**GOOD, **change}])
    label = f"{change.get('id', GOOD['id'])!r} (#1)"
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / 'ev' / (SRC + '.yaml')}: record {label}: "), errors[0]
    assert problem in errors[0]
    assert "\n" not in errors[0]


def test_a_number_must_be_the_figure_at_its_position_not_any_number_of_the_quote(tmp_path: Path) -> None:
    # The quote's other figure as the low end, and the two ends swapped into a single average:
    # both numbers are in the quote, neither is the figure in that position.
    errors = _errors(
        tmp_path,
        [
            {**GOOD, "id": "a", "low_usd": 33661, "high_usd": None, "statistic": "average"},
            {**GOOD, "id": "b", "low_usd": 25702, "high_usd": None, "statistic": "threshold"},
        ],
    )
    assert len(errors) == 2, errors
    assert all("not a figure of the quote at the position the field names" in e for e in errors)


def test_duplicate_id_duplicate_record_and_near_duplicate(tmp_path: Path) -> None:
    shorter = {**GOOD, "id": "salary-shorter", "quote": "position generally pays between $25,702 and $33,661"}
    errors = _errors(tmp_path, [GOOD, dict(GOOD), {**GOOD, "id": "salary-again"}, shorter])
    assert any("record 'salary-csr-1' (#2): duplicate id (also record #1)" in e for e in errors)
    assert any("record 'salary-again' (#3): duplicate of record 'salary-csr-1'" in e for e in errors)
    assert any("record 'salary-shorter' (#4): near-duplicate of record 'salary-csr-1'" in e for e in errors)


def test_two_claims_of_one_sentence_are_not_duplicates(tmp_path: Path) -> None:
    other = {**BENEFIT, "id": "benefit-scholarships-2", "item": "more than $60 million in scholarships"}
    assert _errors(tmp_path, [BENEFIT, other]) == []


def test_unknown_source_id(tmp_path: Path) -> None:
    errors = _errors(tmp_path, [GOOD], source_id="no-such-source")
    assert any("no-such-source.yaml: not the evidence file of a source" in e for e in errors)
    assert any(
        "exploring-careers-2007.yaml: missing: every source of the manifest needs its evidence file" in e
        for e in errors
    )


def test_bad_exclusion_is_rejected(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path,
        [GOOD],
        exclusions=[
            {
                "figure": "$61 million",
                "reason": "not pay",
                "quote": "have given away more than $60 million in scholarships",
            }
        ],
    )
    assert errors == [f"{tmp_path / 'ev' / (SRC + '.yaml')}: exclusion #1: figure '$61 million' is not in its quote"]


# --- whole files: nothing may go missing without an error ---------------------------------------


def test_a_source_without_its_evidence_file_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "ev", [GOOD])
    errors = evidence.validate_all(tmp_path / "ev", _corpus(SRC, "cedric-career-graph")).errors
    assert errors == [
        f"{tmp_path / 'ev' / 'cedric-career-graph.yaml'}: missing: every source of the "
        "manifest needs its evidence file (records, or a no_claims reason)"
    ]


def test_the_real_evidence_folder_loses_a_source_when_its_file_is_renamed(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "ev"
    shutil.copytree(paths.EVIDENCE, folder)
    (folder / f"{SRC}.yaml").rename(folder / f"{SRC}.yml")
    errors = evidence.validate_all(folder).errors
    assert f"{folder / (SRC + '.yml')}: evidence files are named {SRC}.yaml" in errors
    assert any(e.startswith(f"{folder / (SRC + '.yaml')}: missing") for e in errors)


def test_a_drafted_file_is_refused_until_it_is_reviewed_and_renamed(tmp_path: Path) -> None:
    _write(tmp_path / "ev", [GOOD])
    (tmp_path / "ev" / "new-source.draft.yaml").write_text("source_id: new-source\n", encoding="utf-8")
    errors = evidence.validate_all(tmp_path / "ev", _corpus()).errors
    assert len(errors) == 1, errors
    assert "new-source.draft.yaml: a drafted file" in errors[0], errors


def test_an_empty_record_list_needs_a_reason(tmp_path: Path) -> None:
    assert any(
        "no records: record the source's claims, or say why it has none in no_claims" in e
        for e in _errors(tmp_path, [])
    )
    assert _errors(tmp_path, [], no_claims="The text is a job board listing with no claims.") == []
    assert any("no_claims is given but the file has records" in e for e in _errors(tmp_path, [GOOD], no_claims="none"))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (f"source_id: {SRC}\nrecords: []\nexclusion: []\n", "unknown top-level key 'exclusion'"),
        (f"source_id: {SRC}\nrecords:\n  - id: a\n    id: b\n", "duplicate key 'id' (first given on line 3)"),
        (f"source_id: {SRC}\nsource_id: other\nrecords: []\n", "duplicate key 'source_id'"),
        ("- just\n- a list\n", "must be a mapping with source_id and records (found list)"),
        (f"source_id: {SRC}\nrecords: {{a: 1}}\n", "records must be a list (found dict)"),
    ],
)
def test_file_level_problems(tmp_path: Path, text: str, problem: str) -> None:
    errors = _file_errors(tmp_path, text)
    assert any(problem in e for e in errors), errors
    assert all("\n" not in e for e in errors)


@pytest.mark.parametrize("exclusions", ["{figure: $1, reason: x, quote: y}", "'a string of characters'"])
def test_exclusions_not_a_list_is_one_error_not_one_per_key_or_character(tmp_path: Path, exclusions: str) -> None:
    text = f"source_id: {SRC}\nrecords:\n  - {json.dumps(GOOD)}\nexclusions: {exclusions}\n"
    errors = _file_errors(tmp_path, text)
    assert len(errors) == 1, errors
    assert "exclusions must be a list" in errors[0], errors


def test_the_committed_evidence_files_are_valid_against_the_json_schema() -> None:
    validator = jsonschema.Draft202012Validator(schema.json_schema())
    for path in sorted(paths.EVIDENCE.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(doc)) == [], path
    bad = {"source_id": SRC, "records": [{**GOOD, "tier": "boss"}]}
    assert list(validator.iter_errors(bad)) != []


def test_cli_writes_nothing_when_a_record_is_bad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "ev", [{**GOOD, "low_usd": 25703}])
    manifest = tmp_path / "sources.csv"
    lines = paths.MANIFEST.read_text(encoding="utf-8").splitlines()
    manifest.write_text(
        "\n".join([lines[0], *(line for line in lines[1:] if line.startswith(SRC + ","))]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "processed"
    out.mkdir()
    (out / "salaries.csv").write_text("old\n", encoding="utf-8")
    inputs = [bad, manifest, out / "salaries.csv", *paths.RAW.iterdir()]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs}
    assert (
        make_data.main(
            [
                "--evidence",
                str(tmp_path / "ev"),
                "--out",
                str(out),
                "--manifest",
                str(manifest),
                "--raw",
                str(paths.RAW),
            ]
        )
        == 3  # an input refused (analysis.tools)
    )
    assert "record 'salary-csr-1' (#1): low_usd 25703, high_usd 33661: not a figure" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["salaries.csv"]
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before


def test_a_processed_table_with_other_columns_is_refused(tmp_path: Path) -> None:
    (tmp_path / "benefits.csv").write_text("source_id,record_id,item,quote\n", encoding="utf-8")
    with pytest.raises(evidence.EvidenceError, match=r"benefits\.csv: columns .* are not the schema's"):
        evidence.load_table("benefits", tmp_path)


@pytest.mark.parametrize(
    ("hedge", "problem"),
    [
        (["often"], "hedge 'often' is not a word of the quote"),
        (["perhaps"], "is not in the vocabulary"),
        (None, "hedge is required"),
    ],
)
def test_a_hedge_must_be_a_word_of_the_quote(tmp_path: Path, hedge: list[str] | None, problem: str) -> None:
    record = {**BENEFIT, "hedge": hedge} if hedge is not None else {k: v for k, v in BENEFIT.items() if k != "hedge"}
    errors = _errors(tmp_path, [record])
    assert len(errors) == 1, errors
    assert problem in errors[0], errors


def test_a_salary_carries_its_hedge_like_every_hedged_kind(tmp_path: Path) -> None:
    errors = _errors(tmp_path, [{k: v for k, v in GOOD.items() if k != "hedge"}])
    assert len(errors) == 1, errors
    assert "hedge is required" in errors[0], errors
    errors = _errors(tmp_path, [{**GOOD, "hedge": ["often"]}])
    assert len(errors) == 1, errors
    assert "hedge 'often' is not a word of the quote" in errors[0], errors


def test_a_period_the_quote_states_is_not_flagged_as_inferred(tmp_path: Path) -> None:
    stated = {
        **GOOD,
        "id": "salary-training-manager",
        "tier": "manager",
        "role": "Customer Service Training Manager",
        "low_usd": 51622,
        "high_usd": 72105,
        "flags": ["range-phrased-as-average", "period-inferred"],
        "hedge": ["may"],
        "quote": "who may make an average annual salary of $51,622 and $72,105",
    }
    errors = _errors(tmp_path, [stated])
    assert len(errors) == 1, errors
    assert "period-inferred, but the quote states the pay period" in errors[0], errors


def test_every_committed_salary_keeps_its_hedge_and_says_when_its_period_is_inferred() -> None:
    # Worked out from the quotes themselves: a hedge word of the vocabulary in a salary's quote is
    # recorded, and a quote with no word for a period (a year, an hour) is flagged period-inferred.
    period = re.compile(r"\b(annual|yearly|a year|per year|per annum|hourly|an hour|per hour)\b", re.IGNORECASE)
    salaries = [r for r in evidence.validate_all().records if r.kind == "salary"]
    assert salaries
    for record in salaries:
        words = [w for w in vocab.HEDGES if re.search(rf"\b{re.escape(w)}\b", record.quote, re.IGNORECASE)]
        assert sorted(record.values["hedge"]) == sorted(words), (record.record_id, words)
        assert ("period-inferred" in record.flags) == (period.search(record.quote) is None), record.record_id


def test_the_committed_hedges_never_name_a_word_the_quote_lacks() -> None:
    for record in evidence.validate_all().records:
        for word in record.values.get("hedge", []):
            assert word.lower() in record.quote.lower(), (record.source_id, record.record_id, word)


def test_a_free_text_number_passes_when_the_quote_states_it_or_the_record_says_why(tmp_path: Path) -> None:
    stated = {**GOOD, "note": "From $25,702 to $33,661, read as a year's pay."}
    assert _errors(tmp_path, [stated]) == []
    explained = {
        **GOOD,
        "id": "salary-b",
        "note": "Its top, $33,661, is $6 above the next range's low end.",
        "unquoted_numbers": ["6: the difference with the next range's low end"],
    }
    assert _errors(tmp_path, [explained]) == []


def test_an_item_that_changes_its_quotes_number_is_an_error_naming_file_record_and_number(tmp_path: Path) -> None:
    shifts = {
        "id": "condition-shift",
        "kind": "condition",
        "aspect": "shift-length",
        "value": "shifts of 4-10 hours",
        "low": 4,
        "high": 8,
        "unit": "hours",
        "hedge": [],
        "quote": "Shifts usually run 4-8 hours.",
    }
    folder = tmp_path / "ev"
    _write(folder, [shifts], "job-details-guide")
    text = sources.load_all()["job-details-guide"].text.replace("Shift lengths can", "Shifts usually run 4-8 hours. X")
    source = sources.Source(sources.load_all()["job-details-guide"].meta, text, text, ())
    errors = evidence.validate_all(folder, {"job-details-guide": source}).errors
    assert errors == [
        f"{folder / 'job-details-guide.yaml'}: record 'condition-shift' (#1): value writes 10, which is not a "
        "number of the quote: correct it, or list it in unquoted_numbers as '10: why'"
    ]


def test_an_amount_written_without_a_currency_is_a_salary_only_when_the_record_says_so() -> None:
    quote = "Team leads earn an annual salary of 40,000\u201365,000 in most centers."
    record = {**GOOD, "role": "Team lead", "tier": "team-lead", "low_usd": 40000, "high_usd": 65000, "quote": quote}
    record.update(flags=[], hedge=[], year=None, year_basis=None)
    record["flags"] = ["undated"]
    refused = evidence.record_problems(record, None)
    assert any("not a figure of the quote" in e for e in refused), refused
    accepted = {**record, "flags": ["undated", "currency-from-context"], "note": "The page states U.S. pay."}
    assert evidence.record_problems(accepted, None) == []


def test_a_salary_period_must_be_the_one_its_quote_states(tmp_path: Path) -> None:
    quote = "Leads are paid $14.71 an hour at the start."
    record = {**GOOD, "statistic": "average", "low_usd": 14.71, "high_usd": None, "quote": quote, "flags": []}
    record.update(year=None, year_basis=None, hedge=[], flags=["undated"])
    errors = evidence.record_problems(record, None)
    assert errors == [
        "record: record 'salary-csr-1' (#1): period 'year', but the quote states the figure "
        "'$14.71 an hour' by the hour"
    ]
    assert evidence.record_problems({**record, "period": "hour"}, None) == []


def test_digits_in_a_name_are_no_number_of_the_record() -> None:
    note = "Read as UTF-8 before COVID-19; Level2 is the site's name."
    assert evidence.record_problems({**GOOD, "note": note}, None) == []
    assert any("writes 19" in p for p in evidence.record_problems({**GOOD, "note": "Pays 19 dollars."}, None))


def test_years_without_an_upper_figure_are_a_floor_the_quote_states() -> None:
    # A record without years_max is read and shown as "at least N years": its sentence must say so;
    # a plain number ("five years") records years_max equal to years_min.
    floor = re.compile(r"\b(?:at least|minimum|or more|more than|over)\b|\+", re.IGNORECASE)
    records = [r for r in evidence.validate_all().records if r.values.get("years_min") is not None]
    unstated = [
        f"{r.source_id}/{r.record_id}"
        for r in records
        if r.values.get("years_max") is None and not floor.search(r.quote)
    ]
    assert unstated == []


def test_a_plain_number_of_years_is_a_low_and_high_that_are_equal() -> None:
    values = {"requirement": "experience", "years_min": 5, "years_max": 5}
    assert evidence.figure_problems("requirement", values, "Usually five years of experience is required.") == []
    assert evidence.figure_problems("requirement", {**values, "years_max": 6}, "Usually five years is required.")
