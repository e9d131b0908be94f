"""The career ladder: one harmonised ladder across the sources, what each rung asks, and pay.

The tiers are those of :data:`analysis.vocab.TIERS` (1 = front line ... 6 = senior management;
0 = ``unspecified``, for statements about call-center work in general). Functions here take the
processed tables (``roles``, ``requirements``, ``salaries``) as DataFrames and return tidy frames;
the builders in :data:`FIGURES` load the tables themselves.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis import charts, evidence, matrices, sources, vocab
from analysis.figures import Chart

LADDER: tuple[str, ...] = vocab.LADDER
TIER_LABELS: dict[str, str] = vocab.TIER_LABELS
EDUCATION_LABELS: dict[str, str] = vocab.EDUCATION_LABELS
#: Words that do not tell one role from another when titles are compared.
_FILLER = frozenset({"a", "an", "the", "of", "and", "for", "in", "i", "ii", "iii", "iv"})


# --- 1. one ladder across the sources -----------------------------------------------------------


def tier_table() -> pd.DataFrame:
    """The harmonised tiers: level, tier name, label and what each covers (rungs, then unspecified)."""
    tiers = [*LADDER, "unspecified"]
    return pd.DataFrame({
        "level": [vocab.TIERS[t].level for t in tiers],
        "tier": tiers,
        "label": [vocab.TIERS[t].label for t in tiers],
        "covers": [vocab.TIERS[t].covers for t in tiers],
    })


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
    priced = {t: [s for s in sources_order if ((salaries["tier"] == t) & (salaries["source_id"] == s)).any()]
              for t in counts.index}
    return pd.DataFrame({
        "tier": counts.index,
        "level": [vocab.TIER_LEVELS[t] for t in counts.index],
        "sources": (counts > 0).sum(axis=1).to_numpy(),
        "titles": counts.sum(axis=1).to_numpy(),
        "named_by": [[s for s in counts.columns if counts.loc[t, s] > 0] for t in counts.index],
        "priced_by": [priced[t] for t in counts.index],
    })


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
    their records, and whether any source prices the rung."""
    counts = title_counts(roles, sources_order)
    unpriced = set(unpriced_tiers(tier_summary(roles, salaries, sources_order)))
    rows = []
    for tier in reversed(list(counts.index)):
        for source in sources_order:
            ids = roles.loc[(roles["tier"] == tier) & (roles["source_id"] == source), "record_id"]
            rows.append({"tier": tier, "label": TIER_LABELS[str(tier)], "source_id": source,
                         "records": int(counts.loc[tier, source]), "record_ids": ";".join(ids),
                         "priced": tier not in unpriced})
    return pd.DataFrame(rows)


def ladder_chart(data: pd.DataFrame, column_label: Callable[[str], str] | None = None) -> Figure:
    """The tier x source dot matrix, front line at the bottom; rungs without pay marked at right."""
    fig = matrices.matrix_figure(data, "Rung of the ladder", column_label)
    ax = fig.axes[0]
    labels = list(dict.fromkeys(data["label"]))
    n_cols = data["source_id"].nunique()
    unpriced = set(data.loc[~data["priced"].astype(bool), "label"])
    for i, label in enumerate(labels):
        if label in unpriced:
            ax.text(n_cols - 0.35, i, "no pay figure", va="center", ha="left", fontsize=9,
                    color=charts.GREY, style="italic")
    if unpriced:  # an extra column of notes: widen the figure so the source columns keep their room
        ax.set_xlim(-0.6, n_cols + 0.9)
        fig.set_figwidth(fig.get_figwidth() + 1.7)
    return fig


def _tiers_alt(data: pd.DataFrame) -> str:
    from analysis import report

    counts = matrices.counts_of(data)
    rungs = (counts > 0).sum(axis=0)
    every = [report.short_ref(s) for s in counts.columns if rungs[s] == len(counts)]
    none = [report.short_ref(s) for s in counts.columns if rungs[s] == 0]
    unpriced = list(dict.fromkeys(data.loc[~data["priced"].astype(bool), "label"]))
    text = ("Dot matrix with the rungs of the ladder as rows, front line at the bottom, and the sources as "
            "columns; a numbered dot gives how many titles a source names at that rung, a small grey dot means "
            "none.")
    if every:
        text += f" A dot on every rung: {', '.join(every)}."
    if none:
        text += f" No dot at all: {', '.join(none)}."
    if unpriced:
        text += f" Marked as having no pay figure: {', '.join(unpriced).lower()}."
    return text


# --- 2. what each rung asks ----------------------------------------------------------------------


def _years(low: float | None, high: float | None, experience_stated: bool) -> str:
    if pd.notna(low) and pd.notna(high):
        return f"{low:g}–{high:g}"
    if pd.notna(low):
        return f"{low:g}"
    return "no number" if experience_stated else ""


def _joined(values: pd.Series) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if pd.notna(v) and str(v)))


def education_experience(requirements: pd.DataFrame, sources_order: list[str]) -> pd.DataFrame:
    """Education and years of experience asked, one row per sentence of a source.

    Keeps requirement rows about education or experience and any row naming an education level
    (a certificate, or "none"); rows of one source, role and quote are merged, so a sentence that
    asks a diploma *and* years of experience is one row. Columns: ``tier``, ``tier_level``,
    ``role``, ``education`` (labels), ``years_min``, ``years_max``, ``years`` (text), ``necessity``
    (``"; "``-joined, ``""`` where the source does not say), ``source_id``. Ordered up the ladder,
    then by source order; ``unspecified`` rows (work in general) come last.
    """
    stated = requirements["education"].fillna("").astype(str) != ""
    keep = (requirements["requirement"].isin(["education", "experience"]) | stated
            | requirements["years_min"].notna())
    rows = requirements[keep]
    order = {s: i for i, s in enumerate(sources_order)}
    out = []
    for (source, role, _quote), group in rows.groupby(["source_id", "role", "quote"], sort=False):
        years_min = group["years_min"].dropna()
        years_max = group["years_max"].dropna()
        low = float(years_min.min()) if len(years_min) else None
        high = float(years_max.max()) if len(years_max) else None
        out.append({
            "tier": str(group["tier"].iloc[0]),
            "tier_level": int(group["tier_level"].iloc[0]),
            "role": str(role),
            "education": _joined(group["education"].map(EDUCATION_LABELS, na_action="ignore")),
            "years_min": low,
            "years_max": high,
            "years": _years(low, high, bool((group["requirement"] == "experience").any())),
            "necessity": _joined(group["necessity"]),
            "source_id": str(source),
            "_general": int(group["tier_level"].iloc[0]) == 0,
            "_order": order.get(str(source), len(order)),
        })
    frame = pd.DataFrame(out)
    frame = frame.sort_values(["_general", "tier_level", "_order"], kind="stable", ignore_index=True)
    return frame.drop(columns=["_general", "_order"])


def requirement_for(asked: pd.DataFrame, source_id: str, role: str) -> pd.Series:
    """The one row of :func:`education_experience` for a source's role that states years."""
    rows = asked[(asked["source_id"] == source_id) & (asked["role"] == role) & asked["years_min"].notna()]
    if len(rows) != 1:
        raise LookupError(f"{source_id}: {len(rows)} rows with years of experience for {role!r}")
    return rows.iloc[0]


# --- 3. experience asked against pay --------------------------------------------------------------


def title_key(title: str) -> frozenset[str]:
    """The words of a role title that tell it apart: lower case, no brackets, no filler words.

    Word order, parenthetical asides, articles and roman-numeral grades are ignored, so
    "Manager of Customer Service Training" and "Customer Service Training Manager" are one key,
    and "Customer Service Representative I" matches "Customer service representative".
    """
    plain = re.sub(r"\([^)]*\)", " ", title.lower())
    return frozenset(w for w in re.findall(r"[a-z0-9]+", plain) if w not in _FILLER)


def match_experience_pay(requirements: pd.DataFrame,
                         salaries: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pair each stated number of years of experience with the same source's pay for that role.

    A requirement row with ``years_min`` is matched to an annual salary row of the same source
    (1) whose role has the same :func:`title_key` ("title"); failing that, (2) to the only annual
    salary row of that source at the same tier ("tier"). A requirement with no such salary row,
    or several equally good ones, is unmatched. Returns ``(matched, unmatched)``:

    - ``matched``: ``source_id``, ``role`` (as the requirement names it), ``pay_role``, ``tier``,
      ``years_min``, ``years_max``, ``years_mid``, ``low_usd``, ``high_usd``, ``mid_usd``,
      ``year``, ``matched_by``, ``requirement_id``, ``salary_id``;
    - ``unmatched``: ``source_id``, ``role``, ``tier``, ``record_id``, ``what`` ("years stated,
      no pay found" for such requirements; "pay stated, no years found" for every salary row
      no requirement was matched to).
    """
    asked = requirements[requirements["years_min"].notna()]
    annual = salaries[salaries["period"] == "year"]
    matched, unmatched, used = [], [], set()
    for _, req in asked.iterrows():
        pool = annual[annual["source_id"] == req["source_id"]]
        key = title_key(str(req["role"]))
        by_title = pool[[title_key(str(r)) == key for r in pool["role"]]]
        by_tier = pool[pool["tier"] == req["tier"]]
        if len(by_title) == 1:
            pay, how = by_title.iloc[0], "title"
        elif len(by_title) == 0 and len(by_tier) == 1:
            pay, how = by_tier.iloc[0], "tier"
        else:
            unmatched.append({"source_id": req["source_id"], "role": req["role"], "tier": req["tier"],
                              "record_id": req["record_id"], "what": "years stated, no pay found"})
            continue
        used.add((pay["source_id"], pay["record_id"]))
        low = float(pay["low_usd"])
        high = float(pay["high_usd"]) if pd.notna(pay["high_usd"]) else low
        y_low = float(req["years_min"])
        y_high = float(req["years_max"]) if pd.notna(req["years_max"]) else None
        matched.append({
            "source_id": req["source_id"], "role": req["role"], "pay_role": pay["role"],
            "tier": req["tier"], "years_min": y_low, "years_max": y_high,
            "years_mid": (y_low + y_high) / 2 if y_high is not None else y_low,
            "low_usd": low, "high_usd": high, "mid_usd": (low + high) / 2,
            "year": pay["year"], "matched_by": how,
            "requirement_id": req["record_id"], "salary_id": pay["record_id"],
        })
    for _, pay in salaries.iterrows():
        if (pay["source_id"], pay["record_id"]) not in used:
            unmatched.append({"source_id": pay["source_id"], "role": pay["role"], "tier": pay["tier"],
                              "record_id": pay["record_id"], "what": "pay stated, no years found"})
    m_cols = ["source_id", "role", "pay_role", "tier", "years_min", "years_max", "years_mid", "low_usd",
              "high_usd", "mid_usd", "year", "matched_by", "requirement_id", "salary_id"]
    u_cols = ["source_id", "role", "tier", "record_id", "what"]
    matched_frame = pd.DataFrame(matched, columns=m_cols).sort_values(["years_mid", "low_usd"],
                                                                       ignore_index=True)
    return matched_frame, pd.DataFrame(unmatched, columns=u_cols)



def experience_pay_chart(matched: pd.DataFrame, label_side: dict[str, str] | None = None) -> Figure:
    """Years of experience asked (x) against the stated annual pay range (y), one line per role.

    Each role is a vertical line from low to high pay with a dot at the midpoint; a range of
    years is drawn as a thin horizontal bar through the dot. Colour is the rung; each point is
    labelled with the role as the source words its requirement, to the right of the point unless
    ``label_side`` (role -> ``"left"``, ``"right"``, ``"above"`` or ``"below"``) says otherwise.
    """
    label_side = label_side or {}
    tiers = [t for t in LADDER if t in set(matched["tier"])]
    colour = charts.colours(tiers)
    fig, ax = plt.subplots(figsize=(9, 5.2))
    for _, row in matched.iterrows():
        c = colour[row["tier"]]
        x = row["years_mid"]
        ax.plot([x, x], [row["low_usd"], row["high_usd"]], color=c, linewidth=4, solid_capstyle="butt")
        if pd.notna(row["years_max"]):
            ax.plot([row["years_min"], row["years_max"]], [row["mid_usd"]] * 2, color=c, linewidth=1.5)
        ax.plot(x, row["mid_usd"], "o", color=c, markersize=9, markeredgecolor="white", zorder=3)
        text = f"{textwrap.fill(str(row['role']), 24)}\n({_years_text(row['years_min'], row['years_max'])})"
        side = label_side.get(str(row["role"]), "right")
        right = row["years_max"] if pd.notna(row["years_max"]) else x
        anchor, offset, ha, va = {
            "right": ((right, row["mid_usd"]), (8, 0), "left", "center"),
            "left": ((row["years_min"], row["mid_usd"]), (-8, 0), "right", "center"),
            "above": ((x, row["high_usd"]), (0, 5), "center", "bottom"),
            "below": ((x, row["low_usd"]), (0, -5), "center", "top"),
        }[side]
        ax.annotate(text, anchor, xytext=offset, textcoords="offset points", ha=ha, va=va,
                    fontsize=10, color="#000000")
    years_top = float(matched["years_max"].fillna(matched["years_min"]).max())
    ax.set_xlim(-0.8, years_top + 3.2)
    ax.set_ylim(0, float(matched["high_usd"].max()) * 1.15)
    ax.yaxis.set_major_formatter(charts.usd_thousands)
    ax.set_xlabel("Years of experience asked")
    year = ", ".join(str(int(y)) for y in dict.fromkeys(matched["year"].dropna()))
    ax.set_ylabel(f"Annual pay, USD as written ({year or 'undated'})")
    ax.legend(handles=[Line2D([], [], color=colour[t], linewidth=4, marker="o", markersize=8,
                              label=TIER_LABELS[t]) for t in tiers], loc="upper left", title="Rung")
    return fig


# --- the chapter's charts, built from the processed tables ---------------------------------------

#: Where the experience-pay chart labels a role other than to the right of its point: the two
#: front-line points sit close together.
LABEL_SIDES = {"eCommerce Customer Service Representative": "above", "Manager of Customer Service Training": "left"}


def _years_text(low: float, high: float | None) -> str:
    """Years of experience as words: "1 year", "0–3 years", "7 years"."""
    if high is not None and pd.notna(high):
        return f"{low:g}–{high:g} years"
    return f"{low:g} year" + ("" if low == 1 else "s")


def _experience_caption(data: pd.DataFrame) -> str:
    years = ", ".join(str(int(y)) for y in dict.fromkeys(data["year"].dropna()))
    n = data["source_id"].nunique()
    whose = "one source's figures" if n == 1 else f"{n} sources' figures"
    return (f"Years of experience asked against the annual pay range stated for the same role: {whose}, in the "
            f"nominal dollars of {years} as written; {len(data)} points, not a trend.")


def _experience_alt(data: pd.DataFrame) -> str:
    from analysis import pay

    parts = [f"{r['role']}: {_years_text(r['years_min'], r['years_max'])}, {pay.money(r['low_usd'])} to "
             f"{pay.money(r['high_usd'])}" for _, r in data.iterrows()]
    return ("Chart with years of experience asked on the horizontal axis and annual pay as written on the vertical "
            "axis; each role is a vertical line from its low to its high pay figure with a dot at the midpoint, and "
            "a range of years is a thin horizontal bar. " + "; ".join(parts) + ".")


def _roles_data() -> pd.DataFrame:
    return tiers_data(evidence.load_table("roles"), evidence.load_table("salaries"), sources.source_ids())


def _experience_data() -> pd.DataFrame:
    return match_experience_pay(evidence.load_table("requirements"), evidence.load_table("salaries"))[0]


CHARTS = (
    Chart("fig-ladder-tiers", "03-career-ladder", "The rungs each source names", _roles_data, ladder_chart,
          lambda d: ("Which rungs of the harmonised ladder each source names, with the number of titles it uses "
                     "at each rung; rungs that no source gives a pay figure for are marked."),
          _tiers_alt, references=matrices.credited),
    Chart("fig-ladder-experience-pay", "03-career-ladder", "Experience asked against pay", _experience_data,
          lambda d: experience_pay_chart(d, LABEL_SIDES), _experience_caption, _experience_alt,
          notes=lambda d: ["Dollars as written, not adjusted for inflation"]),
)
