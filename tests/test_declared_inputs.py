"""The Makefile's declarations of what each step reads (`make inputs`) hold to what the steps read.

What a notebook loads by name is checked against its declaration: each processed table it loads,
each external data set, the raw texts and evidence when it validates them. A notebook with no
declaration stops make itself. And the digests that decide what is stale hold the declared files'
content and nothing else: not their dates, not the installed packages.
"""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT / "scripts" / "digest.py"
TABLES = sorted(p.stem for p in (ROOT / "data" / "processed").glob("*.csv"))
# What the loaders of external data sets read; a loader a notebook calls must be listed here.
EXTERNAL = {
    "load_oews": "data/external/bls_oews_national.csv",
    "load_projections": "data/external/bls_employment_projections_2024_34.csv",
    "load_turnover": "data/external/turnover_studies.csv",
}
# Calls that read every raw text and the manifest, or every evidence file.
READS_TEXTS = ("load_all(", "validate_all(")
READS_EVIDENCE = ("validate_all(",)


def _declared() -> dict[str, set[str]]:
    result = subprocess.run(["make", "-s", "inputs"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    steps = {}
    for line in result.stdout.splitlines():
        step, _, patterns = line.partition(": ")
        steps[step] = {
            match
            for pattern in patterns.split()
            for match in glob.glob(pattern.removeprefix("code:"), root_dir=ROOT, recursive=True)
        }
    return steps


def _code(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


@pytest.fixture(scope="module")
def declared() -> dict[str, set[str]]:
    return _declared()


def test_every_notebook_and_artefact_has_a_declaration(declared: dict[str, set[str]]) -> None:
    assert {nb.stem for nb in NOTEBOOKS} | {"check", "downloads", "figures", "slides", "html", "pdf"} == set(declared)
    for step, files in declared.items():
        assert "requirements.txt" in files, step
        assert any(f.startswith("analysis/") for f in files), step


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_what_a_notebook_loads_is_declared(notebook: Path, declared: dict[str, set[str]]) -> None:
    code = _code(notebook)
    reads = declared[notebook.stem]
    assert f"book/{notebook.name}" in reads  # its code
    needed = set()
    for argument in re.findall(r"load_table\(([^)]*)\)", code):
        named = [t for t in TABLES if re.search(rf"\b{t}\b", argument)]
        if re.fullmatch(r"[A-Za-z_]\w*", argument):  # a variable: every table the code names in quotes
            named = [t for t in TABLES if re.search(rf"[\"']{t}[\"']", code)]
        assert named, f"{notebook.name}: load_table({argument}) names no table of data/processed"
        needed |= {f"data/processed/{t}.csv" for t in named}
    for loader in re.findall(r"external\.(load_\w+)\(", code):
        assert loader in EXTERNAL, f"{notebook.name} calls external.{loader}: add what it reads to EXTERNAL here"
        needed.add(EXTERNAL[loader])
    if any(call in code for call in READS_TEXTS):
        needed |= {p for p in glob.glob("data/raw/*", root_dir=ROOT)}
    if any(call in code for call in READS_EVIDENCE):
        needed |= {p for p in glob.glob("data/evidence/*.yaml", root_dir=ROOT)}
    assert sorted(needed - reads) == [], f"{notebook.name} reads more than the Makefile declares (IN.{notebook.stem})"


def test_a_notebook_without_a_declaration_stops_make(tmp_path: Path) -> None:
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "99-new.ipynb").write_text("{}", encoding="utf-8")
    result = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "inputs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "book/99-new.ipynb reads nothing declared: add IN.99-new to the Makefile" in result.stderr


def _digest(root: Path, *steps: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-I", "-S", str(DIGEST), "stamps", *steps],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def _notebook(path: Path, code: str, text: str, outputs: list[dict[str, object]] | None = None) -> None:
    cells = [
        {"cell_type": "markdown", "id": "m", "metadata": {}, "source": text},
        {
            "cell_type": "code",
            "execution_count": 1,
            "id": "c",
            "metadata": {},
            "outputs": outputs or [],
            "source": code,
        },
    ]
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")


def test_a_digest_changes_with_content_and_only_with_content(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.csv").write_text("x\n1\n", encoding="utf-8")
    (data / "b.csv").write_text("y\n", encoding="utf-8")
    _notebook(tmp_path / "nb.ipynb", "print(1)", "# Title")
    step = "nb=code:nb.ipynb data/*.csv"
    stamp = tmp_path / "stamps" / "nb.sha256"

    def digest() -> tuple[str, int]:
        result = _digest(tmp_path, step)
        assert result.returncode == 0, result.stderr
        return stamp.read_text(encoding="utf-8"), stamp.stat().st_mtime_ns

    first, written = digest()
    python = " ".join(sys.version.split())
    assert [line.split("  ", 1)[1] for line in first.splitlines()] == [
        "data/a.csv",
        "data/b.csv",
        "nb.ipynb#code",
        python,
    ]
    os.utime(data / "a.csv", (0, 0))  # an old date, same content
    _notebook(tmp_path / "nb.ipynb", "print(1)", "# Another title", [{"output_type": "stream", "text": "1"}])
    assert digest() == (first, written)  # dates, text cells and outputs are not what the step reads

    (data / "a.csv").write_text("x\n2\n", encoding="utf-8")
    os.utime(data / "a.csv", (0, 0))
    second, rewritten = digest()
    assert second != first
    assert rewritten != written
    (data / "a.csv").write_text("x\n1\n", encoding="utf-8")  # put back, with any date
    assert digest()[0] == first
    _notebook(tmp_path / "nb.ipynb", "print(2)", "# Another title")
    assert digest()[0] != first


def test_a_digest_holds_the_python_version_and_the_files_but_no_installed_package(tmp_path: Path) -> None:
    """`make lab` and `make lint` install packages; the next `make book` must find nothing to redo."""
    (tmp_path / "lock.txt").write_text("pinned\n", encoding="utf-8")
    assert _digest(tmp_path, "step=lock.txt").returncode == 0
    lines = (tmp_path / "stamps" / "step.sha256").read_text(encoding="utf-8").splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == ["lock.txt", " ".join(sys.version.split())]


def test_a_declared_input_that_matches_nothing_is_an_error_naming_the_step(tmp_path: Path) -> None:
    result = _digest(tmp_path, "figures=data/gone/*.csv")
    assert result.returncode != 0
    assert "figures: the declared input 'data/gone/*.csv' matches no file" in result.stderr


def test_the_makefile_builds_with_the_flags_the_scripts_use() -> None:
    sys.path.insert(0, str(ROOT / "_ext"))
    import build_config

    flags = re.search(r"^JB_FLAGS := (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert flags is not None
    assert tuple(flags.group(1).split()) == build_config.JB_FLAGS
