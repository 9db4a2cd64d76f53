"""``genai schema [KIND]``: the JSON Schema of each kind of record."""

from __future__ import annotations

from .. import registry as R
from ..errors import UsageError
from ..output.result import Result
from .context import Ctx

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def run(ctx: Ctx, kind: str | None = None) -> Result:
    from ..schema import json_schema

    if ctx.out.format not in ("json", "yaml"):
        raise UsageError("--format: schema prints json or yaml")
    if kind is None:
        data: Any = {k.singular: json_schema(k.name) for k in R.KINDS.values()}
        data[R.SINGLETON] = json_schema(R.SINGLETON)
    else:
        key = R.SINGLETON if kind.strip().lower() == R.SINGLETON else R.kind_of(kind).name
        data = json_schema(key)
    return Result(data=data, layout=None, footer=False)
