"""Sphinx extension: the evidence pages, written from the records themselves.

``{evidence-explorer}`` (on ``book/evidence.md``) is one table of every record and exclusion:
kind, source, record, what it is about, category, hedge (once the records carry one) and quote,
after a sentence that counts them (records and exclusions: the rows outnumber the records the
rest of the report counts). It is a plain HTML table, whole without JavaScript and on paper;
DataTables (vendored in ``_ext/static/datatables/``, fetched on that page only, by the explorer's
script once the page is parsed) adds a search box, a filter by kind and by source, sorting and
pages of rows (a link to a row opens its page; printing shows every row). Each row's id is its
permanent address (``analysis.core.markup.record_label``), registered as a Sphinx label, so ``{ref}`salary-csr-1 <exploring-careers-2007--salary-csr-1>```
links to it from any page and a link to a record that does not exist fails the nitpicky build.

``{source-reader} <source_id>`` (the only content of ``book/sources/<source_id>.md``) is a source's
page: its metadata and sha256, what the repair changed, where each quote is (offsets in the repaired
text and in the raw file), and the repaired text with every quoted span marked, linked to its rows
in the explorer; each row links back to its marked quote (``quote--<address>``).

Everything comes from ``analysis.publish.explorer``; every text is a docutils text node, so the HTML
writer escapes every character of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from analysis.chapters import prose
from analysis.core import paths, sources
from analysis.publish import explorer

#: This extension's static files. Not in the project's _static/: Jupyter Book loads every script
#: and style sheet there on every page, and DataTables is for one page.
STATIC = Path(__file__).resolve().parent / "static"
DATATABLES_JS = "datatables/dataTables.min.js"
DATATABLES_CSS = "datatables/dataTables.dataTables.min.css"
EXPLORER_JS = "evidence-explorer.js"


class quoted(nodes.Inline, nodes.TextElement):
    """A span of a source's text that one or more records quote (``<mark>``)."""


def visit_quoted_html(self: SphinxTranslator, node: quoted) -> None:
    self.body.append(self.starttag(node, "mark", ""))


def depart_quoted_html(self: SphinxTranslator, node: quoted) -> None:
    self.body.append("</mark>")


def _dependencies(directive: SphinxDirective) -> None:
    """Rebuild the page when a source, the manifest or an evidence file changes, or the code that
    writes the page: this extension and the ``analysis`` modules (a page's source file does not)."""

    for folder in (paths.RAW, paths.EVIDENCE):
        for path in sorted(folder.iterdir()):
            if path.is_file():
                directive.env.note_dependency(str(path))
    directive.env.note_dependency(__file__)
    for path in sorted((paths.ROOT / "analysis").rglob("*.py")):
        directive.env.note_dependency(str(path))


def _label(directive: SphinxDirective, node: nodes.Element, label: str, title: str) -> None:
    """Give ``node`` the id ``label`` and register it as a Sphinx label of this page."""
    node["ids"].append(label)
    std = directive.env.get_domain("std")
    std.note_hyperlink_target(label, directive.env.docname, label, title)  # type: ignore[attr-defined]


def _xref(directive: SphinxDirective, target: str, text: str, reftype: str = "ref") -> addnodes.pending_xref:
    """A link to a label (``ref``) or a document (``doc``), shown as ``text``."""
    ref = addnodes.pending_xref(
        "",
        nodes.inline("", text),
        refdomain="std",
        reftype=reftype,
        reftarget=target,
        refexplicit=True,
        refwarn=True,
        refdoc=directive.env.docname,
    )
    return ref


def _table(
    columns: list[str], rows: list[list[nodes.Node | str]], classes: list[str], row_ids: list[str | None] | None = None
) -> tuple[nodes.table, list[nodes.row]]:
    """A docutils table: text cells become text nodes (escaped by the writer)."""
    table = nodes.table(classes=["colwidths-auto", *classes])
    group = nodes.tgroup(cols=len(columns))
    table += group
    for _ in columns:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    header = nodes.row()
    for name in columns:
        header += nodes.entry("", nodes.paragraph(text=name))
    head += header
    body = nodes.tbody()
    group += body
    made = []
    for index, cells in enumerate(rows):
        row = nodes.row()
        if row_ids is not None and row_ids[index]:
            row["ids"].append(row_ids[index])
        for cell in cells:
            para = nodes.paragraph()
            para += nodes.Text(cell) if isinstance(cell, str) else cell
            row += nodes.entry("", para)
        body += row
        made.append(row)
    return table, made


class EvidenceExplorer(SphinxDirective):
    """Every record and exclusion in one table."""

    has_content = False

    def run(self) -> list[nodes.Node]:

        _dependencies(self)
        hedges = explorer.has_hedges()
        columns = [
            "Kind",
            "Source",
            "Record",
            "Item, role or figure",
            "Category, tier or aspect",
            *(["Hedge"] if hedges else []),
            "Quote",
        ]
        short = {}
        cells: list[list[nodes.Node | str]] = []
        for row in explorer.all_rows():
            if row.source_id not in short:
                short[row.source_id] = prose.short_ref(row.source_id)
            cells.append(
                [
                    row.kind,
                    _xref(self, "/" + explorer.source_doc(row.source_id), short[row.source_id], "doc"),
                    _xref(self, row.quote_label, row.record_id),
                    row.main,
                    row.category or "–",
                    *([row.hedge or "–"] if hedges else []),
                    row.quote,
                ]
            )
        table, made = _table(columns, cells, ["evidence-table", *(["has-hedge"] if hedges else [])])
        table["ids"].append("evidence-table")
        for node, row in zip(made, explorer.all_rows(), strict=True):
            _label(self, node, row.label, row.record_id)
        # Its counts first: the rows are more than the records the rest of the report counts.
        said = nodes.paragraph(
            "", f"The table has {explorer.counts_sentence(explorer.all_rows())}", ids=["evidence-counts"]
        )
        return [said, nodes.container("", table, classes=["evidence-explorer"])]


class SourceReader(SphinxDirective):
    """One source's page: metadata, repair, quote offsets and the marked-up text."""

    required_arguments = 1
    has_content = False

    def _section(self, title: str, ident: str) -> nodes.section:
        section = nodes.section(ids=[ident])
        section += nodes.title(text=title)
        return section

    def run(self) -> list[nodes.Node]:

        source_id = self.arguments[0]
        corpus = sources.load_all()
        if source_id not in corpus:
            raise self.error(f"source-reader: unknown source {source_id!r} (known: {', '.join(corpus)})")
        if self.env.docname != explorer.source_doc(source_id):
            raise self.error(
                f"source-reader: {source_id} belongs on {explorer.source_doc(source_id)}, not on {self.env.docname}"
            )
        _dependencies(self)
        source = corpus[source_id]
        meta = source.meta
        rows = [r for r in explorer.all_rows() if r.source_id == source_id]
        spans = explorer.located(source, rows)

        page = nodes.section(ids=[f"source-{source_id}"])
        page += nodes.title(text=meta.title)
        intro = nodes.paragraph()
        intro += nodes.Text(
            f"The full text of this source, cited as {prose.short_ref(source_id)}, as the "
            "report reads it, with each passage that its records and exclusions quote marked "
            f"({explorer.marked_summary(spans)}); each mark links to its row in the "
        )
        intro += _xref(self, "/" + explorer.EVIDENCE_DOC, "evidence explorer", "doc")
        intro += nodes.Text(", and each row there links back here.")
        page += intro

        about = self._section("About this source", "about-this-source")
        facts = [
            ("Source id (BibTeX key)", meta.source_id),
            ("Title", meta.title),
            ("Short title", meta.short_title),
            ("Author", meta.author),
            ("Published", meta.published),
            ("Publisher", meta.publisher),
            ("Address", meta.url),
            ("Notes", meta.notes),
            ("Raw file", f"data/raw/{meta.file}"),
            ("sha256 of the raw file", meta.sha256),
            (
                "Length",
                f"{len(source.raw):,} characters raw, {len(source.text):,} repaired, "
                f"{sources.word_count(source.text):,} words",
            ),
        ]
        table, _ = _table(["Field", "Value"], [[k, v or "not stated in the text"] for k, v in facts], ["source-facts"])
        about += table
        page += about

        text = self._section("The text", "the-text")
        holder = nodes.container(classes=["source-text"])
        by_label = {s.row.label: s.row for s in spans}
        for paragraph in explorer.segments(source.text, spans):
            if not paragraph.segments:
                continue
            para = nodes.paragraph()
            for segment in paragraph.segments:
                if not segment.covers:
                    para += nodes.Text(segment.text)
                    continue
                mark = quoted("", segment.text, classes=["quoted"] + (["overlap"] if len(segment.covers) > 1 else []))
                for label in segment.starts:
                    _label(self, mark, by_label[label].quote_label, f"quote of {by_label[label].record_id}")
                para += mark
                if segment.ends:
                    refs = nodes.inline(classes=["quote-refs"])
                    for i, label in enumerate(segment.ends):
                        if i:
                            refs += nodes.Text(", ")
                        refs += _xref(self, label, by_label[label].record_id)
                    para += refs
            holder += para
        text += holder
        page += text
        repair = self._section("What the repair changed", "what-the-repair-changed")
        said = nodes.paragraph()
        said += nodes.Text(explorer.repair_sentence(source))
        repair += said
        if source.changes:
            # Raw and repaired passages as literals: what they hold (stray quotation marks of a damaged
            # text among them) is shown, not read as the report's words.
            changed = [
                [
                    f"{c.start:,}–{c.end:,}",
                    nodes.literal(text=c.before),
                    explorer.codepoints(c.before),
                    nodes.literal(text=c.after) if c.after else "(nothing)",
                ]
                for c in source.changes
            ]
            table, _ = _table(["Raw offsets", "Raw text", "Code points", "Became"], changed, ["source-changes"])
            repair += table
        page += repair

        where = self._section("Where each quote is", "where-each-quote-is")
        note = nodes.paragraph()
        note += nodes.Text(
            "Offsets count characters from the start of the text, end excluded: in the "
            "repaired text the report reads, and in the raw file as received."
        )
        where += note
        located = [
            [
                _xref(self, s.row.label, s.row.record_id),
                s.row.kind,
                f"{s.start:,}–{s.end:,}",
                f"{s.raw_start:,}–{s.raw_end:,}",
            ]
            for s in spans
        ]
        table, _ = _table(["Record", "Kind", "Repaired text", "Raw file"], located, ["quote-offsets"])
        where += table
        page += where

        return [page]


def _assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The explorer's script, on the evidence page only."""

    # The builder's own methods: Sphinx 7's app.add_*_file would also register the files for every
    # later page, and writes them twice on this one.
    # DataTables' own files are not listed: the explorer's script fetches them once the page is
    # parsed (DATATABLES_CSS, DATATABLES_JS).
    if pagename == explorer.EVIDENCE_DOC:
        app.builder.add_js_file(EXPLORER_JS, defer="defer")  # type: ignore[attr-defined]


def _static_path(app: Sphinx, config: Any) -> None:
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _static_path)
    app.add_node(quoted, html=(visit_quoted_html, depart_quoted_html))
    app.add_directive("evidence-explorer", EvidenceExplorer)
    app.add_directive("source-reader", SourceReader)
    app.connect("html-page-context", _assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
