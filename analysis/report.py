"""Helpers that turn tables into what a book page shows: MyST tables with citations."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
from IPython.display import Markdown

from analysis import paths


class Text(str):
    """A string that glues as itself: its repr has no quotes, so ``{glue:text}`` shows it bare."""

    def __repr__(self) -> str:
        return str(self)


class Markup(str):
    """MyST markup the report itself wrote (a citation role, say): put on a page as it is.

    Every other string that reaches a page is text, escaped by :func:`md_escape` so that whatever
    a source or a record says (``<script>``, ``|``, ``*``, a role) shows literally."""


#: ASCII punctuation: any of it may open markup somewhere in MyST (CommonMark, roles, tables).
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def md_escape(text: object) -> str:
    """Text as Markdown that renders to exactly that text: every ASCII punctuation mark is
    backslash-escaped (CommonMark allows it for all of them), and line breaks become spaces so
    a table cell stays one cell. :class:`Markup` is returned unchanged."""
    if isinstance(text, Markup):
        return str(text)
    plain = " ".join(str(text).splitlines())
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in plain)


def cite(source_id: str, style: str = "p") -> Markup:
    """A MyST citation role for a BibTeX key: ``{cite:p}`key```. The key must be a slug."""
    return cites([source_id], style)


def cites(source_ids: object, style: str = "p") -> Markup:
    """One citation role for several BibTeX keys (a list, or a comma-separated string); an empty
    list gives an empty string. Keys come from data, so each must be a plain slug."""
    keys = [k.strip() for k in source_ids.split(",")] if isinstance(source_ids, str) else list(source_ids)  # type: ignore[call-overload]
    keys = [k for k in keys if k]
    for key in keys:
        if not isinstance(key, str) or not _SLUG.fullmatch(key):
            raise ValueError(f"not a citation key: {key!r}")
    if style not in ("p", "t"):
        raise ValueError(f"unknown citation style {style!r}")
    return Markup(f"{{cite:{style}}}`{','.join(keys)}`" if keys else "")


def md_table(frame: pd.DataFrame, *, cite_column: str | None = None, cited: tuple[str, ...] = ()) -> Markdown:
    """A Markdown table (rendered by MyST, so the citation roles in it work). Every header and
    cell is escaped text except :class:`Markup`; an empty cell shows a dash.

    ``cite_column`` names a column of BibTeX keys (one key, a list, or comma-separated) that is
    shown as citations under the header "Source"; the columns in ``cited`` are shown as
    citations under their own headers.
    """
    shown = frame.copy()
    for column in cited:
        shown[column] = shown[column].map(lambda keys: cites(keys if isinstance(keys, (list, str)) else []))
    if cite_column is not None:
        shown[cite_column] = shown[cite_column].map(cites)
        shown = shown.rename(columns={cite_column: "Source"})
    header = [md_escape(c) for c in shown.columns]
    rows = [[md_escape(_blank(v)) for v in row] for row in shown.itertuples(index=False)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or "–" for cell in row) + " |" for row in rows]
    return Markdown("\n".join(lines))


def _blank(value: object) -> object:
    """A cell's value, with missing values as an empty string."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return value


@cache
def _short_titles() -> dict[str, str]:
    """The ``shorttitle`` of every BibTeX entry that has one (the report's names for unsigned articles)."""
    from pybtex.database import parse_file

    entries = parse_file(str(paths.BIBLIOGRAPHY)).entries
    return {key: entry.fields["shorttitle"] for key, entry in entries.items() if "shorttitle" in entry.fields}


def short_ref(source_id: str) -> str:
    """A short plain-text reference, as the citations show it: author or short title, and year."""
    from analysis import sources

    meta = next(m for m in sources.read_manifest() if m.source_id == source_id)
    who = meta.author.split()[-1] if meta.author else _short_titles().get(source_id, meta.title)
    return f"{who} ({meta.published[:4] or 'n.d.'})"


def source_line(source_ids: list[str], *others: str) -> str:
    """The text of a chart's source line: the sources used, then any other reference."""
    refs = [short_ref(s) for s in dict.fromkeys(source_ids)] + list(others)
    return "; ".join(refs) + ". Chart: Call Center Careers."
