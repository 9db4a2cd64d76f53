"""Pure query functions over a :class:`~genai_cli.answers.catalog.Catalog` (stdlib only).

They take compact records and return records or plain data structures;
nothing here prints or formats.
"""

from __future__ import annotations

from ..core.errors import UsageError, choice, did_you_mean
from ..dataset import registry as R
from ..dataset.parsing import (
    date_in_range,
    normalize_key,
    parse_partial_date,
    parse_setting,
    slugify,
)
from .catalog import Catalog

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    Rec = dict[str, Any]


def check_date(value: str | None, option: str) -> str | None:
    """A ``--since``/``--until`` date as ISO text at its precision; a usage error if bad."""
    if value is None:
        return None
    try:
        return parse_partial_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def choices(cat: Catalog, kind: str, field: str) -> list[str]:
    """The closed set of values of a kind's field, as the schema declares it."""
    found: list[str] = cat.shapes[R.kind_of(kind).schema]["choices"][field]
    return found


def check_choice(cat: Catalog, kind: str, field: str, value: str | None, option: str) -> str | None:
    """A filter's value as one of the field's values, in any case (exit 2 otherwise)."""
    return None if value is None else choice(option, value, choices(cat, kind, field))


def check_limit(limit: int | None) -> int | None:
    """``--limit``: 0 or more."""
    if limit is not None and limit < 0:
        raise UsageError(f"--limit: must be 0 or more, got {limit}")
    return limit


# --------------------------------------------------------------------------- sorting & fields


def nested(rec: Rec, key: str) -> Any:
    """``rec[key]``, or for a one-level path ``field.sub`` (``pricing.input``) the
    sub-key of an object field (None where it has none)."""
    if key in rec or "." not in key:
        return rec.get(key)
    parent, _, sub = key.partition(".")
    value = rec.get(parent)
    return value.get(sub) if isinstance(value, dict) else None


def sort_value(rec: Rec, key: str) -> Any:
    """The value a list sorts ``key`` by: a figure for a quantity, a list's length, bools 0/1."""
    value = nested(rec, key)
    if (
        key == "parameters"
        and isinstance(value, dict)
        and value.get("state") not in ("exact", "range")
    ):
        return None  # as printed: null unless exact or a range
    if isinstance(value, dict):
        for sub in ("max", "min", "tokens", "input", "value", "label"):
            if value.get(sub) is not None:
                return value[sub]
        return None
    if isinstance(value, list):
        return len(value)
    if isinstance(value, bool):
        return int(value)
    return value


def sort_records(
    records: list[Rec], key: str | None, *, desc: bool = False, then: str = "id"
) -> list[Rec]:
    """Sort by ``key`` (missing/null values last in both directions); ties in the
    order of ``then``, ascending either way."""
    if key is None:
        return records
    present = [r for r in records if sort_value(r, key) is not None]
    missing = [r for r in records if sort_value(r, key) is None]

    def k(r: Rec) -> tuple[int, Any]:
        v = sort_value(r, key)
        # numbers and strings never meet in one column, but be safe
        return (0, v) if isinstance(v, (int, float)) else (1, str(v))

    present.sort(key=lambda r: str(r.get(then, "")))
    present.sort(key=k, reverse=desc)  # stable: ties keep the order of ``then``
    missing.sort(key=lambda r: str(r.get(then, "")))
    return present + missing


def parse_sort(text: str | None) -> tuple[str | None, bool]:
    """``--sort KEY`` -> ``(KEY, False)``; ``--sort -KEY`` -> ``(KEY, True)`` (descending)."""
    if text is None:
        return None, False
    text = text.strip()
    if text.startswith("-") and len(text) > 1:
        return text[1:].strip(), True
    if not text:
        raise UsageError("--sort: give a field, e.g. --sort released or --sort -released")
    return text, False


def field_key(names: dict[str, str], text: str, option: str, hint: str) -> str:
    """The key a user's field name means (see :func:`genai_cli.dataset.registry.field_names`),
    or a one-level path into an object field (``pricing.input``)."""
    found = names.get(text.strip().casefold())
    if found is not None:
        return found
    parent, dot, sub = text.strip().partition(".")
    found = names.get(parent.casefold()) if dot else None
    if found is not None and sub.isidentifier():
        return f"{found}.{sub.lower()}"
    raise UsageError(f"{option}: unknown field {text!r}" + did_you_mean(text.strip(), names) + hint)


def fields_hint(kind: str) -> str:
    """Where an error about a kind's fields sends the user."""
    return f" (list them: genai fields {R.KINDS[kind].name.replace('_', '-')})"


def check_sort(cat: Catalog, kind: str, key: str | None) -> str | None:
    """The output key ``--sort`` names, by its key or its header, in any case."""
    if key is None:
        return None
    names = R.field_names(cat.keys(kind))
    return field_key(names, key, "--sort", fields_hint(kind))


def parse_fields(text: str | None) -> list[str] | None:
    """``--fields a,b,c`` -> ``["a", "b", "c"]`` (checked against a kind by :func:`check_fields`)."""
    if text is None:
        return None
    fields = [f.strip() for f in text.split(",") if f.strip()]
    if not fields:
        raise UsageError("--fields: give at least one field, e.g. --fields id,name")
    return fields


def check_fields(
    fields: list[str] | None, allowed: Sequence[str], hint: str | None = None
) -> list[str] | None:
    """The keys ``--fields`` names (by key or header, in any case), in its order."""
    if fields is None:
        return None
    names = R.field_names(allowed)
    tail = hint if hint is not None else f"; expected any of: {', '.join(allowed)}"
    return [field_key(names, f, "--fields", tail) for f in fields]


def select_fields(rows: list[Rec], fields: list[str] | None) -> list[Rec]:
    """Each row with only ``fields``, in that order (all of it when ``None``)."""
    if fields is None:
        return rows
    return [{f: nested(r, f) for f in fields} for r in rows]


# --------------------------------------------------------------------------- models


def resolve_all(cat: Catalog, kind: str, texts: Iterable[str]) -> list[str]:
    """The ids that ``texts`` (ids, names or aliases, any case) name; :class:`NotFound`
    for one that names nothing."""
    return [cat.resolve(kind, t) for t in texts]


def filter_models(
    cat: Catalog,
    *,
    vendors: Sequence[str] = (),
    domain: str | None = None,
    modality: str | None = None,
    open_weights: bool | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
) -> list[Rec]:
    """Models matching every filter given.

    ``vendors`` keeps a model when a requested vendor built it or is an owner of its builder:
    the model's ``vendor`` or one of its ``partners`` is a requested vendor, or has one in its
    ``parent`` chain (vendors.yaml). So ``vendors=["google"]`` also returns the models of
    ``google-deepmind``, ``google-brain`` and ``deepmind`` (each has parent ``google``), the
    way the report lists them all under 谷歌; ``vendors=["google-deepmind"]`` does not return
    plain Google models. Several vendors match any of them.
    """
    vendor_ids = set(resolve_all(cat, "vendors", vendors))
    domain = check_choice(cat, "models", "domain", domain, "--domain")
    modality = check_choice(cat, "models", "modalities", modality, "--modality")
    needle = normalize_key(search) if search else None
    out = []
    pool = cat.models_of_vendors(vendor_family(cat, vendor_ids)) if vendor_ids else None
    for m in pool if pool is not None else cat.compact("models"):
        if domain is not None and m.get("domain") != domain:
            continue
        if modality is not None and modality not in m.get("modalities", ()):
            continue
        if open_weights is not None and m.get("open_weights") is not open_weights:
            continue
        if (since or until) and not date_in_range(m.get("released"), since, until):
            continue
        if needle is not None and not _matches(m, needle, R.KINDS["models"].search):
            continue
        out.append(m)
    return out


def vendor_lineage(cat: Catalog, vendor_id: str) -> list[str]:
    """``vendor_id`` followed by its ``parent``, the parent's parent, ... (vendors.yaml).

    An unknown id is its own lineage (the id a record names, checked elsewhere);
    a cycle in ``parent`` stops at the first repeat.
    """
    vendors = cat.by_id("vendors")
    chain: list[str] = []
    current: str | None = vendor_id
    while current is not None and current not in chain:
        chain.append(current)
        current = (vendors.get(current) or {}).get("parent")
    return chain


def _in_lineage(cat: Catalog, vendor_id: str | None, wanted: set[str]) -> bool:
    return vendor_id is not None and not wanted.isdisjoint(vendor_lineage(cat, vendor_id))


def vendor_family(cat: Catalog, wanted: set[str]) -> set[str]:
    """``wanted`` and every vendor that has one of them in its ``parent`` chain."""
    return set(wanted) | {
        v["id"] for v in cat.compact("vendors") if _in_lineage(cat, v["id"], wanted)
    }


def models_of_vendor(cat: Catalog, vendor_id: str) -> list[Rec]:
    """Models built by ``vendor_id`` or by a vendor it owns, as partner or as vendor.

    A model belongs to ``vendor_id`` when its ``vendor`` or one of its ``partners`` is
    ``vendor_id`` or has ``vendor_id`` in its ``parent`` chain: Google's models include those of
    Google DeepMind, Google Brain and DeepMind (same rule as ``filter_models(vendors=...)``).
    ``vendor_id`` may be a name or alias (``谷歌``).
    """
    vendor_id = cat.resolve("vendors", vendor_id)
    return cat.models_of_vendors(vendor_family(cat, {vendor_id}))


def scores_where(
    cat: Catalog,
    *,
    models: Iterable[str] = (),
    benchmarks: Iterable[str] = (),
    setting: str | None = None,
) -> list[Rec]:
    """Scores of any of ``models`` on any of ``benchmarks`` (ids, names or aliases),
    taken under ``setting`` (``5-shot`` and ``5 shot`` are the same setting); each
    filter left empty keeps every score. An unknown setting is a usage error."""
    mset = set(resolve_all(cat, "models", models))
    bset = set(resolve_all(cat, "benchmarks", benchmarks))
    scores = cat.compact("scores")
    wanted: str | None = None
    if setting is not None:
        known: dict[str, str] = {}
        for s in scores:
            for text in (s.get("setting"), s.get("setting_label")):
                if text:
                    known.setdefault(slugify(text), s["setting"])
        wanted = known.get(slugify(setting))
        if wanted is None:
            choice("--setting", setting, sorted(set(known.values())))
    return [
        s
        for s in scores
        if (not mset or s["model"] in mset)
        and (not bset or s["benchmark"] in bset)
        and (wanted is None or s.get("setting") == wanted)
    ]


def corrections_where(
    cat: Catalog, *, kinds: Iterable[str] = (), fields: Iterable[str] = ()
) -> list[Rec]:
    """The corrections of records of any of ``kinds`` (``model``, ``events``, ...)
    to any of ``fields``; an unknown kind, or a field no correction is about, is a
    usage error."""
    kset = {R.kind_of(k, "--kind").singular for k in kinds}
    rows = cat.compact("corrections")
    known = sorted({c["field"] for c in rows})  # the fields the report got wrong
    fset = {choice("--field", f, known) for f in fields}
    return [c for c in rows if (not kset or c["kind"] in kset) and (not fset or c["field"] in fset)]


def scores_of_model(cat: Catalog, model_id: str) -> list[Rec]:
    """A model's (id, name or alias) scores, in dataset order."""
    model_id = cat.resolve("models", model_id)
    return [s for s in cat.compact("scores") if s["model"] == model_id]


def events_where(
    cat: Catalog,
    *,
    vendors: Sequence[str] = (),
    models: Sequence[str] = (),
    kinds: Sequence[str] = (),
    architectures: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> list[Rec]:
    """Events oldest first; each filter keeps events matching any of its values
    (vendors, models and architectures by id, name or alias; kinds in any case).

    ``vendors`` keeps an event whose ``vendor`` or one of whose ``parties`` is a requested
    vendor or has one in its ``parent`` chain (vendors.yaml): ``vendors=["google"]`` also
    returns events of ``google-deepmind``, ``google-brain`` and ``deepmind``, as
    ``filter_models`` does for models.
    """
    kinds = [k for k in (check_choice(cat, "events", "kind", k, "--kind") for k in kinds) if k]
    vset = set(resolve_all(cat, "vendors", vendors))
    mset = set(resolve_all(cat, "models", models))
    aset = set(resolve_all(cat, "architectures", architectures))
    kset = set(kinds)
    out = []
    for e in cat.compact("events"):
        if vset and not any(
            _in_lineage(cat, v, vset) for v in (e.get("vendor"), *e.get("parties", ()))
        ):
            continue
        if mset and not mset.intersection(e.get("models", ())):
            continue
        if kset and e["kind"] not in kset:
            continue
        if aset and not aset.intersection(e.get("architectures", ())):
            continue
        if (since or until) and not date_in_range(e["date"], since, until):
            continue
        out.append(e)
    return sorted(out, key=lambda e: (e["date"], e["id"]))


def models_on_architecture(cat: Catalog, arch_id: str) -> list[Rec]:
    """The models built on an architecture (id, name or alias), in dataset order."""
    arch_id = cat.resolve("architectures", arch_id)
    return [m for m in cat.compact("models") if arch_id in m.get("architecture", ())]


# --------------------------------------------------------------------------- scores


def _better(bench: Rec | None) -> bool:
    return True if bench is None else bool(bench.get("higher_is_better", True))


def leaderboard(cat: Catalog, benchmark_id: str) -> list[Rec]:
    """A benchmark's (id, name or alias) scores, best first (ties by model id);
    lowest first where lower is better."""
    benchmark_id = cat.resolve("benchmarks", benchmark_id)
    bench = cat.by_id("benchmarks").get(benchmark_id)
    scores = [s for s in cat.compact("scores") if s["benchmark"] == benchmark_id]
    sign = -1 if _better(bench) else 1
    return sorted(scores, key=lambda s: (sign * s["value"], s["model"], s["id"]))


def settings_of(scores: Iterable[Rec]) -> list[str]:
    """The settings the scores were taken under, as labels, in order of first use."""
    seen: list[str] = []
    for s in scores:
        label = parse_setting(s["setting"])["label"] if s.get("setting") else "unspecified"
        if label not in seen:
            seen.append(label)
    return seen


def compare(cat: Catalog, model_ids: Sequence[str], benchmark_ids: Sequence[str] = ()) -> Rec:
    """Models side by side with their scores on shared (or chosen) benchmarks
    (models and benchmarks by id, name or alias).

    ``benchmarks`` says, per benchmark, which settings the scores were taken
    under, whether they are comparable (one setting for all) and which models
    are ``best``: only when the benchmark is contested (two or more of the
    models have a score on it), with ``top``, the best value; a model alone on
    a benchmark is not its best.
    """
    ids = list(dict.fromkeys(resolve_all(cat, "models", model_ids)))
    scores = [s for s in cat.compact("scores") if s["model"] in ids and s.get("opponent") is None]
    if benchmark_ids:
        wanted = list(dict.fromkeys(resolve_all(cat, "benchmarks", benchmark_ids)))
        scores = [s for s in scores if s["benchmark"] in wanted]
        order = wanted
    else:
        order = []
        for s in scores:
            if s["benchmark"] not in order:
                order.append(s["benchmark"])
        # benchmarks at least two of the models share first, in dataset order
        shared = [b for b in order if len({s["model"] for s in scores if s["benchmark"] == b}) > 1]
        order = shared + [b for b in order if b not in shared]
    rows = []
    for b in order:
        bench_scores = [s for s in scores if s["benchmark"] == b]
        settings = settings_of(bench_scores)
        best: list[str] = []
        top = None
        if len({s["model"] for s in bench_scores}) > 1:
            pick = max if _better(cat.by_id("benchmarks").get(b)) else min
            top = pick(s["value"] for s in bench_scores)
            best = sorted({s["model"] for s in bench_scores if s["value"] == top})
        rows.append(
            {
                "benchmark": b,
                "settings": settings,
                "comparable": len(settings) <= 1,
                "best": best,
                "top": top,
                "missing": [m for m in ids if m not in {s["model"] for s in bench_scores}],
            }
        )
    scores.sort(
        key=lambda s: (
            order.index(s["benchmark"]) if s["benchmark"] in order else 0,
            ids.index(s["model"]),
        )
    )
    return {"models": ids, "scores": scores, "benchmarks": rows}


# --------------------------------------------------------------------------- search


def _texts(rec: Rec, fields: Iterable[str]) -> Iterable[tuple[str, str]]:
    for f in fields:
        v = rec.get(f)
        if isinstance(v, str):
            yield f, v
        elif isinstance(v, list):
            for item in v:
                if isinstance(item, str):
                    yield f, item
        elif isinstance(v, dict):
            for item in v.values():
                if isinstance(item, str):
                    yield f, item
                elif isinstance(item, list):
                    yield from ((f, x) for x in item if isinstance(x, str))


def _matches(rec: Rec, needle: str, fields: Iterable[str]) -> bool:
    """Does ``needle`` (normalised) stand in the record's id or texts, or each of its
    words in one of them, in any order (``opus claude``)?"""
    if needle in rec["id"]:
        return True
    texts = [rec["id"], *(normalize_key(t) for _, t in _texts(rec, fields))]
    return any(needle in t for t in texts) or _every_word(needle, texts)


def _every_word(needle: str, texts: Sequence[str]) -> bool:
    """Is each word of a query of two or more words in one of ``texts``?"""
    words = needle.split()
    return len(words) > 1 and all(any(w in t for t in texts) for w in words)


def search(cat: Catalog, text: str, kinds: Sequence[str] = ()) -> list[Rec]:
    """Every record whose id, name, alias or text matches, best matches first."""
    needle = normalize_key(text)
    if not needle:
        raise UsageError("give some text to look for")
    hits: list[dict[str, Any]] = []
    for kind in kinds or tuple(k.name for k in R.KINDS.values() if k.searched):
        fields = R.KINDS[kind].search
        for rec in cat.compact(kind):
            best = 0
            where = ""
            rid = R.record_id(kind, rec)
            for field, value in [("id", rid), *_texts(rec, fields)]:
                t = normalize_key(value)
                if needle not in t:
                    continue
                is_name = field == "id" or field in R.NAME_KEYS
                if t == needle:
                    score = 100 if is_name else 40
                elif t.startswith(needle):
                    score = 80 if is_name else 30
                elif f" {needle}" in f" {t}":
                    score = 60 if is_name else 25
                else:
                    score = 50 if is_name else 20
                if score > best:
                    best, where = score, field
            if not best:  # each word somewhere, in any order: "opus claude"
                texts = [(f, normalize_key(v)) for f, v in [("id", rid), *_texts(rec, fields)]]
                if _every_word(needle, [t for _, t in texts]):
                    named = [t for f, t in texts if f == "id" or f in R.NAME_KEYS]
                    best = 15 if _every_word(needle, named) else 10
                    where = next(f for f, t in texts if needle.split()[0] in t)
            if best:
                hits.append(
                    {
                        "kind": R.KINDS[kind].singular,
                        "id": rid,
                        "name": R.KINDS[kind].title(rec),
                        "matched": where,
                        "score": best,
                    }
                )
    order = {k.singular: i for i, k in enumerate(R.KINDS.values())}
    hits.sort(key=lambda h: (-h["score"], order[h["kind"]], h["id"]))
    return hits
