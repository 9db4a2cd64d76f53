"""The registry of kinds is the one place: every kind and every field it derives
goes through every command that uses it, so a gap is a failing test here, not
an internal error in front of a user."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from genai_cli import load_catalog
from genai_cli.answers import cost
from genai_cli.answers.sql import price_columns
from genai_cli.cli.parser import spec
from genai_cli.dataset import registry as R
from genai_cli.output import text
from genai_cli.output.render import FORMATS

from conftest import load_yaml, run_fast

CAT = load_catalog()
LISTED = [k for k in R.KINDS.values() if k.command]
FIELDS = [(k.name, key) for k in LISTED for key in CAT.keys(k.name)]
DATA: list[str] = []
"""``--data-dir`` with every fixture catalog imported: every kind has records."""


@pytest.fixture(autouse=True)
def _with_imports(imported_dir: Path) -> None:
    DATA[:] = ["--data-dir", str(imported_dir)]


def _ok(*args: str) -> str:
    r = run_fast(*DATA, *args)
    assert r.exit_code == 0, (args, r.stderr)
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    return r.stdout


def test_every_kind_is_complete(imported_dir: Path) -> None:
    cat = load_catalog(imported_dir)
    commands = set(spec()["commands"])
    # a group with a default command lists its kind under the group's name (genai catalogs)
    commands |= {name for name, g in spec()["groups"].items() if g.get("default")}
    for kind in R.KINDS.values():
        assert kind.schema in CAT.shapes, kind
        keys = CAT.keys(kind.name)
        assert len(keys) == len(set(keys)), kind
        assert set(kind.columns) <= set(keys), kind
        assert kind.sort is None or kind.sort in keys, kind
        assert set(kind.search) <= set(keys), kind
        assert set(kind.names) <= set(keys), kind
        for ref in kind.refs:
            assert ref.field in keys and ref.target in R.KINDS, (kind, ref.field)
        for path in (kind.command, kind.show):
            assert path is None or path in commands, (kind, path)
        # derived keys: exactly the keys the registry lists, on every record
        records = cat.records(kind.name)
        assert records, kind  # with the fixture catalogs imported, every kind has records
        for rec in records[:50]:
            assert list(cat.output(kind.name, rec)) == keys, (kind, R.record_id(kind.name, rec))


def test_every_presentation_rule_exists() -> None:
    for f in R.FIELDS.values():
        assert f.cell is None or f.cell in text.CELL_RULES, f
        assert f.page is None or f.page in text.PAGE_RULES, f
    known = {key for k in R.KINDS.values() for key in CAT.keys(k.name)}
    known |= {f for shape in CAT.shapes.values() for f in shape["fields"]}
    known |= set(cost.KEYS)  # the rows of genai cost
    assert set(R.FIELDS) <= known, set(R.FIELDS) - known  # no presentation for a field gone


@pytest.mark.parametrize(("kind", "key"), FIELDS, ids=lambda v: str(v))
def test_every_field_in_fields_and_sort(kind: str, key: str) -> None:
    command = R.KINDS[kind].command
    assert command is not None
    args = command.split()
    rows = json.loads(_ok(*args, "--fields", key, "--json"))
    assert all(list(r) == [key] for r in rows)
    _ok(*args, "--fields", key)  # a table of any field renders
    _ok(*args, "--fields", key, "-f", "markdown")
    json.loads(_ok(*args, "--sort", key, "--json"))
    json.loads(_ok(*args, "--sort", key, "--desc", "--limit", "2", "--json"))


@pytest.mark.parametrize("kind", list(R.KINDS), ids=str)
def test_every_kind_searches(kind: str) -> None:
    hits = json.loads(_ok("search", "a", "--kind", kind, "--json"))
    assert all(h["kind"] == R.KINDS[kind].singular for h in hits)
    _ok("search", "a", "--kind", R.KINDS[kind].singular)  # as a table too


TABLES = [k.table for k in R.KINDS.values()] + [R.SINGLETON]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", TABLES)
def test_every_table_in_every_format(table: str, fmt: str) -> None:
    out = _ok("sql", f"SELECT * FROM {table}", "-f", fmt)
    assert out.strip()
    if fmt == "json":
        rows = json.loads(out)
        keys = CAT.keys(table) if table != R.SINGLETON else list(CAT.manifest())
        assert rows and set(rows[0]) == {*keys, *price_columns(keys)}, table
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(out)))) >= 2
    elif fmt == "yaml":
        load_yaml(out)


def test_sql_shows_lists_as_the_tables_do() -> None:
    """A JSON column reads as the field's own rule, not as the length of its text."""
    out = _ok("sql", "SELECT id, sources FROM models WHERE id = 'gpt-4'")
    n = len(CAT.get("models", "gpt-4")["sources"])
    assert f"{n} sources" in out
    # a column named like a field but holding something else: the plain rule
    out = _ok("sql", "SELECT 'x' AS parameters, 7 AS sources, '[1' AS pricing")
    assert "x" in out and "7" in out and "[1" in out


@pytest.mark.parametrize("kind", [k for k in R.KINDS.values() if k.show], ids=repr)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_show_page(kind: R.Kind, fmt: str) -> None:
    assert kind.show is not None
    for rec in [*CAT.records(kind.name)[:3], *load_catalog(DATA[1]).records(kind.name)[-2:]]:
        out = _ok(*kind.show.split(), rec["id"], "-f", fmt)
        if fmt == "json":
            assert json.loads(out)["id"] == rec["id"]
