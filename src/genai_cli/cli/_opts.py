"""Options shared by the commands, declared once (the sqlite-utils way)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from . import complete

Format = Literal["table", "json", "jsonl", "csv", "yaml", "markdown"]

FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format.", rich_help_panel="Output"),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Shorthand for --format json.", rich_help_panel="Output")
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        help="Keys (columns) to keep, in this order.",
        rich_help_panel="Output",
    ),
]
SortOpt = Annotated[
    str | None,
    typer.Option("--sort", metavar="KEY", help="Sort by this key.", rich_help_panel="Output"),
]
DescOpt = Annotated[bool, typer.Option("--desc", help="Sort descending.", rich_help_panel="Output")]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", metavar="N", help="Show at most N records.", rich_help_panel="Output"
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="On or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="On or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
]
VendorsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--vendor",
        metavar="ID",
        help="Only this vendor (id, name or alias such as 谷歌); repeatable.",
        autocompletion=complete.vendors,
    ),
]


def dispatch(ctx: typer.Context, command: str, params: dict[str, Any]) -> None:
    """Hand the parsed parameters to the runner (the same one the fast path uses)."""
    from ..runner import run

    params = {k: v for k, v in params.items() if k != "ctx"}
    data_dir = (ctx.obj or {}).get("data_dir")
    code = run(command, params, data_dir=data_dir)
    if code:
        raise typer.Exit(code)
