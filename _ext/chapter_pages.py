"""Sphinx extension: a chapter page reads finding first, its code a download away, its long tables short.

- **The notebook, linked.** The pages show no code (the notebooks' cells are tagged ``remove-input``
  or ``remove-cell``); each page built from a notebook, the landing page aside, links that notebook
  as a download, under its key-numbers box (``analysis.chapters.key_numbers``) or, on a page without
  one, at its end.
- **Long tables folded.** A table a notebook cell shows with more than :data:`FIRST` + :data:`SLACK`
  rows shows its first :data:`FIRST` on screen, with a "Show all N rows" switch under it (N counted
  here). The switch is a checkbox and its label, so it works without JavaScript; the rows past the
  first are hidden by ``_static/custom.css`` only on screens, never on paper, and a browser without
  the style sheet shows every row.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxTranslator

#: The rows a folded table shows.
FIRST = 5
#: A table is folded only when at least this many more rows would be hidden.
SLACK = 4
#: The class of the box a chapter opens with (``analysis.chapters.key_numbers.CLASS``).
KEY_NUMBERS = "key-numbers"
#: The class of the line that links a page's notebook.
NOTEBOOK_LINK = "notebook-link"


class long_table(nodes.General, nodes.Element):
    """A folded table: its one child is the table; ``rows`` is how many rows it has, ``ident`` the
    switch's id on the page."""


def visit_long_table_html(self: SphinxTranslator, node: long_table) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="long-table"))
    self.body.append(
        f'<input type="checkbox" class="long-table-toggle" id="{html.escape(node["ident"], quote=True)}">\n'
    )


def depart_long_table_html(self: SphinxTranslator, node: long_table) -> None:
    rows = int(node["rows"])
    self.body.append(
        f'<label class="long-table-more" for="{html.escape(node["ident"], quote=True)}">'
        f'<span class="when-folded">Show all {rows} rows</span>'
        f'<span class="when-whole">Show the first {FIRST} rows only</span></label>\n</div>\n'
    )


def _pass(self: SphinxTranslator, node: nodes.Node) -> None:
    pass


def _in_cell_output(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if "cell_output" in parent.get("classes", []):
            return True
        parent = parent.parent
    return False


def _body_rows(table: nodes.table) -> list[nodes.row]:
    return [row for body in table.findall(nodes.tbody) for row in body.children if isinstance(row, nodes.row)]


def fold_long_tables(doctree: nodes.document) -> int:
    """Wraps every long table of a notebook's output in a :class:`long_table`; returns how many."""
    folded = 0
    for table in list(doctree.findall(nodes.table)):
        rows = _body_rows(table)
        if not _in_cell_output(table) or len(rows) < FIRST + SLACK:
            continue
        folded += 1
        for row in rows[FIRST:]:
            row["classes"].append("beyond-first")
        wrapper = long_table("", rows=len(rows), ident=f"all-rows-{folded}")
        table.replace_self(wrapper)
        wrapper += table
    return folded


def notebook_link(docname: str, source: Path) -> nodes.paragraph:
    """The line that offers a page's notebook as a download."""
    para = nodes.paragraph(classes=[NOTEBOOK_LINK])
    para += nodes.Text("The code behind every number on this page is its notebook, ")
    para += addnodes.download_reference(
        "", "", nodes.literal("", source.name), reftarget=f"/{source.as_posix()}", refdoc=docname, refexplicit=True
    )
    para += nodes.Text(", which reruns with the project.")
    return para


def _doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    fold_long_tables(doctree)
    if docname == app.config.root_doc:
        return
    link = notebook_link(docname, path.relative_to(app.srcdir))
    box = next((n for n in doctree.findall(nodes.Element) if KEY_NUMBERS in n.get("classes", [])), None)
    if box is not None:
        box.parent.insert(box.parent.index(box) + 1, link)
    else:
        sections = list(doctree.findall(nodes.section))
        (sections[0] if sections else doctree).append(link)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(
        long_table,
        html=(visit_long_table_html, depart_long_table_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
    )
    # Before Sphinx's own collectors (priority 500) read the page's download links.
    app.connect("doctree-read", _doctree_read, priority=100)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
