"""Write the figure pack: every chart as PNG, SVG, slide-sized PNG, CSV and text card, and the zip
(``make figures``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.publish import figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.make_figures", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=figures.PACK_DIR)
    parser.add_argument("--zip", type=Path, default=figures.PACK_ZIP)
    args = parser.parse_args(argv)
    written = figures.pack(args.out, args.zip)
    print(f"wrote {len(written)} files to {args.out} and {args.zip}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
