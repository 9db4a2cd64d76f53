"""The dataset as SQLite tables, and read-only queries over them.

One table per kind of the registry (:mod:`genai_cli.dataset.registry`: ``models``,
``vendors``, ``scores``, ..., ``sources``) plus ``dataset`` (one row: the
manifest). Columns are the records' JSON keys (``genai_cli.answers.catalog.Catalog.keys``), in
order; lists and objects are JSON text (query them with ``json_extract`` /
``json_each``); booleans are 0/1; an integer outside SQLite's 64-bit range is
a REAL (its nearest double, as SQLite reads such a literal).

:func:`run_readonly` runs one statement in a box: an authorizer that allows
reading only (no writes, ``ATTACH``, ``PRAGMA`` or ``load_extension``), caps on
what one statement may be and make (:data:`LIMITS`, :data:`MAX_MEMORY`,
:data:`MAX_VALUES`, :data:`MAX_RESULT`) and a time limit that holds for any query
(:func:`run_readonly` says how).
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import threading
import time
from typing import TYPE_CHECKING, Any

from ..core import atomic, cachefiles, errors
from ..core.errors import QueryError
from ..dataset import registry as R
from .queries import nested, sort_value

if TYPE_CHECKING:
    from .catalog import Catalog

DEFAULT_TIMEOUT = 5.0


Tables = dict[str, tuple[list[str], list[dict[str, Any]]]]
"""Every table's columns and rows (:func:`table_rows`)."""


def table_rows(cat: Catalog, only: set[str] | None = None) -> Tables:
    """Every table's columns and rows (or those of the tables ``only`` names): one per
    kind of the registry (the records as the CLI prints them) and ``dataset``, the
    manifest."""
    tables: Tables = {}
    for kind in R.KINDS.values():
        if only is None or kind.table in only:
            rows = cat.outputs(kind.name, cat.compact(kind.name))
            tables[kind.table] = (cat.keys(kind.name), rows)
    if only is None or R.SINGLETON in only:
        manifest = cat.manifest()
        tables[R.SINGLETON] = (list(manifest), [manifest])
    return tables


def table_columns(cat: Catalog) -> dict[str, list[str]]:
    """Every table's columns, as :func:`table_rows` gives them (without the rows)."""
    out = {kind.table: cat.keys(kind.name) for kind in R.KINDS.values()}
    out[R.SINGLETON] = list(cat.manifest())
    return out


TABLES = (*(k.table for k in R.KINDS.values()), R.SINGLETON)
_SCHEMA_WORDS = ("sqlite_master", "sqlite_schema", "sqlite_temp", "pragma_")


def tables_named(sql: str) -> set[str] | None:
    """The tables a statement names (a table's name as a word anywhere in it, in any
    case or quotes), which are all a query needs built; None (all of them) when it
    reads the schema (``sqlite_master``, a ``pragma_`` function)."""
    low = sql.casefold()
    if any(w in low for w in _SCHEMA_WORDS):
        return None
    words = set(re.findall(r"[a-z_][a-z0-9_]*", low))
    return {t for t in TABLES if t in words}


INT_RANGE = (-(2**63), 2**63 - 1)
"""SQLite's INTEGER: a signed 64-bit number."""


def _number(value: int) -> int | float:
    """An integer SQLite can hold: itself, or outside :data:`INT_RANGE` its nearest
    double (as SQLite reads ``SELECT 99999999999999999999``), infinite past a
    double's range."""
    if INT_RANGE[0] <= value <= INT_RANGE[1]:
        return value
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _json_safe(value: Any) -> Any:
    """``value`` with every integer in it one JSON text can be written with: one
    over 4,300 digits (which Python will not write) its nearest double, null past
    a double's range (JSON has no infinity)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        number = _number(value)
        return None if number in (float("inf"), float("-inf")) else number
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> Any:
    """A record's value as SQLite holds it: booleans 0/1, lists and objects JSON
    text, an integer out of SQLite's range a REAL (:func:`_number`)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return _number(value)
    if isinstance(value, (list, dict)):
        try:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        except ValueError:  # an integer too long to write (over 4,300 digits)
            return json.dumps(_json_safe(value), ensure_ascii=False, separators=(",", ":"))
    return value


_AFFINITY = {"int": "INTEGER", "bool": "INTEGER", "float": "REAL", "str": "TEXT"}
"""A JSON type (the registry's) -> the column's SQLite type; lists and objects are
JSON text, a value of any type keeps its own."""


def column_types(cat: Catalog) -> dict[str, dict[str, str]]:
    """Every table's column -> SQLite type, from the registry's types."""
    out = {k.table: k.types(cat.shapes) for k in R.KINDS.values()}
    out[R.SINGLETON] = dict(cat.shapes[R.SCHEMAS[R.SINGLETON]]["types"])
    return {
        table: {
            c: _AFFINITY.get(t, "TEXT" if t in ("list", "object") else "") for c, t in types.items()
        }
        for table, types in out.items()
    }


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def foreign_keys(table: str) -> dict[str, str]:
    """Column -> the table it references (by ``id``), from the registry's refs: every
    reference that holds one id. A list of ids (``partners``, ``based_on``...) is
    JSON text, which a foreign key cannot describe; query it with ``json_each``."""
    kind = R.KINDS.get(table)
    if kind is None:
        return {}
    return {
        ref.field: R.KINDS[ref.target].table
        for ref in kind.refs
        if not ref.many and R.KINDS[ref.target].key == ("id",)
    }


PRICES = ("input", "output")
"""The prices a ``pricing`` column (JSON text) also gives as REAL columns beside it,
``pricing_input`` and ``pricing_output`` (USD per 1M tokens), to sort and compare."""


def price_columns(columns: list[str]) -> list[str]:
    """The REAL columns a table with these columns adds (``pricing_input``, ...)."""
    return [f"pricing_{p}" for p in PRICES] if "pricing" in columns else []


def _price(row: dict[str, Any], key: str) -> float | None:
    value = nested(row, f"pricing.{key}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(_number(value)) if isinstance(value, int) else value


def indexed(table: str, columns: list[str]) -> list[str]:
    """The columns of ``table`` an index is made on: every foreign key (the registry's
    single-id references, ``offerings.model``) and the columns the kind names as
    looked up by (``offerings.provider``)."""
    kind = R.KINDS.get(table)
    wanted = [*foreign_keys(table), *(kind.indexed if kind is not None else ())]
    return [c for c in dict.fromkeys(wanted) if c in columns]


def fill(
    conn: sqlite3.Connection,
    cat: Catalog,
    only: set[str] | None = None,
    tables: Tables | None = None,
) -> None:
    """Create and fill every table in ``conn``: an ``id`` primary key where the kind
    has one, a foreign key (``REFERENCES table(id)``) for every single-id reference,
    an index on every foreign key (:func:`indexed`), and the REAL price columns
    beside a ``pricing`` (:func:`price_columns`)."""
    types = column_types(cat)
    for table, (columns, rows) in (tables if tables is not None else table_rows(cat, only)).items():
        kind = R.KINDS.get(table)
        refs = foreign_keys(table)
        prices = price_columns(columns)
        decl = []
        for col in columns:
            aff = types[table].get(col, "")
            pk = " PRIMARY KEY" if col == "id" and kind is not None and kind.key == ("id",) else ""
            decl.append(f"{_quote(col)} {aff}{pk}".rstrip())
        decl.extend(f"{_quote(col)} REAL" for col in prices)
        decl.extend(
            f"FOREIGN KEY ({_quote(col)}) REFERENCES {_quote(target)} ({_quote('id')})"
            for col, target in refs.items()
            if col in columns
        )
        conn.execute(f"CREATE TABLE {_quote(table)} ({', '.join(decl)})")
        marks = ", ".join("?" for _ in (*columns, *prices))
        conn.executemany(
            f"INSERT INTO {_quote(table)} VALUES ({marks})",
            (
                [
                    *(_cell(r.get(c)) for c in columns),
                    *(_price(r, p) for p in PRICES[: len(prices)]),
                ]
                for r in rows
            ),
        )
        for col in indexed(table, columns):
            conn.execute(
                f"CREATE INDEX {_quote(f'{table}_{col}')} ON {_quote(table)} ({_quote(col)})"
            )
    conn.commit()


_READ_ACTIONS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
_REFUSED_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}


def _authorizer(
    action: int, arg1: str | None, arg2: str | None, db: str | None, trigger: str | None
) -> int:
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action in _READ_ACTIONS:
        return sqlite3.SQLITE_OK
    # table-valued functions (json_each, json_tree) declare their schema through
    # an authorised UPDATE of sqlite_master; a real write to it stays impossible
    # (writable_schema is a PRAGMA, refused here, and the connection is query_only)
    if action == sqlite3.SQLITE_UPDATE and arg1 in ("sqlite_master", "sqlite_schema"):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def connect(cat: Catalog, only: set[str] | None = None) -> sqlite3.Connection:
    """The data state's database (every table, built once: :func:`database`), read
    only; without a cache, an in-memory database of the tables ``only`` names."""
    path = database(cat)
    if path is not None:
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
            (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not tables:  # a file cut to nothing is a database without tables
                conn.close()
                raise sqlite3.DatabaseError(f"{path}: no tables")
            return conn
        except sqlite3.DatabaseError:  # damaged: answered from memory (and rebuilt next time)
            _drop(path)
    conn = sqlite3.connect(":memory:")
    fill(conn, cat, only)
    return conn


DATABASE = "genai.db"
DATABASE_KEEP = 3
"""How many data states' databases the cache keeps."""


def _code_key() -> str:
    """What the tables are made by (this module, the registry, the catalog's outputs)."""
    here = os.path.dirname(os.path.abspath(__file__))
    parts = []
    for path in (__file__, R.__file__, os.path.join(here, "catalog.py")):
        try:
            st = os.stat(path)
            parts.append(f"{st.st_size}.{st.st_mtime_ns}")
        except (OSError, TypeError):
            parts.append(str(path))
    return "/".join(parts)


def database(cat: Catalog) -> str | None:
    """The path of the SQLite form of the data state ``cat`` is (the bundled data,
    a user's files and the imported catalogs: its ``key``): every table of
    :func:`fill`, built once into the cache folder (written beside and renamed,
    with the whole key beside it, checked on read) and read by every later query;
    None without a cache folder (or one that cannot be written)."""
    folder = cachefiles.cache_dir()
    if folder is None:
        return None
    key = f"sqlite:{cat.key}:{_code_key()}"
    entry = os.path.join(folder, f"sqlite-{cachefiles.short(key)}")
    path = os.path.join(entry, DATABASE)
    if _built(entry, key):
        return path

    def write(tmp: str) -> None:
        os.makedirs(tmp, exist_ok=True)
        conn = sqlite3.connect(os.path.join(tmp, DATABASE))
        try:
            fill(conn, cat)
        finally:
            conn.close()
        size = os.path.getsize(os.path.join(tmp, DATABASE))
        with open(os.path.join(tmp, "key.json"), "wb") as fh:
            fh.write(cachefiles.entry(key, {"bytes": size}))

    cachefiles.store(folder, os.path.basename(entry), write, DATABASE_KEEP, is_folder=True)
    return path if _built(entry, key) else None


def _built(entry: str, key: str) -> bool:
    """Is the database of ``entry`` there, built for ``key``, as long as it was written?"""
    said = cachefiles.read(os.path.join(entry, "key.json"), key)
    try:
        return said is not None and os.path.getsize(os.path.join(entry, DATABASE)) == said["bytes"]
    except (OSError, KeyError):
        return False


def _drop(path: str) -> None:
    try:
        atomic.remove(os.path.dirname(path))
    except OSError:
        pass


def query(
    cat: Catalog, sql: str, *, timeout: float | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one read-only statement over the data state's tables (:func:`connect`);
    ``(columns, rows)``. Raises :class:`QueryError`."""
    return run_readonly(connect(cat, tables_named(sql)), sql, timeout=timeout)


def where(
    rows: list[dict[str, Any]],
    keys: list[str],
    types: dict[str, str],
    expr: str,
    *,
    numeric: frozenset[str] = frozenset(),
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """The ``rows`` for which the SQLite expression ``expr`` is true (``--where``).

    The rows are a table whose columns are ``keys`` (values as in ``genai sql``:
    lists and objects JSON text, booleans 0/1), seen through a view that also
    names each column by its table header (``Context``, ``Params``; see
    :func:`genai_cli.dataset.registry.field_names`). A key in ``numeric`` whose value
    is an object (a parameter count) is its figure, the number a table sorts by.
    The expression runs in the same sandbox as :func:`query`.
    """
    conn = sqlite3.connect(":memory:")
    paths = _paths(expr, keys, types)  # pricing.input: a column of its own
    for path in paths:
        expr = re.sub(rf"(?<![\w\"'.]){re.escape(path)}\b", _quote(path), expr, flags=re.I)
    keys = [*named_keys(expr, keys), *paths]  # only the columns it can name are filled

    def affinity(key: str) -> str:
        t = types.get(key, "")
        if key in numeric and t == "object":
            return ""  # a figure, or JSON text when it has none: no conversion
        return _AFFINITY.get(t, "TEXT" if t in ("list", "object") else "")

    cols = ", ".join(f"{_quote(k)} {affinity(k)}".rstrip() for k in keys)
    conn.execute(f'CREATE TABLE "_rows" ("_row" INTEGER{", " + cols if cols else ""})')

    def cell(row: dict[str, Any], key: str) -> Any:
        value = nested(row, key)
        if key in numeric and isinstance(value, dict):
            return _cell(sort_value(row, key))
        return _cell(value)

    marks = ", ".join("?" for _ in range(len(keys) + 1))
    conn.executemany(
        f'INSERT INTO "_rows" VALUES ({marks})',
        ([i, *(cell(r, k) for k in keys)] for i, r in enumerate(rows)),
    )
    names = [
        f"{_quote(key)} AS {_quote(name)}"
        for name, key in R.field_names(keys).items()
        if name not in {k.casefold() for k in keys}
    ]
    conn.execute(
        f'CREATE VIEW "rows" AS SELECT *{", " if names else ""}{", ".join(names)} FROM "_rows"'
    )
    conn.commit()
    try:
        _, found = run_readonly(conn, f'SELECT "_row" FROM "rows" WHERE {expr}', timeout=timeout)
    except QueryError as exc:
        if exc.message == "incomplete input":
            raise QueryError("the expression ends too early") from None
        raise
    kept = {r["_row"] for r in found if isinstance(r.get("_row"), int)}
    return [r for i, r in enumerate(rows) if i in kept]


def named_keys(expr: str, keys: list[str]) -> list[str]:
    """The ``keys`` an expression can name (by key, header or label, bare or quoted)."""
    words = _words(expr)
    return list(dict.fromkeys(key for name, key in R.field_names(keys).items() if name in words))


def where_paths(expr: str, keys: list[str], types: dict[str, str]) -> list[str]:
    """The one-level paths into object fields an expression names (``pricing.input``)."""
    return _paths(expr, keys, types)


def _words(expr: str) -> set[str]:
    """Every name an expression may use for a column, casefolded: its bare words and
    what it quotes (``"Open weights"``, ```Context```, ``[Params]``; a string's words
    too, which at worst adds a column no one reads)."""
    found = {w.casefold() for w in re.findall(r"[^\W\d]\w*", expr)}
    for quoted in re.findall(r'"((?:[^"]|"")*)"|`([^`]*)`|\[([^\]]*)\]', expr):
        found.update(q.replace('""', '"').casefold() for q in quoted if q)
    return found


def _paths(expr: str, keys: list[str], types: dict[str, str]) -> list[str]:
    """The one-level paths into object fields an expression names (``pricing.input``,
    any case), each once."""
    objects = {k.casefold(): k for k in keys if types.get(k) == "object"}
    found = []
    for parent, sub in re.findall(r"(?<![\w\"'.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b", expr):
        key = objects.get(parent.casefold())
        if key is not None:
            found.append(f"{key}.{sub.lower()}")
    return list(dict.fromkeys(found))


MAX_LENGTH = 16 * 2**20
"""The longest string or BLOB a query may make or read (16 MiB; every table of
the real catalogs together is less)."""
MAX_MEMORY = 128 * 2**20
"""What SQLite may hold in memory (128 MiB, the process's whole SQLite heap:
the in-memory tables, the page cache, sorts and temporary tables)."""
MAX_VALUES = 250_000
"""The most values (rows × columns) a result may hold: every table of the real
catalogs is less (``offerings``: about 204,000; ``claims`` 160,000; ``models``
111,000); 800,000 take 8 s and 690 MB to print as YAML."""
MAX_RESULT = 32 * 2**20
"""The most a result may hold, counted as its texts' length plus 16 bytes a value
(the largest table, ``models``, is about 12.6 MB)."""

LIMITS = {
    "SQLITE_LIMIT_LENGTH": MAX_LENGTH,
    "SQLITE_LIMIT_SQL_LENGTH": 100_000,
    "SQLITE_LIMIT_COLUMN": 256,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 50,
    "SQLITE_LIMIT_VDBE_OP": 100_000,
    "SQLITE_LIMIT_FUNCTION_ARG": 100,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 1_000,
    "SQLITE_LIMIT_VARIABLE_NUMBER": 100,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 1,
    "SQLITE_LIMIT_WORKER_THREADS": 0,
}
"""``sqlite3.Connection.setlimit`` caps on the user's statement: a value's length
(:data:`MAX_LENGTH`), the statement's length (100,000 bytes), the columns of a
result (256; the widest table has 45), an expression's depth (100), the terms of a
compound SELECT (50), the instructions of its program (100,000; a query of every
column of the widest table needs a few hundred), a function's arguments (100),
no attached database, a LIKE or GLOB pattern of 1,000 bytes at most."""

PRAGMAS = (
    "query_only = 1",
    "trusted_schema = 0",
    "temp_store = MEMORY",  # sorts and temporary tables within MAX_MEMORY, not on disk
    f"hard_heap_limit = {MAX_MEMORY}",  # process-wide; a PRAGMA only ever lowers it
)
PROGRESS_STEPS = 1_000
"""How many SQLite VM steps between two calls of the progress handler (which
stops the query on Ctrl-C or past its time limit): about 1 µs each, no slower
than without one on the real tables (10_000 was the same; 100 cost 12 % on a
recursive count)."""


def _box(conn: sqlite3.Connection) -> None:
    """Put ``conn`` in the box the user's statement runs in (:data:`PRAGMAS`,
    :data:`LIMITS`, defensive mode where Python has ``setconfig``, the authorizer)."""
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}").fetchall()
    for name, value in LIMITS.items():
        category = getattr(sqlite3, name, None)
        if isinstance(category, int):
            conn.setlimit(category, value)
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", 1010), True)
        setconfig(getattr(sqlite3, "SQLITE_DBCONFIG_TRUSTED_SCHEMA", 1017), False)
    conn.set_authorizer(_authorizer)


def time_limit() -> float:
    """The seconds a query may run: ``GENAI_SQL_TIMEOUT``, else 5."""
    try:
        timeout = float(os.environ.get("GENAI_SQL_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    if not timeout >= 0:  # negative, or not a number
        return DEFAULT_TIMEOUT
    return min(timeout, threading.TIMEOUT_MAX / 4)


def unique_columns(columns: list[str]) -> list[str]:
    """The result's column names, a repeated one suffixed (``a, a`` -> ``a, a_2``,
    skipping a suffix another column already has), as sqlite-utils does."""
    taken = set(columns)
    seen: set[str] = set()
    out = []
    for name in columns:
        if name in seen:
            n = 2
            while f"{name}_{n}" in taken or f"{name}_{n}" in seen:
                n += 1
            name = f"{name}_{n}"
        seen.add(name)
        out.append(name)
    return out


def _size(row: tuple[Any, ...]) -> int:
    """What a row counts against :data:`MAX_RESULT`."""
    return sum(len(v) + 16 if isinstance(v, (str, bytes)) else 16 for v in row)


def _stopped(reason: str) -> QueryError:
    return QueryError(f"query stopped: {reason}")


def run_readonly(
    conn: sqlite3.Connection, sql: str, *, timeout: float | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one statement on ``conn`` in the box (:func:`_box`: reading only, the
    :data:`LIMITS`, :data:`MAX_MEMORY`), stopped after ``timeout`` seconds
    (``GENAI_SQL_TIMEOUT``) or on Ctrl-C; at most :data:`MAX_VALUES` values and
    :data:`MAX_RESULT` bytes. Closes ``conn``. The columns a result repeats are
    suffixed (:func:`unique_columns`).

    The time limit holds for any query: a watchdog thread interrupts SQLite at
    the limit (and the progress handler stops it there too), which stops a query
    between two steps of its program; one step of a quadratic function (``instr``
    or ``replace`` of one long string in another) does not stop for either, so
    when the program owns the process (:data:`genai_cli.core.errors.ABORT`) it
    ends it a quarter of the limit later (0.1 s to 1 s), saying so, exit 1."""
    if timeout is None:
        timeout = time_limit()
    stop = f"query stopped after {timeout:g} s (GENAI_SQL_TIMEOUT)"
    _box(conn)
    lock = threading.Lock()
    done = threading.Event()
    stopped = False
    interrupted = False

    def watch() -> None:
        nonlocal stopped
        if done.wait(timeout):
            return
        with lock:
            if done.is_set():
                return
            stopped = True
            conn.interrupt()
        if done.wait(min(max(timeout / 4, 0.1), 1.0)):
            return
        abort = errors.ABORT
        if abort is not None:
            abort(QueryError(stop))

    def progress() -> int:
        nonlocal stopped
        if not stopped and time.monotonic() > deadline:
            stopped = True
        return int(interrupted or stopped)

    def on_interrupt(signum: int, frame: object) -> None:
        # an exception raised inside the progress handler would be swallowed
        # by sqlite3; note Ctrl-C and let the handler stop the query instead
        nonlocal interrupted
        interrupted = True

    try:
        previous = signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not the main thread
        previous = None
    deadline = time.monotonic() + timeout
    conn.set_progress_handler(progress, PROGRESS_STEPS)
    watcher = threading.Thread(target=watch, name="genai-sql-watchdog", daemon=True)
    watcher.start()
    try:
        cur = conn.execute(sql)
        columns = unique_columns([d[0] for d in cur.description or []])
        rows: list[dict[str, Any]] = []
        size = 0
        most = MAX_VALUES // max(len(columns), 1)
        for row in cur:
            size += _size(row)
            if size > MAX_RESULT or len(rows) >= most:
                what = (
                    f"{MAX_RESULT // 2**20} MiB"
                    if size > MAX_RESULT
                    else f"{MAX_VALUES:,} values (rows × columns)"
                )
                raise _stopped(f"the result is over {what}; add a LIMIT or select fewer columns")
            rows.append(dict(zip(columns, row, strict=True)))
    except sqlite3.DataError as exc:
        if stopped:
            raise QueryError(stop) from None
        if "too big" in str(exc):
            raise _stopped(
                f"a string or BLOB over {MAX_LENGTH // 2**20} MiB (the limit on one value)"
            ) from None
        if "too large" in str(exc):
            raise QueryError(
                f"the statement is over {LIMITS['SQLITE_LIMIT_SQL_LENGTH']:,} bytes"
            ) from None
        raise QueryError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        if stopped:
            raise QueryError(stop) from None
        msg = str(exc)
        if "not authorized" in msg or "prohibited" in msg:
            raise QueryError(
                "refused: only read-only queries are allowed "
                "(writes, ATTACH, PRAGMA and extensions are refused)"
            ) from None
        raise QueryError(msg) from None
    except MemoryError:  # SQLite's heap limit (or the program's instruction limit)
        if stopped:
            raise QueryError(stop) from None
        raise _stopped(
            f"it needs more than {MAX_MEMORY // 2**20} MiB of memory, or more than "
            f"{LIMITS['SQLITE_LIMIT_VDBE_OP']:,} instructions"
        ) from None
    except (sqlite3.Warning, sqlite3.ProgrammingError, ValueError, OverflowError) as exc:
        raise QueryError(str(exc)) from None
    finally:
        with lock:
            done.set()
            conn.close()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if interrupted:
            raise KeyboardInterrupt
    return columns, rows
