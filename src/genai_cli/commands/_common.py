"""What every command shares: its context, its output options, list results."""

from __future__ import annotations

from .. import queries as Q
from ..catalog import Catalog, load_catalog
from ..errors import UsageError
from ..layout import Table, table_of
from ..project import outputs
from ..render import Result

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


class Output:
    """The output options: ``--format/--json``, ``--fields``, ``--sort``, ``--desc``, ``--limit``."""

    def __init__(
        self,
        format: str = "table",
        fields: list[str] | None = None,
        sort: str | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> None:
        self.format = format
        self.fields = fields
        self.sort = sort
        self.desc = desc
        self.limit = limit


class Ctx:
    """A command's context: the data folder and, loaded on first use, the catalog."""

    def __init__(self, data_dir: str | None = None, out: Output | None = None) -> None:
        self.data_dir = data_dir
        self.out = out or Output()
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.data_dir)
        return self._catalog


def list_result(
    ctx: Ctx,
    kind: str,
    records: list[dict[str, Any]],
    *,
    columns: list[str],
    title: str | None = None,
    default_sort: str | None = None,
    then: str = "id",
    table: Callable[[list[dict[str, Any]], list[str]], Table] | None = None,
) -> Result:
    """Sort, limit, project and pick fields of records, as every list command does."""
    cat = ctx.catalog
    o = ctx.out
    keys = Q.output_keys(cat, kind)
    Q.check_sort(cat, kind, o.sort)
    Q.check_fields(o.fields, keys)
    if o.sort is not None or default_sort is not None:
        key = o.sort or default_sort
        assert key is not None
        if key in cat.shapes[cat.classes[kind]]["fields"]:
            records = Q.sort_records(records, key, desc=o.desc, then=then)
        else:  # a derived key: sort the output records
            projected = outputs(cat, kind, records)
            order = Q.sort_records(projected, key, desc=o.desc, then=then)
            by_id = {r["id"]: r for r in records}
            records = [by_id[r["id"]] for r in order]
    if o.limit is not None:
        records = records[: o.limit]
    rows = outputs(cat, kind, records)
    shown = o.fields or columns
    data = Q.select_fields(rows, o.fields)
    if o.format in ("table", "markdown"):
        layout = (table or _default_table)(rows, shown)
        if title:
            layout.title = title
        if not rows:
            layout.caption = "no records match"
    else:
        layout = None
    return Result(data=data, layout=layout)


def _default_table(rows: list[dict[str, Any]], keys: list[str]) -> Table:
    return table_of(rows, keys)


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
