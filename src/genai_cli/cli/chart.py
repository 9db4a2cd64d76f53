"""``genai chart``: charts in the terminal."""

from __future__ import annotations

import typer

from ._opts import BenchmarkId, VendorsOpt, runs

app = typer.Typer(
    help="Charts in the terminal (plain characters when piped or NO_COLOR).", no_args_is_help=True
)


@app.command("params")
@runs("chart params")
def params(ctx: typer.Context, vendor: VendorsOpt = None) -> None:
    """Parameter counts over time, on a log scale, each point labelled.

    [bold]Examples[/bold]

      genai chart params
      genai chart params --vendor google --vendor openai
    """


@app.command("context")
@runs("chart context")
def context(ctx: typer.Context, vendor: VendorsOpt = None) -> None:
    """Context windows as bars (log scale).

    [bold]Examples[/bold]

      genai chart context
    """


@app.command("timeline")
@runs("chart timeline")
def timeline(ctx: typer.Context, vendor: VendorsOpt = None) -> None:
    """Events per year as bars.

    [bold]Examples[/bold]

      genai chart timeline
      genai chart timeline --vendor openai
    """


@app.command("benchmark")
@runs("chart benchmark")
def benchmark(
    ctx: typer.Context,
    id: BenchmarkId,
) -> None:
    """A benchmark's scores as bars, each with its setting.

    [bold]Examples[/bold]

      genai chart benchmark mmlu
      genai chart benchmark gsm8k
    """
