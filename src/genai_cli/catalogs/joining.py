"""How imported catalogs join the dataset.

How a catalog entry joins:

* **which model**: by explicit identity only (:mod:`genai_cli.catalogs.identity`):
  the entry's key is one of the model's. A dated or numbered snapshot joins
  its model as a *version*; a moving alias (``-latest``) never joins a fixed
  model; a tier (a size, a quality, a commitment term) is an offering of its
  model. What joins nothing becomes a model of its own, one per key across
  every catalog and host.
* **claims**: what an entry states about its model's fields, with the
  catalog, its version, the entry's key, its url and as-of date, and whether
  the entry is the lab's own (``first_party``). A version's date is the
  version's, not a claim about the model's release; a host's limits and
  prices are facts of its offering, not claims about the model; a tier's
  facts are the tier's.
* **offerings**: every entry of a catalog of providers (models.dev, LiteLLM,
  genai-prices; HELM lists models, not offers) is an offering: provider,
  prices per 1M tokens, limits, deprecation date, the version and tier it
  serves.
* **which value a field shows**: a curated value (the bundled data or the
  user's own files) always stands. A field that is null there, and every field
  of a model only catalogs know, takes the first claim in this order — an
  entry of the model itself before a version's; the lab's own API first, then
  catalogs that describe models (HELM), then everyone else; the catalogs in
  :data:`~genai_cli.catalogs.spec.CATALOGS` order (HELM, models.dev,
  genai-prices, LiteLLM); then by key — and that claim says ``"used": true``.
* **conflicts**: a field whose sources (the curated value and every claim)
  hold different values, after normalising: numbers as absolute integers,
  prices per 1M tokens, dates compared at the coarser precision
  (``2023-03`` agrees with ``2023-03-14``), a parameter count inside a
  curated range. Each value says whether it is the one shown and whether a
  first-party source holds it. Beside them, *inconsistencies* of the values
  shown: an input or output limit above the context window. Names are claims
  but never conflicts.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from contextlib import suppress
from datetime import date, timedelta
from functools import cache
from typing import Any, Protocol

from ..dataset.parsing import normalize_key
from . import identity as I
from .derived import rows_of, write_derived
from .identity import provider_of
from .providers import PROVIDERS, is_plan
from .spec import BY_NAME, precedence

Member = tuple[int, int, dict[str, Any]]
"""One entry that joined a model: the index of its catalog among the documents
merged, its index among that catalog's entries, and the entry."""


class Curated(Protocol):
    """What the join reads of the curated records (the bundled data and the user's
    own files): :class:`genai_cli.answers.catalog.Catalog` is one."""

    def compact(self, kind: str) -> list[dict[str, Any]]:
        """A kind's records, compact, in order."""

    def by_id(self, kind: str) -> dict[str, dict[str, Any]]:
        """A kind's records by id."""

    def names(self, kind: str) -> dict[str, str]:
        """A kind's normalised ids, names and aliases -> ids."""

    def full(self, kind: str, rec: dict[str, Any]) -> dict[str, Any]:
        """A record with every field."""


MODEL_FIELDS = (
    "name",
    "released",
    "knowledge_cutoff",
    "context_window",
    "max_input_tokens",
    "max_output_tokens",
    "open_weights",
    "parameters",
    "modalities",
    "pricing",
)
"""The model fields catalogs make claims about."""

CONFLICT_FIELDS = tuple(f for f in MODEL_FIELDS if f not in ("name", "modalities"))

LIMITS = ("context_window", "max_input_tokens", "max_output_tokens")
"""A model's limits: the lab's (or a catalog that describes models) are the model's;
a host's are its offering's."""

_MODALITIES = {"text", "image", "video", "audio", "code", "3d"}
_MEDIA_OUT = frozenset({"image", "audio", "video"})  # an output price of these is no text price

CURATED = "dataset"
"""How a conflict names the curated value (the bundled data or the user's own files)."""

# how an entry speaks for its model: the lab's own, a catalog of models, any other
FIRST_PARTY, DESCRIBES, OTHER = 0, 1, 2


@cache
def standing(catalog: str, provider: str, vendor: str | None) -> int:
    """How an entry speaks for a model of ``vendor``: :data:`FIRST_PARTY` (the lab's
    own API), :data:`DESCRIBES` (a catalog of models: HELM) or :data:`OTHER`."""
    if I.is_first_party(provider, vendor, catalog):
        return FIRST_PARTY
    return DESCRIBES if not BY_NAME[catalog].offers else OTHER


# --------------------------------------------------------------------------- claims


def claims_of(
    entry: Mapping[str, Any],
    vendor: str | None,
    ident: I.Identity,
    party: int,
    catalog: str,
    templates: frozenset[tuple[str, str, str]] = frozenset(),
) -> dict[str, Any]:
    """What an entry says of its model's fields, normalised (USD per 1M, integers,
    ISO), as :func:`standing` ``party`` and its :class:`~identity.Identity` allow:
    no release date from a version, no limits or prices from a host, nothing but
    its name from a tier, no dates of a template (``templates``: :func:`templates`)."""
    facts = entry["facts"]
    name = entry.get("name")
    out: dict[str, Any] = {"name": name} if name else {}
    if ident.tier is not None:
        return out
    plan, not_said, repeats, fillers = _policy(catalog, str(entry["provider"]))
    if templates and (
        (entry["provider"], facts.get("knowledge_cutoff"), facts.get("released")) in templates
    ):
        not_said = not_said | {"knowledge_cutoff", "released"}  # a provider's template
    for key in _STATED:
        if key not in facts or key in not_said:
            continue
        value = facts[key]
        if fillers and (key, value) in fillers:
            continue  # the value the catalog writes for this provider where it knows none
        if key == "released":
            if ident.version is not None and party != FIRST_PARTY:
                continue  # the version's date, not the model's release (unless the lab
                # lists the model by its snapshot alone: Anthropic's claude-3-5-haiku-20241022)
        elif key in _LIMIT_SET:
            if party == OTHER or plan:
                continue  # a host's limit, or a plan's, is its offering's
            if repeats and key == "max_output_tokens" and value == facts.get("max_input_tokens"):
                continue  # the input limit repeated: no output limit stated
        out[key] = value
    if "parameters" in facts:
        n = facts["parameters"]
        out["parameters"] = {"state": "exact", "min": n, "max": n}
    ins, outs = facts.get("input_modalities"), facts.get("output_modalities")
    if ins or outs:
        kept = sorted(_MODALITIES.intersection((*(ins or ()), *(outs or ()))))
        if kept:
            out["modalities"] = kept
    if party == FIRST_PARTY and not plan:
        price = price_in_force(facts)
        if (
            price
            and "input" in price
            and "output" in price
            and not _MEDIA_OUT.intersection(outs or ())
            and entry.get("mode") != "audio_speech"  # output: image or audio tokens, or text?
        ):
            out["pricing"] = {"input": price["input"], "output": price["output"]}
    return out


def templates(doc: Mapping[str, Any], idents: Sequence[I.Identity]) -> list[list[str]]:
    """The (provider, knowledge date, release date) a catalog gives to three or more
    entries of two or more labs: a provider's template, not the models' dates (NVIDIA's
    2024-12 and 2024-12-01 for Gemma 3 27B, Phi-4 Mini and Qwen3-Next, released in
    2025; iFlow's 2024-10 and 2024-12-01 for GLM-4.6, Kimi K2 and Qwen3)."""
    groups: dict[tuple[str, str, str], tuple[list[int], set[str]]] = {}
    for entry, ident in zip(doc["entries"], idents, strict=True):
        facts = entry["facts"]
        knowledge, released = facts.get("knowledge_cutoff"), facts.get("released")
        if knowledge and released:
            count, labs = groups.setdefault((entry["provider"], knowledge, released), ([0], set()))
            count[0] += 1
            if ident.vendor is not None:
                labs.add(ident.vendor)
    return sorted([*t] for t, (count, labs) in groups.items() if count[0] >= 3 and len(labs) >= 2)


def _templates_of(doc: Mapping[str, Any]) -> frozenset[tuple[str, str, str]]:
    return frozenset(tuple(t) for t in doc.get("templates", ()))


_STATED = ("released", "knowledge_cutoff", *LIMITS, "open_weights")
"""The facts an entry states as they are (in :data:`MODEL_FIELDS` order)."""
_LIMIT_SET = frozenset(LIMITS)


@cache
def _policy(
    catalog: str, provider: str
) -> tuple[bool, frozenset[str], bool, frozenset[tuple[str, Any]]]:
    """What a provider's entries in a catalog may claim (the providers table): is it a
    subscription plan (its prices are no per-token list prices, its limits the
    plan's), which fields it fills with something else, does the catalog repeat its
    input limit as its output limit, and which (field, value) are placeholders?"""
    found = provider_of(catalog, provider)
    if found is None:
        return False, frozenset(), False, frozenset()
    return (
        is_plan(found),
        frozenset(found.not_said),
        catalog in found.output_repeats_input,
        frozenset(found.placeholders),
    )


def _other_prices(facts: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The other prices an entry names beside the one in force: the one before it (by
    date), and a price at set hours (off-peak)."""
    out = []
    before, since = facts.get("pricing_before"), facts.get("pricing_from")
    if before and isinstance(since, str) and since <= TODAY:
        out.append({"input": before.get("input"), "output": before.get("output")})
    off_peak = facts.get("pricing_off_peak")
    if off_peak:
        out.append({"input": off_peak.get("input"), "output": off_peak.get("output")})
    return out


TODAY = date.today().isoformat()
"""The day prices are in force on (a price list may name a price that starts later)."""


def price_in_force(facts: Mapping[str, Any]) -> Any:
    """The price an entry states for today: its price, or where that starts later
    (``pricing_from``), the one before it (``pricing_before``, or none)."""
    since = facts.get("pricing_from")
    if isinstance(since, str) and since > TODAY:
        return facts.get("pricing_before")
    return facts.get("pricing")


def _date_agrees(a: str, b: str) -> bool:
    """Dates agree at the coarser precision; a 1st of the month is a month (catalogs
    write a month as its first day); one launch may fall on two calendar days."""
    a, b = (d[:7] if len(d) == 10 and d.endswith("-01") else d for d in (a, b))
    if a.startswith(b) or b.startswith(a):
        return True
    try:
        return abs(date.fromisoformat(a) - date.fromisoformat(b)) <= timedelta(days=1)
    except ValueError:
        return False


def _limits_agree(a: int, b: int) -> bool:
    """Token limits agree when one is the other's "K" or "M" read as 1,000 or 1,024
    (128,000 and 131,072), or one is the other rounded to millions (1,000,000 and
    1,047,576: within 5%; 200,000 and 196,608 are two limits), or a power of two
    and the same less one (8,192 and 8,191)."""
    if a == b:
        return True
    lo, hi = sorted((a, b))
    if hi - lo == 1 and hi & (hi - 1) == 0:
        return True  # 8,191 and 8,192: a power of two, less the one the lab reserves
    for unit, binary in ((1000, 1024), (1000**2, 1024**2)):
        if lo % unit == 0 and hi == lo // unit * binary:
            return True
    millions = [n for n in (lo, hi) if n % 1_000_000 == 0]  # "1M" beside 1,047,576
    return len(millions) == 1 and (hi - lo) <= 0.05 * hi


def agrees(field: str, a: Any, b: Any) -> bool:
    """Do two values of ``field`` say the same, after normalising?"""
    if field in ("released", "knowledge_cutoff") and isinstance(a, str) and isinstance(b, str):
        return _date_agrees(a, b) or (field == "knowledge_cutoff" and _next_months(a, b))
    if field in LIMITS and isinstance(a, int) and isinstance(b, int):
        return _limits_agree(a, b)
    if field == "parameters" and isinstance(a, dict) and isinstance(b, dict):
        return _quantities_agree(a, b)
    if field == "pricing" and isinstance(a, dict) and isinstance(b, dict):
        return all(
            round(float(a[k]), 6) == round(float(b[k]), 6)
            for k in ("input", "output")
            if a.get(k) is not None and b.get(k) is not None
        )
    return bool(a == b)


def _next_months(a: str, b: str) -> bool:
    """Are two knowledge cutoffs in one month or the next? A lab's "September 2021" or
    "Sep 01, 2021" is written 2021-08 (data up to the 1st), 2021-09, 2021-09-01 or
    2021-09-30: one cutoff, read to the month it is in or the one before."""
    if len(a) < 7 or len(b) < 7 or not (a[:4] + a[5:7] + b[:4] + b[5:7]).isdigit():
        return False
    months = sorted(int(d[:4]) * 12 + int(d[5:7]) for d in (a, b))
    return months[1] - months[0] <= 1


def _quantities_agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """A count agrees with a range that holds it, or a lower bound it passes."""
    lo_a, lo_b = a.get("min"), b.get("min")
    if lo_a is None or lo_b is None:
        return True
    hi_a = a["max"] if a.get("max") is not None else lo_a
    hi_b = b["max"] if b.get("max") is not None else lo_b
    if a.get("state") == "lower_bound":
        return bool(lo_b >= lo_a)
    if b.get("state") == "lower_bound":
        return bool(lo_a >= lo_b)
    return bool(lo_a <= lo_b <= hi_b <= hi_a or lo_b <= lo_a <= hi_a <= hi_b)


def _shown(field: str, value: Any) -> Any:
    """The value a conflict lists (a curated quantity or price without its notes)."""
    if field == "parameters" and isinstance(value, dict):
        return {k: value.get(k) for k in ("state", "min", "max")}
    if field == "pricing" and isinstance(value, dict):
        return {"input": value["input"], "output": value["output"]}
    return value


# --------------------------------------------------------------------------- merge


class Merged:
    """The imported catalogs joined to a curated catalog.

    ``patches``: per curated model, the null fields catalogs filled;
    ``models``: compact records of the models only catalogs know; ``vendors``:
    new vendor records; ``catalogs``: one row per imported catalog;
    ``members``: per model id, its vendor and the entries that joined it, best
    first. A model's ``external_ids``, ``versions``, ``offerings``, ``claims``
    and ``conflicts`` (its *extras*) are made from those when first asked for
    (:func:`extras_of`): a list of models never needs them.
    """

    def __init__(self, curated: Curated, docs: list[dict[str, Any]]) -> None:
        self.curated = curated
        self.docs = docs
        self.patches: dict[str, dict[str, Any]] = {}
        self.models: list[dict[str, Any]] = []
        self.vendors: list[dict[str, Any]] = []
        self.members: dict[str, tuple[str | None, list[Member]]] = {}
        self.catalogs: list[dict[str, Any]] = []
        self._extras: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.cache: tuple[str, str] | None = None
        """The cached copy's folder and key, once written: every model's extras,
        when made, are written there too (:func:`genai_cli.catalogs.store.write_derived`)."""

    # the view a Catalog reads (a cached copy offers the same methods)

    def imported_models(self, vendors: set[str] | None = None) -> list[dict[str, Any]]:
        if vendors is None:
            return self.models
        return [m for m in self.models if m.get("vendor") in vendors]

    def model_extras(self, model_id: str) -> dict[str, list[dict[str, Any]]]:
        found = self._extras.get(model_id)
        if found is None:
            member = self.members.get(model_id)
            if member is None:
                return {}
            vendor, entries = member
            found = self._extras[model_id] = extras_of(
                self.curated, self.docs, model_id, vendor, entries
            )
        return found

    def all_extras(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        found = {mid: self.model_extras(mid) for mid in self.members}
        if self.cache is not None:  # written once beside the cached join (store.Cached)
            folder, self.cache = self.cache, None
            with suppress(OSError):
                write_derived(folder[0], folder[1], found)
        return found

    def rows(self, kind: str, where: dict[str, set[str]] | None = None) -> list[dict[str, Any]]:
        """Every model's ``kind`` rows, in order (only those ``where`` keeps)."""
        return rows_of(self.all_extras(), kind, where)


def known_keys(cat: Curated) -> dict[str, str]:
    """Every key a curated model is known by -> the model's id: its own id's first,
    then its external ids' (their identity, by the same rules as an entry's), and
    each external id exactly (``=gpt-4-1106-preview``: a curated statement that
    joins before any rule does)."""
    known: dict[str, str] = {}
    models = cat.compact("models")
    for m in models:
        known.setdefault(I.identify({"id": m["id"]}).key, m["id"])
    for m in models:
        for x in m.get("external_ids", ()):
            entry = {"id": x["id"], "provider": x.get("provider") or ""}
            ident = I.identify(entry, x.get("catalog") or "")
            known.setdefault("=" + ident.raw, m["id"])
            known.setdefault(ident.key, m["id"])
    return known


def joins(known: Mapping[str, str], entry: Mapping[str, Any], catalog: str) -> str | None:
    """The curated model an entry joins (``known``: :func:`known_keys`), if any."""
    return _joined(known, I.identify(entry, catalog))


def _joined(known: Mapping[str, str], ident: I.Identity) -> str | None:
    return known.get("=" + ident.raw) or known.get(ident.key)


def group_of(known: Mapping[str, str], ident: I.Identity) -> str:
    """The model an entry joins, as :func:`merge` first groups entries: ``=`` and the
    curated model's id, else the entry's identity key (one model only catalogs know
    per key; the join of every catalog may still gather some of them)."""
    mid = _joined(known, ident)
    return ident.key if mid is None else f"={mid}"


def model_of(known: Mapping[str, str], taken: Container[str], ident: I.Identity) -> str:
    """The id of the model an entry joins, as the join of its catalog alone gives it:
    the curated model it names, else the id of a model only catalogs know (which the
    join of every catalog may still gather with others: :func:`merge`)."""
    return _joined(known, ident) or _new_id(ident, taken)


def _source(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A catalog as the source of a record only catalogs know (its keys are the
    record's ``external_ids``)."""
    version = f" {doc['version']}" if doc.get("version") else ""
    return {
        "title": f"{doc['catalog']} catalog{version}",
        "date": doc["as_of"][:10] if doc.get("as_of") else None,
        "url": BY_NAME[doc["catalog"]].url,
    }


_LABS_WITH_APIS = frozenset(p.lab for p in PROVIDERS if p.lab)


def maker(cat: Curated, vendor: str | None) -> str | None:
    """The lab whose own API speaks for a curated model of ``vendor``: the vendor, or
    the first owner up its ``parent`` chain (the curated vendors') that has an API
    of its own: Google's Gemini API for a model of Google DeepMind."""
    vendors = cat.by_id("vendors")
    seen: set[str] = set()
    at = vendor
    while at is not None and at not in seen:
        if at in _LABS_WITH_APIS:
            return at
        seen.add(at)
        at = (vendors.get(at) or {}).get("parent")
    return vendor


def _rank(
    rank: int, catalog: str, entry: Mapping[str, Any], ident: I.Identity, vendor: str | None
) -> tuple[bool, int, bool, int, str]:
    """Which entry speaks first for a model: the model before a tier of it; the lab's
    own API, then a catalog of models, then the rest; the model itself before one of
    its versions; then the catalogs in precedence order (``rank``: the entry's
    catalog's place there); then by key."""
    return (
        ident.tier is not None,
        standing(catalog, str(entry["provider"]), vendor),
        ident.version is not None,
        rank,
        str(entry["key"]),
    )


def summarize(
    cat: Curated,
    doc: Mapping[str, Any],
    known: Mapping[str, str] | None = None,
    idents: Sequence[I.Identity] | None = None,
) -> dict[str, Any]:
    """What importing one catalog does, against a curated catalog: entries, matches,
    new models, offerings, what was skipped (``known``: :func:`known_keys` of ``cat``,
    ``idents``: the entries' identities, when the caller has them)."""
    if known is None:
        known = known_keys(cat)
    matched: set[str] = set()
    new: set[str] = set()
    matched_entries = 0
    for ident in I.identities_of(doc) if idents is None else idents:
        mid = _joined(known, ident)
        if mid is not None:
            matched.add(mid)
            matched_entries += 1
        else:
            new.add(ident.key)
    return _catalog_row(doc, len(matched), len(new), matched_entries)


def _catalog_row(
    doc: Mapping[str, Any], matched: int, new: int, matched_entries: int | None = None
) -> dict[str, Any]:
    """A catalog's row (``genai catalogs``; with ``matched_entries``, an import's summary)."""
    row = {
        "catalog": doc["catalog"],
        "version": doc.get("version"),
        "as_of": doc.get("as_of"),
        "file": doc.get("path"),
        "source": doc.get("file"),
        "records": doc.get("records"),
        "entries": len(doc["entries"]),
        "matched": matched,
    }
    if matched_entries is not None:
        row["matched_entries"] = matched_entries
    row["new"] = new
    row["offerings"] = len(doc["entries"]) if _offers(doc) else 0
    row["skipped"] = doc.get("skipped", {})
    row["imported_at"] = doc.get("imported_at")
    return row


def _offers(doc: Mapping[str, Any]) -> bool:
    """Is each entry of this catalog an offering (a provider serving a model)?"""
    return BY_NAME[doc["catalog"]].offers


def merge(cat: Curated, docs: list[dict[str, Any]]) -> Merged:
    """Join imported catalogs (documents of :func:`read_file`) to a curated catalog."""
    known = known_keys(cat)
    curated = cat.by_id("models")
    vendor_names = cat.names("vendors")
    Ranked = tuple[int, int, dict[str, Any], I.Identity]
    groups: dict[str, list[Ranked]] = {}
    matched_models: dict[str, set[str]] = {}
    new_models: dict[str, set[str]] = {}
    for n, doc in enumerate(docs):
        catalog = doc["catalog"]
        add_matched = matched_models.setdefault(catalog, set()).add
        add_new = new_models.setdefault(catalog, set()).add
        idents = I.identities_of(doc)
        doc["templates"] = templates(doc, idents)
        for k, (entry, ident) in enumerate(zip(doc["entries"], idents, strict=True)):
            mid = _joined(known, ident)
            if mid is not None:
                add_matched(mid)
                group_key = f"={mid}"
            else:
                add_new(ident.key)
                group_key = ident.key
            group = groups.get(group_key)
            if group is None:
                groups[group_key] = [(n, k, entry, ident)]
            else:
                group.append((n, k, entry, ident))
    _matched_ids(docs, groups)
    _lab_aliases(docs, groups)
    shapes = [_templates_of(doc) for doc in docs]

    out = Merged(cat, docs)
    new_vendors: dict[str, dict[str, Any]] = {}
    ranks = [precedence(doc["catalog"]) for doc in docs]
    names = [doc["catalog"] for doc in docs]
    sources = [_source(doc) for doc in docs]
    taken = set(curated)
    models, patches, members_of = out.models, out.patches, out.members

    def order(members: list[Ranked], vendor: str | None) -> None:
        if len(members) > 1:
            members.sort(key=lambda m: _rank(ranks[m[0]], names[m[0]], m[2], m[3], vendor))

    for group_key, members in groups.items():
        if group_key.startswith("="):
            mid = group_key[1:]
            vendor = maker(cat, curated[mid]["vendor"])
            order(members, vendor)
            entries = [(d, k, e) for d, k, e, _ in members]
            patch = _filled(docs, members, vendor, cat.full("models", curated[mid]), shapes)
            if patch:
                patches[mid] = patch
        else:
            order(members, None)  # the order the maker is looked for in
            vendor = _vendor_of(docs, members, vendor_names, new_vendors)
            if vendor is not None:
                order(members, vendor)
            mid = _new_id(members[0][3], taken)
            taken.add(mid)
            entries = [(d, k, e) for d, k, e, _ in members]
            record: dict[str, Any] = {"id": mid}
            record.update(_filled(docs, members, vendor, None, shapes))
            record.setdefault("name", mid)
            said = None if members[0][3].alias else I.lab_name(group_key)
            if said is not None:  # the display name is the lab's, from its own table
                record["name"] = said.name
            if members[0][3].alias and "latest" not in record["name"].lower():
                record["name"] += " (latest)"  # a moving alias, not the model it names today
            record["vendor"] = vendor
            record["sources"] = [dict(sources[d]) for d in dict.fromkeys(m[0] for m in members)]
            if said is not None:
                record["sources"].append({"title": said.title, "date": None, "url": said.url})
            models.append(record)
        members_of[mid] = (vendor, entries)
    out.vendors = sorted(new_vendors.values(), key=lambda v: v["id"])
    for doc in docs:
        c = doc["catalog"]
        matched, new = len(matched_models.get(c, ())), len(new_models.get(c, ()))
        out.catalogs.append(_catalog_row(doc, matched, new))
    return out


def _matched_ids(
    docs: Sequence[Mapping[str, Any]],
    groups: dict[str, list[tuple[int, int, dict[str, Any], I.Identity]]],
) -> None:
    """Join a model only a price list names to the one model its match names
    (genai-prices' ``gpt-5.3`` matches ``gpt-5.3-chat`` exactly): an entry's
    ``aliases`` are the exact ids it prices, but as they often price several
    models alike (``gpt-5`` matches ``gpt-5-codex``), they join only where the
    entry's own id is the price list's alone and exactly one of them, no moving
    alias and no version, is a model other catalogs list."""
    for group_key, members in list(groups.items()):
        if group_key.startswith("=") or any(
            docs[d]["catalog"] != "genai-prices" for d, *_ in members
        ):
            continue
        targets: set[str] = set()
        for _, _, entry, _ in members:
            for alias in entry.get("aliases", ()):
                other = I.identify({"id": alias, "provider": entry["provider"]}, "genai-prices")
                if other.alias or other.version is not None or other.key == group_key:
                    continue
                found = groups.get(other.key)
                if found and any(docs[od]["catalog"] != "genai-prices" for od, *_ in found):
                    targets.add(other.key)
        if len(targets) == 1:
            groups[targets.pop()].extend(groups.pop(group_key))


def _lab_aliases(
    docs: Sequence[Mapping[str, Any]],
    groups: dict[str, list[tuple[int, int, dict[str, Any], I.Identity]]],
) -> None:
    """Join the models only catalogs know whose ids the lab's own API lists under one
    name (Mistral lists ``mistral-large-2512`` and ``mistral-large-3`` as "Mistral
    Large 3"): the lab's own statement that two ids name one model. Moving
    aliases, versions and tiers take no part."""
    named: dict[tuple[str, str], str] = {}
    into: dict[str, str] = {}
    for group_key, members in groups.items():
        if group_key.startswith("="):
            continue
        for d, _, entry, ident in members:
            name = entry.get("name")
            if (
                not name
                or ident.alias
                or ident.version is not None
                or ident.tier is not None
                or not BY_NAME[docs[d]["catalog"]].names_models  # a price list's label
                or not I.is_first_party(str(entry["provider"]), ident.vendor, docs[d]["catalog"])
            ):
                continue
            tag = (str(ident.vendor), " ".join(str(name).casefold().split()))
            first = named.setdefault(tag, group_key)
            while first in into:
                first = into[first]
            if first != group_key and group_key not in into:
                into[group_key] = first
    for group_key, first in into.items():
        while first in into:
            first = into[first]
        groups[first].extend(groups.pop(group_key))


def _new_id(ident: I.Identity, taken: Container[str]) -> str:
    """The id of a model only catalogs know: the lab's id as its best entry writes it;
    one that happens to be taken (a curated id is not an identity) gets a suffix."""
    mid = I.model_id(ident)
    if mid in taken:
        n = 2
        while f"{mid}-{n}" in taken:
            n += 1
        mid = f"{mid}-{n}"
    return mid


def _open_fields(full: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The fields a model's claims may fill: every field of a model only catalogs
    know; a curated model's null ones (never its name or modalities)."""
    if full is None:
        return MODEL_FIELDS
    return tuple(
        f for f in MODEL_FIELDS if f not in ("name", "modalities") and full.get(f) in (None, [])
    )


def _filled(
    docs: Sequence[Mapping[str, Any]],
    members: Sequence[tuple[int, int, dict[str, Any], I.Identity]],
    vendor: str | None,
    full: Mapping[str, Any] | None,
    shapes: Sequence[frozenset[tuple[str, str, str]]],
) -> dict[str, Any]:
    """The fields a model's claims fill, each with the first claim's value (entries
    best first), in :data:`MODEL_FIELDS` order (the order :func:`claims_of` keeps);
    ``shapes``: each catalog's :func:`templates`."""
    wanted = _open_fields(full)
    found: dict[str, Any] = {}
    label: Any = None  # a price list's name: the model's only where nothing else names it
    listed: list[str] = []  # hosts' release dates: when each listed it
    for d, _, entry, ident in members:
        if ident.tier is not None and "name" in found:
            continue  # a tier says nothing but its name
        catalog = docs[d]["catalog"]
        party = standing(catalog, str(entry["provider"]), vendor)
        for field, value in claims_of(entry, vendor, ident, party, catalog, shapes[d]).items():
            if field == "name" and not BY_NAME[catalog].names_models:
                label = label or value
            elif field == "released" and party == OTHER:
                listed.append(value)
            elif field not in found:
                found[field] = value
    if label is not None:
        found.setdefault("name", label)
    if "released" not in found and _one_date(listed):
        found["released"] = listed[0]
    return {f: found[f] for f in wanted if f in found}


def _one_date(dates: Sequence[Any]) -> bool:
    """Do hosts' release dates agree (each says when it listed the model, so only
    where all agree is that the model's release)?"""
    return bool(dates) and all(_date_agrees(str(dates[0]), str(d)) for d in dates)


def extras_of(
    cat: Curated,
    docs: list[dict[str, Any]],
    mid: str,
    vendor: str | None,
    entries: list[Member],
) -> dict[str, list[dict[str, Any]]]:
    """What imported catalogs say of model ``mid`` (of ``cat``, the curated catalog),
    from the entries that joined it, best first (``docs``: the catalogs, by index):
    the ``external_ids`` they know it by, its ``versions``, ``offerings``,
    ``claims`` (the first claim of each field it fills says ``"used": true``) and
    ``conflicts``."""
    base = cat.by_id("models").get(mid)
    full = cat.full("models", base) if base is not None else None
    members = [(docs[d], e, I.identify(e, docs[d]["catalog"])) for d, _, e in entries]
    claims = _claims(members, vendor)
    used: dict[str, Any] = {}
    for field in _open_fields(full):
        first = next((c for c in claims if c["field"] == field), None)
        if (
            first is not None
            and field == "released"
            and first["_standing"] == OTHER
            and not _one_date([c["value"] for c in claims if c["field"] == field])
        ):
            first = None  # hosts' listing dates that disagree: no release date
        if first is not None:
            first["used"] = True
            used[field] = first["value"]
    shown = {f: (full.get(f) if full is not None else None) for f in CONFLICT_FIELDS}
    shown.update(used)
    versions = _versions(members)
    dated = {v["released"] for v in versions if v["released"]}
    # a moving alias names another model as each catalog was made: no disagreement
    moving = bool(members) and all(ident.alias for _, _, ident in members)
    thresholds = {n for _, e, _ in members for n in e["facts"].get("price_thresholds", ())}
    outputs = [e["facts"].get("output_modalities") for _, e, _ in members]
    stated = [set(o) for o in outputs if o]
    media_out = bool(stated) and all("text" not in o for o in stated)  # a TTS model
    embeds = any(e.get("mode") == "embedding" for _, e, _ in members)  # bills no output
    return {
        "external_ids": [
            {
                "catalog": doc["catalog"],
                "id": entry["id"],
                "provider": entry["provider"],
                "key": entry["key"],
                "note": None,  # the full shape of an external id, as printed
            }
            for doc, entry, _ in members
        ],
        "versions": versions,
        "offerings": [
            _offering(doc, entry, ident, mid) for doc, entry, ident in members if _offers(doc)
        ],
        "claims": [
            {"model": mid, **{k: v for k, v in c.items() if not k.startswith("_")}} for c in claims
        ],
        "conflicts": [
            {"model": mid, **c}
            for c in (
                []
                if moving  # values of the models it named as each catalog was made
                else [
                    *_conflicts(full, claims, shown, dated, embeds),
                    *_inconsistent(shown, claims, thresholds, media_out),
                ]
            )
        ],
    }


def _versions(
    members: Sequence[tuple[Mapping[str, Any], Mapping[str, Any], I.Identity]],
) -> list[dict[str, Any]]:
    """The versions (dated or numbered snapshots) the entries name, oldest first:
    ``id`` (as the lab writes it), ``released`` (the date its suffix states, else the
    date a first-party entry of it gives) and ``sources`` (``catalog:key``)."""
    found: dict[str, dict[str, Any]] = {}
    for doc, entry, ident in members:
        if ident.version is None or ident.tier is not None:
            continue
        key = f"{ident.key}@{ident.version}"
        version = found.get(key)
        if version is None:
            version = found[key] = {
                "id": ident.raw,
                "released": I.version_date(ident.version),
                "sources": [],
            }
        version["sources"].append(f"{doc['catalog']}:{entry['key']}")
        released = entry["facts"].get("released")
        if (
            version["released"] is None
            and released
            and I.is_first_party(str(entry["provider"]), ident.vendor)
        ):
            version["released"] = released
    return sorted(found.values(), key=lambda v: (v["released"] or "9999", v["id"]))


def _claims(
    members: Sequence[tuple[Mapping[str, Any], Mapping[str, Any], I.Identity]],
    vendor: str | None,
) -> list[dict[str, Any]]:
    """The claims of a model's entries, best first: one per field, catalog and value,
    with the key of the first entry that says it and ``keys``, all that do."""
    claims: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, Any, str | None], dict[str, Any]] = {}
    shapes: dict[int, frozenset[tuple[str, str, str]]] = {}
    for doc, entry, ident in members:
        party = standing(doc["catalog"], str(entry["provider"]), vendor)
        found = shapes.get(id(doc))
        if found is None:
            found = shapes[id(doc)] = _templates_of(doc)
        for field, value in claims_of(entry, vendor, ident, party, doc["catalog"], found).items():
            price_of = _provider_id(doc["catalog"], entry) if field == "pricing" else None
            tag = (field, doc["catalog"], _freeze(value), price_of)
            claim = seen.get(tag)
            if claim is not None:
                claim["keys"].append(entry["key"])
                claim["first_party"] = claim["first_party"] or party == FIRST_PARTY
                claim["_standing"] = min(claim["_standing"], party)
                claim["_version"] = claim["_version"] and ident.version is not None
                claim["_versions"].add(ident.version)
                claim["_lab_model"] = claim["_lab_model"] or (
                    party == FIRST_PARTY and ident.version is None
                )
                continue
            claim = {
                "field": field,
                "value": value,
                "catalog": doc["catalog"],
                "catalog_version": doc.get("version"),
                "key": entry["key"],
                "keys": [entry["key"]],
                "url": entry.get("url"),
                "as_of": doc.get("as_of"),
                "first_party": party == FIRST_PARTY,
                "provider": price_of,
                "used": False,
                "_standing": party,
                "_version": ident.version is not None,
                "_versions": {ident.version},
                "_lab_model": party == FIRST_PARTY and ident.version is None,
                "_others": _other_prices(entry["facts"]) if field == "pricing" else [],
            }
            seen[tag] = claim
            claims.append(claim)
    return claims


def _provider_id(catalog: str, entry: Mapping[str, Any]) -> str:
    """The id of the provider an entry names (its own spelling when the table has none)."""
    found = provider_of(catalog, str(entry["provider"]))
    return found.id if found is not None else str(entry["provider"])


def _freeze(value: Any) -> Any:
    """A hashable form of a JSON value (for grouping equal claims)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _offering(
    doc: Mapping[str, Any], entry: Mapping[str, Any], ident: I.Identity, mid: str
) -> dict[str, Any]:
    facts = entry["facts"]
    price = price_in_force(facts)
    found = provider_of(doc["catalog"], str(entry["provider"]))
    return {
        "model": mid,
        "catalog": doc["catalog"],
        "provider": found.id if found is not None else entry["provider"],
        "provider_kind": found.kind if found is not None else None,
        "id": entry["id"],
        "key": entry["key"],
        "version": ident.version,
        "tier": ident.tier,
        "pricing": dict(price) if price else None,
        "context_window": facts.get("context_window"),
        "max_input_tokens": facts.get("max_input_tokens"),
        "max_output_tokens": facts.get("max_output_tokens"),
        "deprecation_date": facts.get("deprecation_date"),
        "mode": entry.get("mode"),
        "url": entry.get("url"),
        "as_of": doc.get("as_of"),
    }


def _conflicts(
    full: Mapping[str, Any] | None,
    claims: list[dict[str, Any]],
    shown: Mapping[str, Any],
    dated: set[str],
    embeds: bool = False,
) -> list[dict[str, Any]]:
    """The fields whose values disagree, like with like (an embedding model's prices
    by their input alone, ``embeds``: it bills no output). A release date that is one
    of the model's versions' dates (``dated``: a catalog gave ``claude-3-opus`` the
    date of its ``-20240229`` snapshot) is that version's; a host's date is when it
    listed the model: neither disagrees with the model's release; nor does any value
    only a version's entries state, where the model's own entries state one. A third party's
    value counts only where neither the curated data, the lab's own entry nor a
    catalog of models states the field. Prices are compared provider by provider
    (a lab's China endpoint is priced apart from its international one), and for a
    provider that bills in another currency than USD, only within one catalog (each
    converts at its own rate)."""
    out = []
    for field in CONFLICT_FIELDS:
        if field == "pricing":
            groups = sorted({c["provider"] for c in claims if c["field"] == field}, key=str)
            for provider in groups:
                same = [c for c in claims if c["field"] == field and c["provider"] == provider]
                if embeds:
                    same = [{**c, "value": {**c["value"], "output": None}} for c in same]
                billed = provider_of("", str(provider)) if provider else None
                if (
                    billed is not None
                    and billed.billed_in != "USD"
                    and len({c["catalog"] for c in same}) > 1
                ):
                    continue  # each catalog converts at its own rate: not comparable
                found = _disagreement(field, full, same, shown, dated)
                if found is not None:
                    out.append(found)
            continue
        same = [c for c in claims if c["field"] == field]
        if field == "max_input_tokens":  # LiteLLM's max_input_tokens is often the window
            windows = {c["value"] for c in claims if c["field"] == "context_window"}
            windows.add(shown.get("context_window"))
            budgets = [c for c in same if c["value"] not in windows]
            same = budgets if budgets else same
        found = _disagreement(field, full, same, shown, dated)
        if found is not None:
            out.append(found)
    return out


def _disagreement(
    field: str,
    full: Mapping[str, Any] | None,
    claims: list[dict[str, Any]],
    shown: Mapping[str, Any],
    dated: set[str],
) -> dict[str, Any] | None:
    """One field's conflict, from its claims (see :func:`_conflicts`), or None."""
    values: list[dict[str, Any]] = []
    curated = full.get(field) if full is not None else None
    announced = full.get("announced") if full is not None else None
    if (
        field == "parameters"
        and isinstance(curated, dict)
        and curated.get("state") == "undisclosed"
    ):
        curated = None
    if curated is not None:
        values.append({"value": _shown(field, curated), "sources": [CURATED], "first_party": False})
    better = curated is not None or any(c["_standing"] < OTHER for c in claims)
    others = {_freeze(p) for c in claims for p in c["_others"]}
    unversioned = any(not c["_version"] for c in claims)
    if curated is None and claims and not unversioned and not _within_a_version(field, claims):
        return None  # each version's own value (kimi-k2-0711's window and kimi-k2-0905's)
    for c in claims:
        if c["_standing"] == OTHER and (better or field == "released"):
            continue  # a third party's word where a better one stands, or a host's listing date
        if c["_version"] and unversioned:
            continue  # a version's own value (gpt-4o-2024-05-13's price), not the model's
        if field == "released" and c["value"] in dated and (not c["_lab_model"] or curated):
            continue  # a version's date (unless the lab's own entry of the model says it
            # where the curated data does not: gpt-3.5-turbo's 2023-03-01 is its 0301's)
        if field == "pricing" and _freeze(c["value"]) in others:
            continue  # a price another catalog names beside its own: the one before a dated
            # change (not yet updated there), or the off-peak one
        if (
            field == "released"
            and isinstance(announced, str)
            and _date_agrees(str(c["value"]), announced)
        ):
            continue  # the announcement's date, which the curated data keeps apart
        labels = [f"{c['catalog']}:{k}" for k in c["keys"]]
        for v in values:
            if v["value"] == c["value"] or (
                field not in ("released", "knowledge_cutoff", "parameters")
                and agrees(field, v["value"], c["value"])
            ):
                v["sources"].extend(labels)
                v["first_party"] = v["first_party"] or c["first_party"]
                break
        else:
            values.append({"value": c["value"], "sources": labels, "first_party": c["first_party"]})
    if len(values) < 2 or all(
        agrees(field, a["value"], b["value"]) for a in values for b in values
    ):
        return None
    value = shown.get(field)
    return {
        "field": field,
        "kind": "disagreement",
        "note": None,
        "values": [
            {
                "value": v["value"],
                "sources": v["sources"],
                "shown": value is not None and _shown(field, value) == v["value"],
                "first_party": v["first_party"],
            }
            for v in values
        ],
    }


def _within_a_version(field: str, claims: list[dict[str, Any]]) -> bool:
    """Do two claims of one version disagree (claims only versions' entries make)?"""
    return any(
        a["_versions"] & b["_versions"] and not agrees(field, a["value"], b["value"])
        for n, a in enumerate(claims)
        for b in claims[n + 1 :]
    )


def _inconsistent(
    shown: Mapping[str, Any],
    claims: list[dict[str, Any]],
    thresholds: set[int],
    media_out: bool = False,
) -> list[dict[str, Any]]:
    """The values a model shows that cannot all be true: an input or an output limit
    above its context window (not the output of a model that only speaks or draws,
    ``media_out``: its audio or image tokens are no text in the window); a context
    window that is another source's window less the output limit (an input budget),
    or a prompt size the model's price changes at (``thresholds``) below another
    source's window."""
    window = shown.get("context_window")
    out: list[dict[str, Any]] = []
    if not isinstance(window, int):
        return out

    def finding(field: str, value: int, other_field: str, other: int, note: str) -> None:
        out.append(
            {
                "field": field,
                "kind": "inconsistent",
                "note": note,
                "values": [
                    {
                        "value": value,
                        "sources": _sources_of(claims, field, value),
                        "shown": True,
                        "first_party": _first_party(claims, field, value),
                    },
                    {
                        "value": other,
                        "sources": _sources_of(claims, other_field, other),
                        "shown": other_field != field,
                        "first_party": _first_party(claims, other_field, other),
                    },
                ],
            }
        )

    for field, note in (
        ("max_input_tokens", "input limit above the context window"),
        ("max_output_tokens", "output limit above the context window"),
    ):
        limit = shown.get(field)
        if field == "max_output_tokens" and media_out:
            continue
        if isinstance(limit, int) and limit > window and not _limits_agree(limit, window):
            finding(field, limit, "context_window", window, note)
    output = shown.get("max_output_tokens")
    wider = sorted(
        {c["value"] for c in claims if c["field"] == "context_window" and c["value"] > window}
    )
    for other in wider:
        if isinstance(output, int) and window == other - output:
            note = "an input budget (the window less the output limit) given as the context window"
            finding("context_window", window, "context_window", other, note)
            break
        if window in thresholds:
            note = "a price-tier threshold given as the context window"
            finding("context_window", window, "context_window", other, note)
            break
    return out


def _sources_of(claims: list[dict[str, Any]], field: str, value: Any) -> list[str]:
    found = [
        f"{c['catalog']}:{k}"
        for c in claims
        if c["field"] == field and c["value"] == value
        for k in c["keys"]
    ]
    return found or [CURATED]


def _first_party(claims: list[dict[str, Any]], field: str, value: Any) -> bool:
    return any(c["first_party"] for c in claims if c["field"] == field and c["value"] == value)


def _vendor_of(
    docs: list[dict[str, Any]],
    members: list[tuple[int, int, dict[str, Any], I.Identity]],
    names: Mapping[str, str],
    new_vendors: dict[str, dict[str, Any]],
) -> str | None:
    """The maker of a model only catalogs know (``members``: its entries, each with
    its catalog's index in ``docs``): HELM's creator, else a lab the entries'
    forms or providers name, else the namespace an entry names, else a vendor
    whose name (or alias) an entry's name starts with. New vendor records go into
    ``new_vendors``."""
    for d, _, entry, _ in members:
        doc = docs[d]
        creator = entry.get("creator")
        if BY_NAME[doc["catalog"]].creator_is_maker and creator:
            found = names.get(normalize_key(creator))
            if found is not None:
                return found
            lab = I.lab_for_name(creator)
            vid = lab.id if lab is not None else _slug(creator)
            return _vendor(vid, lab.name if lab else creator, doc, names, new_vendors)
    for d, _, _, ident in members:
        if ident.vendor is not None:
            lab = I.LAB_BY_ID.get(ident.vendor)
            name = lab.name if lab is not None else ident.vendor
            return _vendor(ident.vendor, name, docs[d], names, new_vendors)
    for d, _, _, ident in members:
        if ident.namespace is not None:
            found = names.get(normalize_key(ident.namespace))
            if found is not None:
                return found
            return _vendor(_slug(ident.namespace), ident.namespace, docs[d], names, new_vendors)
    for d, _, entry, _ in members:  # a name that starts with its maker's: "ElevenLabs TTS v2"
        words = str(entry.get("name") or "").replace(":", " ").split()
        for n in (3, 2, 1):
            if len(words) <= n:
                continue
            found = names.get(normalize_key(" ".join(words[:n])))
            if found is not None:
                return found
            lab = I.lab_for_name(" ".join(words[:n]))  # "Sarvam Medium": Sarvam AI's
            if lab is not None:
                return _vendor(lab.id, lab.name, docs[d], names, new_vendors)
    return None


def _slug(name: str) -> str:
    return I.model_id(I.Identity(name.lower(), name.lower(), None))


def _vendor(
    vid: str,
    name: str,
    doc: Mapping[str, Any],
    names: Mapping[str, str],
    new_vendors: dict[str, dict[str, Any]],
) -> str:
    existing = names.get(vid) or names.get(normalize_key(name))
    if existing is not None:
        return existing
    rec = new_vendors.get(vid)
    if rec is None:
        rec = {"id": vid, "name": name, "type": None, "sources": []}
        new_vendors[vid] = rec
    if not any(s["title"].startswith(f"{doc['catalog']} catalog") for s in rec["sources"]):
        rec["sources"].append(_source(doc))
    return vid
