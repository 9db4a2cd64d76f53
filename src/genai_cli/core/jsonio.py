"""JSON in and out for the start-up path: the json package's own C codec, without
importing the json package.

``import json`` costs about 4 ms — ``json.decoder`` imports ``re``, which imports
``enum``, ``functools`` and the regex compiler — more than reading a whole
catalog warm. The C accelerator the json package itself uses (``_json``) needs
none of that, so this module calls it directly: :func:`loads` and
:func:`dumps` give exactly what ``json.loads`` and compact ``json.dumps`` give.
Anything else — indented output, an error message, an interpreter without
``_json`` — goes to the json package.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

try:
    import _json
except ImportError:  # pragma: no cover - CPython always has it
    _json = None  # type: ignore[assignment]

_WHITESPACE = " \t\n\r"


class _Decoding:
    """The settings ``json.loads`` uses by default, as the C scanner reads them."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.get


def _unencodable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


if _json is not None:
    _scan = _json.make_scanner(_Decoding())  # type: ignore[arg-type]
    _encoders = {
        ascii_only: _json.make_encoder(
            None,
            _unencodable,
            _json.encode_basestring_ascii if ascii_only else _json.encode_basestring,
            None,
            ":",
            ",",
            False,
            False,
            True,
        )
        for ascii_only in (False, True)
    }


def loads(data: bytes | str) -> Any:
    """``json.loads(data)`` (UTF-8 bytes or text)."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if _json is not None:
        body = text.strip(_WHITESPACE)
        try:
            value, end = _scan(body, 0)
        except (StopIteration, ValueError):
            pass  # json.loads says what is wrong, and where
        else:
            if end == len(body):
                return value
    import json

    return json.loads(text)


def dumps(value: Any, *, ensure_ascii: bool = False) -> str:
    """``json.dumps(value, ensure_ascii=..., separators=(",", ":"))``."""
    if _json is not None:
        return "".join(_encoders[ensure_ascii](value, 0))
    import json  # pragma: no cover

    return json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"))
