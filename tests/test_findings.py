"""The report's theses, quotes, claims and forecasts (``findings``): schema and command."""

from __future__ import annotations

import json
from typing import Any

import pydantic
import pytest

from genai_cli.dataset.report_quotes import normalize_text
from genai_cli.dataset.schema import Finding


def _finding(**changes: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": "x",
        "kind": "thesis",
        "text": "Multimodality has become the main battlefield of large models.",
        "text_zh": "已经成为大模型主战场",
        "speaker": "the report",
        "section": "1 多模态技术成为大模型主战场",
        "topic": "multimodality",
        "sources": [{"title": "the report", "ref": "report", "quote": "已经成为大模型主战场"}],
    }
    rec.update(changes)
    return rec


def test_text_zh_must_be_one_of_the_report_quotes() -> None:
    Finding.model_validate(_finding())
    with pytest.raises(pydantic.ValidationError, match="text_zh"):
        Finding.model_validate(_finding(text_zh="多模态较单一模态更进一步"))
    other = [{"title": "a paper", "ref": "x-paper", "quote": "已经成为大模型主战场"}]
    with pytest.raises(pydantic.ValidationError, match="text_zh"):
        Finding.model_validate(_finding(sources=other))


def test_bundled_findings(catalog, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    report = normalize_text(seed_text)
    findings = catalog.records("findings")
    assert len(findings) >= 40
    assert {f["kind"] for f in findings} == {"thesis", "quote", "claim", "forecast"}
    for f in findings:
        assert normalize_text(f["text_zh"]) in report, f["id"]
        if f["speaker"] == "the report":
            assert not f["paraphrase"], f["id"]  # the report does not paraphrase itself
        if f["paraphrase"] or (f["kind"] == "quote" and f["speaker"] != "the report"):
            # someone else's words: say how they compare with the primary source
            assert f["note"] or f["corrections"], f["id"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "quote", "--speaker", "openai"], {"sora-promising-path"}),
        (["--topic", "scaling"], {"scaling-impossible-triangle", "scaling-two-levers"}),
        (["--speaker", "Andrew Ng"], {"andrew-ng-data-centric", "andrew-ng-quality-data"}),
    ],
)
def test_findings_filters(genai, args: list[str], expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    r = genai("findings", *args, "--json")
    assert r.exit_code == 0, r.stderr
    ids = {f["id"] for f in json.loads(r.stdout)}
    assert expected <= ids
    if "--kind" in args:
        assert all(f["kind"] == "quote" for f in json.loads(r.stdout))


def test_findings_list_in_dataset_order_with_their_keys(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai("findings", "--json")
    rows = json.loads(r.stdout)
    assert rows[0]["id"] == "historic-opportunity"
    assert {"id", "kind", "text", "text_zh", "speaker", "sources"} <= set(rows[0])


def test_findings_bad_kind_is_a_usage_error(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai("findings", "--kind", "rumour")
    assert r.exit_code == 2
