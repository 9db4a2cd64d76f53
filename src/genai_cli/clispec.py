"""Generate ``_cli_spec.json``: the typer app's commands and options as data.

The fast path (:mod:`genai_cli.fast`) parses plain command lines with this
spec instead of importing typer. The spec is *derived* from the typer app —
there is one definition of every command and option — and a test fails when
the committed file is stale (``python -m genai_cli.build`` regenerates it).
"""

from __future__ import annotations

import json
import os
from typing import Any

SPEC_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_cli_spec.json")


def _param(p: Any) -> dict[str, Any]:
    t = p.type
    tname = getattr(t, "name", "text")
    spec: dict[str, Any] = {
        "name": p.name,
        "kind": "option" if p.param_type_name == "option" else "argument",
        "type": {"integer": "int", "text": "str", "choice": "choice", "boolean": "bool"}.get(
            tname, tname
        ),
        "nargs": p.nargs,
        "multiple": bool(getattr(p, "multiple", False)),
        "required": bool(p.required),
        "default": p.default if not callable(p.default) else None,
    }
    if tname == "choice":
        spec["choices"] = [str(c) for c in t.choices]
        spec["case_sensitive"] = bool(getattr(t, "case_sensitive", True))
    if spec["kind"] == "option":
        spec["opts"] = list(p.opts)
        spec["secondary"] = list(p.secondary_opts)
        spec["flag"] = bool(p.is_flag)
        spec["bool_flag"] = bool(getattr(p, "is_bool_flag", False))
        spec["envvar"] = p.envvar if isinstance(p.envvar, str) else None
        spec["eager"] = bool(p.is_eager)
        spec["count"] = bool(getattr(p, "count", False))
    return spec


def build_spec() -> dict[str, Any]:
    import typer.main

    from .cli import app

    root = typer.main.get_command(app)
    spec: dict[str, Any] = {"root": [_param(p) for p in root.params], "groups": {}, "commands": {}}

    def walk(cmd: Any, path: list[str]) -> None:
        sub = getattr(cmd, "commands", None)
        if sub is not None:
            spec["groups"][" ".join(path)] = {
                "params": [_param(p) for p in cmd.params],
                "commands": sorted(sub),
            }
            for name, child in sorted(sub.items()):
                walk(child, [*path, name])
        else:
            spec["commands"][" ".join(path)] = {"params": [_param(p) for p in cmd.params]}

    walk(root, [])
    return spec


def dumps(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
