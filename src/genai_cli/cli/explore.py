"""``genai compare``, ``genai timeline``, ``genai search``."""

from __future__ import annotations

from typing import Annotated

import typer

from . import complete
from ._opts import (
    SinceOpt,
    UntilOpt,
    VendorsOpt,
    runs,
)


@runs("compare", output="show")
def compare(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID...", help="Two or more models.", autocompletion=complete.models),
    ],
    benchmark: Annotated[
        list[str] | None,
        typer.Option(
            "--benchmark",
            "-b",
            metavar="ID",
            help="Only this benchmark; repeatable.",
            autocompletion=complete.benchmarks,
        ),
    ] = None,
) -> None:
    """Compare models side by side: specs and scores, best in each row marked.

    When the scores in a row were taken under different settings (5-shot
    against 0-shot CoT against Maj1@32), the row is starred and the JSON says
    so per benchmark ("comparable": false).

    [bold]Examples[/bold]

      genai compare claude-3-opus gpt-4 --benchmark MMLU
      genai compare claude-3-opus gpt-4 gemini-1.0-ultra --json | jq .benchmarks
    """


@runs("timeline", output="list")
def timeline(
    ctx: typer.Context,
    vendor: VendorsOpt = None,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            metavar="ID",
            help="Only events about this model; repeatable.",
            autocompletion=complete.models,
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind", metavar="KIND", help="release, founding, funding, paper, ...; repeatable."
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Events oldest first, grouped by year.

    [bold]Examples[/bold]

      genai timeline --since 2023
      genai timeline --vendor openai --kind release
      genai timeline --model gpt-4 --json
    """


@runs("search", output="list")
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What to look for.")],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind", metavar="KIND", help="Only this kind (model, vendor, event, ...); repeatable."
        ),
    ] = None,
) -> None:
    """Search every kind of record by id, name, alias or description.

    [bold]Examples[/bold]

      genai search diffusion
      genai search 谷歌
      genai search claude --kind model --json
    """
