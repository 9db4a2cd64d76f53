"""Every provider in one table: what it is, and its name in each catalog.

A catalog entry names the provider that serves it, in that catalog's own
spelling: LiteLLM's ``bedrock_converse``, genai-prices' ``aws`` and models.dev's
``amazon-bedrock`` are one provider, Amazon Bedrock. :data:`PROVIDERS` gives
each provider one id, its kind (:data:`KINDS`) and the exact spellings
models.dev, LiteLLM and genai-prices use for it; :func:`provider` looks one up.

>>> provider("litellm", "bedrock_converse").id
'amazon-bedrock'
>>> provider("genai-prices", "AWS").kind
'cloud'

The kinds:

- ``lab``: the model maker's own API (``lab`` is the maker's vendor id), including
  its regional endpoints (``-cn``) and its coding or token plans, each a provider
  of its own (a plan's prices are a subscription's, not per-token list prices);
- ``cloud``: a hyperscaler or data platform that serves many makers' models
  (Bedrock, Azure, Vertex AI, watsonx, ...);
- ``gateway``: a router or aggregator that resells other providers' APIs;
- ``host``: an inference host that runs (mostly open-weights) models itself,
  local runtimes included.

HELM is not here: its "provider" is the model's organisation, not an offering.
It imports nothing (its annotations are strings naming builtins): it may come on
the start-up path. Should it need a type import there, it takes the start-up
modules' ``TYPE_CHECKING = False`` block (tests/test_startup.py allows that block
only on the start-up path, which this module is not on yet).
"""

from __future__ import annotations

KINDS = ("lab", "cloud", "gateway", "host")
"""What a provider is: the maker's own API, a cloud platform, a reseller, an inference host."""

KIND_ABOUT = {
    "lab": "the model maker's own API",
    "cloud": "a hyperscaler or data platform that serves many makers' models",
    "gateway": "a router or aggregator that resells other providers' APIs",
    "host": "an inference host that runs (mostly open-weights) models itself",
}
"""Each kind of :data:`KINDS` in a few words, as a provider's page explains it."""

CATALOGS = ("models.dev", "litellm", "genai-prices")
"""The catalogs whose entries name a provider (HELM's name the model's organisation)."""


class Provider:
    """One provider: its id and name, its kind (:data:`KINDS`), the maker's vendor id
    when it is a lab's own API, its spellings per catalog, a url, a note, and the
    currency it bills in where that is not USD (catalogs then give converted
    figures, each at its own rate), the fields a catalog fills for it with
    something else (``not_said``: Helicone's knowledge date is its release month),
    which are then no claims, the values a catalog writes for it where it knows
    none (``placeholders``: Vercel's knowledge date 2024-10), and the catalogs that
    repeat its input limit as its output limit where it states none
    (``output_repeats_input``: such an output limit is no claim)."""

    __slots__ = (
        "billed_in", "id", "kind", "lab", "name", "names", "not_said", "note",
        "output_repeats_input", "placeholders", "url",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        name: str,
        kind: str,
        *,
        names: dict[str, tuple[str, ...]],
        lab: str | None = None,
        url: str | None = None,
        note: str | None = None,
        billed_in: str = "USD",
        not_said: tuple[str, ...] = (),
        output_repeats_input: tuple[str, ...] = (),
        placeholders: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.placeholders = placeholders
        self.billed_in = billed_in
        self.not_said = not_said
        self.output_repeats_input = output_repeats_input
        self.id = id
        self.name = name
        self.kind = kind
        self.lab = lab
        self.names = names
        self.url = url
        self.note = note

    def __repr__(self) -> str:
        return f"Provider({self.id!r}, {self.kind!r})"


MD, LL, GP = CATALOGS

_PLAN = "a subscription plan: its prices are not per-token list prices"
_REPEATS = "of its entries with both limits give an output limit equal to the input limit"
"""Why a catalog is in a provider's :attr:`Provider.output_repeats_input` (after "N of M")."""
_OPEN = (
    "entries of open-weights families (Llama, Qwen 2 and 3, QwQ, Gemma, gpt-oss, DeepSeek R1 "
    "and V3, GLM 4.5 to 4.7, Kimi K2, ERNIE 4.5, Mistral 7B, Mixtral, Hermes, Phi 3 and 4) "
    "open_weights false: a default, no claim"
)
"""Why a provider's open_weights is :attr:`Provider.not_said` (after "marks N of its M")."""

PROVIDERS: tuple[Provider, ...] = (
    Provider("302ai", "302.AI", "gateway", names={MD: ("302ai",)}, url="https://doc.302.ai"),
    Provider("abacus", "Abacus.AI RouteLLM", "gateway", names={MD: ("abacus",)},
             url="https://abacus.ai/help/api"),
    Provider("abliteration-ai", "abliteration.ai", "lab", lab="abliteration-ai",
             names={MD: ("abliteration-ai",), LL: ("abliteration",)},
             url="https://docs.abliteration.ai/models",
             note="serves its own refusal-removed ('abliterated') derivatives of open models "
                  "under its own model names"),
    Provider("ai21", "AI21 Labs", "lab", lab="ai21", names={LL: ("ai21",)},
             url="https://docs.ai21.com", note=f"LiteLLM 1.110.2: 12 of 12 {_REPEATS}",
             output_repeats_input=(LL,)),
    Provider("aiand", "ai&", "host", names={LL: ("aiand",)},
             url="https://docs.aiand.com/api/chat-completions/"),
    Provider("aihubmix", "AIHubMix", "gateway", names={MD: ("aihubmix",), LL: ("aihubmix",)},
             url="https://docs.aihubmix.com"),
    Provider("alibaba", "Alibaba Cloud Model Studio", "lab", lab="alibaba",
             names={MD: ("alibaba",), LL: ("dashscope", "qwencloud")},
             url="https://www.alibabacloud.com/help/en/model-studio/models",
             note="DashScope's international endpoint (dashscope-intl): Qwen's own API, which "
                  "also serves DeepSeek, GLM and Kimi; LiteLLM's dashscope defaults to the "
                  "China host but carries the international list prices, the same as its "
                  "qwencloud (dashscope-intl)"),
    Provider("alibaba-cn", "Alibaba Cloud Model Studio (China)", "lab", lab="alibaba",
             names={MD: ("alibaba-cn",), LL: ("qwen_ai_platform",)},
             url="https://www.alibabacloud.com/help/en/model-studio/models",
             note="the China regional endpoint (dashscope.aliyuncs.com), priced apart; "
                  "LiteLLM's qwen_ai_platform (Qianwen AI Platform) calls this host although "
                  "its prices copy the international list",
             # the China endpoint bills in CNY: models.dev 1.0.398's alibaba-cn figures are
             # conversions, not the international list (qwen-turbo $0.044/$0.087 per 1M
             # against alibaba's $0.05/$0.2), so each catalog's USD figure has its own rate
             billed_in="CNY"),
    Provider("alibaba-coding-plan", "Alibaba Coding Plan", "lab", lab="alibaba",
             names={MD: ("alibaba-coding-plan",)},
             url="https://www.alibabacloud.com/help/en/model-studio/coding-plan",
             note=f"Alibaba's coding plan, international: {_PLAN}"),
    Provider("alibaba-coding-plan-cn", "Alibaba Coding Plan (China)", "lab", lab="alibaba",
             names={MD: ("alibaba-coding-plan-cn",)},
             url="https://help.aliyun.com/zh/model-studio/coding-plan",
             note=f"Alibaba's coding plan, China: {_PLAN}"),
    Provider("amazon-bedrock", "Amazon Bedrock", "cloud",
             names={MD: ("amazon-bedrock",), LL: ("bedrock", "bedrock_converse", "bedrock_mantle"),
                    GP: ("aws",)},
             url="https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html",
             note="LiteLLM's bedrock (invoke), bedrock_converse (Converse API) and "
                  "bedrock_mantle (OpenAI-compatible) are routes to the same service"),
    Provider("amazon-nova", "Amazon Nova", "lab", lab="amazon",
             names={MD: ("nova",), LL: ("amazon_nova",)},
             url="https://nova.amazon.com/dev/documentation",
             note="Amazon's own Nova API (api.nova.amazon.com), not Bedrock"),
    Provider("amazon-sagemaker", "Amazon SageMaker", "cloud", names={LL: ("sagemaker",)},
             url="https://aws.amazon.com/sagemaker/",
             note="models deployed on your own SageMaker endpoints"),
    Provider("ambient", "Ambient", "host", names={MD: ("ambient",)}, url="https://ambient.xyz"),
    Provider("anthropic", "Anthropic", "lab", lab="anthropic",
             names={MD: ("anthropic",), LL: ("anthropic",), GP: ("anthropic",)},
             url="https://docs.anthropic.com/en/docs/about-claude/models"),
    Provider("anyscale", "Anyscale Endpoints", "host", names={LL: ("anyscale",)},
             url="https://docs.anyscale.com"),
    Provider("arcee", "Arcee AI", "lab", lab="arcee-ai", names={GP: ("arcee",)},
             url="https://docs.arcee.ai/get-started/pricing",
             note="the Arcee Platform API: the maker's own Trinity models, and other makers' "
                  "open models it hosts (most of genai-prices' entries)"),
    Provider("atomic-chat", "Atomic Chat", "host", names={MD: ("atomic-chat",)},
             url="https://atomic.chat",
             note="a local runtime (127.0.0.1): runs models on your own machine"),
    Provider("auriko", "Auriko", "gateway", names={MD: ("auriko",)}, url="https://docs.auriko.ai"),
    Provider("avian", "Avian", "host", names={GP: ("avian",)}, url="https://avian.io"),
    Provider("azure", "Microsoft Azure AI Foundry", "cloud",
             names={MD: ("azure", "azure-cognitive-services"),
                    LL: ("azure", "azure_ai", "azure_text"), GP: ("azure",)},
             url="https://learn.microsoft.com/en-us/azure/ai-services/openai/concepts/models",
             note="Azure OpenAI and Azure AI Foundry models (LiteLLM's azure_ai, models.dev's "
                  "azure-cognitive-services) are one platform; genai-prices' azure matches both "
                  "hosts"),
    Provider("bailing", "Bailing (Ant Group)", "lab", lab="ant-group", names={MD: ("bailing",)},
             url="https://alipaytbox.yuque.com/sxs0ba/ling/intro",
             note="Ant Group's API (tbox.cn) for its own Ling and Ring models"),
    Provider("baseten", "Baseten", "host",
             names={MD: ("baseten",), LL: ("baseten",), GP: ("baseten",)},
             url="https://docs.baseten.co/development/model-apis/overview"),
    Provider("berget", "Berget AI", "host", names={MD: ("berget",)}, url="https://api.berget.ai"),
    Provider("bespoke", "Bespoke Labs", "lab", lab="bespoke-labs", names={LL: ("bespoke",)},
             url="https://github.com/bespokelabsai/nimble",
             note="a self-hosted decision model (Nimble) with no hosted API: the spelling names "
                  "its maker; LiteLLM prices it at 0 (you pay for the infrastructure)"),
    Provider("cerebras", "Cerebras", "host",
             names={MD: ("cerebras",), LL: ("cerebras",), GP: ("cerebras",)},
             url="https://inference-docs.cerebras.ai/models/overview"),
    Provider("chatgpt", "ChatGPT subscription", "lab", lab="openai", names={LL: ("chatgpt",)},
             url="https://chatgpt.com/pricing",
             note=f"OpenAI models through a ChatGPT account's OAuth login (Codex): {_PLAN}; "
                  "kept apart from the OpenAI API"),
    Provider("chutes", "Chutes", "host", names={MD: ("chutes",)}, url="https://chutes.ai"),
    Provider("clarifai", "Clarifai", "host", names={MD: ("clarifai",)},
             url="https://docs.clarifai.com/compute/inference/"),
    Provider("claudinio", "Claudinio", "lab", lab="claudinio", names={MD: ("claudinio",)},
             url="https://claudin.io",
             note="one model of its own name (Claudinio), served by its own API"),
    Provider("clf-ai-gateway", "CLF AI Gateway", "gateway", names={LL: ("clf_ai_gateway",)},
             url="https://clfaigateway.dev/models",
             note="api.clfaigateway.dev: not Cloudflare's AI Gateway (cloudflare-ai-gateway)"),
    Provider("cloudferro-sherlock", "CloudFerro Sherlock", "host",
             names={MD: ("cloudferro-sherlock",)}, url="https://docs.sherlock.cloudferro.com/"),
    Provider("cloudflare-ai-gateway", "Cloudflare AI Gateway", "gateway",
             names={MD: ("cloudflare-ai-gateway",)},
             url="https://developers.cloudflare.com/ai-gateway/",
             note=f"models.dev 1.0.398 marks 22 of its 25 {_OPEN}", not_said=("open_weights",)),
    Provider("cloudflare-workers-ai", "Cloudflare Workers AI", "host",
             names={MD: ("cloudflare-workers-ai",), LL: ("cloudflare",), GP: ("cloudflare",)},
             url="https://developers.cloudflare.com/workers-ai/models/"),
    Provider("codestral", "Mistral Codestral endpoint", "lab", lab="mistral",
             names={LL: ("codestral", "text-completion-codestral")},
             url="https://docs.mistral.ai/capabilities/code_generation/",
             note="Mistral's dedicated Codestral endpoint (codestral.mistral.ai, its own keys), "
                  "chat and fill-in-the-middle routes; LiteLLM prices it at 0, not Mistral's "
                  "per-token list"),
    Provider("cognition", "Cognition", "lab", lab="cognition", names={LL: ("cognition",)},
             url="https://docs.devin.ai", note="the maker of the SWE models (Devin, Windsurf)"),
    Provider("cohere", "Cohere", "lab", lab="cohere",
             names={MD: ("cohere",), LL: ("cohere", "cohere_chat"), GP: ("cohere",)},
             url="https://docs.cohere.com/docs/models"),
    Provider("coralbricks", "CoralBricks", "host", names={LL: ("coralbricks",)},
             url="https://www.coralbricks.ai/pricing"),
    Provider("cortecs", "Cortecs", "gateway", names={MD: ("cortecs",)},
             url="https://api.cortecs.ai/v1/models",
             note="a European router: routes each model to one of several EU providers"),
    Provider("crusoe", "Crusoe", "host", names={LL: ("crusoe",)}, url="https://crusoe.ai"),
    Provider("cursor", "Cursor", "lab", lab="cursor", names={GP: ("cursor",)},
             url="https://cursor.com/docs/models-and-pricing",
             note="Cursor's API: its own Composer models, and xAI's Grok models it serves"),
    Provider("darkbloom", "Darkbloom", "host", names={LL: ("darkbloom",)},
             url="https://www.darkbloom.dev/"),
    Provider("databricks", "Databricks", "cloud",
             names={MD: ("databricks",), LL: ("databricks",), GP: ("databricks",)},
             url="https://docs.databricks.com/aws/en/machine-learning/foundation-models/",
             note="a data platform on AWS, Azure and GCP serving many makers' models, "
                  "proprietary ones included"),
    Provider("deepinfra", "DeepInfra", "host", names={MD: ("deepinfra",), LL: ("deepinfra",)},
             url="https://deepinfra.com/models"),
    Provider("deepseek", "DeepSeek", "lab", lab="deepseek",
             names={MD: ("deepseek",), LL: ("deepseek",), GP: ("deepseek",)},
             url="https://api-docs.deepseek.com/quick_start/pricing"),
    Provider("digitalocean", "DigitalOcean Gradient AI", "cloud",
             names={MD: ("digitalocean",), LL: ("gradient_ai",)},
             url="https://docs.digitalocean.com/products/gradient-ai-platform/details/models/",
             note="a cloud platform serving many makers' models, proprietary ones included; "
                  "LiteLLM's gradient_ai is its Gradient AI platform"),
    Provider("dinference", "DInference", "host", names={MD: ("dinference",)},
             url="https://dinference.com"),
    Provider("doubleword", "Doubleword", "host", names={GP: ("doubleword",)},
             url="https://docs.doubleword.ai/inference-api/models"),
    Provider("drun", "D.Run", "host", names={MD: ("drun",)}, url="https://www.d.run"),
    Provider("elevenlabs", "ElevenLabs", "lab", lab="elevenlabs", names={GP: ("elevenlabs",)},
             url="https://elevenlabs.io/pricing/api"),
    Provider("empiriolabs", "Empirio Labs", "gateway", names={LL: ("empiriolabs",)},
             url="https://empiriolabs.ai",
             note="resells other makers' models, proprietary ones too (Perplexity, Nova, "
                  "Muse), beside a few models of its own (Aplomb, Fugu)"),
    Provider("eu-jev", "eu/jev", "lab", lab="eu-jev", names={LL: ("eu_jev",)},
             url="https://eu-jev.com/docs",
             note="its own decision models (eu-jeff) through its own API"),
    Provider("evroc", "evroc", "host", names={MD: ("evroc",)},
             url="https://docs.evroc.com/products/think/overview.html"),
    Provider("fal", "fal.ai", "host", names={LL: ("fal_ai",)}, url="https://fal.ai/models"),
    Provider("fastrouter", "FastRouter", "gateway", names={MD: ("fastrouter",)},
             url="https://fastrouter.ai/models"),
    Provider("featherless-ai", "Featherless AI", "host", names={LL: ("featherless_ai",)},
             url="https://featherless.ai"),
    Provider("fireworks", "Fireworks AI", "host",
             names={MD: ("fireworks-ai",), LL: ("fireworks_ai", "fireworks_ai-embedding-models"),
                    GP: ("fireworks",)},
             url="https://fireworks.ai/docs/"),
    Provider("fireworks-firepass", "Fireworks Firepass", "host", names={MD: ("firepass",)},
             url="https://docs.fireworks.ai/firepass", note=f"Fireworks' Firepass: {_PLAN}"),
    Provider("friendli", "FriendliAI", "host", names={MD: ("friendli",), LL: ("friendliai",)},
             url="https://friendli.ai/docs/guides/serverless_endpoints/introduction"),
    Provider("frogbot", "FrogBot", "gateway", names={MD: ("frogbot",)},
             url="https://docs.frogbot.ai"),
    Provider("gigachat", "GigaChat", "lab", lab="sber", names={LL: ("gigachat",)},
             url="https://docs.litellm.ai/docs/providers/gigachat",
             note="Sber's own API for its GigaChat models"),
    Provider("github-copilot", "GitHub Copilot", "gateway",
             names={MD: ("github-copilot",), LL: ("github_copilot",), GP: ("github-copilot",)},
             url="https://docs.github.com/en/copilot",
             note="many makers' models behind a Copilot subscription, metered in AI credits"),
    Provider("github-models", "GitHub Models", "gateway", names={MD: ("github-models",)},
             url="https://docs.github.com/en/github-models"),
    Provider("gitlab", "GitLab Duo", "gateway", names={MD: ("gitlab",)},
             url="https://docs.gitlab.com/user/duo_agent_platform/",
             note="OpenAI and Anthropic models inside GitLab Duo: part of a GitLab "
                  "subscription, not per-token list prices"),
    Provider("gmi-cloud", "GMI Cloud", "host", names={MD: ("gmicloud",), LL: ("gmi",)},
             url="https://docs.gmicloud.ai/inference-engine/api-reference/llm-api-reference",
             note="a GPU cloud running open models itself; it also resells a few proprietary "
                  "ones (Claude)"),
    Provider("google", "Google Gemini API", "lab", lab="google",
             names={MD: ("google",), LL: ("gemini",), GP: ("google",)},
             url="https://ai.google.dev/gemini-api/docs/models",
             note="genai-prices' google matches any googleapis.com host (Vertex AI's too) and "
                  "prices Gemini models at the Gemini API's list"),
    Provider("google-vertex", "Google Vertex AI", "cloud",
             names={MD: ("google-vertex", "google-vertex-anthropic"),
                    LL: ("vertex_ai", "vertex_ai-ai21_models", "vertex_ai-anthropic_models",
                         "vertex_ai-deepseek_models", "vertex_ai-embedding-models",
                         "vertex_ai-language-models", "vertex_ai-llama_models",
                         "vertex_ai-minimax_models", "vertex_ai-mistral_models",
                         "vertex_ai-moonshot_models", "vertex_ai-openai_models",
                         "vertex_ai-qwen_models", "vertex_ai-text-models",
                         "vertex_ai-video-models", "vertex_ai-zai_models")},
             url="https://cloud.google.com/vertex-ai/generative-ai/docs/models",
             note="LiteLLM's vertex_ai-* spellings are its groups of Vertex AI models "
                  "(Gemini, partner and open models), one service"),
    Provider("groq", "Groq", "host", names={MD: ("groq",), LL: ("groq",), GP: ("groq",)},
             url="https://console.groq.com/docs/models"),
    Provider("helicone", "Helicone AI Gateway", "gateway", names={MD: ("helicone",)},
             url="https://helicone.ai/models",
             note="models.dev 1.0.398 gives each of its 90 entries a knowledge date equal to "
                  f"the entry's release month: no cutoff; it marks 31 of its 31 {_OPEN}",
             not_said=("knowledge_cutoff", "open_weights")),
    Provider("heroku", "Heroku Managed Inference", "cloud", names={LL: ("heroku",)},
             url="https://devcenter.heroku.com/articles/heroku-inference",
             note="Salesforce's application platform, serving Claude and other makers' models "
                  "to its apps"),
    Provider("hostinger-router", "Hostinger Router", "gateway", names={LL: ("hostinger_router",)},
             url="https://router.hostinger.com/v1/models"),
    Provider("hpc-ai", "HPC-AI", "host", names={MD: ("hpc-ai",)},
             url="https://www.hpc-ai.com/doc/docs/quickstart/"),
    Provider("huggingface", "Hugging Face Inference Providers", "gateway",
             names={MD: ("huggingface",),
                    GP: ("huggingface_cerebras", "huggingface_fireworks-ai", "huggingface_groq",
                         "huggingface_hyperbolic", "huggingface_nebius", "huggingface_novita",
                         "huggingface_nscale", "huggingface_ovhcloud", "huggingface_publicai",
                         "huggingface_sambanova", "huggingface_together")},
             url="https://huggingface.co/docs/inference-providers",
             note="Hugging Face's router (router.huggingface.co) in front of partner hosts, "
                  "billed to a Hugging Face account: genai-prices' huggingface_<host> are its "
                  "routes to one host each, an offering of the router, not the host's own API"),
    Provider("hyperbolic", "Hyperbolic", "host", names={LL: ("hyperbolic",)},
             url="https://docs.hyperbolic.xyz"),
    Provider("ibm-watsonx", "IBM watsonx.ai", "cloud", names={LL: ("watsonx",)},
             url="https://www.ibm.com/products/watsonx-ai"),
    Provider("iflow", "iFlow", "host", names={MD: ("iflowcn",)},
             url="https://platform.iflow.cn/en/docs",
             note="the API of Alibaba's iFlow platform (China): several makers' models, "
                  "not Qwen's own API; models.dev 1.0.398 gives its 14 entries 5 pairs of "
                  "release and knowledge dates (glm-4.6, kimi-k2, qwen3-32b and qwen3-235b, "
                  "released in 2025: 2024-12-01 and 2024-10), no dates of theirs",
             not_said=("released", "knowledge_cutoff")),
    Provider("inception", "Inception", "lab", lab="inception-labs",
             names={MD: ("inception",), LL: ("inception", "text-completion-inception")},
             url="https://platform.inceptionlabs.ai/docs",
             note="LiteLLM's text-completion-inception is the same API's completions route"),
    Provider("inference-net", "Inference.net", "host", names={MD: ("inference",)},
             url="https://inference.net/models"),
    Provider("inferenceapis", "Inference APIs", "host", names={LL: ("inferenceapis",)},
             url="https://inferenceapis.com/pricing"),
    Provider("io-net", "IO.NET", "host", names={MD: ("io-net",)},
             url="https://io.net/docs/guides/intelligence/io-intelligence"),
    Provider("jiekou", "Jiekou.AI", "gateway", names={MD: ("jiekou",)},
             url="https://docs.jiekou.ai/docs/support/quickstart"),
    Provider("jina-ai", "Jina AI", "lab", lab="jina-ai", names={LL: ("jina_ai",)},
             url="https://jina.ai"),
    Provider("kilo", "Kilo Gateway", "gateway", names={MD: ("kilo",)}, url="https://kilo.ai"),
    Provider("kimi-for-coding", "Kimi For Coding", "lab", lab="moonshot-ai",
             names={MD: ("kimi-for-coding",)},
             url="https://www.kimi.com/coding/docs/en/third-party-agents.html",
             note=f"Moonshot AI's coding plan: {_PLAN}"),
    Provider("kuae-cloud-coding-plan", "KUAE Cloud Coding Plan", "host",
             names={MD: ("kuae-cloud-coding-plan",)},
             url="https://docs.mthreads.com/kuaecloud/kuaecloud-doc-online/coding_plan/",
             note=f"Moore Threads' GPU cloud serving open models: {_PLAN}"),
    Provider("kyma", "Kyma API", "gateway", names={LL: ("kyma",)}, url="https://kymaapi.com"),
    Provider("lambda", "Lambda", "host", names={LL: ("lambda_ai",)},
             url="https://lambda.ai"),
    Provider("laya", "Laya", "lab", lab="laya", names={LL: ("laya",)},
             url="https://github.com/NandhaKishorM/laya",
             note="a self-hosted decision model with no hosted API: the spelling names its "
                  "maker; LiteLLM prices it at 0 (you pay for the infrastructure)"),
    Provider("lemonade", "Lemonade", "host", names={LL: ("lemonade",)},
             url="https://lemonade-server.ai",
             note="a local runtime: runs models on your own machine, at no price"),
    Provider("libertai", "LibertAI", "host", names={LL: ("libertai",)},
             url="https://docs.libertai.io/apis/text/"),
    Provider("lilac", "Lilac", "host", names={MD: ("lilac",)},
             url="https://docs.getlilac.com/inference/models"),
    Provider("llamagate", "LlamaGate", "host", names={LL: ("llamagate",)},
             url="https://llamagate.dev",
             note="serves small open models itself, despite a gateway's name"),
    Provider("llmgateway", "LLM Gateway", "gateway", names={MD: ("llmgateway",)},
             url="https://llmgateway.io/docs"),
    Provider("lmstudio", "LM Studio", "host", names={MD: ("lmstudio",)},
             url="https://lmstudio.ai/models",
             note="a local runtime (127.0.0.1): runs models on your own machine"),
    Provider("lucidquery", "LucidQuery AI", "lab", lab="lucidquery", names={MD: ("lucidquery",)},
             url="https://lucidquery.com/api/docs"),
    Provider("meganova", "Meganova", "host", names={MD: ("meganova",)},
             url="https://docs.meganova.ai"),
    Provider("meta", "Meta Model API", "lab", lab="meta",
             names={LL: ("meta",), GP: ("meta",)}, url="https://dev.meta.ai/docs",
             note="api.meta.ai, Meta's API for its Muse models; the Llama API is meta-llama"),
    Provider("meta-llama", "Llama API", "lab", lab="meta",
             names={MD: ("llama",), LL: ("meta_llama",)},
             url="https://llama.developer.meta.com/docs/models",
             note="api.llama.com, Meta's API for Llama models (some run by Cerebras and Groq "
                  "behind it)"),
    Provider("microsoft-365-copilot", "Microsoft 365 Copilot", "lab", lab="microsoft",
             names={LL: ("microsoft_365_copilot",)},
             url="https://learn.microsoft.com/en-us/microsoft-365-copilot/",
             note="Microsoft's own assistant behind a Microsoft 365 licence (one 'chat' "
                  "entry, no per-token prices); which models it runs is Microsoft's choice"),
    Provider("minimax", "MiniMax", "lab", lab="minimax",
             names={MD: ("minimax",), LL: ("minimax",), GP: ("minimax",)},
             url="https://platform.minimax.io/docs/guides/quickstart",
             note="the international platform (minimax.io)"),
    Provider("minimax-cn", "MiniMax (China)", "lab", lab="minimax", names={MD: ("minimax-cn",)},
             url="https://platform.minimaxi.com/docs/guides/quickstart",
             note="the China regional endpoint (minimaxi.com), priced apart"),
    Provider("minimax-cn-coding-plan", "MiniMax Token Plan (China)", "lab", lab="minimax",
             names={MD: ("minimax-cn-coding-plan",)},
             url="https://platform.minimaxi.com/docs/token-plan/intro",
             note=f"MiniMax's token plan on minimaxi.com: {_PLAN}"),
    Provider("minimax-coding-plan", "MiniMax Token Plan", "lab", lab="minimax",
             names={MD: ("minimax-coding-plan",)},
             url="https://platform.minimax.io/docs/token-plan/intro",
             note=f"MiniMax's token plan on minimax.io: {_PLAN}"),
    Provider("mistral", "Mistral AI", "lab", lab="mistral",
             names={MD: ("mistral",), LL: ("mistral",), GP: ("mistral",)},
             url="https://docs.mistral.ai/getting-started/models/"),
    Provider("mixlayer", "Mixlayer", "host", names={MD: ("mixlayer",)},
             url="https://docs.mixlayer.com"),
    Provider("moark", "Moark", "host", names={MD: ("moark",)}, url="https://moark.com"),
    Provider("modal", "Modal", "host", names={GP: ("modal",)}, url="https://modal.com/library"),
    Provider("modelscope", "ModelScope", "host", names={MD: ("modelscope",)},
             url="https://modelscope.cn/docs/model-service/API-Inference/intro",
             note="the ModelScope hub's API inference (Alibaba's model community), open models"),
    Provider("moonshot-ai", "Moonshot AI", "lab", lab="moonshot-ai",
             names={MD: ("moonshotai",), LL: ("moonshot",), GP: ("moonshotai",)},
             url="https://platform.moonshot.ai/docs/api/chat",
             note=f"the international platform (moonshot.ai); LiteLLM 1.110.2: 13 of 13 {_REPEATS}",
             output_repeats_input=(LL,)),
    Provider("moonshot-ai-cn", "Moonshot AI (China)", "lab", lab="moonshot-ai",
             names={MD: ("moonshotai-cn",)}, url="https://platform.moonshot.cn/docs/api/chat",
             note="the China regional endpoint (moonshot.cn), priced apart"),
    Provider("morph", "Morph", "lab", lab="morph", names={MD: ("morph",), LL: ("morph",)},
             url="https://docs.morphllm.com/api-reference/introduction",
             note="the maker of the Morph fast-apply models; LiteLLM also lists open models "
                  f"it serves under morph- names; LiteLLM 1.110.2: 10 of 10 {_REPEATS}",
             output_repeats_input=(LL,)),
    Provider("nace", "Nace", "lab", lab="nace-ai", names={LL: ("nace",)},
             url="https://console.nace.ai/docs/drex/reference/models",
             note="its own decision models (Drex) through its own API"),
    Provider("nano-gpt", "NanoGPT", "gateway", names={MD: ("nano-gpt",)},
             url="https://docs.nano-gpt.com",
             note=f"models.dev 1.0.398 marks 160 of its 167 {_OPEN}", not_said=("open_weights",)),
    Provider("nearai", "NEAR AI Cloud", "gateway", names={MD: ("nearai",)},
             url="https://docs.near.ai/",
             note="mostly proprietary models (OpenAI, Anthropic, Google) resold, beside open "
                  "models it runs in secure enclaves"),
    Provider("nebius", "Nebius Token Factory", "host", names={MD: ("nebius",), LL: ("nebius",)},
             url="https://docs.tokenfactory.nebius.com/"),
    Provider("neuralwatt", "Neuralwatt", "host", names={MD: ("neuralwatt",)},
             url="https://portal.neuralwatt.com/docs"),
    Provider("nlp-cloud", "NLP Cloud", "host", names={LL: ("nlp_cloud",)},
             url="https://nlpcloud.com"),
    Provider("novita", "Novita AI", "host",
             names={MD: ("novita-ai",), LL: ("novita",), GP: ("novita",)},
             url="https://novita.ai/docs/guides/introduction"),
    Provider("nscale", "Nscale", "host", names={LL: ("nscale",)}, url="https://docs.nscale.com"),
    Provider("nvidia-nim", "NVIDIA NIM API", "host", names={MD: ("nvidia",), LL: ("nvidia_nim",)},
             url="https://docs.api.nvidia.com/nim/",
             note="NVIDIA's hosted API catalog (build.nvidia.com) runs many makers' open "
                  "models, not only NVIDIA's: a host"),
    Provider("ollama", "Ollama", "host", names={LL: ("ollama",)}, url="https://ollama.com",
             note="a local runtime: runs models on your own machine; Ollama's cloud is "
                  "ollama-cloud"),
    Provider("ollama-cloud", "Ollama Cloud", "host", names={MD: ("ollama-cloud",)},
             url="https://docs.ollama.com/cloud"),
    Provider("openai", "OpenAI", "lab", lab="openai",
             names={MD: ("openai",), LL: ("openai", "text-completion-openai"), GP: ("openai",)},
             url="https://platform.openai.com/docs/models",
             note="LiteLLM's text-completion-openai is the same API's legacy completions "
                  "route, at the same list prices"),
    Provider("openai-decisions", "OpenAI Decisions API", "lab", lab="openai",
             names={GP: ("openai-decisions",)},
             url="https://developers.openai.com/api/docs/guides/decisions",
             note="the Decisions endpoint of OpenAI's API, priced per decision apart from the "
                  "same models' chat prices (genai-prices lists it as a provider of its own)"),
    Provider("opencode", "OpenCode Zen", "gateway", names={MD: ("opencode",)},
             url="https://opencode.ai/docs/zen"),
    Provider("opencode-go", "OpenCode Go", "gateway",
             names={MD: ("opencode-go",), LL: ("opencode_go",)},
             url="https://opencode.ai/docs/zen",
             note="OpenCode's Go subscription, which both catalogs price per token"),
    Provider("openinfer", "OpenInfer", "host", names={LL: ("openinfer",)},
             url="https://api.openinfer.ai/v1/models"),
    Provider("openrouter", "OpenRouter", "gateway",
             names={MD: ("openrouter",), GP: ("openrouter",)}, url="https://openrouter.ai/models"),
    Provider("oracle-oci", "Oracle OCI Generative AI", "cloud", names={LL: ("oci",)},
             url="https://www.oracle.com/artificial-intelligence/generative-ai/"
                 "generative-ai-service/"),
    Provider("orcarouter", "OrcaRouter", "gateway", names={MD: ("orcarouter",)},
             url="https://docs.orcarouter.ai"),
    Provider("ovhcloud", "OVHcloud AI Endpoints", "host",
             names={MD: ("ovhcloud",), LL: ("ovhcloud",), GP: ("ovhcloud",)},
             url="https://www.ovhcloud.com/en/public-cloud/ai-endpoints/catalog/"),
    Provider("parallel-ai", "Parallel", "lab", lab="parallel-ai", names={LL: ("parallel_ai",)},
             url="https://docs.parallel.ai",
             note="its own search and decision models through its own API"),
    Provider("perplexity", "Perplexity", "lab", lab="perplexity",
             names={MD: ("perplexity", "perplexity-agent"), LL: ("perplexity",),
                    GP: ("perplexity",)},
             url="https://docs.perplexity.ai",
             note="one API (api.perplexity.ai): Sonar, and the Agent API that also serves other "
                  "makers' models; LiteLLM lists both under perplexity, models.dev's "
                  f"perplexity-agent is the Agent API; LiteLLM 1.110.2: 19 of 20 {_REPEATS}",
             output_repeats_input=(LL,)),
    Provider("pinstripes", "Pinstripes", "host", names={LL: ("pinstripes",)},
             url="https://pinstripes.io/"),
    Provider("poe", "Poe", "gateway", names={MD: ("poe",)},
             url="https://creator.poe.com/docs/external-applications/openai-compatible-api",
             note=f"models.dev 1.0.398 marks 14 of its 16 {_OPEN}", not_said=("open_weights",)),
    Provider("prism", "Prism Inference", "host", names={LL: ("prism",)},
             url="https://prisminference.com/pricing"),
    Provider("privatemode-ai", "Privatemode AI", "host", names={MD: ("privatemode-ai",)},
             url="https://docs.privatemode.ai/api/overview",
             note="confidential-computing inference of open models, reached through a local "
                  "encrypting proxy (localhost); models.dev 1.0.398 gives 4 of its 5 entries a "
                  "knowledge date equal to the release month: no cutoff",
             not_said=("knowledge_cutoff",)),
    Provider("publicai", "PublicAI", "host", names={LL: ("publicai",)},
             url="https://platform.publicai.co/docs"),
    Provider("qihang-ai", "QiHang", "gateway", names={MD: ("qihang-ai",)},
             url="https://www.qhaigc.net/docs"),
    Provider("qiniu-ai", "Qiniu AI", "gateway", names={MD: ("qiniu-ai",)},
             url="https://developer.qiniu.com/aitokenapi",
             note="a Chinese cloud company's token API reselling many makers' models, "
                  f"proprietary ones included; models.dev 1.0.398 marks 34 of its 34 {_OPEN}",
             not_said=("open_weights",)),
    Provider("quicksilverpro", "QuickSilver Pro", "gateway", names={GP: ("quicksilverpro",)},
             url="https://quicksilverpro.io"),
    Provider("refuseless", "Refuseless", "host", names={LL: ("refuseless",)},
             url="https://refuseless.com/pricing"),
    Provider("regolo-ai", "Regolo AI", "host", names={MD: ("regolo-ai",)},
             url="https://docs.regolo.ai/"),
    Provider("replicate", "Replicate", "host", names={LL: ("replicate",)},
             url="https://replicate.com"),
    Provider("requesty", "Requesty", "gateway", names={MD: ("requesty",)},
             url="https://requesty.ai/solution/llm-routing/models"),
    Provider("routing-run", "routing.run", "host", names={MD: ("routing-run",)},
             url="https://docs.routing.run/api-reference/models",
             note="open models only, with its own quantised variants (-6bit): it runs them, "
                  "despite a router's name"),
    Provider("runway", "Runway", "lab", lab="runway", names={LL: ("runwayml",)},
             url="https://docs.dev.runwayml.com"),
    Provider("sail", "Sail", "host", names={LL: ("sail",)},
             url="https://docs.sailresearch.com/models"),
    Provider("sambanova", "SambaNova Cloud", "host", names={LL: ("sambanova",)},
             url="https://cloud.sambanova.ai"),
    Provider("sap-ai-core", "SAP AI Core", "cloud", names={MD: ("sap-ai-core",)},
             url="https://help.sap.com/docs/sap-ai-core",
             note="SAP's generative AI hub: many makers' models on SAP's business platform"),
    Provider("sarvam-ai", "Sarvam AI", "lab", lab="sarvam-ai",
             names={MD: ("sarvam",), LL: ("sarvam",)},
             url="https://docs.sarvam.ai/api-reference-docs/getting-started/models"),
    Provider("scaledown", "ScaleDown", "lab", lab="scaledown", names={LL: ("scaledown",)},
             url="https://docs.litellm.ai/docs/providers/scaledown",
             note="its own compression and extraction models through its own API"),
    Provider("scaleway", "Scaleway Generative APIs", "host",
             names={MD: ("scaleway",), LL: ("scaleway",)},
             url="https://www.scaleway.com/en/docs/generative-apis/"),
    Provider("scx-ai", "SCX.ai", "host", names={LL: ("scx-ai",)}, url="https://scx.ai/pricing"),
    Provider("siliconflow", "SiliconFlow", "host", names={MD: ("siliconflow",)},
             url="https://cloud.siliconflow.com/models",
             note=f"models.dev 1.0.398 marks 55 of its 57 {_OPEN}", not_said=("open_weights",)),
    Provider("siliconflow-cn", "SiliconFlow (China)", "host", names={MD: ("siliconflow-cn",)},
             url="https://cloud.siliconflow.com/models",
             note="the China regional endpoint (siliconflow.cn), priced apart; models.dev "
                  f"1.0.398 marks 51 of its 60 {_OPEN}",
             not_said=("open_weights",)),
    Provider("snowflake", "Snowflake Cortex AI", "cloud", names={LL: ("snowflake",)},
             url="https://docs.snowflake.com/en/user-guide/snowflake-cortex/llm-functions",
             note="a data platform serving many makers' models, proprietary ones included"),
    Provider("soniox", "Soniox", "lab", lab="soniox", names={LL: ("soniox",)},
             url="https://soniox.com/pricing"),
    Provider("stackit", "STACKIT AI Model Serving", "host", names={MD: ("stackit",)},
             url="https://docs.stackit.cloud/products/data-and-ai/ai-model-serving/basics/"
                 "available-shared-models"),
    Provider("stepfun", "StepFun", "lab", lab="stepfun", names={MD: ("stepfun",)},
             url="https://platform.stepfun.com/docs/zh/overview/concept"),
    Provider("stepfun-step-plan", "StepFun Step Plan", "lab", lab="stepfun",
             names={MD: ("stepfun-ai",)},
             url="https://platform.stepfun.ai/docs/en/step-plan/integrations/open-code",
             note="StepFun's Step Plan on its international platform (api.stepfun.ai/step_plan), "
                  f"{_PLAN}, though models.dev gives per-token figures"),
    Provider("strands-decider", "Strands Decider", "lab", lab="strands-agents",
             names={LL: ("strands_decider",)},
             url="https://huggingface.co/StrandsAgents/strands-decider-2B-hobson-v19",
             note="a self-hosted decision model (AWS's open-source Strands Agents) run in your "
                  "own AgentCore runtime: the spelling names its maker; LiteLLM prices it at 0"),
    Provider("streamlake", "StreamLake", "host", names={LL: ("streamlake",)},
             url="https://www.streamlake.ai",
             note="Kuaishou's inference cloud; serves other makers' open models, none of "
                  "Kuaishou's own in LiteLLM"),
    Provider("submodel", "submodel", "host", names={MD: ("submodel",)},
             url="https://submodel.gitbook.io"),
    Provider("synthetic", "Synthetic", "host", names={MD: ("synthetic",)},
             url="https://synthetic.new/pricing"),
    Provider("tencent-coding-plan", "Tencent Coding Plan (China)", "lab", lab="tencent",
             names={MD: ("tencent-coding-plan",)},
             url="https://cloud.tencent.com/document/product/1772/128947",
             note=f"Tencent Cloud's coding plan (Hunyuan and others' models): {_PLAN}"),
    Provider("tencent-tokenhub", "Tencent TokenHub", "lab", lab="tencent",
             names={MD: ("tencent-tokenhub",), LL: ("tencent",)},
             url="https://cloud.tencent.com/document/product/1823/130050",
             note="Tencent Cloud's model API: Tencent's own HY (Hunyuan) models first-hand, "
                  "also DeepSeek, GLM, Kimi and MiniMax (as Alibaba's Model Studio does)"),
    Provider("tensormesh", "Tensormesh", "host", names={LL: ("tensormesh",)},
             url="https://tensormesh.ai"),
    Provider("the-grid-ai", "The Grid AI", "gateway", names={MD: ("the-grid-ai",)},
             url="https://thegrid.ai/docs",
             note="sells capability tiers (agent-max, code-prime, ...), routed to models "
                  "it buys from other providers"),
    Provider("together", "Together AI", "host",
             names={MD: ("togetherai",), LL: ("together_ai",), GP: ("together",)},
             url="https://docs.together.ai/docs/serverless-models"),
    Provider("typesafe", "TypeSafe", "lab", lab="typesafe",
             names={LL: ("typesafe",), GP: ("typesafe",)}, url="https://docs.typesafe.ai/models",
             note="its own decision models (Jev) through its own API; genai-prices 0.2.5 gives "
                  "its 5 Jev versions a 32,000-token context window, which its price comment "
                  "calls 'the default context limit ... within the 64k per-request limit': a "
                  "default, not the model's window",
             not_said=("context_window",)),
    Provider("umans-ai-coding-plan", "Umans AI Coding Plan", "host",
             names={MD: ("umans-ai-coding-plan",)},
             url="https://app.umans.ai/offers/code/docs",
             note=f"open models (some under Umans names): {_PLAN}"),
    Provider("upstage", "Upstage", "lab", lab="upstage", names={MD: ("upstage",)},
             url="https://developers.upstage.ai/docs/apis/chat"),
    Provider("v0", "v0", "lab", lab="vercel", names={MD: ("v0",), LL: ("v0",)},
             url="https://sdk.vercel.ai/providers/ai-sdk-providers/vercel",
             note="Vercel's own v0 models through the v0 API (not the Vercel AI Gateway); "
                  f"LiteLLM 1.110.2: 3 of 3 {_REPEATS}",
             output_repeats_input=(LL,)),
    Provider("venice", "Venice AI", "host", names={MD: ("venice",)}, url="https://docs.venice.ai",
             note="runs open models itself (and its own Venice Uncensored); it also resells "
                  "some proprietary ones"),
    Provider("vercel", "Vercel AI Gateway", "gateway",
             names={MD: ("vercel",), LL: ("vercel_ai_gateway",)},
             url="https://vercel.com/docs/ai-gateway",
             note="models.dev 1.0.398 gives 54 of its 148 dated entries, of 15 labs, the "
                  "knowledge date 2024-10 (Codestral's, released 2024-05; o3-deep-research's, "
                  "released 2024-06); of the 53 models they join, the other sources agree for 4 "
                  "and differ for 32: a placeholder",
             placeholders=(("knowledge_cutoff", "2024-10"),)),
    Provider("vivgrid", "Vivgrid", "gateway", names={MD: ("vivgrid",)},
             url="https://docs.vivgrid.com/models"),
    Provider("volcengine", "Volcano Engine Ark", "lab", lab="bytedance",
             names={LL: ("volcengine",)}, url="https://www.volcengine.com/docs/82379",
             note="ByteDance's cloud: the Doubao and Seed models' own API, also serving "
                  "DeepSeek, GLM and Kimi (as Alibaba's Model Studio does)"),
    Provider("voyage-ai", "Voyage AI", "lab", lab="voyage-ai",
             names={LL: ("voyage",), GP: ("voyageai",)}, url="https://docs.voyageai.com"),
    Provider("vultr", "Vultr Serverless Inference", "host", names={MD: ("vultr",)},
             url="https://api.vultrinference.com/"),
    Provider("wafer-ai", "Wafer Pass", "host", names={MD: ("wafer.ai",)},
             url="https://docs.wafer.ai/wafer-pass", note=f"Wafer's open-model pass: {_PLAN}"),
    Provider("wally", "Wally", "host", names={LL: ("wally",)},
             url="https://www.runwally.com/pricing"),
    Provider("wandb", "W&B Inference", "host", names={MD: ("wandb",), LL: ("wandb",)},
             url="https://docs.wandb.ai/guides/integrations/inference/",
             note="Weights & Biases' inference, run on CoreWeave"),
    Provider("xai", "xAI", "lab", lab="xai", names={MD: ("xai",), LL: ("xai",), GP: ("x-ai",)},
             url="https://docs.x.ai/docs/models", note=f"LiteLLM 1.110.2: 43 of 43 {_REPEATS}",
             output_repeats_input=(LL,)),
    Provider("xiaomi", "Xiaomi MiMo", "lab", lab="xiaomi",
             names={MD: ("xiaomi",), LL: ("xiaomi_mimo",)},
             url="https://platform.xiaomimimo.com/#/docs"),
    Provider("xiaomi-token-plan-ams", "Xiaomi Token Plan (Europe)", "lab", lab="xiaomi",
             names={MD: ("xiaomi-token-plan-ams",)}, url="https://platform.xiaomimimo.com/#/docs",
             note=f"Xiaomi's token plan, European endpoint (Amsterdam): {_PLAN}"),
    Provider("xiaomi-token-plan-cn", "Xiaomi Token Plan (China)", "lab", lab="xiaomi",
             names={MD: ("xiaomi-token-plan-cn",)}, url="https://platform.xiaomimimo.com/#/docs",
             note=f"Xiaomi's token plan, China endpoint: {_PLAN}"),
    Provider("xiaomi-token-plan-sgp", "Xiaomi Token Plan (Singapore)", "lab", lab="xiaomi",
             names={MD: ("xiaomi-token-plan-sgp",)}, url="https://platform.xiaomimimo.com/#/docs",
             note=f"Xiaomi's token plan, Singapore endpoint: {_PLAN}"),
    Provider("xpersona", "Xpersona", "lab", lab="xpersona", names={MD: ("xpersona",)},
             url="https://www.xpersona.co/docs",
             note="one model of its own (Frieren Coder), served by its own API"),
    Provider("zai", "Z.AI", "lab", lab="zhipu-ai",
             names={MD: ("zai",), LL: ("zai",), GP: ("zai",)},
             url="https://docs.z.ai/guides/overview/pricing",
             note="Zhipu's international platform (api.z.ai); its China platform is zhipuai"),
    Provider("zai-coding-plan", "Z.AI Coding Plan", "lab", lab="zhipu-ai",
             names={MD: ("zai-coding-plan",)}, url="https://docs.z.ai/devpack/overview",
             note=f"Z.AI's GLM coding plan: {_PLAN}"),
    Provider("zenmux", "ZenMux", "gateway", names={MD: ("zenmux",)},
             url="https://docs.zenmux.ai",
             note="models.dev 1.0.398 gives 63 of its 96 entries the knowledge date 2025-01-01, "
                  f"a placeholder, and marks 15 of its 16 {_OPEN}",
             not_said=("open_weights",), placeholders=(("knowledge_cutoff", "2025-01-01"),)),
    Provider("zerogpu", "ZeroGPU", "host", names={LL: ("zerogpu",)},
             url="https://docs.zerogpu.ai/docs/model-catalog",
             note="mostly small open models it runs; it also resells a few OpenAI models"),
    Provider("zhipuai", "Zhipu AI BigModel (China)", "lab", lab="zhipu-ai",
             names={MD: ("zhipuai",), LL: ("bigmodel",), GP: ("zhipuai",)},
             url="https://docs.bigmodel.cn/cn/guide/start/model-overview",
             note="Zhipu's China platform (open.bigmodel.cn), priced apart from Z.AI's",
             # genai-prices 0.2.5: "Zhipu AI does not publish USD prices; CNY is the only
             # billing currency" (its figures converted at 1 USD = 7.25 CNY)
             billed_in="CNY"),
    Provider("zhipuai-coding-plan", "Zhipu AI Coding Plan (China)", "lab", lab="zhipu-ai",
             names={MD: ("zhipuai-coding-plan",)},
             url="https://docs.bigmodel.cn/cn/coding-plan/overview",
             note=f"Zhipu's GLM coding plan on bigmodel.cn: {_PLAN}"),
)  # fmt: skip
"""Every provider of models.dev, LiteLLM and genai-prices, sorted by id."""

_BY_NAME: dict[tuple[str, str], Provider] = {
    (catalog, name.lower()): p
    for p in PROVIDERS
    for catalog, spellings in p.names.items()
    for name in spellings
}
BY_ID: dict[str, Provider] = {p.id: p for p in PROVIDERS}


def provider(catalog: str, name: str) -> Provider | None:
    """The provider a catalog's spelling names (any case), or None when the table
    does not know it (or the catalog names no providers: HELM). Without a catalog,
    ``name`` may be any catalog's spelling or a provider's id."""
    key = name.strip().lower()
    if catalog:
        return _BY_NAME.get((catalog.lower(), key))
    found = BY_ID.get(key)
    if found is None:
        found = next((p for c in CATALOGS if (p := _BY_NAME.get((c, key)))), None)
    return found


def is_plan(p: Provider) -> bool:
    """Is ``p`` a subscription plan (whose prices are no per-token list prices)?"""
    return bool(p.note and _PLAN in p.note)
