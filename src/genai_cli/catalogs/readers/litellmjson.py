"""LiteLLM: ``model_prices_and_context_window.json`` (or the ``_backup.json`` in the package).

Shape: ``{key: {litellm_provider, mode, input_cost_per_token, ...}}``.

* ``key`` is the dict key; ``provider`` is ``litellm_provider``; ``id`` is the key
  without a first segment that repeats the provider (``azure/gpt-4`` ->
  ``gpt-4``; ``vertex_ai/claude-3-opus@20240229`` of ``vertex_ai-anthropic_models``
  -> ``claude-3-opus@20240229``; ``openrouter/anthropic/claude-3-opus`` ->
  ``anthropic/claude-3-opus``). Anything else stays as it is: bedrock's
  ``us.anthropic.claude-3-opus-20240229-v1:0``, region paths, image sizes.
* ``url`` is ``source``; ``mode`` is ``mode``; name, creator, description: None.
* facts: ``max_input_tokens``, ``max_output_tokens``, ``supported_modalities`` /
  ``supported_output_modalities``, ``deprecation_date``, and ``pricing`` from
  ``input_cost_per_token``, ``output_cost_per_token``,
  ``cache_read_input_token_cost``, ``cache_creation_input_token_cost`` (USD per
  token, times 1e6), and ``price_thresholds``: the prompt sizes the
  ``..._above_200k_tokens`` prices start at (200,000), and ``pricing_off_peak``
  from ``off_peak_pricing`` (DeepSeek's lower price at set hours). No ``context_window``: LiteLLM states input and output
  limits, not a window. ``max_tokens`` is a legacy field that means the output
  limit or else the input limit, so it is not used.
* skipped: ``sample_spec`` (documentation), ``alias_of`` entries (a pointer to
  another entry, no facts of its own), entries without ``litellm_provider`` or
  without ``mode`` (pricing tiers such as ``fireworks-ai-up-to-4b``, not models),
  price brackets by model size even where they have a mode
  (``together-ai-4.1b-8b``, ``together-ai-embedding-up-to-150m``: a key with no
  ``/`` ending in a size range), and entries with no usable facts. Entries of every mode (embedding,
  image_generation, audio_speech, ...) are kept, with ``mode`` set.
"""

from __future__ import annotations

import re

from .common import (
    PROGRESS_EVERY,
    Entry,
    Facts,
    Notes,
    PriceKey,
    Progress,
    count_value,
    date_value,
    fail,
    modalities_value,
    price_value,
    pricing_value,
    skip_reason_no_facts,
    url_value,
)
from .jsontext import decode_utf8, json_kind, load_json, looks_like

# A price bracket by model size: ``together-ai-4.1b-8b``, ``...-up-to-150m``,
# ``...-151m-to-350m`` (only for keys without a ``/``: a model path is a model).
# input_cost_per_token_above_200k_tokens: the price above a prompt of 200,000 tokens
_ABOVE = re.compile(r"_above_(\d+)k_tokens$")
_SIZE_BRACKET = re.compile(r"-(?:up-to-|\d+(?:\.\d+)?[mb]-(?:to-)?)\d+(?:\.\d+)?[mb]$")

EXPECTED = (
    "expected LiteLLM's model_prices_and_context_window.json: an object of model "
    'names, each {"litellm_provider", "mode", "input_cost_per_token", ...}'
)
PRICES: dict[PriceKey, str] = {
    "input": "input_cost_per_token",
    "output": "output_cost_per_token",
    "cache_read": "cache_read_input_token_cost",
    "cache_write": "cache_creation_input_token_cost",
}
"""LiteLLM's key for each price (USD per token)."""


def model_id(key: str, provider: str) -> str:
    """The key without a first path segment that names its own provider."""
    head, sep, rest = key.partition("/")
    if not sep or not rest:
        return key
    h = head.replace("-", "_")
    p = provider.replace("-", "_")
    if p == h or p.startswith(h + "_"):
        return rest
    return key


def read(
    raw: bytes, display: str, progress: Progress | None
) -> tuple[list[Entry], Notes, int, str | None]:
    data = load_json(decode_utf8(raw, display), display, EXPECTED)
    if not isinstance(data, dict):
        fail(display, f"{EXPECTED}; found {json_kind(data)}")
    if not any(isinstance(v, dict) and "litellm_provider" in v for v in data.values()):
        other = looks_like(data)
        if other is None or other.startswith("LiteLLM"):
            fail(display, EXPECTED + "; no entry has a litellm_provider")
        fail(display, f"{EXPECTED}; this looks like {other}")
    notes = Notes()
    entries: list[Entry] = []
    total = len(data)
    done = 0
    for key, v in data.items():
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if key == "sample_spec":
            notes.skip("not a model (sample_spec)")
            continue
        if not isinstance(v, dict):
            notes.skip("entry is not an object")
            continue
        provider = v.get("litellm_provider")
        if not isinstance(provider, str) or not provider.strip():
            if "alias_of" in v:
                notes.skip("alias of another entry (alias_of)")
            else:
                notes.skip("no litellm_provider")
            continue
        mode = v.get("mode")
        if not isinstance(mode, str) or not mode.strip():
            notes.skip("no mode (a pricing tier or a voice family, not a model)")
            continue
        mode = mode.strip().lower()
        if "/" not in key and _SIZE_BRACKET.search(key):
            notes.skip("a price bracket by model size, not a model")
            continue
        facts = _facts(v, notes)
        if not facts:
            notes.skip(skip_reason_no_facts(mode))
            continue
        provider = provider.strip()
        entries.append(
            {
                "key": key,
                "provider": provider,
                "id": model_id(key, provider),
                "aliases": [],
                "name": None,
                "creator": None,
                "description": None,
                "url": url_value(v.get("source"), "source", notes),
                "mode": mode,
                "facts": facts,
            }
        )
    if progress is not None:
        progress(total, total)
    return entries, notes, total, None


def _facts(v: dict[str, object], notes: Notes) -> Facts:
    facts: Facts = {}
    get = v.get
    n = count_value(get("max_input_tokens"), "max_input_tokens", notes)
    if n is not None:
        facts["max_input_tokens"] = n
    n = count_value(get("max_output_tokens"), "max_output_tokens", notes)
    if n is not None:
        facts["max_output_tokens"] = n
    mods = modalities_value(get("supported_modalities"), "supported_modalities", notes)
    if mods is not None:
        facts["input_modalities"] = mods
    mods = modalities_value(
        get("supported_output_modalities"), "supported_output_modalities", notes
    )
    if mods is not None:
        facts["output_modalities"] = mods
    date = date_value(get("deprecation_date"), "deprecation_date", notes)
    if date is not None:
        facts["deprecation_date"] = date
    pricing = pricing_value(lambda key: price_value(get(PRICES[key]), PRICES[key], notes, True))
    if pricing is not None:
        facts["pricing"] = pricing
        thresholds = sorted(
            {int(m.group(1)) * 1000 for f in v if (m := _ABOVE.search(f)) is not None}
        )
        if thresholds:
            facts["price_thresholds"] = thresholds
    off_peak = get("off_peak_pricing")  # DeepSeek's lower price at set hours
    if isinstance(off_peak, dict):
        where = {k: f"off_peak_pricing.{name}" for k, name in PRICES.items()}
        found = pricing_value(
            lambda key: price_value(off_peak.get(PRICES[key]), where[key], notes, True)
        )
        if found is not None:
            facts["pricing_off_peak"] = found
    return facts
