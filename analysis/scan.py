"""Find the figures a text states: money amounts and numbers with a unit.

``find_figures`` returns every money amount and every number with a unit in a text, in order of
position and without overlaps, each with the numbers it states (a range is one figure with two
values), its unit, its currency and the period it is paid or counted over::

    "$32,000", "$1.5 million", "between $25,702 and $33,661"     unit "usd", currency "USD"
    "$18.50 an hour", "$12-15/hr"                                unit "usd/hour", period "hour"
    "£24,000–£28,000 per annum"                                  unit "money", "GBP", "year"
    "30.000 €", "50 000 €", "€12,50 an hour", "C$45,000"         unit "money" / "money/hour"
    "32,000 USD", "fifty dollars", "30 to 40 thousand dollars"   unit "usd"
    "42K-55K", "45k", "NZ$50,000"                                unit "money", currency None
    "0 to 3 years", "twenty-five years", "8 hours a day", "30%"  unit "year", "hour", "percent"

``unit`` says what a figure counts: "usd" for U.S. dollars and "money" for any other currency,
each with "/hour" when the amount is an hourly rate (so "usd" and "usd/hour" mean what they
always meant); "year", "month", "week", "day", "hour", "minute" and "percent" for quantities;
"24/7" for round-the-clock opening. ``currency`` is the ISO code of a money amount
(``analysis.vocab.CURRENCIES``: "$" and "US$" are U.S. dollars, "C$" Canadian, "A$"
Australian) or None: None for a quantity, and for an amount whose currency the text does not
name ("42K-55K") or names with a sign the scanner does not know ("NZ$", "R$").
``period`` is "year", "month", "week", "day" or "hour" when words right after the figure state
one ("/month", "a month", "per month", "monthly", "/yr", "per annum", "p.a.", "p/h", "/hr",
"an hour", "per day", "daily", "weekly"), else None; it is never guessed. The words of the
period are part of the figure's text, except a yearly period: "$50,000 per year" is the figure
"$50,000" with period "year", as it has always been read.

How numbers are read: "32,000", "3,00,000" (Indian grouping) and "45 000" (thousands spaced,
with a plain, no-break or narrow no-break space) are whole numbers; "1.5" is a decimal. With
the euro, a dot or comma followed by exactly three digits groups thousands ("30.000 €",
"€1,500") and one followed by one or two digits is a decimal point ("€12,50"). Suffixes
multiply: "k", "m", "bn", "thousand", "million", "lakh", "crore"; "LPA" is lakh per annum.
Numbers in words use the shared vocabulary (``analysis.vocab``: ``NUMBER_WORDS``, ``TENS``,
``SCALES``): "seven", "twenty-five", "two hundred and fifty", "forty thousand", "a thousand".

Bare numbers are never reported: "Table 1.2", "in 2007", "Representative III", "a thousand
calls" state no unit, and neither do "401k" (a retirement plan), "50 pounds" (a weight) or
"PHP 7" (a language). A figure never spans a line break, so its ``line``/``col`` locate all of it.

Dashes and currency signs damaged by a bad encoding (UTF-8 decoded as windows-1252, once or
twice: "â€“", "Ã¢â‚¬â€œ", "Â£", "â‚¬", "Ã‚Â£"), and no-break spaces damaged the same way, count as
what they stand for.

Matching takes time linear in the text: every repetition in the patterns is atomic, possessive
or bounded, and a number can only start where no digit or separator comes before it
(``scripts/bench_scan.py`` measures it on long hostile lines).

``find_figures`` is pure. ``unaccounted`` and the command line (``python -m analysis.scan
FILE...``) set the figures of a source against its evidence records and exclusions and report
the ones nobody has accounted for: the way to check a new source is fully recorded.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis import evidence, paths, schema, sources, vocab

__all__ = ["PERIODS", "UNITS", "Figure", "find_figures", "line_col", "main", "unaccounted"]

UNITS: tuple[str, ...] = (
    "usd",
    "usd/hour",
    "money",
    "money/hour",
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

PERIODS: tuple[str, ...] = ("year", "month", "week", "day", "hour")
"""Every value ``Figure.period`` can take besides None."""


@dataclass(frozen=True)
class Figure:
    """One figure found in a text.

    ``start``/``end`` are offsets into the text (``text[start:end] == self.text``);
    ``line``/``col`` are the 1-based position of ``start``. ``values`` holds the numbers the
    figure states, in order, with suffixes applied ("$50k" -> 50000.0) and number words
    turned into numbers ("seven" -> 7.0); a range has two values. ``unit`` is one of
    ``UNITS``; a "24/7" figure has the values (24.0, 7.0). ``currency`` is an ISO code of
    ``analysis.vocab.CURRENCIES`` or None; ``period`` is one of ``PERIODS`` or None (see the
    module's docstring).
    """

    start: int
    end: int
    line: int
    col: int
    text: str
    values: tuple[float, ...]
    unit: str
    currency: str | None = None
    period: str | None = None


# --------------------------------------------------------------------------------------------
# Building blocks (pattern source text, combined into the compiled regexes below)
# --------------------------------------------------------------------------------------------


def _windows_1252(data: bytes) -> str:
    """Decode bytes as a browser decodes windows-1252 (its five holes map to C1 controls)."""
    return "".join(
        chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252") for byte in data
    )


def _mojibake(text: str) -> str:
    """``text`` encoded as UTF-8 and misread as windows-1252: "–" -> "â€“"."""
    return _windows_1252(text.encode("utf-8"))


def _damaged(text: str) -> tuple[str, ...]:
    """``text`` as written, and damaged once and twice by a bad encoding (ASCII stays itself)."""
    once = _mojibake(text)
    return (text, once, _mojibake(once)) if once != text else (text,)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so the longest is taken whole)."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


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
_DASH = _alternation(_DASHES)

_SP = r"[^\S\r\n]"  # horizontal white space: a figure never crosses a line break

# Spaces that group thousands: "45 000", "45\u00a0000", "45\u202f000", and no-break spaces damaged.
_GROUP_SPACES = ("\u00a0", "\u202f", "\u2009")
_GROUP_SPACE = rf"(?:[ {''.join(_GROUP_SPACES)}]|{_alternation([d for s in _GROUP_SPACES for d in _damaged(s)[1:]])})"

# A number as written, in digits. Atomic, so that a failed match never retries with a shorter
# number ("20 years" -> "2"); groups are complete ("1,2345" is not "1,234") and bounded.
_NOT_AFTER_NUMBER = r"(?<![\w.,])"
_INTEGER = (
    r"(?>\d{1,2}(?:,\d{2}){1,6},\d{3}(?!\d)"  # 3,00,000
    r"|\d{1,3}(?:,\d{3}){1,6}(?!\d)"  # 32,000
    r"|\d{1,3}(?:\.\d{3}){1,6}(?!\d|\.\d)"  # 30.000 (a decimal "1.500" outside the euro)
    rf"|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}}){{1,6}}(?!\d)"  # 45 000
    r"|\d++)"
)
_FRACTION = r"(?:\.\d++|,\d{1,2}(?![\d]))"


def _digits(name: str) -> str:
    """A number in digits, as groups ``<name>`` (the integer part) and ``<name>_frac``."""
    return rf"(?P<{name}>{_INTEGER})(?P<{name}_frac>{_FRACTION})?"


# Numbers in words, from the shared vocabulary: "seven", "twenty-five", "two hundred and fifty",
# "forty thousand", "a thousand".
_ONES = _alternation(vocab.NUMBER_WORDS)
_ONES_1_9 = _alternation([w for w, v in vocab.NUMBER_WORDS.items() if 1 <= v <= 9])
_TENS = _alternation(vocab.TENS)
_HUNDRED = _alternation([w for w, v in vocab.SCALES.items() if v == 100])
_BIG_SCALES: dict[str, int] = {w: v for w, v in vocab.SCALES.items() if v >= 1000}
_BIG_SCALE = _alternation(_BIG_SCALES)
_BASIC = rf"(?:(?:{_TENS})(?:[-\u2010\u2011]|{_SP})(?:{_ONES_1_9})\b|(?:{_TENS}|{_ONES})\b)"
_BELOW_THOUSAND = rf"(?:(?:{_BASIC}|a){_SP}+(?:{_HUNDRED})\b(?:{_SP}+(?:and{_SP}+)?{_BASIC})?|{_BASIC})"
_AND = rf"{_SP}++(?:and{_SP}++)?"
_WORDS = (  # "forty thousand", "one million two hundred thousand and fifty", "seven"
    rf"(?>\b(?i:(?:{_BELOW_THOUSAND}|a){_SP}++(?:{_BIG_SCALE})\b"
    rf"(?:{_AND}{_BELOW_THOUSAND}{_SP}++(?:{_BIG_SCALE})\b){{0,2}}(?:{_AND}{_BELOW_THOUSAND})?"
    rf"|{_BELOW_THOUSAND}))"
)
_WORD_NUMBER_TOKENS: dict[str, int] = {**vocab.NUMBER_WORDS, **vocab.TENS, **vocab.SCALES, "a": 1}

# Suffixes that multiply a number in digits: "$50k", "$1.5 million", "3.5 lakh", "3.5 LPA".
_SUFFIX_VALUES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "lpa": 1e5,
    **{word: float(value) for word, value in _BIG_SCALES.items()},
    **{word: float(value) for word, value in vocab.INDIAN_SCALES.items()},
    **{word + "s": float(value) for word, value in vocab.INDIAN_SCALES.items()},
}
_SPELLED_SUFFIX = _alternation([*_BIG_SCALES, *vocab.INDIAN_SCALES, *(w + "s" for w in vocab.INDIAN_SCALES), "lpa"])
_SUFFIX = rf"(?:{_SP}?(?i:{_SPELLED_SUFFIX})\b|(?:bn|mn|[kKmMbB])\b)"
# The suffixes that make a number without a currency sign an amount of money: "45k", "3.5 LPA",
# and "3.5 lakh" when a period follows ("5 lakh people" is a head count).
_MONEY_SUFFIX = (
    rf"(?:[kK]\b|{_SP}?(?i:lpa)\b|{_SP}?(?i:{_alternation([*vocab.INDIAN_SCALES, *(w + 's' for w in vocab.INDIAN_SCALES)])})\b"
    rf"(?={_SP}+(?i:per|an?|p\.?a\.?|annually|yearly|monthly)(?!\w)))"
)

# Currencies: signs and codes before an amount, signs, codes and words after one.
# The ISO code of every way a currency is written (words in lower case).
_CURRENCY_OF: dict[str, str] = {
    written: info.code
    for info in vocab.CURRENCIES.values()
    for written in (
        *(form for sign in info.signs for form in _damaged(sign)),
        info.code,
        *(word.lower() for word in info.words),
    )
}
# Signs that are symbols ("$", "£", "€", "₹", "₱", with their damaged forms) stand on either side
# of an amount; signs spelt with letters ("US$", "C$", "Rs.") only before one.
_SYMBOLS = _alternation(
    [
        form
        for info in vocab.CURRENCIES.values()
        for sign in info.signs
        if not sign[0].isalpha()
        for form in _damaged(sign)
    ]
)
_LETTER_SIGNS = _alternation([sign for info in vocab.CURRENCIES.values() for sign in info.signs if sign[0].isalpha()])
# A code is a currency only right before or after a number; "PHP 7" is a programming language,
# so pesos by code need a number of three digits or more.
_CODES = _alternation([code for code in vocab.CURRENCIES if code != "PHP"])
_CURRENCY_BEFORE = (
    rf"(?:(?<![A-Za-z])(?:{_LETTER_SIGNS})(?={_SP}?\d)"
    rf"|{_SYMBOLS}"
    rf"|\b(?:{_CODES})(?={_SP}?\d)|\bPHP(?={_SP}?\d{{3}}|{_SP}?\d{{1,3}},\d)"
    r"|(?<![A-Za-z])[A-Z]{1,3}\$)"  # a dollar the scanner cannot name: "NZ$", "R$"
)
_CURRENCY_WORDS = "|".join(
    re.escape(word).replace("\\ ", _SP + "+")
    for word in sorted({w for info in vocab.CURRENCIES.values() for w in info.words}, key=len, reverse=True)
)
# After an amount, and not itself the sign of a next amount ("level 2 $40,000" is one amount).
_CURRENCY_AFTER = (
    rf"(?:{_SYMBOLS}|\b(?:{_alternation(vocab.CURRENCIES)})\b|\b(?i:{_CURRENCY_WORDS})(?!\w))"
    rf"(?!{_SP}?\d)"
)

_CONNECTOR = rf"(?:{_SP}*+(?:{_DASH}){_SP}*+|{_SP}++(?i:to|and){_SP}++)"
_UNIT = (
    r"(?:(?i:years?|yrs?|months?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?"
    rf"|percent|per{_SP}?cent)(?!\w)|%)"
)

# --------------------------------------------------------------------------------------------
# The regexes
# --------------------------------------------------------------------------------------------

# A money amount after its currency: "$32,000", "£1.5 million", "€30.000", "USD 40,000",
# "$50,000+", "Â£30,000".
_MONEY_BEFORE = re.compile(
    rf"""
    (?P<cur> {_CURRENCY_BEFORE} ) {_SP}?
    {_digits("num")}
    (?P<num_suf> {_SUFFIX} )?
    \+?
    """,
    re.VERBOSE,
)

# The second end of a money range, matched right after the first amount:
# " and $33,661", "-50,000", "–$50k", " to 15". The number must not carry a unit of its own
# ("$500 and 20 years": the 20 years are a separate figure).
_MONEY_BEFORE_TAIL = re.compile(
    rf"""
    {_CONNECTOR}
    (?: (?P<cur> {_CURRENCY_BEFORE} ) {_SP}? )?
    {_digits("num")}
    (?P<num_suf> {_SUFFIX} )?
    \+?
    (?! {_SP}* (?:{_DASH})? {_SP}* {_UNIT} )
    """,
    re.VERBOSE,
)

# A money amount (or a range of two) before its currency: "30.000 €", "50 000 €", "32,000 USD",
# "fifty dollars", "30 to 40 thousand dollars", "30.000–40.000 €".
_NUMBER_OR_WORDS = rf"(?: {_digits('{n}')} (?P<{{n}}_suf> {_SUFFIX} )? | (?P<{{n}}_words> {_WORDS} ) )"
_MONEY_AFTER = re.compile(
    rf"""
    {_NOT_AFTER_NUMBER}
    {_NUMBER_OR_WORDS.replace("{n}", "num")} \+?
    (?: {_CONNECTOR} {_NUMBER_OR_WORDS.replace("{n}", "num2")} \+? )?
    {_SP}?
    (?P<cur> {_CURRENCY_AFTER} )
    """,
    re.VERBOSE,
)

# The second amount of a range whose first amount has its currency after it: " - 40.000 €".
_MONEY_AFTER_TAIL = re.compile(
    rf"""
    {_CONNECTOR}
    {_NUMBER_OR_WORDS.replace("{n}", "num")} \+?
    {_SP}?
    (?P<cur> {_CURRENCY_AFTER} )
    """,
    re.VERBOSE,
)

# Thousands written "K" with no currency at all: "45k", "42K-55K", "42-55K", "3.5 LPA".
_MONEY_BARE = re.compile(
    rf"""
    (?<! [\w$.,] )
    (?! 40[13] [kK] \b )                    # a 401k or 403k plan
    {_digits("num")} (?P<num_suf> {_MONEY_SUFFIX} )?
    (?: {_CONNECTOR} {_digits("num2")} (?P<num2_suf> {_MONEY_SUFFIX} ) )?
    (?(num_suf)|(?(num2_suf)|(?!)))         # at least one of them has its "K"
    """,
    re.VERBOSE,
)

# The period stated right after an amount or a quantity: "/month", " a month", " per annum",
# " monthly", " p/h", "/yr".
_PERIOD_WORDS: dict[str, str] = {
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "p/h": "hour",
    "ph": "hour",
    "day": "day",
    "daily": "day",
    "p/d": "day",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "p/w": "week",
    "pw": "week",
    "month": "month",
    "mo": "month",
    "mth": "month",
    "monthly": "month",
    "p/m": "month",
    "pcm": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "yearly": "year",
    "annually": "year",
    "p/a": "year",
    "p.a.": "year",
    "pa": "year",
}
_PERIOD = re.compile(
    rf"""
    (?: {_SP}*+ / {_SP}*+ (?P<slash> hour|hr|h|day|week|wk|month|mth|mo|year|yr|annum )
      | {_SP}++ (?: an|a|per|each|every ) {_SP}++ (?P<per> hour|hr|day|week|wk|month|mth|year|yr|annum )
      | {_SP}++ (?P<word> hourly|daily|weekly|monthly|yearly|annually|p/[hdwma]|p\.a\.|pa|ph|pw|pcm )
    ) (?! \w )
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A number (or a range of two) with a unit: "1 year", "0 to 3 years", "4-8 hours",
# "5+ years", "seven years", "twenty-five years", "2–3 weeks", "25%", "25 to 50 percent",
# "a 40-hour week".
_QUANTITY_NUMBER = (
    rf"(?>\d{{1,3}}(?:,\d{{3}}){{1,6}}(?!\d)|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}}){{1,6}}(?!\d)|\d++)"
    r"(?:\.\d++)?"
)
_QUANTITY = re.compile(
    rf"""
    (?<! [\w$.,] )                           # not the tail of a longer number or word
    (?P<a> {_QUANTITY_NUMBER} | {_WORDS} ) \+?
    (?: {_CONNECTOR} (?P<b> {_QUANTITY_NUMBER} | {_WORDS} ) \+? )?
    (?: {_SP}*+ (?:{_DASH}) {_SP}*+ | {_SP}*+ )  # "5 years", "5-year", "25%"
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


def _words_value(words: str) -> tuple[float, float]:
    """A number in words as (value before a final scale, that scale): "forty thousand" ->
    (40, 1000), "two hundred and fifty" -> (250, 1), "a thousand" -> (1, 1000)."""
    tokens = [t for t in re.split(r"[^a-z]+", words.lower()) if t and t != "and"]
    scale = 1.0
    if len(tokens) > 1 and tokens[-1] in _BIG_SCALES and not any(t in _BIG_SCALES for t in tokens[:-1]):
        scale = float(_BIG_SCALES[tokens.pop()])
    total, current = 0, 0
    for token in tokens:
        value = _WORD_NUMBER_TOKENS[token]
        if token in _BIG_SCALES:
            total, current = total + (current or 1) * value, 0
        elif value == 100:
            current = (current or 1) * 100
        else:
            current += value
    return float(total + current), scale


def _digits_value(integer: str, fraction: str | None, currency: str | None) -> float:
    """The value of a number in digits, read as the currency writes it (see the docstring)."""
    if integer.count(".") == 1 and currency != "EUR" and not fraction:
        return float(integer)  # "$1.500" outside the euro is a decimal
    whole = float(re.sub(r"\D", "", integer))
    return whole + (float("0." + fraction[1:]) if fraction else 0.0)


@dataclass(frozen=True)
class _Amount:
    """One amount as written: its number before any suffix, and what the suffix multiplies by."""

    raw: float
    factor: float

    @property
    def value(self) -> float:
        return self.raw * self.factor


def _amount(match: re.Match[str], name: str, currency: str | None) -> _Amount:
    """The amount of the number group ``name`` of ``match`` (digits with a suffix, or words)."""
    groups = match.groupdict()
    if groups.get(f"{name}_words"):
        raw, factor = _words_value(groups[f"{name}_words"])
        return _Amount(raw, factor)
    suffix = groups.get(f"{name}_suf")
    factor = _SUFFIX_VALUES[suffix.strip().lower()] if suffix else 1.0
    return _Amount(_digits_value(groups[name], groups.get(f"{name}_frac"), currency), factor)


def _range(first: _Amount, second: _Amount) -> tuple[float, float] | None:
    """Two amounts as a range, or None when the second goes down ("$500 and 20 employees").

    A suffix on the second amount only ("$40-50k", "30 to 40 thousand dollars") applies to the
    first too when the first, as written, is not larger than the second ("$900,000-1.2 million"
    keeps 900000).
    """
    low = first.value
    if first.factor == 1 and second.factor != 1 and first.raw <= second.raw:
        low = first.raw * second.factor
    return (low, second.value) if low <= second.value else None


def _period_at(text: str, pos: int) -> tuple[str | None, int, int]:
    """The period stated right at ``pos``: (period, end of the figure's text, end of the words).

    A yearly period is not made part of the figure's text (see the module docstring).
    """
    match = _PERIOD.match(text, pos)
    if match is None:
        return None, pos, pos
    period = _PERIOD_WORDS[(match["slash"] or match["per"] or match["word"]).lower()]
    return period, (pos if period == "year" else match.end()), match.end()


def _currency(sign: str) -> str | None:
    """The ISO code of a currency as written: "Â£" -> "GBP", "dollars" -> "USD"; None if unknown."""
    return _CURRENCY_OF.get(sign) or _CURRENCY_OF.get(" ".join(sign.lower().split()))


def _unit(currency: str | None, period: str | None) -> str:
    return ("usd" if currency == "USD" else "money") + ("/hour" if period == "hour" else "")


# What a finder reports: (start, end, values, unit, currency, period); find_figures adds the rest.
_Found = tuple[int, int, tuple[float, ...], str, str | None, str | None]


def _money(
    text: str,
    start: int,
    end: int,
    values: tuple[float, ...],
    first: _Amount | None,
    currency: str | None,
    period: str | None,
    tail_pattern: re.Pattern[str] | None,
) -> _Found:
    """A money figure from its first amount (ending at ``end``) on: its period, and a second
    amount that makes it a range.

    The second amount pairs only if it is in the same currency, does not go down, and states
    the same period as the first when the first states one ("$15/hour and $50,000 a year" are
    two figures); a period stated after the second only ("$12 to $15 per hour") is the period
    of both.
    """
    stated, text_end, words_end = _period_at(text, end) if period is None else (period, end, end)
    tail = tail_pattern.match(text, words_end) if tail_pattern is not None and first is not None else None
    if tail is not None and first is not None:
        tail_currency = _currency(tail["cur"]) if tail["cur"] else currency
        second = _amount(tail, "num", currency)
        tail_period = _suffix_period(tail["num_suf"])
        tail_stated, tail_text_end, _ = (
            _period_at(text, tail.end()) if tail_period is None else (tail_period, tail.end(), tail.end())
        )
        pair = _range(first, second)
        if pair is not None and tail_currency == currency and (stated is None or tail_stated == stated):
            return start, tail_text_end, pair, _unit(currency, tail_stated), currency, tail_stated
    return start, text_end, values, _unit(currency, stated), currency, stated


def _suffix_period(suffix: str | None) -> str | None:
    """ "LPA" (lakh per annum) states the year."""
    return "year" if suffix and suffix.strip().lower() == "lpa" else None


def _money_before(text: str, match: re.Match[str]) -> _Found:
    """A money figure whose currency comes first: "$32,000", "£24,000–£28,000 per annum"."""
    currency = _currency(match["cur"])
    first = _amount(match, "num", currency)
    return _money(
        text,
        match.start(),
        match.end(),
        (first.value,),
        first,
        currency,
        _suffix_period(match["num_suf"]),
        _MONEY_BEFORE_TAIL,
    )


def _money_after(text: str, match: re.Match[str]) -> _Found:
    """A money figure whose currency comes last: "30.000 €", "30 to 40 thousand dollars"."""
    currency = _currency(match["cur"])
    period = _suffix_period(match["num_suf"]) or _suffix_period(match["num2_suf"])
    if match["num2"] is None and match["num2_words"] is None:
        first = _amount(match, "num", currency)
        return _money(text, match.start(), match.end(), (first.value,), first, currency, period, _MONEY_AFTER_TAIL)
    pair = _range(_amount(match, "num", currency), _amount(match, "num2", currency))
    if pair is None:  # "500 and 20 dollars": only the second is an amount of dollars
        start = match.start("num2") if match["num2"] is not None else match.start("num2_words")
        return _money(text, start, match.end(), (_amount(match, "num2", currency).value,), None, currency, period, None)
    return _money(text, match.start(), match.end(), pair, None, currency, period, None)


def _money_bare(text: str, match: re.Match[str]) -> _Found:
    """Thousands with no currency: "45k", "42K-55K" (currency None)."""
    period = _suffix_period(match["num_suf"]) or _suffix_period(match["num2_suf"])
    first = _amount(match, "num", None)
    values: tuple[float, ...] = (first.value,)
    start = match.start()
    end = match.end()
    if match["num2"] is not None:
        pair = _range(first, _amount(match, "num2", None))
        if pair is not None:
            values = pair
        elif match["num_suf"]:  # "5k and 2k": two amounts, the search goes on after the first
            end = match.end("num_suf")
            period = _suffix_period(match["num_suf"])
        else:  # "55-42K": only the second is an amount
            start, values = match.start("num2"), (_amount(match, "num2", None).value,)
    return _money(text, start, end, values, None, None, period, None)


def _unit_name(written: str) -> str:
    """The canonical unit of a unit as written: "Yrs" -> "year", "%" -> "percent"."""
    written = written.lower()
    if written == "%" or written.startswith("per"):
        return "percent"
    for prefix, unit in (("y", "year"), ("mo", "month"), ("w", "week"), ("d", "day"), ("h", "hour"), ("mi", "minute")):
        if written.startswith(prefix):
            return unit
    raise AssertionError(f"unit not covered: {written!r}")  # pragma: no cover


def _quantity_value(token: str) -> float:
    """The value of a quantity's number: "1,000" -> 1000.0, "twenty-five" -> 25.0."""
    if token[0].isdigit():
        return float(re.sub(rf"{_GROUP_SPACE}|,", "", token))
    raw, scale = _words_value(token)
    return raw * scale


def _quantity(text: str, match: re.Match[str]) -> _Found:
    """The figure for a number (or range) with a unit, and the period stated after it."""
    values = tuple(_quantity_value(token) for token in (match["a"], match["b"]) if token is not None)
    period, end, _ = _period_at(text, match.end())
    return match.start(), end, values, _unit_name(match["unit"]), None, period


def _round_the_clock(text: str, match: re.Match[str]) -> _Found:
    """The figure for "24/7"."""
    return match.start(), match.end(), (24.0, 7.0), "24/7", None, None


# Tried in this order when two figures would start at the same offset.
_FINDERS = (
    (_MONEY_BEFORE, _money_before),
    (_MONEY_AFTER, _money_after),
    (_MONEY_BARE, _money_bare),
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
        "£24,000 per annum", "30.000 €", "C$45,000", "42K-55K"          unit "money"
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
        start, end, values, unit, currency, period = _FINDERS[first][1](text, match)
        newlines = text.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", pos, start) + 1
        figures.append(
            Figure(start, end, line, start - line_start + 1, text[start:end], values, unit, currency, period)
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
        if not any(
            ((c[3] and c[3] in figure.text) or figure.text in c[3]) if c[3] else set(figure.values) <= c[2]
            for c in covering
        ):
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
