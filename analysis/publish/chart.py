"""One chart of the report, as the registry holds it: its data, drawing, takeaway, caption, alt text,
references and the official series it draws (see :mod:`analysis.publish.figures`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
