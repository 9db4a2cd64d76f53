"""Run one command: load what it needs, call it, render, map errors to exit codes.

Both entry points end here: the typer app (:mod:`genai_cli.cli`) and the
fast path (:mod:`genai_cli.fast`), with the same parameters, so a command
behaves the same whichever parsed its arguments. Stdlib only.
"""

from __future__ import annotations

import importlib
import os
import sys

from .errors import DataError, GenaiError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

HANDLERS: dict[str, str] = {
    "models list": "models:list_",
    "models show": "models:show",
    "vendors list": "vendors:list_",
    "vendors show": "vendors:show",
    "benchmarks list": "benchmarks:list_",
    "benchmarks show": "benchmarks:show",
    "compare": "compare:run",
    "timeline": "timeline:run",
    "search": "search:run",
    "architectures list": "architectures:list_",
    "architectures show": "architectures:show",
    "agi-levels": "reference:agi_levels",
    "market": "reference:market",
    "predictions": "reference:predictions",
    "risks": "reference:risks",
    "findings": "reference:findings",
    "validate": "data:validate",
    "sql": "data:sql",
    "export": "data:export",
    "schema": "data:schema",
    "chart params": "chart:params",
    "chart context": "chart:context",
    "chart timeline": "chart:timeline",
    "chart benchmark": "chart:benchmark",
}
"""Command path -> ``module:function`` under :mod:`genai_cli.commands`."""


def handler(command: str) -> Any:
    module, func = HANDLERS[command].split(":")
    return getattr(importlib.import_module(f"genai_cli.commands.{module}"), func)


def footer(ctx: Any) -> str | None:
    cat = ctx._catalog
    if cat is None:
        return None
    d = cat.dataset
    text = f"Data: {d.get('publisher_en') or d['publisher']} report of {d['date']} · as of {d['as_of']}"
    if cat.user_files:
        n = len(cat.user_files)
        text += f" · plus {n} user file{'s' if n != 1 else ''}"
    return text


def run(command: str, params: dict[str, Any], *, data_dir: str | None = None) -> int:
    """Run ``command`` with typer-style ``params``; returns the exit code."""
    from .commands._common import Ctx, Output
    from .queries import check_limit, parse_fields
    from .render import check_format, render

    prog = f"genai {command}"
    try:
        try:
            params = dict(params)
            out = Output()
            if "format" in params:
                out.format = check_format(params.pop("format") or "table")
            if params.pop("json", False):
                out.format = "json"
            out.fields = parse_fields(params.pop("fields", None))
            out.sort = params.pop("sort", None)
            out.desc = bool(params.pop("desc", False))
            out.limit = check_limit(params.pop("limit", None))
            ctx = Ctx(data_dir=data_dir or None, out=out)
            result = handler(command)(ctx, **params)
            render(result, out.format, footer=footer(ctx))
            sys.stdout.flush()
            for line in result.messages:
                print(line, file=sys.stderr)
            return int(result.exit_code)
        except UsageError as exc:
            print(f"{prog}: {exc.message}", file=sys.stderr)
            print(f"Try '{prog} --help' for help.", file=sys.stderr)
            return exc.exit_code
        except DataError as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            print(f"genai: {exc.message}; nothing was loaded (exit 3)", file=sys.stderr)
            return exc.exit_code
        except GenaiError as exc:
            print(f"genai: {exc.message}", file=sys.stderr)
            return exc.exit_code
    except BrokenPipeError:
        quiet_broken_pipe()
        return 0
    except KeyboardInterrupt:
        print("\ngenai: interrupted", file=sys.stderr)
        return 130
    except RecursionError:
        print("genai: input nested too deeply", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback unless asked for
        if os.environ.get("GENAI_DEBUG"):
            raise
        print(
            f"genai: internal error: {type(exc).__name__}: {str(exc)[:200]} "
            "(set GENAI_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return 1


def quiet_broken_pipe() -> None:
    """The reader went away (``| head``): stop writing, say nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
