"""Readers for the public model catalogs that ``genai import`` brings in, offline.

>>> from genai_cli.catalogs.readers import read_catalog
>>> read = read_catalog("litellm", "litellm-1.2.3-py3-none-any.whl")  # doctest: +SKIP
>>> read.entries[0]["facts"]["pricing"]  # doctest: +SKIP
{'input': 30.0, 'output': 60.0}

``read_catalog(catalog, path)`` takes the catalog's own file, a wheel / sdist /
tarball / zip that holds it, or None (the copy inside the installed package,
found from its metadata and never imported), and returns a
:class:`CatalogRead`: normalised :class:`Entry` dicts plus what was skipped.

Anything wrong with the input is a :class:`~genai_cli.core.errors.DataError`
(exit 3) with one ``FILE[:LINE]: what is wrong`` problem; an unknown catalog
name is a :class:`~genai_cli.core.errors.UsageError` (exit 2). Nothing is written
anywhere. Which catalogs there are, and their files, is :mod:`genai_cli.catalogs.spec`.
"""

from __future__ import annotations

import os

from ...dataset.files import shown_path
from ..spec import catalog_name, spec
from . import genaiprices, helm, litellmjson, modelsdev, source
from .common import (
    CatalogRead,
    Entry,
    Facts,
    Pricing,
    Progress,
    check_entries,
    clean_entries,
    cleaned_text,
    fail,
)

__all__ = ["CatalogRead", "Entry", "Facts", "Pricing", "catalog_name", "read_catalog"]

_READERS = {
    m.__name__.rpartition(".")[2]: m.read for m in (genaiprices, helm, litellmjson, modelsdev)
}
"""Each reader module's ``read``, by the module's name (a spec's ``reader``)."""


def read_catalog(
    catalog: str, path: str | os.PathLike[str] | None, *, progress: Progress | None = None
) -> CatalogRead:
    """Read one catalog's file into normalised entries.

    ``progress(done, total)`` is called now and then while entries are
    converted, and once at the end with ``done == total``.
    """
    cat = spec(catalog)
    src = source.open_source(cat, None if path is None else os.fspath(path))
    payload = src.data
    if payload[:2] == b"\x1f\x8b":
        payload = source.gunzip(payload, src.display)
    if not payload.strip():
        fail(src.display, f"the file is empty: expected {cat.describe}")
    entries, notes, records, data_date = _READERS[cat.reader](payload, src.display, progress)
    cleaned = clean_entries(entries, notes)  # no control character in an id or a name
    version = None if src.version is None else cleaned_text(src.version, "version", cleaned)
    check_entries(entries, src.display)  # every value in range (SQLite's integers, ...)
    if data_date is not None:
        as_of, as_of_source = data_date, "data"
    elif src.member_date is not None:
        as_of, as_of_source = src.member_date, "archive member"
    else:  # the file's own date says when you got it, not what the data is as of
        as_of, as_of_source = None, None
    return CatalogRead(
        catalog=cat.name,
        version=version or None,
        as_of=as_of,
        as_of_source=as_of_source,
        file=shown_path(src.display),  # as it can be stored and printed
        sha256=src.sha256,
        entries=entries,
        skipped=dict(sorted(notes.skipped.items())),
        dropped=dict(sorted(notes.dropped.items())),
        records=records,
        cleaned=dict(sorted(cleaned.items())),
    )
