"""SQL, export, schema, charts and shell completion."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from genai_cli.dataset import registry as R

from conftest import load_yaml, run_fast, run_typer

# --------------------------------------------------------------------------- sql


def test_sql_tables_and_columns_are_the_json_keys() -> None:
    r = run_fast(
        "sql", "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", "--json"
    )
    tables = {row["name"] for row in json.loads(r.stdout)}
    assert tables == {*R.KINDS, "dataset"}
    model = json.loads(run_fast("models", "show", "gpt-3", "--json").stdout)
    row = json.loads(run_fast("sql", "SELECT * FROM models WHERE id = 'gpt-3'", "--json").stdout)[0]
    contract = set(model) - {"scores", "events"}
    assert set(row) == contract | {"pricing_input", "pricing_output"}  # REAL, beside pricing
    assert json.loads(row["parameters"])["max"] == 175_000_000_000  # objects as JSON text
    assert row["open_weights"] in (0, 1)


def test_sql_answers_questions() -> None:
    r = run_fast(
        "sql",
        "SELECT model, value FROM scores WHERE benchmark = 'mmlu' AND reported_by = 'anthropic' "
        "ORDER BY value DESC LIMIT 3",
        "--json",
    )
    assert [row["model"] for row in json.loads(r.stdout)] == [
        "claude-3-opus",
        "gpt-4",
        "gemini-1.0-ultra",
    ]
    r = run_fast(
        "sql",
        "SELECT count(*) AS n FROM models, json_each(models.modalities) WHERE json_each.value = 'video'",
        "--json",
    )
    assert json.loads(r.stdout)[0]["n"] >= 3
    r = run_fast("sql", "SELECT id FROM models LIMIT 5", "--format", "csv")
    assert r.stdout.splitlines()[0] == "id" and len(r.stdout.splitlines()) == 6


@pytest.mark.parametrize(
    "query",
    [
        "INSERT INTO models (id) VALUES ('x')",
        "UPDATE models SET name = 'x'",
        "DELETE FROM models",
        "DROP TABLE models",
        "CREATE TABLE t (x)",
        "ATTACH DATABASE '/tmp/genai-attack.db' AS a",
        "PRAGMA writable_schema = 1",
        "SELECT load_extension('/tmp/x.so')",
        "SELECT 1; DELETE FROM models",
    ],
)
def test_sql_refuses_anything_but_reading(query: str) -> None:
    r = run_fast("sql", query)
    assert r.exit_code == 1, r.stderr
    assert r.stderr.startswith("genai sql: ") and "Traceback" not in r.stderr
    assert not os.path.exists("/tmp/genai-attack.db")


def test_sql_errors_and_a_runaway_query_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    r = run_fast("sql", "SELEC nonsense")
    assert r.exit_code == 1 and "syntax error" in r.stderr
    r = run_fast("sql", "SELECT * FROM nowhere")
    assert r.exit_code == 1 and "no such table: nowhere" in r.stderr
    monkeypatch.setenv("GENAI_SQL_TIMEOUT", "0.5")
    query = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    r = run_fast("sql", query)
    assert r.exit_code == 1 and "query stopped after 0.5 s" in r.stderr


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_export_documents(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"genai.{fmt}"
    r = run_fast("export", "--format", fmt, "--out", str(out))
    assert r.exit_code == 0 and f"wrote {out}" in r.stderr and r.stdout == ""
    doc = json.loads(out.read_text()) if fmt == "json" else load_yaml(out.read_text())
    assert list(doc)[:3] == ["dataset", "sources", "vendors"]
    assert {*R.LIST_KINDS} <= set(doc)
    assert len(doc["models"]) >= 60 and doc["dataset"]["publisher"] == "国元证券"


def test_export_sqlite_has_the_sql_tables(tmp_path: Path) -> None:
    out = tmp_path / "genai.db"
    assert run_fast("export", "-f", "sqlite", "-o", str(out)).exit_code == 0
    conn = sqlite3.connect(out)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {*R.KINDS, "dataset"}
    n = conn.execute("SELECT count(*) FROM models").fetchone()[0]
    assert n == len(json.loads(run_fast("models", "list", "--json").stdout))
    conn.close()


def test_export_csv_writes_one_file_per_kind(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert run_fast("export", "--format", "csv", "--out", str(out)).exit_code == 0
    assert {p.name for p in out.iterdir()} == {f"{k}.csv" for k in (*R.KINDS, "dataset")}
    assert (out / "models.csv").read_text().splitlines()[0].startswith("id,name,vendor")


def test_export_never_clobbers_without_force(tmp_path: Path) -> None:
    out = tmp_path / "genai.json"
    out.write_text("precious")
    r = run_fast("export", "--format", "json", "--out", str(out))
    assert r.exit_code == 1 and "use --force" in r.stderr
    assert out.read_text() == "precious"
    assert run_fast("export", "--format", "json", "--out", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["dataset"]
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep")
    assert run_fast("export", "--format", "csv", "--out", str(folder)).exit_code == 1
    assert (folder / "mine.txt").read_text() == "keep"
    assert [
        p.name for p in tmp_path.iterdir() if p.name.startswith(".")
    ] == []  # no temp files left


def test_a_failed_export_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import genai_cli.commands.export as export

    def half(data: bytes) -> object:
        def write(tmp: Path) -> None:
            tmp.write_bytes(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

        return write

    monkeypatch.setattr(export, "_bytes_writer", half)
    out = tmp_path / "genai.db"
    r = run_fast("export", "--format", "sqlite", "--out", str(out))
    assert r.exit_code == 1 and "No space left on device" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    r = run_fast("export", "--format", "json", "--out", str(tmp_path / "no" / "where.json"))
    assert r.exit_code == 2 and "does not exist" in r.stderr


# --------------------------------------------------------------------------- schema


def test_schema_of_every_kind() -> None:
    doc = json.loads(run_fast("schema").stdout)
    assert set(doc) >= {"model", "vendor", "score", "event", "source", "dataset"}
    model = json.loads(run_fast("schema", "--input", "model").stdout)  # a data file's record
    assert model["additionalProperties"] is False
    assert set(model["required"]) == {"id", "name", "vendor", "sources"}
    assert "pattern" in model["properties"]["released"]["anyOf"][0]
    printed = json.loads(run_fast("schema", "model").stdout)  # what genai prints: every key
    assert printed["additionalProperties"] is False
    assert set(printed["required"]) >= {
        *("id", "name", "vendor", "aliases", "released", "domain", "modalities", "parameters"),
        *("context_window", "training_tokens", "open_weights", "pricing", "corrections"),
        *("sources", "parameters_detail"),
    }
    assert load_yaml(run_typer("schema", "vendors", "--format", "yaml").stdout)["title"] == "Vendor"
    r = run_fast("schema", "widget")
    assert r.exit_code == 2 and "unknown kind 'widget'" in r.stderr


# --------------------------------------------------------------------------- charts


@pytest.mark.parametrize(
    "args",
    [
        ["params"],
        ["context"],
        ["timeline"],
        ["benchmark", "gsm8k"],
        ["params", "--vendor", "google"],
    ],
)
def test_charts_fit_80_columns_and_are_plain_when_piped(args: list[str]) -> None:
    r = run_fast("chart", *args)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) > 3
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in r.stdout and "█" not in r.stdout


def test_chart_context_takes_limit_where_and_since(imported_dir: Path) -> None:
    """Issue 19: with the catalogs imported, chart context printed every window (2,125
    lines); --limit N keeps the N largest, --since and --where pick the models."""
    folder = ["--data-dir", str(imported_dir)]

    def bars(*args: str) -> list[tuple[str, str]]:
        r = run_fast(*folder, "chart", "context", *args)
        assert r.exit_code == 0, r.stderr
        return [(line.split()[0], line.split()[-1]) for line in r.stdout.splitlines()[1:]]

    every = bars()
    assert len(every) > 20
    assert bars("--limit", "5") == every[-5:]  # the five largest, smallest first
    models = {m["id"]: m for m in json.loads(run_fast(*folder, "models", "list", "--json").stdout)}
    recent = bars("--since", "2024-06")
    assert recent and len(recent) < len(every)
    for label, _ in recent:
        model = models.get(label.split(":")[0])
        assert model is None or (model["released"] or "") >= "2024-06", label
    open_ = bars("--where", "open_weights")
    assert open_ and len(open_) < len(every)
    assert all(models[label.split(":")[0]]["open_weights"] for label, _ in open_ if
               label.split(":")[0] in models)  # fmt: skip
    r = run_fast(*folder, "chart", "context", "--where", "nonsense > 1")
    assert r.exit_code == 2 and "--where: no such column: nonsense" in r.stderr


def test_chart_labels_every_point_and_notes_settings() -> None:
    out = run_fast("chart", "params").stdout
    for model in ("gpt-3", "palm", "llama-2", "resnet-50"):
        assert model in out
    assert "not a like-for-like" in run_fast("chart", "benchmark", "gsm8k").stdout


def test_chart_in_colour_on_demand() -> None:
    env = {**os.environ, "FORCE_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("NO_COLOR", None)
    out = subprocess.run(
        [sys.executable, "-m", "genai_cli", "chart", "context"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "\x1b[" in out and "█" in out
    env["NO_COLOR"] = "1"
    out = subprocess.run(
        [sys.executable, "-m", "genai_cli", "chart", "context"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "\x1b[" not in out


# --------------------------------------------------------------------------- completion


def _complete(words: str) -> list[str]:
    """What bash completion offers after ``words``, from the program's entry point
    (in this process; test_install_completion runs the installed script)."""
    env = {
        "_GENAI_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    with pytest.MonkeyPatch.context() as m:
        for k, v in env.items():
            m.setenv(k, v)
        r = run_fast()
    assert r.exit_code == 0, r.stderr
    return r.stdout.split()


def test_ids_complete() -> None:
    assert "claude-3-opus" in _complete("genai models show cla")
    assert set(_complete("genai compare gpt-4 gem")) >= {"gemini-1.0-ultra", "gemini-1.5-pro"}
    assert "google" in _complete("genai models list --vendor goo")
    assert "mmlu" in _complete("genai compare gpt-4 claude-3-opus --benchmark mm")


def test_install_completion(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    r = subprocess.run(
        [sys.executable, "-m", "genai_cli", "--install-completion"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    script = tmp_path / ".bash_completions" / "genai.sh"
    assert "_GENAI_COMPLETE=complete_bash" in script.read_text()


def test_option_values_complete() -> None:
    # sort keys (and -KEY), fields after a comma, kinds, closed sets, catalogs
    assert "context_window" in _complete("genai models list --sort cont")
    fields = _complete("genai models list --fields id,na")
    assert "id,name" in fields and "id,name_zh" not in fields  # models have no name_zh
    assert "id,name_zh" in _complete("genai vendors list --fields id,na")
    assert "target_year" in _complete("genai predictions --sort tar")
    assert "model" in _complete("genai schema mod")
    assert "model" in _complete("genai fields mod")
    assert "agi-level" in _complete("genai search x --kind agi")
    assert "release" in _complete("genai timeline --kind rel")
    assert "video" in _complete("genai models list --modality vi")
    assert "multimodal" in _complete("genai models list --domain mu")
    assert "forecast" in _complete("genai market --status fo")
    assert "quote" in _complete("genai findings --kind qu")
    assert "models.dev" in _complete("genai import mod")
    assert "litellm" in _complete("genai conflicts --catalog lit")


def test_sql_builds_only_the_tables_a_query_names() -> None:
    """A query's tables are built, not every kind's (a count of models does not make
    every offering's row); a query of the schema sees every table."""
    from genai_cli.answers.sql import TABLES, tables_named

    assert tables_named("SELECT count(*) FROM models") == {"models"}
    assert tables_named('select * from "Scores" s join MODELS m on s.model = m.id') == {
        "scores",
        "models",
    }
    assert tables_named("SELECT 1") == set()
    assert tables_named("SELECT name FROM sqlite_master") is None
    assert tables_named("select * from pragma_table_info('models')") is None
    assert set(TABLES) == {*R.KINDS, "dataset"}
    r = run_fast("sql", "SELECT name FROM sqlite_master WHERE type = 'table'", "--json")
    assert {row["name"] for row in json.loads(r.stdout)} == set(TABLES)
    joined = run_fast(
        "sql", "SELECT count(*) AS n FROM scores s JOIN models m ON s.model = m.id", "--json"
    )
    assert joined.exit_code == 0 and json.loads(joined.stdout)[0]["n"] > 0


def test_sql_json_cols_decodes_json_text() -> None:
    """Issue 19: `sql --json-cols` gives a list or object column as JSON, not a string
    (sqlite-utils' flag); without it the column stays the JSON text SQL holds."""
    q = "SELECT id, pricing, sources, '[1' AS broken, 7 AS n FROM models WHERE id = 'gpt-4'"
    plain = json.loads(run_fast("sql", q, "--json").stdout)[0]
    decoded = json.loads(run_fast("sql", q, "--json", "--json-cols").stdout)[0]
    assert isinstance(plain["pricing"], str) and isinstance(plain["sources"], str)
    assert decoded["pricing"] == json.loads(plain["pricing"])
    assert decoded["sources"] == json.loads(plain["sources"]) and decoded["sources"]
    assert decoded["broken"] == "[1" and decoded["n"] == 7 and decoded["id"] == "gpt-4"
    yaml_text = run_fast("sql", q, "-f", "yaml", "--json-cols").stdout
    assert "input: 30" in yaml_text
