"""List results: ``--fields``, ``--sort``, ``--desc`` and ``--limit`` on records or rows."""

from __future__ import annotations

from .. import queries as Q
from .. import registry as R
from ..errors import UsageError
from ..output.layout import rank_columns, table_of
from ..output.result import Result

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ..output.layout import Table
    from .context import Ctx


def list_result(
    ctx: Ctx,
    kind: str,
    records: list[dict[str, Any]],
    *,
    table: Callable[[list[dict[str, Any]], list[str]], Table] | None = None,
) -> Result:
    """Sort, limit, project and pick fields of records, as every list command does;
    the default columns and sort are the registry's."""
    cat = ctx.catalog
    o = ctx.out
    k = R.KINDS[kind]
    default_sort, then, columns = k.sort, k.then, list(k.columns)
    keys = cat.keys(kind)
    Q.check_sort(cat, kind, o.sort)
    Q.check_fields(o.fields, keys)
    # a list leaves out the kind's detail (what imported catalogs add: offerings,
    # claims, conflicts, their external ids) unless --fields or --sort asks for it
    wanted = {*(o.fields or ()), o.sort}
    detail = bool(wanted & {*k.detail, "external_ids"})
    if o.sort is not None or default_sort is not None:
        key = o.sort or default_sort
        assert key is not None
        if key in cat.shapes[k.schema]["fields"]:
            records = Q.sort_records(records, key, desc=o.desc, then=then)
        else:  # a derived key: sort the output records
            projected = cat.outputs(kind, records, detail=detail)
            order = Q.sort_records(projected, key, desc=o.desc, then=then)
            by_id = {R.record_id(kind, r): r for r in records}
            records = [by_id[R.record_id(kind, r)] for r in order]
    if o.limit is not None:
        records = records[: o.limit]
    rows = cat.outputs(kind, records, detail=detail)
    shown = o.fields or columns
    data = Q.select_fields(rows, o.fields)
    layout = None
    messages = []
    if o.format in ("table", "markdown"):
        layout = (table or table_of)(rows, shown)
        if not o.fields:  # the columns named by --fields all stay
            rank_columns(layout, k.low, k.narrow)
        if not rows:
            layout.caption = "no records match"
            if not o.headers:  # the rows alone: the message goes to stderr
                messages.append("no records match")
    header = o.fields or [key for key in keys if detail or key not in k.detail]
    return Result(data=data, layout=layout, keys=header, messages=messages)


def shape_rows(
    ctx: Ctx,
    rows: list[dict[str, Any]],
    keys: list[str],
    *,
    noun: str = "key",
    then: str | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``--fields``, ``--sort``, ``--desc`` and ``--limit`` on plain rows (search hits,
    SQL results): the rows to show and the data to print."""
    o = ctx.out
    Q.check_fields(o.fields, keys)
    if o.sort is not None:
        if o.sort not in keys:
            raise UsageError(
                f"--sort: unknown {noun} {o.sort!r}; expected one of: {', '.join(keys)}"
            )
        tie = then or (keys[0] if keys else "id")
        rows = Q.sort_records(rows, o.sort, desc=o.desc, then=tie)
    if o.limit is not None:
        rows = rows[: o.limit]
    return rows, Q.select_fields(rows, o.fields)
