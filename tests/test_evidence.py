"""Evidence validation: every bad record is a one-line error naming file, record and problem."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis import evidence

SRC = "exploring-careers-2007"
GOOD: dict[str, Any] = {
    "id": "salary-csr-1", "kind": "salary", "role": "Customer Service Representative I",
    "tier": "frontline", "statistic": "range", "low_usd": 25702, "high_usd": 33661,
    "period": "year", "year": 2007, "year_basis": "publication date",
    "quote": "A Customer Service Representative I position generally pays between $25,702 and $33,661.",
}


def _write(folder: Path, records: list[dict[str, Any]], source_id: str = SRC,
           exclusions: list[dict[str, str]] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{source_id}.yaml"
    doc = {"source_id": source_id, "records": records, "exclusions": exclusions or []}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _errors(tmp_path: Path, records: list[dict[str, Any]], **kw: Any) -> list[str]:
    _write(tmp_path / "ev", records, **kw)
    return evidence.validate_all(tmp_path / "ev").errors


def test_a_good_record_passes_and_renders(tmp_path: Path) -> None:
    _write(tmp_path / "ev", [GOOD])
    result = evidence.validate_all(tmp_path / "ev")
    assert result.errors == []
    csv_text = evidence.render_tables(result.records)["salaries.csv"]
    assert csv_text.splitlines()[1].startswith(
        "exploring-careers-2007,salary-csr-1,Customer Service Representative I,frontline,range,25702,33661,year,2007,"
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"low_usd": 25703}, "low_usd 25703 does not appear in the quote"),
        ({"quote": "A Customer Service Representative I position pays between $25,702 and $33,661."},
         "quote not found verbatim in 001_b80e5bbb66c0fd4d.txt"),
        ({"low_usd": 33661, "high_usd": 25702}, "low_usd 33661 is greater than high_usd 25702"),
        ({"low_usd": -25702}, "low_usd must not be negative"),
        ({"low_usd": "25,702"}, "low_usd must be a number (got '25,702')"),
        ({"kind": "wage"}, "unknown kind 'wage'"),
        ({"tier": "boss"}, "tier 'boss' is not in the vocabulary"),
        ({"period": "month"}, "period 'month' is not in the vocabulary"),
        ({"hihg_usd": 1}, "unknown field 'hihg_usd' for kind 'salary'"),
        ({"year": 2008}, "year 2008 is not the publication year (2007)"),
        ({"flags": ["smoothed"]}, "flags must be a list from"),
        ({"role": None}, "role is required"),
    ],
)
def test_bad_record_is_rejected_naming_file_and_record(tmp_path: Path, change: dict[str, Any],
                                                       problem: str) -> None:
    errors = _errors(tmp_path, [{**GOOD, **change}])
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / 'ev' / (SRC + '.yaml')}: record 'salary-csr-1' (#1): ")
    assert problem in errors[0]
    assert "\n" not in errors[0]


def test_duplicate_id_and_duplicate_record(tmp_path: Path) -> None:
    errors = _errors(tmp_path, [GOOD, GOOD, {**GOOD, "id": "salary-again"}])
    assert any("record 'salary-csr-1' (#2): duplicate id (also record #1)" in e for e in errors)
    assert any("record 'salary-again' (#3): duplicate of record 'salary-csr-1'" in e for e in errors)


def test_unknown_source_id(tmp_path: Path) -> None:
    errors = _errors(tmp_path, [GOOD], source_id="no-such-source")
    assert any("unknown source_id 'no-such-source'" in e for e in errors)


def test_number_words_count_as_numbers() -> None:
    assert {7.0, 1.0, 25702.0, 50000.0} <= evidence.numbers_in(
        "at least seven years, 1 year, $25,702, $50k")


def test_bad_exclusion_is_rejected(tmp_path: Path) -> None:
    errors = _errors(tmp_path, [GOOD], exclusions=[
        {"figure": "$61 million", "reason": "not pay",
         "quote": "have given away more than $60 million in scholarships"}])
    assert errors == [f"{tmp_path / 'ev' / (SRC + '.yaml')}: exclusion #1: figure '$61 million' is not in its quote"]


def test_cli_writes_nothing_when_a_record_is_bad(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "ev", [{**GOOD, "low_usd": 25703}])
    out = tmp_path / "processed"
    out.mkdir()
    (out / "salaries.csv").write_text("old\n", encoding="utf-8")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (bad, out / "salaries.csv")}
    assert evidence.main(["--evidence", str(tmp_path / "ev"), "--out", str(out)]) == 1
    assert "record 'salary-csr-1' (#1): low_usd 25703 does not appear in the quote" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["salaries.csv"]
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before
