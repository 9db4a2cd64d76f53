"""``genai search TEXT``: every kind of record, best matches first."""

from __future__ import annotations

from ..answers import queries as Q
from ..dataset import registry as R
from ..output.layout import Cell, Column, Table, rank_columns
from ..output.result import Result
from .context import Ctx
from .lists import shape_rows

KEYS = ["kind", "id", "name", "matched", "score"]


def run(ctx: Ctx, text: str, kind: list[str] | None = None) -> Result:
    cat = ctx.catalog
    kinds = [R.kind_of(k, "--kind").name for k in kind or []]
    hits = Q.search(cat, text, kinds)
    o = ctx.out
    hits, data, fields = shape_rows(ctx, hits, KEYS, types={"score": "float"}, then="id")
    layout = None
    if o.format in ("table", "markdown"):
        keys = fields or ["kind", "id", "name", "matched"]
        layout = Table(
            [
                Column(k.capitalize(), style="bold" if k == "id" else None, key=k, whole=k == "id")
                for k in keys
            ],
            [[Cell(str(h[k]), "dim" if k == "kind" else None) for k in keys] for h in hits],
            caption=None if hits else f"nothing matches {text!r}",
        )
        if not o.fields:  # narrow: the ids stay whole
            rank_columns(layout, low=("matched",), narrow=("name",))
    return Result(data=data, layout=layout, keys=o.fields or KEYS)
