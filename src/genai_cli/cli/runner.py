"""Run one command: load what it needs, call its handler, render, map errors to exit codes.

Both entry paths end here: the typer app (:mod:`genai_cli.cli.app`) and the
stdlib fast path (:mod:`genai_cli.cli.main`), with the same parameters and
the same handler (``module:function``, bound where the command is declared),
so a command behaves the same whichever parsed its arguments. Stdlib only.
"""

from __future__ import annotations

import importlib
import os
import sys

from .. import __version__
from ..answers.catalog import bundled
from ..answers.queries import check_limit, parse_fields
from ..catalogs import spec as catalog_files
from ..commands.context import Ctx, Output
from ..core import errors
from ..core.environment import data_dir_setting, data_folder
from ..core.errors import DataError, GenaiError, UsageError, error_text, usage_text
from ..core.sanitise import visible
from ..output.render import check_format, render
from ..output.terminal import is_tty

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


KEEP: list[Any] | None = None
"""When a list (the program's own process, which ends without tearing down):
what each run loaded is kept here, not freed object by object on return."""


def handler(target: str) -> Any:
    """The handler function named ``module:function`` (a module of :mod:`genai_cli.commands`)."""
    module, _, func = target.partition(":")
    if not module.startswith("genai_cli.commands.") or not func.isidentifier():
        raise ValueError(f"not a command handler: {target!r}")
    return getattr(importlib.import_module(module), func)


def footer(ctx: Any) -> str | None:
    cat = ctx._catalog
    if cat is None:
        return None
    d = cat.dataset
    text = f"Data: {d.get('publisher_en') or d['publisher']} report of {d['date']} · as of {d['as_of']}"
    if cat.user_files:
        n = len(cat.user_files)
        text += f" · plus {n} user file{'s' if n != 1 else ''}"
    if cat.imported:
        text += " · plus catalogs: " + ", ".join(cat.imported)
    return text


def version_text() -> str:
    """The program's version, the bundled dataset's identity, the data folder (as
    ``--data-dir`` defaults: ``$GENAI_DATA_DIR``, else the user's) and each catalog
    imported into it, with its version and as-of date."""
    meta = bundled().meta
    d = meta["dataset"]
    total = sum(meta.get("counts", {}).values())
    text = (
        f"genai {__version__}\n"
        f"dataset: {d.get('title_en') or d['title']} — {d.get('publisher_en') or d['publisher']}, "
        f"{d['date']} (as of {d['as_of']}), {total:,} records\n"
    )
    folder = data_dir_setting() or data_folder()
    if not folder or not os.path.isdir(folder):
        return text + f"data folder: {folder or 'none (no HOME)'} (not there: bundled data only)\n"
    text += f"data folder: {folder}\n"
    for path in catalog_files.imported(folder):
        h = catalog_files.head(path)
        if h is None:
            text += f"catalog: {os.path.basename(path)} (not readable: genai validate says why)\n"
            continue
        version = f" {h['version']}" if h.get("version") else " (no version in it)"
        as_of = f" (as of {h['as_of']})" if h.get("as_of") else " (no as-of date in it)"
        text += f"catalog: {h['catalog']}{version}{as_of}\n"
    return visible(text)


def run(command: str, target: str, params: dict[str, Any], root: dict[str, Any]) -> int:
    """Run ``command`` (its path, ``models list``) by calling its handler ``target``
    with typer-style ``params`` and the root options ``root`` (``data_dir``,
    ``bundled_only``, and ``sources``: where each came from); returns the exit code."""

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
            out.where = params.pop("where", None)
            if out.where is not None and not out.where.strip():
                raise UsageError('--where: give an SQL expression, e.g. --where "open_weights"')
            out.headers = not params.pop("no_headers", False)
            ctx = Ctx(
                data_dir=root.get("data_dir") or None,
                out=out,
                bundled_only=bool(root.get("bundled_only")),
                data_dir_source=(root.get("sources") or {}).get("data_dir"),
            )
            if KEEP is not None:
                KEEP.append(ctx)
                errors.ABORT = lambda exc: abort(command, exc)
            result = handler(target)(ctx, **params)
            tail = footer(ctx) if result.footer else None
            on_terminal = is_tty(sys.stdout)
            render(result, out.format, footer=tail if on_terminal else None, headers=out.headers)
            sys.stdout.flush()
            if tail and not on_terminal and out.format in ("table", "markdown") and result.render:
                say(tail)  # piped: the data alone on stdout
            for line in result.messages:
                say(line)
            return int(result.exit_code)
        except UsageError as exc:
            say(usage_text(command, exc.message))
            return exc.exit_code
        except DataError as exc:
            for p in exc.problems:
                say(str(p))
            say(error_text(command, f"{exc.message}; nothing was loaded"))
            return exc.exit_code
        except GenaiError as exc:
            say(error_text(command, exc.message))
            return exc.exit_code
    except BrokenPipeError:
        quiet_broken_pipe()
        return 0
    except KeyboardInterrupt:
        say("\ngenai: interrupted")
        return 130
    except RecursionError:
        say(error_text(command, "input nested too deeply"))
        return 1
    except Exception as exc:  # never a traceback unless asked for
        if os.environ.get("GENAI_DEBUG"):
            raise
        say(
            error_text(
                command,
                f"internal error: {type(exc).__name__}: {str(exc)[:200]} "
                "(set GENAI_DEBUG=1 for a traceback)",
            )
        )
        return 1


def abort(command: str, exc: GenaiError) -> None:
    """End the program's process now (from any thread) with ``exc``'s message and
    exit code (:data:`genai_cli.core.errors.ABORT`)."""
    say(error_text(command, exc.message))
    try:
        sys.stderr.flush()
    finally:
        os._exit(exc.exit_code)


def say(text: str) -> None:
    """One message on stderr (an error, a warning, a summary), shown safely: its
    control characters, but tab and newline, as visible escapes."""
    print(visible(text, "\n\t"), file=sys.stderr)


def quiet_broken_pipe() -> None:
    """The reader went away (``| head``): stop writing, say nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
