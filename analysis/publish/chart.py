"""One chart of the report, as the registry holds it: its data, drawing, caption, alt text and
references (see :mod:`analysis.publish.figures`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure

from analysis.core import sources


@dataclass(frozen=True)
class Chart:
    """One chart of the report."""

    name: str
    chapter: str
    title: str
    data: Callable[[], pd.DataFrame]
    draw: Callable[[pd.DataFrame], Figure]
    caption: Callable[[pd.DataFrame], str]
    alt: Callable[[pd.DataFrame], str]
    references: Callable[[pd.DataFrame], list[str]] = field(default=lambda data: sources_in(data))
    notes: Callable[[pd.DataFrame], list[str]] = field(default=lambda data: [])


def sources_in(data: pd.DataFrame) -> list[str]:
    """The sources (of the manifest, not official statistics) a chart's data holds, in manifest order."""

    present = set(data["source_id"].dropna())
    return [s for s in sources.source_ids() if s in present]
