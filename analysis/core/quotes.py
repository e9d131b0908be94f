"""Quotation marks mean source words: find every quoted span in a text and check it against the
text of the source it is attributed to.

A quotation is text between curly double quotation marks (“ … ”). It may carry the usual
editorial marks: ``[...]`` (or ``[…]``) for words cut, and ``[word]`` for an insertion such as a
changed capital or an added letter ("supervisor[s]"). The quotation is split at those marks into
segments, and each segment must be found, in order, in the source's text (whitespace compared
normalised, everything else exactly: letters, case, punctuation, straight or curly apostrophes).

A quotation found in the source as it is holds, brackets and all. Otherwise its marks (at most
:data:`MAX_MARKS`; each part is tried at its first :data:`MAX_PLACES` places in the source) must
hold their meaning, or the quotation is refused:

- a cut joins words of one sentence, in the source's order: what it leaves out holds no end of a
  sentence (".", "!", "?" or "…" before a space, or a blank line; a sentence end the quotation
  shows itself, "career. [...] Then", is the reader's to see), no negation, and at most
  :data:`MAX_CUT` characters;
- an insertion replaces or clarifies words, never more: it stands for at most
  :data:`MAX_REPLACED` characters of one sentence of the source; it adds no negation ("not",
  "never", "n't"...), no number (digits, number words, "$", "%") and no qualifier (a hedge word
  of :data:`analysis.core.vocab.HEDGES`, or "all", "always", "only"...) that the words it stands
  for do not have; where those words are unknown (at the start or end of the quotation, or
  beside a cut) it may hold none of them;
- an insertion joined to a word changes only that word's form: before it, only the case of the
  source's own letters ("[M]ost"); after it, the source's own letters or a short ending of at most
  three letters ("supervisor[s]"), never "n't".

The texts a key stands for (:func:`texts`) are the repaired texts of the sources of the manifest,
and, for official statistics and studies, the text cells of their files in ``data/external/``.
The build runs these checks on every page (``_ext/quote_check.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from analysis.core import external, paths, sources, vocab

OPEN, CLOSE = "\u201c", "\u201d"
QUOTED = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")
#: An editorial mark inside a quotation: a cut ("[...]", "[…]") or an insertion ("[s]", "[T]he").
EDITORIAL = re.compile(r"\[(?:\.\.\.|…|[^\[\]]{1,40})\]")

#: The file in data/external/ whose text cells each external reference's quotations come from.
EXTERNAL_FILES: dict[str, str] = {
    external.BIBKEYS["oews"]: "bls_oews_national.csv",
    external.BIBKEYS["projections"]: "bls_employment_projections_2024_34.csv",
    external.BIBKEYS["separations"]: "turnover_studies.csv",
    external.BIBKEYS["cornell"]: "turnover_studies.csv",
}


@dataclass(frozen=True)
class Problem:
    """A quotation that the texts of its attributed sources do not hold, or that has no source."""

    quote: str
    keys: tuple[str, ...]
    reason: str

    def __str__(self) -> str:
        checked = ", ".join(self.keys) or "no source"
        return f"{OPEN}{self.quote}{CLOSE} ({checked}): {self.reason}"


def quotations(text: str) -> list[str]:
    """The quoted spans of a text, in order (without their quotation marks)."""
    return QUOTED.findall(text)


def unbalanced(text: str) -> bool:
    """Whether a text opens a quotation it does not close, or closes one it never opened."""
    depth = 0
    for char in text:
        if char == OPEN:
            if depth:
                return True
            depth = 1
        elif char == CLOSE:
            if not depth:
                return True
            depth = 0
    return depth != 0


def segments(quote: str) -> list[str]:
    """The parts of a quotation that must be the source's own words: the text between editorial
    marks, whitespace-normalised, empty parts dropped."""
    return [part for part in (sources.normalise_space(p) for p in EDITORIAL.split(quote)) if part]


#: The most characters of the source a cut may leave out.
MAX_CUT = 250
#: The most editorial marks one quotation may carry: past it, it is no longer a quotation (and
#: matching 300 cuts against a megabyte of repeated words took minutes).
MAX_MARKS = 10
#: The most places in the source a part of a quotation is tried at: a phrase of a quotation that
#: the source repeats thousands of times places nothing (and trying each took minutes).
MAX_PLACES = 2_000
#: The most characters of the source an insertion may stand for (besides the spaces around it).
MAX_REPLACED = 40
CUTS = ("[...]", "[…]")
NEGATION = re.compile(
    r"(?i)\b(?:not|no|never|none|nobody|nothing|nowhere|neither|nor|cannot|without|hardly|barely|scarcely)\b"
    r"|n[\'’]t\b"
)
_ABSOLUTES = ("all", "always", "every", "each", "only", "must", "certainly", "definitely", "guaranteed", "surely")
QUALIFIER = re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in (*vocab.HEDGES, *_ABSOLUTES)) + r")(?![\w-])"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n[^\S\n]*\n")
_NUMBER_WORDS = {**vocab.NUMBER_WORDS, **vocab.TENS, **vocab.SCALES, "half": 0.5, "twice": 2, "double": 2}
_NUMBER_TOKEN = re.compile(r"\d[\d,.]*|[A-Za-z]+|[$€£¥%]")
_SIGNS = {"percent": "%", "dollar": "$", "dollars": "$"}


@dataclass(frozen=True)
class _Mark:
    """The editorial marks between two parts of a quotation (or at its start or end)."""

    cut: bool = False
    inserted: str = ""  # the insertions' words, joined by spaces
    before: bool = False  # an insertion is joined to the word before it ("position[s]")
    after: bool = False  # an insertion is joined to the word after it ("[M]ost")


def _parse(quote: str) -> tuple[list[str], list[_Mark]]:
    """The parts of a quotation (whitespace-normalised) and the marks around them: ``marks[k]``
    comes before ``parts[k]``, and the last mark after the last part."""
    parts: list[str] = []
    marks: list[_Mark] = [_Mark()]
    at = 0
    for match in EDITORIAL.finditer(quote):
        between = quote[at : match.start()]
        if between.strip():
            parts.append(sources.normalise_space(between))
            marks.append(_Mark())
        mark = marks[-1]
        word = match.group()
        if word in CUTS:
            marks[-1] = _Mark(True, mark.inserted, mark.before, mark.after)
        else:
            # Joined: a letter or digit of the quotation touches the bracket.
            joined_before = match.start() > 0 and quote[match.start() - 1].isalnum() and bool(parts)
            joined_after = match.end() < len(quote) and quote[match.end()].isalnum()
            inserted = " ".join(w for w in (mark.inserted, word[1:-1].strip()) if w)
            marks[-1] = _Mark(
                mark.cut, inserted, mark.before or (joined_before and not mark.inserted), joined_after or mark.after
            )
        at = match.end()
    if quote[at:].strip():
        parts.append(sources.normalise_space(quote[at:]))
        marks.append(_Mark())
    return parts, marks


def _numbers(text: str) -> set[str]:
    """The numbers and the signs of number a text states: "thirty" and "30" are both "30"."""
    found = set()
    for token in _NUMBER_TOKEN.findall(text):
        if token[0].isdigit():
            digits = token.rstrip(".,").replace(",", "")
            found.add(f"{float(digits):g}" if re.fullmatch(r"\d+(?:\.\d+)?", digits) else digits)
        elif token.lower() in _NUMBER_WORDS:
            found.add(f"{_NUMBER_WORDS[token.lower()]:g}")
        elif token.lower() in _SIGNS or token in "$€£¥%":
            found.add(_SIGNS.get(token.lower(), token))
    return found


def _insertion_problem(mark: _Mark, replaced: str | None, following: str, preceding: str) -> str | None:
    """What is wrong with an insertion; ``replaced`` is the source's words it stands for (None:
    unknown), ``following`` the source's text after the quoted words before the insertion, and
    ``preceding`` its text before the quoted words after it."""
    inserted = mark.inserted
    if mark.after and preceding[-len(inserted) :].lower() == inserted.lower():
        return None  # "[M]ost": the source's own letters, another case
    if mark.before:
        if following[: len(inserted)].lower() == inserted.lower():
            return None
        if re.fullmatch(r"[A-Za-z'’]{1,3}", inserted) and not NEGATION.search("a" + inserted):
            return None  # "supervisor[s]": an ending
    if mark.before or mark.after:
        return f"the insertion [{inserted}] changes a word of the source, not only its case or ending"
    if NEGATION.search(inserted) and not (replaced and NEGATION.search(replaced)):
        return f"the insertion [{inserted}] adds a negation the source does not have there"
    if not _numbers(inserted) <= _numbers(replaced or ""):
        return f"the insertion [{inserted}] states a number the source does not state there"
    qualifiers = {w.lower() for w in QUALIFIER.findall(inserted)}
    if not qualifiers <= {w.lower() for w in QUALIFIER.findall(replaced or "")}:
        return f"the insertion [{inserted}] adds a qualifier the source does not have there"
    return None


def _joins(mark: _Mark, text: str, flat: str, where: tuple[int, ...], end: int, start: int) -> str | None:
    """What is wrong with the marks between a part ending at ``end`` and the next starting at
    ``start`` (offsets in ``flat``); None if they hold."""
    gap = text[where[end - 1] + 1 : where[start]]  # what the marks stand for, in the source as written
    if _SENTENCE_END.search(gap):
        return "the marks join words of different sentences of the source"
    if mark.cut:
        if start - end > MAX_CUT:
            return f"the cut leaves out more than {MAX_CUT} characters of the source"
        if NEGATION.search(flat[end:start]):
            return "the cut leaves out a negation of the source"
        return _insertion_problem(mark, None, flat[end:start], flat[:start]) if mark.inserted else None
    replaced = flat[end:start].strip()
    if len(replaced) > MAX_REPLACED:
        return f"the insertion [{mark.inserted}] stands for more than {MAX_REPLACED} characters of the source"
    return _insertion_problem(mark, replaced, flat[end:start], flat[:start])


def mismatch(quote: str, text: str) -> str | None:
    """Why ``text`` does not hold the quotation (see the module docstring), or None if it does."""
    flat, where = sources.flat_words(text)
    if sources.normalise_space(quote) in flat:
        return None  # the source's words as they are, brackets and all
    if len(EDITORIAL.findall(quote)) > MAX_MARKS:
        return f"more than {MAX_MARKS} editorial marks: quote fewer, longer passages"
    parts, marks = _parse(quote)
    if not parts:
        return "an empty quotation"
    reason = "not the words of the source it is attributed to"
    ends: list[int] = []
    for index, part in enumerate(parts):
        mark = marks[index]
        found = []
        at, tries = flat.find(part), 0
        while at >= 0 and tries < MAX_PLACES:
            tries += 1
            if index == 0:
                problem = _insertion_problem(mark, None, flat[at:], flat[:at]) if mark.inserted else None
            else:
                problem = _best_join(mark, text, flat, where, ends, at)
            if problem is None:
                found.append(at + len(part))
            elif reason.startswith("not the words"):
                reason = problem
            at = flat.find(part, at + 1)
        if not found:
            return reason
        ends = found
    last = marks[-1]
    if not last.inserted:
        return None
    problems = [_insertion_problem(last, None, flat[end:], flat[:end]) for end in ends]
    return None if None in problems else problems[0]


def _best_join(mark: _Mark, text: str, flat: str, where: tuple[int, ...], ends: list[int], start: int) -> str | None:
    """Whether the marks before a part at ``start`` hold after some end of the part before it: for
    a cut, the nearest end (what a cut leaves out only grows with the distance); for an insertion,
    any end within its reach."""
    last = bisect.bisect_right(ends, start) - 1
    if last < 0:
        return "not the words of the source it is attributed to"
    first = last if mark.cut else bisect.bisect_left(ends, start - MAX_REPLACED - 2, 0, last + 1)
    problem = None
    for end in reversed(ends[first : last + 1]):
        problem = _joins(mark, text, flat, where, end, start)
        if problem is None:
            return None
    return problem


def holds(quote: str, text: str) -> bool:
    """Whether ``text`` holds every segment of ``quote``, in order, with every editorial mark
    holding its meaning (see the module docstring)."""
    return mismatch(quote, text) is None


def _external_text(file: str) -> str:
    frame = pd.read_csv(paths.EXTERNAL / file, dtype=str, keep_default_na=False)
    return "\n".join(v for column in frame.columns for v in frame[column] if v)


@cache
def texts() -> dict[str, str]:
    """The text each citation key's quotations are checked against."""
    out = {key: source.text for key, source in sources.load_all().items()}
    for key, file in EXTERNAL_FILES.items():
        out[key] = _external_text(file)
    return out


def check(quote: str, keys: Iterable[str], corpus: dict[str, str] | None = None) -> Problem | None:
    """None if one of the attributed sources holds the quotation; else what is wrong."""
    keys = tuple(dict.fromkeys(keys))
    corpus = texts() if corpus is None else corpus
    if not keys:
        return Problem(quote, keys, "a quotation with no citation beside it: cite the source of these words")
    unknown = [k for k in keys if k not in corpus]
    if len(unknown) == len(keys):
        return Problem(quote, keys, "no text is known for this citation")
    if not segments(quote):
        return Problem(quote, keys, "an empty quotation")
    reasons = [mismatch(quote, corpus[k]) for k in keys if k in corpus]
    if None in reasons:
        return None
    said = next((r for r in reasons if r and not r.startswith("not the words")), None)
    return Problem(quote, keys, said or "not the words of the source it is attributed to")
