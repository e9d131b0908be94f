"""Sphinx extension: the ``report-figure`` directive places one of the report's charts on a page,
with the data behind it and its card.

Everything about a chart comes from ``analysis.publish.figures``, through the figure pack that ``make
figures`` writes before the book is built: its image (the pack's PNG) and its page file
(``_build/figures/<name>.page.json``: caption and alt text written from the chart's own data,
number, data, record links, citations), so the build imports neither pandas nor the evidence. Its
name is the target ``{numref}`` uses. A page writes only::

    ```{report-figure} fig-pay-ranges
    ```

Under the figure come

- "Data behind this chart", collapsed: the chart's data as a table, the same values as the CSV
  download, every record id a link to the record's row in the evidence explorer;
- the figure card (id ``<name>-card``): the pack's PNG, SVG and CSV as downloads, a short and a full
  citation (the full one in a block with a copy button), and the licence.

The directive refuses a name the pack does not know, a chart placed on another page than the one
the registry names and a pack file that is missing (run ``make figures``); the pack refuses a
record id in a chart's data that is not a record of the evidence.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from analysis.core import paths


class details(nodes.General, nodes.Element):
    """A collapsed block (``<details>``); its first child is a :class:`summary`."""


class summary(nodes.General, nodes.TextElement):
    """The line that opens a :class:`details` block (``<summary>``)."""


def visit_details_html(self: SphinxTranslator, node: details) -> None:
    self.body.append(self.starttag(node, "details", ""))


def depart_details_html(self: SphinxTranslator, node: details) -> None:
    self.body.append("</details>\n")


def visit_summary_html(self: SphinxTranslator, node: summary) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def depart_summary_html(self: SphinxTranslator, node: summary) -> None:
    self.body.append("</summary>\n")


def _download(uri: str, text: str, docname: str) -> addnodes.download_reference:
    """A link to a file Sphinx copies into ``_downloads/`` (``uri`` is from the project root)."""
    return addnodes.download_reference("", "", nodes.inline("", text), reftarget=uri, refdoc=docname, refexplicit=True)


def _ref(label: str, text: str, docname: str) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "",
        nodes.inline("", text),
        refdomain="std",
        reftype="ref",
        reftarget=label,
        refexplicit=True,
        refwarn=True,
        refdoc=docname,
    )


class ReportFigure(SphinxDirective):
    required_arguments = 1
    has_content = False

    def _page(self, name: str) -> dict[str, Any]:
        """The figure's page file (``analysis.publish.figures.page_data``, written with the figure pack)."""

        path = paths.FIGURES / f"{name}.page.json"
        if not path.is_file():
            known = sorted(p.name.removesuffix(".page.json") for p in paths.FIGURES.glob("*.page.json"))
            if known:
                raise self.error(f"report-figure: unknown figure {name!r} (known: {', '.join(known)})")
            raise self.error(f"report-figure: {path} is missing: run `make figures` before building the book")
        self.env.note_dependency(str(path))
        page: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return page

    def _pack_file(self, page: dict[str, Any], suffix: str) -> Path:

        path = paths.FIGURES / f"{page['stem']}.{suffix}"
        if not path.is_file():
            raise self.error(f"report-figure: {path} is missing: run `make figures` before building the book")
        self.env.note_dependency(str(path))
        return path

    def _uri(self, path: Path) -> str:
        return "/" + path.resolve().relative_to(Path(self.env.srcdir).resolve()).as_posix()

    def _data_table(self, page: dict[str, Any]) -> details:
        """The chart's data as a table of the CSV's own cells, record ids as links."""
        header: list[str] = page["header"]
        rows: list[list[str]] = page["rows"]
        table = nodes.table(classes=["colwidths-auto", "chart-data-table"])
        group = nodes.tgroup(cols=len(header))
        table += group
        for _ in header:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        group += head
        head_row = nodes.row()
        for column in header:
            head_row += nodes.entry("", nodes.paragraph(text=column))
        head += head_row
        body = nodes.tbody()
        group += body
        for cells, row_links in zip(rows, page["links"], strict=True):
            row = nodes.row()
            for column, cell in zip(header, cells, strict=True):
                para = nodes.paragraph()
                pairs = row_links.get(column)
                if pairs:
                    for i, (label, record_id) in enumerate(pairs):
                        if i:
                            para += nodes.Text("; ")
                        para += _ref(label, record_id, self.env.docname)
                else:
                    para += nodes.Text(cell)
                row += nodes.entry("", para)
            body += row
        block = details(classes=["chart-data"], ids=[f"{page['name']}-data"])
        block += summary("", f"Data behind this chart ({len(rows)} rows)")
        block += table
        return block

    def _card(self, page: dict[str, Any]) -> nodes.container:
        docname = self.env.docname
        card = nodes.container(classes=["figure-card"], ids=[f"{page['name']}-card"])
        files = nodes.paragraph(classes=["figure-card-files"])
        files += nodes.strong(text=f"Figure {page['number']} to take away: ")
        for i, (suffix, what) in enumerate((("png", "PNG"), ("svg", "SVG"), ("csv", "CSV of the values drawn"))):
            if i:
                files += nodes.Text(" · ")
            files += _download(self._uri(self._pack_file(page, suffix)), what, docname)
        card += files
        short = nodes.paragraph(classes=["figure-card-short"])
        short += nodes.strong(text="Short citation: ")
        short += nodes.Text(page["short_citation"])
        card += short
        cite = nodes.paragraph(classes=["figure-card-cite"])
        cite += nodes.strong(text="Full citation:")
        card += cite
        full = page["citation"]
        card += nodes.literal_block(full, full, language="none", classes=["figure-citation"])
        licence = nodes.paragraph(classes=["figure-card-licence"])
        licence += nodes.strong(text="Licence: ")
        licence += nodes.reference("", page["licence"], refuri=page["licence_url"])
        licence += nodes.Text(" for the chart and its data: share and adapt them, with the citation above. ")
        licence += _ref("quotations-and-licence", "Quotations", docname)
        licence += nodes.Text(" remain their authors'.")
        card += licence
        return card

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        page = self._page(name)
        here = PurePosixPath(self.env.docname).name
        if here != page["chapter"]:
            raise self.error(f"report-figure: {name} belongs on {page['chapter']!r}, not on {here!r}")
        png = self._pack_file(page, "png")
        figure = nodes.figure(classes=["report-figure"])
        figure += nodes.image(uri=self._uri(png), alt=page["alt"])
        caption = nodes.caption(text=page["caption"])
        self.set_source_info(caption)
        figure += caption
        self.set_source_info(figure)
        figure["names"].append(name)
        self.state.document.note_explicit_target(figure, figure)
        return [figure, self._data_table(page), self._card(page)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(details, html=(visit_details_html, depart_details_html))
    app.add_node(summary, html=(visit_summary_html, depart_summary_html))
    app.add_directive("report-figure", ReportFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
