"""The inventory of the report's checkable facts (tests/coverage/report_facts.yaml).

* every fact's quote is the report's own words (normalised as the build does);
* every ``held_by`` names an existing record, and that record cites the report with a
  quote overlapping the fact's (one normalised quote contains the other), so the
  inventory cannot claim coverage a record does not have;
* a fact nothing holds says what record would hold it;
* docs/coverage.md is the table tests/coverage/table.py writes.

``pytest -s tests/test_coverage.py`` prints the coverage counts by section.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from genai_cli.answers.catalog import Catalog
from genai_cli.dataset.report_quotes import REPORT_REF, iter_sources, normalize_text

HERE = Path(__file__).resolve().parent


def _load_table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coverage_table", HERE / "coverage" / "table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


table = _load_table()


@pytest.fixture(scope="module")
def facts() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = table.load_facts()
    return loaded


def report_quotes(cat: Catalog, ref: str) -> list[str] | None:
    """The normalised report quotes of the record ``kind/id`` (None: no such record)."""
    kind, _, rid = ref.partition("/")
    if kind == "dataset":
        rec = cat.dataset if cat.dataset.get("id") == rid else None
    else:
        rec = cat.by_id(kind).get(rid)
    if rec is None:
        return None
    return [
        normalize_text(src["quote"])
        for src in iter_sources(rec)
        if src.get("ref") == REPORT_REF and src.get("quote")
    ]


def test_fact_ids_are_unique_slugs(facts: list[dict[str, Any]]) -> None:
    ids = [f["id"] for f in facts]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for f in facts:
        assert set(f) <= {"id", "section", "quote", "held_by", "missing"}, f["id"]
        assert f["section"] and f["quote"], f["id"]


def test_every_quote_is_the_reports(facts: list[dict[str, Any]], seed_text: str) -> None:
    report = normalize_text(seed_text)
    bad = [f["id"] for f in facts if normalize_text(f["quote"]) not in report]
    assert not bad, f"quotes not in the report: {bad}"


def test_holding_records_exist_and_cite_the_fact(
    facts: list[dict[str, Any]], catalog: Catalog
) -> None:
    problems = []
    for f in facts:
        quote = normalize_text(f["quote"])
        for ref in f["held_by"]:
            quotes = report_quotes(catalog, ref)
            if quotes is None:
                problems.append(f"{f['id']}: no record {ref}")
            elif not any(quote in q or q in quote for q in quotes):
                problems.append(f"{f['id']}: {ref} cites no report quote overlapping the fact's")
    assert not problems, "\n".join(problems)


def test_a_missing_fact_says_what_would_hold_it(facts: list[dict[str, Any]]) -> None:
    for f in facts:
        if f["held_by"]:
            assert "missing" not in f, f["id"]
        else:
            assert str(f.get("missing") or "").strip(), f["id"]


def test_coverage_counts(facts: list[dict[str, Any]]) -> None:
    rows = table.coverage(facts)
    t = table.totals(facts)
    assert sum(r["facts"] for r in rows) == t["facts"] == len(facts)
    assert sum(r["held"] for r in rows) == t["held"]
    width = max(len(r["section"]) for r in rows)
    print()
    for r in rows:
        pct = table.percent(r["held"], r["facts"])
        print(f"{r['section']:<{width}}  {r['facts']:>3}  {r['held']:>3}  {pct:>6}")
    print(
        f"{'total':<{width}}  {t['facts']:>3}  {t['held']:>3}  {table.percent(t['held'], t['facts']):>6}"
    )
    assert t["facts"] >= 361  # the audit's count of the report's checkable facts


def test_coverage_page_is_fresh(facts: list[dict[str, Any]]) -> None:
    expected = table.render(facts)
    assert table.DOC.read_text(encoding="utf-8") == expected, "run: python tests/coverage/table.py"


def test_every_event_and_score_file_is_pinned_by_a_truth_suite() -> None:
    """Each truth suite pins every event and score of the files it names (by id, with
    a check that the file holds exactly those); together they name every file."""
    here = Path(__file__).parent
    suites = "".join(
        (here / f).read_text(encoding="utf-8") for f in ("test_truth_a.py", "test_truth_b.py")
    )
    data = Path(__file__).parents[1] / "src" / "genai_cli" / "data"
    for folder in ("events", "scores"):
        for f in sorted((data / folder).glob("*.yaml")):
            assert f'"{folder}/{f.name}"' in suites, f"{folder}/{f.name} is pinned by no suite"
