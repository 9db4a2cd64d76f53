"""The providers of the imported catalogs' offerings: one record per provider, under
the providers table's id (:mod:`genai_cli.catalogs.providers`), with what it offers.

A row is made from the offerings alone (each names its provider by the table's id,
or by the catalog's own spelling where the table has none) and the offered models'
release dates: how many models and offerings, per catalog, the cheapest (the
lowest input price above 0) and the newest.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from ..catalogs.providers import BY_ID, CATALOGS, PROVIDERS, provider
from ..core.errors import NotFound, UsageError, closest, did_you_mean
from ..dataset.parsing import normalize_key

Offer = Mapping[str, Any]

TEXT_MODES = frozenset({"chat", "completion", "responses"})
"""The modes (LiteLLM's, of an entry) of a model that writes text: a model any entry of
which has another (image or video generation, embedding, rerank, speech, ...) is no
provider's cheapest, for its price per 1M tokens is not a chat model's."""


def rows(
    offerings: Iterable[Offer], released: Mapping[str, str | None], *, every: bool = False
) -> list[dict[str, Any]]:
    """One row per provider of ``offerings`` (``every``: also each provider of the
    table that has none), by id; ``released``: the offered models' release dates."""
    groups: dict[str, list[Offer]] = {}
    other = set()
    for o in offerings:
        groups.setdefault(str(o["provider"]), []).append(o)
        if o.get("mode") and o["mode"] not in TEXT_MODES:
            other.add(o["model"])
    ids = set(groups) | (set(BY_ID) if every else set())
    return [row(pid, groups.get(pid, []), released, other) for pid in sorted(ids)]


def row(
    pid: str,
    offers: list[Offer],
    released: Mapping[str, str | None],
    not_text: Collection[str] = (),
) -> dict[str, Any]:
    """The record of provider ``pid`` with these offerings (``not_text``: the models
    that are not to be its cheapest, see :data:`TEXT_MODES`)."""
    p = BY_ID.get(pid)
    models = {str(o["model"]) for o in offers}
    per_catalog: dict[str, int] = {}
    for o in offers:
        per_catalog[o["catalog"]] = per_catalog.get(o["catalog"], 0) + 1
    cheapest = _cheapest(o for o in offers if o["model"] not in not_text)
    dated = {m: d for m in models if (d := released.get(m))}
    latest = max(dated.values(), default=None)
    if p is not None:
        names = {c: list(p.names[c]) for c in CATALOGS if c in p.names}
    else:  # a provider the table does not know: each catalog that names it, as it does
        names = {c: [pid] for c in CATALOGS if c in per_catalog}
    return {
        "id": pid,
        "name": p.name if p is not None else pid,
        "kind": p.kind if p is not None else None,
        "lab": p.lab if p is not None else None,
        "names": names,
        "models": len(models),
        "offerings": len(offers),
        "catalogs": {c: per_catalog[c] for c in sorted(per_catalog, key=_catalog_order)},
        "cheapest": cheapest["model"] if cheapest is not None else None,
        "cheapest_input": _price(cheapest, "input") if cheapest is not None else None,
        "newest": sorted(m for m, d in dated.items() if d == latest),
        "newest_released": latest,
        "url": p.url if p is not None else None,
        "note": p.note if p is not None else None,
    }


def _catalog_order(catalog: str) -> tuple[int, str]:
    return (CATALOGS.index(catalog) if catalog in CATALOGS else len(CATALOGS), catalog)


def _price(offer: Offer, key: str) -> float | None:
    value = (offer.get("pricing") or {}).get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _cheapest(offers: Iterable[Offer], *, paid: bool = True) -> Offer | None:
    """The offering with the lowest input price (``paid``: above 0, for catalogs write
    0 for a free tier and for a model billed otherwise, per hour or per image), the
    lower output price and then the model's id breaking ties; None when none has one."""
    priced = [
        (inp, out if out is not None else math.inf, str(o["model"]), str(o.get("id")), o)
        for o in offers
        if (inp := _price(o, "input")) is not None and (inp > 0 or not paid)
        for out in (_price(o, "output"),)
    ]
    return min(priced, key=lambda t: t[:4])[4] if priced else None


def offered(
    offers: Iterable[Offer], models: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The models a provider offers (``offers``: its offerings), newest first: each
    with its name, its ids at the provider, how many offerings, the prices of its
    cheapest (:func:`_cheapest`; else of one priced at 0) and its release date."""
    by_model: dict[str, list[Offer]] = {}
    for o in offers:
        by_model.setdefault(str(o["model"]), []).append(o)
    out: list[dict[str, Any]] = []
    for mid, mine in by_model.items():
        model = models.get(mid) or {}
        best = _cheapest(mine) or _cheapest(mine, paid=False)
        out.append(
            {
                "model": mid,
                "name": model.get("name") or mid,
                "ids": list(dict.fromkeys(str(o["id"]) for o in mine)),
                "offerings": len(mine),
                "pricing": dict(best["pricing"]) if best is not None else None,
                "released": model.get("released"),
            }
        )
    out.sort(key=lambda m: m["model"])
    out.sort(key=lambda m: m["released"] or "", reverse=True)
    return out


def provider_id(
    name: str, known: Callable[[], Iterable[str]] = tuple, *, option: str | None = None
) -> str:
    """The id of the provider a user names: the providers table's id, any catalog's
    spelling of it or its name, in any case, or one of ``known()`` (the ids of the
    providers of the offerings: a spelling the table does not know, asked for only
    then). Else an error that suggests the close ones: a usage error for ``option``
    (``--provider``), without one not found (``providers show``)."""
    found = provider("", name)
    if found is not None:
        return found.id
    key = normalize_key(name)
    by_name = {normalize_key(p.name): p.id for p in PROVIDERS}
    by_name.update({normalize_key(k): k for k in known()})
    if key in by_name:
        return by_name[key]
    candidates = {**by_name, **{p.id: p.id for p in PROVIDERS}}
    for p in PROVIDERS:
        for spellings in p.names.values():
            candidates.update({s.lower(): p.id for s in spellings})
    if option is not None:
        raise UsageError(
            f"{option}: unknown provider {name!r}"
            + (did_you_mean(key, candidates) or "; genai providers lists those of your catalogs")
        )
    raise NotFound("provider", name, closest(key, candidates))
