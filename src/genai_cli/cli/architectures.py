"""``genai architectures``."""

from __future__ import annotations

import typer

from ._opts import ArchitectureId, runs

app = typer.Typer(
    help="The generative-model families of the report (VAE, GAN, diffusion, Transformer, ...).",
    no_args_is_help=True,
)


@app.command("list")
@runs("architectures list", output="list")
def list_(
    ctx: typer.Context,
) -> None:
    """List the generative-model families, oldest first.

    [bold]Examples[/bold]

      genai architectures list
      genai architectures list --fields id,year --json
    """


@app.command("show")
@runs("architectures show", output="show")
def show(
    ctx: typer.Context,
    id: ArchitectureId,
) -> None:
    """Show a family with the models built on it.

    [bold]Examples[/bold]

      genai architectures show diffusion
      genai architectures show dit --json | jq .models
    """
