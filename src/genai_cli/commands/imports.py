"""``genai import CATALOG [PATH]``: bring a public catalog into the data folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..answers.load import load_catalog
from ..catalogs import store
from ..catalogs.identity import identities
from ..catalogs.joining import summarize
from ..catalogs.readers import catalog_name, read_catalog
from ..core.environment import data_folder
from ..core.errors import UsageError
from ..output.progress import Progress
from ..output.result import Result
from .context import Ctx

if TYPE_CHECKING:
    from typing import Any


def run(ctx: Ctx, catalog: str, path: str | None = None, allow_empty: bool = False) -> Result:
    name = catalog_name(catalog)
    where = ctx.data_dir or data_folder()
    if where is None:
        raise UsageError("no data folder: set --data-dir or GENAI_DATA_DIR (HOME is not set)")
    folder = Path(where)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--data-dir: not a folder: {folder}")
    bar = Progress(f"reading {name}")
    try:
        read = read_catalog(name, path, progress=bar)
    finally:
        bar.close()
    store.refuse_empty(read, allow_empty)
    text = store.dumps(read, identities(read.entries, name))
    target = Path(store.catalog_path(folder, name))
    curated = load_catalog(folder, imports_too=False) if folder.is_dir() else load_catalog()
    doc: dict[str, Any] = json.loads(text)
    doc["path"] = str(target)
    store.write_catalog(folder, name, text)  # nothing written, or the whole file
    doc["imported_at"] = store.imported_at(target)  # as reading the file back says it

    summary = summarize(curated, doc)
    data = {**summary, "dropped": read.dropped}
    lines: list[str] = []
    if ctx.out.format != "json":
        lines = _lines(summary, read.dropped)
    return Result(
        data=data if ctx.out.format == "json" else None,
        layout=None,
        footer=False,
        messages=lines,
        render=ctx.out.format == "json",
    )


def _lines(s: dict[str, Any], dropped: dict[str, int]) -> list[str]:
    version = f" {s['version']}" if s.get("version") else ""
    as_of = f"as of {s['as_of']}" if s.get("as_of") else "no as-of date in it"
    out = [
        f"imported {s['catalog']}{version} ({as_of}) from {s['source']}",
        f"  into {s['file']}",
        f"  {s['records']:,} records read: {s['entries']:,} entries kept, "
        f"{s['records'] - s['entries']:,} skipped",
        f"  {s['matched_entries']:,} entries matched {s['matched']:,} models of the dataset; "
        f"{s['new']:,} new models; {s['offerings']:,} offerings",
    ]
    for reason, n in sorted(s["skipped"].items(), key=lambda kv: -kv[1]):
        out.append(f"  skipped {n:,}: {reason}")
    for what, n in sorted(dropped.items(), key=lambda kv: -kv[1]):
        out.append(f"  left out {n:,} values: {what}")
    return out
