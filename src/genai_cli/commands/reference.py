"""``genai agi-levels``, ``genai market``, ``genai predictions``, ``genai risks``,
``genai findings``."""

from __future__ import annotations

from ..errors import UsageError
from ..layout import Cell, Column, Table, table_of
from ..render import Result
from ..values import human_count
from ._common import Ctx, list_result

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def agi_levels(ctx: Ctx) -> Result:
    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != ["level", "name", "performance", "narrow", "general"]:
            return table_of(rows, keys)

        def cell(c: dict[str, Any]) -> Cell:
            text = c["label"]
            if c.get("examples"):
                text += ": " + "; ".join(c["examples"])
            return Cell(text, None if c["achieved"] else "dim")

        return Table(
            [
                Column("Level", justify="right"),
                Column("Name", style="bold"),
                Column("Performance", max_width=30),
                Column("Narrow", max_width=45),
                Column("General", max_width=45),
            ],
            [
                [
                    Cell(str(r["level"])),
                    Cell(r["name"]),
                    Cell(r["performance"]),
                    cell(r["narrow"]),
                    cell(r["general"]),
                ]
                for r in rows
            ],
            caption="Dim: not yet achieved. From Morris et al., Levels of AGI (Google DeepMind).",
        )

    return list_result(
        ctx,
        "agi_levels",
        ctx.catalog.records("agi_levels"),
        columns=["level", "name", "performance", "narrow", "general"],
        default_sort="level",
        table=table,
    )


def market(ctx: Ctx, region: str | None = None, status: str | None = None) -> Result:
    records = ctx.catalog.records("market_figures")
    if region is not None:
        wanted = region.casefold()
        wanted = "worldwide" if wanted in ("global", "world") else wanted
        records = [r for r in records if wanted in r["region"].casefold()]
    if status is not None:
        if status not in ("actual", "forecast"):
            raise UsageError(f"--status: expected actual or forecast, got {status!r}")
        records = [r for r in records if r["status"] == status]

    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != COLUMNS_MARKET:
            return table_of(rows, keys)
        body = []
        for r in rows:
            sym = "$" if r["currency"] == "USD" else "¥"
            body.append(
                [
                    Cell(r["region"], "bold"),
                    Cell(r["year"]),
                    Cell(f"{sym}{human_count(r['amount'])}"),
                    Cell(r["currency"]),
                    Cell(r["status"], "yellow" if r["status"] == "forecast" else None),
                    Cell(
                        f"{r['cagr']:g}%"
                        + (f" ({r['cagr_period']})" if r.get("cagr_period") else "")
                        if r.get("cagr") is not None
                        else "—"
                    ),
                    Cell(r["publisher"]),
                ]
            )
        return Table(
            [
                Column("Region"),
                Column("Year"),
                Column("Amount", justify="right"),
                Column("Currency"),
                Column("Status"),
                Column("CAGR"),
                Column("Publisher"),
            ],
            body,
        )

    return list_result(
        ctx,
        "market_figures",
        records,
        columns=COLUMNS_MARKET,
        default_sort="year",
        then="region",
        table=table,
    )


COLUMNS_MARKET = ["region", "year", "amount", "currency", "status", "cagr", "publisher"]


def predictions(ctx: Ctx) -> Result:
    def table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
        if keys != COLUMNS_PRED:
            return table_of(rows, keys)
        return Table(
            [
                Column("Who", style="bold"),
                Column("Said"),
                Column("Prediction", max_width=60),
                Column("By", justify="right"),
                Column("Probability", justify="right"),
                Column("Verified"),
            ],
            [
                [
                    Cell(r["who"]),
                    Cell(r["said"]),
                    Cell(r["claim"]),
                    Cell(str(r["target_year"]) if r.get("target_year") else "—"),
                    Cell(
                        f"{r['probability'] * 100:g}%" if r.get("probability") is not None else "—"
                    ),
                    Cell("yes" if r["verified"] else "no", None if r["verified"] else "yellow"),
                ]
                for r in rows
            ],
        )

    return list_result(
        ctx,
        "predictions",
        ctx.catalog.records("predictions"),
        columns=COLUMNS_PRED,
        default_sort="said",
        table=table,
    )


COLUMNS_PRED = ["who", "said", "claim", "target_year", "probability", "verified"]


def risks(ctx: Ctx) -> Result:
    return list_result(
        ctx,
        "risks",
        ctx.catalog.records("risks"),
        columns=["rank", "title", "title_zh"],
        default_sort="rank",
    )


FINDING_KINDS = ("thesis", "quote", "claim", "forecast")


def findings(
    ctx: Ctx, topic: str | None = None, speaker: str | None = None, kind: str | None = None
) -> Result:
    records = ctx.catalog.records("findings")
    if kind is not None:
        if kind not in FINDING_KINDS:
            raise UsageError(f"--kind: expected one of {', '.join(FINDING_KINDS)}, got {kind!r}")
        records = [r for r in records if r["kind"] == kind]
    for value, field in ((topic, "topic"), (speaker, "speaker")):
        if value is not None:
            wanted = value.casefold()
            records = [r for r in records if wanted in r[field].casefold()]
    return list_result(
        ctx,
        "findings",
        records,
        columns=["id", "kind", "speaker", "topic", "text"],
    )
