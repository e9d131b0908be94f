"""`make bench`: median wall time of three runs of a clean build, a no-op rebuild and `make test`."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def _run(*cmd: str) -> None:
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


def _clean_build() -> None:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    _run("make", "book")


def _time(step: Callable[[], None], before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(RUNS):
        if before is not None:
            before()
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    results = {
        "clean build (fresh _build, every notebook executed)": _time(_clean_build),
        "no-op `make book` (nothing changed)": _time(lambda: _run("make", "book")),
        "`make test`": _time(lambda: _run("make", "test")),
    }
    print(f"median of {RUNS} runs")
    for name, seconds in results.items():
        print(f"{seconds:8.2f} s  {name}")


if __name__ == "__main__":
    main()
