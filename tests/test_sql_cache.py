"""The SQLite form of a data state (bundled data, user files, imported catalogs),
built once into the cache and read by genai sql and export -f sqlite: the same
answers as a build from scratch, a new build when the data changes, a damaged
file never trusted."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import run_fast


def _sql(folder: Path, query: str) -> list[dict[str, object]]:
    r = run_fast("--data-dir", str(folder), "sql", query, "--json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert isinstance(rows, list)
    return rows


EXISTS = (
    "SELECT id FROM models m WHERE EXISTS (SELECT 1 FROM offerings o "
    "WHERE o.model = m.id AND o.provider = 'openai') ORDER BY id"
)


def test_built_once_per_data_state_and_read_after(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("GENAI_CACHE_DIR", str(cache))
    folder = tmp_path / "data"
    shutil.copytree(imported_dir, folder)
    offerings = json.loads(run_fast("--data-dir", str(folder), "offerings", "--json").stdout)
    openai = sorted({o["model"] for o in offerings if o["provider"] == "openai"})
    assert [r["id"] for r in _sql(folder, EXISTS)] == openai and openai
    built = list(cache.glob("sqlite-*/genai.db"))
    assert len(built) == 1
    stamp = built[0].stat().st_mtime_ns
    assert _sql(folder, "SELECT count(*) AS n FROM offerings") == [{"n": len(offerings)}]
    assert built[0].stat().st_mtime_ns == stamp, "read, not built again"
    with sqlite3.connect(built[0]) as conn:  # every foreign key indexed, in the file itself
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"offerings_model", "offerings_provider", "claims_model", "conflicts_model"} <= names
    # the same answers as a build from scratch, in memory
    monkeypatch.setenv("GENAI_NO_CACHE", "1")
    assert [r["id"] for r in _sql(folder, EXISTS)] == openai
    monkeypatch.delenv("GENAI_NO_CACHE")
    # a new data state (a user's file): a new database
    before = _sql(folder, "SELECT count(*) AS n FROM models")[0]["n"]
    (folder / "models").mkdir()
    (folder / "models" / "mine.yaml").write_text(
        "- id: my-model\n  name: My Model\n  vendor: openai\n  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    assert _sql(folder, "SELECT count(*) AS n FROM models") == [{"n": before + 1}]
    assert len(list(cache.glob("sqlite-*/genai.db"))) == 2
    # a damaged database: answered all the same, never trusted
    for db in cache.glob("sqlite-*/genai.db"):
        db.write_bytes(db.read_bytes()[:1000])
    assert _sql(folder, "SELECT count(*) AS n FROM models") == [{"n": before + 1}]
    assert [r["id"] for r in _sql(folder, EXISTS)] == openai


def test_export_sqlite_is_the_data_states_database(
    imported_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    counts = {}
    for name, env in (("cached.db", None), ("fresh.db", "1")):
        if env:
            monkeypatch.setenv("GENAI_NO_CACHE", env)
        out = tmp_path / name
        r = run_fast("--data-dir", str(imported_dir), "export", "-f", "sqlite", "-o", str(out))
        assert r.exit_code == 0, r.stderr
        with sqlite3.connect(out) as conn:
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            counts[name] = {
                t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone() for t in tables
            }
        assert f"offerings {counts[name]['offerings'][0]:,}" in r.stderr
    assert counts["cached.db"] == counts["fresh.db"] and counts["cached.db"]["offerings"][0] > 0
