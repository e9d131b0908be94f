"""Evidence records -> validated, tidy tables.

Records live in ``data/evidence/<source_id>.yaml`` (see the README there), one file for every
source of the manifest. :func:`validate_all` reads every file strictly (:mod:`analysis.core.strict_yaml`),
validates every record against its schema (:mod:`analysis.core.schema`) and then checks what needs the
source's text: the quote is in the source, each structured number is the figure of the quote at the
position its field names, every number the record's own words write (its note, item, role, ...) is a
number of its quote or is listed with why in ``unquoted_numbers``, no record repeats another. Every
problem is a one-line error naming the
file, the record and what is wrong. :func:`write_tables` writes ``data/processed/*.csv`` and
``datapackage.json`` only when there is no error at all.

Run as ``python -m analysis.tools.make_data`` (``make data``), or with ``--check`` to compare the
committed tables with what the records give, without writing.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from analysis.core import inflation, inputs, paths, schema, sources, strict_yaml, vocab
from analysis.core.numbers import Figure, find_figures

#: Tables, by record kind (re-exported from the schema).
TABLES: dict[str, str] = schema.TABLES
#: Files in the evidence folder that are not evidence files.
NOT_EVIDENCE: frozenset[str] = frozenset({"README.md", schema.SCHEMA_FILE.name})
#: Units of figures that can carry each kind's numbers.
_FIGURE_UNITS: dict[tuple[str, str], frozenset[str]] = {
    ("salary", "low_usd"): frozenset({"usd", "usd/hour"}),
    ("requirement", "years_min"): frozenset({"year"}),
    ("condition", "hours_per_day"): frozenset({"24/7"}),
}
_CONDITION_UNITS = {"hours": "hour", "days": "day", "weeks": "week"}
#: Units a salary's figure may have when the record says the currency comes from the text's
#: context (flag ``currency-from-context``): an amount written with no currency at all.
_NO_CURRENCY_UNITS = frozenset({"money", "money/hour"})
#: Fields that are not the record's own words: the quote itself, the id, the curation marks.
_NOT_OWN_WORDS = frozenset({"id", "kind", "quote", "status", "unquoted_numbers"})
#: A number written in digits ("4", "33,661", "14.71", the "10" of "4-10"), not part of a word
#: or a name ("Level2", "UTF-8", "COVID-19").
_DIGITS = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)\d+(?:,\d{3})*(?:\.\d+)?(?:(?![\w])|(?=[kK]\b))")


class EvidenceError(inputs.InputError):
    """One or more evidence records are invalid; the message lists them, one per line."""


@dataclass(frozen=True)
class Record:
    """A validated evidence record: its kind's fields in ``values`` (unset ones left out)."""

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


def _problem(error: Any, raw: dict[str, Any], kind: str | None) -> str:
    """One pydantic error as a short sentence that names the field."""
    loc = [str(part) for part in error["loc"]]
    if loc and loc[0] in vocab.KINDS:  # the model the discriminator chose
        loc = loc[1:]
    name = loc[0] if loc else ""
    value = error.get("input")
    kind_of = error["type"]
    if name == "year" and kind_of in ("greater_than_equal", "less_than_equal"):
        return (
            f"year {inputs.shown(value)} is outside the CPI-U series the report adjusts with "
            f"({inflation.FIRST_YEAR}–{inflation.BASE_YEAR})"
        )
    if kind_of == "union_tag_invalid":
        return f"unknown kind {inputs.shown(raw.get('kind'))} (allowed: {', '.join(vocab.KINDS)})"
    if kind_of == "union_tag_not_found":
        return "kind is required"
    if kind_of == "model_attributes_type":
        return "not a mapping"
    if kind_of == "missing":
        return f"{name} is required"
    if kind_of == "extra_forbidden":
        return f"unknown field {inputs.shown(name)} for kind {kind!r}"
    if name == "flags":
        return f"flags must be a list from: {', '.join(vocab.FLAGS)} (got {inputs.shown(raw.get('flags'))})"
    if kind_of == "literal_error":
        return f"{name} {inputs.shown(value)} is not in the vocabulary ({', '.join(schema.allowed_values(kind, name))})"
    if kind_of in ("float_type", "float_parsing"):
        if isinstance(value, int) and not isinstance(value, bool):  # an integer past float's range
            return f"{name} is too large to be an amount (got {inputs.shown(value)})"
        return f"{name} must be a number (got {inputs.shown(value)})"
    if kind_of == "finite_number":
        return f"{name} must be a finite number (got {inputs.shown(value)})"
    if kind_of in ("int_type", "int_parsing", "int_from_float"):
        return f"{name} must be an integer (got {inputs.shown(value)})"
    if kind_of == "greater_than_equal":
        limit = error["ctx"]["ge"]
        return (
            f"{name} must not be negative (got {inputs.shown(value)})"
            if limit == 0
            else f"{name} must be at least {limit:g} (got {inputs.shown(value)})"
        )
    if kind_of == "less_than_equal":
        limit = error["ctx"]["le"]
        return (
            f"{name} must be at most {int(limit) if float(limit).is_integer() else limit:,} (got {inputs.shown(value)})"
        )
    if kind_of == "string_type":
        return f"{name} must be text (got {inputs.shown(value)})"
    if kind_of == "string_too_long":
        return f"{name} has {len(str(value))} characters, more than {error['ctx']['max_length']}"
    if kind_of == "string_too_short":
        if name == "quote" and not str(value).strip():
            return "quote is missing or empty"
        if not str(value):
            return f"{name} must not be empty"
        return (
            f"{name} is too short ({len(str(value))} characters; a quote must have at least "
            f"{schema.MIN_QUOTE_CHARS} to stand on its own)"
        )
    if kind_of == "string_pattern_mismatch" and name == "unquoted_numbers":
        return f"each entry of unquoted_numbers is 'NUMBER: why', such as '6: the difference' (got {value!r})"
    if kind_of == "string_pattern_mismatch":
        return f"{name} must be a lower-case slug (got {inputs.shown(value)})"
    if kind_of == "value_error":
        return str(error["ctx"]["error"])
    if kind_of == "list_type":
        return f"{name} must be a list (got {type(value).__name__})"
    return f"{'.'.join(loc) or 'record'}: {inputs.shown(error['msg'], 200)}"


def _problems(err: ValidationError, raw: Any) -> list[str]:
    raw = raw if isinstance(raw, dict) else {}
    kind = raw.get("kind") if raw.get("kind") in vocab.KINDS else None
    return list(dict.fromkeys(_problem(e, raw, kind) for e in err.errors()))


def _fits(figure: Figure, units: frozenset[str], no_currency: bool) -> bool:
    """Whether a figure has one of ``units``, or, for a record whose currency comes from the text's
    context, is an amount written with no currency."""
    return figure.unit in units or (no_currency and figure.unit in _NO_CURRENCY_UNITS and figure.currency is None)


def figure_problems(kind: str, values: Mapping[str, Any], quote: str) -> list[str]:
    """Each structured number must be a figure of the quote, at the position its field names: the
    low figure of a range is the first value of one figure in the quote, the high the second, and
    the figure's unit must be the field's (dollars for a salary, years for experience, ...). A low and
    a high that are equal match one single figure: a plain number ("five years"), as against a floor
    (the low alone, "at least seven years")."""
    groups = schema.FIGURE_FIELDS.get(kind, ())
    if not groups:
        return []

    figures = find_figures(quote)
    problems = []
    for names in groups:
        stated = [(n, values[n]) for n in names if values.get(n) is not None]
        if not stated:
            continue
        wanted = tuple(float(v) for _, v in stated)
        if len(wanted) == 2 and wanted[0] == wanted[1]:
            wanted = wanted[:1]
        units = _FIGURE_UNITS.get((kind, names[0]))
        if units is None:  # a condition's low/high: the record's own unit
            units = frozenset({_CONDITION_UNITS.get(str(values.get("unit")), "")})
        no_currency = kind == "salary" and "currency-from-context" in (values.get("flags") or [])
        matching = [f for f in figures if f.values == wanted and _fits(f, units, no_currency)]
        if matching:
            period = values.get("period")
            stated_period = matching[0].period
            if kind == "salary" and stated_period is not None and period is not None and stated_period != period:
                problems.append(
                    f"period {period!r}, but the quote states the figure {matching[0].text!r} by the {stated_period}"
                )
            continue
        said = "; ".join(f"{inputs.shown(f.text)} = {', '.join(f'{v:g}' for v in f.values)}" for f in figures) or "none"
        fields = ", ".join(f"{n} {v:g}" for n, v in stated)
        problems.append(
            f"{fields}: not a figure of the quote at the position the field names (the quote states: {said})"
        )
    return problems


def _numbers_of(text: str) -> list[tuple[str, float]]:
    """The numbers a text writes in digits (as written, and as a value), and those of its figures
    written in words ("ten hours")."""
    found = [(m.group(), float(m.group().replace(",", ""))) for m in _DIGITS.finditer(text)]
    digits = {value for _, value in found}
    for figure in find_figures(text):
        found += [(figure.text, v) for v in figure.values if v not in digits and not re.search(r"\d", figure.text)]
    return found


def free_text_problems(model: Any, quote: str) -> list[str]:
    """Every number that a record's own words write (its note, item, value, role, title, field, ...)
    must be a number of its quote (digits, or a figure's value: "45k", "seven years"), or be listed
    in ``unquoted_numbers`` with why ("33,661: the top of record salary-csr-1's range"); and every
    number listed there must be one the record's words write."""
    in_quote = {value for _, value in _numbers_of(quote)}
    in_quote |= {v for f in find_figures(quote) for v in f.values}
    listed: dict[float, str] = {}
    for entry in model.unquoted_numbers:
        number = entry.split(":", 1)[0]
        listed[float(number.replace(",", ""))] = number
    problems = []
    written: set[float] = set()
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in _NOT_OWN_WORDS or not isinstance(value, str):
            continue
        for text, number in _numbers_of(value):
            written.add(number)
            if number not in in_quote and number not in listed:
                problems.append(
                    f"{name} writes {text}, which is not a number of the quote: correct it, or list it in "
                    f"unquoted_numbers as '{text}: why'"
                )
    for number, text in listed.items():
        if number not in written:
            problems.append(f"unquoted_numbers lists {text}, which none of the record's own words write")
    return list(dict.fromkeys(problems))


@dataclass
class _Seen:
    """What earlier records of a file used: ids, and quotes by (kind, values)."""

    ids: dict[str, int] = field(default_factory=dict)
    quotes: dict[tuple[Any, ...], list[tuple[str, str]]] = field(default_factory=dict)


def _check_record(
    raw: Any, index: int, where: str, source: sources.Source | None, seen: _Seen
) -> tuple[Record | None, list[str]]:
    """Validate one raw record; returns the record (or None) and its problems."""
    rid = raw.get("id") if isinstance(raw, dict) else None
    label = (
        f"{where}: record {inputs.shown(rid, 110)} (#{index})"
        if isinstance(rid, str) and rid
        else f"{where}: record #{index}"
    )
    problems: list[str] = []
    if isinstance(rid, str) and rid in seen.ids:
        problems.append(f"duplicate id (also record #{seen.ids[rid]})")
    elif isinstance(rid, str):
        seen.ids[rid] = index
    if isinstance(raw, dict):  # a key written with no value (`key:`) is a field left unset
        raw = {k: v for k, v in raw.items() if v is not None}
    try:
        model = schema.RECORD.validate_python(raw)
    except ValidationError as err:
        return None, [f"{label}: {p}" for p in [*problems, *_problems(err, raw)]]
    kind = model.kind
    quote = sources.normalise_space(model.quote)
    if model.status == "draft":
        problems.append("is a draft (status: draft): check it against the source, then delete the status line")
    if source is not None:
        if sources.find_quote(source.text, model.quote) is None:
            problems.append(f"quote not found verbatim in {source.meta.file}: {quote[:60]!r}")
        if isinstance(model, schema.Salary) and model.year_basis == "publication date":
            published = source.meta.published[:4]
            if str(model.year) != published:
                problems.append(f"year {model.year} is not the publication year ({published or 'undated'})")
    problems += figure_problems(kind, model.model_dump(), model.quote)
    problems += free_text_problems(model, model.quote)
    values = model.model_dump(
        exclude={"id", "kind", "quote", "flags", "note", "status", "unquoted_numbers"}, exclude_none=True
    )
    signature = (kind, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items())))
    for other_quote, other_id in seen.quotes.get(signature, []):
        if other_quote == quote:
            problems.append(f"duplicate of record {other_id!r}")
        elif other_quote in quote or quote in other_quote:
            problems.append(f"near-duplicate of record {other_id!r} (same kind and values, one quote inside the other)")
    if problems:
        return None, [f"{label}: {p}" for p in problems]
    seen.quotes.setdefault(signature, []).append((quote, str(rid)))
    return Record(source.source_id if source else "", model.id, kind, values, tuple(model.flags), model.note, quote), []


def record_problems(raw: Any, source: sources.Source | None, where: str = "record") -> list[str]:
    """The problems of one record on its own (nothing to compare it with), as one-line errors."""
    return _check_record(raw, 1, where, source, _Seen())[1]


def _check_exclusion(
    raw: Any, index: int, where: str, source: sources.Source | None
) -> tuple[Exclusion | None, list[str]]:
    label = f"{where}: exclusion #{index}"
    try:
        item = schema.Exclusion.model_validate(raw)
    except ValidationError as err:
        return None, [f"{label}: {p}" for p in _problems(err, raw)]
    if item.figure not in item.quote:
        return None, [f"{label}: figure {inputs.shown(item.figure)} is not in its quote"]
    if source is not None and sources.find_quote(source.text, item.quote) is None:
        return None, [f"{label}: quote not found verbatim in {source.meta.file}"]
    return Exclusion(source.source_id if source else "", item.figure, item.reason, item.quote), []


def read_file(path: Path, corpus: dict[str, sources.Source]) -> Evidence:
    """Read and check one evidence file against the sources."""
    out = Evidence()
    try:
        doc = strict_yaml.load(path, schema.MAX_FILE_BYTES)
    except strict_yaml.StrictYamlError as err:
        out.errors.append(str(err))
        return out
    if not isinstance(doc, dict):
        out.errors.append(f"{path}: must be a mapping with source_id and records (found {type(doc).__name__})")
        return out
    for key in doc:
        if key not in schema.TOP_LEVEL_KEYS:
            out.errors.append(
                f"{path}: unknown top-level key {inputs.shown(key)} (allowed: {', '.join(schema.TOP_LEVEL_KEYS)})"
            )
    records, exclusions = doc.get("records", []), doc.get("exclusions", [])
    for name, value in (("records", records), ("exclusions", exclusions)):
        if not isinstance(value, list):
            out.errors.append(f"{path}: {name} must be a list (found {type(value).__name__})")
    records = records if isinstance(records, list) else []
    exclusions = exclusions if isinstance(exclusions, list) else []
    no_claims = doc.get("no_claims")
    if not records and not (isinstance(no_claims, str) and no_claims.strip()):
        out.errors.append(f"{path}: no records: record the source's claims, or say why it has none in no_claims")
    if records and no_claims is not None:
        out.errors.append(f"{path}: no_claims is given but the file has records")
    source_id = doc.get("source_id")
    source = corpus.get(source_id) if isinstance(source_id, str) else None
    if source is None:
        out.errors.append(f"{path}: unknown source_id {inputs.shown(source_id)} (not in {paths.MANIFEST.name})")
    elif path.name != f"{source_id}.yaml":
        out.errors.append(f"{path}: file name must be {source_id}.yaml")
    seen = _Seen()
    for index, raw in enumerate(records, start=1):
        record, errs = _check_record(raw, index, str(path), source, seen)
        out.errors.extend(errs)
        if record is not None and source is not None:
            out.records.append(record)
    for index, raw in enumerate(exclusions, start=1):
        exclusion, errs = _check_exclusion(raw, index, str(path), source)
        out.errors.extend(errs)
        if exclusion is not None and source is not None:
            out.exclusions.append(exclusion)
    return out


def _folder_problems(evidence_dir: Path, corpus: dict[str, sources.Source]) -> list[str]:
    """Every source has its evidence file, and every file in the folder is a source's."""
    if not evidence_dir.is_dir():
        return [f"{evidence_dir}: the evidence folder is missing"]
    problems = []
    try:
        names = {p.name for p in evidence_dir.iterdir()}
    except OSError as err:
        return [f"{evidence_dir}: the evidence folder cannot be read: {err.strerror}"]
    for source_id in corpus:
        if f"{source_id}.yaml" not in names:
            problems.append(
                f"{evidence_dir / (source_id + '.yaml')}: missing: every source of the manifest "
                "needs its evidence file (records, or a no_claims reason)"
            )
    expected = {f"{s}.yaml" for s in corpus} | NOT_EVIDENCE
    for name in sorted(names - expected):
        stem = name.split(".")[0]
        if name.endswith(".draft.yaml"):
            why = f"a drafted file: review every record, delete its status lines and rename it {stem}.yaml"
        elif stem in corpus and name != f"{stem}.yaml":
            why = f"evidence files are named {stem}.yaml"
        else:
            why = f"not the evidence file of a source in {paths.MANIFEST.name}"
        problems.append(f"{inputs.printable(evidence_dir / name)}: {why}")
    return problems


def validate_all(evidence_dir: Path = paths.EVIDENCE, corpus: dict[str, sources.Source] | None = None) -> Evidence:
    """Read every source's evidence file, in manifest order; collect records and errors."""
    corpus = sources.load_all() if corpus is None else corpus
    total = Evidence(errors=_folder_problems(evidence_dir, corpus))
    for source_id in corpus:
        path = evidence_dir / f"{source_id}.yaml"
        if not (path.exists() or path.is_symlink()):
            continue  # reported missing by _folder_problems
        part = read_file(path, corpus)  # a folder, a device or a broken link is refused there
        total.records += part.records
        total.exclusions += part.exclusions
        total.errors += part.errors
    return total


def table_fields(kind: str) -> tuple[schema.Column, ...]:
    """The columns of the processed table for a record kind, in order."""
    return schema.table_fields(kind)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
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
            row = {
                "source_id": rec.source_id,
                "record_id": rec.record_id,
                **rec.values,
                "flags": ";".join(rec.flags),
                "note": rec.note,
                "quote": rec.quote,
            }
            if "tier" in rec.values:
                row["tier_level"] = vocab.TIER_LEVELS[rec.values["tier"]]
            writer.writerow([_cell(row.get(c.name)) for c in columns])
        out[f"{table}.csv"] = buffer.getvalue()
    out["datapackage.json"] = json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
    return out


def datapackage() -> dict[str, Any]:
    """The Frictionless data package descriptor: the data dictionary of every processed table."""
    return schema.datapackage()


def build(evidence_dir: Path = paths.EVIDENCE, corpus: dict[str, sources.Source] | None = None) -> dict[str, str]:
    """Validate everything and render the tables; raise EvidenceError listing every problem."""
    evidence = validate_all(evidence_dir, corpus)
    if evidence.errors:
        raise EvidenceError("\n".join(evidence.errors))
    return render_tables(evidence.records)


def write_tables(tables: dict[str, str], out_dir: Path = paths.PROCESSED) -> None:
    """Write the rendered tables (only called once every record is valid): every file is written
    beside its target first and then moved into place, so a failure leaves the old tables whole.
    A folder that cannot be written is :class:`analysis.core.inputs.OutputError`."""
    staged = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, text in tables.items():
            partial = out_dir / f".{name}.partial"
            staged.append((partial, out_dir / name))
            partial.write_text(text, encoding="utf-8", newline="")
        for partial, target in staged:
            os.replace(partial, target)
    except OSError as err:
        raise inputs.OutputError(f"{out_dir}: cannot write the tables: {err.strerror}") from None
    finally:
        for partial, _target in staged:
            # A folder that refused the file refuses its removal too: then there is nothing to remove.
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)


def _current(path: Path) -> str | None:
    """A processed file's text as committed; None where there is no readable file."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def drift(tables: dict[str, str], out_dir: Path = paths.PROCESSED) -> list[str]:
    """Names of processed files whose committed content differs from ``tables`` (or is missing or
    unreadable)."""
    return [name for name, text in tables.items() if _current(out_dir / name) != text]


def load_table(name: str, processed: Path = paths.PROCESSED) -> pd.DataFrame:
    """A processed table as a DataFrame: text columns as strings, numbers as numbers. A table whose
    header is not the schema's columns is refused, naming the file.

    The file is read at every call; the table its bytes give is kept, and a copy of it returned, for
    the next call with the same bytes: a chapter asks for the same table many times."""
    kind = next((k for k, t in TABLES.items() if t == name), None)
    if kind is None:
        raise EvidenceError(f"{processed / name}: no such table (tables: {', '.join(TABLES.values())})")
    path = processed / f"{name}.csv"
    return _table(path, kind, path.read_bytes()).copy()


@lru_cache(maxsize=32)
def _table(path: Path, kind: str, data: bytes) -> pd.DataFrame:
    """The table of ``kind`` at ``path`` whose bytes are ``data`` (see :func:`load_table`)."""
    columns = table_fields(kind)
    header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")), [])
    expected = [c.name for c in columns]
    if header != expected:
        raise EvidenceError(f"{path}: columns {header} are not the schema's {expected} (run `make data`)")
    dtypes = {
        c.name: ("Int64" if c.type == "integer" else "Float64" if c.type == "number" else "string") for c in columns
    }
    return pd.read_csv(
        io.BytesIO(data),
        dtype=dtypes,
        keep_default_na=False,
        na_values={c: [""] for c, t in dtypes.items() if t != "string"},
    )
