"""Charts drawn with characters (stdlib only).

Hand-drawn rather than plotext or rich bars: a few dozen lines, no import
cost, and the same output logic for a terminal (Unicode blocks, colour) and a
pipe or ``NO_COLOR`` (ASCII, no escape codes). Everything fits the given
width (80 columns when piped). Labels, values, titles and notes are shown
safely: their control characters as visible escapes, before the colours (the
only escape codes a chart writes) are added.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

from ..core.sanitise import visible
from .cells import is_wide
from .terminal import Terminal

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import IO


class Style:
    """How to draw: Unicode or ASCII, with or without colour, how wide."""

    def __init__(self, unicode: bool, color: bool, width: int) -> None:
        self.unicode = unicode
        self.color = color
        self.width = width

    @classmethod
    def for_stream(cls, out: IO[str]) -> Style:
        term = Terminal(out)
        return cls(unicode=term.unicode, color=term.color, width=max(40, min(term.width(80), 100)))

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    @property
    def block(self) -> str:
        return "█" if self.unicode else "#"

    @property
    def dot(self) -> str:
        return "●" if self.unicode else "*"


def _fit(label: str, width: int) -> str:
    """Truncate/pad by display cells (CJK characters take two)."""
    out, used = "", 0
    for ch in label:
        w = 2 if is_wide(ch) else 1
        if used + w > width:
            out = out[:-1] + "…" if out else ""
            used = min(used, width)
            break
        out += ch
        used += w
    return out + " " * max(0, width - used)


def bars(
    rows: Sequence[tuple[str, float, str]],
    style: Style,
    *,
    log: bool = False,
    title: str = "",
    note: str = "",
) -> str:
    """Horizontal bars: ``(label, value, shown value)`` per row."""
    rows = [(visible(label, ""), v, visible(shown, "")) for label, v, shown in rows]
    title, note = visible(title, ""), visible(note, "")
    if not rows:
        return (title + "\n" if title else "") + "(nothing to chart)\n"
    label_w = min(max(len(r[0]) for r in rows), max(10, style.width // 3))
    value_w = max(len(r[2]) for r in rows)
    bar_w = max(10, style.width - label_w - value_w - 3)
    values = [math.log10(v) if log and v > 0 else v for _, v, _ in rows]
    lo = min(0.0, *values) if not log else min(values) - 0.5
    hi = max(values)
    span = (hi - lo) or 1.0
    lines = [style.paint(title, "1")] if title else []
    for (label, _, shown), v in zip(rows, values, strict=True):
        n = max(1, round((v - lo) / span * bar_w))
        bar = style.paint(style.block * n, "36")
        lines.append(f"{_fit(label, label_w)} {bar} {shown}".rstrip())
    if note:
        lines.extend(textwrap.wrap(note, style.width))
    return "\n".join(lines) + "\n"


def scatter_log(
    points: Sequence[tuple[float, float, str]],
    style: Style,
    *,
    title: str = "",
    y_format: Callable[[float], str] = str,
    height: int = 18,
) -> str:
    """A scatter of (x, y, label) with a log-scale y axis.

    Every point is labelled: beside the point where the label fits, else with
    a key (a, b, c, ...) explained under the chart.
    """
    points = [(x, y, visible(label, "")) for x, y, label in points]
    title = visible(title, "")
    if not points:
        return (title + "\n" if title else "") + "(nothing to chart)\n"
    ys = [math.log10(p[1]) for p in points]
    xs = [p[0] for p in points]
    y_lo, y_hi = math.floor(min(ys)), math.ceil(max(ys))
    if y_hi == y_lo:
        y_hi += 1
    x_lo, x_hi = math.floor(min(xs)), math.floor(max(xs)) + 1
    axis_w = 6
    plot_w = style.width - axis_w - 2

    def row_of(level: float) -> int:
        return height - 1 - round((level - y_lo) / (y_hi - y_lo) * (height - 1))

    def col_of(x: float) -> int:
        return min(plot_w - 1, int((x - x_lo) / (x_hi - x_lo) * (plot_w - 1)))

    grid = [[" "] * plot_w for _ in range(height)]
    placed = sorted(zip(points, ys, strict=True), key=lambda t: (t[0][0], -t[1]))
    cells = [(row_of(ly), col_of(x), label) for (x, _, label), ly in placed]
    for row, col, _ in cells:
        grid[row][col] = style.dot
    legend: list[str] = []
    keys = iter("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for row, col, label in cells:
        start = col + 2
        fits = start + len(label) <= plot_w and all(
            c == " " for c in grid[row][start - 1 : start + len(label) + 1]
        )
        if fits:
            grid[row][start : start + len(label)] = list(label)
            continue
        key = next(keys, "?")
        for spot in (col + 1, col - 1):
            if 0 <= spot < plot_w and grid[row][spot] == " ":
                grid[row][spot] = key
                break
        legend.append(f"{key} {label}")
    ticks = {row_of(level): y_format(10**level) for level in range(y_lo, y_hi + 1)}
    lines = [style.paint(title, "1")] if title else []
    for r in range(height):
        body = "".join(grid[r])
        if style.color:
            body = body.replace(style.dot, style.paint(style.dot, "36"))
        lines.append(f"{ticks.get(r, ''):>{axis_w}} |{body}")
    lines.append(" " * axis_w + " +" + "-" * plot_w)
    axis = [" "] * plot_w
    last_end = -1
    for y in range(x_lo, x_hi + 1):
        col = col_of(y)
        if col > last_end and col + 4 <= plot_w:
            axis[col : col + 4] = list(str(y))
            last_end = col + 4
    lines.append(" " * (axis_w + 2) + "".join(axis).rstrip())
    if legend:
        per_line = max(1, style.width // 28)
        for i in range(0, len(legend), per_line):
            lines.append("  ".join(f"{item:<26}" for item in legend[i : i + per_line]).rstrip())
    return "\n".join(lines) + "\n"
