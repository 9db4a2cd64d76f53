"""A user's data folder on top of the bundled data, validated, with a cache.

The folder is validated exactly like the bundled data (schema, references,
ids, aliases). The validated result is cached under a key made of the
bundled data's fingerprint and the SHA-256 of every file's path and bytes,
so a second run over unchanged files skips YAML parsing and pydantic: it
hashes the files and reads one JSON document. Any change to any byte is a
new key. The cache is optional: with no ``HOME``, an unwritable folder or
``GENAI_NO_CACHE=1`` it is skipped silently; it is written to a temporary
file and renamed, so parallel runs never see a half-written entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataError, Problem, UsageError
from .registry import kind_for_path

if TYPE_CHECKING:
    from .catalog import Catalog

CACHE_FORMAT = "1"
CACHE_KEEP = 16


def cache_dir() -> Path | None:
    if os.environ.get("GENAI_NO_CACHE"):
        return None
    explicit = os.environ.get("GENAI_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "genai"
    home = os.environ.get("HOME")
    if not home:
        return None
    return Path(home) / ".cache" / "genai"


def load_overlay(root: Path, base: Catalog, *, cache: bool = True) -> dict[str, Any]:
    """Validated records of ``root`` (compact), as ``{"records": {kind: [...]}, "files": [...]}``."""
    from .safe_loader import UNKNOWN_KIND, iter_data_files, read_checked

    if not root.exists():
        raise UsageError(f"data folder not found: {root}")
    if not root.is_dir():
        raise UsageError(f"not a folder: {root}")

    problems: list[Problem] = []
    blobs: list[tuple[str, tuple[str, ...], bytes]] = []
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{base.fingerprint}".encode())
    for path, parts in iter_data_files(root):
        display = str(path)
        if kind_for_path(parts) is None:
            problems.append(Problem(display, None, UNKNOWN_KIND))
            continue
        raw = read_checked(path, display)
        if isinstance(raw, Problem):
            problems.append(raw)
            continue
        digest.update("/".join(parts).encode() + b"\0")
        digest.update(len(raw).to_bytes(8, "little"))
        digest.update(raw)
        blobs.append((display, parts, raw))
    if problems:
        raise DataError(problems)
    files = [display for display, _, _ in blobs]
    if not blobs:
        return {"records": {}, "files": []}

    key = digest.hexdigest()[:40]
    folder = cache_dir() if cache else None
    if folder is not None:
        hit = _cache_read(folder, key)
        if hit is not None:
            return hit

    overlay = validate_overlay(blobs, base)
    overlay["files"] = files
    if folder is not None:
        _cache_write(folder, key, overlay)
    return overlay


def validate_overlay(
    blobs: list[tuple[str, tuple[str, ...], bytes]], base: Catalog
) -> dict[str, Any]:
    """Parse and validate a user's files against the bundled data (imports pydantic)."""
    from . import registry as R
    from .safe_loader import LoadedFile, parse_bytes
    from .validation import check_integrity, validate_files

    loaded = []
    for display, parts, raw in blobs:
        lf = LoadedFile(display, kind_for_path(parts))
        parse_bytes(lf, raw, json_file=display.lower().endswith(".json"))
        loaded.append(lf)

    registry = {r["id"]: r for r in base.records(R.REGISTRY)}
    v = validate_files(loaded, base_registry=registry)
    problems = list(v.problems)
    merged = {
        kind: merge_records(base.records(kind), v.records.get(kind, [])) for kind in R.LIST_KINDS
    }
    problems += check_integrity(merged, origins=v.origins, check=set(v.origins))
    if problems:
        raise DataError(problems)
    records: dict[str, list[dict[str, Any]]] = {k: r for k, r in v.records.items() if r}
    if v.registry:
        records[R.REGISTRY] = list(v.registry.values())
    return {"records": records}


def merge_records(base: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bundled records with a user's on top: the same id replaces, a new id adds."""
    replace = {r["id"]: r for r in theirs}
    merged = [replace.pop(r["id"], r) for r in base]
    merged.extend(r for r in theirs if r["id"] in replace)
    return merged


def _cache_read(folder: Path, key: str) -> dict[str, Any] | None:
    try:
        with open(folder / f"userdata-{key}.json", "rb") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    overlay: dict[str, Any] | None = data.get("overlay")
    return overlay


def _cache_write(folder: Path, key: str, overlay: dict[str, Any]) -> None:
    from .atomic import write_atomically

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "overlay": overlay}, fh, ensure_ascii=False)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / f"userdata-{key}.json", write)
        _prune(folder)
    except OSError:
        return  # the cache is optional


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("userdata-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
