"""The drafter's rules for what a figure is when the record kinds cannot simply hold it, and its
check that each drafted record validates (:mod:`analysis.tools.draft` uses them).

- **Percentages.** No record kind has a field for a percentage, so the scanner lists every one until
  an exclusion accounts for it: each percentage is drafted as an exclusion with its reason, and,
  where its sentence is a claim a kind holds, as a record too: a ``challenge`` (turnover) near words
  of people leaving, a ``metric`` near the name of a measure. A projection ("projected to decline
  5 percent by 2034") and a position in a pay distribution ("the top 10%") are exclusions only:
  the report takes projections from the BLS itself, and a percentile is not a pay figure.
- **A range written as an average** (flag ``range-phrased-as-average``) is one whose two figures
  are joined by "and" right after an average word ("an average annual salary of $51,622 and
  $72,105"); "between $X and $Y", "$X to $Y" and a range in a sentence that speaks of an average
  elsewhere are ranges written as ranges.
- **Short quotes.** A quote shorter than the schema's minimum is widened to its whole line, then to
  the lines around it (a heading, a table's header), never beyond a blank line.
- **Roles.** The role of a record is the first job its quote names before the figure (else after
  it), with up to three words before its noun (:func:`role_in`); a person checks it.
- **Validation.** Each drafted record is checked as a person would submit it, with its ``status``
  line deleted (:func:`problems`): what the validator would still refuse is returned, so the draft
  says it beside the record instead of leaving it to ``make data``.
"""

from __future__ import annotations

import re
from typing import Any

from analysis.core import evidence, numbers, schema, sources

#: Words of a percentage that is a projection of employment or pay, not a claim a record holds.
PROJECTION = re.compile(
    r"\bproject(?:s|ed|ion|ions)?\b|\boutlook\b|\bexpected\s+to\b|\bforecast\w*|\bby\s+20\d\d\b"
    r"|\b(?:grow|grows|growth|decline|declines|fall|falls)\b[^.]{0,60}\bpercent|\bpercent\b[^.]{0,60}\bby\s+20\d\d\b",
    re.IGNORECASE,
)
#: Words of a percentage that places pay in a distribution ("the top 10% earn"), not a pay figure.
PERCENTILE = re.compile(
    r"\b(?:top|bottom|highest|lowest)\s+(?:\d+(?:\.\d+)?\s?(?:%|percent)|[a-z-]+\s+percent)|\bpercentile\b",
    re.IGNORECASE,
)
TURNOVER = re.compile(r"\bturnover\b|\battrition\b|\bquit\b|\bleave\b|\bchurn\b", re.IGNORECASE)
#: The average words that, right before two figures joined by "and", write a range as an average.
_AVERAGE_BEFORE = re.compile(r"\b(?:an?\s+)?(?:average|mean|median)\b[^.;:$]{0,40}$", re.IGNORECASE)


def percent_kind(quote: str) -> tuple[str | None, str]:
    """For a percentage in ``quote``: the record kind its claim is drafted as (``"challenge"`` for
    turnover, ``"metric"`` otherwise, None for none) and the reason of its exclusion."""
    if PROJECTION.search(quote):
        return None, (
            "A projection, not a claim a record kind holds: the report takes projections from the BLS itself "
            "(data/external)."
        )
    if PERCENTILE.search(quote):
        return None, "A position in a pay distribution (a percentile), not a pay figure a record can hold."
    if TURNOVER.search(quote):
        return "challenge", "A percentage: no record kind holds its number; the claim is drafted as a challenge."
    return "metric", "A percentage: no record kind holds its number; the claim is drafted as a metric."


def phrased_as_average(quote: str, offset: int, figure: numbers.Figure) -> bool:
    """Whether a range is written as an average of two figures: "an average ... of $X and $Y"."""
    joined_by_and = re.search(r"\sand\s", figure.text) is not None
    before = quote[max(0, offset - 60) : offset]
    return (
        joined_by_and
        and not re.search(r"\bbetween\s*$", before, re.IGNORECASE)
        and bool(_AVERAGE_BEFORE.search(before))
    )


def widen(text: str, begin: int, finish: int) -> tuple[int, int]:
    """A quote ``text[begin:finish]`` shorter than the schema's minimum, widened to its whole line,
    then to the lines before it (a heading, a table's header) and after it, never past a blank line."""
    line_start = text.rfind("\n", 0, begin) + 1
    line_end = text.find("\n", finish)
    line_end = len(text) if line_end < 0 else line_end
    begin, finish = line_start, line_end
    while len(text[begin:finish].strip()) < schema.MIN_QUOTE_CHARS:
        above = text.rfind("\n", 0, max(begin - 1, 0)) + 1 if begin > 0 else None
        if above is not None and text[above : begin - 1].strip():
            begin = above
            continue
        below = text.find("\n", finish + 1) if finish < len(text) else -2
        if below != -2 and text[finish + 1 : (below if below >= 0 else len(text))].strip():
            finish = below if below >= 0 else len(text)
            continue
        break
    while begin < finish and text[begin].isspace():
        begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return begin, finish


def problems(record: dict[str, Any], source: sources.Source | None) -> list[str]:
    """What the validator would refuse in a drafted record once its ``status`` line is deleted, as
    short sentences (without the file and record label)."""
    submitted = {k: v for k, v in record.items() if k != "status"}
    found = evidence.record_problems(submitted, source)
    return [re.sub(r"^record: record '[^']*' \(#\d+\): ", "", p) for p in found]


_ROLE_NOUNS = (
    r"representatives?|reps?|agents?|associates?|advis[oe]rs?|operators?|executives?"
    r"|specialists?|supervisors?|team[\s-]+lead(?:er)?s?|managers?|directors?|trainers?"
    r"|analysts?|coordinators?|consultants?|officers?|CSRs?"
)
_ROLE = re.compile(rf"\b(?:{_ROLE_NOUNS})\b(?:\s+(?:I{{1,3}}|IV|V)\b)?", re.IGNORECASE)
_NOT_ROLE_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "for",
        "of",
        "as",
        "and",
        "or",
        "to",
        "in",
        "at",
        "with",
        "by",
        "from",
        "can",
        "may",
        "most",
        "some",
        "many",
        "all",
        "each",
        "every",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "is",
        "are",
        "be",
        "new",
        "average",
        "typical",
        "median",
        "annual",
        "hourly",
        "salary",
        "salaries",
        "pay",
        "paid",
        "earn",
        "earns",
        "make",
        "makes",
        "get",
        "gets",
        "between",
        "about",
        "around",
    ]
)


def role_in(quote: str, figure_offset: int) -> str | None:
    """The first job the quote names before the figure (else after it), with up to three words
    before its noun:
    "customer service advisors", "Billing Support Representative II"; None if it names none.
    A table row's first cell is the role when it names a job."""
    cells = [c.strip() for c in quote.split("|")]
    if len(cells) > 1 and _ROLE.search(cells[0]) and len(cells[0].split()) <= 8:
        return cells[0]
    found = list(_ROLE.finditer(quote))
    if not found:
        return None
    before = [m for m in found if m.end() <= figure_offset]
    match = before[0] if before else found[0]
    words = quote[: match.start()].split()
    lead: list[str] = []
    while words and len(lead) < 3:
        word = words.pop()
        if not re.fullmatch(r"[A-Za-z][A-Za-z-]*", word) or word.lower() in _NOT_ROLE_WORDS:
            break
        lead.insert(0, word)
    return " ".join([*lead, match.group()])
