"""Write the downloads the book links: every processed table as CSV and the XLSX workbook.

Every file is written into a temporary folder beside the downloads first and moved into place only
once all of them are written, so a failure (an input refused, a full disk) leaves the downloads as
they were: never new CSVs beside an old workbook. Exit status as every tool's (``analysis.tools``)."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from openpyxl.utils.exceptions import IllegalCharacterError

from analysis.core import inputs, paths
from analysis.publish import export, workbook
from analysis.tools import DONE, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.tools.make_downloads", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=paths.DOWNLOADS)
    args = parser.parse_args(argv)
    return run(lambda: _work(args.out))


def _work(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".downloads-", dir=out))
    try:
        written = [*export.tables(staging), workbook.write(staging / workbook.NAME)]
        for path in written:
            os.replace(path, out / path.name)
    except IllegalCharacterError:
        # Only a table edited by hand holds one: make data refuses control characters in records.
        raise inputs.InputError(
            f"{paths.PROCESSED}: a table holds a control character no workbook can (run `make data`)"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"wrote {len(written)} files to {out}")
    return DONE


if __name__ == "__main__":
    raise SystemExit(main())
