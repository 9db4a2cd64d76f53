"""``genai sql "SELECT ..."``: read-only SQL over every table."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..answers.sql import query as run_query
from ..dataset import registry as R
from ..output.layout import table_of
from ..output.result import Result
from .context import Ctx
from .lists import shape_rows

if TYPE_CHECKING:
    from typing import Any


def run(ctx: Ctx, query: str, json_cols: bool = False) -> Result:
    """``json_cols``: a value that is JSON text of a list or object is given decoded in
    the data (JSON, YAML), as sqlite-utils' ``--json-cols`` does."""
    cat = ctx.catalog
    columns, rows = run_query(cat, query)
    o = ctx.out
    rows, data, fields = shape_rows(ctx, rows, columns)
    if json_cols:
        data = [{k: _decoded(v) for k, v in r.items()} for r in data]
    layout = None
    if o.format in ("table", "markdown"):
        keys = fields or columns
        json_columns = _json_fields(cat.shapes)
        shown = [
            {k: _decoded(r.get(k)) if k in json_columns else r.get(k) for k in keys} for r in rows
        ]
        layout = table_of(shown, keys)
        for col, key in zip(layout.columns, keys, strict=True):
            col.header = key  # SQL column names as written
        if not rows:
            layout.caption = "no rows"
    return Result(data=data, layout=layout, keys=o.fields or columns)


def _json_fields(shapes: dict[str, Any]) -> set[str]:
    """Columns that SQL holds as JSON text: the registry kinds' list and object keys."""
    out: set[str] = set()
    for kind in R.KINDS.values():
        out.update(name for name, t in kind.types(shapes).items() if t in ("list", "object"))
    return out


def _decoded(value: Any) -> Any:
    """JSON text back to its list or object, for display; anything else as it is."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
