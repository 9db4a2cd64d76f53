"""``genai vendors list`` and ``genai vendors show``."""

from __future__ import annotations

from ..answers import queries as Q
from ..output.pages import events_table, models_table, page
from ..output.result import Result
from .context import Ctx
from .lists import list_result

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


def list_(ctx: Ctx) -> Result:
    return list_result(ctx, "vendors", ctx.catalog.compact("vendors"))


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    vid = cat.resolve("vendors", id)
    models = Q.sort_records(Q.models_of_vendor(cat, vid), "released")
    events = [cat.output("events", e) for e in Q.events_where(cat, vendors=[vid])]
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
    rec = cat.output(kind, cat.by_id(kind)[rid])
    data = {**rec, "models": [m["id"] for m in models], "events": events}
    layout = None
    if ctx.out.format in ("table", "markdown"):
        name = rec["name"] + (f" / {rec['name_zh']}" if rec.get("name_zh") else "")
        layout = page(
            rec,
            f"{name}  ({rid})",
            models_table(models, models_title),
            events_table(events),
            skip={"name", "models"},  # the models table below lists them
        )
    return Result(data=data, layout=layout)
