"""Words that depend on the data: counts out of totals, lists, dollars, hedges, caveats and short
references, shared by every chapter's claims (escaping and citation roles are in
:mod:`analysis.core.markup`)."""

from __future__ import annotations

import pandas as pd

from analysis.core import external, sources, vocab
from analysis.core.markup import Markup, cite, md_escape, quoted


def join(items: list[str], conjunction: str = "and") -> str:
    """Items as running text: "a", "a and b", "a, b and c"; "none" for no items."""
    items = [str(i) for i in items]
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """ "1 article", "2 articles" (``nouns`` for an irregular plural)."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def number_word(n: int) -> str:
    """A count as running text writes it: "five" up to nineteen, digits from 20 ("24")."""
    words = {value: word for word, value in vocab.NUMBER_WORDS.items()}
    return words.get(n, str(n))


def of(n: int, total: int, noun: str) -> str:
    """A count out of a total: "2 of the 12 articles", "all 12 articles", "none of the 12 articles"."""
    if n == total:
        return f"all {plural(total, noun)}" if total > 1 else f"the one {noun}"
    if n == 0:
        return f"none of the {plural(total, noun)}"
    return f"{n} of the {plural(total, noun)}"


def years(low: float, high: float | None = None, unit: bool = True) -> str:
    """Years of experience as a requirement states them: a range ("0–3 years"), a plain number, whose
    ``high`` equals its ``low`` ("5 years"), or a floor, which has no ``high`` ("at least 1 year").
    Without ``unit`` the word "years" is left out ("0–3", "5", "at least 1")."""
    low = float(low)
    number = f"{low:g}"
    words = f"{number} {'year' if low == 1 else 'years'}" if unit else number
    if high is None or pd.isna(high):  # no upper figure: the sentence states a floor
        return f"at least {words}"
    if float(high) == low:
        return words
    span = f"{low:g}–{float(high):g}"
    return f"{span} years" if unit else span


def hedges(value: object) -> str:
    """A record's hedge column (semicolon-separated) as words: "some, may"; "" when stated flatly."""
    return ", ".join(w for w in str(value or "").split(";") if w) if isinstance(value, str) else ""


def hedge_words(value: object) -> list[str]:
    """A record's hedge column as a list of its words: ["some", "may"]; [] when stated flatly."""
    return [w for w in hedges(value).split(", ") if w]


def money(value: float, cents: bool = False) -> str:
    """Dollars as a reader writes them: $25,702. With ``cents`` (a figure as a source writes it),
    an amount with cents keeps them: $14.71, $22.60 (never $15 or $23); a whole one stays $15."""
    if cents and round(float(value), 2) != round(float(value)):
        return f"${value:,.2f}"
    return f"${value:,.0f}"


def amount(low: float, high: object, period: str | None, statistic: str = "") -> str:
    """A pay figure in its own period, with its own cents: "$14.71–$22.60 an hour", "$3,200 a
    month", "$50,000 or more a year" (a threshold), "$32,000" (``period`` None: no period said)."""
    text = money(low, cents=True)
    try:
        upper = float(high)  # type: ignore[arg-type]
    except (TypeError, ValueError):  # None or a missing value: no upper figure
        upper = float("nan")
    if upper == upper:
        text += f"–{money(upper, cents=True)}"
    elif statistic == "threshold":
        text += " or more"
    return f"{text} {vocab.PERIOD_WORDS[period]}" if period else text


def caveats(source_ids: list[str]) -> str:
    """What each of these sources says of its own reliability, quoted, as MyST ("" if none says)."""

    said = [m for m in sources.read_manifest() if m.source_id in set(source_ids) and m.caveat]
    return Markup(" ".join(f"{cite(m.source_id, 't')} says of itself: {quoted(md_escape(m.caveat))}" for m in said))


def short_ref(key: str) -> str:
    """A short plain-text reference, as the citations show it: the author's full name (a surname
    alone reads as a first name) or the short title, and the year, for a source of the manifest;
    the short name of an official statistic or study otherwise."""

    meta = next((m for m in sources.read_manifest() if m.source_id == key), None)
    if meta is None:
        if key not in external.REFERENCES:
            raise KeyError(f"no short reference for {key!r}: not a source and not in external.REFERENCES")
        return external.REFERENCES[key]
    who = meta.author or meta.short_title or meta.title
    return f"{who} ({meta.published[:4] or 'n.d.'})"


def sources_list(source_ids: object, also: tuple[str, ...] = ()) -> Markup:
    """A chapter's closing list of what it cites, as MyST: the sources among ``source_ids`` in
    manifest order, then the other references in ``also`` ("{cite:t}`a`; {cite:t}`b`")."""
    wanted = {str(s) for s in source_ids}  # type: ignore[attr-defined]
    keys = [m.source_id for m in sources.read_manifest() if m.source_id in wanted] + list(also)
    return Markup("; ".join(cite(key, "t") for key in dict.fromkeys(keys)) + ".")
