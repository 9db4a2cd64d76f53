"""The typer app: the one definition of every command and option.

The modules here declare commands and hand their parameters to
:func:`genai_cli.runner.run`; they hold no logic. ``genai_cli.fast`` answers
from a spec generated from this app (``_cli_spec.json``) without importing
typer when the arguments are plain; anything else (help, errors, completion)
comes here.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from . import architectures, benchmarks, chart, data, explore, models, reference, vendors

EPILOG = (
    "[bold]Examples[/bold]\n\n"
    "  genai models list --vendor openai\n\n"
    "  genai compare claude-3-opus gpt-4 --benchmark MMLU\n\n"
    "  genai timeline --since 2023 --json | jq '.[].title'\n\n"
    "Exit codes: 0 ok (also an empty match), 1 not found, 2 usage error, 3 invalid data."
)

app = typer.Typer(
    name="genai",
    help="Facts of the generative-AI landscape, from a curated, sourced dataset "
    "(国元证券 report of 2024-03-29, checked against primary sources).",
    epilog=EPILOG,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"genai {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            envvar="GENAI_DATA_DIR",
            metavar="DIR",
            help="Your own YAML/JSON records, loaded on top of the bundled data.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Print the version.")
    ] = False,
) -> None:
    ctx.obj = {"data_dir": data_dir}


app.add_typer(models.app, name="models")
app.add_typer(vendors.app, name="vendors")
app.add_typer(benchmarks.app, name="benchmarks")
app.command("compare")(explore.compare)
app.command("timeline")(explore.timeline)
app.command("search")(explore.search)
app.add_typer(architectures.app, name="architectures")
app.command("agi-levels")(reference.agi_levels)
app.command("market")(reference.market)
app.command("predictions")(reference.predictions)
app.command("risks")(reference.risks)
app.command("findings")(reference.findings)
app.command("validate")(data.validate)
app.command("sql")(data.sql)
app.command("export")(data.export)
app.command("schema")(data.schema)
app.add_typer(chart.app, name="chart")


def run(argv: list[str] | None = None) -> int:
    """Run the typer app; returns the exit code (never raises SystemExit)."""
    import sys

    try:
        app(args=argv, prog_name="genai", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    return 0
