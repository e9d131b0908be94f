"""Execute the book's notebooks whose inputs changed, in parallel, into the jupyter-cache.

    python scripts/execute_notebooks.py [--root DIR] [--cache DIR] [--jobs N] [--force] [--dry-run]
                                        [NOTEBOOK ...]

The book is built in myst-nb's `cache` mode: the build reads each notebook's outputs from
jupyter-cache (`_build/.jupyter_cache`) and executes nothing itself. This script keeps that
cache current. A notebook is executed again only when something it read has changed since its
cached execution: its own file, a module of `analysis` it imported (directly or not), a data file
it opened, a folder it listed, or the Python environment. What it read is not listed by hand: the
kernel records it (`_ext/traced_kernel.py`), and `_ext/stamps.py` stores those inputs with their
sha256 beside the cached output (an edit of a text cell changes no output: it re-runs nothing).
Notebooks run `--jobs` at a time (default: one per core), in kernels forked from a process that
has imported the heavy modules once (`_ext/kernels.py`).

A cell that raises, a timeout or a dead kernel fails the notebook: its cached output and stamp are
removed (so nothing stale can be served or taken as current), the error is printed with the
notebook and the cell, and the exit status is 1. A line per executed notebook says why it ran.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from analysis.core import paths
from analysis.core.paths import ROOT

sys.path.insert(0, str(ROOT / "_ext"))

import stamps

if TYPE_CHECKING:
    from jupyter_cache.cache.main import JupyterCacheBase
    from kernels import Zygote

_T = TypeVar("_T")

LAST_RUN = "last-run.json"


@dataclass
class Outcome:
    notebook: str
    status: str  # "current", "executed" or "failed"
    seconds: float = 0.0
    why: list[str] = field(default_factory=list)
    error: str = ""


def book_notebooks(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in sorted((root / "book").glob("*.ipynb"))]


def code_key(path: Path) -> str:
    """jupyter-cache's key of a notebook: its code cells (source, metadata) and kernelspec.

    The build finds a notebook's outputs in the cache by this key, and it is all of a notebook
    the kernel runs: text cells are not part of it.
    """
    import nbformat
    from jupyter_cache.cache.main import JupyterCacheBase

    return JupyterCacheBase.create_hashed_notebook(None, nbformat.read(path, as_version=4))[1]


def why_stale(root: Path, cache_dir: Path, notebook: str, env: str) -> list[str]:
    """Why the cached output of ``notebook`` cannot be used (empty: it can).

    The stamp holds the notebook file's sha256, so an unchanged file has the stamped cache key.
    When only the file changed and not its code (a text cell edited), the outputs are still
    current: the stamp is brought up to date with the file, and nothing runs.
    """
    stamp = stamps.load(cache_dir, notebook)
    if stamp is None:
        return ["no stamp"]
    if not (cache_dir / "executed" / stamp.hashkey / "base.ipynb").is_file():
        return ["not in the cache"]
    stale = stamps.stale_inputs(root, stamp, env)
    if stale == [notebook] and code_key(root / notebook) == stamp.hashkey:
        stamp.files[notebook] = stamps.file_digest(root / notebook)
        stamps.write(cache_dir, stamp)
        return []
    return stale


def _cell_error(notebook: str, index: int, cell: Mapping[str, object], error: Exception) -> str:
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    if index < 0:  # before the first cell: the kernel did not start
        return f"{notebook}: {type(error).__name__}: {error}"
    where = f"{notebook}: cell {index}" + (f" (id {cell.get('id')})" if cell.get("id") else "")
    if isinstance(error, CellExecutionError):
        return f"{where} raised {error.ename}: {error.evalue}"
    if isinstance(error, CellTimeoutError):
        return f"{where} timed out"
    return f"{where}: {type(error).__name__}: {error}"


async def execute(
    root: Path, cache_dir: Path, cache: JupyterCacheBase, notebook: str, timeout: int, zygote: Zygote | None = None
) -> Outcome:
    """Run one notebook in a tracing kernel; cache its outputs and stamp its inputs."""
    import nbformat
    import traced_kernel
    from jupyter_cache.base import CacheBundleIn
    from kernels import TracedKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = root / notebook
    stamps.remove(cache_dir, notebook)
    nb = nbformat.read(path, as_version=4)
    (cache_dir / "traces").mkdir(parents=True, exist_ok=True)
    fd, trace_name = tempfile.mkstemp(prefix="trace-", suffix=".tsv", dir=cache_dir / "traces")
    os.close(fd)
    trace = Path(trace_name)
    kernel_name = nb.metadata.get("kernelspec", {}).get("name", "python3")
    sockets = tempfile.mkdtemp(prefix="nbk-")  # short: a socket path has at most 107 bytes
    km = TracedKernelManager(kernel_name=kernel_name, transport="ipc", ip=f"{sockets}/k")
    km.zygote = zygote
    client = NotebookClient(
        nb,
        km=km,
        kernel_name=kernel_name,
        timeout=timeout,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {**os.environ, "NB_TRACE_FILE": str(trace), "NB_TRACE_ROOT": str(root)}
    started_ns = time.time_ns()
    start = time.perf_counter()
    index, cell = -1, nbformat.NotebookNode()
    try:
        async with client.async_setup_kernel(env=env):
            assert client.kc is not None
            reply = await client.async_wait_for_reply(await _ensure(client.kc.kernel_info()))
            if reply is not None and "language_info" in reply["content"]:
                client.nb.metadata["language_info"] = reply["content"]["language_info"]
            for index, cell in enumerate(client.nb.cells):
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            client.set_widgets_metadata()
            await client.async_wait_for_reply(client.kc.execute(traced_kernel.FINISH, silent=True, store_history=False))
    except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as error:
        trace.unlink(missing_ok=True)
        return Outcome(notebook, "failed", time.perf_counter() - start, error=_cell_error(notebook, index, cell, error))
    finally:
        # The trace is complete (or the notebook failed): nothing is lost by not waiting.
        if await km.is_alive():
            await km.shutdown_kernel(now=True)
        await km.cleanup_resources()
        shutil.rmtree(sockets, ignore_errors=True)
    seconds = time.perf_counter() - start
    found = traced_kernel.read_trace(trace.read_text(encoding="utf-8"))
    trace.unlink(missing_ok=True)
    if found is None:
        return Outcome(
            notebook,
            "failed",
            seconds,
            error=f"{notebook}: the kernel's input trace is incomplete (kernel ended early?)",
        )
    files, folders = found
    # An input written while the notebook ran may not be what it read: no stamp, run it again.
    touched = [
        rel
        for rel in sorted(files | {notebook})
        if (root / rel).exists() and (root / rel).stat().st_mtime_ns >= started_ns
    ]
    if touched:
        return Outcome(
            notebook,
            "failed",
            seconds,
            error=f"{notebook}: {', '.join(touched)} changed while it ran; run the build again",
        )
    for old in [r for r in cache.list_cache_records() if r.uri == str(path)]:
        cache.remove_cache(old.pk)
    record = cache.cache_notebook_bundle(
        CacheBundleIn(client.nb, str(path), data={"execution_seconds": seconds}), check_validity=False, overwrite=True
    )
    stamps.write(cache_dir, stamps.record(root, notebook, record.hashkey, files, folders, seconds))
    return Outcome(notebook, "executed", seconds)


async def _ensure(value: _T | Coroutine[Any, Any, _T]) -> _T:
    """The value, awaited if it is a coroutine (the async client's requests are typed as the blocking one's)."""
    return await value if asyncio.iscoroutine(value) else value


def _forget(cache: JupyterCacheBase, root: Path, notebook: str) -> None:
    """Remove every cached output of a notebook that failed, so no build can use it."""
    for old in [r for r in cache.list_cache_records() if r.uri == str(root / notebook)]:
        cache.remove_cache(old.pk)


async def run(
    root: Path, cache_dir: Path, notebooks: list[str], jobs: int, timeout: int, force: bool, use_zygote: bool = True
) -> list[Outcome]:
    cache_dir.mkdir(parents=True, exist_ok=True)
    env = stamps.environment()
    outcomes: dict[str, Outcome] = {}
    todo: list[tuple[str, list[str]]] = []
    for notebook in notebooks:
        why = ["--force"] if force else why_stale(root, cache_dir, notebook, env)
        if why:
            todo.append((notebook, why))
        else:
            outcomes[notebook] = Outcome(notebook, "current")
    if not todo:
        return [outcomes[nb] for nb in notebooks]
    # Longest first (as last time), so the two slots finish together.
    took = {nb: (stamp.seconds if (stamp := stamps.load(cache_dir, nb)) else 99.0) for nb, _ in todo}
    todo.sort(key=lambda item: -took[item[0]])
    zygote = None
    if use_zygote:  # started first: it imports while this process does
        from kernels import Zygote

        (cache_dir / "traces").mkdir(parents=True, exist_ok=True)
        base = cache_dir / "traces" / f"zygote-{os.getpid()}.tsv"
        base.unlink(missing_ok=True)
        zygote = await Zygote.start(root, base)
    from jupyter_cache import get_cache

    cache = get_cache(cache_dir)
    gate = asyncio.Semaphore(max(1, jobs))

    async def one(notebook: str, why: list[str]) -> None:
        async with gate:
            try:
                outcome = await execute(root, cache_dir, cache, notebook, timeout, zygote)
            except Exception as error:
                outcome = Outcome(notebook, "failed", error=f"{notebook}: {type(error).__name__}: {error}")
        outcome.why = why
        if outcome.status == "failed":
            _forget(cache, root, notebook)
        outcomes[notebook] = outcome

    try:
        await asyncio.gather(*(one(nb, why) for nb, why in todo))
    finally:
        if zygote is not None:
            await zygote.close()
            base.unlink(missing_ok=True)
    return [outcomes[nb] for nb in notebooks]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="project-relative paths (default: book/*.ipynb)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this project)")
    parser.add_argument("--cache", type=Path, help="jupyter-cache folder (default: ROOT/_build/.jupyter_cache)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    parser.add_argument("--force", action="store_true", help="execute even notebooks that are current")
    parser.add_argument("--dry-run", action="store_true", help="say which notebooks would run and why, and run none")
    parser.add_argument(
        "--no-zygote", action="store_true", help="start each kernel as its own process instead of forking it"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    cache_dir = (args.cache or root / paths.NOTEBOOK_CACHE_DIR).resolve()
    notebooks = args.notebooks or book_notebooks(root)
    if args.dry_run:
        env = stamps.environment()
        for notebook in notebooks:
            why = why_stale(root, cache_dir, notebook, env)
            print(f"would execute {notebook} ({', '.join(why)[:200]})" if why else f"current {notebook}")
        return 0
    outcomes = asyncio.run(run(root, cache_dir, notebooks, args.jobs, args.timeout, args.force, not args.no_zygote))
    for o in outcomes:
        if o.status == "executed":
            print(f"executed {o.notebook} in {o.seconds:.1f} s ({', '.join(o.why)[:200]})")
    failed = [o for o in outcomes if o.status == "failed"]
    for o in failed:
        print(f"execute_notebooks: {o.error}", file=sys.stderr)
    (cache_dir / LAST_RUN).write_text(
        json.dumps(
            {
                status: [o.notebook for o in outcomes if o.status == status]
                for status in ("executed", "failed", "current")
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    ran = sum(o.status == "executed" for o in outcomes)
    print(
        f"notebooks: {ran} executed, {len(failed)} failed, "
        f"{sum(o.status == 'current' for o in outcomes)} current ({cache_dir})"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
