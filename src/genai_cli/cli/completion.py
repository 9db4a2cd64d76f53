"""Shell completion of ids: ``genai models show cla<TAB>``."""

from __future__ import annotations

import os


def _ids(kind: str, incomplete: str) -> list[tuple[str, str]]:
    try:
        from ..catalog import load_catalog

        cat = load_catalog(os.environ.get("GENAI_DATA_DIR") or None)
        low = incomplete.casefold()
        out = []
        for rec in cat.records(kind):
            name = str(rec.get("name") or rec.get("title") or "")
            if rec["id"].startswith(low) or name.casefold().startswith(low):
                out.append((rec["id"], name))
        return out
    except Exception:  # completion must never print a traceback into the shell
        return []


def models(incomplete: str) -> list[tuple[str, str]]:
    return _ids("models", incomplete)


def vendors(incomplete: str) -> list[tuple[str, str]]:
    return _ids("vendors", incomplete)


def benchmarks(incomplete: str) -> list[tuple[str, str]]:
    return _ids("benchmarks", incomplete)


def architectures(incomplete: str) -> list[tuple[str, str]]:
    return _ids("architectures", incomplete)
