"""``genai vendors list`` and ``genai vendors show``."""

from __future__ import annotations

from .. import queries as Q
from ..output.layout import Cell, Column, Table, table_of
from ..output.pages import events_table, models_table, page
from ..output.result import Result
from .context import Ctx
from .lists import list_result

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
            t.columns.append(Column("Models", justify="right", key="models"))
            for cells, row in zip(t.rows, rows, strict=True):
                cells.append(Cell(str(counts.get(row["id"], 0))))
        return t

    return list_result(ctx, "vendors", records, table=table)


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    vid = cat.resolve("vendors", id)
    models = Q.sort_records(Q.models_of_vendor(cat, vid), "released")
    events = [cat.full("events", e) for e in Q.events_where(cat, vendors=[vid])]
    return show_with_models_and_events(ctx, "vendors", vid, models, events)


def show_with_models_and_events(
    ctx: Ctx,
    kind: str,
    rid: str,
    models: list[dict[str, Any]],
    events: list[dict[str, Any]],
    models_title: str = "Models",
) -> Result:
    """A show page for a record that has models and events (a vendor, an architecture)."""
    cat = ctx.catalog
    rec = cat.full(kind, cat.by_id(kind)[rid])
    data = {**rec, "models": [m["id"] for m in models], "events": events}
    layout = None
    if ctx.out.format in ("table", "markdown"):
        name = rec["name"] + (f" / {rec['name_zh']}" if rec.get("name_zh") else "")
        layout = page(
            rec,
            f"{name}  ({rid})",
            models_table(models, models_title),
            events_table(events),
            skip={"name"},
        )
    return Result(data=data, layout=layout)
