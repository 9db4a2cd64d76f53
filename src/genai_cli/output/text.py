"""Every value→text rule: how a count, a quantity, a price, a score or any field
reads in a table cell and on a show page (stdlib only).

Tables and pages ask :func:`cell` and :func:`page` with a field's name: the
registry (:mod:`genai_cli.dataset.registry`) says which rule a field uses. A rule
applies only to a value of the shape it knows (a quantity is a mapping with
a ``state``); anything else — a SQL expression that reuses a column name, a
user's odd value — falls back to the plain rule of :func:`value`, so no
value can break a table.
"""

from __future__ import annotations

from ..core.jsonio import dumps
from ..dataset.parsing import quantity_shorthand
from ..dataset.registry import field

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

DASH = "—"
"""What an empty cell shows."""


# --------------------------------------------------------------------------- numbers


def count(n: int | float | None, *, unit: str = "") -> str:
    """175000000000 -> '175B', 128000 -> '128K', 1500000000 -> '1.5B'."""
    if n is None:
        return DASH
    value_ = float(n)
    for factor, suffix in ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K")):
        if abs(value_) >= factor:
            scaled = value_ / factor
            text = f"{scaled:.2f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}{unit}"
    return f"{value_:g}{unit}"


def tokens(n: int | None) -> str:
    """Context windows the way vendors write them: 8192 -> '8,192', 128000 -> '128K'."""
    if n is None:
        return DASH
    if n % 1000 == 0:
        return count(n)
    return f"{n:,}"


def quantity(q: Mapping[str, Any] | None) -> str:
    """A quantity the way people write it: 175B, 7B–70B, >175B, undisclosed."""
    if not q:
        return DASH
    state = q.get("state")
    approx = "~" if q.get("approximate") else ""
    if state == "exact":
        return approx + count(q["min"])
    if state == "range":
        return f"{approx}{count(q['min'])}–{count(q['max'])}"
    if state == "lower_bound":
        return f">{count(q['min'])}"
    return "undisclosed"


def price(p: Mapping[str, Any] | None, *, per: bool = True) -> str:
    """'$30 / $60 per 1M' (input / output, USD per 1M tokens)."""
    if not p:
        return DASH
    return f"${p['input']:g} / ${p['output']:g}" + (" per 1M" if per else "")


def money(amount: int | float | None, currency: str | None) -> str:
    """207900000000 USD -> '$207.9B'; CNY -> '¥'."""
    if amount is None:
        return DASH
    symbol = {"USD": "$", "CNY": "¥"}.get(currency or "", "")
    return symbol + count(amount) + ("" if symbol or not currency else f" {currency}")


def usd(amount: float | None) -> str:
    """An amount of US dollars to the cent, or to the millionth where it has more:
    1.5 -> '$1.50', 1234.5 -> '$1,234.50', 2.686 -> '$2.686', 0.000015 -> '$0.000015'."""
    if amount is None:
        return DASH
    whole, _, cents = f"{amount:,.6f}".partition(".")
    return f"${whole}.{cents.rstrip('0').ljust(2, '0')}"


def percent(fraction: float | None) -> str:
    """0.1 -> '10%'."""
    return DASH if fraction is None else f"{fraction * 100:g}%"


def score(value_: float, unit: str) -> str:
    """86.8 -> '86.8%', 95.0 -> '95.0%', 90 percentile -> '90th percentile', 83.1 F1 -> '83.1 F1',
    700 ms -> '700 ms' (a whole number as written, a fraction to its own digits)."""
    if isinstance(value_, int):
        text = str(value_)
    else:
        text = f"{value_:.1f}" if round(value_, 1) == value_ else f"{value_:g}"
    if unit == "%":
        return text + "%"
    if unit == "percentile":
        n = int(value_)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} percentile" if n == value_ else f"{text} percentile"
    return f"{text} {unit}"


BEST = "★"
"""The text marker of a best score (tables never mark meaning by colour alone)."""


def best(text_: str) -> str:
    """A best score's cell text: ``86.8% (5-shot) ★``."""
    return f"{text_} {BEST}"


def yes_no(flag: bool | None) -> str:
    return DASH if flag is None else ("yes" if flag else "no")


def value(v: Any) -> str:
    """Any JSON value as one line of text (the plain rule)."""
    if v is None:
        return DASH
    if isinstance(v, bool):
        return yes_no(v)
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, list) and all(isinstance(x, (str, int, float)) for x in v):
        return ", ".join(str(x) for x in v) if v else DASH
    if isinstance(v, (list, dict)):
        return dumps(v, spaced=True)
    return str(v)


# --------------------------------------------------------------------------- shapes


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_quantity(v: Any) -> bool:
    return isinstance(v, dict) and "state" in v


def _is_price(v: Any) -> bool:
    return isinstance(v, dict) and _is_number(v.get("input")) and _is_number(v.get("output"))


def external_ids(ids: list[Any], *, limit: int | None = 4) -> str:
    """``gpt-4-0613, azure/gpt-4 (models.dev), ... (+12)``: a model's other ids."""
    shown: list[str] = []
    for x in ids:
        if not isinstance(x, dict):
            continue
        label = str(x.get("key") or x.get("id"))
        if label not in shown:
            shown.append(label)
    if limit is None or len(shown) <= limit:
        return ", ".join(shown) if shown else DASH
    return ", ".join(shown[:limit]) + f" (+{len(shown) - limit})"


def offer_range(offers: list[Any]) -> str:
    """``$2.5–$5 / $10–$15 (12 offers)``: the prices a model is offered at."""
    ins = sorted({o["pricing"]["input"] for o in offers if _is_price(o.get("pricing"))})
    outs = sorted({o["pricing"]["output"] for o in offers if _is_price(o.get("pricing"))})
    if not ins:
        return DASH

    def span(xs: list[float]) -> str:
        return f"${xs[0]:g}" if len(xs) == 1 else f"${xs[0]:g}–${xs[-1]:g}"

    n = sum(1 for o in offers if _is_price(o.get("pricing")))
    return f"{span(ins)} / {span(outs)} ({n} offer{'s' if n != 1 else ''})"


def conflict_values(values: list[Any]) -> str:
    """``2023-03-14 [shown] (dataset, helm:openai/gpt-4-0314 +2) | 2023-11-06 [lab]
    (models.dev:openai/gpt-4)``: each value, ``[shown]`` on the one the model shows,
    ``[lab]`` where the model's lab says it, and its first sources."""
    parts = []
    for v in values:
        if not isinstance(v, dict):
            return value(values)
        sources = [str(s) for s in v.get("sources") or []]
        more = f" +{len(sources) - 2}" if len(sources) > 2 else ""
        shown = (
            value(v.get("value"))
            if not isinstance(v.get("value"), dict)
            else (price(v["value"], per=False) if _is_price(v["value"]) else quantity(v["value"]))
        )
        marks = [m for m, on in (("shown", v.get("shown")), ("lab", v.get("first_party"))) if on]
        mark = f" [{', '.join(marks)}]" if marks else ""
        parts.append(f"{shown}{mark} ({', '.join(sources[:2])}{more})")
    return " | ".join(parts)


# --------------------------------------------------------------------------- table cells

# rule name -> (accepts the value?, text)
_CELL: dict[str, tuple[Callable[[Any], bool], Callable[[Any, Mapping[str, Any]], str]]] = {
    "quantity": (_is_quantity, lambda v, r: quantity(v)),
    "tokens": (_is_int, lambda v, r: tokens(v)),
    "count": (_is_number, lambda v, r: count(v) if v else DASH),
    "money": (_is_number, lambda v, r: money(v, r.get("currency"))),
    "usd": (_is_number, lambda v, r: usd(v)),
    "price": (_is_price, lambda v, r: price(v)),
    "probability": (_is_number, lambda v, r: percent(v)),
    "sources": (
        lambda v: isinstance(v, list),
        lambda v, r: f"{len(v)} source{'s' if len(v) != 1 else ''}" if v else DASH,
    ),
    "count_of": (lambda v: isinstance(v, list), lambda v, r: str(len(v)) if v else DASH),
    "score": (_is_number, lambda v, r: score(v, str(r.get("unit") or ""))),
    "reporter": (
        lambda v: isinstance(v, str),
        lambda v, r: v + (" (third party)" if r.get("third_party") else ""),
    ),
    "cagr": (
        _is_number,
        lambda v, r: f"{v:g}%" + (f" ({r['cagr_period']})" if r.get("cagr_period") else ""),
    ),
    "external_ids": (lambda v: isinstance(v, list), lambda v, r: external_ids(v)),
    "as_field": (  # a value of the field the row names (a correction's)
        lambda v: True,
        lambda v, r: _as_field(str(r.get("field")), v),
    ),
    "conflict_values": (lambda v: isinstance(v, list), lambda v, r: conflict_values(v)),
    "cheapest": (  # a provider's cheapest model, with its input price when the row has it
        lambda v: isinstance(v, str),
        lambda v, r: (
            v + (f" (${r['cheapest_input']:g})" if _is_number(r.get("cheapest_input")) else "")
        ),
    ),
    "newest": (  # a provider's newest models, with their date when the row has it
        lambda v: isinstance(v, list),
        lambda v, r: (
            (", ".join(str(x) for x in v) or DASH)
            + (f" ({r['newest_released']})" if v and r.get("newest_released") else "")
        ),
    ),
    "agi_cell": (
        lambda v: isinstance(v, dict) and "label" in v,
        lambda v, r: v["label"] + (": " + "; ".join(v["examples"]) if v.get("examples") else ""),
    ),
}
CELL_RULES = frozenset(_CELL)


def _as_field(name: str, v: Any) -> str:
    """A value written as field ``name`` writes its own (a quantity in shorthand too)."""
    if name in ("reported", "corrected"):
        return value(v)
    if field(name).cell == "quantity":
        v = quantity_shorthand(v)
    return cell(name, v)


def cell(name: str, v: Any, row: Mapping[str, Any] | None = None) -> str:
    """The text of field ``name``'s value in a table cell."""
    rule = _CELL.get(field(name).cell or "")
    if rule is not None and v is not None and rule[0](v):
        return rule[1](v, row or {})
    return value(v)


# --------------------------------------------------------------------------- show pages


def _quantity_long(q: Mapping[str, Any]) -> str:
    text = quantity(q)
    bits = [] if q["state"] == "undisclosed" else [q["state"].replace("_", " ")]
    if q.get("reported"):
        bits.append(f"report: {q['reported']}")
    if bits:
        text += f"  ({'; '.join(bits)})"
    if q.get("note"):
        text += f"\n{q['note']}"
    return text


def _window(w: Mapping[str, Any]) -> str:
    text = f"{tokens(w['tokens'])} tokens — {w['variant']} ({w['status']})"
    if w.get("reported"):
        text += f"; report: {w['reported']}"
    return text


def _price_long(p: Mapping[str, Any]) -> str:
    text = f"${p['input']:g} input / ${p['output']:g} output per 1M tokens"
    if p.get("variant"):
        text = f"{p['variant']}: {text}"
    if p.get("reported"):
        text += f"\nreport: {p['reported']}"
    return text


def _financial(f: Mapping[str, Any]) -> str:
    unit = f["unit"]
    amount = f["value"]
    if unit in ("USD", "CNY"):
        shown = money(amount, unit)
    elif unit == "%":
        shown = f"{amount:g}%"
    else:
        shown = f"{amount:g}×"
    text = f"{f['metric'].replace('_', ' ')}: {shown}"
    if f.get("date"):
        text += f" ({f['date']})"
    if f.get("counterparty"):
        text += f", with {f['counterparty']}"
    if f.get("note"):
        text += f" — {f['note']}"
    return text


def _lines(rule: Callable[[Any], str]) -> Callable[[Any], str]:
    return lambda items: "\n".join(rule(x) for x in items)


_PAGE: dict[str, tuple[Callable[[Any], bool], Callable[[Any], str | None]]] = {
    "quantity": (_is_quantity, _quantity_long),
    "tokens_long": (_is_int, lambda v: f"{tokens(v)} tokens"),
    "count_tokens": (_is_number, lambda v: f"{count(v)} tokens"),
    "windows": (lambda v: isinstance(v, list), _lines(_window)),
    "price_long": (_is_price, _price_long),
    "prices_long": (lambda v: isinstance(v, list), _lines(_price_long)),
    "financials": (lambda v: isinstance(v, list), _lines(_financial)),
    "amount_long": (_is_int, lambda v: f"{count(v)} ({v:,})"),
    "ratings": (
        lambda v: isinstance(v, dict),
        lambda v: ", ".join(f"{k} {n}/6" for k, n in v.items()),
    ),
    "probability": (_is_number, percent),
    "hidden": (lambda v: True, lambda v: None),
    "external_ids": (lambda v: isinstance(v, list), lambda v: external_ids(v, limit=None)),
    "close": (
        lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
        _lines(lambda x: f"{x.get('id')}: {x.get('why')}"),
    ),
}
PAGE_RULES = frozenset(_PAGE)


def page(name: str, v: Any) -> str | None:
    """The text of field ``name``'s value on a show page, or None to leave the row out."""
    if v is None or v == [] or v == {}:
        return None
    rule = _PAGE.get(field(name).page or "")
    if rule is not None and rule[0](v):
        return rule[1](v)
    if isinstance(v, bool):
        return yes_no(v)
    if isinstance(v, list):
        if all(isinstance(x, str) for x in v):
            return ", ".join(v)
        return "\n".join(_compact(x) for x in v)
    if isinstance(v, dict):
        return _compact(v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _compact(v: Any) -> str:
    if isinstance(v, dict):
        return "; ".join(f"{k}: {page(k, x)}" for k, x in v.items() if x not in (None, [], ""))
    return str(v)


def shown(v: Any) -> str:
    """A value as a correction shows it (what the report says, what the dataset holds)."""
    if _is_quantity(v):
        return quantity(v)
    if _is_price(v):
        return price(v)
    if v is None:
        return "null"
    if _is_int(v) and abs(v) >= 10_000:
        return count(v)
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)
