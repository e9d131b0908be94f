"""Every path the project uses, anchored on this file (never on the working directory).

``CALL_CENTER_CAREERS_DATA``, when set, names another data folder laid out like ``data/`` (raw,
evidence, processed, external): the whole analysis then reads that evidence base instead, which is
how ``make bench-scale`` runs the chapters on synthetic corpora. Nothing else reads the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[2]
DATA: Path = (
    Path(os.environ["CALL_CENTER_CAREERS_DATA"]).resolve()
    if os.environ.get("CALL_CENTER_CAREERS_DATA")
    else ROOT / "data"
)
RAW: Path = DATA / "raw"
MANIFEST: Path = RAW / "sources.csv"
EVIDENCE: Path = DATA / "evidence"
PROCESSED: Path = DATA / "processed"
EXTERNAL: Path = DATA / "external"
BOOK: Path = ROOT / "book"
BIBLIOGRAPHY: Path = BOOK / "references.bib"
# Generated downloads the book links (CSV, XLSX, figure pack); written by code, not committed.
DOWNLOADS: Path = BOOK / "downloads"
BUILD: Path = ROOT / "_build"
#: The figure pack's files, and for each figure what the book places with it (``<name>.page.json``).
FIGURES: Path = BUILD / "figures"
#: Where the executed notebooks are kept, relative to a project root (a scratch copy's too), and here.
NOTEBOOK_CACHE_DIR: Path = Path("_build") / ".jupyter_cache"
NOTEBOOK_CACHE: Path = ROOT / NOTEBOOK_CACHE_DIR
#: The report's own citation metadata: title, version, release date, published address.
CITATION: Path = ROOT / "CITATION.cff"
