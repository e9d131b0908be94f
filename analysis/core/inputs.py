"""What the package accepts from outside, and how it refuses the rest.

Every file the report reads from a person (the manifest, a source text, an evidence file, a file
given to a tool) is read by :func:`read_bytes` or :func:`read_text`:

- only a regular file: a folder, a device (``/dev/zero``), a pipe or a socket is refused before a
  byte is read, and opening never waits for a writer;
- at most a stated number of bytes (each caller states its limit), read with that limit, never
  unbounded, so a file that grows while it is read is refused too;
- as text, strict UTF-8 with no NUL byte (a file holding one is binary, not a text).

Every text field of the manifest and of a record passes :func:`character_problem`: no control
character (but tab and line break where a field may hold them), no format character (zero-width
spaces and joiners, soft hyphens, direction overrides: invisible, or showing a reader other words
than the ones checked), no surrogate, line or paragraph separator and no noncharacter.

:class:`InputError` is an input refused, :class:`OutputError` an output that cannot be written;
each message is one line naming the file (and the record and field where there is one).
"""

from __future__ import annotations

import functools
import os
import stat
import tempfile
import unicodedata
from pathlib import Path

#: What each character category that a text field may not hold is, for a reader.
_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Cs": "a lone surrogate",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
#: Read in pieces of this size, so a limit is never overshot by more than one piece.
_CHUNK = 1 << 20


class InputError(ValueError):
    """An input is refused; the message names the file (and the record and field) and the problem."""


class MissingInputError(InputError):
    """An input that does not exist."""


class OutputError(Exception):
    """An output cannot be written; the message names the path and why. Nothing was half-written."""


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


@functools.lru_cache(maxsize=8)
def _without(allowed: str) -> dict[int, None]:
    """A ``str.translate`` table that deletes the characters of ``allowed``."""
    return dict.fromkeys(map(ord, allowed))


def character_problem(text: str, allowed: str = "\t\n") -> str | None:
    """What is wrong with the first character of ``text`` that a text field may not hold (see the
    module docstring), with its code point and position; None if there is none. ``allowed`` lists
    the control characters the field may hold."""
    # Every character refused is of a category ``str.isprintable`` calls unprintable ("Other" or
    # "Separator", a noncharacter "Other, not assigned"): a printable text, once the allowed
    # characters are taken out, holds none, and is passed without looking at each character.
    if text.isprintable() or text.translate(_without(allowed)).isprintable():
        return None
    for at, char in enumerate(text):
        if char in allowed:
            continue
        category = unicodedata.category(char)
        if category in _CATEGORIES or _noncharacter(ord(char)):
            what = _CATEGORIES.get(category, "a noncharacter")
            return f"holds U+{ord(char):04X} ({what}) at character {at + 1}"
    return None


def strip_invisible(text: str) -> str:
    """``text`` without the characters :func:`character_problem` refuses (tab and line break kept)."""
    return "".join(ch for ch in text if ch in "\t\n" or character_problem(ch) is None)


def shown(text: object, limit: int = 60) -> str:
    """A value as an error message shows it: its repr (every control character escaped), cut to
    ``limit`` characters, so one line stays one short line whatever the value holds."""
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: Path | str) -> str:
    """A path or a text from a file as a message shows it: as it is, or its repr when it holds a
    character :func:`character_problem` refuses, even a tab (a file name or a figure can hold a
    line break or a terminal escape)."""
    text = str(text)
    return repr(text) if character_problem(text, allowed="") else text


def read_bytes(path: Path, limit: int, what: str = "a file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or :class:`InputError`."""
    try:
        # Non-blocking: opening a pipe with no writer would wait for ever.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise MissingInputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror}") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise InputError(f"{path}: {info.st_size} bytes, more than the {limit} {what} may have")
        chunks, size = [], 0
        while chunk := os.read(handle, min(_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputError(f"{path}: more than the {limit} bytes {what} may have")
        return b"".join(chunks)
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror}") from None
    finally:
        os.close(handle)


def decode(data: bytes, path: Path) -> str:
    """``data`` as strict UTF-8 text with no NUL byte, or :class:`InputError` saying where it fails."""
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{path}: holds a NUL byte at offset {len(text[:nul].encode())}: a binary file, not a text")
    return text


def read_text(path: Path, limit: int, what: str = "a file") -> str:
    """The text of a regular file of at most ``limit`` bytes: strict UTF-8, no NUL byte."""
    return decode(read_bytes(path, limit, what), path)


def replace_text(path: Path, text: str) -> bool:
    """Give ``path`` the content ``text`` (UTF-8, line ends as written) through a temporary file beside
    it, so that no reader ever sees half a file, with the permissions ``open()`` would give a new
    file. Nothing is written when ``path`` already holds ``text``; returns whether it was written."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:50]}.", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return True
