"""``genai vendors``."""

from __future__ import annotations

import typer

from ._opts import VendorId, runs

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
    id: VendorId,
) -> None:
    """Show one vendor with its models and events.

    [bold]Examples[/bold]

      genai vendors show openai
      genai vendors show 微软 --json | jq .models
    """
