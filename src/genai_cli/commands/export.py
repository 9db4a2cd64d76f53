"""``genai export``: the whole dataset as JSON, YAML, CSV (a folder) or SQLite.

What ``--out PATH`` may name, and what happens to it:

* ``-``: stdout, for json and yaml (csv is a folder and sqlite a database
  file: refused, exit 2). A symlink to this process's own stdout
  (``/dev/stdout``, ``/dev/fd/1``) is the same as ``-``.
* nothing yet: created, through a temporary sibling renamed into place; the
  file gets ``0o666 & ~umask`` (a csv folder ``0o777 & ~umask``).
* a regular file: refused without ``--force``; with it, replaced atomically
  (temporary sibling + rename; a failed export leaves it as it was), with
  the umask's mode like a new one. csv refuses a file (it writes a folder).
* a folder: json, yaml and sqlite refuse it. csv replaces it with ``--force``
  only if it holds nothing but a previous csv export (``models.csv``, ...):
  a folder with anything else in it is never deleted.
* a stream (a FIFO, or a character device such as ``/dev/null`` or a
  terminal), or a symlink to one: written through (opened and written,
  never renamed over), with or without ``--force``, since nothing is
  replaced (as a shell's ``noclobber`` allows ``> /dev/null``). csv refuses.
* any other symlink: refused, ``--force`` or not. A symlink is never
  replaced by a file, and never followed into replacing what it points to.
* a block device or a socket: refused.

``-f sqlite -o genai.db`` also writes ``genai.metadata.json`` beside it, a
datasette metadata file (``datasette genai.db -m genai.metadata.json``) under
the same rules as the database (it is a regular file or nothing); the two are
written together, so a failed export leaves both as they were. A database
written into a stream has no metadata file.
"""

from __future__ import annotations

import errno
import json
import os
import shlex
import sqlite3
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import Any

import yaml

from ..answers.catalog import Catalog
from ..answers.sql import (
    TABLES,
    Tables,
    database,
    fill,
    price_columns,
    table_columns,
    table_rows,
)
from ..core.atomic import STREAMS, what_is, write_all_atomically, write_through
from ..core.errors import GenaiError, UsageError
from ..dataset import registry as R
from ..dataset import schema
from ..output.render import to_csv, to_yaml
from ..output.result import Result
from ..output.terminal import is_utf8
from .context import Ctx

FORMATS = ("json", "yaml", "csv", "sqlite")
TO_STDOUT = ("json", "yaml")


def export_document(ctx: Ctx, tables: Tables | None = None) -> dict[str, Any]:
    """The whole dataset: ``{"dataset": ..., "sources": [...], "models": [...], ...}``
    (``tables``: :func:`~genai_cli.answers.sql.table_rows`, when already made)."""

    if tables is None:
        tables = table_rows(ctx.catalog)
    doc: dict[str, Any] = {
        R.SINGLETON: tables[R.SINGLETON][1][0],
        R.REGISTRY: tables[R.REGISTRY][1],
    }
    for kind in R.KINDS.values():
        doc.setdefault(kind.name, tables[kind.table][1])
    return doc


def document_text(doc: dict[str, Any], export_format: str, *, ascii_only: bool = False) -> str:
    """The JSON or YAML text of an export (``ascii_only``: non-ASCII escaped)."""
    if export_format == "json":
        return json.dumps(doc, ensure_ascii=ascii_only, indent=2) + "\n"
    if ascii_only:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return str(yaml.dump(doc, Dumper=dumper, allow_unicode=False, sort_keys=False, width=100))

    return to_yaml(doc)


def csv_files() -> set[str]:
    """The files a csv export writes: one per table."""
    return {f"{k.table}.csv" for k in R.KINDS.values()} | {f"{R.SINGLETON}.csv"}


def metadata_path(target: Path) -> Path:
    """Where the datasette metadata of the database ``target`` goes: ``genai.db`` ->
    ``genai.metadata.json`` (datasette names the database after the file's stem)."""
    return target.with_name(f"{target.stem or target.name}.metadata.json")


def _is_stdout(target: Path) -> bool:
    """True when ``target`` is this process's own stdout (``/dev/stdout``)."""
    try:
        a, b = os.stat(target), os.fstat(1)
    except (OSError, ValueError):
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _csv_folder_problem(target: Path) -> str | None:
    """Why the folder ``target`` is not a previous csv export (``None`` if it is)."""
    expected = csv_files()
    others = []
    for entry in sorted(os.listdir(target)):
        if entry not in expected or what_is(target / entry) != "file":
            others.append(entry)
    if not others:
        return None
    shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
    return f"{target} holds files a csv export does not write ({shown}); not replacing it"


def plan(target: Path, export_format: str, force: bool) -> str:
    """How to write ``target``: ``create``, ``replace`` (atomically), ``through`` (into
    a stream), ``follow`` (into the stream a symlink points to) or ``stdout``.
    Raises :class:`GenaiError` (refused) or :class:`UsageError`."""
    try:
        found = what_is(target)
        if found == "symlink":
            if _is_stdout(target):
                if export_format not in TO_STDOUT:
                    raise UsageError(
                        f"--out {target}: stdout takes json or yaml "
                        "(csv writes a folder, sqlite a database file)"
                    )
                return "stdout"
            points_to = what_is(target, follow=True)
            if points_to in STREAMS and export_format != "csv":
                return "follow"
            where = os.readlink(target)
            raise GenaiError(
                f"{target} is a symlink (to {where}); export never replaces a symlink "
                "or writes through one to a file: name the file itself"
            )
        if found in STREAMS:
            if export_format == "csv":
                raise GenaiError(f"{target} is a {found}; csv writes a folder")
            return "through"
        if found == "missing":
            if not target.parent.is_dir():
                raise UsageError(f"--out: folder {target.parent} does not exist")
            return "create"
        if found == "file":
            if export_format == "csv":
                raise GenaiError(f"{target} is a file; csv writes a folder (one file per table)")
            if not force:
                raise GenaiError(f"{target} exists; use --force to replace it")
            return "replace"
        if found == "folder":
            if export_format != "csv":
                example = target / f"genai.{'db' if export_format == 'sqlite' else export_format}"
                raise GenaiError(f"{target} is a folder; name a file in it, e.g. {example}")
            if not force:
                raise GenaiError(f"{target} exists; use --force to replace it")
            problem = _csv_folder_problem(target)
            if problem:
                raise GenaiError(problem)
            return "replace"
        raise GenaiError(
            f"{target} is a {found}; export writes files, folders (csv) and streams "
            "(a FIFO, /dev/null)"
        )
    except OSError as exc:
        raise GenaiError(f"cannot write {target}: {exc.strerror or exc}") from None


def _counted(path: str) -> Tables:
    """Each table of a built database with as many (empty) rows as it holds: what
    the export's message counts."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return {
            t: ([], [{}] * conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in TABLES
        }
    finally:
        conn.close()


def _sqlite_bytes(cat: Any, tables: Tables | None = None) -> bytes:
    """The database file's bytes: the tables of ``genai sql``, built in memory."""

    conn = sqlite3.connect(":memory:")
    try:
        fill(conn, cat, tables=tables)
        if hasattr(conn, "serialize"):
            return bytes(conn.serialize())

        with tempfile.TemporaryDirectory() as tmp:  # pragma: no cover
            path = os.path.join(tmp, "genai.db")
            disk = sqlite3.connect(path)
            try:
                conn.backup(disk)
            finally:
                disk.close()
            with open(path, "rb") as fh:
                return fh.read()
    finally:
        conn.close()


def _stdout_text(ctx: Ctx, export_format: str) -> Result:

    encoding = getattr(sys.stdout, "encoding", None)
    ascii_only = encoding is not None and not is_utf8(sys.stdout)
    text = document_text(export_document(ctx), export_format, ascii_only=ascii_only)
    return Result(data=None, layout=None, footer=False, text=text)


def run(ctx: Ctx, export_format: str, out: str, force: bool = False) -> Result:
    if export_format not in FORMATS:
        raise UsageError(f"--format: expected json, yaml, csv or sqlite, got {export_format!r}")
    if out == "-":
        if export_format not in TO_STDOUT:
            raise UsageError(
                "--out -: stdout takes json or yaml (csv writes a folder, sqlite a database "
                "file; name a path)"
            )
        return _stdout_text(ctx, export_format)
    target = Path(out)
    how = plan(target, export_format, force)
    if how == "stdout":
        return _stdout_text(ctx, export_format)
    meta: Path | None = None
    meta_how = "create"
    if export_format == "sqlite" and how in ("create", "replace"):
        meta = metadata_path(target)
        meta_how = plan(meta, "json", force)
        if meta_how not in ("create", "replace"):
            raise GenaiError(f"{meta} is not a regular file; not writing the metadata there")
    cat = ctx.catalog
    built = database(cat) if export_format == "sqlite" else None
    # once: what is written, and what the message counts (the data state's database
    # when it is built: a copy of it)
    tables = _counted(built) if built is not None else table_rows(cat)
    try:
        if export_format == "csv":

            def write_csv(tmp: Path) -> None:
                for name, (columns, rows) in tables.items():
                    body = to_csv([{c: r.get(c) for c in columns} for r in rows], columns)
                    (tmp / f"{name}.csv").write_text(body, encoding="utf-8")

            write_all_atomically([(target, write_csv, True, how == "replace")])
        else:
            if built is not None:
                data = Path(built).read_bytes()
            elif export_format == "sqlite":
                data = _sqlite_bytes(cat, tables)
            else:
                doc = export_document(ctx, tables)
                data = document_text(doc, export_format).encode("utf-8")
            if how in ("through", "follow"):
                write_through(target, data, follow=how == "follow")
            else:
                items = [(target, _bytes_writer(data), False, how == "replace")]
                if meta is not None:
                    doc = datasette_metadata(cat, target.stem or target.name)
                    text = document_text(doc, "json")
                    items.append(
                        (meta, _bytes_writer(text.encode("utf-8")), False, meta_how == "replace")
                    )
                write_all_atomically(items)
    except FileExistsError as exc:
        if exc.errno == errno.EEXIST and exc.filename:
            raise GenaiError(f"{exc.filename} appeared meanwhile; not replacing it") from None
        raise GenaiError(str(exc)) from None
    except OSError as exc:
        raise GenaiError(f"cannot write {target}: {exc.strerror or exc}") from None
    counts = {name: len(rows) for name, (_, rows) in tables.items()}
    listed = ", ".join(f"{name} {n:,}" for name, n in counts.items())
    messages = [
        f"wrote {target} ({export_format}: {sum(counts.values()):,} records in {len(counts)} "
        f"tables: {listed})"
    ]
    if meta is not None:
        messages.append(
            f"wrote {meta} (for datasette: datasette {shlex.quote(str(target))} "
            f"-m {shlex.quote(str(meta))})"
        )
    return Result(data=None, layout=None, footer=False, messages=messages, render=False)


def _bytes_writer(data: bytes) -> Any:
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write


# --------------------------------------------------------------------------- datasette


def _license() -> tuple[str | None, str | None]:
    """The licence the data ships under: the package's (``License-Expression``)."""
    try:
        found = metadata("genai-cli").get_all("License-Expression") or []
    except PackageNotFoundError:
        return None, None
    if not found:
        return None, None
    expr = str(found[0])
    single = all(c.isalnum() or c in ".-+" for c in expr)
    return expr, f"https://spdx.org/licenses/{expr.rstrip('+')}.html" if single else None


def _first_paragraph(doc: str | None) -> str:
    text = (doc or "").strip().split("\n\n", 1)[0]
    return " ".join(text.replace("``", "`").split())


def _column_description(
    col: str, json_type: str | None, described: str | None, ref: tuple[str, bool] | None
) -> str:
    """What a column holds: its label, the schema's description and, for a reference
    or JSON text, what it points to or how it is stored."""
    text = R.field(col).label
    generic = ref is not None and described == "lowercase slug"  # the Id type's own
    if described and not generic:
        if len(described) > 1 and not described[1].isupper():  # "A count" -> "a count"
            described = described[0].lower() + described[1:]
        text += f": {described}"
    if ref is not None:
        target, many = ref
        note = f"a JSON list of {target} ids" if many else f"references {target}.id"
    elif json_type == "list":
        note = "a JSON list"
    elif json_type == "object":
        note = "a JSON object"
    else:
        return text
    return f"{text} ({note})"


def datasette_metadata(cat: Catalog, database: str) -> dict[str, Any]:
    """A datasette metadata document (https://docs.datasette.io/en/stable/metadata.html)
    for the export named ``database`` (its file name without the suffix): the
    dataset's title, description, source and licence, and a description of every
    table and column, from the registry and the schema's field descriptions.
    Imports pydantic (the schema)."""
    d = cat.manifest()
    description = d.get("description") or ""
    extra = []
    if cat.user_files:
        n = len(cat.user_files)
        extra.append(f"{n} user file{'s' if n != 1 else ''}")
    if cat.imported:
        extra.append("the catalogs " + ", ".join(cat.imported))
    if extra:
        description = f"{description} This export adds {' and '.join(extra)}.".strip()
    publisher = d.get("publisher_en") or d["publisher"]
    if d.get("publisher_en") and d["publisher_en"] != d["publisher"]:
        publisher = f"{d['publisher_en']} ({d['publisher']})"
    title = d.get("title_en") or d["title"]
    license_name, license_url = d.get("license"), d.get("license_url")
    if not license_name:
        license_name, license_url = _license()
    doc: dict[str, Any] = {
        "title": title,
        "description": description,
        "source": f"{publisher}: {d['title']} ({d['date']})",
        "source_url": d.get("url"),
        "license": license_name,
        "license_url": license_url,
    }
    doc = {k: v for k, v in doc.items() if v}
    tables: dict[str, Any] = {}
    json_types = {k.table: k.types(cat.shapes) for k in R.KINDS.values()}
    json_types[R.SINGLETON] = dict(cat.shapes[R.SCHEMAS[R.SINGLETON]]["types"])
    for table, columns in table_columns(cat).items():
        kind = R.KINDS.get(table)
        cls = getattr(schema, R.SCHEMAS[table])
        fields = cls.model_fields
        nested = cat.shapes[R.SCHEMAS[table]].get("nested", {})
        refs: dict[str, tuple[str, bool]] = {}
        if kind is not None:
            refs = {r.field: (R.KINDS[r.target].table, r.many) for r in kind.refs}
        if kind is None:
            about = f"{_first_paragraph(cls.__doc__)} One row."
        else:
            what = _first_paragraph(cls.__doc__) or f"The {kind.name.replace('_', ' ')}."
            about = f"{what} One row per {kind.singular.replace('_', ' ')}"
            about += f" (`genai {kind.command}`)." if kind.command else "."
        entry: dict[str, Any] = {
            "description": about,
            "columns": {
                col: _column_description(
                    col,
                    json_types[table].get(col),
                    (fields[col].description if col in fields else None)
                    or (
                        _first_paragraph(getattr(schema, nested[col][0]).__doc__).rstrip(".")
                        if col in nested
                        else None
                    ),
                    refs.get(col),
                )
                for col in columns
            },
        }
        for col in price_columns(columns):  # the REAL columns beside the JSON pricing
            which = col.removeprefix("pricing_")
            entry["columns"][col] = (
                f"The {which} price, USD per 1M tokens (REAL: pricing's {which}, to sort by)."
            )
        tables[table] = entry
    doc["databases"] = {database: {"tables": tables}}
    return doc
