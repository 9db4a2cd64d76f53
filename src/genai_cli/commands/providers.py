"""``genai providers`` (``list``, ``show``): who serves the imported catalogs'
offerings, each provider once, under one id for every catalog's spelling of it."""

from __future__ import annotations

from typing import Any

from ..answers import providers as P
from ..answers import queries as Q
from ..catalogs.providers import KIND_ABOUT, PROVIDERS
from ..catalogs.spec import NAMES
from ..output import text
from ..output.layout import Cell, Column, Stack, Table
from ..output.pages import record_panel
from ..output.result import Result
from .context import Ctx
from .lists import list_result

HINT = (
    "no imported catalog names a provider: genai import models.dev (or litellm, "
    "genai-prices) brings them in; --all lists the providers table"
)


def list_(ctx: Ctx, kind: str | None = None, all_: bool = False) -> Result:
    """One row per provider of the imported catalogs' offerings (``all_``: also
    each provider of the table that has none), of ``kind`` if given."""
    cat = ctx.catalog
    kind = Q.check_choice(cat, "providers", "kind", kind, "--kind")
    rows = cat.compact("providers")
    if all_:
        have = {r["id"] for r in rows}
        more = [P.row(p.id, [], {}) for p in PROVIDERS if p.id not in have]
        rows = sorted([*rows, *more], key=lambda r: str(r["id"]))
    if kind is not None:
        rows = [r for r in rows if r["kind"] == kind]
    result = list_result(ctx, "providers", rows)
    if not rows and not all_ and not cat.compact("offerings"):
        result.messages = [HINT]  # in place of "no records match"
    return result


def show(ctx: Ctx, id: str) -> Result:
    """One provider in full: its record and the models it offers, newest first."""
    cat = ctx.catalog
    records = cat.by_id("providers")
    pid = P.provider_id(id, lambda: records)
    rec = records.get(pid) or P.row(pid, [], {})
    offers = [o for o in cat.compact("offerings") if o["provider"] == pid] if pid in records else []
    models = P.offered(offers, cat.by_id("models"))
    out = cat.output("providers", rec)
    data = {**out, "offered": models}
    layout = None
    messages = []
    if not offers:
        imported = ", ".join(c for c in NAMES if c in cat.imported)
        messages.append(
            f"{pid}: no offerings in the imported catalogs ({imported})"
            if imported
            else "no catalogs imported: " + HINT.split(": ", 1)[1]
        )
    if ctx.out.format in ("table", "markdown"):
        layout = Stack(
            [
                record_panel(_page(out), f"{out['name']}  ({pid})"),
                *([_models_table(models, pid)] if models else []),
            ]
        )
    return Result(data=data, layout=layout, messages=messages)


def _page(rec: dict[str, Any]) -> dict[str, Any]:
    """The record as its page shows it: the kind explained, the cheapest model with
    its price and the newest with their date, each on one line."""
    page = {k: v for k, v in rec.items() if k not in ("name", "cheapest_input", "newest_released")}
    if rec.get("kind"):
        page["kind"] = f"{rec['kind']}: {KIND_ABOUT.get(rec['kind'], '')}".rstrip(": ")
    if rec.get("cheapest"):
        page["cheapest"] = text.cell("cheapest", rec["cheapest"], rec) + " per 1M input tokens"
    if rec.get("newest"):
        page["newest"] = text.cell("newest", rec["newest"], rec)
    return page


def _models_table(models: list[dict[str, Any]], pid: str) -> Table:
    """The models a provider offers: its ids for each, prices, release date."""

    def price(m: dict[str, Any], key: str) -> str:
        value = (m.get("pricing") or {}).get(key)
        return f"${value:g}" if isinstance(value, (int, float)) else text.DASH

    return Table(
        [
            Column("Model", style="bold", whole=True),
            Column(f"Id at {pid}", whole=True),
            Column("In", justify="right", drop=4),
            Column("Out", justify="right", drop=3),
            Column("Offerings", justify="right", drop=1, early=True),
            Column("Released", no_wrap=True, drop=2),
        ],
        [
            [
                Cell(m["model"]),
                Cell("\n".join(m["ids"])),
                Cell(price(m, "input")),
                Cell(price(m, "output")),
                Cell(str(m["offerings"])),
                Cell(m.get("released") or text.DASH),
            ]
            for m in models
        ],
        title=f"Models ({len(models)}, newest first; USD per 1M tokens, its cheapest offering)",
    )
