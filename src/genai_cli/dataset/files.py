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
    (leaving out hidden folders, ``_`` folders and the top-level folders ``skip``)."""
    for dirpath, dirnames, filenames in os.walk(root):
        top = dirpath == str(root)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith((".", "_")) and not (top and d in skip)
        )
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(DATA_SUFFIXES):
                continue
            path = os.path.join(dirpath, name)
            yield path, tuple(os.path.relpath(path, root).split(os.sep))


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
