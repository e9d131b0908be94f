"""Remove what a run writes into a notebook besides its outputs: each cell's ``execution`` timings.

``python scripts/tidy_notebooks.py book/*.ipynb`` (run by `make notebooks` after executing them):
the committed notebooks then change only where an output or a cell changed, so a rerun that
computes the same outputs leaves the files byte-for-byte as they were. Written in place through
a temporary file; a notebook nbformat cannot read is an error naming it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat


def tidy(path: Path) -> bool:
    """Drop the cells' ``execution`` metadata; return whether the file changed."""
    notebook = nbformat.read(path, as_version=4)
    changed = False
    for cell in notebook.cells:
        if "execution" in cell.metadata:
            del cell.metadata["execution"]
            changed = True
    if changed:
        fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            nbformat.write(notebook, handle)
        os.replace(partial, path)
    return changed


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: tidy_notebooks.py NOTEBOOK...", file=sys.stderr)
        return 2
    for name in argv:
        try:
            tidy(Path(name))
        except (OSError, nbformat.reader.NotJSONError, nbformat.ValidationError) as error:
            print(f"{name}: cannot tidy: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
