"""genai-prices: ``genai_prices/data.py`` of the ``genai-prices`` package, read as data.

The file is ``providers: list[Provider] = [Provider(id=..., models=[ModelInfo(...)])]``;
it is parsed (:mod:`.pyliteral`), never executed.

* ``key`` is ``provider/model-id``; ``provider`` the provider ``id``; ``id`` the
  model ``id``; ``aliases`` the ``ClauseEquals`` values of its ``match`` (at the
  top, or inside ``ClauseOr``) other than the id. StartsWith / EndsWith /
  Contains / Regex clauses, and anything under ``ClauseAnd``, are rules for
  matching API responses, not identities, and are left out.
* ``name``, ``description``; ``url`` the provider's first ``pricing_urls``.
* facts: ``context_window``; ``deprecated``; ``pricing`` from ``input_mtok``,
  ``output_mtok``, ``cache_read_mtok``, ``cache_write_mtok`` (already per 1M
  tokens; a ``TieredPrices`` gives its ``base``, and its tiers' ``start``
  the ``price_thresholds``). When ``prices`` is a list of
  ``ConditionalPrice``, ``pricing`` is the one with the newest
  ``StartDateConstraint`` (an unconstrained price counts as the oldest; of
  equals, the later in the list, as genai-prices itself picks the last active
  one), ``pricing_from`` its start date and ``pricing_before`` the price until
  then (Gemini Robotics ER 2 rises from 2027-01-01: which is in force is the
  reader of the day's to say); time-of-day prices (off-peak / peak windows) are
  not a standing price and are left out. Price variants (batch, ...) are left out.
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
    fail,
    price_value,
    pricing_value,
    skip_reason_no_facts,
    text_value,
    url_value,
)
from .jsontext import decode_utf8
from .pyliteral import read_module
from .source import refuse_larger

MAX_SOURCE_BYTES = 16 * 1024 * 1024
"""A Python syntax tree takes tens of times its text in memory: data.py is ~1.6 MB."""

EXPECTED = (
    "expected genai-prices' data.py: Python that assigns "
    "`providers = [Provider(id=..., models=[ModelInfo(...), ...]), ...]`"
)


def _is(value: Any, name: str) -> bool:
    return isinstance(value, dict) and value.get("__call__") == name


def read(
    raw: bytes, display: str, progress: Progress | None
) -> tuple[list[Entry], Notes, int, str | None]:
    refuse_larger(display, len(raw), MAX_SOURCE_BYTES, "data.py")
    text = decode_utf8(raw, display)
    if text.lstrip()[:1] in ("{", "["):
        fail(display, f"{EXPECTED}; this is JSON")
    module = read_module(text, display)
    providers = module.get("providers")
    if not isinstance(providers, list) or not all(_is(p, "Provider") for p in providers):
        fail(display, EXPECTED)
    if not providers:
        fail(display, f"{EXPECTED}; the list is empty")
    notes = Notes()
    entries: list[Entry] = []
    seen: set[str] = set()
    total = sum(len(p["models"]) if isinstance(p.get("models"), list) else 0 for p in providers)
    done = 0
    for prov in providers:
        pid = text_value(prov.get("id"), "provider id", notes)
        models = prov.get("models")
        if not isinstance(models, list):
            notes.skip("provider without a models list")
            continue
        urls = prov.get("pricing_urls")
        url = None
        if isinstance(urls, list) and urls:
            url = url_value(urls[0], "pricing_urls", notes)
        for m in models:
            done += 1
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
            if pid is None:
                notes.skip("provider without an id")
                continue
            if not _is(m, "ModelInfo"):
                notes.skip("model is not a ModelInfo(...)")
                continue
            mid = text_value(m.get("id"), "id", notes)
            if mid is None:
                notes.skip("no model id")
                continue
            key = f"{pid}/{mid}"
            if key in seen:
                notes.skip("repeats a provider/model id (the first is kept)")
                continue
            seen.add(key)
            facts = _facts(m, notes)
            if not facts:
                notes.skip(skip_reason_no_facts(None))
                continue
            entries.append(
                {
                    "key": key,
                    "provider": pid,
                    "id": mid,
                    "aliases": aliases(m.get("match"), mid),
                    "name": text_value(m.get("name"), "name", notes),
                    "creator": None,
                    "description": text_value(m.get("description"), "description", notes),
                    "url": url,
                    "mode": None,
                    "facts": facts,
                }
            )
    if progress is not None:
        progress(done, done)
    return entries, notes, done, None


def aliases(match: Any, own_id: str) -> list[str]:
    """The exact ids a match clause names: ClauseEquals, at the top or under ClauseOr."""
    out: list[str] = []
    stack = [match]
    while stack:
        clause = stack.pop()
        if _is(clause, "ClauseEquals"):
            value = clause.get("equals")
            if isinstance(value, str) and value != own_id and value not in out:
                out.append(value)
        elif _is(clause, "ClauseOr"):
            branches = clause.get("or_")
            if isinstance(branches, list):
                stack.extend(reversed(branches))
    return out


def _facts(m: dict[str, Any], notes: Notes) -> Facts:
    facts: Facts = {}
    n = count_value(m.get("context_window"), "context_window", notes)
    if n is not None:
        facts["context_window"] = n
    dep = bool_value(m.get("deprecated"), "deprecated", notes)
    if dep is not None:
        facts["deprecated"] = dep
    schedule = price_schedule(m.get("prices"), notes)
    if schedule:
        start, price = schedule[-1]
        pricing = pricing_value(lambda key: _price(price, f"{key}_mtok", notes))
        if pricing is not None:
            facts["pricing"] = pricing
            thresholds = sorted(
                {
                    tier["start"]
                    for value in price.values()
                    if _is(value, "TieredPrices") and isinstance(value.get("tiers"), list)
                    for tier in value["tiers"]
                    if isinstance(tier, dict) and isinstance(tier.get("start"), int)
                }
            )
            if thresholds:
                facts["price_thresholds"] = thresholds
            if start:  # the newest price may not be in force yet: say from when
                facts["pricing_from"] = start
                if len(schedule) > 1:
                    before = schedule[-2][1]
                    earlier = pricing_value(lambda key: _price(before, f"{key}_mtok", notes))
                    if earlier is not None:
                        facts["pricing_before"] = earlier
    return facts


def _price(price: dict[str, Any], key: str, notes: Notes) -> float | None:
    value: Any = price.get(key)
    if _is(value, "TieredPrices"):
        value = value.get("base")
    return price_value(value, key, notes)


def price_schedule(prices: Any, notes: Notes) -> list[tuple[str, dict[str, Any]]]:
    """The standing prices by start date, oldest first: ``[(start, ModelPrice)]``
    (an unconstrained price starts at ``""``; of equal starts, the later in the list,
    as genai-prices itself picks the last active one). Deterministic."""
    if _is(prices, "ModelPrice"):
        return [("", dict(prices))]
    if not isinstance(prices, list):
        if prices is not None:
            notes.drop("prices: not a ModelPrice or a list of ConditionalPrice")
        return []
    by_start: dict[str, dict[str, Any]] = {}
    for cp in prices:
        if not _is(cp, "ConditionalPrice") or not _is(cp.get("prices"), "ModelPrice"):
            notes.drop("prices: an item that is not a ConditionalPrice(prices=ModelPrice(...))")
            continue
        constraint = cp.get("constraint")
        start_date = constraint.get("start_date") if isinstance(constraint, dict) else None
        if constraint is None:
            start = ""
        elif _is(constraint, "StartDateConstraint") and isinstance(start_date, str):
            start = start_date
        else:
            continue  # time-of-day windows are not a standing price
        by_start[start] = cp["prices"]
    if not by_start:
        notes.drop("prices: only time-of-day prices")
    return sorted(by_start.items())
