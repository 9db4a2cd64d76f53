"""The Python library: full records, types mypy sees, query functions that take
names, docstrings on the public API, and ``dir(genai_cli)``."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

import genai_cli
from genai_cli import NotFound, load_catalog
from genai_cli.answers import queries
from genai_cli.answers.catalog import Catalog
from genai_cli.dataset import registry as R

from conftest import run_fast


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(bundled_only=True)


def test_records_are_full(cat: Catalog) -> None:
    for kind in R.KINDS.values():
        fields = [*cat.shapes[kind.schema]["fields"], *kind.detail]  # models: offerings, ...
        for rec in cat.records(kind.name):
            assert list(rec) == fields, (kind.name, rec.get("id"))
    # the compact form leaves defaults out: the full one never raises KeyError
    assert any("context_window" not in m for m in cat.compact("models"))
    assert all("context_window" in m for m in cat.records("models"))
    # the report: GPT-4 8K (the data holds 8,192); Claude 3 200K
    assert cat.get("models", "GPT4")["context_window"] == 8192
    assert cat.get("models", "Claude 3 Opus")["context_window"] == 200_000


def test_typed_access_is_visible_to_mypy(tmp_path: Path) -> None:
    use = tmp_path / "use.py"
    use.write_text(
        "from genai_cli import load_catalog\n"
        "cat = load_catalog()\n"
        'reveal_type(cat.get("models", "gpt-4")["context_window"])\n'
        'reveal_type(cat.records("benchmarks")[0]["higher_is_better"])\n'
        'reveal_type(cat.typed("models", "gpt-4"))\n'
        'cat.get("models", "gpt-4")["no_such_field"]\n',
        encoding="utf-8",
    )
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(use)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    out = r.stdout
    assert 'Revealed type is "int | None"' in out, out
    assert 'Revealed type is "bool"' in out, out
    assert 'Revealed type is "genai_cli.dataset.schema.Model"' in out, out
    assert '"ModelRecord" has no key "no_such_field"' in out, out


def test_query_functions_take_names(cat: Catalog) -> None:
    by_id = queries.compare(cat, ["gpt-4", "claude-3-opus"], ["mmlu"])
    by_name = queries.compare(cat, ["GPT4", "Claude 3 Opus"], ["MMLU"])
    assert by_name == by_id and by_id["scores"]
    assert queries.leaderboard(cat, "MMLU") == queries.leaderboard(cat, "mmlu")
    assert queries.scores_of_model(cat, "GPT4") == queries.scores_of_model(cat, "gpt-4")
    assert queries.models_of_vendor(cat, "谷歌") == queries.models_of_vendor(cat, "google")
    assert queries.models_on_architecture(cat, "Transformer") == queries.models_on_architecture(
        cat, "transformer"
    )
    assert queries.events_where(cat, vendors=["OpenAI"], models=["ChatGPT"]) == (
        queries.events_where(cat, vendors=["openai"], models=["gpt-3.5"])
    )
    assert queries.scores_where(cat, models=["GPT4"], benchmarks=["MMLU"]) == (
        queries.scores_where(cat, models=["gpt-4"], benchmarks=["mmlu"])
    )
    assert queries.filter_models(cat, vendors=["Anthropic"]) == queries.filter_models(
        cat, vendors=["anthropic"]
    )
    with pytest.raises(NotFound):
        queries.compare(cat, ["gpt-4", "gpt-9"])
    with pytest.raises(NotFound):
        queries.leaderboard(cat, "no-such-bench")


NAMED = {"vendor_id", "model_id", "benchmark_id", "arch_id", "model_ids", "benchmark_ids"}
NAMED |= {"vendors", "models", "benchmarks", "architectures"}
TESTED = {
    "compare", "leaderboard", "scores_of_model", "models_of_vendor", "models_on_architecture",
    "events_where", "scores_where", "filter_models", "resolve_all", "vendor_lineage",
    "vendor_family",
}  # fmt: skip


def test_every_query_function_that_takes_records_is_tested_with_names() -> None:
    takes = {
        name
        for name, f in inspect.getmembers(queries, inspect.isfunction)
        if f.__module__ == queries.__name__
        and not name.startswith("_")
        and NAMED & set(inspect.signature(f).parameters)
    }
    assert takes <= TESTED, takes - TESTED


def test_the_public_api_has_docstrings_and_dir_shows_it() -> None:
    assert dir(genai_cli) == sorted(genai_cli.__all__)
    for name in genai_cli.__all__:
        assert getattr(genai_cli, name) is not None
    missing = [
        f"queries.{name}"
        for name, f in inspect.getmembers(queries, inspect.isfunction)
        if f.__module__ == queries.__name__ and not name.startswith("_") and not f.__doc__
    ]
    missing += [
        f"Catalog.{name}"
        for name, f in inspect.getmembers(Catalog, inspect.isfunction)
        if not name.startswith("_") and not f.__doc__
    ]
    assert missing == []
    assert genai_cli.load_catalog.__doc__ and Catalog.__doc__ and genai_cli.__doc__


def test_the_package_docstring_examples_run() -> None:
    import doctest

    assert doctest.testmod(genai_cli).failed == 0


def test_every_record_says_what_it_rests_on(cat: Catalog) -> None:
    registry = cat.by_id("sources")
    for kind in R.LIST_KINDS:
        for rec in cat.outputs(kind, cat.compact(kind)):
            refs = {s["ref"] for s in rec["sources"]} - {"report", "fact-check"}
            kinds = {registry[r]["kind"] for r in refs}
            expected = (
                "primary"
                if kinds & {"paper", "blog", "documentation", "filing"}
                else ("secondary" if refs else "report only")
            )
            assert rec["verification"] == expected, (kind, R.record_id(kind, rec))
    # GPT-4 rests on OpenAI's technical report; the report's risk list on the report alone
    gpt4 = cat.output("models", cat.by_id("models")["gpt-4"])
    assert gpt4["verification"] == "primary"
    assert any("arxiv.org/abs/2303.08774" in (s.get("url") or "") for s in gpt4["sources"])
    assert {r["verification"] for r in cat.outputs("risks", cat.compact("risks"))} == {
        "report only"
    }


def test_load_catalog_reads_the_folder_the_cli_reads(
    imported_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GENAI_DATA_DIR names the data folder for Python as for the CLI: the same models,
    with the imported catalogs' offerings; an argument still wins."""
    monkeypatch.setenv("GENAI_DATA_DIR", str(imported_dir))
    r = run_fast("models", "list", "--json")
    assert r.exit_code == 0, r.stderr
    cli = {m["id"] for m in json.loads(r.stdout)}
    cat = load_catalog()
    assert {m["id"] for m in cat.compact("models")} == cli
    assert len(cli) > len(load_catalog(bundled_only=True).compact("models"))
    assert cat.extras("claude-3-opus")["offerings"]
    assert len(load_catalog(imported_dir).compact("models")) == len(cli)
    monkeypatch.delenv("GENAI_DATA_DIR")
    assert len(load_catalog().compact("models")) < len(cli)  # the default folder: empty


def test_get_and_records_give_what_the_clis_json_gives(imported_dir: Path) -> None:
    """A model's offerings, claims, conflicts and versions from Python are those of
    ``models show --json``; ``records("offerings")`` is ``genai offerings --json``,
    a list of flat dicts (what pandas.DataFrame takes); without imports the keys
    are there, empty."""
    cat = load_catalog(imported_dir)
    shown = json.loads(
        run_fast(
            "--data-dir", str(imported_dir), "models", "show", "claude-3-opus", "--json"
        ).stdout
    )
    got = cat.get("models", "Claude 3 Opus")
    for key in ("versions", "offerings", "claims", "conflicts", "close", "external_ids"):
        assert got[key] == shown[key], key
    assert got["offerings"] and got["claims"]
    assert got["parameters"] == shown["parameters_detail"]  # the full record's quantity
    listed = json.loads(run_fast("--data-dir", str(imported_dir), "offerings", "--json").stdout)
    assert cat.records("offerings") == listed
    by_id = {m["id"]: m for m in cat.records("models")}
    assert by_id["claude-3-opus"]["offerings"] == shown["offerings"]
    bare = load_catalog(bundled_only=True).get("models", "claude-3-opus")
    assert bare["offerings"] == [] and bare["conflicts"] == []
