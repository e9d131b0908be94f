"""Evidence records -> validated, tidy tables.

Records live in ``data/evidence/<source_id>.yaml`` (see the README there). :func:`validate_all`
checks every record of every file and collects one-line errors that name the file, the record and
the problem; :func:`write_tables` writes ``data/processed/*.csv`` and ``datapackage.json`` only
when there is no error at all. Run as ``python -m analysis.evidence`` (``make data``), or with
``--check`` to compare the committed tables with what the records give, without writing.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis import paths, sources

TIERS: dict[str, int] = {
    "frontline": 1,
    "senior": 2,
    "team-lead": 3,
    "specialist": 4,
    "manager": 5,
    "senior-management": 6,
    "unspecified": 0,
}
FLAGS = (
    "range-phrased-as-average",
    "missing-dollar-sign",
    "second-hand",
    "undated",
    "approximate",
    "typo-in-source",
)
NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}


@dataclass(frozen=True)
class Field:
    """One column of a processed table (and one field of an evidence record)."""

    name: str
    type: str  # "string", "integer" or "number" (Frictionless types)
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    in_quote: bool = False  # a number that must appear in the record's own quote


def _f(name: str, type_: str, description: str, **kw: Any) -> Field:
    return Field(name, type_, description, **kw)


TIER = _f("tier", "string", "Harmonised career tier (see the evidence README).",
          required=True, enum=tuple(TIERS))
KIND_FIELDS: dict[str, tuple[Field, ...]] = {
    "salary": (
        _f("role", "string", "Role as the source names it.", required=True),
        TIER,
        _f("statistic", "string", "range (low-high), average (one figure) or threshold (a floor).",
           required=True, enum=("range", "average", "threshold")),
        _f("low_usd", "number", "Lower figure (or the single figure), U.S. dollars as written.",
           required=True, in_quote=True),
        _f("high_usd", "number", "Upper figure of a range, U.S. dollars as written.", in_quote=True),
        _f("period", "string", "Pay period of the figure.", required=True, enum=("year", "hour")),
        _f("year", "integer", "Year the figure refers to; empty where the source does not say."),
        _f("year_basis", "string", "Why the figure is given that year."),
        _f("cited_from", "string", "Publisher the source quotes the figure from (second-hand)."),
    ),
    "role": (
        _f("title", "string", "Title or level as the source writes it.", required=True),
        TIER,
        _f("family", "string", "Job family of the role.", enum=(
            "customer-service", "technical-support", "sales", "collections", "training",
            "quality", "ecommerce")),
    ),
    "requirement": (
        _f("role", "string", "Role the requirement is for, as the source names it.", required=True),
        TIER,
        _f("requirement", "string", "What is asked.", required=True,
           enum=("education", "experience", "certification", "training", "skill")),
        _f("education", "string", "Education level asked.",
           enum=("none", "high-school", "certificate", "college-degree", "bachelor")),
        _f("years_min", "number", "Fewest years of experience asked.", in_quote=True),
        _f("years_max", "number", "Most years of experience asked.", in_quote=True),
        _f("field", "string", "Field of study or experience named."),
        _f("necessity", "string", "How firmly the source asks it.",
           enum=("required", "suggested", "preferred", "helpful")),
    ),
    "benefit": (
        _f("item", "string", "The benefit, in a few words.", required=True),
        _f("category", "string", "Benefit category.", required=True, enum=(
            "pay", "health", "retirement", "time-off", "education", "discounts", "advancement",
            "skills", "flexibility", "job-security", "accessibility", "recognition",
            "work-environment")),
    ),
    "challenge": (
        _f("item", "string", "The challenge, in a few words.", required=True),
        _f("category", "string", "Challenge category.", required=True, enum=(
            "turnover", "performance-pressure", "stress", "repetition", "difficult-customers",
            "health", "hours", "advancement-effort", "scripts", "misconception")),
    ),
    "metric": (
        _f("metric", "string", "Performance measure as the source names it.", required=True),
        _f("category", "string", "Metric category.", required=True, enum=(
            "handle-time", "satisfaction", "schedule-adherence", "sales", "knowledge",
            "service-quality")),
    ),
    "condition": (
        _f("aspect", "string", "Which working condition.", required=True, enum=(
            "opening-hours", "shift-length", "training-duration", "equipment", "remote-work",
            "part-time", "dress-code", "overtime", "schedule", "workplace", "channels")),
        _f("value", "string", "What the source says, in a few words.", required=True),
        _f("low", "number", "Lower number stated.", in_quote=True),
        _f("high", "number", "Upper number stated.", in_quote=True),
        _f("unit", "string", "Unit of low and high.", enum=("hours", "days", "weeks")),
        _f("hours_per_day", "number", "Hours a day the center is open, where stated.", in_quote=True),
        _f("days_per_week", "number", "Days a week the center is open, where stated.", in_quote=True),
    ),
}
TABLES: dict[str, str] = {
    "salary": "salaries",
    "role": "roles",
    "requirement": "requirements",
    "benefit": "benefits",
    "challenge": "challenges",
    "metric": "metrics",
    "condition": "conditions",
}
COMMON_HEAD = (
    _f("source_id", "string", "Source (BibTeX key; see data/raw/sources.csv).", required=True),
    _f("record_id", "string", "Record id, unique within its source's evidence file.", required=True),
)
TIER_LEVEL = _f("tier_level", "integer", "Rung of the harmonised ladder (1 = front line; 0 = unspecified).")
COMMON_TAIL = (
    _f("flags", "string", "Semicolon-separated marks on the wording (see the evidence README)."),
    _f("note", "string", "Curator's note for a reader."),
    _f("quote", "string", "Verbatim quote from the source that carries the claim.", required=True),
)
RECORD_KEYS = {"id", "kind", "quote", "flags", "note"}


class EvidenceError(ValueError):
    """One or more evidence records are invalid; the message lists them, one per line."""


@dataclass(frozen=True)
class Record:
    """A validated evidence record."""

    source_id: str
    record_id: str
    kind: str
    values: dict[str, Any]
    flags: tuple[str, ...]
    note: str
    quote: str


@dataclass(frozen=True)
class Exclusion:
    """A figure found in a source that the report deliberately does not use."""

    source_id: str
    figure: str
    reason: str
    quote: str


@dataclass
class Evidence:
    """Everything read from the evidence files, with the problems found."""

    records: list[Record] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def table_fields(kind: str) -> tuple[Field, ...]:
    """The columns of the processed table for a record kind, in order."""
    own = KIND_FIELDS[kind]
    level = (TIER_LEVEL,) if any(f.name == "tier" for f in own) else ()
    return COMMON_HEAD + own + level + COMMON_TAIL


_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|K|million)?(?![\w])")


def numbers_in(text: str) -> set[float]:
    """Every number a text states: digits (with or without separators) and number words."""
    found: set[float] = set()
    for match in _NUMBER.finditer(text):
        value = float(match.group(1).replace(",", "") + ("." + match.group(2) if match.group(2) else ""))
        found.add(value)
        if match.group(3):
            found.add(value * (1_000 if match.group(3) in "kK" else 1_000_000))
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in NUMBER_WORDS:
            found.add(float(NUMBER_WORDS[word.lower()]))
    return found


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_record(raw: Any, index: int, where: str, source: sources.Source | None,
                  seen: dict[str, int], signatures: dict[tuple[Any, ...], str]) -> tuple[Record | None, list[str]]:
    """Validate one raw record; returns the record (or None) and its problems."""
    if not isinstance(raw, dict):
        return None, [f"{where}: record #{index}: not a mapping"]
    rid = raw.get("id")
    label = f"{where}: record {rid!r} (#{index})" if rid else f"{where}: record #{index}"
    errs: list[str] = []

    def bad(problem: str) -> None:
        errs.append(f"{label}: {problem}")

    if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", rid):
        bad("id must be a lower-case slug")
    elif rid in seen:
        bad(f"duplicate id (also record #{seen[rid]})")
    else:
        seen[rid] = index
    kind = raw.get("kind")
    if kind not in KIND_FIELDS:
        bad(f"unknown kind {kind!r} (allowed: {', '.join(KIND_FIELDS)})")
        return None, errs
    specs = {f.name: f for f in KIND_FIELDS[kind]}
    for key in sorted(set(raw) - RECORD_KEYS - set(specs)):
        bad(f"unknown field {key!r} for kind {kind!r}")
    quote = raw.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        bad("quote is missing or empty")
        quote = ""
    elif source is not None and sources.find_quote(source.text, quote) is None:
        bad(f"quote not found verbatim in {source.meta.file}: {sources.normalise_space(quote)[:60]!r}")
    flags = raw.get("flags") or []
    if not isinstance(flags, list) or any(f not in FLAGS for f in flags):
        bad(f"flags must be a list from: {', '.join(FLAGS)} (got {flags!r})")
        flags = []
    note = raw.get("note") or ""
    quoted = numbers_in(quote)
    values: dict[str, Any] = {}
    for spec in specs.values():
        value = raw.get(spec.name)
        if value is None or value == "":
            if spec.required:
                bad(f"{spec.name} is required")
            continue
        if spec.type in ("number", "integer"):
            if not _is_number(value) or (spec.type == "integer" and not isinstance(value, int)):
                bad(f"{spec.name} must be {'an integer' if spec.type == 'integer' else 'a number'} (got {value!r})")
                continue
            if value < 0:
                bad(f"{spec.name} must not be negative (got {value})")
                continue
            if spec.in_quote and float(value) not in quoted:
                bad(f"{spec.name} {value} does not appear in the quote")
        elif not isinstance(value, str):
            bad(f"{spec.name} must be text (got {value!r})")
            continue
        elif spec.enum and value not in spec.enum:
            bad(f"{spec.name} {value!r} is not in the vocabulary ({', '.join(spec.enum)})")
        values[spec.name] = value
    for low, high in (("low_usd", "high_usd"), ("years_min", "years_max"), ("low", "high")):
        if _is_number(values.get(low)) and _is_number(values.get(high)) and values[low] > values[high]:
            bad(f"{low} {values[low]} is greater than {high} {values[high]}")
    if kind == "salary" and values.get("statistic") == "range" and "high_usd" not in values:
        bad("a range needs high_usd")
    if kind == "salary" and values.get("year_basis") == "publication date" and source is not None:
        published = source.meta.published[:4]
        if str(values.get("year")) != published:
            bad(f"year {values.get('year')} is not the publication year ({published or 'undated'})")
    if errs:
        return None, errs
    signature = (kind, tuple(sorted(values.items())), sources.normalise_space(quote))
    if signature in signatures:
        return None, [f"{label}: duplicate of record {signatures[signature]!r}"]
    signatures[signature] = str(rid)
    return Record(source.source_id if source else "", str(rid), kind, values,
                  tuple(flags), str(note), sources.normalise_space(quote)), []


def read_file(path: Path, corpus: dict[str, sources.Source]) -> Evidence:
    """Read and check one evidence file against the sources."""
    out = Evidence()
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        out.errors.append(f"{path}: not valid YAML: {' '.join(str(err).split())}")
        return out
    if not isinstance(doc, dict) or not isinstance(doc.get("records"), list):
        out.errors.append(f"{path}: must be a mapping with source_id and a list of records")
        return out
    source_id = doc.get("source_id")
    source = corpus.get(source_id) if isinstance(source_id, str) else None
    if source is None:
        out.errors.append(f"{path}: unknown source_id {source_id!r} (not in {paths.MANIFEST.name})")
    elif path.stem != source_id:
        out.errors.append(f"{path}: file name must be {source_id}.yaml")
    seen: dict[str, int] = {}
    signatures: dict[tuple[Any, ...], str] = {}
    for index, raw in enumerate(doc["records"], start=1):
        record, errs = _check_record(raw, index, str(path), source, seen, signatures)
        out.errors.extend(errs)
        if record is not None and source is not None:
            out.records.append(record)
    for index, raw in enumerate(doc.get("exclusions") or [], start=1):
        where = f"{path}: exclusion #{index}"
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw.get(k)
                                                for k in ("figure", "reason", "quote")):
            out.errors.append(f"{where}: needs figure, reason and quote")
            continue
        if raw["figure"] not in raw["quote"]:
            out.errors.append(f"{where}: figure {raw['figure']!r} is not in its quote")
        elif source is not None and sources.find_quote(source.text, raw["quote"]) is None:
            out.errors.append(f"{where}: quote not found verbatim in {source.meta.file}")
        elif source is not None:
            out.exclusions.append(Exclusion(source.source_id, raw["figure"], raw["reason"], raw["quote"]))
    return out


def validate_all(evidence_dir: Path = paths.EVIDENCE,
                 corpus: dict[str, sources.Source] | None = None) -> Evidence:
    """Read every ``*.yaml`` evidence file, in manifest order; collect records and errors."""
    corpus = sources.load_all() if corpus is None else corpus
    order = {sid: i for i, sid in enumerate(corpus)}
    files = sorted(evidence_dir.glob("*.yaml"), key=lambda p: (order.get(p.stem, len(order)), p.name))
    total = Evidence()
    for path in files:
        part = read_file(path, corpus)
        total.records += part.records
        total.exclusions += part.exclusions
        total.errors += part.errors
    return total


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render_tables(records: list[Record]) -> dict[str, str]:
    """CSV text of every processed table, keyed by file name (deterministic)."""
    out: dict[str, str] = {}
    for kind, table in TABLES.items():
        columns = table_fields(kind)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        for rec in (r for r in records if r.kind == kind):
            row = {"source_id": rec.source_id, "record_id": rec.record_id, **rec.values,
                   "flags": ";".join(rec.flags), "note": rec.note, "quote": rec.quote}
            if "tier" in rec.values:
                row["tier_level"] = TIERS[rec.values["tier"]]
            writer.writerow([_cell(row.get(c.name)) for c in columns])
        out[f"{table}.csv"] = buffer.getvalue()
    out["datapackage.json"] = json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
    return out


def datapackage() -> dict[str, Any]:
    """The Frictionless data package descriptor: the data dictionary of every processed table."""
    resources = []
    for kind, table in TABLES.items():
        fields = []
        for col in table_fields(kind):
            entry: dict[str, Any] = {"name": col.name, "type": col.type, "description": col.description}
            constraints: dict[str, Any] = {}
            if col.required:
                constraints["required"] = True
            if col.enum:
                constraints["enum"] = list(col.enum)
            if col.type in ("number", "integer") and col.name != "tier_level":
                constraints["minimum"] = 0
            if constraints:
                entry["constraints"] = constraints
            fields.append(entry)
        resources.append({
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource",
            "format": "csv", "encoding": "utf-8",
            "description": f"One row per '{kind}' evidence record.",
            "schema": {"fields": fields, "primaryKey": ["source_id", "record_id"]},
        })
    return {"name": "call-center-careers", "title": "Call Center Careers: evidence tables",
            "profile": "tabular-data-package", "resources": resources}


def build(evidence_dir: Path = paths.EVIDENCE) -> dict[str, str]:
    """Validate everything and render the tables; raise EvidenceError listing every problem."""
    evidence = validate_all(evidence_dir)
    if evidence.errors:
        raise EvidenceError("\n".join(evidence.errors))
    return render_tables(evidence.records)


def write_tables(tables: dict[str, str], out_dir: Path = paths.PROCESSED) -> None:
    """Write the rendered tables (only called once every record is valid)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (out_dir / name).write_text(text, encoding="utf-8", newline="")


def drift(tables: dict[str, str], out_dir: Path = paths.PROCESSED) -> list[str]:
    """Names of processed files whose committed content differs from ``tables``."""
    return [name for name, text in tables.items()
            if not (out_dir / name).exists() or (out_dir / name).read_text(encoding="utf-8") != text]


def load_table(name: str, processed: Path = paths.PROCESSED) -> pd.DataFrame:
    """A processed table as a DataFrame: text columns as strings, numbers as numbers."""
    kind = next(k for k, t in TABLES.items() if t == name)
    dtypes = {c.name: ("Int64" if c.type == "integer" else "Float64" if c.type == "number" else "string")
              for c in table_fields(kind)}
    frame = pd.read_csv(processed / f"{name}.csv", dtype=dtypes, keep_default_na=False,
                        na_values={c: [""] for c, t in dtypes.items() if t != "string"})
    return frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evidence", description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="compare data/processed with the records instead of writing")
    parser.add_argument("--evidence", type=Path, default=paths.EVIDENCE, help="evidence folder")
    parser.add_argument("--out", type=Path, default=paths.PROCESSED, help="processed folder")
    args = parser.parse_args(argv)
    try:
        tables = build(args.evidence)
    except (EvidenceError, sources.SourceError) as err:
        print(err, file=sys.stderr)
        return 1
    if args.check:
        stale = drift(tables, args.out)
        for name in stale:
            print(f"{args.out / name}: differs from what the evidence records give "
                  "(run `make data`)", file=sys.stderr)
        return 1 if stale else 0
    write_tables(tables, args.out)
    print(f"wrote {len(tables)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def counts_by_kind(records: list[Record], sources_order: list[str]) -> pd.DataFrame:
    """Records per source (rows) and kind (columns), with totals: what the evidence base holds."""
    frame = pd.DataFrame([(r.source_id, r.kind) for r in records], columns=["source_id", "kind"])
    table = pd.crosstab(frame["source_id"], frame["kind"]).reindex(
        index=sources_order, columns=list(KIND_FIELDS), fill_value=0)
    table["all kinds"] = table.sum(axis=1)
    table.index.name = "source_id"
    table.columns.name = None
    return table.reset_index()
