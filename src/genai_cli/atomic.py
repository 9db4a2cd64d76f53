"""Write a file or a folder so that readers see the old one or the new one, never half.

The one way genai writes anything: exports, imported catalogs, the user-data
cache and the build. The content goes to a temporary sibling first (same
folder, so the rename is atomic on POSIX), which is renamed over the target
only once it is complete; on any failure, Ctrl-C included, the temporary is
removed and the target is untouched. New files get the mode a plain ``open``
would give them under the user's umask.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _umask_mode(full: int) -> int:
    mask = os.umask(0)
    os.umask(mask)
    return full & ~mask


def is_replaceable(target: Path, *, folder: bool = False) -> bool:
    """True when ``target`` is absent or something a rename may replace: a regular
    file (or, with ``folder``, a real folder) — never a symlink, device or FIFO."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return True
    if stat.S_ISREG(st.st_mode):
        return True
    return folder and stat.S_ISDIR(st.st_mode)


def write_atomically(target: Path, write: Callable[[Path], None], *, folder: bool = False) -> None:
    """Call ``write(tmp)`` on a temporary sibling of ``target``, then rename it over.

    ``folder``: the temporary is a folder (``write`` fills it) and may replace
    an existing folder. The caller decides whether replacing is allowed; this
    refuses to rename over anything but a regular file or, with ``folder``, a
    folder (:class:`IsADirectoryError` / :class:`FileExistsError`).
    """
    parent = target.parent
    prefix = f".{target.name}."
    if folder:
        tmp = tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=parent)
        os.chmod(tmp, _umask_mode(0o777))
    else:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=parent)
        os.close(fd)
        os.chmod(tmp, _umask_mode(0o666))
    old: str | None = None
    try:
        write(type(target)(tmp))
        if not is_replaceable(target, folder=folder):
            raise FileExistsError(f"{target} is not a regular file; not replacing it")
        if os.path.isdir(target) and not os.path.islink(target):
            if not folder:
                raise IsADirectoryError(f"{target} is a folder")
            old = tempfile.mkdtemp(prefix=prefix, suffix=".old", dir=parent)
            os.rmdir(old)
            os.replace(target, old)
        os.replace(tmp, target)
    except BaseException:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
        elif os.path.lexists(tmp):
            os.unlink(tmp)
        if old is not None and not os.path.lexists(target):
            os.replace(old, target)  # put the previous folder back
            old = None
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
