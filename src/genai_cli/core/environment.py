"""Every environment variable genai reads, and what it does: the one list.

The top-level help's "Environment" section and the README's table are made
from it; a test checks that every ``GENAI_*`` variable the code reads is here.
"""

from __future__ import annotations

import os

VARIABLES: tuple[tuple[str, str], ...] = (
    ("GENAI_DATA_DIR", "your data folder (as --data-dir)"),
    ("GENAI_BUNDLED_ONLY", "1: the bundled dataset alone (as --bundled-only)"),
    ("GENAI_CACHE_DIR", "the cache folder (default $XDG_CACHE_HOME/genai)"),
    ("GENAI_NO_CACHE", "1: no cache, validate every file on every run"),
    ("GENAI_SQL_TIMEOUT", "seconds sql or --where may run (default 5)"),
    ("GENAI_DEBUG", "1: an internal error shows its traceback"),
    ("GENAI_FAST", "0: parse every command line with typer (slower)"),
    ("NO_COLOR", "set: no colour and no styles at all"),
    ("FORCE_COLOR", "set: colour even when piped"),
    ("CLICOLOR", "0: no colour"),
    ("CLICOLOR_FORCE", "not 0: colour even when piped"),
    ("COLUMNS", "the width tables and charts fit"),
)


def help_text() -> str:
    """The help's Environment section (rich markup)."""
    width = max(len(name) for name, _ in VARIABLES)
    lines = [f"  {name:<{width}}  {what}" for name, what in VARIABLES]
    return "[bold]Environment[/bold]\n\n" + "\n\n".join(lines)


def data_dir_setting() -> str | None:
    """``$GENAI_DATA_DIR``: the folder ``--data-dir`` defaults to (None when unset or empty)."""
    return os.environ.get("GENAI_DATA_DIR") or None


def data_folder() -> str | None:
    """The user's data folder: ``$XDG_DATA_HOME/genai``, else ``~/.local/share/genai``
    (``None`` without a ``HOME``)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return os.path.join(xdg, "genai")
    home = os.environ.get("HOME")
    return os.path.join(home, ".local", "share", "genai") if home else None
