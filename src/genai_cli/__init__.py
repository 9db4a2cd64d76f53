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
name or alias; typed per kind for mypy through ``genai_cli.record_types``),
``genai_cli.queries`` (the filters, leaderboards, comparisons and search the
CLI uses; each takes ids, names or aliases) and the errors :class:`NotFound`,
:class:`UsageError` and :class:`DataError`. Importing this package is cheap: it
pulls in neither pydantic, rich nor yaml.
"""

from __future__ import annotations

from .core.errors import DataError, NotFound, UsageError

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py

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

    from .answers import queries
    from .answers.catalog import Catalog
    from .answers.load import load_catalog
    from .dataset import record_types


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    """The rest of the public API, imported on first use (PEP 562): importing the
    package is the first step of every ``genai`` run, and ``--version`` or a
    usage error needs neither the catalog nor the queries (nor ``typing``, which
    ``record_types`` imports)."""
    if name in ("Catalog", "load_catalog", "queries"):
        from .answers import catalog, load, queries  # deferred: see the docstring

        return {
            "Catalog": catalog.Catalog,
            "load_catalog": load.load_catalog,
            "queries": queries,
        }[name]
    if name == "record_types":
        from .dataset import record_types  # deferred: see the docstring

        return record_types
    raise AttributeError(f"module 'genai_cli' has no attribute {name!r}")
