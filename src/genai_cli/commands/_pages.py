"""``show`` pages: every field of a record, its corrections and its sources."""

from __future__ import annotations

from ..catalog import Catalog
from ..layout import DASH, Cell, Column, Panel, Stack, Table, fmt_params, fmt_price
from ..render import Result
from ..values import human_count, human_tokens

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..layout import Layout
    from ._common import Ctx

SKIP = {"id", "sources", "corrections"}
LABELS = {
    "name_zh": "Chinese name",
    "open_weights": "Open weights",
    "context_window": "Context window",
    "context_windows": "Context windows",
    "training_tokens": "Training tokens",
    "parameters_detail": "Parameters",
    "embedding_dim": "Embedding size",
    "knowledge_cutoff": "Knowledge cutoff",
    "based_on": "Based on",
    "pricing_variants": "Other prices",
    "reported_by": "Reported by",
    "setting_label": "Setting as printed",
    "higher_is_better": "Higher is better",
    "cagr": "CAGR",
    "cagr_period": "CAGR period",
    "target_year": "By year",
}


def label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " ").capitalize())


def _quantity(q: dict[str, Any]) -> str:
    text = fmt_params(q)
    bits = [] if q["state"] == "undisclosed" else [q["state"].replace("_", " ")]
    if q.get("reported"):
        bits.append(f"report: {q['reported']}")
    if bits:
        text += f"  ({'; '.join(bits)})"
    if q.get("note"):
        text += f"\n{q['note']}"
    return text


def _window(w: dict[str, Any]) -> str:
    text = f"{human_tokens(w['tokens'])} tokens — {w['variant']} ({w['status']})"
    if w.get("reported"):
        text += f"; report: {w['reported']}"
    return text


def _price(p: dict[str, Any]) -> str:
    text = f"${p['input']:g} input / ${p['output']:g} output per 1M tokens"
    if p.get("variant"):
        text = f"{p['variant']}: {text}"
    if p.get("reported"):
        text += f"\nreport: {p['reported']}"
    return text


def _financial(f: dict[str, Any]) -> str:
    unit = f["unit"]
    value = f["value"]
    if unit in ("USD", "CNY"):
        amount = ("$" if unit == "USD" else "¥") + human_count(value)
    elif unit == "%":
        amount = f"{value:g}%"
    else:
        amount = f"{value:g}×"
    text = f"{f['metric'].replace('_', ' ')}: {amount}"
    if f.get("date"):
        text += f" ({f['date']})"
    if f.get("counterparty"):
        text += f", with {f['counterparty']}"
    if f.get("note"):
        text += f" — {f['note']}"
    return text


def format_field(key: str, value: Any) -> str | None:
    """A field value for a show page, or None to leave the row out."""
    if value is None or value == [] or value == {}:
        return None
    if key in ("parameters", "parameters_detail") and isinstance(value, dict):
        return _quantity(value)
    if key == "context_window":
        return f"{human_tokens(value)} tokens"
    if key == "training_tokens":
        return f"{human_count(value)} tokens"
    if key == "context_windows":
        return "\n".join(_window(w) for w in value)
    if key == "pricing":
        return _price(value)
    if key == "pricing_variants":
        return "\n".join(_price(p) for p in value)
    if key == "financials":
        return "\n".join(_financial(f) for f in value)
    if key == "amount" and isinstance(value, int):
        return f"{human_count(value)} ({value:,})"
    if key == "ratings" and isinstance(value, dict):
        return ", ".join(f"{k} {v}/6" for k, v in value.items())
    if key == "probability":
        return f"{value * 100:g}%"
    if key == "setting_detail":
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return ", ".join(value)
        return "\n".join(_compact(v) for v in value)
    if isinstance(value, dict):
        return _compact(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _compact(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(
            f"{k}: {format_field(k, v)}" for k, v in value.items() if v not in (None, [], "")
        )
    return str(value)


def record_panel(rec: dict[str, Any], title: str, skip: set[str] | None = None) -> Panel:
    fields: list[tuple[str, Cell]] = []
    hidden = SKIP | (skip or set())
    for key, value in rec.items():
        if key in hidden:
            continue
        text = format_field(key, value)
        if text is not None:
            fields.append((label(key), Cell(text)))
    return Panel(title=title, fields=fields)


def _shown(value: Any) -> str:
    if isinstance(value, dict) and "state" in value:
        return fmt_params(value)
    if isinstance(value, dict) and "input" in value:
        return fmt_price(value)
    if value is None:
        return "null"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return human_count(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def corrections_table(rec: dict[str, Any]) -> Table | None:
    corrections = rec.get("corrections") or []
    if not corrections:
        return None
    rows = [
        [
            Cell(c["field"], "bold"),
            Cell(_shown(c["reported"]), "red"),
            Cell(_shown(c["corrected"]), "green"),
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


def name_of(cat: Catalog, kind: str, rid: str | None) -> str:
    if not rid:
        return DASH
    rec = cat.by_id(kind).get(rid)
    return f"{rec.get('name', rid)}" if rec else rid


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
                Cell(m.get("released") or DASH),
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


def with_models_and_events(
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
