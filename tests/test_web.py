"""What the pages carry for weight and speed (_ext/report_web.py), function by function: deferred
scripts, print-only style sheets, page descriptions, image sizes and the cut icon font."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from conftest import rst
from fontTools.ttLib import TTFont
from sphinx.builders.html._assets import _JavaScript

from analysis.core import paths

sys.path.insert(0, str(paths.ROOT / "_ext"))
import report_web

# --- scripts and style sheets ---------------------------------------------------------------------


def test_script_files_are_deferred_and_settings_of_documentation_options_run_after_it() -> None:
    scripts = [
        _JavaScript("_static/documentation_options.js"),
        _JavaScript("_static/sphinx-thebe.js", **{"async": "async"}),
        _JavaScript("_static/already.js", defer="defer"),
        _JavaScript(None, body="let toggleHintShow = 'Click to show';"),  # type: ignore[arg-type]
        _JavaScript(None, body="DOCUMENTATION_OPTIONS.pagename = 'book/02-pay';"),  # type: ignore[arg-type]
    ]
    out = report_web.deferred(scripts)
    assert [s.attributes for s in out] == [
        {"defer": "defer"},
        {"async": "async"},
        {"defer": "defer"},
        {"body": "let toggleHintShow = 'Click to show';"},
        {"body": "DOCUMENTATION_OPTIONS.pagename = 'book/02-pay';", "type": "module"},
    ]
    assert [s.filename for s in out] == [s.filename for s in scripts]
    assert out[2] is scripts[2]  # unchanged scripts are the same objects


def test_a_page_loads_no_file_of_a_component_its_body_does_not_use() -> None:
    every = {name for files, _ in report_web.COMPONENTS.values() for name in files}
    assert report_web.unused_files("<p>Plain text about toggles, highlights and sd- cards.</p>") == every
    used = report_web.unused_files('<div class="highlight-python notranslate"><div class="highlight"><pre>x</pre>')
    assert used == every - {"copybutton.css", "copybutton.js", "clipboard.min.js"}
    assert "togglebutton.js" not in report_web.unused_files('<details class="admonition dropdown">')
    assert "design-tabs.js" not in report_web.unused_files('<div class="sd-tab-set docutils">')


@pytest.mark.parametrize(
    ("css", "only"),
    [
        ("/* a */ @media print { a { color: red } }\n@media print{ @page { margin: 1cm } }", True),
        ("@media print { a { b: c } } p { color: red }", False),
        ("@media screen { a { b: c } }", False),
        ("@media print { a { b: c }", False),
        ("", True),
    ],
)
def test_a_style_sheet_is_print_only_when_it_holds_nothing_but_print_rules(css: str, only: bool) -> None:
    assert report_web.print_only(css) is only


# --- descriptions ---------------------------------------------------------------------------------


def test_a_page_description_is_its_first_paragraph_of_running_text_whole() -> None:
    doctree = rst(
        "Title\n=====\n\n.. note::\n\n   A note first.\n\n- a list item\n\n"
        "The first   paragraph, hedged “often”,\nwhole: it may say <b>.\n\nThe second.\n"
    )
    assert report_web.description(doctree) == "The first paragraph, hedged “often”, whole: it may say <b>."
    assert report_web.description(rst("Title\n=====\n\n- only a list\n")) == ""


# --- images ---------------------------------------------------------------------------------------


def test_an_image_after_a_screen_of_text_loads_lazily_even_the_first() -> None:
    words = "<p>" + "word " * (report_web.FIRST_SCREEN_TEXT // 4) + "</p>"
    out = report_web.size_images(f'{words}<img src="a.png" />', lambda src: None)
    assert out.endswith('<img src="a.png" loading="lazy" decoding="async" />')
    out = report_web.size_images(f'<p>{"w" * 40}</p><img src="a.png" />', lambda src: None)
    assert out.endswith('<img src="a.png" decoding="async" />')


def test_images_get_their_size_and_all_but_the_first_load_lazily() -> None:
    sizes = {"../_images/a.png": (2936, 1244), "../_images/b.png": (10, 20)}
    body = (
        '<p><img alt="A &quot;b&quot; &gt;" src="../_images/a.png" /></p>'
        '<img src="../_images/b.png" width="5">'
        '<img alt="" src="https://example.org/c.png" />'
        '<img src="../_images/b.png" loading="eager" decoding="sync" />'
    )
    out = report_web.size_images(body, sizes.get)
    assert out == (
        '<p><img alt="A &quot;b&quot; &gt;" src="../_images/a.png" width="2936" height="1244" decoding="async" /></p>'
        '<img src="../_images/b.png" width="5" loading="lazy" decoding="async">'
        '<img alt="" src="https://example.org/c.png" loading="lazy" decoding="async" />'
        '<img src="../_images/b.png" loading="eager" decoding="sync" width="10" height="20" />'
    )


# --- the icon font --------------------------------------------------------------------------------

THEME_CSS = (
    '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}'
    '.fa-list:before{content:"\\f03a"}.fa-xmark:before{content:"\\f00d"}'
    ".fa-solid{font-weight:900}"
    'html{--pst-icon-bell:"\uf0f3"}'
    '.onthispage:after{content:"\\f107";font-family:Font Awesome\\ 6 Free}'
)


def test_icons_come_from_the_classes_pages_name_and_the_icons_style_sheets_draw() -> None:
    codepoints = report_web.icon_codepoints(THEME_CSS)
    assert codepoints == {"fa-bars": 0xF0C9, "fa-navicon": 0xF0C9, "fa-list": 0xF03A, "fa-xmark": 0xF00D}
    pages = ['<i class="fa-solid fa-bars"></i>', 'e.classList = "fa-solid fa-xmark"; // fa-unknown']
    assert report_web.icons_used(pages, codepoints) == {0xF0C9, 0xF00D}
    assert report_web.drawn_by_styles(THEME_CSS) == {0xF0F3, 0xF107}


def _theme_font() -> Path:
    import pydata_sphinx_theme  # the theme ships the font the site's copy comes from

    font = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static" / report_web.THEME_FONT
    assert font.is_file(), font
    return font


def test_the_cut_font_holds_exactly_the_icons_asked_for_and_is_the_same_every_time() -> None:
    font = _theme_font()
    wanted = {0xF0C9, 0xF00D, 0xF107}
    data = report_web.subset_font(font, wanted)
    assert data == report_web.subset_font(font, sorted(wanted, reverse=True))
    assert data[:4] == b"wOFF"
    with TTFont(io.BytesIO(data)) as cut:
        assert set(cut.getBestCmap()) == wanted
        assert "Font Awesome" in cut["name"].getDebugName(0)  # the copyright notice is kept
    assert len(data) < 10_000 < font.stat().st_size
