"""Validate every evidence record and write the processed tables (``make data``); with
``--check``, compare ``data/processed/`` with what the evidence gives instead of writing.

Exit status (``analysis.tools``): 0 written or up to date, 1 a table differs (``--check``), 2 a
usage error, 3 an input refused (one line per problem: file, record, field), 4 a table that
cannot be written (the old tables are left whole)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.core import evidence, paths, sources
from analysis.tools import DONE, FINDING, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.make_data", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare data/processed with the records instead of writing"
    )
    parser.add_argument("--evidence", type=Path, default=paths.EVIDENCE, help="evidence folder")
    parser.add_argument("--out", type=Path, default=paths.PROCESSED, help="processed folder")
    parser.add_argument("--manifest", type=Path, default=paths.MANIFEST, help="the sources' manifest")
    parser.add_argument("--raw", type=Path, default=None, help="folder of the raw texts (default: the manifest's)")
    args = parser.parse_args(argv)
    return run(lambda: _work(args))


def _work(args: argparse.Namespace) -> int:
    corpus = sources.load_corpus(args.manifest, args.raw)
    tables = evidence.build(args.evidence, corpus)
    if args.check:
        stale = evidence.drift(tables, args.out)
        for name in stale:
            print(f"{args.out / name}: differs from what the evidence records give (run `make data`)", file=sys.stderr)
        return FINDING if stale else DONE
    evidence.write_tables(tables, args.out)
    print(f"wrote {len(tables)} files to {args.out}")
    return DONE


if __name__ == "__main__":
    raise SystemExit(main())
