"""Imported catalogs in the data folder: their files, and the cached copy of their join.

``genai import`` writes one file per catalog, ``<data folder>/catalogs/<name>.json``:
the entries its reader (:mod:`genai_cli.importers`) normalised, as they are,
so that the same input gives the same bytes. They join the dataset when a
catalog is loaded (:mod:`genai_cli.joining`), against the curated records of
that moment; :func:`write_cache` and :class:`Cached` keep the result so that
the next query reads only what it needs.
"""

from __future__ import annotations

import os

from . import jsonio

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from .joining import Merged

FORMAT = 1
FOLDER = "catalogs"
"""Where imported catalogs live inside a data folder."""

PRECEDENCE = ("helm", "models.dev", "genai-prices", "litellm")
"""The catalogs, in the order in which they fill a field the curated data leaves null."""


# --------------------------------------------------------------------------- files


def default_folder() -> str | None:
    """The user's data folder: ``$XDG_DATA_HOME/genai``, else ``~/.local/share/genai``."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return os.path.join(xdg, "genai")
    home = os.environ.get("HOME")
    return os.path.join(home, ".local", "share", "genai") if home else None


def catalog_path(folder: str | os.PathLike[str], catalog: str) -> str:
    return os.path.join(folder, FOLDER, f"{catalog}.json")


def dumps(read: Any) -> str:
    """An imported catalog as the text of its file (deterministic)."""
    doc = {
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
        "entries": read.entries,
    }
    return jsonio.dumps(doc) + "\n"


def imported(folder: str) -> list[str]:
    """The catalog files in a data folder, in precedence order."""
    base = os.path.join(folder, FOLDER)
    if not os.path.isdir(base):
        return []
    return [p for p in (os.path.join(base, f"{c}.json") for c in PRECEDENCE) if os.path.isfile(p)]


def read_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """One imported catalog's document; :class:`DataError` when it is not one."""
    from .errors import DataError, Problem

    try:
        with open(path, "rb") as fh:
            doc = jsonio.loads(fh.read())
    except (OSError, ValueError) as exc:
        raise DataError([Problem(str(path), None, f"not an imported catalog: {exc}")]) from None
    if (
        not isinstance(doc, dict)
        or doc.get("format") != FORMAT
        or doc.get("catalog") not in PRECEDENCE
        or not isinstance(doc.get("entries"), list)
    ):
        raise DataError(
            [Problem(str(path), None, "not an imported catalog of this version: import it again")]
        )
    doc["imported_at"] = _mtime_date(path)
    doc["path"] = str(path)
    return doc


def _mtime_date(path: str | os.PathLike[str]) -> str:
    import datetime

    ts = os.stat(path).st_mtime
    return datetime.datetime.fromtimestamp(ts, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- cached copy

_NONE = "_none"
DETAIL = frozenset({"offerings", "claims"})
"""The bulky extras (hundreds for a popular model), kept in a file of their own."""


def _partition(vendor: str | None) -> str:
    return vendor if vendor else _NONE


def write_cache(merged: Merged, folder: Path, key: str) -> None:
    """Write a merge into ``folder`` (a new, empty folder): one file of what every
    query needs, the models in one file per vendor, the extras one line per model;
    ``key`` says what it was made of (checked when it is read back)."""
    parts: dict[str, list[dict[str, Any]]] = {}
    for m in merged.models:
        parts.setdefault(_partition(m.get("vendor")), []).append(m)
    names = {}
    for n, (vendor, models) in enumerate(sorted(parts.items())):
        names[vendor] = f"models-{n}.json"
        (folder / names[vendor]).write_text(_compact(models), encoding="utf-8")
    index: dict[str, list[int]] = {}
    with open(folder / "extras.jsonl", "wb") as light, open(folder / "detail.jsonl", "wb") as heavy:
        at = [0, 0]
        for mid, extras in merged.extras.items():
            lines = [
                _compact({k: v for k, v in extras.items() if k not in DETAIL}).encode("utf-8"),
                _compact({k: v for k, v in extras.items() if k in DETAIL}).encode("utf-8"),
            ]
            light.write(lines[0])
            heavy.write(lines[1])
            index[mid] = [at[0], len(lines[0]), at[1], len(lines[1])]
            at = [at[0] + len(lines[0]), at[1] + len(lines[1])]
    core = {
        "key": key,
        "patches": merged.patches,
        "vendors": merged.vendors,
        "catalogs": merged.catalogs,
        "partitions": names,
    }
    (folder / "index.json").write_text(_compact(index), encoding="utf-8")
    (folder / "core.json").write_text(_compact(core), encoding="utf-8")


def _compact(data: Any) -> str:
    return jsonio.dumps(data) + "\n"


class Cached:
    """A merge read back from :func:`write_cache`'s folder, a piece at a time."""

    @classmethod
    def open(cls, folder: str, key: str) -> Cached | None:
        """The cached join in ``folder`` if it is there, whole, and made of ``key``."""
        try:
            with open(os.path.join(folder, "core.json"), "rb") as fh:
                core = jsonio.loads(fh.read())
            if not isinstance(core, dict) or core.get("key") != key:
                return None
            return cls(folder, core)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def __init__(self, folder: str, core: dict[str, Any]) -> None:
        self.folder = folder
        self.patches: dict[str, dict[str, Any]] = core["patches"]
        self.vendors: list[dict[str, Any]] = core["vendors"]
        self.catalogs: list[dict[str, Any]] = core["catalogs"]
        self._partitions: dict[str, str] = core["partitions"]
        self._index_: dict[str, list[int]] | None = None
        self._models: dict[str, list[dict[str, Any]]] = {}
        self._extras: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._files: dict[str, Any] = {}
        self._all: dict[str, dict[str, list[dict[str, Any]]]] | None = None

    def _part(self, vendor: str) -> list[dict[str, Any]]:
        models = self._models.get(vendor)
        if models is None:
            with open(os.path.join(self.folder, self._partitions[vendor]), "rb") as fh:
                models = jsonio.loads(fh.read())
            self._models[vendor] = models
        return models

    def imported_models(self, vendors: set[str] | None = None) -> list[dict[str, Any]]:
        wanted = (
            sorted(self._partitions) if vendors is None else sorted(vendors & set(self._partitions))
        )
        out: list[dict[str, Any]] = []
        for vendor in wanted:
            out.extend(self._part(vendor))
        return out

    def model_extras(self, model_id: str) -> dict[str, list[dict[str, Any]]]:
        if self._all is not None:
            return self._all.get(model_id, {})
        found = self._extras.get(model_id)
        if found is None:
            where = self._index.get(model_id)
            if where is None:
                return {}
            found = {
                **self._line("extras.jsonl", where[0], where[1]),
                **self._line("detail.jsonl", where[2], where[3]),
            }
            self._extras[model_id] = found
        return found

    @property
    def _index(self) -> dict[str, list[int]]:
        """Model id -> where its extras are (read when the first model's are wanted)."""
        if self._index_ is None:
            with open(os.path.join(self.folder, "index.json"), "rb") as fh:
                self._index_ = jsonio.loads(fh.read())
        return self._index_

    def _line(self, name: str, offset: int, length: int) -> dict[str, list[dict[str, Any]]]:
        fh = self._files.get(name)
        if fh is None:
            fh = self._files[name] = open(os.path.join(self.folder, name), "rb")  # noqa: SIM115
        fh.seek(offset)
        line: dict[str, list[dict[str, Any]]] = jsonio.loads(fh.read(length))
        return line

    def all_extras(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        if self._all is None:
            with open(os.path.join(self.folder, "extras.jsonl"), "rb") as fh:
                light = fh.read()
            with open(os.path.join(self.folder, "detail.jsonl"), "rb") as fh:
                heavy = fh.read()
            self._all = {
                mid: {**jsonio.loads(light[a : a + n]), **jsonio.loads(heavy[b : b + m])}
                for mid, (a, n, b, m) in self._index.items()
            }
        return self._all
