"""The publish layer: what the book shows and what leaves it.

The chart style (:mod:`~analysis.publish.chart_style`), one module of charts per chapter
(:mod:`analysis.publish.charts`), the registry and figure pack (:mod:`~analysis.publish.figures`),
the CSV and XLSX downloads (:mod:`~analysis.publish.export`), the evidence explorer's rows
(:mod:`~analysis.publish.explorer`) and the slide deck (:mod:`analysis.publish.deck`). Imports
:mod:`analysis.chapters` and :mod:`analysis.core`, never the tools."""
