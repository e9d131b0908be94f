"""`make bench`: this project's builds timed beside Jupyter Book's template book, in one run.

    python scripts/bench.py [--runs N] [--only STEP,...] [--keep]

Everything happens in temporary copies, built with this environment (the toolchain the template
is built with too); the working tree is never written to. Wall seconds, median of --runs (3):

  template clean   `jupyter-book create`'s book, built from an empty _build
  template no-op   `jupyter-book build` again on the unchanged template
  clean            `make book` in a copy after `make clean`: the table check, the downloads (CSV,
                   XLSX), the figure pack, the deck, every notebook executed, every page, the PDF
  no-op            `make book` with nothing changed
  chapter          a text cell of the last chapter's notebook edited, `make book`
  record           one evidence record's note edited, `make data && make book`
  unit             `make unit`, in a fresh copy with the book built
  test             `make test` with the book built, in the same fresh copy

and the ratios against their limits: chapter, record and clean against the template's clean
build (1.5, 4 and 6), no-op against the template's no-op (0.1); `make unit` within 10 s and `make
test` within 120 s. The load average before and after is printed: on a busy machine (load above
the number of cores) the figures are not worth recording.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import build_config

VENV = Path(sys.prefix)
JUPYTER_BOOK = VENV / "bin" / "jupyter-book"
NOT_COPIED = (*build_config.NOT_COPIED, "_build", "downloads")
STEPS = ("template", "clean", "noop", "chapter", "record", "unit", "test")
# name: (step, the template's step it is divided by, or None for seconds, limit)
LIMITS = {
    "chapter edited, make book / template clean": ("chapter", "template clean", 1.5),
    "evidence record edited, make data && make book / template clean": ("record", "template clean", 4.0),
    "clean make book / template clean": ("clean", "template clean", 6.0),
    "no-op make book / template no-op": ("noop", "template no-op", 0.1),
    "make unit, seconds": ("unit", None, 10.0),
    "make test with the book built, seconds": ("test", None, 120.0),
}
# A note without digits: a number in a note must be a figure of the record's quote.
NOTE = "    note: Benchmark edit {n}.\n"


class CommandError(Exception):
    """A command the benchmark runs failed; the message has its output."""


def run(command: list[str], cwd: Path) -> tuple[float, str]:
    """Wall seconds of one command, and its output."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTHONPATH")}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise CommandError(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return seconds, result.stdout + result.stderr


def make(project: Path, *targets: str) -> tuple[float, str]:
    return run(["make", "-s", f"VENV={VENV}", *targets], project)


def timed(runs: int, step: Callable[[], tuple[float, str]], before: Callable[[], object] = lambda: None) -> list[float]:
    times = []
    for _ in range(runs):
        before()
        times.append(step()[0])
    return times


def template(work: Path, runs: int) -> dict[str, list[float]]:
    book = work / "template"
    run([str(JUPYTER_BOOK), "create", str(book)], work)
    build = [str(JUPYTER_BOOK), "build", str(book)]
    clean = timed(runs, lambda: run(build, work), lambda: shutil.rmtree(book / "_build", ignore_errors=True))
    return {"template clean": clean, "template no-op": timed(runs, lambda: run(build, work))}


def edit_text_cell(notebook: Path) -> None:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + " "
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def edit_record(project: Path, count: list[int]) -> None:
    """Give the first record without a note one (still valid evidence): `make data` rewrites its table.

    The record is found, not named, so the benchmark runs on any corpus."""
    count[0] += 1
    for path in sorted((project / "data" / "evidence").glob("*.yaml")):
        text = re.sub(r"    note: Benchmark edit x+\.\n", "", path.read_text(encoding="utf-8"))
        for record in re.finditer(r"^  - id: .*\n((?:    .*\n)*)", text, re.M):
            if not re.search(r"^    note:", record.group(1), re.M):
                at = record.start(1)
                path.write_text(text[:at] + NOTE.format(n="x" * count[0]) + text[at:], encoding="utf-8")
                return
    sys.exit("bench: no evidence record without a note to edit")


def executed(output: str) -> str:
    found = re.search(r"^executing \d+ notebooks: (.*)$", output, re.M)
    return found.group(1) if found else "none"


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    return target


def project(work: Path, runs: int, only: set[str], times: dict[str, list[float]], notes: dict[str, str]) -> None:
    """The builds, in a copy that the steps edit; the tests in another, as committed."""
    copy = copy_project(work / "project")
    if "clean" in only:
        times["clean"] = timed(runs, lambda: make(copy, "book"), lambda: make(copy, "clean"))
    else:
        make(copy, "book")
    if "noop" in only:
        times["noop"] = timed(runs, lambda: make(copy, "book"))
    if "chapter" in only:
        chapter = sorted((copy / "book").glob("[0-9]*.ipynb"))[-1]
        times["chapter"] = timed(runs, lambda: make(copy, "book"), lambda: edit_text_cell(chapter))
    if "record" in only:
        count = [0]
        outputs: list[str] = []

        def record() -> tuple[float, str]:
            data, _ = make(copy, "data")
            book, output = make(copy, "book")
            outputs.append(output)
            return data + book, output

        times["record"] = timed(runs, record, lambda: edit_record(copy, count))
        notes["record"] = f"notebooks executed: {executed(outputs[-1])}"
    if only & {"unit", "test"}:
        tests = copy_project(work / "tests")
        make(tests, "book")
        if "unit" in only:
            times["unit"] = timed(runs, lambda: make(tests, "unit"))
        if "test" in only:
            times["test"] = timed(runs, lambda: make(tests, "test"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated, of: {','.join(STEPS)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="ccc-bench-"))
    load = os.getloadavg()[0]
    times: dict[str, list[float]] = {}
    notes: dict[str, str] = {}
    failed = None
    try:
        if "template" in only:
            times.update(template(work, args.runs))
        project(work, args.runs, only, times, notes)
    except CommandError as error:
        failed = f"bench: {error}"
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    medians = {name: statistics.median(values) for name, values in times.items() if values}
    print(
        f"make bench, {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}, {os.cpu_count()} cores, "
        f"median of {args.runs} runs, load average {load:.2f} before, {os.getloadavg()[0]:.2f} after"
    )
    print(f"{'step':<16}{'median s':>10}  {'all runs':<26}notes")
    for name, values in times.items():
        runs = " ".join(f"{v:.2f}" for v in values)
        print(f"{name:<16}{medians[name]:>10.2f}  {runs:<26}{notes.get(name, '')}")
    print("\nlimits")
    for label, (step, base, limit) in LIMITS.items():
        if step not in medians or (base is not None and base not in medians):
            continue
        value = medians[step] / medians[base] if base else medians[step]
        print(f"  {label}: {value:.2f} (limit {limit}) {'met' if value <= limit else 'MISSED'}")
    if failed:
        print(failed, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
