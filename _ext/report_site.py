"""Sphinx extension: what every page of the report carries, from ``CITATION.cff``, and HTML fixes.

- Every page's footer shows the report's version and last-updated date and its licence
  (``analysis.core.release.release()``, i.e. ``CITATION.cff``), through the theme's ``extra_footer``
  slot, so no page states a version typed by hand.
- ``html_baseurl`` (the canonical address of every page) is the ``url`` of ``CITATION.cff``
  unless the configuration sets one.
- ``{report-citation}`` writes the report's citation and BibTeX entry from the same metadata.
- The "show code" toggles of myst-nb wrap their labels in ``<p>``, which HTML does not allow in a
  ``<summary>``; they are written as ``<span>`` (``_static/custom.css`` gives them the same look).
- The bibliography's entries are ``listitem``s of their ``list`` (docutils writes the deprecated
  ``doc-biblioentry`` role, which leaves the list with no items for assistive technology).
- The sidebar's buttons that open a page's sub-pages get a name ("Pages under ..."): the theme
  writes them as empty ``<summary>`` elements.
- The site's root ``index.html`` is a valid HTML page that redirects to the first page (by
  default sphinx-external-toc writes a bare ``<meta>`` tag there).
- The page title the theme prints as it is (``{{ pagetitle }}`` in its print-only ``<h1>``,
  which sphinx-book-theme sets to the title's plain text) is escaped: a source page's title is the
  manifest's, and a ``<script>`` there must show as text, not run. So are the section titles of
  the search index (``alltitles``), which Sphinx 7's search page puts into a result with
  ``innerHTML``: a title ``<img src=x onerror=...>`` would run for a reader who searched for it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from analysis.core import paths, release


def footer_html(pathto: Any = None) -> str:
    """The footer line: version, date, licence (every text escaped)."""

    rel = release.release()
    cite = html.escape(pathto("book/cite") if pathto else "book/cite.html", quote=True)
    return (
        f'<p class="report-version">Version {html.escape(rel.version)}, '
        f"last updated {html.escape(rel.date)}. Text, data and charts: "
        f'<a href="{html.escape(release.LICENCE_URL, quote=True)}">{html.escape(release.LICENCE)}</a>; '
        f'<a href="{cite}">how to cite and reuse</a>.</p>'
    )


def _footer(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    context["theme_extra_footer"] = footer_html(context.get("pathto"))


def _escaped_title(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"], quote=False)


def _escaped_search_titles(app: Sphinx) -> list[Any]:
    # Sphinx's index builder keeps each page's section titles as plain text, and writes them after
    # html-collect-pages; "<" and ">" become entities (once: escaped text holds neither again).
    titles = getattr(getattr(app.builder, "indexer", None), "_all_titles", None)
    if isinstance(titles, dict):
        for docname, entries in titles.items():
            titles[docname] = [(t.replace("<", "&lt;").replace(">", "&gt;"), anchor) for t, anchor in entries]
    return []


def name_toggles(toctree: str) -> str:
    """The sidebar's navigation with a name on every toggle that opens a page's sub-pages."""
    soup = BeautifulSoup(toctree, "html.parser")
    for item in soup.select("li.has-children"):
        toggle = item.select_one(":scope > details > summary")
        link = item.select_one(":scope > a")
        if toggle is not None and not toggle.get("aria-label"):
            toggle["aria-label"] = f"Pages under {link.get_text(' ', strip=True) if link else 'this page'}"
    return str(soup)


def _named_toggles(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    make = context.get("generate_toctree_html")
    if make is None or getattr(make, "names_toggles", False):
        return

    def generate(*args: Any, **kwargs: Any) -> str:
        return name_toggles(str(make(*args, **kwargs)))

    generate.names_toggles = True  # type: ignore[attr-defined]
    context["generate_toctree_html"] = generate


def _visit_citation(self: SphinxTranslator, node: nodes.citation) -> None:
    # As docutils' HTML5 writer, with role="listitem" for the deprecated "doc-biblioentry".
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _depart_citation(self: SphinxTranslator, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def _baseurl(app: Sphinx, config: Any) -> None:

    if not config.html_baseurl:
        config.html_baseurl = release.release().url


class ReportCitation(SphinxDirective):
    """The report's citation, as text, APA and BibTeX (each with a copy button), from
    ``analysis.core.release``: one author form, wherever the report is cited."""

    has_content = False

    def run(self) -> list[nodes.Node]:

        self.env.note_dependency(str(paths.CITATION))
        blocks: list[nodes.Node] = []
        for label, text, language in (
            ("Cite as:", release.report_citation(), "none"),
            ("APA:", release.report_apa(), "none"),
            ("BibTeX:", release.report_bibtex(), "bibtex"),
        ):
            blocks.append(nodes.paragraph(text=label))
            blocks.append(nodes.literal_block(text, text, language=language, classes=["citation-copy"]))
        return blocks


def _visit_hidden_cell(self: SphinxTranslator, node: Any) -> None:
    # As myst-nb's visit_HideCellInput, with <span> for <p> (phrasing content only in <summary>).
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append('<summary aria-label="Toggle hidden content">\n')
    self.body.append(f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n')
    self.body.append("</summary>\n")


def _depart_hidden_cell(self: SphinxTranslator, node: Any) -> None:
    self.body.append("</details>\n")


def _hidden_cells(app: Sphinx) -> None:
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_cell, _depart_hidden_cell))


REDIRECT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={target}">
<title>{title}</title>
<link rel="canonical" href="{canonical}">
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def _root_redirect(app: Sphinx, exception: Exception | None) -> None:
    """A valid root page that sends the browser to the first page (before sphinx-external-toc,
    which writes one only where none exists)."""
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    target = html.escape(f"{app.config.root_doc}.html", quote=True)
    canonical = html.escape(app.config.html_baseurl.rstrip("/") + "/" + f"{app.config.root_doc}.html", quote=True)
    page = REDIRECT.format(
        target=target, title=html.escape(app.config.html_title or app.config.project), canonical=canonical
    )
    Path(app.outdir, "index.html").write_text(page, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _baseurl)
    app.connect("builder-inited", _hidden_cells)
    app.connect("html-page-context", _footer)
    # after the theme (priority 500) has put its toctree function in the context
    app.connect("html-page-context", _named_toggles, priority=600)
    # after sphinx-book-theme (priority 500) has set the page title to its plain text
    app.connect("html-page-context", _escaped_title, priority=600)
    app.connect("html-collect-pages", _escaped_search_titles)
    app.add_node(nodes.citation, override=True, html=(_visit_citation, _depart_citation))
    app.connect("build-finished", _root_redirect, priority=400)
    app.add_directive("report-citation", ReportCitation)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
