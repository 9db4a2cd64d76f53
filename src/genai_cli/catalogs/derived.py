"""What a join derives — every model's extras (its offerings, claims, conflicts,
versions, external ids) — as files beside the cached join, so that a query reads
the part it needs (one model's line, one provider's offerings) instead of
making them from the catalogs' entries again (stdlib only)."""

from __future__ import annotations

import os
import zlib

from ..core import jsonio
from ..dataset.registry import KINDS

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any


DERIVED_INDEX = "derived.json"
DERIVED_MODELS = "extras.jsonl"


def rows_of(
    extras: dict[str, dict[str, list[dict[str, Any]]]],
    kind: str,
    where: dict[str, set[str]] | None = None,
) -> list[dict[str, Any]]:
    """The ``kind`` rows of every model's extras, in order; ``where`` as :meth:`Cached.rows`."""
    out = [x for e in extras.values() for x in e.get(kind, ())]
    if where:
        out = [r for r in out if all(r.get(f) in vs for f, vs in where.items())]
    return out


def write_derived(
    folder: str, key: str, extras: dict[str, dict[str, list[dict[str, Any]]]]
) -> None:
    """Write what a join derives (every model's extras) into its cache ``folder``:
    ``extras.jsonl``, a line per model; per kind of row (offerings, claims, ...)
    ``rows-KIND.jsonl``, a line per value of the kind's partition field (the first
    field the registry indexes: an offering's provider), so that a list of one
    provider's offerings reads that line alone; the index last, naming ``key``
    (each file is written beside and renamed, so a reader sees all or none)."""
    models: dict[str, list[int]] = {}
    lines: list[bytes] = []
    at = 0
    for mid, e in extras.items():
        line = jsonio.dumps(e).encode() + b"\n"
        models[mid] = [at, len(line) - 1, zlib.crc32(line[:-1])]
        lines.append(line)
        at += len(line)
    _write(os.path.join(folder, DERIVED_MODELS), b"".join(lines))
    kinds: dict[str, Any] = {}
    for kind in sorted({k for e in extras.values() for k in e if k in KINDS}):
        field = (KINDS[kind].indexed or ("",))[0]
        parts: dict[str, list[dict[str, Any]]] = {}
        for row in rows_of(extras, kind):
            parts.setdefault(str(row.get(field, "")) if field else "", []).append(row)
        names = sorted(parts)
        number = {v: n for n, v in enumerate(names)}
        order = [number[str(r.get(field, "")) if field else ""] for r in rows_of(extras, kind)]
        spans: dict[str, list[int]] = {}
        out: list[bytes] = []
        at = 0
        for v in names:
            line = jsonio.dumps(parts[v]).encode() + b"\n"
            spans[v] = [at, len(line) - 1, zlib.crc32(line[:-1])]
            out.append(line)
            at += len(line)
        _write(os.path.join(folder, f"rows-{kind}.jsonl"), b"".join(out))
        kinds[kind] = {"field": field, "at": spans, "order": order}
    index = {"key": key, "models": models, "kinds": kinds}
    _write(os.path.join(folder, DERIVED_INDEX), jsonio.dumps(index).encode())


def _write(path: str, data: bytes) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
