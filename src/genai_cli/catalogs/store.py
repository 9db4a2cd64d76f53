"""Imported catalogs in the data folder: their files, and the cached copy of their join.

``genai import`` writes one file per catalog, ``<data folder>/catalogs/<name>.json``:
the entries its reader (:mod:`genai_cli.catalogs.readers`) normalised, as they are,
so that the same input gives the same bytes; one JSON document, its entries
last, one a line (:func:`dumps`), so that where each entry is in the file is
known without parsing it (:func:`read_with_spans`). They join the dataset
when a catalog is loaded (:mod:`genai_cli.catalogs.joining`), against the curated
records of that moment; :func:`write_cache` and :class:`Cached` keep the
result — the models, and per model where its entries are — so that the next
query reads only what it needs, a model's extras made from its entries when
asked for.
"""

from __future__ import annotations

import math
import os
import time
import zlib

from ..core import jsonio
from ..core.errors import DataError, GenaiError, Problem, WriteError
from ..dataset.parsing import out_of_range, shown_text, where_text
from .derived import DERIVED_INDEX, DERIVED_MODELS, rows_of, write_derived
from .spec import FOLDER, NAMES

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType
    from typing import Any

    from .joining import Curated, Merged

    Extras = Callable[..., dict[str, list[dict[str, Any]]]]
    Spans = tuple[list[tuple[int, int]], list[int]]
    """Where each entry of a catalog file is (byte offset, length), and the file's
    size, modification time and inode as it was read."""

FORMAT = 1


# --------------------------------------------------------------------------- files


def code_key() -> str:
    """The code and tables that join catalogs (this folder's spec, providers,
    identity rules and the labs' tables, join and store), and the day (a price may
    start on it), as part of what a cached join was made of."""
    here = os.path.dirname(os.path.abspath(__file__))
    out = [time.strftime("%Y-%m-%d")]
    tables = sorted(os.path.join("tables", n) for n in os.listdir(os.path.join(here, "tables")))
    for name in ("spec.py", "providers.py", "identity.py", "joining.py", "store.py", *tables):
        try:
            st = os.stat(os.path.join(here, name))
            out.append(f"{st.st_size}.{st.st_mtime_ns}")
        except OSError:
            out.append(name)
    return "/".join(out)


def catalog_path(folder: str | os.PathLike[str], catalog: str) -> str:
    return os.path.join(folder, FOLDER, f"{catalog}.json")


def dumps(read: Any, identities: dict[str, Any] | None = None) -> str:
    """An imported catalog as the text of its file (deterministic): one JSON object,
    its entries' identities (:func:`genai_cli.catalogs.identity.identities`, made
    once at import), its entries last, one a line (so that each entry's place in the
    file is known without parsing it, :func:`read_with_spans`)."""
    head = document(read, identities)
    del head["entries"]
    entries = ",\n".join(jsonio.dumps(e) for e in read.entries)
    return f'{jsonio.dumps(head)[:-1]},"entries":[\n{entries}\n]}}\n'


def document(read: Any, identities: dict[str, Any] | None = None) -> dict[str, Any]:
    """What :func:`dumps` writes, as the document reading it back gives (its entries
    the reader's own, not a copy)."""
    head: dict[str, Any] = {
        "format": FORMAT,
        "catalog": read.catalog,
        "version": read.version,
        "as_of": read.as_of,
        "as_of_source": read.as_of_source,
        "file": read.file,
        "sha256": read.sha256,
        "records": read.records,
        "skipped": dict(sorted(read.skipped.items())),
        "dropped": dict(sorted(read.dropped.items())),
    }
    if identities is not None:
        head["identities"] = identities
    head["entries"] = read.entries
    return head


def refuse_empty(read: Any, allow_empty: bool) -> None:
    """Refuse a catalog read with no entries to keep (``models: []``, a repeated
    top-level key whose last value is empty, a provider without models), which
    would replace the previous import with nothing: exit 3, unless
    ``--allow-empty``."""
    if read.entries or allow_empty:
        return
    n = read.records
    found = f"{n:,} record{'s' if n != 1 else ''}, all skipped" if n else "no records"
    problem = (
        f"{found}: an empty catalog is not imported, for it would replace any previous "
        "import with nothing (--allow-empty to import it anyway)"
    )
    raise DataError([Problem(read.file, None, problem)])


def _atomic() -> ModuleType:
    """:mod:`genai_cli.core.atomic`, for writing or removing (it imports tempfile and
    shutil, which a query that only reads never needs)."""
    from ..core import atomic  # deferred: see the docstring

    return atomic


def check_target(folder: str | os.PathLike[str], catalog: str) -> None:
    """Refuse, before anything is read or written, what is in the way of writing the
    catalog's file (:func:`write_catalog`): :class:`WriteError`, exit 3."""
    atomic = _atomic()
    base = os.path.join(folder, FOLDER)
    target = catalog_path(folder, catalog)
    for path in (os.fspath(folder), base):
        found = atomic.what_is(path)
        if found == "symlink":
            found = atomic.what_is(path, follow=True)
            if found == "missing":
                raise WriteError(f"{path}: a symlink to {os.readlink(path)}, which does not exist")
        if found not in ("missing", "folder"):
            raise WriteError(f"{path}: a {found} where genai import needs a folder")
    found = atomic.what_is(target)
    if found not in ("missing", "file"):
        raise WriteError(
            f"{target}: a {found}; genai import replaces only a regular file: remove it first"
        )


def write_catalog(folder: str | os.PathLike[str], catalog: str, text: str) -> str:
    """Write an imported catalog's file (``text``, as :func:`dumps` made it) into the
    data folder, atomically: the previous file is replaced whole or kept as it was;
    the temporaries a killed import left there are removed first. Anything in the
    way is a :class:`WriteError` (exit 3, ``FILE: what is wrong``) with nothing
    written: a file or a dangling link where the ``catalogs`` folder should be, a
    symlink or anything but a file where the catalog's file is, a read-only
    folder, a full disk. The path written."""
    atomic = _atomic()
    check_target(folder, catalog)
    base = os.path.join(folder, FOLDER)
    target = catalog_path(folder, catalog)
    data = text.encode("utf-8")
    made = not os.path.isdir(base)
    try:
        os.makedirs(base, exist_ok=True)
        atomic.remove_leftovers(base, [f"{c}.json" for c in NAMES])
        atomic.write_atomically(target, lambda tmp: _write_bytes(tmp, data))
    except OSError as exc:
        where = target if os.path.isdir(base) else base
        if made:
            try:
                os.rmdir(base)  # made just now, and left empty
            except OSError:
                pass
        raise WriteError(
            f"{where}: cannot write: {exc.strerror or exc}; nothing was written"
        ) from None
    return target


def _write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


def read_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """One imported catalog's document; :class:`DataError` when it is not one."""
    return read_with_spans(path)[0]


def read_with_spans(path: str | os.PathLike[str]) -> tuple[dict[str, Any], Spans | None]:
    """:func:`read_file`, with where each entry's JSON is in the file (byte offset and
    length: a cached join points there instead of copying the entry) and the
    file's size, modification time and inode as read; ``None`` when the file is
    not laid out as :func:`dumps` lays it out (an entry a line)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read()
    except OSError as exc:
        raise DataError([Problem(str(path), None, f"cannot read: {exc.strerror or exc}")]) from None
    try:
        doc = jsonio.loads(raw)
    except ValueError as exc:
        problem = f"not an imported catalog: not valid JSON ({exc}); import it again or remove it"
        raise DataError([Problem(str(path), None, problem)]) from None
    if (
        not isinstance(doc, dict)
        or doc.get("format") != FORMAT
        or doc.get("catalog") not in NAMES
        or not isinstance(doc.get("entries"), list)
    ):
        raise DataError(
            [Problem(str(path), None, "not an imported catalog of this version: import it again")]
        )
    spans = _entry_lines(raw, len(doc["entries"]))
    _check_range(doc, raw, str(path), spans is not None)
    doc["imported_at"] = imported_at(path)
    doc["path"] = str(path)
    return doc, None if spans is None else (spans, _stat(st))


MAX_PROBLEMS = 20
"""At most this many entries are named; then how many more there are."""


def entry_problems(entries: Any, file: str) -> list[Problem]:
    """A problem per catalog entry (``{"key": ..., ...}``) that holds a value out of
    range (:func:`out_of_range`), named by its key: ``FILE: entry KEY: WHERE: what``."""
    problems: list[Problem] = []
    bad = 0
    for entry in entries:
        found = out_of_range(entry)
        if found is None:
            continue
        bad += 1
        if len(problems) < MAX_PROBLEMS:
            key = entry.get("key") if type(entry) is dict else None
            name = shown_text(key) if type(key) is str else "?"
            where, what = found
            problems.append(Problem(file, None, f"entry {name}: {where_text(where)}: {what}"))
    if bad > len(problems):
        last = problems[-1]
        more = f" (and {bad - len(problems):,} more entries with values out of range)"
        problems[-1] = Problem(file, None, last.message + more)
    return problems


_SUSPECT = (b"NaN", b"Infinity", b"\\ud", b"\\uD")
"""What a value out of range looks like in a file :func:`dumps` wrote (it writes
text as UTF-8 and a float in at most 17 digits), besides a number of 19 digits
or more: a non-finite number, a surrogate's escape."""
_DIGITS = bytes(49 if 48 <= b <= 57 else 32 for b in range(256))
"""``bytes.translate`` table: a digit becomes ``1``, anything else a space."""
_MAX_SUSPECTS = 1000


def _suspect_lines(raw: bytes) -> set[int] | None:
    """The lines of ``raw`` (0 the first) that hold something that may be a value out
    of range; None when there are too many to point at (then every value is checked)."""
    hits: list[int] = []
    for needle, text in ((b"1" * 19, raw.translate(_DIGITS)), *((s, raw) for s in _SUSPECT)):
        at = text.find(needle)
        while at != -1:
            if len(hits) >= _MAX_SUSPECTS:
                return None
            hits.append(at)
            end = text.find(b"\n", at)
            at = -1 if end == -1 else text.find(needle, end)
    return {raw.count(b"\n", 0, at) for at in hits}


def _check_range(doc: dict[str, Any], raw: bytes, path: str, laid_out: bool) -> None:
    """Refuse a catalog file that holds a value genai cannot keep (edited by hand,
    or imported before such values were refused at import): the same check as
    :func:`genai_cli.catalogs.readers.common.check_entries`. A walk of every value
    takes a tenth of a second, so only the entries on the lines of the file (an
    entry a line, as :func:`dumps` lays them out) whose bytes could hold one are
    walked."""
    lines = _suspect_lines(raw) if laid_out else None
    if lines is not None and not lines:
        return
    entries: list[Any] = doc["entries"]
    if lines is not None:
        entries = [entries[n - 1] for n in sorted(lines) if 0 < n <= len(entries)]
    problems = entry_problems(entries, path)
    found = out_of_range({k: v for k, v in doc.items() if k != "entries"})
    if found is not None:
        problems.append(Problem(path, None, f"{where_text(found[0])}: {found[1]}"))
    if problems:
        raise DataError(problems)


def _entry_lines(raw: bytes, n: int) -> list[tuple[int, int]] | None:
    """Where each of the ``n`` entries is in ``raw`` when it is laid out an entry a
    line, after a first line that ends with ``"entries":[`` (JSON text holds no
    raw newline but between values, so the lines are the entries)."""
    at = raw.find(b"\n")
    if at == -1 or not raw[:at].endswith(b'"entries":['):
        return None
    spans = []
    for k in range(n):
        start = at + 1
        at = raw.find(b"\n", start)
        if at == -1:
            return None
        end = at - 1 if k < n - 1 and raw[at - 1 : at] == b"," else at
        if raw[start : start + 1] != b"{" or raw[end - 1 : end] != b"}":
            return None
        spans.append((start, end - start))
    return spans if raw[at + 1 :].strip() == b"]}" else None


def _stat(st: os.stat_result) -> list[int]:
    """What says a file is the one read: its size, modification time and inode, and
    its change time (which an edit in place that keeps the others changes)."""
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]


def imported_at(path: str | os.PathLike[str]) -> str:
    """The file's modification time in UTC, to the second (as ``datetime`` gives it:
    the fraction rounded to the microsecond, half to even; without importing it)."""
    ts = os.stat(path).st_mtime
    seconds = math.floor(ts)
    if round((ts - seconds) * 1e6) >= 1_000_000:
        seconds += 1
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


# --------------------------------------------------------------------------- cached copy

_NONE = "_none"


def _partition(vendor: str | None) -> str:
    return vendor if vendor else _NONE


def write_cache(
    merged: Merged,
    folder: str | os.PathLike[str],
    key: str,
    spans: list[Spans | None] | None = None,
) -> None:
    """Write a merge into ``folder`` (a new, empty folder): one file of what every
    query needs, the models in a line per vendor, and per model the entries
    that joined it (its extras are made from them when asked for): where each
    entry is in its catalog's file (``spans``, per catalog, from
    :func:`read_with_spans`), else the entry itself; ``key`` says what it was
    made of (checked when it is read back)."""
    parts: dict[str, list[dict[str, Any]]] = {}
    for m in merged.models:
        parts.setdefault(_partition(m.get("vendor")), []).append(m)
    vendors = sorted(parts)
    names: dict[str, list[int]] = {}
    with open(os.path.join(folder, "models.jsonl"), "wb") as fh:
        at = 0
        for vendor in vendors:
            line = _compact(parts[vendor]).encode()
            fh.write(line)
            names[vendor] = [at, len(line)]
            at += len(line)
    number = {v: n for n, v in enumerate(vendors)}
    order = [number[_partition(m.get("vendor"))] for m in merged.models]
    # per model: its maker, then per entry its catalog and where it is in that
    # catalog's file (offset, length), or the entry itself
    members: dict[str, list[Any]] = {}
    for mid, (maker, entries) in merged.members.items():
        refs: list[Any] = [maker]
        for d, k, entry in entries:
            where = spans[d] if spans is not None else None
            if where is not None:
                refs += (d, *where[0][k])
            else:
                refs += (d, entry)
        members[mid] = refs
    core = {
        "key": key,
        "patches": merged.patches,
        "vendors": merged.vendors,
        "catalogs": merged.catalogs,
        "docs": [
            _doc_meta(doc, spans[d] if spans is not None else None)
            for d, doc in enumerate(merged.docs)
        ],
        "partitions": names,
        "order": order,
    }
    for name, data in (("members.json", members), ("core.json", core)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write(_compact(data))


def _doc_meta(doc: dict[str, Any], spans: Spans | None) -> dict[str, Any]:
    """What a model's extras need of the catalog an entry comes from, and the file
    its entries are read from (which must be the file that was joined)."""
    return {
        "catalog": doc["catalog"],
        "version": doc.get("version"),
        "as_of": doc.get("as_of"),
        "path": doc["path"],
        "stat": spans[1] if spans is not None else None,
        "templates": doc.get("templates", []),
    }


def _compact(data: Any) -> str:
    return jsonio.dumps(data) + "\n"


_DAMAGE = (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What reading a damaged cache entry raises (a file cut short, missing, replaced by
a folder, not JSON, or JSON of another shape)."""


class Cached:
    """A merge read back from :func:`write_cache`'s folder, a piece at a time.

    The pieces a query reads after :meth:`open` (the models of a vendor, where a
    model's entries are, the derived files) are read when first wanted; a damaged
    derived file is made again from the members, and when the members or the models
    turn out damaged too, the entry is dropped and the join is made again from the
    catalog files (``rebuild``), silently: the answer is the same, only slower."""

    @classmethod
    def open(
        cls,
        folder: str,
        key: str,
        curated: Curated,
        extras: Extras,
        rebuild: Callable[[], Merged] | None = None,
    ) -> Cached | None:
        """The cached join in ``folder`` if it is there, whole, and made of ``key``
        (the join of ``curated``, the curated catalog); ``extras`` makes a model's
        extras from its entries (:func:`genai_cli.catalogs.joining.extras_of`);
        ``rebuild`` makes the join again when a piece read later is damaged."""
        try:
            with open(os.path.join(folder, "core.json"), "rb") as fh:
                core = jsonio.loads(fh.read())
            if not isinstance(core, dict) or core.get("key") != key:
                return None
            return cls(folder, core, curated, extras, rebuild)
        except _DAMAGE:
            return None

    def __init__(
        self,
        folder: str,
        core: dict[str, Any],
        curated: Curated,
        extras: Extras,
        rebuild: Callable[[], Merged] | None = None,
    ) -> None:
        self.folder = folder
        self.curated = curated
        self._make = extras
        self._rebuild = rebuild
        self._merged: Merged | None = None
        self.patches: dict[str, dict[str, Any]] = core["patches"]
        self.vendors: list[dict[str, Any]] = core["vendors"]
        self.catalogs: list[dict[str, Any]] = core["catalogs"]
        self._docs: list[dict[str, Any]] = core["docs"]
        self._partitions: dict[str, list[int]] = core["partitions"]
        self._order: list[int] = core["order"]
        self._members_: dict[str, list[Any]] | None = None
        self._models: dict[str, list[dict[str, Any]]] = {}
        self._extras: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._files: dict[str, Any] = {}
        self._blobs: dict[int, bytes] = {}
        self._key: str = core["key"]
        self._index: dict[str, Any] | None = None
        self._all: dict[str, dict[str, list[dict[str, Any]]]] | None = None
        shapes = ((self.patches, dict), (self.vendors, list), (self.catalogs, list),
                  (self._docs, list), (self._partitions, dict), (self._order, list))  # fmt: skip
        if not all(isinstance(value, shape) for value, shape in shapes):
            raise TypeError("not a cached join")

    def _damaged(self) -> Merged:
        """The join, made again from the catalog files, the damaged entry dropped (the
        next run writes a new one)."""
        assert self._rebuild is not None
        if self._merged is None:
            for fh in self._files.values():
                fh.close()
            self._files.clear()
            try:
                _atomic().remove(self.folder)
            except OSError:
                pass
            self._merged = self._rebuild()
        return self._merged

    def _part(self, vendor: str) -> list[dict[str, Any]]:
        models = self._models.get(vendor)
        if models is None:
            offset, length = self._partitions[vendor]
            models = self._models[vendor] = jsonio.loads(self._read("models.jsonl", offset, length))
        return models

    def imported_models(self, vendors: set[str] | None = None) -> list[dict[str, Any]]:
        """The models only catalogs know (of ``vendors``), in the order of the join."""
        if self._merged is None:
            try:
                return self._imported_models(vendors)
            except _DAMAGE:
                if self._rebuild is None:
                    raise
        return self._damaged().imported_models(vendors)

    def _imported_models(self, vendors: set[str] | None) -> list[dict[str, Any]]:
        names = sorted(self._partitions)
        wanted = names if vendors is None else sorted(vendors & set(names))
        if len(wanted) == 1:
            return list(self._part(wanted[0]))
        parts = {names.index(v): iter(self._part(v)) for v in wanted}
        return [next(parts[n]) for n in self._order if n in parts]

    def model_extras(self, model_id: str) -> dict[str, list[dict[str, Any]]]:
        """A model's extras, as the derived files of the cache hold them (made, with
        every other model's, when first wanted: :meth:`_derive`)."""
        if self._merged is None:
            try:
                return self._model_extras(model_id)
            except _DAMAGE:
                if self._rebuild is None:
                    raise
        return self._damaged().model_extras(model_id)

    def _model_extras(self, model_id: str) -> dict[str, list[dict[str, Any]]]:
        self._derive()
        if self._all is None:
            try:
                at = self._index["models"].get(model_id)  # type: ignore[index]
                if at is None:
                    return {}
                found = jsonio.loads(self._checked(DERIVED_MODELS, at))
                if isinstance(found, dict):
                    return found
            except (OSError, ValueError, TypeError, KeyError):
                pass
            self._remake()  # a damaged file: made again, never trusted
        assert self._all is not None
        return self._all.get(model_id, {})

    def rows(self, kind: str, where: dict[str, set[str]] | None = None) -> list[dict[str, Any]]:
        """Every model's ``kind`` rows (offerings, claims, ...) in the order of the
        join; ``where``: only rows whose field (the kind's partition, read alone) is
        one of the values."""
        if self._merged is None:
            try:
                return self._rows_of(kind, where)
            except _DAMAGE:
                if self._rebuild is None:
                    raise
        return self._damaged().rows(kind, where)

    def _rows_of(self, kind: str, where: dict[str, set[str]] | None) -> list[dict[str, Any]]:
        self._derive()
        if self._all is None:
            try:
                return self._rows(kind, where)
            except (OSError, ValueError, TypeError, KeyError, StopIteration, AttributeError):
                self._remake()  # a damaged file: made again, never trusted
        assert self._all is not None
        return rows_of(self._all, kind, where)

    def _rows(self, kind: str, where: dict[str, set[str]] | None) -> list[dict[str, Any]]:
        assert self._index is not None
        part = self._index["kinds"].get(kind)
        if part is None:
            return []
        name = f"rows-{kind}.jsonl"
        field, at, order = part["field"], part["at"], part["order"]
        names = sorted(at)
        wanted = names
        if where and field in where:
            wanted = sorted(set(names) & where[field])
        chunks = {names.index(v): iter(jsonio.loads(self._checked(name, at[v]))) for v in wanted}
        out = [next(chunks[n]) for n in order if n in chunks]
        if any(next(rest, None) is not None for rest in chunks.values()):
            raise ValueError(f"{name}: more rows than its index says")
        if where:
            out = [r for r in out if all(r.get(f) in vs for f, vs in where.items())]
        return out

    def _checked(self, name: str, at: list[int]) -> bytes:
        """The bytes ``at`` (offset, length, CRC-32) of a derived file, if they are those
        written there (:class:`ValueError` if not)."""
        data = self._read(name, at[0], at[1])
        if zlib.crc32(data) != at[2]:
            raise ValueError(f"{name}: not what was written")
        return data

    def _remake(self) -> None:
        self._index = None
        self._all = self._make_all()
        try:
            write_derived(self.folder, self._key, self._all)
        except OSError:
            pass

    def _derive(self) -> None:
        """Read the derived files' index, or make every model's extras once and write
        them (:func:`write_derived`); kept in memory when they cannot be written."""
        if self._index is not None or self._all is not None:
            return
        try:
            with open(os.path.join(self.folder, DERIVED_INDEX), "rb") as fh:
                index = jsonio.loads(fh.read())
            if isinstance(index, dict) and index.get("key") == self._key:
                self._index = index
                return
        except (OSError, ValueError):
            pass
        self._remake()  # kept in memory when the files cannot be written

    def _make_all(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        for d in range(len(self._docs)):  # every entry is wanted: read each file once
            if self._docs[d]["stat"] is not None and d not in self._blobs:
                self._entry_file(d)
                fh = self._files[f"catalog-{d}"]
                fh.seek(0)
                self._blobs[d] = fh.read()
        return {mid: self._made(mid) for mid in self._members}

    def _made(self, model_id: str) -> dict[str, list[dict[str, Any]]]:
        found = self._extras.get(model_id)
        if found is None:
            refs = self._members.get(model_id)
            if refs is None:
                return {}
            entries: list[tuple[int, int, dict[str, Any]]] = []
            i = 1
            while i < len(refs):
                d = refs[i]
                if isinstance(refs[i + 1], dict):  # the entry itself
                    entry, i = refs[i + 1], i + 2
                else:  # where the entry is in its catalog's file
                    entry, i = self._entry(d, refs[i + 1], refs[i + 2]), i + 3
                entries.append((d, len(entries), entry))
            found = self._make(self.curated, self._docs, model_id, refs[0], entries)
            self._extras[model_id] = found
        return found

    def _read(self, name: str, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` of a file of the cache (or a catalog's)."""
        fh = self._files.get(name)
        if fh is None:
            fh = self._files[name] = open(os.path.join(self.folder, name), "rb")  # noqa: SIM115
        fh.seek(offset)
        data: bytes = fh.read(length)
        return data

    def _entry_file(self, d: int) -> str:
        """Open catalog ``d``'s file (once), which must be the file that was joined."""
        name = f"catalog-{d}"
        if name not in self._files:
            doc = self._docs[d]
            fh = open(doc["path"], "rb")  # noqa: SIM115
            st = os.fstat(fh.fileno())
            if _stat(st) != doc["stat"]:
                fh.close()
                raise GenaiError(f"{doc['path']} changed while it was read: run the command again")
            self._files[name] = fh
        return name

    def _entry(self, d: int, offset: int, length: int) -> dict[str, Any]:
        """An entry of catalog ``d``, read from its file, which must be the file joined."""
        name = self._entry_file(d)
        blob = self._blobs.get(d)
        try:
            if blob is not None:
                entry = jsonio.loads(blob[offset : offset + length])
            else:
                entry = jsonio.loads(self._read(name, offset, length))
        except ValueError:
            entry = None
        if not isinstance(entry, dict):  # the cache points elsewhere: it is damaged
            raise ValueError(f"no entry at {offset} in {self._docs[d]['path']}")
        return entry

    @property
    def _members(self) -> dict[str, list[Any]]:
        """Model id -> its maker and where its entries are (read when first wanted)."""
        if self._members_ is None:
            with open(os.path.join(self.folder, "members.json"), "rb") as fh:
                self._members_ = jsonio.loads(fh.read())
        return self._members_

    def all_extras(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        if self._merged is None:
            try:
                return self._all_extras()
            except _DAMAGE:
                if self._rebuild is None:
                    raise
        return self._damaged().all_extras()

    def _all_extras(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        self._derive()
        if self._all is None:
            try:
                with open(os.path.join(self.folder, DERIVED_MODELS), "rb") as fh:
                    lines = fh.read().splitlines()
                spans = self._index["models"]  # type: ignore[index]
                if [zlib.crc32(line) for line in lines] != [at[2] for at in spans.values()]:
                    raise ValueError(f"{DERIVED_MODELS}: not what was written")
                found = dict(zip(spans, map(jsonio.loads, lines), strict=True))
                if all(isinstance(e, dict) for e in found.values()):
                    self._all = found
            except (OSError, ValueError, TypeError, KeyError):
                pass
            if self._all is None:
                self._remake()
        assert self._all is not None
        return self._all
