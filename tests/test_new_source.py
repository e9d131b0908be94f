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
#: The fixture pages under names, an author and titles no corpus holds (the project's corpus may
#: already hold the fixtures themselves, as the end-to-end test's copy does).
AUTHOR = "Wren Quillfeather"
TEAM_LEAD_TITLE = "Quillfeather Team Lead Pay Survey"
TEAM_LEAD_ARGS = ["--title", TEAM_LEAD_TITLE, "--author", AUTHOR]


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


@pytest.fixture
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The two fixture pages, the first signed by :data:`AUTHOR`, under file names of their own."""
    folder = tmp_path_factory.mktemp("incoming")
    team_lead = folder / "quillfeather-team-lead-pay.txt"
    text = (FIXTURES / "team-lead-pay.txt").read_text(encoding="utf-8")
    team_lead.write_text(text.replace("Dana Ortiz", AUTHOR), encoding="utf-8")
    supervisor = folder / "quillfeather-supervisor-guide.txt"
    shutil.copyfile(FIXTURES / "supervisor-career-guide.txt", supervisor)
    return team_lead, supervisor


def _state(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}


def test_a_source_is_added_with_its_row_entry_and_draft(
    project: Path, pages: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    team_lead, _ = pages
    assert new_source.main([str(team_lead), *TEAM_LEAD_ARGS, "--published", "2024-03-04"]) == 0
    copied = project / "raw" / team_lead.name
    assert copied.read_bytes() == team_lead.read_bytes()
    meta = sources.read_manifest(project / "raw" / "sources.csv")[-1]
    assert meta.source_id == "quillfeather-team-lead-pay-survey"  # a slug of the title
    assert meta.sha256 == hashlib.sha256(team_lead.read_bytes()).hexdigest()
    assert (meta.author, meta.published, meta.short_title) == (AUTHOR, "2024-03-04", "")
    # Where each field comes from, line by line of the text, and what the text does not state.
    assert meta.notes == (
        f"Author from the text's line 2 (By {AUTHOR} | Published March 4, 2024). "
        f"Date from the text's line 2 (By {AUTHOR} | Published March 4, 2024). "
        "No publisher or address in the text."
    )
    # The entry is the one the bibliography test holds every source's to.
    entry = parse_file(str(project / "references.bib")).entries[meta.source_id]
    assert entry.fields["title"].replace("{", "").replace("}", "") == meta.title
    assert " ".join(" ".join([*p.first_names, *p.last_names]) for p in entry.persons["author"]) == AUTHOR
    assert (entry.fields["year"], entry.fields["date"]) == ("2024", "2024-03-04")
    assert "File quillfeather-team-lead-pay.txt" in entry.fields["note"]
    drafted = yaml.safe_load((project / "evidence" / f"{meta.source_id}.draft.yaml").read_text(encoding="utf-8"))
    assert drafted["source_id"] == meta.source_id
    assert [r["low_usd"] for r in drafted["records"] if r["kind"] == "salary"][:2] == [14.71, 30600]
    assert "drafted its records in" in capsys.readouterr().out


def test_an_unsigned_undated_text_gets_a_short_title_and_says_what_it_does_not_state(
    project: Path, pages: tuple[Path, Path]
) -> None:
    _, supervisor = pages
    args = ["--title", "Quillfeather Supervisor Guide", "--short-title", "Quillfeather guide"]
    assert new_source.main([str(supervisor), *args]) == 0
    meta = sources.read_manifest(project / "raw" / "sources.csv")[-1]
    assert meta.source_id == "quillfeather-guide"
    assert meta.notes == "No author, date, publisher or address in the text."
    entry = parse_file(str(project / "references.bib")).entries["quillfeather-guide"]
    assert entry.fields["shorttitle"] == "Quillfeather guide"
    assert entry.fields["note"] == "Undated, unsigned web article. File quillfeather-supervisor-guide.txt"
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
        (["--source-id", "FIRST"], "is already a source"),
        (["--title", "Bad {title}"], "braces and backslashes cannot be written into the bibliography"),
    ],
)
def test_a_refused_source_writes_nothing_and_says_why(
    project: Path, pages: tuple[Path, Path], capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    first = sources.read_manifest(project / "raw" / "sources.csv")[0].source_id
    extra = [first if e == "FIRST" else e for e in extra]
    before = _state(project)
    assert new_source.main([str(pages[0]), *TEAM_LEAD_ARGS, *extra]) == 3
    assert message in capsys.readouterr().err
    assert _state(project) == before


def test_a_second_work_cited_alike_is_refused(
    project: Path, pages: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # An unsigned, undated text given the short title of an unsigned, undated source already cited
    # would be cited exactly like it: "<short title> (n.d.)".
    unsigned = next(m for m in sources.read_manifest(project / "raw" / "sources.csv") if m.short_title and not m.author)
    assert not unsigned.published, "the first unsigned source is dated: pick an undated one"
    before = _state(project)
    args = ["--title", "Another Guide", "--short-title", unsigned.short_title, "--source-id", "another-guide"]
    assert new_source.main([str(pages[1]), *args]) == 3
    said = f"{unsigned.source_id!r} is cited as {unsigned.short_title} (n.d.) too"
    assert said in capsys.readouterr().err
    assert _state(project) == before


def test_a_text_that_is_not_utf8_is_refused(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 pay: $30,000 a year".encode("latin-1"))
    before = _state(project)
    assert new_source.main([str(latin), "--title", "Latin"]) == 3
    assert "latin.txt: not valid UTF-8 (byte 0xe9 at offset 3)" in capsys.readouterr().err
    assert _state(project) == before


def test_a_failure_half_way_restores_every_file_it_wrote(
    project: Path, pages: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state(project)

    def full_disk(path: Path, text: str, force: bool = False) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(draft, "write", full_disk)
    assert new_source.main([str(pages[0]), *TEAM_LEAD_ARGS]) == 4  # an output not written
    assert "No space left on device" in capsys.readouterr().err
    assert _state(project) == before
