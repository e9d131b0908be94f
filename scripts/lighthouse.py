"""`make lighthouse`: Lighthouse's scores for the landing, pay and explorer pages, as a phone sees them.

    python scripts/lighthouse.py [--runs N] [--site DIR] [--out DIR] [PAGE ...]

The built book (_build/html) is served on 127.0.0.1 the way a static host serves it: text files
(HTML, CSS, JavaScript, SVG, JSON) gzip-compressed when the browser accepts it, every file with a
ten-minute cache lifetime (GitHub Pages' settings). Lighthouse, pinned by
tools/lighthouse/package-lock.json (`npm ci` installs it; the Makefile does), audits each page
--runs times with its default settings: a mid-range phone on a slow 4G connection, simulated
(CPU slowed 4 times, 150 ms round trips, 1.6 Mbit/s), in Debian's Chromium (CHROME_PATH). It
prints one Markdown row per page: the median performance score, the other three categories, the
median metrics and what the page transfers, and writes each run's JSON report to --out.

Exits 1 when a page's median falls below the targets: performance 95, accessibility, best
practices and SEO 100. Not part of `make test`: a score moves with the machine's load (the
load average is printed with the table), and a run takes about a minute.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import build_config

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ("book/index.html", "book/02-pay.html", "book/evidence.html")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {  # audit id: (column, unit divisor, unit)
    "first-contentful-paint": ("FCP", 1000, "s"),
    "largest-contentful-paint": ("LCP", 1000, "s"),
    "total-blocking-time": ("TBT", 1, "ms"),
    "cumulative-layout-shift": ("CLS", 1, ""),
    "speed-index": ("SI", 1000, "s"),
}
COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".csv", ".map", ".inv")


class StaticHost(SimpleHTTPRequestHandler):
    """A static host's answers: gzip for text files the browser accepts it for, a cache lifetime."""

    cache: ClassVar[dict[Path, bytes]] = {}

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser drops connections
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site served compressed on 127.0.0.1 from a thread; yields its address (ending in /)."""
    server = _Server(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def audit(url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run of one page (its default, mobile settings); the JSON report."""
    flags = " ".join(a for a in build_config.CHROMIUM_ARGS if a != "--headless")
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags=--headless=new {flags}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": str(build_config.CHROMIUM)}
    subprocess.run(command, check=True, env=env)
    return dict(json.loads(report.read_text(encoding="utf-8")))


def summary(reports: list[dict[str, Any]]) -> dict[str, float]:
    """Median scores (0-100), metrics and bytes transferred of one page's runs."""
    out: dict[str, float] = {}
    for category in CATEGORIES:
        out[category] = statistics.median(round(100 * r["categories"][category]["score"]) for r in reports)
    for audit_id, (column, divisor, _) in METRICS.items():
        out[column] = statistics.median(r["audits"][audit_id]["numericValue"] / divisor for r in reports)
    out["KB"] = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] / 1024 for r in reports)
    out["elements"] = statistics.median(r["audits"]["dom-size"].get("numericValue", 0) for r in reports)
    return out


def failures(page: str, reports: list[dict[str, Any]], got: dict[str, float]) -> list[str]:
    """What falls short of the targets, with the audits that cost the points."""
    out = []
    for category, target in TARGETS.items():
        if got[category] >= target:
            continue
        lost = sorted(
            {
                ref["id"]
                for r in reports
                for ref in r["categories"][category]["auditRefs"]
                if ref["weight"]
                and (r["audits"][ref["id"]]["score"] is not None)
                and r["audits"][ref["id"]]["score"] < 1
            }
        )
        out.append(f"{page}: {category} {got[category]:.0f} < {target} ({', '.join(lost)})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", default=list(PAGES), help="pages, relative to the site's root")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "lighthouse")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit(f"no Lighthouse at {LIGHTHOUSE}: run `npm ci` in tools/lighthouse (make lighthouse does)")
    if not build_config.CHROMIUM.is_file():
        sys.exit(f"Lighthouse needs Debian's chromium at {build_config.CHROMIUM} (apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True).stdout
    load = os.getloadavg()
    rows, problems = [], []
    with serve(args.site) as origin:
        for page in args.pages:
            reports = []
            for run in range(1, args.runs + 1):
                name = page.replace("/", "-").removesuffix(".html")
                reports.append(audit(origin + page, args.out / f"{name}-{run}.json"))
            got = summary(reports)
            problems += failures(page, reports, got)
            metrics = " | ".join(
                f"{got[column]:.2f}{unit}" if unit == "s" else f"{got[column]:.{0 if unit else 3}f}{unit}"
                for column, _, unit in METRICS.values()
            )
            scores = " | ".join(f"{got[c]:.0f}" for c in CATEGORIES)
            rows.append(f"| `{page}` | {scores} | {metrics} | {got['KB']:.0f} | {got['elements']:.0f} |")
    header = " | ".join(["page", *CATEGORIES, *(c for c, _, _ in METRICS.values()), "KB sent", "elements"])
    table = "\n".join([f"| {header} |", "|---" + "|---:" * (len(header.split(" | ")) - 1) + "|", *rows])
    print(
        f"Lighthouse {version.strip()}, mobile preset, median of {args.runs} runs; load average before: "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(table)
    (args.out / "summary.md").write_text(table + "\n", encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
