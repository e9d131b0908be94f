"""The figures of a source that no evidence record or exclusion accounts for.

``python -m analysis.tools.scan FILE...`` prints ``FILE:LINE:COL<TAB>FIGURE`` for each, and exits
1 if there is any: the way to check that a new source is fully recorded."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.core import evidence, paths, schema, sources
from analysis.core.numbers import Figure, find_figures


def _claims(source: sources.Source, found: evidence.Evidence) -> list[tuple[int, int, set[float], str]]:
    """(raw start, raw end, numbers, figure text) for every record and exclusion of a source."""
    claims: list[tuple[int, int, set[float], str]] = []
    for record in found.records:
        if record.source_id != source.source_id:
            continue
        span = sources.locate_in_raw(source, record.quote)
        numeric = {name for group in schema.FIGURE_FIELDS.get(record.kind, ()) for name in group}
        numbers = {float(v) for k, v in record.values.items() if k in numeric}
        if span is not None:
            claims.append((span[0], span[1], numbers, ""))
    for exclusion in found.exclusions:
        if exclusion.source_id == source.source_id:
            span = sources.locate_in_raw(source, exclusion.quote)
            if span is not None:
                claims.append((span[0], span[1], set(), exclusion.figure))
    return claims


def unaccounted(path: Path, found: evidence.Evidence | None = None) -> list[Figure]:
    """Figures in a file that no evidence record (quote covering it, its numbers in the record's
    fields) and no exclusion (quote covering it, same figure text) accounts for.

    A file that is not a source of the manifest has no records: every figure is reported.
    """
    manifest = {meta.file: meta for meta in sources.read_manifest()}
    meta = manifest.get(path.name)
    if meta is not None and path.resolve().parent == paths.RAW.resolve():
        source = sources.load_source(meta)
    else:
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            raise sources.SourceError(f"{path}: not valid UTF-8 (offset {err.start})") from None
        return find_figures(raw)
    found = evidence.validate_all() if found is None else found
    claims = _claims(source, found)
    missing = []
    for figure in find_figures(source.raw):
        covering = [c for c in claims if c[0] <= figure.start and figure.end <= c[1]]
        if not any(
            ((c[3] and c[3] in figure.text) or figure.text in c[3]) if c[3] else set(figure.values) <= c[2]
            for c in covering
        ):
            missing.append(figure)
    return missing


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.tools.scan FILE...``: print ``FILE:LINE:COL<TAB>FIGURE`` per unaccounted
    figure; exit 1 if there is any, 0 if none, 2 if the evidence itself is invalid."""
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.scan", description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    found = evidence.validate_all()
    if found.errors:
        print("\n".join(found.errors), file=sys.stderr)
        return 2
    count = 0
    for path in args.files:
        for figure in unaccounted(path, found):
            print(f"{path}:{figure.line}:{figure.col}\t{figure.text}")
            count += 1
    return 1 if count else 0


if __name__ == "__main__":
    raise SystemExit(main())
