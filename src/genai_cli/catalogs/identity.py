"""Explicit identity: which model a catalog entry names, by written rules, never by likeness.

An entry joins a model only when, after the rules below, its *key* is one of
the model's keys: its own id's, an external id's or a Hugging Face repo id's.
Nothing here compares names, shares prefixes or measures similarity:
``gpt-4-turbo``, ``gpt-4o`` and ``gpt-4-32k`` stay themselves. Each rule is a
form a provider or a lab writes, and ``tests/test_identity.py`` tests each on
the real catalog files.

The rules, in order:

1. **A host's wrapping** of the lab's id comes off: its path prefixes
   (Fireworks' ``accounts/fireworks/models/``, Cloudflare's ``@cf/``,
   ``workers-ai/``, Synthetic's ``hf:``, OpenRouter's ``~``, DRun's
   ``public/``, routing.run's ``route/``, NanoGPT's ``TEE/``, fal's
   ``fal-ai/``), Amazon Bedrock's region prefix (``us.``, ``eu-central-1/``),
   route (``invoke/``), vendor prefix (``anthropic.``; DeepSeek's ids without
   their family: ``deepseek.v3.2``) and API version (``-v1:0``, also where
   HELM or LiteLLM write Bedrock's form without a vendor), a lab's or the
   host's prefix joined by ``-`` (Venice's ``openai-``, Databricks' own
   ``databricks-``; only a host's, never a HELM creator's such as ``ura-``),
   Vertex AI's ``@default`` and ``-maas``, Hugging Face's ``-hf`` format.
2. **Tiers** are offerings, not models, kept on the offering: LiteLLM's image
   sizes and qualities (``hd/1024-x-1024/``), commitment terms
   (``1-month-commitment/``), a host's channel (NanoGPT's ``azure-``, Meta
   Llama API's ``cerebras-``), a gateway's ``:free``, ``:batch`` or
   ``:thinking``, precisions (``-fp8``), speed and deployment names
   (MiniMax's ``-highspeed``, Moonshot's ``-turbo``, Together's
   ``-Instruct-Turbo``, Nebius' ``-fast``, Fireworks' routers and windows),
   OpenAI's reasoning effort (``o3-mini-high``), Claude's thinking and fast
   modes, HELM's evaluation runs (``-safety-default``, ``-dspy-*``,
   ``-with-guardian``, ``-high-reasoning-effort``, Bedrock's ``amazon-``).
3. **Namespaces** name the maker: ``org/model`` (a Hugging Face repo id, or
   a gateway's maker prefix); a lab's namespace (:data:`LABS`) gives its
   vendor id, any other is kept as written.
4. **Spelling**: case; ``.`` ``_`` ``:`` ``@`` ``/`` as ``-``; a letter run
   and a number apart (``opus4`` = ``opus-4``); Fireworks' ``p`` for a dot
   between digits (``v3p1`` = ``v3.1``); the lab's own two orders where it
   uses both (Anthropic: ``claude-3-opus`` and ``claude-opus-4``, so
   ``claude-4.7-opus`` = ``claude-opus-4-7``; ``claude-opus-4-0`` =
   ``claude-opus-4``); Meta's renamed repos (``Meta-Llama-3.1-8B`` =
   ``Llama-3.1-8B``); a host's dotless version (Venice's ``gpt-54``,
   llmgateway's ``qwen35``); DeepSeek's ``V``; Bedrock's legacy Claude ids
   (``claude-v2:1`` is Claude 2.1), wherever they appear; a chat host's bare
   Llama id is Meta's instruct model; a host's own id where its model page
   names the lab's (:data:`_HOST_IDS`).
5. **Versions**: a dated or numbered snapshot is a version of its model
   (``-20240229``, ``-2024-04-09``, ``-0613``, ``-0711-preview``, ``@001``,
   Google's ``-001``, ``-preview-0409``, ``-preview-2025-02-27``, xAI's and
   Inception's ``-beta``): it joins the model, and its date is the version's.
   OpenAI's ``text-davinci-003`` and Writer's ``palmyra-x-004`` are numbers
   of models, not snapshots.
6. **The labs' own tables** (``tables/``, cut from each lab's documentation
   by ``scripts/cut_lab_tables.py``; Mistral's model cards): a dated API name
   or the served weights' repo id is a version of the card's model
   (``mistral-large-2512`` and ``Mistral-Large-3-675B-Instruct-2512`` are
   Mistral Large 3, version 25.12), and the card's name is the display name.
7. **Moving aliases** (``-latest``, and a lab's undated stem of several
   models' API names: Mistral's ``mistral-medium``) never join a fixed model:
   their key keeps the alias, so they are a model of their own.

What joins no model becomes a model of its own, its id the lab's id as the
best entry writes it. Its maker is HELM's creator, else a lab the forms name
(namespace, vendor prefix, the lab's own provider unless it serves another
lab's family), else the family its id starts with (:data:`LABS`
``families``: ``claude`` is Anthropic's), else the namespace it names;
providers that only serve others' models never make a vendor.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from functools import cache
from typing import TYPE_CHECKING

from ..dataset.parsing import slugify
from .providers import provider

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any


provider_of = cache(provider)
""":func:`~.providers.provider`, memoised (the join asks it per entry and field)."""


class Lab:
    """A maker of models: its vendor id, name, the namespaces its models go by in ids,
    the names catalogs give it, and the model families that are its own (an id that
    starts with one is its). Which providers are a lab's own API is the providers
    table's (:mod:`genai_cli.catalogs.providers`)."""

    __slots__ = ("families", "id", "name", "names", "namespaces")

    def __init__(
        self,
        id: str,
        name: str,
        *,
        namespaces: tuple[str, ...] = (),
        names: tuple[str, ...] = (),
        families: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.name = name
        self.namespaces = namespaces
        self.names = names
        self.families = families


LABS: tuple[Lab, ...] = (
    Lab("openai", "OpenAI", namespaces=("openai",),
        families=("gpt", "chatgpt", "o1", "o3", "o4", "dall-e", "whisper", "tts", "sora",
                  "text-embedding-ada", "text-embedding-3", "davinci", "babbage", "codex",
                  "gpt-image", "omni-moderation", "text-moderation", "computer-use")),
    Lab("anthropic", "Anthropic", namespaces=("anthropic",),
        families=("claude",)),
    Lab("google", "Google", namespaces=("google",),
        families=("gemini", "gemma", "palm", "text-bison", "chat-bison", "code-bison",
                  "codechat-bison", "text-unicorn", "imagen", "veo", "text-embedding-004",
                  "text-embedding-005", "text-multilingual-embedding", "textembedding-gecko",
                  "medlm", "learnlm", "codegemma", "paligemma", "shieldgemma", "recurrentgemma", "medgemma", "txgemma", "embeddinggemma", "t5gemma")),
    Lab("meta", "Meta", namespaces=("meta", "meta-llama", "facebook"), families=("llama", "meta-llama", "code-llama", "codellama", "llamaguard")),
    Lab("microsoft", "Microsoft", namespaces=("microsoft",), families=("phi", "mai-ds", "e5", "mai", "orca")),
    Lab("nvidia", "NVIDIA", namespaces=("nvidia",), families=("nemotron",)),
    Lab("ibm", "IBM", namespaces=("ibm", "ibm-granite"), names=("IBM-GRANITE",),
        families=("granite",)),
    Lab("stability-ai", "Stability AI", namespaces=("stabilityai",),
        families=("stable-diffusion", "sdxl", "sd3", "stablecode", "japanese-stable-diffusion", "stable-audio")),
    Lab("runway", "Runway", families=("gen4", "gen-4")),
    Lab("mistral", "Mistral AI", namespaces=("mistralai", "mistral", "mistral-ai"), names=("Mistral",),
        families=("mistral", "mixtral", "codestral", "ministral", "pixtral", "magistral",
                  "devstral", "voxtral", "open-mistral", "open-mixtral", "open-codestral", "mamba-codestral",
                  "leanstral", "mathstral", "shieldstral", "labs-devstral", "labs-leanstral",
                  "labs-mistral")),
    Lab("deepseek", "DeepSeek", namespaces=("deepseek", "deepseek-ai"),
        families=("deepseek",)),
    Lab("xai", "xAI", namespaces=("x-ai", "xai"), families=("grok",)),
    Lab("cohere", "Cohere", namespaces=("cohere",),
        families=("command", "c4ai", "aya", "embed-english", "embed-multilingual", "rerank", "embed",
                  "cohere")),
    Lab("alibaba", "Alibaba Cloud", namespaces=("qwen", "alibaba"),
        names=("Qwen", "Alibaba Group", "Alibaba DAMO Academy"),
        families=("qwen", "qwq", "qvq", "wan2", "wan-2", "code-qwen", "gte", "tongyi")),
    Lab("moonshot-ai", "Moonshot AI", namespaces=("moonshotai",), families=("kimi", "moonshot")),
    Lab("minimax", "MiniMax", namespaces=("minimax", "minimaxai"), families=("minimax", "abab")),
    Lab("zhipu-ai", "Zhipu AI", namespaces=("zai-org", "z-ai", "thudm", "zai", "zhipuai"), names=("Z.ai",),
        families=("glm", "chatglm", "cogview", "cogvideo", "codegeex")),
    Lab("xiaomi", "Xiaomi", namespaces=("xiaomi", "xiaomimimo"), families=("mimo",)),
    Lab("perplexity", "Perplexity", namespaces=("perplexity",),
        families=("sonar", "r1-1776", "perplexity")),
    Lab("amazon", "Amazon", namespaces=("amazon",),
        families=("nova", "titan", "amazon-nova", "amazon-titan")),
    Lab("ai21", "AI21 Labs", namespaces=("ai21", "ai21-labs"),
        families=("jamba", "j2", "jurassic")),
    Lab("baidu", "Baidu", namespaces=("baidu",), families=("ernie",)),
    Lab("tencent", "Tencent", namespaces=("tencent",), families=("hunyuan",)),
    Lab("bytedance", "ByteDance", namespaces=("bytedance", "bytedance-seed"),
        families=("doubao", "seed-oss", "seedream", "seedance", "seed-1", "seed1", "skylark")),
    Lab("stepfun", "StepFun", namespaces=("stepfun", "stepfun-ai"),
        families=("step", "stepfun", "stepaudio", "step-audio")),
    Lab("allen-ai", "Allen Institute for AI", namespaces=("allenai",), families=("olmo", "tulu",
        "molmo")),
    Lab("upstage", "Upstage", namespaces=("upstage",),
        families=("solar",)),
    Lab("voyage-ai", "Voyage AI", families=("voyage",)),
    Lab("reka", "Reka AI", namespaces=("rekaai", "reka"), families=("reka",)),
    Lab("arcee-ai", "Arcee AI", namespaces=("arcee-ai", "arcee"), families=("arcee", "virtuoso", "caller", "trinity", "spotlight", "maestro", "coder-large")),
    Lab("nous-research", "Nous Research", namespaces=("nousresearch",), families=("hermes", "nous")),
    Lab("liquid-ai", "Liquid AI", namespaces=("liquid", "liquidai"), families=("lfm",)),
    Lab("01-ai", "01.AI", namespaces=("01-ai",), families=("yi",)),
    Lab("baichuan", "Baichuan", namespaces=("baichuan-inc", "baichuan"), families=("baichuan",)),
    Lab("shanghai-ai-lab", "Shanghai AI Laboratory", namespaces=("opengvlab", "internlm"),
        families=("internvl", "internlm")),
    Lab("baai", "BAAI", namespaces=("baai",), families=("bge",)),
    Lab("black-forest-labs", "Black Forest Labs", namespaces=("black-forest-labs",),
        families=("flux",)),
    Lab("inception-labs", "Inception Labs", namespaces=("inception",), families=("mercury",)),
    Lab("fireworks-ai", "Fireworks AI", namespaces=("fireworks",),
        families=("firefunction", "firellava", "firesearch", "fireworks-asr")),
    Lab("deep-cogito", "Deep Cogito", namespaces=("deepcogito",), families=("cogito",)),
    Lab("kuaishou", "Kuaishou", namespaces=("kwaipilot",), families=("kat-coder", "kat-dev", "kling")),
    Lab("twelve-labs", "Twelve Labs", namespaces=("twelvelabs",), families=("marengo", "pegasus")),
    Lab("aion-labs", "AionLabs", namespaces=("aion-labs",), families=("aion",)),
    Lab("sarvam-ai", "Sarvam AI", namespaces=("sarvamai",), names=("Sarvam",), families=("sarvam",)),
    Lab("nomic-ai", "Nomic AI", namespaces=("nomic-ai", "nomic"), families=("nomic",)),
    Lab("bigcode", "BigCode", namespaces=("bigcode",), families=("starcoder",)),
    Lab("eleutherai", "EleutherAI", namespaces=("eleutherai",), families=("pythia", "gpt-neox")),
    Lab("lmsys", "LMSYS", namespaces=("lmsys",), families=("vicuna",)),
    Lab("snowflake", "Snowflake", namespaces=("snowflake",), families=("snowflake-arctic",)),
    Lab("meituan", "Meituan", namespaces=("meituan-longcat", "meituan"), families=("longcat",)),
    Lab("luma-ai", "Luma AI", namespaces=("luma", "lumaai"), families=("ray",)),
    Lab("phind", "Phind", namespaces=("phind",), families=("phind",)),
    Lab("openchat", "OpenChat", namespaces=("openchat",), families=("openchat",)),
    Lab("playground-ai", "Playground", namespaces=("playgroundai",), families=("playground",)),
    Lab("venice", "Venice", families=("venice",)),
)  # fmt: skip
"""The labs whose providers, namespaces and model families this module knows; nothing
else makes a vendor, except HELM's creator, which names the maker outright, and a
namespace, which names its publisher."""

_BY_NAMESPACE = {n: lab for lab in LABS for n in lab.namespaces}
LAB_BY_ID = {lab.id: lab for lab in LABS}
_FAMILIES: dict[str, Lab] = {}  # family, in spelling-key form -> its lab (filled below)

# --------------------------------------------------------------------------- hosts' forms

_PATH_PREFIXES = (
    "accounts/fireworks/models/",  # Fireworks
    "workers-ai/",  # Cloudflare AI Gateway in front of Workers AI
    "@cf/",  # Cloudflare Workers AI
    "@hf/",  # Cloudflare Workers AI: a Hugging Face repo
    "accounts/fireworks/routers/",  # Fireworks' routers (their tiers come off below)
    "hf:",  # Synthetic: a Hugging Face repo id
    "~",  # OpenRouter's moving aliases
    "public/",  # DRun
    "route/",  # routing.run
    "tee/",  # NanoGPT's trusted-execution deployments
    "fal-ai/",  # fal's own path before a maker's
)
_BEDROCK = frozenset({"bedrock", "bedrock_converse", "bedrock_mantle", "amazon-bedrock", "aws"})
_BEDROCK_VENDORS = {
    "anthropic": "anthropic", "meta": "meta", "amazon": "amazon", "mistral": "mistral",
    "cohere": "cohere", "ai21": "ai21", "deepseek": "deepseek", "qwen": "alibaba",
    "openai": "openai", "stability": "stability-ai", "google": "google", "nvidia": "nvidia",
    "minimax": "minimax", "moonshotai": "moonshot-ai", "moonshot": "moonshot-ai",
    "zai": "zhipu-ai", "writer": "writer", "twelvelabs": "twelve-labs",
}  # fmt: skip
_BEDROCK_REGION = re.compile(
    r"^(?:(?:us|eu|apac|ap|au|ca|jp|in|global|regional|us-gov)\.|[a-z]{2}(?:-gov)?-[a-z]+-\d/|\*/)"
)
_BEDROCK_V0 = re.compile(r"-v0:(\d+)$")
_BEDROCK_API = re.compile(r":\d+$")  # the API version: anthropic.claude-3-opus-20240229-v1:0
_BEDROCK_MODEL_VERSION = re.compile(r"(?<=-\d{8})-v\d+$|-v?1$")
_BEDROCK_DEEPSEEK = {  # Bedrock's DeepSeek ids whose version is not the model's
    # deepseek.v3-v1:0 is DeepSeek-V3.1: Bedrock's model card for it,
    # https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-deepseek-deepseek-v3-1.html
    # (LiteLLM 1.110.2 gives that page as the entry's source)
    "v3": "deepseek-v3.1",
}
_BEDROCK_LEGACY = {  # Bedrock's first Claude ids name the version after "-v"
    "claude-v1": "claude-1", "claude-v2": "claude-2", "claude-v2:1": "claude-2.1",
    "claude-instant-v1": "claude-instant-1",
}  # fmt: skip
_CHANNELS = {  # a host's prefix naming the channel it sells a lab's model through: a tier
    "llama": ("cerebras-", "groq-"),  # Meta's Llama API, served by Cerebras or Groq
    "aihubmix": ("alicloud-", "coding-", "deep-"),  # via Alibaba Cloud, its coding plan, DeepSeek
    "azure_ai": ("fw-",),  # served by Fireworks on Azure AI Foundry
    "nano-gpt": ("azure-",),  # OpenAI's models through Azure
    "gitlab": ("duo-chat-",),  # GitLab Duo Agentic Chat
    "databricks": ("system.ai.",),  # Databricks' system catalog
    "sagemaker": ("meta-textgeneration-",),  # SageMaker JumpStart's Meta models
}
_ROUTER_TIERS = re.compile(r"-(?:fast|ultrafast|spot|us|turbo)$")  # Fireworks' routers
_GITLAB_CLAUDE = re.compile(r"^(?=(?:opus|sonnet|haiku)-)")  # GitLab leaves out "claude-"
_VERTEX = frozenset({"google-vertex", "google-vertex-anthropic", "vertex_ai"})
_HELM_SETTINGS = re.compile(r"-safety-(?:default|block-none)$")

# --------------------------------------------------------------------------- tiers

_TIER_SEGMENT = re.compile(
    r"^(?:\d+-x-\d+|max-x-max|hd|standard|low|medium|high|\d+-(?:month|year)-commitment|pro"
    r"|\d+-steps)$"
)

# --------------------------------------------------------------------------- versions

_MONTH, _DAY = r"(?:0[1-9]|1[0-2])", r"(?:0[1-9]|[12]\d|3[01])"
_SNAPSHOT = re.compile(
    rf"(?:[-@](?P<date>20\d{{2}}-?{_MONTH}-?{_DAY})"  # -20240229, -2024-04-09, @20240229
    rf"|-(?P<yymmdd>2\d{_MONTH}{_DAY})"  # -250415 (ByteDance)
    rf"|-(?P<mmdd>{_MONTH}-?{_DAY}(?:-preview)?)"  # -0613, -07-09, -0711-preview
    rf"|-(?P<my>{_MONTH}-20\d{{2}})"  # -08-2024 (Cohere)
    r"|[-@](?P<num>00\d)"  # -001, @001 (Google's; see _NUMBERED)
    rf"|-(?P<preview>preview(?:-(?:20\d{{2}}-?)?{_MONTH}-?{_DAY}|-{_MONTH}-20\d{{2}})?)"  # -preview-0409, -preview-09-2025
    r"|@(?P<at>[a-z0-9][a-z0-9.-]*))$"  # @2405: Vertex's and HELM's version after "@"
)
_INFIX_SNAPSHOT = re.compile(rf"^(grok-[\d.]+)-({_MONTH}{_DAY}|beta)-((?:non-)?reasoning)$")  # xAI
_BETA = re.compile(  # grok-3-beta: Grok 3 in beta; Inception's mercury-coder-small-beta
    r"^((?:grok-[\d.]+(?:-mini)?(?:-fast)?)|(?:mercury(?:-[a-z]+)*))-beta$"
)
_NUMBERED = frozenset({"google"})  # the labs whose -001 is a version (OpenAI's -002 is a model)
_VARIANTS = re.compile(  # a gateway's variant after ":" (OpenRouter's, genai-prices' :batch)
    r":(free|beta|extended|thinking|nitro|floor|online|exacto|batch|variant\d+|low|medium|high)$"
)
_HELM_RUNS = re.compile(  # HELM's evaluation runs of a model
    r"-(dspy-[a-z0-9-]+|with-guardian|natural|vivid|hd|(?:low|medium|high)-reasoning-effort"
    r"|thinking-\d+k?)$"
)
_BEDROCK_STYLE = re.compile(r"-v\d+:\d+$")  # Bedrock's API version, as HELM writes it too
_HOST_SUFFIXES = {  # a host's suffix naming a deployment of the model: a tier
    "nebius": re.compile(r"-(fast)$"),
    "huggingface_nebius": re.compile(r"-(fast)$"),
    "moonshotai": re.compile(r"-(turbo)$"),  # kimi-k2-turbo-preview: Kimi K2, faster
    "moonshotai-cn": re.compile(r"-(turbo)$"),
    "moonshot": re.compile(r"-(turbo)$"),
    "groq": re.compile(r"-(8192|32768)$"),  # Groq's context length: llama3-70b-8192
}
_ROUTED_FAST = re.compile(r"-(fast)$")  # after a channel: Azure AI's FW-GLM-5.2-Fast
_FIREWORKS_WINDOW = re.compile(r"-(\d+k)$")  # Fireworks' context setting: qwen2p5-...-64k
_EFFORT = re.compile(r"-(minimal|low|medium|high|xhigh)$")  # OpenAI's reasoning effort
_TOGETHER_TURBO = re.compile(r"(?<=-instruct)-(turbo)$")  # Together's Instruct-Turbo (FP8)
_BARE_INSTRUCT = frozenset(  # hosts whose bare Llama id is Meta's instruct (chat) model
    {"cerebras", "vercel", "vercel_ai_gateway", "ollama", "snowflake", "llamagate", "groq"}
)
_HOST_IDS = {  # a host's own id for a lab's model, as the host's model page says
    # https://vercel.com/ai-gateway/models/qwen-3-30b/api: "Qwen3-30B-A3B", model 'alibaba/qwen-3-30b'
    ("vercel", "qwen-3-30b"): "qwen-3-30b-a-3b",
    ("vercel_ai_gateway", "qwen-3-30b"): "qwen-3-30b-a-3b",
}
_LLAMA_BARE = re.compile(r"^llama-(\d+(?:-\d+)?)-(\d+b)$")
_LLAMA_CHAT = re.compile(r"^(llama-(?:3|4)(?:-\d+)?-\d+b)-chat$")  # Together's Llama 3 -chat
_ALIAS = re.compile(r"[-@]latest$")

_SPLIT = re.compile(r"(?<=[a-z])(?=\d)")
_SEPARATORS = re.compile(r"[._:@/\s]+")
_FIREWORKS_DOT = re.compile(r"(?<=\d)p(?=\d)")
_FIREWORKS_LLAMA = re.compile(r"^llama-v-(?=\d)")
_DOTLESS = {  # a host that writes a lab's version without its dot: Venice's gpt-54 is GPT-5.4
    "venice": re.compile(r"^(gpt)-(\d)(\d)(?=$|-)"),
    "llmgateway": re.compile(r"^(qwen)-(\d)(\d)(?=$|-)"),  # qwen35-397b-a17b: Qwen3.5
}
# the labs' own two orders, and a ".0" minor the lab leaves out
_ORDERS = (
    (re.compile(r"^claude-(\d+(?:-\d+)?)-(opus|sonnet|haiku)(?=$|-)"), r"claude-\2-\1"),
    (re.compile(r"^(claude-(?:opus|sonnet|haiku)-\d+)-0(?=$|-)"), r"\1"),
    (re.compile(r"^jamba-(\d+-\d+)-(mini|large)(?=$|-)"), r"jamba-\2-\1"),  # AI21
    (re.compile(r"^gemini-(flash|pro)-(\d+-\d+)(?=$|-)"), r"gemini-\2-\1"),  # OpenRouter's 1.5s
    (re.compile(r"^open-(mistral|mixtral|codestral)(?=$|-)"), r"\1"),  # Mistral's API ids
    (re.compile(r"^(mistral-(?:large|medium|small)-\d+)-0$"), r"\1"),
    (re.compile(r"^(nova-.+)-v-1$"), r"\1"),  # Amazon Nova's Bedrock version, also on its own API
    (re.compile(r"^(nova-[a-z]+)-1-0$"), r"\1"),  # nova-lite-1-0: Nova Lite 1.0
    (re.compile(r"^deepseek-(?=\d)"), "deepseek-v-"),  # DeepSeek names its versions V3, V3.2
)
_ORDERED_HEADS = frozenset({"claude", "jamba", "gemini", "open", "mistral", "nova", "deepseek"})
"""The first words of the keys :data:`_ORDERS` rewrites (the others are left alone)."""
_CLAUDE_MODE = re.compile(r"-(?:thinking|think|fast)(?:-\d+(?:-k)?)?$")  # thinking, fast mode
_TIER_SUFFIX = re.compile(
    r"-(?:fp-8(?:-dynamic)?|fp-4|nvfp-4|int-4|int-8|awq|gptq|bf-16|fp-16|4bit|6bit|8bit|tee|tput|free"
    r"|batch|highspeed)$"
)


_PAD = {n: [None] * (8 - n) for n in range(4, 9)}
"""What an :meth:`Identity.row` of each length leaves out (trailing nulls)."""


class Identity:
    """What an entry's id says.

    ``raw``: the lab's id as the entry writes it, after the host's wrapping
    (lowercase); ``key``: what joins (the spelling key of the model: no
    version, no tier); ``version``: the snapshot it names, if any, as written
    (``20240229``, ``0613``, ``001``, ``preview-0409``); ``alias``: a moving
    alias (its key keeps the alias); ``tier``: the tier it is priced at, if
    any; ``vendor``: the lab its forms name; ``namespace``: the org it names
    (``NousResearch``), as written, when that is no known lab.
    """

    __slots__ = ("_base", "alias", "key", "namespace", "raw", "tier", "vendor", "version")

    def __init__(
        self,
        raw: str,
        key: str,
        vendor: str | None,
        *,
        version: str | None = None,
        alias: bool = False,
        tier: str | None = None,
        namespace: str | None = None,
        base: str | None = None,
    ) -> None:
        self._base = base
        self.raw = raw
        self.key = key
        self.vendor = vendor
        self.version = version
        self.alias = alias
        self.tier = tier
        self.namespace = namespace

    @property
    def base(self) -> str:
        """The lab's id without its snapshot suffix (the model's id as written)."""
        if self._base is not None:
            return self._base
        if self.version is None:
            return self.raw
        return _SNAPSHOT.sub("", self.raw) or self.raw

    def row(self) -> list[Any]:
        """The identity as a short JSON row (:meth:`from_row` reads it back): raw, key,
        vendor, alias (0 or 1), version, tier, namespace, the lab's written id;
        trailing nulls left out."""
        row = [self.raw, self.key, self.vendor, int(self.alias), self.version, self.tier,
               self.namespace, self._base]  # fmt: skip
        while row[-1] is None:
            row.pop()
        return row

    @classmethod
    def from_row(cls, row: Any) -> Identity | None:
        """The identity an :meth:`row` holds; None when ``row`` is none."""
        try:
            raw, key, vendor, alias, version, tier, namespace, base = row + _PAD[len(row)]
        except (KeyError, TypeError, ValueError):
            return None
        if not (
            type(raw) is str
            and type(key) is str
            and (alias == 0 or alias == 1)
            and (vendor is None or type(vendor) is str)
            and (version is None or type(version) is str)
            and (tier is None or type(tier) is str)
            and (namespace is None or type(namespace) is str)
            and (base is None or type(base) is str)
        ):
            return None
        found = cls.__new__(cls)
        found.raw, found.key, found.vendor, found.alias = raw, key, vendor, alias == 1
        found.version, found.tier, found.namespace, found._base = version, tier, namespace, base
        return found

    def __repr__(self) -> str:
        return (
            f"Identity({self.raw!r}, key={self.key!r}, vendor={self.vendor!r}, "
            f"version={self.version!r}, alias={self.alias}, tier={self.tier!r})"
        )


@cache
def spelling(text: str, *, fireworks: bool = False) -> str:
    """The spelling key of an id (no host's forms, no version): case, separators,
    letter and number runs apart, the labs' own orders."""
    s = text.strip().lower()
    if fireworks:
        s = _FIREWORKS_DOT.sub(".", s)
    s = _SEPARATORS.sub("-", s)
    s = _SPLIT.sub("-", s)
    s = "-".join(part for part in s.split("-") if part)
    return _ordered(s)


def _ordered(key: str) -> str:
    if key.partition("-")[0] in _ORDERED_HEADS:
        for pattern, repl in _ORDERS:
            key = pattern.sub(repl, key)
    return key


@cache
def lab_of(catalog: str, provider: str) -> str | None:
    """The lab whose own API ``provider`` (a catalog's spelling, or a provider id) is."""
    found = provider_of(catalog, provider)
    return found.lab if found is not None and found.kind == "lab" else None


@cache
def _serves(catalog: str, provider: str) -> bool:
    """True when ``provider`` is a host, gateway or cloud in the providers table (a
    HELM creator such as ``ura-hcmut`` is none: its prefix is its model's name)."""
    found = provider_of(catalog, provider)
    return found is not None and found.kind != "lab"


@cache
def _lab_prefix(key: str, provider: str, catalog: str) -> tuple[str, str | None]:
    """A lab's name, or the host's own, written before one of the lab's families
    (``meta-llama-3-1-8b``, ``openai-gpt-4o``, ``zai-org-glm-5-1``,
    ``databricks-claude-opus-4-7``) comes off: ``(key, the lab)``."""
    parts = key.split("-")
    if parts[0] not in _PREFIX_HEADS and not provider.startswith(parts[0]):
        return key, None
    for n in (3, 2, 1):
        if len(parts) <= n:
            continue
        head, rest = "-".join(parts[:n]), "-".join(parts[n:])
        lab = _BY_NAMESPACE.get(head) or _BY_SPELLED.get(head) or LAB_BY_ID.get(head)
        maker = family_lab(rest)
        if maker is None:
            continue
        if lab is not None and lab.id == maker:
            return _ordered(rest), maker
        if (
            n == 1
            and provider.startswith(head)
            and _serves(catalog, provider)
            and (lab is None or family_lab(key) != lab.id)
        ):
            return _ordered(rest), None  # the host's own prefix (mistral-embed is Mistral's)
    if (  # a host's own prefix before a model of its own: databricks-dbrx-instruct
        len(parts) > 1
        and parts[0] == provider
        and _serves(catalog, provider)
        and lab_of(catalog, provider) is None
        and family_lab(key) is None
    ):
        return _ordered("-".join(parts[1:])), None
    return key, None


def _unwrap(s: str, provider: str, catalog: str) -> tuple[str, str | None, list[str]]:
    """The id without the host's wrapping and tiers: ``(id, vendor, tiers)``."""
    vendor: str | None = None
    tiers: list[str] = []
    low = s.lower()
    changed = True
    while changed:
        changed = False
        for prefix in _PATH_PREFIXES:
            if low.startswith(prefix):
                s, low, changed = s[len(prefix) :], low[len(prefix) :], True
                if prefix == "accounts/fireworks/routers/":
                    tiers.append("router")
                    if low.startswith("spot-"):
                        tiers.append("spot")
                        s, low = s[5:], low[5:]
        head, slash, rest = s.partition("/")
        if slash and rest and _TIER_SEGMENT.match(head.lower()):
            tiers.append(head.lower())
            s, low, changed = rest, rest.lower(), True
    if provider in _BEDROCK:
        s = _BEDROCK_REGION.sub("", s)
        for route in ("invoke/", "converse/"):  # LiteLLM's Bedrock APIs
            if s.lower().startswith(route):
                s = s[len(route) :]
        head, slash, rest = s.partition("/")  # a commitment term after the region
        while slash and _TIER_SEGMENT.match(head.lower()):
            tiers.append(head.lower())
            s = rest
            head, slash, rest = s.partition("/")
        s = _BEDROCK_REGION.sub("", s)
        head, dot, rest = s.partition(".")
        if dot and head.lower() in _BEDROCK_VENDORS:
            vendor = _BEDROCK_VENDORS[head.lower()]
            legacy = _BEDROCK_LEGACY.get(rest.lower())
            if legacy is not None:
                s = legacy
            else:  # Bedrock's own version (-v1:0, -1:0); a model's own (titan-...-v2) stays
                s = _BEDROCK_V0.sub(r"-v0.\1", rest)  # mistral-7b-instruct-v0:2: v0.2
                s = _BEDROCK_API.sub("", s)
                if s != rest:
                    s = _BEDROCK_MODEL_VERSION.sub("", s)
                elif vendor == "anthropic":  # anthropic.claude-opus-4-6-v1: no ":0"
                    s = re.sub(r"-v\d+$", "", s)
                if vendor == "deepseek":  # deepseek.v3.2: Bedrock leaves out "deepseek-"
                    s = _BEDROCK_DEEPSEEK.get(s.lower(), f"deepseek-{s}")
    for channel in _CHANNELS.get(provider, ()):
        if s.lower().startswith(channel):
            tiers.append(channel.rstrip("-"))
            s = s[len(channel) :]
            if provider == "gitlab":
                s = _GITLAB_CLAUDE.sub("claude-", s.lower())
    if provider in ("perplexity", "perplexity-agent") and low.startswith("perplexity/"):
        tiers.append(
            "agent-api"
        )  # Perplexity's Agent API prices its Sonar apart from the Sonar API
        s, low = s[len("perplexity/") :], low[len("perplexity/") :]
    if "/models/" in s:  # Clarifai: org/app/models/Model
        s = s.split("/", 1)[0] + "/" + s.rsplit("/models/", 1)[1]
    vertex = provider in _VERTEX or (catalog == "litellm" and provider.startswith("vertex_ai"))
    if vertex and s.lower().endswith("@default"):
        s = s[: -len("@default")]
    if s.lower().endswith("-maas"):  # Vertex AI's model as a service, under any name
        s = s[: -len("-maas")]
        if not vertex and lab_of(catalog, provider) is not None:
            tiers.append("vertex-maas")  # genai-prices' google/...-maas: Vertex's, not the lab's
    if catalog == "helm":
        s = _HELM_SETTINGS.sub("", s)
        while (run := _HELM_RUNS.search(s.lower())) is not None:
            tiers.append(run.group(1))
            s = s[: run.start()]
        if s.lower().startswith("amazon-") and family_lab(spelling(s[7:].split("/")[-1])) not in (
            None,
            "amazon",
        ):  # HELM's runs of another lab's model on Bedrock: amazon-mistral-large-2402-v1:0
            tiers.append("amazon-bedrock")
            s = s[7:]
    if provider == "novita" and s.lower().endswith("/community"):
        tiers.append("community")
        s = s[: -len("/community")]
    while (variant := _VARIANTS.search(s.lower())) is not None:
        tiers.append(variant.group(1))
        s = s[: variant.start()]
    legacy = _BEDROCK_LEGACY.get(s.lower().rpartition("/")[2])
    if legacy is not None:  # claude-instant-v1, also on Anthropic's old API and in HELM
        s = s.rpartition("/")[0] + ("/" if "/" in s else "") + legacy
    elif vendor is None and _BEDROCK_STYLE.search(s):  # claude-sonnet-4-5-20250929-v1:0
        rest = s
        s = _BEDROCK_V0.sub(r"-v0.\1", s)
        s = _BEDROCK_API.sub("", s)
        if s != rest:
            s = _BEDROCK_MODEL_VERSION.sub("", s)
    return s, vendor, tiers


def identify(entry: Mapping[str, Any], catalog: str = "") -> Identity:
    """The identity an entry's id states, by the rules of this module."""
    provider = str(entry.get("provider") or "").lower()
    s, vendor, tiers = _unwrap(str(entry["id"]).strip(), provider, catalog)
    namespace: str | None = None
    head, slash, rest = s.partition("/")
    if slash and rest and "/" not in rest:
        lab = _BY_NAMESPACE.get(head.lower())
        if lab is not None:
            vendor = vendor or lab.id
        else:
            namespace = head
        s = rest
    elif slash and rest:  # a path (fal's bytedance/seedance-2.5/text-to-video): its maker,
        # the first of its folders that is a lab's (NVIDIA NIM's ranking/nvidia/...)
        lab = next(
            (f for f in map(_BY_NAMESPACE.get, s.lower().split("/")[:-1]) if f is not None), None
        )
        if lab is not None:
            vendor = vendor or lab.id
    raw = s.lower()
    alias = bool(_ALIAS.search(raw))
    version: str | None = None
    base = raw
    if not alias:
        m = _SNAPSHOT.search(raw)
        if (
            m is not None
            and m.group("num") is not None
            and raw[m.start()] == "-"
            and (vendor or family_lab(spelling(raw[: m.start()]))) not in _NUMBERED
        ):
            m = None  # text-davinci-003, palmyra-x-004: a model's number, not a snapshot
        if m is not None and m.start() > 0:
            version = next(v for v in m.groupdict().values() if v is not None)
            base = raw[: m.start()]
        elif (infix := _INFIX_SNAPSHOT.match(raw)) is not None:
            version, base = infix.group(2), f"{infix.group(1)}-{infix.group(3)}"
        elif (beta := _BETA.match(raw)) is not None:
            version, base = "beta", beta.group(1)
    key = spelling(
        base, fireworks=provider.startswith("fireworks") or provider == "kimi-for-coding"
    )
    if provider == "kimi-for-coding" and key.startswith("k-"):  # k2p6: Kimi K2.6
        key = "kimi-" + key
    if provider.startswith("fireworks"):  # llama-v3p1-8b: Llama 3.1 8B
        key = _FIREWORKS_LLAMA.sub("llama-", key)
    for _ in range(2):  # a host's prefix, then a lab's: databricks-meta-llama-3-1-8b
        key, named = _lab_prefix(key, provider, catalog)
        vendor = vendor or named
    dotless = _DOTLESS.get(provider)
    if dotless is not None:
        key = dotless.sub(r"\1-\2-\3", key)
    for pattern in (
        _HOST_SUFFIXES.get(provider),
        _ROUTED_FAST if "fw" in tiers else None,
        _FIREWORKS_WINDOW if provider.startswith("fireworks") else None,
        _EFFORT if family_lab(key) == "openai" else None,
        _TOGETHER_TURBO,
    ):
        found_tier = pattern.search(key) if pattern is not None else None
        if found_tier is not None and found_tier.start() > 0:
            tiers.append(found_tier.group(1))
            key = key[: found_tier.start()]
    key = _HOST_IDS.get((provider, key), key)
    key = _LLAMA_CHAT.sub(r"\1-instruct", key)
    if provider in _BARE_INSTRUCT and (bare := _LLAMA_BARE.match(key)) is not None:
        key += "-chat" if bare.group(1) == "2" else "-instruct"  # Meta's names for them
    if "router" in tiers:  # a Fireworks router of a model: its speed or region is a tier
        while (found := _ROUTER_TIERS.search(key)) is not None and found.start() > 0:
            tiers.append(key[found.start() + 1 :])
            key = key[: found.start()]
    if key.startswith("claude-"):
        mode = _CLAUDE_MODE.search(key)
        if mode is not None:
            tiers.append(key[mode.start() + 1 :])
            key = key[: mode.start()]
    while (precision := _TIER_SUFFIX.search(key)) is not None and precision.start() > 0:
        tiers.append(key[precision.start() + 1 :])
        key = key[: precision.start()]
    if (
        key.endswith("-hf") and len(key) > 3
    ):  # Llama-2-7b-chat-hf: the weights in Transformers' format
        key = key[:-3]
    written: str | None = None  # the model's id as the lab's table writes it
    if not alias:  # the lab's own table: mistral-large-2512 is Mistral Large 3, version 2512
        form = _TABLE_FORMS.get(key)
        if form is not None:
            key, version, written = form[0], version or form[1], form[0]
        elif key in _TABLE_KEYS:
            key = written = _TABLE_KEYS[key]
        elif key in _TABLE_MOVING and version is None:  # mistral-medium: Mistral's latest Medium
            key, alias = f"{key}-latest", True
    if vendor is None and namespace is None and "/" not in raw:
        own, family = lab_of(catalog, provider), family_lab(key)
        # a lab's own API names its maker, unless it serves another lab's family
        # (Perplexity's mixtral-8x7b-instruct is Mistral's; NVIDIA's llama-3.1-nemotron its own)
        vendor = own if own is not None and (family is None or _names_family(own, key)) else family
    return Identity(
        raw,
        key,
        vendor,
        version=version,
        alias=alias,
        tier="/".join(tiers) or None,
        namespace=namespace,
        base=written,
    )


@cache
@cache
def rules_key() -> str:
    """A checksum of the rules an identity is made by (this module, the providers
    table, the labs' tables): what identities stored beside a catalog's entries
    (:func:`identities`) were made of."""
    here = os.path.dirname(os.path.abspath(__file__))
    tables = os.path.join(here, "tables")
    paths = [os.path.join(here, n) for n in ("identity.py", "providers.py")]
    paths += [os.path.join(tables, n) for n in sorted(os.listdir(tables))]
    crc = 0
    for path in paths:
        with open(path, "rb") as fh:
            crc = zlib.crc32(fh.read(), crc)
    return f"{crc:08x}"


def identities(entries: Sequence[Mapping[str, Any]], catalog: str) -> dict[str, Any]:
    """Each entry's identity, made once when a catalog is imported and stored in its
    file (the join then reads them instead of applying every rule to every entry):
    ``rules`` (:func:`rules_key`), ``of`` (:func:`_ids_key`: the entries' ids and
    providers they were made of) and a :meth:`Identity.row` per entry."""
    rows = [identify(e, catalog).row() for e in entries]
    return {"rules": rules_key(), "of": _ids_key(entries), "rows": rows}


def _ids_key(entries: Sequence[Mapping[str, Any]]) -> str:
    """A checksum of the entries' ids and providers, in order (all an identity is of)."""
    text = "\n".join(f"{e['id']}\t{e.get('provider')}" for e in entries)
    return f"{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}:{len(entries)}"


def identities_of(doc: Mapping[str, Any]) -> list[Identity]:
    """The identity of each entry of an imported catalog's document: the stored ones
    (:func:`identities`) where they were made by these rules of these entries' ids
    and providers, else made now."""
    entries, catalog = doc["entries"], doc["catalog"]
    stored = doc.get("identities")
    if (
        isinstance(stored, dict)
        and stored.get("rules") == rules_key()
        and isinstance(rows := stored.get("rows"), list)
        and len(rows) == len(entries)
        and stored.get("of") == _ids_key(entries)
    ):
        found = list(map(Identity.from_row, rows))
        if None not in found:
            return found  # type: ignore[return-value]  # (no None in it)
    return [identify(e, catalog) for e in entries]


def _names_family(lab: str, key: str) -> bool:
    """True when ``key`` has one of ``lab``'s families among its words."""
    found = LAB_BY_ID.get(lab)
    padded = f"-{key}-"
    return found is not None and any(f"-{spelling(f)}-" in padded for f in found.families)


@cache
def family_lab(key: str) -> str | None:
    """The lab whose model family a key starts with (``claude-...`` is Anthropic's)."""
    tokens = key.split("-")
    for n in range(min(len(tokens), 4), 0, -1):  # the longest family first
        lab = _FAMILIES.get("-".join(tokens[:n]))
        if lab is not None:
            return lab.id
    return None


def version_date(version: str | None) -> str | None:
    """The date a version suffix states (``20240229`` -> ``2024-02-29``), if a full one."""
    if version is None:
        return None
    digits = version.replace("-", "")
    if len(digits) == 8 and digits.isdigit() and digits.startswith("20"):
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return None


def model_id(identity: Identity) -> str:
    """The id of a model only catalogs know: the lab's id as written, as a slug
    (without a snapshot suffix; a moving alias keeps its ``-latest``)."""
    return slugify(identity.base.replace("/", "-")) or slugify(identity.raw) or "model"


@cache
def is_first_party(provider: str, vendor: str | None, catalog: str = "") -> bool:
    """True when ``provider`` (``catalog``'s spelling, or a provider id) is the lab
    ``vendor``'s own API."""
    return vendor is not None and lab_of(catalog, provider) == vendor


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


_BY_NAME: dict[str, Lab] = {}
for _lab in LABS:
    for _name in (_lab.name, *_lab.names):
        _BY_NAME.setdefault(_name_key(_name), _lab)


def lab_for_name(name: str) -> Lab | None:
    """A lab by one of its names (HELM's ``creator_organization_name``), exactly."""
    return _BY_NAME.get(_name_key(name))


for _lab in LABS:
    for _family in _lab.families:
        _FAMILIES.setdefault(spelling(_family), _lab)
_BY_SPELLED = {spelling(n): lab for lab in LABS for n in lab.namespaces}  # ai21-labs: ai-21-labs
_PREFIX_HEADS = frozenset(
    spelling(name).split("-")[0] for lab in LABS for name in (lab.id, *lab.namespaces)
) | frozenset(
    name.split("-")[0] for lab in LABS for name in (lab.id, *lab.namespaces)
)  # the first word of a lab's name or namespace, written before its families


# --------------------------------------------------------------------------- labs' own tables

_HF = "https://huggingface.co/"


class LabName:
    """A model's name in its lab's own table, and where the table says it."""

    __slots__ = ("name", "title", "url")

    def __init__(self, name: str, title: str, url: str) -> None:
        self.name, self.title, self.url = name, title, url


class _LabTables:
    """What the labs' own model tables (``tables/LAB.json`` beside this module, cut from each lab's
    documentation by ``scripts/cut_lab_tables.py``) say of ids.

    A model's key is its card's name (``Mistral Large 3``: ``mistral-large-3``;
    a name that is no family of the lab's gets the lab's: ``OCR 3`` is
    ``mistral-ocr-3``). ``forms`` maps a dated id to ``(model key, version)``:
    an API name ending in the card's version (``mistral-large-2512``: version
    ``25.12``, or the release month), and the repo id of the weights the API
    serves (``Mistral-Large-3-675B-Instruct-2512``: the card's one set of
    weights, or its instruct weights where it lists instruct, base and reasoning
    ones and API names). ``keys`` maps that repo id without its version
    (``mistral-large-3-675b-instruct``, as Bedrock writes it) to the model key.
    The card's other repos are models of their own; their dated form is their
    version. ``moving`` holds the undated stems of API names that more than one
    model's cards give (``mistral-medium``: 2312, 2505 and 2508 are three models):
    a moving name, as ``-latest`` is. API names two cards give, ``-latest`` ones
    and undated ones join nothing (``mistral-medium-3`` serves Mistral Medium 3.5
    today)."""

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, str] | None] = {}
        self.keys: dict[str, str | None] = {}
        self.names: dict[str, LabName | None] = {}
        self.stems: dict[str, set[str]] = {}
        self.pointers: set[str] = set()
        self._undated: dict[str, str] = {}  # an undated API name -> the model it serves

    @staticmethod
    def _put(table: dict[str, Any], form: str, value: Any) -> None:
        table[form] = value if table.get(form, value) == value else None  # two cards: neither

    def add(self, table: Mapping[str, Any]) -> None:
        lab, where = table["lab"], f"{table['source']}/blob/{table['commit']}"
        lone: dict[str, int] = {}  # cards per model key (Mistral 7B has three)
        for card in table["models"]:
            if card.get("name"):
                model = spelling(card["name"])
                if family_lab(model) != lab:
                    model = spelling(f"{lab} {card['name']}")
                lone[model] = lone.get(model, 0) + 1
        for card in table["models"]:
            name, released = card.get("name"), str(card.get("released") or "")
            if not name:
                continue
            model = spelling(name)
            if family_lab(model) != lab:
                model = spelling(f"{lab} {name}")
            said = LabName(name, f"{table['title']}: {card['slug']}", f"{where}/{card['path']}")
            if model not in self.names:
                self.names[model] = said
            elif (known := self.names[model]) is not None and known.name != name:
                self.names[model] = None  # two names for one key: the table does not say
            version = str(card.get("version") or "")
            stamps = {version.replace(".", "")}
            if re.fullmatch(r"\d+\.\d+", version) and lone[model] == 1:
                stamps.add(spelling(f"v{version}"))  # Mixtral-8x7B-Instruct-v0.1
            if len(released) >= 7:
                stamps.add(released[2:4] + released[5:7])
            apis = [a for a in card.get("api_names", ()) if not _ALIAS.search(a)]
            stem = re.sub(r"(?:-\d+)+$", "", model)
            dated_by_name = re.fullmatch(r"(\d\d)\.(\d\d)", version)
            if stem != model and dated_by_name:  # mistral-medium-2604: Mistral Medium 3.5
                yymm = dated_by_name.group(1) + dated_by_name.group(2)
                self._put(self.forms, f"{stem}-{yymm}", (model, yymm))
                self.stems.setdefault(stem, set()).add(model)
            for api in apis:
                if not re.search(r"-\d{4}$", api):
                    self._undated[spelling(api)] = model
                dated = re.search(r"-(\d{4})$", api)
                if dated and dated.group(1) in stamps:
                    self._put(self.forms, spelling(api), (model, dated.group(1)))
                    self.stems.setdefault(spelling(api[: dated.start()]), set()).add(model)
            weights = [w for w in card.get("weights", ()) if w["url"].startswith(_HF)]
            served = weights[0] if len(card.get("weights", ())) == 1 and weights else None
            if served is None and apis:
                served = next((w for w in weights if w["name"] == "Instruct Weights"), None)
            for w in weights:
                form = spelling(w["url"][len(_HF) :].rpartition("/")[2])
                stamp = next((t for t in stamps if t and form.endswith(f"-{t}")), None)
                undated = form[: -len(stamp) - 1] if stamp else form
                label = f"v{version}" if stamp and stamp.startswith("v-") else stamp
                if w is served and (stamp or len(card.get("weights", ())) == 1):
                    if stamp:
                        self._put(self.forms, form, (model, label))
                    if undated != model:
                        self._put(self.keys, undated, model)
                elif stamp and undated != model:  # Mixtral-8x7B-v0.1 (the base) stays apart
                    self._put(self.forms, form, (undated, label))

    def load(self, folder: str) -> None:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    self.add(json.load(f))
        self.forms = {k: v for k, v in self.forms.items() if v is not None}
        self.keys = {k: v for k, v in self.keys.items() if v is not None}
        # an undated API name that is another model's name: mistral-medium-3 serves
        # Mistral Medium 3.5, not Mistral Medium 3 (a name the lab moves on)
        self.pointers = {a for a, m in self._undated.items() if a != m and a in self.names}


_TABLES = _LabTables()
_TABLES.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tables"))
_TABLE_FORMS: dict[str, tuple[str, str]] = {k: v for k, v in _TABLES.forms.items() if v}
_TABLE_KEYS: dict[str, str] = {k: v for k, v in _TABLES.keys.items() if v}
_TABLE_MOVING = frozenset(stem for stem, models in _TABLES.stems.items() if len(models) > 1)
_TABLE_MOVING |= _TABLES.pointers
_TABLE_NAMES = _TABLES.names


def lab_name(key: str) -> LabName | None:
    """The name the lab's own table gives the model of ``key`` (``devstral-small-1-1``:
    "Devstral Small 1.1"), if it has one."""
    return _TABLE_NAMES.get(key)


# --------------------------------------------------------------------------- kept apart

_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[bmt]|a?\d+b|\d+x\d+b|\d+e)$")
_WINDOW = re.compile(r"^\d+k$")
_VARIANT = frozenset({"instruct", "chat", "base", "it", "text", "vision", "vl", "thinking"})
_NUMBER = re.compile(r"^(?:v|\d)[\d.]*$")


def why_apart(a: str, b: str) -> str:
    """Why models ``a`` and ``b`` (ids), which share a name, are two records: the
    words their ids differ in, and what such a word can mean."""
    ta, tb = (re.split(r"[-_:@/\s]+", x.lower()) for x in (a, b))
    only = [t for t in ta if t not in tb] + [t for t in tb if t not in ta]
    if not only:
        return f"{a} and {b} are spelled the same way once written alike; no rule joins them"
    kinds: list[str] = []
    for t in only:
        kind = (
            "a size" if _SIZE.match(t)
            else "a context length" if _WINDOW.match(t)
            else "instruct, base or another variant" if t in _VARIANT
            else "a version or number" if _NUMBER.match(t)
            else None
        )  # fmt: skip
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    words = ", ".join(f"'{t}'" for t in only)
    meaning = (
        f" ({' or '.join(kinds)}, which can tell models apart)" if kinds else " (another name)"
    )
    return f"the ids differ in {words}{meaning}; no written rule or table says they are one model"
