"""``genai agi-levels``, ``genai market``, ``genai predictions``, ``genai risks``,
``genai findings``."""

from __future__ import annotations

from ..answers import queries as Q
from ..dataset import registry as R
from ..output import text
from ..output.layout import Cell, Column, Table, table_of
from ..output.result import Result
from .context import Ctx
from .lists import list_result

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


def agi_levels(ctx: Ctx) -> Result:
    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != list(R.KINDS["agi_levels"].columns):
            return table_of(rows, keys)

        def cell(key: str, r: dict[str, Any]) -> Cell:
            return Cell(text.cell(key, r[key], r), None if r[key]["achieved"] else "dim")

        return Table(
            [
                Column("Level", justify="right", key="level"),
                Column("Name", style="bold", key="name"),
                Column("Performance", max_width=30, key="performance"),
                Column("Narrow", max_width=45, key="narrow"),
                Column("General", max_width=45, key="general"),
            ],
            [
                [
                    Cell(str(r["level"])),
                    Cell(r["name"]),
                    Cell(r["performance"]),
                    cell("narrow", r),
                    cell("general", r),
                ]
                for r in rows
            ],
            caption="Dim: not yet achieved. From Morris et al., Levels of AGI (Google DeepMind).",
        )

    return list_result(
        ctx,
        "agi_levels",
        ctx.catalog.compact("agi_levels"),
        table=table,
    )


def market(ctx: Ctx, region: str | None = None, status: str | None = None) -> Result:
    records = ctx.catalog.compact("market_figures")
    if region is not None:
        wanted = region.casefold()
        wanted = "worldwide" if wanted in ("global", "world") else wanted
        records = [r for r in records if wanted in r["region"].casefold()]
    status = Q.check_choice(ctx.catalog, "market_figures", "status", status, "--status")
    if status is not None:
        records = [r for r in records if r["status"] == status]

    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != list(R.KINDS["market_figures"].columns):
            return table_of(rows, keys)
        body = []
        for r in rows:
            body.append(
                [
                    Cell(r["region"], "bold"),
                    Cell(r["year"]),
                    Cell(text.money(r["amount"], r["currency"])),
                    Cell(r["currency"]),
                    Cell(r["status"], "yellow" if r["status"] == "forecast" else None),
                    Cell(text.cell("cagr", r.get("cagr"), r)),
                    Cell(r["publisher"]),
                ]
            )
        return Table(
            [
                Column("Region", key="region"),
                Column("Year", key="year"),
                Column("Amount", justify="right", key="amount"),
                Column("Currency", key="currency"),
                Column("Status", key="status"),
                Column("CAGR", key="cagr"),
                Column("Publisher", key="publisher"),
            ],
            body,
        )

    return list_result(
        ctx,
        "market_figures",
        records,
        table=table,
    )


def predictions(ctx: Ctx) -> Result:
    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != list(R.KINDS["predictions"].columns):
            return table_of(rows, keys)
        return Table(
            [
                Column("Who", style="bold", key="who"),
                Column("Said", key="said"),
                Column("Prediction", max_width=60, key="claim"),
                Column("By", justify="right", key="target_year"),
                Column("Probability", justify="right", key="probability"),
                Column("Verified", key="verified"),
            ],
            [
                [
                    Cell(r["who"]),
                    Cell(r["said"]),
                    Cell(r["claim"]),
                    Cell(text.value(r.get("target_year"))),
                    Cell(text.percent(r.get("probability"))),
                    Cell(text.yes_no(r["verified"]), None if r["verified"] else "yellow"),
                ]
                for r in rows
            ],
        )

    return list_result(
        ctx,
        "predictions",
        ctx.catalog.compact("predictions"),
        table=table,
    )


def risks(ctx: Ctx) -> Result:
    return list_result(
        ctx,
        "risks",
        ctx.catalog.compact("risks"),
    )


def findings(
    ctx: Ctx, topic: str | None = None, speaker: str | None = None, kind: str | None = None
) -> Result:
    records = ctx.catalog.compact("findings")
    kind = Q.check_choice(ctx.catalog, "findings", "kind", kind, "--kind")
    if kind is not None:
        records = [r for r in records if r["kind"] == kind]
    for value, field in ((topic, "topic"), (speaker, "speaker")):
        if value is not None:
            wanted = value.casefold()
            records = [r for r in records if wanted in r[field].casefold()]
    return list_result(ctx, "findings", records)
