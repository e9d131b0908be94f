"""The evidence pages' model (analysis.publish.explorer), record links, and the files the pages rest on."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from sphinx.errors import ExtensionError
from sphinx_external_toc.parsing import parse_toc_yaml

from analysis.chapters import prose
from analysis.core import evidence, markup, paths, sources
from analysis.publish import explorer, figures

sys.path.insert(0, str(paths.ROOT / "_ext"))
import source_pages


def test_every_record_and_exclusion_has_one_row_with_a_unique_address() -> None:
    found = evidence.validate_all()
    rows = explorer.all_rows()
    assert len(rows) == len(found.records) + len(found.exclusions)
    assert len({r.label for r in rows}) == len(rows)
    assert {(r.source_id, r.record_id) for r in rows if r.kind != explorer.EXCLUDED} == {
        (r.source_id, r.record_id) for r in found.records
    }
    salary = next(r for r in rows if r.label == "exploring-careers-2007--salary-csr-1")
    assert salary.main == "Customer Service Representative I: $25,702–$33,661"  # its sentence states no period
    assert salary.category == "frontline"
    assert salary.quote.startswith("A Customer Service Representative I")


def test_a_salary_row_gives_its_figure_in_its_own_period_with_its_own_cents() -> None:
    hourly = evidence.Record(
        "s", "r", "salary", {"role": "Lead", "low_usd": 14.71, "high_usd": 22.6, "period": "hour"}, (), "", "q"
    )
    assert explorer.record_row(hourly).main == "Lead: $14.71–$22.60 an hour"
    monthly = evidence.Record("s", "r", "salary", {"role": "Agent", "low_usd": 3200.0, "period": "month"}, (), "", "q")
    assert explorer.record_row(monthly).main == "Agent: $3,200 a month"


def test_a_salary_row_says_what_its_source_says_a_threshold_as_one_and_no_period_it_does_not_state() -> None:
    # "upwards of $50,000 per year" is a threshold, not $50,000 a year.
    floor = evidence.Record(
        "s", "r", "salary", {"role": "Rep", "low_usd": 50000.0, "period": "year", "statistic": "threshold"}, (), "", "q"
    )
    assert explorer.record_row(floor).main == "Rep: $50,000 or more a year"
    # "generally pays between $25,702 and $33,661": no period stated, so none is written.
    ranged = {"role": "Rep", "low_usd": 25702.0, "high_usd": 33661.0, "period": "year", "statistic": "range"}
    inferred = evidence.Record("s", "r", "salary", ranged, ("period-inferred",), "", "q")
    assert explorer.record_row(inferred).main == "Rep: $25,702–$33,661"
    # Every salary row of the evidence: a threshold reads as one; a period only where its quote states it.
    for row, record in zip(explorer.all_rows(), evidence.validate_all().records, strict=False):
        if record.kind != "salary":
            continue
        assert (" or more" in row.main) == (record.values["statistic"] == "threshold"), row.main
        stated = "period-inferred" not in record.flags
        assert row.main.endswith(("a year", "a month", "an hour")) == stated, row.main


def test_exclusion_ids_come_from_the_figure_and_repeat_with_a_number() -> None:
    items = [
        evidence.Exclusion("a", "$60 million", "r", "q"),
        evidence.Exclusion("a", "$60 Million!", "r", "q"),
        evidence.Exclusion("b", "$60 million", "r", "q"),
        evidence.Exclusion("a", "<b>", "r", "q"),
    ]
    assert explorer.exclusion_ids(items) == [
        "excluded-60-million",
        "excluded-60-million-2",
        "excluded-60-million",
        "excluded-b",
    ]


def test_the_hedge_column_is_filled_from_the_records_once_they_carry_one() -> None:
    record = evidence.Record(
        "a", "benefit-x", "benefit", {"item": "x", "category": "pay", "hedge": "some"}, (), "", "some centers offer x"
    )
    assert explorer.record_row(record).hedge == "some"


def test_located_quotes_are_the_spans_find_quote_and_locate_in_raw_give() -> None:
    corpus = sources.load_all()
    for source_id, source in corpus.items():
        rows = [r for r in explorer.all_rows() if r.source_id == source_id]
        for loc in explorer.located(source, rows):
            assert sources.normalise_space(source.text[loc.start : loc.end]) == sources.normalise_space(loc.row.quote)
            assert (loc.raw_start, loc.raw_end) == sources.locate_in_raw(source, loc.row.quote)
    damaged = corpus["job-details-guide"]
    assert damaged.changes, "the damaged source has edits, so its raw offsets differ"
    spans = explorer.located(damaged, [r for r in explorer.all_rows() if r.source_id == "job-details-guide"])
    assert any(s.raw_start != s.start for s in spans)


def test_segments_give_the_text_back_and_mark_exactly_the_quoted_spans() -> None:
    text = "One two three.\nFour five six seven.\n\nEight."
    row = explorer.Row("benefit", "s", "r-1", "", "", "", "two three. Four")
    other = explorer.Row("benefit", "s", "r-2", "", "", "", "five six")
    spans = [explorer.Located(row, 4, 19, 4, 19), explorer.Located(other, 20, 28, 20, 28)]
    paragraphs = explorer.segments(text, spans)
    assert "\n".join("".join(s.text for s in p.segments) for p in paragraphs) == text
    marked = [(s.text, s.covers) for p in paragraphs for s in p.segments if s.covers]
    assert marked == [("two three.", ("s--r-1",)), ("Four", ("s--r-1",)), ("five six", ("s--r-2",))]
    starts = [s.starts for p in paragraphs for s in p.segments if s.starts]
    ends = [s.ends for p in paragraphs for s in p.segments if s.ends]
    assert starts == [("s--r-1",), ("s--r-2",)]
    assert ends == [("s--r-1",), ("s--r-2",)]


def test_a_source_page_counts_passages_apart_from_the_records_and_exclusions_that_quote_them() -> None:
    one = explorer.Row("benefit", "s", "r-1", "", "", "", "two three")
    same = explorer.Row("challenge", "s", "r-2", "", "", "", "two three")
    inner = explorer.Row("benefit", "s", "r-3", "", "", "", "three")
    cut = explorer.Row(explorer.EXCLUDED, "s", "excluded-x", "", "", "", "five")
    spans = [
        explorer.Located(one, 4, 13, 4, 13),
        explorer.Located(same, 4, 13, 4, 13),
        explorer.Located(inner, 8, 13, 8, 13),
        explorer.Located(cut, 20, 24, 20, 24),
    ]
    # two records quote the same span: 3 passages, not 4
    assert explorer.marked_summary(spans) == "3 passages, quoted by 3 records and 1 exclusion"
    assert explorer.marked_summary(spans[:2]) == "1 passage, quoted by 2 records"


def test_every_source_page_counts_its_distinct_quoted_spans() -> None:
    corpus = sources.load_all()
    for source_id, source in corpus.items():
        rows = [r for r in explorer.all_rows() if r.source_id == source_id]
        distinct = {sources.find_quote(source.text, r.quote) for r in rows}
        assert explorer.marked_summary(explorer.located(source, rows)).startswith(
            prose.plural(len(distinct), "passage") + ","
        )


def test_the_repair_sentence_has_a_verb_whether_or_not_the_repair_changed_anything() -> None:
    corpus = sources.load_all()
    unchanged = next(s for s in corpus.values() if not s.changes)
    assert explorer.repair_sentence(unchanged) == (
        "The repair (ftfy, then the Windows-1253 round trip, then emoji-debris removal) changed nothing: the text "
        "is used as received."
    )
    damaged = corpus["job-details-guide"]
    said = explorer.repair_sentence(damaged)
    assert said.startswith("The repair (ftfy, then the Windows-1253 round trip, then emoji-debris removal) removed ")
    assert f"{sum(c.end - c.start - len(c.after) for c in damaged.changes)} characters" in said


def test_record_ref_links_a_record_and_md_table_links_a_frames_records() -> None:
    assert (
        markup.record_ref("exploring-careers-2007", "salary-csr-1")
        == "{ref}`salary-csr-1 <exploring-careers-2007--salary-csr-1>`"
    )
    with pytest.raises(ValueError, match="not an id"):
        markup.record_ref("exploring-careers-2007", "x`} <y")
    frame = pd.DataFrame(
        {
            "source_id": ["job-details-guide", "bls-oews"],
            "record_id": ["salary-csr-average-glassdoor", None],
            "quote": ["<b>x</b>", "y"],
        }
    )
    lines = markup.md_table(frame, record_links=True).data.splitlines()
    assert lines[2] == (
        "| job\\-details\\-guide | {ref}`salary-csr-average-glassdoor <job-details-guide--"
        "salary-csr-average-glassdoor>` | \\<b\\>x\\<\\/b\\> |"
    )
    assert lines[3].split(" | ")[1] == "–"
    with pytest.raises(ValueError, match="record_links needs"):
        markup.md_table(frame.drop(columns="record_id"), record_links=True)


def test_chart_data_record_ids_are_records_of_the_evidence() -> None:
    labels = explorer.labels()
    linked = 0
    for name, chart in figures.registry().items():
        for row in figures.record_links(chart.data()):
            for pairs in row.values():
                for source_id, record_id in pairs:
                    assert markup.record_label(source_id, record_id) in labels, (name, source_id, record_id)
                    linked += 1
    assert linked > 20
    turnover = figures.record_links(
        pd.DataFrame({"source_id": [None], "record_ids": ["c-1;c-2"], "claimed_by": ["a;b"]})
    )
    assert turnover == [{"record_ids": [("a", "c-1"), ("b", "c-2")]}]


def test_the_source_pages_are_generated_from_the_manifest_and_listed_in_its_order(tmp_path: Path) -> None:
    toc = (paths.ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "glob: book/sources/*" in toc
    assert "file: book/sources/" not in toc
    source_pages.write_pages(tmp_path, ["b-source", "a-source"])
    folder = tmp_path / "book" / "sources"
    assert sorted(p.name for p in folder.iterdir()) == ["a-source.md", "b-source.md"]
    assert (folder / "b-source.md").read_text(encoding="utf-8").endswith("```{source-reader} b-source\n```\n")
    # A source no longer in the manifest loses its page; a page still wanted is not rewritten.
    before = (folder / "b-source.md").stat().st_mtime_ns
    source_pages.write_pages(tmp_path, ["b-source"])
    assert [p.name for p in folder.iterdir()] == ["b-source.md"]
    assert (folder / "b-source.md").stat().st_mtime_ns == before
    # A file nobody generated is never deleted: the error names it.
    (folder / "notes.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ExtensionError, match=r"notes\.md: not a page of a source"):
        source_pages.write_pages(tmp_path, ["b-source"])
    # The table of contents lists the pages where the glob stands, in manifest order.
    site_map = parse_toc_yaml(paths.ROOT / "_toc.yml")
    assert source_pages.list_pages(site_map, ["b-source", "a-source"])
    items = [str(i) for tree in site_map["book/evidence"].subtrees for i in tree.items]
    assert items == ["book/sources/b-source", "book/sources/a-source"]
    assert "book/sources/a-source" in site_map
    # A table of contents without the entry (a book of one chapter) lists no source page.
    one_chapter = tmp_path / "_toc.yml"
    one_chapter.write_text("format: jb-book\nroot: book/index\n", encoding="utf-8")
    assert not source_pages.list_pages(parse_toc_yaml(one_chapter), ["b-source"])


def test_a_source_page_another_build_removes_meanwhile_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages' build and the PDF's tidy the source pages side by side: a stale page one of them
    lists may be gone, removed by the other, before it reads or deletes it."""
    source_pages.write_pages(tmp_path, ["a-source", "b-source"])
    folder = tmp_path / "book" / "sources"
    listed = list(folder.iterdir())
    (folder / "a-source.md").unlink()  # the other build's doing, after this one listed the folder
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(listed) if self == folder else iter([]))
    source_pages.write_pages(tmp_path, ["b-source"])
    monkeypatch.undo()
    assert [p.name for p in folder.iterdir()] == ["b-source.md"]


def test_the_vendored_datatables_files_are_the_ones_recorded() -> None:
    folder = paths.ROOT / "_ext" / "static" / "datatables"
    recorded = {
        name: digest
        for digest, name in re.findall(
            r"^([0-9a-f]{64})  (\S+)$", (folder / "README.md").read_text(encoding="utf-8"), re.M
        )
    }
    assert set(recorded) == {"dataTables.min.js", "dataTables.dataTables.min.css", "LICENSE.txt"}
    for name, digest in recorded.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert (folder / "dataTables.min.js").read_text(encoding="utf-8").startswith("/*! DataTables 3.1.5")


def _rows(records: int, excluded: int) -> list[explorer.Row]:
    row = explorer.Row("salary", "s", "r", "m", "c", "", "q")
    return [row] * records + [explorer.Row(explorer.EXCLUDED, "s", "x", "m", "", "", "q")] * excluded


def test_the_explorer_says_how_many_rows_are_records_and_how_many_exclusions() -> None:
    assert explorer.counts(_rows(207, 5)) == (207, 5)
    said = explorer.counts_sentence(_rows(207, 5))
    assert said.startswith("212 rows: the 207 records the report rests on")
    assert "and 5 exclusions: figures that the articles state and the report does not use" in said
    assert "1 exclusion: a figure that an article states" in explorer.counts_sentence(_rows(3, 1))
    assert explorer.counts_sentence(_rows(1, 0)) == (
        "1 row: the 1 record the report rests on; the report uses every figure the articles state."
    )
    found = explorer.all_rows()
    records, excluded = explorer.counts(found)
    assert explorer.counts_sentence(found).startswith(f"{records + excluded} rows: the {records} records")
