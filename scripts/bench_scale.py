"""`make bench-scale`: how the evidence pipeline's cost grows with the number of sources.

For each size (10, 100 and 1,000 sources of 20 records each by default) a synthetic corpus is
generated in a temporary folder (``scripts/synthetic.py``; nothing is committed) and each step is
run in a fresh child process, timed (median of ``--runs``) and measured for peak memory (the
child's maximum resident set size):

- ``validate``: reading and checking every evidence file (``analysis.evidence.validate_all``);
- ``make data``: ``python -m analysis.evidence`` on the corpus, writing its tables.

The last column is the growth exponent between consecutive sizes (log time ratio / log size ratio):
1.0 is linear in the number of records.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from analysis import paths

sys.path.insert(0, str(paths.ROOT / "scripts"))
import synthetic  # noqa: E402

STEPS: dict[str, str] = {
    "validate": """
        from analysis import evidence, sources
        corpus = sources.load_corpus(MANIFEST)
        found = evidence.validate_all(EVIDENCE, corpus)
        assert not found.errors, found.errors[:3]
    """,
    "make data": """
        from analysis import evidence
        assert evidence.main(["--manifest", str(MANIFEST), "--evidence", str(EVIDENCE),
                              "--out", str(OUT)]) == 0
    """,
}
_HARNESS = """
import json, resource, sys, time
from pathlib import Path
MANIFEST, EVIDENCE, OUT = (Path(p) for p in sys.argv[1:4])
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _measure(step: str, corpus: dict[str, Path], out: Path) -> dict[str, float]:
    code = _HARNESS.format(body=textwrap.dedent(STEPS[step]))
    result = subprocess.run([sys.executable, "-c", code, str(corpus["manifest"]), str(corpus["evidence"]),
                             str(out)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{step} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="numbers of sources")
    parser.add_argument("--records", type=int, default=20, help="records per source")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[tuple[str, int, int, float, float, float | None]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for size in args.sizes:
            corpus = synthetic.generate(Path(tmp) / f"n{size}", size, args.records)
            for step in STEPS:
                runs = [_measure(step, corpus, Path(tmp) / f"n{size}" / "processed") for _ in range(args.runs)]
                seconds = statistics.median(r["seconds"] for r in runs)
                peak = max(r["peak_mib"] for r in runs)
                previous = next((r for r in reversed(rows) if r[0] == step), None)
                growth = (math.log(seconds / previous[3]) / math.log(size / previous[1])
                          if previous and previous[3] > 0 else None)
                rows.append((step, size, size * args.records, seconds, peak, growth))
    print(f"median of {args.runs} runs, {args.records} records per source")
    print(f"{'step':<12}{'sources':>9}{'records':>9}{'seconds':>10}{'peak MiB':>10}{'growth':>8}")
    for step, size, records, seconds, peak, growth in sorted(rows, key=lambda r: (list(STEPS).index(r[0]), r[1])):
        shown = f"{growth:8.2f}" if growth is not None else f"{'':>8}"
        print(f"{step:<12}{size:>9}{records:>9}{seconds:>10.3f}{peak:>10.1f}{shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
