"""The completeness scanner over real files: silent on the five sources, loud on a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.core import paths
from analysis.tools import scan


def test_every_figure_of_the_five_sources_is_accounted_for(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in paths.RAW.glob("*.txt"))
    assert scan.main(files) == 0, capsys.readouterr().out
    assert capsys.readouterr().out == ""


def test_a_new_source_reports_each_figure_with_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "005_new.txt"
    new.write_text("A new article.\nAgents earn $15.50 an hour, leads $40k–$55k after 2 years.\n", encoding="utf-8")
    assert scan.main([str(new)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{new}:2:13\t$15.50 an hour",
        f"{new}:2:35\t$40k–$55k",
        f"{new}:2:51\t2 years",
    ]


def test_a_new_source_from_anywhere_reports_its_figures_in_any_currency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "006_new.txt"
    new.write_text(
        "Advisors earn £24,000–£28,000 per annum, leads 42K-55K.\n"
        "In Pune: ₹25,000 per month; in Lyon 30.000 € brut; $45\u00a0000 in Ohio.\n",
        encoding="utf-8",
    )
    assert scan.main([str(new)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{new}:1:15\t£24,000–£28,000",
        f"{new}:1:48\t42K-55K",
        f"{new}:2:10\t₹25,000 per month",
        f"{new}:2:37\t30.000 €",
        f"{new}:2:52\t$45\u00a0000",
    ]
