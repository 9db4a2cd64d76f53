"""What the output stream is: a terminal or a pipe, colour or not, its width (stdlib only).

The one place that reads ``NO_COLOR``, ``FORCE_COLOR``, ``CLICOLOR``,
``CLICOLOR_FORCE``, ``TERM=dumb`` and ``COLUMNS``, for rich tables and for
charts alike (https://no-color.org, https://bixense.com/clicolors/).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import IO

MAX_COLUMNS = 100_000
"""As wide as a table may be: no limit, in practice."""
SHOW_WIDTH = 100
"""How wide a ``show`` page is when nothing says (piped, no ``COLUMNS``)."""
MIN_WIDTH = 20
"""Narrower than this, a table is laid out at this width (and the terminal wraps)."""


def is_utf8(stream: object) -> bool:
    """True when the stream encodes UTF-8 (so it can show Chinese and box drawing)."""
    enc = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return enc in ("utf-8", "utf8", "utf-8-sig")


def is_tty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


class Terminal:
    """How to write to one stream.

    ``tty``: a terminal; ``plain``: no escape codes at all (``NO_COLOR``, a dumb
    terminal); ``forced``: colour asked for even when piped (``FORCE_COLOR``,
    ``CLICOLOR_FORCE`` not ``0``); ``color``: colour and styles (a terminal
    unless ``CLICOLOR=0``, or forced; never plain); ``unicode``: block and dot characters; ``columns``: the
    width from ``COLUMNS``, if set.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.tty = is_tty(stream)
        self.plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
        env = os.environ
        self.forced = not self.plain and (
            bool(env.get("FORCE_COLOR")) or env.get("CLICOLOR_FORCE", "0") not in ("", "0")
        )
        self.color = not self.plain and (self.forced or (self.tty and env.get("CLICOLOR") != "0"))
        self.utf8 = is_utf8(stream)
        self.unicode = self.utf8 and self.color
        try:
            value = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            value = 0
        self.columns: int | None = value if 1 <= value <= MAX_COLUMNS else None

    def width(self, default: int) -> int:
        """``COLUMNS``, else the terminal's width, else ``default``."""
        if self.columns is not None:
            return self.columns
        if self.tty:
            try:
                return os.get_terminal_size(self.stream.fileno()).columns
            except (OSError, ValueError, AttributeError):
                pass
        return default
