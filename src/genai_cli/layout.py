"""What a table or a ``show`` page looks like, as plain data (stdlib only).

Commands describe their human output with these; :mod:`genai_cli.render`
turns them into a rich table on a terminal, plain text in a pipe, or
Markdown. Every cell is literal text: dataset strings are never markup.
"""

from __future__ import annotations

import json

from .values import human_count, human_tokens

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal, Union

    Justify = Literal["left", "right", "center"]
    Layout = Union["Table", "Panel", "Text", "Stack"]  # noqa: UP007 (forward references)


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
    def __init__(
        self,
        header: str,
        justify: Justify = "left",
        style: str | None = None,
        no_wrap: bool = False,
        max_width: int | None = None,
    ) -> None:
        self.header = header
        self.justify = justify
        self.style = style
        self.no_wrap = no_wrap
        self.max_width = max_width


class Table:
    """Rows of cells under columns; ``sections`` maps a row index to a group label."""

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


class Panel:
    """A record's fields as label/value pairs."""

    def __init__(
        self, title: str, fields: list[tuple[str, Cell]], subtitle: str | None = None
    ) -> None:
        self.title = title
        self.fields = fields
        self.subtitle = subtitle


class Text:
    def __init__(self, text: str, style: str | None = None) -> None:
        self.text = text
        self.style = style


class Stack:
    """Layouts one after another (a show page)."""

    def __init__(self, items: list[Layout]) -> None:
        self.items = items


# --------------------------------------------------------------------------- formatting

DASH = "—"


def fmt_params(q: dict[str, Any] | None) -> str:
    """A quantity the way people write it: 175B, 7B–70B, >175B, undisclosed."""
    if not q:
        return DASH
    state = q.get("state")
    approx = "~" if q.get("approximate") else ""
    if state == "exact":
        return approx + human_count(q["min"])
    if state == "range":
        return f"{approx}{human_count(q['min'])}–{human_count(q['max'])}"
    if state == "lower_bound":
        return f">{human_count(q['min'])}"
    return "undisclosed"


def fmt_price(p: dict[str, Any] | None) -> str:
    if not p:
        return DASH
    return f"${p['input']:g} / ${p['output']:g} per 1M"


def fmt_score(value: float, unit: str) -> str:
    """86.8 -> '86.8%', 95.0 -> '95.0%', 90 percentile -> '90th percentile', 83.1 F1 -> '83.1 F1'."""
    text = f"{value:.1f}" if round(value, 1) == value else f"{value:g}"
    if unit == "%":
        return text + "%"
    if unit == "percentile":
        n = int(value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} percentile" if n == value else f"{text} percentile"
    return f"{text} {unit}"


def fmt_value(value: Any) -> str:
    """Any JSON value as one line of text."""
    if value is None:
        return DASH
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        if all(isinstance(v, (str, int, float)) for v in value):
            return ", ".join(str(v) for v in value) if value else DASH
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


FORMATTERS: dict[str, Callable[[Any], str]] = {
    "parameters": fmt_params,
    "parameters_detail": fmt_params,
    "context_window": human_tokens,
    "training_tokens": lambda v: human_count(v) if v else DASH,
    "pricing": fmt_price,
    "amount": lambda v: human_count(v) if v else DASH,
    "sources": lambda v: f"{len(v)} source{'s' if len(v) != 1 else ''}" if v else DASH,
    "corrections": lambda v: str(len(v)) if v else DASH,
}


def cell(key: str, value: Any) -> Cell:
    f = FORMATTERS.get(key)
    text = f(value) if f else fmt_value(value)
    return Cell(text, "dim" if text == DASH else None)


HEADERS = {
    "id": "ID",
    "context_window": "Context",
    "open_weights": "Open",
    "parameters": "Params",
    "name_zh": "中文名",
}


def header(key: str) -> str:
    return HEADERS.get(key, key.replace("_", " ").capitalize())


def numeric(key: str) -> bool:
    return key in {
        "parameters", "context_window", "training_tokens", "value", "amount", "level",
        "layers", "cagr", "probability", "rank", "models", "target_year",
    }  # fmt: skip


NO_WRAP = {
    "id", "released", "date", "year", "founded", "said", "parameters", "parameters_detail",
    "context_window", "training_tokens", "open_weights", "domain", "level", "rank", "amount",
    "value", "unit", "setting", "kind", "status", "currency",
}  # fmt: skip
"""Short values that read badly when folded: narrow terminals squeeze the other columns."""


def table_of(rows: list[dict[str, Any]], keys: list[str], **kw: Any) -> Table:
    """A table of records showing ``keys`` with the standard formatting."""
    columns = [
        Column(
            header(k),
            justify="right" if numeric(k) else "left",
            style="bold" if k == "id" else None,
            no_wrap=k in NO_WRAP,
        )
        for k in keys
    ]
    body = [[cell(k, r.get(k)) for k in keys] for r in rows]
    return Table(columns, body, **kw)
