"""List results: ``--where``, ``--fields``, ``--sort``, ``--desc`` and ``--limit`` on
records or rows, the way every list command does them."""

from __future__ import annotations

from ..answers import queries as Q
from ..core.errors import GenaiError, QueryError, UsageError
from ..dataset import registry as R
from ..output.layout import rank_columns, table_of
from ..output.result import Result

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ..output.layout import Table
    from .context import Ctx


def where_rows(
    rows: list[dict[str, Any]],
    keys: list[str],
    types: dict[str, str],
    expr: str | None,
    hint: str = "",
) -> list[dict[str, Any]]:
    """The rows ``--where EXPR`` keeps (all of them without it); a bad expression
    is a usage error (exit 2) that names the problem."""
    if expr is None:
        return rows
    if not expr.strip():
        raise UsageError('--where: give an SQL expression, e.g. --where "context_window > 100000"')
    from ..answers.sql import where  # deferred: sqlite3 and the tables, for --where alone

    numeric = frozenset(k for k in keys if R.field(k).numeric)
    try:
        return where(rows, keys, types, expr, numeric=numeric)
    except QueryError as exc:
        if exc.message.startswith("query stopped"):
            raise GenaiError(f"--where: {exc.message}") from None
        tail = hint if "no such column" in exc.message else ""
        raise UsageError(f"--where: {exc.message}{tail}") from None


def _plain_where(
    cat: Any,
    k: R.Kind,
    records: list[dict[str, Any]],
    keys: list[str],
    types: dict[str, str],
    expr: str,
    hint: str,
) -> list[dict[str, Any]] | None:
    """The records ``--where EXPR`` keeps, when every column it names is a plain one
    (a text, number or boolean field of the schema, which the output shows as it is
    stored): read from the stored records with their defaults, so that the full
    output is made for the kept records alone. None when it names another (a
    derived key, a list or object, a path into one)."""
    from ..answers.sql import named_keys, where_paths  # deferred: as where_rows'

    shape = cat.shapes[k.schema]
    derived = {d for d, _, _ in k.derived}
    named = named_keys(expr, keys)
    if where_paths(expr, keys, types) or any(
        key in derived or key not in shape["fields"] or types.get(key) not in _PLAIN
        for key in named
    ):
        return None
    defaults = shape["defaults"]
    light = [{key: rec.get(key, defaults.get(key)) for key in named} for rec in records]
    found = {id(r) for r in where_rows(light, keys, types, expr, hint)}
    return [rec for rec, row in zip(records, light, strict=True) if id(row) in found]


_PLAIN = frozenset({"int", "float", "str", "bool"})


def list_result(
    ctx: Ctx,
    kind: str,
    records: list[dict[str, Any]],
    *,
    table: Callable[[list[dict[str, Any]], list[str]], Table] | None = None,
) -> Result:
    """Filter, sort, limit and pick fields of records, as every list command does;
    the default columns and sort are the registry's. Field names are the keys or
    the tables' headers, in any case."""
    cat = ctx.catalog
    o = ctx.out
    k = R.KINDS[kind]
    keys = cat.keys(kind)
    hint = Q.fields_hint(kind)
    fields = Q.check_fields(o.fields, keys, hint)
    sort, desc = Q.parse_sort(o.sort)
    sort = Q.check_sort(cat, kind, sort)
    desc = desc or o.desc
    # a list leaves out the kind's detail (what imported catalogs add: offerings,
    # claims, conflicts, their external ids) unless --fields, --sort or --where asks
    wanted = {*(fields or ()), sort}
    if o.where:
        low = o.where.casefold()
        wanted |= {d for d in (*k.detail, "external_ids") if d in low}
    detail = bool(wanted & {*k.detail, "external_ids"})
    key = sort or k.sort
    if o.where is not None:
        types = k.types(cat.shapes)
        kept = _plain_where(cat, k, records, keys, types, o.where, hint)
        if kept is not None:  # filtered on the stored fields: outputs of the kept alone
            rows = cat.outputs(kind, kept, detail=detail)
        else:
            rows = cat.outputs(kind, records, detail=detail)
            rows = where_rows(rows, keys, types, o.where, hint)
        if key is not None:
            rows = Q.sort_records(rows, key, desc=desc, then=k.then)
        if o.limit is not None:
            rows = rows[: o.limit]
    else:
        if key is not None:
            if key in cat.shapes[k.schema]["fields"]:
                records = Q.sort_records(records, key, desc=desc, then=k.then)
            else:  # a derived key: sort the output records
                projected = cat.outputs(kind, records, detail=detail)
                order = Q.sort_records(projected, key, desc=desc, then=k.then)
                by_id = {R.record_id(kind, r): r for r in records}
                records = [by_id[R.record_id(kind, r)] for r in order]
        if o.limit is not None:
            records = records[: o.limit]
        rows = cat.outputs(kind, records, detail=detail)
    shown = fields or list(k.columns)
    data = Q.select_fields(rows, fields)
    paths = [f for f in fields or () if f not in keys]  # pricing.input: a column of its own
    if paths:
        rows = [{**r, **{p: Q.nested(r, p) for p in paths}} for r in rows]
    layout = None
    messages = []
    if o.format in ("table", "markdown"):
        layout = (table or table_of)(rows, shown)
        if not fields:  # the columns named by --fields all stay
            rank_columns(layout, k.low, k.narrow)
        if not rows:
            layout.caption = "no records match"
            if not o.headers:  # the rows alone: the message goes to stderr
                messages.append("no records match")
    header = fields or [key for key in keys if detail or key not in k.detail]
    if o.format == "csv" and not fields and k.sheet:  # the flat columns of its table
        data = [R.sheet_row(r, k.sheet) for r in rows]
        header = list(k.sheet)
    return Result(data=data, layout=layout, keys=header, messages=messages)


def shape_rows(
    ctx: Ctx,
    rows: list[dict[str, Any]],
    keys: list[str],
    *,
    types: dict[str, str] | None = None,
    then: str | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str] | None]:
    """``--where``, ``--fields``, ``--sort``, ``--desc`` and ``--limit`` on plain rows
    (search hits, SQL results, a kind's fields): the rows to show, the data to
    print and the fields asked for (by key, in any case)."""
    o = ctx.out
    hint = f"; expected one of: {', '.join(keys)}"
    fields = Q.check_fields(o.fields, keys, hint)
    rows = where_rows(rows, keys, types or {}, o.where, hint)
    sort, desc = Q.parse_sort(o.sort)
    if sort is not None:
        sort = Q.field_key(R.field_names(keys), sort, "--sort", hint)
        tie = then or (keys[0] if keys else "id")
        rows = Q.sort_records(rows, sort, desc=desc or o.desc, then=tie)
    if o.limit is not None:
        rows = rows[: o.limit]
    return rows, Q.select_fields(rows, fields), fields
