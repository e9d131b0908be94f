"""Official and published reference figures in ``data/external/`` (BLS OEWS, BLS Employment
Projections, published turnover figures), read with their columns checked."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.core import inputs, paths, vocab

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


RUNG_COLUMNS = ("tier", "family", "soc_code", "occupation", "fit", "reason", "source", "url")
#: How an official occupation fits a rung: the one the report sets the rung's figures against
#: (``main``), or another that fits the rung's roles as well and is shown beside it (``alternative``).
FITS = ("main", "alternative")


@dataclass(frozen=True)
class Candidate:
    """An official occupation that fits a rung of the report's ladder (and a job family on it, or
    every family no other occupation is kept for), how (:data:`FITS`) and why: the report's reason,
    with the classification it rests on (``data/external/rung_occupations.csv``)."""

    tier: str
    family: str | None
    soc_code: str
    occupation: str
    fit: str
    reason: str


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


RUNG_OCCUPATIONS: Path = paths.EXTERNAL / "rung_occupations.csv"


def read_candidates(path: Path = RUNG_OCCUPATIONS) -> tuple[Candidate, ...]:
    """The official occupations that fit each rung, from the declared table, checked: known rungs,
    families and fits, and exactly one ``main`` occupation for each rung and family it names."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in RUNG_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ExternalDataError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = list(reader)
    found = []
    for n, row in enumerate(rows, start=2):
        family = row["family"].strip() or None
        if row["tier"] not in vocab.LADDER or (family is not None and family not in vocab.FAMILIES):
            raise ExternalDataError(f"{path}, line {n}: unknown rung or family {row['tier']!r}, {family!r}")
        if row["fit"] not in FITS or not re.fullmatch(r"\d{2}-\d{4}", row["soc_code"]):
            raise ExternalDataError(f"{path}, line {n}: fit {row['fit']!r} or SOC code {row['soc_code']!r}")
        if not row["reason"].strip() or not row["source"].strip():
            raise ExternalDataError(f"{path}, line {n}: a fit needs its reason and the source it rests on")
        found.append(Candidate(row["tier"], family, row["soc_code"], row["occupation"], row["fit"], row["reason"]))
    for key in dict.fromkeys((c.tier, c.family) for c in found):
        mains = [c for c in found if (c.tier, c.family) == key and c.fit == "main"]
        if len(mains) != 1:
            raise ExternalDataError(f"{path}: {len(mains)} main occupations for rung {key[0]!r}, family {key[1]!r}")
    return tuple(found)


def _proxies(candidates: tuple[Candidate, ...]) -> dict[str, Proxy]:
    """Each main occupation as a :class:`Proxy`: the rungs it is the main one of, the lowest first."""
    out: dict[str, Proxy] = {}
    for soc in dict.fromkeys(c.soc_code for c in candidates if c.fit == "main"):
        mine = sorted(
            (c for c in candidates if c.soc_code == soc and c.fit == "main"), key=lambda c: vocab.TIER_LEVELS[c.tier]
        )
        families = {c.family for c in mine}
        if len(families) != 1:
            raise ExternalDataError(f"{soc} is the main occupation of rungs of different job families")
        rungs = tuple(dict.fromkeys(c.tier for c in mine))
        out[soc] = Proxy(soc, mine[0].occupation, rungs[0], rungs, mine[0].family)
    return out


def candidates_for(tier: str, family: object = None) -> list[Candidate]:
    """The official occupations that fit a figure of this rung and job family, the main one first:
    those kept for its family on its rung, else those of its rung kept for no family."""
    family = family if isinstance(family, str) and family else None  # a missing value is no family
    on_rung = [c for c in CANDIDATES if c.tier == tier]
    kept = [c for c in on_rung if c.family is not None and c.family == family]
    chosen = kept or [c for c in on_rung if c.family is None]
    return sorted(chosen, key=lambda c: FITS.index(c.fit))


def proxy_for(tier: str, family: object = None) -> Proxy | None:
    """The official occupation a pay figure of this rung and job family is set against: the main one
    of :func:`candidates_for`; None where no official occupation stands for the rung."""
    found = candidates_for(tier, family)
    return PROXIES[found[0].soc_code] if found else None


def alternatives_for(tier: str, family: object = None) -> list[Candidate]:
    """The other official occupations that fit a figure of this rung and family as well as its main one."""
    return [c for c in candidates_for(tier, family) if c.fit != "main"]


def is_proxy(soc_code: str) -> bool:
    """Whether an official occupation is a broader proxy: every one but the front line's."""
    return soc_code != FRONT_LINE.soc_code


#: The caution BLS attaches to the OEWS estimates, as the official files' notes give it, and the address
#: of the page that states it (the OEWS Frequently Asked Questions): said beside every comparison of
#: one May's estimates with another's. Not in quotation marks: the notes give it in their own words.
OEWS_CAUTION = (
    "OEWS is built for comparisons across places and occupations at one date, not over time: BLS neither uses "
    "nor encourages its estimates as a time series"
)
OEWS_FAQ_URL = "https://www.bls.gov/oes/oes_ques.htm"

BIBKEYS: dict[str, str] = {
    "oews": "bls-oews",
    "projections": "bls-projections-2024",
    "separations": "bls-separations-2024",
    "cornell": "holman-2007-global-call-center",
    "soc": "bls-soc-2018",
    "oews-faq": "bls-oews-faq",
}
#: The caution BLS attaches to its wage survey, in the words the official files' README gives, with
#: its address: every chart, table or sentence that sets one May of OEWS against another carries it.
OEWS_TIME_SERIES_CAUTION = f"{OEWS_CAUTION} ({OEWS_FAQ_URL})"
#: What every official occupation set against a call-center role covers: it is broader than the role.
EVERY_INDUSTRY = "in every industry, not only call centers, so broader than the call-center role set against it"
#: The short name a chart's source line gives each reference that is not one of the sources (its
#: BibTeX key is in book/references.bib; a test checks that every key here is there).
REFERENCES: dict[str, str] = {
    "bls-oews": "BLS OEWS",
    "bls-projections-2024": "BLS Employment Projections 2024–34",
    "bls-separations-2024": "BLS Employment Projections 2024–34",
    "holman-2007-global-call-center": "Holman, Batt and Holtgrewe (2007)",
    "cpi-package": "CPI-U via the cpi package",
    "bls-soc-2018": "BLS SOC 2018",
    "bls-oews-faq": "BLS OEWS FAQ",
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
    """Published figures on agent turnover and occupational separations, each with what it may be
    quoted for (``use_for``) and what not (``not_for``)."""
    return _read(
        path,
        (
            "claim",
            "low_percent",
            "high_percent",
            "region",
            "year",
            "kind",
            "source",
            "url",
            "quote",
            "use_for",
            "not_for",
        ),
    )


#: Every official occupation that fits a rung, main or alternative, with its reason (read here, at
#: the end, once its reader and the error it raises are defined). No federal occupation is titled as
#: a call center's manager or its training manager: the manager rows are proxies.
CANDIDATES: tuple[Candidate, ...] = read_candidates()
#: The main official occupation of each rung of the report's ladder.
PROXIES: dict[str, Proxy] = _proxies(CANDIDATES)
#: The official occupation of the front line, the report's main benchmark (the one rung every
#: official statistic here is about: its projections, employment and entry requirements).
FRONT_LINE: Proxy = next(p for p in PROXIES.values() if p.tier == vocab.LADDER[0] and p.family is None)


#: The SOC code of all occupations together, the survey's total.
ALL_OCCUPATIONS = "00-0000"
