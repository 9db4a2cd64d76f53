"""``genai benchmarks``."""

from __future__ import annotations

from typing import Annotated

import typer

from ._opts import BenchmarkId, LimitOpt, runs

app = typer.Typer(help="Benchmarks and their leaderboards.", no_args_is_help=True)


@app.command("list")
@runs("benchmarks list", output="list")
def list_(
    ctx: typer.Context,
    category: Annotated[
        str | None,
        typer.Option("--category", metavar="TEXT", help="Only benchmarks of this category."),
    ] = None,
) -> None:
    """List benchmarks.

    [bold]Examples[/bold]

      genai benchmarks list
      genai benchmarks list --category math --json
    """


@app.command("show")
@runs("benchmarks show", output="show")
def show(
    ctx: typer.Context,
    id: BenchmarkId,
    limit: LimitOpt = None,
) -> None:
    """Show a benchmark's leaderboard, best first, with each score's setting.

    [bold]Examples[/bold]

      genai benchmarks show mmlu
      genai benchmarks show gsm8k --json | jq '.scores[] | {model, value, setting}'
    """
