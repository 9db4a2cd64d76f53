"""``genai architectures``."""

from __future__ import annotations

from typing import Annotated

import typer

from . import complete
from ._opts import DescOpt, FieldsOpt, FormatOpt, JsonOpt, LimitOpt, SortOpt, dispatch

app = typer.Typer(
    help="The generative-model families of the report (VAE, GAN, diffusion, Transformer, ...).",
    no_args_is_help=True,
)


@app.command("list")
def list_(
    ctx: typer.Context,
    format: FormatOpt = "table",
    json: JsonOpt = False,
    fields: FieldsOpt = None,
    sort: SortOpt = None,
    desc: DescOpt = False,
    limit: LimitOpt = None,
) -> None:
    """List the generative-model families, oldest first.

    [bold]Examples[/bold]

      genai architectures list
      genai architectures list --fields id,year --json
    """
    dispatch(ctx, "architectures list", locals())


@app.command("show")
def show(
    ctx: typer.Context,
    id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Architecture id, name or alias (扩散模型).",
            autocompletion=complete.architectures,
        ),
    ],
    format: FormatOpt = "table",
    json: JsonOpt = False,
) -> None:
    """Show a family with the models built on it.

    [bold]Examples[/bold]

      genai architectures show diffusion
      genai architectures show dit --json | jq .models
    """
    dispatch(ctx, "architectures show", locals())
