"""Command-line tools. Each is ``python -m analysis.tools.<name>``; the Makefile runs most of them.

- ``make_data``: validate every evidence record and write ``data/processed/`` (``--check``: compare);
- ``make_schema``: write (or ``--check``) what is generated from the record schema;
- ``make_downloads``: the CSV and XLSX downloads;
- ``make_figures``: the figure pack;
- ``make_deck``: the slide deck;
- ``scan``: the figures of a source no record or exclusion accounts for;
- ``draft``: draft the evidence records of a new source.

Exit status: 0 on success, 1 when an input is refused (the message names the file, the record
and the problem), 2 for a usage error."""
