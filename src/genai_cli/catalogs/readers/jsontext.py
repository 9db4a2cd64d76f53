"""Decoding and parsing shared by the readers: strict UTF-8, JSON with clear errors."""

from __future__ import annotations

import json
from typing import Any

from ...dataset.parsing import long_int_line, long_int_message
from .common import fail


def decode_utf8(raw: bytes, display: str) -> str:
    """The text of ``raw``, which must be UTF-8 (a leading BOM is dropped)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        fail(
            display,
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start:,} cannot be decoded",
            line,
        )
    return text[1:] if text.startswith("\ufeff") else text


def load_json(text: str, display: str, expected: str) -> Any:
    """Parse JSON; a file that does not even start like JSON is "not JSON: expected ..."."""
    start = text.lstrip()[:1]
    if start and start not in '{["-0123456789tfn':  # cannot begin a JSON value
        fail(display, f"{expected}; this is not JSON")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            fail(
                display,
                f"truncated: the JSON ends before the document is complete ({exc.msg})",
                exc.lineno,
            )
        fail(display, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
    except RecursionError:
        fail(display, "not valid JSON: nested too deeply")
    except ValueError:  # a decimal integer Python refuses to read (over 4,300 digits)
        fail(display, long_int_message(), long_int_line(text))


def json_kind(data: object) -> str:
    """How a JSON value's type reads in a message: "an array", "a string", ..."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "a boolean"
    if isinstance(data, dict):
        return "an object"
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        return "a string"
    return "a number"


def looks_like(data: dict[str, Any]) -> str | None:
    """Which other catalog a JSON object looks like, judged on its first values."""
    for n, value in enumerate(data.values()):
        if n >= 20:
            break
        if not isinstance(value, dict):
            continue
        if "litellm_provider" in value or "input_cost_per_token" in value:
            return "LiteLLM's model_prices_and_context_window.json"
        if isinstance(value.get("models"), dict):
            return "models.dev's api.json"
    return None
