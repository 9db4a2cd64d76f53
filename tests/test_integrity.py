"""The dataset's integrity: it builds clean, every reference resolves, every
id and alias is unique, every record is sourced, and every quote attributed
to the report is the report's own words."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pydantic
import pytest

from genai_cli.answers.catalog import Catalog
from genai_cli.cli.spec import SPEC_PATH, build_spec
from genai_cli.cli.spec import dumps as spec_dumps
from genai_cli.dataset import registry as R
from genai_cli.dataset.build import build, built_dir, built_files
from genai_cli.dataset.parsing import normalize_key, parse_amount, parse_partial_date
from genai_cli.dataset.report_quotes import check_quotes, iter_sources, normalize_text


@pytest.fixture(scope="module")
def built() -> dict[str, Any]:
    data, problems = build()
    assert [str(p) for p in problems] == []
    return data


def test_bundled_yaml_builds_without_problems(built: dict[str, Any]) -> None:
    assert built["dataset"]["publisher"] == "国元证券"


def test_built_files_are_fresh(built: dict[str, Any]) -> None:
    """The JSON the CLI reads is exactly what the YAML builds to (run python -m genai_cli.dataset.build)."""
    files = built_files(built)
    for path, text in files:
        assert path.read_text(encoding="utf-8") == text, path
    assert set(built_dir().glob("*.json")) == {p for p, _ in files if p.suffix == ".json"}
    with open(SPEC_PATH, encoding="utf-8") as fh:
        assert fh.read() == spec_dumps(build_spec())


def test_load_catalog_loads_every_kind(catalog: Catalog) -> None:
    counts = catalog.counts()
    assert set(counts) == set(R.LIST_KINDS)
    assert all(n > 0 for n in counts.values()), counts
    assert counts["models"] >= 60
    assert counts["events"] >= 40
    assert len(catalog.records("sources")) > 0


@pytest.mark.parametrize("kind", R.LIST_KINDS)
def test_typed_records_round_trip(catalog: Catalog, kind: str) -> None:
    """Every stored record is valid against the pydantic schema."""
    typed = catalog.typed(kind)
    assert len(typed) == len(catalog.records(kind))
    one = typed[0]
    with pytest.raises(pydantic.ValidationError):  # frozen
        one.id = "x"  # type: ignore[misc]


@pytest.mark.parametrize("kind", R.LIST_KINDS)
def test_ids_unique(catalog: Catalog, kind: str) -> None:
    ids = [r["id"] for r in catalog.records(kind)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("kind", R.LIST_KINDS)
def test_names_and_aliases_unique_within_a_kind(catalog: Catalog, kind: str) -> None:
    owner: dict[str, str] = {}
    for rec in catalog.records(kind):
        for name in R.names_of(kind, rec):
            key = normalize_key(name)
            assert owner.setdefault(key, rec["id"]) == rec["id"], (
                kind,
                name,
                owner[key],
                rec["id"],
            )


@pytest.mark.parametrize("kind", R.LIST_KINDS)
def test_references_resolve(catalog: Catalog, kind: str) -> None:
    for rec in catalog.records(kind):
        for field, target, many in ((r.field, r.target, r.many) for r in R.KINDS[kind].refs):
            values = rec.get(field) if many else [rec.get(field)]
            for ref in values or []:
                if ref is not None:
                    assert ref in catalog.by_id(target), (kind, rec["id"], field, ref)


def test_every_record_is_sourced(catalog: Catalog) -> None:
    for kind in R.LIST_KINDS:
        for rec in catalog.records(kind):
            sources = rec.get("sources")
            assert sources, (kind, rec["id"])
            for src in iter_sources(rec):
                assert src.get("title"), (kind, rec["id"], src)
    for c in [r for k in R.LIST_KINDS for r in catalog.records(k)]:
        for corr in c.get("corrections", []):
            assert corr["sources"] and corr["note"], c["id"]


def _dates(value: Any, key: str = "") -> list[str]:
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _dates(v, k)
    elif isinstance(value, list):
        for v in value:
            out += _dates(v, key)
    elif isinstance(value, str) and key in {
        "date",
        "released",
        "founded",
        "year",
        "said",
        "as_of",
        "knowledge_cutoff",
    }:
        out.append(value)
    return out


def test_every_date_is_a_valid_partial_date(catalog: Catalog) -> None:
    seen = 0
    for kind in R.LIST_KINDS:
        for rec in catalog.records(kind):
            for d in _dates({k: v for k, v in rec.items() if k != "corrections"}):
                assert parse_partial_date(d) == d
                seen += 1
    assert seen > 150


def test_ranges_are_ordered(catalog: Catalog) -> None:
    for m in catalog.records("models"):
        q = m.get("parameters")
        if q and q.get("min") is not None and q.get("max") is not None:
            assert q["min"] <= q["max"], m["id"]


def test_reported_parameters_parse_to_the_stored_value_or_are_corrected(catalog: Catalog) -> None:
    """A model keeping the report's string either agrees with it or says why not."""
    checked = 0
    for m in catalog.records("models"):
        q = m.get("parameters") or {}
        reported = q.get("reported")
        if not reported:
            continue
        corrected = any(c["field"].startswith("parameters") for c in m.get("corrections", []))
        try:
            parsed = parse_amount(reported)
        except ValueError:
            assert corrected, (m["id"], reported)
            continue
        same = (parsed["min"], parsed["max"]) == (q.get("min"), q.get("max"))
        assert same or corrected, (m["id"], reported, q)
        checked += 1
    assert checked >= 15


def test_corrections_name_a_field_of_their_record(catalog: Catalog) -> None:
    n = 0
    for kind in R.LIST_KINDS:
        fields = set(catalog.shapes[R.KINDS[kind].schema]["fields"])
        for rec in catalog.records(kind):
            for corr in rec.get("corrections", []):
                assert corr["field"].split(".")[0].split("[")[0] in fields, (
                    kind,
                    rec["id"],
                    corr["field"],
                )
                n += 1
    assert n >= 40


def test_every_report_source_quotes_the_report(built: dict[str, Any], seed_text: str) -> None:
    """Every source that is the report carries a quote found in its text."""
    assert [str(p) for p in check_quotes(built, seed_text)] == []


def test_quote_check_catches_a_misquote(built: dict[str, Any], seed_text: str) -> None:
    bad = json.loads(json.dumps(built))
    bad["models"][0]["sources"] = [
        {"title": "x", "ref": "report", "quote": "GPT-4 has 1.8 trillion parameters"}
    ]
    assert check_quotes(bad, seed_text)
    assert normalize_text("<b>86.8%</b>\t5 shot") == "86.8% 5 shot"


def test_the_library_imports_no_pydantic_rich_or_yaml_to_read_the_bundled_data() -> None:
    code = (
        "import sys; from genai_cli import load_catalog; c = load_catalog(); "
        "c.get('models', 'gpt-4'); "
        "print(sorted(m for m in ('pydantic', 'rich', 'yaml', 'typer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
