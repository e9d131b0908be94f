"""One chart of the report, as the registry holds it: its data, drawing, takeaway, caption, alt text,
references and the official series it draws (see :mod:`analysis.publish.figures`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.core import external, sources


@dataclass(frozen=True)
class Chart:
    """One chart of the report.

    ``takeaway(data)`` is the one line a reader should take from the chart, written from the values
    drawn: the chart image carries it under its title, the slide as its headline, and the caption
    opens with it. ``official(data)`` gives the SOC code of every official occupation whose series
    the chart draws, so that the source line drawn into the image names each (:func:`occupation`).
    """

    name: str
    chapter: str
    title: str
    data: Callable[[], pd.DataFrame]
    draw: Callable[[pd.DataFrame], Figure]
    caption: Callable[[pd.DataFrame], str]
    alt: Callable[[pd.DataFrame], str]
    takeaway: Callable[[pd.DataFrame], str] = field(kw_only=True)
    references: Callable[[pd.DataFrame], list[str]] = field(default=lambda data: sources_in(data))
    notes: Callable[[pd.DataFrame], list[str]] = field(default=lambda data: [])
    official: Callable[[pd.DataFrame], list[str]] = field(default=lambda data: codes_in(data))


#: What a chart with nothing to draw says, in its image, its takeaway and its caption.
NOTHING_TO_DRAW = "Nothing to draw: no record of the evidence holds what this chart shows."


def _nothing_drawn(data: pd.DataFrame) -> Figure:
    fig, ax = plt.subplots(figsize=(8, 2.0))
    ax.set_axis_off()
    ax.text(0.5, 0.5, NOTHING_TO_DRAW, ha="center", va="center", transform=ax.transAxes, fontsize=12)
    return fig


T = TypeVar("T")


def _unless_empty(function: Callable[[pd.DataFrame], T], empty: T) -> Callable[[pd.DataFrame], T]:
    return lambda data: empty if data.empty else function(data)


def tolerating_empty(chart: Chart) -> Chart:
    """``chart``, drawn and worded for an empty table too: any valid corpus builds, and one may hold no
    record a chart draws (no role that states both its experience and its pay, say). Each chart's own
    functions are written for data; an empty table gets a plain frame that says so instead."""
    return replace(
        chart,
        draw=lambda data: _nothing_drawn(data) if data.empty else chart.draw(data),
        takeaway=_unless_empty(chart.takeaway, NOTHING_TO_DRAW),
        caption=_unless_empty(chart.caption, ""),
        alt=_unless_empty(chart.alt, f"An empty chart, titled {chart.title}. {NOTHING_TO_DRAW}"),
        references=_unless_empty(chart.references, []),
        notes=_unless_empty(chart.notes, []),
        official=_unless_empty(chart.official, []),
    )


def sources_in(data: pd.DataFrame) -> list[str]:
    """The sources (of the manifest, not official statistics) a chart's data holds, in manifest order."""

    present = set(data["source_id"].dropna())
    return [s for s in sources.source_ids() if s in present]


def broader(soc_code: str) -> bool:
    """Whether an official occupation stands in for a call-center rung it is broader than (every
    proxy but the representatives' own occupation)."""
    return soc_code in external.PROXIES and external.is_proxy(soc_code)


def occupation(soc_code: str, qualified: bool = True) -> str:
    """An official occupation as a chart names it: title and code and, unless ``qualified`` is false,
    whether it is broader than the rung it stands for ("Administrative Services Managers (11-3012),
    a broader occupation")."""

    proxy = external.PROXIES.get(soc_code)
    if proxy is not None:
        title = proxy.occupation
    else:
        oews = external.load_oews()
        titles = oews.loc[oews["soc_code"] == soc_code, "occupation"]
        if titles.empty:
            raise external.ExternalDataError(f"no official occupation with SOC code {soc_code}")
        title = str(titles.iloc[-1])
    return f"{title} ({soc_code})" + (", a broader occupation" if qualified and broader(soc_code) else "")


def codes_in(data: pd.DataFrame) -> list[str]:
    """The SOC code of every official occupation a chart's data names (its ``soc_code`` column), in order."""

    if "soc_code" not in data.columns:
        return []
    return [str(soc) for soc in dict.fromkeys(data["soc_code"].dropna())]
