"""Find the figures a text states: money amounts and numbers with a unit.

``find_figures`` returns every money amount ("$32,000", "$1.5 million", "$18.50 an hour",
"between $25,702 and $33,661") and every number with a unit ("0 to 3 years", "4-8 hours",
"5+ years", "25 percent", "24/7") in a text, in order of position and without overlaps.
A range is one figure with two values.

Bare numbers are never reported: "Table 1.2", "in 2007", "Representative III" state no unit.
A figure never spans a line break, so its ``line``/``col`` locate all of it.

Dashes damaged by a bad encoding (an en or em dash encoded as UTF-8 and decoded as
windows-1252, once or twice: "â€“", "Ã¢â‚¬â€œ") count as dashes.

``find_figures`` is pure. ``unaccounted`` and the command line (``python -m analysis.scan
FILE...``) set the figures of a source against its evidence records and exclusions and report
the ones nobody has accounted for: the way to check a new source is fully recorded.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis import evidence, paths, schema, sources

__all__ = ["Figure", "UNITS", "find_figures", "line_col", "unaccounted", "main"]

UNITS: tuple[str, ...] = (
    "usd",
    "usd/hour",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "percent",
    "24/7",
)
"""Every value ``Figure.unit`` can take."""


@dataclass(frozen=True)
class Figure:
    """One figure found in a text.

    ``start``/``end`` are offsets into the text (``text[start:end] == self.text``);
    ``line``/``col`` are the 1-based position of ``start``. ``values`` holds the numbers the
    figure states, in order, with suffixes applied ("$50k" -> 50000.0) and number words
    turned into numbers ("seven" -> 7.0); a range has two values. ``unit`` is one of
    ``UNITS``; a "24/7" figure has the values (24.0, 7.0).
    """

    start: int
    end: int
    line: int
    col: int
    text: str
    values: tuple[float, ...]
    unit: str


# --------------------------------------------------------------------------------------------
# Building blocks (pattern source text, combined into the compiled regexes below)
# --------------------------------------------------------------------------------------------

_WORD_VALUES: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen"
        " fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if value >= 1
}

_SUFFIX_VALUES: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}


def _windows_1252(data: bytes) -> str:
    """Decode bytes as a browser decodes windows-1252 (its five holes map to C1 controls)."""
    return "".join(
        chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
        for byte in data
    )


def _mojibake(text: str) -> str:
    """``text`` encoded as UTF-8 and misread as windows-1252: "–" -> "â€“"."""
    return _windows_1252(text.encode("utf-8"))


_EN_DASH, _EM_DASH = "\u2013", "\u2014"
_DASHES: tuple[str, ...] = (
    "-",
    "\u2010",  # hyphen
    "\u2011",  # non-breaking hyphen
    "\u2012",  # figure dash
    _EN_DASH,
    _EM_DASH,
    "\u2212",  # minus sign
    _mojibake(_EN_DASH),  # "â€“"
    _mojibake(_EM_DASH),  # "â€”"
    "\u00e2\u20ac" + _EN_DASH,  # "â€" followed by a real dash, as retyped by hand
    "\u00e2\u20ac" + _EM_DASH,
    _mojibake(_mojibake(_EN_DASH)),  # "Ã¢â‚¬â€œ"
    _mojibake(_mojibake(_EM_DASH)),  # "Ã¢â‚¬â€" + U+009D
    _mojibake(_mojibake(_EM_DASH))[:-1],  # the same with the invisible U+009D lost
)
# Longest first, so that a damaged dash is taken whole rather than by a shorter prefix.
_DASH = "|".join(re.escape(dash) for dash in sorted(set(_DASHES), key=len, reverse=True))

_SP = r"[^\S\r\n]"  # horizontal white space: a figure never crosses a line break

# "32,000" / "1.5" / "2007"; digit groups must be complete, so "1,2345" is not "1,234".
# Atomic, so that a failed match never retries with a shorter number ("20 years" -> "2").
_NUMBER = r"(?>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
_WORD = r"\b(?i:" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r")\b"
_SUFFIX = rf"{_SP}?(?i:million|billion|thousand)\b|(?:bn|[kKmMbB])\b"
_CURRENCY = r"US\$|\$|\bUSD(?=\s?\d)"
_CONNECTOR = rf"(?:{_SP}*(?:{_DASH}){_SP}*|{_SP}+(?i:to|and){_SP}+)"
_UNIT = (
    r"(?:(?i:years?|yrs?|months?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?"
    rf"|percent|per{_SP}?cent)(?!\w)|%)"
)

# --------------------------------------------------------------------------------------------
# The regexes
# --------------------------------------------------------------------------------------------

# A single money amount: "$32,000", "$1.5 million", "$50k", "USD 40,000", "$50,000+".
_MONEY = re.compile(
    rf"""
    (?P<cur> {_CURRENCY} ) {_SP}?
    (?P<num> {_NUMBER} )
    (?P<suf> {_SUFFIX} )?
    \+?
    """,
    re.VERBOSE,
)

# The second end of a money range, matched right after the first amount:
# " and $33,661", "-50,000", "–$50k", " to 15". The number must not carry a unit of its own
# ("$500 and 20 years": the 20 years are a separate figure).
_MONEY_TAIL = re.compile(
    rf"""
    {_CONNECTOR}
    (?: (?P<cur> {_CURRENCY} ) {_SP}? )?
    (?P<num> {_NUMBER} )
    (?P<suf> {_SUFFIX} )?
    \+?
    (?! {_SP}* (?:{_DASH})? {_SP}* {_UNIT} )
    """,
    re.VERBOSE,
)

# An hourly rate after an amount: " an hour", " per hour", "/hour", "/hr".
_RATE = re.compile(
    rf"""
    (?: {_SP}* / {_SP}* | {_SP}+ (?i:an|a|per) {_SP}+ )
    (?i:hour|hr) (?!\w)
    """,
    re.VERBOSE,
)

# A number (or a range of two) with a unit: "1 year", "0 to 3 years", "4-8 hours",
# "5+ years", "seven years", "2–3 weeks", "25%", "25 to 50 percent", "a 40-hour week".
_QUANTITY = re.compile(
    rf"""
    (?<! [\w$.,] )                           # not the tail of a longer number or word
    (?P<a> {_NUMBER} | {_WORD} ) \+?
    (?: {_CONNECTOR} (?P<b> {_NUMBER} | {_WORD} ) \+? )?
    (?: {_SP}* (?:{_DASH}) {_SP}* | {_SP}* )  # "5 years", "5-year", "25%"
    (?P<unit> {_UNIT} )
    """,
    re.VERBOSE,
)

# Round the clock: "24/7", "24 / 7".
_ROUND_THE_CLOCK = re.compile(rf"(?<![\w/.,]) 24 {_SP}? / {_SP}? 7 (?![\w/])", re.VERBOSE)


# --------------------------------------------------------------------------------------------
# Turning matches into figures
# --------------------------------------------------------------------------------------------


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of ``offset`` in ``text``; columns count characters.

    ``offset`` may be ``len(text)`` (the end of the text). Raises ``ValueError`` outside
    ``0..len(text)``.
    """
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside a text of {len(text)} characters")
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _number(token: str) -> float:
    """The value of a number as written: "32,000" -> 32000.0, "Seven" -> 7.0."""
    word = _WORD_VALUES.get(token.lower())
    return float(word) if word is not None else float(token.replace(",", ""))


def _multiplier(suffix: str | None) -> float:
    """The factor a money suffix stands for: "k" -> 1e3, " million" -> 1e6, None -> 1."""
    return _SUFFIX_VALUES[suffix.strip().lower()] if suffix else 1.0


# What a finder reports: (start, end, values, unit); find_figures adds line, col and text.
_Found = tuple[int, int, tuple[float, ...], str]


def _money(text: str, match: re.Match[str]) -> _Found:
    """The money figure starting at ``match``: one amount, possibly a range, possibly hourly.

    A second number joined by a dash, "to" or "and" makes a range only if it does not go
    down ("$500 and 20 employees" is not a range). A suffix on the second number only
    ("$40-50k", "$1-2 million") applies to the first too when the first, as written, is not
    larger than the second ("$900,000-1.2 million" keeps 900000). An hourly first amount
    ("$15/hour to ...") takes a second amount only if it is hourly as well.
    """
    first_raw = _number(match["num"])
    first = first_raw * _multiplier(match["suf"])
    end = match.end()
    rate = _RATE.match(text, end)
    if rate:
        end = rate.end()
    values: tuple[float, ...] = (first,)
    hourly = rate is not None

    tail = _MONEY_TAIL.match(text, end)
    if tail:
        second_raw = _number(tail["num"])
        second = second_raw * _multiplier(tail["suf"])
        low = first
        if not match["suf"] and tail["suf"] and first_raw <= second_raw:
            low = first_raw * _multiplier(tail["suf"])
        tail_rate = _RATE.match(text, tail.end())
        if low <= second and (rate is None or tail_rate is not None):
            values = (low, second)
            end = tail_rate.end() if tail_rate else tail.end()
            hourly = hourly or tail_rate is not None

    return match.start(), end, values, "usd/hour" if hourly else "usd"


def _unit_name(written: str) -> str:
    """The canonical unit of a unit as written: "Yrs" -> "year", "%" -> "percent"."""
    written = written.lower()
    if written == "%" or written.startswith("per"):
        return "percent"
    for prefix, unit in (("y", "year"), ("mo", "month"), ("w", "week"), ("d", "day"),
                         ("h", "hour"), ("mi", "minute")):
        if written.startswith(prefix):
            return unit
    raise AssertionError(f"unit not covered: {written!r}")  # pragma: no cover


def _quantity(text: str, match: re.Match[str]) -> _Found:
    """The figure for a number (or range) with a unit."""
    values = tuple(_number(token) for token in (match["a"], match["b"]) if token is not None)
    return match.start(), match.end(), values, _unit_name(match["unit"])


def _round_the_clock(text: str, match: re.Match[str]) -> _Found:
    """The figure for "24/7"."""
    return match.start(), match.end(), (24.0, 7.0), "24/7"


# Tried in this order when two figures would start at the same offset.
_FINDERS = (
    (_MONEY, _money),
    (_ROUND_THE_CLOCK, _round_the_clock),
    (_QUANTITY, _quantity),
)


def find_figures(text: str) -> list[Figure]:
    """Return every money amount and every number with a unit in ``text``.

    The figures come in order of position and never overlap: the earliest figure wins, and
    the search goes on after its end. Examples of what is found::

        "$32,000", "$1.5 million", "$50k", "USD 40,000"                 unit "usd"
        "$18.50 an hour", "$18.50/hr", "$12 to $15 per hour"            unit "usd/hour"
        "between $25,702 and $33,661", "$40,000-50,000", "$40k–$50k"    two values
        "1 year", "0 to 3 years", "4-8 hours", "5+ years", "seven years"
        "25 percent", "25%", "25 to 50 percent", "24/7"

    Bare numbers ("Table 1.2", "in 2007") and vague amounts ("a few days") are not figures.
    """
    figures: list[Figure] = []
    pos = 0
    # Line bookkeeping is incremental (line_col on every figure would rescan the text).
    line, line_start = 1, 0
    # The next match of each finder; searched again only once the scan has passed its start.
    upcoming = [pattern.search(text) for pattern, _ in _FINDERS]
    while True:
        for i, (pattern, _) in enumerate(_FINDERS):
            match = upcoming[i]
            if match is not None and match.start() < pos:
                upcoming[i] = pattern.search(text, pos)
        starts = [(match.start(), i) for i, match in enumerate(upcoming) if match is not None]
        if not starts:
            return figures
        _, first = min(starts)  # ties go to the finder listed first
        match = upcoming[first]
        assert match is not None
        start, end, values, unit = _FINDERS[first][1](text, match)
        newlines = text.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", pos, start) + 1
        figures.append(
            Figure(start, end, line, start - line_start + 1, text[start:end], values, unit)
        )
        pos = end


# --- accounting: which figures of a source no evidence record or exclusion covers -------------


def _claims(source: sources.Source, found: evidence.Evidence) -> list[tuple[int, int, set[float], str]]:
    """(raw start, raw end, numbers, figure text) for every record and exclusion of a source."""
    claims: list[tuple[int, int, set[float], str]] = []
    for record in found.records:
        if record.source_id != source.source_id:
            continue
        span = sources.locate_in_raw(source, record.quote)
        numeric = {name for group in schema.FIGURE_FIELDS.get(record.kind, ()) for name in group}
        numbers = {float(v) for k, v in record.values.items() if k in numeric}
        if span is not None:
            claims.append((span[0], span[1], numbers, ""))
    for exclusion in found.exclusions:
        if exclusion.source_id == source.source_id:
            span = sources.locate_in_raw(source, exclusion.quote)
            if span is not None:
                claims.append((span[0], span[1], set(), exclusion.figure))
    return claims


def unaccounted(path: Path, found: evidence.Evidence | None = None) -> list[Figure]:
    """Figures in a file that no evidence record (quote covering it, its numbers in the record's
    fields) and no exclusion (quote covering it, same figure text) accounts for.

    A file that is not a source of the manifest has no records: every figure is reported.
    """
    manifest = {meta.file: meta for meta in sources.read_manifest()}
    meta = manifest.get(path.name)
    if meta is not None and path.resolve().parent == paths.RAW.resolve():
        source = sources.load_source(meta)
    else:
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            raise sources.SourceError(f"{path}: not valid UTF-8 (offset {err.start})") from None
        return find_figures(raw)
    found = evidence.validate_all() if found is None else found
    claims = _claims(source, found)
    missing = []
    for figure in find_figures(source.raw):
        covering = [c for c in claims if c[0] <= figure.start and figure.end <= c[1]]
        if not any((c[3] and c[3] in figure.text or figure.text in c[3]) if c[3]
                   else set(figure.values) <= c[2] for c in covering):
            missing.append(figure)
    return missing


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.scan FILE...``: print ``FILE:LINE:COL<TAB>FIGURE`` per unaccounted
    figure; exit 1 if there is any, 0 if none, 2 if the evidence itself is invalid."""
    parser = argparse.ArgumentParser(prog="python -m analysis.scan", description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    found = evidence.validate_all()
    if found.errors:
        print("\n".join(found.errors), file=sys.stderr)
        return 2
    count = 0
    for path in args.files:
        for figure in unaccounted(path, found):
            print(f"{path}:{figure.line}:{figure.col}\t{figure.text}")
            count += 1
    return 1 if count else 0


if __name__ == "__main__":
    raise SystemExit(main())
