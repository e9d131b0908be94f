"""Call Center Careers: load, verify, repair and tabulate the evidence behind the report.

The package is a set of small pure functions; notebooks in ``book/`` call them and show the
results. Nothing is printed or written on import.
"""

__all__ = [
    "agreement",
    "benefits",
    "challenges",
    "charts",
    "conditions",
    "draft",
    "evidence",
    "explorer",
    "export",
    "external",
    "figures",
    "inflation",
    "ladder",
    "matrices",
    "paths",
    "pay",
    "quotes",
    "report",
    "scan",
    "schema",
    "slides",
    "sources",
    "strict_yaml",
    "summary",
    "vocab",
]
