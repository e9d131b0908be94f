"""The figures of a source that no evidence record or exclusion accounts for.

``python -m analysis.tools.scan FILE...`` prints ``FILE:LINE:COL<TAB>FIGURE`` for each, and exits
1 if there is any: the way to check that a new source is fully recorded.

The scanner reads what the reader reads: the repaired text (:func:`analysis.core.sources.repair`,
the text the source pages show and the records quote), as :func:`analysis.core.numbers.find_figures`
reads it (full-width digits and signs folded, the minus sign read as one). ``LINE:COL`` and
``FIGURE`` are the raw file's own: each figure's offsets are mapped back through the repair's
edits, as the source pages map each quote.

A file is read as a source text is (:func:`analysis.core.inputs.read_text`): a regular file of at
most :data:`analysis.core.sources.MAX_SOURCE_BYTES` bytes, strict UTF-8 with no NUL byte; a folder,
a missing or binary file, a device such as ``/dev/zero`` or a pipe is refused with one line (exit
3), and the files after it are not scanned. Exit status as every tool's (``analysis.tools``).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from analysis.core import evidence, inputs, paths, schema, sources
from analysis.core.numbers import Figure, find_figures
from analysis.tools import DONE, FINDING, run


@dataclass(frozen=True)
class Unaccounted:
    """A figure no record or exclusion accounts for, where the raw file has it."""

    line: int
    col: int
    text: str


def _claims(source: sources.Source, found: evidence.Evidence) -> list[tuple[int, int, set[float], str]]:
    """(start, end, numbers, figure text) for every record and exclusion of a source, with the span
    of its quote in the repaired text."""
    claims: list[tuple[int, int, set[float], str]] = []
    for record in found.records:
        if record.source_id != source.source_id:
            continue
        span = sources.find_quote(source.text, record.quote)
        numeric = {name for group in schema.FIGURE_FIELDS.get(record.kind, ()) for name in group}
        numbers = {float(v) for k, v in record.values.items() if k in numeric}
        if span is not None:
            claims.append((span[0], span[1], numbers, ""))
    for exclusion in found.exclusions:
        if exclusion.source_id == source.source_id:
            span = sources.find_quote(source.text, exclusion.quote)
            if span is not None:
                claims.append((span[0], span[1], set(), exclusion.figure))
    return claims


def read_source(path: Path) -> tuple[sources.Source, bool]:
    """The file as a source, and whether it is one of the manifest's: a file of the manifest (the
    same name, in ``data/raw/``) is read, verified and repaired as a source; any other file is read
    as a source text and repaired the same way."""
    raw = inputs.read_text(path, sources.MAX_SOURCE_BYTES, "a source text")
    manifest = {meta.file: meta for meta in sources.read_manifest()}
    meta = manifest.get(path.name)
    if meta is not None and path.resolve().parent == paths.RAW.resolve():
        return sources.load_source(meta), True
    text, changes = sources.repair(raw)
    blank = sources.SourceMeta(*([""] * len(sources.MANIFEST_COLUMNS)))
    return sources.Source(meta=blank, raw=raw, text=text, changes=changes), False


def _in_raw(source: sources.Source, figures: list[Figure]) -> list[Unaccounted]:
    """Figures of the repaired text (in order), located in the raw file: its line, column and text."""
    out = []
    line, line_start, pos = 1, 0, 0
    for figure in figures:
        start = sources.to_raw_offset(source, figure.start)
        end = sources.to_raw_offset(source, figure.end - 1) + 1
        newlines = source.raw.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = source.raw.rfind("\n", pos, start) + 1
        out.append(Unaccounted(line, start - line_start + 1, source.raw[start:end]))
        pos = start
    return out


def unaccounted(path: Path, found: evidence.Evidence | None = None) -> list[Unaccounted]:
    """Figures in a file that no evidence record (quote covering it, its numbers in the record's
    fields) and no exclusion (quote covering it, same figure text) accounts for.

    A file that is not a source of the manifest has no records: every figure is reported.
    """
    source, listed = read_source(path)
    figures = find_figures(source.text)
    if not listed:
        return _in_raw(source, figures)
    found = evidence.validate_all() if found is None else found
    claims = _claims(source, found)
    missing = []
    for figure in figures:
        covering = [c for c in claims if c[0] <= figure.start and figure.end <= c[1]]
        if not any(
            ((c[3] and c[3] in figure.text) or figure.text in c[3]) if c[3] else set(figure.values) <= c[2]
            for c in covering
        ):
            missing.append(figure)
    return _in_raw(source, missing)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.tools.scan FILE...``: print ``FILE:LINE:COL<TAB>FIGURE`` per unaccounted
    figure; exit 1 if there is any, 0 if none, 3 if a file or the evidence is refused."""
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.scan", description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    return run(lambda: _work(args.files))


def _work(files: list[Path]) -> int:
    found = evidence.validate_all()
    if found.errors:
        raise evidence.EvidenceError("\n".join(found.errors))
    count = 0
    for path in files:
        for figure in unaccounted(path, found):
            print(f"{inputs.printable(path)}:{figure.line}:{figure.col}\t{inputs.printable(figure.text)}")
            count += 1
    return FINDING if count else DONE


if __name__ == "__main__":
    raise SystemExit(main())
