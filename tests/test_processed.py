"""The committed processed tables are exactly what the evidence records give, and fit their schema."""

from __future__ import annotations

import frictionless

from analysis.core import evidence, numbers, paths, sources


def test_committed_tables_equal_a_fresh_build() -> None:
    tables = evidence.build()
    assert evidence.drift(tables) == [], "run `make data` and commit data/processed"
    assert evidence.build() == tables  # same input, same bytes


def test_tables_validate_against_the_data_package() -> None:
    report = frictionless.validate(str(paths.PROCESSED / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])[:5]


def test_every_money_amount_in_the_sources_is_a_salary_row_or_an_exclusion() -> None:
    salaries = evidence.load_table("salaries")
    found = evidence.validate_all()
    excluded = {(e.source_id, e.figure) for e in found.exclusions}
    for source in sources.load_all().values():
        for figure in numbers.find_figures(source.raw):
            if not figure.unit.startswith("usd"):
                continue
            rows = salaries[salaries["source_id"] == source.source_id]
            stated = set(rows["low_usd"].dropna()) | set(rows["high_usd"].dropna())
            assert set(figure.values) <= stated or (source.source_id, figure.text) in excluded, figure
