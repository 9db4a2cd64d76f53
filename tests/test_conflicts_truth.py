"""Are the conflicts real disagreements? A hand-checked sample of 50.

``tests/fixtures/conflicts_truth.yaml`` holds 50 conflicts drawn at random (seed 18)
from what ``genai conflicts`` reports on the four published catalogs (the sixth such
sample, drawn from the code of commit 7c907a4 on 2026-12-07; the file's header says how),
each judged by hand against the raw entries: ``real`` (two sources give one fact of one
thing two values, or values a model shows cannot all be true) or ``artefact`` (units or
precision, meaning, or a wrong join; its ``why`` starts with which). Model ids change
as the identity rules do, so each row names its model by an anchor, one external id
``{catalog, key}`` of it, and the model is the record that holds the anchor now (as in
``tests/test_join_truth.py``).

With ``GENAI_CATALOG_WHEELS`` naming a folder of the four wheels, the catalogs are
imported once into a fresh data folder, and every ``real`` conflict of the sample must
still be reported (the same resolved model, field and kind); at least 45 of the 50
must be real, and they are (45 real, 5 artefacts), so that assertion is a plain test
that must pass. The totals (conflicts overall, by field, by kind) and the artefacts no
longer reported are printed and shown in the terminal summary. The well-formedness of
the file is checked without the wheels.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from genai_cli import load_catalog

from conftest import ROOT, WHEEL_PATTERNS, full_size, load_yaml, placed_entries, run_fast

TRUTH = ROOT / "tests" / "fixtures" / "conflicts_truth.yaml"
SAMPLE = 50
WANTED_REAL = 45
VERDICTS = {"real", "artefact"}
KINDS = {"disagreement", "inconsistent"}
CAUSES = ("units", "precision", "meaning", "wrong join")
ROW_KEYS = {"anchor", "model", "field", "kind", "verdict", "why"}

Anchor = tuple[str, str]
Key = tuple[str, str, str]


def _truth() -> list[dict[str, Any]]:
    found = load_yaml(TRUTH.read_text(encoding="utf-8"))
    assert isinstance(found, list)
    return found


def _anchor(row: dict[str, Any]) -> Anchor:
    return (row["anchor"]["catalog"], row["anchor"]["key"])


def test_the_truth_file_is_well_formed() -> None:
    truth = _truth()
    assert len(truth) == SAMPLE
    for t in truth:
        assert set(t) == ROW_KEYS, t
        assert set(t["anchor"]) == {"catalog", "key"}, t
        assert t["anchor"]["catalog"] in WHEEL_PATTERNS, t
        assert isinstance(t["anchor"]["key"], str) and t["anchor"]["key"], t
        assert isinstance(t["model"], str) and isinstance(t["field"], str), t
        assert t["kind"] in KINDS and t["verdict"] in VERDICTS, t
        assert isinstance(t["why"], str) and len(t["why"]) > 40, t
        if t["verdict"] == "artefact":  # an artefact's why starts with its cause
            assert t["why"].startswith(CAUSES), t
    order = [(*_anchor(t), t["field"], t["kind"]) for t in truth]
    assert len(set(order)) == SAMPLE, "a conflict judged twice"
    assert order == sorted(order), "rows are sorted by anchor, field and kind"


@pytest.fixture(scope="module")
def reported(real_dir: Path) -> list[dict[str, Any]]:
    """Every conflict ``genai conflicts`` reports on the imported catalogs."""
    r = run_fast("--data-dir", str(real_dir), "conflicts", "--json")
    assert r.exit_code == 0, r.stderr
    conflicts = json.loads(r.stdout)
    assert isinstance(conflicts, list) and conflicts
    return conflicts


@pytest.fixture(scope="module")
def placed(real_dir: Path) -> dict[Anchor, str]:
    """Every entry of the imported catalogs -> the id of the model that holds it."""
    return placed_entries(load_catalog(real_dir))


def _resolved(truth: list[dict[str, Any]], placed: dict[Anchor, str]) -> list[Key]:
    """Each row's (model, field, kind), its model the record holding its anchor now."""
    lost = [_anchor(t) for t in truth if _anchor(t) not in placed]
    assert not lost, f"anchors no model holds: {lost}"
    return [(placed[_anchor(t)], t["field"], t["kind"]) for t in truth]


@full_size
def test_every_real_conflict_is_still_reported(
    reported: list[dict[str, Any]],
    placed: dict[Anchor, str],
    record_property: Any,
) -> None:
    totals = {
        "conflicts": len(reported),
        "by_field": dict(Counter(c["field"] for c in reported).most_common()),
        "by_kind": dict(Counter(c.get("kind", "") for c in reported).most_common()),
    }
    now = {(c["model"], c["field"], c.get("kind", "")) for c in reported}
    truth = _truth()
    judged = list(zip((t["verdict"] for t in truth), _resolved(truth, placed), strict=True))
    gone = sorted(k for verdict, k in judged if verdict == "artefact" and k not in now)
    lines = [json.dumps(totals), json.dumps({"artefacts_no_longer_reported": gone})]
    for line in lines:
        print(line)
        record_property("conflicts_truth", line)
    missing = [k for verdict, k in judged if verdict == "real" and k not in now]
    assert not missing, f"real disagreements no longer reported: {missing}"


REMOVED: list[tuple[str, str, str, str, str]] = [
    # (catalog, key) of the model, field, kind: an artefact of a sample whose cause a rule
    # removed (the rule named last), which must stay removed
    ("models.dev", "llmgateway/gemma-3-1b-it", "open_weights", "disagreement",
     "a provider's default open_weights false (NanoGPT) is no claim"),
    ("models.dev", "perplexity/sonar-deep-research", "max_output_tokens", "disagreement",
     "LiteLLM's output limit repeating the input limit (Perplexity) is no claim"),
    ("models.dev", "v0/v0-1.5-lg", "max_output_tokens", "disagreement",
     "LiteLLM's output limit repeating the input limit (v0) is no claim"),
    ("genai-prices", "moonshotai/kimi-k2", "context_window", "disagreement",
     "two snapshots' windows, every claim a version's"),
    ("models.dev", "mistral/ministral-8b-latest", "max_input_tokens", "inconsistent",
     "a moving alias has no findings"),
    ("models.dev", "google/gemini-2.5-flash-preview-tts", "max_output_tokens", "inconsistent",
     "an audio model's output is not set against its window"),
    ("litellm", "mistral/mistral-medium-3", "max_output_tokens", "inconsistent",
     "mistral-medium-3 is a moving name (Mistral's table: Medium 3.5 today)"),
    ("genai-prices", "openai/gpt-3.5-turbo-instruct", "knowledge_cutoff", "disagreement",
     "cutoffs in one month or the next agree"),
    ("litellm", "gpt-4o-mini-search-preview", "knowledge_cutoff", "disagreement",
     "cutoffs in one month or the next agree"),
    ("models.dev", "azure-cognitive-services/gpt-5.2-chat", "knowledge_cutoff", "disagreement",
     "Vercel's placeholder knowledge date 2024-10 is no claim"),
    ("models.dev", "iflowcn/qwen3-235b", "knowledge_cutoff", "disagreement",
     "iFlow's copied dates are no claims"),
    ("models.dev", "mistral/mistral-embed", "pricing", "disagreement",
     "an embedding model's prices compare by input"),
    ("models.dev", "google/gemma-4-26b-a4b-it", "pricing", "disagreement",
     "a lab's -maas id is Vertex AI's offering, a tier"),
    ("genai-prices", "deepseek/deepseek-flash", "pricing", "disagreement",
     "an off-peak price is no disagreement"),
    ("genai-prices", "typesafe/jev-1.14.0", "max_input_tokens", "inconsistent",
     "TypeSafe's default context limit is no window"),
    ("models.dev", "github-models/microsoft/phi-4-mini-instruct", "knowledge_cutoff",
     "disagreement", "a provider's template dates (NVIDIA's) are no claims"),
]  # fmt: skip


@full_size
def test_each_removed_cause_stays_removed(
    reported: list[dict[str, Any]], placed: dict[Anchor, str]
) -> None:
    now = {(c["model"], c["field"], c.get("kind", "")) for c in reported}
    lost = [(c, k) for c, k, *_ in REMOVED if (c, k) not in placed]
    assert not lost, f"anchors no model holds: {lost}"
    back = [row for row in REMOVED if (placed[row[0], row[1]], row[2], row[3]) in now]
    assert not back, f"artefacts reported again: {back}"


@full_size
def test_most_sampled_conflicts_are_real() -> None:
    verdicts = Counter(t["verdict"] for t in _truth())
    print(json.dumps(dict(verdicts)))
    assert verdicts["real"] >= WANTED_REAL, verdicts
