"""The fast parser: plain command lines parsed with the stdlib, driven by the spec.

It accepts only what it fully understands — a known command, known options
with valid values, the right number of arguments, and nothing the spec marks
as typer's (callbacks, prompts, callable defaults, unusual types) — and
returns ``None`` for anything else, which then goes to typer.
"""

from __future__ import annotations

import os

from ..jsonio import loads

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_SPEC: dict[str, Any] | None = None


def spec() -> dict[str, Any]:
    global _SPEC
    if _SPEC is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec.json")
        with open(path, "rb") as fh:
            _SPEC = loads(fh.read())
    return _SPEC


_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


class _Bail(Exception):
    """Not a plain command line: let typer handle it."""


def _convert(p: dict[str, Any], value: str) -> Any:
    t = p["type"]
    if t == "str":
        return value
    if t == "int":
        try:
            return int(value)
        except ValueError:
            raise _Bail from None
    if t == "choice":
        if value in p["choices"]:
            return value
        if not p.get("case_sensitive", True):
            folded = value.casefold()
            for choice in p["choices"]:
                if choice.casefold() == folded:
                    return choice
        raise _Bail
    raise _Bail


def _parse_options(
    tokens: list[str],
    i: int,
    params: list[dict[str, Any]],
    values: dict[str, Any],
    args: list[str] | None,
) -> int:
    """Consume options (and, when ``args`` is a list, positional arguments)."""
    by_opt: dict[str, tuple[dict[str, Any], bool]] = {}
    for p in params:
        if p["kind"] != "option":
            continue
        for o in p["opts"]:
            by_opt[o] = (p, True)
        for o in p.get("secondary", []):
            by_opt[o] = (p, False)
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t == "--":
            if args is None:
                raise _Bail
            args.extend(tokens[i + 1 :])
            return n
        if t.startswith("-") and len(t) > 1:
            name, eq, attached = t.partition("=") if t.startswith("--") else (t, "", "")
            if name not in by_opt:
                raise _Bail
            p, primary = by_opt[name]
            if p.get("eager") or p.get("count") or p.get("callback"):
                raise _Bail  # --version, --install-completion, ...: typer's
            if p["flag"]:
                if eq or not p["bool_flag"]:
                    raise _Bail
                value: Any = primary
            else:
                if eq:
                    raw = attached
                else:
                    if i + 1 >= n:
                        raise _Bail
                    i += 1
                    raw = tokens[i]
                value = _convert(p, raw)
            if p["multiple"]:
                values.setdefault(p["name"], []).append(value)
            else:
                values[p["name"]] = value
            i += 1
            continue
        if args is None:
            return i  # a subcommand name: the caller takes it from here
        args.append(t)
        i += 1
    return i


def _finish(
    params: list[dict[str, Any]], values: dict[str, Any], args: list[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in params:
        name = p["name"]
        if p["kind"] == "argument":
            if p["nargs"] == -1:
                taken, args = args, []
                if not taken:
                    if p["required"]:
                        raise _Bail
                    out[name] = p["default"] if p["default"] not in ((), []) else None
                else:
                    out[name] = [_convert(p, a) for a in taken]
            else:
                if args:
                    out[name] = _convert(p, args.pop(0))
                elif p["required"]:
                    raise _Bail
                else:
                    out[name] = p["default"]
            continue
        if name in values:
            out[name] = values[name]
            continue
        env = p.get("envvar")
        if env and os.environ.get(env):
            if p["multiple"] or (p["flag"] and not p["bool_flag"]):
                raise _Bail
            raw = os.environ[env]
            if p["flag"]:  # click's boolean words
                low = raw.strip().lower()
                if low in _TRUE:
                    out[name] = True
                elif low in _FALSE:
                    out[name] = False
                else:
                    raise _Bail
            else:
                out[name] = _convert(p, raw)
            continue
        if p["required"]:
            raise _Bail
        default = p["default"]
        out[name] = None if p["multiple"] and default in ((), [], None) else default
    if args:
        raise _Bail
    return out


def parse(
    argv: list[str], s: dict[str, Any] | None = None
) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """``(command, params, root_params)`` for a plain command line, else ``None``.

    ``command`` is the command's path (``models list``); its handler is
    ``spec()["commands"][command]["handler"]``."""
    if os.environ.get("GENAI_FAST") == "0" or any(
        k.startswith("_GENAI_COMPLETE") for k in os.environ
    ):
        return None
    if s is None:
        s = spec()
    if s["typer_only"]:
        return None
    try:
        root_values: dict[str, Any] = {}
        i = _parse_options(argv, 0, s["root"], root_values, None)
        root = _finish(s["root"], root_values, [])
        path: list[str] = []
        while " ".join(path) in s["groups"]:
            group = s["groups"][" ".join(path)]
            if group["typer_only"] or i >= len(argv) or argv[i] not in group["commands"]:
                return None
            path.append(argv[i])
            i += 1
            if " ".join(path) in s["groups"] and i < len(argv) and argv[i].startswith("-"):
                return None
        command = " ".join(path)
        if s["commands"][command]["typer_only"]:
            return None
        params = s["commands"][command]["params"]
        values: dict[str, Any] = {}
        args: list[str] = []
        _parse_options(argv, i, params, values, args)
        return command, _finish(params, values, args), root
    except _Bail:
        return None
