"""A re-import says what changed since the file it replaces (models, offerings, prices,
limits, version), as text on stderr and as the JSON summary's ``changes``; an older
catalog over a newer one is refused unless ``--force``. Runs the real CLI on
versions of the LiteLLM fixture excerpt written here, so every change is known."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE_FILES, run_fast, run_typer

MEMBER = "litellm/model_prices_and_context_window_backup.json"


def _wheel(folder: Path, version: str | None, date: tuple[int, int, int], data: Any) -> Path:
    """A LiteLLM wheel of ``version`` (none: a plain zip), its file dated ``date``."""
    name = f"litellm-{version}-py3-none-any.whl" if version else f"litellm-nightly{date[1]}.zip"
    path = folder / name
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo(MEMBER, (*date, 0, 0, 0)), json.dumps(data, indent=4))
        if version:
            z.writestr(
                f"litellm-{version}.dist-info/METADATA", f"Name: litellm\nVersion: {version}\n"
            )
    return path


def _fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE_FILES["litellm"].read_text(encoding="utf-8"))
    return data


def _newer() -> dict[str, Any]:
    """The fixture with one price and one limit changed, two offerings gone (one the
    only offering of its model) and two new (one of a new model, one of a model
    whose other offerings stay as they were)."""
    data = _fixture()
    data["gpt-4o"]["input_cost_per_token"] = 3e-06  # 2.5 -> 3 per 1M: +20%
    data["gpt-4.1"]["max_output_tokens"] = 65536  # 32,768 -> 65,536
    del data["replicate/meta/llama-2-70b-chat"]  # its model's only offering
    del data["vertex_ai/claude-3-sonnet@20240229"]  # its model's other offering stays
    data["gpt-9-mini"] = {
        "litellm_provider": "openai",
        "mode": "chat",
        "input_cost_per_token": 1e-07,
        "output_cost_per_token": 4e-07,
        "max_input_tokens": 400000,
        "max_output_tokens": 128000,
    }
    # a new host of a model whose other offerings did not change
    data["openrouter/openai/gpt-4-turbo"] = {
        **data["gpt-4-turbo"],
        "litellm_provider": "openrouter",
    }
    return data


def _import(folder: Path, path: Path, *more: str) -> Any:
    return run_fast("--data-dir", str(folder), "import", "litellm", str(path), *more)


def _changes(folder: Path, path: Path, *more: str) -> Any:
    r = _import(folder, path, "--json", *more)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)["changes"]


def _offering(provider: str, id: str, key: str, model: str) -> dict[str, str]:
    return {"provider": provider, "id": id, "key": key, "model": model}


CHANGES = {
    "version": {"old": "1.2.0", "new": "1.10.0"},
    "as_of": {"old": "2025-01-31", "new": "2025-06-30"},
    "entries": {"added": 2, "removed": 2, "changed": 2},
    "models": {"added": ["gpt-9-mini"], "removed": ["llama-2-70b-chat"]},
    "offerings": {
        "added": [
            _offering("openai", "gpt-9-mini", "gpt-9-mini", "gpt-9-mini"),
            _offering(
                "openrouter", "openai/gpt-4-turbo", "openrouter/openai/gpt-4-turbo", "gpt-4-turbo"
            ),
        ],
        "removed": [
            _offering(
                "google-vertex",
                "claude-3-sonnet@20240229",
                "vertex_ai/claude-3-sonnet@20240229",
                "claude-3-sonnet",
            ),
            _offering(
                "replicate",
                "meta/llama-2-70b-chat",
                "replicate/meta/llama-2-70b-chat",
                "llama-2-70b-chat",
            ),
        ],
    },
    "prices": [
        {
            **_offering("openai", "gpt-4o", "gpt-4o", "gpt-4o"),
            "input": {"old": 2.5, "new": 3.0, "percent": 20.0},
            "output": {"old": 10.0, "new": 10.0, "percent": 0.0},
        }
    ],
    "limits": [
        {
            **_offering("openai", "gpt-4.1", "gpt-4.1", "gpt-4.1"),
            "field": "max_output_tokens",
            "old": 32768,
            "new": 65536,
        }
    ],
}


def test_a_reimport_says_what_changed(tmp_path: Path) -> None:
    old = _wheel(tmp_path, "1.2.0", (2025, 1, 31), _fixture())
    new = _wheel(tmp_path, "1.10.0", (2025, 6, 30), _newer())  # 1.10 is after 1.2
    data = tmp_path / "d"
    assert _changes(data, old) is None  # a first import
    assert _changes(data, new) == CHANGES
    assert _import(data, old, "--force").exit_code == 0
    r = _import(data, new)
    assert r.exit_code == 0 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[0].startswith("imported litellm 1.10.0 (as of 2025-06-30)")
    assert lines[lines.index("  changes since the file it replaces (litellm 1.2.0):") :] == [
        "  changes since the file it replaces (litellm 1.2.0):",
        "    version 1.2.0 -> 1.10.0",
        "    as of 2025-01-31 -> 2025-06-30",
        "    offerings: 2 added, 2 removed, 2 changed",
        "      added openai gpt-9-mini",
        "      added openrouter openai/gpt-4-turbo",
        "      removed google-vertex claude-3-sonnet@20240229",
        "      removed replicate meta/llama-2-70b-chat",
        "    models: 1 added: gpt-9-mini",
        "    models: 1 removed: llama-2-70b-chat",
        "    prices: 1 offering changed (USD per 1M tokens)",
        "      openai gpt-4o: input $2.5 -> $3 (+20%), output $10 (same)",
        "    limits: 1 offering changed",
        "      openai gpt-4.1: max_output_tokens 32,768 -> 65,536",
    ]


def test_the_same_catalog_again_has_no_changes(tmp_path: Path) -> None:
    for catalog in ("litellm", "helm"):
        args = ["--data-dir", str(tmp_path), "import", catalog, str(FIXTURE_FILES[catalog])]
        assert run_fast(*args).exit_code == 0
        r = run_fast(*args)
        assert r.exit_code == 0
        assert r.stderr.splitlines()[-1] == f"  no changes since the file it replaces ({catalog})"
        changes = json.loads(run_fast(*args, "--json").stdout)["changes"]
        assert changes["entries"] == {"added": 0, "removed": 0, "changed": 0}
        assert changes["models"] == {"added": [], "removed": []}
        assert changes["prices"] == changes["limits"] == []
        offerings = None if catalog == "helm" else {"added": [], "removed": []}
        assert changes["offerings"] == offerings


def test_the_human_summary_lists_five_of_each(tmp_path: Path) -> None:
    """Every price up by 10%: the text lists 5 and says how many more; JSON has all."""
    data = _fixture()
    for entry in data.values():
        if isinstance(entry.get("input_cost_per_token"), float) and entry["input_cost_per_token"]:
            entry["input_cost_per_token"] *= 1.1
    old = _wheel(tmp_path, "1.0", (2025, 1, 1), _fixture())
    new = _wheel(tmp_path, "1.0.1", (2025, 1, 1), data)
    assert _import(tmp_path / "d", old).exit_code == 0
    prices = _changes(tmp_path / "d", new)["prices"]
    assert len(prices) == 30 and {p["input"]["percent"] for p in prices} == {10.0}
    assert _import(tmp_path / "d", old, "--force").exit_code == 0
    err = _import(tmp_path / "d", new).stderr.splitlines()
    at = err.index("    prices: 30 offerings changed (USD per 1M tokens)")
    assert err[at - 1] == "    offerings: 0 added, 0 removed, 30 changed"
    assert [line.split(": ")[0] for line in err[at + 1 :]] == [
        "      amazon-bedrock anthropic.claude-3-opus-20240229-v1:0",
        "      amazon-bedrock eu.anthropic.claude-3-opus-20240229-v1:0",
        "      amazon-bedrock us-east-1/meta.llama3-8b-instruct-v1:0",
        "      amazon-bedrock us-gov-east-1/anthropic.claude-3-haiku-20240307-v1:0",
        "      amazon-bedrock us.anthropic.claude-3-opus-20240229-v1:0",
        "      ... and 25 more",
    ]
    assert err[at + 3].endswith(": input $0.3 -> $0.33 (+10%), output $0.6 (same)")


@pytest.mark.parametrize("how", ["version", "as_of"])
def test_an_older_catalog_is_refused_unless_forced(tmp_path: Path, how: str) -> None:
    if how == "version":  # 1.9.0 is before 1.10.0; the newer file even has the older date
        new = _wheel(tmp_path, "1.10.0", (2025, 1, 1), _newer())
        old = _wheel(tmp_path, "1.9.0", (2025, 6, 1), _fixture())
        said = "litellm 1.9.0 is older than the imported 1.10.0"
    else:  # no versions: the as-of dates say
        new = _wheel(tmp_path, None, (2025, 6, 1), _newer())
        old = _wheel(tmp_path, None, (2025, 1, 1), _fixture())
        said = "litellm as of 2025-01-01 is older than the imported as of 2025-06-01"
    data = tmp_path / "d"
    target = data / "catalogs" / "litellm.json"
    assert _import(data, new).exit_code == 0
    before = target.read_bytes()
    for more in ([], ["--json"]):
        r = _import(data, old, *more)
        assert (r.exit_code, r.stdout) == (1, "")
        assert r.stderr == f"genai import: {said} ({target}); use --force to import it anyway\n"
        assert target.read_bytes() == before  # nothing overwritten
    typer = run_typer("--data-dir", str(data), "import", "litellm", str(old))  # the same there
    assert (typer.exit_code, typer.stderr) == (1, r.stderr) and target.read_bytes() == before
    changes = _changes(data, old, "--force")
    assert changes["models"] == {"added": ["llama-2-70b-chat"], "removed": ["gpt-9-mini"]}
    assert changes["prices"][0]["input"] == {"old": 3.0, "new": 2.5, "percent": -16.67}
    assert target.read_bytes() != before


def test_versions_compare_as_numbers() -> None:
    from genai_cli.catalogs.changes import older, version_key

    order = ["1.0.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1", "1.2", "1.10", "2"]
    keys = [version_key(v) for v in order]
    assert keys == sorted(keys, key=lambda k: k or ())  # type: ignore[arg-type, return-value]
    assert version_key("1.0") == version_key("1") and version_key("nightly") is None
    assert older("1.9", None, {"version": "1.10", "as_of": None}) == "version"
    assert older("1.10", None, {"version": "1.9"}) is None
    assert older("1.10", "2025-01-01", {"version": "1.10", "as_of": "2025-02-01"}) is None
    assert older(None, "2025-01-01", {"version": "1.10", "as_of": "2025-02-01"}) == "as_of"
    assert older(None, None, {"version": "1.10", "as_of": "2025-02-01"}) is None


def test_a_damaged_file_is_replaced_with_no_changes_to_tell(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path), "import", "litellm", str(FIXTURE_FILES["litellm"])]
    assert run_fast(*args).exit_code == 0
    target = tmp_path / "catalogs" / "litellm.json"
    good = target.read_text(encoding="utf-8")
    no_facts = good.replace('"facts":', '"fact":', 1).replace('"key":"gpt-4o"', '"key":"x"', 1)
    for damaged in ("{not json", no_facts):
        target.write_text(damaged, encoding="utf-8")
        r = run_fast(*args, "--json")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout)["changes"] is None
        assert target.read_text(encoding="utf-8") == good
