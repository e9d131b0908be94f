"""Write each build step's input digest, replacing it only when it changed: what `make` calls stale.

    python scripts/digest.py DIR STEP=PATTERNS [STEP=PATTERNS ...]

The Makefile declares what each step of `make book` reads (``IN.<step>``) and runs this first.
For each STEP, in the order given, ``DIR/STEP.sha256`` lists the sha256 of every file PATTERNS
match (shell patterns relative to the project root, separated by spaces; ``**`` reaches any
depth), one ``HASH  PATH`` line each, as ``sha256sum`` writes them, and the Python version. A
pattern ``code:NOTEBOOK`` stands for what the kernel runs of a notebook (its code cells with their
metadata, and its kernelspec: what jupyter-cache keys executed notebooks on), so that editing a
text cell re-runs nothing. The file is replaced only when the listing differs from what it holds;
the step's output, which make built after the file was last written, is then older than it, and
make rebuilds it. So a step re-runs exactly when the content of one of its inputs changed, whatever
the inputs' modification times say (a file put back with ``cp -p``, or given an old date).

A pattern that matches no file is an error naming the step: a declaration must not go stale
silently. A step may read another step's digest (``DIR/OTHER.sha256``), written just before when
OTHER comes first. Standard library only (and the project's `analysis.core.inputs`, which is too),
one process for every step: a `make book` with nothing to do spends its time here, in well under a
tenth of a second.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
from pathlib import Path

# Run with `python -I -S` (no site-packages, no PYTHONPATH): the project's own module that writes a
# file through a temporary beside it is found from here; it imports the standard library only.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.core import inputs

CODE = "code:"


def notebook_code(path: Path) -> bytes:
    """What jupyter-cache hashes of a notebook: code cells (source, metadata) and the kernelspec."""
    nb = json.loads(path.read_bytes())
    cells = [["".join(c["source"]), c.get("metadata", {})] for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    return json.dumps([nb.get("metadata", {}).get("kernelspec"), cells], sort_keys=True).encode()


def listing(step: str, patterns: list[str], hashes: dict[str, str]) -> str:
    """The digest of one step: a line per input file, sorted by path, then the Python version."""
    lines = {}
    for pattern in patterns:
        code = pattern.startswith(CODE)
        found = sorted(glob.glob(pattern.removeprefix(CODE), recursive=True))
        files = [f for f in found if os.path.isfile(f)]
        if not files:
            raise SystemExit(f"digest: {step}: the declared input {pattern!r} matches no file (Makefile, IN.{step})")
        for name in files:
            key = f"{name}#code" if code else name
            if key not in hashes:
                data = notebook_code(Path(name)) if code else Path(name).read_bytes()
                hashes[key] = hashlib.sha256(data).hexdigest()
            lines[key] = f"{hashes[key]}  {key}\n"
    python = " ".join(sys.version.split())
    return "".join(lines[k] for k in sorted(lines)) + f"python  {python}\n"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not all("=" in a for a in argv[1:]):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    out = Path(argv[0])
    hashes: dict[str, str] = {}
    out.mkdir(parents=True, exist_ok=True)
    for arg in argv[1:]:
        step, _, patterns = arg.partition("=")
        inputs.replace_text(out / f"{step}.sha256", listing(step, patterns.split(), hashes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
