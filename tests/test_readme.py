"""The README keeps its promises: two commands, and a reason and the locked version for every package.

Every dependency pyproject.toml declares (the report's, and the test, PDF and development extras)
has a row in the README's package table, and each version the table names is the one the lock
installs; `.ci/run` runs the README's `make test`.
"""

from __future__ import annotations

import re
import tomllib

from analysis.core import paths

README = (paths.ROOT / "README.md").read_text(encoding="utf-8")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()


def _declared() -> set[str]:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        names |= {_name(r) for r in extra}
    return names


def _locked(file: str) -> dict[str, str]:
    text = (paths.ROOT / file).read_text(encoding="utf-8")
    return {m[1].lower(): m[2] for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def _package_rows() -> list[str]:
    section = README.split("## Packages, and why each is here", 1)[1]
    return [
        line for line in section.splitlines() if line.startswith("| ") and not line.startswith(("| package", "| ---"))
    ]


def test_every_declared_package_has_a_reason_in_the_readme() -> None:
    first_cells = " ".join(row.split("|")[1].lower() for row in _package_rows())
    missing = sorted(n for n in _declared() if not re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", first_cells))
    assert missing == [], f"packages without a row in README's package table: {missing}"
    for row in _package_rows():
        assert len(row.split("|")[2].strip()) > 10, f"a package row without its reason: {row}"


def test_versions_the_readme_names_are_the_locked_ones() -> None:
    locked = _locked("requirements-dev.txt")
    wrong = []
    for row in _package_rows():
        for name, version in re.findall(
            r"([A-Za-z][\w.-]*[A-Za-z0-9]) (\d+(?:\.\d+)+(?:\.post\d+)?)", row.split("|")[1]
        ):
            pinned = locked.get(name.lower())
            if pinned is not None and not (pinned == version or pinned.startswith(version + ".")):
                wrong.append(f"{name}: README {version}, locked {pinned}")
    assert wrong == []
    assert len(re.findall(r"\d+\.\d+", " ".join(_package_rows()))) >= 15, "the table names the locked versions"


def test_the_report_and_tests_lock_every_declared_package_with_hashes() -> None:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    for extra in ("test", "pdf"):
        runtime |= {_name(r) for r in project["optional-dependencies"][extra]}
    locked = _locked("requirements.txt")
    assert sorted(n for n in runtime if n.replace("_", "-") not in locked) == []
    text = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8")
    entries = re.findall(r"^[A-Za-z0-9_.-]+==\S+(?: \\\n(?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n?)+)?", text, re.M)
    assert entries
    assert all("--hash=sha256:" in e for e in entries), "every pin carries its hash"


def test_two_commands_and_ci_runs_the_readmes_make_test() -> None:
    commands = re.search(r"```sh\n(.*?)```", README, re.S)
    assert commands is not None
    assert re.findall(r"^make (\w+)", commands[1], re.M) == ["book", "test"]
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^book:", makefile, re.M)
    assert re.search(r"^test:", makefile, re.M)
    ci = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^[A-Z_=0-9 ]*make test$", ci, re.M)
