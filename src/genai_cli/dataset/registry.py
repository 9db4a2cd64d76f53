"""The registry of kinds: what each kind of record is, in one place (stdlib only).

Everything that needs to know about a kind derives from here: the names of
its data files, its id and references, the fields that look-up and search
read, how each field is headed, labelled and formatted, which columns a list
shows (and which go first on a narrow terminal), the default sort, the keys
derived for output, the SQL table, the schema listing, export and completion.

The fields themselves (names, order, types, defaults) are the schema's
(:mod:`genai_cli.dataset.schema`); the build ships them as *shapes* in
``_build/meta.json`` so that this module needs no pydantic. A kind here says
how its fields are presented and related. Adding a field is one edit to the
schema (plus, if its defaults do not fit, one :class:`Field` line here);
adding a kind is one :class:`Kind` here plus its schema class and data.
``tests/test_registry.py`` walks every kind and field through every command.
"""

from __future__ import annotations

from ..core.errors import UsageError, did_you_mean
from .parsing import parse_setting, slugify

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from typing import Any, Protocol

    class Records(Protocol):
        """What derived keys may read: the other records of the catalog."""

        def compact(self, kind: str) -> list[dict[str, Any]]: ...
        def by_id(self, kind: str) -> dict[str, dict[str, Any]]: ...
        def extras(self, model_id: str) -> dict[str, list[dict[str, Any]]]: ...


# --------------------------------------------------------------------------- fields


class Field:
    """How one field is shown. Every attribute has a default derived from the name.

    ``cell`` and ``page`` name value→text rules of :mod:`genai_cli.output.text`
    (for table cells and for show pages); ``wrap=False`` keeps short values
    on one line; ``max_width``: a long text, which a table of limited width
    folds at most this wide (and counts as this wide when it decides which
    columns fit); ``unit``: what the raw value counts, where a row names it
    (``compare -f csv``); ``about`` describes a key the registry derives (a
    schema field has its description in the schema); ``whole``: what a user
    copies (an id), which a table never cuts: other columns give way first, and
    past that the table is wider than asked; ``fold``: a long text of ids
    (a conflict's values) that folds to the table's width even in a list piped
    (which else runs as wide as it is), a word too long for its column folding
    over lines, never cut.
    """

    __slots__ = (
        "about", "cell", "fold", "header", "label", "max_width", "name", "numeric", "page",
        "unit", "whole", "wrap",
    )  # fmt: skip

    def __init__(
        self,
        name: str,
        header: str | None = None,
        label: str | None = None,
        *,
        cell: str | None = None,
        page: str | None = None,
        numeric: bool = False,
        wrap: bool = True,
        max_width: int | None = None,
        unit: str | None = None,
        about: str | None = None,
        whole: bool = False,
        fold: bool = False,
    ) -> None:
        self.name = name
        self.whole = whole
        self.fold = fold
        self.about = about
        self.header = header or name.replace("_", " ").capitalize()
        self.label = label or self.header
        self.cell = cell
        self.page = page
        self.numeric = numeric
        self.wrap = wrap
        self.max_width = max_width
        self.unit = unit

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def _fields(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


FIELDS: dict[str, Field] = _fields(
    Field("id", "ID", wrap=False, whole=True),
    Field("name"),
    Field("name_zh", "中文名", "Chinese name"),
    Field("released", wrap=False),
    Field("announced", wrap=False),
    Field("date", wrap=False),
    Field("year", wrap=False),
    Field("founded", wrap=False),
    Field("said", wrap=False),
    Field("kind", wrap=False),
    Field("status", wrap=False),
    Field("domain", wrap=False),
    Field("unit", wrap=False),
    Field("currency", wrap=False),
    Field("setting", wrap=False),
    Field("setting_label", label="Setting as printed"),
    Field("setting_detail", page="hidden",
          about="the setting parsed: shots, chain of thought, aggregation, samples"),
    Field("parameters", "Params", "Parameters", cell="quantity", page="quantity", numeric=True,
          wrap=False, unit="parameters"),
    Field("parameters_detail", label="Parameters", cell="quantity", page="quantity",
          numeric=True, wrap=False, unit="parameters",
          about="the parameter count as recorded: exact, range, lower bound or undisclosed"),
    Field("context_window", "Context", "Context window", cell="tokens", page="tokens_long",
          numeric=True, wrap=False, unit="tokens"),
    Field("context_windows", label="Context windows", page="windows"),
    Field("max_input_tokens", "Max in", "Max input tokens", cell="tokens", page="tokens_long",
          numeric=True, wrap=False, unit="tokens"),
    Field("max_output_tokens", "Max out", "Max output tokens", cell="tokens",
          page="tokens_long", numeric=True, wrap=False, unit="tokens"),
    Field("training_tokens", label="Training tokens", cell="count", page="count_tokens",
          numeric=True, wrap=False, unit="tokens"),
    Field("open_weights", "Open", "Open weights", wrap=False),
    Field("pricing", cell="price", page="price_long", unit="USD per 1M tokens"),
    Field("pricing_variants", label="Other prices", page="prices_long"),
    Field("financials", page="financials"),
    Field("ratings", page="ratings"),
    Field("embedding_dim", label="Embedding size", numeric=True),
    Field("knowledge_cutoff", label="Knowledge cutoff", wrap=False),
    Field("based_on", label="Based on"),
    Field("reported_by", label="Reported by", cell="reporter"),
    Field("higher_is_better", label="Higher is better"),
    Field("amount", cell="money", page="amount_long", numeric=True, wrap=False),
    Field("basis", wrap=False,
          about="list: at the lab's own list price; cheapest: at the offering that costs "
          "least for these tokens"),
    Field("input_cost", "Input", "Input cost", cell="usd", numeric=True, wrap=False, unit="USD",
          about="the input tokens not read from a cache, at the input price"),
    Field("cached_cost", "Cached", "Cached input cost", cell="usd", numeric=True, wrap=False,
          unit="USD", about="the input tokens read from a cache, at the cache-read price"),
    Field("output_cost", "Output", "Output cost", cell="usd", numeric=True, wrap=False,
          unit="USD", about="the output tokens, at the output price"),
    Field("total", cell="usd", numeric=True, wrap=False, unit="USD"),
    Field("price_as_of", "As of", "Price as of", wrap=False,
          about="the as-of date of the catalog that states the price (null: it states none)"),
    Field("cagr", "CAGR", cell="cagr"),
    Field("cagr_period", label="CAGR period"),
    Field("probability", cell="probability", page="probability", numeric=True),
    Field("target_year", "By", "By year", numeric=True),
    Field("narrow", cell="agi_cell"),
    Field("general", cell="agi_cell"),
    Field("value", cell="score", numeric=True, wrap=False),
    Field("level", numeric=True, wrap=False),
    Field("rank", numeric=True, wrap=False),
    Field("layers", numeric=True),
    Field("models", cell="count_of", numeric=True,
          about="the ids of the models built by it or on it"),
    Field("verification", wrap=False,
          about="what the record rests on: primary (a paper, a vendor's post, documentation "
          "or a filing), secondary (news, the web, other reports) or report only"),
    Field("third_party", label="Third party",
          about="true when the publisher is neither the model's vendor nor a partner"),
    Field("offerings", cell="count_of", numeric=True, unit="USD per 1M tokens",
          about="where imported catalogs offer the model: provider, id, price"),
    Field("versions", about="the dated or numbered snapshots catalogs name: id, date, sources"),
    Field("close", "Kept apart", "Kept apart from", page="close",
          about="models of the same name that no rule joins to this one, and why"),
    Field("claims", about="what each imported catalog says of the model, field by field"),
    Field("names", label="Names in catalogs"),
    Field("catalogs", label="Offerings per catalog"),
    Field("cheapest", cell="cheapest"),
    Field("cheapest_input", "Cheapest in", "Cheapest input price", numeric=True, wrap=False,
          unit="USD per 1M tokens"),
    Field("newest", cell="newest"),
    Field("newest_released", "Newest released", wrap=False),
    Field("conflicts", about="the fields on which the sources disagree"),
    Field("external_ids", "Also known as", cell="external_ids", page="external_ids"),
    Field("values", cell="conflict_values", fold=True),
    Field("reported", cell="as_field"),
    Field("corrected", cell="as_field"),
    Field("sources", cell="sources"),
    Field("corrections", cell="count_of"),
    Field("description", max_width=70),
    Field("text", max_width=60),
    Field("claim", max_width=60),
)  # fmt: skip
"""Presentation of fields by name: a field name means the same in every kind."""


def field(name: str) -> Field:
    """The presentation of a field (defaults for a name the table does not list)."""
    found = FIELDS.get(name)
    return found if found is not None else Field(name)


def field_names(keys: Iterable[str]) -> dict[str, str]:
    """What a user may call each of ``keys`` in ``--fields``, ``--sort`` and
    ``--where``, casefolded -> the key: the key itself, and the header and label
    a table or page shows for it (``Context``, ``Params``, ``By``, ``中文名``),
    also with ``_`` for spaces (``max_in``). A key's own name always wins."""
    keys = list(keys)
    out = {k.casefold(): k for k in keys}
    for k in keys:
        f = field(k)
        for name in (f.header, f.label):
            for form in (name, name.replace(" ", "_")):
                out.setdefault(form.casefold(), k)
    return out


# --------------------------------------------------------------------------- kinds


class Ref:
    """A field that names records of another kind."""

    __slots__ = ("field", "many", "target")

    def __init__(self, field: str, target: str, many: bool = False) -> None:
        self.field = field
        self.target = target
        self.many = many


class Kind:
    """One kind of record.

    ``names``: the fields look-up matches (besides the id); ``search``: the
    fields ``genai search`` reads; ``columns``: what a list shows by default;
    ``low``: those of its columns that a table too wide for the screen leaves
    out before any column folds, first to go first; ``narrow``: those it then
    leaves out, in order, when even folded at spaces it would not fit (the
    others always stay; a list given ``--fields`` keeps every field it names);
    ``derived``: output keys computed from the record, each ``(key, after, type)``:
    after the field it follows (``None``: at the end), of a type expression
    (:func:`json_type`: ``bool?``, ``list[id]``, ``Quantity?``, ``list[offerings]``),
    which ``genai schema`` prints; ``output``: the function that computes them;
    ``related``: the keys ``show`` adds, each ``(key, type)`` (related records);
    ``searched``: whether ``genai search`` looks at this kind unless ``--kind``
    asks for others; ``command`` and ``show``:
    the paths of the commands that list the kind and show one record;
    ``detail``: keys that a list leaves out unless ``--fields`` names them
    (``show``, export and SQL have them); ``bundled``: whether the dataset
    itself holds records of the kind (else only imports make them);
    ``key``: the fields that identify a record; ``rows``: for a kind whose
    records are made from the others' (corrections), the function that makes them;
    ``sheet``: the flat columns of ``-f csv`` when ``--fields`` names none (its
    table's, one value a cell; :func:`sheet_row`), else CSV has every key.
    """

    def __init__(
        self,
        name: str,
        singular: str,
        schema: str,
        *,
        files: Iterable[str] = (),
        names: tuple[str, ...] = ("name", "aliases"),
        search: tuple[str, ...] = (),
        refs: tuple[Ref, ...] = (),
        columns: tuple[str, ...] = ("id",),
        low: tuple[str, ...] = (),
        narrow: tuple[str, ...] = (),
        indexed: tuple[str, ...] = (),
        sort: str | None = None,
        then: str = "id",
        derived: tuple[tuple[str, str | None, str], ...] = (),
        related: tuple[tuple[str, str], ...] = (),
        output: Callable[[Records, dict[str, Any], bool], dict[str, Any]] | None = None,
        title: Callable[[Mapping[str, Any]], str] | None = None,
        searched: bool = True,
        command: str | None = None,
        show: str | None = None,
        detail: tuple[str, ...] = (),
        bundled: bool = True,
        key: tuple[str, ...] = ("id",),
        rows: Callable[[Records], list[dict[str, Any]]] | None = None,
        sheet: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.singular = singular
        self.schema = schema
        self.aliases = (name, singular, name.replace("_", "-"), singular.replace("_", "-"), *files)
        """What a user may call the kind (``genai schema``, ``search --kind``)."""
        self.files = self.aliases if bundled else ()
        """What a user's data file of this kind may be named (only bundled kinds)."""
        self.names = names
        self.search = search
        self.refs = refs
        self.columns = columns
        self.low = low
        self.narrow = narrow
        self.indexed = indexed
        """Columns (besides foreign keys) SQL tables index: those looked up by."""
        self.sort = sort
        self.then = then
        if bundled and rows is None and name != "sources":  # every record of the dataset
            derived = (*derived, ("verification", None, "str"))
        self.derived = derived
        self.related = related
        self._output = output
        self._title = title
        self.searched = searched
        self.command = command
        self.show = show
        self.detail = detail
        self.bundled = bundled and rows is None
        self.key = key
        self.rows = rows
        self.sheet = sheet
        if then == "id" and key != ("id",):
            self.then = key[0]

    @property
    def table(self) -> str:
        """The SQL table that holds this kind."""
        return self.name

    def keys(self, shapes: Mapping[str, Any]) -> list[str]:
        """The keys of an output record, in order: the schema's fields plus derived keys."""
        keys = list(shapes[self.schema]["fields"])
        for key, after, _ in self.derived:
            keys.insert(keys.index(after) + 1 if after else len(keys), key)
        return keys

    def types(self, shapes: Mapping[str, Any]) -> dict[str, str]:
        """The JSON type of every output key."""
        types = dict(shapes[self.schema]["types"])
        types.update({key: json_type(t) for key, _, t in self.derived})
        return types

    def output(self, cat: Records, full: dict[str, Any], detail: bool = True) -> dict[str, Any]:
        """A full record as printed: with its derived keys (``detail``: all of them)."""
        out = full if self._output is None else self._output(cat, full, detail)
        if self.derived and self.derived[-1][0] == "verification":
            out = {**out, "verification": verification(cat, out.get("sources") or ())}
        return out

    def title(self, rec: Mapping[str, Any]) -> str:
        """What a person calls this record (its name, title, ...)."""
        if self._title is not None:
            return self._title(rec)
        for key in ("name", "title", "who"):
            if rec.get(key):
                return str(rec[key])
        return str(rec.get("id", ""))

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"


# --------------------------------------------------------------------------- derived keys


def json_type(expr: str) -> str:
    """The JSON type (as in the shapes) of a derived key's type expression.

    An expression is a JSON type (``int``, ``float``, ``str``, ``bool``, ``list``,
    ``object``, ``any``), ``id`` (a lowercase slug), a kind (``scores``: its
    records as printed), a class of :mod:`genai_cli.dataset.schema` (``Quantity``),
    ``list[T]``, or ``T?`` (or null):

    >>> [json_type(t) for t in ("bool?", "list[offerings]", "Quantity?", "id", "scores")]
    ['bool', 'list', 'object', 'str', 'object']
    """
    expr = expr.removesuffix("?")
    if expr.startswith("list["):
        return "list"
    if expr == "id":
        return "str"
    if expr in KINDS or expr[:1].isupper():
        return "object"
    return expr


def _model_output(cat: Records, full: dict[str, Any], detail: bool) -> dict[str, Any]:
    """``parameters`` is a figure or a range, else null; ``parameters_detail`` keeps
    the quantity as recorded (its state: exact, range, lower bound, undisclosed).
    From imported catalogs (with ``detail``; a list leaves them out unless its
    ``--fields`` name them): ``external_ids`` gains the entries that joined the
    model, and ``versions``, ``offerings``, ``claims`` and ``conflicts`` are theirs;
    ``close``: the models of the same name no rule joins to it, and why."""
    out: dict[str, Any] = {}
    for key, value in (with_extras(cat, "models", full) if detail else full).items():
        if key == "parameters":
            shown = value is not None and value["state"] in ("exact", "range")
            out["parameters"] = value if shown else None
            out["parameters_detail"] = value
        else:
            out[key] = value
    for key in KINDS["models"].detail:
        out.setdefault(key, [])
    return out


def with_extras(cat: Records, kind: str, full: dict[str, Any]) -> dict[str, Any]:
    """A full record of ``kind`` with what imported catalogs say of it (the kind's
    ``detail`` keys, each a list, empty without imports; ``external_ids`` gains
    the entries that joined it): as ``models show --json`` and ``Catalog.get`` give it."""
    extras = cat.extras(full["id"])
    out = dict(full)
    if extras.get("external_ids"):
        out["external_ids"] = [*full.get("external_ids", ()), *extras["external_ids"]]
    for key in KINDS[kind].detail:
        out[key] = extras.get(key, [])
    return out


SCORE_SHEET = (
    *("model", "benchmark", "value", "unit", "setting", "reported_by", "third_party"),
    "source_url",
)
"""``scores list -f csv``: its table's columns, flat, and the first URL of its sources."""

SOURCE_URL = "source_url"
"""A sheet's column (:attr:`Kind.sheet`): the URL of a record's first source that has one."""


def sheet_row(rec: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """A record as a row of its kind's sheet (``-f csv``): ``keys``' values, and for
    :data:`SOURCE_URL` the URL of the first of its sources that gives one (a
    report's page has none; null when no source has one)."""
    out: dict[str, Any] = {}
    for key in keys:
        if key == SOURCE_URL:
            urls = (s.get("url") for s in rec.get("sources") or () if isinstance(s, dict))
            out[key] = next((u for u in urls if u), None)
        else:
            out[key] = rec.get(key)
    return out


def _score_output(cat: Records, full: dict[str, Any], detail: bool) -> dict[str, Any]:
    """``setting_detail``: the setting parsed; ``third_party``: the publisher is not
    the model's vendor or partner."""
    out = dict(full)
    setting = full.get("setting")
    if setting:
        parsed = parse_setting(setting)
        parsed.pop("label", None)
        out["setting_detail"] = parsed
    else:
        out["setting_detail"] = None
    model = cat.by_id("models").get(full["model"])
    by = full.get("reported_by")
    if model is None or by is None:
        out["third_party"] = None
    else:
        out["third_party"] = by not in {model["vendor"], *model.get("partners", ())}
    return out


def _architecture_output(cat: Records, full: dict[str, Any], detail: bool) -> dict[str, Any]:
    """``models``: the ids of the models built on it."""
    return {
        **full,
        "models": [
            m["id"] for m in cat.compact("models") if full["id"] in m.get("architecture", ())
        ],
    }


def _vendor_output(cat: Records, full: dict[str, Any], detail: bool) -> dict[str, Any]:
    """``models``: the ids of the models it or a vendor it owns (its ``parent``
    chain) built, alone or as a partner — as ``vendors show`` and ``models list
    --vendor`` count them (Google's include Google DeepMind's)."""
    return {**full, "models": _models_by_vendor(cat).get(full["id"], [])}


_BY_VENDOR: list[tuple[Records, dict[str, list[str]]]] = []
"""The last catalog's vendor -> models (one catalog at a time: a process has one)."""


def _models_by_vendor(cat: Records) -> dict[str, list[str]]:
    """Vendor id -> the ids of the models it or a vendor it owns built (alone or as
    a partner), in dataset order: made once per catalog, in one pass over the
    models and each one's chain of owners."""
    if _BY_VENDOR and _BY_VENDOR[0][0] is cat:
        return _BY_VENDOR[0][1]
    parents = {v["id"]: v.get("parent") for v in cat.compact("vendors")}
    out: dict[str, list[str]] = {}
    for m in cat.compact("models"):
        owners: dict[str, None] = {}
        for vid in (m["vendor"], *m.get("partners", ())):
            seen: set[str] = set()
            while vid is not None and vid not in seen:
                seen.add(vid)
                owners[vid] = None
                vid = parents.get(vid)
        for vid in owners:
            out.setdefault(vid, []).append(m["id"])
    _BY_VENDOR[:] = [(cat, out)]
    return out


def _correction_rows(cat: Records) -> list[dict[str, Any]]:
    """Every correction of every record: what the report says, what the record
    holds instead, why, and the sources, one row each, in dataset order."""
    out = []
    for kind in KINDS.values():
        if not kind.bundled or kind.name == "sources":
            continue
        for rec in cat.compact(kind.name):
            for c in rec.get("corrections") or ():
                out.append(
                    {
                        "kind": kind.singular,
                        "id": record_id(kind.name, rec),
                        "field": c["field"],
                        "reported": c.get("reported"),
                        "corrected": c.get("corrected"),
                        "note": c.get("note"),
                        "sources": c.get("sources", []),
                    }
                )
    return out


PRIMARY = frozenset({"paper", "blog", "documentation", "filing"})
"""Source kinds that are a maker's own word: its paper, post, documentation or filing."""
REPORT_ONLY = frozenset({"report", "fact-check"})
"""The refs of the report itself and of this project's fact-check note of it."""


def verification(cat: Records, sources: Iterable[Mapping[str, Any]]) -> str:
    """What a record rests on: ``primary`` (a paper, a vendor's post, documentation
    or a filing among its sources), ``secondary`` (news, the web, other reports, but
    no primary source) or ``report only`` (the report and the project's fact check)."""
    registry = cat.by_id("sources")
    kinds = set()
    for s in sources:
        ref = s.get("ref")
        if ref in REPORT_ONLY:
            continue
        entry = registry.get(ref) if ref else None
        kinds.add(entry["kind"] if entry else "other")
    if kinds & PRIMARY:
        return "primary"
    return "secondary" if kinds else "report only"


def _score_title(rec: Mapping[str, Any]) -> str:
    setting = f" ({rec['setting']})" if rec.get("setting") else ""
    return f"{rec.get('model')} on {rec.get('benchmark')}{setting}"


def _market_title(rec: Mapping[str, Any]) -> str:
    return f"{rec.get('region')} {rec.get('metric', '')} {rec.get('year', '')}".strip()


# --------------------------------------------------------------------------- the kinds

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "vendors",
            "vendor",
            "Vendor",
            names=("name", "name_zh", "aliases"),
            search=("name", "name_zh", "aliases", "description", "founders"),
            refs=(Ref("parent", "vendors"),),
            columns=("id", "name", "name_zh", "type", "founded", "parent", "models"),
            low=("parent",),
            narrow=("founded", "type", "models", "name_zh"),
            sort="name",
            derived=(("models", None, "list[id]"),),
            output=_vendor_output,
            related=(("models", "list[id]"), ("events", "list[events]")),
            command="vendors list",
            show="vendors show",
        ),
        Kind(
            "models",
            "model",
            "Model",
            search=("name", "aliases", "description", "applications", "features"),
            refs=(
                Ref("vendor", "vendors"),
                Ref("partners", "vendors", many=True),
                Ref("family", "models"),
                Ref("based_on", "models", many=True),
                Ref("architecture", "architectures", many=True),
            ),
            columns=(
                "id",
                "name",
                "vendor",
                "released",
                "parameters",
                "context_window",
                "open_weights",
            ),
            low=("open_weights",),
            narrow=("vendor", "context_window", "parameters", "released"),
            sort="released",
            derived=(
                ("parameters_detail", "parameters", "Quantity?"),
                ("versions", None, "list[ModelVersion]"),
                ("offerings", None, "list[offerings]"),
                ("claims", None, "list[claims]"),
                ("conflicts", None, "list[conflicts]"),
                ("close", None, "list[ModelClose]"),
            ),
            related=(("scores", "list[scores]"), ("events", "list[events]")),
            detail=("versions", "offerings", "claims", "conflicts", "close"),
            output=_model_output,
            command="models list",
            show="models show",
        ),
        Kind(
            "benchmarks",
            "benchmark",
            "Benchmark",
            search=("name", "aliases", "description", "category"),
            columns=("id", "name", "category", "metric", "unit"),
            low=("unit",),
            narrow=("metric", "category"),
            sort="name",
            related=(("scores", "list[scores]"),),
            command="benchmarks list",
            show="benchmarks show",
        ),
        Kind(
            "scores",
            "score",
            "Score",
            names=(),
            search=("model", "benchmark", "setting", "setting_label", "note"),
            refs=(
                Ref("model", "models"),
                Ref("benchmark", "benchmarks"),
                Ref("reported_by", "vendors"),
                Ref("opponent", "models"),
            ),
            columns=("model", "benchmark", "value", "unit", "setting", "reported_by"),
            low=("unit",),  # the value shows it: 86.8%
            narrow=("reported_by", "setting"),
            derived=(("setting_detail", None, "SettingDetail?"), ("third_party", None, "bool?")),
            output=_score_output,
            title=_score_title,
            searched=False,
            command="scores list",
            sheet=SCORE_SHEET,
        ),
        Kind(
            "events",
            "event",
            "Event",
            names=(),
            search=("title", "description"),
            refs=(
                Ref("vendor", "vendors"),
                Ref("parties", "vendors", many=True),
                Ref("models", "models", many=True),
                Ref("architectures", "architectures", many=True),
            ),
            columns=("date", "kind", "title", "vendor"),
            low=("vendor",),
            narrow=("kind", "date"),  # the timeline keeps its Year column
            command="timeline",
        ),
        Kind(
            "architectures",
            "architecture",
            "Architecture",
            search=("name", "aliases", "description", "authors"),
            columns=("id", "name", "year", "models"),
            sort="year",
            derived=(("models", None, "list[id]"),),
            related=(("events", "list[events]"),),
            output=_architecture_output,
            command="architectures list",
            show="architectures show",
        ),
        Kind(
            "agi_levels",
            "agi_level",
            "AgiLevel",
            names=("name",),
            search=("name", "performance", "narrow", "general"),
            columns=("level", "name", "performance", "narrow", "general"),
            sort="level",
            command="agi-levels",
        ),
        Kind(
            "market_figures",
            "market_figure",
            "MarketFigure",
            files=("market",),
            names=(),
            search=("region", "metric", "publisher", "note"),
            columns=("region", "year", "amount", "currency", "status", "cagr", "publisher"),
            low=("currency",),  # the amount shows it: ¥205.8B
            narrow=("publisher", "cagr"),
            sort="year",
            then="region",
            title=_market_title,
            command="market",
        ),
        Kind(
            "predictions",
            "prediction",
            "Prediction",
            names=(),
            search=("who", "affiliation", "claim"),
            refs=(Ref("vendor", "vendors"),),
            columns=("who", "said", "claim", "target_year", "probability", "verified"),
            low=("verified",),
            narrow=("probability", "said"),
            sort="said",
            command="predictions",
        ),
        Kind(
            "risks",
            "risk",
            "Risk",
            names=(),
            search=("title", "title_zh", "description"),
            columns=("rank", "title", "title_zh"),
            sort="rank",
            command="risks",
        ),
        Kind(
            "findings",
            "finding",
            "Finding",
            names=(),
            search=("text", "text_zh", "speaker", "topic", "note"),
            refs=(
                Ref("vendor", "vendors"),
                Ref("models", "models", many=True),
                Ref("architectures", "architectures", many=True),
            ),
            columns=("id", "kind", "speaker", "topic", "text"),
            low=("topic", "speaker", "kind"),
            title=lambda r: str(r.get("topic") or r.get("id")),
            command="findings",
        ),
        Kind(
            "corrections",
            "correction",
            "CorrectionRow",
            names=(),
            search=("field", "note"),
            columns=("kind", "id", "field", "reported", "corrected"),
            searched=False,
            command="corrections",
            key=("kind", "id", "field"),
            rows=_correction_rows,
            title=lambda r: f"{r.get('kind')} {r.get('id')} {r.get('field')}",
        ),
        Kind(
            "sources",
            "source",
            "SourceEntry",
            names=(),
            search=("title", "publisher", "note"),
            columns=("id", "title", "kind", "publisher", "date"),
            searched=False,
        ),
        Kind(
            "catalogs",
            "catalog",
            "CatalogImport",
            names=(),
            search=("catalog", "version", "source"),
            columns=("catalog", "version", "as_of", "records", "matched", "new", "imported_at"),
            narrow=("imported_at", "new", "matched", "records", "as_of"),
            searched=False,
            command="catalogs list",
            bundled=False,
            key=("catalog",),
        ),
        Kind(
            "offerings",
            "offering",
            "Offering",
            names=(),
            search=("model", "provider", "id", "key"),
            refs=(Ref("model", "models"),),
            columns=(
                "model",
                "provider",
                "id",
                "pricing",
                "context_window",
                "max_output_tokens",
                "deprecation_date",
                "catalog",
            ),
            low=("deprecation_date", "max_output_tokens", "catalog"),
            narrow=("context_window",),
            indexed=("provider", "catalog"),
            searched=False,
            command="offerings",
            bundled=False,
            key=("catalog", "key"),
            title=lambda r: f"{r.get('model')} at {r.get('provider')}",
        ),
        Kind(
            "providers",
            "provider",
            "Provider",
            names=("name",),
            search=("id", "name", "note"),
            columns=("id", "name", "kind", "models", "offerings", "cheapest", "newest"),
            low=("newest", "name"),
            narrow=("cheapest",),
            related=(("offered", "list[ProviderModel]"),),
            searched=False,
            command="providers list",
            show="providers show",
            bundled=False,
        ),
        Kind(
            "claims",
            "claim",
            "Claim",
            names=(),
            search=("model", "field", "key"),
            refs=(Ref("model", "models"),),
            columns=("model", "field", "value", "catalog", "key", "used"),
            searched=False,
            bundled=False,
            key=("model", "field", "catalog", "key"),
            title=lambda r: f"{r.get('catalog')} on {r.get('model')} {r.get('field')}",
        ),
        Kind(
            "conflicts",
            "conflict",
            "Conflict",
            names=(),
            search=("model", "field"),
            refs=(Ref("model", "models"),),
            columns=("model", "field", "values", "note"),
            command="conflicts",
            searched=False,
            bundled=False,
            key=("model", "field"),
            title=lambda r: f"{r.get('model')} {r.get('field')}",
        ),
    )
}
"""Every kind with records, referenced kinds first (the load order)."""

LIST_KINDS: tuple[str, ...] = tuple(k for k, v in KINDS.items() if k != "sources" and v.bundled)
"""The kinds of the dataset proper (``sources`` is the registry of cited documents)."""
BUNDLED: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v.bundled)
"""The kinds the bundled data (and a user's files) hold; the others come from imports."""

REGISTRY = "sources"
SINGLETON = "dataset"
"""The manifest: one record, with no id of its own."""
SCHEMAS: dict[str, str] = {**{k.name: k.schema for k in KINDS.values()}, SINGLETON: "Dataset"}
"""Kind -> its schema class, for every kind the schema covers."""

NAME_KEYS = frozenset(name for k in KINDS.values() for name in k.names) | {
    "title",
    "title_zh",
    "who",
}
"""Fields whose match counts as a match on the record's name (search ranks them first)."""


def kind_of(name: str, option: str | None = None) -> Kind:
    """'model', 'models', 'agi-levels', 'market' -> the kind; :class:`UsageError`
    otherwise (naming ``option``, the option or argument that gave it)."""
    key = name.strip().lower()
    for kind in KINDS.values():
        if key in kind.aliases:
            return kind
    names = {alias: k.name for k in KINDS.values() for alias in k.aliases}
    where = f"{option}: " if option else ""
    raise UsageError(
        f"{where}unknown kind {name!r}; expected one of: {', '.join(KINDS)}"
        + did_you_mean(key, names)
    )


def kind_for_path(parts: tuple[str, ...]) -> str | None:
    """The kind of a data file: its folder's name (``models/acme.yaml``), else its own."""
    candidates = [parts[-2]] if len(parts) > 1 else []
    candidates.append(parts[-1].rsplit(".", 1)[0])
    for candidate in candidates:
        low = candidate.lower()
        for kind in KINDS.values():
            if low in kind.files:
                return kind.name
    return None


def record_id(kind: str, rec: Mapping[str, Any]) -> str:
    """A record's id: its ``id``, or its identifying fields joined by ``/``."""
    key = KINDS[kind].key
    if key == ("id",):
        return str(rec["id"])
    return "/".join(str(rec.get(f)) for f in key)


def score_id(rec: Mapping[str, Any]) -> str:
    """The default id of a score: MODEL/BENCHMARK/SETTING-SLUG[/vs-OPPONENT]."""
    parts = [rec["model"], rec["benchmark"], slugify(rec.get("setting") or "") or "default"]
    if rec.get("opponent"):
        parts.append("vs-" + rec["opponent"])
    return "/".join(parts)


def names_of(kind: str, rec: Mapping[str, Any]) -> list[str]:
    """The id, name and aliases a record answers to."""
    out = [str(rec.get("id", ""))]
    for name in KINDS[kind].names:
        value = rec.get(name)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    return [n for n in out if n]
