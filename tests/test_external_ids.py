"""Pins for the bundled models' ``external_ids``: each id a vendor's own page shows is that
model (a dated snapshot of it, its API name, or a provider form the identity rules do not
reach), typed in here from those pages -- the quote is in the comment -- and never read back
from the data files. Also: no external id names two models, none is another model's own id,
and an import joins each id to its model (genai_cli.catalogs.joining).
"""

from __future__ import annotations

from typing import Any

import pytest

from genai_cli import load_catalog
from genai_cli.catalogs import joining

CAT = load_catalog()
MODELS = CAT.by_id("models")

# (external id, model). Sources: the x-* entries of data/sources/external-ids.yaml and, for
# the OpenAI models page of 2023, DevDay and the Whisper large-v3 card, the registry entries
# openai-models-docs-2023, openai-devday-2023 and whisper-large-v3-card.
PINS: list[tuple[str, str]] = [
    # OpenAI, "Introducing ChatGPT and Whisper APIs" (2023-03-01): "The ChatGPT model family
    # we are releasing today, gpt-3.5-turbo, is the same model used in the ChatGPT product."
    ("gpt-3.5-turbo", "gpt-3.5"),
    # models page, 2023: "Snapshot of gpt-3.5-turbo from March 1st 2023"
    ("gpt-3.5-turbo-0301", "gpt-3.5"),
    # "Snapshot of gpt-3.5-turbo from June 13th 2023 with function calling data."
    ("gpt-3.5-turbo-0613", "gpt-3.5"),
    # models page, 2024-02-26: gpt-3.5-turbo-1106 "GPT-3.5 Turbo model with improved
    # instruction following"; gpt-3.5-turbo "will be automatically upgraded from
    # gpt-3.5-turbo-0613 to gpt-3.5-turbo-0125"
    ("gpt-3.5-turbo-1106", "gpt-3.5"),
    ("gpt-3.5-turbo-0125", "gpt-3.5"),
    # models page, 2023: "Snapshot of gpt-4 from March 14th 2023."
    ("gpt-4-0314", "gpt-4"),
    # 2024-02-26: gpt-4 "Currently points to gpt-4-0613"; "Snapshot of gpt-4 from June 13th
    # 2023 with improved function calling support."
    ("gpt-4-0613", "gpt-4"),
    # DevDay (2023-11-06): "GPT-4 Turbo is available for all paying developers to try by
    # passing gpt-4-1106-preview in the API"
    ("gpt-4-1106-preview", "gpt-4-turbo"),
    # "New embedding models and API updates" (2024-01-25): "an updated GPT-4 Turbo preview
    # model, gpt-4-0125-preview"; "a new gpt-4-turbo-preview model name alias, which will
    # always point to our latest GPT-4 Turbo preview model"
    ("gpt-4-0125-preview", "gpt-4-turbo"),
    ("gpt-4-turbo-preview", "gpt-4-turbo"),
    # Vision guide: "GPT-4 with Vision, sometimes referred to as GPT-4V or
    # gpt-4-vision-preview in the API"; 2024-02-26: gpt-4-vision-preview "Currently points
    # to gpt-4-1106-vision-preview"
    ("gpt-4-vision-preview", "gpt-4v"),
    ("gpt-4-1106-vision-preview", "gpt-4v"),
    # 2024-02-26: "We offer two different model variates, tts-1 is optimized for real time
    # text to speech use cases and tts-1-hd is optimized for quality."
    ("tts-1", "tts"),
    ("tts-1-hd", "tts"),
    # openai/whisper-large-v3 model card: "Whisper large-v3 has the same architecture as the
    # previous large and large-v2 models"
    ("whisper-large-v3", "whisper-v3"),
    # Anthropic, Model deprecations: "2025-01-21: Claude 2, 2.1, Sonnet 3" -- claude-2.0,
    # claude-2.1, claude-3-sonnet-20240229; "2025-06-30: Claude Opus 3" --
    # claude-3-opus-20240229; "2026-02-19: Claude Haiku 3" -- claude-3-haiku-20240307
    ("claude-2.0", "claude-2"),
    ("claude-3-opus-20240229", "claude-3-opus"),
    ("claude-3-sonnet-20240229", "claude-3-sonnet"),
    ("claude-3-haiku-20240307", "claude-3-haiku"),
    # Amazon Bedrock model IDs: "Anthropic Claude 2.0 anthropic.claude-v2 Anthropic Claude
    # 2.1 anthropic.claude-v2:1"
    ("anthropic.claude-v2", "claude-2"),
    ("anthropic.claude-v2:1", "claude-2.1"),
    # Gemini API models (Feb 2024): "Note: gemini-pro is an alias for gemini-1.0-pro.";
    # "Stable versions: gemini-1.0-pro-001"
    ("gemini-pro", "gemini-1.0-pro"),
    ("gemini-1.0-pro-001", "gemini-1.0-pro"),
    # Vertex AI model versions: "gemini-1.0-pro-001 is version number one of the stable
    # release of the Gemini 1.0 Pro model"; its table lists gemini-1.0-pro-002 (2024-04-09)
    ("gemini-1.0-pro-002", "gemini-1.0-pro"),
    # "gemini-1.5-pro-001 is version number one of the stable release of the Gemini 1.5 Pro
    # model"
    ("gemini-1.5-pro-001", "gemini-1.5-pro"),
    # PaLM API models: "Bison Most capable PaLM 2 model size."; "Bison Text ... Model code
    # text-bison-001"; "Bison Chat ... Model code chat-bison-001"
    ("text-bison", "palm-2-bison"),
    ("text-bison-001", "palm-2-bison"),
    ("chat-bison", "palm-2-bison"),
    ("chat-bison-001", "palm-2-bison"),
    # Vertex AI (translated editions, not quoted): Unicorn is the largest PaLM model;
    # text-unicorn is "PaLM 2 for Text"
    ("text-unicorn", "palm-2-unicorn"),
]

# Ids that are other models: never an external id of the model they resemble.
NOT_THE_SAME = [
    ("gpt-4-32k", "gpt-4"),  # the 32K variant
    ("gpt-4-32k-0613", "gpt-4"),
    ("gpt-4o", "gpt-4"),
    ("gpt-4-turbo-2024-04-09", "gpt-4-turbo"),  # "GPT-4 Turbo with Vision model" (GA)
    ("gpt-3.5-turbo-16k", "gpt-3.5"),  # the 16K variant
    ("gpt-3.5-turbo-instruct", "gpt-3.5"),  # "Similar capabilities as GPT-3 era models"
    ("whisper-1", "whisper-v3"),  # "The Whisper v2-large model ... whisper-1"
    ("gemini-pro-vision", "gemini-1.0-pro"),  # its own model code, models/gemini-pro-vision
    ("text-bison-32k", "palm-2-bison"),
    ("code-bison", "palm-2-bison"),  # Codey
]


def _external(mid: str) -> list[dict[str, Any]]:
    return list(MODELS[mid].get("external_ids") or [])


@pytest.mark.parametrize(("xid", "mid"), PINS)
def test_external_id_is_pinned_to_its_model(xid: str, mid: str) -> None:
    assert xid in [x["id"] for x in _external(mid)]


def test_every_external_id_is_pinned() -> None:
    listed = {
        (x["id"], m["id"]) for m in CAT.records("models") for x in m.get("external_ids") or []
    }
    assert listed == set(PINS)


@pytest.mark.parametrize(("xid", "mid"), NOT_THE_SAME)
def test_other_models_are_not_listed(xid: str, mid: str) -> None:
    assert xid not in [x["id"] for x in _external(mid)]


def test_no_external_id_is_listed_for_two_models() -> None:
    owners: dict[str, set[str]] = {}
    for m in CAT.records("models"):
        for x in m.get("external_ids") or []:
            owners.setdefault(x["id"].lower(), set()).add(m["id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_no_external_id_is_a_models_own_id() -> None:
    ids = {m["id"] for m in CAT.records("models")}
    clash = [
        (x["id"], m["id"])
        for m in CAT.records("models")
        for x in m.get("external_ids") or []
        if x["id"].lower() in ids
    ]
    assert clash == []


def test_every_model_with_external_ids_cites_an_external_id_source() -> None:
    for m in CAT.records("models"):
        if m.get("external_ids"):
            refs = {s.get("ref") for s in m["sources"]}
            assert any(str(r).startswith("x-") for r in refs), m["id"]


@pytest.mark.parametrize(
    ("entry_id", "provider", "mid"),
    [
        *[(xid, "openai", mid) for xid, mid in PINS if mid.startswith(("gpt", "tts"))],
        # Bedrock's version rule turns both into "claude": the explicit ids win
        ("anthropic.claude-v2", "bedrock", "claude-2"),
        ("anthropic.claude-v2:1", "bedrock", "claude-2.1"),
        # the rules reach these through the dated id
        ("anthropic.claude-3-opus-20240229-v1:0", "bedrock", "claude-3-opus"),
        ("claude-3-haiku@20240307", "vertex_ai", "claude-3-haiku"),
        ("openai/whisper-large-v3", "huggingface", "whisper-v3"),
        ("gemini-1.0-pro-002", "vertex_ai", "gemini-1.0-pro"),
        ("chat-bison-001", "gemini", "palm-2-bison"),
    ],
)
def test_an_import_joins_the_model(entry_id: str, provider: str, mid: str) -> None:
    known = joining.known_keys(CAT)
    entry = {"id": entry_id, "provider": provider, "key": entry_id}
    assert joining.joins(known, entry, "litellm") == mid


@pytest.mark.parametrize(
    ("entry_id", "provider"),
    [("gpt-4-32k", "openai"), ("gpt-3.5-turbo-16k", "openai"), ("whisper-1", "openai")],
)
def test_other_models_stay_themselves(entry_id: str, provider: str) -> None:
    known = joining.known_keys(CAT)
    entry = {"id": entry_id, "provider": provider, "key": entry_id}
    assert joining.joins(known, entry, "litellm") is None
