"""The shape of the code: every import visible at the top of its module, modules small enough to
read in one sitting. (The layers and the absence of import cycles are `make lint`'s import-linter
contracts, in pyproject.toml.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis.core import paths

CODE = sorted(p for folder in ("analysis", "_ext", "scripts") for p in (paths.ROOT / folder).rglob("*.py"))
#: The most lines a module of the package may have.
MAX_LINES = 620


def hidden_imports(source: str) -> list[int]:
    """The lines of imports inside a function that carry no comment saying why (on the import's
    line or the line above it)."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                here, above = lines[inner.lineno - 1], lines[inner.lineno - 2] if inner.lineno > 1 else ""
                if "#" not in here and not above.strip().startswith("#"):
                    found.append(inner.lineno)
    return found


def test_the_check_finds_an_uncommented_import_in_a_function_and_accepts_a_commented_one() -> None:
    assert hidden_imports("def f():\n    import json\n    return json\n") == [2]
    assert hidden_imports("def f():\n    # Only here: importing it costs a second.\n    import json\n") == []
    assert hidden_imports("import json\n\ndef f():\n    return json\n") == []


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(paths.ROOT)))
def test_no_import_hides_inside_a_function_without_saying_why(path: Path) -> None:
    assert hidden_imports(path.read_text(encoding="utf-8")) == [], f"{path}: move these imports to the top"


def test_every_module_of_the_package_reads_in_one_sitting() -> None:
    long = {
        str(p.relative_to(paths.ROOT)): n
        for p in (paths.ROOT / "analysis").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these modules (more than {MAX_LINES} lines)"
