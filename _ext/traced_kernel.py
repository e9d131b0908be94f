"""The notebooks' kernel (ipykernel), run so that it records every project file it reads.

    python _ext/traced_kernel.py -f CONNECTION_FILE     (NB_TRACE_FILE, NB_TRACE_ROOT set)

Before ipykernel starts, a Python audit hook (PEP 578) is installed. It sees every file opened
for reading (``open``, ``io.open_code``, ``os.open``: data files and the modules Python
imports, whose cached bytecode is mapped back to its source), every folder listed
(``os.listdir``/``os.scandir``, so a file added to a folder a notebook globs counts) and every
SQLite database opened. Each path inside the project root (``NB_TRACE_ROOT``), outside its
virtual environment, is appended to ``NB_TRACE_FILE`` the moment it is first seen, one line
each: ``file<TAB>path`` or ``dir<TAB>path``. After the last cell the executor runs
:func:`finish` silently (no output, no execution count): it adds every imported module's file
and writes ``done``, so a trace without it is known to be incomplete. Nothing of this reaches
the notebook: no cell is added, no output, no name in the user namespace.

Installed-package metadata (``*.egg-info``, ``*.dist-info``) is left out, as are folders listed
by the import system to find modules and installed distributions (importlib's
``FileFinder`` and ``importlib.metadata``) are left out: the modules actually imported are
recorded instead, and the distributions are part of the environment the stamp records.
"""

from __future__ import annotations

import importlib.util
import os
import runpy
import sys
from typing import Any, TextIO

WATCHED = frozenset({"open", "os.listdir", "os.scandir", "sqlite3.connect"})
_state: dict[str, Any] = {"busy": False}


def _relative(path: Any) -> str | None:
    """The project-relative path of ``path``, or None when it is outside what is traced."""
    if isinstance(path, int) or path is None:
        return None
    try:
        full = os.path.realpath(os.fsdecode(os.fspath(path)))
    except (TypeError, ValueError):
        return None
    root: str = _state["root"]
    if not full.startswith(root + os.sep):
        return None
    if any(full == ex or full.startswith(ex + os.sep) for ex in _state["exclude"]):
        return None
    if any(part.endswith((".egg-info", ".dist-info")) for part in full.split(os.sep)):
        return None  # installed-package metadata: part of the environment
    if full.endswith(".pyc") and f"{os.sep}__pycache__{os.sep}" in full:
        try:
            source = importlib.util.source_from_cache(full)
        except ValueError:
            source = None
        if source is not None and os.path.exists(source):
            full = source
    return os.path.relpath(full, root)


def _note(kind: str, path: Any) -> None:
    rel = _relative(path)
    if rel is None or (kind, rel) in _state["seen"]:
        return
    _state["seen"].add((kind, rel))
    out: TextIO = _state["out"]
    out.write(f"{kind}\t{rel}\n")
    out.flush()


def _is_read(mode: Any, flags: Any) -> bool:
    if isinstance(mode, str):
        return "+" in mode or not any(c in mode for c in "wax")
    if isinstance(flags, int):
        return (flags & (os.O_WRONLY | os.O_RDWR)) != os.O_WRONLY
    return True


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event not in WATCHED or _state["busy"]:
        return
    _state["busy"] = True
    try:
        if event == "open":
            path, mode, flags = ((*tuple(args), None, None, None))[:3]
            if _is_read(mode, flags):
                _note("file", path)
        elif event == "sqlite3.connect":
            if args and args[0] not in ("", ":memory:"):
                _note("file", args[0])
        elif "importlib" not in sys._getframe(1).f_code.co_filename:
            _note("dir", args[0] if args and args[0] is not None else ".")
    finally:
        _state["busy"] = False


def install(trace_file: str, root: str) -> None:
    """Start recording (once per process: audit hooks cannot be removed)."""
    real_root = os.path.realpath(root)
    _state.update(
        root=real_root,
        seen=set(),
        exclude=[os.path.realpath(p) for p in (os.path.join(real_root, ".venv"), sys.prefix)],
        out=open(trace_file, "a", encoding="utf-8"),  # noqa: SIM115 (open for the kernel's life)
    )
    sys.addaudithook(_hook)


def finish() -> None:
    """Record every imported module's file, then mark the trace complete."""
    for module in list(sys.modules.values()):
        _note("file", getattr(module, "__file__", None))
    _state["out"].write("done\n")
    _state["out"].flush()


FINISH = "__import__('sys').modules['traced_kernel'].finish()"


def read_trace(text: str) -> tuple[set[str], set[str]] | None:
    """(files, folders) from a trace, or None when the trace is incomplete."""
    lines = text.splitlines()
    if not lines or lines[-1] != "done":
        return None
    files: set[str] = set()
    folders: set[str] = set()
    for line in lines[:-1]:
        kind, _, rel = line.partition("\t")
        (files if kind == "file" else folders).add(rel)
    return files, folders


def _run_kernel(argv: list[str]) -> None:
    """Run ipykernel as `python -m ipykernel_launcher ARGV` would, in this process."""
    sys.argv = [sys.argv[0], *argv]
    # As `python -m` has it: the working folder first on sys.path (the launcher removes it).
    if sys.path and sys.path[0] in ("", os.path.dirname(os.path.abspath(__file__))):
        sys.path[0] = os.getcwd()
    else:
        sys.path.insert(0, os.getcwd())
    runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)


# Third-party modules a zygote imports once for all its kernels: heavy, imported by the
# notebooks anyway, and silent on import. Not matplotlib.pyplot nor matplotlib_inline: they hook
# into IPython when first imported, which must happen inside the kernel.
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.colors",
    "yaml",
    "ftfy",
    "myst_nb",
)


def zygote(preload: tuple[str, ...] = PRELOAD) -> None:
    """Import ``preload`` once, then fork a kernel for each request read from stdin.

        A request is one JSON line: {"argv": [...], "cwd": ..., "env": {...}}; the answer is the
        child's pid on stdout, or 0 (refused: start that kernel the usual way) when the request's
        environment differs from the zygote's in anything but the trace file and the parent pid, as
        modules read some variables when imported. What the zygote itself read in the project while importing (with the
        audit hook already installed) is part of every kernel's trace. The zygote imports nothing from
        the project (checked), reaps its kernels as they end, and exits when stdin closes; kernels
    still running are then reparented, and exit.
    """
    import importlib
    import json
    import signal

    per_kernel = ("NB_TRACE_FILE", "JPY_PARENT_PID")
    startup_env = {k: v for k, v in os.environ.items() if k not in per_kernel}
    # What ipykernel sets before any notebook code runs, so matplotlib picks the same backend.
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    root = os.environ["NB_TRACE_ROOT"]
    install(os.environ["NB_TRACE_FILE"], root)
    if sys.path and sys.path[0] == os.path.dirname(os.path.abspath(__file__)):
        del sys.path[0]
    for name in preload:
        importlib.import_module(name)
    own = [
        m
        for m, mod in sys.modules.items()
        if _relative(getattr(mod, "__file__", None)) not in (None, os.path.relpath(__file__, os.path.realpath(root)))
    ]
    if own:
        raise SystemExit(f"zygote: preloading imported project modules: {own}")
    base = sorted(_state["seen"])

    def reap(signum: int, frame: Any) -> None:  # so a kernel's CPU time is counted as ours
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            pass

    signal.signal(signal.SIGCHLD, reap)
    out = sys.stdout
    while line := sys.stdin.readline():
        request = json.loads(line)
        if {k: v for k, v in request["env"].items() if k not in per_kernel} != startup_env:
            out.write("0\n")
            out.flush()
            continue
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            os.setsid()
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(2, 1)
            os.environ.clear()
            os.environ.update(request["env"], JPY_PARENT_PID=str(os.getppid()))
            os.chdir(request["cwd"])
            _state["out"] = open(request["env"]["NB_TRACE_FILE"], "a", encoding="utf-8")  # noqa: SIM115 (as above)
            for kind, rel in base:
                _state["out"].write(f"{kind}\t{rel}\n")
            _state["out"].flush()
            sys.modules["traced_kernel"] = sys.modules[__name__]
            try:
                _run_kernel(request["argv"])
            finally:
                os._exit(0)
        out.write(f"{pid}\n")
        out.flush()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--zygote"]:
        zygote()
    else:
        install(os.environ["NB_TRACE_FILE"], os.environ["NB_TRACE_ROOT"])
        sys.modules["traced_kernel"] = sys.modules[__name__]
        _run_kernel(sys.argv[1:])
