"""The catalog: every record, indexed by id, name and alias (stdlib only).

    >>> from genai_cli import load_catalog
    >>> cat = load_catalog()
    >>> cat.resolve("models", "Claude 3 Opus")
    'claude-3-opus'
    >>> cat.get("vendors", "谷歌")["id"]
    'google'

Records are stored *compact* (pydantic's ``exclude_defaults``): the bundled
``_build/*.json`` and the user-data cache hold only what differs from the
defaults. :meth:`Catalog.full` restores every field from the *shapes* that the
build writes into ``_build/meta.json`` (field order, defaults, nested
records), without pydantic; :meth:`Catalog.output` adds the keys the registry
derives for output. The pydantic objects are one call away
(:meth:`Catalog.typed`).
"""

from __future__ import annotations

import os

from ..core.errors import NotFound, closest
from ..core.jsonio import loads
from ..dataset import registry as R
from ..dataset.parsing import normalize_key

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any

    from ..dataset.record_types import TypedCatalog
else:

    class TypedCatalog:
        """At run time, without ``typing``: what the generated
        :class:`genai_cli.dataset.record_types.TypedCatalog` declares, per kind, for mypy."""

        def records(self, kind):  # type: ignore[no-untyped-def]
            """Every record of a kind in its full shape (every field present, ``None``
            where no source says), in dataset order."""
            return self._full_records(kind)

        def get(self, kind, text):  # type: ignore[no-untyped-def]
            """The full record for an id, name or alias (any case); :class:`NotFound`
            otherwise."""
            return self._full_record(kind, text)

        def typed(self, kind, text=None):  # type: ignore[no-untyped-def]
            """Frozen pydantic objects (:mod:`genai_cli.dataset.schema`): one record, or all."""
            return self._typed(kind, text)


_BUILT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "_build")


def _read_built(name: str) -> Any:
    """One file of the built data: ``meta`` or a kind (read on first use)."""
    try:
        with open(os.path.join(_BUILT, f"{name}.json"), "rb") as fh:
            return loads(fh.read())
    except FileNotFoundError:  # e.g. imported from a zip: fall back to importlib.resources
        import importlib.resources  # deferred: 38 ms, for an install from a zip alone

        res = importlib.resources.files("genai_cli") / "data" / "_build" / f"{name}.json"
        return loads(res.read_bytes())


class _Kinds(dict):  # type: ignore[type-arg]
    """The records of each kind, read from the built data when first asked for."""

    def __missing__(self, kind: str) -> list[dict[str, Any]]:
        if kind not in R.KINDS:
            raise KeyError(kind)
        records: list[dict[str, Any]] = _read_built(kind) if R.KINDS[kind].bundled else []
        self[kind] = records
        return records


class _WithImports(dict):  # type: ignore[type-arg]
    """The records of each kind: a curated catalog's, with imported catalogs joined
    (:class:`genai_cli.catalogs.joining.Merged` or its cached copy), each kind on first use."""

    def __init__(self, curated: Catalog, view: Any) -> None:
        super().__init__()
        self.curated = curated
        self.view = view

    def curated_models(self) -> list[dict[str, Any]]:
        patches = self.view.patches
        return [
            {**m, **patches[m["id"]]} if m["id"] in patches else m
            for m in self.curated.compact("models")
        ]

    def __missing__(self, kind: str) -> list[dict[str, Any]]:
        if kind not in R.KINDS:
            raise KeyError(kind)
        records: list[dict[str, Any]]
        if kind == "models":
            records = [*self.curated_models(), *self.view.imported_models()]
        elif kind == "vendors":
            records = [*self.curated.compact("vendors"), *self.view.vendors]
        elif kind == "catalogs":
            records = list(self.view.catalogs)
        elif kind == "providers":  # made from the offerings
            from . import providers  # deferred: the providers table, for its kind alone

            released = {m["id"]: m.get("released") for m in self["models"]}
            records = providers.rows(self["offerings"], released)
        elif not R.KINDS[kind].bundled:
            records = self.view.rows(kind)
        else:
            records = self.curated.compact(kind)
        self[kind] = records
        return records


def kind_of(name: str) -> str:
    """'model', 'models', 'agi-levels' -> the kind's canonical (plural) name."""
    return R.kind_of(name).name


def normalize(rec: dict[str, Any], cls: str, shapes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The full record, keys in schema order, every default present."""
    shape = shapes[cls]
    defaults = shape["defaults"]
    out: dict[str, Any] = {}
    for name in shape["fields"]:
        if name in rec:
            out[name] = rec[name]
        elif name in defaults:
            d = defaults[name]
            out[name] = [] if d == [] else d
    for name, (sub, many) in shape["nested"].items():
        value = out.get(name)
        if value is None:
            continue
        if many:
            out[name] = [normalize(v, sub, shapes) for v in value]
        else:
            out[name] = normalize(value, sub, shapes)
    return out


class Catalog(TypedCatalog):
    """All records of the bundled dataset, plus a user's data folder if given."""

    def __init__(
        self,
        meta: dict[str, Any],
        records: dict[str, list[dict[str, Any]]],
        user_files: list[str] | None = None,
        *,
        key: str = "",
        imported: list[str] | None = None,
    ) -> None:
        self._meta = meta
        self.meta = meta
        """The build's manifest: the dataset record, record counts, shapes."""
        self.dataset: dict[str, Any] = meta["dataset"]
        self.shapes: dict[str, Any] = meta["shapes"]
        self._records = records  # a _Kinds: each kind is read on first use
        self._by_id: dict[str, dict[str, dict[str, Any]]] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._made: dict[str, list[dict[str, Any]]] = {}
        self._full: dict[str, list[dict[str, Any]]] = {}
        self._same_name: dict[str, list[dict[str, Any]]] | None = None
        self.user_files: list[str] = user_files or []
        self.key = key or self.fingerprint
        """Identifies everything this catalog is made of (bundled data, user files)."""
        self.imported: list[str] = imported or []
        """The imported catalogs joined to it."""

    # ------------------------------------------------------------------ records

    @property
    def fingerprint(self) -> str:
        """Identifies the bundled data and schema (part of the user-data cache key)."""
        return f"{self._meta.get('inputs_sha256')}:{self._meta.get('schema_sha256')}"

    def compact(self, kind: str) -> list[dict[str, Any]]:
        """The records of a kind, compact (fields at their default left out), in
        dataset order (a kind made from the others, like ``corrections``, is made on
        first use). :meth:`records` gives them in full."""
        name = kind_of(kind)
        make = R.KINDS[name].rows
        if make is None:
            return self._records[name]
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = make(self)
        return made

    def full(self, kind: str, rec: dict[str, Any]) -> dict[str, Any]:
        """A record in its full shape: every field, defaults filled, schema order."""
        return normalize(rec, R.kind_of(kind).schema, self.shapes)

    def _full_records(self, kind: str) -> list[dict[str, Any]]:
        name = kind_of(kind)
        found = self._full.get(name)
        if found is None:
            schema = R.KINDS[name].schema
            found = [normalize(r, schema, self.shapes) for r in self.compact(name)]
            if R.KINDS[name].detail:  # a model's offerings, claims, ... as get() gives them
                found = [R.with_extras(self, name, r) for r in found]
            self._full[name] = found
        return found

    def _full_record(self, kind: str, text: str) -> dict[str, Any]:
        kind = kind_of(kind)
        full = self.full(kind, self.by_id(kind)[self.resolve(kind, text)])
        return R.with_extras(self, kind, full) if R.KINDS[kind].detail else full

    def output(self, kind: str, rec: dict[str, Any], *, detail: bool = True) -> dict[str, Any]:
        """A record as the CLI prints it: full, plus the keys the registry derives
        (without the kind's ``detail`` keys when ``detail`` is false, as lists show it)."""
        k = R.kind_of(kind)
        out = k.output(self, normalize(rec, k.schema, self.shapes), detail)
        if not detail:
            for key in k.detail:
                out.pop(key, None)
        return out

    def outputs(
        self, kind: str, recs: list[dict[str, Any]], *, detail: bool = True
    ) -> list[dict[str, Any]]:
        """:meth:`output` of each record."""
        return [self.output(kind, r, detail=detail) for r in recs]

    def compact_where(self, kind: str, where: dict[str, set[str]]) -> list[dict[str, Any]]:
        """The records of ``kind`` whose fields have one of the given values (an
        imported kind's partition is read alone: one provider's offerings)."""
        records = self._records
        if isinstance(records, _WithImports) and kind not in records and not R.KINDS[kind].bundled:
            found: list[dict[str, Any]] = records.view.rows(kind, where)
            return found
        return [r for r in self.compact(kind) if all(r.get(f) in v for f, v in where.items())]

    def extras(self, model_id: str) -> dict[str, list[dict[str, Any]]]:
        """What imported catalogs say of a model: the ``external_ids`` they know it
        by, its ``versions``, ``offerings``, ``claims`` and ``conflicts``, and the
        models of the same name kept apart from it (``close``); empty without imports."""
        if isinstance(self._records, _WithImports):
            extras: dict[str, list[dict[str, Any]]] = self._records.view.model_extras(model_id)
            return {**extras, "close": self._close(model_id)}
        return {}

    def _close(self, model_id: str) -> list[dict[str, Any]]:
        """The other models with ``model_id``'s display name, each with why no rule
        joined them (their ids differ in a size, a context length, ...)."""
        if self._same_name is None:
            self._same_name = {}
            for m in self.compact("models"):
                key = " ".join(str(m["name"]).casefold().split())
                self._same_name.setdefault(key, []).append(m)
        model = self.by_id("models").get(model_id)
        if model is None:
            return []
        same = self._same_name.get(" ".join(str(model["name"]).casefold().split()), [])
        if len(same) < 2:
            return []
        # deferred: identity's rules (re, the labs' tables) load only for a page that needs them
        from ..catalogs.identity import why_apart

        return [
            {"id": m["id"], "name": m["name"], "why": why_apart(model_id, m["id"])}
            for m in same
            if m["id"] != model_id
        ]

    def models_of_vendors(self, vendor_ids: set[str]) -> list[dict[str, Any]]:
        """The models whose vendor or a partner is one of ``vendor_ids``, in dataset
        order (imported models are read only for those vendors)."""
        if isinstance(self._records, _WithImports) and "models" not in self._records:
            curated = self._records.curated_models()
            imported = self._records.view.imported_models(vendor_ids)
        else:
            curated, imported = self._records["models"], []
        return [
            m
            for m in (*curated, *imported)
            if m["vendor"] in vendor_ids or vendor_ids.intersection(m.get("partners", ()))
        ]

    def keys(self, kind: str) -> list[str]:
        """The keys of a kind's output records, in order."""
        return R.kind_of(kind).keys(self.shapes)

    def manifest(self) -> dict[str, Any]:
        """The dataset's manifest in its full shape."""
        return normalize(self.dataset, R.SCHEMAS[R.SINGLETON], self.shapes)

    def counts(self) -> dict[str, int]:
        """Records per kind of the dataset proper."""
        return {k: len(self._records[k]) for k in R.LIST_KINDS}

    # ------------------------------------------------------------------ look-up

    def by_id(self, kind: str) -> dict[str, dict[str, Any]]:
        """Records by id (for a kind without ids, by :func:`genai_cli.dataset.registry.record_id`)."""
        kind = kind_of(kind)
        index = self._by_id.get(kind)
        if index is None:
            rid = R.record_id
            index = {rid(kind, r): r for r in self.compact(kind)}
            self._by_id[kind] = index
        return index

    def names(self, kind: str) -> dict[str, str]:
        """Normalised id/name/alias -> id."""
        kind = kind_of(kind)
        index = self._names.get(kind)
        if index is None:
            index = {}
            for rec in self.compact(kind):
                for name in R.names_of(kind, rec):
                    index.setdefault(normalize_key(name), rec["id"])
            self._names[kind] = index
        return index

    def resolve(self, kind: str, text: str) -> str:
        """The id of the record whose id, name or alias is ``text`` (any case)."""
        kind = kind_of(kind)
        rid = self.by_id(kind).get(text) and text
        if rid:
            return rid
        key = normalize_key(text)
        found = self.names(kind).get(key)
        if found is not None:
            return found
        # "gpt4" for "GPT-4", "claude 3 opus" for "claude-3-opus"
        squashed = _squash(key)
        for name, rid2 in self.names(kind).items():
            if _squash(name) == squashed and squashed:
                return rid2
        raise NotFound(R.KINDS[kind].singular, text, self.suggest(kind, text))

    def suggest(self, kind: str, text: str) -> list[str]:
        """The ids ``text`` was probably meant to name (see :func:`genai_cli.core.errors.closest`)."""
        return closest(normalize_key(text), self.names(kind_of(kind)))

    # ------------------------------------------------------------------ typed

    def _typed(self, kind: str, text: str | None = None) -> Any:
        from ..dataset import schema  # deferred: pydantic (about 100 ms), for typed() alone

        cls = schema.CLASSES[kind_of(kind)]
        if text is not None:
            return cls.model_validate(self.by_id(kind)[self.resolve(kind, text)])
        return [cls.model_validate(r) for r in self._records[kind]]

    # ------------------------------------------------------------------ overlay

    def with_overlay(self, overlay: dict[str, Any]) -> Catalog:
        """A new catalog with a user's records on top: same id replaces, new id adds."""
        records = _Kinds()
        for kind, theirs in overlay.get("records", {}).items():
            if theirs:
                records[kind] = merge_records(self.compact(kind), theirs)
        for kind, mine in self._records.items():
            records.setdefault(kind, mine)
        return Catalog(self._meta, records, overlay.get("files", []), key=overlay.get("key", ""))

    def with_imports(self, view: Any, catalogs: list[str], key: str) -> Catalog:
        """A new catalog with imported catalogs joined (see :mod:`genai_cli.catalogs.store`)."""
        return Catalog(
            self._meta, _WithImports(self, view), self.user_files, key=key, imported=catalogs
        )


def merge_records(base: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bundled records with a user's on top: the same id replaces, a new id adds."""
    replace = {r["id"]: r for r in theirs}
    merged = [replace.pop(r["id"], r) for r in base]
    merged.extend(r for r in theirs if r["id"] in replace)
    return merged


def _squash(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


_BUNDLED: Catalog | None = None


def bundled() -> Catalog:
    global _BUNDLED
    if _BUNDLED is None:
        _BUNDLED = Catalog(_read_built("meta"), _Kinds())
    return _BUNDLED
