"""``genai export``: the whole dataset as JSON, YAML, CSV (a folder) or SQLite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import registry as R
from ..atomic import write_atomically
from ..errors import GenaiError, UsageError
from ..output.result import Result
from .context import Ctx


def export_document(ctx: Ctx) -> dict[str, Any]:
    """The whole dataset: ``{"dataset": ..., "sources": [...], "models": [...], ...}``."""
    from ..sqldb import table_rows

    tables = table_rows(ctx.catalog)
    doc: dict[str, Any] = {
        R.SINGLETON: tables[R.SINGLETON][1][0],
        R.REGISTRY: tables[R.REGISTRY][1],
    }
    for kind in R.KINDS.values():
        doc.setdefault(kind.name, tables[kind.table][1])
    return doc


def _claim(target: Path, force: bool) -> None:
    if target.exists() or target.is_symlink():
        if not force:
            raise GenaiError(f"{target} exists; use --force to replace it")
        if target.is_dir() and not target.is_symlink():
            return  # replaced after the new one is complete
    elif not target.parent.exists():
        raise UsageError(f"--out: folder {target.parent} does not exist")


def run(ctx: Ctx, export_format: str, out: str, force: bool = False) -> Result:
    target = Path(out)
    _claim(target, force)
    cat = ctx.catalog
    try:
        if export_format in ("json", "yaml"):
            doc = export_document(ctx)

            def write(tmp: Path) -> None:
                if export_format == "json":
                    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
                else:
                    from ..output.render import to_yaml

                    text = to_yaml(doc)
                tmp.write_text(text, encoding="utf-8")

            write_atomically(target, write)
        elif export_format == "sqlite":
            import sqlite3

            from ..sqldb import fill

            def write(tmp: Path) -> None:
                conn = sqlite3.connect(tmp)
                try:
                    fill(conn, cat)
                finally:
                    conn.close()

            write_atomically(target, write)
        elif export_format == "csv":
            from ..output.render import to_csv
            from ..sqldb import table_rows

            tables = table_rows(cat)

            def write(tmp: Path) -> None:
                for name, (columns, rows) in tables.items():
                    body = to_csv([{c: r.get(c) for c in columns} for r in rows])
                    (tmp / f"{name}.csv").write_text(body, encoding="utf-8")

            write_atomically(target, write, folder=True)
        else:
            raise UsageError(f"--format: expected json, yaml, csv or sqlite, got {export_format!r}")
    except OSError as exc:
        raise GenaiError(f"cannot write {target}: {exc.strerror or exc}") from None
    counts = cat.counts()
    msg = f"wrote {target} ({export_format}: {sum(counts.values())} records in {len(counts)} kinds)"
    return Result(data=None, layout=None, footer=False, messages=[msg], render=False)
