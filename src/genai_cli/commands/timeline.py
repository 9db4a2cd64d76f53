"""``genai timeline``: events oldest first, grouped by year."""

from __future__ import annotations

from ..answers import queries as Q
from ..dataset import registry as R
from ..output.layout import Cell, Column, Table, table_of
from ..output.result import Result
from .context import Ctx
from .lists import list_result

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


def run(
    ctx: Ctx,
    vendor: list[str] | None = None,
    model: list[str] | None = None,
    kind: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Result:
    cat = ctx.catalog
    since = Q.check_date(since, "--since")
    until = Q.check_date(until, "--until")
    events = Q.events_where(
        cat,
        vendors=Q.resolve_all(cat, "vendors", vendor or []),
        models=Q.resolve_all(cat, "models", model or []),
        kinds=kind or [],
        since=since,
        until=until,
    )

    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != list(R.KINDS["events"].columns):
            return table_of(rows, keys)
        body, sections = [], {}
        year = None
        for n, e in enumerate(rows):
            y = e["date"][:4]
            if y != year:
                sections[n] = ""  # a break between years: the Year column names them
                year = y
            body.append(
                [
                    Cell(e["date"][5:] or "", "cyan"),
                    Cell(e["kind"], "dim"),
                    Cell(e["title"]),
                    Cell(e.get("vendor") or ""),
                ]
            )
            body[-1].insert(0, Cell(y if n in sections else "", "bold"))
        cols = [
            Column("Year", style="bold"),
            Column("Date", key="date"),
            Column("Kind", key="kind"),
            Column("Event", max_width=60, key="title"),
            Column("Vendor", key="vendor"),
        ]
        return Table(cols, body, sections=sections)

    return list_result(ctx, "events", events, table=table)
