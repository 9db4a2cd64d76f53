"""``genai agi-levels``, ``genai market``, ``genai predictions``, ``genai risks``,
``genai findings``."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from ._opts import runs


@runs("agi-levels", output="list")
def agi_levels(
    ctx: typer.Context,
) -> None:
    """DeepMind's levels of AGI (0-5), with narrow and general examples.

    [bold]Examples[/bold]

      genai agi-levels
      genai agi-levels --json | jq '.[] | {level, name}'
    """


@runs("market", output="list")
def market(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option("--region", metavar="TEXT", help="China or Global.")
    ] = None,
    status: Annotated[
        Literal["actual", "forecast"] | None,
        typer.Option("--status", help="Only actual or forecast figures."),
    ] = None,
) -> None:
    """AI market size figures: region, year, amount, actual or forecast, CAGR.

    [bold]Examples[/bold]

      genai market
      genai market --region china --json
    """


@runs("predictions", output="list")
def predictions(
    ctx: typer.Context,
) -> None:
    """Predictions of when AGI arrives: who, when said, what, by which year.

    [bold]Examples[/bold]

      genai predictions
      genai predictions --sort target_year --json
    """


@runs("risks", output="list")
def risks(
    ctx: typer.Context,
) -> None:
    """The report's risk list.

    [bold]Examples[/bold]

      genai risks
      genai risks --format markdown
    """


@runs("findings", output="list")
def findings(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Option("--topic", metavar="TEXT", help="Topic contains TEXT (data, scaling laws)."),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", metavar="TEXT", help="Speaker contains TEXT (the report, OpenAI)."
        ),
    ] = None,
    kind: Annotated[
        Literal["thesis", "quote", "claim", "forecast"] | None,
        typer.Option("--kind", help="Only theses, quotes, claims or forecasts."),
    ] = None,
) -> None:
    """The report's theses, quoted statements, claims and forecasts, in report order.

    [bold]Examples[/bold]

      genai findings
      genai findings --topic "video generation" --json
      genai findings --speaker openai --kind quote
    """
