"""``show`` pages: every field of a record, its corrections and its sources."""

from __future__ import annotations

from ..registry import field
from . import text
from .layout import Cell, Column, Panel, Stack, Table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .layout import Layout

SKIP = {"id", "sources", "corrections"}


def record_panel(rec: dict[str, Any], title: str, skip: set[str] | None = None) -> Panel:
    fields: list[tuple[str, Cell]] = []
    hidden = SKIP | (skip or set())
    for key, value in rec.items():
        if key in hidden:
            continue
        shown = text.page(key, value)
        if shown is not None:
            fields.append((field(key).label, Cell(shown)))
    return Panel(title=title, fields=fields)


def corrections_table(rec: dict[str, Any]) -> Table | None:
    corrections = rec.get("corrections") or []
    if not corrections:
        return None
    rows = [
        [
            Cell(c["field"], "bold"),
            Cell(text.shown(c["reported"]), "red"),
            Cell(text.shown(c["corrected"]), "green"),
            Cell(c["note"]),
        ]
        for c in corrections
    ]
    return Table(
        [Column("Field"), Column("The report says"), Column("The dataset holds"), Column("Why")],
        rows,
        title="Corrections",
    )


def sources_table(rec: dict[str, Any]) -> Table:
    """Each source with the report's own words for the fact."""
    rows = []
    for n, s in enumerate(rec.get("sources") or [], 1):
        lines = [s["title"] + (f" — {s['section']}" if s.get("section") else "")]
        if s.get("quote"):
            lines.append(f"“{s['quote']}”")
        if s.get("paraphrase"):
            lines.append(f"in other words (not a quote): {s['paraphrase']}")
        if s.get("original"):
            lines.append("original sources: " + ", ".join(s["original"]))
        if s.get("url"):
            lines.append(s["url"])
        if s.get("note"):
            lines.append(f"note: {s['note']}")
        rows.append([Cell(str(n), "dim"), Cell("\n".join(lines))])
    return Table([Column("#", justify="right"), Column("Source")], rows, title="Sources")


def page(
    rec: dict[str, Any], title: str, *middle: Layout | None, skip: set[str] | None = None
) -> Stack:
    items: list[Layout] = [record_panel(rec, title, skip)]
    items += [m for m in middle if m is not None]
    corr = corrections_table(rec)
    if corr is not None:
        items.append(corr)
    items.append(sources_table(rec))
    return Stack(items)


def models_table(models: list[dict[str, Any]], title: str = "Models") -> Table | None:
    """The models of a vendor or an architecture, for its show page."""
    if not models:
        return None
    return Table(
        [Column("Model"), Column("Name"), Column("Vendor"), Column("Released")],
        [
            [
                Cell(m["id"], "bold"),
                Cell(m["name"]),
                Cell(m["vendor"]),
                Cell(m.get("released") or text.DASH),
            ]
            for m in models
        ],
        title=title,
    )


def events_table(events: list[dict[str, Any]]) -> Table | None:
    """Events about a record, oldest first, for its show page."""
    if not events:
        return None
    return Table(
        [Column("Date"), Column("Kind"), Column("Event")],
        [[Cell(e["date"]), Cell(e["kind"]), Cell(e["title"])] for e in events],
        title="Events",
    )
