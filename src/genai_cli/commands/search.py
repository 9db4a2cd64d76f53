"""``genai search TEXT``: every kind of record, best matches first."""

from __future__ import annotations

from .. import queries as Q
from ..catalog import kind_of
from ..layout import Cell, Column, Table
from ..render import Result
from ._common import Ctx

KEYS = ["kind", "id", "name", "matched", "score"]


def run(ctx: Ctx, text: str, kind: list[str] | None = None) -> Result:
    cat = ctx.catalog
    kinds = [kind_of(k) for k in kind or []]
    hits = Q.search(cat, text, kinds)
    o = ctx.out
    Q.check_fields(o.fields, KEYS)
    if o.sort is not None:
        if o.sort not in KEYS:
            from ..errors import UsageError

            raise UsageError(f"--sort: unknown key {o.sort!r}; expected one of: {', '.join(KEYS)}")
        hits = Q.sort_records(hits, o.sort, desc=o.desc)
    if o.limit is not None:
        hits = hits[: o.limit]
    data = Q.select_fields(hits, o.fields)
    layout = None
    if o.format in ("table", "markdown"):
        keys = o.fields or ["kind", "id", "name", "matched"]
        layout = Table(
            [Column(k.capitalize(), style="bold" if k == "id" else None) for k in keys],
            [[Cell(str(h[k]), "dim" if k == "kind" else None) for k in keys] for h in hits],
            caption=None if hits else f"nothing matches {text!r}",
        )
    return Result(data=data, layout=layout)
