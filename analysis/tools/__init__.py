"""Command-line tools. Each is ``python -m analysis.tools.<name>``; the Makefile runs most of them.

- ``make_data``: validate every evidence record and write ``data/processed/`` (``--check``: compare);
- ``make_schema``: write (or ``--check``) what is generated from the record schema;
- ``make_downloads``: the CSV and XLSX downloads;
- ``make_figures``: the figure pack;
- ``make_deck``: the slide deck;
- ``scan``: the figures of a source no record or exclusion accounts for;
- ``new_source``: add a source: its manifest row, its bibliography entry and its draft records;
- ``draft``: draft the evidence records of a source (again).

Every tool fails the same way: one line per problem on standard error, naming the file (and the
record and field where there is one), never a traceback, and no input changed. Exit status:

====  ======================================================================================
0     done: nothing to report
1     a finding: ``scan`` found figures no record accounts for (on standard output, one a
      line); ``--check`` found files that differ from what their inputs give
2     a usage error: the command line is wrong (the message says how)
3     an input refused: a file that is missing (a processed table: run ``make data``), a folder,
      not a regular file (a device such as ``/dev/zero``, a pipe), larger than its limit, not
      UTF-8 text, or whose content is invalid (a manifest row, a source, an evidence record)
4     an output could not be written (a read-only folder, a full disk, a name too long), or the
      system refused a file for another reason; what was there before is left whole
====  ======================================================================================
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from analysis.core import inputs, paths

DONE, FINDING, USAGE, REFUSED, UNWRITABLE = 0, 1, 2, 3, 4


def run(work: Callable[[], int]) -> int:
    """Run a tool's work; an input refused or an output that cannot be written is reported as
    one line per problem on standard error, with its exit status (see the module docstring)."""
    try:
        return work()
    except inputs.InputError as err:
        print(err, file=sys.stderr)
        return REFUSED
    except inputs.OutputError as err:
        print(err, file=sys.stderr)
        return UNWRITABLE
    except BrokenPipeError:
        # The reader of standard output has gone (``scan ... | head``): stop quietly, as a
        # filter does, with nothing more written to the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return FINDING
    except OSError as err:
        named = isinstance(err.filename, str)
        if isinstance(err, FileNotFoundError) and named and Path(err.filename).is_relative_to(paths.DATA):
            # A data file a tool reads without analysis.core.inputs (a processed table, say).
            print(f"{inputs.printable(err.filename)}: missing (run `make data`)", file=sys.stderr)
            return REFUSED
        where = inputs.printable(err.filename) if named else "a file"
        print(f"{where}: {err.strerror}", file=sys.stderr)
        return UNWRITABLE
