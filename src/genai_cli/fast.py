"""The ``genai`` entry point: answer plain command lines without importing typer.

Start-up is most of a CLI's cost in scripts and loops. Importing typer (with
its vendored click) costs several times the interpreter's own start, and
rich and pydantic as much again. So the entry point parses the command line
with the stdlib, driven by ``_cli_spec.json`` — a spec *generated from the
typer app*, never written by hand — and calls the same runner the typer
commands call. It only accepts what it fully understands: a known command,
known options with valid values, the right number of arguments. Anything
else (``--help``, a typo, a bad choice, shell completion, ``--version``) goes
to typer, which parses it again and answers exactly as it always would.
``GENAI_FAST=0`` sends everything to typer (for comparison and debugging).
"""

from __future__ import annotations

import json
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any
_SPEC: dict[str, Any] | None = None


def spec() -> dict[str, Any]:
    global _SPEC
    if _SPEC is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_cli_spec.json")
        with open(path, "rb") as fh:
            _SPEC = json.loads(fh.read())
    return _SPEC


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
            if p.get("eager") or p.get("count"):
                raise _Bail
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
            if p["flag"] or p["multiple"]:
                raise _Bail
            out[name] = _convert(p, os.environ[env])
            continue
        if p["required"]:
            raise _Bail
        default = p["default"]
        out[name] = None if p["multiple"] and default in ((), [], None) else default
    if args:
        raise _Bail
    return out


def parse(argv: list[str]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """``(command, params, root_params)`` for a plain command line, else ``None``."""
    if os.environ.get("GENAI_FAST") == "0" or any(
        k.startswith("_GENAI_COMPLETE") for k in os.environ
    ):
        return None
    s = spec()
    try:
        root_values: dict[str, Any] = {}
        i = _parse_options(argv, 0, s["root"], root_values, None)
        root = _finish(s["root"], root_values, [])
        path: list[str] = []
        while " ".join(path) in s["groups"]:
            group = s["groups"][" ".join(path)]
            if i >= len(argv) or argv[i] not in group["commands"]:
                return None
            path.append(argv[i])
            i += 1
            if " ".join(path) in s["groups"] and i < len(argv) and argv[i].startswith("-"):
                return None
        command = " ".join(path)
        params = s["commands"][command]["params"]
        values: dict[str, Any] = {}
        args: list[str] = []
        _parse_options(argv, i, params, values, args)
        return command, _finish(params, values, args), root
    except _Bail:
        return None


def _setup_stdio() -> None:
    """Never crash on a terminal that cannot show Chinese: degrade to '?'."""
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if enc not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def _utf8_args(argv: list[str]) -> list[str]:
    """Under ``LANG=C`` Python decodes ``谷歌`` in argv as surrogate escapes;
    arguments are UTF-8 in practice, so decode them as such where they are."""
    out = []
    for arg in argv:
        try:
            out.append(arg.encode("utf-8", "surrogateescape").decode("utf-8"))
        except UnicodeError:
            out.append(arg)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = _utf8_args(list(sys.argv[1:] if argv is None else argv))
    try:
        _setup_stdio()
        parsed = parse(argv)
        if parsed is None:
            from .cli import run as typer_run

            code = typer_run(argv)
        else:
            from .runner import run

            command, params, root = parsed
            code = run(command, params, data_dir=root.get("data_dir"))
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        print("\ngenai: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        from .runner import quiet_broken_pipe

        quiet_broken_pipe()
        return 0
    except Exception as exc:  # an import or start-up failure: still no traceback
        if os.environ.get("GENAI_DEBUG"):
            raise
        print(f"genai: internal error: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
        return 1
