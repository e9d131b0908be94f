"""Write (or ``--check``) what is generated from the record schema: the JSON Schema and the
vocabulary section of ``data/evidence/README.md``."""

from __future__ import annotations

import argparse
import sys

from analysis.core import schema
from analysis.tools import DONE, FINDING, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.tools.make_schema", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report stale files instead of writing")
    args = parser.parse_args(argv)
    return run(lambda: _work(args.check))


def _work(check: bool) -> int:
    wanted = {
        schema.SCHEMA_FILE: schema.json_schema_text(),
        schema.README: schema.readme_text(schema.README.read_text(encoding="utf-8")),
    }
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            print(f"{path}: not what the schema gives (run `python -m analysis.tools.make_schema`)", file=sys.stderr)
        return FINDING if stale else DONE
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path}")
    return DONE


if __name__ == "__main__":
    raise SystemExit(main())
