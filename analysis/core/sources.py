"""Load the raw sources: verify them against the manifest and repair their text.

The raw files in ``data/raw/`` are never changed. Reading one checks its sha256 against
``data/raw/sources.csv`` and decodes it as strict UTF-8; repairing it takes four steps:

1. ftfy, for the mojibake it can undo (it keeps curly quotes as written);
2. a stated codec round trip for the UTF-8 that was decoded as Windows-1253 (Greek) and saved
   again, which ftfy leaves when a text mixes in bytes Windows-1253 does not define: a run of
   characters that the Windows-1253 family gives bytes 0x80-0xFF (Windows-1253 itself, with
   Windows-1252's or Latin-1's characters for its undefined bytes, as decoders fill them) is
   turned back into those bytes and decoded as UTF-8, when it forms complete UTF-8 sequences of
   what an English web text carries (accented letters, punctuation, currency signs, symbols,
   emoji) and only then: ``β€“`` is "–", ``β€”`` "—", ``β€œ`` "“", ``πŸ“ˆ`` "📈", ``Γ©`` "é".
   Greek written as Greek never forms such sequences and is left alone;
3. removal of the encoding debris neither can restore: emoji whose bytes were partly lost,
   which survive as stray Greek letters and punctuation such as ``π’`` or ``π§βπΌ``;
4. removal of the characters no text field may hold (:func:`analysis.core.inputs.character_problem`:
   controls ftfy leaves, such as a form feed, and invisible format characters such as zero-width
   spaces, soft hyphens and direction overrides), so that the text a reader sees, the text the
   checks compare and the text a record can quote are one.

Every change is recorded, so a quote taken from the repaired text can be located back in the
raw file, and the source's page lists every edit.

Reading is bounded: the manifest may have at most :data:`MAX_MANIFEST_BYTES`, a source text
:data:`MAX_SOURCE_BYTES`; a row of the manifest must have every column, each field one line of
plain text (:func:`analysis.core.inputs.character_problem`, no line break).
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import ftfy

from analysis.core import inputs, paths, vocab

MANIFEST_COLUMNS: tuple[str, ...] = (
    "source_id",
    "file",
    "sha256",
    "title",
    "short_title",
    "author",
    "published",
    "publisher",
    "url",
    "notes",
    "caveat",
)

# ftfy's defaults also straighten curly quotes; the sources' own typography is kept.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False)

# Characters that bytes 0x80-0xFF become when UTF-8 is misread as Windows-1253 (Greek).
_CP1253_HIGH: str = bytes(range(0x80, 0x100)).decode("cp1253", errors="ignore")


def _cp1253_family() -> dict[str, int]:
    """Each character the Windows-1253 family gives a byte 0x80-0xFF, with that byte: Windows-1253
    itself, and for the bytes it leaves undefined both the C1 control (Latin-1, as browsers and
    ftfy's sloppy codec fill them) and Windows-1252's character (as other decoders do)."""
    back: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        data = bytes([byte])
        try:
            back[data.decode("cp1253")] = byte
            continue
        except UnicodeDecodeError:
            back[chr(byte)] = byte
        with contextlib.suppress(UnicodeDecodeError):  # Windows-1252 leaves five bytes undefined too
            back[data.decode("cp1252")] = byte
    return back


_CP1253_BYTES: dict[str, int] = _cp1253_family()


def _byte_class(low: int, high: int) -> str:
    return "[" + "".join(re.escape(ch) for ch, byte in _CP1253_BYTES.items() if low <= byte <= high) + "]"


_CONTINUATION = _byte_class(0x80, 0xBF)
# Complete UTF-8 sequences (a lead byte and its continuation bytes) as Windows-1253 shows them.
_CP1253_MOJIBAKE = re.compile(
    rf"(?:{_byte_class(0xC2, 0xDF)}{_CONTINUATION}"
    rf"|{_byte_class(0xE0, 0xEF)}{_CONTINUATION}{{2}}"
    rf"|{_byte_class(0xF0, 0xF4)}{_CONTINUATION}{{3}})+"
)
# A 4-byte UTF-8 sequence (every emoji) starts with 0xF0, which Windows-1253 reads as "π".
# Debris is a whitespace-delimited token that starts with "π" and holds only such characters.
_DEBRIS = re.compile(r"(?<!\S)π[" + re.escape(_CP1253_HIGH) + r"]*(?!\S)")


_SLUG = re.compile(vocab.SLUG)
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SHA256 = re.compile(r"[0-9a-f]{64}")
#: A publication date as the manifest writes it: a year, a month or a day (ISO 8601).
_PUBLISHED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
#: The largest manifest read (bytes): a row is a few hundred bytes.
MAX_MANIFEST_BYTES = 1_048_576
#: The largest source text read (bytes): a career article is a few kilobytes (the five are 3 to
#: 10 KB), and repairing a megabyte of damaged text takes ftfy alone up to 15 s.
MAX_SOURCE_BYTES = 1_048_576
#: The longest source id and file name: both become file names (the evidence file, the page).
MAX_NAME_CHARS = 100


class SourceError(inputs.InputError):
    """A raw source or the manifest is not what the report expects."""


@dataclass(frozen=True)
class SourceMeta:
    """One row of ``data/raw/sources.csv``."""

    source_id: str
    file: str
    sha256: str
    title: str
    short_title: str
    author: str
    published: str
    publisher: str
    url: str
    notes: str
    caveat: str


@dataclass(frozen=True)
class Change:
    """One edit made by the repair: ``raw[start:end]`` became ``after``."""

    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Source:
    """A verified source: its manifest row, raw text, repaired text and the edits between."""

    meta: SourceMeta
    raw: str
    text: str
    changes: tuple[Change, ...]

    @property
    def source_id(self) -> str:
        return self.meta.source_id

    @cached_property
    def edits_index(self) -> tuple[list[int], list[int]]:
        """Where each edit starts in the repaired text, and how much longer (or shorter) the
        repaired text is than the raw one after it: what :func:`to_raw_offset` searches."""
        starts, shifts, shift = [], [], 0
        for change in self.changes:
            starts.append(change.start + shift)
            shift += len(change.after) - (change.end - change.start)
            shifts.append(shift)
        return starts, shifts


def _manifest_text(path: Path) -> str:
    """The manifest's text, read exactly."""
    try:
        return inputs.read_bytes(path, MAX_MANIFEST_BYTES, "the manifest").decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(f"{path}: not valid UTF-8 (offset {err.start})") from None
    except inputs.MissingInputError:
        raise SourceError(f"{path}: the manifest is missing") from None
    except inputs.InputError as err:
        raise SourceError(str(err)) from None


def _manifest_rows(path: Path, text: str) -> tuple[list[str], list[tuple[int, dict[str, str | None]]]]:
    """The header and the rows (with their line numbers) of the manifest's text."""
    reader = csv.DictReader(io.StringIO(text, newline=""), restval=None)
    rows = []
    start = 1
    try:
        header = list(reader.fieldnames or [])
        start = reader.line_num + 1
        for row in reader:  # a row's line is where it starts (a quoted field may hold line breaks)
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as err:
        raise SourceError(f"{path}:{start}: not a CSV row ({err})") from None
    return header, rows


def _field_problem(meta: SourceMeta) -> str | None:
    """What is wrong with one field of a manifest row beyond its presence; None if nothing."""
    for name in MANIFEST_COLUMNS:
        problem = inputs.character_problem(getattr(meta, name), allowed="")
        if problem:
            return f"{name} {problem}: a manifest field is one line of plain text"
    for name in ("source_id", "file"):
        if len(getattr(meta, name)) > MAX_NAME_CHARS:
            return f"{name} has {len(getattr(meta, name))} characters, more than {MAX_NAME_CHARS}"
    if not _SLUG.fullmatch(meta.source_id):
        return f"source_id {meta.source_id!r} must be a lower-case slug (it is the BibTeX key and the evidence file's name)"
    if not _FILE_NAME.fullmatch(meta.file):
        return f"file {meta.file!r} must be a plain file name in data/raw/"
    if not _SHA256.fullmatch(meta.sha256):
        return f"sha256 {inputs.shown(meta.sha256)} is not 64 hexadecimal digits"
    if meta.published and not _is_date(meta.published):
        return f"published {inputs.shown(meta.published)} is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
    if meta.published and _first_day(meta.published) > datetime.date.today():
        return f"published {meta.published} is later than today: a text in the corpus was published already"
    if meta.url and not re.fullmatch(r"https?://[^\s<>\"]+", meta.url):
        return f"url {inputs.shown(meta.url)} is not an http or https address"
    return None


def _first_day(text: str) -> datetime.date:
    """The first day a date written YYYY, YYYY-MM or YYYY-MM-DD can mean."""
    return datetime.date.fromisoformat((text + "-01-01")[:10])


def _is_date(text: str) -> bool:
    if not _PUBLISHED.fullmatch(text):
        return False
    try:
        _first_day(text)
    except ValueError:
        return False
    return True


def read_manifest(path: Path = paths.MANIFEST) -> list[SourceMeta]:
    """Read the manifest (UTF-8, with or without a byte-order mark). A missing or unknown column,
    a row with fewer or more fields than columns, an empty id, file or hash, a field that is not
    one line of plain text, a malformed date or address, or a duplicate id or file is an error
    naming the line and the field.

    The file is read at every call; what its text gives is kept for the next call with the same
    text (the rows are frozen), so a process that asks for the manifest often checks it once."""
    return list(_manifest(path, _manifest_text(path)))


@lru_cache(maxsize=8)
def _manifest(path: Path, text: str) -> tuple[SourceMeta, ...]:
    """The rows of the manifest at ``path`` whose text is ``text`` (see :func:`read_manifest`)."""
    header, rows_read = _manifest_rows(path, text)
    missing = [c for c in MANIFEST_COLUMNS if c not in header]
    if missing:
        raise SourceError(f"{path}: missing column(s) {', '.join(missing)}")
    unknown = [c for c in header if c not in MANIFEST_COLUMNS]
    if unknown or len(header) != len(set(header)):
        raise SourceError(f"{path}: unknown or repeated column(s) {', '.join(unknown) or header}")
    rows: list[SourceMeta] = []
    seen: dict[str, int] = {}
    files: dict[str, int] = {}
    for line, row in rows_read:
        if None in row:
            raise SourceError(f"{path}:{line}: more fields than columns")
        absent = [c for c in MANIFEST_COLUMNS if row[c] is None]
        if absent:
            raise SourceError(
                f"{path}:{line}: {len(MANIFEST_COLUMNS) - len(absent)} of {len(MANIFEST_COLUMNS)} fields: "
                f"{', '.join(absent)} missing (an empty field is written, not left out)"
            )
        meta = SourceMeta(**{c: (row[c] or "").strip() for c in MANIFEST_COLUMNS})
        if not meta.source_id or not meta.file or not meta.sha256:
            raise SourceError(f"{path}:{line}: source_id, file and sha256 must not be empty")
        problem = _field_problem(meta)
        if problem:
            raise SourceError(f"{path}:{line}: {problem}")
        if meta.source_id in seen:
            raise SourceError(
                f"{path}:{line}: duplicate source_id {meta.source_id!r} (also line {seen[meta.source_id]})"
            )
        if meta.file in files:
            raise SourceError(f"{path}:{line}: file {meta.file!r} is listed twice (also line {files[meta.file]})")
        seen[meta.source_id] = files[meta.file] = line
        rows.append(meta)
    return tuple(rows)


def read_raw(meta: SourceMeta, raw_dir: Path = paths.RAW) -> str:
    """Return the raw text of a source after checking its sha256 and its UTF-8 encoding."""
    path = raw_dir / meta.file
    try:
        data = inputs.read_bytes(path, MAX_SOURCE_BYTES, "a source text")
    except inputs.MissingInputError:
        raise SourceError(f"{path}: file listed in the manifest as {meta.source_id!r} is missing") from None
    except inputs.InputError as err:
        raise SourceError(str(err)) from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != meta.sha256:
        raise SourceError(f"{path}: sha256 mismatch for {meta.source_id!r}: manifest {meta.sha256}, file {digest}")
    try:
        return inputs.decode(data, path)
    except inputs.InputError as err:
        raise SourceError(str(err)) from None


#: What UTF-8 read as Windows-1253 can be turned back into: Latin letters with accents
#: (U+00A0-U+024F), punctuation, currency signs and symbols (U+2000-U+2BFF) and emoji with their
#: selectors. Greek followed by a sign ("Σ²", "Ι·") also forms UTF-8, of Cyrillic or IPA letters a
#: text in English never meant: it is left alone.
_PLAUSIBLE = re.compile(r"[\u00a0-\u024f\u2000-\u2bff\ufe0f\U0001f000-\U0001faff]+")


def redecode_cp1253(text: str) -> str:
    """Undo UTF-8 that was decoded as Windows-1253 (step 2 of the module's repair): every run of
    complete UTF-8 sequences, as that family of codecs shows them, becomes the characters it
    encodes. A run whose bytes are not valid UTF-8, or that would give characters outside
    :data:`_PLAUSIBLE`, is left as it is."""

    def decoded(match: re.Match[str]) -> str:
        try:
            fixed = bytes(_CP1253_BYTES[ch] for ch in match.group()).decode("utf-8")
        except UnicodeDecodeError:
            return match.group()
        return fixed if _PLAUSIBLE.fullmatch(fixed) else match.group()

    return _CP1253_MOJIBAKE.sub(decoded, text)


def remove_debris(text: str) -> str:
    """Delete emoji debris tokens, with one neighbouring space so no double space is left."""

    def _spans() -> list[tuple[int, int]]:
        spans = []
        for match in _DEBRIS.finditer(text):
            start, end = match.span()
            if end < len(text) and text[end] == " ":
                end += 1
            elif start > 0 and text[start - 1] == " ":
                start -= 1
            spans.append((start, end))
        return spans

    out, pos = [], 0
    for start, end in _spans():
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


#: After an edit, this many characters must agree again before the texts count as in step.
_SYNC = 2
#: The longest edit looked for character by character, in either text; past it, the rest of the
#: line is one edit.
_REACH = 48


def _common(raw: str, text: str, i: int, j: int) -> int:
    """How many characters ``raw[i:]`` and ``text[j:]`` share at their start."""
    k, step = 0, 256
    while step:
        while raw[i + k : i + k + step] == text[j + k : j + k + step] and i + k + step <= len(raw):
            k += step
        step //= 4
    while i + k < len(raw) and j + k < len(text) and raw[i + k] == text[j + k]:
        k += 1
    return k


def _resync(raw: str, text: str, i: int, j: int) -> tuple[int, int]:
    """The shortest edit at ``raw[i]``/``text[j]`` after which the texts agree again: (characters
    of raw, characters of text) it replaces. None within reach: the rest of both lines."""
    for size in range(1, 2 * _REACH + 1):
        for a in range(max(0, size - _REACH), min(size, _REACH) + 1):
            b = size - a
            rest_raw, rest_text = len(raw) - i - a, len(text) - j - b
            if rest_raw < 0 or rest_text < 0:
                continue
            width = min(_SYNC, rest_raw, rest_text)
            if (width == _SYNC or rest_raw == rest_text == width) and raw[i + a : i + a + width] == text[
                j + b : j + b + width
            ]:
                return a, b
    line_raw, line_text = raw.find("\n", i), text.find("\n", j)
    return (len(raw) if line_raw < 0 else line_raw + 1) - i, (len(text) if line_text < 0 else line_text + 1) - j


def _changes(raw: str, text: str) -> tuple[Change, ...]:
    """The edits that turn ``raw`` into ``text``, in one pass: the equal stretches are skipped, and
    at each difference the shortest edit after which both agree again for a few characters is
    taken. Repairs are local (a damaged character, a debris token, an invisible character), so
    this finds each one; its cost grows with the length of the text, never with the square of it
    (a character-level difflib of one line holding 800 edits took 15 s, and 2,000 over 8 minutes).
    """
    changes: list[Change] = []
    i = j = 0
    while True:
        k = _common(raw, text, i, j)
        i, j = i + k, j + k
        if i >= len(raw) and j >= len(text):
            return tuple(changes)
        a, b = _resync(raw, text, i, j)
        changes.append(Change(i, i + a, raw[i : i + a], text[j : j + b]))
        i, j = i + a, j + b


def repair(raw: str) -> tuple[str, tuple[Change, ...]]:
    """Repair a raw text: ftfy first, then the Windows-1253 round trip, then debris removal, then the
    characters no text field may hold (:func:`analysis.core.inputs.strip_invisible`). Returns the
    text and its edits."""
    text = inputs.strip_invisible(remove_debris(redecode_cp1253(ftfy.fix_text(raw, FTFY_CONFIG))))
    if text == raw:
        return text, ()
    return text, _changes(raw, text)


def load_source(meta: SourceMeta, raw_dir: Path = paths.RAW) -> Source:
    """Read, verify and repair one source. Its ``caveat`` (what the text says of its own
    reliability) must be a verbatim sentence of the repaired text."""
    raw = read_raw(meta, raw_dir)
    text, changes = repair(raw)
    if meta.caveat and find_quote(text, meta.caveat) is None:
        raise SourceError(
            f"{raw_dir / meta.file}: the manifest's caveat for {meta.source_id!r} is not in the text: "
            f"{meta.caveat[:60]!r}"
        )
    return Source(meta=meta, raw=raw, text=text, changes=changes)


def source_ids(manifest: Path = paths.MANIFEST) -> list[str]:
    """The source ids in manifest order: the order of every table and chart column."""
    return [meta.source_id for meta in read_manifest(manifest)]


def load_corpus(manifest: Path = paths.MANIFEST, raw_dir: Path | None = None) -> dict[str, Source]:
    """Every source of a manifest, verified and repaired, keyed by source id (manifest order).
    The raw files are looked for beside the manifest unless ``raw_dir`` says otherwise."""
    folder = manifest.parent if raw_dir is None else raw_dir
    return {meta.source_id: load_source(meta, folder) for meta in read_manifest(manifest)}


@cache
def load_all() -> dict[str, Source]:
    """Every source of the project's manifest, verified and repaired (cached)."""
    return load_corpus()


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


@cache
def flat_words(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with every run of whitespace made one space (and none at the ends), and for
    each character of that the offset in ``text`` it came from (a space: the end of its word)."""
    out: list[str] = []
    where: list[int] = []
    for match in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            where.append(where[-1] + 1)
        out.append(match.group())
        where.extend(range(match.start(), match.end()))
    return "".join(out), tuple(where)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Span of ``quote`` in ``text``, comparing whitespace-normalised; None if absent."""
    wanted = normalise_space(quote)
    if not wanted:
        return None
    flat, where = flat_words(text)
    at = flat.find(wanted)
    if at < 0:
        return None
    return where[at], where[at + len(wanted) - 1] + 1


def to_raw_offset(source: Source, offset: int) -> int:
    """Map an offset in the repaired text to the matching offset in the raw text (inside an edit:
    the same distance into it, at most its raw length). A binary search over the edits, so mapping
    every figure of a text costs no more than reading it."""
    starts, shifts = source.edits_index
    at = bisect.bisect_right(starts, offset) - 1
    if at < 0:
        return offset
    change = source.changes[at]
    if offset < starts[at] + len(change.after):
        return change.start + min(offset - starts[at], change.end - change.start)
    return offset - shifts[at]


def locate_in_raw(source: Source, quote: str) -> tuple[int, int] | None:
    """Span in the raw file of a quote taken from the repaired text; None if not found."""
    span = find_quote(source.text, quote)
    if span is None:
        return None
    return to_raw_offset(source, span[0]), to_raw_offset(source, span[1] - 1) + 1


def word_count(text: str) -> int:
    """Words as whitespace-separated tokens that contain a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def _invisible(change: Change) -> bool:
    """Whether an edit only removed characters no text field may hold (controls, invisible format
    characters)."""
    return not change.after and all(inputs.character_problem(ch) is not None for ch in change.before)


def change_kinds(source: Source) -> tuple[list[Change], list[Change]]:
    """A source's edits by kind: (passages decoded back, by ftfy or the Windows-1253 round trip;
    emoji-debris tokens removed). Removals of invisible or control characters are neither (see
    :func:`describe_changes`)."""
    debris = [c for c in source.changes if not c.after and _DEBRIS.search(c.before)]
    kept = [c for c in source.changes if c not in debris and not _invisible(c)]
    return kept, debris


def describe_changes(source: Source) -> str:
    """One line for a reader: what the repair changed in this source."""
    if not source.changes:
        return "nothing (text used as received)"
    redecoded, debris = change_kinds(source)
    said = []
    if redecoded:  # which passages, the source's page lists (raw text is no sentence to show here)
        said.append(f"re-decoded {_count(len(redecoded), 'mis-encoded passage')}")
    if debris:
        removed = sum(c.end - c.start for c in debris)
        said.append(f"removed {_count(len(debris), 'emoji-debris token')} ({removed} characters)")
    invisible = sum(len(c.before) for c in source.changes if _invisible(c))
    if invisible:
        said.append(f"removed {_count(invisible, 'invisible or control character')}")
    return " and ".join(said)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def with_caveat(manifest: Path = paths.MANIFEST) -> list[str]:
    """The sources whose text says something of its own reliability (a ``caveat`` in the manifest)."""
    return [m.source_id for m in read_manifest(manifest) if m.caveat]
