"""Layouts as rich tables and panels: tables in colour, and what
:mod:`genai_cli.output.plain_tables` cannot lay out itself (a show page's
panels, text whose width only rich measures).

A table fits the width it is given as :mod:`genai_cli.output.fit` says
(low-priority columns out first, folds at spaces only, else an ellipsis);
titles and captions are printed outside the table, wrapped at the same
width, so they never squeeze or widen a column. No line ends in a space.
Piped: no ANSI codes (unless ``FORCE_COLOR``); ``NO_COLOR`` and
``TERM=dumb`` are honoured by rich itself.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.panel import Panel as RichPanel
from rich.table import Table as RichTable
from rich.text import Text as RichText

from . import fit
from .layout import Cell, Panel, Stack, Table
from .terminal import MAX_COLUMNS, SHOW_WIDTH, Terminal

if TYPE_CHECKING:
    import re
    from typing import IO, Any

    from rich.console import Console
    from rich.panel import Panel as RichPanel
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    from .layout import Layout


def make_console(out: IO[str]) -> Console:
    """A console for ``out`` with its colours; it renders at any width (callers
    wrap), and never wraps a line itself."""

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
        file=out, highlight=False, emoji=False, width=MAX_COLUMNS, soft_wrap=False, **extra
    )


def _text(cell: Cell | str, width: int | None = None) -> RichText:
    text, style = (cell.text, cell.style or "") if isinstance(cell, Cell) else (cell, "")
    if width is not None:
        text = "\n".join(fit.wrap(text, width))
    return RichText(text, style=style)


def _panel(layout: Panel, width: int) -> RichPanel:
    labels, room = fit.panel_sizes([(label, v.text) for label, v in layout.fields], width)
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


def _code() -> re.Pattern[str]:
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
