"""The report's charts, one module per chapter: how each is drawn, captioned and described.

Each module declares its chapter's charts as a ``CHARTS`` tuple of
:class:`~analysis.publish.chart.Chart`; the values drawn come from the chapter's module in
:mod:`analysis.chapters`, and :mod:`analysis.publish.figures` collects them in reading order."""
