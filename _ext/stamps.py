"""Input stamps: what an executed notebook read, and whether all of it is unchanged.

Beside each notebook's executed copy in the jupyter-cache, ``stamps/<notebook>.json`` records
every input of that execution with its sha256: the notebook itself, each project file the kernel
opened (data, the manifest, raw texts, evidence, `analysis` modules: the tracing kernel in
``traced_kernel.py`` observes them, nothing is listed by hand), each project folder it listed,
and the environment (Python version, installed distributions). The output is reused only when
every one of them is unchanged; anything missing, unreadable or new makes the stamp stale.

Paths are relative to the project root, so a copy of the project and its cache stays valid.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
MISSING = "missing"


def stamp_path(cache: Path, notebook: str) -> Path:
    """Where the stamp of ``notebook`` (a project-relative path) lives in the cache."""
    return cache / "stamps" / f"{notebook}.json"


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return MISSING
    except IsADirectoryError:
        return "directory"


def listing_digest(path: Path) -> str:
    try:
        names = sorted(os.listdir(path))
    except (FileNotFoundError, NotADirectoryError):
        return MISSING
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


def environment() -> str:
    """The interpreter and the installed distributions (name and version of each)."""
    site = Path(sysconfig.get_paths()["purelib"])
    dists = sorted(p.name for p in site.glob("*.dist-info"))
    text = "\n".join([sys.version, sys.executable, *dists])
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Stamp:
    notebook: str
    hashkey: str
    environment: str
    files: dict[str, str] = field(default_factory=dict)
    listings: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0  # how long the execution took (the longest run first next time)

    def to_json(self) -> str:
        return (
            json.dumps(
                {
                    "format": FORMAT,
                    "notebook": self.notebook,
                    "hashkey": self.hashkey,
                    "environment": self.environment,
                    "files": dict(sorted(self.files.items())),
                    "listings": dict(sorted(self.listings.items())),
                    "seconds": round(self.seconds, 2),
                },
                indent=1,
            )
            + "\n"
        )

    @classmethod
    def from_json(cls, text: str) -> Stamp:
        data: dict[str, Any] = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError("unknown stamp format")
        return cls(
            data["notebook"],
            data["hashkey"],
            data["environment"],
            dict(data["files"]),
            dict(data["listings"]),
            float(data.get("seconds", 0.0)),
        )


def record(root: Path, notebook: str, hashkey: str, files: set[str], listings: set[str], seconds: float = 0.0) -> Stamp:
    """Hash the inputs of an execution that has just finished."""
    return Stamp(
        notebook,
        hashkey,
        environment(),
        {rel: file_digest(root / rel) for rel in files | {notebook}},
        {rel: listing_digest(root / rel) for rel in listings},
        seconds,
    )


def load(cache: Path, notebook: str) -> Stamp | None:
    try:
        return Stamp.from_json(stamp_path(cache, notebook).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def stale_inputs(root: Path, stamp: Stamp, env: str | None = None) -> list[str]:
    """The inputs of ``stamp`` that differ now (empty: the stamped output is current)."""
    changed = []
    if stamp.environment != (env if env is not None else environment()):
        changed.append("(environment)")
    changed += [rel for rel, digest in stamp.files.items() if file_digest(root / rel) != digest]
    changed += [f"{rel}/" for rel, digest in stamp.listings.items() if listing_digest(root / rel) != digest]
    return changed


def write(cache: Path, stamp: Stamp) -> Path:
    path = stamp_path(cache, stamp.notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(stamp.to_json(), encoding="utf-8")
    partial.replace(path)
    return path


def remove(cache: Path, notebook: str) -> None:
    stamp_path(cache, notebook).unlink(missing_ok=True)


def digest(cache: Path, notebook: str) -> str | None:
    """A short fingerprint of the stamp file (None when there is none)."""
    try:
        return hashlib.sha256(stamp_path(cache, notebook).read_bytes()).hexdigest()
    except OSError:
        return None
