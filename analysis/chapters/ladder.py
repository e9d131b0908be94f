"""The career ladder: one harmonised ladder across the sources, what each rung asks, and pay.

The tiers are those of :data:`analysis.core.vocab.TIERS` (1 = front line ... 6 = senior management;
0 = ``unspecified``, for statements about call-center work in general). Functions here take the
processed tables (``roles``, ``requirements``, ``salaries``) as DataFrames and return tidy frames;
the builders in :data:`FIGURES` load the tables themselves.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.chapters import matrices, ordering, prose
from analysis.core import evidence, markup, sources, vocab

#: A row of a table as ``DataFrame.to_dict("records")`` gives it: each value of whatever type its
#: column holds (text, a number, NaN or None), so it is converted where it is read.
_TableRow = dict[str, Any]

LADDER: tuple[str, ...] = vocab.LADDER
TIER_LABELS: dict[str, str] = vocab.TIER_LABELS
EDUCATION_LABELS: dict[str, str] = vocab.EDUCATION_LABELS
#: Words that do not tell one role from another when titles are compared ("management" and
#: "management positions" are one title).
_FILLER = frozenset({"a", "an", "the", "of", "and", "for", "in", "i", "ii", "iii", "iv", "position", "positions"})


def tier_table() -> pd.DataFrame:
    """The harmonised tiers: level, tier name, label and what each covers (rungs, then unspecified)."""
    tiers = [*LADDER, "unspecified"]
    return pd.DataFrame(
        {
            "level": [vocab.TIERS[t].level for t in tiers],
            "tier": tiers,
            "label": [vocab.TIERS[t].label for t in tiers],
            "covers": [vocab.TIERS[t].covers for t in tiers],
        }
    )


def _rungs(frame: pd.DataFrame) -> list[str]:
    """The ladder's rungs, plus ``unspecified`` only where the frame uses it."""
    return [*LADDER, *(["unspecified"] if (frame["tier"] == "unspecified").any() else [])]


def titles_by_tier(roles: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Tier (rows, ladder order) x source (columns): the titles as written, ``"; "``-joined.

    Every rung of the ladder is a row and every source a column; a cell is ``""`` where the
    source names nothing at that tier. Titles keep the order of the records.
    """
    rungs = _rungs(roles)
    out = pd.DataFrame("", index=pd.Index(rungs, name="tier"), columns=list(sources_order))
    for (tier, source), group in roles.groupby(["tier", "source_id"], sort=False):
        if source in out.columns:
            out.loc[tier, source] = "; ".join(dict.fromkeys(group["title"]))
    return out


def title_counts(roles: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Tier (rows, ladder order) x source (columns): how many titles each source gives a tier."""
    counts = pd.crosstab(roles["tier"], roles["source_id"])
    counts = counts.reindex(index=_rungs(roles), columns=list(sources_order), fill_value=0)
    counts.index.name, counts.columns.name = "tier", None
    return counts.astype(int)


def tier_summary(roles: pd.DataFrame, salaries: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Per rung: how many sources name it and with how many titles, who names it, who prices it."""
    counts = title_counts(roles, sources_order)
    pricing = set(zip(salaries["tier"], salaries["source_id"], strict=True))
    priced = {t: [s for s in sources_order if (t, s) in pricing] for t in counts.index}
    return pd.DataFrame(
        {
            "tier": counts.index,
            "level": [vocab.TIER_LEVELS[t] for t in counts.index],
            "sources": (counts > 0).sum(axis=1).to_numpy(),
            "titles": counts.sum(axis=1).to_numpy(),
            "named_by": [[s for s in counts.columns if counts.loc[t, s] > 0] for t in counts.index],
            "priced_by": [priced[t] for t in counts.index],
        }
    )


def tiers_named_by(summary: pd.DataFrame, n_sources: int) -> list[str]:
    """The tiers that exactly ``n_sources`` sources name (in ladder order)."""
    return [str(t) for t in summary.loc[summary["sources"] == n_sources, "tier"]]


def unpriced_tiers(summary: pd.DataFrame) -> list[str]:
    """Tiers some source names but no source gives a pay figure for (in ladder order)."""
    named = summary[(summary["sources"] > 0) & (summary["priced_by"].map(len) == 0)]
    return [str(t) for t in named["tier"]]


def tiers_per_source(roles: pd.DataFrame, sources_order: list[str]) -> pd.Series:
    """How many distinct rungs (``unspecified`` excluded) each source names; zeros kept."""
    rungs = roles[roles["tier"].isin(LADDER)]
    return rungs.groupby("source_id")["tier"].nunique().reindex(list(sources_order), fill_value=0)


def words(tiers: list[str]) -> str:
    """Tier labels as running text: ``"team lead, specialist and senior management"``."""
    labels = [TIER_LABELS[t].lower() for t in tiers]
    if not labels:
        return "none"
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def tiers_data(roles: pd.DataFrame, salaries: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """What :func:`ladder_chart` draws: per rung (top rung first) and source, the number of titles and
    their records, and whether any source prices the rung (past :data:`matrices.MAX_COLUMNS`
    sources, the ones naming fewest titles share one column)."""
    rungs = list(reversed(_rungs(roles)))
    data = matrices.matrix_data(roles, sources_order, by="tier", row_labels=TIER_LABELS, rows=rungs)
    unpriced = set(unpriced_tiers(tier_summary(roles, salaries, sources_order)))
    return data.assign(priced=[t not in unpriced for t in data["tier"]])


def _years(low: float | None, high: float | None, experience_stated: bool) -> str:
    if low is not None and pd.notna(low):
        return prose.years(low, high, unit=False)
    return "no number" if experience_stated else ""


def _joined(values: pd.Series) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if pd.notna(v) and str(v)))


def _necessity(group: list[dict[str, object]]) -> str:
    """How firmly one sentence asks what it asks: the ways it puts one thing joined by "or" (a
    degree "may prefer or require" is "preferred or required"), different things by "; "."""
    ways: dict[tuple[str, str], list[str]] = {}
    for r in group:
        if pd.notna(r["necessity"]) and str(r["necessity"]):
            ways.setdefault((str(r["requirement"]), str(r["education"])), []).append(str(r["necessity"]))
    return "; ".join(dict.fromkeys(" or ".join(dict.fromkeys(w)) for w in ways.values()))


def education_experience(requirements: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Education and years of experience asked, one row per sentence of a source.

    Keeps requirement rows about education or experience and any row naming an education level
    (a certificate, or "none"); rows of one source, role and quote are merged, so a sentence that
    asks a diploma *and* years of experience is one row. Columns: ``tier``, ``tier_level``,
    ``role``, ``education`` (labels), ``field``, ``years_min``, ``years_max``, ``years`` (text),
    ``necessity`` (see :func:`_necessity`; ``""`` where the source does not say), ``hedge``,
    ``source_id``, ``record_id`` (the first record), ``quote``. Ordered up the ladder, then by
    source order; ``unspecified`` rows (work in general) come last.
    """
    stated = requirements["education"].fillna("").astype(str) != ""
    keep = requirements["requirement"].isin(["education", "experience"]) | stated | requirements["years_min"].notna()
    rows = requirements[keep]
    rank = {s: i for i, s in enumerate(sources_order)}
    groups: dict[tuple[str, str, str], list[_TableRow]] = {}
    for record in rows.to_dict("records"):  # plain dicts: a pandas operation per group is slow at scale
        groups.setdefault((str(record["source_id"]), str(record["role"]), str(record["quote"])), []).append(record)
    out = []
    for (source, role, quote), group in groups.items():
        lows = [float(r["years_min"]) for r in group if pd.notna(r["years_min"])]
        highs = [float(r["years_max"]) for r in group if pd.notna(r["years_max"])]
        low = min(lows) if lows else None
        high = max(highs) if highs else None
        first = group[0]
        out.append(
            {
                "tier": str(first["tier"]),
                "tier_level": int(first["tier_level"]),
                "role": role,
                "education": _joined(
                    pd.Series(
                        [EDUCATION_LABELS.get(str(r["education"])) for r in group if pd.notna(r["education"])],
                        dtype=object,
                    )
                ),
                "field": _joined(
                    pd.Series([r.get("field") for r in group if r["requirement"] == "education"], dtype=object)
                ),
                "years_min": low,
                "years_max": high,
                "years": _years(low, high, any(r["requirement"] == "experience" for r in group)),
                "necessity": _necessity(group),
                "hedge": _joined(
                    pd.Series([str(r.get("hedge") or "").replace(";", ", ") for r in group], dtype=object)
                ),
                "source_id": source,
                "record_id": str(first["record_id"]),
                "quote": quote,
                "_general": int(first["tier_level"]) == 0,
                "_order": rank.get(source, len(rank)),
            }
        )
    frame = pd.DataFrame(out)
    frame = frame.sort_values(["_general", "tier_level", "_order"], kind="stable", ignore_index=True)
    return frame.drop(columns=["_general", "_order"])


def title_key(title: str) -> frozenset[str]:
    """The words of a role title that tell it apart: lower case, no brackets, no filler words.

    Word order, parenthetical asides, articles and roman-numeral grades are ignored, so
    "Manager of Sales Training" and "Sales Training Manager" are one key, "Billing Agent II"
    matches "billing agent", and a plural ("supervisors") matches its singular.
    """
    plain = re.sub(r"\([^)]*\)", " ", title.lower())
    return frozenset(_singular(w) for w in re.findall(r"[a-z0-9]+", plain) if w not in _FILLER)


def _singular(word: str) -> str:
    """A plural as its singular, for comparing titles: "supervisors" -> "supervisor"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def match_experience_pay(requirements: pd.DataFrame, salaries: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pair each stated number of years of experience with the same source's pay for that role.

    A requirement row with ``years_min`` is matched to an annual salary row of the same source
    (1) whose role has the same :func:`title_key` ("title"); failing that, (2) to the only annual
    salary row of that source at the same tier ("tier"). A requirement with no such salary row,
    or several equally good ones, is unmatched. Returns ``(matched, unmatched)``:

    - ``matched``: ``source_id``, ``role`` (as the requirement names it), ``pay_role``, ``tier``,
      ``years_min``, ``years_max``, ``years_mid``, ``low_usd``, ``high_usd``, ``mid_usd``,
      ``year``, ``matched_by``, ``requirement_id``, ``salary_id``, and the hedges of both sentences
      (``years_hedge``, ``pay_hedge``) and how firmly the years are asked (``years_necessity``);
    - ``unmatched``: ``source_id``, ``role``, ``tier``, ``record_id``, ``what`` ("years stated,
      no pay found" for such requirements; "pay stated, no years found" for every salary row
      no requirement was matched to).
    """
    asked = requirements[requirements["years_min"].notna()]
    annual = salaries[salaries["period"] == "year"]
    pools: dict[str, list[_TableRow]] = {}
    for pay in annual.to_dict("records"):  # plain dicts: a pandas selection per requirement is slow at scale
        pools.setdefault(str(pay["source_id"]), []).append(pay)
    matched, unmatched, used = [], [], set()
    for req in asked.to_dict("records"):
        pool = pools.get(str(req["source_id"]), [])
        key = title_key(str(req["role"]))
        by_title = [p for p in pool if title_key(str(p["role"])) == key]
        by_tier = [p for p in pool if p["tier"] == req["tier"]]
        if len(by_title) == 1:
            pay, how = by_title[0], "title"
        elif len(by_title) == 0 and len(by_tier) == 1:
            pay, how = by_tier[0], "tier"
        else:
            unmatched.append(
                {
                    "source_id": req["source_id"],
                    "role": req["role"],
                    "tier": req["tier"],
                    "record_id": req["record_id"],
                    "what": "years stated, no pay found",
                }
            )
            continue
        used.add((pay["source_id"], pay["record_id"]))
        low = float(pay["low_usd"])
        high = float(pay["high_usd"]) if pd.notna(pay["high_usd"]) else low
        y_low = float(req["years_min"])
        y_high = float(req["years_max"]) if pd.notna(req["years_max"]) else None
        matched.append(
            {
                "source_id": req["source_id"],
                "role": req["role"],
                "pay_role": pay["role"],
                "tier": req["tier"],
                "years_min": y_low,
                "years_max": y_high,
                "years_mid": (y_low + y_high) / 2 if y_high is not None else y_low,
                "low_usd": low,
                "high_usd": high,
                "mid_usd": (low + high) / 2,
                "year": pay["year"],
                "matched_by": how,
                "requirement_id": req["record_id"],
                "salary_id": pay["record_id"],
                "years_hedge": req.get("hedge") if isinstance(req.get("hedge"), str) else "",
                "years_necessity": req.get("necessity") if isinstance(req.get("necessity"), str) else "",
                "pay_hedge": pay.get("hedge") if isinstance(pay.get("hedge"), str) else "",
            }
        )
    for pay in salaries.to_dict("records"):
        if (pay["source_id"], pay["record_id"]) not in used:
            yearly = pay["period"] == "year"
            unmatched.append(
                {
                    "source_id": pay["source_id"],
                    "role": pay["role"],
                    "tier": pay["tier"],
                    "record_id": pay["record_id"],
                    "what": "pay stated, no years found"
                    if yearly
                    else f"pay stated by the {pay['period']}, not set against years",
                }
            )
    m_cols = [
        "source_id",
        "role",
        "pay_role",
        "tier",
        "years_min",
        "years_max",
        "years_mid",
        "low_usd",
        "high_usd",
        "mid_usd",
        "year",
        "matched_by",
        "requirement_id",
        "salary_id",
        "years_hedge",
        "years_necessity",
        "pay_hedge",
    ]
    u_cols = ["source_id", "role", "tier", "record_id", "what"]
    matched_frame = pd.DataFrame(matched, columns=m_cols).sort_values(["years_mid", "low_usd"], ignore_index=True)
    return matched_frame, pd.DataFrame(unmatched, columns=u_cols)


def tiers_display(roles: pd.DataFrame, salaries: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Each rung: level, label, what it covers, how many sources name it, who prices it."""
    summary = tier_summary(roles, salaries, sources_order)
    tiers = tier_table().merge(summary[["tier", "sources", "priced_by"]], on="tier", how="left")
    return pd.DataFrame(
        {
            "Level": tiers["level"],
            "Tier": tiers["label"],
            "What it covers": tiers["covers"],
            "Sources naming it": [f"{int(n)}" if pd.notna(n) else "" for n in tiers["sources"]],
            "Pay figure from": [by if isinstance(by, list) else [] for by in tiers["priced_by"]],
        }
    )


def coverage_table(summary: pd.DataFrame) -> pd.DataFrame:
    """Per rung: how many sources name it and which (cited), from :func:`tier_summary`."""
    return pd.DataFrame(
        {
            "Rung": [vocab.LEVEL_LABELS[int(level)] for level in summary["level"]],
            "Sources naming it": summary["sources"].astype(str),
            "Named by": list(summary["named_by"]),
        }
    )


def titles_table(roles: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Rung (rows) x source (columns, headed by citations): the titles as written."""

    titles = titles_by_tier(roles, sources_order)
    shown = titles.rename(index=TIER_LABELS, columns=lambda s: markup.cite(s, "t"))
    return shown.rename_axis("Rung").reset_index()


def asked_table(requirements: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Education and years asked, one row per sentence, with how firmly, with what hedge and in the
    source's words."""

    asked = education_experience(requirements, sources_order)
    return pd.DataFrame(
        {
            "Rung": asked["tier"].map(TIER_LABELS),
            "Role as written": asked["role"],
            "Education": asked["education"],
            "Experience (years)": asked["years"],
            "How firmly": asked["necessity"],
            "Hedge": asked["hedge"],
            "In its own words": asked["quote"].map(markup.quoted),
            "source_id": asked["source_id"],
            "record_id": asked["record_id"],
        }
    )


SKILL_KINDS: tuple[str, ...] = ("skill", "training", "certification")


def skills_table(requirements: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Every skill, training and certification a source asks for, in its own words: the requirement
    records that are not about education or years of experience, in source order."""

    rows = requirements[requirements["requirement"].isin(SKILL_KINDS)]
    rank = {s: i for i, s in enumerate(sources_order)}
    rows = rows.assign(_s=rows["source_id"].map(rank)).sort_values(["_s"], kind="stable")
    return pd.DataFrame(
        {
            "Asked": rows["requirement"].str.capitalize(),
            "Of": rows["role"],
            "Rung": rows["tier"].map(TIER_LABELS),
            "Hedge": rows["hedge"].map(prose.hedges),
            "In its own words": rows["quote"].map(markup.quoted),
            "source_id": rows["source_id"],
            "record_id": rows["record_id"],
        }
    ).reset_index(drop=True)


def matched_table(matched: pd.DataFrame) -> pd.DataFrame:
    """Experience asked and pay stated, paired, as a reader sees them."""

    return pd.DataFrame(
        {
            "Role (requirement)": matched["role"],
            "Role (pay figure)": matched["pay_role"],
            "Experience (years)": [
                prose.years(a, b, unit=False) for a, b in zip(matched["years_min"], matched["years_max"], strict=True)
            ],
            "Low (USD/year)": matched["low_usd"].map(prose.money),
            "High (USD/year)": matched["high_usd"].map(prose.money),
            "Matched by": matched["matched_by"],
            "source_id": matched["source_id"],
            "record_id": matched["requirement_id"],
        }
    )


def unmatched_table(unmatched: pd.DataFrame) -> pd.DataFrame:
    """The records that found no partner, listed rather than dropped."""
    return pd.DataFrame(
        {
            "Role as written": unmatched["role"],
            "Rung": unmatched["tier"].map(TIER_LABELS),
            "What is missing": unmatched["what"],
            "source_id": unmatched["source_id"],
            "record_id": unmatched["record_id"],
        }
    )


def shared_titles(roles: pd.DataFrame) -> pd.DataFrame:
    """Per rung (ladder order) named by two sources or more: the titles (as the first source writes
    them, shortest spelling) that two or more sources share, and how many titles only one source uses."""
    rows = []
    for tier in LADDER:
        at = roles[roles["tier"] == tier]
        if at["source_id"].nunique() < 2:
            continue
        by_key: dict[frozenset[str], list[tuple[str, str]]] = {}
        for source, title in zip(at["source_id"], at["title"], strict=True):
            by_key.setdefault(title_key(str(title)), []).append((str(source), str(title)))
        shared = [min((t for _, t in uses), key=len) for uses in by_key.values() if len({s for s, _ in uses}) > 1]
        alone = sum(1 for uses in by_key.values() if len({s for s, _ in uses}) == 1)
        rows.append(
            {"tier": tier, "sources": at["source_id"].nunique(), "shared": shared, "single_source_titles": alone}
        )
    return pd.DataFrame(rows, columns=["tier", "sources", "shared", "single_source_titles"])


def shared_titles_claim(roles: pd.DataFrame) -> str:
    """Where two sources use the same title for a rung, and where none do, as MyST."""

    table = shared_titles(roles)
    with_shared = table[table["shared"].map(len) > 0]
    without = table[table["shared"].map(len) == 0]
    parts = []
    if len(with_shared):
        parts.append(
            "Two sources or more use the same title only at the "
            + prose.join(
                [
                    f"{TIER_LABELS[t].lower()} rung ({prose.join([f'*{markup.md_escape(x.lower())}*' for x in sh], 'or')})"
                    for t, sh in zip(with_shared["tier"], with_shared["shared"], strict=True)
                ]
            )
        )
    if len(without):
        parts.append(
            f"at the {words(list(without['tier']))} {'rung' if len(without) == 1 else 'rungs'} "
            "no two sources use the same title"
        )
    text = "; ".join(parts) + ". " if parts else ""
    return markup.Markup(text[0].upper() + text[1:] if text else "")


def naming_claim(roles: pd.DataFrame, sources_order: list[str]) -> str:
    """How many sources name a rung, which name none and which name every rung, as MyST; a source that
    names every rung in the list the ladder follows (:func:`analysis.chapters.ordering.list_sources`)
    is said to be where the ladder comes from, not counted as a finding."""

    per = tiers_per_source(roles, sources_order)
    none = [s for s in sources_order if per[s] == 0]
    listed = set(ordering.list_sources(roles, sources_order))
    every = [s for s in sources_order if per[s] == len(LADDER) and s not in listed]
    text = f"{prose.of(int((per > 0).sum()), len(sources_order), 'source').capitalize()} name at least one rung"
    if none:
        text += f"; {prose.join([markup.cite(s, 't') for s in none])} {'names' if len(none) == 1 else 'name'} none"
    text += ". "
    if listed:
        text += (
            f"{prose.join([markup.cite(s, 't') for s in sources_order if s in listed])} "
            f"{'names' if len(listed) == 1 else 'name'} every rung in the one list the ladder follows, so that is "
            "no finding. "
        )
    if every:
        text += (
            f"{prose.plural(len(every), 'source').capitalize()} {'names' if len(every) == 1 else 'name'} "
            f"every rung{' besides' if listed else ''}: {prose.join([markup.cite(s, 't') for s in every])}."
        )
    else:
        text += f"No {'other ' if listed else ''}source names every rung."
    return markup.Markup(text)


def one_sentence_claim(roles: pd.DataFrame, sources_order: list[str], least: int = 3) -> str:
    """The sources that name all their rungs (``least`` titles or more) in one sentence, quoted, and
    the rung the report places the first title on, as MyST ("" if no source does)."""

    said = []
    for source in sources_order:
        rows = roles[roles["source_id"] == source]
        if len(rows) >= least and rows["quote"].nunique() == 1:
            first = rows.iloc[0]
            said.append(
                f"{markup.cite(source, 't')} names its {prose.plural(len(rows), 'title')} in one sentence: "
                f"{markup.quoted(markup.md_escape(first['quote']))} The report places the first, "
                f"*{markup.md_escape(first['title'])}*, on the {TIER_LABELS[str(first['tier'])].lower()} rung."
            )
    return markup.Markup(" ".join(said))


def years_claim(asked: pd.DataFrame, sources_order: list[str]) -> str:
    """Which sources put a number of years on a role (and on how many roles), and how many of the
    others state education or experience without one, as MyST."""

    with_years = asked[asked["years_min"].notna()]
    who = [s for s in sources_order if s in set(with_years["source_id"])]
    if not who:
        text = "No source puts a number of years on a role."
    else:
        roles = with_years[["source_id", "role"]].drop_duplicates()
        text = (
            f"{'Only ' if len(who) == 1 else ''}{prose.of(len(who), len(sources_order), 'source')} "
            f"{'puts' if len(who) == 1 else 'put'} a number of years on a role "
            f"({prose.plural(len(roles), 'role')}): {prose.join([markup.cite(s, 't') for s in who])}."
        )
    rest = [s for s in sources_order if s not in who]
    stating = [s for s in rest if s in set(asked["source_id"])]
    if rest:
        other = "other source" if who else "source"
        text += (
            f" {prose.of(len(stating), len(rest), other).capitalize()} "
            f"{'states' if len(stating) <= 1 else 'state'} education or experience without a number of years"
            + (f" {markup.cites(stating)}" if stating else "")
            + "."
        )
    return markup.Markup(text)


def unasked_claim(asked: pd.DataFrame) -> str:
    """The rungs for which no source states what education or experience a role asks, as MyST."""

    tiers = [t for t in LADDER if t not in set(asked["tier"])]
    if not tiers:
        return markup.Markup("For every rung, some source states what education or experience a role asks.")
    return markup.Markup(
        f"No source states what education or experience a role at the {words(tiers)} "
        f"{'rung' if len(tiers) == 1 else 'rungs'} asks."
    )


def matching_claim(unmatched: pd.DataFrame) -> str:
    """Whether every statement of years found its pay figure, in words."""

    missed = int((unmatched["what"] == "years stated, no pay found").sum())
    if missed == 0:
        return markup.Markup("Every statement of years of experience found its pay figure.")
    return markup.Markup(
        f"{prose.plural(missed, 'statement')} of years of experience found no pay figure and are listed below."
    )


def roles_data() -> pd.DataFrame:
    return tiers_data(evidence.load_table("roles"), evidence.load_table("salaries"), sources.source_ids())


def experience_data() -> pd.DataFrame:
    return match_experience_pay(evidence.load_table("requirements"), evidence.load_table("salaries"))[0]
