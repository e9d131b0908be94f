"""Draft the evidence records of a new source: one record per figure the scanner finds.

``python -m analysis.tools.draft data/raw/NEW.txt [--source-id ID] [--out PATH] [--force]`` writes
``data/evidence/<id>.draft.yaml``. The source id is the manifest's when the file is a source of
``data/raw/sources.csv`` (its sha256 is checked), else ``--source-id``, else a slug of the file
name. The text is the repaired text :mod:`analysis.core.sources` gives (for a file outside the
manifest: strict UTF-8, then :func:`analysis.core.sources.repair`), so every quote is taken from what
the validator will compare it with.

Each figure of :func:`analysis.core.numbers.find_figures` becomes one record with ``status: draft``:

- ``quote``: the sentence around the figure, exactly as written; in a table row, the row from
  its first cell to the end of the sentence holding the figure ("Team Lead | $48,000").
- ``kind``, by these rules, in order:

  ====================================  ===============================================
  the figure                            the record
  ====================================  ===============================================
  money (any currency)                  ``salary``
  "24/7"                                ``condition``, ``opening-hours``, 24 h x 7 days
  years                                 ``requirement``, ``experience``
  hours, days, weeks, months, minutes   ``condition``; the aspect from the nearest word:
                                        shift, training, open/operation, overtime,
                                        part-time, else ``schedule``
  percent                               an exclusion with its reason, and a ``challenge``
                                        (``turnover``) near turnover words, else a
                                        ``metric`` with the nearest metric word; a
                                        projection or a percentile is an exclusion only
                                        (:mod:`analysis.tools.draft_rules`)
  ====================================  ===============================================

- Numbers in the fields of the kind: ``low_usd``/``high_usd`` (the amounts as written),
  ``years_min``/``years_max``, ``low``/``high`` with ``unit``, ``hours_per_day``/``days_per_week``.
- Guesses from the wording: ``statistic`` (``range`` for two values; ``threshold`` after
  "upwards of", "at least", "more than", "starting at"; else ``average``), ``period`` (the
  period the scanner read; else the sentence's "annual", "hourly", ...; else the size of the
  amount; flagged ``period-inferred`` when the sentence names no period), ``necessity``, the
  flags ``approximate``, ``missing-dollar-sign``, ``second-hand`` (with ``cited_from``) and
  ``undated``, ``year`` (a year the sentence names, else the manifest's publication date), and
  ``hedge`` on the kinds that have one (every hedge word of the vocabulary the quote holds, for a
  person to check).
- What a person must choose is left as a placeholder: ``tier: unspecified``, and ``role`` from
  the first words before the figure that name a job ("customer service advisors", a table row's
  first cell), else a ``TODO`` string. Every guess, and everything the schema cannot hold, is said in
  ``note``: an amount in another currency than U.S. dollars, or with no currency, keeps its
  numbers as written (never converted) and says so (an amount with no currency in a text that
  names U.S. dollars elsewhere is flagged ``currency-from-context``, for a person to confirm); a
  salary period the schema does not take ("week") is written as stated, which the validator
  refuses until a person decides.
- Each record is validated as it would be submitted with its ``status`` line deleted; what the
  validator would still refuse is written as a comment above the record (:func:`refusals`).

The file is written with :func:`yaml.safe_dump` (every string quoted as YAML needs), into a
temporary file moved into place, and never over an existing file without ``--force``. The input is
read as a source text is (:func:`analysis.core.inputs.read_text`: a regular file of at most
:data:`analysis.core.sources.MAX_SOURCE_BYTES` bytes, UTF-8, no NUL byte), and a text with more
than :data:`MAX_FIGURES` figures is refused. Exit status as every
tool's (``analysis.tools``): 3 for an input refused, 4 for an output not written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from analysis.core import inputs, numbers, paths, schema, sources, vocab
from analysis.tools import DONE, draft_rules, run

__all__ = ["DraftError", "draft_document", "draft_records", "dump", "main", "read_text"]

STATUS = "draft"
TODO_ROLE = "TODO: the role as the source names it"
#: The most figures drafted from one text: an article states dozens; a text with thousands is no
#: source to review record by record (and drafting 45,000 took minutes).
MAX_FIGURES = 2_000


class DraftError(inputs.InputError):
    """The drafter cannot read its input; the message says why."""


def _slug(text: str) -> str:
    """A lower-case slug: "005_New Source.txt" -> "005-new-source-txt"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_text(path: Path, source_id: str | None = None, manifest: Path = paths.MANIFEST) -> tuple[str, str, str]:
    """(source id, repaired text, publication date) of the file to draft from.

    A file of the manifest (same name, in the manifest's folder) is read and verified as a
    source; its manifest id wins, and a different ``source_id`` is an error. Any other file is
    read as strict UTF-8 and repaired the same way.
    """
    rows = {meta.file: meta for meta in sources.read_manifest(manifest)}
    meta = rows.get(path.name)
    if meta is not None and path.resolve().parent == manifest.resolve().parent:
        if source_id is not None and source_id != meta.source_id:
            raise DraftError(f"{path}: the manifest names this file {meta.source_id!r}, not {source_id!r}")
        source = sources.load_source(meta, manifest.parent)
        return meta.source_id, source.text, meta.published
    raw = inputs.read_text(path, sources.MAX_SOURCE_BYTES, "a source text")
    sid = source_id if source_id is not None else _slug(path.stem)
    if not re.fullmatch(vocab.SLUG, sid):
        raise DraftError(f"{path}: source id {sid!r} must be a lower-case slug (use --source-id)")
    text, _ = sources.repair(raw)
    return sid, text, ""


_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+[A-Za-z]?|\b(?:e\.g|i\.e|etc|vs|approx|Mr|Mrs|Ms|Dr|St|"
    r"No|Inc|Ltd|Co|Jr|Sr))$"
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_BULLET = re.compile(r"[\s\-*•·>#]+")  # used with .match(text, pos): anchored at pos
_REACH = 1_000  # the farthest a quote reaches from its figure: a text of one long line drafts in linear time


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """A full stop that ends a sentence, not an abbreviation ("U.S.", "e.g.")."""
    return not (match.group().startswith(".") and _ABBREVIATION.search(text, max(0, match.start() - 40), match.start()))


def _sentence_span(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text[lo:hi]`` that holds ``text[start:end]``."""
    begin = lo
    for match in _SENTENCE_END.finditer(text, lo, start):
        if match.end() <= start and _ends_sentence(text, match):
            begin = match.end()
    finish = hi
    for match in _SENTENCE_END.finditer(text, end, hi):
        if _ends_sentence(text, match):
            finish = match.end()
            break
    return begin, finish


def quote_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the quote for the figure at ``text[start:end]`` begins and ends.

    The sentence holding the figure, within its line (and within ``_REACH`` characters of the
    figure); in a table row ("| Team Lead | $48,000 |")
    the row from its first cell to the end of that sentence. Leading list markers and spaces
    are left out. A quote shorter than the schema's minimum is widened to its whole line, then to
    the lines around it (:func:`analysis.tools.draft_rules.widen`).
    """
    line_start = max(text.rfind("\n", max(0, start - _REACH), start) + 1, start - _REACH, 0)
    line_end = text.find("\n", end, end + _REACH)
    line_end = min(len(text), end + _REACH) if line_end == -1 else line_end
    line = text[line_start:line_end]
    if line.count("|") >= 2 and line.lstrip().startswith("|"):
        bar_before = text.rfind("|", line_start, start)
        bar_after = text.find("|", end, line_end)
        cell_lo = bar_before + 1
        cell_hi = line_end if bar_after == -1 else bar_after
        begin, finish = _sentence_span(text, cell_lo, cell_hi, start, end)
        first_cell = text.find("|", line_start, line_end) + 1
        if begin == cell_lo and first_cell < cell_lo:
            begin = first_cell
    else:
        begin, finish = _sentence_span(text, line_start, line_end, start, end)
    bullet = _BULLET.match(text, begin, start)
    if bullet:
        begin = bullet.end()
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    if finish - begin < schema.MIN_QUOTE_CHARS:  # too short to stand on its own: the line, then its neighbours
        begin, finish = draft_rules.widen(text, begin, finish)
    return begin, finish


def _nearest(quote: str, offset: int, keywords: Iterable[tuple[str, str]]) -> str | None:
    """The label of the keyword pattern found nearest ``offset`` in ``quote`` (ties: the first)."""
    best: tuple[int, int, str] | None = None
    for rank, (pattern, label) in enumerate(keywords):
        for match in re.finditer(pattern, quote, re.IGNORECASE):
            distance = min(abs(match.start() - offset), abs(match.end() - offset))
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, label)
    return best[2] if best else None


_ASPECTS = (
    (r"\bshifts?\b", "shift-length"),
    (r"\btrain(?:ing|ed|s)?\b|\bonboarding\b", "training-duration"),
    (r"\bopen(?:ing)?\b|\boperat(?:ion|ional|es|ing)\b", "opening-hours"),
    (r"\bovertime\b", "overtime"),
    (r"\bpart[\s-]time\b", "part-time"),
)
_METRICS = (
    (r"\bsatisf\w*|\bCSAT\b|\bNPS\b", "satisfaction"),
    (r"\badherence\b", "schedule-adherence"),
    (r"\bhandl\w*\s+time\b|\bAHT\b|\bcall\s+length\b", "handle-time"),
    (r"\bsales?\b|\bconversion\b|\bupsell\w*", "sales"),
    (r"\bknowledge\b", "knowledge"),
    (r"\bquality\b|\bresolution\b|\bFCR\b", "service-quality"),
)
_THRESHOLD = (
    r"\bupwards\s+of\b|\bat\s+least\b|\bmore\s+than\b|\bover\b|\bstart(?:s|ing)?\s+(?:at|from)\b"
    r"|\bminimum\b|\bor\s+more\b|\bfrom\b"
)
_AVERAGE = r"\baverage\b|\bmedian\b|\bmean\b|\btypical(?:ly)?\b"
_HEDGE = (
    r"\bupwards\s+of\b|\babout\b|\baround\b|\broughly\b|\bapproximately\b|\bnearly\b|\balmost\b"
    r"|\bsome\b|\bcan\b|\bmay\b|\boften\b|\bup\s+to\b|\bseveral\b|\ba\s+few\b"
)
_SECOND_HAND = re.compile(r"\b(?i:according\s+to)\s+([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})")
_YEARLY = r"\bannual(?:ly)?\b|\byearly\b|\ba\s+year\b|\bper\s+(?:year|annum)\b|\bsalar(?:y|ies)\b"
_HOURLY = r"\bhourly\b|\ban\s+hour\b|\bper\s+hour\b|\bwages?\b"
_NECESSITY = (
    (r"\brequire[sd]?\b|\bmust\b|\bneeds?\b", "required"),
    (r"\bprefer(?:red|s)?\b", "preferred"),
    (r"\bsuggest(?:ed|s)?\b|\brecommend(?:ed|s)?\b", "suggested"),
    (r"\bhelpful\b|\ba\s+plus\b", "helpful"),
)
_YEAR_IN_TEXT = re.compile(r"(?<![\d$£€.,])(?:19|20)\d{2}(?![\d,])")


def _number(value: float) -> int | float:
    """A value as YAML should show it: 24000 rather than 24000.0."""
    return int(value) if float(value).is_integer() else value


def _salary(figure: numbers.Figure, quote: str, offset: int, published: str) -> tuple[dict[str, Any], list[str]]:
    """The fields and notes of a salary record."""
    notes: list[str] = []
    fields: dict[str, Any] = {}
    flags: list[str] = []
    # The sentence's words say the period of a figure only if no other amount shares it.
    alone = sum(f.unit.startswith(("usd", "money")) for f in numbers.find_figures(quote)) == 1
    role = draft_rules.role_in(quote, offset)
    fields["role"] = role or TODO_ROLE
    fields["tier"] = "unspecified"
    if len(figure.values) == 2:
        fields["statistic"] = "range"
        if draft_rules.phrased_as_average(quote, offset, figure):
            flags.append("range-phrased-as-average")
    elif re.search(_THRESHOLD, quote[max(0, offset - 30) : offset], re.IGNORECASE) or figure.text.rstrip().endswith(
        "+"
    ):
        fields["statistic"] = "threshold"
    else:
        fields["statistic"] = "average"
        if not re.search(_AVERAGE, quote, re.IGNORECASE):
            notes.append("One figure with no word for its statistic: 'average' is a guess.")
    fields["low_usd"] = _number(figure.values[0])
    if len(figure.values) == 2:
        fields["high_usd"] = _number(figure.values[1])
    if figure.period in vocab.PERIODS:
        fields["period"] = figure.period
    elif figure.period is not None:
        fields["period"] = figure.period
        notes.append(
            f"The text states a pay period of one {figure.period} ({figure.text!r}); the "
            f"schema takes only {', '.join(repr(p) for p in vocab.PERIODS)}: decide how to record it, never by "
            "converting silently."
        )
    elif alone and re.search(_HOURLY, quote, re.IGNORECASE):
        fields["period"] = "hour"
        notes.append("The text states no period next to the figure: 'hour' guessed from the sentence.")
    elif alone and re.search(_YEARLY, quote, re.IGNORECASE):
        fields["period"] = "year"
        notes.append("The text states no period next to the figure: 'year' guessed from the sentence.")
    else:
        fields["period"] = "year" if figure.values[0] >= 1000 else "hour"
        notes.append(f"The text states no period: {fields['period']!r} guessed from the size of the amount.")
    if figure.period is None and not schema.PERIOD_WORDS.search(quote):
        flags.append("period-inferred")  # "salary" or "wage" alone, or nothing: the period is a reading
    years = _YEAR_IN_TEXT.findall(quote)
    if years:
        fields["year"] = int(years[0])
        fields["year_basis"] = "TODO: the year the quote names; check that the figure refers to it"
    elif published:
        fields["year"] = int(published[:4])
        fields["year_basis"] = "publication date"
    else:
        fields["year_basis"] = "not stated (the text names no year)"
        flags.append("undated")
    cited = _SECOND_HAND.search(quote)
    if cited:
        flags.append("second-hand")
        fields["cited_from"] = cited.group(1)
    if re.search(_HEDGE, quote, re.IGNORECASE):
        flags.append("approximate")
    if (
        figure.currency == "USD"
        and len(figure.values) == 2
        and figure.text.count("$") == 1
        and re.search(r"\s(?:and|to)\s", figure.text)
    ):
        flags.append("missing-dollar-sign")
    if figure.currency is None:
        notes.append(
            f"The text names no currency the scanner knows ({figure.text!r}): low_usd/"
            "high_usd hold the amounts as written, not U.S. dollars; establish the "
            "currency or exclude the figure."
        )
    elif figure.currency != "USD":
        notes.append(
            f"The text states {figure.currency}, not U.S. dollars ({figure.text!r}): "
            "low_usd/high_usd hold the amounts as written, not converted; convert with "
            "a cited rate and say so here, or exclude the figure."
        )
    fields["flags"] = flags
    return fields, notes


def _requirement(figure: numbers.Figure, quote: str, offset: int) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    role = draft_rules.role_in(quote, offset)
    fields: dict[str, Any] = {
        "role": role or TODO_ROLE,
        "tier": "unspecified",
        "requirement": "experience",
        "years_min": _number(figure.values[0]),
    }
    if len(figure.values) == 2:
        fields["years_max"] = _number(figure.values[1])
    necessity = _nearest(quote, offset, _NECESSITY)
    if necessity:
        fields["necessity"] = necessity
    if not re.search(r"\bexperience", quote, re.IGNORECASE):
        notes.append(
            "The sentence does not speak of experience: record what the years are, or move the figure to exclusions."
        )
    fields["flags"] = ["approximate"] if re.search(_HEDGE, quote, re.IGNORECASE) else []
    return fields, notes


_CONDITION_UNITS = {"hour": "hours", "day": "days", "week": "weeks"}


def _condition(figure: numbers.Figure, quote: str, offset: int) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    if figure.unit == "24/7":
        return {
            "aspect": "opening-hours",
            "value": figure.text,
            "hours_per_day": 24,
            "days_per_week": 7,
            "flags": [],
        }, notes
    aspect = _nearest(quote, offset, _ASPECTS)
    if aspect is None:
        aspect = "schedule"
        notes.append("No word near the figure names the condition: 'schedule' is a guess.")
    after = re.match(r"\s+([A-Za-z]+)", quote[offset + len(figure.text) :])
    value = figure.text
    if re.search(r"\d\s*[-\u2010\u2011\u2013\u2014]\s*[A-Za-z]+$", figure.text) and after:
        value = f"{figure.text} {after.group(1)}"  # "8-hour shifts"
    fields: dict[str, Any] = {"aspect": aspect, "value": value}
    if aspect == "opening-hours" and figure.period == "day" and figure.unit == "hour":
        fields["hours_per_day"] = _number(figure.values[0])
    elif aspect == "opening-hours" and figure.period == "week" and figure.unit == "day":
        fields["days_per_week"] = _number(figure.values[0])
    else:
        fields["low"] = _number(figure.values[0])
        if len(figure.values) == 2:
            fields["high"] = _number(figure.values[1])
        if figure.unit in _CONDITION_UNITS:
            fields["unit"] = _CONDITION_UNITS[figure.unit]
        else:
            notes.append(
                f"The text counts in {figure.unit}s ({figure.text!r}); the schema's "
                "units are hours, days and weeks, so unit is left empty."
            )
    fields["flags"] = ["approximate"] if re.search(_HEDGE, quote, re.IGNORECASE) else []
    return fields, notes


def _percent(figure: numbers.Figure, quote: str, offset: int) -> tuple[str, dict[str, Any], list[str]]:
    """The record for the claim of a percentage (see :func:`analysis.tools.draft_rules.percent_kind`;
    the figure itself is drafted as an exclusion)."""
    notes = ["The percentage itself is drafted as an exclusion: no record kind holds its number."]
    kind, _ = draft_rules.percent_kind(quote)
    if kind == "challenge":
        return (
            "challenge",
            {"item": f"TODO: the challenge in a few words ({figure.text})", "category": "turnover", "flags": []},
            notes,
        )
    category = _nearest(quote, offset, _METRICS)
    if category is None:
        category = "service-quality"
        notes.append("No word near the figure names a metric: 'service-quality' is a guess.")
    return (
        "metric",
        {"metric": f"TODO: the measure as the source names it ({figure.text})", "category": category, "flags": []},
        notes,
    )


def _kind_and_fields(
    figure: numbers.Figure, quote: str, offset: int, published: str
) -> tuple[str, dict[str, Any], list[str]]:
    if figure.unit.startswith(("usd", "money")):
        return ("salary", *_salary(figure, quote, offset, published))
    if figure.unit == "year":
        return ("requirement", *_requirement(figure, quote, offset))
    if figure.unit == "percent":
        return _percent(figure, quote, offset)
    return ("condition", *_condition(figure, quote, offset))


def hedges_in(quote: str) -> list[str]:
    """The hedge words of the vocabulary that the quote holds, in the order the quote has them."""
    found = []
    for word in vocab.HEDGES:
        match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", quote, re.IGNORECASE)
        if match:
            found.append((match.start(), word))
    return [word for _, word in sorted(found)]


#: U.S. dollars named anywhere in a text: what lets an amount written with no currency be one.
_DOLLARS = re.compile(r"\$|\bUSD\b|\bU\.?S\.? dollars?\b|\bdollars\b")


def draft_records(text: str, published: str = "") -> list[dict[str, Any]]:
    """One draft record per figure of ``text`` (see the module docstring), in text order."""
    return _draft(text, published)[0]


def _draft(text: str, published: str) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """The draft records and exclusions of ``text``: a record per figure a kind holds, an exclusion
    per percentage (:func:`analysis.tools.draft_rules.percent_kind`)."""
    records: list[dict[str, Any]] = []
    exclusions: list[dict[str, str]] = []
    ids: set[str] = set()
    tried: dict[str, int] = {}  # the next suffix to try for an id: a thousand equal figures number in linear time
    for figure in numbers.find_figures(text):
        begin, finish = quote_span(text, figure.start, figure.end)
        quote = text[begin:finish]
        if figure.unit == "percent":
            kind_of_claim, reason = draft_rules.percent_kind(quote)
            exclusions.append({"figure": figure.text, "reason": reason, "quote": quote})
            if kind_of_claim is None:
                continue
        kind, fields, notes = _kind_and_fields(figure, quote, figure.start - begin, published)
        if kind == "salary" and figure.currency is None and _DOLLARS.search(text):
            fields["flags"].append("currency-from-context")
            notes = [n for n in notes if not n.startswith("The text names no currency")]
            notes.append(
                "The text writes this amount with no currency and names U.S. dollars elsewhere: check that "
                "they are meant here, and say where in this note."
            )
        written = re.sub(r"(?<=\d),(?=\d)", "", figure.text)  # "$40,000" -> "40000"
        base = f"{kind}-{_slug(written)}"[:48].rstrip("-")
        rid, n = base, tried.get(base, 2)
        while rid in ids:
            rid, n = f"{base}-{n}", n + 1
        ids.add(rid)
        tried[base] = n
        flags = fields.pop("flags")
        if "hedge" in schema.MODELS[kind].model_fields:
            fields["hedge"] = hedges_in(quote)
            notes.append(
                "Check the hedge: the words of the quote that qualify this claim (drafted: "
                f"every hedge word the quote holds, {fields['hedge'] or 'none'})."
            )
        todo = [] if fields.get("role", "") != TODO_ROLE else ["choose the role"]
        if fields.get("tier") == "unspecified":
            todo.append("choose the tier")
        note = " ".join(([f"TODO: {' and '.join(todo)}."] if todo else []) + notes)
        record: dict[str, Any] = {"id": rid, "kind": kind, **fields, "flags": flags}
        if note:
            record["note"] = note
        record["quote"] = quote
        record["status"] = STATUS
        records.append(record)
    return records, exclusions


def draft_document(source_id: str, text: str, published: str = "") -> dict[str, Any]:
    """The whole draft evidence file: source id, draft records, and an exclusion for each percentage."""
    records, exclusions = _draft(text, published)
    return {"source_id": source_id, "records": records, "exclusions": exclusions}


def refusals(document: dict[str, Any], source: sources.Source | None) -> dict[str, list[str]]:
    """For each drafted record the validator would still refuse with its status line deleted, why
    (:func:`analysis.tools.draft_rules.problems`), by record id."""
    said = {str(r["id"]): draft_rules.problems(r, source) for r in document["records"]}
    return {rid: found for rid, found in said.items() if found}


class _Dumper(yaml.SafeDumper):
    """The safe dumper, with lists indented under their key as the evidence files write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump(document: dict[str, Any], origin: str, refused: dict[str, list[str]] | None = None) -> str:
    """The YAML text of a draft document, with a header saying what to do with it, and above each
    record the validator would refuse as drafted (``refused``, from :func:`refusals`) a comment
    saying why."""
    header = (
        f"# Draft evidence records for {document['source_id']}, one per figure of {json.dumps(origin)}\n"
        "# found by analysis.core.numbers. Review every record against the source; add records for the\n"
        "# claims without figures; move figures the report will not use to exclusions; then remove\n"
        f"# every 'status: draft' line and rename this file to {document['source_id']}.yaml.\n"
    )
    body = yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    lines = body.split("\n")
    for rid, why in (refused or {}).items():
        said = " ".join(" ".join(w.split()) for w in why)  # one comment line, whatever the messages hold
        at = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {rid}")
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines.insert(at, f"{indent}# Will not validate as drafted: {said}")
    return header + "\n".join(lines)


def write(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file; refuse to replace a file unless forced.
    An output that cannot be written is :class:`analysis.core.inputs.OutputError`."""
    exists = inputs.OutputError(f"{path}: already exists; pass --force to replace it")
    if path.exists() and not force:
        raise exists
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:50]}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if force:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails, rather than replaces, if the file appeared meanwhile
    except OSError as err:
        if isinstance(err, FileExistsError) and err.filename2 == str(path):  # os.link's: it appeared
            raise exists from None
        raise inputs.OutputError(f"{path}: cannot be written: {err.strerror}") from None
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.tools.draft FILE``: write the draft records; exit 3 on a refused input, 4
    on an output not written."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.tools.draft", description="Draft one evidence record per figure of a new source."
    )
    parser.add_argument("file", type=Path, help="the source text, e.g. data/raw/NEW.txt")
    parser.add_argument("--source-id", help="source id for a file not in data/raw/sources.csv")
    parser.add_argument("--out", type=Path, help="where to write (default data/evidence/<id>.draft.yaml)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    args = parser.parse_args(argv)
    return run(lambda: _work(args))


def _work(args: argparse.Namespace) -> int:
    source_id, text, published = read_text(args.file, args.source_id)
    found = len(numbers.find_figures(text))
    if found > MAX_FIGURES:
        raise DraftError(f"{args.file}: {found} figures, more than the {MAX_FIGURES} one draft may hold")
    document = draft_document(source_id, text, published)
    refused = refusals(document, _as_source(args.file, source_id, text, published))
    out = args.out if args.out is not None else paths.EVIDENCE / f"{source_id}.draft.yaml"
    write(out, dump(document, str(args.file), refused), force=args.force)
    count = len(document["records"])
    print(f"wrote {count} draft record{'s' if count != 1 else ''} for {source_id} to {out}")
    if refused:
        print(f"{len(refused)} of them would not validate as drafted: the file says why above each")
    return DONE


def _as_source(path: Path, source_id: str, text: str, published: str) -> sources.Source:
    """The drafted text as a source, so that each quote is checked against it."""
    meta = sources.SourceMeta(source_id, path.name, "", "", "", "", published, "", "", "", "")
    return sources.Source(meta, text, text, ())


if __name__ == "__main__":
    raise SystemExit(main())
