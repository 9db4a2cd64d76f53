"""``genai vendors``."""

from __future__ import annotations

from typing import Annotated

import typer

from . import complete
from ._opts import runs

app = typer.Typer(help="Vendors: the labs and companies behind the models.", no_args_is_help=True)


@app.command("list")
@runs("vendors list", output="list")
def list_(
    ctx: typer.Context,
) -> None:
    """List vendors, with the Chinese name the report uses.

    [bold]Examples[/bold]

      genai vendors list
      genai vendors list --fields id,name,founded --format csv
    """


@app.command("show")
@runs("vendors show", output="show")
def show(
    ctx: typer.Context,
    id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Vendor id, name or alias (谷歌, Facebook).",
            autocompletion=complete.vendors,
        ),
    ],
) -> None:
    """Show one vendor with its models and events.

    [bold]Examples[/bold]

      genai vendors show openai
      genai vendors show 微软 --json | jq .models
    """
