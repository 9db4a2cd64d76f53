"""Help pages as typer renders them, kept in the user's cache (stdlib only).

``genai --help`` is the first thing a new user runs, and rendering it means
importing typer, click and rich: several times the interpreter's own start.
The page is the same every time for the same program and the same terminal,
so the first ``--help`` of a command renders it through typer, exactly as
typer prints it (its writes to stdout, recorded as they go out), and stores
the text; the next one prints the stored text without importing typer.

An entry is keyed by everything that changes what typer prints: the command
path; the program's version and the size and modification time of every
module of the package and of ``cli/spec.json`` (the app's declarations and
help texts); where typer and rich are installed, and their files' size and
time (their versions); the interpreter and ``sys.path``; whether stdout is a
terminal and its encoding; the terminal's size as rich measures it; and
every environment variable typer, click or rich read (:data:`ENVIRONMENT`).
Anything else, or no cache at all (``GENAI_NO_CACHE``, no ``HOME``, an
unwritable folder), and typer renders the page as it always did. Entries are
kept in the cache folder (:mod:`genai_cli.cachefiles`).
"""

from __future__ import annotations

import os
import sys

from .. import cachefiles
from ..jsonio import dumps

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import IO, Any

FORMAT = "1"
KEEP = 64
"""How many help pages the cache keeps (the newest)."""

ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "TERMINAL_WIDTH",
    "GITHUB_ACTIONS",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "DATABRICKS_RUNTIME_VERSION",
    "UNICODE_VERSION",
    "TYPER_USE_RICH",
    "_TYPER_FORCE_DISABLE_TERMINAL",
)
"""Every environment variable the installed typer, click and rich read that can
change a help page (their sources, searched for ``environ`` and ``getenv``)."""

RENDERERS = ("typer", "rich")


def _files(root: str) -> list[str]:
    """The package's modules and spec: what the app's declarations are made of."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "data"))
        for name in sorted(files):
            if name.endswith(".py") or name == "spec.json":
                path = os.path.join(folder, name)
                st = os.stat(path)
                out.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    return out


def _renderers() -> list[str]:
    """Where typer and rich are installed, and their files' size and time."""
    from importlib.machinery import PathFinder

    out = []
    for name in RENDERERS:
        found = PathFinder.find_spec(name)
        origin = getattr(found, "origin", None)
        if not origin:
            out.append(f"{name}:?")
            continue
        st = os.stat(origin)
        out.append(f"{name}:{origin}:{st.st_size}:{st.st_mtime_ns}")
    return out


def _terminal_size() -> str:
    """The size rich measures: the first of stdin, stdout and stderr that is a terminal."""
    for fd in (0, 1, 2):
        try:
            size = os.get_terminal_size(fd)
        except (OSError, ValueError):
            continue
        return f"{size.columns}x{size.lines}"
    return "none"


def key(command: str, out: IO[str]) -> str:
    """What the help page of ``command`` (a path, ``""`` for the program's) printed
    on ``out`` depends on."""
    from .. import __version__
    from ..output.terminal import is_tty

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [
        f"format {FORMAT}",
        f"command {command}",
        f"genai {__version__}",
        *_files(root),
        *_renderers(),
        f"python {sys.version} {sys.platform}",
        "path " + "\0".join(sys.path),
        f"tty {is_tty(out)}",
        f"encoding {getattr(out, 'encoding', None)} {getattr(out, 'errors', None)}",
        f"size {_terminal_size()}",
        *(f"env {name}={os.environ.get(name)!r}" for name in ENVIRONMENT),
    ]
    return "\n".join(parts)


def _name(full_key: str) -> str:
    """The entry's file name: a short hash (the entry holds the whole key)."""
    return f"help-{cachefiles.short(full_key)}.json"


def cached(folder: str, full_key: str) -> str | None:
    """The stored page for ``full_key``, or ``None``."""
    data = cachefiles.read(os.path.join(folder, _name(full_key)), full_key)
    text = None if data is None else data.get("text")
    return text if isinstance(text, str) else None


def store(folder: str, full_key: str, text: str) -> None:
    """Keep ``text`` as the page for ``full_key`` (silently not, when it cannot)."""

    def write(tmp: Path) -> None:
        tmp.write_text(dumps({"key": full_key, "text": text}), encoding="utf-8")

    cachefiles.store(folder, _name(full_key), write, KEEP)


class _Recorder:
    """Stdout as typer sees it (a terminal if it is one, the same encoding and
    size), keeping a copy of the text written to it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.bypassed = False

    def write(self, text: str) -> int:
        written = self.stream.write(text)  # click probes with b"": a TypeError here
        if isinstance(text, str):
            self.parts.append(text)
        else:
            self.bypassed = True
        return written

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name in ("buffer", "detach", "reconfigure"):
            self.bypassed = True  # bytes written past the text would not be kept
        return getattr(self.stream, name)


def show(command: str) -> int:
    """Print the help page of ``command``: the stored one, else typer's (stored)."""
    folder = cachefiles.cache_dir()
    full_key = key(command, sys.stdout) if folder is not None else ""
    if folder is not None:
        text = cached(folder, full_key)
        if text is not None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return 0
    # typer reads some of the environment once, when imported: a page rendered by
    # a typer imported earlier (in a caller's process) may not be what the key says
    fresh = "typer" not in sys.modules
    from .app import run as typer_run

    recorder = _Recorder(sys.stdout)
    sys.stdout = recorder
    try:
        code = typer_run([*command.split(), "--help"])
    finally:
        sys.stdout = recorder.stream
    if code == 0 and fresh and folder is not None and not recorder.bypassed:
        store(folder, full_key, "".join(recorder.parts))
    return code
