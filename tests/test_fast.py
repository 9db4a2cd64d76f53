"""The fast path: one definition of every option (the typer app), a start-up
that imports no typer, rich, pydantic or yaml for plain JSON queries, and the
same answer as typer for every command line it accepts."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from genai_cli.cli import parser as fast
from genai_cli.cli import runner
from genai_cli.cli.app import app

from conftest import run_fast


def typer_parse(argv: list[str], app: Any = app) -> tuple[str, dict[str, Any], str | None] | None:
    """What typer hands the runner for ``argv`` (None when it does not get that far)."""
    seen: list[tuple[str, dict[str, Any], str | None]] = []

    def capture(command: str, target: str, params: dict[str, Any], root: dict[str, Any]) -> int:
        seen.append((command, params, root.get("data_dir")))
        return 0

    original = runner.run
    runner.run = capture  # type: ignore[assignment]
    try:
        CliRunner().invoke(app, argv, catch_exceptions=False)
    finally:
        runner.run = original  # type: ignore[assignment]
    return seen[0] if seen else None


def fast_parse(argv: list[str]) -> tuple[str, dict[str, Any], str | None] | None:
    """What the fast path runs for ``argv`` (None when it runs no command itself)."""
    parsed = fast.parse(argv)
    if parsed is None or parsed.action != "run":
        return None
    return parsed.command, parsed.params, parsed.root.get("data_dir")


def typer_exit(argv: list[str]) -> tuple[int, str]:
    """Typer's own answer to ``argv`` (through genai's typer path): exit code, stderr."""
    import contextlib
    import io

    from genai_cli.cli.app import run

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = run(argv)
    return code, err.getvalue()


ACCEPTED = [
    ["models", "list"],
    ["models", "list", "--vendor", "openai", "--vendor", "谷歌", "--json"],
    ["models", "list", "--open", "--since", "2023", "--until=2024-02", "-f", "csv", "--limit", "3"],
    [
        "models",
        "list",
        "--closed",
        "--domain",
        "cv",
        "--fields",
        "id,name",
        "--sort",
        "released",
        "--desc",
    ],
    ["--data-dir", "/tmp/x", "models", "show", "gpt-4", "--format", "yaml"],
    ["models", "show", "gpt-4", "--data-dir", "/tmp/x"],  # the root option after the command
    ["compare", "gpt-4", "claude-3-opus", "-b", "mmlu", "--benchmark", "gsm8k"],
    ["compare", "--json", "gpt-4", "claude-3-opus"],
    ["timeline", "--kind", "release", "--model", "gpt-4", "-n", "5"],
    ["search", "--", "--weird"],
    ["sql", "SELECT 1", "--format", "markdown"],
    ["export", "--format", "sqlite", "--out", "x.db", "--force"],
    ["chart", "benchmark", "mmlu"],
    ["validate"],
    ["schema", "model", "-f", "yaml"],
    # case variants that closed sets fold
    ["models", "list", "--domain", "NLP", "-f", "JSON"],
    ["market", "--status", "Forecast"],
]
ERRORS = [
    (["models", "list", "--bogus"], "genai models list: no such option: --bogus"),
    (["models", "list", "--sorts", "x"], "no such option: --sorts; did you mean --sort?"),
    (["models", "list", "--format", "xml"], "--format: invalid choice 'xml'"),
    (["models", "list", "--limit", "many"], "--limit: 'many' is not a whole number"),
    (["models", "list", "--limit"], "option --limit needs a value"),
    (["models", "list", "--json=1"], "option --json does not take a value"),
    (["models", "show"], "genai models show: missing argument ID"),
    (["models", "show", "a", "b"], "unexpected argument 'b'"),
    (["nope"], "genai: no such command 'nope'"),
    (["modles", "list"], "no such command 'modles'; did you mean models?"),
    (["models", "lsit"], "genai models: no such command 'lsit'; did you mean list?"),
    (["export", "--out", "x"], "genai export: missing option --format"),
    # options and commands are case-sensitive in typer too
    (["models", "list", "--JSON"], "no such option: --JSON; did you mean --json?"),
    (["MODELS", "list"], "no such command 'MODELS'; did you mean models?"),
    (["models", "List"], "no such command 'List'; did you mean list?"),
]
HELP = [[], ["--help"], ["-h"], ["models"], ["models", "list", "--help"], ["models", "list", "-h"]]


@pytest.mark.parametrize("argv", ACCEPTED, ids=" ".join)
def test_fast_parse_equals_typer(argv: list[str]) -> None:
    got = fast_parse(argv)
    assert got is not None, "the fast path should answer this itself"
    assert got == typer_parse(argv)


@pytest.mark.parametrize(
    ("argv", "message"), ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_usage_errors_read_the_same_on_both_paths(argv: list[str], message: str) -> None:
    """The fast path finds the error itself; typer finds one too (exit 2), and both print
    the fast path's message, in the one style, with one Try line."""
    parsed = fast.parse(argv)
    assert parsed is not None and parsed.action == "error", parsed
    fast_run = run_fast(*argv)
    assert fast_run.exit_code == 2 and message in fast_run.stderr
    assert fast_run.stderr.count("Try 'genai") == 1 and "╭" not in fast_run.stderr
    code, err = typer_exit(argv)
    assert code == 2 and err == fast_run.stderr
    assert typer_parse(argv) is None  # typer refuses it too


@pytest.mark.parametrize("argv", HELP, ids=lambda a: " ".join(a) or "(none)")
def test_help_lines_show_help_and_exit_0(argv: list[str]) -> None:
    parsed = fast.parse(argv)
    assert parsed is not None and parsed.action == "help"
    r = run_fast(*argv)
    assert r.exit_code == 0 and "Usage: genai" in r.stdout
    assert typer_exit(argv)[0] == 0


def test_version_is_the_fast_paths() -> None:
    parsed = fast.parse(["--version"])
    assert parsed is not None and parsed.action == "version"


def test_a_flag_with_a_callback_goes_to_typer() -> None:
    assert fast.parse(["--install-completion", "models", "list"]) is None
    assert fast.parse(["--show-completion", "models", "list"]) is None


def _lower(value: str | None) -> str | None:
    return value.lower() if value else value


def _callback_app() -> Any:
    """A copy of one command with an option whose callback changes its value."""
    from genai_cli.cli.app import main
    from genai_cli.cli.options import command
    from genai_cli.commands import models

    app = typer.Typer()
    app.callback()(main)  # genai's own root callback (--data-dir, --version)

    sub = typer.Typer()
    app.add_typer(sub, name="models")

    @command(sub, "list", models.list_)
    def models_list(
        ctx: typer.Context,
        sort: Annotated[str | None, typer.Option("--sort", callback=_lower)] = None,
    ) -> None:
        """List."""

    @command(sub, "show", models.show)
    def models_show(ctx: typer.Context, id: str) -> None:
        """Show."""

    return app


def test_a_callback_sends_its_command_to_typer_and_the_spec_says_so() -> None:
    from genai_cli.cli.spec import build_spec

    app = _callback_app()
    s = build_spec(app)
    (why,) = s["commands"]["models list"]["typer_only"]
    assert why.startswith("sort: callback ") and why.endswith(":_lower")
    assert s["commands"]["models show"]["typer_only"] == []
    assert fast.parse(["models", "list", "--sort", "NAME"], s) is None  # typer lower-cases it
    assert fast.parse(["models", "list"], s) is None  # the callback runs on every line
    assert fast.parse(["models", "show", "gpt-4"], s) is not None
    assert s["typer_only"] == []
    other = typer.Typer()
    other.callback()(lambda: None)  # a root callback the fast path does not know
    other.add_typer(typer.Typer(), name="x")
    assert build_spec(other)["typer_only"]
    seen = typer_parse(["models", "list", "--sort", "NAME"], app)
    assert seen is not None and seen[1]["sort"] == "name"


def _tokens() -> st.SearchStrategy[list[str]]:
    spec = fast.spec()
    words: list[str] = [
        "gpt-4",
        "openai",
        "2023",
        "2023-13",
        "5",
        "-1",
        "json",
        "csv",
        "xml",
        "x",
        "",
        "--",
        "-",
        "谷歌",
    ]
    for cmd in spec["commands"]:
        words += cmd.split()
        for p in spec["commands"][cmd]["params"]:
            words += p.get("opts", []) + p.get("secondary", []) + p.get("choices", [])
    words += [o for p in spec["root"] for o in p.get("opts", [])]
    words += ["--help", "-h", "--json=1", "--limit=2", "--format=csv", "--since=2020"]
    commands = [c.split() for c in spec["commands"]]
    return st.tuples(
        st.sampled_from(commands), st.lists(st.sampled_from(sorted(set(words))), max_size=6)
    ).map(lambda t: t[0] + t[1])


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(_tokens())
def test_whatever_the_fast_path_decides_typer_decides_the_same(argv: list[str]) -> None:
    """A line the fast path runs, typer runs alike; one it refuses, typer refuses (exit 2)."""
    parsed = fast.parse(argv)
    if parsed is None:
        return
    if parsed.action == "run":
        assert fast_parse(argv) == typer_parse(argv), argv
    elif parsed.action == "error":
        assert typer_parse(argv) is None, argv
        # typer refuses it too, in the same words (one function renders both)
        assert typer_exit(argv) == (2, run_fast(*argv).stderr), argv
    elif parsed.action == "help":
        assert typer_exit(argv)[0] == 0, argv
