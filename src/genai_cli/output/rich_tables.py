"""Layouts as rich tables and panels (imported only for ``--format table``).

On a terminal: colour and the terminal's width, long cells wrap (never cut).
Piped or redirected: no ANSI codes (unless ``FORCE_COLOR``), list tables at
their natural width so every record stays on one line, ``show`` pages at
``COLUMNS`` or 100 columns. ``NO_COLOR`` and ``TERM=dumb`` are honoured by
rich itself.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel as RichPanel
from rich.table import Table as RichTable
from rich.text import Text as RichText

from .layout import Cell, Panel, Stack, Table
from .terminal import MAX_COLUMNS, Terminal

if TYPE_CHECKING:
    from .layout import Layout

UNLIMITED = MAX_COLUMNS
SHOW_WIDTH = 100
MIN_WIDTH = 60
"""Below this, columns would fold into single characters: let lines wrap instead."""


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich exits 1 here; let the runner end quietly with 0, as for JSON
        raise BrokenPipeError


def make_console(out: IO[str]) -> tuple[Console, bool]:
    term = Terminal(out)
    # NO_COLOR (and a dumb terminal) mean no escape codes at all, not even bold
    extra: dict[str, Any] = {} if term.color else {"color_system": None}
    if term.forced:
        extra["force_terminal"] = True
    elif term.plain and os.environ.get("FORCE_COLOR"):
        extra["force_terminal"] = False
    if term.tty:
        console = _Console(file=out, highlight=False, emoji=False, **extra)
        if console.width < MIN_WIDTH:
            console = _Console(file=out, highlight=False, emoji=False, width=MIN_WIDTH, **extra)
        return console, True
    return (
        _Console(file=out, highlight=False, emoji=False, width=UNLIMITED, soft_wrap=False, **extra),
        False,
    )


def _columns_env(term: Terminal) -> int | None:
    return max(MIN_WIDTH, term.columns) if term.columns is not None else None


def _text(cell: Cell | str) -> RichText:
    if isinstance(cell, Cell):
        return RichText(cell.text, style=cell.style or "")
    return RichText(cell)


def to_rich(layout: Layout, tty: bool = True) -> Any:
    if isinstance(layout, Stack):
        return Group(*(to_rich(i, tty) for i in layout.items))
    if isinstance(layout, Panel):
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in layout.fields:
            grid.add_row(RichText(label), _text(value))
        return RichPanel(
            grid,
            title=RichText(layout.title, style="bold"),
            title_align="left",
            box=box.ROUNDED,
            expand=False,
        )
    table = RichTable(
        title=RichText(layout.title, style="bold") if layout.title else None,
        caption=RichText(layout.caption, style="dim") if layout.caption else None,
        box=box.SIMPLE_HEAD,
        header_style="bold",
        title_justify="left",
        caption_justify="left",
        expand=False,
        show_edge=False,
    )
    for col in layout.columns:
        table.add_column(
            RichText(col.header),
            justify=col.justify,
            style=col.style or "",
            no_wrap=col.no_wrap,
            overflow="fold",
            max_width=col.max_width if tty else None,  # piped: a record per line
        )
    for i, row in enumerate(layout.rows):
        if i in layout.sections and i > 0:
            table.add_section()
        table.add_row(*(_text(c) for c in row))
    return table


def _width(layout: Layout, term: Terminal, tty: bool) -> int | None:
    if tty:
        return None
    if isinstance(layout, Table):
        return _columns_env(term) or UNLIMITED
    return _columns_env(term) or SHOW_WIDTH


def print_layout(layout: Layout, out: IO[str], footer: str | None) -> None:
    console, tty = make_console(out)
    term = Terminal(out)
    if isinstance(layout, Stack):  # a show page: one readable width for all of it
        width = _width(Panel("", []), term, tty)
        for item in layout.items:
            console.print(to_rich(item, tty), width=width)
    else:
        console.print(to_rich(layout, tty), width=_width(layout, term, tty))
    if footer:
        console.print(RichText(footer, style="dim"), width=_width(Panel("", []), term, tty))
