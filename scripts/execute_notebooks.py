"""Execute the book's notebooks two at a time into a fresh jupyter-cache, before the book build.

The book is built in myst-nb's `cache` mode, which keys a notebook on its source only: a change to
the data or the `analysis` package would not invalidate it. So `make book` deletes the cache every
time it rebuilds and this script refills it, in parallel (the Sphinx build itself reads serially).
The build then finds every notebook already executed. A notebook that fails here is reported by
name and exits non-zero; the build would run it again and fail too.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=ROOT / "_build" / ".jupyter_cache")
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args(argv)
    shutil.rmtree(args.cache, ignore_errors=True)
    cache = get_cache(args.cache)
    for notebook in sorted((ROOT / "book").glob("*.ipynb")):
        cache.add_nb_to_project(str(notebook))
    logger = logging.getLogger("execute_notebooks")
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    executor = load_executor("local-parallel", cache=cache, logger=logger)
    result = executor.run_and_cache(timeout=args.timeout, allow_errors=False)
    if result.errored:
        for uri in result.errored:
            print(f"{uri}: execution failed (see `jcache project list -p {args.cache}`)",
                  file=sys.stderr)
        return 1
    print(f"executed {len(result.succeeded)} notebooks into {args.cache}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
