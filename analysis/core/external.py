"""Official and published reference figures in ``data/external/`` (BLS OEWS, BLS Employment
Projections, published turnover figures), read with their columns checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.core import inputs, paths

OEWS_COLUMNS = (
    "year",
    "soc_code",
    "occupation",
    "employment",
    "mean_annual_usd",
    "median_hourly_usd",
    "p10_annual_usd",
    "p25_annual_usd",
    "median_annual_usd",
    "p75_annual_usd",
    "p90_annual_usd",
    "source",
    "url",
)


@dataclass(frozen=True)
class Proxy:
    """An official occupation the sources' pay is set against: its SOC code and title, the rung of
    the report's ladder it is nearest to, the rungs whose figures it stands for, and the job family
    it is kept for (None: every family no other occupation on those rungs is kept for)."""

    soc_code: str
    occupation: str
    tier: str
    rungs: tuple[str, ...]
    family: str | None = None


# The nearest official occupation to each rung of the report's ladder. No federal occupation is
# titled as a call center's manager or its training manager: the manager rows are proxies.
PROXIES: dict[str, Proxy] = {
    p.soc_code: p
    for p in (
        Proxy("43-4051", "Customer Service Representatives", "frontline", ("frontline", "senior")),
        Proxy(
            "43-1011",
            "First-Line Supervisors of Office and Administrative Support Workers",
            "team-lead",
            ("team-lead",),
        ),
        Proxy("11-3012", "Administrative Services Managers", "manager", ("manager", "senior-management")),
        Proxy(
            "11-3131",
            "Training and Development Managers",
            "manager",
            ("manager", "senior-management"),
            family="training",
        ),
    )
}
#: The official occupation of the front line, the report's main benchmark (the one rung every
#: official statistic here is about: its projections, employment and entry requirements).
FRONT_LINE: Proxy = next(p for p in PROXIES.values() if p.tier == "frontline" and p.family is None)


def proxy_for(tier: str, family: object = None) -> Proxy | None:
    """The official occupation a pay figure of this rung and job family is set against: the one kept
    for its family on its rung, else the one for its rung kept for no family; None where no
    official occupation stands for the rung (the specialist rung)."""
    family = family if isinstance(family, str) and family else None  # a missing value is no family
    on_rung = [p for p in PROXIES.values() if tier in p.rungs]
    kept = [p for p in on_rung if p.family is not None and p.family == family]
    candidates = kept or [p for p in on_rung if p.family is None]
    return candidates[0] if candidates else None


def is_proxy(soc_code: str) -> bool:
    """Whether an official occupation is a broader proxy: every one but the front line's."""
    return soc_code != FRONT_LINE.soc_code


BIBKEYS: dict[str, str] = {
    "oews": "bls-oews",
    "projections": "bls-projections-2024",
    "separations": "bls-separations-2024",
    "cornell": "holman-2007-global-call-center",
}
#: The short name a chart's source line gives each reference that is not one of the sources (its
#: BibTeX key is in book/references.bib; a test checks that every key here is there).
REFERENCES: dict[str, str] = {
    "bls-oews": "BLS OEWS",
    "bls-projections-2024": "BLS Employment Projections 2024–34",
    "bls-separations-2024": "BLS Employment Projections 2024–34",
    "holman-2007-global-call-center": "Holman, Batt and Holtgrewe (2007)",
    "cpi-package": "CPI-U via the cpi package",
}


class ExternalDataError(inputs.InputError):
    """A reference file lacks a column the report needs."""


def _read(path: Path, needed: tuple[str, ...]) -> pd.DataFrame:
    # "None" is a value here (no work experience needed), not a missing one.
    frame = pd.read_csv(path, dtype={"soc_code": "string"}, keep_default_na=False, na_values=[""])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise ExternalDataError(f"{path}: missing column(s) {', '.join(missing)}")
    return frame


def load_oews(path: Path = paths.EXTERNAL / "bls_oews_national.csv") -> pd.DataFrame:
    """BLS OEWS national wage estimates, one row per occupation and May year."""
    return _read(path, OEWS_COLUMNS).sort_values(["soc_code", "year"], ignore_index=True)


def oews_latest(oews: pd.DataFrame, soc_code: str) -> pd.Series:
    """The latest May year's row for one occupation."""
    rows = oews[oews["soc_code"] == soc_code]
    if rows.empty:
        raise ExternalDataError(f"no OEWS row for SOC {soc_code}")
    return rows.loc[rows["year"].idxmax()]


def load_projections(path: Path = paths.EXTERNAL / "bls_employment_projections_2024_34.csv") -> pd.DataFrame:
    """BLS Employment Projections 2024-34 for customer service representatives."""
    return _read(
        path,
        (
            "soc_code",
            "employment_2024_thousands",
            "employment_2034_thousands",
            "change_percent",
            "annual_openings_thousands",
            "median_annual_wage_2024_usd",
            "typical_entry_education",
            "source",
            "url",
        ),
    )


def load_turnover(path: Path = paths.EXTERNAL / "turnover_studies.csv") -> pd.DataFrame:
    """Published figures on agent turnover and occupational separations."""
    return _read(path, ("claim", "low_percent", "high_percent", "region", "year", "kind", "source", "url", "quote"))
