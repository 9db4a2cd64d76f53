"""The start-up path: the modules a query imports, named in one place.

Every command that answers from the catalog (a list, a show page, compare,
search, the reference tables), ``--version``, a usage error and a warm query
over a user's folder or imported catalogs import the modules of
:data:`STARTUP` and nothing heavy: neither typer, click, rich, pydantic nor
yaml, and none of the standard library's costly modules (``typing`` alone is
about 20 ms here, for it imports ``re``). Those modules defer what they need
beyond that inside the function that needs it, each with a reason; every
other module imports at the top as Python code normally does.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import genai_cli

from conftest import FIXTURE_FILES, run_fast

SRC = Path(genai_cli.__file__).resolve().parent

STARTUP = {
    "genai_cli",
    "genai_cli.answers",
    "genai_cli.answers.catalog",
    "genai_cli.answers.load",
    "genai_cli.answers.queries",
    "genai_cli.answers.userdata",
    "genai_cli.catalogs",
    "genai_cli.catalogs.derived",
    "genai_cli.catalogs.spec",
    "genai_cli.catalogs.store",
    "genai_cli.cli",
    "genai_cli.cli.main",
    "genai_cli.cli.parser",
    "genai_cli.cli.runner",
    "genai_cli.commands",
    "genai_cli.commands.architectures",
    "genai_cli.commands.benchmarks",
    "genai_cli.commands.compare",
    "genai_cli.commands.context",
    "genai_cli.commands.corrections",
    "genai_cli.commands.fields",
    "genai_cli.commands.lists",
    "genai_cli.commands.models",
    "genai_cli.commands.reference",
    "genai_cli.commands.scores",
    "genai_cli.commands.search",
    "genai_cli.commands.timeline",
    "genai_cli.commands.vendors",
    "genai_cli.core",
    "genai_cli.core.cachefiles",
    "genai_cli.core.environment",
    "genai_cli.core.errors",
    "genai_cli.core.jsonio",
    "genai_cli.dataset",
    "genai_cli.dataset.files",
    "genai_cli.dataset.parsing",
    "genai_cli.dataset.registry",
    "genai_cli.output",
    "genai_cli.output.cells",
    "genai_cli.output.fit",
    "genai_cli.output.layout",
    "genai_cli.output.pages",
    "genai_cli.output.plain_tables",
    "genai_cli.output.render",
    "genai_cli.output.result",
    "genai_cli.output.terminal",
    "genai_cli.output.text",
}
"""The start-up path: the only modules a query imports (the scenarios below)."""

HEAVY = {"typer", "click", "rich", "pydantic", "pydantic_core", "yaml"}
COSTLY = {"typing", "dataclasses", "pathlib", "inspect"}
"""Standard modules no query imports (each costs milliseconds)."""
REGEX = {"re", "json", "enum"}
"""What the queries the speed bars time do without too (``re`` and what imports it):
a query that parses a setting or a figure imports ``re`` when it does."""
BARS = [
    "models list --vendor openai --json",
    "models list --vendor openai",
    "--version",
    "models show",  # a usage error (one that suggests a value imports difflib, and re)
    "user data, warm",
    "imported catalogs, warm",
]

MAX_DEFERRED = 30

QUERIES = [
    ["models", "list", "--vendor", "openai", "--json"],
    ["models", "list", "--vendor", "openai"],  # a table, piped: laid out without rich
    ["models", "show", "gpt-4", "--json"],
    ["vendors", "list", "-f", "csv"],
    ["vendors", "show", "openai", "-f", "jsonl"],
    ["benchmarks", "show", "mmlu", "-f", "markdown"],
    ["scores", "list", "--model", "gpt-4", "--json"],
    ["compare", "gpt-4", "claude-3-opus", "--format", "csv"],
    ["timeline", "--since", "2023", "--format", "jsonl"],
    ["search", "claude", "--json"],
    ["architectures", "show", "transformer", "--json"],
    ["agi-levels", "--json"],
    ["market", "--json"],
    ["predictions", "--json"],
    ["risks", "--json"],
    ["findings", "--limit", "3"],
    ["corrections", "--json"],
    ["fields", "models"],
    ["--version"],
    ["models", "list", "--format", "xml"],  # usage errors
    ["models", "show"],
    ["modles", "list"],
    ["models", "list", "--limit", "many"],
    ["compare", "gpt-4"],
    ["models", "show", "gtp-4"],  # not found
]

_CHILD = """
import io, os, sys
from contextlib import redirect_stderr, redirect_stdout
from genai_cli.cli.main import main
for case in sys.argv[1:]:
    env, _, args = case.partition("\\x1e")
    r, w = os.pipe()
    if os.fork() == 0:
        os.close(r)
        for pair in filter(None, env.split("\\x1f")):
            k, _, v = pair.partition("=")
            os.environ[k] = v
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            code = main(args.split("\\x1f"))
        os.write(w, (str(code) + " " + " ".join(sorted(sys.modules))).encode())
        os._exit(0)
    os.close(w)
    out = b""
    while chunk := os.read(r, 1 << 16):
        out += chunk
    os.wait()
    print(out.decode())
"""


def imported(cases: list[tuple[list[str], dict[str, str]]]) -> list[tuple[int, set[str]]]:
    """Each case's exit code and the modules it imported, in processes of their own
    (forked from one that has imported nothing but the entry point, so a case
    imports what it would as the ``genai`` program)."""
    args = [
        "\x1f".join(f"{k}={v}" for k, v in env.items()) + "\x1e" + "\x1f".join(argv)
        for argv, env in cases
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, check=True, env=env
    ).stdout
    results = []
    for line in out.splitlines():
        code, _, mods = line.partition(" ")
        results.append((int(code), set(mods.split())))
    assert len(results) == len(cases)
    return results


def _ours(mods: set[str]) -> set[str]:
    return {m for m in mods if m.split(".")[0] == "genai_cli"}


def _costly(mods: set[str]) -> set[str]:
    return {m for m in mods if m.split(".")[0] in HEAVY | COSTLY}


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """What each scenario imports: every query, and warm queries over a user's
    folder and over imported catalogs (each run once first, to fill the cache)."""
    tmp = tmp_path_factory.mktemp("startup")
    cache = {"GENAI_CACHE_DIR": str(tmp / "cache")}
    data = tmp / "data"
    data.mkdir()
    (data / "models.yaml").write_text(
        "- id: acme\n  name: Acme\n  vendor: meta\n  sources: [{title: t}]\n", encoding="utf-8"
    )
    catalogs = tmp / "catalogs"
    assert run_fast("--data-dir", str(catalogs), "import", "litellm", str(FIXTURE_FILES["litellm"]))
    user_query = ["--data-dir", str(data), "models", "list", "--vendor", "meta", "--json"]
    catalog_query = ["--data-dir", str(catalogs), "models", "list", "--vendor", "openai", "--json"]
    cases = [(q, cache) for q in QUERIES]
    cases += [(user_query, cache)] * 2 + [(catalog_query, cache)] * 2
    runs = imported(cases)
    out = {" ".join(q): mods for (q, _), (_, mods) in zip(cases, runs, strict=True)}
    out["user data, a cache miss"], out["user data, warm"] = runs[-4][1], runs[-3][1]
    out["imported catalogs, a cache miss"], out["imported catalogs, warm"] = (
        runs[-2][1],
        runs[-1][1],
    )
    assert [code for code, _ in runs[-4:]] == [0, 0, 0, 0]
    return out


def _warm(scenarios: dict[str, set[str]]) -> dict[str, set[str]]:
    return {k: v for k, v in scenarios.items() if "cache miss" not in k and "--data-dir" not in k}


def test_a_query_imports_nothing_heavy_or_costly(scenarios: dict[str, set[str]]) -> None:
    costly = {name: _costly(mods) for name, mods in _warm(scenarios).items()}
    assert {name: found for name, found in costly.items() if found} == {}
    regex = {name: {m for m in scenarios[name] if m.split(".")[0] in REGEX} for name in BARS}
    assert {name: found for name, found in regex.items() if found} == {}


def test_a_cache_miss_validates_and_joins(scenarios: dict[str, set[str]]) -> None:
    """The other side of the warm runs: the first run did the work they skip."""
    assert {"pydantic", "yaml"} <= scenarios["user data, a cache miss"]
    assert "genai_cli.catalogs.joining" in scenarios["imported catalogs, a cache miss"]


def test_the_startup_path_is_what_queries_import(scenarios: dict[str, set[str]]) -> None:
    seen = set().union(*(_ours(mods) for mods in _warm(scenarios).values()))
    assert seen == STARTUP, {"imported, not listed": seen - STARTUP, "listed": STARTUP - seen}


def test_a_table_in_colour_imports_rich_and_nothing_else_heavy() -> None:
    ((code, mods),) = imported([(["models", "list", "--vendor", "openai"], {"FORCE_COLOR": "1"})])
    assert code == 0 and "rich" in mods
    assert mods & (HEAVY - {"rich"}) == set()


def test_no_usage_error_imports_anything_heavy() -> None:
    """Every usage error the fast path finds (and the runner's own, a bad value)."""
    from test_fast import ERRORS

    lines = [argv for argv, _ in ERRORS] + [["models", "list", "--where", " "]]
    for argv, (code, mods) in zip(lines, imported([(a, {}) for a in lines]), strict=True):
        assert code == 2 and mods & HEAVY == set(), argv


def test_help_goes_to_typer_and_imports_no_handler() -> None:
    """A help page is typer's; the handlers (the export's and schema's import
    pydantic and yaml) are imported by the command that runs them, not for help."""
    for args in (["--help"], ["models", "--help"], ["export", "--help"]):
        ((code, mods),) = imported([(args, {})])
        assert code == 0 and "typer" in mods, args
        assert mods & {"pydantic", "yaml"} == set(), args
        assert {m for m in mods if m.startswith("genai_cli.commands.")} <= {
            "genai_cli.commands.context"
        }, args


# --------------------------------------------------------------------------- the code


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _deferred(path: Path) -> list[tuple[int, bool]]:
    """Each import inside a function: its line, and whether a comment at it, or in
    the run of imports and comments just above it, says ``deferred``."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    found.add(sub.lineno)
    out = []
    for line in sorted(found):
        said = "deferred" in lines[line - 1]
        k = line - 2
        while not said and k >= 0:
            above = lines[k].strip()
            if not above.startswith(("#", "from ", "import ")):
                break
            said = above.startswith("#") and "deferred" in above
            k -= 1
        out.append((line, said))
    return out


def test_imports_inside_functions_are_few_and_each_says_why() -> None:
    everywhere = {name: _deferred(path) for name, path in _modules().items()}
    unexplained = {
        name: [line for line, said in found if not said]
        for name, found in everywhere.items()
        if any(not said for _, said in found)
    }
    assert unexplained == {}
    assert sum(len(found) for found in everywhere.values()) <= MAX_DEFERRED


def test_only_the_startup_path_declares_type_checking_by_hand() -> None:
    """``TYPE_CHECKING = False`` stands in for ``typing`` where importing it would
    cost a query 20 ms; everywhere else, ``typing.TYPE_CHECKING``."""
    by_hand = {
        name
        for name, path in _modules().items()
        if "\nTYPE_CHECKING = False" in path.read_text(encoding="utf-8")
    }
    assert by_hand <= STARTUP, by_hand - STARTUP
