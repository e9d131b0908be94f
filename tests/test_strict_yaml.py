"""The YAML loader refuses what it cannot read exactly: aliases, duplicate keys, odd keys, size."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.core import strict_yaml

MAX = 1_000_000


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return strict_yaml.load(path, MAX)


def test_plain_yaml_reads_as_safe_load_would(tmp_path: Path) -> None:
    doc = _load(tmp_path, "a: 1\nb: [x, 'y']\nc: {d: AT&T * star}\ne:\n  - f: 2.5\n")
    assert doc == {"a": 1, "b": ["x", "y"], "c": {"d": "AT&T * star"}, "e": [{"f": 2.5}]}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: 1\nb: 2\na: 3\n", "doc.yaml:3: not valid YAML: duplicate key 'a' (first given on line 1)"),
        ("a: &x [1, 2]\nb: *x\n", "doc.yaml:1: anchors (&x) are not allowed"),
        ("a: 1\nb: *x\n", "doc.yaml:2: aliases (*x) are not allowed"),
        ("a: {x: 1}\nb:\n  <<: {y: 2}\n", "merge keys (<<) are not allowed"),
        ("1: a\n", "keys must be text, found 1"),
        ("a: [1,\n", "doc.yaml:2: not valid YAML"),
        ("a: !!python/object:os.system echo\n", "not valid YAML"),
    ],
)
def test_what_the_loader_refuses(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(strict_yaml.StrictYamlError) as err:
        _load(tmp_path, text)
    assert problem in str(err.value)
    assert "\n" not in str(err.value)


def test_a_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(strict_yaml.StrictYamlError, match=r"big\.yaml: 204 bytes, more than the 100"):
        strict_yaml.load(path, 100)


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    assert _load(tmp_path, "\ufeffa: 1\n") == {"a": 1}


def test_nested_alias_bomb_is_refused_within_a_time_and_memory_bound(tmp_path: Path) -> None:
    # Each level holds the one before it ten times: fully expanded, 10**9 strings.
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        levels.append(f"a{i}: &a{i} [{refs}]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(levels) + "\n", encoding="utf-8")
    # A child process with 1 GiB of address space and 20 s of CPU: an expanding loader dies there.
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        resource.setrlimit(resource.RLIMIT_CPU, (20, 20))
        from pathlib import Path
        from analysis.core import strict_yaml
        try:
            strict_yaml.load(Path({str(bomb)!r}), {MAX})
        except strict_yaml.StrictYamlError as err:
            print(err)
            sys.exit(3)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 3, (result.returncode, result.stderr[-500:])
    assert "anchors (&a0) are not allowed" in result.stdout
