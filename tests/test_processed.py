"""The committed processed tables are exactly what the evidence records give, and fit their schema."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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


def test_a_table_read_again_is_read_from_its_bytes_and_is_the_caller_s_own(tmp_path: Path) -> None:
    """A table is kept between reads only by its bytes: an edit shows at the next read even with the
    file's size and modification time unchanged, and a caller changing its table changes no other's."""
    processed = tmp_path / "processed"
    shutil.copytree(paths.PROCESSED, processed)
    first = evidence.load_table("salaries", processed)
    first.loc[0, "source_id"] = "changed by the caller"
    again = evidence.load_table("salaries", processed)
    assert again.equals(evidence.load_table("salaries"))
    path = processed / "salaries.csv"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    digit = next(c for c in text.splitlines()[1] if c.isdigit())  # a record's digit, same width
    line = text.splitlines()[1]
    edited = line.replace(digit, "0" if digit != "0" else "1", 1)
    path.write_text(text.replace(line, edited, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert not evidence.load_table("salaries", processed).equals(again)
