"""Synthetic corpora for the benchmarks and tests: source texts with valid evidence records.

``generate(root, n_sources, records_per_source)`` writes, under ``root``::

    raw/sources.csv         a manifest (sha256 of each text)
    raw/NNNNN_synthetic.txt one text per source, a sentence per record
    evidence/<id>.yaml      the records, every one valid against the schema and its source

Every kind of record is made, in a fixed rotation, with numbers that differ from source to
source (a seeded generator: the same arguments give the same files). Nothing here is committed
output: the corpora are written to temporary folders and thrown away.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import shutil
from pathlib import Path

import yaml

from analysis.core import paths, sources, vocab

ROLES = [
    ("Customer Service Representative", "frontline"),
    ("Senior Representative", "senior"),
    ("Team Lead", "team-lead"),
    ("Quality Analyst", "specialist"),
    ("Service Manager", "manager"),
    ("Director of Customer Care", "senior-management"),
]


def _record(kind: str, n: int, rng: random.Random, where: str, year: int | None) -> tuple[str, dict[str, object]]:
    """One sentence for the text and the record that quotes it."""
    role, tier = ROLES[n % len(ROLES)]
    tag = f"{where} unit {n}"
    if kind == "salary":
        low = rng.randrange(20_000, 60_000)
        high = low + rng.randrange(1_000, 30_000)
        text = f"At the {tag}, a {role} earns between ${low:,} and ${high:,} a year."
        dated = (
            {"year": year, "year_basis": "publication date", "flags": []}
            if year
            else {"year_basis": "not stated", "flags": ["undated"]}
        )
        return text, {
            "kind": "salary",
            "role": role,
            "tier": tier,
            "statistic": "range",
            "low_usd": low,
            "high_usd": high,
            "period": "year",
            **dated,
            "hedge": [],
        }
    if kind == "requirement":
        years = rng.randrange(1, 9)
        text = f"At the {tag}, a {role} needs {years} years of experience."
        return text, {
            "kind": "requirement",
            "role": role,
            "tier": tier,
            "requirement": "experience",
            "years_min": years,
            "necessity": "required",
            "hedge": [],
        }
    if kind == "condition":
        low = rng.randrange(2, 6)
        high = low + rng.randrange(1, 6)
        text = f"At the {tag}, shifts last {low}-{high} hours."
        return text, {
            "kind": "condition",
            "aspect": "shift-length",
            "value": f"{low} to {high} hours",
            "low": low,
            "high": high,
            "unit": "hours",
            "hedge": [],
        }
    if kind == "benefit":
        category = vocab.BENEFIT_CATEGORIES[n % len(vocab.BENEFIT_CATEGORIES)]
        text = f"At the {tag}, employees value the {category.replace('-', ' ')} on offer."
        return text, {"kind": "benefit", "item": category.replace("-", " "), "category": category, "hedge": []}
    if kind == "challenge":
        category = vocab.CHALLENGE_CATEGORIES[n % len(vocab.CHALLENGE_CATEGORIES)]
        text = f"At the {tag}, staff find the {category.replace('-', ' ')} hard."
        return text, {"kind": "challenge", "item": category.replace("-", " "), "category": category, "hedge": []}
    if kind == "metric":
        category = tuple(vocab.METRIC_LABELS)[n % len(vocab.METRIC_LABELS)]
        text = f"At the {tag}, agents are judged on {vocab.METRIC_LABELS[category].lower()}."
        return text, {"kind": "metric", "metric": vocab.METRIC_LABELS[category].lower(), "category": category}
    text = f"At the {tag}, the ladder includes the {role} position."
    return text, {"kind": "role", "title": role, "tier": tier}


def generate(root: Path, n_sources: int, records_per_source: int = 20, seed: int = 1) -> dict[str, Path]:
    """Write a corpus of ``n_sources`` texts with ``records_per_source`` records each; return its
    folders (``raw``, ``manifest``, ``evidence``)."""
    rng = random.Random(seed)
    raw, evidence = root / "raw", root / "evidence"
    external = root / "external"
    if not external.exists():  # the official figures the chapters set the sources against
        shutil.copytree(paths.EXTERNAL, external)
    raw.mkdir(parents=True, exist_ok=True)
    evidence.mkdir(parents=True, exist_ok=True)
    rows = []
    for s in range(n_sources):
        source_id = f"synthetic-{s:05d}"
        year = 2010 + s % 10 if s % 2 == 0 else None  # every other source is dated
        sentences, records = [f"Working at synthetic employer number {s}", ""], []
        for n in range(records_per_source):
            kind = vocab.KINDS[n % len(vocab.KINDS)]
            text, record = _record(kind, n, rng, f"site {s}", year)
            sentences.append(text)
            records.append({"id": f"{kind}-{n}", **record, "quote": text})
        body = "\n".join(sentences) + "\n"
        name = f"{s:05d}_synthetic.txt"
        (raw / name).write_text(body, encoding="utf-8")
        rows.append(
            [
                source_id,
                name,
                hashlib.sha256(body.encode("utf-8")).hexdigest(),
                f"Synthetic source {s}",
                f"Synthetic {s}",
                "",
                f"{year}-01-01" if year else "",
                "",
                "",
                "",
                "",
            ]
        )
        (evidence / f"{source_id}.yaml").write_text(
            yaml.safe_dump({"source_id": source_id, "records": records}, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
    with (raw / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(list(sources.MANIFEST_COLUMNS))
        writer.writerows(rows)
    return {
        "raw": raw,
        "manifest": raw / "sources.csv",
        "evidence": evidence,
        "external": external,
        "processed": root / "processed",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--records", type=int, default=20, help="records per source")
    args = parser.parse_args(argv)
    made = generate(args.root, args.sources, args.records)
    print(f"wrote {args.sources} sources, {args.sources * args.records} records under {made['raw'].parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
