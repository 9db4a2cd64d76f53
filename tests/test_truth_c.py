"""Truth pins for the pass that filled the models' nulls a primary source settles.

Every expected value is typed from the primary source's own words, quoted in the comment
beside it -- never read back from the data files. A value left empty because no source in
reach settles it is pinned as None, so that filling it later needs a source and a new pin.
"""

from __future__ import annotations

from typing import Any

import pytest

from genai_cli import load_catalog

CAT = load_catalog()
MODELS = CAT.by_id("models")
M = 1_000_000
B = 1_000_000_000

# --------------------------------------------------------------------------- parameters

# (model, state, min, max)
PARAMETERS = [
    # openai/whisper model-card.md: "large | 1550 M"; "`large-v3` in November 2023"
    ("whisper-v3", "exact", 1_550 * M, 1_550 * M),
    # google-research/text-to-text-transfer-transformer README: "T5-Small (60 million
    # parameters)" ... "T5-11B (11 billion parameters)"
    ("t5", "range", 60 * M, 11 * B),
    # RT-2 project page: "the model size: 5B vs 55B for the RT-2 PaLI-X variant"; "RT-2 trained
    # on top of PaLM-E (12B parameters)"; "RT-2 trained on top of PaLI-X (55B parameters)"
    ("rt-2", "range", 5 * B, 55 * B),
]


@pytest.mark.parametrize(("mid", "state", "lo", "hi"), PARAMETERS)
def test_parameters(mid: str, state: str, lo: int, hi: int) -> None:
    q = MODELS[mid]["parameters"]
    assert (q["state"], q["min"], q["max"]) == (state, lo, hi)
    assert not q.get("reported")  # the report gives none of these sizes


# --------------------------------------------------------------------------- architecture

# (model, architecture)
ARCHITECTURE = [
    # Microsoft Research post (via a stored copy): "T-NLG is a Transformer-based generative
    # language model"
    ("turing-nlg", ["transformer"]),
    # ResNet paper §3.2: "The function F(x, {Wi}) can represent multiple convolutional layers."
    ("resnet-50", ["cnn"]),
    # AlphaGo paper: "We pass in the board position as a 19 × 19 image and use convolutional
    # layers to construct a representation of the position."
    ("alphago", ["cnn"]),
    # ImageBind paper: "We use a Transformer architecture for all the modality encoders."
    ("imagebind", ["transformer"]),
]


@pytest.mark.parametrize(("mid", "arch"), ARCHITECTURE)
def test_architecture(mid: str, arch: list[str]) -> None:
    assert MODELS[mid]["architecture"] == arch


# --------------------------------------------------------------------------- context, shape

# (model, context_window)
CONTEXT_WINDOWS = [
    # PaLM paper, Training Setup: "A sequence length of 2048 was used for all models."
    ("palm", 2048),
    # Gopher paper: "We train all models for 300 billion tokens with a 2048 token context window"
    ("gopher", 2048),
    # metaseq opt_baselines.py: "SEQ_LEN = 2048" (passed as --tokens-per-sample)
    ("opt-175b", 2048),
]


@pytest.mark.parametrize(("mid", "tokens"), CONTEXT_WINDOWS)
def test_context_window(mid: str, tokens: int) -> None:
    assert MODELS[mid]["context_window"] == tokens


def test_opt_175b_shape() -> None:
    # metaseq opt_job_constants.py: '"175b": Size(96, 12288, 96, 128, ...)' -- n_layers, emb_size
    m = MODELS["opt-175b"]
    assert (m["layers"], m["embedding_dim"]) == (96, 12288)


# --------------------------------------------------------------------------- open weights

# (model, open_weights); None: no source in reach settles it
OPEN_WEIGHTS: list[tuple[str, bool | None]] = [
    # PaLM API models page: "It is only available to use through the PaLM API or the MakerSuite
    # web app."
    ("palm-2", False),
    ("palm-2-bison", False),
    # Vertex AI language models: "The Vertex AI PaLM API gives you access to the PaLM 2 family of
    # models"; sizes "Unicorn: The largest model in PaLM family." ... "Gecko: Smallest and lowest
    # cost model for simple tasks."
    ("palm-2-gecko", False),
    ("palm-2-unicorn", False),
    ("palm-2-otter", None),  # never offered in the PaLM API or Vertex AI; no source says
    # Imagen on Vertex AI versions table: "Imagen 2 (v.006, default)", imagegeneration@006
    ("imagen-2", False),
    # Microsoft Research: "Florence v1.0 is currently being deployed in Azure Cognitive Services"
    ("florence", False),
    # Google (quoted by Euro Weekly News): "We're starting to open access to Bard, an early
    # experiment that lets you collaborate with generative AI."
    ("bard", False),
    # Ars Technica: "now available to paid Google Workspace business users ... for $30 a month"
    ("duet-ai", False),
    # Engadget: "the Assistant's first introduction was in the ill-fated Allo chat app"
    ("google-assistant", False),
    # The Decoder: "Runway Gen-2 is now available in the browser and smartphone app for iOS."
    ("runway-gen-2", False),
    # Pika: "Rolling out to new users on web and discord, starting today."
    ("pika-1.0", False),
    # GCN: "the Siri personal assistant software, now a talking, interactive feature on the phone"
    ("siri", False),
    # Amazon's press release (quoted): "it lights up and streams audio to the cloud"
    ("alexa", False),
    # left empty: no source in reach says how the model is reached or whether weights exist
    ("jigsaw-perspective", None),  # an API, but a news source calls it "open-source"
    ("grammarly", None),
    ("gato", None),
    ("videopoet", None),
    ("rt-2", None),
    ("alphago", None),
    ("alphazero", None),
]


@pytest.mark.parametrize(("mid", "expected"), OPEN_WEIGHTS)
def test_open_weights(mid: str, expected: bool | None) -> None:
    assert MODELS[mid].get("open_weights") is expected


# --------------------------------------------------------------------------- every fill cites

FILLED = sorted(
    [(mid, "parameters") for mid, *_ in PARAMETERS]
    + [(mid, "architecture") for mid, _ in ARCHITECTURE]
    + [(mid, "context_window") for mid, _ in CONTEXT_WINDOWS]
    + [(mid, "open_weights") for mid, value in OPEN_WEIGHTS if value is not None]
)


def _says(src: dict[str, Any], field: str) -> bool:
    return field in " ".join(str(src.get(k) or "") for k in ("note", "paraphrase"))


@pytest.mark.parametrize(("mid", "field"), FILLED)
def test_each_fill_names_its_source(mid: str, field: str) -> None:
    """A source of the record other than the report says, in its note, which field it settles,
    and carries the primary's own words."""
    uses = [
        s
        for s in MODELS[mid]["sources"]
        if s.get("ref") not in ("report", "fact-check") and _says(s, field)
    ]
    assert uses, f"{mid}: no source names {field}"
    assert any(s.get("quote") for s in uses), f"{mid}: the {field} source quotes nothing"


def test_opt_shape_names_its_source() -> None:
    assert any(
        "layers and embedding_dim" in (s.get("note") or "") and s.get("quote")
        for s in MODELS["opt-175b"]["sources"]
    )
