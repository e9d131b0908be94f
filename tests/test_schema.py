"""What the schema generates is current, and the synthetic corpora are valid evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analysis.core import evidence, inflation, paths, schema, sources
from analysis.tools import make_schema

sys.path.insert(0, str(paths.ROOT / "scripts"))
import synthetic


def test_json_schema_and_readme_tables_are_what_the_schema_gives() -> None:
    assert make_schema.main(["--check"]) == 0, "run `python -m analysis.tools.make_schema` and commit the result"


def test_readme_lists_every_vocabulary_value() -> None:
    text = schema.README.read_text(encoding="utf-8")
    for kind in schema.MODELS:
        for column in schema.table_fields(kind):
            for value in column.enum:
                assert f"`{value}`" in text, (kind, column.name, value)


def test_a_hand_edit_of_the_generated_section_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        schema.README.read_text(encoding="utf-8").replace("`frontline`", "`front-line`"), encoding="utf-8"
    )
    monkeypatch.setattr(schema, "README", readme)
    assert make_schema.main(["--check"]) == 1


def test_data_package_columns_come_from_the_models() -> None:
    package = schema.datapackage()
    salaries = next(r for r in package["resources"] if r["name"] == "salaries")
    fields = {f["name"]: f for f in salaries["schema"]["fields"]}
    assert fields["low_usd"]["type"] == "number"
    assert fields["low_usd"]["constraints"] == {"required": True, "minimum": 0, "maximum": schema.MAX_USD}
    assert fields["tier"]["constraints"]["enum"][0] == "frontline"
    # The years the CPI-U series adjusts from, and no other.
    assert fields["year"]["constraints"] == {"minimum": inflation.FIRST_YEAR, "maximum": inflation.BASE_YEAR}
    assert list(fields)[:2] == ["source_id", "record_id"]
    assert list(fields)[-3:] == ["flags", "note", "quote"]


def test_a_synthetic_corpus_is_valid_evidence(tmp_path: Path) -> None:
    made = synthetic.generate(tmp_path, 3, records_per_source=14)
    found = evidence.validate_all(made["evidence"], sources.load_corpus(made["manifest"]))
    assert found.errors == []
    assert len(found.records) == 42
    assert {r.kind for r in found.records} == set(schema.MODELS)
