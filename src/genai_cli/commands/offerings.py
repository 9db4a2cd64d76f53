"""``genai offerings [MODEL...]``: who sells a model, at what price, with what limits."""

from __future__ import annotations

import time

from ..answers import queries as Q
from ..answers.providers import provider_id
from ..catalogs.spec import catalog_name
from ..core.errors import UsageError
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def offerings(
    ctx: Ctx,
    models: list[str] | None = None,
    provider_: list[str] | None = None,
    catalog: list[str] | None = None,
    deprecated: bool = False,
    active: bool = False,
) -> Result:
    """One row per offering (a provider's entry of a model in an imported catalog):
    of ``models`` (all when none), of these providers (any catalog's spelling or
    the providers table's id) and catalogs; ``deprecated``: its deprecation date has
    passed; ``active``: it has none, or one still to come."""
    if deprecated and active:
        raise UsageError("--deprecated and --active exclude each other")
    cat = ctx.catalog
    providers = {
        provider_id(p, lambda: cat.by_id("providers"), option="--provider") for p in provider_ or []
    }
    catalogs = {catalog_name(c) for c in catalog or []}
    if models:
        ids = Q.resolve_all(cat, "models", models)
        rows = [o for mid in ids for o in cat.extras(mid).get("offerings", ())]
    elif providers or catalogs:
        where = {"provider": providers} if providers else {"catalog": catalogs}
        rows = cat.compact_where("offerings", where)
    else:
        rows = cat.compact("offerings")
    today = time.strftime("%Y-%m-%d")
    rows = [
        o
        for o in rows
        if (not providers or o["provider"] in providers)
        and (not catalogs or o["catalog"] in catalogs)
        and (not deprecated or _retired(o, today))
        and (not active or not _retired(o, today))
    ]
    return list_result(ctx, "offerings", rows)


def _retired(offering: dict[str, object], today: str) -> bool:
    """Has the offering's deprecation date passed (a month or year: its first day)?"""
    date = offering.get("deprecation_date")
    return isinstance(date, str) and date[:10] <= today
