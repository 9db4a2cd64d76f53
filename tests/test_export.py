"""``genai export``: stdout, what an existing target may be, file modes, and the
SQLite export's foreign keys and datasette metadata."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest

from genai_cli.dataset import registry as R

from conftest import ROOT, load_yaml, run_fast, run_typer

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _export(fmt: str, out: Path | str, *extra: str) -> Any:
    return run_fast("export", "-f", fmt, "-o", str(out), *extra)


def _parse(fmt: str, text: str) -> Any:
    return json.loads(text) if fmt == "json" else load_yaml(text)


def _no_temporaries(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


# --------------------------------------------------------------------------- -o -


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_stdout_export_is_the_file_export(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / f"genai.{fmt}"
    assert _export(fmt, out).exit_code == 0
    for runner in (run_fast, run_typer):
        r = runner("export", "-f", fmt, "-o", "-")
        assert r.exit_code == 0 and r.stderr == ""  # nothing but the export, anywhere
        assert r.stdout == out.read_text(encoding="utf-8")  # the same text, byte for byte
    doc = _parse(fmt, out.read_text(encoding="utf-8"))  # and it is the dataset
    assert doc["dataset"]["publisher"] == "国元证券" and len(doc["models"]) >= 60
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no file named -


def test_stdout_export_from_a_real_process_is_byte_for_byte_the_file(tmp_path: Path) -> None:
    out = tmp_path / "genai.json"
    assert _export("json", out).exit_code == 0
    for env in ({}, {"PYTHONIOENCODING": "latin-1"}):
        r = subprocess.run(
            [sys.executable, "-m", "genai_cli", "export", "-f", "json", "-o", "-"],
            capture_output=True,
            env={**os.environ, **env},
            cwd=tmp_path,
        )
        assert r.returncode == 0 and r.stderr == b""
        if env:  # not UTF-8: escaped, the same document
            assert r.stdout.isascii() and json.loads(r.stdout) == json.loads(out.read_bytes())
        else:
            assert r.stdout == out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["genai.json"]


@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_stdout_takes_only_documents(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = _export(fmt, "-")
    assert r.exit_code == 2 and r.stdout == ""
    assert "--out -: stdout takes json or yaml" in r.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/proc/self/fd/1"), reason="no /proc/self/fd")
def test_a_symlink_to_stdout_is_stdout_and_stays_a_symlink(tmp_path: Path) -> None:
    # the bug: `export -o /dev/stdout --force` as root replaced the /dev/stdout
    # symlink with a regular file. The same link, in a folder of the test's own.
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    captured = tmp_path / "captured.json"
    with open(captured, "wb") as fh:
        r = subprocess.run(
            [sys.executable, "-m", "genai_cli", "export", "-f", "json", "-o", str(link), "--force"],
            stdout=fh,
            stderr=subprocess.PIPE,
        )
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert json.loads(captured.read_bytes())["dataset"]["id"]
    _no_temporaries(tmp_path)


# --------------------------------------------------------------------------- existing targets


def test_a_symlink_is_never_replaced_nor_followed(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text("precious")
    link = tmp_path / "link.json"
    link.symlink_to(mine.name)
    dangling = tmp_path / "dangling.db"
    dangling.symlink_to("nowhere.db")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "models.csv").write_text("mine")
    folder_link = tmp_path / "csv"
    folder_link.symlink_to(folder.name)
    for fmt, target in (("json", link), ("sqlite", dangling), ("csv", folder_link)):
        for force in ((), ("--force",)):
            r = _export(fmt, target, *force)
            assert r.exit_code == 1 and f"{target} is a symlink" in r.stderr, r.stderr
            assert target.is_symlink()
    assert mine.read_text() == "precious"
    assert not (tmp_path / "nowhere.db").exists()  # a dangling link is not followed
    assert (folder / "models.csv").read_text() == "mine"
    assert not (tmp_path / "link.metadata.json").exists()
    assert not (tmp_path / "dangling.metadata.json").exists()
    _no_temporaries(tmp_path)


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as fh:
            into.append(fh.read())

    t = threading.Thread(target=read, daemon=True)
    t.start()
    return t


@needs_fifo
@pytest.mark.parametrize("via_link", [False, True])
def test_a_fifo_is_written_through_never_renamed_over(tmp_path: Path, via_link: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if via_link:
        target = tmp_path / "link"
        target.symlink_to(fifo.name)
    file_export = tmp_path / "file.json"
    assert _export("json", file_export).exit_code == 0
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    r = _export("json", target)  # nothing is replaced: no --force needed
    reader.join(10)
    assert r.exit_code == 0, r.stderr
    assert got == [file_export.read_bytes()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert target.is_symlink() == via_link
    _no_temporaries(tmp_path)


@needs_fifo
def test_a_database_goes_into_a_fifo_whole_and_csv_refuses_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    r = _export("sqlite", fifo, "--force")
    reader.join(10)
    assert r.exit_code == 0, r.stderr
    db = tmp_path / "copy.db"
    db.write_bytes(got[0])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM models").fetchone()[0] >= 60
    conn.close()
    assert not (tmp_path / "pipe.metadata.json").exists()  # a stream has no sibling
    r = _export("csv", fifo, "--force")
    assert r.exit_code == 1 and "is a FIFO; csv writes a folder" in r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_dev_null_is_written_into_not_renamed_over(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a rename over /dev/null is refused here before it could happen (the test
    # may run as root), and recorded: the export must not even try
    attempts: list[str] = []
    for name in ("replace", "rename", "link"):
        real = getattr(os, name)

        def guarded(src: Any, dst: Any, *a: Any, _real: Any = real, **k: Any) -> Any:
            if os.path.abspath(dst).startswith("/dev/"):
                attempts.append(str(dst))
                raise PermissionError(1, "refused by the test", str(dst))
            return _real(src, dst, *a, **k)

        monkeypatch.setattr(os, name, guarded)
    for force in ((), ("--force",)):
        r = _export(fmt, "/dev/null", *force)
        assert r.exit_code == 0, r.stderr
    assert attempts == []
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert not os.path.exists("/dev/null.metadata.json")


@pytest.mark.parametrize("fmt", ["json", "yaml", "sqlite"])
def test_a_folder_is_not_a_file(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep")
    for force in ((), ("--force",)):
        r = _export(fmt, folder, *force)
        assert r.exit_code == 1 and f"{folder} is a folder; name a file in it" in r.stderr
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_csv_replaces_only_a_previous_csv_export(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert _export("csv", out).exit_code == 0
    (out / "models.csv").write_text("old")
    assert _export("csv", out).exit_code == 1  # exists
    assert _export("csv", out, "--force").exit_code == 0
    assert (out / "models.csv").read_text().startswith("id,name,vendor")
    (out / "notes.txt").write_text("mine")
    r = _export("csv", out, "--force")
    assert r.exit_code == 1 and "holds files a csv export does not write (notes.txt)" in r.stderr
    assert (out / "notes.txt").read_text() == "mine"
    home = tmp_path / "home"
    (home / "projects").mkdir(parents=True)
    r = _export("csv", home, "--force")  # never a folder of one's own
    assert r.exit_code == 1 and (home / "projects").is_dir()
    file = tmp_path / "genai.csv"
    file.write_text("mine")
    r = _export("csv", file, "--force")
    assert r.exit_code == 1 and "is a file; csv writes a folder" in r.stderr
    assert file.read_text() == "mine"
    _no_temporaries(tmp_path)


def test_the_metadata_file_follows_the_same_rules(tmp_path: Path) -> None:
    db, meta = tmp_path / "genai.db", tmp_path / "genai.metadata.json"
    meta.write_text("mine")
    r = _export("sqlite", db)
    assert r.exit_code == 1 and f"{meta} exists; use --force" in r.stderr
    assert not db.exists() and meta.read_text() == "mine"
    meta.unlink()
    meta.symlink_to("elsewhere.json")
    r = _export("sqlite", db, "--force")
    assert r.exit_code == 1 and "is a symlink" in r.stderr
    assert not db.exists() and meta.is_symlink() and not (tmp_path / "elsewhere.json").exists()
    meta.unlink()
    assert _export("sqlite", db).exit_code == 0
    assert json.loads(meta.read_text())["databases"]["genai"]["tables"]
    _no_temporaries(tmp_path)


@pytest.mark.parametrize(
    ("fmt", "name"), [("json", "genai.json"), ("yaml", "genai.yaml"), ("sqlite", "genai.db")]
)
def test_a_failed_export_leaves_the_previous_files_intact(
    tmp_path: Path, fmt: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import genai_cli.commands.export as export

    target = tmp_path / name
    target.write_text("previous")
    meta = tmp_path / "genai.metadata.json"
    meta.write_text("previous metadata")
    real = export._bytes_writer
    calls: list[int] = []

    def failing(data: bytes) -> Any:
        write = real(data)

        def half(tmp: Path) -> None:
            calls.append(1)
            if len(calls) == (2 if fmt == "sqlite" else 1):  # the last file of the export
                tmp.write_bytes(data[: len(data) // 2])
                raise OSError(28, "No space left on device")
            write(tmp)

        return half

    monkeypatch.setattr(export, "_bytes_writer", failing)
    r = _export(fmt, target, "--force")
    assert r.exit_code == 1 and "No space left on device" in r.stderr
    assert target.read_text() == "previous"
    assert meta.read_text() == "previous metadata"  # the database's partner too
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, meta.name])


# --------------------------------------------------------------------------- modes

_MODES = """
import os, sys
os.umask(int(sys.argv[1], 8))
from genai_cli.cli.main import main
code = 0
for fmt, out in (("json", "a.json"), ("yaml", "b.yaml"), ("sqlite", "c.db"), ("csv", "d")):
    code |= main(["export", "-f", fmt, "-o", out])
sys.exit(code)
"""


@pytest.mark.parametrize(
    ("umask", "file", "folder"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
)
def test_modes_follow_the_umask(tmp_path: Path, umask: int, file: int, folder: int) -> None:
    r = subprocess.run(
        [sys.executable, "-c", _MODES, oct(umask)], cwd=tmp_path, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr

    def mode(p: Path) -> int:
        return stat.S_IMODE(os.lstat(p).st_mode)

    for name in ("a.json", "b.yaml", "c.db", "c.metadata.json"):
        assert mode(tmp_path / name) == file, name
    assert mode(tmp_path / "d") == folder
    assert {mode(p) for p in (tmp_path / "d").iterdir()} == {file}


def test_a_replaced_file_gets_the_umask_mode_too(tmp_path: Path) -> None:
    out = tmp_path / "genai.json"
    out.write_text("old")
    out.chmod(0o600)
    mask = os.umask(0o022)
    try:
        assert _export("json", out, "--force").exit_code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and json.loads(out.read_text())


# --------------------------------------------------------------------------- SQLite: foreign keys


def _db(tmp_path: Path, *root: str) -> sqlite3.Connection:
    out = tmp_path / "genai.db"
    r = run_fast(*root, "export", "-f", "sqlite", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    return sqlite3.connect(out)


def _fks(conn: sqlite3.Connection, table: str) -> set[tuple[str, str, str]]:
    rows = conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
    return {(r[3], r[2], r[4]) for r in rows}  # (column, table, column)


def test_references_are_foreign_keys(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    # the links a reader expects, written out
    assert {("model", "models", "id"), ("benchmark", "benchmarks", "id")} <= _fks(conn, "scores")
    assert ("vendor", "vendors", "id") in _fks(conn, "models")
    assert ("vendor", "vendors", "id") in _fks(conn, "events")
    assert ("parent", "vendors", "id") in _fks(conn, "vendors")
    assert ("model", "models", "id") in _fks(conn, "offerings")
    # and every single-id reference of the registry; a list of ids is JSON text
    for kind in R.KINDS.values():
        want = {(r.field, R.KINDS[r.target].table, "id") for r in kind.refs if not r.many}
        assert _fks(conn, kind.table) == want, kind.name
    assert _fks(conn, "benchmarks") == set()
    # the keys have teeth: a score of a model that does not exist is caught
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("UPDATE scores SET model = 'no-such-model' WHERE rowid = 1")
    assert [r[0] for r in conn.execute("PRAGMA foreign_key_check")] == ["scores"]
    conn.close()


def _user_folder(tmp_path: Path) -> Path:
    """A user's folder: a new vendor (owned by a bundled one), its model, a score."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "vendors.yaml").write_text(
        "- id: acme-labs\n  name: Acme Labs\n  parent: google\n  sources: [{title: example}]\n"
    )
    (folder / "models.yaml").write_text(
        "- id: acme-7\n  name: Acme 7\n  vendor: acme-labs\n  family: gpt-4\n"
        "  sources: [{title: example}]\n"
    )
    (folder / "scores.yaml").write_text(
        "- model: acme-7\n  benchmark: mmlu\n  value: 50\n  reported_by: acme-labs\n"
        "  sources: [{title: example}]\n"
    )
    return folder


def test_foreign_keys_hold_with_your_data_and_imported_catalogs(
    tmp_path: Path, imported_dir: Path
) -> None:
    mine = _user_folder(tmp_path)
    for root in (
        ["--data-dir", str(mine)],
        ["--data-dir", str(ROOT / "examples" / "my-data")],
        ["--data-dir", str(imported_dir)],
    ):
        out = tmp_path / "out"
        out.mkdir(exist_ok=True)
        conn = _db(out, *root)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], root
        if root[1] == str(mine):
            row = conn.execute("SELECT vendor FROM models WHERE id = 'acme-7'").fetchone()
            assert row == ("acme-labs",)
        if root[1] == str(imported_dir):
            assert conn.execute("SELECT count(*) FROM offerings").fetchone()[0] > 0
            assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
        conn.close()
        for p in out.iterdir():
            p.unlink()


def test_sql_has_the_foreign_keys_too() -> None:
    r = run_fast("sql", "SELECT sql FROM sqlite_master WHERE name = 'scores'", "--format", "json")
    assert 'FOREIGN KEY ("model") REFERENCES "models" ("id")' in json.loads(r.stdout)[0]["sql"]


# --------------------------------------------------------------------------- SQLite: metadata


def _metadata(tmp_path: Path, *root: str) -> tuple[Path, dict[str, Any]]:
    db = tmp_path / "genai.db"
    r = run_fast(*root, "export", "-f", "sqlite", "-o", str(db))
    assert r.exit_code == 0, r.stderr
    meta = tmp_path / "genai.metadata.json"
    assert f"wrote {meta}" in r.stderr and "datasette" in r.stderr
    return db, json.loads(meta.read_text(encoding="utf-8"))


def test_the_metadata_describes_the_dataset_and_every_column(tmp_path: Path) -> None:
    db, meta = _metadata(tmp_path)
    # datasette's documented keys (docs.datasette.io/en/stable/metadata.html)
    assert set(meta) <= {
        "title", "description", "description_html", "license", "license_url",
        "source", "source_url", "about", "about_url", "databases",
    }  # fmt: skip
    assert meta["title"].startswith("Generative AI accelerates innovation")
    assert "Guoyuan Securities" in meta["source"] and "2024-03-29" in meta["source"]
    assert meta["source_url"] == "http://www.gyzq.com.cn"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert meta["license"] == project["license"]
    assert meta["license_url"].startswith("https://")
    assert "sell-side research report" in meta["description"]
    assert list(meta["databases"]) == ["genai"]  # datasette names a database by its file's stem
    tables = meta["databases"]["genai"]["tables"]
    conn = sqlite3.connect(db)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(tables) == names
    for table in names:
        assert tables[table]["description"], table
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        assert list(tables[table]["columns"]) == columns, table
        assert all(isinstance(v, str) and v for v in tables[table]["columns"].values())
    conn.close()
    scores = tables["scores"]["columns"]
    assert "references models.id" in scores["model"]
    assert scores["reported_by"].startswith("Reported by: vendor who published the number")
    models = tables["models"]["columns"]
    assert models["partners"].endswith("(a JSON list of vendors ids)")
    assert models["context_window"].startswith("Context window")
    assert "provider's offer of a model" in tables["offerings"]["description"]


def test_the_metadata_names_your_additions(tmp_path: Path, imported_dir: Path) -> None:
    _, meta = _metadata(tmp_path, "--data-dir", str(imported_dir))
    assert "models.dev" in meta["description"] and "litellm" in meta["description"]
    (tmp_path / "b").mkdir()
    run_fast("export", "-f", "sqlite", "-o", str(tmp_path / "b" / "my.data.db"))
    assert list(
        json.loads((tmp_path / "b" / "my.data.metadata.json").read_text())["databases"]
    ) == ["my.data"]


def test_datasette_links_scores_to_models_and_shows_the_licence(tmp_path: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    db, meta = _metadata(tmp_path)

    async def check() -> None:
        ds = datasette_app.Datasette([str(db)], metadata=meta)
        await ds.invoke_startup()
        database = ds.get_database("genai")
        fks = await database.foreign_keys_for_table("scores")
        assert {"column": "model", "other_table": "models", "other_column": "id"} in fks
        assert await database.label_column_for_table("models") == "name"
        r = await ds.client.get("/genai/scores.json?_labels=on&_shape=objects&_size=max")
        assert r.status_code == 200
        rows = {row["id"]: row for row in r.json()["rows"]}
        gpt4 = next(row for key, row in rows.items() if key.startswith("gpt-4/mmlu"))
        assert gpt4["model"] == {"value": "gpt-4", "label": "GPT-4"}
        index = (await ds.client.get("/")).text
        assert "Generative AI accelerates innovation" in index
        assert "MIT" in index and "Guoyuan Securities" in index
        page = (await ds.client.get("/genai/scores")).text
        assert "vendor who published the number" in page

    asyncio.run(check())


def test_a_csv_export_of_an_empty_table_keeps_its_header(tmp_path: Path) -> None:
    # without catalogs, offerings, claims and conflicts have no rows: each file still
    # has the header a spreadsheet (or pandas) needs
    out = tmp_path / "csv"
    r = run_fast("--bundled-only", "export", "-f", "csv", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    for name in ("offerings", "claims", "conflicts"):
        lines = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].split(",")[0], (name, lines)
