"""Sphinx extension: the ``report-figure`` directive places one of the report's charts on a page,
with the data behind it and its card.

Everything about a chart comes from ``analysis.figures``: its image (the figure pack's PNG, written
by ``make figures`` before the book is built), its caption and alt text (written from the chart's
own data), its number and its name (the target ``{numref}`` uses). A page writes only::

    ```{report-figure} fig-pay-ranges
    ```

Under the figure come

- "Data behind this chart", collapsed: the chart's data as a table, the same values as the CSV
  download, every record id a link to the record's row in the evidence explorer;
- the figure card (id ``<name>-card``): the pack's PNG, SVG and CSV as downloads, a short and a full
  citation (the full one in a block with a copy button), and the licence.

The directive refuses a name the registry does not know, a chart placed on another page than the
one the registry names, a pack file that is missing (run ``make figures``), and a record id in a
chart's data that is not a record of the evidence.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator


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

    def _pack_file(self, name: str, suffix: str) -> Path:
        from analysis import figures

        path = figures.PACK_DIR / f"{figures.stem(name)}.{suffix}"
        if not path.is_file():
            raise self.error(f"report-figure: {path} is missing: run `make figures` before building the book")
        self.env.note_dependency(str(path))
        return path

    def _uri(self, path: Path) -> str:
        return "/" + path.resolve().relative_to(Path(self.env.srcdir).resolve()).as_posix()

    def _data_table(self, name: str, data: Any) -> details:
        """The chart's data as a table of the CSV's own cells, record ids as links."""
        from analysis import explorer, export, figures, report

        text = export.frame_csv(data)
        header, *rows = list(csv.reader(io.StringIO(text)))
        links = figures.record_links(data)
        known = explorer.labels()
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
        for cells, row_links in zip(rows, links, strict=True):
            row = nodes.row()
            for column, cell in zip(header, cells, strict=True):
                para = nodes.paragraph()
                pairs = row_links.get(column)
                if pairs:
                    for i, (source_id, record_id) in enumerate(pairs):
                        label = report.record_label(source_id, record_id)
                        if label not in known:
                            raise self.error(
                                f"report-figure: {name}: {column} {record_id!r} of {source_id} "
                                "is not a record of the evidence"
                            )
                        if i:
                            para += nodes.Text("; ")
                        para += _ref(label, record_id, self.env.docname)
                else:
                    para += nodes.Text(cell)
                row += nodes.entry("", para)
            body += row
        block = details(classes=["chart-data"], ids=[f"{name}-data"])
        block += summary("", f"Data behind this chart ({len(rows)} rows)")
        block += table
        return block

    def _card(self, name: str) -> nodes.container:
        from analysis import figures, report

        docname = self.env.docname
        card = nodes.container(classes=["figure-card"], ids=[f"{name}-card"])
        files = nodes.paragraph(classes=["figure-card-files"])
        files += nodes.strong(text=f"Figure {figures.number(name)} to take away: ")
        for i, (suffix, what) in enumerate((("png", "PNG"), ("svg", "SVG"), ("csv", "CSV of the values drawn"))):
            if i:
                files += nodes.Text(" · ")
            files += _download(self._uri(self._pack_file(name, suffix)), what, docname)
        card += files
        short = nodes.paragraph(classes=["figure-card-short"])
        short += nodes.strong(text="Short citation: ")
        short += nodes.Text(figures.short_citation(name))
        card += short
        cite = nodes.paragraph(classes=["figure-card-cite"])
        cite += nodes.strong(text="Full citation:")
        card += cite
        full = figures.citation_text(name)
        card += nodes.literal_block(full, full, language="none", classes=["figure-citation"])
        licence = nodes.paragraph(classes=["figure-card-licence"])
        licence += nodes.strong(text="Licence: ")
        licence += nodes.reference("", report.LICENCE, refuri=report.LICENCE_URL)
        licence += nodes.Text(" for the chart and its data: share and adapt them, with the citation above. ")
        licence += _ref("quotations-and-licence", "Quotations", docname)
        licence += nodes.Text(" remain their authors'.")
        card += licence
        return card

    def run(self) -> list[nodes.Node]:
        from analysis import figures

        name = self.arguments[0]
        registry = figures.registry()
        if name not in registry:
            raise self.error(f"report-figure: unknown figure {name!r} (known: {', '.join(registry)})")
        chart = registry[name]
        page = PurePosixPath(self.env.docname).name
        if page != chart.chapter:
            raise self.error(f"report-figure: {name} belongs on {chart.chapter!r}, not on {page!r}")
        png = self._pack_file(name, "png")
        data = chart.data()
        figure = nodes.figure(classes=["report-figure"])
        figure += nodes.image(uri=self._uri(png), alt=chart.alt(data))
        caption = nodes.caption(text=chart.caption(data))
        self.set_source_info(caption)
        figure += caption
        self.set_source_info(figure)
        figure["names"].append(name)
        self.state.document.note_explicit_target(figure, figure)
        for folder in (Path(self.env.srcdir) / "data" / "evidence",):
            for path in sorted(folder.glob("*.yaml")):
                self.env.note_dependency(str(path))
        return [figure, self._data_table(name, data), self._card(name)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(details, html=(visit_details_html, depart_details_html))
    app.add_node(summary, html=(visit_summary_html, depart_summary_html))
    app.add_directive("report-figure", ReportFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
