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
(``analysis.core.vocab.CURRENCIES``: "$" and "US$" are U.S. dollars, "C$" Canadian, "A$"
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
Numbers in words use the shared vocabulary (``analysis.core.vocab``: ``NUMBER_WORDS``, ``TENS``,
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

The text is read as a reader reads it (:func:`reading`): compatibility forms are folded, NFKC
character by character ("＄３２，０００" is "$32,000", "﹩" is "$"), except fractions, superscripts
and subscripts ("½", "m²" state no number in digits) and no-break spaces, and the minus sign "−" is read as "-"
("$−5,000" and "−$5,000" are the amount -5,000). Every figure's offsets, line, column and text are the given
text's own, so a figure found in a repaired text maps back to the raw file as any offset does.

``find_figures`` is pure. :mod:`analysis.tools.scan` sets the figures of a source against its
evidence records and exclusions and reports the ones nobody has accounted for: the way to check
a new source is fully recorded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from analysis.core import number_patterns as patterns

__all__ = ["PERIODS", "UNITS", "Figure", "find_figures", "line_col", "reading"]

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
    ``analysis.core.vocab.CURRENCIES`` or None; ``period`` is one of ``PERIODS`` or None (see the
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
    if len(tokens) > 1 and tokens[-1] in patterns.BIG_SCALES and not any(t in patterns.BIG_SCALES for t in tokens[:-1]):
        scale = float(patterns.BIG_SCALES[tokens.pop()])
    total, current = 0, 0
    for token in tokens:
        value = patterns.WORD_NUMBER_TOKENS[token]
        if token in patterns.BIG_SCALES:
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
    factor = patterns.SUFFIX_VALUES[suffix.strip().lower()] if suffix else 1.0
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
    match = patterns.PERIOD.match(text, pos)
    if match is None:
        return None, pos, pos
    period = patterns.PERIOD_WORDS[(match["slash"] or match["per"] or match["word"]).lower()]
    return period, (pos if period == "year" else match.end()), match.end()


def _currency(sign: str) -> str | None:
    """The ISO code of a currency as written: "Â£" -> "GBP", "dollars" -> "USD"; None if unknown."""
    return patterns.CURRENCY_OF.get(sign) or patterns.CURRENCY_OF.get(" ".join(sign.lower().split()))


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
    """A money figure whose currency comes first: "$32,000", "£24,000–£28,000 per annum"; a sign
    before the currency or between it and the number makes it negative ("-$5,000", "$-5,000")."""
    currency = _currency(match["cur"])
    first = _amount(match, "num", currency)
    if match["sign"] or match["lead"]:
        first = _Amount(-first.raw, first.factor)
    return _money(
        text,
        match.start(),
        match.end(),
        (first.value,),
        first,
        currency,
        _suffix_period(match["num_suf"]),
        patterns.MONEY_BEFORE_TAIL,
    )


def _money_after(text: str, match: re.Match[str]) -> _Found:
    """A money figure whose currency comes last: "30.000 €", "30 to 40 thousand dollars"."""
    currency = _currency(match["cur"])
    period = _suffix_period(match["num_suf"]) or _suffix_period(match["num2_suf"])
    if match["num2"] is None and match["num2_words"] is None:
        first = _amount(match, "num", currency)
        return _money(
            text, match.start(), match.end(), (first.value,), first, currency, period, patterns.MONEY_AFTER_TAIL
        )
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
        return float(re.sub(rf"{patterns.GROUP_SPACE}|,", "", token))
    raw, scale = _words_value(token)
    return raw * scale


def _quantity(text: str, match: re.Match[str]) -> _Found:
    """The figure for a number (or range) with a unit, and the period stated after it."""
    values = tuple(_quantity_value(token) for token in (match["a"], match["b"]) if token is not None)
    period, end, _ = _period_at(text, match.end())
    return match.start(), end, values, _unit_name(match["unit"]), None, period


#: How far around an amount with no currency its sentence is looked for (characters each way), and
#: how many rows up a table's header: bounded, so that a long line is still read in linear time.
_CONTEXT_CHARS = 240
_CONTEXT_ROWS = 60
#: Where the next word starts, when only spaces come before it.
_WORD_NEXT = re.compile(rf"{patterns.GROUP_SPACE}*(?=[^\W\d_])")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text[start:end]`` within its line (at most :data:`_CONTEXT_CHARS` each
    way), and, for a row of a table, the table's first line (its header): the words that can say
    what an amount is."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    window_start = max(line_start, start - _CONTEXT_CHARS)
    stops = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[window_start:start])]
    begin = window_start + (stops[-1] if stops else 0)
    after = re.search(r"[.!?](?=\s|$)", text[end : min(line_end, end + _CONTEXT_CHARS)])
    finish = end + after.end() if after else min(line_end, end + _CONTEXT_CHARS)
    said = text[begin:finish]
    if text[line_start:line_end].lstrip().startswith("|"):
        head = line_start
        for _ in range(_CONTEXT_ROWS):
            above = text.rfind("\n", 0, head - 1) + 1 if head > 0 else 0
            if head == 0 or not text[above : head - 1].lstrip().startswith("|"):
                break
            head = above
        head_end = text.find("\n", head)
        said += " " + text[head : head_end if head_end >= 0 else len(text)][: 2 * _CONTEXT_CHARS]
    return said


def _money_unwritten(text: str, match: re.Match[str]) -> _Found | None:
    """An amount with no currency ("40,000–65,000", "14.71 an hour") where the text makes it pay:
    its sentence (or its table's header) speaks of pay (``PAY_WORDS``), and no word follows it that
    says what else it counts (``COUNTS_SOMETHING``: "2,000 calls"), a pay period aside. Otherwise no
    figure (None)."""
    values: tuple[float, ...] = (float(match["num"].replace(",", "")),)
    if match["num2"] is not None:
        second = float(match["num2"].replace(",", ""))
        values = (values[0], second) if values[0] <= second else values
    end = match.end() if len(values) == 2 else match.end("num")
    period, text_end, _ = _period_at(text, end)
    word = _WORD_NEXT.match(text, end)
    if period is None and word and patterns.COUNTS_SOMETHING.match(text, word.end()):
        return None
    if not patterns.PAY_WORDS.search(_sentence_around(text, match.start(), end)):
        return None
    return match.start(), text_end, values, _unit(None, period), None, period


def _round_the_clock(text: str, match: re.Match[str]) -> _Found:
    """The figure for "24/7"."""
    return match.start(), match.end(), (24.0, 7.0), "24/7", None, None


# Tried in this order when two figures would start at the same offset.
_FINDERS = (
    (patterns.MONEY_BEFORE, _money_before),
    (patterns.MONEY_AFTER, _money_after),
    (patterns.MONEY_BARE, _money_bare),
    (patterns.MONEY_UNWRITTEN, _money_unwritten),
    (patterns.ROUND_THE_CLOCK, _round_the_clock),
    (patterns.QUANTITY, _quantity),
)


#: Compatibility forms the scanner does not fold: NFKC would turn these into digits the text does
#: not state as a number ("½" -> "1⁄2", "m²" -> "m2"); no-break spaces the patterns read
#: themselves, damaged by a bad encoding or not.
_KEPT_FORMS = ("<fraction>", "<super>", "<sub>", "<noBreak>")


def reading(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the scanner reads it (see the module docstring), and for each of its characters
    the offset in ``text`` it comes from, with ``len(text)`` last; None when it is ``text`` itself."""
    if text.isascii():
        return text, None
    out: list[str] = []
    where: list[int] = []
    for at, char in enumerate(text):
        if char == "\u2212":
            folded = "-"
        elif char.isascii() or unicodedata.decomposition(char).startswith(_KEPT_FORMS):
            folded = char
        else:
            folded = unicodedata.normalize("NFKC", char)
        out.append(folded)
        where.extend([at] * len(folded))
    where.append(len(text))
    return "".join(out), where


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
    return list(_figures_of(text))


@lru_cache(maxsize=4096)
def _figures_of(text: str) -> tuple[Figure, ...]:
    """:func:`find_figures`, kept for the texts read last: the same quotes and sentences are read by
    the checks of every record, page and table (a figure is frozen; callers get their own list)."""
    folded, where = reading(text)
    found = _find(folded)
    if where is None:
        return tuple(found)
    figures = []
    line, line_start, pos = 1, 0, 0
    for figure in found:
        start, end = where[figure.start], where[figure.end - 1] + 1
        newlines = text.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", pos, start) + 1
        figures.append(
            replace(figure, start=start, end=end, line=line, col=start - line_start + 1, text=text[start:end])
        )
        pos = start
    return tuple(figures)


def _find(text: str) -> list[Figure]:
    """:func:`find_figures` on a text as the scanner reads it."""
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
        found = _FINDERS[first][1](text, match)
        if found is None:  # not a figure here (an amount with nothing to make it pay): look further on
            upcoming[first] = _FINDERS[first][0].search(text, match.start() + 1)
            continue
        start, end, values, unit, currency, period = found
        newlines = text.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", pos, start) + 1
        figures.append(
            Figure(start, end, line, start - line_start + 1, text[start:end], values, unit, currency, period)
        )
        pos = end
