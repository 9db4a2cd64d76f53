"""Each catalog reader over its own format's real shape, fuzzed: a fixture excerpt
(tests/fixtures/catalogs) with one value replaced by a hostile one (an integer
past 64 bits or 4,300 digits, a non-finite number, a control character, a lone
surrogate, a wrong type, a very long string). The reader keeps the entry, leaves
the value out, or refuses the file as bad data (exit 3); it never raises anything
else, and what it keeps can be written and holds no control character in an id."""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genai_cli.catalogs import store
from genai_cli.catalogs.readers import read_catalog
from genai_cli.core.errors import GenaiError

from conftest import FIXTURE_FILES

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
HUGE = "1" + "0" * 5000
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE: list[Any] = [
    2**63,
    -(2**63) - 1,
    "__HUGE__",  # written as a number of 5,000 digits
    float("inf"),
    float("-inf"),
    float("nan"),
    "\x1b]0;pwned\x07\x1b[2J",
    "\u202egpt",
    "\ud800",
    "x" * 100_000,
    None,
    True,
    [],
    {"a": {"b": [1, "\x9b"]}},
    -1,
    0,
    "",
]


def _paths(doc: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value (a leaf, a list or an object) in a JSON-like document."""
    out = [at] if at else []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*at, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*at, i))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


def _check(name: str, path: Path) -> None:
    try:
        read = read_catalog(name, str(path))
    except GenaiError as exc:
        assert exc.exit_code == 3, exc.message  # bad data, said as such
        return
    json.loads(store.dumps(read))  # what is kept can be written, and read back
    for value in _leaves(read.entries):  # and is in range: SQLite's integers, finite
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            assert -(2**63) <= value < 2**63, value
        elif isinstance(value, float):
            assert value == value and abs(value) != float("inf"), value
        elif isinstance(value, str):
            value.encode("utf-8")  # no lone surrogate
    for e in read.entries:
        for key in ("key", "id", "provider"):
            assert not CONTROL.search(str(e.get(key) or "")), (key, e.get(key))


def _leaves(doc: Any) -> list[Any]:
    if isinstance(doc, dict):
        return [x for v in doc.values() for x in _leaves(v)]
    if isinstance(doc, list):
        return [x for v in doc for x in _leaves(v)]
    return [doc]


def _json_doc(name: str) -> Any:
    raw = FIXTURE_FILES[name].read_bytes()
    return json.loads(gzip.decompress(raw) if name == "models.dev" else raw)


@pytest.mark.parametrize("name", ["litellm", "models.dev"])
@SETTINGS
@given(seed=st.integers(0, 10**6), value=st.sampled_from(HOSTILE))
def test_json_catalogs_take_any_value(tmp_path: Path, name: str, seed: int, value: Any) -> None:
    doc = _json_doc(name)
    paths = _paths(doc)
    where = random.Random(seed).choice(paths)
    _replace(doc, where, value)
    text = json.dumps(doc, ensure_ascii=True)  # NaN and Infinity as Python writes them
    text = text.replace('"__HUGE__"', HUGE)
    target = tmp_path / ("data.json.gz" if name == "models.dev" else FIXTURE_FILES[name].name)
    data = text.encode("utf-8", "surrogatepass")
    target.write_bytes(gzip.compress(data) if name == "models.dev" else data)
    _check(name, target)


@SETTINGS
@given(seed=st.integers(0, 10**6), value=st.sampled_from(HOSTILE))
def test_helm_takes_any_value(tmp_path: Path, seed: int, value: Any) -> None:
    doc = yaml.safe_load(FIXTURE_FILES["helm"].read_text(encoding="utf-8"))
    where = random.Random(seed).choice(_paths(doc))
    if isinstance(value, str) and "\ud800" in value:
        value = "\\ud800"  # YAML cannot hold a lone surrogate: its escape
    _replace(doc, where, value)
    target = tmp_path / "model_metadata.yaml"
    text = yaml.safe_dump(doc, allow_unicode=False).replace("__HUGE__", HUGE)
    target.write_text(text, encoding="utf-8")
    _check("helm", target)


LITERALS = [
    "9223372036854775808",
    HUGE,
    "Decimal('1e999')",
    "Decimal('NaN')",
    "float('inf')",
    "'\\x1b[2J'",
    "'\\u202e'",
    "None",
    "[]",
    "date(99999, 1, 1)",
]


@SETTINGS
@given(seed=st.integers(0, 10**6), literal=st.sampled_from(LITERALS))
def test_genai_prices_takes_any_literal(tmp_path: Path, seed: int, literal: str) -> None:
    source = FIXTURE_FILES["genai-prices"].read_text(encoding="utf-8")
    spots = [m.span() for m in re.finditer(r"(?<![\w.'])\d+(?:\.\d+)?(?![\w'])", source)]
    start, end = random.Random(seed).choice(spots)
    target = tmp_path / "data.py"
    target.write_text(source[:start] + literal + source[end:], encoding="utf-8")
    _check("genai-prices", target)
