"""``genai chart params|context|timeline|benchmark``."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from ..answers import queries as Q
from ..dataset import registry as R
from ..output import text as T
from ..output.charts import Style, bars, scatter_log
from ..output.result import Result
from .context import Ctx
from .lists import where_rows


def _year_fraction(date: str) -> float:
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 7
    day = parts[2] if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


def _models(ctx: Ctx, vendor: list[str] | None, since: str | None = None) -> list[dict[str, Any]]:
    """Models to chart: a family's members are charted, not the family; released on
    or after ``since``; those ``--where`` keeps (over the models list's fields)."""
    cat = ctx.catalog
    since = Q.check_date(since, "--since")
    models = [
        m
        for m in Q.filter_models(cat, vendors=vendor or (), since=since)
        if m.get("kind") != "family"
    ]
    if ctx.out.where is None:
        return models
    keys = cat.keys("models")
    rows = cat.outputs("models", models, detail=False)
    kept = {r["id"] for r in where_rows(rows, keys, R.KINDS["models"].types(cat.shapes),
                                        ctx.out.where, Q.fields_hint("models"))}  # fmt: skip
    return [m for m in models if m["id"] in kept]


def params(ctx: Ctx, vendor: list[str] | None = None) -> Result:
    style = Style.for_stream(sys.stdout)
    models = _models(ctx, vendor)
    points = []
    for m in models:
        q = m.get("parameters")
        if not m.get("released") or not isinstance(q, dict) or q.get("max") is None:
            continue
        if q["state"] not in ("exact", "range"):
            continue
        points.append((_year_fraction(str(m["released"])), float(q["max"]), str(m["id"]), q))
    points.sort()
    drawn = scatter_log(
        [(x, y, label) for x, y, label, _ in points],
        style,
        title="Parameters over time (log scale; a range is drawn at its largest size)",
        y_format=lambda v: T.count(round(v)),
    )
    others = len(models) - len(points)
    drawn += f"{len(points)} models with a disclosed size and a release date; {others} without.\n"
    data = [
        {"model": label, "released_year": round(x, 3), "parameters": q} for x, _, label, q in points
    ]
    return Result(data=data, text=drawn, footer=False)


def context(ctx: Ctx, vendor: list[str] | None = None, since: str | None = None) -> Result:
    """Context windows as bars, smallest first; ``--limit N``: the N largest."""
    style = Style.for_stream(sys.stdout)
    rows = []
    for m in _models(ctx, vendor, since):
        windows = m.get("context_windows") or []
        for w in windows:
            label = str(m["id"])
            if w.get("status", "standard") != "standard":
                label += f" ({w['status']})"
            elif len(windows) > 1:
                label += f": {w['variant']}"
            rows.append((label, float(w["tokens"]), T.tokens(w["tokens"])))
        if not m.get("context_windows") and m.get("context_window"):
            tokens = int(m["context_window"])
            rows.append((str(m["id"]), float(tokens), T.tokens(tokens)))
    rows.sort(key=lambda r: r[1])
    if ctx.out.limit is not None:
        rows = rows[len(rows) - ctx.out.limit :] if ctx.out.limit else []
    drawn = bars(rows, style, log=True, title="Context windows (tokens, log scale)")
    data = [{"label": label, "tokens": int(v)} for label, v, _ in rows]
    return Result(data=data, text=drawn, footer=False)


def timeline(ctx: Ctx, vendor: list[str] | None = None) -> Result:
    style = Style.for_stream(sys.stdout)
    cat = ctx.catalog
    events = Q.events_where(cat, vendors=Q.resolve_all(cat, "vendors", vendor or []))
    per_year = Counter(e["date"][:4] for e in events)
    rows = [(y, float(n), str(n)) for y, n in sorted(per_year.items())]
    drawn = bars(rows, style, title="Events per year (years without events left out)")
    data = [{"year": int(y), "events": int(v)} for y, v, _ in rows]
    return Result(data=data, text=drawn, footer=False)


def benchmark(ctx: Ctx, id: str) -> Result:
    style = Style.for_stream(sys.stdout)
    cat = ctx.catalog
    bid = cat.resolve("benchmarks", id)
    bench = cat.by_id("benchmarks")[bid]
    board = [s for s in Q.leaderboard(cat, bid) if s.get("opponent") is None] or Q.leaderboard(
        cat, bid
    )
    rows = []
    for s in board:
        label = s["model"] + (f" vs {s['opponent']}" if s.get("opponent") else "")
        shown = T.score(s["value"], s.get("unit", "%")) + (
            f" ({s['setting']})" if s.get("setting") else ""
        )
        rows.append((label, float(s["value"]), shown))
    settings = Q.settings_of(board)
    note = ""
    if len(settings) > 1:
        note = "Settings differ (" + ", ".join(settings) + "): not a like-for-like comparison."
    drawn = bars(rows, style, title=f"{bench['name']} — best first", note=note)
    data = [{"model": s["model"], "value": s["value"], "setting": s.get("setting")} for s in board]
    return Result(data=data, text=drawn, footer=False)
