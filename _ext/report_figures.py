"""Sphinx extension: the ``report-figure`` directive places one of the report's charts on a page,
with the data behind it and its card.

Everything about a chart comes from ``analysis.publish.figures``, through the figure pack that ``make
figures`` writes before the book is built: its image (the pack's PNG) and its page file
(``_build/figures/<name>.page.json``: caption and alt text written from the chart's own data,
number, data, record links, citations), so the build imports neither pandas nor the evidence. Its
name is the target ``{numref}`` uses. A page writes only::

    ```{report-figure} fig-pay-ranges
    ```

The image is the chart at a resolution for the book's column (``<stem>-web.png``, its width and
height written into the page so nothing moves as it loads), with the full-size PNG offered to
screens that need more pixels (``srcset``) and one tap away: the image links it, so on a phone the
chart opens at full size to be zoomed. Every text in it is at least 10 CSS px where the column is
672 px wide (:mod:`analysis.publish.chart_style`).

Under the figure come

- "Data behind this chart", collapsed: the chart's data as a table, the same values as the CSV
  download, every record id a link to the record's row in the evidence explorer;
- the figure card (id ``<name>-card``): the pack's PNG, slide-sized PNG, SVG and CSV as downloads;
  the short and the full citation, each in a block with a copy button that is always shown; the
  citation as APA and BibTeX (collapsed); and the licence.

The directive refuses a name the pack does not know, a chart placed on another page than the one
the registry names and a pack file that is missing (run ``make figures``); the pack refuses a
record id in a chart's data that is not a record of the evidence.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import Any, cast
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
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


class chart_image(nodes.General, nodes.Element):
    """A chart's image: the web-sized PNG, the full-size PNG for dense screens, linked full size.
    ``web`` and ``full`` are the files' names among the build's downloads (``env.dlfiles``)."""


#: What the browser assumes the image's width to be when it picks a file: the book's column on a
#: wide window, the screen's width on a narrow one.
SIZES = "(min-width: 960px) 720px, 100vw"


def visit_chart_image_html(self: SphinxTranslator, node: chart_image) -> None:
    downloads = cast(StandaloneHTMLBuilder, self.builder).dlpath  # where the page finds _downloads/
    web = posixpath.join(downloads, quote(node["web"]))
    full = posixpath.join(downloads, quote(node["full"]))
    width, height = node["web_size"]
    full_width = node["full_size"][0]
    lazy = ' loading="lazy"' if node["lazy"] else ""
    self.body.append(
        f'<a class="chart-zoom" href="{html.escape(full, quote=True)}" '
        f'title="Open the chart at full size">'
        f'<img src="{html.escape(web, quote=True)}" '
        f'srcset="{html.escape(web, quote=True)} {width}w, {html.escape(full, quote=True)} {full_width}w" '
        f'sizes="{SIZES}" width="{width}" height="{height}" alt="{html.escape(node["alt"], quote=True)}"'
        f'{lazy} decoding="async"><span class="chart-zoom-hint">Tap the chart to open it at full size</span></a>\n'
    )
    raise nodes.SkipNode


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

    def _pack_file(self, page: dict[str, Any], suffix: str, joiner: str = ".") -> Path:

        path = paths.FIGURES / f"{page['stem']}{joiner}{suffix}"
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

    def _citation_block(self, text: str, language: str = "none") -> nodes.literal_block:
        """A citation in a block of its own, with a copy button that is always shown (``citation-copy``)."""
        return nodes.literal_block(text, text, language=language, classes=["figure-citation", "citation-copy"])

    def _card(self, page: dict[str, Any]) -> nodes.container:
        docname = self.env.docname
        card = nodes.container(classes=["figure-card"], ids=[f"{page['name']}-card"])
        files = nodes.paragraph(classes=["figure-card-files"])
        files += nodes.strong(text=f"Figure {page['number']} to take away: ")
        takeaway = (
            ("png", "PNG"),
            ("slide.png", "PNG for a slide (16:9)"),
            ("svg", "SVG"),
            ("csv", "CSV of the values drawn"),
        )
        for i, (suffix, what) in enumerate(takeaway):
            if i:
                files += nodes.Text(" · ")
            path = self._pack_file(page, suffix, joiner="-" if suffix == "slide.png" else ".")
            files += _download(self._uri(path), what, docname)
        card += files
        short = nodes.paragraph(classes=["figure-card-short"])
        short += nodes.strong(text="Short citation, for under a slide:")
        card += short
        card += self._citation_block(page["short_citation"])
        cite = nodes.paragraph(classes=["figure-card-cite"])
        cite += nodes.strong(text="Full citation:")
        card += cite
        card += self._citation_block(page["citation"])
        styles = details(classes=["figure-card-styles"])
        styles += summary("", "The citation as APA or BibTeX")
        styles += nodes.paragraph(text="APA:")
        styles += self._citation_block(page["apa"])
        styles += nodes.paragraph(text="BibTeX:")
        styles += self._citation_block(page["bibtex"], "bibtex")
        card += styles
        licence = nodes.paragraph(classes=["figure-card-licence"])
        licence += nodes.strong(text="Licence: ")
        licence += nodes.reference("", page["licence"], refuri=page["licence_url"])
        licence += nodes.Text(
            " for the chart and its data: share and adapt them, with the citation above (the images carry it "
            "drawn in). "
        )
        licence += _ref("quotations-and-licence", "Quotations", docname)
        licence += nodes.Text(" remain their authors'.")
        card += licence
        return card

    def _image(self, page: dict[str, Any]) -> chart_image:
        """The chart's image node; both files are registered as downloads, so the build copies them."""
        web = self._pack_file(page, "web.png", joiner="-")
        full = self._pack_file(page, "png")
        docname = self.env.docname
        count = int(self.env.temp_data.get("report_figures_placed", 0))  # temp_data: this page's reading only
        self.env.temp_data["report_figures_placed"] = count + 1
        return chart_image(
            "",
            web=self.env.dlfiles.add_file(docname, self._uri(web).lstrip("/")),
            full=self.env.dlfiles.add_file(docname, self._uri(full).lstrip("/")),
            web_size=page["images"]["web"],
            full_size=page["images"]["png"],
            alt=page["alt"],
            lazy=count > 0,  # the first chart of a page may be what a reader sees first: not deferred
        )

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        page = self._page(name)
        here = PurePosixPath(self.env.docname).name
        if here != page["chapter"]:
            raise self.error(f"report-figure: {name} belongs on {page['chapter']!r}, not on {here!r}")
        figure = nodes.figure(classes=["report-figure"])
        figure += self._image(page)
        caption = nodes.caption(text=page["caption"])
        self.set_source_info(caption)
        figure += caption
        self.set_source_info(figure)
        figure["names"].append(name)
        self.state.document.note_explicit_target(figure, figure)
        return [figure, self._data_table(page), self._card(page)]


#: A figure as a table cell writes it: money, a count with thousands, a percentage, a year, or a range
#: of them ("$22,925–$39,743"). A figure is never broken across lines (``span.nobr``, print.css):
#: a narrow column on paper once printed "$22,9" on one line and "25–" on the next.
FIGURE = re.compile(r"[$]?\d[\d,]*(?:\.\d+)?%?(?:\s?[–-]\s?[$]?\d[\d,]*(?:\.\d+)?%?)?")
_TAG = re.compile(r"(<[^>]+>)")
_RAW = ("script", "style", "pre", "code", "textarea")


def whole_figures(body: str) -> str:
    """A page's HTML with every figure of a table cell wrapped in ``<span class="nobr">`` (text only:
    never inside a tag, a script, a style or preformatted text)."""
    out: list[str] = []
    in_cell = raw = 0
    for piece in _TAG.split(body):
        if piece.startswith("<"):
            tag = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            name = tag.group(1).lower() if tag else ""
            closing = piece.startswith("</")
            if name in ("td", "th"):
                in_cell += -1 if closing else 1
            elif name in _RAW and not piece.endswith("/>"):
                raw += -1 if closing else 1
            out.append(piece)
        elif in_cell > 0 and raw <= 0 and len(piece) > 3:
            out.append(
                FIGURE.sub(
                    lambda m: f'<span class="nobr">{m.group()}</span>' if len(m.group()) >= 4 else m.group(), piece
                )
            )
        else:
            out.append(piece)
    return "".join(out)


def _whole_figures(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "body" in context:
        context["body"] = whole_figures(context["body"])


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _whole_figures)
    app.add_node(details, html=(visit_details_html, depart_details_html))
    app.add_node(summary, html=(visit_summary_html, depart_summary_html))
    app.add_node(chart_image, html=(visit_chart_image_html, None))
    app.add_directive("report-figure", ReportFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
