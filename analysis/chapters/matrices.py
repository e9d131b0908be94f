"""Who says what: source x category matrices for benefits, challenges, metrics and conditions."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.chapters import prose
from analysis.core import markup, sources


def presence(table: pd.DataFrame, sources_order: list[str], by: str = "category") -> pd.DataFrame:
    """Records per category (rows) and source (columns), every source a column, zeros kept.

    Rows are ordered by how many sources mention the category, then by record count, then name.
    """
    counts = pd.crosstab(table[by], table["source_id"]).reindex(columns=sources_order, fill_value=0)
    counts.columns.name = None
    counts.index.name = by
    key = pd.DataFrame({"n_sources": (counts > 0).sum(axis=1), "n_records": counts.sum(axis=1)})
    order = key.sort_values(["n_sources", "n_records"], ascending=False, kind="stable")
    order = order.loc[sorted(order.index, key=lambda c: (-order.loc[c, "n_sources"], -order.loc[c, "n_records"], c))]
    return counts.loc[order.index]


def summary(table: pd.DataFrame, sources_order: list[str], by: str = "category") -> pd.DataFrame:
    """Per category: how many sources mention it, how many records, and which sources."""
    counts = presence(table, sources_order, by)
    return pd.DataFrame(
        {
            by: counts.index,
            "sources": (counts > 0).sum(axis=1).to_numpy(),
            "records": counts.sum(axis=1).to_numpy(),
            "named_by": [", ".join(s for s in counts.columns if counts.loc[c, s] > 0) for c in counts.index],
        }
    )


def wording(table: pd.DataFrame, by: str = "category") -> pd.DataFrame:
    """Every record's own words, grouped by category then source: the verbatim evidence."""
    cols = [
        by,
        "source_id",
        *(c for c in ("record_id", "item", "metric", "value", "hedge") if c in table.columns),
        "quote",
    ]
    return table[cols].sort_values([by, "source_id"], kind="stable", ignore_index=True)


#: The most source columns a dot matrix draws; past that, the sources with the fewest records share
#: one column, :data:`OTHERS`, so the chart stays legible however many sources there are.
MAX_COLUMNS = 8
#: The source id of that shared column.
OTHERS = "others"


def shown_sources(table: pd.DataFrame, sources_order: list[str], cap: int = MAX_COLUMNS) -> tuple[list[str], list[str]]:
    """The sources a matrix gives a column of its own (manifest order) and those it groups: every
    source while there are at most ``cap``; else the ``cap - 1`` with the most records (ties by
    manifest order) and the rest."""
    if len(sources_order) <= cap:
        return list(sources_order), []
    counts = table["source_id"].value_counts()
    ranked = sorted(sources_order, key=lambda s: (-int(counts.get(s, 0)), sources_order.index(s)))
    keep = set(ranked[: cap - 1])
    return [s for s in sources_order if s in keep], [s for s in sources_order if s not in keep]


def matrix_data(
    table: pd.DataFrame,
    sources_order: list[str],
    by: str = "category",
    row_labels: Mapping[str, str] | None = None,
    rows: list[str] | None = None,
    cap: int = MAX_COLUMNS,
) -> pd.DataFrame:
    """A source x category matrix as the values a dot matrix draws: one row per (category, source),
    zeros kept, with the records behind each dot. ``rows`` fixes the category order (default: as
    :func:`presence` orders them); ``row_labels`` gives each category the words a reader sees. With
    more than ``cap`` sources, the ones with fewest records share the column :data:`OTHERS`
    (``sources`` says how many it holds)."""
    counts = presence(table, sources_order, by)
    keys = list(counts.index) if rows is None else rows
    labels = row_labels or {}
    kept, grouped = shown_sources(table, sources_order, cap)
    column = {s: s for s in kept} | {s: OTHERS for s in grouped}
    marked = table.assign(_col=table["source_id"].map(column))
    ids = marked.groupby([by, "_col"], sort=False)["record_id"].agg(list)
    owners = marked.groupby([by, "_col"], sort=False)["source_id"].agg(list)
    columns = kept + ([OTHERS] if grouped else [])
    out = []
    for key in keys:
        for source in columns:
            found = ids.get((key, source), [])
            out.append(
                {
                    by: key,
                    "label": labels.get(key, str(key).replace("-", " ")),
                    "source_id": source,
                    "sources": len(grouped) if source == OTHERS else 1,
                    "records": len(found),
                    "record_ids": ";".join(found),
                    # the shared column's records belong to many sources: name each record's own
                    "claimed_by": ";".join(owners.get((key, source), [])) if source == OTHERS else "",
                }
            )
    return pd.DataFrame(out, columns=[by, "label", "source_id", "sources", "records", "record_ids", "claimed_by"])


def counts_of(data: pd.DataFrame) -> pd.DataFrame:
    """The label x source count matrix of :func:`matrix_data`'s table, in its order."""
    labels = list(dict.fromkeys(data["label"]))
    columns = list(dict.fromkeys(data["source_id"]))
    return data.pivot(index="label", columns="source_id", values="records").reindex(index=labels, columns=columns)


def credited(data: pd.DataFrame) -> list[str]:
    """The sources a matrix chart draws on: those with at least one record in it (manifest order)."""
    named = set(data.loc[data["records"] > 0, "source_id"]) - {OTHERS}
    shared = [o for owners in data.loc[data["source_id"] == OTHERS, "claimed_by"] for o in str(owners).split(";") if o]
    return [s for s in dict.fromkeys(data["source_id"]) if s in named] + list(dict.fromkeys(shared))


def _label(key: str, labels: Mapping[str, str] | None) -> str:
    return (labels or {}).get(key, key.replace("-", " "))


def summary_table(
    table: pd.DataFrame,
    sources_order: list[str],
    header: str,
    by: str = "category",
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Per category: how many articles name it (of all), how many records, and which (cited)."""
    rows = summary(table, sources_order, by)
    return pd.DataFrame(
        {
            header: [_label(k, labels) for k in rows[by]],
            f"Articles naming it (of {len(sources_order)})": rows["sources"],
            "Records": rows["records"],
            "Named by": [named.split(", ") if named else [] for named in rows["named_by"]],
        }
    )


def wording_table(
    table: pd.DataFrame, header: str, by: str = "category", labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Every record's own words, grouped by category then source, with its hedge; a sentence that
    carries several records of one category is shown once (with every hedge it carries)."""

    rows = wording(table.assign(hedge=table["hedge"].fillna("")) if "hedge" in table else table.assign(hedge=""), by)
    grouped = (
        rows.groupby([by, "source_id", "quote"], sort=False)
        .agg(
            hedge=("hedge", lambda h: ", ".join(dict.fromkeys(w for v in h for w in str(v).split(";") if w))),
            record_id=("record_id", "first"),
        )
        .reset_index()
    )
    return pd.DataFrame(
        {
            header: [_label(k, labels) for k in grouped[by]],
            "Hedge": grouped["hedge"],
            "In its own words": grouped["quote"].map(markup.quoted),
            "source_id": grouped["source_id"],
            "record_id": grouped["record_id"],
        }
    )


def ranking_claim(
    table: pd.DataFrame,
    sources_order: list[str],
    noun: str,
    by: str = "category",
    labels: Mapping[str, str] | None = None,
) -> str:
    """The most-named categories, the next, and those resting on one article, as MyST: counts of
    articles that mention them, never of how common they are."""

    rows = summary(table, sources_order, by)
    if rows.empty:
        return markup.Markup(f"No article names a {noun}.")
    total = len(sources_order)

    def names(keys: pd.Series) -> str:
        return prose.join([f"*{markup.md_escape(_label(k, labels))}*" for k in keys])

    top_n = int(rows["sources"].max())
    top = rows[rows["sources"] == top_n]
    text = (
        f"The most-named {noun} {'category is' if len(top) == 1 else 'categories are'} {names(top[by])}, "
        f"named by {prose.of(top_n, total, 'article')}"
    )
    rest = rows[rows["sources"] < top_n]
    next_n = int(rest["sources"].max()) if len(rest) else 0
    if next_n > 1 or (next_n == 1 and top_n == 1):
        after = rest[rest["sources"] == next_n]
        text += f", followed by {names(after[by])} ({prose.plural(next_n, 'article')})"
    text += "."
    single = rows[rows["sources"] == 1]
    if len(single) and top_n > 1:
        text += (
            f" At the other end, {prose.plural(len(single), 'category', 'categories')} "
            f"{'rests' if len(single) == 1 else 'rest'} on a single article: {names(single[by])}."
        )
    return markup.Markup(text)


def coverage_claim(table: pd.DataFrame, sources_order: list[str], noun: str, by: str = "category") -> str:
    """How many records, in how many categories, from how many of the articles; and which article
    names none, as MyST."""

    silent = [s for s in sources_order if s not in set(table["source_id"])]
    text = (
        f"The {prose.plural(len(table), 'record')} fall into "
        f"{prose.plural(table[by].nunique(), 'category', 'categories')} and come from "
        f"{prose.of(table['source_id'].nunique(), len(sources_order), 'article')}."
    )
    if silent:
        text += (
            f" {prose.join([markup.cite(s, 't') for s in silent])} "
            f"{'names' if len(silent) == 1 else 'name'} no {noun} at all."
        )
    return markup.Markup(text)


def caveat_claim(table: pd.DataFrame, noun: str) -> str:
    """For each source whose text says something of its own reliability (a ``caveat`` in the
    manifest), how many of a table's records come from it and its words, as MyST ("" if none)."""

    parts = []
    for meta in sources.read_manifest():
        n = int((table["source_id"] == meta.source_id).sum())
        if meta.caveat and n:
            parts.append(
                f"{prose.of(n, len(table), f'{noun} record').capitalize()} "
                f"{'comes' if n == 1 else 'come'} from {markup.cite(meta.source_id, 't')}, which says of "
                f"itself: {markup.quoted(markup.md_escape(meta.caveat))}"
            )
    return markup.Markup(" ".join(parts))
