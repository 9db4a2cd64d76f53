"""``genai vendors list`` and ``genai vendors show``."""

from __future__ import annotations

from .. import queries as Q
from ..layout import Cell, Column, Table, table_of
from ..render import Result
from ._common import Ctx, list_result
from ._pages import with_models_and_events

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

COLUMNS = ["id", "name", "name_zh", "type", "founded", "parent"]


def list_(ctx: Ctx) -> Result:
    cat = ctx.catalog
    records = cat.records("vendors")
    counts = {v["id"]: len(Q.models_of_vendor(cat, v["id"])) for v in records}

    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        t = table_of(rows, keys)
        if keys == COLUMNS:
            t.columns.append(Column("Models", justify="right"))
            for cells, row in zip(t.rows, rows, strict=True):
                cells.append(Cell(str(counts.get(row["id"], 0))))
        return t

    return list_result(ctx, "vendors", records, columns=COLUMNS, default_sort="name", table=table)


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    vid = cat.resolve("vendors", id)
    models = Q.sort_records(Q.models_of_vendor(cat, vid), "released")
    events = [cat.full("events", e) for e in Q.events_where(cat, vendors=[vid])]
    return with_models_and_events(ctx, "vendors", vid, models, events)
