"""A user's data folder on top of the bundled data: their own records, validated,
and the catalogs imported into it, joined — each result cached.

The folder's own files are validated exactly like the bundled data (schema,
references, ids, aliases). The validated result is cached under a key made of
the bundled data's fingerprint and the SHA-256 of every file's path and bytes,
so a second run over unchanged files skips YAML parsing and pydantic: it
hashes the files and reads one JSON document. Any change to any byte is a new
key.

Imported catalogs (``catalogs/*.json``, written by ``genai import``) are joined
to the curated records (:mod:`genai_cli.catalogs.joining`) on the first query after a
change, and the join is cached under a key made of the curated records' key,
the joining code and each catalog file's size, modification time and inode
(an import writes a new file, so any re-import is a new key); the cached copy
(:class:`genai_cli.catalogs.store.Cached`) is read a piece at a time.

Both are entries of the cache folder (:mod:`genai_cli.core.cachefiles`: optional,
written atomically, the newest few kept). The warm path imports neither
pathlib nor hashlib: a command's first 100 ms count.
"""

from __future__ import annotations

import os

from ..catalogs import spec as catalog_spec
from ..catalogs import store
from ..core import cachefiles
from ..core.errors import DataError, Problem, UsageError
from ..dataset import registry as R
from ..dataset.files import UNKNOWN_KIND, iter_data_files, read_checked
from .catalog import Catalog, merge_records

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

    from ..dataset.parsing import StrPath

CACHE_FORMAT = "5"
"""Bumped when what validation accepts changes (4: values out of range refused)."""
CACHE_KEEP = 16
IMPORTS_KEEP = 4


def _check_folder(root: str) -> None:
    if not os.path.exists(root):
        raise UsageError(f"data folder not found: {root}")
    if not os.path.isdir(root):
        raise UsageError(f"not a folder: {root}")


def load_overlay(root: StrPath, base: Catalog, *, cache: bool = True) -> dict[str, Any]:
    """Validated records of ``root`` (compact), as
    ``{"records": {kind: [...]}, "files": [...], "key": ...}``."""
    root = os.fspath(root)
    _check_folder(root)
    problems: list[Problem] = []
    blobs: list[tuple[str, tuple[str, ...], bytes]] = []
    for path, parts in iter_data_files(root, skip=(catalog_spec.FOLDER,)):
        if R.kind_for_path(parts) is None:
            problems.append(Problem(path, None, UNKNOWN_KIND))
            continue
        raw = read_checked(path, path)
        if isinstance(raw, Problem):
            problems.append(raw)
            continue
        blobs.append((path, parts, raw))
    if problems:
        raise DataError(problems)
    if not blobs:
        return {"records": {}, "files": [], "key": ""}

    import hashlib  # deferred: 5 ms, and a folder of imported catalogs alone needs no hash

    digest = hashlib.sha256(f"{CACHE_FORMAT}:{base.fingerprint}".encode())
    for _, parts, raw in blobs:
        digest.update("/".join(parts).encode() + b"\0")
        digest.update(len(raw).to_bytes(8, "little"))
        digest.update(raw)
    key = digest.hexdigest()[:40]
    files = [display for display, _, _ in blobs]
    folder = cachefiles.cache_dir() if cache else None
    if folder is not None:
        hit = _cache_read(folder, key)
        if hit is not None:
            hit["key"] = key
            return hit

    overlay = validate_overlay(blobs, base)
    overlay["files"] = files
    if folder is not None:
        _cache_write(folder, key, overlay)
    overlay["key"] = key
    return overlay


def load_folder(
    root: StrPath, base: Catalog, *, cache: bool = True, imports_too: bool = True
) -> Catalog:
    """The bundled catalog with a data folder on top: the user's own records, then
    the catalogs imported into it, joined."""
    root = os.fspath(root)
    overlay = load_overlay(root, base, cache=cache)
    curated = base.with_overlay(overlay) if overlay["files"] else base
    paths = catalog_spec.imported(root) if imports_too else []
    if not paths:
        return curated
    parts = [f"{CACHE_FORMAT}:imports:{curated.key}:{store.code_key()}"]
    for path in paths:
        st = os.stat(path)
        # the change time too: an edit in place that keeps size and mtime changes it
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}")
    key = "\n".join(parts)
    names = [os.path.basename(p)[: -len(".json")] for p in paths]
    folder = cachefiles.cache_dir() if cache else None
    view: Any = None
    short_key = cachefiles.short(key)
    name = f"imports-{short_key}"
    entry = os.path.join(folder, name) if folder is not None else None
    if entry is not None:
        view = store.Cached.open(entry, key, curated, _extras_of, lambda: _join(curated, paths))
    if view is None:
        read = [store.read_with_spans(p) for p in paths]
        merged = _joining().merge(curated, [doc for doc, _ in read])
        view = merged
        if folder is not None:
            _write_imports_cache(folder, name, key, merged, [s for _, s in read])
            merged.cache = (os.path.join(folder, name), key)
    return curated.with_imports(view, names, short_key)


def _join(curated: Catalog, paths: list[str]) -> Any:
    """The imported catalogs at ``paths`` joined to ``curated`` (no cache)."""
    return _joining().merge(curated, [store.read_with_spans(p)[0] for p in paths])


def _joining() -> ModuleType:
    """The join (:mod:`genai_cli.catalogs.joining`): imported only when there is no
    cached copy of it, or a model's extras are wanted, for it imports the identity
    rules' regular expressions (``re``, about 10 ms)."""
    from ..catalogs import joining  # deferred: see the docstring

    return joining


def _extras_of(*args: Any) -> dict[str, list[dict[str, Any]]]:
    """:func:`genai_cli.catalogs.joining.extras_of`, for the cached join."""
    extras: dict[str, list[dict[str, Any]]] = _joining().extras_of(*args)
    return extras


def _write_imports_cache(
    folder: str, name: str, key: str, merged: Any, spans: list[Any] | None = None
) -> None:
    def write(tmp: str) -> None:
        store.write_cache(merged, tmp, key, spans)

    cachefiles.store(folder, name, write, IMPORTS_KEEP, is_folder=True)


def validate_overlay(
    blobs: list[tuple[str, tuple[str, ...], bytes]], base: Catalog
) -> dict[str, Any]:
    """Parse and validate a user's files against the bundled data (imports pydantic)."""
    # deferred: parsing and validation import yaml and pydantic (about 150 ms); a
    # warm run reads the validated records from the cache instead
    from ..dataset.safe_loader import LoadedFile, parse_bytes
    from ..dataset.validation import check_integrity, validate_files

    loaded = []
    for display, parts, raw in blobs:
        lf = LoadedFile(display, R.kind_for_path(parts))
        parse_bytes(lf, raw, json_file=display.lower().endswith(".json"))
        loaded.append(lf)

    registry = {r["id"]: r for r in base.compact(R.REGISTRY)}
    v = validate_files(loaded, base_registry=registry)
    problems = list(v.problems)
    merged = {
        kind: merge_records(base.compact(kind), v.records.get(kind, [])) for kind in R.LIST_KINDS
    }
    problems += check_integrity(
        merged, origins=v.origins, check=set(v.origins), rejected=v.rejected
    )
    if problems:
        raise DataError(problems)
    records: dict[str, list[dict[str, Any]]] = {k: r for k, r in v.records.items() if r}
    if v.registry:
        records[R.REGISTRY] = list(v.registry.values())
    return {"records": records}


def _cache_read(folder: str, key: str) -> dict[str, Any] | None:
    data = cachefiles.read(os.path.join(folder, f"userdata-{key}.json"), key)
    overlay: dict[str, Any] | None = None if data is None else data.get("overlay")
    return overlay


def _cache_write(folder: str, key: str, overlay: dict[str, Any]) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(cachefiles.entry(key, {"overlay": overlay}))

    cachefiles.store(folder, f"userdata-{key}.json", write, CACHE_KEEP)
