"""Shared fixtures: a scratch copy of the raw data, and the built book (built once, shared)."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis import paths


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A copy of data/raw/ (texts and manifest) that a test may damage."""
    target = tmp_path / "raw"
    shutil.copytree(paths.RAW, target)
    return target


@pytest.fixture(scope="session")
def built_book() -> Path:
    """``_build/html``, brought up to date by ``make book`` (a no-op when it already is).

    `make test` builds the book before pytest starts; run alone, the first test worker to get
    here builds it while the others wait on the lock.
    """
    paths.BUILD.mkdir(exist_ok=True)
    with (paths.BUILD / ".book.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(["make", "-s", "book"], cwd=paths.ROOT, capture_output=True,
                                text=True, check=False)
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return paths.BUILD / "html"
