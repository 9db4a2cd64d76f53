"""genai: facts of the generative-AI landscape from a curated, sourced dataset.

    >>> from genai_cli import load_catalog
    >>> catalog = load_catalog()
    >>> catalog.get("models", "GPT4")["id"]
    'gpt-4'
    >>> catalog.get("models", "GPT4")["context_window"]
    8192
    >>> from genai_cli import queries
    >>> [s["model"] for s in queries.leaderboard(catalog, "MMLU")][:2]
    ['claude-3-opus', 'gpt-4']

The public API: :func:`load_catalog` and :class:`Catalog` (records in full, by id,
name or alias; typed per kind for mypy through :mod:`genai_cli.record_types`),
:mod:`genai_cli.queries` (the filters, leaderboards, comparisons and search the
CLI uses; each takes ids, names or aliases) and the errors :class:`NotFound`,
:class:`UsageError` and :class:`DataError`. Importing this package is cheap: it
pulls in neither pydantic, rich nor yaml.
"""

from __future__ import annotations

TYPE_CHECKING = False

__version__ = "0.1.0"
__all__ = [
    "Catalog",
    "DataError",
    "NotFound",
    "UsageError",
    "__version__",
    "load_catalog",
    "queries",
    "record_types",
]

if TYPE_CHECKING:
    from typing import Any

    from . import queries, record_types
    from .catalog import Catalog, load_catalog
    from .errors import DataError, NotFound, UsageError


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in ("Catalog", "load_catalog"):
        from . import catalog

        return getattr(catalog, name)
    if name in ("DataError", "NotFound", "UsageError"):
        from . import errors

        return getattr(errors, name)
    # submodules, imported on first use (``from . import`` would ask this again)
    if name == "queries":
        import genai_cli.queries as queries

        return queries
    if name == "record_types":
        import genai_cli.record_types as record_types

        return record_types
    raise AttributeError(f"module 'genai_cli' has no attribute {name!r}")
