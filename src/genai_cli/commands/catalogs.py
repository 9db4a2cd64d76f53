"""``genai catalogs`` (``list``, ``remove``) and ``genai conflicts``: the imported
catalogs, and where sources disagree."""

from __future__ import annotations

import os

from ..answers import queries as Q
from ..catalogs import store
from ..catalogs.joining import CONFLICT_FIELDS
from ..catalogs.spec import catalog_name, head
from ..core.environment import data_folder
from ..core.errors import GenaiError, UsageError
from ..output.result import Result
from .context import Ctx
from .lists import list_result


def catalogs(ctx: Ctx) -> Result:
    return list_result(ctx, "catalogs", ctx.catalog.compact("catalogs"))


def remove(ctx: Ctx, catalog: str) -> Result:
    """Delete ``catalog``'s file from the data folder (nothing else in it)."""
    name = catalog_name(catalog)
    where = ctx.data_dir or data_folder()
    path = store.catalog_path(where, name) if where else None
    if path is None or not os.path.isfile(path):
        folder = where or "no data folder"
        raise GenaiError(  # exit 1, as a record not found
            f"{name} is not imported in {folder}; genai catalogs lists those that are"
        )
    found = head(path) or {}
    try:
        os.unlink(path)
    except OSError as exc:
        raise GenaiError(f"cannot remove {path}: {exc.strerror or exc}") from None
    version = f" {found['version']}" if found.get("version") else ""
    data = {"catalog": name, "version": found.get("version"), "as_of": found.get("as_of"),
            "removed": path}  # fmt: skip
    return Result(
        data=data if ctx.out.format in ("json", "yaml") else None,
        layout=None,
        footer=False,
        messages=[f"removed {name}{version} from {path}"],
        render=ctx.out.format in ("json", "yaml"),
    )


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
