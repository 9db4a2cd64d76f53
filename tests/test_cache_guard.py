"""Caches that cannot lie: an imported catalog edited in place (same size, same
modification time, same inode) is read again, not answered from the cache; a
cache entry is checked against the length and CRC-32 it was written with, and one
that is not what was written is made again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_FILES, run_fast


def _show(folder: Path, model: str) -> dict[str, object]:
    r = run_fast("--data-dir", str(folder), "models", "show", model, "--json")
    assert r.exit_code == 0, r.stderr
    page = json.loads(r.stdout)
    assert isinstance(page, dict)
    return page


def test_a_catalog_edited_in_place_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    r = run_fast("--data-dir", str(folder), "import", "litellm", str(FIXTURE_FILES["litellm"]))
    assert r.exit_code == 0, r.stderr
    before = _show(folder, "gpt-4o")
    assert _show(folder, "gpt-4o") == before  # now from the cached join and what it derives
    prices = {o["key"]: o["pricing"] for o in before["offerings"]}  # type: ignore[union-attr]
    assert prices
    target = folder / "catalogs" / "litellm.json"
    raw = target.read_bytes()
    old = b'"input":2.5,'
    assert raw.count(old) >= 1
    st = os.stat(target)
    with open(target, "r+b") as fh:  # in place: the same inode, the same size
        fh.write(raw.replace(old, b'"input":9.5,'))
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same mtime
    after_st = os.stat(target)
    assert (after_st.st_size, after_st.st_mtime_ns, after_st.st_ino) == (
        st.st_size,
        st.st_mtime_ns,
        st.st_ino,
    )
    after = _show(folder, "gpt-4o")
    now = {o["key"]: o["pricing"] for o in after["offerings"]}  # type: ignore[union-attr]
    assert now != prices and any(p and p.get("input") == 9.5 for p in now.values())
    listed = json.loads(run_fast("--data-dir", str(folder), "offerings", "gpt-4o", "--json").stdout)
    assert {o["key"]: o["pricing"] for o in listed} == now  # one answer, not two


def test_a_cache_entry_that_is_not_what_was_written_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENAI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    (folder / "models").mkdir(parents=True)
    (folder / "models" / "mine.yaml").write_text(
        "- id: my-model\n  name: My Model\n  vendor: openai\n  context_window: 4096\n"
        "  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    assert _show(folder, "my-model")["context_window"] == 4096
    (entry,) = (tmp_path / "cache").glob("userdata-*.json")
    forged = entry.read_bytes().replace(b"4096", b"9999")  # a well-formed, forged entry
    assert forged != entry.read_bytes()
    entry.write_bytes(forged)
    assert _show(folder, "my-model")["context_window"] == 4096
    entry.write_bytes(entry.read_bytes()[:-7])  # cut short
    assert _show(folder, "my-model")["context_window"] == 4096
    # the SQLite form of a data state: a database of another length is built again
    query = ["--data-dir", str(folder), "sql", "select context_window from models", "--json"]
    query[3] += " where id = 'my-model'"
    assert json.loads(run_fast(*query).stdout) == [{"context_window": 4096}]
    (db,) = (tmp_path / "cache").glob("sqlite-*/genai.db")
    with open(db, "ab") as fh:
        fh.write(b"\0" * 4096)
    r = run_fast(*query)
    assert r.exit_code == 0 and json.loads(r.stdout) == [{"context_window": 4096}]
    shutil.rmtree(tmp_path / "cache")
