"""The cache folder: where it is, how an entry is named, read, written and pruned
(stdlib only).

Every cache of genai (a user folder's validated records, the join of imported
catalogs) is an entry in one folder, named ``KIND-NAME``: a JSON
document that holds its whole key (a hit is an entry whose key is the one
asked for), or a folder. An entry is written to a temporary sibling and
renamed (:mod:`genai_cli.core.atomic`), so parallel runs never see half of one, and
only the newest few entries of a kind are kept. The cache is optional: with
``GENAI_NO_CACHE``, no ``HOME`` or a folder that cannot be written, it is
skipped silently.
"""

from __future__ import annotations

import os
import zlib

from .jsonio import dumps, loads

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def cache_dir() -> str | None:
    """The cache folder, or None when there is none (``GENAI_NO_CACHE``, no ``HOME``)."""
    if os.environ.get("GENAI_NO_CACHE"):
        return None
    explicit = os.environ.get("GENAI_CACHE_DIR")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return os.path.join(xdg, "genai")
    home = os.environ.get("HOME")
    if not home:
        return None
    return os.path.join(home, ".cache", "genai")


def short(key: str) -> str:
    """A short name for a long key (the entry holds the whole key, checked on read)."""
    data = key.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def entry(key: str, data: dict[str, Any]) -> bytes:
    """An entry's bytes: a line that names ``key`` and the CRC-32 and length of what
    follows it, then ``data`` as JSON (:func:`read` checks both)."""
    body = dumps(data).encode("utf-8")
    head = dumps({"key": key, "crc32": zlib.crc32(body), "bytes": len(body)}).encode("utf-8")
    return head + b"\n" + body


def read(path: str, key: str) -> dict[str, Any] | None:
    """The data of the entry at ``path`` (:func:`entry`) if it holds ``key`` and is
    what was written (its length and CRC-32); None for a miss, a damaged or a
    foreign entry (which is made again)."""
    try:
        with open(path, "rb") as fh:
            head, _, body = fh.read().partition(b"\n")
        said = loads(head)
        if not isinstance(said, dict) or said.get("key") != key:
            return None
        if said.get("bytes") != len(body) or said.get("crc32") != zlib.crc32(body):
            return None
        data = loads(body)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def store(
    folder: str, name: str, write: Callable[[str], None], keep: int, *, is_folder: bool = False
) -> None:
    """Write the entry ``name`` of ``folder`` with ``write`` (given a temporary path),
    then keep only the ``keep`` newest entries of its kind; silently not, when it cannot."""
    from . import atomic  # deferred: writing imports tempfile and shutil; a warm run only reads

    try:
        os.makedirs(folder, exist_ok=True)
        atomic.write_atomically(os.path.join(folder, name), write, folder=is_folder)
        prefix = name.partition("-")[0] + "-"
        names = [n for n in os.listdir(folder) if n.startswith(prefix)]
        entries = sorted(
            (os.path.join(folder, n) for n in names), key=os.path.getmtime, reverse=True
        )
    except (OSError, ValueError):
        return  # the cache is optional (ValueError: text that is not UTF-8, a path's)
    for old in entries[keep:]:
        try:
            atomic.remove(old)
        except OSError:
            pass
