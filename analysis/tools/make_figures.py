"""Write the figure pack: every chart as PNG, SVG, slide-sized PNG, CSV and text card, and the zip
(``make figures``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.publish import figures
from analysis.tools import DONE, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.make_figures", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=figures.PACK_DIR)
    parser.add_argument("--zip", type=Path, default=figures.PACK_ZIP)
    args = parser.parse_args(argv)
    return run(lambda: _work(args.out, args.zip))


def _work(out: Path, zip_path: Path) -> int:
    written = figures.pack(out, zip_path)
    print(f"wrote {len(written)} files to {out} and {zip_path}")
    return DONE


if __name__ == "__main__":
    raise SystemExit(main())
