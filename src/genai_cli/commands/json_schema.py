"""``genai schema [KIND] [--input]``: the JSON Schema of what genai prints of each
kind of record, or (``--input``) of a record of a data file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.errors import UsageError
from ..dataset import registry as R
from ..dataset.jsonschemas import input_schema, kind_key, names, output_schema
from ..output.result import Result
from .context import Ctx

if TYPE_CHECKING:
    from typing import Any


def run(ctx: Ctx, kind: str | None = None, input: bool = False) -> Result:
    if ctx.out.format not in ("json", "yaml"):
        raise UsageError("--format: schema prints json or yaml")
    make = input_schema if input else output_schema
    written = {*R.BUNDLED, R.SINGLETON}  # the kinds a data file may hold
    data: Any
    if kind is None:
        keys = [kind_key(name) for name in names()]
        data = {R.KINDS[k].singular if k in R.KINDS else k: make(k) for k in keys}
        if input:
            data = {name: s for name, s in data.items() if kind_key(name) in written}
    else:
        key = kind_key(kind)
        if input and key not in written:
            raise UsageError(
                f"--input: no data file holds {key}; genai import makes them "
                f"(genai schema {R.KINDS[key].singular} describes them as printed)"
            )
        data = make(key)
    return Result(data=data, layout=None, footer=False)
