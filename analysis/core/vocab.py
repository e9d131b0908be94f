"""The report's controlled vocabularies, defined once.

Every closed list a record field may take (tiers, categories, aspects, metrics, flags, ...) is a
``Literal`` type here, with the words a reader sees beside it. The record schema
(:mod:`analysis.core.schema`), the data dictionary, the evidence README's tables and the chapters'
labels all read them from this module; nothing else spells them out again.

Number words (``NUMBER_WORDS``, ``TENS``, ``SCALES``) are the words a source may use for a number:
the completeness scanner reads amounts written in words with them, and the validator accepts a
structured number whose quote writes it in words. ``CURRENCIES`` are the currencies the scanner
names, with the signs, codes and words a text writes them with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

#: Ids (source ids, record ids): lower-case words joined by single hyphens, so that "--" can join a
#: source id and a record id into one unambiguous address (see ``markup.record_label``).
SLUG: str = r"[a-z0-9]+(?:-[a-z0-9]+)*"

Tier = Literal["frontline", "senior", "team-lead", "specialist", "manager", "senior-management", "unspecified"]


@dataclass(frozen=True)
class TierInfo:
    """One tier of the harmonised career ladder: its level (1 = front line; 0 = no rung named),
    the label a reader sees, and what it covers."""

    name: str
    level: int
    label: str
    covers: str


TIERS: dict[str, TierInfo] = {
    t.name: t
    for t in (
        TierInfo(
            "frontline",
            1,
            "Front line",
            "representatives, agents, executives, front-line specialists (technical support, sales, "
            "collections, e-commerce)",
        ),
        TierInfo("senior", 2, "Senior", "senior representatives, senior-level roles"),
        TierInfo("team-lead", 3, "Team lead", "team leads, supervisors"),
        TierInfo("specialist", 4, "Specialist", "quality analysts, trainers, training and development roles"),
        TierInfo("manager", 5, "Manager", "managers of a service or training function, management positions"),
        TierInfo(
            "senior-management",
            6,
            "Senior management",
            "service delivery managers, directors, senior managers, heads of a unit",
        ),
        TierInfo("unspecified", 0, "Unspecified", "statements about call-center work in general, no rung named"),
    )
}
assert tuple(TIERS) == get_args(Tier)

#: The rungs, lowest first (``unspecified`` is not a rung).
LADDER: tuple[str, ...] = tuple(t.name for t in sorted(TIERS.values(), key=lambda t: t.level) if t.level > 0)
TIER_LEVELS: dict[str, int] = {t.name: t.level for t in TIERS.values()}
TIER_LABELS: dict[str, str] = {t.name: t.label for t in TIERS.values()}
LEVEL_LABELS: dict[int, str] = {t.level: t.label for t in TIERS.values()}

Kind = Literal["salary", "role", "requirement", "benefit", "challenge", "metric", "condition"]
KINDS: tuple[str, ...] = get_args(Kind)

Flag = Literal[
    "range-phrased-as-average",
    "missing-dollar-sign",
    "second-hand",
    "undated",
    "period-inferred",
    "approximate",
    "typo-in-source",
    "one-employer",
    "currency-from-context",
]
FLAGS: dict[str, str] = {
    "range-phrased-as-average": "a range written as *an average of X and Y*",
    "missing-dollar-sign": "the second figure of a money range has no dollar sign",
    "second-hand": "the source quotes another publisher's figure; name it in `cited_from`",
    "undated": "the figure refers to no year the text states",
    "period-inferred": "the text states no pay period; `period` is read from the size of the figure",
    "approximate": "the text hedges the figure: *upwards of*, *a few*, *several*",
    "typo-in-source": "the source misspells a word in the quote; the record keeps what it says",
    "one-employer": "the source gives one named employer's practice as an example, not a claim about call centers",
    "currency-from-context": "the quote writes the amount with no currency; `note` says where the text names U.S. dollars",
}
assert tuple(FLAGS) == get_args(Flag)

Statistic = Literal["range", "average", "threshold"]
STATISTICS: dict[str, str] = {
    "range": "a low and a high figure",
    "average": "one figure (`low_usd` only)",
    "threshold": "one figure some pay reaches or passes, such as *upwards of $50,000* (`low_usd` only)",
}
assert tuple(STATISTICS) == get_args(Statistic)

Period = Literal["year", "month", "hour"]
PERIODS: tuple[str, ...] = get_args(Period)
#: A pay period as a reader writes it after an amount: "$14.71 an hour", "$3,200 a month".
PERIOD_WORDS: dict[str, str] = {"year": "a year", "month": "a month", "hour": "an hour"}
assert tuple(PERIOD_WORDS) == PERIODS

Family = Literal["customer-service", "technical-support", "sales", "collections", "training", "quality", "ecommerce"]
FAMILIES: tuple[str, ...] = get_args(Family)

RequirementKind = Literal["education", "experience", "certification", "training", "skill"]
REQUIREMENT_KINDS: tuple[str, ...] = get_args(RequirementKind)

Education = Literal["none", "high-school", "certificate", "college-degree", "bachelor"]
EDUCATION_LABELS: dict[str, str] = {
    "none": "none",
    "high-school": "high school diploma",
    "certificate": "certificate",
    "college-degree": "college degree",
    "bachelor": "bachelor's degree",
}
assert tuple(EDUCATION_LABELS) == get_args(Education)

Necessity = Literal["required", "suggested", "preferred", "helpful"]
NECESSITIES: tuple[str, ...] = get_args(Necessity)

BenefitCategory = Literal[
    "pay",
    "health",
    "retirement",
    "time-off",
    "education",
    "discounts",
    "advancement",
    "skills",
    "flexibility",
    "job-security",
    "accessibility",
    "recognition",
    "work-environment",
]
BENEFIT_CATEGORIES: tuple[str, ...] = get_args(BenefitCategory)

ChallengeCategory = Literal[
    "turnover",
    "performance-pressure",
    "stress",
    "difficulty",
    "repetition",
    "difficult-customers",
    "health",
    "hours",
    "advancement-effort",
    "scripts",
    "misconception",
]
CHALLENGE_CATEGORIES: tuple[str, ...] = get_args(ChallengeCategory)

MetricCategory = Literal["handle-time", "satisfaction", "schedule-adherence", "sales", "knowledge", "service-quality"]
METRIC_LABELS: dict[str, str] = {
    "handle-time": "Time per call",
    "satisfaction": "Customer satisfaction",
    "schedule-adherence": "Schedule adherence",
    "sales": "Sales",
    "knowledge": "Product knowledge",
    "service-quality": "Service quality",
}
assert tuple(METRIC_LABELS) == get_args(MetricCategory)

Aspect = Literal[
    "opening-hours",
    "shift-length",
    "schedule",
    "overtime",
    "training-duration",
    "equipment",
    "remote-work",
    "part-time",
    "dress-code",
    "channels",
    "workplace",
]
#: Labels of the condition aspects, in the chapter's reading order.
ASPECT_LABELS: dict[str, str] = {
    "opening-hours": "Opening hours",
    "shift-length": "Shift length",
    "schedule": "Schedule",
    "overtime": "Overtime",
    "training-duration": "Training duration",
    "equipment": "Equipment",
    "remote-work": "Remote work",
    "part-time": "Working part time",
    "dress-code": "Dress code",
    "channels": "Channels",
    "workplace": "Workplace",
}
assert tuple(ASPECT_LABELS) == get_args(Aspect)

#: Words with which a source qualifies how strongly, or how generally, it says something. A record of
#: a salary, benefit, challenge, condition or requirement lists the ones its quote uses for its claim
#: (an empty list: the source states it flatly), so that no page says it more strongly than the source.
Hedge = Literal[
    "some",
    "many",
    "most",
    "numerous",
    "often",
    "usually",
    "typically",
    "generally",
    "sometimes",
    "may",
    "might",
    "can",
    "could",
    "likely",
    "potentially",
    "in some cases",
    "in other cases",
    "depending on",
    "known for",
]
HEDGES: tuple[str, ...] = get_args(Hedge)

ConditionUnit = Literal["hours", "days", "weeks"]
CONDITION_UNITS: tuple[str, ...] = get_args(ConditionUnit)

#: zero to nineteen.
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
#: twenty to ninety.
TENS: dict[str, int] = {
    word: 10 * value
    for value, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
#: Words that multiply what comes before them.
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: Words for a hundred thousand and ten million, written after digits in South Asian texts ("3.5 lakh").
INDIAN_SCALES: dict[str, int] = {"lakh": 100_000, "lac": 100_000, "crore": 10_000_000}

Currency = Literal["USD", "GBP", "EUR", "CAD", "AUD", "INR", "PHP"]


@dataclass(frozen=True)
class CurrencyInfo:
    """One currency as texts write it: ISO code, name, the signs written before an amount (or after
    it: "30.000 €"), and the words written after one ("fifty dollars"). The ISO code itself is
    written on either side ("USD 40,000", "32,000 USD")."""

    code: str
    name: str
    signs: tuple[str, ...]
    words: tuple[str, ...]


CURRENCIES: dict[str, CurrencyInfo] = {
    c.code: c
    for c in (
        CurrencyInfo(
            "USD", "U.S. dollar", ("$", "US$", "U.S.$"), ("dollars", "dollar", "US dollars", "U.S. dollars", "bucks")
        ),
        CurrencyInfo("GBP", "pound sterling", ("£",), ("pounds sterling", "pound sterling")),
        CurrencyInfo("EUR", "euro", ("€",), ("euros", "euro")),
        CurrencyInfo("CAD", "Canadian dollar", ("C$", "CA$", "CAN$"), ("Canadian dollars", "Canadian dollar")),
        CurrencyInfo("AUD", "Australian dollar", ("A$", "AU$"), ("Australian dollars", "Australian dollar")),
        CurrencyInfo("INR", "Indian rupee", ("₹", "Rs.", "Rs"), ("rupees", "rupee")),
        CurrencyInfo("PHP", "Philippine peso", ("₱",), ("Philippine pesos", "Philippine peso")),
    )
}
assert tuple(CURRENCIES) == get_args(Currency)
