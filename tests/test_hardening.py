"""Property-based tests: whatever users type and whatever they put in a data
folder, genai answers with exit 0, 1, 2 or 3, a clear message on stderr, and
never a traceback, a hang or a change to the bundled data.

Seeded (``derandomize``) and bounded, so CI runs them the same every time.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from genai_cli import DataError, load_catalog
from genai_cli.cli.main import main, spec
from genai_cli.dataset import parsing as values

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --------------------------------------------------------------------------- value parsers

# argv cannot carry NUL; everything else can arrive
TEXT = st.text(
    st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=60
)
DATEISH = st.from_regex(r"\A-?\d{0,5}(-\d{0,3}){0,3}\Z") | TEXT


@SETTINGS
@given(DATEISH)
@example("2023-13-45")
@example("2024-02-29")
@example("1900-02-29")
@example("0000")
def test_partial_dates_parse_or_fail_cleanly_and_match_the_schema_pattern(text: str) -> None:
    try:
        ok = values.parse_partial_date(text) == text
    except ValueError as exc:
        ok = False
        assert "invalid date" in str(exc)
    assert ok == bool(re.fullmatch(values.DATE_PATTERN, text))


@SETTINGS
@given(st.dates().map(lambda d: d.isoformat()) | st.dates().map(lambda d: d.isoformat()[:7]))
def test_every_real_date_is_valid_and_sorts_as_a_string(text: str) -> None:
    assert values.parse_partial_date(text) == text
    start, end = values.date_bounds(text)
    assert start <= end and start[: len(text)] == text[: len(start)]


@SETTINGS
@given(TEXT | st.from_regex(r"\A(约|远大于|大概)?\d{1,4}(\.\d)?(-\d{1,4})?(亿|万|B|M|K|T)?\Z"))
def test_amounts_parse_or_fail_cleanly(text: str) -> None:
    try:
        q = values.parse_amount(text)
    except ValueError:
        return
    assert q["state"] in ("exact", "range", "lower_bound", "undisclosed")
    if q["min"] is not None and q["max"] is not None:
        assert q["min"] <= q["max"]


@SETTINGS
@given(TEXT | st.from_regex(r"\A(\d{1,2}[- ]shot( CoT)?|Maj1@\d{1,3}|Variable shots)\Z"))
def test_settings_parse_or_fail_cleanly(text: str) -> None:
    try:
        d = values.parse_setting(text)
    except ValueError:
        return
    assert d["label"] and (d["shots"] is None or d["shots"] >= 0)


@SETTINGS
@given(TEXT)
def test_ids_slugs_and_lookup_keys(text: str) -> None:
    slug = values.slugify(text)
    assert slug == "" or re.fullmatch(values.ID_PATTERN, slug)
    try:
        values.check_id(text)
        assert re.fullmatch(values.ID_PATTERN, text)
    except ValueError:
        assert not re.fullmatch(values.ID_PATTERN, text)
    key = values.normalize_key(text)
    assert values.normalize_key(key) == key


# --------------------------------------------------------------------------- the argument surface


def run(argv: list[str]) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - t0


def _argv(tmp: Path) -> st.SearchStrategy[list[str]]:
    s = spec()
    # commands that write files or walk folders get safe paths, not random ones
    commands = [c.split() for c in s["commands"] if c != "export"]
    options = sorted(
        {
            o
            for c in s["commands"].values()
            for p in c["params"]
            for o in p.get("opts", []) + p.get("secondary", [])
        }
        - {"--out", "-o"}
    )
    nasty = [
        "gpt-4", "Claude 3 Opus", "谷歌", "🤖", "x" * 5000, "2023-13-45", "2023", "-1", "0", "999999999999999999999",
        "'; DROP TABLE models; --", "SELECT * FROM models", "[bold]x[/bold]", "%s%s%s", "../../etc/passwd",
        "--", "-", "", " ", "\t", "\u202e", "NaN", "id,name", "id,,", "json", "csv", "markdown",
    ]  # fmt: skip
    token = st.sampled_from(options + nasty) | TEXT
    return st.tuples(st.sampled_from(commands), st.lists(token, max_size=6)).map(
        lambda t: t[0] + t[1]
    )


@settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_arguments_to_any_command(
    data: st.DataObject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GENAI_SQL_TIMEOUT", "1")
    argv = data.draw(_argv(tmp_path))
    assume("--data-dir" not in argv and "validate" not in argv[:1])
    code, out, err, seconds = run(argv)
    assert code in (0, 1, 2, 3), (argv, code, err)
    assert "Traceback" not in err and "Traceback" not in out, argv
    assert "internal error" not in err, (argv, err)
    if code != 0:
        assert err.strip(), argv
    assert seconds < 2.5, argv


@settings(SETTINGS, max_examples=30)  # 5 folders, a few words after them
@given(
    folder=st.sampled_from(
        ["no/such/dir", "README.md", "tests/fixtures/bad-data/not-yaml", "examples/my-data", ""]
    ),
    rest=st.lists(
        st.sampled_from(["models", "list", "show", "gpt-4", "--json", "validate", "timeline"]),
        max_size=3,
    ),
)
def test_data_dir_and_validate_arguments(folder: str, rest: list[str]) -> None:
    with contextlib.chdir(Path(__file__).resolve().parents[1]):
        for argv in (["--data-dir", folder, *rest], ["validate", folder, *rest[:1]]):
            code, _, err, seconds = run(argv)
            assert (
                code in (0, 1, 2, 3) and "Traceback" not in err and "internal error" not in err
            ), (argv, err)
            assert seconds < 2.5


def test_export_paths_are_only_ever_what_the_user_named(tmp_path: Path) -> None:
    for name in ("a.json", "b.yaml", "c", "d.db", "🤖.json", "x" * 200):
        for fmt in ("json", "yaml", "csv", "sqlite"):
            target = tmp_path / f"{fmt}-{name}"
            code, _, err, _ = run(["export", "-f", fmt, "-o", str(target)])
            assert code in (0, 1) and "Traceback" not in err
    assert all(p.name.startswith(("json-", "yaml-", "csv-", "sqlite-")) for p in tmp_path.iterdir())


# --------------------------------------------------------------------------- user data folders

VENDORS = ["openai", "google", "meta", "anthropic", "acme", "", "OpenAI", None]
DATES = ["2023", "2023-07", "2023-03-14", "2023-13", "2023-02-30", "yesterday", 2015, None, 3.5]


def _model() -> st.SearchStrategy[dict[str, Any]]:
    base = st.fixed_dictionaries(
        {
            "id": st.sampled_from(["x1", "x2", "gpt-4", "Bad Id", "", "x1"]) | TEXT,
            "name": st.sampled_from(["X", "GPT4", "", None]) | TEXT,
            "vendor": st.sampled_from(VENDORS),
            "sources": st.sampled_from(
                [[{"title": "t"}], [], [{"ref": "report"}], [{"ref": "nowhere"}], "t", [{}]]
            ),
        },
        optional={
            "released": st.sampled_from(DATES),
            "parameters": st.sampled_from(
                [
                    7_000_000_000,
                    {"min": 1, "max": 2},
                    {"min": 5, "max": 1},
                    {"state": "exact"},
                    "7B",
                    -1,
                    True,
                ]
            ),
            "aliases": st.lists(
                st.sampled_from(["GPT4", "ChatGPT", "mine", "谷歌", ""]), max_size=3
            )
            | TEXT,
            "domain": st.sampled_from(["nlp", "cv", "audio", None, 1]),
            "context_window": st.sampled_from([8192, 0, -5, "8K", None, 1e300]),
            "open_weights": st.sampled_from([True, False, None, "yes"]),
            "colour": st.just("red"),
            "family": st.sampled_from(["claude-3", "nope", None]),
        },
    )
    return base


def _dump(records: Any, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, allow_nan=True).encode()
    return yaml.safe_dump(records, allow_unicode=True).encode()


@SETTINGS
@given(
    records=st.lists(_model(), max_size=5),
    fmt=st.sampled_from(["json", "yaml"]),
    mangle=st.sampled_from([None, "truncate", "garbage", "not-utf8", "tab"]),
    name=st.sampled_from(
        ["models.yaml", "models/a.yaml", "model.json", "widgets.yaml", "scores.yaml"]
    ),
)
def test_random_user_folders_load_or_fail_with_file_and_line(
    tmp_path_factory: pytest.TempPathFactory,
    records: list[dict[str, Any]],
    fmt: str,
    mangle: str | None,
    name: str,
) -> None:
    folder = tmp_path_factory.mktemp("data")
    raw = _dump(records, fmt)
    if mangle == "truncate":
        raw = raw[: len(raw) // 2]
    elif mangle == "garbage":
        raw = raw + b"\n: - ]["
    elif mangle == "not-utf8":
        raw = b"\xff" + raw
    elif mangle == "tab":
        raw = raw.replace(b"  ", b"\t")
    stem = name.rsplit(".", 1)[0]
    path = folder / f"{stem}.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    t0 = time.perf_counter()
    try:
        cat = load_catalog(folder, cache=False)
    except DataError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.file.startswith(str(folder)) and p.message
            assert p.line is None or p.line >= 1
            assert re.match(r"^.+(:\d+)?: .+", str(p))
    else:
        assert len(cat.records("models")) >= len(load_catalog().records("models"))
    assert time.perf_counter() - t0 < 5
    assert (
        load_catalog().get("models", "gpt-4")["vendor"] == "openai"
    )  # the bundled data is untouched


@SETTINGS
@given(blob=st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(
    tmp_path_factory: pytest.TempPathFactory, blob: bytes
) -> None:
    folder = tmp_path_factory.mktemp("blob")
    for name in ("models.yaml", "events.json"):
        (folder / name).write_bytes(blob)
    try:
        load_catalog(folder, cache=False)
    except DataError as exc:
        assert all(str(p) for p in exc.problems)


def test_twins_and_models_agree_on_what_is_valid() -> None:
    """The fast TypedDict twins accept exactly what the pydantic models accept."""
    import pydantic

    from genai_cli.dataset import schema
    from genai_cli.dataset.typeddicts import list_adapter

    @SETTINGS
    @given(_model())
    def check(rec: dict[str, Any]) -> None:
        try:
            schema.Model.model_validate(rec)
            model_ok = True
        except pydantic.ValidationError:
            model_ok = False
        try:
            list_adapter(schema.Model).validate_python([rec])
            twin_ok = True
        except pydantic.ValidationError:
            twin_ok = False
        assert model_ok == twin_ok, rec

    check()
