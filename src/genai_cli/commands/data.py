"""``genai validate``, ``genai sql``, ``genai export``, ``genai schema``."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .. import kinds as K
from ..errors import DataError, GenaiError, Problem, UsageError
from ..layout import table_of
from ..render import Result
from ._common import Ctx, shape_rows

# --------------------------------------------------------------------------- validate


def validate(ctx: Ctx, dir: str | None = None) -> Result:
    """Every problem of the bundled data and of a user folder, at once."""
    from ..build import build
    from ..catalog import bundled, load_catalog

    folder = dir or ctx.data_dir
    _, problems = build()
    checked = ["bundled data"]
    counts: dict[str, int] = {}
    files: list[str] = []
    if folder:
        try:
            cat = load_catalog(folder, cache=False)
            files = cat.user_files
            counts = {k: len(cat.records(k)) for k in K.KINDS}
        except DataError as exc:
            problems += exc.problems
        checked.append(folder)
    else:
        counts = bundled().counts()
    problems = sorted(set(problems), key=Problem._key)
    data = {
        "valid": not problems,
        "checked": checked,
        "files": files,
        "records": counts,
        "problems": [p.as_dict() for p in problems],
    }
    lines = [str(p) for p in problems] if ctx.out.format in ("table", "markdown") else []
    if problems:
        lines.append(
            f"genai validate: {len(problems)} problem{'s' if len(problems) != 1 else ''} (exit 3)"
        )
    else:
        total = sum(counts.values())
        what = " and ".join(checked)
        lines.append(
            f"ok: {what} valid ({total} records" + (f", {len(files)} user files)" if files else ")")
        )
    return Result(
        data=data, layout=None, footer=False, exit_code=3 if problems else 0, messages=lines
    )


# --------------------------------------------------------------------------- sql


def sql(ctx: Ctx, query: str) -> Result:
    from ..sqldb import query as run_query

    columns, rows = run_query(ctx.catalog, query)
    o = ctx.out
    rows, data = shape_rows(ctx, rows, columns, noun="column")
    layout = None
    if o.format in ("table", "markdown"):
        keys = o.fields or columns
        layout = table_of(rows, keys)
        for col, key in zip(layout.columns, keys, strict=True):
            col.header = key  # SQL column names as written
        if not rows:
            layout.caption = "no rows"
    return Result(data=data, layout=layout)


# --------------------------------------------------------------------------- export


def export_document(ctx: Ctx) -> dict[str, Any]:
    """The whole dataset: ``{"dataset": ..., "sources": [...], "models": [...], ...}``."""
    from ..sqldb import table_rows

    tables = table_rows(ctx.catalog)
    doc: dict[str, Any] = {"dataset": tables["dataset"][1][0], "sources": tables["sources"][1]}
    for kind in K.KINDS:
        doc[kind] = tables[kind][1]
    return doc


def _claim(target: Path, force: bool) -> None:
    if target.exists() or target.is_symlink():
        if not force:
            raise GenaiError(f"export: {target} exists; use --force to replace it")
        if target.is_dir() and not target.is_symlink():
            return  # replaced after the new one is complete
    elif not target.parent.exists():
        raise UsageError(f"--out: folder {target.parent} does not exist")


def _write_file(target: Path, write: Any) -> None:
    """Write via a temporary file in the same folder, then rename over ``target``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        if target.is_dir() and not target.is_symlink():
            old = target.with_name(f".{target.name}.old")
            os.replace(target, old)
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
        elif os.path.exists(tmp):
            os.unlink(tmp)
        raise


def export(ctx: Ctx, export_format: str, out: str, force: bool = False) -> Result:
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
                    from ..render import to_yaml

                    text = to_yaml(doc)
                tmp.write_text(text, encoding="utf-8")

            _write_file(target, write)
        elif export_format == "sqlite":
            import sqlite3

            from ..sqldb import fill

            def write(tmp: Path) -> None:
                tmp.unlink()
                conn = sqlite3.connect(tmp)
                try:
                    fill(conn, cat)
                finally:
                    conn.close()

            _write_file(target, write)
        elif export_format == "csv":
            from ..render import to_csv
            from ..sqldb import table_rows

            tables = table_rows(cat)

            def write(tmp: Path) -> None:
                tmp.unlink()
                tmp.mkdir()
                for name, (columns, rows) in tables.items():
                    body = to_csv([{c: r.get(c) for c in columns} for r in rows])
                    (tmp / f"{name}.csv").write_text(body, encoding="utf-8")

            _write_file(target, write)
        else:
            raise UsageError(f"--format: expected json, yaml, csv or sqlite, got {export_format!r}")
    except OSError as exc:
        raise GenaiError(f"export: cannot write {target}: {exc.strerror or exc}") from None
    counts = cat.counts()
    msg = f"wrote {target} ({export_format}: {sum(counts.values())} records in {len(counts)} kinds)"
    return Result(data=None, layout=None, footer=False, messages=[msg], render=False)


# --------------------------------------------------------------------------- schema


def schema(ctx: Ctx, kind: str | None = None) -> Result:
    from ..catalog import kind_of
    from ..schema import json_schema

    if ctx.out.format not in ("json", "yaml"):
        raise UsageError("--format: schema prints json or yaml")
    if kind is None:
        data: Any = {
            K.SINGULAR.get(k, k): json_schema(k) for k in (*K.KINDS, K.REGISTRY, K.SINGLETON)
        }
    else:
        key = K.SINGLETON if kind.strip().lower() == K.SINGLETON else kind_of(kind)
        data = json_schema(key)
    return Result(data=data, layout=None, footer=False)
