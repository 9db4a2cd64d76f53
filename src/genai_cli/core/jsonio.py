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

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from types import ModuleType
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
        (ascii_only, spaced): _json.make_encoder(
            None,
            _unencodable,
            _json.encode_basestring_ascii if ascii_only else _json.encode_basestring,
            None,
            ": " if spaced else ":",
            ", " if spaced else ",",
            False,
            False,
            True,
        )
        for ascii_only in (False, True)
        for spaced in (False, True)
    }


def _package() -> ModuleType:
    """The json package, for what the C codec alone does not do: an error message
    that says where, and indented output."""
    import json  # deferred: it imports re (about 4 ms); see the module's docstring

    return json


def loads(data: bytes | str) -> Any:
    """``json.loads(data)`` (UTF-8 bytes or text); :class:`ValueError` for anything
    that is not one JSON document (bytes that are not UTF-8, a document cut short,
    one nested too deeply), never another exception."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        if _json is not None:
            body = text.strip(_WHITESPACE)
            try:
                value, end = _scan(body, 0)
            except (StopIteration, ValueError, SystemError):
                # json.loads says what is wrong, and where; the C scanner alone raises
                # SystemError for a document cut short inside an array or object when
                # the json package is not imported (it reports through json.decoder)
                pass
            else:
                if end == len(body):
                    return value
        return _package().loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def dumps(
    value: Any, *, ensure_ascii: bool = False, spaced: bool = False, indent: int | None = None
) -> str:
    """``json.dumps(value, ensure_ascii=...)``: compact (``separators=(",", ":")``),
    ``spaced`` as ``json.dumps`` separates by default (``", "``, ``": "``), or
    indented by ``indent``."""
    if _json is not None and indent is None:
        return "".join(_encoders[ensure_ascii, spaced](value, 0))
    separators = None if spaced or indent is not None else (",", ":")
    return str(
        _package().dumps(value, ensure_ascii=ensure_ascii, indent=indent, separators=separators)
    )
