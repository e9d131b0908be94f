"""Call Center Careers: load, verify, repair and tabulate the evidence behind the report.

The package is layered, and each layer imports only the layers before it (``make lint`` checks
this with import-linter; the contract is in ``pyproject.toml``):

- :mod:`analysis.core`: paths, vocabularies, the record schema, strict YAML, the sources (read,
  verify, repair), the evidence (validate, tabulate), number finding, quotations, official
  statistics, inflation, MyST escaping and the report's release metadata;
- :mod:`analysis.chapters`: for each chapter of the book, its tables, claims and prose, computed
  from the processed tables (notebooks in ``book/`` call them and show the results);
- :mod:`analysis.publish`: what leaves the book: the chart style and every chart, the figure pack,
  the CSV and XLSX downloads, the evidence explorer's rows and the slide deck;
- :mod:`analysis.tools`: the command-line tools (``make data``, the downloads, the figure pack,
  the deck, the scanner and the drafter of a new source), which may use any layer.

Nothing is printed or written on import.
"""

__all__ = ["chapters", "core", "publish", "tools"]
