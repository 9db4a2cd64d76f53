"""``show`` pages: every field of a record, its corrections and its sources."""

from __future__ import annotations

from ..dataset.registry import field
from . import text
from .layout import Cell, Column, Panel, Stack, Table

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any

    from .layout import Layout

SKIP = {"id", "sources", "corrections"}


def record_panel(
    rec: dict[str, Any],
    title: str,
    skip: set[str] | None = None,
    texts: dict[str, str] | None = None,
) -> Panel:
    """Every field of a record (``texts``: the text of some of them, given); one
    that took an imported catalog's value (the dataset had none) says where it
    came from."""
    fields: list[tuple[str, Cell]] = []
    hidden = SKIP | (skip or set())
    used = {c["field"]: c for c in rec.get("claims") or [] if c.get("used")}
    given = texts or {}
    for key, value in rec.items():
        if key in hidden:
            continue
        shown = given[key] if key in given else text.page(key, value)
        if shown is not None:
            claim = used.get("parameters" if key == "parameters_detail" else key)
            if claim is not None:
                shown += f"  (from {claim['catalog']}: {claim['key']})"
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
    rec: dict[str, Any],
    title: str,
    *middle: Layout | None,
    skip: set[str] | None = None,
    texts: dict[str, str] | None = None,
) -> Stack:
    items: list[Layout] = [record_panel(rec, title, skip, texts)]
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
        [Column("Model", whole=True), Column("Name"), Column("Vendor"), Column("Released")],
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


def claims_table(rec: dict[str, Any]) -> Table | None:
    """What imported catalogs say of a model's fields, beside the value it shows.

    A row per (field, catalog, value): ``shown`` marks the value the model shows
    (the curated one, or the claim a null field took), ``differs`` a value that
    disagrees with it (the field is in ``genai conflicts``)."""
    claims = rec.get("claims") or []
    if not claims:
        return None
    conflicted = {c["field"] for c in rec.get("conflicts") or []}
    order = {f: n for n, f in enumerate(rec)}
    rows = []
    for c in sorted(claims, key=lambda c: (order.get(c["field"], 99), c["catalog"])):
        current = rec.get("parameters_detail" if c["field"] == "parameters" else c["field"])
        if c.get("used"):
            mark = "shown (the dataset had none)"
        elif c["field"] in conflicted and not _same(c["field"], current, c["value"]):
            mark = "differs"
        else:
            mark = ""
        more = len(c.get("keys") or []) - 1
        rows.append(
            [
                Cell(field(c["field"]).label),
                Cell(text.cell(c["field"], c["value"])),
                Cell(c["catalog"]),
                Cell(c["key"] + (f" (+{more})" if more > 0 else "")),
                Cell(mark, "yellow" if mark == "differs" else None),
            ]
        )
    return Table(
        [Column("Field"), Column("Says"), Column("Catalog"), Column("Entry"), Column("")],
        rows,
        title="What other catalogs say",
        caption="differs: disagrees with the value shown (genai conflicts --model ID)"
        if any(r[4].text == "differs" for r in rows)
        else None,
    )


def _same(name: str, current: Any, value: Any) -> bool:
    return text.cell(name, current) == text.cell(name, value)


def offerings_table(rec: dict[str, Any]) -> Table | None:
    """Who serves a model, at what price per 1M tokens, with what limits."""
    offers = rec.get("offerings") or []
    if not offers:
        return None

    def price(o: dict[str, Any], key: str) -> str:
        p = o.get("pricing") or {}
        return f"${p[key]:g}" if isinstance(p.get(key), (int, float)) else text.DASH

    rows = [
        [
            Cell(o["provider"]),
            Cell(o["id"]),
            Cell(price(o, "input")),
            Cell(price(o, "output")),
            Cell(text.cell("context_window", o.get("context_window") or o.get("max_input_tokens"))),
            Cell(text.cell("context_window", o.get("max_output_tokens"))),
            Cell(o.get("deprecation_date") or ""),
            Cell(o["catalog"]),
        ]
        for o in sorted(offers, key=lambda o: (o["provider"], o["id"], o["catalog"]))
    ]
    return Table(
        [
            Column("Provider"),
            Column("Id", whole=True),
            Column("In", justify="right"),
            Column("Out", justify="right"),
            # too wide: these go first, as `genai offerings` leaves them out
            # (the kind's low and narrow columns), so that no id is cut
            Column("Context", justify="right", drop=0),
            Column("Max out", justify="right", drop=1, early=True),
            Column("Deprecated", drop=0, early=True),
            Column("Catalog", drop=2, early=True),
        ],
        rows,
        title="Offerings (USD per 1M tokens)",
    )


# --------------------------------------------------------------------------- a model's summary

ALIASES = 6
"""How many of a model's other ids its page names unless ``--all`` asks for every one."""


def brief_texts(rec: dict[str, Any]) -> dict[str, str]:
    """The short text of a model's long catalog fields, for its default page: the
    first of its other ids, and a line per version (``--all`` prints them whole)."""
    out: dict[str, str] = {}
    ids = rec.get("external_ids") or []
    labels = list(
        dict.fromkeys(str(x.get("key") or x.get("id")) for x in ids if isinstance(x, dict))
    )
    if len(labels) > ALIASES:
        more = len(labels) - ALIASES
        out["external_ids"] = ", ".join(labels[:ALIASES]) + f" (+{more}: --all lists them)"
    versions = [v for v in rec.get("versions") or [] if isinstance(v, dict)]
    if versions:
        lines = []
        for v in versions:
            n = len(v.get("sources") or [])
            bits = [f"released {v['released']}"] if v.get("released") else []
            bits.append(f"{n} catalog entr{'ies' if n != 1 else 'y'}")
            lines.append(f"{v.get('id')} ({', '.join(bits)})")
        out["versions"] = "\n".join(lines)
    return out


def _names(names: list[str], most: int = 3) -> str:
    """``a, b, c and 4 more``."""
    if len(names) <= most:
        return ", ".join(names)
    return ", ".join(names[:most]) + f" and {len(names) - most} more"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def price_range(
    offers: list[dict[str, Any]], key: str
) -> tuple[float, list[str], float, list[str]] | None:
    """The lowest and highest ``key`` price (``input``, ``output``) of ``offers``,
    each with the providers that charge it (sorted), or None when none gives one."""
    prices: dict[float, set[str]] = {}
    for o in offers:
        value = (o.get("pricing") or {}).get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            prices.setdefault(value, set()).add(str(o.get("provider")))
    if not prices:
        return None
    low, high = min(prices), max(prices)
    return low, sorted(prices[low]), high, sorted(prices[high])


def summary_panel(
    rec: dict[str, Any], *, offerings: bool = False, claims: bool = False
) -> Panel | None:
    """What the imported catalogs add to a model, in a few lines: how many offerings,
    their price range per 1M tokens with the providers at each end, the providers,
    the catalogs, the claims and the conflicts. ``offerings``/``claims``: the page
    lists them in full (else the line says which option does)."""
    offers = [o for o in rec.get("offerings") or [] if isinstance(o, dict)]
    said = [c for c in rec.get("claims") or [] if isinstance(c, dict)]
    conflicts = [c for c in rec.get("conflicts") or [] if isinstance(c, dict)]
    if not offers and not said and not conflicts:
        return None
    fields: list[tuple[str, Cell]] = []
    providers = sorted({str(o.get("provider")) for o in offers})
    if offers:
        line = f"{len(offers):,} from {_plural(len(providers), 'provider')}"
        unpriced = sum(1 for o in offers if price_range([o], "input") is None)
        if unpriced:
            line += f", {unpriced:,} without a price"
        fields.append(
            ("Offerings", Cell(line + ("" if offerings else " (--offerings lists them)")))
        )
        for key, label in (("input", "Input price"), ("output", "Output price")):
            span = price_range(offers, key)
            if span is None:
                fields.append((label, Cell(text.DASH, "dim")))
                continue
            low, at_low, high, at_high = span
            if high == low:
                shown = f"${low:g} per 1M tokens, at every offering that gives a price"
            else:
                shown = f"${low:g} ({_names(at_low)}) to ${high:g} ({_names(at_high)})"
                shown += " per 1M tokens"
            fields.append((label, Cell(shown)))
        fields.append(("Providers", Cell(", ".join(providers))))
    else:
        fields.append(("Offerings", Cell("none")))
    per: dict[str, list[int]] = {}
    for o in offers:
        per.setdefault(str(o.get("catalog")), [0, 0])[0] += 1
    for c in said:
        per.setdefault(str(c.get("catalog")), [0, 0])[1] += 1
    parts = []
    for name in sorted(per, key=lambda n: (-sum(per[n]), n)):
        n_off, n_claims = per[name]
        bits = [_plural(n, w) for n, w in ((n_off, "offering"), (n_claims, "claim")) if n]
        parts.append(f"{name} ({', '.join(bits)})")
    fields.append(("Catalogs", Cell("; ".join(parts))))
    if said:
        fields.append(
            ("Claims", Cell(f"{len(said):,}" + ("" if claims else " (--claims lists them)")))
        )
    if conflicts:
        names = list(dict.fromkeys(str(c.get("field")) for c in conflicts))
        line = f"{len(conflicts):,}: {', '.join(names)} (genai conflicts --model {rec.get('id')})"
        fields.append(("Conflicts", Cell(line, "yellow")))
    else:
        fields.append(("Conflicts", Cell("none")))
    return Panel(title="From the imported catalogs", fields=fields)
