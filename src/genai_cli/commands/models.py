"""``genai models list`` and ``genai models show``."""

from __future__ import annotations

from ..answers import queries as Q
from ..output import text
from ..output.layout import Cell, Column, Table
from ..output.pages import claims_table, events_table, offerings_table, page
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def list_(
    ctx: Ctx,
    vendor: list[str] | None = None,
    domain: str | None = None,
    modality: str | None = None,
    open: bool | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
) -> Result:
    since = Q.check_date(since, "--since")
    until = Q.check_date(until, "--until")
    records = Q.filter_models(
        ctx.catalog,
        vendors=vendor or (),
        domain=domain,
        modality=modality,
        open_weights=open,
        since=since,
        until=until,
        search=search,
    )
    return list_result(ctx, "models", records)


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    mid = cat.resolve("models", id)
    rec = cat.output("models", cat.by_id("models")[mid])
    scores = cat.outputs("scores", Q.scores_of_model(cat, mid))
    events = [cat.output("events", e) for e in Q.events_where(cat, models=[mid])]
    data = {**rec, "scores": scores, "events": events}
    layout = None
    if ctx.out.format in ("table", "markdown"):
        score_table = None
        if scores:
            score_table = Table(
                [
                    Column("Benchmark"),
                    Column("Score", justify="right"),
                    Column("Setting"),
                    Column("Reported by"),
                    Column("vs"),
                ],
                [
                    [
                        Cell(s["benchmark"]),
                        Cell(text.score(s["value"], s["unit"])),
                        Cell(text.cell("setting", s.get("setting"))),
                        Cell(text.cell("reported_by", s.get("reported_by"), s)),
                        Cell(s.get("opponent") or ""),
                    ]
                    for s in scores
                ],
                title="Scores",
            )
        title = f"{rec['name']}  ({mid})"
        layout = page(
            rec,
            title,
            score_table,
            events_table(events),
            claims_table(rec),
            offerings_table(rec),
            skip={"name", "parameters", "offerings", "claims", "conflicts"},
        )
    return Result(data=data, layout=layout)
