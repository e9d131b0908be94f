"""Bring the executed notebooks in jupyter-cache up to date, executing only the stale ones.

    python scripts/run_notebooks.py [--save] [NOTEBOOK ...]        (default: every book/*.ipynb)

`make book` runs this after `scripts/digest.py` has written each notebook's input digest,
``_build/stamps/<name>.sha256`` (its code and the files the Makefile declares it reads). A
notebook is stale when that digest differs from the one recorded at its last successful run
(``<name>.ran``): its cached outputs are then dropped. jupyter-cache's own ``local-parallel``
executor runs every notebook that has no cached outputs for its code (dropped here, or new code),
one per core, into ``_build/.jupyter_cache``, where the book's build (``execute_notebooks: cache``)
reads them; nothing else executes a notebook. Its kernels talk to it over local sockets rather
than TCP ports (:class:`LocalSocketKernelManager` says why).

A cell that raises (or a timeout) fails the run: jupyter-cache keeps the traceback, and it is
printed as ``book/NAME.ipynb: cell N (id ID) raised ERROR: MESSAGE`` with the cell and the
traceback; the notebook has no cached outputs and no record of a run, so nothing stale is left.

``--save`` (`make notebooks`) then writes each notebook's cached outputs and execution counts into
the notebook itself (jupyter-cache's merge), without the cells' ``execution`` timings, so that a
rerun that computes the same outputs leaves the file unchanged; strict nbval compares them.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import tempfile
import uuid
from pathlib import Path

import nbformat
import yaml
from jupyter_cache import get_cache
from jupyter_cache.base import JupyterCacheAbstract, ProjectNb
from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, JupyterExecutorLocalMproc, ProcessData
from jupyter_cache.executors.utils import ExecutionResult, single_nb_execution
from jupyter_client.manager import AsyncKernelManager
from traitlets import default

from analysis.core import inputs, paths

ROOT = paths.ROOT
STAMPS = paths.BUILD / "stamps"
CACHE = paths.NOTEBOOK_CACHE
ANSI = re.compile(r"\x1b\[[0-9;]*m")
RULE = "-" * 18


def cached_pk(cache: JupyterCacheAbstract, notebook: Path) -> int | None:
    """The cached execution the book would read for this notebook's code, if any."""
    try:
        return int(cache.match_cache_notebook(nbformat.read(notebook, as_version=4)).pk)
    except KeyError:
        return None


def failure(notebook: Path, traceback: str) -> str:
    """`notebook: cell N (id ID) raised ERROR: MESSAGE`, the cell, and the traceback nbclient gave."""
    text = ANSI.sub("", traceback)
    start = text.find("An error occurred while executing the following cell:")
    detail = text[start:].strip() if start >= 0 else text.strip()
    parts = detail.split(RULE)
    source = parts[1].strip() if len(parts) > 2 else ""
    error = next((line for line in reversed(detail.splitlines()) if line.strip()), "unknown error")
    where = "a cell"
    for index, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
        if cell.cell_type == "code" and source and cell.source.strip() == source:
            where = f"cell {index}" + (f" (id {cell.id})" if cell.get("id") else "")
            break
    if "CellTimeoutError" in text and start < 0:
        return f"{notebook.relative_to(ROOT)}: a cell timed out\n{detail}"
    return f"{notebook.relative_to(ROOT)}: {where} raised {error.strip()}\n{detail}"


class LocalSocketKernelManager(AsyncKernelManager):
    """The notebook's kernel (ipykernel, as its kernelspec names it) on local sockets, not TCP ports.

    Over TCP each kernel is given five ports found free a moment before it binds them; kernels
    starting at the same time (two here, more while the tests run) can be given the same one. The
    kernel that loses dies, its run waits a minute for it and fails, and nbclient leaves its signal
    handlers behind in the pool's worker, which then cannot be stopped: the run hangs. A socket
    file of a name of its own cannot be taken; the files go when the kernel shuts down.
    """

    @default("transport")
    def _local_sockets(self) -> str:
        return "ipc"

    @default("ip")
    def _socket_prefix(self) -> str:  # short: a socket's path has at most 107 bytes
        return os.path.join(tempfile.gettempdir(), f"nbk-{uuid.uuid4().hex[:12]}")


class Worker(ExecutionWorkerLocalMProc):
    """jupyter-cache's worker for `local-parallel`, its kernels on local sockets."""

    @staticmethod
    def execute(project_nb: ProjectNb, data: ProcessData) -> ExecutionResult:
        return single_nb_execution(
            project_nb.nb,
            cwd=str(Path(project_nb.uri).parent),
            timeout=data.timeout,
            allow_errors=data.allow_errors,
            kernel_manager_class=LocalSocketKernelManager,
        )


class Executor(JupyterExecutorLocalMproc):
    """jupyter-cache's `local-parallel` executor (one notebook per core), with :class:`Worker`."""

    _EXECUTION_WORKER = Worker


def execute(cache: JupyterCacheAbstract, notebooks: list[Path], timeout: int) -> list[str]:
    """Execute the stale notebooks; return the failures, described."""
    stale = []
    digests: dict[Path, str] = {}
    for notebook in notebooks:
        digest = digests[notebook] = (STAMPS / f"{notebook.stem}.sha256").read_text(encoding="utf-8")
        ran = STAMPS / f"{notebook.stem}.ran"
        cache.add_nb_to_project(str(notebook))
        pk = cached_pk(cache, notebook)
        if pk is not None and ran.is_file() and ran.read_text(encoding="utf-8") == digest:
            continue
        if pk is not None:
            cache.remove_cache(pk)
        ran.unlink(missing_ok=True)
        stale.append(notebook)
    if not stale:
        return []
    print(f"executing {len(stale)} notebooks: {', '.join(n.stem for n in stale)}", flush=True)
    logger = logging.getLogger("run_notebooks")
    logger.setLevel(logging.ERROR)  # jupyter-cache's progress lines off; its errors on
    result = Executor(cache, logger).run_and_cache(
        filter_uris=[str(n) for n in stale], timeout=timeout, allow_errors=False
    )
    failures = []
    for notebook in stale:
        uri = str(notebook)
        if uri in result.succeeded:
            inputs.replace_text(STAMPS / f"{notebook.stem}.ran", digests[notebook])
        elif uri in result.excepted:
            failures.append(failure(notebook, cache.get_project_record(uri).traceback or ""))
        else:
            failures.append(f"{notebook.relative_to(ROOT)}: could not be executed (the error is above)")
    return failures


def save(cache: JupyterCacheAbstract, notebook: Path) -> bool:
    """Write the cached outputs into the notebook; return whether the file changed."""
    _, merged = cache.merge_match_into_notebook(nbformat.read(notebook, as_version=4))
    for cell in merged.cells:
        cell.metadata.pop("execution", None)
    return inputs.replace_text(notebook, nbformat.writes(merged) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every book/*.ipynb")
    parser.add_argument("--save", action="store_true", help="write the cached outputs into the notebooks")
    args = parser.parse_args(argv)
    notebooks = [n.resolve() for n in args.notebooks] or sorted((ROOT / "book").glob("*.ipynb"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    cache = get_cache(CACHE)
    failures = execute(cache, notebooks, int(config["execute"]["timeout"]))
    for text in failures:
        print(f"run_notebooks: {text}\n", file=sys.stderr)
    if failures:
        print(f"run_notebooks: {len(failures)} of {len(notebooks)} notebooks failed", file=sys.stderr)
        return 1
    if args.save:
        changed = [n for n in notebooks if save(cache, n)]
        print(
            f"saved the outputs of {len(changed)} notebooks"
            + (f": {', '.join(n.stem for n in changed)}" if changed else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
