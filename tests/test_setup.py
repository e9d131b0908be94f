"""The environment is this project's: its editable install points here, and no scratch copy can move it.

The tests and benchmarks run `make VENV=<this project's .venv>` in copies of the project. Were a
copy's make to reinstall that environment (a newer pyproject.toml in the copy would ask it to),
the editable install would point at the copy, a temporary folder, and every later run of a
script would import `analysis` from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from analysis.core import paths


def test_the_environment_imports_the_analysis_of_the_project_it_belongs_to(tmp_path: Path) -> None:
    """The environment in <project>/.venv imports <project>/analysis (a scratch copy that borrows
    it, as the benchmark's does, still finds the environment's own project)."""
    owner = Path(sys.prefix).resolve().parent
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", "import analysis; print(analysis.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve() == owner / "analysis" / "__init__.py"


def test_a_copy_never_reinstalls_the_environment_it_borrows(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.txt"):
        shutil.copy2(paths.ROOT / name, copy / name)
    shutil.copytree(paths.ROOT / "_ext", copy / "_ext")
    (copy / "pyproject.toml").touch()  # newer than the environment's stamp
    venv = Path(sys.executable).parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    borrowed = subprocess.run(
        ["make", "-n", f"VENV={venv}", "setup"], cwd=copy, env=env, capture_output=True, text=True, check=False
    )
    assert borrowed.returncode == 0, borrowed.stderr
    assert "pip install" not in borrowed.stdout, borrowed.stdout
    # and its own environment it does set up
    own = subprocess.run(["make", "-n", "setup"], cwd=copy, env=env, capture_output=True, text=True, check=False)
    assert "pip install" in own.stdout, own.stdout + own.stderr


def test_a_copy_that_borrows_the_environment_imports_only_its_own_modules(tmp_path: Path) -> None:
    """A copy lacking a module gets an ImportError, never the environment's project's module (which
    setuptools' import-finder editable install would serve)."""
    (tmp_path / "analysis").mkdir()
    (tmp_path / "analysis" / "__init__.py").write_text("", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", "import analysis.core.paths"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "ModuleNotFoundError" in result.stderr, result.stderr
