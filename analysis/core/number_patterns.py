"""The regular expressions that find money amounts and numbers with a unit in a text, built from
the shared vocabulary (:mod:`analysis.core.vocab`), with the damaged spellings a bad encoding
leaves of dashes, currency signs and spaces. :mod:`analysis.core.numbers` runs them.

Every repetition is atomic, possessive or bounded, so matching takes time linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.core import vocab


def _windows_1252(data: bytes) -> str:
    """Decode bytes as a browser decodes windows-1252 (its five holes map to C1 controls)."""
    return "".join(
        chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252") for byte in data
    )


def _mojibake(text: str) -> str:
    """``text`` encoded as UTF-8 and misread as windows-1252: "–" -> "â€“"."""
    return _windows_1252(text.encode("utf-8"))


def _greek(data: bytes, holes: str) -> str:
    """Decode bytes as windows-1253 (Greek), its undefined bytes filled as ``holes`` fills them:
    "latin-1" (C1 controls, as browsers do) or "cp1252"."""
    out = []
    for byte in data:
        one = bytes([byte])
        try:
            out.append(one.decode("cp1253"))
        except UnicodeDecodeError:
            out.append(one.decode(holes, errors="ignore") or one.decode("latin-1"))
    return "".join(out)


def _damaged(text: str) -> tuple[str, ...]:
    """``text`` as written, damaged once and twice by windows-1252, and once by windows-1253 (UTF-8
    read as Greek: "–" -> "β€“"); ASCII stays itself."""
    once = _mojibake(text)
    if once == text:
        return (text,)
    data = text.encode("utf-8")
    return tuple(dict.fromkeys((text, once, _mojibake(once), _greek(data, "latin-1"), _greek(data, "cp1252"))))


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
    *_damaged(_EN_DASH)[3:],  # "β€“": read as windows-1253 (Greek)
    *_damaged(_EM_DASH)[3:],  # "β€”"
)
_DASH = _alternation(_DASHES)

_SP = r"[^\S\r\n]"  # horizontal white space: a figure never crosses a line break

# Spaces that group thousands: "45 000", "45\u00a0000", "45\u202f000", and no-break spaces damaged.
_GROUP_SPACES = ("\u00a0", "\u202f", "\u2009")
GROUP_SPACE = rf"(?:[ {''.join(_GROUP_SPACES)}]|{_alternation([d for s in _GROUP_SPACES for d in _damaged(s)[1:]])})"

# A number as written, in digits. Atomic, so that a failed match never retries with a shorter
# number ("20 years" -> "2"); groups are complete ("1,2345" is not "1,234") and bounded.
_NOT_AFTER_NUMBER = r"(?<![\w.,])"
_INTEGER = (
    r"(?>\d{1,2}(?:,\d{2}){1,6},\d{3}(?!\d)"  # 3,00,000
    r"|\d{1,3}(?:,\d{3}){1,6}(?!\d)"  # 32,000
    r"|\d{1,3}(?:\.\d{3}){1,6}(?!\d|\.\d)"  # 30.000 (a decimal "1.500" outside the euro)
    rf"|\d{{1,3}}(?:{GROUP_SPACE}\d{{3}}){{1,6}}(?!\d)"  # 45 000
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
BIG_SCALES: dict[str, int] = {w: v for w, v in vocab.SCALES.items() if v >= 1000}
_BIG_SCALE = _alternation(BIG_SCALES)
_BASIC = rf"(?:(?:{_TENS})(?:[-\u2010\u2011]|{_SP})(?:{_ONES_1_9})\b|(?:{_TENS}|{_ONES})\b)"
_BELOW_THOUSAND = rf"(?:(?:{_BASIC}|a){_SP}+(?:{_HUNDRED})\b(?:{_SP}+(?:and{_SP}+)?{_BASIC})?|{_BASIC})"
_AND = rf"{_SP}++(?:and{_SP}++)?"
_WORDS = (  # "forty thousand", "one million two hundred thousand and fifty", "seven"
    rf"(?>\b(?i:(?:{_BELOW_THOUSAND}|a){_SP}++(?:{_BIG_SCALE})\b"
    rf"(?:{_AND}{_BELOW_THOUSAND}{_SP}++(?:{_BIG_SCALE})\b){{0,2}}(?:{_AND}{_BELOW_THOUSAND})?"
    rf"|{_BELOW_THOUSAND}))"
)
WORD_NUMBER_TOKENS: dict[str, int] = {**vocab.NUMBER_WORDS, **vocab.TENS, **vocab.SCALES, "a": 1}

# Suffixes that multiply a number in digits: "$50k", "$1.5 million", "3.5 lakh", "3.5 LPA".
SUFFIX_VALUES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "lpa": 1e5,
    **{word: float(value) for word, value in BIG_SCALES.items()},
    **{word: float(value) for word, value in vocab.INDIAN_SCALES.items()},
    **{word + "s": float(value) for word, value in vocab.INDIAN_SCALES.items()},
}
_SPELLED_SUFFIX = _alternation([*BIG_SCALES, *vocab.INDIAN_SCALES, *(w + "s" for w in vocab.INDIAN_SCALES), "lpa"])
_SUFFIX = rf"(?:{_SP}?(?i:{_SPELLED_SUFFIX})\b|(?:bn|mn|[kKmMbB])\b)"
# The suffixes that make a number without a currency sign an amount of money: "45k", "3.5 LPA",
# and "3.5 lakh" when a period follows ("5 lakh people" is a head count).
_MONEY_SUFFIX = (
    rf"(?:[kK]\b|{_SP}?(?i:lpa)\b|{_SP}?(?i:{_alternation([*vocab.INDIAN_SCALES, *(w + 's' for w in vocab.INDIAN_SCALES)])})\b"
    rf"(?={_SP}+(?i:per|an?|p\.?a\.?|annually|yearly|monthly)(?!\w)))"
)

# Currencies: signs and codes before an amount, signs, codes and words after one.
# The ISO code of every way a currency is written (words in lower case).
CURRENCY_OF: dict[str, str] = {
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

# A money amount after its currency: "$32,000", "£1.5 million", "€30.000", "USD 40,000",
# "$50,000+", "Â£30,000", and a negative one, "$-5,000" (the scanner reads "−" as "-").
MONEY_BEFORE = re.compile(
    rf"""
    (?P<cur> {_CURRENCY_BEFORE} ) {_SP}?
    (?P<sign> - )?
    {_digits("num")}
    (?P<num_suf> {_SUFFIX} )?
    \+?
    """,
    re.VERBOSE,
)

# The second end of a money range, matched right after the first amount:
# " and $33,661", "-50,000", "–$50k", " to 15". The number must not carry a unit of its own
# ("$500 and 20 years": the 20 years are a separate figure).
MONEY_BEFORE_TAIL = re.compile(
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
MONEY_AFTER = re.compile(
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
MONEY_AFTER_TAIL = re.compile(
    rf"""
    {_CONNECTOR}
    {_NUMBER_OR_WORDS.replace("{n}", "num")} \+?
    {_SP}?
    (?P<cur> {_CURRENCY_AFTER} )
    """,
    re.VERBOSE,
)

# Thousands written "K" with no currency at all: "45k", "42K-55K", "42-55K", "3.5 LPA".
MONEY_BARE = re.compile(
    rf"""
    (?<! [\w$.,] )
    (?! 40[13] [kK] \b )                    # a 401k or 403k plan
    {_digits("num")} (?P<num_suf> {_MONEY_SUFFIX} )?
    (?: {_CONNECTOR} {_digits("num2")} (?P<num2_suf> {_MONEY_SUFFIX} ) )?
    (?(num_suf)|(?(num2_suf)|(?!)))         # at least one of them has its "K"
    """,
    re.VERBOSE,
)

# An amount written with no currency at all, shaped like money: thousands grouped ("40,000",
# "40,000.50") or cents ("14.71"), or a range of two ("40,000–65,000", "14.71 to 22.60"). Never a
# figure on its own: numbers.py reports it only where a period follows or the sentence speaks of
# pay (PAY_WORDS), and never when a word follows that says what it counts ("2,000 calls").
_MONEY_SHAPED = r"(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{2})?(?!\d|[,.]\d)|\d{1,3}\.\d{2}(?!\d|[,.]\d))"
MONEY_UNWRITTEN = re.compile(
    rf"""
    (?<! [\w.,$£€₹₱] )
    (?P<num> {_MONEY_SHAPED} )
    (?: {_CONNECTOR} (?P<num2> {_MONEY_SHAPED} ) )?
    """,
    re.VERBOSE,
)
#: A word after an amount with no currency that says it counts something else ("2,000 calls",
#: "40,000 people"): a plural, or a collective noun; the words ending in "s" that are no plurals
#: ("40,000–65,000 is", "plus bonus", "as a start") do not.
COUNTS_SOMETHING = re.compile(
    r"(?!(?:is|was|has|as|plus|across|this|its|us|his|less|unless|thus|bonus|gross)\b)[a-z]+s\b"
    r"|(?:people|staff|personnel|workforce|crew|children|men|women)\b",
    re.IGNORECASE,
)
#: Words that make an amount with no currency pay when its sentence (or its table's header) has one.
PAY_WORDS = re.compile(
    r"\b(?:salar(?:y|ies)|pay|pays|paid|wages?|earn(?:s|ed|ing|ings)?|income|compensation|remuneration)\b",
    re.IGNORECASE,
)

# The period stated right after an amount or a quantity: "/month", " a month", " per annum",
# " monthly", " p/h", "/yr".
PERIOD_WORDS: dict[str, str] = {
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
PERIOD = re.compile(
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
    rf"(?>\d{{1,3}}(?:,\d{{3}}){{1,6}}(?!\d)|\d{{1,3}}(?:{GROUP_SPACE}\d{{3}}){{1,6}}(?!\d)|\d++)"
    r"(?:\.\d++)?"
)
QUANTITY = re.compile(
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
ROUND_THE_CLOCK = re.compile(rf"(?<![\w/.,]) 24 {_SP}? / {_SP}? 7 (?![\w/])", re.VERBOSE)
