"""Check that every quote attributed to the report is the report's own words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..core.errors import Problem
from . import registry as R

REPORT_REF = "report"
_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Drop HTML tags and markdown emphasis, collapse whitespace."""
    text = _TAG.sub(" ", text).replace("**", "")
    return _WS.sub(" ", text).strip()


def iter_sources(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from rec.get("sources", [])
    for sub in ("corrections", "financials"):
        for item in rec.get(sub, []):
            yield from item.get("sources", [])


def check_quotes(data: dict[str, Any], report_text: str) -> list[Problem]:
    """Every source that is the report must carry a quote found in its text."""
    haystack = normalize_text(report_text)
    problems = []
    groups: list[tuple[str, list[dict[str, Any]]]] = [(k, data[k]) for k in R.LIST_KINDS]
    if data.get("dataset"):
        groups.append(("dataset", [data["dataset"]]))
    for kind, records in groups:
        for rec in records:
            rid = rec.get("id", "?")
            for src in iter_sources(rec):
                if src.get("ref") != REPORT_REF:
                    continue
                quote = src.get("quote")
                if not quote:
                    problems.append(
                        Problem(f"{kind}/{rid}", None, "a report source without a quote")
                    )
                elif normalize_text(quote) not in haystack:
                    problems.append(
                        Problem(f"{kind}/{rid}", None, f"quote not in the report: {quote[:80]!r}")
                    )
    return problems
