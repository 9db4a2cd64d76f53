"""``genai models``."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from ._opts import (
    ModelId,
    SinceOpt,
    UntilOpt,
    VendorsOpt,
    runs,
)

app = typer.Typer(help="Models: list and filter them, or show one in full.", no_args_is_help=True)


@app.command("list")
@runs("models list", output="list")
def list_(
    ctx: typer.Context,
    vendor: VendorsOpt = None,
    domain: Annotated[
        Literal["nlp", "cv", "multimodal"] | None,
        typer.Option("--domain", help="The report's domain class."),
    ] = None,
    modality: Annotated[
        str | None,
        typer.Option(
            "--modality", metavar="M", help="text, image, video, audio, code, 3d, action, ..."
        ),
    ] = None,
    open: Annotated[
        bool | None,
        typer.Option("--open/--closed", help="Only models with (or without) open weights."),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    search: Annotated[
        str | None,
        typer.Option("--search", metavar="TEXT", help="Match id, name, alias or description."),
    ] = None,
) -> None:
    """List models, oldest release first.

    [bold]Examples[/bold]

      genai models list --vendor openai
      genai models list --vendor 谷歌 --since 2023 --json | jq '.[].id'
      genai models list --open --sort parameters --desc --limit 5
    """


@app.command("show")
@runs("models show", output="show")
def show(
    ctx: typer.Context,
    id: ModelId,
) -> None:
    """Show one model: every field, its scores, events, corrections and sources.

    [bold]Examples[/bold]

      genai models show gpt-4
      genai models show "Claude 3 Opus" --json | jq .parameters
    """
