"""`make bench`: this project's builds timed side by side with Jupyter Book's template book.

    python scripts/bench.py [--runs N] [--only STEP,...] [--keep]

In one run, with the same toolchain (this project's .venv), it times (median of --runs, 3):

  template clean     `jupyter-book create`'s template book (made offline in a temp folder),
                     built from an empty _build
  template no-op     `jupyter-book build` again on the unchanged template
  clean              `make clean && make book` in a scratch copy of this project: tables
                     checked, downloads and figure pack, every notebook executed, every page
  no-op              `make book` with nothing changed (make finds the book up to date), and
                     the build step alone (executor and Sphinx on the unchanged book), which is
                     what the template's no-op is
  chapter edited     a space appended to a markdown cell of book/04-benefits.ipynb, `make book`
  table changed      a note added to one evidence record, `make data` (one processed table
                     changes), `make book`; which notebooks re-ran is reported
  test               `make test` with the book built

and prints the ratios against the targets, with a per-step profile where a target is missed.
Everything happens in temporary copies: the working tree is never written to.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.core import paths
from analysis.core.paths import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
import build_config

VENV = Path(sys.prefix)
BIN = VENV / "bin"
# A copy starts from nothing built.
NOT_COPIED = (*build_config.NOT_COPIED, "_build", "downloads")
STEPS = ("template", "clean", "noop", "chapter", "table", "test")
TARGETS = {  # name: (numerator step, denominator step, per-notebook?, target ratio)
    "chapter edited / template clean": ("chapter", "template clean", False, 1.0),
    "clean per executed notebook / template clean per executed notebook": ("clean", "template clean", True, 0.75),
    "no-op / template no-op": ("noop", "template no-op", False, 1.5),
    "no-op build step (executor + Sphinx, no make) / template no-op": (
        "no-op build step",
        "template no-op",
        False,
        1.5,
    ),
}


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    note: str = ""
    executed: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def _env(project: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env["PYTHONPATH"] = str(project)
    return env


def run(cmd: list[str], cwd: Path, check: bool = True) -> tuple[float, float, str]:
    """Wall and CPU seconds (this command and its children) of one command, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=_env(cwd), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if check and result.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed in {cwd}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return wall, cpu, result.stdout + result.stderr


def make(project: Path, *targets: str) -> tuple[float, float, str]:
    return run(["make", "-s", f"VENV={VENV}", *targets], project)


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    return target


def executed(project: Path) -> list[str]:
    path = project / paths.NOTEBOOK_CACHE_DIR / "last-run.json"
    return json.loads(path.read_text(encoding="utf-8"))["executed"] if path.exists() else []


def timed(
    runs: int, step: Callable[[], tuple[float, float, str]], before: Callable[[], object] | None = None
) -> Timing:
    timing = Timing()
    for _ in range(runs):
        if before is not None:
            before()
        wall, cpu, _ = step()
        timing.wall.append(wall)
        timing.cpu.append(cpu)
    return timing


def bench_template(work: Path, runs: int) -> dict[str, Timing]:
    book = work / "template"
    run([str(BIN / "jupyter-book"), "create", str(book)], work)
    jb = [str(BIN / "jupyter-book"), "build", str(book)]
    clean = timed(runs, lambda: run(jb, work), lambda: shutil.rmtree(book / "_build", ignore_errors=True))
    _, _, log = run([*jb, "--all"], work)
    clean.executed = len(re.findall(r"Executing notebook", log))
    noop = timed(runs, lambda: run(jb, work))
    return {"template clean": clean, "template no-op": noop}


def _append_space(notebook: Path) -> None:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = source + " "
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _edit_evidence(project: Path, counter: list[int]) -> None:
    """Give one benefit record a new note (valid evidence), so `make data` changes benefits.csv."""
    counter[0] += 1
    path = project / "data" / "evidence" / "job-details-guide.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  - id: benefit-retirement\n"
    text = re.sub(r"    note: Benchmark edit \d+\.\n", "", text)
    assert marker in text, "the benchmark's evidence record is gone; pick another"
    text = text.replace(marker, marker + f"    note: Benchmark edit {counter[0]}.\n")
    path.write_text(text, encoding="utf-8")
    make(project, "data")


def bench_project(work: Path, runs: int, only: set[str]) -> dict[str, Timing]:
    project = copy_project(work / "project")
    results: dict[str, Timing] = {}
    if "clean" in only:
        results["clean"] = timed(runs, lambda: make(project, "book"), lambda: make(project, "clean"))
        results["clean"].executed = len(executed(project))
    else:
        make(project, "book")
    if "noop" in only:
        results["noop"] = timed(runs, lambda: make(project, "book"))
        # Like the template's no-op: the build step itself (executor and Sphinx), nothing changed.
        build = [str(BIN / "python"), "scripts/build_book.py", "--log", "_build/bench.log", *build_config.JB_FLAGS]
        results["no-op build step"] = timed(runs, lambda: run(build, project))
    if "chapter" in only:
        chapter = project / "book" / "04-benefits.ipynb"
        results["chapter"] = timed(runs, lambda: make(project, "book"), lambda: _append_space(chapter))
        results["chapter"].note = "re-ran " + (", ".join(executed(project)) or "no notebook (a text cell)")
        results["chapter"].executed = len(executed(project))
    if "table" in only:
        counter = [0]
        results["table"] = timed(runs, lambda: make(project, "book"), lambda: _edit_evidence(project, counter))
        results["table"].note = "benefits.csv changed; re-ran " + ", ".join(executed(project))
        results["table"].executed = len(executed(project))
    if "test" in only:
        results["test"] = timed(runs, lambda: make(project, "test"))
    return results


def profile_clean(work: Path) -> list[tuple[str, float, float]]:
    """Each step of a clean `make book`, run one after the other in a fresh copy."""
    project = copy_project(work / "profile")
    py = str(BIN / "python")
    steps = [
        ("check tables against evidence", [py, "-m", "analysis.tools.make_data", "--check"]),
        ("downloads (CSV, XLSX)", [py, "-m", "analysis.tools.make_downloads"]),
        ("figure pack (PNG, SVG, zip)", [py, "-m", "analysis.tools.make_figures"]),
        ("slide deck (PPTX)", [py, "-m", "analysis.tools.make_deck"]),
        ("execute notebooks", [py, "scripts/execute_notebooks.py"]),
        ("Sphinx build", [str(BIN / "jupyter-book"), "build", ".", *build_config.JB_FLAGS]),
    ]
    out = []
    for name, cmd in steps:
        wall, cpu, _ = run(cmd, project)
        out.append((name, wall, cpu))
    for stamp in sorted((project / paths.NOTEBOOK_CACHE_DIR / "stamps").rglob("*.json")):
        data = json.loads(stamp.read_text(encoding="utf-8"))
        out.append((f"  of which {data['notebook']}", data.get("seconds", 0.0), float("nan")))
    return out


def profile_chapter(work: Path) -> list[tuple[str, float, float]]:
    project = work / "project"
    _append_space(project / "book" / "04-benefits.ipynb")
    py = str(BIN / "python")
    out = [
        ("execute notebooks (1 re-run)", *run([py, "scripts/execute_notebooks.py"], project)[:2]),
        (
            "Sphinx build (incremental)",
            *run([str(BIN / "jupyter-book"), "build", ".", *build_config.JB_FLAGS], project)[:2],
        ),
    ]
    make(project, "book")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated: {','.join(STEPS)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="ccc-bench-"))
    load = os.getloadavg()
    try:
        results: dict[str, Timing] = {}
        if "template" in only:
            results.update(bench_template(work, args.runs))
        results.update(bench_project(work, args.runs, only))
        print(
            f"make bench, {time.strftime('%Y-%m-%d %H:%M')}, median of {args.runs} runs, "
            f"{os.cpu_count()} cores, load average before {load[0]:.2f} / after "
            f"{os.getloadavg()[0]:.2f}"
        )
        print(f"{'step':<22}{'wall s':>8}{'cpu s':>8}  notes")
        for name, t in results.items():
            extra = [t.note] if t.note else []
            if t.executed is not None and not t.note:
                extra.append(f"{t.executed} notebooks executed")
            print(f"{name:<22}{t.median:>8.2f}{t.median_cpu:>8.2f}  {'; '.join(extra)}")
        missed = []
        print("\nratios (target)")
        for label, (num, den, per_nb, target) in TARGETS.items():
            if num not in results or den not in results:
                continue
            a, b = results[num].median, results[den].median
            if per_nb:
                a, b = a / max(1, results[num].executed or 1), b / max(1, results[den].executed or 1)
            ratio = a / b
            ok = ratio <= target
            print(f"  {label}: {ratio:.2f} (<= {target}) {'met' if ok else 'MISSED'}")
            if not ok:
                missed.append(num)
        for num, profiler in (("clean", profile_clean), ("chapter", profile_chapter)):
            if num in missed:
                print(
                    f"\nprofile of '{num}' (one run, each step alone; wall s, cpu s). In `make book`"
                    "\nthe check, the downloads and the figure pack run while the notebooks do:"
                )
                for name, wall, cpu in profiler(work):
                    print(f"  {name:<36}{wall:>7.2f}{cpu:>7.2f}")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
