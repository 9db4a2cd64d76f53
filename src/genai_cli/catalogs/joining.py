"""How imported catalogs join the dataset (stdlib only).

How a catalog entry joins:

* **which model**: by explicit identity only (:mod:`genai_cli.catalogs.identity`);
  what joins nothing becomes a model of its own;
* **claims**: every fact an entry states about its model's fields is a claim,
  with the catalog, its version, the entry's key, its url and as-of date;
* **offerings**: every entry of a catalog of providers (models.dev, LiteLLM,
  genai-prices; HELM lists models, not offers) is an offering: provider,
  prices per 1M tokens, limits, deprecation date;
* **which value a field shows**: a curated value (the bundled data or the
  user's own files) always stands. A field that is null there, and every field
  of a model only catalogs know, takes the first claim in this order — an
  entry under the model's own id before a dated snapshot; the lab's own API
  before other providers; the catalogs in :data:`~genai_cli.catalogs.spec.CATALOGS`
  order (HELM, models.dev, genai-prices, LiteLLM); then by key — and that
  claim says ``"used": true``;
* **conflicts**: a field whose sources (the curated value and every claim)
  hold different values, after normalising: numbers as absolute integers,
  prices per 1M tokens, dates compared at the coarser precision
  (``2023-03`` agrees with ``2023-03-14``), a parameter count inside a
  curated range. Names are claims but never conflicts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from ..dataset.parsing import normalize_key
from . import identity as I
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

_MODALITIES = {"text", "image", "video", "audio", "code", "3d"}

CURATED = "dataset"
"""How a conflict names the curated value (the bundled data or the user's own files)."""


# --------------------------------------------------------------------------- claims


def claims_of(entry: Mapping[str, Any], vendor: str | None) -> dict[str, Any]:
    """What an entry says of its model's fields, normalised (USD per 1M, integers, ISO)."""
    facts = entry["facts"]
    out: dict[str, Any] = {}
    if entry.get("name"):
        out["name"] = entry["name"]
    for key in (
        "released", "knowledge_cutoff", "context_window", "max_input_tokens",
        "max_output_tokens", "open_weights",
    ):  # fmt: skip
        if key in facts:
            out[key] = facts[key]
    if "parameters" in facts:
        n = facts["parameters"]
        out["parameters"] = {"state": "exact", "min": n, "max": n}
    if "input_modalities" in facts or "output_modalities" in facts:
        mods = {*facts.get("input_modalities", ()), *facts.get("output_modalities", ())}
        kept = sorted(_MODALITIES.intersection(mods))
        if kept:
            out["modalities"] = kept
    price = facts.get("pricing")
    if (
        vendor is not None
        and price
        and "input" in price
        and "output" in price
        and I.is_first_party(entry["provider"], vendor)
    ):
        out["pricing"] = {"input": price["input"], "output": price["output"]}
    return out


def _date_agrees(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def agrees(field: str, a: Any, b: Any) -> bool:
    """Do two values of ``field`` say the same, after normalising?"""
    if field in ("released", "knowledge_cutoff") and isinstance(a, str) and isinstance(b, str):
        return _date_agrees(a, b)
    if field == "parameters" and isinstance(a, dict) and isinstance(b, dict):
        return _quantities_agree(a, b)
    if field == "pricing" and isinstance(a, dict) and isinstance(b, dict):
        return all(round(float(a[k]), 6) == round(float(b[k]), 6) for k in ("input", "output"))
    return bool(a == b)


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
    first. A model's ``external_ids``, ``offerings``, ``claims`` and
    ``conflicts`` (its *extras*) are made from those when first asked for
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
        return {mid: self.model_extras(mid) for mid in self.members}


def _known_ids(cat: Curated) -> dict[str, str]:
    """Every id a curated model is known by (lowercase) -> the model's id."""
    known: dict[str, str] = {}
    for m in cat.compact("models"):
        known.setdefault(m["id"], m["id"])
        for x in m.get("external_ids", ()):
            known.setdefault(str(x["id"]).lower(), m["id"])
    return known


def _source(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A catalog as the source of a record only catalogs know (its keys are the
    record's ``external_ids``)."""
    version = f" {doc['version']}" if doc.get("version") else ""
    return {
        "title": f"{doc['catalog']} catalog{version}",
        "date": doc["as_of"][:10] if doc.get("as_of") else None,
        "url": BY_NAME[doc["catalog"]].url,
    }


def _rank(
    rank: int, entry: Mapping[str, Any], ident: I.Identity, vendor: str | None
) -> tuple[bool, bool, int, str]:
    """Which entry speaks first for a model: its own id before a dated snapshot, the
    lab's own API before other providers, then the catalogs in precedence order
    (``rank``: the entry's catalog's place there), then by key."""
    return (
        ident.raw != ident.base,
        vendor is None or not I.is_first_party(entry["provider"], vendor),
        rank,
        str(entry["key"]),
    )


def _match(
    known: Mapping[str, str], curated: Mapping[str, Any], entry: Mapping[str, Any], catalog: str
) -> tuple[I.Identity, str, bool]:
    """The model an entry joins: ``(identity, model id, joins a curated model?)``."""
    ident = I.identify(entry)
    mid = known.get(str(entry["id"]).lower()) or known.get(ident.raw) or known.get(ident.base)
    if mid is not None:
        return ident, mid, True
    mid = I.model_id(ident)
    if mid in curated:  # a slug that happens to be a curated id is not an identity
        mid = f"{mid}-{I.model_id(I.Identity(catalog, catalog, None))}"
    return ident, mid, False


def summarize(cat: Curated, doc: Mapping[str, Any]) -> dict[str, Any]:
    """What importing one catalog does, against a curated catalog: entries, matches,
    new models, offerings, what was skipped."""
    known = _known_ids(cat)
    curated = cat.by_id("models")
    matched: set[str] = set()
    new: set[str] = set()
    matched_entries = 0
    for entry in doc["entries"]:
        _, mid, joined = _match(known, curated, entry, doc["catalog"])
        if joined:
            matched.add(mid)
            matched_entries += 1
        else:
            new.add(mid)
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
    known = _known_ids(cat)
    curated = cat.by_id("models")
    vendor_names = cat.names("vendors")
    groups: dict[str, list[tuple[int, int, dict[str, Any], I.Identity]]] = {}
    matched_models: dict[str, set[str]] = {}
    new_models: dict[str, set[str]] = {}
    for n, doc in enumerate(docs):
        catalog = doc["catalog"]
        add_matched = matched_models.setdefault(catalog, set()).add
        add_new = new_models.setdefault(catalog, set()).add
        for k, entry in enumerate(doc["entries"]):
            ident, mid, joined = _match(known, curated, entry, catalog)
            (add_matched if joined else add_new)(mid)
            group = groups.get(mid)
            if group is None:
                groups[mid] = [(n, k, entry, ident)]
            else:
                group.append((n, k, entry, ident))

    out = Merged(cat, docs)
    new_vendors: dict[str, dict[str, Any]] = {}
    ranks = [precedence(doc["catalog"]) for doc in docs]
    sources = [_source(doc) for doc in docs]
    models, patches, members_of = out.models, out.patches, out.members
    for mid, members in groups.items():
        base = curated.get(mid)
        if base is not None:
            vendor = base["vendor"]
            if len(members) > 1:
                members.sort(key=lambda m: _rank(ranks[m[0]], m[2], m[3], vendor))
            entries = [(d, k, e) for d, k, e, _ in members]
            patch = _filled(entries, vendor, cat.full("models", base))
            if patch:
                patches[mid] = patch
        else:
            if len(members) > 1:
                # the order the maker is looked for in (then the order by that maker:
                # the rank's last part, the entry's key, leaves no ties to keep)
                members.sort(key=lambda m: _rank(ranks[m[0]], m[2], m[3], None))
                vendor = _vendor_of(docs, members, vendor_names, new_vendors)
                members.sort(key=lambda m: _rank(ranks[m[0]], m[2], m[3], vendor))
                entries = [(d, k, e) for d, k, e, _ in members]
                cited = [dict(sources[d]) for d in dict.fromkeys(m[0] for m in members)]
            else:
                vendor = _vendor_of(docs, members, vendor_names, new_vendors)
                d, k, e, _ = members[0]
                entries = [(d, k, e)]
                cited = [dict(sources[d])]
            record: dict[str, Any] = {"id": mid}
            record.update(_filled(entries, vendor, None))
            record.setdefault("name", mid)
            record["vendor"] = vendor
            record["sources"] = cited
            models.append(record)
        members_of[mid] = (vendor, entries)
    out.vendors = sorted(new_vendors.values(), key=lambda v: v["id"])
    for doc in docs:
        c = doc["catalog"]
        matched, new = len(matched_models.get(c, ())), len(new_models.get(c, ()))
        out.catalogs.append(_catalog_row(doc, matched, new))
    return out


def _open_fields(full: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The fields a model's claims may fill: every field of a model only catalogs
    know; a curated model's null ones (never its name or modalities)."""
    if full is None:
        return MODEL_FIELDS
    return tuple(
        f for f in MODEL_FIELDS if f not in ("name", "modalities") and full.get(f) in (None, [])
    )


def _filled(
    entries: list[Member], vendor: str | None, full: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The fields a model's claims fill, each with the first claim's value (entries
    best first), in :data:`MODEL_FIELDS` order (the order :func:`claims_of` keeps)."""
    if full is None and len(entries) == 1:
        return claims_of(entries[0][2], vendor)
    wanted = _open_fields(full)
    found: dict[str, Any] = {}
    for _, _, entry in entries:
        for field, value in claims_of(entry, vendor).items():
            if field not in found:
                found[field] = value
        if len(found) == len(MODEL_FIELDS):
            break
    return {f: found[f] for f in wanted if f in found}


def extras_of(
    cat: Curated,
    docs: list[dict[str, Any]],
    mid: str,
    vendor: str | None,
    entries: list[Member],
) -> dict[str, list[dict[str, Any]]]:
    """What imported catalogs say of model ``mid`` (of ``cat``, the curated catalog),
    from the entries that joined it, best first (``docs``: the catalogs, by index):
    the ``external_ids`` they know it by, its ``offerings``, ``claims`` (the first
    claim of each field it fills says ``"used": true``) and ``conflicts``."""
    base = cat.by_id("models").get(mid)
    full = cat.full("models", base) if base is not None else None
    members = [(docs[d], e) for d, _, e in entries]
    claims = _claims(members, vendor)
    for field in _open_fields(full):
        first = next((c for c in claims if c["field"] == field), None)
        if first is not None:
            first["used"] = True
    return {
        "external_ids": [
            {
                "catalog": doc["catalog"],
                "id": entry["id"],
                "provider": entry["provider"],
                "key": entry["key"],
                "note": None,  # the full shape of an external id, as printed
            }
            for doc, entry in members
        ],
        "offerings": [_offering(doc, entry, mid) for doc, entry in members if _offers(doc)],
        "claims": [{"model": mid, **c} for c in claims],
        "conflicts": [{"model": mid, **c} for c in _conflicts(full, claims)],
    }


def _claims(
    members: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]], vendor: str | None
) -> list[dict[str, Any]]:
    """The claims of a model's entries, best first: one per field, catalog and value,
    with the key of the first entry that says it and ``keys``, all that do."""
    claims: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for doc, entry in members:
        for field, value in claims_of(entry, vendor).items():
            tag = (field, doc["catalog"], _freeze(value))
            claim = seen.get(tag)
            if claim is not None:
                claim["keys"].append(entry["key"])
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
                "used": False,
            }
            seen[tag] = claim
            claims.append(claim)
    return claims


def _freeze(value: Any) -> Any:
    """A hashable form of a JSON value (for grouping equal claims)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _offering(doc: Mapping[str, Any], entry: Mapping[str, Any], mid: str) -> dict[str, Any]:
    facts = entry["facts"]
    price = facts.get("pricing")
    return {
        "model": mid,
        "catalog": doc["catalog"],
        "provider": entry["provider"],
        "id": entry["id"],
        "key": entry["key"],
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
    full: Mapping[str, Any] | None, claims: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    for field in CONFLICT_FIELDS:
        values: list[dict[str, Any]] = []
        curated = full.get(field) if full is not None else None
        if (
            field == "parameters"
            and isinstance(curated, dict)
            and curated.get("state") == "undisclosed"
        ):
            curated = None
        if curated is not None:
            values.append({"value": _shown(field, curated), "sources": [CURATED]})
        for c in claims:
            if c["field"] != field:
                continue
            labels = [f"{c['catalog']}:{k}" for k in c["keys"]]
            for v in values:
                if v["value"] == c["value"] or (
                    field not in ("released", "knowledge_cutoff", "parameters")
                    and agrees(field, v["value"], c["value"])
                ):
                    v["sources"].extend(labels)
                    break
            else:
                values.append({"value": c["value"], "sources": labels})
        if len(values) > 1 and any(
            not agrees(field, a["value"], b["value"]) for a in values for b in values
        ):
            out.append({"field": field, "values": values})
    return out


def _vendor_of(
    docs: list[dict[str, Any]],
    members: list[tuple[int, int, dict[str, Any], I.Identity]],
    names: Mapping[str, str],
    new_vendors: dict[str, dict[str, Any]],
) -> str | None:
    """The maker of a model only catalogs know (``members``: its entries, each with
    its catalog's index in ``docs``): HELM's creator, else a lab the entries'
    forms or providers name. New vendor records go into ``new_vendors``."""
    for d, _, entry, _ in members:
        doc = docs[d]
        creator = entry.get("creator")
        if BY_NAME[doc["catalog"]].creator_is_maker and creator:
            found = names.get(normalize_key(creator))
            if found is not None:
                return found
            lab = I.lab_for_name(creator)
            vid = (
                lab.id
                if lab is not None
                else I.model_id(I.Identity(creator.lower(), creator.lower(), None))
            )
            return _vendor(vid, lab.name if lab else creator, doc, entry, names, new_vendors)
    for d, _, entry, ident in members:
        if ident.vendor is not None:
            lab = I.LAB_BY_ID[ident.vendor]
            return _vendor(lab.id, lab.name, docs[d], entry, names, new_vendors)
    return None


def _vendor(
    vid: str,
    name: str,
    doc: Mapping[str, Any],
    entry: Mapping[str, Any],
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
