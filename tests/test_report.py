"""Text that reaches a page is escaped: a record's words render as exactly those words."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from docutils.core import publish_string
from myst_parser.parsers.docutils_ import Parser

from analysis.core import markup

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a | b | c",
    '=HYPERLINK("http://example.invalid","y")',
    "*bold* _it_ `code` [link](http://example.invalid) {cite:p}`key`",
    "&lt;b&gt; &amp; \\ \\\\ ~~struck~~",
    "# not a heading",
    "1. not a list",
    "$x$ :::{note} :::",
    'bachelor\'s "degree"',
    "line one\nline two",
]


def _cells(markdown: str) -> list[str]:
    """The text of every body cell of the first table MyST renders from ``markdown``."""
    page = publish_string(
        markdown,
        parser=Parser(),
        writer_name="html5",
        settings_overrides={
            "output_encoding": "unicode",
            "smart_quotes": False,
            "myst_enable_extensions": ["colon_fence", "deflist"],
        },
    )
    return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", page, re.S)]


def test_every_hostile_text_renders_literally_in_its_own_cell() -> None:
    table = markup.md_table(pd.DataFrame({"text": HOSTILE, "n": range(len(HOSTILE))}))
    cells = _cells(table.data)
    assert len(cells) == 2 * len(HOSTILE)  # no cell was split or swallowed
    expected = [" ".join(t.splitlines()) for t in HOSTILE]
    assert cells[0::2] == expected
    assert cells[1::2] == [str(i) for i in range(len(HOSTILE))]


def test_headers_are_escaped_too_and_empty_cells_show_a_dash() -> None:
    cells = markup.md_table(pd.DataFrame({"<b>x</b>": [None, ""]})).data.splitlines()
    assert cells[0] == "| \\<b\\>x\\<\\/b\\> |"
    assert cells[2:] == ["| – |", "| – |"]


def test_citations_are_markup_and_their_keys_must_be_slugs() -> None:
    assert markup.cites("a-1, b-2") == "{cite:p}`a-1,b-2`"
    assert markup.cite("exploring-careers-2007", "t") == "{cite:t}`exploring-careers-2007`"
    table = markup.md_table(pd.DataFrame({"x": ["1"], "source_id": ["job-details-guide"]}), cite_column="source_id")
    assert "| 1 | {cite:p}`job-details-guide` |" in table.data
    for bad in ["a`}", "Key With Space", "x{cite:t}"]:
        with pytest.raises(ValueError, match="not a citation key"):
            markup.cites([bad])


def test_code_shows_a_raw_passage_as_it_is_whatever_it_holds() -> None:
    # A passage of damaged text holds a stray curly quotation mark: in a code span it is shown, and
    # the quotation check (which skips code) does not read it as a quotation.
    assert markup.code("β€“") == "`β€“`"
    assert markup.code("a|b") == "`a\\|b`"  # a table cell stays one cell
    assert markup.code("x`y") == "``x`y``"  # a longer fence than any run of backticks inside
    assert markup.code("`x") == "`` `x ``"
    table = markup.md_table(pd.DataFrame({"Raw": [markup.code("β€œ|")]})).data
    assert "| `β€œ\\|` |" in table
