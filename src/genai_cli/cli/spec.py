"""The spec: every command and option of the typer app as data (``spec.json``).

The stdlib entry point (:mod:`genai_cli.cli.main`) parses plain command lines
with this spec instead of importing typer. The spec is *generated from the
typer app* — there is one declaration of every command, option and handler
(:mod:`genai_cli.cli.app`) — and a test fails when the committed file is
stale:

    python -m genai_cli.cli.spec           # regenerate spec.json
    python -m genai_cli.cli.spec --check   # exit 1 when it is stale

Besides what the fast parser needs, the spec records everything that makes
typer behave differently from plain parsing — parameter callbacks, prompts,
callable defaults, unusual types, context settings — so that the fast path
can hand such command lines to typer instead of answering them wrongly.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer.main

from ..core.atomic import write_atomically
from .app import app as genai_app
from .options import HANDLER

if TYPE_CHECKING:
    from typing import Any

SPEC_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec.json")

NATIVE_CALLBACKS = frozenset({"genai_cli.cli.app:_version", "genai_cli.cli.app:main"})
"""Callbacks the fast path implements itself (``--version``; the root callback,
which only records ``--data-dir``). Any other callback sends a command to typer."""

_TYPES = {"integer": "int", "text": "str", "choice": "choice", "boolean": "bool"}


def _qualname(fn: Any) -> str | None:
    if fn is None:
        return None
    target = getattr(fn, "__wrapped__", fn)
    return f"{getattr(target, '__module__', '?')}:{getattr(target, '__qualname__', repr(target))}"


def _param(p: Any) -> dict[str, Any]:
    t = p.type
    tname = getattr(t, "name", "text")
    spec: dict[str, Any] = {
        "name": p.name,
        "kind": "option" if p.param_type_name == "option" else "argument",
        "type": _TYPES.get(tname, tname),
        "nargs": p.nargs,
        "multiple": bool(getattr(p, "multiple", False)),
        "required": bool(p.required),
        "default": None if callable(p.default) else p.default,
        "callable_default": callable(p.default),
        "callback": _qualname(p.callback),
        "expose_value": bool(p.expose_value),
    }
    if tname == "choice":
        spec["choices"] = [str(c) for c in t.choices]
        spec["case_sensitive"] = bool(getattr(t, "case_sensitive", True))
    if spec["kind"] == "option":
        spec["opts"] = list(p.opts)
        spec["secondary"] = list(p.secondary_opts)
        spec["flag"] = bool(p.is_flag)
        spec["bool_flag"] = bool(getattr(p, "is_bool_flag", False))
        spec["envvar"] = p.envvar
        spec["eager"] = bool(p.is_eager)
        spec["count"] = bool(getattr(p, "count", False))
        spec["prompt"] = p.prompt is not None
        spec["hidden"] = bool(getattr(p, "hidden", False))
    return spec


def _typer_only(params: list[dict[str, Any]], cmd: Any) -> list[str]:
    """Why typer must parse this command's lines itself (empty: the fast path may).

    A flag's callback is taken to act only when the flag is given (typer's
    ``--install-completion``, ``--version``): the fast path hands every line that
    gives such a flag to typer. Any other callback runs on every line, so its
    command goes to typer whole.
    """
    why = []
    for p in params:
        flag = bool(p.get("flag"))
        if p["callback"] is not None and p["callback"] not in NATIVE_CALLBACKS and not flag:
            why.append(f"{p['name']}: callback {p['callback']}")
        if p["callable_default"]:
            why.append(f"{p['name']}: callable default")
        if p.get("prompt"):
            why.append(f"{p['name']}: prompt")
        if not p["expose_value"] and not flag:
            why.append(f"{p['name']}: not exposed")
        if p["type"] not in ("str", "int", "choice", "bool"):
            why.append(f"{p['name']}: type {p['type']}")
        if isinstance(p.get("envvar"), (list, tuple)):
            why.append(f"{p['name']}: several environment variables")
        if p["kind"] == "option" and p["nargs"] != 1:
            why.append(f"{p['name']}: nargs {p['nargs']}")
    if getattr(cmd, "commands", None) is not None:
        return why  # a group: options before the subcommand, as the fast parser reads them
    if getattr(cmd, "ignore_unknown_options", False) or getattr(cmd, "allow_extra_args", False):
        why.append("context settings")
    if not getattr(cmd, "allow_interspersed_args", True):
        why.append("no interspersed arguments")
    return why


def build_spec(app: Any = None) -> dict[str, Any]:
    """The spec of a typer app (by default genai's own)."""
    root = typer.main.get_command(genai_app if app is None else app)
    root_params = [_param(p) for p in root.params]
    root_why = _typer_only(root_params, root)
    callback = _qualname(root.callback)
    if callback is not None and callback not in NATIVE_CALLBACKS:
        root_why.append(f"root callback {callback}")
    spec: dict[str, Any] = {
        "root": root_params,
        "root_callback": callback,
        "typer_only": root_why,
        "groups": {},
        "commands": {},
    }

    def walk(cmd: Any, path: list[str]) -> None:
        sub = getattr(cmd, "commands", None)
        if sub is not None:
            params = [_param(p) for p in cmd.params]
            spec["groups"][" ".join(path)] = {
                "params": params,
                "commands": sorted(sub),
                "typer_only": _typer_only(params, cmd) if path else root_why,
                "default": getattr(cmd, "default_command", None) or None,
            }
            for name, child in sorted(sub.items()):
                walk(child, [*path, name])
        else:
            params = [_param(p) for p in cmd.params]
            spec["commands"][" ".join(path)] = {
                "params": params,
                "handler": getattr(cmd.callback, HANDLER, None),
                "typer_only": _typer_only(params, cmd),
            }

    walk(root, [])
    return spec


def dumps(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = dumps(build_spec())
    if "--check" in args:
        with open(SPEC_PATH, encoding="utf-8") as fh:
            fresh = fh.read() == text
        print(
            f"{SPEC_PATH} is {'fresh' if fresh else 'stale: run python -m genai_cli.cli.spec'}",
            file=sys.stderr,
        )
        return 0 if fresh else 1

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(Path(SPEC_PATH), write)
    print(f"wrote {SPEC_PATH} ({len(text.encode()):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
