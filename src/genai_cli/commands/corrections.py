"""``genai corrections``: what the report got wrong, one row per correction."""

from __future__ import annotations

from ..answers import queries as Q
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def run(ctx: Ctx, kind: list[str] | None = None, field: list[str] | None = None) -> Result:
    records = Q.corrections_where(ctx.catalog, kinds=kind or (), fields=field or ())
    return list_result(ctx, "corrections", records)
