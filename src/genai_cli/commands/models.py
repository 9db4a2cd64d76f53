"""``genai models list`` and ``genai models show``."""

from __future__ import annotations

from ..answers import queries as Q
from ..output import text
from ..output.layout import Cell, Column, Table
from ..output.pages import (
    brief_texts,
    claims_table,
    events_table,
    offerings_table,
    page,
    summary_panel,
)
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


def show(
    ctx: Ctx, id: str, offerings: bool = False, claims: bool = False, everything: bool = False
) -> Result:
    """One model with its scores and events. Its page (table, Markdown) sums up what
    the imported catalogs add; ``offerings``, ``claims`` list them in full and
    ``everything`` also every other id and version. JSON and YAML are the whole
    record whatever the options."""
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
        offerings = offerings or everything
        claims = claims or everything
        title = f"{rec['name']}  ({mid})"
        layout = page(
            rec,
            title,
            summary_panel(rec, offerings=offerings, claims=claims),
            score_table,
            events_table(events),
            claims_table(rec) if claims else None,
            offerings_table(rec) if offerings else None,
            skip={"name", "parameters", "offerings", "claims", "conflicts"},
            texts=None if everything else brief_texts(rec),
        )
    return Result(data=data, layout=layout)
