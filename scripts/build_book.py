"""`make book`'s build step: execute the notebooks and start Sphinx at the same time.

    python scripts/build_book.py --log FILE [--also COMMAND] [jupyter-book build options...]

Starting Sphinx (importing it and the extensions, loading the saved environment, the
bibliography) takes about a second and needs no notebook; reading the pages does. So the
executor (scripts/execute_notebooks.py) runs in a subprocess, printing to the terminal, and so
does COMMAND (`make downloads`: the pages link the downloads, the notebooks do not read them),
while this process starts `jupyter-book build .` with its output going to FILE; the build proper
begins only once both have succeeded; when one fails, the other is stopped. Exit status: 0 when all succeed, 3 when the executor or
COMMAND failed (nothing was built), otherwise jupyter-book's (1 on any warning).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from analysis.core.paths import ROOT

EXECUTOR_FAILED = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", type=Path, required=True, help="where Sphinx's output goes")
    parser.add_argument("--also", help="a shell command to run at the same time, before the build")
    args, build_options = parser.parse_known_args(argv)
    # Each in its own process group, so stopping one stops what it started.
    others = [
        subprocess.Popen([sys.executable, str(ROOT / "scripts" / "execute_notebooks.py")], start_new_session=True)
    ]
    if args.also:
        others.append(subprocess.Popen(args.also, shell=True, start_new_session=True))

    def failed() -> bool:
        """Wait for the executor and COMMAND; the moment one fails, stop the other."""
        while any(process.poll() is None for process in others):
            if any(process.poll() not in (None, 0) for process in others):
                for process in others:
                    if process.poll() is None:
                        os.killpg(process.pid, signal.SIGTERM)
                        process.wait()
                return True
            time.sleep(0.05)
        return any(process.returncode != 0 for process in others)

    args.log.parent.mkdir(parents=True, exist_ok=True)
    log = args.log.open("w", encoding="utf-8")
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)

    from sphinx.application import Sphinx

    build = Sphinx.build

    def build_after_execution(self: Sphinx, *a: Any, **kw: Any) -> None:
        if failed():
            print("the notebook executor or the downloads failed: nothing was built", file=sys.stderr)
            sys.stderr.flush()
            os._exit(EXECUTOR_FAILED)
        build(self, *a, **kw)

    Sphinx.build = build_after_execution  # type: ignore[method-assign]
    from jupyter_book.cli.main import main as jupyter_book

    try:
        jupyter_book(["build", str(ROOT), *build_options], prog_name="jupyter-book")
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    else:
        code = 0
    finally:
        if failed():
            os._exit(EXECUTOR_FAILED)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
