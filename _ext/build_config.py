"""The build's settings, defined once for the Makefile, the scripts and the tests.

- ``JB_FLAGS``: the Jupyter Book options of every build (warnings are errors, all of them reported,
  nitpicky); ``python3 _ext/build_config.py --jb-flags`` prints them for the Makefile.
- ``NOT_COPIED``: what a scratch copy of the project leaves out (the environment, history, caches,
  the npm packages of `make lighthouse`), for the benchmarks and the build tests, which each add
  the outputs they do not want.
- ``CHROMIUM`` and ``CHROMIUM_ARGS``: Debian's Chromium, headless and offline, for the PDF edition
  and the browser tests. Without the background-networking flags Chromium keeps trying hosts this
  machine cannot reach.

Standard library only: the Makefile runs it with the system Python, before any environment exists.
"""

from __future__ import annotations

import sys
from pathlib import Path

JB_FLAGS: tuple[str, ...] = ("--warningiserror", "--keep-going", "--nitpick")
NOT_COPIED: tuple[str, ...] = (
    ".venv",
    ".git",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".ipynb_checkpoints",
    "node_modules",
)
CHROMIUM: Path = Path("/usr/bin/chromium")
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


if __name__ == "__main__":
    if sys.argv[1:] == ["--jb-flags"]:
        print(" ".join(JB_FLAGS))
    else:
        sys.exit("usage: build_config.py --jb-flags")
