"""Shared fixtures: a scratch copy of the raw data, so tests never touch data/raw/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import paths


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A copy of data/raw/ (texts and manifest) that a test may damage."""
    target = tmp_path / "raw"
    shutil.copytree(paths.RAW, target)
    return target
