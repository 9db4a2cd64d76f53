"""The record schema: pydantic v2 models, ``extra="forbid"``, frozen.

These models describe the *data files* (bundled YAML and a user's YAML/JSON).
They are used at build time, by ``genai validate``, when a user data folder is
loaded, and by ``genai schema`` (:mod:`genai_cli.dataset.jsonschemas`: in pydantic's
validation mode they give the data-file schema, with the shorthands a file may
write; in serialization mode, the records genai prints). The CLI's read-only
fast path never imports this module: it reads records that were validated here
when the bundled data was built (see ``genai_cli.dataset.build``).
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from . import parsing as values
from .registry import SCHEMAS


def _year_as_text(value: Any) -> Any:
    """YAML reads an unquoted ``2015`` as a number; a year is still a date."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return f"{value:04d}"
    return value


class InFiles:
    """A shorthand a data file may also write for a value (a before-validator turns
    it into the value): the data-file schema (``genai schema --input``, pydantic's
    validation mode) accepts it; what genai prints (serialization mode) never has it."""

    mode = "validation"

    def __init__(self, also: dict[str, Any]) -> None:
        self.also = also

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        if handler.mode == self.mode:
            return {"anyOf": [schema, self.also]}
        return schema


class Printed(InFiles):
    """A value genai may print that a data file may not write (what an import makes):
    the schema of printed records (serialization mode) allows it, the data-file one not."""

    mode = "serialization"


# Patterns, not Python validators: pydantic-core checks them in Rust, which
# keeps validating a 30,000-record user folder fast. validate._message turns a
# mismatch back into the friendly message of values.parse_partial_date/check_id.
PartialDate = Annotated[
    str,
    StringConstraints(pattern=values.DATE_PATTERN),
    BeforeValidator(_year_as_text),
    Field(
        description="ISO 8601 date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD",
        examples=["2015", "2023-07", "2023-03-14"],
    ),
    InFiles({"type": "integer", "minimum": 1, "maximum": 9999, "description": "a year"}),
]
Id = Annotated[
    str,
    StringConstraints(pattern=values.ID_PATTERN),
    Field(description="lowercase slug", examples=["gpt-4", "claude-3-opus", "gemini-1.5-pro"]),
]
CompoundId = Annotated[str, StringConstraints(pattern=values.COMPOUND_ID_PATTERN)]
Text = Annotated[str, Field(min_length=1)]

Domain = Literal["nlp", "cv", "multimodal"]
Modality = Literal[
    "text", "image", "video", "audio", "code", "3d", "action",
    "depth", "thermal", "imu", "game", "protein",
]  # fmt: skip


# --------------------------------------------------------------------------- record rules
# Rules that span fields, written once over a mapping: the pydantic models
# call them on their own fields, and genai_cli.twins on the TypedDict twins
# that validate large user folders.


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


quantity_shorthand = values.quantity_shorthand


def check_quantity(q: Mapping[str, Any]) -> None:
    state, lo, hi = q.get("state"), q.get("min"), q.get("max")
    if state == "exact" and (lo is None or lo != hi):
        raise ValueError("an exact quantity needs min == max")
    if state == "range" and (lo is None or hi is None or not lo < hi):
        raise ValueError("a range needs min < max")
    if state == "lower_bound" and (lo is None or hi is not None):
        raise ValueError("a lower bound needs min and no max")
    if state == "undisclosed" and (lo is not None or hi is not None):
        raise ValueError("an undisclosed quantity has no min or max")


def check_model(m: Mapping[str, Any]) -> None:
    windows, window = m.get("context_windows"), m.get("context_window")
    if windows and window is not None:
        tokens = {_get(w, "tokens") for w in windows}
        if window not in tokens:
            raise ValueError(
                f"context_window {window} is not one of context_windows {sorted(tokens)}"
            )


def check_score(s: Mapping[str, Any]) -> None:
    if s.get("setting") is not None:
        values.parse_setting(s["setting"])


def _collapse(text: str) -> str:
    return " ".join(text.split())


def check_finding(f: Mapping[str, Any]) -> None:
    """``text_zh`` is the report's own words: one of the finding's report quotes."""
    text_zh = f.get("text_zh")
    if not text_zh:
        return
    quotes = [
        _get(src, "quote")
        for src in f.get("sources") or ()
        if _get(src, "ref") == "report" and _get(src, "quote")
    ]
    if _collapse(text_zh) not in {_collapse(q) for q in quotes}:
        raise ValueError("text_zh must also be the quote of one of its report sources")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# --------------------------------------------------------------------------- sources


class Source(Record):
    """Where a fact comes from.

    ``ref`` names an entry of the bundled source registry (``sources.yaml``);
    its fields are filled in before validation, so a record may write
    ``{ref: report, section: ..., quote: ...}``.
    """

    title: Text = Field(description="title of the document")
    section: str | None = Field(None, description="section, table or page within it")
    publisher: str | None = None
    url: str | None = None
    date: PartialDate | None = None
    original: list[Text] = Field(
        default_factory=list,
        description="the original sources the report cites for this fact (its 资料来源 line)",
    )
    quote: str | None = Field(None, description="the source's own words for this fact, verbatim")
    paraphrase: str | None = Field(
        None, description="the source's point in this project's words (not a quote)"
    )
    ref: Id | None = Field(None, description="id of the registry entry this source expands")
    note: str | None = None

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        if handler.mode == "validation":  # a data file may name a registry entry instead
            target = handler.resolve_ref_schema(schema)
            target.pop("required", None)
            target["anyOf"] = [{"required": ["title"]}, {"required": ["ref"]}]
        return schema


Sources = Annotated[list[Source], Field(min_length=1)]


class Correction(Record):
    """The report says one thing, a primary source another: both are kept."""

    field: Text = Field(description="the field of this record that was corrected")
    reported: Any = Field(description="what the report says")
    corrected: Any = Field(description="what the record holds instead")
    note: Text
    sources: Sources


class CorrectionRow(Record):
    """One correction as ``genai corrections`` lists it: which record, which field,
    what the report says and what the record holds instead (made from the records'
    ``corrections``; not a data file of its own)."""

    kind: Text = Field(description="the kind of the corrected record: model, event, ...")
    id: Text = Field(description="the corrected record's id")
    field: Text = Field(description="the field that was corrected")
    reported: Any = Field(description="what the report says")
    corrected: Any = Field(description="what the record holds instead")
    note: Text
    sources: Sources


class SourceEntry(Record):
    """An entry of the source registry (``sources.yaml``)."""

    id: Id
    title: Text
    kind: Literal["report", "paper", "blog", "news", "documentation", "web", "filing", "other"]
    publisher: str | None = None
    url: str | None = None
    date: PartialDate | None = None
    note: str | None = None


class Analyst(Record):
    name: Text
    name_en: str | None = None
    role: str | None = None
    certificate: str | None = None
    email: str | None = None


class Dataset(Record):
    """The manifest: what the dataset is built from."""

    id: Id
    title: Text
    title_en: Text
    subtitle: str | None = None
    publisher: Text
    publisher_en: str | None = None
    date: PartialDate
    as_of: PartialDate
    language: str = "zh"
    analysts: list[Analyst] = Field(default_factory=list)
    url: str | None = None
    description: str | None = None
    sources: Sources


# --------------------------------------------------------------------------- value types


class Quantity(Record):
    """A count with a state: exact, range, lower bound or undisclosed.

    ``reported`` keeps the report's own string ("1750亿", "70-700亿").
    """

    state: Literal["exact", "range", "lower_bound", "undisclosed"]
    min: Annotated[int, Field(ge=0)] | None = Field(None, description="an absolute count")
    max: Annotated[int, Field(ge=0)] | None = Field(None, description="an absolute count")
    approximate: bool = False
    reported: str | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return quantity_shorthand(data)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        if handler.mode == "validation":  # a data file may write 175000000000, or min/max
            target = handler.resolve_ref_schema(schema)
            target.pop("required", None)
            return {
                "anyOf": [
                    {"type": "integer", "minimum": 0, "description": "an exact count"},
                    schema,
                ]
            }
        return schema

    @model_validator(mode="after")
    def _consistent(self) -> Quantity:
        check_quantity(self.__dict__)
        return self


class ContextWindow(Record):
    tokens: Annotated[int, Field(gt=0)] = Field(description="tokens")
    variant: Text = Field(description="which model version or tier this window belongs to")
    status: Literal["standard", "preview", "research"] = "standard"
    reported: str | None = None
    note: str | None = None


class Pricing(Record):
    """USD per 1M tokens."""

    input: Annotated[float, Field(ge=0)]
    output: Annotated[float, Field(ge=0)]
    currency: Literal["USD"] = "USD"
    per: Literal["1M tokens"] = "1M tokens"
    variant: str | None = None
    reported: str | None = None
    note: str | None = None


class ExternalId(Record):
    """An id a catalog or provider knows a model by: a catalog entry with this id
    joins the model (see :mod:`genai_cli.catalogs.identity`)."""

    id: Text = Field(
        description="the id as the provider writes it: gpt-4-0613, claude-3-opus-20240229"
    )
    provider: str | None = Field(None, description="the provider that uses it, if only one")
    catalog: str | None = Field(None, description="the catalog it was found in (imports)")
    key: str | None = Field(None, description="the catalog entry's own key (imports)")
    note: str | None = None


class Ratings(Record):
    """The report's bar ratings in the GPT lineage table (1-6 blocks)."""

    reasoning: Annotated[int, Field(ge=1, le=6)]
    speed: Annotated[int, Field(ge=1, le=6)]
    conciseness: Annotated[int, Field(ge=1, le=6)]


class Financial(Record):
    metric: Literal["annualized_revenue", "revenue_growth", "valuation", "investment", "stake"]
    value: float = Field(description="absolute amount; a percentage or multiple for stake/growth")
    unit: Literal["USD", "CNY", "%", "x"]
    date: PartialDate | None = None
    counterparty: Id | None = Field(None, description="the other vendor (an investor, say)")
    reported: str | None = None
    note: str | None = None
    sources: Sources


class SettingDetail(Record):
    """An evaluation setting, parsed (:func:`genai_cli.dataset.parsing.parse_setting`): what a
    printed score's ``setting_detail`` holds (never written in a data file)."""

    shots: int | None = Field(description="the number of examples shown; null when not given")
    cot: bool = Field(description="chain-of-thought prompting")
    aggregation: str | None = Field(description="how samples are combined: maj1@32, pass@1")
    samples: int | None = Field(description="samples drawn per question (the @N)")
    variable_shots: bool = Field(description="the number of shots varies by task")


# --------------------------------------------------------------------------- kinds


class Vendor(Record):
    id: Id
    name: Text
    name_zh: str | None = Field(
        None,
        description="the Chinese name the report uses, or the vendor's own (quoted in a source)",
    )
    aliases: list[Text] = Field(default_factory=list)
    type: (
        Literal["company", "lab", "startup", "division", "nonprofit", "community", "academic"]
        | None
    ) = Field("company", description="null for a vendor only catalogs know")
    founded: PartialDate | None = None
    founders: list[Text] = Field(default_factory=list)
    parent: Id | None = Field(None, description="owning vendor, e.g. deepmind -> google")
    description: str | None = None
    financials: list[Financial] = Field(default_factory=list)
    url: str | None = None
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class Model(Record):
    id: Id
    name: Text
    vendor: Annotated[
        Id,
        Printed({"type": "null", "description": "a model only catalogs know, maker not named"}),
    ]
    partners: list[Id] = Field(default_factory=list, description="co-developing vendors")
    aliases: list[Text] = Field(default_factory=list)
    family: Id | None = Field(None, description="the model this one is a size or version of")
    based_on: list[Id] = Field(default_factory=list)
    kind: Literal["model", "family", "system", "product", "robot"] = "model"
    status: Literal["released", "preview", "research", "announced", "planned"] = "released"
    released: PartialDate | None = Field(
        None, description="when it became available (to the public, or as the status says)"
    )
    announced: PartialDate | None = Field(
        None, description="when it was first announced, where that is earlier than released"
    )
    domain: Domain | None = None
    modalities: list[Modality] = Field(default_factory=list)
    architecture: list[Id] = Field(default_factory=list)
    applications: str | None = Field(None, description="what the report says it is for")
    description: str | None = None
    parameters: Quantity | None = Field(
        None,
        description="the number of parameters; genai prints it only when exact or a range "
        "(else null: parameters_detail keeps a lower bound or an undisclosed figure)",
    )
    layers: Annotated[int, Field(gt=0)] | None = None
    embedding_dim: Annotated[int, Field(gt=0)] | None = None
    context_window: Annotated[int, Field(gt=0)] | None = Field(None, description="tokens")
    context_windows: list[ContextWindow] = Field(default_factory=list)
    max_input_tokens: Annotated[int, Field(gt=0)] | None = Field(
        None,
        description="the longest prompt (tokens), where a source gives it apart from the window",
    )
    max_output_tokens: Annotated[int, Field(gt=0)] | None = Field(
        None, description="the longest reply it can write in one call (tokens)"
    )
    training_tokens: Annotated[int, Field(gt=0)] | None = Field(
        None, description="tokens it was trained on"
    )
    training_method: list[Text] = Field(default_factory=list)
    features: list[Text] = Field(default_factory=list)
    knowledge_cutoff: PartialDate | None = None
    open_weights: bool | None = None
    pricing: Pricing | None = None
    pricing_variants: list[Pricing] = Field(default_factory=list)
    ratings: Ratings | None = None
    external_ids: list[ExternalId] = Field(
        default_factory=list,
        description="the ids other catalogs and providers know it by (snapshots, provider forms)",
    )
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources

    @model_validator(mode="after")
    def _windows(self) -> Model:
        check_model(self.__dict__)
        return self


class Benchmark(Record):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    category: Text
    metric: Text = Field(description="what a score measures: accuracy, F1, percentile, win rate")
    unit: Text = "%"
    higher_is_better: bool = True
    description: str | None = None
    url: str | None = None
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class Score(Record):
    id: CompoundId | None = Field(
        None, description="defaults to MODEL/BENCHMARK/SETTING-SLUG (plus /vs-OPPONENT)"
    )
    model: Id
    benchmark: Id
    value: float
    unit: Text = "%"
    setting: str | None = Field(None, description="evaluation setting as published, normalised")
    setting_label: str | None = Field(None, description="the setting exactly as printed")
    reported_by: Id | None = Field(None, description="vendor who published the number")
    opponent: Id | None = Field(None, description="for win rates: the model compared against")
    wins: Annotated[int, Field(ge=0)] | None = None
    total: Annotated[int, Field(gt=0)] | None = None
    raw: str | None = Field(None, description="the score as printed, e.g. '298 / 400'")
    date: PartialDate | None = None
    note: str | None = None
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources

    @model_validator(mode="after")
    def _setting(self) -> Score:
        check_score(self.__dict__)
        return self


class Event(Record):
    id: Id
    date: PartialDate
    kind: Literal[
        "founding", "release", "announcement", "paper", "funding", "investment",
        "partnership", "merger", "restructuring", "license", "trademark", "demo",
        "strategy", "revenue", "valuation",
    ]  # fmt: skip
    title: Text
    description: str | None = None
    vendor: Id | None = None
    parties: list[Id] = Field(default_factory=list, description="other vendors involved")
    models: list[Id] = Field(default_factory=list)
    architectures: list[Id] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class Architecture(Record):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    year: PartialDate
    description: Text
    authors: list[Text] = Field(default_factory=list)
    paper: str | None = None
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class AgiCell(Record):
    label: Text
    examples: list[Text] = Field(default_factory=list)
    models: list[Id] = Field(default_factory=list)
    achieved: bool


class AgiLevel(Record):
    id: Id
    level: Annotated[int, Field(ge=0, le=5)]
    name: Text
    performance: Text
    narrow: AgiCell
    general: AgiCell
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class MarketFigure(Record):
    id: Id
    metric: Text = "AI market size"
    region: Text
    year: PartialDate
    amount: Annotated[int, Field(gt=0)] = Field(description="an absolute amount of currency")
    currency: Literal["USD", "CNY"]
    status: Literal["actual", "forecast"]
    cagr: float | None = Field(None, description="compound annual growth rate, percent")
    cagr_period: str | None = None
    publisher: Text = Field(description="who published the figure")
    reported: str | None = None
    note: str | None = None
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class Prediction(Record):
    id: Id
    who: Text
    affiliation: str | None = None
    vendor: Id | None = None
    said: PartialDate
    claim: Text
    target_year: Annotated[int, Field(ge=2000, le=2200)] | None = None
    probability: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None, description="0-1; null where the speaker gave none"
    )
    verified: bool = Field(True, description="false when no primary source was found")
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources


class Finding(Record):
    """A thesis, statement or quoted claim of the report, in its own words and in English."""

    id: Id
    kind: Literal["thesis", "quote", "claim", "forecast"] = Field(
        description="thesis: the report's own argument; quote: someone's words the report "
        "quotes; claim: a factual claim attributed to someone; forecast: an expectation "
        "about the future"
    )
    text: Text = Field(description="the statement in English, faithful to the report")
    text_zh: Text = Field(description="the report's words, verbatim (also a report quote)")
    speaker: Text = Field(description='who says it: "the report", "Andrew Ng", "OpenAI", ...')
    vendor: Id | None = Field(None, description="the speaker's vendor, where there is one")
    section: Text = Field(description="the report's heading it is under")
    topic: Text = Field(description='a short English tag: "scaling laws", "data", ...')
    models: list[Id] = Field(default_factory=list, description="the models it is about")
    architectures: list[Id] = Field(default_factory=list)
    paraphrase: bool = Field(
        False,
        description="true when the report paraphrases the speaker rather than quoting them: "
        "the English text is then not the speaker's words",
    )
    note: str | None = None
    corrections: list[Correction] = Field(default_factory=list)
    sources: Sources

    @model_validator(mode="after")
    def _text_zh_quoted(self) -> Finding:
        check_finding(self.__dict__)
        return self


class Risk(Record):
    id: Id
    rank: Annotated[int, Field(ge=1)]
    title: Text
    title_zh: Text
    description: str | None = None
    sources: Sources


class Offering(Record):
    """A provider's offer of a model, as an imported catalog states it."""

    model: Id
    catalog: Text
    provider: Text = Field(description="the provider's id (one id for every catalog's spelling)")
    provider_kind: Literal["lab", "cloud", "gateway", "host"] | None = Field(
        None, description="the model maker's own API, a cloud, a gateway or an inference host"
    )
    id: Text = Field(description="the model id as this provider writes it")
    key: Text = Field(description="the catalog entry's own key")
    version: str | None = Field(
        None, description="the snapshot it serves, as its id's suffix writes it: 20240229, 001"
    )
    tier: str | None = Field(
        None, description="the tier it is priced at: a size, quality or commitment term"
    )
    pricing: dict[str, float] | None = Field(
        None, description="USD per 1M tokens: input, output, cache_read, cache_write"
    )
    context_window: int | None = Field(None, description="tokens")
    max_input_tokens: int | None = Field(None, description="tokens")
    max_output_tokens: int | None = Field(None, description="tokens")
    deprecation_date: PartialDate | None = None
    mode: str | None = None
    url: str | None = None
    as_of: PartialDate | None = None


class Claim(Record):
    """What one catalog says of one field of a model."""

    model: Id
    field: Text
    value: Any
    catalog: Text
    catalog_version: str | None = None
    key: Text = Field(description="the first (best-ranked) entry that says it")
    keys: list[str] = Field(default_factory=list, description="every entry that says it")
    url: str | None = None
    as_of: PartialDate | None = None
    first_party: bool = Field(False, description="an entry of the model's lab's own API says it")
    provider: str | None = Field(
        None, description="for a price: the provider (one of the lab's own APIs) it is the price at"
    )
    used: bool = Field(False, description="the value the model shows (a null curated field)")


class ConflictValue(Record):
    value: Any
    sources: list[str] = Field(description="'dataset' (the curated value) or 'catalog:key'")
    shown: bool = Field(False, description="the value the model shows")
    first_party: bool = Field(False, description="a source of the model's lab holds it")


class Conflict(Record):
    """A field of a model whose sources disagree, values side by side; or values the
    model shows that cannot all be true (``kind: inconsistent``: an input or output
    limit above the context window, an input budget or a price-tier threshold given
    as the context window)."""

    model: Id
    field: Text
    kind: Literal["disagreement", "inconsistent"] = "disagreement"
    values: list[ConflictValue]
    note: Text | None = Field(
        None, description="what is inconsistent: 'input limit above the context window', ..."
    )


class ModelClose(Record):
    """A model with the same display name that no rule joins to this one."""

    id: Id
    name: Text
    why: Text = Field(description="why they were not joined: how their ids differ")


class ModelVersion(Record):
    """A dated or numbered snapshot of a model (``gpt-4-0613``), as catalogs name it."""

    id: Text = Field(description="the version's id as the lab writes it")
    released: PartialDate | None = Field(
        None, description="its date: the one its suffix states, else its lab's entry's"
    )
    sources: list[str] = Field(description="the catalog entries that name it, 'catalog:key'")


class CatalogImport(Record):
    """One imported catalog."""

    catalog: Text
    version: str | None = None
    as_of: PartialDate | None = None
    file: Text = Field(description="the imported catalog's file in the data folder")
    source: str | None = Field(None, description="what it was imported from")
    records: int
    entries: int
    matched: int = Field(description="curated models that entries of it joined")
    new: int = Field(description="models only catalogs know that it names")
    offerings: int
    skipped: dict[str, int] = Field(default_factory=dict)
    imported_at: str = Field(description="when the file was written (UTC)")


class Provider(Record):
    """A provider of the imported catalogs' offerings, under one id for every
    catalog's spelling of it (the providers table), with what it offers."""

    id: Text = Field(
        description="the providers table's id (a provider the table does not know: "
        "the catalog's own spelling)"
    )
    name: Text
    kind: Literal["lab", "cloud", "gateway", "host"] | None = Field(
        None,
        description="the model maker's own API (lab), a cloud platform, a gateway that "
        "resells other providers' APIs, or an inference host",
    )
    lab: str | None = Field(None, description="for a lab's own API: the maker's vendor id")
    names: dict[str, list[str]] = Field(
        default_factory=dict, description="per catalog, how that catalog spells the provider"
    )
    models: int = Field(description="how many models it offers in the imported catalogs")
    offerings: int = Field(description="how many offerings (catalog entries) it has")
    catalogs: dict[str, int] = Field(
        default_factory=dict, description="its offerings per imported catalog"
    )
    cheapest: str | None = Field(
        None,
        description="the model of its offering with the lowest input price above 0, of the "
        "models that write text (none an image, video, audio, embedding or rerank model by "
        "LiteLLM's mode of any entry; a price of 0 is left out: catalogs write it for free "
        "tiers and for models billed otherwise)",
    )
    cheapest_input: float | None = Field(
        None, description="that offering's input price, USD per 1M tokens"
    )
    newest: list[str] = Field(
        default_factory=list,
        description="the models it offers with the latest release date (the model's, not "
        "the offering's)",
    )
    newest_released: PartialDate | None = Field(None, description="their release date")
    url: str | None = None
    note: str | None = None


class ProviderModel(Record):
    """A model a provider offers (``genai providers show``)."""

    model: Id
    name: Text
    ids: list[str] = Field(description="the model's ids at this provider, in its offerings")
    offerings: int
    pricing: dict[str, float] | None = Field(
        None,
        description="USD per 1M tokens: the prices of its offering with the lowest input "
        "price above 0 (else of one priced at 0)",
    )
    released: PartialDate | None = Field(None, description="the model's release date")


RULES: dict[str, tuple[Any, Any]] = {
    "Quantity": (quantity_shorthand, check_quantity),
    "Model": (None, check_model),
    "Score": (None, check_score),
    "Finding": (None, check_finding),
}
"""Class name -> (before, after) rules, for the TypedDict twins."""

CLASSES: dict[str, type[Record]] = {kind: globals()[name] for kind, name in SCHEMAS.items()}
"""Kind -> its schema class, as the registry names them."""


def _type_name(annotation: Any) -> str:
    """The JSON type a field holds: int, float, str, bool, list or object."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _type_name(typing.get_args(annotation)[0])
    if origin is list:
        return "list"
    if origin is dict:  # pricing, names: dict[str, float], dict[str, list[str]]
        return "object"
    if origin is Literal:
        return "str"
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if args and origin is not None:
        return _type_name(args[0])
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel) or annotation is dict:
            return "object"
        if annotation is bool:
            return "bool"
        if annotation is int:
            return "int"
        if annotation is float:
            return "float"
        if annotation is str:
            return "str"
    return "any"


def shapes() -> dict[str, dict[str, Any]]:
    """Every schema class as plain data: its fields in order, their JSON types, the
    defaults, the nested record classes, the fields' descriptions and, for a
    field of a closed set (a ``Literal``, or a list of one), its values. The build ships this in
    ``_build/meta.json`` so that records are restored (and filters checked,
    and options completed) without pydantic."""
    out: dict[str, dict[str, Any]] = {}

    def choices(annotation: Any) -> list[str] | None:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is Literal:
            return [str(a) for a in args]
        for arg in args:  # list[X], Optional[X], Annotated[X, ...]
            found = choices(arg)
            if found is not None:
                return found
        return None

    def nested_class(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation, False
        if origin is list and args:
            inner, _ = nested_class(args[0])
            return inner, True
        for arg in args:  # Optional[X], Annotated[X, ...]
            inner, many = nested_class(arg)
            if inner is not None:
                return inner, many
        return None, False

    def visit(cls: type[BaseModel]) -> None:
        name = cls.__name__
        if name in out:
            return
        shape: dict[str, Any] = {
            "fields": [],
            "types": {},
            "defaults": {},
            "nested": {},
            "choices": {},
            "descriptions": {},
        }
        out[name] = shape
        for fname, info in cls.model_fields.items():
            shape["fields"].append(fname)
            shape["types"][fname] = _type_name(info.annotation)
            closed = choices(info.annotation)
            if closed is not None:
                shape["choices"][fname] = closed
            if info.description:
                shape["descriptions"][fname] = info.description
            if not info.is_required():
                shape["defaults"][fname] = info.get_default(call_default_factory=True)
            sub, many = nested_class(info.annotation)
            if sub is not None:
                shape["nested"][fname] = [sub.__name__, many]
                visit(sub)

    for cls in CLASSES.values():
        visit(cls)
    return out
