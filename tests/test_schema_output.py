"""``genai schema`` describes what genai prints: every record that a list's
``--json``, a ``show``, ``compare`` or an export emits validates (with
``jsonschema``) against ``genai schema KIND``, bundled-only and with catalogs
imported; ``--fields`` prints a projection (some keys, each valid against its
property). ``genai schema --input KIND`` is the data-file schema: the bundled data
files satisfy it, and it refuses the keys only genai's output has."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from genai_cli.dataset import registry as R
from genai_cli.dataset.registry import kind_for_path

from conftest import ROOT, load_yaml, run_fast, run_typer

DATA_FILES = ROOT / "src" / "genai_cli" / "data"
SOURCES = ("bundled", "imported")


def _json(*args: str) -> Any:
    r = run_fast(*args)
    assert r.exit_code == 0, (args, r.stderr)
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    """``genai schema``: every kind's printed-record schema, by the kind's singular."""
    return _json("schema")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def inputs() -> dict[str, Any]:
    return _json("schema", "--input")  # type: ignore[no-any-return]


@pytest.fixture(params=SOURCES)
def data(request: pytest.FixtureRequest, imported_dir: Path) -> list[str]:
    """The data to answer from: the bundled dataset alone, or with the four fixture
    catalogs imported (every kind then has records)."""
    return [] if request.param == "bundled" else ["--data-dir", str(imported_dir)]


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _problems(schema: dict[str, Any], records: list[Any]) -> list[str]:
    v = _validator(schema)
    out = []
    for rec in records:
        for e in v.iter_errors(rec):
            where = "/".join(map(str, e.absolute_path))
            out.append(f"{_name(rec)}: {where}: {e.message[:200]}")
    return out[:20]


def _name(rec: Any) -> str:
    if isinstance(rec, dict):
        return str(rec.get("id") or rec.get("model") or rec.get("catalog") or "?")
    return repr(rec)[:40]


def _projection(schema: dict[str, Any]) -> dict[str, Any]:
    """What ``--fields`` prints: some of the record's keys, each valid as in the record."""
    return {k: v for k, v in schema.items() if k != "required"}


LISTED = [k for k in R.KINDS.values() if k.command]
SHOWN = [k for k in R.KINDS.values() if k.show]


# --------------------------------------------------------------------------- printed records


@pytest.mark.parametrize("kind", LISTED, ids=repr)
def test_every_list_prints_records_of_its_schema(
    kind: R.Kind, data: list[str], schemas: dict[str, Any]
) -> None:
    assert kind.command is not None
    rows = _json(*data, *kind.command.split(), "--json")
    if data or kind.bundled:
        assert rows, kind  # something was checked
    assert _problems(schemas[kind.singular], rows) == []


@pytest.mark.parametrize("kind", LISTED, ids=repr)
def test_fields_print_projections_of_the_schema(
    kind: R.Kind, data: list[str], schemas: dict[str, Any]
) -> None:
    """``--fields`` naming every key prints full records; naming some, a projection."""
    assert kind.command is not None
    schema = schemas[kind.singular]
    related = {key for key, _ in kind.related} - {key for key, _, _ in kind.derived}
    every = [key for key in schema["properties"] if key not in related]
    rows = _json(*data, *kind.command.split(), "--fields", ",".join(every), "--json")
    assert _problems(schema, rows) == []
    assert all(list(r) == every for r in rows)
    some = [*kind.columns[::-1], *every[-1:]]
    rows = _json(*data, *kind.command.split(), "--fields", ",".join(dict.fromkeys(some)), "--json")
    assert _problems(_projection(schema), rows) == []


@pytest.mark.parametrize("kind", SHOWN, ids=repr)
def test_every_show_prints_its_record_with_every_key(
    kind: R.Kind, data: list[str], schemas: dict[str, Any], imported_dir: Path
) -> None:
    assert kind.show is not None and kind.command is not None
    schema = schemas[kind.singular]
    ids = [r["id"] for r in _json(*data, *kind.command.split(), "--json")]
    for rid in [*ids[:4], *ids[-4:]]:
        rec = _json(*data, *kind.show.split(), rid, "--json")
        assert _problems(schema, [rec]) == [], rid
        # show has everything: the detail keys lists leave out, and the related records
        assert list(rec) == list(schema["properties"]), rid


def test_compare_prints_models_and_scores_of_their_schemas(
    data: list[str], schemas: dict[str, Any]
) -> None:
    doc = _json(*data, "compare", "gpt-4", "claude-3-opus", "gemini-1.0-ultra", "--json")
    assert doc["models"] and doc["scores"]
    assert _problems(schemas["model"], doc["models"]) == []
    assert _problems(schemas["score"], doc["scores"]) == []


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_exported_record_validates(
    fmt: str, data: list[str], schemas: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / f"export.{fmt}"
    r = run_fast(*data, "export", "-f", fmt, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text) if fmt == "json" else load_yaml(text)
    assert set(doc) == {*R.KINDS, R.SINGLETON}
    assert _problems(schemas[R.SINGLETON], [doc[R.SINGLETON]]) == []
    checked = 0
    for name, kind in R.KINDS.items():
        assert _problems(schemas[kind.singular], doc[name]) == [], name
        checked += len(doc[name])
        if data:
            assert doc[name], name  # with the catalogs imported, every kind has records
    assert checked > (900 if data else 500)  # the join makes one record per model


def test_a_schema_without_a_derived_key_fails_the_records(schemas: dict[str, Any]) -> None:
    """The check bites: drop a derived key from a schema and genai's records fail it."""
    gpt4 = _json("models", "show", "gpt-4", "--json")
    for name, key, rows in (
        ("model", "parameters_detail", [gpt4]),
        ("score", "third_party", gpt4["scores"]),
        ("architecture", "models", _json("architectures", "list", "--json")),
    ):
        schema = json.loads(json.dumps(schemas[name]))
        assert _problems(schema, rows) == []
        del schema["properties"][key]
        schema["required"].remove(key)
        assert _problems(schema, rows) != [], (name, key)


# --------------------------------------------------------------------------- what the schema says


def test_the_schema_follows_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A derived key declared in the registry is in the output schema, typed as declared,
    required unless lists leave it out; no second list of keys to keep in step."""
    from genai_cli.dataset.jsonschemas import output_schema

    risks = R.KINDS["risks"]
    monkeypatch.setattr(risks, "derived", (("ranked", "rank", "int?"), ("peers", None, "list[id]")))
    monkeypatch.setattr(risks, "detail", ("peers",))
    schema = output_schema("risks")
    keys = list(schema["properties"])
    assert keys[keys.index("rank") + 1] == "ranked" and keys[-1] == "peers"
    assert schema["properties"]["ranked"]["anyOf"] == [{"type": "integer"}, {"type": "null"}]
    assert schema["properties"]["peers"]["items"]["type"] == "string"
    assert "ranked" in schema["required"] and "peers" not in schema["required"]


def test_every_schema_is_a_json_schema(schemas: dict[str, Any], inputs: dict[str, Any]) -> None:
    for schema in [*schemas.values(), *inputs.values()]:
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schemas) == {*(k.singular for k in R.KINDS.values()), R.SINGLETON}
    # the data-file schema: only the kinds a data file holds (imports make the others)
    assert set(inputs) == {*(R.KINDS[k].singular for k in R.BUNDLED), R.SINGLETON}


def _accepts(schema: dict[str, Any], key: str, value: Any) -> bool:
    """Does the property ``key`` of ``schema`` accept ``value``?"""
    prop = {**schema["properties"][key], "$defs": schema.get("$defs", {})}
    return _validator(prop).is_valid(value)


def test_values_and_units_as_the_contract_gives_them(schemas: dict[str, Any]) -> None:
    """Undisclosed is null; counts are absolute integers; dates are ISO strings at the
    source's precision; prices USD per 1M tokens."""
    model = schemas["model"]
    for key in ("parameters", "context_window", "training_tokens", "pricing", "open_weights"):
        assert _accepts(model, key, None), key
    assert _accepts(model, "context_window", 128000)
    assert _accepts(model, "training_tokens", 2_000_000_000_000)
    for bad in ("128K", 128.5, "128000", True):
        assert not _accepts(model, "context_window", bad), bad
    q = {"state": "exact", "min": 175_000_000_000, "max": 175_000_000_000, "approximate": False,
         "reported": "1750亿", "note": None}  # fmt: skip
    assert _accepts(model, "parameters", q)
    assert not _accepts(model, "parameters", {**q, "min": "175B"})
    assert not _accepts(model, "parameters", 175_000_000_000)  # printed records are full
    price = {"input": 30.0, "output": 60.0, "currency": "USD", "per": "1M tokens",
             "variant": None, "reported": None, "note": None}  # fmt: skip
    assert _accepts(model, "pricing", price)
    assert not _accepts(model, "pricing", {**price, "currency": "CNY"})
    assert not _accepts(model, "pricing", {**price, "per": "1K tokens"})
    for date in ("2015", "2023-07", "2023-03-14", None):
        assert _accepts(model, "released", date), date
    for bad in (2015, "2023-13", "2023/03/14", "March 2023", "2023-02-30"):
        assert not _accepts(model, "released", bad), bad
    score = schemas["score"]
    assert _accepts(score, "value", 86.8) and not _accepts(score, "value", "86.8%")
    assert _accepts(score, "setting", "0-shot CoT") and _accepts(score, "setting", None)
    assert _accepts(score, "third_party", None)  # unknown publisher
    # a record with a key missing (undisclosed must be null, not absent) fails
    rec = _json("models", "show", "claude-3-opus", "--json")
    assert _problems(model, [rec]) == []
    for drop in (lambda r: r.pop("context_window"), lambda r: r["sources"][0].pop("url")):
        broken = json.loads(json.dumps(rec))
        drop(broken)
        assert _problems(model, [broken]) != []  # nested records are full too


# --------------------------------------------------------------------------- the data-file schema


def _data_files() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(DATA_FILES.rglob("*.yaml")):
        parts = path.relative_to(DATA_FILES).parts
        kind = R.SINGLETON if parts == ("dataset.yaml",) else kind_for_path(parts)
        assert kind is not None, path
        out.append((kind, path))
    return out


def test_the_bundled_data_files_satisfy_the_input_schema(inputs: dict[str, Any]) -> None:
    files = _data_files()
    kinds = {kind for kind, _ in files}
    assert kinds == {*R.BUNDLED, R.SINGLETON}
    n = 0
    for kind, path in files:
        data = load_yaml(path.read_text(encoding="utf-8"))
        records = [data] if kind == R.SINGLETON else data
        name = kind if kind == R.SINGLETON else R.KINDS[kind].singular
        assert _problems(inputs[name], records) == [], path
        n += len(records)
    assert n > 500


def test_the_input_schema_refuses_what_only_genai_prints(
    inputs: dict[str, Any], schemas: dict[str, Any], tmp_path: Path
) -> None:
    """A data file may not write a derived key (nor anything the schema lacks), and a
    printed record with derived keys is not a data-file record; the output schema
    refuses an unknown key too."""
    out = tmp_path / "export.json"
    assert run_fast("export", "-f", "json", "-o", str(out)).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    derived = [k for k in R.KINDS.values() if k.bundled and k.derived]
    assert derived
    for kind in derived:
        schema = inputs[kind.singular]
        printed = doc[kind.name][0]
        base = {k: v for k, v in printed.items() if k in schema["properties"]}
        assert _problems(schema, [base]) == [], kind  # the rest of a printed record is input
        assert _problems(schema, [printed]) != [], kind
        for key, _, _ in kind.derived:
            assert _problems(schema, [{**base, key: printed[key]}]) != [], (kind, key)
    gpt4 = _json("models", "show", "gpt-4", "--json")
    assert _problems(inputs["model"], [gpt4]) != []
    assert _problems(schemas["model"], [{**gpt4, "speed": 1}]) != []


def test_the_input_schema_agrees_with_validate(inputs: dict[str, Any], tmp_path: Path) -> None:
    """What a data file may write: only what identifies a record and its sources, and
    the shorthands genai reads (a year as a number, a count for a quantity, a source
    named by ``ref``); ``genai validate`` accepts what the schema accepts."""
    good = [
        {"id": "acme-1", "name": "Acme 1", "vendor": "openai", "sources": [{"title": "t"}]},
        {"id": "acme-2", "name": "Acme 2", "vendor": "openai", "released": 2021,
         "parameters": 7_000_000_000, "sources": [{"ref": "report", "section": "x"}]},
        {"id": "acme-3", "name": "Acme 3", "vendor": "openai",
         "parameters": {"min": 7_000_000_000, "max": 70_000_000_000}, "sources": [{"title": "t"}]},
    ]  # fmt: skip
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "models.yaml").write_text(yaml.safe_dump(good), encoding="utf-8")
    assert _problems(inputs["model"], good) == []
    r = run_fast("validate", str(folder))
    assert r.exit_code == 0, r.stderr
    for bad in (
        {"id": "acme-4", "name": "Acme 4", "sources": [{"title": "t"}]},  # no vendor
        {"id": "acme-5", "name": "Acme 5", "vendor": "openai", "sources": []},
        {"id": "acme-6", "name": "Acme 6", "vendor": "openai", "sources": [{"section": "x"}]},
        {"id": "Acme 7", "name": "Acme 7", "vendor": "openai", "sources": [{"title": "t"}]},
        {"id": "acme-8", "name": "A", "vendor": "openai", "released": "2021-13",
         "sources": [{"title": "t"}]},
    ):  # fmt: skip
        assert _problems(inputs["model"], [bad]) != [], bad
        (folder / "models.yaml").write_text(yaml.safe_dump([bad]), encoding="utf-8")
        assert run_fast("validate", str(folder)).exit_code == 3, bad


# --------------------------------------------------------------------------- the command


@pytest.mark.parametrize("name", ["model", "models", "MODEL", "agi-levels", "agi_level", "market"])
def test_kind_names_as_elsewhere(name: str, schemas: dict[str, Any]) -> None:
    kind = R.kind_of(name)
    assert _json("schema", name) == schemas[kind.singular]
    assert load_yaml(run_fast("schema", name, "-f", "yaml").stdout) == schemas[kind.singular]
    assert _json("schema", "dataset") == schemas[R.SINGLETON]


def test_input_is_the_data_file_schema(inputs: dict[str, Any]) -> None:
    model = _json("schema", "--input", "model")
    assert model == inputs["model"] == json.loads(run_typer("schema", "model", "--input").stdout)
    assert set(model["required"]) == {"id", "name", "vendor", "sources"}
    assert model["additionalProperties"] is False
    assert "parameters_detail" not in model["properties"]
    printed = _json("schema", "model")
    assert {"parameters_detail", "offerings", "scores"} <= set(printed["properties"])
    r = run_fast("schema", "--input", "offering")
    assert r.exit_code == 2 and "genai import makes them" in r.stderr


@pytest.mark.parametrize("run", [run_fast, run_typer], ids=["fast", "typer"])
def test_an_unknown_kind_is_a_usage_error_with_a_suggestion(run: Any) -> None:
    r = run("schema", "modle")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("genai schema: unknown kind 'modle'")
    assert "did you mean model" in r.stderr  # model or models
    r = run("schema", "widget")
    assert r.exit_code == 2 and "unknown kind 'widget'; expected one of: vendors" in r.stderr
    assert "did you mean" not in r.stderr
    r = run("schema", "model", "-f", "csv")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
