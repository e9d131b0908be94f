"""Adding a source in one command: the manifest row, the bibliography entry and the draft, each as
the rest of the project holds it, and nothing at all when anything is wrong."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file

from analysis.core import paths, sources
from analysis.tools import draft, new_source

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
TEAM_LEAD = FIXTURES / "team-lead-pay.txt"
SUPERVISOR = FIXTURES / "supervisor-career-guide.txt"
TEAM_LEAD_ARGS = ["--title", "Call Center Team Lead Pay in 2024: Hourly and Annual Wages", "--author", "Dana Ortiz"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies of the manifest, the raw texts, the bibliography and the evidence folder, put in the
    places the tool writes to."""
    shutil.copytree(paths.RAW, tmp_path / "raw")
    shutil.copytree(paths.EVIDENCE, tmp_path / "evidence")
    shutil.copyfile(paths.BIBLIOGRAPHY, tmp_path / "references.bib")
    monkeypatch.setattr(paths, "RAW", tmp_path / "raw")
    monkeypatch.setattr(paths, "MANIFEST", tmp_path / "raw" / "sources.csv")
    monkeypatch.setattr(paths, "EVIDENCE", tmp_path / "evidence")
    monkeypatch.setattr(paths, "BIBLIOGRAPHY", tmp_path / "references.bib")
    return tmp_path


def _state(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}


def test_a_source_is_added_with_its_row_entry_and_draft(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new_source.main([str(TEAM_LEAD), *TEAM_LEAD_ARGS, "--published", "2024-03-04"]) == 0
    copied = project / "raw" / "team-lead-pay.txt"
    assert copied.read_bytes() == TEAM_LEAD.read_bytes()
    meta = sources.read_manifest(project / "raw" / "sources.csv")[-1]
    assert meta.source_id == "call-center-team-lead-pay-in-2024-hourly"  # a slug of the title, cut at a word
    assert meta.sha256 == hashlib.sha256(TEAM_LEAD.read_bytes()).hexdigest()
    assert (meta.author, meta.published, meta.short_title) == ("Dana Ortiz", "2024-03-04", "")
    # Where each field comes from, line by line of the text, and what the text does not state.
    assert meta.notes == (
        "Author from the text's line 2 (By Dana Ortiz | Published March 4, 2024). "
        "Date from the text's line 2 (By Dana Ortiz | Published March 4, 2024). "
        "No publisher or address in the text."
    )
    # The entry is the one the bibliography test holds every source's to.
    entry = parse_file(str(project / "references.bib")).entries[meta.source_id]
    assert entry.fields["title"].replace("{", "").replace("}", "") == meta.title
    assert " ".join(" ".join([*p.first_names, *p.last_names]) for p in entry.persons["author"]) == "Dana Ortiz"
    assert (entry.fields["year"], entry.fields["date"]) == ("2024", "2024-03-04")
    assert "File team-lead-pay.txt" in entry.fields["note"]
    drafted = yaml.safe_load((project / "evidence" / f"{meta.source_id}.draft.yaml").read_text(encoding="utf-8"))
    assert drafted["source_id"] == meta.source_id
    assert [r["low_usd"] for r in drafted["records"] if r["kind"] == "salary"][:2] == [14.71, 30600]
    assert "drafted its records in" in capsys.readouterr().out


def test_an_unsigned_undated_text_gets_a_short_title_and_says_what_it_does_not_state(project: Path) -> None:
    args = ["--title", "Call Center Supervisor Career Guide", "--short-title", "Supervisor career guide"]
    assert new_source.main([str(SUPERVISOR), *args]) == 0
    meta = sources.read_manifest(project / "raw" / "sources.csv")[-1]
    assert meta.source_id == "supervisor-career-guide"
    assert meta.notes == "No author, date, publisher or address in the text."
    entry = parse_file(str(project / "references.bib")).entries["supervisor-career-guide"]
    assert entry.fields["shorttitle"] == "Supervisor career guide"
    assert entry.fields["note"] == "Undated, unsigned web article. File supervisor-career-guide.txt"
    assert "year" not in entry.fields


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--author", "Someone Else"], "--author 'Someone Else' is not in the text"),
        (
            ["--published", "2024-05-01"],
            "--published '2024-05-01' is not in the text: no line states 2024 with its month, May",
        ),
        (["--published", "March 2024"], "must be YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--url", "https://example.com/pay"], "--url 'https://example.com/pay' is not in the text"),
        (["--caveat", "Pay may differ."], "--caveat is not a sentence of the text"),
        (["--source-id", "Team Lead"], "source id 'Team Lead' must be a lower-case slug"),
        (["--source-id", "job-details-guide"], "'job-details-guide' is already a source"),
        (["--title", "Bad {title}"], "braces and backslashes cannot be written into the bibliography"),
    ],
)
def test_a_refused_source_writes_nothing_and_says_why(
    project: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    before = _state(project)
    assert new_source.main([str(TEAM_LEAD), *TEAM_LEAD_ARGS, *extra]) == 1
    assert message in capsys.readouterr().err
    assert _state(project) == before


def test_a_second_work_cited_alike_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An unsigned, undated text whose short title is one already cited would share "Career advancement guide (n.d.)".
    before = _state(project)
    args = ["--title", "Another Guide", "--short-title", "Career advancement guide", "--source-id", "another-guide"]
    assert new_source.main([str(SUPERVISOR), *args]) == 1
    assert "'career-advancement-guide' is cited as Career advancement guide (n.d.) too" in capsys.readouterr().err
    assert _state(project) == before


def test_a_text_that_is_not_utf8_is_refused(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 pay: $30,000 a year".encode("latin-1"))
    before = _state(project)
    assert new_source.main([str(latin), "--title", "Latin"]) == 1
    assert "latin.txt: not valid UTF-8 (byte 0xe9 at offset 3)" in capsys.readouterr().err
    assert _state(project) == before


def test_a_failure_half_way_restores_every_file_it_wrote(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _state(project)

    def full_disk(path: Path, text: str, force: bool = False) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(draft, "write", full_disk)
    with pytest.raises(OSError, match="No space left"):
        new_source.main([str(TEAM_LEAD), *TEAM_LEAD_ARGS])
    assert _state(project) == before
