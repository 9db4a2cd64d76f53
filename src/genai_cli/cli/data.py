"""``genai validate``, ``genai sql``, ``genai export``, ``genai schema``."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from ._opts import JsonOpt, runs


@runs("validate", output="show")
def validate(
    ctx: typer.Context,
    dir: Annotated[
        str | None,
        typer.Argument(
            metavar="[DIR]", help="A data folder (default: --data-dir / GENAI_DATA_DIR)."
        ),
    ] = None,
) -> None:
    """Check the bundled data plus a folder of your own; print every problem.

    Exit 0 when everything is valid, 3 when anything is not. Each problem is
    one line: FILE[:LINE]: what is wrong.

    [bold]Examples[/bold]

      genai validate ./my-data
      GENAI_DATA_DIR=./my-data genai validate --json
    """


@runs("sql", output="list")
def sql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="One read-only SELECT statement.")],
) -> None:
    """Read-only SQL (SQLite) over tables models, vendors, benchmarks, scores, events, ...

    Columns are the records' JSON keys; lists and objects are JSON text (use
    json_extract). Writes, ATTACH and extensions are refused; a query that
    runs too long is stopped.

    [bold]Examples[/bold]

      genai sql "SELECT id, released FROM models WHERE vendor = 'openai' ORDER BY released"
      genai sql "SELECT model, value FROM scores WHERE benchmark = 'mmlu' ORDER BY value DESC" --json
    """


@runs("export")
def export(
    ctx: typer.Context,
    export_format: Annotated[
        Literal["json", "yaml", "csv", "sqlite"],
        typer.Option(
            "--format", "-f", help="json, yaml, csv (a folder, one file per kind) or sqlite."
        ),
    ],
    out: Annotated[str, typer.Option("--out", "-o", metavar="PATH", help="Where to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    """Export the whole dataset (with your data, if any).

    Never overwrites PATH without --force; writes a temporary file and renames
    it, so an interrupted export leaves nothing half-written.

    [bold]Examples[/bold]

      genai export --format sqlite --out genai.db && sqlite3 genai.db .tables
      genai export --format csv --out genai-csv/
    """


@runs("schema")
def schema(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Argument(metavar="[KIND]", help="model, vendor, score, event, ... (default: all)."),
    ] = None,
    format: Annotated[
        Literal["json", "yaml"], typer.Option("--format", "-f", help="Output format.")
    ] = "json",
    json: JsonOpt = False,
) -> None:
    """Print the JSON Schema of each kind of record (generated from the pydantic models).

    [bold]Examples[/bold]

      genai schema model
      genai schema --format yaml
    """
