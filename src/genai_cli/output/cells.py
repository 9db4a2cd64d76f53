"""How wide text is in a terminal, in cells, exactly as rich counts it (stdlib first).

Rich measures a character by its tables of every Unicode version, which
takes importing rich (and ``typing``). Most text genai prints is made of
characters whose width is the same in every one of those tables: Latin,
Greek and Cyrillic letters, punctuation, arrows, box drawing (one cell), and
Chinese characters, kana and full-width forms (two cells). Those are counted
here; any other character (an emoji, a combining mark, a control code) is
counted by rich itself. A test checks every character of these ranges
against rich, for every Unicode version it knows.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

SINGLE = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x2190, 0x22FF),
    (0x2500, 0x25FC),
    (0x2605, 0x2606),
    (0x2800, 0x28FF),
)
"""Characters one cell wide in rich's tables, whatever the Unicode version."""

DOUBLE = (
    (0x3000, 0x3029),
    (0x3030, 0x303E),
    (0x3041, 0x3096),
    (0x30A1, 0x30FA),
    (0x3400, 0x4DB5),
    (0x4E00, 0x9FBB),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
)
"""Characters two cells wide in rich's tables, whatever the Unicode version."""


_RANGES = sorted([(a, b, 1) for a, b in SINGLE] + [(a, b, 2) for a, b in DOUBLE])
_STARTS = [a for a, _, _ in _RANGES]
_SEEN: dict[str, int] = {}


def _width(ch: str) -> int:
    """The width of a character whose width is known, else 0."""
    found = _SEEN.get(ch)
    if found is None:
        code = ord(ch)
        i = bisect_right(_STARTS, code) - 1
        found = _RANGES[i][2] if i >= 0 and code <= _RANGES[i][1] else 0
        _SEEN[ch] = found
    return found


def is_wide(ch: str) -> bool:
    """Is ``ch`` East Asian wide or full-width (two cells; a line may break beside it)?"""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def known(text: str) -> bool:
    """Is every character of ``text`` one whose width this module knows?"""
    if text.isascii() and text.isprintable():
        return True
    return all(_width(ch) for ch in text)


def cell_len(text: str) -> int:
    """The width of ``text`` in terminal cells, as ``rich.cells.cell_len`` gives it."""
    if text.isascii() and text.isprintable():
        return len(text)
    total = 0
    for ch in text:
        w = _width(ch)
        if not w:
            # deferred: rich (about 30 ms), for a character whose width only it knows
            from rich.cells import cell_len as rich_cell_len

            return rich_cell_len(text)
        total += w
    return total
