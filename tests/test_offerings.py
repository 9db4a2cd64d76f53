"""genai offerings: one row per provider's entry of a model, filtered by model,
provider, catalog and deprecation; ids never cut. Runs the real command on the
fixture excerpts (tests/fixtures/catalogs) imported by the real import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import run_fast

KEYS = {
    "model", "catalog", "provider", "provider_kind", "id", "key", "version", "tier", "pricing",
    "context_window", "max_input_tokens", "max_output_tokens", "deprecation_date", "mode",
    "url", "as_of",
}  # fmt: skip


def _rows(folder: Path, *args: str) -> list[dict[str, Any]]:
    r = run_fast("--data-dir", str(folder), "offerings", *args, "--json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert isinstance(rows, list)
    return rows


def test_a_models_offerings_are_those_its_page_shows(imported_dir: Path) -> None:
    rows = _rows(imported_dir, "claude-3-opus")
    r = run_fast("--data-dir", str(imported_dir), "models", "show", "claude-3-opus", "--json")
    page = json.loads(r.stdout)["offerings"]
    assert rows == page and len({o["catalog"] for o in rows}) >= 3
    assert all(set(o) == KEYS and o["model"] == "claude-3-opus" for o in rows)
    ids = {o["id"] for o in rows}
    assert "us.anthropic.claude-3-opus-20240229-v1:0" in ids  # Bedrock's region form
    every = _rows(imported_dir)
    assert len(every) > len(rows) and all(o in every for o in rows)
    two = _rows(imported_dir, "claude-3-opus", "gpt-4")
    assert {o["model"] for o in two} == {"claude-3-opus", "gpt-4"}


def test_a_provider_by_any_catalogs_name(imported_dir: Path) -> None:
    """amazon-bedrock is the providers table's id; LiteLLM writes bedrock and
    bedrock_converse, models.dev amazon-bedrock: each names the same rows."""
    rows = _rows(imported_dir, "--provider", "amazon-bedrock")
    assert rows and {o["provider"] for o in rows} == {"amazon-bedrock"}
    assert {o["provider_kind"] for o in rows} == {"cloud"}
    assert len({o["catalog"] for o in rows}) >= 2
    for spelling in ("bedrock", "BEDROCK_CONVERSE", "Amazon-Bedrock"):
        assert _rows(imported_dir, "--provider", spelling) == rows, spelling
    both = _rows(imported_dir, "--provider", "bedrock", "--provider", "openai")
    assert {o["provider"] for o in both} == {"amazon-bedrock", "openai"}
    only = _rows(imported_dir, "--provider", "bedrock", "--catalog", "litellm")
    assert only and {o["catalog"] for o in only} == {"litellm"} and len(only) < len(rows)


def test_deprecated_and_active_split_the_offerings(imported_dir: Path) -> None:
    today = time.strftime("%Y-%m-%d")
    every = _rows(imported_dir)
    gone = _rows(imported_dir, "--deprecated")
    live = _rows(imported_dir, "--active")
    assert gone and live and len(gone) + len(live) == len(every)
    assert all(o["deprecation_date"] and o["deprecation_date"] <= today for o in gone)
    assert all(not o["deprecation_date"] or o["deprecation_date"] > today for o in live)


def test_bad_filters_are_usage_errors(imported_dir: Path) -> None:
    folder = ["--data-dir", str(imported_dir)]
    for args, words in (
        (["--provider", "no-such-host"], "--provider: unknown provider 'no-such-host'"),
        (["--deprecated", "--active"], "--deprecated and --active exclude each other"),
        (["--catalog", "nope"], "nope"),
        (["no-such-model"], "no-such-model"),
    ):
        r = run_fast(*folder, "offerings", *args)
        assert r.exit_code in (1, 2) and words in r.stderr, (args, r.stderr)
        assert r.stdout == "" and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "yaml", "jsonl"])
def test_every_format(imported_dir: Path, fmt: str) -> None:
    r = run_fast("--data-dir", str(imported_dir), "offerings", "claude-3-opus", "-f", fmt)
    assert r.exit_code == 0, r.stderr
    assert "us.anthropic.claude-3-opus-20240229-v1:0" in r.stdout


@pytest.mark.parametrize("columns", ["60", "80"])
def test_an_offerings_id_is_never_cut(imported_dir: Path, columns: str) -> None:
    """The id a user copies is printed whole at any width: other columns go first."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = columns
    argv = [sys.executable, "-m", "genai_cli", "--data-dir", str(imported_dir), "offerings"]
    out = subprocess.run(
        [*argv, "claude-3-opus"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert max(len(line) for line in out.splitlines()) <= int(columns)
    for o in _rows(imported_dir, "claude-3-opus"):
        assert o["id"] in out, o["id"]


def test_sql_has_real_prices_and_an_index_on_every_foreign_key(imported_dir: Path) -> None:
    """pricing_input and pricing_output are REAL columns beside the JSON pricing (sortable
    as numbers); every foreign key and offerings.provider have an index, which the
    query plan of an EXISTS over offerings uses."""
    from genai_cli.answers.sql import foreign_keys
    from genai_cli.dataset import registry as R

    folder = ["--data-dir", str(imported_dir)]

    def sql(query: str) -> list[dict[str, Any]]:
        r = run_fast(*folder, "sql", query, "--json")
        assert r.exit_code == 0, r.stderr
        rows = json.loads(r.stdout)
        assert isinstance(rows, list)
        return rows

    indexes = {(r["tbl_name"], r["name"]) for r in sql(
        "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"
    )}  # fmt: skip
    for kind in R.KINDS.values():
        for col in foreign_keys(kind.table):
            assert (kind.table, f"{kind.table}_{col}") in indexes, (kind.table, col)
    assert ("offerings", "offerings_provider") in indexes
    rows = sql(
        "SELECT pricing, pricing_input, pricing_output, typeof(pricing_input) AS t "
        "FROM offerings WHERE pricing IS NOT NULL ORDER BY pricing_input DESC"
    )
    assert rows and {r["t"] for r in rows} <= {"real", "null"}
    for r in rows:
        pricing = json.loads(r["pricing"])
        assert r["pricing_input"] == pricing.get("input"), r
        assert r["pricing_output"] == pricing.get("output"), r
    inputs = [r["pricing_input"] for r in rows if r["pricing_input"] is not None]
    assert inputs == sorted(inputs, reverse=True) and inputs[0] > inputs[-1]
    plan = " ".join(str(r) for r in sql(
        "EXPLAIN QUERY PLAN SELECT id FROM models m WHERE EXISTS "
        "(SELECT 1 FROM offerings o WHERE o.model = m.id AND o.provider = 'amazon-bedrock')"
    ))  # fmt: skip
    assert "USING INDEX offerings_" in plan, plan


def test_pricing_input_and_output_in_where_sort_and_fields(imported_dir: Path) -> None:
    """Issue 19: pricing.input was refused in --where, --sort and --fields; a one-level
    path into an object field now works in each, in any case, in every format."""
    folder = ["--data-dir", str(imported_dir)]
    rows = _rows(imported_dir, "claude-3-opus", "--sort", "pricing.input", "--fields",
                 "id,pricing.input,Pricing.Output")  # fmt: skip
    assert rows and all(list(r) == ["id", "pricing.input", "pricing.output"] for r in rows)
    full = {o["id"]: o["pricing"] or {} for o in _rows(imported_dir, "claude-3-opus")}
    for r in rows:
        assert r["pricing.input"] == full[r["id"]].get("input"), r
    priced = [r["pricing.input"] for r in rows if r["pricing.input"] is not None]
    assert priced == sorted(priced) and priced
    r = run_fast(*folder, "models", "list", "--where", "pricing.input >= 15",
                 "--fields", "id,pricing.input", "--sort", "-pricing.input", "--json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    models = json.loads(r.stdout)
    assert "claude-3-opus" in {m["id"] for m in models}
    assert all(m["pricing.input"] >= 15 for m in models)
    inputs = [m["pricing.input"] for m in models]
    assert inputs == sorted(inputs, reverse=True)
    table = run_fast(*folder, "offerings", "claude-3-opus", "--fields", "id,pricing.input")
    assert table.exit_code == 0 and "15" in table.stdout, table.stdout
    bad = run_fast(*folder, "models", "list", "--where", "pricing.input >", "--json")
    assert bad.exit_code == 2 and "--where" in bad.stderr


@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_the_export_message_counts_every_table_it_wrote(
    imported_dir: Path, tmp_path: Path, fmt: str
) -> None:
    """Issue 19: the message counted the dataset's kinds only, not the offerings,
    claims and conflicts it wrote."""
    from genai_cli.answers.sql import TABLES

    folder = ["--data-dir", str(imported_dir)]
    out = tmp_path / f"genai.{'db' if fmt == 'sqlite' else fmt}"
    r = run_fast(*folder, "export", "-f", fmt, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    line = r.stderr.splitlines()[0]
    counts = {}
    for table in TABLES:
        q = run_fast(*folder, "sql", f"SELECT count(*) AS n FROM {table}", "--json")
        counts[table] = json.loads(q.stdout)[0]["n"]
        assert f"{table} {counts[table]:,}" in line, (table, line)
    assert counts["offerings"] > 0 and counts["claims"] > 0
    assert f"{sum(counts.values()):,} records in {len(TABLES)} tables" in line


def test_one_providers_offerings_read_alone_are_those_of_the_full_list(
    imported_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What a join derives (every model's offerings, claims, conflicts) is made once
    and written beside the cached join; a list of one provider's offerings reads
    that provider's part alone, and gives what filtering the full list gives, in
    its order; a damaged or edited derived file is made again, never trusted."""
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    every = _rows(imported_dir)  # makes the derived files (in memory for this run)
    derived = list((tmp_path / "cache").glob("imports-*/derived.json"))
    assert len(derived) == 1, "the derived files are written beside the cached join"
    parts = derived[0].parent / "rows-offerings.jsonl"
    assert len(parts.read_bytes().splitlines()) == len({o["provider"] for o in every})
    for provider in sorted({o["provider"] for o in every}):
        alone = _rows(imported_dir, "--provider", provider)
        assert alone == [o for o in every if o["provider"] == provider], provider
    assert _rows(imported_dir) == every  # read back from the files, in the join's order
    show = run_fast("--data-dir", str(imported_dir), "models", "show", "claude-3-opus", "--json")
    page = json.loads(show.stdout)
    # an edited part (same length) and a cut-short file: made again, the same answer
    data = parts.read_bytes()
    parts.write_bytes(data.replace(b'"input":', b'"inpuT":'))
    assert _rows(imported_dir) == every
    models = derived[0].parent / "extras.jsonl"
    models.write_bytes(models.read_bytes()[: len(models.read_bytes()) // 2])
    again = run_fast("--data-dir", str(imported_dir), "models", "show", "claude-3-opus", "--json")
    assert again.exit_code == 0 and json.loads(again.stdout) == page
    derived[0].write_text("{", encoding="utf-8")
    assert _rows(imported_dir, "--provider", "openai") == [
        o for o in every if o["provider"] == "openai"
    ]


def test_nested_prices_filter_and_sort_offerings(imported_dir: Path) -> None:
    """pricing.input in --where and --sort of offerings (a dict[str, float] field is
    an object, whose keys are columns of their own)."""
    every = _rows(imported_dir)
    cheap = _rows(imported_dir, "--where", "pricing.input < 1", "--sort", "pricing.input")
    expected = [o for o in every if (o["pricing"] or {}).get("input") is not None
                and o["pricing"]["input"] < 1]  # fmt: skip
    assert cheap and sorted(map(json.dumps, cheap)) == sorted(map(json.dumps, expected))
    prices = [o["pricing"]["input"] for o in cheap]
    assert prices == sorted(prices)
