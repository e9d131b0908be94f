"""The raw sources: verified against the manifest, decoded strictly, repaired minimally."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from analysis.chapters import evidence_base
from analysis.core import evidence, paths, sources

DAMAGED = "job-details-guide"


def _meta(source_id: str, manifest: Path = paths.MANIFEST) -> sources.SourceMeta:
    return next(m for m in sources.read_manifest(manifest) if m.source_id == source_id)


def test_manifest_lists_every_raw_text_once() -> None:
    listed = sorted(m.file for m in sources.read_manifest())
    on_disk = sorted(p.name for p in paths.RAW.glob("*.txt"))
    assert listed == on_disk
    assert listed, "the manifest lists no source"


def test_raw_files_match_their_manifest_hashes() -> None:
    for meta in sources.read_manifest():
        digest = hashlib.sha256((paths.RAW / meta.file).read_bytes()).hexdigest()
        assert digest == meta.sha256, meta.file


def test_changed_byte_is_a_one_line_error_naming_file_and_both_hashes(raw_copy: Path) -> None:
    meta = _meta("exploring-careers-2007")
    target = raw_copy / meta.file
    data = bytearray(target.read_bytes())
    data[100] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(sources.SourceError) as err:
        sources.read_raw(meta, raw_copy)
    message = str(err.value)
    assert "\n" not in message
    assert str(target) in message
    assert meta.sha256 in message
    assert hashlib.sha256(bytes(data)).hexdigest() in message


def test_non_utf8_file_is_a_clear_error_naming_it(raw_copy: Path) -> None:
    target = raw_copy / "latin1.txt"
    data = "Caf\u00e9 salaries: $30,000".encode("latin-1")
    target.write_bytes(data)
    meta = replace(_meta("contact-center-pay"), file="latin1.txt", sha256=hashlib.sha256(data).hexdigest())
    with pytest.raises(sources.SourceError, match=r"latin1\.txt: not valid UTF-8 \(byte 0xe9"):
        sources.read_raw(meta, raw_copy)


def test_manifest_row_with_wrong_hash_is_an_error_naming_the_file(raw_copy: Path) -> None:
    manifest = raw_copy / "sources.csv"
    text = manifest.read_text(encoding="utf-8")
    good = _meta("career-advancement-guide").sha256
    manifest.write_text(text.replace(good, "0" * 64), encoding="utf-8")
    meta = _meta("career-advancement-guide", manifest)
    with pytest.raises(sources.SourceError, match=r"004_baf56ec046e3273f\.txt: sha256 mismatch"):
        sources.read_raw(meta, raw_copy)


def test_duplicate_manifest_id_is_an_error_naming_the_line(raw_copy: Path) -> None:
    manifest = raw_copy / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(sources.SourceError, match=rf"sources\.csv:{len(lines) + 1}: duplicate source_id"):
        sources.read_manifest(manifest)


def test_reading_leaves_the_raw_files_untouched() -> None:
    before = {p.name: p.read_bytes() for p in paths.RAW.iterdir()}
    sources.load_all.cache_clear()
    sources.load_all()
    assert {p.name: p.read_bytes() for p in paths.RAW.iterdir()} == before


@pytest.mark.parametrize(
    "source_id",
    ["contact-center-pay", "exploring-careers-2007", "cedric-career-graph", "career-advancement-guide"],
)
def test_repair_leaves_undamaged_sources_identical(source_id: str) -> None:
    source = sources.load_all()[source_id]
    assert source.text == source.raw
    assert source.changes == ()


def test_repair_removes_all_debris_from_the_damaged_source() -> None:
    source = sources.load_all()[DAMAGED]
    assert "π" in source.raw
    assert not re.search(r"[\u0370-\u03ff€§°]", source.text)
    lines = source.text.splitlines()
    assert lines[0] == ("Attention Call Center Job Seekers! Discover All the Details You Need to Land Your Next Gig")
    assert "Salary and Benefits\nNow, let’s talk about the money." in source.text
    assert "Job Requirements\nCall center jobs require" in source.text
    # ordinary typography stays: curly apostrophes and quotes are not straightened
    assert "you’ve come to the right place" in source.text
    assert "“How do you handle difficult customers?”" in source.text


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("π’ Title π’\nBody", "Title\nBody"),
        ("a π§βπΌ b", "a b"),
        ("Lone π heading π\n", "Lone heading\n"),
        ("the ratio π≈3.14 stays", "the ratio π≈3.14 stays"),
        ("it’s “quoted” – fine", "it’s “quoted” – fine"),
        # UTF-8 read as Windows-1253 (Greek): ftfy undoes some, the round trip the rest
        ("pays 40,000β€“65,000 a year", "pays 40,000–65,000 a year"),
        ("Team lead β€” pay", "Team lead — pay"),
        ("πŸ“ˆ Pay", "📈 Pay"),  # holes filled from Windows-1252
        ("π\x9f“\x88 Pay", "📈 Pay"),  # holes filled with C1 controls
        ("He said β€œhelloβ€\x9d, fineβ€™s", "He said “hello”, fine’s"),
        ("cafΓ© rΓ©sumΓ©", "café résumé"),
        ("Ελληνικά κείμενο", "Ελληνικά κείμενο"),  # Greek written as Greek stays
        ("Σ² and Ω°", "Σ² and Ω°"),  # not UTF-8 once turned back into bytes
    ],
)
def test_repair_cases(raw: str, repaired: str) -> None:
    assert sources.repair(raw)[0] == repaired


def test_every_windows_1253_repair_is_an_edit_with_its_raw_offsets_and_is_described() -> None:
    raw = "Pay: 40,000β€“65,000 a year. π’ Heading\n"
    text, changes = sources.repair(raw)
    assert text == "Pay: 40,000–65,000 a year. Heading\n"
    assert [(raw[c.start : c.end], c.after) for c in changes] == [("β€“", "–"), ("π’ ", "")]
    meta = sources.SourceMeta("s", "s.txt", "0" * 64, "T", "", "", "", "", "", "", "")
    said = sources.describe_changes(sources.Source(meta, raw, text, changes))
    assert said == "re-decoded 1 mis-encoded passage and removed 1 emoji-debris token (3 characters)"


def test_every_line_of_repaired_text_is_located_back_in_the_raw_file() -> None:
    for source in sources.load_all().values():
        for line in filter(None, (ln.strip() for ln in source.text.splitlines())):
            span = sources.locate_in_raw(source, line)
            assert span is not None, (source.source_id, line)
            raw_piece = source.raw[span[0] : span[1]]
            assert sources.repair(raw_piece)[0].strip() == line


def test_locate_quote_across_a_removed_heading_token() -> None:
    source = sources.load_all()[DAMAGED]
    quote = "Work Schedules Call centers are typically open 24/7"
    start, end = sources.locate_in_raw(source, quote)  # type: ignore[misc]
    assert source.raw[start:end] == "Work Schedules π\nCall centers are typically open 24/7"


def test_word_counts_by_hand() -> None:
    assert sources.word_count("A call – center, 24/7 job.") == 5


def test_manifest_saved_with_a_byte_order_mark_reads_the_same(raw_copy: Path) -> None:
    manifest = raw_copy / "sources.csv"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    assert sources.read_manifest(manifest) == sources.read_manifest()


def test_the_manifest_read_again_gives_what_its_text_now_says(raw_copy: Path) -> None:
    """What the manifest gives is kept between reads only by its text: an edit that keeps the file's
    size and modification time shows at the next read, and a later error is still raised."""
    manifest = raw_copy / "sources.csv"
    before = sources.read_manifest(manifest)
    stat = manifest.stat()
    text = manifest.read_text(encoding="utf-8")
    old = before[0].sha256
    new = old[::-1] if old[::-1] != old else "0" * 64
    manifest.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert sources.read_manifest(manifest)[0].sha256 == new
    manifest.write_text(text.replace(old, "x" * 64), encoding="utf-8")
    for _ in range(2):  # a refused text is refused again, not remembered as read
        with pytest.raises(sources.SourceError, match="is not 64 hexadecimal digits"):
            sources.read_manifest(manifest)


def test_unknown_manifest_column_is_an_error(raw_copy: Path) -> None:
    manifest = raw_copy / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text(
        "\n".join([lines[0] + ",licence"] + [line + "," for line in lines[1:]]) + "\n", encoding="utf-8"
    )
    with pytest.raises(sources.SourceError, match=r"sources\.csv: unknown or repeated column\(s\) licence"):
        sources.read_manifest(manifest)


def test_missing_manifest_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(sources.SourceError, match=r"sources\.csv: the manifest is missing"):
        sources.read_manifest(tmp_path / "sources.csv")


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("source_id", "Bad Key`", "must be a lower-case slug"),
        ("file", "../../etc/passwd", "must be a plain file name"),
        ("sha256", "abc", "is not 64 hexadecimal digits"),
    ],
)
def test_manifest_values_that_could_escape_their_place_are_refused(
    raw_copy: Path, column: str, value: str, problem: str
) -> None:
    manifest = raw_copy / "sources.csv"
    meta = _meta("cedric-career-graph")
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(getattr(meta, column), value, 1), encoding="utf-8")
    with pytest.raises(sources.SourceError, match=rf"sources\.csv:4: {column} .*{problem}"):
        sources.read_manifest(manifest)


def test_a_caveat_that_is_not_in_the_text_is_refused(raw_copy: Path) -> None:
    manifest = raw_copy / "sources.csv"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("may not be accurate or up to date.", "is accurate and up to date."), encoding="utf-8"
    )
    meta = _meta("job-details-guide", manifest)
    with pytest.raises(sources.SourceError, match=r"caveat for 'job-details-guide' is not in the text"):
        sources.load_source(meta, raw_copy)


def _source(source_id: str, text: str, changes: tuple[sources.Change, ...] = ()) -> sources.Source:
    meta = sources.SourceMeta(source_id, f"{source_id}.txt", "0" * 64, source_id, "", "", "", "", "", "", "")
    return sources.Source(meta=meta, raw=text, text=text, changes=changes)


def test_the_edits_sentence_says_how_many_of_the_edits_the_table_shows() -> None:
    edit = sources.Change(0, 2, "π’", "")
    corpus = {"a": _source("a", "x", (edit,) * 10), "b": _source("b", "y"), "c": _source("c", "z")}
    assert evidence_base.edits_claim(corpus, limit=8) == (
        "10 edits in 1 of the 3 texts; the first 8, with their offsets in the raw file:"
    )
    assert len(evidence_base.edits_table(corpus, limit=8)) == 8
    assert evidence_base.edits_claim(corpus, limit=10).startswith("10 edits in 1 of the 3 texts; all of them,")
    corpus["b"] = _source("b", "y", (edit,))
    assert evidence_base.edits_claim({"b": corpus["b"]}) == "1 edit in the one text, with its offset in the raw file:"
    assert evidence_base.edits_claim({"c": corpus["c"]}) == "The repair changed no text."


def test_the_chapter_says_how_many_of_the_edits_it_lists() -> None:
    corpus = sources.load_all()
    edits = sum(len(s.changes) for s in corpus.values())
    shown = len(evidence_base.edits_table(corpus))
    assert 0 < shown < edits
    assert f"; the first {shown}, with their offsets" in evidence_base.edits_claim(corpus)


def test_places_are_country_names_with_the_words_that_place_something_there() -> None:
    text = "Pay in the US is $1. Firms within the United States and Canada. Tell us. USA & UK: here. America's"
    assert evidence_base.places(text) == [
        "in the US",
        "within the United States and Canada",
        "USA & UK",
        "America",
    ]
    assert evidence_base.places("Ask us, thus, in US-style campuses.") == []


def test_pay_figures_are_counted_as_stated_for_a_country_only_where_their_own_sentence_names_one() -> None:
    corpus = {
        "a": _source("a", "Reps in the US earn $30,000. Reps earn $40,000 or more."),
        "b": _source("b", "Reps earn $20,000 to $25,000. Firms within Canada hire."),
        "c": _source("c", "Managers earn $50,000."),
    }
    salaries = pd.DataFrame(
        [
            ("a", "rep", "average", 30000, None, "Reps in the US earn $30,000."),
            ("a", "rep", "threshold", 40000, None, "Reps earn $40,000 or more."),
            ("b", "rep", "range", 20000, 25000, "Reps earn $20,000 to $25,000."),
            ("c", "manager", "average", 50000, None, "Managers earn $50,000."),
        ],
        columns=["source_id", "role", "statistic", "low_usd", "high_usd", "quote"],
    )
    assert evidence_base.pay_country_count(salaries) == (
        "1 of the 4 pay figures is stated for a country in the sentence that gives it"
    )
    assert evidence_base.pay_country_claim(salaries, corpus) == (
        "1 of the 4 pay figures is stated for a country in the sentence that gives it: the $30,000 average for "
        "a rep, \u201cin the US\u201d {cite:p}`a`. {cite:t}`b` names \u201cwithin Canada\u201d elsewhere in its "
        "text, but in none of the sentences that give its 1 pay figure. {cite:t}`c`, with 1 pay figure, "
        "names no country at all."
    )
    assert evidence_base.pay_country_count(salaries.iloc[[1, 2]]).startswith("None of the 2 pay figures is stated")


def test_the_pay_figures_stated_for_a_country_are_those_whose_quote_names_one() -> None:

    salaries = evidence.load_table("salaries")
    named = [q for q in salaries["quote"] if re.search(r"\b(US|U\.S\.|United States|Canada|America)\b", q)]
    assert evidence_base.pay_country_count(salaries).startswith(f"{len(named)} of the {len(salaries)} pay figures")
