"""Sphinx extension: the ``report-figure`` directive places one of the report's charts on a page.

Everything about a chart comes from ``analysis.figures``: its image (the figure pack's PNG, written
by ``make figures`` before the book is built), its caption and alt text (written from the chart's
own data), its number and its name (the target ``{numref}`` uses). A page writes only::

    ```{report-figure} fig-pay-ranges
    ```

The directive refuses a name the registry does not know, a chart placed on another page than the
one the registry names, and a pack image that is missing (run ``make figures``).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class ReportFigure(SphinxDirective):
    required_arguments = 1
    has_content = False

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
        png = figures.PACK_DIR / f"{figures.number(name):02d}-{name}.png"
        if not png.is_file():
            raise self.error(f"report-figure: {png} is missing: run `make figures` before building the book")
        data = chart.data()
        srcdir = Path(self.env.srcdir)
        uri = "/" + png.resolve().relative_to(srcdir.resolve()).as_posix()
        figure = nodes.figure(classes=["report-figure"])
        figure += nodes.image(uri=uri, alt=chart.alt(data))
        caption = nodes.caption(text=chart.caption(data))
        self.set_source_info(caption)
        figure += caption
        self.set_source_info(figure)
        figure["names"].append(name)
        self.state.document.note_explicit_target(figure, figure)
        self.env.note_dependency(str(png))
        return [figure]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("report-figure", ReportFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
