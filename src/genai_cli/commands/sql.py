"""``genai sql "SELECT ..."``: read-only SQL over every table.

A BLOB is ``{"$base64": true, "encoded": "..."}`` in the data (JSON, YAML, and
that JSON text in CSV), as sqlite-utils and datasette give one, and
``<Binary: N bytes>`` in a table; a column name the result repeats is suffixed
(``a``, ``a_2``: :func:`genai_cli.answers.sql.unique_columns`); an infinite
number is null in JSON (:mod:`genai_cli.output.render`).
"""

from __future__ import annotations

import base64
import json
import sys
from typing import TYPE_CHECKING

from ..answers.sql import query as run_query
from ..dataset import registry as R
from ..output.layout import table_of
from ..output.result import Result
from ..output.terminal import is_tty
from .context import Ctx
from .lists import shape_rows

if TYPE_CHECKING:
    from typing import Any

    from ..output.layout import Cell


def run(ctx: Ctx, query: str, json_cols: bool = False) -> Result:
    """``json_cols``: a value that is JSON text of a list or object is given decoded in
    the data (JSON, YAML), as sqlite-utils' ``--json-cols`` does."""
    cat = ctx.catalog
    columns, rows = run_query(cat, query)
    o = ctx.out
    rows, data, fields = shape_rows(ctx, rows, columns)
    if any(isinstance(v, bytes) for r in data for v in r.values()):
        data = [{k: _blob(v) for k, v in r.items()} for r in data]
    if json_cols:
        data = [{k: _decoded(v) for k, v in r.items()} for r in data]
    layout = None
    notes = []
    if o.format in ("table", "markdown"):
        keys = fields or columns
        json_columns = _json_fields(cat.shapes)
        most = max(1, TABLE_CELLS // max(len(keys), 1)) if o.format == "table" else len(rows)
        shown = [
            {k: _decoded(r.get(k)) if k in json_columns else _shown(r.get(k)) for k in keys}
            for r in rows[:most]
        ]
        layout = table_of(shown, keys)
        for col, key in zip(layout.columns, keys, strict=True):
            col.header = key  # SQL column names as written
        if len(rows) > most:
            notes.append(
                f"the first {most:,} of {len(rows):,} rows (a table shows at most "
                f"{TABLE_CELLS:,} cells); -f json, csv or yaml give them all"
            )
        if _cut(layout.rows):
            notes.append(
                f"a cell over {CELL:,} characters is cut (…); -f json, csv or yaml give it whole"
            )
        layout.caption = "; ".join(notes) if rows else "no rows"
    return Result(
        data=data,
        layout=layout,
        keys=o.fields or columns,
        # piped, the caption is the table's last line; say it where a person reads too
        messages=[]
        if is_tty(sys.stdout)
        else [f"genai sql: {n}" for n in notes[:1] if n.startswith("the first")],
    )


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


CELL = 1_000
"""The most characters of a cell a table (or Markdown) shows: a table of long texts
would take minutes and gigabytes to lay out (``genai sql "SELECT * FROM models"``:
45 s and 1.1 GB), and be read by no one."""
TABLE_CELLS = 20_000
"""The most cells a table shows (the first rows that fit): laying out a table takes
about 20 µs a cell, and much more with long texts."""


def _cut(rows: list[list[Cell]]) -> bool:
    """Cut each cell's text over :data:`CELL` characters (at a space near the end if
    there is one) with an ellipsis; whether any was."""
    cut = False
    for row in rows:
        for cell in row:
            if len(cell.text) > CELL:
                head = cell.text[:CELL]
                space = head.rfind(" ", CELL - 40)
                cell.text = (head[:space] if space > 0 else head).rstrip() + "…"
                cut = True
    return cut


def _blob(value: Any) -> Any:
    """A BLOB as sqlite-utils and datasette give one in JSON; anything else as it is."""
    if isinstance(value, bytes):
        return {"$base64": True, "encoded": base64.b64encode(value).decode("ascii")}
    return value


def _shown(value: Any) -> Any:
    """A BLOB in a table, as datasette shows one; anything else as it is."""
    if isinstance(value, bytes):
        return f"<Binary: {len(value):,} byte{'' if len(value) == 1 else 's'}>"
    return value
