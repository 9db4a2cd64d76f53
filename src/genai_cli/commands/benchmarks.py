"""``genai benchmarks list`` and ``genai benchmarks show`` (a leaderboard)."""

from __future__ import annotations

from ..answers import queries as Q
from ..output import text
from ..output.layout import Cell, Column, Table
from ..output.pages import page
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def list_(ctx: Ctx, category: str | None = None) -> Result:
    records = ctx.catalog.compact("benchmarks")
    if category is not None:
        needle = category.casefold()
        records = [b for b in records if needle in b["category"].casefold()]
    return list_result(ctx, "benchmarks", records)


def show(ctx: Ctx, id: str) -> Result:
    cat = ctx.catalog
    bid = cat.resolve("benchmarks", id)
    rec = cat.output("benchmarks", cat.by_id("benchmarks")[bid])
    board = Q.leaderboard(cat, bid)
    if ctx.out.limit is not None:
        board = board[: Q.check_limit(ctx.out.limit)]
    scores = cat.outputs("scores", board)
    data = {**rec, "scores": scores}
    layout = None
    if ctx.out.format in ("table", "markdown"):
        settings = Q.settings_of(board)
        caption = None
        if len(settings) > 1:
            caption = (
                "Settings differ ("
                + ", ".join(settings)
                + "): these scores are not a like-for-like comparison."
            )
        best = board[0]["value"] if len({s["model"] for s in board}) > 1 else None
        against = any(s.get("opponent") for s in scores)  # head-to-head rows: a Versus column
        rows = []
        for n, s in enumerate(scores, 1):
            top = s["value"] == best
            mark = "bold green" if top else None
            score = text.score(s["value"], s["unit"])
            rows.append(
                [
                    Cell(str(n)),
                    Cell(cat.by_id("models")[s["model"]]["name"], mark),
                    Cell(text.best(score) if top else score, mark),
                    Cell(text.cell("setting", s.get("setting"))),
                    Cell(text.cell("reported_by", s.get("reported_by"), s)),
                ]
                + ([Cell(s["opponent"] or text.DASH)] if against else [])
            )
        if best is not None:
            caption = f"{text.BEST} best score." + (f"\n{caption}" if caption else "")
        board_table = Table(
            [
                Column("#", justify="right"),
                Column("Model"),
                Column("Score", justify="right"),
                Column("Setting"),
                Column("Reported by"),
            ]
            + ([Column("Versus")] if against else []),
            rows,
            title="Leaderboard (best first)",
            caption=caption or ("no scores" if not rows else None),
        )
        layout = page(rec, f"{rec['name']}  ({bid})", board_table, skip={"name"})
    return Result(data=data, layout=layout, rows=scores, keys=cat.keys("scores"))
