"""What a number of tokens costs: each model at its lab's list price and at its
cheapest offering (``genai cost``, ``genai compare --tokens``).

* **tokens**: ``input`` tokens in all, of which ``cached`` are read from a prompt
  cache, and ``output`` tokens, as genai-prices counts them (its ``calc``: cache
  reads are a part of the input tokens, and never more than them). The uncached
  input is charged at the input price, the cached part at the cache-read price
  (at the input price where the offering states none, and the row says so), the
  output at the output price; prices are USD per 1M tokens, the base price (a
  higher price for long prompts is not applied).
* **list**: the lab's own price: the first offering, in the join's order (the
  model's own id before a snapshot's; the catalogs in precedence order), whose
  provider is the model's maker's own API (:func:`~genai_cli.catalogs.identity.is_first_party`),
  with an input and an output price, not a tier and not a subscription plan.
* **cheapest**: the offering with the lowest total for these tokens among those
  billed per token: priced for input and output, not a subscription plan
  (:func:`~genai_cli.catalogs.providers.is_plan`), not a free or batch tier, and
  not at zero for both unless the lab's own list price is zero too (a free tier
  is never the model's price unless its lab charges nothing). Ties: the first in
  the join's order (the lab's own entries come first).

Amounts are computed in decimal from the prices as the catalogs write them and
rounded to 6 decimal places (a millionth of a dollar), half up; ``total`` is the
sum of the rounded parts, so a row adds up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from ..catalogs.identity import is_first_party
from ..catalogs.joining import maker
from ..catalogs.providers import is_plan, provider
from .catalog import Catalog

PER = Decimal(1_000_000)
"""Prices are per this many tokens."""
PLACES = Decimal("0.000001")
"""What an amount is rounded to: a millionth of a dollar."""
LEFT_OUT_TIERS = frozenset({"free", "batch"})
"""Tiers whose price is no on-demand price per token: free (rate-limited, no price)
and batch (asynchronous jobs at a discount)."""

KEYS = [
    "model", "basis", "provider", "id", "tier", "pricing", "input_cost", "cached_cost",
    "output_cost", "total", "price_as_of", "catalog", "note",
]  # fmt: skip
"""The keys of a row (``cached_cost`` only when cached tokens are given)."""
TYPES = {
    "pricing": "object",
    "input_cost": "float",
    "cached_cost": "float",
    "output_cost": "float",
    "total": "float",
}
"""The JSON types of the keys that are not text (for ``--where``)."""


class Tokens(NamedTuple):
    """A number of tokens: ``input`` in all (``cached`` of them from a cache) and ``output``."""

    input: int
    output: int
    cached: int | None = None


def rows(
    cat: Catalog, model_ids: Iterable[str], tokens: Tokens, providers: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Two rows per model (``list``, then ``cheapest``): what ``tokens`` cost at the
    lab's list price and at the cheapest offering (of ``providers`` only, when
    given: provider ids; the list price is the lab's whatever they are)."""
    only = frozenset(providers)
    out: list[dict[str, Any]] = []
    for mid in dict.fromkeys(model_ids):
        listed, cheapest = choose(cat, mid, tokens, only)
        out.append(_row(cat, mid, "list", listed, tokens, only))
        out.append(_row(cat, mid, "cheapest", cheapest, tokens, only))
    return out


def choose(
    cat: Catalog, mid: str, tokens: Tokens, providers: frozenset[str] = frozenset()
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The offering of model ``mid`` at its lab's list price, and its cheapest for
    ``tokens`` (among ``providers``' offerings, when any), or None (see the module)."""
    vendor = maker(cat, cat.by_id("models")[mid].get("vendor"))  # Google for DeepMind's
    offers = [
        o for o in cat.extras(mid).get("offerings", ()) if _priced(o) and not _plan(o)
    ]  # in the join's order: best first
    lab = [o for o in offers if is_first_party(str(o["provider"]), vendor)]
    listed = next((o for o in lab if o.get("tier") is None), None)
    free = listed is not None and _zero(listed)  # the lab charges nothing
    candidates = [
        (n, o)
        for n, o in enumerate(offers)
        if not _left_out_tier(o)
        and (free or not _zero(o))
        and (not providers or o["provider"] in providers)
    ]
    if not candidates:
        return listed, None
    _, cheapest = min(candidates, key=lambda c: (_amounts(c[1], tokens)["total"], c[0]))
    return listed, cheapest


def _row(
    cat: Catalog,
    mid: str,
    basis: str,
    offer: Mapping[str, Any] | None,
    tokens: Tokens,
    providers: frozenset[str],
) -> dict[str, Any]:
    row: dict[str, Any] = {"model": mid, "basis": basis}
    if offer is None:
        costs: dict[str, Any] = {"input_cost": None, "cached_cost": None, "output_cost": None}
        row.update(provider=None, id=None, catalog=None, tier=None, pricing=None)
        row.update(costs, total=None, price_as_of=None, note=_missing(cat, mid, basis, providers))
    else:
        amounts = _amounts(offer, tokens)
        row.update(
            provider=offer["provider"],
            id=offer["id"],
            catalog=offer["catalog"],
            tier=offer.get("tier"),
            pricing=offer["pricing"],
            **{k: float(v) for k, v in amounts.items()},
            price_as_of=offer.get("as_of"),
            note=(
                "no cache-read price: cached tokens at the input price"
                if tokens.cached and _num(offer["pricing"].get("cache_read")) is None
                else None
            ),
        )
    if tokens.cached is None:
        row.pop("cached_cost", None)
    return {k: row[k] for k in KEYS if k in row}


def _missing(cat: Catalog, mid: str, basis: str, providers: frozenset[str]) -> str:
    """Why a row has no offering."""
    if not cat.imported:
        return "no catalog imported (genai import litellm, models.dev or genai-prices)"
    if basis == "list":
        vendor = maker(cat, cat.by_id("models")[mid].get("vendor"))
        return f"no price per token from {vendor or 'its maker'}'s own API in the catalogs"
    where = f" at {', '.join(sorted(providers))}" if providers else ""
    return f"no offering{where} at a price per token (free and batch tiers, plans and zero prices left out)"


def _amounts(offer: Mapping[str, Any], tokens: Tokens) -> dict[str, Decimal]:
    """What ``tokens`` cost at ``offer``'s prices: input (uncached), cached (when
    cached tokens are given), output and the total, in USD."""
    p = offer["pricing"]
    input_price, output_price = _price(p["input"]), _price(p["output"])
    cached = tokens.cached or 0
    out = {"input_cost": _money((tokens.input - cached) * input_price)}
    if tokens.cached is not None:
        cache_read = _num(p.get("cache_read"))
        rate = input_price if cache_read is None else _price(cache_read)
        out["cached_cost"] = _money(cached * rate)
    out["output_cost"] = _money(tokens.output * output_price)
    out["total"] = sum(out.values(), Decimal(0))
    return out


def _money(per_million: Decimal) -> Decimal:
    """Tokens times a price per 1M, in USD, to a millionth of a dollar."""
    return (per_million / PER).quantize(PLACES, rounding=ROUND_HALF_UP)


def _price(value: float) -> Decimal:
    """A price as the catalog wrote it (``0.15``, not the binary float near it)."""
    return Decimal(repr(value))


def _num(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _priced(offer: Mapping[str, Any]) -> bool:
    p = offer.get("pricing")
    return (
        isinstance(p, dict)
        and _num(p.get("input")) is not None
        and _num(p.get("output")) is not None
    )


def _zero(offer: Mapping[str, Any]) -> bool:
    p = offer["pricing"]
    return bool(p["input"] == 0 and p["output"] == 0)


def _plan(offer: Mapping[str, Any]) -> bool:
    """Is the offering a subscription plan's (no price per token)?"""
    found = provider("", str(offer["provider"]))
    return found is not None and is_plan(found)


def _left_out_tier(offer: Mapping[str, Any]) -> bool:
    tier = offer.get("tier")
    return isinstance(tier, str) and bool(LEFT_OUT_TIERS.intersection(tier.split("/")))
