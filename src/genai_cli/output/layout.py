"""What a table or a ``show`` page looks like, as plain data (stdlib only).

Commands describe their human output with these; :mod:`genai_cli.output.render`
turns them into a rich table on a terminal, plain text in a pipe, or
Markdown. Every cell is literal text: dataset strings are never markup.
"""

from __future__ import annotations

from ..dataset.registry import field
from . import text

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any, Literal, Union

    Justify = Literal["left", "right", "center"]
    Layout = Union["Table", "Panel", "Stack"]  # noqa: UP007 (forward references)


class Cell:
    """One cell: literal text and an optional rich style name."""

    __slots__ = ("style", "text")

    def __init__(self, text: str, style: str | None = None) -> None:
        self.text = text
        self.style = style

    def __repr__(self) -> str:
        return f"Cell({self.text!r}, {self.style!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and (self.text, self.style) == (other.text, other.style)

    __hash__ = None  # type: ignore[assignment]


class Column:
    """A column: its header and how it lays out.

    ``key``: the field it shows, if any (a list names its columns by key);
    ``drop``: when a table is too wide for its width, the order in which it
    leaves this column out (lower first; ``None``: always shown); ``early``: it
    goes before any column folds (a low-priority column), else only when the
    table cannot fit even folded; ``max_width``: at most this wide when the
    width is limited (longer values fold); ``whole``: never narrower than its
    widest word (an id a user copies is never cut); ``fold``: a word too wide
    for the column folds over lines (never cut), and a list piped, which else
    has no width, folds this column to the page's width (a conflict's values).
    """

    def __init__(
        self,
        header: str,
        justify: Justify = "left",
        style: str | None = None,
        no_wrap: bool = False,
        max_width: int | None = None,
        *,
        key: str | None = None,
        drop: int | None = None,
        early: bool = False,
        whole: bool = False,
        fold: bool = False,
    ) -> None:
        self.header = header
        self.justify = justify
        self.style = style
        self.no_wrap = no_wrap
        self.max_width = max_width
        self.key = key
        self.drop = drop
        self.early = early
        self.whole = whole
        self.fold = fold


class Table:
    """Rows of cells under columns; ``sections`` maps a row index to a group label
    (``""``: a break without a label, where a column already names the group)."""

    def __init__(
        self,
        columns: list[Column],
        rows: list[list[Cell]],
        title: str | None = None,
        caption: str | None = None,
        sections: dict[int, str] | None = None,
    ) -> None:
        self.columns = columns
        self.rows = rows
        self.title = title
        self.caption = caption
        self.sections = sections or {}

    def folds(self) -> bool:
        """Does a column of this table fold to the page's width even piped?"""
        return any(c.fold for c in self.columns)

    def shown(self) -> list[int]:
        """The indices of the columns worth printing (in every format): a column
        with no value in any row is left out (an empty table keeps its headers)."""
        every = list(range(len(self.columns)))
        if not self.rows:
            return [i for i in every if self.columns[i].header] or every
        filled = [i for i in every if any(row[i].text for row in self.rows if i < len(row))]
        return filled or every


class Panel:
    """A record's fields as label/value pairs."""

    def __init__(self, title: str, fields: list[tuple[str, Cell]]) -> None:
        self.title = title
        self.fields = fields


class Stack:
    """Layouts one after another (a show page)."""

    def __init__(self, items: list[Layout]) -> None:
        self.items = items


def column(key: str) -> Column:
    """The column of a field, as the registry presents it."""
    f = field(key)
    return Column(
        f.header,
        justify="right" if f.numeric else "left",
        style="bold" if key == "id" else None,
        no_wrap=not f.wrap,
        max_width=f.max_width,
        key=key,
        whole=f.whole,
        fold=f.fold,
    )


def data_cell(key: str, value: Any, row: dict[str, Any] | None = None) -> Cell:
    shown = text.cell(key, value, row)
    return Cell(shown, "dim" if shown == text.DASH else None)


def rank_columns(table: Table, low: tuple[str, ...], narrow: tuple[str, ...]) -> None:
    """Mark which columns of ``table`` a narrow width may leave out, by key: ``low``
    before anything folds, then ``narrow``, each first to go first (a kind's
    :attr:`~genai_cli.dataset.registry.Kind.low` and ``narrow``)."""
    for col in table.columns:
        if col.key in low:
            col.drop, col.early = low.index(col.key), True
        elif col.key in narrow:
            col.drop, col.early = narrow.index(col.key), False


def table_of(rows: list[dict[str, Any]], keys: list[str], **kw: Any) -> Table:
    """A table of records showing ``keys`` with the registry's headers and formats."""
    columns = [column(k) for k in keys]
    body = [[data_cell(k, r.get(k), r) for k in keys] for r in rows]
    return Table(columns, body, **kw)
