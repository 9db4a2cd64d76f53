"""``genai scores list``: every score as a flat row."""

from __future__ import annotations

from ..answers import queries as Q
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def list_(
    ctx: Ctx,
    model: list[str] | None = None,
    benchmark: list[str] | None = None,
    setting: str | None = None,
) -> Result:
    records = Q.scores_where(
        ctx.catalog, models=model or (), benchmarks=benchmark or (), setting=setting
    )
    return list_result(ctx, "scores", records)
