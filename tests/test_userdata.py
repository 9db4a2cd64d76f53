"""A user's data folder: records on top of the bundled ones, validated the same
way; bad data exits 3 with FILE[:LINE] messages and never half-loads."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from genai_cli import DataError, load_catalog
from genai_cli.dataset.build import data_dir

from conftest import run_fast, run_typer

GOOD_MODEL = """\
- id: acme-1
  name: Acme One
  vendor: openai            # a bundled vendor
  aliases: [ACME1]
  released: "2024-05"
  parameters: 7000000000
  sources:
    - title: Acme launch post
      url: https://example.com/acme-1
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def bundled_fingerprint() -> str:
    h = hashlib.sha256()
    for p in sorted(data_dir().rglob("*")):
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def test_user_records_add_and_replace(tmp_path: Path) -> None:
    write(
        tmp_path,
        "models/acme.yaml",
        GOOD_MODEL
        + "- id: gpt-4\n  name: GPT-4 (my notes)\n  vendor: openai\n  sources: [{title: mine}]\n",
    )
    write(
        tmp_path,
        "scores.json",
        json.dumps(
            [
                {
                    "model": "acme-1",
                    "benchmark": "mmlu",
                    "value": 70.5,
                    "setting": "5-shot",
                    "sources": [{"title": "Acme"}],
                }
            ]
        ),
    )
    cat = load_catalog(tmp_path)
    assert cat.get("models", "ACME1")["parameters"]["min"] == 7_000_000_000
    assert cat.get("models", "gpt-4")["name"] == "GPT-4 (my notes)"
    assert len(cat.records("models")) == len(load_catalog().records("models")) + 1
    assert any(s["model"] == "acme-1" for s in cat.records("scores"))
    r = run_fast("--data-dir", str(tmp_path), "benchmarks", "show", "mmlu", "--json")
    assert r.exit_code == 0 and "acme-1" in {s["model"] for s in json.loads(r.stdout)["scores"]}


def test_env_var_and_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "models.yaml", GOOD_MODEL)
    r = run_typer("models", "show", "acme-1", "--json", env={"GENAI_DATA_DIR": str(tmp_path)})
    assert r.exit_code == 0 and json.loads(r.stdout)["vendor"] == "openai"
    monkeypatch.setenv("GENAI_DATA_DIR", str(tmp_path))
    assert run_fast("models", "show", "acme-1", "--json").exit_code == 0
    assert "plus 1 user file" in run_fast("models", "list").stderr


def test_only_ids_name_vendor_and_sources_are_needed(tmp_path: Path) -> None:
    write(
        tmp_path,
        "models.yaml",
        "- id: tiny\n  name: Tiny\n  vendor: meta\n  sources: [{title: t}]\n",
    )
    m = json.loads(run_fast("--data-dir", str(tmp_path), "models", "show", "tiny", "--json").stdout)
    assert m["parameters"] is None and m["aliases"] == [] and m["pricing"] is None


def test_a_source_may_reference_the_bundled_registry(tmp_path: Path) -> None:
    write(
        tmp_path,
        "models.yaml",
        "- id: tiny\n  name: Tiny\n  vendor: meta\n  sources: [{ref: report, section: mine}]\n",
    )
    m = load_catalog(tmp_path).get("models", "tiny")
    assert m["sources"][0]["title"].startswith("生成式AI")


BAD = [
    ("not YAML", "models.yaml", "- id: x\n  name: [unclosed\n", "models.yaml:3: not valid YAML"),
    ("not JSON", "models.json", '[{"id": "x",\n "name": }]', "models.json:2: not valid JSON"),
    ("not UTF-8", "models.yaml", b"- id: x\n  name: \xff\xfe\n", "models.yaml:2: not UTF-8"),
    (
        "not a list",
        "models.yaml",
        "id: x\nname: X\n",
        "models.yaml:1: expected a list of model records, got a mapping",
    ),
    (
        "not a record",
        "models.yaml",
        "- just a string\n",
        "models.yaml:1: expected a mapping (a record), got a string",
    ),
    (
        "wrong type",
        "scores.yaml",
        "- model: gpt-4\n  benchmark: mmlu\n  value: high\n  sources: [{title: t}]\n",
        "scores.yaml:3: score field 'value': Input should be a valid number",
    ),
    (
        "unknown field",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: meta\n  colour: red\n  sources: [{title: t}]\n",
        "models.yaml:4: model: unknown field 'colour'",
    ),
    (
        "missing field",
        "models.yaml",
        "- id: x\n  name: X\n  sources: [{title: t}]\n",
        "models.yaml:1: model: missing required field 'vendor'",
    ),
    (
        "no sources",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: meta\n  sources: []\n",
        "models.yaml:4: model field 'sources'",
    ),
    (
        "unknown reference",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: acme\n  sources: [{title: t}]\n",
        "models.yaml:3: model 'x': vendor names unknown vendor 'acme'",
    ),
    (
        "unknown model in a score",
        "scores.yaml",
        "- model: gpt-9\n  benchmark: mmlu\n  value: 1\n  sources: [{title: t}]\n",
        "scores.yaml:1: score 'gpt-9/mmlu/default': model names unknown model 'gpt-9'",
    ),
    (
        "unknown source ref",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: meta\n  sources: [{ref: nowhere}]\n",
        "models.yaml:4: unknown source ref 'nowhere'",
    ),
    (
        "bad date",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: meta\n  released: '2023-13-45'\n  sources: [{title: t}]\n",
        "models.yaml:4: model field 'released': invalid date '2023-13-45': month must be 01-12",
    ),
    (
        "bad id",
        "models.yaml",
        "- id: Bad Id\n  name: X\n  vendor: meta\n  sources: [{title: t}]\n",
        "models.yaml:1: model field 'id': invalid id 'Bad Id'",
    ),
    (
        "bad range",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: meta\n  parameters: {min: 9, max: 3}\n  sources: [{title: t}]\n",
        "models.yaml:4: model field 'parameters': a range needs min < max",
    ),
    (
        "NaN",
        "scores.json",
        '[{"model": "gpt-4", "benchmark": "mmlu", "value": NaN, "sources": [{"title": "t"}]}]',
        "scores.json:1: score field 'value'",
    ),
    (
        "duplicate key",
        "models.yaml",
        "- id: x\n  id: y\n  name: X\n  vendor: meta\n  sources: [{title: t}]\n",
        "models.yaml:2: duplicate key 'id' (first on line 1)",
    ),
    (
        "alias collides",
        "models.yaml",
        "- id: x\n  name: X\n  vendor: meta\n  aliases: [GPT4]\n  sources: [{title: t}]\n",
        "models.yaml:4: model 'x': name or alias 'GPT4' is also used by 'gpt-4'",
    ),
    (
        "unknown kind",
        "widgets.yaml",
        "- id: x\n",
        "widgets.yaml: cannot tell what kind of records this file holds",
    ),
    (
        "python tag",
        "models.yaml",
        "- !!python/object/apply:os.system ['touch PWNED']\n",
        "models.yaml:1: refused: YAML tag !!python/object/apply:os.system is not allowed",
    ),
    (
        "local tag",
        "models.yaml",
        "- !custom {id: x}\n",
        "models.yaml:1: refused: YAML tag !custom is not allowed",
    ),
    (
        "recursive alias",
        "models.yaml",
        "- &a\n  id: x\n  self: *a\n",
        "refused: a YAML alias refers to itself",
    ),
    (
        "deep nesting",
        "models.yaml",
        "- " + "[" * 200 + "]" * 200 + "\n",
        "refused: nested deeper than 64 levels",
    ),
]


@pytest.mark.parametrize(("name", "file", "text", "expect"), BAD, ids=[b[0] for b in BAD])
def test_bad_data_exits_3_with_file_and_line(
    tmp_path: Path, name: str, file: str, text: str | bytes, expect: str
) -> None:
    before = bundled_fingerprint()
    write(tmp_path, file, text)
    r = run_fast("--data-dir", str(tmp_path), "models", "list", "--json")
    assert r.exit_code == 3, (r.stdout, r.stderr)
    assert r.stdout == ""  # nothing half-loaded, nothing printed
    assert f"{tmp_path}/{expect}" in r.stderr or expect in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines()[-1].endswith("nothing was loaded")
    assert not (Path.cwd() / "PWNED").exists()
    assert bundled_fingerprint() == before
    with pytest.raises(DataError):
        load_catalog(tmp_path, cache=False)


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    write(tmp_path, "models.yaml", "\n".join(lines) + "\n")
    t0 = time.perf_counter()
    r = run_fast("--data-dir", str(tmp_path), "models", "list")
    assert time.perf_counter() - t0 < 2.0
    assert r.exit_code == 3 and "alias bomb" in r.stderr


def test_every_problem_at_once_and_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(
        tmp_path, "models/a.yaml", "- id: x\n  name: X\n  vendor: meta\n  sources: [{title: t}]\n"
    )
    write(
        tmp_path, "models/b.yaml", "- id: x\n  name: X2\n  vendor: meta\n  sources: [{title: t}]\n"
    )
    write(
        tmp_path,
        "events.yaml",
        "- id: e\n  date: '2023-02-30'\n  kind: release\n  title: E\n  sources: [{title: t}]\n",
    )
    r = run_fast("validate", str(tmp_path))
    assert r.exit_code == 3
    assert (
        f"{tmp_path}/models/b.yaml:1: duplicate model id 'x' (first in {tmp_path}/models/a.yaml:1)"
        in r.stderr
    )
    assert f"{tmp_path}/events.yaml:2: event field 'date': invalid date '2023-02-30'" in r.stderr
    doc = json.loads(run_fast("validate", str(tmp_path), "--json").stdout)
    assert doc["valid"] is False and len(doc["problems"]) == 2
    assert {p["line"] for p in doc["problems"]} == {1, 2}


def test_validate_passes_the_bundled_data_and_a_good_folder(tmp_path: Path) -> None:
    r = run_fast("validate")
    assert r.exit_code == 0 and r.stderr.startswith("ok: bundled data valid")
    write(tmp_path, "models.yaml", GOOD_MODEL)
    r = run_typer("validate", str(tmp_path), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["valid"] is True


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    r = run_fast("--data-dir", str(tmp_path / "nope"), "models", "list")
    assert r.exit_code == 2 and "data folder not found" in r.stderr


def test_cache_is_keyed_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("GENAI_CACHE_DIR", str(cache))
    data = tmp_path / "data"
    f = write(data, "models.yaml", GOOD_MODEL)
    assert run_fast("--data-dir", str(data), "models", "show", "acme-1").exit_code == 0
    entries = list(cache.glob("userdata-*.json"))
    assert len(entries) == 1
    assert run_fast("--data-dir", str(data), "models", "show", "acme-1").exit_code == 0
    assert list(cache.glob("userdata-*.json")) == entries  # a hit, nothing new
    # same size, same mtime, one byte different: still revalidated
    st = os.stat(f)
    f.write_text(GOOD_MODEL.replace('"2024-05"', '"2024-13"'), encoding="utf-8")
    os.utime(f, (st.st_atime, st.st_mtime))
    r = run_fast("--data-dir", str(data), "models", "show", "acme-1")
    assert r.exit_code == 3 and "invalid date '2024-13'" in r.stderr


@pytest.mark.parametrize("setting", ["unwritable", "no-home", "disabled"])
def test_cache_is_optional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    write(tmp_path, "models.yaml", GOOD_MODEL)
    if setting == "unwritable":
        blocker = tmp_path / "file-not-dir"
        blocker.write_text("x")
        monkeypatch.setenv("GENAI_CACHE_DIR", str(blocker / "cache"))
    elif setting == "no-home":
        monkeypatch.delenv("GENAI_CACHE_DIR")
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("GENAI_NO_CACHE", "1")
    r = run_fast("--data-dir", str(tmp_path), "models", "show", "acme-1", "--json")
    assert r.exit_code == 0 and r.stderr == ""


def test_validate_reports_every_problem_in_one_pass(tmp_path: Path) -> None:
    """A record that breaks the schema still has its references checked, and a
    record naming it is not blamed: fixing what one run reports reveals nothing new."""
    folder = tmp_path / "data"
    folder.mkdir()
    models = folder / "models.yaml"
    models.write_text(
        "- id: acme-x\n  name: Acme X\n  vendor: acme\n  released: '2024-13'\n"
        "  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    (folder / "scores.yaml").write_text(
        "- {model: acme-x, benchmark: nobench, value: 1, sources: [{title: t}]}\n",
        encoding="utf-8",
    )
    first = run_fast("validate", str(folder))
    assert first.exit_code == 3
    problems = [line for line in first.stderr.splitlines() if line.startswith(str(folder))]
    assert len(problems) == 3, first.stderr
    assert any("released" in p and "month must be 01-12" in p for p in problems)
    assert any("names unknown vendor 'acme'" in p for p in problems)
    assert any("names unknown benchmark 'nobench'" in p for p in problems)
    assert not any("unknown model 'acme-x'" in p for p in problems)
    models.write_text(models.read_text().replace("'2024-13'", "'2024-12'"), encoding="utf-8")
    second = run_fast("validate", str(folder))
    again = [line for line in second.stderr.splitlines() if line.startswith(str(folder))]
    assert len(again) == 2 and set(again) <= set(problems)
