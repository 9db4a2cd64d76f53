"""Tables on the start-up path: how wide one may be, and without colour, laid out
exactly as rich lays them out, without rich.

The width (:func:`width_for`): on a terminal, the terminal's (``COLUMNS`` if
set); piped or redirected, ``COLUMNS`` if set, else none for a list (each
record on one line, no value cut) but one with a column that folds (a
conflict's values, which run to a thousand columns), and for a ``show``
page the width of the terminal stderr is on, else 100 columns. Below
:data:`~genai_cli.output.terminal.MIN_WIDTH` a table is laid out at that width.

Piped, or under ``NO_COLOR``, a table is plain text: importing rich to lay
it out costs four times the interpreter's start. :func:`lines` writes the
same characters :mod:`genai_cli.output.rich_tables` has rich write — its
``SIMPLE_HEAD`` table without edges: a space of padding each side of a cell,
a space between columns, the header (bold, which plain text does not show)
aligned to the bottom of its row and underlined by a rule of ``─``, the
cells aligned to the top, a blank line between sections, titles and
captions as lines of their own — for the layouts it knows and text whose
widths it knows (:mod:`genai_cli.output.cells`). Anything else (a show
page's panels, a value rich would cut with an ellipsis, an emoji or a
control character, an output that is not UTF-8) is ``None``: rich lays it
out. A test prints every command's tables both ways and compares them.
"""

from __future__ import annotations

import os
import sys

from . import fit
from .cells import cell_len, known
from .layout import Cell, Panel, Stack, Table
from .terminal import MIN_WIDTH, SHOW_WIDTH, Terminal

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import IO

    from .layout import Layout


class _Unknown(Exception):
    """Something rich lays out in a way this module does not repeat."""


def _text(text: str, width: int | None) -> list[str]:
    """``rich_tables._text``: a title, caption or footer, wrapped to ``width``."""
    if width is not None:
        text = "\n".join(fit.wrap(text, width))
    if not known(text.replace("\n", "")):
        raise _Unknown
    return text.split("\n")


def _cell(text: str, width: int, justify: str) -> list[str]:
    """A cell's lines, each justified to ``width`` (rich's ``Text.wrap`` without
    wrapping: ``left`` pads, ``right`` and ``center`` strip the right first)."""
    out = []
    for line in text.split("\n"):
        if justify != "left":
            line = line.rstrip()
        size = cell_len(line)
        if size > width:
            raise _Unknown  # rich would cut it with an ellipsis
        gap = width - size
        if justify == "right":
            line = " " * gap + line
        elif justify == "center":
            line = " " * (gap // 2) + line + " " * (gap - gap // 2)
        elif justify == "left":
            line += " " * gap
        else:
            raise _Unknown
        out.append(line)
    return out


def _row(cells: list[list[str]], sizes: list[int], bottom: bool) -> list[str]:
    """Lines of a row of cells: the shorter cells padded with blank lines below
    (or, for the header, above)."""
    height = max(len(c) for c in cells)
    shaped = []
    for lines, size in zip(cells, sizes, strict=True):
        blank = [" " * size] * (height - len(lines))
        shaped.append(blank + lines if bottom else lines + blank)
    return [" ".join(f" {c[n]} " for c in shaped) for n in range(height)]


def _table(layout: Table, width: int | None, headers: bool) -> list[str]:
    fitted, sizes = fit.fit(layout, width)
    cols = fitted.columns
    for col in cols:
        if col.justify not in ("left", "right", "center"):
            raise _Unknown
    for row in fitted.rows:
        if len(row) != len(cols) or not all(known(c.text.replace("\n", "")) for c in row):
            raise _Unknown
    out: list[str] = []
    if headers:
        heads = []
        for col, size in zip(cols, sizes, strict=True):
            header = col.header
            if width is not None:
                header = "\n".join(fit.wrap(header, size))
            if not known(header.replace("\n", "")):
                raise _Unknown
            heads.append(_cell(header, size, col.justify))
        out += _row(heads, sizes, bottom=True)
        out.append("─" * (sum(sizes) + fit.overhead(len(sizes))))
    for i, row in enumerate(fitted.rows):
        if i in fitted.sections and i > 0:
            out.append("")  # SIMPLE_HEAD's row rule is blank
        cells = [_cell(c.text, s, col.justify) for c, s, col in zip(row, sizes, cols, strict=True)]
        out += _row(cells, sizes, bottom=False)
    return out


def _layout(layout: Layout, width: int | None, headers: bool, out: list[str]) -> None:
    if isinstance(layout, Stack):
        for item in layout.items:
            _layout(item, width, headers, out)
    elif isinstance(layout, Panel):
        raise _Unknown
    else:
        if layout.title and headers:
            out += _text(layout.title, width)
        if layout.columns:
            out += _table(layout, width, headers)
        if layout.caption and headers:
            out += _text(layout.caption, width)


def lines(
    layout: Layout, width: int | None, headers: bool, footer: Cell | None, footer_width: int
) -> list[str] | None:
    """The lines ``rich_tables`` prints for ``layout`` at ``width`` without colour
    (trailing spaces included), and ``footer`` at ``footer_width``, or ``None``
    when rich must lay them out."""
    out: list[str] = []
    try:
        _layout(layout, width, headers, out)
        if footer is not None:
            out += _text(footer.text, footer_width)
    except _Unknown:
        return None
    return out


def width_for(layout: Layout, out: IO[str]) -> int | None:
    """How wide ``layout`` may be on ``out`` (``None``: no limit)."""
    term = Terminal(out)
    if term.tty:
        width: int | None = term.width(80)
    elif term.columns is not None:
        width = term.columns
    else:  # piped: a list runs as wide as it is (but for a column that folds, a
        # conflict's values); a page takes the width of the terminal the user sees
        # it on (stderr's, as with `genai models show X | less`)
        runs = isinstance(layout, Table) and not layout.folds()
        width = None if runs else (_stderr_width() or SHOW_WIDTH)
    return None if width is None else max(MIN_WIDTH, width)


def _stderr_width() -> int | None:
    """The width of the terminal stderr is on, if it is on one."""
    err = sys.stderr
    if err is None or not Terminal(err).tty:
        return None
    try:
        return os.get_terminal_size(err.fileno()).columns or None
    except (OSError, ValueError, AttributeError):
        return None


def print_layout(layout: Layout, out: IO[str], footer: str | None, *, headers: bool = True) -> None:
    """Print ``layout`` on ``out`` at the width :func:`width_for` gives; ``headers``:
    with a list table's header, title and caption (``--no-headers``: the rows alone).
    Without colour, what rich would print is written without rich when it can be
    (:mod:`genai_cli.output.plain_tables`)."""
    width = width_for(layout, out)
    if not Terminal(out).color and _plain_box(out):
        tail = Cell(footer, "dim") if footer else None
        plain = lines(layout, width, headers, tail, width or SHOW_WIDTH)
        if plain is not None:
            out.write("".join(f"{line.rstrip(' ')}\n" for line in plain))
            return
    # deferred: rich (about 30 ms), for colour and for what only rich lays out
    from .rich_tables import print_rich

    print_rich(layout, out, footer, width, headers=headers)


def _plain_box(out: IO[str]) -> bool:
    """Would rich draw its usual box characters on ``out`` (UTF-8, not a legacy
    Windows console)?"""
    encoding = (getattr(out, "encoding", "utf-8") or "utf-8").lower()
    return encoding.startswith("utf") and sys.platform != "win32"
