"""Chart colours stand out from the page: series at least 3:1 against the background, figures opaque.

WCAG 2.1 (1.4.11, non-text contrast) asks 3:1 of graphics a reader needs. The background marks a
chart draws on purpose in light grey (grid, percentile bands, the "not named" dots of the
matrices) are not series and are listed here by colour.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import matplotlib.text
import pytest
from matplotlib.colors import to_hex
from PIL import Image

from analysis.publish import chart_style, figures
from analysis.publish.chart import NOTHING_TO_DRAW

# Light greys drawn on purpose behind or beside the series (bands, absence dots), and white.
BACKGROUND_MARKS = {chart_style.LIGHT.lower(), "#a6a6a6", "#ffffff"}


def test_the_contrast_formula_matches_known_values() -> None:
    assert chart_style.contrast("#000000") == pytest.approx(21.0)
    assert chart_style.contrast("#FFFFFF") == pytest.approx(1.0)
    assert chart_style.contrast("#767676") == pytest.approx(4.54, abs=0.01)  # the usual 4.5:1 grey


def test_every_series_colour_has_3_to_1_against_the_background() -> None:
    weak = {
        c: round(chart_style.contrast(c), 2)
        for c in chart_style.SERIES
        if chart_style.contrast(c) < chart_style.MIN_CONTRAST
    }
    assert weak == {}
    assert set(chart_style.colours(["a", "b", "c", "d", "e", "f"]).values()) <= set(chart_style.SERIES)
    # the Okabe-Ito colours left out fail it, which is why they are left out
    assert all(chart_style.contrast(c) < 3 for c in ("#E69F00", "#56B4E9", "#F0E442"))


@pytest.mark.parametrize("name", list(figures.registry()))
def test_every_chart_draws_its_series_in_contrasting_colours_on_an_opaque_background(name: str) -> None:
    fig = figures.build(name)
    try:
        used = set()
        for ax in fig.axes:
            used |= {to_hex(line.get_color()) for line in ax.get_lines()}
            for collection in ax.collections:
                used |= {to_hex(c) for c in collection.get_facecolors()}
        used -= BACKGROUND_MARKS
        weak = {
            c: round(chart_style.contrast(c), 2) for c in used if chart_style.contrast(c) < chart_style.MIN_CONTRAST
        }
        assert weak == {}, f"{name}: colours under 3:1 against white: {weak}"
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=30)
    finally:
        plt.close(fig)
    with Image.open(io.BytesIO(buffer.getvalue())) as image:
        rgba = image.convert("RGBA")
        assert rgba.getextrema()[3] == (255, 255), f"{name}: the PNG has transparent pixels"


@pytest.mark.parametrize("name", list(figures.registry()))
def test_a_chart_with_nothing_to_draw_says_so_in_its_image_caption_and_alt_text(name: str) -> None:
    """A valid corpus may hold no record a chart draws: the chart is still built, and says so."""
    chart = figures.registry()[name]
    empty = chart.data().iloc[0:0]
    figure = figures.build(name, empty)
    drawn = [t.get_text() for t in figure.findobj(matplotlib.text.Text)]
    plt.close(figure)
    assert any(NOTHING_TO_DRAW in text for text in drawn)
    assert figures.caption(name, empty).startswith(NOTHING_TO_DRAW)
    assert NOTHING_TO_DRAW in chart.alt(empty)
