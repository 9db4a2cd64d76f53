"""``genai fields KIND``: the fields of a kind, by the names lists and tables use."""

from __future__ import annotations

from ..dataset import registry as R
from ..output.layout import table_of
from ..output.result import Result
from .context import Ctx
from .lists import shape_rows

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any

KEYS = ["field", "header", "type", "column", "derived", "choices", "description"]


def rows_of(ctx: Ctx, kind: str) -> list[dict[str, Any]]:
    """One row per output key of ``kind``: its name, the header tables give it, its
    JSON type, whether the list shows it by default, whether genai derives it,
    its closed set of values, and what it holds."""
    cat = ctx.catalog
    k = R.kind_of(kind)
    shape = cat.shapes[k.schema]
    types = k.types(cat.shapes)
    derived = {key for key, _, _ in k.derived}
    out = []
    for key in cat.keys(k.name):
        f = R.field(key)
        out.append(
            {
                "field": key,
                "header": f.header,
                "type": types.get(key),
                "column": key in k.columns,
                "derived": key in derived,
                "choices": shape["choices"].get(key),
                "description": shape["descriptions"].get(key) or f.about,
            }
        )
    return out


def run(ctx: Ctx, kind: str) -> Result:
    rows = rows_of(ctx, kind)
    types = {"column": "bool", "derived": "bool", "choices": "list"}
    rows, data, fields = shape_rows(ctx, rows, KEYS, types=types)
    layout = None
    if ctx.out.format in ("table", "markdown"):
        keys = fields or ["field", "header", "type", "column", "description"]
        layout = table_of(rows, keys)
        for col, key in zip(layout.columns, keys, strict=True):
            col.header = {"column": "Listed", "description": "Description"}.get(key, col.header)
        if not rows:
            layout.caption = "no fields match"
    return Result(data=data, layout=layout)
