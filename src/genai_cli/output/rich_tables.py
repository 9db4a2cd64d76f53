"""Layouts as rich tables and panels (imported only for ``--format table``).

The width: on a terminal, the terminal's (``COLUMNS`` if set); piped or
redirected, ``COLUMNS`` if set, else none for a list (each record on one
line, no value cut) and 100 columns for a ``show`` page. Below
:data:`MIN_WIDTH` a table is laid out at that width. A table fits its width
as :mod:`genai_cli.output.fit` says (low-priority columns out first, folds at
spaces only, else an ellipsis); titles and captions are printed outside the
table, wrapped at the same width, so they never squeeze or widen a column.
No line ends in a space. Piped: no ANSI codes (unless ``FORCE_COLOR``);
``NO_COLOR`` and ``TERM=dumb`` are honoured by rich itself.
"""

from __future__ import annotations

import os
import sys

from . import fit
from .layout import Cell, Panel, Stack, Table
from .terminal import MAX_COLUMNS, Terminal

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import IO, Any

    from rich.console import Console
    from rich.panel import Panel as RichPanel
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    from .layout import Layout

UNLIMITED = MAX_COLUMNS
SHOW_WIDTH = 100
MIN_WIDTH = 20
"""Narrower than this, a table is laid out at this width (and the terminal wraps)."""
PANEL_VALUE = 12
"""The narrowest a show page's values get before its labels are cut."""


def make_console(out: IO[str]) -> Console:
    """A console for ``out`` with its colours; it renders at any width (callers
    wrap), and never wraps a line itself."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 here; let the runner end quietly with 0, as for JSON
            raise BrokenPipeError

    term = Terminal(out)
    # NO_COLOR (and a dumb terminal) mean no escape codes at all, not even bold
    extra: dict[str, Any] = {} if term.color else {"color_system": None}
    if term.forced:
        extra["force_terminal"] = True
    elif term.plain and os.environ.get("FORCE_COLOR"):
        extra["force_terminal"] = False
    return _Console(
        file=out, highlight=False, emoji=False, width=UNLIMITED, soft_wrap=False, **extra
    )


def width_for(layout: Layout, out: IO[str]) -> int | None:
    """How wide ``layout`` may be on ``out`` (``None``: no limit)."""
    term = Terminal(out)
    if term.tty:
        width: int | None = term.width(80)
    elif term.columns is not None:
        width = term.columns
    else:
        width = None if isinstance(layout, Table) else SHOW_WIDTH
    return None if width is None else max(MIN_WIDTH, width)


def _text(cell: Cell | str, width: int | None = None) -> RichText:
    from rich.text import Text as RichText

    text, style = (cell.text, cell.style or "") if isinstance(cell, Cell) else (cell, "")
    if width is not None:
        text = "\n".join(fit.wrap(text, width))
    return RichText(text, style=style)


def _panel(layout: Panel, width: int) -> RichPanel:
    from rich import box
    from rich.panel import Panel as RichPanel
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    labels = max((fit.natural(label) for label, _ in layout.fields), default=0)
    values = max((fit.natural(v.text) for _, v in layout.fields), default=0)
    # the box and its padding take 4 cells, the gap between label and value 2;
    # on a very narrow screen the labels give way before the values
    labels = max(min(labels, width - 6 - PANEL_VALUE), 4)
    room = max(min(values, width - 6 - labels), 1)
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", width=labels, no_wrap=True, overflow="ellipsis")
    grid.add_column(width=room, no_wrap=True, overflow="ellipsis")
    for label, value in layout.fields:
        grid.add_row(RichText(fit.ellipsize(label, labels)), _text(value, room))
    title = fit.ellipsize(layout.title, max(width - 6, 1))
    return RichPanel(
        grid,
        title=RichText(title, style="bold"),
        title_align="left",
        box=box.ROUNDED,
        expand=False,
    )


def _table(layout: Table, width: int | None, headers: bool) -> RichTable:
    from rich import box
    from rich.table import Table as RichTable

    fitted, sizes = fit.fit(layout, width)
    table = RichTable(
        box=box.SIMPLE_HEAD,
        header_style="bold",
        show_header=headers,
        expand=False,
        show_edge=False,
    )
    for col, size in zip(fitted.columns, sizes, strict=True):
        table.add_column(
            _text(col.header, size if width is not None else None),
            justify=col.justify,
            style=col.style or "",
            width=size,
            no_wrap=True,
            overflow="ellipsis",
        )
    for i, row in enumerate(fitted.rows):
        if i in fitted.sections and i > 0:
            table.add_section()
        table.add_row(*(_text(c) for c in row))
    return table


def _print(console: Console, layout: Layout, width: int | None, headers: bool) -> None:
    if isinstance(layout, Stack):
        for item in layout.items:
            _print(console, item, width, headers)
    elif isinstance(layout, Panel):
        console.print(_panel(layout, width or SHOW_WIDTH))
    else:
        if layout.title and headers:
            console.print(_text(Cell(layout.title, "bold"), width))
        if layout.columns:
            console.print(_table(layout, width, headers))
        if layout.caption and headers:
            console.print(_text(Cell(layout.caption, "dim"), width))


def print_layout(layout: Layout, out: IO[str], footer: str | None, *, headers: bool = True) -> None:
    """Print ``layout`` on ``out`` at the width :func:`width_for` gives; ``headers``:
    with a list table's header, title and caption (``--no-headers``: the rows alone).
    Without colour, what rich would print is written without rich when it can be
    (:mod:`genai_cli.output.plain_tables`)."""
    width = width_for(layout, out)
    if not Terminal(out).color and _plain_box(out):
        from .plain_tables import lines

        tail = Cell(footer, "dim") if footer else None
        plain = lines(layout, width, headers, tail, width or SHOW_WIDTH)
        if plain is not None:
            out.write("".join(f"{line.rstrip(' ')}\n" for line in plain))
            return
    print_rich(layout, out, footer, width, headers=headers)


def print_rich(
    layout: Layout, out: IO[str], footer: str | None, width: int | None, *, headers: bool = True
) -> None:
    """:func:`print_layout` through rich, at ``width``."""
    console = make_console(out)
    with console.capture() as captured:
        _print(console, layout, width, headers)
        if footer:
            console.print(_text(Cell(footer, "dim"), width or SHOW_WIDTH))
    out.write("\n".join(_rstrip(line) for line in captured.get().split("\n")))


def _plain_box(out: IO[str]) -> bool:
    """Would rich draw its usual box characters on ``out`` (UTF-8, not a legacy
    Windows console)?"""
    encoding = (getattr(out, "encoding", "utf-8") or "utf-8").lower()
    return encoding.startswith("utf") and sys.platform != "win32"


def _code() -> re.Pattern[str]:
    import re

    return re.compile(r"\x1b\[[0-9;]*m")


def _rstrip(line: str) -> str:
    """A line without its trailing spaces, keeping the escape codes among them."""
    body, codes = line.rstrip(" "), ""
    while body.endswith("m"):
        start = body.rfind("\x1b[")
        if start == -1 or not _code().fullmatch(body, start):
            break
        body, codes = body[:start].rstrip(" "), body[start:] + codes
    return body + codes
