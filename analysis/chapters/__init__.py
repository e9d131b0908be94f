"""The chapters layer: for each chapter of the book, its tables, claims and prose.

One module per chapter (:mod:`~analysis.chapters.evidence_base`, :mod:`~analysis.chapters.pay`,
:mod:`~analysis.chapters.ladder`, :mod:`~analysis.chapters.benefits`,
:mod:`~analysis.chapters.challenges`, :mod:`~analysis.chapters.conditions`,
:mod:`~analysis.chapters.agreement`, and the landing page's :mod:`~analysis.chapters.summary`),
with the wording helpers of :mod:`~analysis.chapters.prose` and the source x category matrices of
:mod:`~analysis.chapters.matrices`. Functions take tables and return tables, values or MyST
sentences; they draw nothing. Imports only :mod:`analysis.core`."""
