"""The core layer: what the evidence is and how it is read, with no chapter in view.

Paths, vocabularies, the record schema, strict YAML, the sources (verified against their sha256
and repaired, with offsets back to the raw text), the evidence records (validated and written as
tables), the figures a text states, quotations, official statistics, CPI-U, MyST escaping and the
report's own release metadata. Nothing here imports :mod:`analysis.chapters` or
:mod:`analysis.publish`."""
