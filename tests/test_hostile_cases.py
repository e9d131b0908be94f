"""Hostile inputs, one case each: the tool that meets one refuses it in one line naming the file
(the record and the field where there is one), with its documented exit status (``analysis.tools``),
never a traceback, and changes no input (the sha256 of every file of the project is compared
before and after). `tests/test_hostile.py` builds a whole book from a hostile source.

The cases that run a tool in a process of its own on a copy are marked ``slow`` (`make test` runs
them, `make unit` leaves them out); the checks of a function run in `make unit` too."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import input_hashes
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE

from analysis.core import inflation, numbers, paths, quotes, sources
from analysis.publish.deck import shapes

sys.path.insert(0, str(paths.ROOT / "_ext"))
import quote_check
import report_site

REFUSED, UNWRITABLE, FINDING = 3, 4, 1
ONE_LINE = "a manifest field is one line of plain text"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """What the tools read and write, copied: the package, the data, the book's extensions."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("analysis", "data", "_ext"):
        shutil.copytree(paths.ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("CITATION.cff", "pyproject.toml"):
        shutil.copy2(paths.ROOT / name, root / name)
    return root


def run(root: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """``python -m analysis.tools.<command>`` in a project, on its own package and data."""
    env = {k: v for k, v in os.environ.items() if k != "CALL_CENTER_CAREERS_DATA"}
    env["PYTHONPATH"] = str(root)
    return subprocess.run(
        [sys.executable, "-m", f"analysis.tools.{command[0]}", *command[1:]],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def refused(root: Path, status: int, *command: str) -> str:
    """Run a tool that must refuse: its status, one line on standard error and no traceback, every
    input unchanged. Returns the line."""
    before = input_hashes(root)
    result = run(root, *command)
    assert result.returncode == status, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert input_hashes(root) == before
    return lines[0]


def edit_record(root: Path, source_id: str, kind: str, **fields: object) -> str:
    """Set fields of the first record of a kind in a source's evidence file; returns its id."""
    path = root / "data" / "evidence" / f"{source_id}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = next(r for r in doc["records"] if r["kind"] == kind)
    record.update(fields)
    path.write_text(yaml.safe_dump(doc, allow_unicode=False, sort_keys=False, width=10_000), encoding="utf-8")
    return str(record["id"])


@pytest.mark.slow
def test_an_evidence_file_nested_50000_deep_is_refused_before_the_parser_recurses(project: Path) -> None:
    path = project / "data" / "evidence" / "cedric-career-graph.yaml"
    path.write_text("source_id: cedric-career-graph\nrecords: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    line = refused(project, REFUSED, "make_data")
    assert line == f"{path}:2: nested more than 20 deep (an evidence file needs four)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\x00", "U+0000 (a control character)"),
        ("\x01", "U+0001 (a control character)"),
        ("\x0b", "U+000B (a control character)"),
        ("\x0c", "U+000C (a control character)"),
        ("\r", "U+000D (a control character)"),  # passed make data, then --check differed for ever
        ("\x1b", "U+001B (a control character)"),  # beyond the issue: a terminal escape
        ("\u202e", "U+202E (an invisible format character)"),  # beyond: reverses the text a reader sees
        ("\u200b", "U+200B (an invisible format character)"),  # beyond: a zero-width space
        ("\u2028", "U+2028 (a line separator)"),  # beyond: a line break to some readers, not to others
    ],
)
def test_a_control_or_invisible_character_in_a_text_field_is_refused_naming_it(
    project: Path, char: str, what: str
) -> None:
    rid = edit_record(project, "cedric-career-graph", "role", note=f"a{char}b")
    line = refused(project, REFUSED, "make_data")
    assert line.startswith(f"{project}/data/evidence/cedric-career-graph.yaml: record '{rid}' (#")
    assert f"note holds {what} at character 2" in line


@pytest.mark.slow
@pytest.mark.parametrize("year", [2099, 1900, inflation.FIRST_YEAR - 1, inflation.BASE_YEAR + 1])
def test_a_year_outside_the_cpi_series_is_refused(project: Path, year: int) -> None:
    rid = edit_record(project, "exploring-careers-2007", "salary", year=year)
    line = refused(project, REFUSED, "make_data")
    assert f"record '{rid}' (#" in line
    series = f"({inflation.FIRST_YEAR}–{inflation.BASE_YEAR})"
    assert line.endswith(f"year {year} is outside the CPI-U series the report adjusts with {series}")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("amount", "problem"),
    [
        (int("1" + "0" * 399), "low_usd is too large to be an amount"),  # reached salaries.csv as inf
        (float("inf"), "low_usd must be a finite number (got inf)"),
        (float("nan"), "low_usd must be a finite number (got nan)"),
        (10**12, "low_usd must be at most 1,000,000,000"),
    ],
)
def test_a_non_finite_or_absurd_amount_is_refused(project: Path, amount: float, problem: str) -> None:
    edit_record(project, "exploring-careers-2007", "salary", low_usd=amount)
    assert problem in refused(project, REFUSED, "make_data")


@pytest.mark.slow
def test_a_manifest_row_missing_its_last_field_is_refused_not_filled(project: Path) -> None:
    manifest = project / "data" / "raw" / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("job-details-guide,"))
    row = lines[number].rstrip("\n")
    lines[number] = row[: row.rindex(",")] + "\n"  # the caveat, and its comma, left out
    manifest.write_text("".join(lines), encoding="utf-8")
    line = refused(project, REFUSED, "make_data")
    assert line == f"{manifest}:{number + 1}: 10 of 11 fields: caveat missing (an empty field is written, not left out)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("title", "Perks\x1b[2J", f"title holds U+001B (a control character) at character 6: {ONE_LINE}"),
        ("notes", "two\nlines", f"notes holds U+000A (a control character) at character 4: {ONE_LINE}"),
        ("url", "javascript:alert(1)", "url 'javascript:alert(1)' is not an http or https address"),
        ("published", "2007-13-45", "published '2007-13-45' is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
        ("source_id", "a" * 101, "source_id has 101 characters, more than 100"),
    ],
)
def test_a_manifest_field_that_is_not_one_line_of_plain_text_is_refused(
    project: Path, field: str, value: str, problem: str
) -> None:
    """Beyond the issue: what a manifest field may hold, since each lands in a page, a file name or a link."""
    manifest = project / "data" / "raw" / "sources.csv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[1][field] = value
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert refused(project, REFUSED, "make_data") == f"{manifest}:3: {problem}"


def _unreadable(project: Path, kind: str) -> tuple[Path, str]:
    """A path the scanner and the drafter must refuse, and what they must say of it."""
    raw = project / "data" / "raw"
    if kind == "folder":
        return raw, "a folder, not a file"
    if kind == "missing":
        return raw / "nothing.txt", "no such file"
    if kind == "binary":
        (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        return raw / "image.txt", "not valid UTF-8 (byte 0x89 at offset 0)"
    if kind == "nul":
        (raw / "nul.txt").write_bytes(b"Agents earn $30,000.\x00\x00")
        return raw / "nul.txt", "holds a NUL byte at offset 20: a binary file, not a text"
    if kind == "oversized":
        (raw / "big.txt").write_bytes(b"$1 " * 349_526)
        return raw / "big.txt", "1048578 bytes, more than the 1048576 a source text may have"
    if kind == "device":
        return Path("/dev/zero"), "not a regular file (a device, pipe or socket)"
    if kind == "pipe":
        os.mkfifo(raw / "pipe.txt")  # opening it would wait for a writer for ever
        return raw / "pipe.txt", "not a regular file (a device, pipe or socket)"
    assert kind == "long name"
    return raw / ("x" * 300 + ".txt"), "cannot be read: File name too long"


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["scan", "draft"])
@pytest.mark.parametrize("kind", ["folder", "missing", "binary", "nul", "oversized", "device", "pipe", "long name"])
def test_a_path_the_tools_cannot_read_is_one_line(project: Path, tool: str, kind: str) -> None:
    path, problem = _unreadable(project, kind)
    out = ["--out", str(project / "out.yaml")] if tool == "draft" else []
    assert refused(project, REFUSED, tool, str(path), *out) == f"{path}: {problem}"
    assert not (project / "out.yaml").exists()


@pytest.mark.slow
def test_an_output_that_cannot_be_written_is_one_line_and_leaves_the_tables_whole(project: Path) -> None:
    # Root ignores a folder's mode bits, so the folder in the way is a file (as a read-only
    # disk, it refuses every write).
    processed = project / "data" / "processed"
    shutil.rmtree(processed)
    processed.write_text("not a folder\n", encoding="utf-8")
    assert refused(project, UNWRITABLE, "make_data") == f"{processed}: cannot write the tables: File exists"
    draft_line = refused(
        project, UNWRITABLE, "draft", str(project / "data" / "raw" / "002_f60ad8a82bce44de.txt"), "--out",
        str(processed / "draft.yaml"),
    )  # fmt: skip
    assert draft_line == f"{processed / 'draft.yaml'}: cannot be written: File exists"


@pytest.mark.slow
def test_the_downloads_are_left_whole_when_the_workbook_cannot_be_written(project: Path) -> None:
    """The CSV downloads were rewritten before the workbook failed on a control character."""
    downloads = project / "downloads"
    downloads.mkdir()
    (downloads / "benefits.csv").write_text("earlier download\n", encoding="utf-8")
    table = project / "data" / "processed" / "benefits.csv"
    header, first, rest = table.read_text(encoding="utf-8").split("\n", 2)
    table.write_text(f"{header}\n{first.replace('a', 'a' + chr(1), 1)}\n{rest}", encoding="utf-8")
    line = refused(project, REFUSED, "make_downloads", "--out", str(downloads))
    assert "a table holds a control character no workbook can" in line
    assert sorted(p.name for p in downloads.iterdir()) == ["benefits.csv"]
    assert (downloads / "benefits.csv").read_text(encoding="utf-8") == "earlier download\n"


@pytest.mark.slow
def test_the_scanner_reads_full_width_digits_and_a_minus_sign_and_reports_them_where_the_raw_file_has_them(
    project: Path,
) -> None:
    new = project / "data" / "raw" / "new.txt"
    text = "Pay\u200b\u200b: ＄３２，０００ a year.\nA loss of $\u22125,000 here.\n"
    new.write_text(text, encoding="utf-8")
    before = input_hashes(project)
    result = run(project, "scan", str(new))
    assert result.returncode == FINDING, result.stderr
    assert result.stdout.splitlines() == [f"{new}:1:8\t＄３２，０００", f"{new}:2:11\t$\u22125,000"]
    assert input_hashes(project) == before


@pytest.mark.parametrize(
    ("quotation", "problem"),
    [
        (
            "A call center can [not] be a start to a promising career",
            "the insertion [not] adds a negation the source does not have there",
        ),
        ("A call center can [...] career that a person will enjoy", "join words of different sentences"),
        ("Most contact centers [...] for years to come", "join words of different sentences"),
        # Beyond the issue: a number, a hedge, a changed word, a negation cut out.
        ("A call center can be a start to [two] promising career[s]", "states a number the source does not"),
        ("A call center [often] can be a start", "adds a qualifier the source does not have there"),
        ("A call center can be a [re]start to a promising career", "changes a word of the source"),
        ("It might [...] always be the easiest job", "the cut leaves out a negation"),
    ],
)
def test_an_editorial_mark_that_changes_the_meaning_fails_the_page(quotation: str, problem: str) -> None:
    before = input_hashes(paths.ROOT)
    page = (
        f"<html><body><article><p>The article says “{quotation}”"
        f' <a href="bibliography.html#cite-contact-center-pay">x</a></p></article></body></html>'
    )
    problems = quote_check.page_problems(page)
    assert len(problems) == 1, problems
    assert problem in problems[0]
    assert quote_check.page_problems(page.replace(quotation, "A call center can be a start")) == []
    assert input_hashes(paths.ROOT) == before


# The second pass: the categories, none of its examples.


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["device", "folder", "broken link"])
def test_an_evidence_file_that_is_not_a_file_is_refused_not_skipped(project: Path, kind: str) -> None:
    """A link to /dev/urandom in place of an evidence file used to be skipped: make data wrote
    tables without that source's records."""
    path = project / "data" / "evidence" / "cedric-career-graph.yaml"
    path.unlink()
    if kind == "device":
        path.symlink_to("/dev/urandom")
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(project / "nowhere.yaml")
    problem = {"device": "not a regular file", "folder": "a folder, not a file", "broken link": "no such file"}[kind]
    assert refused(project, REFUSED, "make_data") == f"{path}: {problem}" + (
        " (a device, pipe or socket)" if kind == "device" else ""
    )


@pytest.mark.slow
def test_a_source_text_linked_to_a_pipe_is_refused_without_waiting(project: Path) -> None:
    raw = project / "data" / "raw" / "002_f60ad8a82bce44de.txt"
    raw.unlink()
    os.mkfifo(project / "pipe")
    raw.symlink_to(project / "pipe")
    assert refused(project, REFUSED, "make_data") == f"{raw}: not a regular file (a device, pipe or socket)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (
            lambda b: b.replace(b"Exploring", b"Expl\xf6ring"),
            lambda b: f"not valid UTF-8 (offset {b.index(b'Exploring') + 4})",
        ),
        (
            lambda b: b.replace(b"Exploring a", b"Exploring " + b"x" * 200_000),
            lambda b: f":{b[: b.index(b'Exploring')].count(10) + 1}: not a CSV row (field larger than",
        ),
    ],
)
def test_a_manifest_that_is_not_utf8_or_has_a_field_beyond_the_csv_limit_is_one_line(
    project: Path, damage: object, problem: object
) -> None:
    manifest = project / "data" / "raw" / "sources.csv"
    original = manifest.read_bytes()
    manifest.write_bytes(damage(original))  # type: ignore[operator]
    assert problem(original) in refused(project, REFUSED, "make_data")  # type: ignore[operator]


@pytest.mark.slow
def test_a_stray_evidence_file_name_with_a_line_break_and_an_escape_is_named_escaped(project: Path) -> None:
    stray = project / "data" / "evidence" / "evil\n\x1b[31m.yaml"
    stray.write_text("x: 1\n", encoding="utf-8")
    assert refused(project, REFUSED, "make_data") == f"{str(stray)!r}: not the evidence file of a source in sources.csv"


@pytest.mark.slow
def test_a_file_name_with_a_line_break_is_printed_escaped_by_the_scanner(project: Path) -> None:
    new = project / "evil\n\x1b[31m.txt"
    new.write_text("Agents earn $30,000 a year.\n", encoding="utf-8")
    result = run(project, "scan", str(new))
    assert result.returncode == FINDING
    assert result.stdout == f"{str(new)!r}:1:13\t$30,000\n"


@pytest.mark.slow
def test_a_text_with_thousands_of_figures_is_not_drafted(project: Path) -> None:
    """Drafting 45,000 figures from one line ran for minutes (each record renumbered every id, and
    each quote searched the line from its start)."""
    many = project / "many.txt"
    many.write_text("Agents earn $1 a year. " * 2_001, encoding="utf-8")
    line = refused(project, REFUSED, "draft", str(many), "--out", str(project / "out.yaml"))
    assert line == f"{many}: 2001 figures, more than the 2000 one draft may hold"


@pytest.mark.slow
def test_a_processed_table_that_is_missing_is_named_as_an_input_to_make(project: Path) -> None:
    table = project / "data" / "processed" / "salaries.csv"
    table.unlink()
    line = refused(project, REFUSED, "make_downloads", "--out", str(project / "downloads"))
    assert line == f"{table}: missing (run `make data`)"
    assert not list((project / "downloads").iterdir())  # nothing written, no staging folder left


@pytest.mark.slow
def test_the_scanner_stops_quietly_when_its_reader_goes(project: Path) -> None:
    many = project / "many.txt"
    many.write_text("$1 " * 50_000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(project)}
    command = f"{sys.executable} -m analysis.tools.scan {many} | head -n 1"
    result = subprocess.run(
        ["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout == f"{many}:1:1\t$1\n"
    assert result.stderr == ""


@pytest.mark.slow
def test_a_source_line_of_dense_invisible_characters_repairs_in_linear_time(project: Path) -> None:
    """A character-level difflib of one line holding 2,000 removed characters ran for 8 minutes;
    this one holds 150,000 (the run must end well within the timeout)."""
    raw = project / "data" / "raw" / "002_f60ad8a82bce44de.txt"
    raw.write_bytes(raw.read_bytes() + ("a\u200b" * 150_000).encode())
    with (project / "data" / "raw" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["file"] == raw.name:
            row["sha256"] = hashlib.sha256(raw.read_bytes()).hexdigest()
    with (project / "data" / "raw" / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = run(project, "make_data", "--check")
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize(
    ("quotation", "text", "held"),
    [
        ("the [s]tart of it", "Read the [s]tart of it.", True),  # brackets the source itself has
        (" [...] ".join(["a"] * 12), "a " * 50, False),  # more marks than a quotation may carry
        (" [...] ".join(["a"] * 10), "a " * 200_000, True),  # places tried are bounded: this ends at once
    ],
)
def test_brackets_of_the_source_hold_and_marks_are_bounded(quotation: str, text: str, held: bool) -> None:
    assert quotes.holds(quotation, text) is held
    if not held:
        assert quotes.mismatch(quotation, text) == "more than 10 editorial marks: quote fewer, longer passages"


def test_straight_quotes_of_a_source_in_a_table_cell_are_data_not_prose() -> None:
    """A role or quote holding a straight double quote failed every build it was shown in."""
    cell = '<table><tr><td><p>=HYPERLINK("x","y")</p></td></tr></table>'
    assert quote_check.page_problems(f"<html><body><article>{cell}</article></body></html>") == []
    prose = '<p>=HYPERLINK("x","y")</p>'
    assert quote_check.page_problems(f"<html><body><article>{prose}</article></body></html>") != []


@pytest.mark.parametrize(
    ("text", "figure", "values"),
    [
        ("Pay: ＄３２，０００ a year.", "＄３２，０００", (32000.0,)),  # full-width digits and signs
        ("Pay: ﹩30,000 a year.", "﹩30,000", (30000.0,)),  # a small dollar sign
        ("A loss of $\u22125,000 here.", "$\u22125,000", (-5000.0,)),  # the minus sign: a negative amount
        ("From $30,000\u2212$40,000 a year.", "$30,000\u2212$40,000", (30000.0, 40000.0)),  # as a dash
    ],
)
def test_figures_are_read_as_a_reader_reads_them_with_the_given_texts_offsets(
    text: str, figure: str, values: tuple[float, ...]
) -> None:
    found = numbers.find_figures(text)
    assert [(f.text, f.values) for f in found] == [(figure, values)]
    assert text[found[0].start : found[0].end] == figure
    assert found[0].col == text.index(figure) + 1


@pytest.mark.parametrize("text", ["An office of 20 m² in ½ hour.", "Rooms of 12 m³ and H₂O."])
def test_fractions_superscripts_and_subscripts_state_no_figure(text: str) -> None:
    assert numbers.find_figures(text) == []


def test_the_repairs_edits_rebuild_the_repaired_text_and_map_every_offset_inside_the_raw_one() -> None:
    rng = random.Random(19)
    pieces = ["a", "word ", "\u200b", "\u00ad", "Ã©", "πŸ’¼ ", "\n", "\x0c", "\u202e", "$32,000 "]
    for _ in range(200):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        text, changes = sources.repair(raw)
        rebuilt, at = [], 0
        for change in changes:
            assert raw[change.start : change.end] == change.before
            rebuilt += [raw[at : change.start], change.after]
            at = change.end
        assert "".join([*rebuilt, raw[at:]]) == text, raw
        source = sources.Source(sources.SourceMeta(*[""] * len(sources.MANIFEST_COLUMNS)), raw, text, changes)
        assert all(0 <= sources.to_raw_offset(source, i) <= len(raw) for i in range(len(text) + 1))


def test_a_chart_in_the_deck_embeds_a_workbook_that_holds_every_string_as_text() -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    data = CategoryChartData()
    data.categories = ['=HYPERLINK("http://example.invalid","apply here")', "http://example.invalid", "+1"]
    data.add_series("=1+1", (1.0, 2.0, 3.0))
    shapes.add_chart(slide, XL_CHART_TYPE.BAR_STACKED, data)
    out = io.BytesIO()
    deck.save(out)
    with zipfile.ZipFile(out) as archive:
        workbooks = [archive.read(n) for n in archive.namelist() if n.endswith(".xlsx")]
    assert len(workbooks) == 1
    with zipfile.ZipFile(io.BytesIO(workbooks[0])) as workbook:
        parts = {n: workbook.read(n) for n in workbook.namelist()}
    assert not [n for n, content in parts.items() if n.startswith("xl/worksheets/") and b"<f>" in content]
    assert b"=HYPERLINK(" in parts["xl/sharedStrings.xml"]
    assert not [n for n in parts if "hyperlink" in n.lower()]  # and no address became a link


def test_the_page_title_and_the_search_titles_the_theme_prints_are_escaped() -> None:
    context = {"pagetitle": "Perks <script>alert(1)</script> & more"}
    report_site._escaped_title(None, "page", "page.html", context, None)  # type: ignore[arg-type]
    assert context["pagetitle"] == "Perks &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    indexer = SimpleNamespace(_all_titles={"page": [("<img src=x onerror=alert(2)>", None)]})
    report_site._escaped_search_titles(SimpleNamespace(builder=SimpleNamespace(indexer=indexer)))  # type: ignore[arg-type]
    report_site._escaped_search_titles(SimpleNamespace(builder=SimpleNamespace(indexer=indexer)))  # type: ignore[arg-type]
    assert indexer._all_titles == {"page": [("&lt;img src=x onerror=alert(2)&gt;", None)]}  # once, not twice
