"""How the report is cited and how its figures are set on a page: one author form everywhere,
citations in the styles presenters paste (APA, BibTeX) that no title can break, and figures that a
printed table never splits."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from analysis.core import paths, release
from analysis.publish import figures

sys.path.insert(0, str(paths.ROOT / "_ext"))
import report_figures

OLD_FORM = "Call Center Careers project"


def test_one_author_form_from_citation_cff_everywhere() -> None:
    cff = yaml.safe_load(paths.CITATION.read_text(encoding="utf-8"))
    author = cff["authors"][0]["name"]
    assert release.release().author == author
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["author"] == author
    name = next(iter(figures.registry()))
    for text in (
        release.report_citation(),
        release.report_apa(),
        release.report_bibtex(),
        figures.citation_text(name),
        figures.short_citation(name),
        figures.citation_apa(name),
        figures.citation_bibtex(name),
        figures.credit_line(name),
    ):
        assert author in text, text


def test_no_page_or_module_keeps_the_old_author_form() -> None:
    texts = [
        *paths.BOOK.glob("*.md"),
        *(paths.ROOT / "analysis").rglob("*.py"),
        *(paths.ROOT / "_ext").glob("*.py"),
        paths.ROOT / "_config.yml",
        paths.CITATION,
        paths.ROOT / "README.md",
    ]
    found = [str(p.relative_to(paths.ROOT)) for p in texts if OLD_FORM in p.read_text(encoding="utf-8")]
    assert found == []


def test_a_figures_citations_name_it_and_its_address() -> None:
    name = "fig-pay-benchmark"
    number, url = figures.number(name), release.page_url("02-pay", name)
    apa = figures.citation_apa(name)
    assert apa.startswith(f"{release.release().author}. ({release.release().year}). Figure {number}: ")
    assert "[Figure]" in apa
    assert apa.endswith(url)
    bibtex = figures.citation_bibtex(name)
    assert bibtex.startswith(f"@misc{{call-center-careers-{release.release().year}-fig-{number},")
    assert f"url          = {{{url}}}" in bibtex


@pytest.mark.parametrize("title", ["50% of pay & more", "a } b", "x_y #1 $2 ~ ^ \\ {z}"])
def test_no_title_can_break_a_bibtex_entry(title: str) -> None:
    entry = release.figure_bibtex(1, title, "fig-x", "02-pay")
    field = next(line for line in entry.splitlines() if line.strip().startswith("title"))
    value = field.split("= ", 1)[1].rstrip(",")
    depth = 0
    for i, char in enumerate(value):
        if char in "{}" and (i == 0 or value[i - 1] != "\\"):
            depth += 1 if char == "{" else -1
            assert depth > 0 or i == len(value) - 1, f"the field closes early: {value!r}"
    assert depth == 0
    assert not re.search(r"(?<!\\)[%&#_$]", value), value


def test_figures_in_table_cells_are_kept_whole_and_nothing_else_is_touched() -> None:
    body = (
        "<p>$5,000 in a paragraph</p><table><tr><th>Pay</th><td>from $22,925–$39,743 a year, 13.0%, May 2025"
        ' <a href="x-2025.html">salary-csr-1</a></td><td><pre>$1,234</pre><code>$9,999</code></td></tr></table>'
        "<script>var x = '$1,234';</script>"
    )
    out = report_figures.whole_figures(body)
    for figure in ("$22,925–$39,743", "13.0%", "2025"):
        assert f'<span class="nobr">{figure}</span>' in out
    assert "<p>$5,000 in a paragraph</p>" in out  # outside a table: the flow never splits a figure
    assert 'href="x-2025.html"' in out  # never inside a tag
    for kept in ("<pre>$1,234</pre>", "<code>$9,999</code>", "var x = '$1,234';"):
        assert kept in out
    assert re.sub(r"</?span[^>]*>", "", out) == body  # only spans added
