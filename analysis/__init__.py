"""Call Center Careers: load, verify, repair and tabulate the evidence behind the report.

The package is a set of small pure functions; notebooks in ``book/`` call them and show the
results. Nothing is printed or written on import.
"""

__all__ = [
    "agreement", "benefits", "bibstyle", "challenges", "charts", "chromium", "conditions", "evidence",
    "export", "external", "figure_info", "figures", "inflation", "ladder", "matrices", "pay", "paths", "report",
    "scan", "sources", "sphinx_fixes",
]
