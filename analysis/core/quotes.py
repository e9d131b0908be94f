"""Quotation marks mean source words: find every quoted span in a text and check it against the
text of the source it is attributed to.

A quotation is text between curly double quotation marks (“ … ”). It may carry the usual
editorial marks: ``[...]`` (or ``[…]``) for words cut, and ``[word]`` for an insertion such as a
changed capital or an added letter ("supervisor[s]"). The quotation is split at those marks into
segments, and each segment must be found, in order, in the source's text (whitespace compared
normalised, everything else exactly: letters, case, punctuation, straight or curly apostrophes).

The texts a key stands for (:func:`texts`) are the repaired texts of the sources of the manifest,
and, for official statistics and studies, the text cells of their files in ``data/external/``.
The build runs these checks on every page (``_ext/quote_check.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from analysis.core import external, paths, sources

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


def holds(quote: str, text: str) -> bool:
    """Whether ``text`` holds every segment of ``quote``, in order (whitespace-normalised)."""
    parts = segments(quote)
    if not parts:
        return False
    flat = sources.normalise_space(text)
    at = 0
    for part in parts:
        found = flat.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


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
    if any(holds(quote, corpus[k]) for k in keys if k in corpus):
        return None
    return Problem(quote, keys, "not the words of the source it is attributed to")
