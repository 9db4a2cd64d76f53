"""Write a file or a folder so that readers see the old one or the new one, never half.

The one way genai writes anything: exports, imported catalogs, the user-data
cache and the build. The content goes to a temporary sibling first (same
folder, so the rename is atomic on POSIX), which is renamed over the target
only once it is complete; on any failure, Ctrl-C included, the temporary is
removed and the target is untouched. A rename only ever replaces a regular
file (or, for a folder, a real folder): never a symlink, device, FIFO or
socket. What is written gets the mode a plain ``open`` would give a new
file under the user's umask (``0o666 & ~umask``, folders ``0o777 & ~umask``),
a replaced file included.

:func:`write_through` is the other way, for streams (a FIFO, ``/dev/null``, a
terminal): the bytes are written into the open stream, nothing is renamed.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any


_IMPORTED = time.time()


def umask() -> int:
    """The process's umask: from ``/proc/self/status`` where Linux gives it (without
    changing it), else set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def umask_mode(full: int) -> int:
    """``full`` (``0o666`` for a file, ``0o777`` for a folder) under the umask."""
    return full & ~umask()


def what_is(target: Path | str, *, follow: bool = False) -> str:
    """What ``target`` names: ``missing``, ``file``, ``folder``, ``symlink``, ``FIFO``,
    ``character device``, ``block device``, ``socket`` or ``special file``.
    ``follow``: of a symlink, what it points to (``missing`` when it dangles)."""
    try:
        st = os.stat(target) if follow else os.lstat(target)
    except FileNotFoundError:
        return "missing"
    mode = st.st_mode
    for test, name in (
        (stat.S_ISREG, "file"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISLNK, "symlink"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return name
    return "special file"


STREAMS = ("FIFO", "character device")
"""What :func:`write_through` writes into: a pipe or a device like ``/dev/null``."""


_TEMP_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
"""What :func:`tempfile.mkstemp` makes a temporary's random part of (8 of them)."""


def process_start() -> float:
    """When this process started, in seconds since the epoch (Linux: from ``/proc``,
    to the second), else when this module was imported."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            ticks = int(fh.read().rsplit(b")", 1)[1].split()[19])  # field 22, starttime
        with open("/proc/stat", "rb") as fh:
            boot = next(int(line.split()[1]) for line in fh if line.startswith(b"btime "))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return _IMPORTED


def is_temporary_of(name: str, target: str, suffix: str = ".tmp") -> bool:
    """Whether ``name`` is a temporary :func:`write_atomically` makes for a file named
    ``target`` (``.TARGET.xxxxxxxx.tmp``)."""
    head, tail = f".{target}.", name[len(target) + 2 :]
    return (
        name.startswith(head)
        and tail.endswith(suffix)
        and len(tail) == 8 + len(suffix)
        and set(tail[:8]) <= _TEMP_CHARS
    )


def remove_leftovers(folder: str, targets: Sequence[str], *, margin: float = 2.0) -> list[str]:
    """Remove the temporaries of ``targets`` in ``folder`` that a write killed before
    it could clean up left behind (``kill -9``, a power cut): only genai's own
    temporary names (:func:`is_temporary_of`), only regular files, and only those
    last written before this process started (less ``margin`` seconds, for the
    clock's precision), so that a write still under way in another process is
    never touched. The names removed; what cannot be removed stays, silently."""
    before = process_start() - margin
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not any(is_temporary_of(name, t) for t in targets):
            continue
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < before:
                os.unlink(path)
                removed.append(name)
        except OSError:
            continue
    return removed


def _sibling(target: Path | str, suffix: str, folder: bool) -> str:
    """A new, empty file (``0o600``) or folder (``0o700``) named after ``target``
    in its folder (``.NAME.xxxxxxxx.SUFFIX``), that no other process can have made
    (:func:`tempfile.mkstemp` and :func:`tempfile.mkdtemp` make them so)."""
    path = os.fspath(target)
    parent, name = os.path.dirname(path) or ".", os.path.basename(path)
    if folder:
        return tempfile.mkdtemp(suffix, f".{name}.", parent)
    fd, tmp = tempfile.mkstemp(suffix, f".{name}.", parent)
    os.close(fd)
    return tmp


def _stage(target: Path | str, write: Callable[[Any], None], folder: bool) -> str:
    """A complete temporary sibling of ``target``, filled by ``write``."""
    tmp = _sibling(target, ".tmp", folder)
    os.chmod(tmp, umask_mode(0o777 if folder else 0o666))
    try:
        write(type(target)(tmp))
    except BaseException:
        remove(tmp)
        raise
    return tmp


def remove(path: str) -> None:
    """Remove a file or a folder with what it holds (never what a symlink points to)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        os.unlink(path)


def _commit(tmp: str, target: Path | str, folder: bool, replace: bool) -> str | None:
    """Rename ``tmp`` over ``target``; the folder it replaced, moved aside (or ``None``)."""
    found = what_is(target)
    if found not in ("missing", "file", "folder"):
        raise FileExistsError(f"{target} is a {found}; not replacing it")
    if found == "folder" and not folder:
        raise IsADirectoryError(f"{target} is a folder")
    if found == "file" and folder:
        raise NotADirectoryError(f"{target} is a file")
    if not replace and found != "missing":
        raise FileExistsError(errno.EEXIST, "exists", str(target))
    if not replace and not folder:
        # create, never replace: link(2) fails if anything appeared at target since
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        except OSError:
            pass  # no hard links here (some file systems): checked just above
        else:
            os.unlink(tmp)
            return None
    old: str | None = None
    if found == "folder":
        old = _sibling(target, ".old", folder=True)
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(tmp, target)
    except BaseException:
        if old is not None and not os.path.lexists(target):
            os.replace(old, target)  # put the previous folder back
        raise
    return old


def write_atomically(
    target: Path | str, write: Callable[[Any], None], *, folder: bool = False, replace: bool = True
) -> None:
    """Call ``write(tmp)`` on a temporary sibling of ``target``, then rename it over.

    ``folder``: the temporary is a folder (``write`` fills it) and may replace
    an existing folder. ``replace=False``: only create ``target`` (whatever
    appears there meanwhile is kept: :class:`FileExistsError`). The caller
    decides whether replacing is allowed; this refuses to rename over anything
    but a regular file or, with ``folder``, a folder (:class:`FileExistsError`,
    :class:`IsADirectoryError`, :class:`NotADirectoryError`).
    """
    write_all_atomically([(target, write, folder, replace)])


def write_all_atomically(
    items: Sequence[tuple[Path | str, Callable[[Any], None], bool, bool]],
) -> None:
    """:func:`write_atomically` for several targets, ``(target, write, folder,
    replace)``, that belong together (a database and its metadata): every
    temporary is complete before the first is renamed, so a failed write leaves
    all of them as they were."""
    staged: list[tuple[str, Path | str, bool, bool]] = []
    moved: list[str] = []
    try:
        for target, write, folder, replace in items:
            staged.append((_stage(target, write, folder), target, folder, replace))
        for tmp, target, folder, replace in staged:
            old = _commit(tmp, target, folder, replace)
            if old is not None:
                moved.append(old)
    except BaseException:
        for tmp, _, _, _ in staged:
            remove(tmp)
        raise
    finally:
        for old in moved:
            remove(old)


def write_through(target: Path | str, data: bytes, *, follow: bool = False) -> None:
    """Write ``data`` into the stream ``target`` names (a FIFO or a character device
    such as ``/dev/null`` or a terminal), opened for writing and never renamed
    over or truncated. ``follow``: ``target`` may be a symlink to the stream.
    Anything else (it changed since it was looked at) is refused with
    :class:`FileExistsError` before a byte is written."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags)
    try:
        found = _fd_kind(fd)
        if found not in STREAMS:
            raise FileExistsError(f"{target} is a {found}; not writing into it")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _fd_kind(fd: int) -> str:
    mode = os.fstat(fd).st_mode
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode):
        return "character device"
    return "file" if stat.S_ISREG(mode) else "special file"
