"""The career-ladder and agreement pages repeat, in their committed outputs, what a source they use
says of its own reliability, and glue from the records what they say of them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from analysis.chapters import agreement
from analysis.core import evidence, paths, sources


def _glued(notebook: str) -> dict[str, str]:
    """The values a notebook glues, by name, from its committed outputs (markdown if it has it)."""
    nb = json.loads((paths.ROOT / "book" / notebook).read_text(encoding="utf-8"))
    out = {}
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                data = output["data"]
                prefix = output["metadata"]["scrapbook"]["mime_prefix"]
                out[name] = data.get(f"{prefix}text/markdown") or data.get(f"{prefix}text/plain", "")
    return out


def _markdown(notebook: str) -> str:
    nb = json.loads((paths.ROOT / "book" / notebook).read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _ladder_sources() -> list[str]:
    return [*evidence.load_table("roles")["source_id"], *evidence.load_table("requirements")["source_id"]]


def _agreement_sources() -> list[str]:
    return [str(s) for s in agreement.undated_averages(evidence.load_table("salaries"))["source_id"]]


@pytest.mark.parametrize(
    ("notebook", "used"),
    [("03-career-ladder.ipynb", _ladder_sources), ("07-agreement.ipynb", _agreement_sources)],
)
def test_a_page_repeats_the_caveat_of_each_source_it_uses(notebook: str, used: Callable[[], list[str]]) -> None:
    caveats = {m.source_id: m.caveat for m in sources.read_manifest() if m.caveat}
    wanted = [caveats[s] for s in dict.fromkeys(used()) if s in caveats]
    assert wanted, "the page uses no source with a caveat: nothing to check"
    shown = _glued(notebook)["caveats"].replace("\\", "")
    assert all(c in shown for c in wanted)
    assert "{glue:md}`caveats:myst`" in _markdown(notebook)


def test_the_ladder_page_gives_each_field_of_study_asked_as_the_record_does() -> None:
    # Worked out from the records: every field of study a requirement with years names is on the page.
    requirements = evidence.load_table("requirements")
    fields = requirements.loc[requirements["field"].notna() & (requirements["requirement"] == "education"), "field"]
    with_years = set(requirements.loc[requirements["years_min"].notna(), "role"])
    named = [f for f, role in zip(fields, requirements.loc[fields.index, "role"], strict=True) if role in with_years]
    shown = _glued("03-career-ladder.ipynb")["years_detail"].replace("\\", "")
    assert all(field in shown for field in named), (named, shown)
    assert "{glue:md}`years_detail:myst`" in _markdown("03-career-ladder.ipynb")


def test_the_agreement_page_names_the_source_of_every_undated_average() -> None:
    averages = agreement.undated_averages(evidence.load_table("salaries"))
    shown = _glued("07-agreement.ipynb")["undated"]
    for source in averages["source_id"]:
        assert f"{{cite:t}}`{source}` gives an average annual salary of" in shown
    assert shown.count("gives an average annual salary of") == len(averages)
    assert "One article says" not in _markdown("07-agreement.ipynb")
