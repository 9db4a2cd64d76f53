"""The lists every user reaches for (contract: "Lists every user reaches for"):
``scores list``, ``corrections``, ``--where``, ``--sort -KEY``, field names as the
tables show them, ``genai fields KIND`` and closed-set filters that fold case."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from genai_cli.dataset import registry as R

from conftest import Run, run_fast


def _json(*args: str) -> Any:
    r = run_fast(*args, "--json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _usage(r: Run, *needles: str) -> None:
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    for needle in needles:
        assert needle in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- scores list

SCORE_KEYS = ["model", "benchmark", "value", "unit", "setting", "reported_by", "third_party"]


def test_scores_list_is_every_score_as_a_flat_row(genai, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(genai("scores", "list", "--json").stdout)
    assert rows and all(set(SCORE_KEYS) | {"sources"} <= set(r) for r in rows)
    # the report's Claude 3 table: "MMLU	<b>86.8%</b> 5 shot" for Claude 3 Opus
    assert "Undergraduate level knowledge MMLU\t<b>86.8%</b> 5 shot" in seed_text
    opus = [r for r in rows if (r["model"], r["benchmark"]) == ("claude-3-opus", "mmlu")]
    assert [(r["value"], r["unit"], r["setting"]) for r in opus] == [(86.8, "%", "5-shot")]
    assert opus[0]["reported_by"] == "anthropic" and opus[0]["third_party"] is False


def test_scores_list_filters_by_model_benchmark_and_setting_by_name() -> None:
    mmlu = _json("scores", "list", "--benchmark", "MMLU")
    assert mmlu and {r["benchmark"] for r in mmlu} == {"mmlu"}
    both = _json("scores", "list", "--model", "GPT4", "--model", "Claude 3 Opus", "-b", "mmlu")
    assert {r["model"] for r in both} == {"gpt-4", "claude-3-opus"}
    # "5 shot" (as the report prints one cell) is the setting 5-shot
    assert _json("scores", "list", "--setting", "5 shot") == _json(
        "scores", "list", "--setting", "5-SHOT"
    )
    _usage(run_fast("scores", "list", "--setting", "7-shot"), "--setting", "5-shot")
    r = run_fast("scores", "list", "--model", "gpt-9")
    assert r.exit_code == 1 and "no model matches 'gpt-9'" in r.stderr


def test_scores_csv_is_a_sheet_with_a_header_even_when_empty() -> None:
    r = run_fast("scores", "list", "-f", "csv", "--benchmark", "mmlu")
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert table and set(SCORE_KEYS) <= set(table[0])
    assert all(row["benchmark"] == "mmlu" for row in table)


# --------------------------------------------------------------------------- corrections

CORRECTION_KEYS = ["kind", "id", "field", "reported", "corrected", "note", "sources"]


def test_corrections_is_one_row_per_correction(genai, seed_text: str, catalog) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(genai("corrections", "--json").stdout)
    assert rows and all(list(r) == CORRECTION_KEYS for r in rows)
    # every correction of every record, nothing else
    held = sum(
        len(rec.get("corrections") or ()) for kind in R.LIST_KINDS for rec in catalog.records(kind)
    )
    assert len(rows) == held
    # the report's table prints AlphaCode with 414亿 parameters; the paper says 41.1B
    assert "AlphaCode\t代码生成\t414亿" in seed_text
    alpha = [r for r in rows if (r["id"], r["field"]) == ("alphacode", "parameters")]
    assert alpha and alpha[0]["reported"] == "414亿" and alpha[0]["corrected"] == 41_100_000_000
    assert alpha[0]["kind"] == "model" and alpha[0]["sources"]


def test_corrections_filter_by_kind_and_field_in_any_case() -> None:
    rows = _json("corrections", "--kind", "Models", "--field", "PARAMETERS")
    assert rows and {(r["kind"], r["field"]) for r in rows} == {("model", "parameters")}
    table = run_fast("corrections", "--kind", "model", "--field", "parameters").stdout
    assert "414亿" in table and "41.1B" in table  # the corrected value as its field writes it
    _usage(run_fast("corrections", "--field", "paramters"), "did you mean parameters?")
    _usage(run_fast("corrections", "--kind", "modle"), "--kind", "did you mean models?")


# --------------------------------------------------------------------------- --where


def test_where_filters_on_the_lists_json_keys() -> None:
    every = _json("models", "list")
    wide = _json("models", "list", "--where", "context_window > 100000")
    assert wide and [m["id"] for m in wide] == [
        m["id"] for m in every if (m["context_window"] or 0) > 100000
    ]
    # the contract's own example runs (booleans are 0/1)
    both = _json("models", "list", "--where", "context_window > 100000 and open_weights")
    assert [m["id"] for m in both] == [m["id"] for m in wide if m["open_weights"]]
    # a header is a name for its field: the table says Context
    assert _json("models", "list", "--where", "Context > 100000") == wide


def test_where_compares_a_parameter_count_by_its_figure() -> None:
    # the report: PaLM 5400亿 (540B); LLaMA 2 is 7B-70B, under 100B at its largest
    big = {m["id"] for m in _json("models", "list", "--where", "parameters > 100e9")}
    assert "palm" in big and "gpt-3" in big and "llama-2" not in big
    assert all(
        m["parameters"] is not None
        for m in _json("models", "list", "--where", "parameters > 0", "--fields", "parameters")
    )


def test_where_on_every_list_command_keeps_all_or_nothing() -> None:
    commands = {k.command for k in R.KINDS.values() if k.command and k.bundled} | {
        "scores list",
        "corrections",
    }
    for command in sorted(c for c in commands if c):
        args = command.split()
        every = _json(*args)
        assert _json(*args, "--where", "1 = 1") == every, command
        assert _json(*args, "--where", "1 = 0") == [], command
    hits = _json("search", "claude", "--where", "kind = 'model'")
    assert hits and {h["kind"] for h in hits} == {"model"}
    rows = _json(
        "sql", "SELECT id, context_window FROM models", "--where", "context_window >= 200000"
    )
    assert rows and all(r["context_window"] >= 200000 for r in rows)


@pytest.mark.parametrize(
    ("args", "expr"),
    [
        (["models", "list"], "context_window >= 128000"),
        (["models", "list"], "vendor = 'openai' and released >= '2023'"),
        (["models", "list"], "Context > 100000 or name like '%Claude%'"),
        (["models", "list"], "\"Open weights\" = 1 and status = 'released'"),
        (["models", "list"], "open_weights is null and kind = 'model'"),
        (["timeline"], "kind = 'release' and date >= '2023'"),
        (["scores", "list"], "value > 90 and unit = '%'"),
    ],
)
def test_where_on_stored_fields_is_the_where_on_the_output(
    args: list[str], expr: str, imported_dir: Path
) -> None:
    """A --where that names only plain fields filters the stored records (the output
    is made for the kept ones alone; an imported model stores no field at its
    default): the same rows as the expression run over every record's full output."""
    from genai_cli import load_catalog
    from genai_cli.answers.sql import where

    kind = {"models": "models", "timeline": "events", "scores": "scores"}[args[0]]
    cat = load_catalog(imported_dir)
    k = R.KINDS[kind]
    every = _json("--data-dir", str(imported_dir), *args)
    reference = where(every, cat.keys(kind), k.types(cat.shapes), expr)
    got = _json("--data-dir", str(imported_dir), *args, "--where", expr)
    assert got == reference and got, expr


@pytest.mark.parametrize(
    ("expr", "needle"),
    [
        ("bogus > 1", "no such column: bogus (list them: genai fields models)"),
        ("context_window >", "the expression ends too early"),
        ("1; DELETE FROM models", "--where"),
        ("", "give an SQL expression"),
    ],
)
def test_a_bad_where_is_a_usage_error(expr: str, needle: str) -> None:
    _usage(run_fast("models", "list", "--where", expr), "genai models list: --where", needle)


# --------------------------------------------------------------------------- sort and fields


def test_sort_minus_key_is_descending() -> None:
    down = _json("models", "list", "--sort", "-context_window", "--fields", "id,context_window")
    assert down == _json(
        "models", "list", "--sort", "context_window", "--desc", "--fields", "id,context_window"
    )
    values = [m["context_window"] for m in down if m["context_window"] is not None]
    assert values == sorted(values, reverse=True)
    assert all(m["context_window"] is None for m in down[len(values) :])  # nulls last
    # ties stay in id order either way
    tied = [m["id"] for m in down if m["context_window"] == values[0]]
    assert tied == sorted(tied)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["models", "list", "--sort", "Context"], "context_window"),
        (["models", "list", "--sort", "-params"], "parameters"),
        (["predictions", "--sort", "By"], "target_year"),
        (["vendors", "list", "--sort", "Models"], "models"),
        (["vendors", "list", "--sort", "中文名"], "name_zh"),
    ],
)
def test_sort_takes_the_names_tables_show(args: list[str], key: str) -> None:
    r = run_fast(*args, "--fields", f"id,{key}" if args[0] != "predictions" else key, "--json")
    assert r.exit_code == 0, r.stderr
    assert key in json.loads(r.stdout)[0]


def test_fields_take_headers_in_any_case() -> None:
    rows = _json("models", "list", "--fields", "ID,Name,Context,Open", "--limit", "2")
    assert [list(r) for r in rows] == [["id", "name", "context_window", "open_weights"]] * 2
    r = run_fast("models", "list", "--fields", "id,Context", "-f", "csv", "--limit", "1")
    assert r.stdout.splitlines()[0] == "id,context_window"


def test_vendors_list_shows_its_models_as_a_field() -> None:
    rows = _json("vendors", "list", "--fields", "id,models")
    anthropic = next(v for v in rows if v["id"] == "anthropic")
    claude3 = {"claude-3-opus", "claude-3-sonnet", "claude-3-haiku"}
    assert claude3 <= set(anthropic["models"])
    table = run_fast("vendors", "list").stdout
    assert "Models" in table.splitlines()[0]


def test_fields_lists_every_field_of_every_kind(catalog) -> None:  # type: ignore[no-untyped-def]
    for kind in R.KINDS.values():
        rows = _json("fields", kind.singular)
        assert [r["field"] for r in rows] == catalog.keys(kind.name), kind.name
        assert [r["field"] for r in rows if r["column"]] == [
            c for c in catalog.keys(kind.name) if c in kind.columns
        ]
    models = {r["field"]: r for r in _json("fields", "models")}
    assert models["context_window"]["header"] == "Context"
    assert models["parameters_detail"]["derived"] is True
    assert models["domain"]["choices"] == ["nlp", "cv", "multimodal"]
    assert models["released"]["description"]
    r = run_fast("fields", "models")
    assert r.exit_code == 0 and "context_window" in r.stdout and "Context" in r.stdout
    _usage(run_fast("fields", "modle"), "did you mean models?")


# --------------------------------------------------------------------------- closed sets


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (["models", "list", "--modality", "Video"], "modalities", "video"),
        (["models", "list", "--domain", "NLP"], "domain", "nlp"),
        (["timeline", "--kind", "RELEASE"], "kind", "release"),
        (["market", "--status", "Forecast"], "status", "forecast"),
        (["findings", "--kind", "Quote"], "kind", "quote"),
    ],
)
def test_closed_set_filters_fold_case(args: list[str], field: str, value: str) -> None:
    rows = _json(*args)
    assert rows
    for r in rows:
        assert r[field] == value or value in r[field]
    assert rows == _json(*args[:-1], value)


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["models", "list", "--modality", "vidoe"], "did you mean video?"),
        (["models", "list", "--domain", "nlpp"], "did you mean nlp?"),
        (["timeline", "--kind", "relase"], "did you mean release?"),
        (["market", "--status", "forcast"], "did you mean forecast?"),
        (["findings", "--kind", "quotes"], "did you mean quote?"),
        (["search", "x", "--kind", "modle"], "did you mean models?"),
    ],
)
def test_closed_set_filters_refuse_unknown_values(args: list[str], suggestion: str) -> None:
    _usage(run_fast(*args), "invalid choice" if args[0] != "search" else "unknown kind", suggestion)


def test_limit_takes_zero_and_refuses_a_negative() -> None:
    """``--limit N`` takes 0 or more: 0 is an empty list (exit 0), -1 a usage error."""
    r = run_fast("models", "list", "--limit", "0", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    assert json.loads(run_fast("models", "list", "--limit", "1", "--json").stdout)[0]["id"]
    r = run_fast("models", "list", "--limit", "-1")
    assert r.exit_code == 2 and "--limit: must be 0 or more, got -1" in r.stderr
