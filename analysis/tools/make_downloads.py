"""Write the downloads the book links: every processed table as CSV and the XLSX workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.core import paths
from analysis.publish import export, workbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.tools.make_downloads", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=paths.DOWNLOADS)
    args = parser.parse_args(argv)
    written = [*export.tables(args.out), workbook.write(args.out / workbook.NAME)]
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
