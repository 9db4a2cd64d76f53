"""SQL that stays in its box (issue 20): the worst queries found stop within twice
the time limit and under 512 MB, caps on what one statement may make and return,
valid JSON (no Infinity), BLOBs and repeated column names kept, and an integer out
of SQLite's range is never an internal error.

The worst queries run the real program in a process of its own (with
``GENAI_SQL_TIMEOUT=1``), its time and peak memory measured (``os.wait4``)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from genai_cli.answers import sql as S

from conftest import run_fast

GENAI = [sys.executable, "-m", "genai_cli"]
LIMIT_S = 1.0
MB = 1024  # ru_maxrss is in KiB on Linux

CTE = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
WORST = {
    # one 16 MB BLOB a row, made in one step of SQLite's program: 28 s before
    # (the progress handler fired every 10,000 steps), now the watchdog's interrupt
    "randomblob a row": f"{CTE} SELECT count(length(randomblob(16000000))) FROM c",
    # one call that SQLite cannot interrupt (instr is quadratic): never ended before
    "instr of long strings": "SELECT instr(replace(hex(zeroblob(8000000)), '0', 'a'), "
    "replace(hex(zeroblob(4000000)), '0', 'a') || 'b')",
    # a sort as big as memory: now within SQLite's heap limit (temp_store MEMORY)
    "a sort of everything": f"{CTE} SELECT count(*) FROM (SELECT randomblob(100) r FROM c ORDER BY r)",
    # one value of 1 GB: 970 MB and 3 s before
    "randomblob of 1 GB": "SELECT length(randomblob(999999999))",
    # printf with a precision of 1e9: 10 s and 970 MB before
    "printf of 1e9 characters": "SELECT length(printf('%.*c', 1e9, 'x'))",
    # a result of 10^8 rows: 5 s and 580 MB before
    "10^8 rows": f"{CTE} SELECT x FROM c LIMIT 100000000",
    # 30 values of 16 MB each: 1.3 GB before
    "rows of 16 MB": "SELECT hex(zeroblob(8000000)) FROM models LIMIT 30",
    # one row of 40 texts of 15 MB, made before a check for the time: SQLite's heap
    # limit (860 MB without it)
    "a row of 600 MB": "SELECT " + ", ".join(["hex(zeroblob(7500000))"] * 40),
}


def measured(args: list[str], env: dict[str, str]) -> tuple[int, str, str, float, int]:
    """Exit code, stdout, stderr, seconds and peak memory (KiB) of ``genai ARGS``
    (killed after 30 s)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*GENAI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > 30:
            proc.kill()
            pytest.fail(f"genai {' '.join(args)[:100]} ran over 30 s")
        time.sleep(0.01)
    seconds = time.perf_counter() - t0
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    return os.waitstatus_to_exitcode(status), out, err, seconds, usage.ru_maxrss


@pytest.mark.parametrize("query", WORST.values(), ids=list(WORST))
def test_the_worst_queries_stop_in_time_and_memory(query: str) -> None:
    env = {**os.environ, "GENAI_SQL_TIMEOUT": str(LIMIT_S)}
    code, out, err, seconds, rss = measured(["sql", "-f", "json", query], env)
    assert code == 1, (code, err)
    assert err.startswith("genai sql: query stopped"), err
    assert "Traceback" not in err and "internal error" not in err and out == ""
    assert seconds < 2 * LIMIT_S, f"{seconds:.2f} s"
    assert rss < 512 * MB, f"{rss // MB} MB"


def test_a_query_under_where_is_boxed_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENAI_SQL_TIMEOUT", str(LIMIT_S))
    r = run_fast("models", "list", "--where", "length(randomblob(999999999)) > 0")
    assert r.exit_code == 1 and "--where: query stopped: a string or BLOB over 16 MiB" in r.stderr
    t0 = time.perf_counter()
    where = "(SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c)) > 0"
    r = run_fast("models", "list", "--where", where)
    assert r.exit_code == 1 and "--where: query stopped after 1 s" in r.stderr, r.stderr
    assert time.perf_counter() - t0 < 2 * LIMIT_S


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT " + " + ".join(["1"] * 150), "Expression tree is too large (maximum depth 100)"),
        (" UNION ".join(["SELECT 1"] * 60), "too many terms in compound SELECT"),
        ("SELECT * FROM models a, models b, models c, models d, models e, models f, models g", "too many columns"),
        ("SELECT '" + "x" * 100_001 + "'", "the statement is over 100,000 bytes"),
        ("SELECT max(" + ",".join(["1"] * 101) + ")", "too many arguments on function max"),
        ("SELECT 'x' LIKE '" + "%x" * 600 + "'", "LIKE or GLOB pattern too complex"),
        (f"{CTE} SELECT {', '.join(['x'] * 10)} FROM c LIMIT 30000", "query stopped: the result is over 250,000 values"),
        (f"{CTE} SELECT printf('%.2000c', 'x') FROM c LIMIT 20000", "query stopped: the result is over 32 MiB"),
        ("SELECT zeroblob(16777217)", "query stopped: a string or BLOB over 16 MiB"),
    ],
)  # fmt: skip
def test_each_limit_says_what_it_is(query: str, message: str) -> None:
    r = run_fast("sql", query)
    assert r.exit_code == 1 and message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr


def test_the_box_is_set_on_the_connection() -> None:
    conn = sqlite3.connect(":memory:")
    S._box(conn)
    assert conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == S.MAX_LENGTH == 16 * 2**20
    assert conn.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED) == 0
    assert all(conn.getlimit(getattr(sqlite3, name)) == value for name, value in S.LIMITS.items())
    conn.set_authorizer(None)
    assert conn.execute("PRAGMA query_only").fetchone() == (1,)
    assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    assert conn.execute("PRAGMA temp_store").fetchone() == (2,)  # MEMORY
    assert 0 < conn.execute("PRAGMA hard_heap_limit").fetchone()[0] <= S.MAX_MEMORY
    conn.close()


def strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def test_json_is_valid_json_infinities_are_null() -> None:
    query = "SELECT 1e999 AS inf, -1e999 AS ninf, 1e999 - 1e999 AS nan, 1.5 AS x"
    r = run_fast("sql", "-f", "json", query)
    assert r.exit_code == 0, r.stderr
    assert strict_json(r.stdout) == [{"inf": None, "ninf": None, "nan": None, "x": 1.5}]
    r = run_fast("sql", "-f", "jsonl", query)
    assert strict_json(r.stdout) == {"inf": None, "ninf": None, "nan": None, "x": 1.5}
    r = run_fast("sql", "-f", "yaml", query)  # YAML has infinities
    assert r.stdout == "- inf: .inf\n  ninf: -.inf\n  nan: null\n  x: 1.5\n"
    r = run_fast("sql", "-f", "csv", query)
    assert r.stdout.splitlines() == ["inf,ninf,nan,x", "inf,-inf,,1.5"]
    # and a string that reads "Infinity" stays one
    r = run_fast("sql", "-f", "json", "SELECT 'Infinity' AS a, 'NaN' AS b")
    assert strict_json(r.stdout) == [{"a": "Infinity", "b": "NaN"}]


def test_blobs_are_base64_objects_as_sqlite_utils_and_datasette_give_them() -> None:
    query = "SELECT x'00ff41' AS b, zeroblob(0) AS e, 'text' AS t"
    r = run_fast("sql", "-f", "json", query)
    assert r.exit_code == 0, r.stderr
    assert strict_json(r.stdout) == [
        {
            "b": {"$base64": True, "encoded": "AP9B"},
            "e": {"$base64": True, "encoded": ""},
            "t": "text",
        }
    ]
    r = run_fast("sql", "-f", "csv", query)
    assert r.stdout.splitlines()[1] == (
        '"{""$base64"":true,""encoded"":""AP9B""}","{""$base64"":true,""encoded"":""""}",text'
    )
    r = run_fast("sql", "-f", "yaml", query)
    assert r.stdout.startswith("- b:\n    $base64: true\n    encoded: AP9B\n")
    r = run_fast("sql", query)
    assert r.stdout.splitlines()[2].split() == [
        "<Binary:",
        "3",
        "bytes>",
        "<Binary:",
        "0",
        "bytes>",
        "text",
    ]


def test_repeated_column_names_are_kept_and_suffixed() -> None:
    query = "SELECT 1 AS a, 2 AS a, 3 AS a_2, 4 AS a"
    r = run_fast("sql", "-f", "json", query)
    assert r.stdout == '[{"a":1,"a_3":2,"a_2":3,"a_4":4}]\n'
    r = run_fast("sql", "-f", "csv", query)
    assert r.stdout.splitlines() == ["a,a_3,a_2,a_4", "1,2,3,4"]
    r = run_fast("sql", "-f", "yaml", query)
    assert r.stdout == "- a: 1\n  a_3: 2\n  a_2: 3\n  a_4: 4\n"
    r = run_fast("sql", query)
    assert r.stdout.splitlines()[0].split() == ["a", "a_3", "a_2", "a_4"]
    assert r.stdout.splitlines()[2].split() == ["1", "2", "3", "4"]
    assert S.unique_columns(["id", "id", "name", "id"]) == ["id", "id_2", "name", "id_3"]


def test_a_big_table_shows_its_first_rows_and_says_so() -> None:
    r = run_fast("sql", f"{CTE} SELECT x, 'y' AS y FROM c LIMIT 10500")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[-2].split() == ["10000", "y"]
    assert lines[-1] == (
        "the first 10,000 of 10,500 rows (a table shows at most 20,000 cells); "
        "-f json, csv or yaml give them all"
    )
    assert "genai sql: the first 10,000 of 10,500 rows" in r.stderr
    r = run_fast("sql", "-f", "csv", f"{CTE} SELECT x, 'y' AS y FROM c LIMIT 10500")
    assert len(r.stdout.splitlines()) == 10501
    r = run_fast("sql", "SELECT printf('%.3000c', 'x') AS long")
    assert r.stdout.splitlines()[2].strip() == "x" * 1_000 + "…" and "is cut (…)" in r.stdout


# --------------------------------------------------------------------------- integers


BIG = [2**63, -(2**63) - 1, 10**20, 10**400, 10**5000]


def test_an_integer_out_of_range_is_a_real_in_the_tables() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (n INTEGER, j TEXT)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?)", [(S._cell(n), S._cell({"n": [n]})) for n in BIG]
    )
    got = conn.execute("SELECT n, typeof(n), json_extract(j, '$.n[0]') FROM t").fetchall()
    assert [g[:2] for g in got] == [
        (9.223372036854776e18, "real"),
        (-9.223372036854776e18, "real"),
        (1e20, "real"),
        (float("inf"), "real"),
        (float("inf"), "real"),
    ]
    # JSON text holds the digits, which SQLite reads as it reads a literal; one past
    # what Python writes (4,300 digits) is null
    assert [g[2] for g in got] == [*(g[0] for g in got[:4]), None]
    assert S._cell(2**63 - 1) == 2**63 - 1 and S._cell(-(2**63)) == -(2**63)
    conn.close()


def test_where_with_an_integer_out_of_range() -> None:
    rows = [{"id": "a", "n": 10**20}, {"id": "b", "n": 5}, {"id": "c", "n": -(2**64)}]
    kept = S.where(rows, ["id", "n"], {"id": "str", "n": "int"}, "n > 100")
    assert [r["id"] for r in kept] == ["a"]
    rows[2]["n"] = {"value": 2**70}
    kept = S.where(
        rows, ["id", "n"], {"id": "str", "n": "object"}, "n > 100", numeric=frozenset({"n"})
    )
    assert [r["id"] for r in kept] == ["a", "c"]


def test_sql_where_and_export_with_an_integer_out_of_range(tmp_path: Path) -> None:
    """Refused at load (exit 3) where validation knows the limit, else a REAL: never
    an internal error."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "models.yaml").write_text(
        "- id: bigmodel\n  name: Big Model\n  vendor: openai\n"
        "  context_window: 99999999999999999999\n  sources: [{ref: report}]\n"
    )
    runs = {
        "sql": run_fast(
            "--data-dir", str(data), "sql", "-f", "json",
            "SELECT context_window FROM models WHERE id = 'bigmodel'",
        ),
        "where": run_fast(
            "--data-dir", str(data), "models", "list", "-f", "json", "--fields", "id",
            "--where", "context_window > 10000000000",
        ),
        "export": run_fast(
            "--data-dir", str(data), "export", "-f", "sqlite", "-o", str(tmp_path / "g.db"),
        ),
    }  # fmt: skip
    for name, r in runs.items():
        assert r.exit_code in (0, 3), (name, r.stderr)
        assert "internal error" not in r.stderr and "Traceback" not in r.stderr, name
    if runs["sql"].exit_code == 0:
        assert strict_json(runs["sql"].stdout) == [{"context_window": 1e20}]
        assert strict_json(runs["where"].stdout) == [{"id": "bigmodel"}]
        conn = sqlite3.connect(tmp_path / "g.db")
        got = conn.execute("SELECT context_window FROM models WHERE id = 'bigmodel'").fetchone()
        assert got == (1e20,)
        conn.close()
