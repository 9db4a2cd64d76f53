"""The data files of a folder, found and read (stdlib only: the start-up path lists
and reads a user's folder on every run, and parses nothing when its validated
records are cached).

A data file is a ``.yaml``, ``.yml`` or ``.json`` file whose name, or its
folder's, is a kind (``models.yaml``, ``models/acme.yaml``); hidden and ``_``
folders are left out. Reading one refuses what is not a regular file or is
larger than :data:`MAX_FILE_BYTES`. Parsing is :mod:`.safe_loader`'s.
"""

from __future__ import annotations

import os
import stat
import sys

from ..core.errors import Problem
from .registry import KINDS

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Iterator

    from .parsing import StrPath

MAX_FILE_BYTES = 64 * 1024 * 1024
DATA_SUFFIXES = (".yaml", ".yml", ".json")

UNKNOWN_KIND = (
    "cannot tell what kind of records this file holds: name it (or its folder) after a kind: "
    + ", ".join(sorted(KINDS))
)


def iter_data_files(
    root: StrPath, *, skip: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Data files under ``root``, sorted: ``models.yaml``, ``models/acme.yaml``, ...
    (leaving out hidden folders, ``_`` folders and the top-level folders ``skip``).

    A symlink to a folder inside ``root`` is followed (each folder read once, by
    the first name it has in sorted order); one to a folder outside it is not, nor
    a file or folder whose name is not UTF-8 (it could be neither shown nor
    stored): each of those is named in a warning on stderr (:func:`warn`), and
    the rest of the folder is read."""
    top_path = os.fspath(root)
    real_root = os.path.realpath(top_path)
    seen = {real_root}
    for dirpath, dirnames, filenames in os.walk(top_path, followlinks=True):
        top = dirpath == top_path
        keep = []
        for d in sorted(dirnames):
            if d.startswith((".", "_")) or (top and d in skip):
                continue
            path = os.path.join(dirpath, d)
            if not _utf8(d):
                warn(path, "not read: the folder's name is not UTF-8 (rename it)")
                continue
            real = os.path.realpath(path)
            if os.path.islink(path) and os.path.commonpath([real, real_root]) != real_root:
                warn(path, f"not read: a symlink to {shown_path(real)}, outside the data folder")
                continue
            if real in seen:  # a symlink to a folder read already (or a loop)
                continue
            seen.add(real)
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(DATA_SUFFIXES):
                continue
            path = os.path.join(dirpath, name)
            if not _utf8(name):
                warn(path, "not read: the file's name is not UTF-8 (rename it)")
                continue
            yield path, tuple(os.path.relpath(path, top_path).split(os.sep))


_WARNED: set[str] = set()


def warn(path: str, message: str) -> None:
    """``genai: warning: PATH: message`` on stderr, once per run (bytes of the path
    that are not UTF-8 shown as ``\\xNN``)."""
    line = f"genai: warning: {shown_path(path)}: {message}"
    if line not in _WARNED:
        _WARNED.add(line)
        print(line, file=sys.stderr)


def _utf8(name: str) -> bool:
    """Whether a name from the file system is UTF-8 (one that is not holds the
    surrogates that stand for its undecodable bytes)."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_path(path: str) -> str:
    """A path as text that can be printed: undecodable bytes as ``\\xNN``."""
    if _utf8(path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_checked(path: StrPath, display: str) -> bytes | Problem:
    """A data file's bytes, or why not: not a regular file, over the size limit, unreadable."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return Problem(display, None, "not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            return Problem(
                display, None, f"file is {st.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
            )
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        return Problem(display, None, f"cannot read: {exc.strerror or exc}")
