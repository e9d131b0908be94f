"""Write the slide deck and its copy for the book's downloads (``make slides``)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from analysis.publish.deck import slides
from analysis.tools import DONE, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.make_deck", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=slides.DECK)
    parser.add_argument("--download", type=Path, default=slides.DOWNLOAD, help="copy for the book's downloads")
    args = parser.parse_args(argv)
    return run(lambda: _work(args.out, args.download))


def _work(out: Path, download: Path) -> int:
    deck = slides.build(out)
    download.parent.mkdir(parents=True, exist_ok=True)
    partial = download.with_name(download.name + ".partial")
    shutil.copyfile(deck, partial)
    partial.replace(download)
    print(f"wrote {deck} and {download}")
    return DONE


if __name__ == "__main__":
    raise SystemExit(main())
