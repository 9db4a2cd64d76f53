"""``genai catalogs`` and ``genai conflicts``: the imported catalogs, and where sources disagree."""

from __future__ import annotations

from ..answers import queries as Q
from ..catalogs.joining import CONFLICT_FIELDS
from ..catalogs.spec import catalog_name
from ..core.errors import UsageError
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def catalogs(ctx: Ctx) -> Result:
    return list_result(ctx, "catalogs", ctx.catalog.compact("catalogs"))


def conflicts(
    ctx: Ctx,
    model: list[str] | None = None,
    field: list[str] | None = None,
    catalog: list[str] | None = None,
) -> Result:
    cat = ctx.catalog
    models = set(Q.resolve_all(cat, "models", model or []))
    fields = set()
    for f in field or []:
        key = f.strip().lower().replace("-", "_")
        if key not in CONFLICT_FIELDS:
            raise UsageError(
                f"--field: unknown field {f!r}; expected one of: {', '.join(CONFLICT_FIELDS)}"
            )
        fields.add(key)
    catalogs_ = {catalog_name(c) for c in catalog or []}
    rows = [
        c
        for c in cat.compact("conflicts")
        if (not models or c["model"] in models)
        and (not fields or c["field"] in fields)
        and (
            not catalogs_
            or any(s.split(":", 1)[0] in catalogs_ for v in c["values"] for s in v["sources"])
        )
    ]
    return list_result(ctx, "conflicts", rows)
