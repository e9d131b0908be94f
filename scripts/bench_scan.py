"""Time the completeness scanner: it must stay linear in the length of a text, hostile or not.

``python scripts/bench_scan.py`` times ``analysis.core.numbers.find_figures`` on long lines built to
make a backtracking matcher slow (runs of digits, separators, dashes, currency signs, number
words, damaged dashes) at two lengths, and prints the time of each and the ratio of the longer to
the shorter: close to the ratio of the lengths (4) for linear matching, far above it for
quadratic. It also times the five sources. Timing lives here, never in a test.
"""

from __future__ import annotations

import statistics
import time

from analysis.core import numbers, sources

RUNS = 3
PIECES = (
    "9",
    "9,",
    "99,999",
    "9-",
    "9 ",
    "999 ",
    "9.999 ",
    "$9-",
    "$",
    "9k-",
    "€9.999-",
    "99\u00a0999\u00a0",
    "twenty-",
    "twenty ",
    "nine hundred and ",
    "\u00e2\u20ac\u201c9",
)


def _seconds(text: str) -> float:
    times = []
    for _ in range(RUNS):
        numbers._figures_of.cache_clear()  # time the scan, not the memo of the text scanned last
        start = time.perf_counter()
        numbers.find_figures(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print(f"median of {RUNS} runs; ratio = time at 200,000 characters / time at 50,000")
    worst = 0.0
    for piece in PIECES:
        short = piece * (50_000 // len(piece))
        long = piece * (200_000 // len(piece))
        t_short, t_long = _seconds(short), _seconds(long)
        ratio = t_long / t_short if t_short else float("nan")
        worst = max(worst, ratio)
        print(f"{t_short * 1000:9.1f} ms {t_long * 1000:9.1f} ms  ratio {ratio:4.1f}  {piece!r}")
    corpus = "\n".join(source.raw for source in sources.load_all().values())
    print(f"{_seconds(corpus) * 1000:9.1f} ms  the five sources ({len(corpus):,} characters)")
    print(f"worst ratio {worst:.1f} (linear: about 4)")


if __name__ == "__main__":
    main()
