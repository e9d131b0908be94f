"""`make bench-scale`: how the evidence pipeline's cost grows with the number of sources.

For each size (10, 100 and 1,000 sources of 20 records each by default) a synthetic corpus is
generated in a temporary folder (``scripts/synthetic.py``; nothing is committed) and each step is
run in a fresh child process, timed (median of ``--runs``) and measured for peak memory (the
child's maximum resident set size):

- ``validate``: reading and checking every evidence file (``analysis.core.evidence.validate_all``);
- ``make data``: ``python -m analysis.tools.make_data`` on the corpus, writing its tables;
- one step per chapter: its tables, its claims and its charts (data and drawing), run on the
  corpus's tables (``CALL_CENTER_CAREERS_DATA`` points the package at the corpus). A chart that
  does not apply to the corpus (the undated average: synthetic sources have none) is skipped.

The last column is the growth exponent between consecutive sizes (log time ratio / log size ratio):
1.0 is linear in the number of records.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from analysis.core import paths

sys.path.insert(0, str(paths.ROOT / "scripts"))
import synthetic

_CHARTS = """
for chart in [c for c in figures.registry().values() if c.chapter == {chapter!r}]:
    try:
        data = chart.data()
    except ValueError:
        continue  # a chart about one particular record the corpus does not have
    figures.build(chart.name, data)
    chart.caption(data), chart.alt(data)
import matplotlib.pyplot as plt
plt.close("all")
"""


def _chapter(code: str, chapter: str) -> str:
    return textwrap.dedent(code) + _CHARTS.format(chapter=chapter)


CHAPTERS: dict[str, str] = {
    "pay": _chapter(
        """
        salaries = evidence.load_table("salaries")
        bench = benchmark.benchmark_table(external.load_oews())
        pay.figures_table(salaries), pay.adjusted_table(salaries), pay.overlaps_table(pay.overlaps(salaries))
        pay.extremes_claim(salaries), pay.sources_claim(salaries), benchmark.proxies_claim(salaries, bench)
    """,
        "02-pay",
    ),
    "ladder": _chapter(
        """
        order = sources.source_ids()
        roles, req, sal = (evidence.load_table(t) for t in ("roles", "requirements", "salaries"))
        ladder.tiers_display(roles, sal, order), ladder.titles_table(roles, order), ladder.asked_table(req, order)
        ladder.skills_table(req, order), ladder.naming_claim(roles, order), ladder.shared_titles_claim(roles)
        matched, unmatched = ladder.match_experience_pay(req, sal)
        ladder.matched_table(matched), ladder.unmatched_table(unmatched)
    """,
        "03-career-ladder",
    ),
    "benefits": _chapter(
        """
        order, table = sources.source_ids(), evidence.load_table("benefits")
        matrices.summary_table(table, order, "x"), matrices.wording_table(table, "x")
        matrices.ranking_claim(table, order, "benefit"), benefits.employer_paid_claim(table, order)
    """,
        "04-benefits",
    ),
    "challenges": _chapter(
        """
        order, table = sources.source_ids(), evidence.load_table("challenges")
        matrices.summary_table(table, order, "x"), matrices.wording_table(table, "x")
        matrices.ranking_claim(table, order, "challenge"), challenges.rate_claim(challenges.turnover_claims(table))
    """,
        "05-challenges",
    ),
    "conditions": _chapter(
        """
        order, cond, met = sources.source_ids(), evidence.load_table("conditions"), evidence.load_table("metrics")
        conditions.aspect_table(cond, tuple(conditions.ASPECT_LABELS), order), conditions.metric_table(met, order)
        conditions.lopsided_claim(cond, order), conditions.measures_claim(met, order)
    """,
        "06-conditions",
    ),
    "agreement": _chapter(
        """
        req = evidence.load_table("requirements")
        agreement.schooling_claim(agreement.entry_education(req), external.load_projections().iloc[0])
    """,
        "07-agreement",
    ),
}
STEPS: dict[str, str] = {
    "validate": """
        corpus = sources.load_corpus(MANIFEST)
        found = evidence.validate_all(EVIDENCE, corpus)
        assert not found.errors, found.errors[:3]
    """,
    "make data": """
        assert make_data.main(["--manifest", str(MANIFEST), "--evidence", str(EVIDENCE),
                              "--out", str(OUT)]) == 0
    """,
}
STEPS.update({f"chapter {name}": code for name, code in CHAPTERS.items()})
_HARNESS = """
import json, resource, sys, time
from pathlib import Path
from analysis.chapters import agreement, benchmark, benefits, challenges, conditions, ladder, matrices, pay
from analysis.core import evidence, external, sources
from analysis.publish import figures
from analysis.tools import make_data
MANIFEST, EVIDENCE, OUT = (Path(p) for p in sys.argv[1:4])
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _measure(step: str, corpus: dict[str, Path], out: Path) -> dict[str, float]:
    code = _HARNESS.format(body=textwrap.dedent(STEPS[step]))
    env = {**os.environ, "CALL_CENTER_CAREERS_DATA": str(corpus["raw"].parent), "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(corpus["manifest"]), str(corpus["evidence"]), str(out)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
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
                growth = (
                    math.log(seconds / previous[3]) / math.log(size / previous[1])
                    if previous and previous[3] > 0
                    else None
                )
                rows.append((step, size, size * args.records, seconds, peak, growth))
    print(f"median of {args.runs} runs, {args.records} records per source")
    print(f"{'step':<20}{'sources':>9}{'records':>9}{'seconds':>10}{'peak MiB':>10}{'growth':>8}")
    for step, size, records, seconds, peak, growth in sorted(rows, key=lambda r: (list(STEPS).index(r[0]), r[1])):
        shown = f"{growth:8.2f}" if growth is not None else f"{'':>8}"
        print(f"{step:<20}{size:>9}{records:>9}{seconds:>10.3f}{peak:>10.1f}{shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
