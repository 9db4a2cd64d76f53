"""``genai architectures list`` and ``genai architectures show``."""

from __future__ import annotations

from typing import Any

from .. import queries as Q
from ..layout import Cell, Table, table_of
from ..render import Result
from ._common import Ctx, list_result
from ._pages import with_models_and_events

COLUMNS = ["id", "name", "year", "models", "description"]


def list_(ctx: Ctx) -> Result:
    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        t = table_of(rows, keys)
        for n, (col, key) in enumerate(zip(t.columns, keys, strict=True)):
            if key == "description":
                col.max_width = 70
            if key == "models" and keys == COLUMNS:  # the default view counts them
                col.justify = "right"
                for cells, row in zip(t.rows, rows, strict=True):
                    cells[n] = Cell(str(len(row["models"])))
        return t

    return list_result(
        ctx,
        "architectures",
        ctx.catalog.records("architectures"),
        columns=COLUMNS,
        default_sort="year",
        table=table,
    )


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    aid = cat.resolve("architectures", id)
    models = Q.sort_records(Q.models_on_architecture(cat, aid), "released")
    events = [cat.full("events", e) for e in Q.events_where(cat, architectures=[aid])]
    return with_models_and_events(ctx, "architectures", aid, models, events, "Models built on it")
