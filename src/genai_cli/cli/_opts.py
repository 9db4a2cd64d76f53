"""Options shared by the commands, declared once (the sqlite-utils way)."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
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
ModelId = Annotated[
    str,
    typer.Argument(metavar="ID", help="Model id, name or alias.", autocompletion=complete.models),
]
VendorId = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="Vendor id, name or alias (谷歌, Facebook).",
        autocompletion=complete.vendors,
    ),
]
BenchmarkId = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="Benchmark id, name or alias (BBH).", autocompletion=complete.benchmarks
    ),
]
ArchitectureId = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="Architecture id, name or alias (扩散模型).",
        autocompletion=complete.architectures,
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


SHOW_OUTPUT: list[tuple[str, Any, Any]] = [("format", FormatOpt, "table"), ("json", JsonOpt, False)]
LIST_OUTPUT: list[tuple[str, Any, Any]] = [
    *SHOW_OUTPUT,
    ("fields", FieldsOpt, None),
    ("sort", SortOpt, None),
    ("desc", DescOpt, False),
    ("limit", LimitOpt, None),
]


def runs(
    command: str, output: Literal["list", "show"] | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a command: its parameters and help come from the decorated
    function (which has no body), ``output`` adds the shared output options
    (sqlite-utils style), and calling it hands everything to the runner."""
    extra = {"list": LIST_OUTPUT, "show": SHOW_OUTPUT, None: []}[output]

    def decorate(declared: Callable[..., None]) -> Callable[..., None]:
        hints = typing.get_type_hints(declared, include_extras=True)
        params = [
            p.replace(annotation=hints.get(p.name, p.annotation))
            for p in inspect.signature(declared).parameters.values()
        ]
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        params += [
            inspect.Parameter(name, kind, default=default, annotation=ann)
            for name, ann, default in extra
        ]

        def command_(ctx: typer.Context, **kwargs: Any) -> None:
            dispatch(ctx, command, kwargs)

        functools.update_wrapper(command_, declared)
        del command_.__wrapped__  # type: ignore[attr-defined]
        command_.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command_.__annotations__ = {p.name: p.annotation for p in params}
        return command_

    return decorate
