"""MyST written by the report: text escaped so that it renders as itself, citation roles, record
links and tables.

Every string from a source or a record that reaches a page passes through :func:`md_escape`;
only :class:`Markup` (markup the report itself wrote) is placed as it is."""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

from analysis.core import vocab


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
_SLUG = re.compile(vocab.SLUG)


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
    keys = list(dict.fromkeys(k for k in keys if k))
    for key in keys:
        if not isinstance(key, str) or not _SLUG.fullmatch(key):
            raise ValueError(f"not a citation key: {key!r}")
    if style not in ("p", "t"):
        raise ValueError(f"unknown citation style {style!r}")
    return Markup(f"{{cite:{style}}}`{','.join(keys)}`" if keys else "")


def code(text: object) -> Markup:
    """Text shown as it is, in an inline code span (a raw passage of a source, say): fenced by more
    backticks than any run it holds, its pipes escaped so that a table cell stays one cell. Nothing
    in it is markup, and nothing in it is read as the report's words (quotation marks included)."""
    plain = " ".join(str(text).splitlines()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", plain)), default=0) + 1)
    pad = " " if plain.startswith(("`", " ")) or plain.endswith(("`", " ")) else ""
    return Markup(f"{fence}{pad}{plain}{pad}{fence}")


def md(markup: str) -> Markdown:
    """Markup to glue into a page (``{glue:md}`key:myst```): a computed sentence with its citations."""
    return Markdown(str(markup))


def quoted(text: object) -> str:
    """A source's words in curly quotation marks: the marks the build checks against the source."""
    return f"\u201c{text}\u201d"


def record_label(source_id: str, record_id: str) -> str:
    """The permanent address of a record (or an exclusion's figure id): ``<source_id>--<record_id>``.
    It is the record's anchor on the evidence page and the Sphinx label every link to it uses."""
    for part in (source_id, record_id):
        if not _SLUG.fullmatch(part):
            raise ValueError(f"not an id: {part!r}")
    return f"{source_id}--{record_id}"


def record_ref(source_id: str, record_id: str) -> Markup:
    """A link to a record's row on the evidence page, shown as its id: ``{ref}`record_id <label>```.
    The label is :func:`record_label`'s, so a link to a record that does not exist fails the
    (nitpicky) build."""
    return Markup(f"{{ref}}`{record_id} <{record_label(source_id, record_id)}>`")


def md_table(
    frame: pd.DataFrame, *, cite_column: str | None = None, cited: tuple[str, ...] = (), record_links: bool = False
) -> Markdown:
    """A Markdown table (rendered by MyST, so the citation roles in it work). Every header and
    cell is escaped text except :class:`Markup`; an empty cell shows a dash.

    ``cite_column`` names a column of BibTeX keys (one key, a list, or comma-separated) that is
    shown as citations under the header "Source"; the columns in ``cited`` are shown as
    citations under their own headers. With ``record_links`` the frame's ``record_id`` column
    (with its ``source_id``) is shown as links to the records on the evidence page
    (:func:`record_ref`); a row without a record id shows a dash.
    """
    shown = frame.copy()
    if record_links:
        missing = [c for c in ("source_id", "record_id") if c not in frame.columns]
        if missing:
            raise ValueError(f"record_links needs the column(s) {', '.join(missing)}")
        shown["record_id"] = [
            record_ref(str(s), str(r)) if _blank(r) != "" and _blank(s) != "" else ""
            for s, r in zip(frame["source_id"], frame["record_id"], strict=True)
        ]
        shown = shown.rename(columns={"record_id": "Record"})
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
