"""Shell completion: ids (``genai models show cla<TAB>``) and option values — sort
keys and fields (after commas too), kinds, closed sets of values, catalogs.

Each function returns ``(value, help)`` pairs and never raises: completion must
never print a traceback into the shell.
"""

from __future__ import annotations

from typing import Any

from ..answers.catalog import bundled
from ..answers.load import load_catalog
from ..catalogs.spec import NAMES as CATALOGS
from ..dataset import registry as R
from ..dataset.registry import KINDS

Pairs = list[tuple[str, str]]


def _catalog() -> Any:
    return load_catalog()  # the folder the CLI reads ($GENAI_DATA_DIR, else the default)


def _ids(kind: str, incomplete: str) -> Pairs:
    try:
        cat = _catalog()
        low = incomplete.casefold()
        out = []
        for rec in cat.compact(kind):
            name = str(rec.get("name") or rec.get("title") or "")
            if rec["id"].startswith(low) or name.casefold().startswith(low):
                out.append((rec["id"], name))
        return out
    except Exception:
        return []


def models(incomplete: str) -> Pairs:
    return _ids("models", incomplete)


def vendors(incomplete: str) -> Pairs:
    return _ids("vendors", incomplete)


def benchmarks(incomplete: str) -> Pairs:
    return _ids("benchmarks", incomplete)


def architectures(incomplete: str) -> Pairs:
    return _ids("architectures", incomplete)


def kinds(incomplete: str) -> Pairs:
    """Kinds of record, by the name commands take (``model``, ``agi-level``)."""
    low = incomplete.casefold()
    return [
        (k.singular.replace("_", "-"), k.name)
        for k in R.KINDS.values()
        if k.singular.replace("_", "-").startswith(low)
    ]


def providers(incomplete: str) -> Pairs:
    """The providers table's ids (what offerings name), with each provider's name."""
    from ..catalogs.providers import PROVIDERS  # deferred: the table, for this alone

    low = incomplete.casefold()
    return [
        (p.id, p.name)
        for p in PROVIDERS
        if p.id.startswith(low) or p.name.casefold().startswith(low)
    ]


def catalogs(incomplete: str) -> Pairs:
    return [(c, "catalog") for c in CATALOGS if c.startswith(incomplete.casefold())]


def choices_of(kind: str, field: str) -> Any:
    """A completion function for the closed set of values of ``kind``'s ``field``."""

    def complete(incomplete: str) -> Pairs:
        try:
            shape = bundled().shapes[KINDS[kind].schema]
            values: list[str] = shape["choices"][field]
            low = incomplete.casefold()
            return [(v, field) for v in values if v.casefold().startswith(low)]
        except Exception:
            return []

    return complete


def _kind_of_command(ctx: Any) -> str | None:
    """The kind a list command lists, from the command's path (``models list``)."""
    names: list[str] = []
    node = ctx
    while node is not None and node.parent is not None:
        names.append(node.info_name or "")
        node = node.parent
    path = " ".join(reversed(names))
    for k in R.KINDS.values():
        if k.command == path:
            return k.name
    return None


def _keys(ctx: Any) -> list[tuple[str, str]]:
    kind = _kind_of_command(ctx)
    if kind is None:
        return []

    return [(key, R.field(key).header) for key in bundled().keys(kind)]


def sort_keys(ctx: Any, incomplete: str) -> Pairs:
    """The fields of the command's kind; ``-`` before one sorts descending."""
    try:
        sign = "-" if incomplete.startswith("-") else ""
        low = incomplete[len(sign) :].casefold()
        return [(sign + k, h) for k, h in _keys(ctx) if k.startswith(low)]
    except Exception:
        return []


def fields(ctx: Any, incomplete: str) -> Pairs:
    """The fields of the command's kind, after the ones already typed (``id,na``)."""
    try:
        done, _, last = incomplete.rpartition(",")
        head = done + "," if done else ""
        taken = set(done.split(",")) if done else set()
        low = last.casefold()
        return [(head + k, h) for k, h in _keys(ctx) if k.startswith(low) and k not in taken]
    except Exception:
        return []
