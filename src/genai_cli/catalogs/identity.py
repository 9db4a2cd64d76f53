"""Explicit identity: which model a catalog entry names, by rule, never by likeness.

A catalog entry joins a model of the dataset only when, after the rules
below, its id *is* one of the model's known ids: its own id or one of its
``external_ids``. Nothing here compares names, shares prefixes or measures
similarity: ``gpt-4-turbo``, ``gpt-4o`` and ``gpt-4-32k`` stay themselves.

The rules, in order (each one a written-down form, with the providers that
use it):

1. **Provider forms.** A provider's own path prefix (Fireworks'
   ``accounts/fireworks/models/``, Cloudflare's ``@cf/``, ``hf:``), the
   ``~`` of OpenRouter's moving aliases; AWS Bedrock's region prefix (``us.``,
   ``eu.``, ``apac.``, ``global.``, ``regional.``, an AWS region path) and its
   vendor prefix (``anthropic.``, ``meta.``, ...) and version suffix
   (``-v1:0``); a vendor prefix joined by ``-`` (DigitalOcean, Gradient) or
   ``--`` (SAP AI Core).
2. **Namespaces.** ``vendor/model`` where ``vendor`` is a namespace of a known
   lab (:data:`LABS`): the namespace names the maker; the rest is the id.
3. **Snapshot suffixes.** A dated snapshot is its model: ``-20240229``,
   ``-2024-04-09``, ``@20240229``, ``-0613`` (a month and day), and the
   ``-latest`` alias of the newest snapshot.

What joins no model becomes a model of its own, its id the entry's id after
these rules (a slug). Its maker is the catalog's creator (HELM), else a
namespace or vendor prefix of the id, else the provider when the provider is
the lab itself (:data:`LABS`); providers that only serve others' models
(OpenRouter, Azure, Bedrock, Vertex, Vercel, ...) never make a vendor.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..dataset.parsing import slugify

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any


class Lab:
    """A maker of models: its vendor id, name, the providers that are the lab's own
    API, and the namespaces its models go by in ids."""

    __slots__ = ("id", "name", "names", "namespaces", "providers")

    def __init__(
        self,
        id: str,
        name: str,
        *,
        providers: tuple[str, ...] = (),
        namespaces: tuple[str, ...] = (),
        names: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.name = name
        self.providers = providers
        self.namespaces = namespaces
        self.names = names


LABS: tuple[Lab, ...] = (
    Lab("openai", "OpenAI", providers=("openai", "text-completion-openai", "chatgpt"),
        namespaces=("openai",)),
    Lab("anthropic", "Anthropic", providers=("anthropic",), namespaces=("anthropic",)),
    Lab("google", "Google", providers=("google", "gemini"), namespaces=("google",)),
    Lab("meta", "Meta", providers=("meta", "meta_llama", "llama"),
        namespaces=("meta", "meta-llama", "facebook")),
    Lab("microsoft", "Microsoft", namespaces=("microsoft",)),
    Lab("nvidia", "NVIDIA", namespaces=("nvidia",)),
    Lab("ibm", "IBM", namespaces=("ibm", "ibm-granite"), names=("IBM-GRANITE",)),
    Lab("stability-ai", "Stability AI", namespaces=("stabilityai",)),
    Lab("runway", "Runway", providers=("runwayml",)),
    Lab("mistral", "Mistral AI", providers=("mistral", "codestral", "text-completion-codestral"),
        namespaces=("mistralai", "mistral", "mistral-ai"), names=("Mistral",)),
    Lab("deepseek", "DeepSeek", providers=("deepseek",), namespaces=("deepseek", "deepseek-ai")),
    Lab("xai", "xAI", providers=("xai", "x-ai"), namespaces=("x-ai", "xai")),
    Lab("cohere", "Cohere", providers=("cohere", "cohere_chat"), namespaces=("cohere",)),
    Lab("alibaba", "Alibaba Cloud", providers=("alibaba", "alibaba-cn", "dashscope"),
        namespaces=("qwen", "alibaba"),
        names=("Qwen", "Alibaba Group", "Alibaba DAMO Academy")),
    Lab("moonshot-ai", "Moonshot AI", providers=("moonshotai", "moonshotai-cn", "moonshot"),
        namespaces=("moonshotai",)),
    Lab("minimax", "MiniMax", providers=("minimax", "minimax-cn"),
        namespaces=("minimax", "minimaxai")),
    Lab("zhipu-ai", "Zhipu AI", providers=("zhipuai", "zai", "bigmodel"),
        namespaces=("zai-org", "z-ai", "thudm"), names=("Z.ai",)),
    Lab("xiaomi", "Xiaomi", providers=("xiaomi", "xiaomi_mimo"),
        namespaces=("xiaomi", "xiaomimimo")),
    Lab("perplexity", "Perplexity", providers=("perplexity",), namespaces=("perplexity",)),
    Lab("amazon", "Amazon", providers=("amazon_nova",), namespaces=("amazon",)),
    Lab("ai21", "AI21 Labs", providers=("ai21",), namespaces=("ai21",)),
    Lab("baidu", "Baidu", namespaces=("baidu",)),
    Lab("tencent", "Tencent", namespaces=("tencent",)),
    Lab("bytedance", "ByteDance", namespaces=("bytedance", "bytedance-seed")),
    Lab("stepfun", "StepFun", providers=("stepfun",), namespaces=("stepfun", "stepfun-ai")),
    Lab("allen-ai", "Allen Institute for AI", namespaces=("allenai",)),
    Lab("upstage", "Upstage", providers=("upstage",), namespaces=("upstage",)),
    Lab("voyage-ai", "Voyage AI", providers=("voyage", "voyageai")),
    Lab("reka", "Reka AI", namespaces=("rekaai", "reka")),
    Lab("arcee-ai", "Arcee AI", namespaces=("arcee-ai",)),
    Lab("nous-research", "Nous Research", namespaces=("nousresearch",)),
    Lab("liquid-ai", "Liquid AI", namespaces=("liquid",)),
)  # fmt: skip
"""The labs whose providers and namespaces this module knows; nothing else makes a vendor,
except HELM's creator, which names the maker outright."""

_BY_PROVIDER = {p: lab for lab in LABS for p in lab.providers}
_BY_NAMESPACE = {n: lab for lab in LABS for n in lab.namespaces}
LAB_BY_ID = {lab.id: lab for lab in LABS}

_BEDROCK = frozenset({"bedrock", "bedrock_converse", "bedrock_mantle", "amazon-bedrock", "aws"})
_BEDROCK_VENDORS = {
    "anthropic": "anthropic", "meta": "meta", "amazon": "amazon", "mistral": "mistral",
    "cohere": "cohere", "ai21": "ai21", "deepseek": "deepseek", "qwen": "alibaba",
    "openai": "openai", "stability": "stability-ai", "google": "google", "nvidia": "nvidia",
    "minimax": "minimax", "moonshotai": "moonshot-ai", "zai": "zhipu-ai",
}  # fmt: skip
_BEDROCK_REGION = re.compile(
    r"^(?:(?:us|eu|apac|ap|au|ca|jp|global|regional|us-gov)\.|[a-z]{2}(?:-gov)?-[a-z]+-\d/)"
)
_BEDROCK_VERSION = re.compile(r"-v\d+(?::\d+)?$|:\d+$")
_DASH_VENDOR_PROVIDERS = {"digitalocean": "-", "gradient_ai": "-", "sap-ai-core": "--"}
_PATH_PREFIXES = ("accounts/fireworks/models/", "workers-ai/", "@cf/", "hf:", "~")

_SNAPSHOT = re.compile(
    r"(?:[-@](?:20\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01]))"  # -20240229, -2024-04-09, @20240229
    r"|-(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # -0613
    r"|-latest)$"
)


class Identity:
    """What an entry's id says: the id after the provider and namespace rules
    (``raw``), that id without a snapshot suffix (``base``), and the maker its
    forms name, if any."""

    __slots__ = ("base", "raw", "vendor")

    def __init__(self, raw: str, base: str, vendor: str | None) -> None:
        self.raw = raw
        self.base = base
        self.vendor = vendor

    def __repr__(self) -> str:
        return f"Identity({self.raw!r}, {self.base!r}, {self.vendor!r})"


def identify(entry: Mapping[str, Any]) -> Identity:
    """The identity an entry's id states, by the rules of this module."""
    s = str(entry["id"]).strip()
    provider = str(entry.get("provider") or "").lower()
    vendor: str | None = None
    if s.startswith(_PATH_PREFIXES):
        for prefix in _PATH_PREFIXES:
            if s.startswith(prefix):
                s = s[len(prefix) :]
    if provider in _BEDROCK:
        s = _BEDROCK_REGION.sub("", s)
        head, dot, rest = s.partition(".")
        if dot and head in _BEDROCK_VENDORS:
            vendor, s = _BEDROCK_VENDORS[head], _BEDROCK_VERSION.sub("", rest)
    sep = _DASH_VENDOR_PROVIDERS.get(provider)
    if sep:
        head, found, rest = s.partition(sep)
        lab = _BY_NAMESPACE.get(head.lower())
        if found and lab is not None and rest:
            vendor, s = lab.id, rest
    head, slash, rest = s.partition("/")
    if slash and rest:
        lab = _BY_NAMESPACE.get(head.lower())
        if lab is not None:
            vendor, s = lab.id, rest
    raw = s.lower()
    # every snapshot suffix ends in a digit or "-latest" (before a final newline,
    # which $ allows): most ids need no regex
    end = raw.rstrip("\n")
    snapshot = end[-1:].isdigit() or end.endswith("-latest")
    base = (_SNAPSHOT.sub("", raw) or raw) if snapshot else raw
    if vendor is None:
        lab = _BY_PROVIDER.get(provider)
        if lab is not None and "/" not in raw:
            vendor = lab.id
    return Identity(raw, base, vendor)


def model_id(identity: Identity) -> str:
    """The id of a model only catalogs know: its base id as a slug."""
    return slugify(identity.base.replace("/", "-")) or slugify(identity.raw) or "model"


def is_first_party(provider: str, vendor: str | None) -> bool:
    """True when ``provider`` is the lab ``vendor``'s own API."""
    lab = _BY_PROVIDER.get(provider.lower())
    return vendor is not None and lab is not None and lab.id == vendor


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


_BY_NAME: dict[str, Lab] = {}
for _lab in LABS:
    for _name in (_lab.name, *_lab.names):
        _BY_NAME.setdefault(_name_key(_name), _lab)


def lab_for_name(name: str) -> Lab | None:
    """A lab by one of its names (HELM's ``creator_organization_name``), exactly."""
    return _BY_NAME.get(_name_key(name))
