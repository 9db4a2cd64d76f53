"""A progress bar on stderr, shown only when stderr is a terminal (stdlib only)."""

from __future__ import annotations

import sys
import time

from .terminal import Terminal


class Progress:
    """``progress(done, total)`` draws ``label [#####     ] done/total`` in place;
    :meth:`close` clears it. Silent when stderr is not a terminal."""

    def __init__(self, label: str) -> None:
        term = Terminal(sys.stderr)
        self.label = label
        self.active = term.tty
        self.width = max(10, min(term.width(80), 100) - len(label) - 24)
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total <= 0:
            return
        now = time.monotonic()
        if now - self._last < 0.05 and done < total:
            return
        self._last = now
        filled = self.width * done // total
        bar = "#" * filled + " " * (self.width - filled)
        sys.stderr.write(f"\r{self.label} [{bar}] {done:,}/{total:,}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.active:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
