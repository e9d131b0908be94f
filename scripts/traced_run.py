"""Run a Python module only when something it read last time has changed, as notebooks are run.

    python scripts/traced_run.py --stamp FILE --output PATH [--output PATH ...] -- MODULE [ARG ...]

The first run (or any run whose stamp is missing or stale, or whose outputs are missing) runs
`python -m MODULE ARG...` in this process with the audit hook of ``_ext/traced_kernel.py``
installed: every project file it (or a process it forks) opens for reading, every folder it lists
and every module it imports is recorded, and after a successful run they are stored with their
sha256 in FILE (``_ext/stamps.py``). Later runs whose inputs are all unchanged only mark the
outputs as new (for make) and return at once. A run that fails removes the stamp.
`make` uses it for the figure pack, which redraws every chart: a data file no chart reads
(the BLS projections, say) does not redo it.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
import tempfile
from pathlib import Path

from analysis.core.paths import ROOT

sys.path.insert(0, str(ROOT / "_ext"))

import stamps
import traced_kernel


def current(stamp_file: Path, outputs: list[Path], module: str) -> bool:
    try:
        stamp = stamps.Stamp.from_json(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return stamp.notebook == module and all(path.exists() for path in outputs) and not stamps.stale_inputs(ROOT, stamp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stamp", type=Path, required=True)
    parser.add_argument("--output", type=Path, action="append", default=[])
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- MODULE [ARG ...]")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no module to run")
    module, module_args = command[0], command[1:]
    if current(args.stamp, args.output, module):
        for path in args.output:
            os.utime(path)
        print(f"{module}: inputs unchanged since its last run ({args.stamp})")
        return 0
    args.stamp.unlink(missing_ok=True)
    fd, trace_name = tempfile.mkstemp(prefix="trace-", suffix=".tsv")
    os.close(fd)
    trace = Path(trace_name)
    try:
        traced_kernel.install(str(trace), str(ROOT))
        sys.argv = [module, *module_args]
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        except SystemExit as done:
            if done.code not in (None, 0):
                return done.code if isinstance(done.code, int) else 1
        traced_kernel.finish()
        found = traced_kernel.read_trace(trace.read_text(encoding="utf-8"))
    finally:
        trace.unlink(missing_ok=True)
    if found is None:
        print(f"traced_run: the trace of {module} is incomplete; not stamped", file=sys.stderr)
        return 0
    files, folders = found
    # The stamp is named after the module; its own file is among the modules it imported.
    stamp = stamps.Stamp(
        module,
        "",
        stamps.environment(),
        {rel: stamps.file_digest(ROOT / rel) for rel in files},
        {rel: stamps.listing_digest(ROOT / rel) for rel in folders},
    )
    _write(args.stamp, stamp)
    return 0


def _write(path: Path, stamp: stamps.Stamp) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(stamp.to_json(), encoding="utf-8")
    partial.replace(path)


if __name__ == "__main__":
    raise SystemExit(main())
