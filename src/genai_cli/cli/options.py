"""Options shared by the commands, declared once (the sqlite-utils way), and the
decorator that declares a command and binds its handler."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

import typer

from ..answers.catalog import bundled
from ..dataset.registry import KINDS
from . import completion as complete
from . import runner

if typing.TYPE_CHECKING:
    pass

Format = Literal["table", "json", "jsonl", "csv", "yaml", "markdown"]

FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format", "-f", help="Output format.", rich_help_panel="Output", case_sensitive=False
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Shorthand for --format json.", rich_help_panel="Output")
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        help="Fields (keys or table headers, any case) to keep, in this order; "
        "genai fields KIND lists them.",
        rich_help_panel="Output",
        autocompletion=complete.fields,
    ),
]
SortOpt = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="KEY",
        help="Sort by this field (-KEY: descending).",
        rich_help_panel="Output",
        autocompletion=complete.sort_keys,
    ),
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


WhereOpt = Annotated[
    str | None,
    typer.Option(
        "--where",
        metavar="EXPR",
        help="Only records for which this SQLite expression over their fields is true, "
        'e.g. "context_window > 100000 and open_weights".',
        rich_help_panel="Output",
    ),
]
NoHeadersOpt = Annotated[
    bool,
    typer.Option(
        "--no-headers", help="Tables and CSV without the header row.", rich_help_panel="Output"
    ),
]
DataDirOpt = Annotated[
    str | None,
    typer.Option(
        "--data-dir",
        metavar="DIR",
        help="Your data folder (as before the command).",
        rich_help_panel="Data",
    ),
]
BundledOnlyOpt = Annotated[
    bool,
    typer.Option(
        "--bundled-only",
        help="Answer from the bundled dataset alone (as before the command).",
        rich_help_panel="Data",
    ),
]

SHOW_OUTPUT: list[tuple[str, Any, Any]] = [("format", FormatOpt, "table"), ("json", JsonOpt, False)]
LIST_OUTPUT: list[tuple[str, Any, Any]] = [
    *SHOW_OUTPUT,
    ("fields", FieldsOpt, None),
    ("sort", SortOpt, None),
    ("desc", DescOpt, False),
    ("limit", LimitOpt, None),
    ("where", WhereOpt, None),
    ("no_headers", NoHeadersOpt, False),
]
COMMON: list[tuple[str, Any, Any]] = [
    ("data_dir", DataDirOpt, None),
    ("bundled_only", BundledOnlyOpt, False),
]
"""On every command: the root's data options may also come after the command."""

HANDLER = "__genai_handler__"
"""The attribute of a declared command that names its handler (``module:function``);
the spec generator copies it into the spec, so both paths call the same function."""


def command(
    group: typer.Typer,
    name: str,
    handler: str,
    output: Literal["list", "show"] | None = None,
    panel: str | None = None,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare the command ``name`` of ``group``, once.

    Its parameters and help come from the decorated function (which has no
    body); ``output`` adds the shared output options (sqlite-utils style);
    ``handler`` (``module:function``, a function of :mod:`genai_cli.commands`)
    is what runs it, through :func:`genai_cli.cli.runner.run`, on either entry
    path.
    """
    extra = [*{"list": LIST_OUTPUT, "show": SHOW_OUTPUT, None: []}[output], *COMMON]
    target = f"genai_cli.commands.{handler}"

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
            kwargs = {k: v for k, v in kwargs.items() if k != "ctx"}
            root = dict(ctx.find_root().obj or {})
            for name in ("data_dir", "bundled_only"):  # given after the command: as before it
                value = kwargs.pop(name, None)
                if _given(ctx, name):
                    root[name] = value
                    root.setdefault("sources", {})[name] = "--" + name.replace("_", "-")
            code = runner.run(_path(ctx), target, kwargs, root)
            if code:
                raise typer.Exit(code)

        functools.update_wrapper(command_, declared)
        del command_.__wrapped__  # type: ignore[attr-defined]
        command_.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command_.__annotations__ = {p.name: p.annotation for p in params}
        setattr(command_, HANDLER, target)
        group.command(name, rich_help_panel=panel)(command_)
        return command_

    return decorate


def choice_option(flag: str, metavar: str, kind: str, field: str, help: str) -> Any:
    """A filter on the closed set of values of ``kind``'s ``field``: its help
    (``{}`` in ``help``) names the values and completion offers them, both from
    the schema."""
    return typer.Option(
        flag,
        metavar=metavar,
        help=help.format(one_of(kind, field)),
        autocompletion=complete.choices_of(kind, field),
    )


def one_of(kind: str, field: str) -> str:
    """The closed set of values of a kind's field, for help: ``nlp, cv or multimodal``."""
    return or_list(bundled().shapes[KINDS[kind].schema]["choices"][field])


def or_list(values: Sequence[str]) -> str:
    """``a, b or c``."""
    return ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else values[0]


def _given(ctx: typer.Context, name: str) -> bool:
    """Was parameter ``name`` on the command line (not a default or a variable)?"""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def _path(ctx: typer.Context) -> str:
    """The command path as typed, without the program: ``models list``."""
    names: list[str] = []
    node: Any = ctx
    while node is not None and node.parent is not None:
        names.append(node.info_name or "")
        node = node.parent
    return " ".join(reversed(names))
