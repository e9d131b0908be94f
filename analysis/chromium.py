"""Debian's Chromium, headless and offline: one path and one set of launch flags for the PDF
edition (scripts/make_pdf.py) and the browser tests. Without the background-networking flags
Chromium keeps trying hosts this machine cannot reach."""

from __future__ import annotations

from pathlib import Path

PATH: Path = Path("/usr/bin/chromium")
HEADLESS_ARGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
