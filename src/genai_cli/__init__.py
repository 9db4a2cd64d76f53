"""genai: facts of the generative-AI landscape from a curated, sourced dataset.

    >>> from genai_cli import load_catalog
    >>> catalog = load_catalog()
    >>> catalog.get("models", "GPT4")["id"]
    'gpt-4'

Importing this package is cheap: it pulls in neither pydantic, rich nor yaml.
"""

from __future__ import annotations

TYPE_CHECKING = False

__version__ = "0.1.0"
__all__ = ["Catalog", "DataError", "NotFound", "UsageError", "__version__", "load_catalog"]

if TYPE_CHECKING:
    from typing import Any

    from .catalog import Catalog, load_catalog
    from .errors import DataError, NotFound, UsageError


def __getattr__(name: str) -> Any:
    if name in ("Catalog", "load_catalog"):
        from . import catalog

        return getattr(catalog, name)
    if name in ("DataError", "NotFound", "UsageError"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'genai_cli' has no attribute {name!r}")
