"""Join truth: the real catalogs joined, against a hand-checked sample of their entries.

``tests/fixtures/join_truth.yaml`` names, for 491 entries of models.dev, LiteLLM, HELM
and genai-prices (110 drawn at random from each with ``random.Random(18)``, then hard
cases picked by hand; its header says how they were drawn and checked), the model each
must be part of: a label, whose record is the one holding the label's anchor entry
(record ids change as identity does; which entries belong together does not). The four published wheels (``GENAI_CATALOG_WHEELS``, as for the full-size
tests of ``tests/test_importers.py``) are imported through the CLI into a fresh data
folder, each entry is looked up in the record that holds it (its ``external_ids``), and:

* **precision** must be 100%: no entry sits in a record of another model, that is, an
  entry whose truth is null (a model no record holds apart) or whose record is another
  model's (a record the truth names for other entries, or one holding sampled entries
  of another model);
* **recall** must be at least 95%: of the entries whose model has a record, the share
  that is in it (an entry in a record of its own, apart from its model, is a miss).

Both figures are printed, with every error and miss, in the terminal summary.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from genai_cli import load_catalog

from conftest import ROOT, WHEEL_PATTERNS, full_size, load_yaml, placed_entries

TRUTH = ROOT / "tests" / "fixtures" / "join_truth.yaml"
PER_CATALOG, MIN_HARD = 110, 30
MIN_RECALL = 0.95

pytestmark = full_size

Key = tuple[str, str]


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    found: dict[str, Any] = load_yaml(TRUTH.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def truth(document: dict[str, Any], placed: dict[Key, str]) -> list[dict[str, Any]]:
    """The rows, each ``model`` label resolved to the record its anchor is in now."""
    anchors = document["anchors"]
    rows: list[dict[str, Any]] = []
    for row in document["entries"]:
        label = row["model"]
        if label is not None:
            anchor = anchors[label]
            label = placed[anchor["catalog"], anchor["key"]]
        rows.append({**row, "model": label})
    return rows


@pytest.fixture(scope="module")
def placed(real_dir: Path) -> dict[Key, str]:
    """Every entry of the four imported catalogs -> the id of the record that holds it."""
    return placed_entries(load_catalog(real_dir))


def _score(
    truth: list[dict[str, Any]], placed: dict[Key, str]
) -> tuple[float, float, list[str], list[str]]:
    """Precision, recall, the precision errors and the recall misses (as lines)."""
    named = {row["model"] for row in truth if row["model"] is not None}
    truths_in: dict[str, set[str | None]] = defaultdict(set)
    for row in truth:
        truths_in[placed[row["catalog"], row["key"]]].add(row["model"])
    errors: list[str] = []
    misses: list[str] = []
    for row in truth:
        at, model = placed[row["catalog"], row["key"]], row["model"]
        if at == model:
            continue
        if model is None:  # a record of its own: wrong only where a labelled model is
            if at in named:
                errors.append(
                    f"{row['catalog']}:{row['key']} is in {at}, belongs in (a record of its own)"
                )
            continue
        else:
            another = at in named or truths_in[at] != {model}
        line = f"{row['catalog']}:{row['key']} is in {at}, belongs in {model or '(a record of its own)'}"
        (errors if another else misses).append(line)
    with_record = [row for row in truth if row["model"] is not None]
    together = sum(placed[row["catalog"], row["key"]] == row["model"] for row in with_record)
    return 1 - len(errors) / len(truth), together / len(with_record), errors, misses


def _report(
    truth: list[dict[str, Any]], placed: dict[Key, str], record_property: Any
) -> tuple[float, float]:
    """Print the figures and every error and miss, and record them for the terminal
    summary (``tests/conftest.py``: printed even when xdist keeps a worker's output)."""
    precision, recall, errors, misses = _score(truth, placed)
    lines = [f"{len(truth)} entries; precision {precision:.1%}, recall {recall:.1%}"]
    for title, found in (("precision errors", errors), ("recall misses", misses)):
        lines += [f"{title} ({len(found)}):", *(f"  {line}" for line in found)]
    text = "\n".join(lines)
    print(f"\njoin truth: {text}")
    record_property("join_truth", text)
    return precision, recall


def test_truth_is_the_seeded_sample_and_hard_cases(
    document: dict[str, Any], placed: dict[Key, str]
) -> None:
    truth = document["entries"]
    keys = [(row["catalog"], row["key"]) for row in truth]
    assert len(set(keys)) == len(keys), "an entry is listed twice"
    # the first rows: PER_CATALOG drawn from each catalog in turn (random.Random(18)
    # over the sorted entry keys of the readers of the time; a reader that now skips
    # more, such as LiteLLM's size brackets, draws differently), then the hard cases
    drawn = len(WHEEL_PATTERNS) * PER_CATALOG
    for n, catalog in enumerate(WHEEL_PATTERNS):
        chunk = keys[n * PER_CATALOG : (n + 1) * PER_CATALOG]
        assert {c for c, _ in chunk} == {catalog}, f"rows of {catalog} are not in their place"
    assert len(keys) - drawn >= MIN_HARD
    anchors = document["anchors"]
    for label, anchor in anchors.items():
        assert (anchor["catalog"], anchor["key"]) in placed, f"no such anchor: {label}"
    assert len({placed[a["catalog"], a["key"]] for a in anchors.values()}) == len(anchors), (
        "two labels' anchors are in one record"
    )
    for row in truth:
        assert (row["catalog"], row["key"]) in placed, f"no such entry: {row}"
        assert set(row) == {"catalog", "key", "model", "note"}, row
        if row["model"] is None:
            assert row["note"], f"a null model needs a note: {row}"
        else:
            assert row["model"] in anchors, f"no anchor for the label: {row}"


def test_join_precision(
    truth: list[dict[str, Any]], placed: dict[Key, str], record_property: Any
) -> None:
    precision, _ = _report(truth, placed, record_property)
    assert precision == 1.0


def test_join_recall(
    truth: list[dict[str, Any]], placed: dict[Key, str], record_property: Any
) -> None:
    _, recall = _report(truth, placed, record_property)
    assert recall >= MIN_RECALL
