"""What the evidence pages show: one row per record and exclusion, and each source's text cut
into the spans its records quote.

The evidence explorer (``book/evidence.md``) lists every row of :func:`rows`; each source page
(``book/sources/<source_id>.md``) shows :func:`segments` of its repaired text, every quoted span
marked and linked to its rows, and :func:`located` gives the offsets of every quote. Both pages
are written by the directives of ``_ext/evidence_pages.py`` from these functions alone.

Every row has a permanent address, :func:`analysis.core.markup.record_label` of its source and its id
(``some-source--salary-agent``): it is the row's anchor on the explorer, the Sphinx label
that links to it, and, prefixed with ``quote--``, the anchor of its highlighted quote on the source
page. An exclusion has no id of its own; it gets one from its figure (``excluded-60-million``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from analysis.chapters import prose
from analysis.core import evidence, markup, schema, sources, vocab

#: The page that lists every row, and the folder of the source pages (document names).
EVIDENCE_DOC = "book/evidence"
SOURCES_DIR = "book/sources"
#: The kind shown for an exclusion.
EXCLUDED = "excluded"
#: The field a record's hedge is in ("some", "may", "often": the source's own qualifier).
#: HOOK: no kind's table has it yet; once ``analysis.core.schema`` adds it, the explorer shows a
#: "Hedge" column filled from it, with no change here or in the directive.
HEDGE_FIELD = "hedge"
#: Prefix of the anchor of a record's quote on its source page.
QUOTE_PREFIX = "quote--"

#: Each kind's main field (what the row is about) and its category field.
_MAIN: dict[str, str] = {
    "salary": "role",
    "role": "title",
    "requirement": "role",
    "benefit": "item",
    "challenge": "item",
    "metric": "metric",
    "condition": "value",
}
_CATEGORY: dict[str, str] = {
    "salary": "tier",
    "role": "tier",
    "requirement": "requirement",
    "benefit": "category",
    "challenge": "category",
    "metric": "category",
    "condition": "aspect",
}
assert set(_MAIN) == set(_CATEGORY) == set(vocab.KINDS)


@dataclass(frozen=True)
class Row:
    """One row of the evidence explorer: a record or an exclusion."""

    kind: str
    source_id: str
    record_id: str
    main: str
    category: str
    hedge: str
    quote: str

    @property
    def label(self) -> str:
        """The row's permanent address (anchor and Sphinx label)."""
        return markup.record_label(self.source_id, self.record_id)

    @property
    def quote_label(self) -> str:
        """The anchor (and label) of the row's quote on its source page."""
        return QUOTE_PREFIX + self.label


def has_hedges() -> bool:
    """Whether any kind's processed table has a hedge column (the explorer shows one if so)."""
    return any(c.name == HEDGE_FIELD for kind in vocab.KINDS for c in schema.table_fields(kind))


def slug(text: str) -> str:
    """Lower-case letters and digits of ``text``, each run of anything else one hyphen."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def exclusion_ids(exclusions: Iterable[evidence.Exclusion]) -> list[str]:
    """An id for each exclusion, from its figure (``excluded-<slug>``); a second exclusion of the
    same figure in one source gets ``-2``, a third ``-3``, in file order."""
    seen: dict[tuple[str, str], int] = {}
    ids = []
    for item in exclusions:
        base = f"{EXCLUDED}-{slug(item.figure) or 'figure'}"
        count = seen[(item.source_id, base)] = seen.get((item.source_id, base), 0) + 1
        ids.append(base if count == 1 else f"{base}-{count}")
    return ids


def _amount(values: dict[str, object], flags: tuple[str, ...] = ()) -> str:
    """A salary record's figure as its source writes it, in its own period and with its own cents,
    a threshold as a threshold, and a period only where the source states one: "$14.71–$22.60 an
    hour", "$50,000 or more a year", "$25,702–$33,661"."""
    low, high = values.get("low_usd"), values.get("high_usd")
    period = None if "period-inferred" in flags else str(values.get("period"))
    return prose.amount(float(low), high, period, str(values.get("statistic", "")))  # type: ignore[arg-type]


def record_row(record: evidence.Record) -> Row:
    """The explorer row of one record."""
    values = record.values
    main = str(values.get(_MAIN[record.kind], ""))
    if record.kind == "salary":
        main = f"{main}: {_amount(values, tuple(record.flags))}"
        if "currency-from-context" in record.flags:  # the dollar sign is the record's reading, not the text's
            main += " (no currency written; dollars by the text's context)"
    hedge = values.get(HEDGE_FIELD) or []
    return Row(
        record.kind,
        record.source_id,
        record.record_id,
        main,
        str(values.get(_CATEGORY[record.kind], "")),
        ", ".join(hedge) if isinstance(hedge, list) else str(hedge),
        record.quote,
    )


def rows(found: evidence.Evidence) -> list[Row]:
    """Every record, then every exclusion, each group in manifest and file order."""
    out = [record_row(r) for r in found.records]
    for item, rid in zip(found.exclusions, exclusion_ids(found.exclusions), strict=True):
        out.append(
            Row(
                EXCLUDED,
                item.source_id,
                rid,
                f"{item.figure} ({item.reason})",
                "",
                "",
                sources.normalise_space(item.quote),
            )
        )
    return out


@cache
def all_rows() -> tuple[Row, ...]:
    """The rows of the project's evidence (which must be valid: the tables are built from it)."""
    found = evidence.validate_all()
    if found.errors:
        raise evidence.EvidenceError("\n".join(found.errors))
    return tuple(rows(found))


def counts(found: Iterable[Row]) -> tuple[int, int]:
    """How many of the rows are records and how many exclusions."""
    kinds = [r.kind for r in found]
    return len(kinds) - kinds.count(EXCLUDED), kinds.count(EXCLUDED)


def counts_sentence(found: Iterable[Row]) -> str:
    """What the table holds, said above it, since its count of rows is not the count of records
    the rest of the report gives: "212 rows: the 207 records the report rests on (...), and 5
    exclusions: figures that the articles state and the report does not use (...)"."""
    records, excluded = counts(found)
    held = f"{prose.plural(records + excluded, 'row')}: the {prose.plural(records, 'record')} the report rests on"
    if not excluded:
        return f"{held}; the report uses every figure the articles state."
    what = (
        "a figure that an article states and the report does not use, shown with the kind excluded and its reason"
        if excluded == 1
        else "figures that the articles state and the report does not use, each shown with the kind "
        "excluded and its reason"
    )
    return (
        f"{held} (the count of records on the report's first page), and {prose.plural(excluded, 'exclusion')}: "
        f"{what}, so that every figure in the articles is accounted for."
    )


def labels() -> frozenset[str]:
    """The address of every row (the labels a link to the evidence may use)."""
    return frozenset(r.label for r in all_rows())


@dataclass(frozen=True)
class Located:
    """Where one row's quote is: in the repaired text (``start``, ``end``) and in the raw file."""

    row: Row
    start: int
    end: int
    raw_start: int
    raw_end: int


def located(source: sources.Source, source_rows: Iterable[Row]) -> list[Located]:
    """The offsets (characters) of every row's quote in the repaired text, by
    :func:`analysis.core.sources.find_quote`, and in the raw file, by :func:`analysis.core.sources.locate_in_raw`.
    A quote that is not found is an error: validation has already found every one."""
    out = []
    for row in source_rows:
        span = sources.find_quote(source.text, row.quote)
        raw = sources.locate_in_raw(source, row.quote)
        if span is None or raw is None:
            raise ValueError(f"{source.meta.file}: quote of {row.label} not found")
        out.append(Located(row, span[0], span[1], raw[0], raw[1]))
    return sorted(out, key=lambda loc: (loc.start, loc.end))


@dataclass
class Segment:
    """A piece of text that the same quotes cover: ``covers`` (labels of rows, in text order) is
    empty for text no record quotes; ``starts`` are the rows whose quote begins here and ``ends``
    those whose quote ends here."""

    text: str
    covers: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()


@dataclass
class Paragraph:
    segments: list[Segment] = field(default_factory=list)


def segments(text: str, spans: Iterable[Located]) -> list[Paragraph]:
    """The text as paragraphs (one per line), each cut at every quote's start and end. Joining
    every segment's text, with a newline between paragraphs, gives the text back exactly."""
    spans = list(spans)
    cuts = {0, len(text)} | {s.start for s in spans} | {s.end for s in spans}
    cuts |= {m.start() for m in re.finditer("\n", text)} | {m.end() for m in re.finditer("\n", text)}
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    paragraphs = [Paragraph()]
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append(Paragraph())
            continue
        covers = tuple(s.row.label for s in spans if s.start <= a and b <= s.end)
        starts = tuple(s.row.label for s in spans if s.start == a)
        ends = tuple(s.row.label for s in spans if s.end == b)
        paragraphs[-1].segments.append(Segment(piece, covers, starts, ends))
    return paragraphs


def marked_summary(spans: Iterable[Located]) -> str:
    """How many passages a source page marks, and how many records and exclusions quote them:
    "38 passages, quoted by 46 records and 2 exclusions" (records quoting the same span share
    one passage)."""
    spans = list(spans)
    passages = len({(s.start, s.end) for s in spans})
    records = sum(1 for s in spans if s.row.kind != EXCLUDED)
    by = [prose.plural(n, noun) for n, noun in ((records, "record"), (len(spans) - records, "exclusion")) if n]
    return f"{prose.plural(passages, 'passage')}, quoted by {prose.join(by)}"


def repair_sentence(source: sources.Source) -> str:
    """What the repair did to one source, as a sentence for its page."""
    done = "The repair (ftfy, then the Windows-1253 round trip, then emoji-debris removal)"
    if not source.changes:
        return f"{done} changed nothing: the text is used as received."
    return f"{done} {sources.describe_changes(source)}."


def source_doc(source_id: str) -> str:
    """The document name of a source's page."""
    return f"{SOURCES_DIR}/{source_id}"


def codepoints(text: str) -> str:
    """The characters of ``text`` as Unicode code points (``U+03C0 U+2019``): what a change was,
    however it renders."""
    return " ".join(f"U+{ord(ch):04X}" for ch in text)
