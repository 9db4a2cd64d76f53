"""``genai cost MODEL... --input N --output N [--cached N] [--provider P]``: what
tokens cost at each model's lab's list price and at its cheapest offering."""

from __future__ import annotations

from ..answers import cost
from ..answers import queries as Q
from ..answers.providers import provider_id
from ..core.errors import UsageError
from ..dataset.parsing import parse_count
from ..output import text
from ..output.layout import rank_columns, table_of
from ..output.result import Result
from .context import Ctx
from .lists import shape_rows

MAX_TOKENS = 10**15
"""More tokens than anyone buys (a quadrillion): a typo, not a question."""


def run(
    ctx: Ctx,
    models: list[str],
    input_tokens: str,
    output_tokens: str,
    cached_tokens: str | None = None,
    provider_: list[str] | None = None,
) -> Result:
    tokens = cost.Tokens(
        count("--input", input_tokens),
        count("--output", output_tokens),
        None if cached_tokens is None else count("--cached", cached_tokens),
    )
    if tokens.cached is not None and tokens.cached > tokens.input:
        raise UsageError(
            f"--cached: {cached_tokens} is more than --input {input_tokens}: cached tokens "
            "are the part of the input tokens read from a cache"
        )
    cat = ctx.catalog
    providers = [
        provider_id(p, lambda: cat.by_id("providers"), option="--provider") for p in provider_ or []
    ]
    ids = Q.resolve_all(cat, "models", models)
    rows = cost.rows(cat, ids, tokens, providers)
    keys = [k for k in cost.KEYS if tokens.cached is not None or k != "cached_cost"]
    rows, data, fields = shape_rows(ctx, rows, keys, types=cost.TYPES, then="model")
    layout = None
    if ctx.out.format in ("table", "markdown"):
        shown = fields or [
            k
            for k in keys
            if k not in ("pricing", "tier", "note") or (k != "pricing" and any(r[k] for r in rows))
        ]
        layout = table_of(rows, shown, caption=caption(tokens) if rows else "no rows match")
        if not fields:
            rank_columns(layout, low=("catalog", "price_as_of", "tier"), narrow=("basis",))
    return Result(data=data, layout=layout, keys=fields or keys)


def count(option: str, value: str) -> int:
    """A token count given to ``option`` (``10M``, ``2.5k``, ``1_500_000``); a usage
    error (exit 2) that names the option otherwise."""
    try:
        n = parse_count(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None
    if n > MAX_TOKENS:
        raise UsageError(f"{option}: {value} is more than {MAX_TOKENS:,} tokens")
    return n


def caption(tokens: cost.Tokens) -> str:
    """What the amounts are for: ``USD for 10M input (2M cached) and 2M output tokens; ...``."""
    cached = f" ({text.count(tokens.cached)} of them cached)" if tokens.cached else ""
    return (
        f"USD for {text.count(tokens.input)} input{cached} and {text.count(tokens.output)} "
        "output tokens. list: the lab's own price; cheapest: the offering that costs least."
    )
