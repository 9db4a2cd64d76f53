"""``genai architectures list`` and ``genai architectures show``."""

from __future__ import annotations

from ..answers import queries as Q
from ..dataset import registry as R
from ..output.layout import Cell, Table, table_of
from ..output.result import Result
from .context import Ctx
from .lists import list_result
from .vendors import show_with_models_and_events

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


def list_(ctx: Ctx) -> Result:
    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        t = table_of(rows, keys)
        for n, (col, key) in enumerate(zip(t.columns, keys, strict=True)):
            if key == "models" and keys == list(R.KINDS["architectures"].columns):  # counted
                col.justify = "right"
                for cells, row in zip(t.rows, rows, strict=True):
                    cells[n] = Cell(str(len(row["models"])))
        return t

    return list_result(
        ctx,
        "architectures",
        ctx.catalog.compact("architectures"),
        table=table,
    )


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    aid = cat.resolve("architectures", id)
    models = Q.sort_records(Q.models_on_architecture(cat, aid), "released")
    events = [cat.output("events", e) for e in Q.events_where(cat, architectures=[aid])]
    return show_with_models_and_events(
        ctx, "architectures", aid, models, events, "Models built on it"
    )
