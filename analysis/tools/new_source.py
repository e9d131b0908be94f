"""Add a source to the report in one command: its manifest row, its bibliography entry, its draft.

    python -m analysis.tools.new_source FILE --title TITLE [--short-title S] [--author NAME]
        [--published YYYY[-MM[-DD]]] [--publisher P] [--url U] [--caveat SENTENCE] [--notes N]
        [--source-id ID]

``FILE`` is the text as received: it is copied byte for byte into ``data/raw/`` (unless it is
there already) and read as strict UTF-8. Then, and only if every check passes:

- ``data/raw/sources.csv`` gets the source's row: its id (``--source-id``, else a slug of the
  short title or title), file name, sha256, title and the metadata given. Metadata are only what
  the text states: an author, publisher or address must be words of the text, a date's year must
  be in it, a caveat must be one of its sentences (verbatim); ``notes`` says, unless given, which
  line of the text each comes from and what the text does not state;
- ``book/references.bib`` gets an entry with the same key, in the form the bibliography test
  holds it to (a short title for an unsigned text; no two works cited alike);
- ``data/evidence/<id>.draft.yaml`` gets the draft records (:mod:`analysis.tools.draft`), with a
  comment above each one that would not validate as drafted.

The source's page and its place in the table of contents are generated from the manifest when the
book is built (``_ext/source_pages.py``). Nothing is written unless everything can be, and a
failure half-way restores every file it had written. Exit status as every tool's
(:mod:`analysis.tools`): 0 done, 3 the source refused (the message says why), 4 a file not written.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import io
import re
import shutil
from dataclasses import asdict
from pathlib import Path

from pybtex.database import parse_file, parse_string

from analysis.core import inputs, paths, sources, vocab
from analysis.tools import DONE, draft, run

#: The longest source id made from a title (a slug, cut at a word).
_LONGEST_ID = 40


class NewSourceError(inputs.InputError):
    """The source cannot be added as given; the message says why."""


def _slug(text: str) -> str:
    """A source id from a title: lower-case words joined by hyphens, cut at a word to 40 characters."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > _LONGEST_ID:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def _line_of(text: str, words: str) -> tuple[int, str] | None:
    """The first line of ``text`` that holds ``words`` (spacing and case aside), and that line."""
    wanted = sources.normalise_space(words).lower()
    for number, line in enumerate(text.splitlines(), start=1):
        if wanted and wanted in sources.normalise_space(line).lower():
            return number, sources.normalise_space(line)
    return None


def _stated(text: str, option: str, value: str, what: str) -> str:
    """Where the text states ``value`` ("line 3: By Dana Ortiz"), or an error naming the option."""
    found = _line_of(text, value)
    if found is None:
        raise NewSourceError(
            f"{option} {value!r} is not in the text: the manifest records only what the text states ({what})"
        )
    number, line = found
    return f"{what} from the text's line {number} ({line[:80]})"


def _date_line(text: str, published: str) -> str:
    """Where the text states a date: the first line with its year and, for a month, the month's
    name ("March 4, 2024", "Mar 2024") or number ("2024-03"); else an error."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        raise NewSourceError(f"--published {published!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    year, month = published[:4], int(published[5:7]) if len(published) > 4 else 0
    named = rf"\b(?:{calendar.month_name[month]}|{calendar.month_abbr[month]})\b|{year}-{month:02d}" if month else ""
    for number, line in enumerate(text.splitlines(), start=1):
        if year in line and (not named or re.search(named, line, re.IGNORECASE)):
            return f"Date from the text's line {number} ({sources.normalise_space(line)[:80]})"
    raise NewSourceError(
        f"--published {published!r} is not in the text: no line states {year}"
        + (f" with its month, {calendar.month_name[month]}" if month else "")
        + "; the manifest records only what the text states"
    )


def _bib_person(name: str) -> str:
    """ "Dana Ortiz" as BibTeX writes a person: "Ortiz, Dana"."""
    *first, last = name.split()
    return f"{last}, {' '.join(first)}" if first else last


def _bib_value(text: str, option: str) -> str:
    if re.search(r"[{}\\]", text):
        raise NewSourceError(f"{option} {text!r}: braces and backslashes cannot be written into the bibliography")
    return text


def bib_entry(meta: sources.SourceMeta) -> str:
    """The BibTeX entry of a source, in the form of the others (see book/references.bib's header)."""
    lines = [f"@misc{{{meta.source_id},"]
    if meta.short_title:
        lines.append(f"  shorttitle = {{{_bib_value(meta.short_title, '--short-title')}}},")
    if meta.author:
        lines.append(f"  author = {{{_bib_value(_bib_person(meta.author), '--author')}}},")
    lines.append(f"  title = {{{{{_bib_value(meta.title, '--title')}}}}},")
    if meta.published:
        lines.append(f"  year  = {{{meta.published[:4]}}},")
        lines.append(f"  date  = {{{meta.published}}},")
    if meta.publisher:
        lines.append(f"  publisher = {{{_bib_value(meta.publisher, '--publisher')}}},")
    if meta.url:
        lines.append(f"  url   = {{{_bib_value(meta.url, '--url')}}},")
    marks = ", ".join(w for w in ("undated" if not meta.published else "", "unsigned" if not meta.author else "") if w)
    kind = f"{marks} web article" if marks else "web article"
    file = meta.file.replace("_", "\\_")
    lines.append(f"  note  = {{{kind[0].upper()}{kind[1:]}. File {file}}}")
    return "\n".join(lines) + "\n}\n"


def _cited_as(entry: object) -> tuple[str, str]:
    """Who and when a citation names: the authors, else the short title, else the title; the year."""
    people = entry.persons.get("author", [])  # type: ignore[attr-defined]
    fields = entry.fields  # type: ignore[attr-defined]
    who = " and ".join(str(p) for p in people) if people else str(fields.get("shorttitle") or fields["title"])
    return who.replace("{", "").replace("}", ""), str(fields.get("year", "n.d."))


def _check_citation(meta: sources.SourceMeta, bibliography: Path) -> None:
    entries = parse_file(str(bibliography)).entries
    if meta.source_id in entries:
        raise NewSourceError(f"{bibliography}: already has an entry {meta.source_id!r}; choose another --source-id")
    mine = _cited_as(parse_string(bib_entry(meta), "bibtex").entries[meta.source_id])
    for key, entry in entries.items():
        if _cited_as(entry) == mine:
            raise NewSourceError(
                f"{bibliography}: {key!r} is cited as {mine[0]} ({mine[1]}) too: give a --short-title that tells "
                "them apart"
            )


def _manifest_text(current: str, meta: sources.SourceMeta) -> str:
    """The manifest with the source's row added (UTF-8, one row a line, fields quoted as needed)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([asdict(meta)[c] for c in sources.MANIFEST_COLUMNS])
    return current + ("" if current.endswith("\n") or not current else "\n") + out.getvalue()


def _bib_text(current: str, entry: str, source_ids: list[str]) -> str:
    """The bibliography with the entry added after the last source's entry (or after the header)."""
    at = 0
    for source_id in source_ids:
        found = current.find(f"@misc{{{source_id},")
        if found >= 0:
            at = max(at, current.index("\n}\n", found) + 3)
    if at == 0:
        at = current.find("\n@")
        at = len(current) if at < 0 else at + 1
    return current[:at] + "\n" + entry + current[at:]


def add(args: argparse.Namespace) -> tuple[sources.SourceMeta, Path, int]:
    """Check everything, then write the raw copy, the manifest row, the entry and the draft; returns
    the new row, the draft's path and how many of its records would not validate as drafted."""
    given: Path = args.file
    data = inputs.read_bytes(given, sources.MAX_SOURCE_BYTES, "a source text")
    raw = inputs.decode(data, given)
    target = paths.RAW / given.name
    copy = given.resolve() != target.resolve()
    if copy and target.exists() and target.read_bytes() != data:
        raise NewSourceError(f"{target}: a different file of that name is already in {paths.RAW}")
    manifest = sources.read_manifest(paths.MANIFEST)
    if any(m.file == given.name for m in manifest):
        raise NewSourceError(f"{paths.MANIFEST}: {given.name} is already listed")
    source_id = args.source_id or _slug(args.short_title or args.title)
    if not re.fullmatch(vocab.SLUG, source_id or ""):
        raise NewSourceError(f"source id {source_id!r} must be a lower-case slug: give --source-id")
    if any(m.source_id == source_id for m in manifest):
        raise NewSourceError(f"{paths.MANIFEST}: {source_id!r} is already a source; give another --source-id")
    text, _ = sources.repair(raw)
    said, missing = [], []
    for option, value, what in (
        ("--author", args.author, "Author"),
        ("--published", args.published, "Date"),
        ("--publisher", args.publisher, "Publisher"),
        ("--url", args.url, "Address"),
    ):
        if not value:
            missing.append(what.lower())
        elif option == "--published":
            said.append(_date_line(text, value))
        else:
            said.append(_stated(text, option, value, what))
    notes = args.notes or " ".join(
        [*(f"{s}." for s in said), *([f"No {draft_words(missing)} in the text."] if missing else [])]
    )
    meta = sources.SourceMeta(
        source_id=source_id,
        file=given.name,
        sha256=hashlib.sha256(data).hexdigest(),
        title=args.title,
        short_title=args.short_title or ("" if args.author else args.title),
        author=args.author or "",
        published=args.published or "",
        publisher=args.publisher or "",
        url=args.url or "",
        notes=notes,
        caveat=args.caveat or "",
    )
    if meta.caveat and sources.find_quote(text, meta.caveat) is None:
        raise NewSourceError(f"--caveat is not a sentence of the text, verbatim: {meta.caveat[:60]!r}")
    _check_citation(meta, paths.BIBLIOGRAPHY)
    out = paths.EVIDENCE / f"{source_id}.draft.yaml"
    if out.exists():
        raise NewSourceError(f"{out}: already exists; move it away first")
    document = draft.draft_document(source_id, text, meta.published)
    source = sources.Source(meta, raw, text, ())
    refused = draft.refusals(document, source)
    drafted = draft.dump(document, f"data/raw/{given.name}", refused)

    written: list[tuple[Path, str | None]] = []  # (file, its text before, or None if it is new)
    try:
        if copy:
            written.append((target, None))
            shutil.copyfile(given, target)
        for path, new_text in (
            (paths.MANIFEST, _manifest_text(paths.MANIFEST.read_text(encoding="utf-8"), meta)),
            (
                paths.BIBLIOGRAPHY,
                _bib_text(
                    paths.BIBLIOGRAPHY.read_text(encoding="utf-8"), bib_entry(meta), [m.source_id for m in manifest]
                ),
            ),
        ):
            written.append((path, path.read_text(encoding="utf-8")))
            inputs.replace_text(path, new_text)
        written.append((out, None))
        draft.write(out, drafted)
    except BaseException:
        for path, before in reversed(written):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                inputs.replace_text(path, before)
        raise
    return meta, out, len(refused)


def draft_words(missing: list[str]) -> str:
    """ "author, date or address": what the text does not state, as the manifest's notes say it."""
    return missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.tools.new_source FILE --title TITLE ...``: add a source (see the module)."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.tools.new_source",
        description="Add a source: its manifest row, its bibliography entry and its draft evidence file.",
    )
    parser.add_argument("file", type=Path, help="the text as received (copied into data/raw/ if elsewhere)")
    parser.add_argument("--title", required=True, help="the title (the text's own, or a description in brackets)")
    parser.add_argument("--short-title", help="what citations of an unsigned text call it (default: the title)")
    parser.add_argument("--author", help="the author, as the text names them")
    parser.add_argument("--published", help="the date the text states: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--publisher", help="the publisher, as the text names it")
    parser.add_argument("--url", help="the address, as the text gives it")
    parser.add_argument("--caveat", help="a sentence in which the text speaks of its own reliability, verbatim")
    parser.add_argument("--notes", help="the manifest's notes (default: where each field comes from)")
    parser.add_argument("--source-id", help="the source id and BibTeX key (default: a slug of the short title)")
    args = parser.parse_args(argv)
    return run(lambda: _work(args))


def _work(args: argparse.Namespace) -> int:
    meta, out, refused = add(args)
    print(
        f"added {meta.source_id}: data/raw/{meta.file} (sha256 {meta.sha256[:12]}…), its row in {paths.MANIFEST.name}"
    )
    print(f"and its entry in {paths.BIBLIOGRAPHY.name}; drafted its records in {out}")
    if refused:
        print(f"{refused} drafted record{'s' if refused != 1 else ''} would not validate as drafted: see the comments")
    print(f"next: review {out.name} against the text, rename it {meta.source_id}.yaml, then `make data`")
    return DONE


if __name__ == "__main__":
    raise SystemExit(main())
