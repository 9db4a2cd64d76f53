"""Validate data files against the schema and the dataset's integrity rules.

Used to build the bundled data, by ``genai validate`` and when a user data
folder is loaded (on a cache miss). Imports pydantic.

Output records are *compact canonical*: validated (into plain dicts by the
schema's TypedDict twins), source refs expanded, defaults left out (see
:mod:`genai_cli.shapes` for how they come back), score ids filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from ..core.errors import Problem
from . import parsing as values
from . import registry as R
from . import schema
from .files import iter_data_files
from .parsing import normalize_key
from .safe_loader import LoadedFile, read_file
from .typeddicts import list_adapter

_REGISTRY_FIELDS = ("title", "publisher", "url", "date")


def _adapter(kind: str) -> TypeAdapter[Any]:
    """Validates a list of ``kind`` records into compact dicts (see :mod:`genai_cli.twins`)."""
    return list_adapter(schema.CLASSES[kind])


@dataclass
class Origin:
    file: LoadedFile
    index: int

    def line(self, *loc: Any) -> int | None:
        return self.file.line_of((self.index, *loc))


@dataclass
class Validated:
    """The validated records of one set of files (the bundled data or a user folder)."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    registry: dict[str, dict[str, Any]] = field(default_factory=dict)
    dataset: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    rejected: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Records that broke the schema, as written: their references are checked
    too, so that one run reports every problem (and records that name them are
    not blamed for naming an unknown id)."""


# --------------------------------------------------------------------------- reading


def read_folder(root: Path, display_root: str | None = None) -> list[LoadedFile]:
    files = []
    for path, parts in iter_data_files(root):
        display = str(Path(display_root, *parts)) if display_root is not None else str(path)
        if parts == ("dataset.yaml",):
            lf = read_file(path, display, ("models.yaml",))  # parse as any YAML file
            lf.kind = R.SINGLETON
        else:
            lf = read_file(path, display, parts)
        files.append(lf)
    return files


# --------------------------------------------------------------------------- validation


def validate_files(
    files: list[LoadedFile],
    *,
    base_registry: dict[str, dict[str, Any]] | None = None,
) -> Validated:
    """Schema-validate every file; refs to sources are expanded first."""
    out = Validated()
    for lf in files:
        out.problems.extend(lf.problems)
    good = [lf for lf in files if not lf.problems and lf.kind is not None]

    # 1. the source registry, so that records may use {ref: ...}
    registry = dict(base_registry or {})
    for lf in good:
        if lf.kind == R.REGISTRY:
            for rec, origin in _validate_list(lf, R.REGISTRY, out):
                if rec["id"] in registry and (R.REGISTRY, rec["id"]) in out.origins:
                    out.problems.append(_dup(origin, R.REGISTRY, rec["id"], out))
                    continue
                registry[rec["id"]] = rec
                out.origins[(R.REGISTRY, rec["id"])] = origin
    out.registry = {k: v for k, v in registry.items() if (R.REGISTRY, k) in out.origins}

    # 2. the manifest and every list kind
    for lf in good:
        if lf.kind == R.SINGLETON:
            out.dataset = _validate_dataset(lf, registry, out)
        elif lf.kind != R.REGISTRY:
            kind = lf.kind
            assert kind is not None
            bucket = out.records.setdefault(kind, [])
            for rec, origin in _validate_list(lf, kind, out, registry):
                if kind == "scores" and not rec.get("id"):
                    rec["id"] = R.score_id(rec)
                key = (kind, rec["id"])
                if key in out.origins:
                    out.problems.append(_dup(origin, kind, rec["id"], out))
                    continue
                out.origins[key] = origin
                bucket.append(rec)
    return out


def _dup(origin: Origin, kind: str, rid: str, out: Validated) -> Problem:
    first = out.origins[(kind, rid)]
    where = first.file.path + (f":{first.line()}" if first.line() else "")
    return Problem(
        origin.file.path,
        origin.line(),
        f"duplicate {_singular(kind)} id {rid!r} (first in {where})",
    )


def _validate_dataset(
    lf: LoadedFile, registry: dict[str, dict[str, Any]], out: Validated
) -> dict[str, Any] | None:
    if not isinstance(lf.data, dict):
        out.problems.append(Problem(lf.path, 1, "the manifest must be a mapping"))
        return None
    wrapped = LoadedFile(lf.path, lf.kind, [lf.data])
    if lf.yaml_root is not None:
        root = lf.yaml_root
        wrapped.yaml_root = yaml.SequenceNode(
            "tag:yaml.org,2002:seq", [root], root.start_mark, root.end_mark
        )
    results = list(_validate_list(wrapped, R.SINGLETON, out, registry))
    return results[0][0] if results else None


def _validate_list(
    lf: LoadedFile,
    kind: str,
    out: Validated,
    registry: dict[str, dict[str, Any]] | None = None,
) -> Iterable[tuple[dict[str, Any], Origin]]:
    data = lf.data
    if data is None:
        return []
    if not isinstance(data, list):
        out.problems.append(
            Problem(
                lf.path,
                lf.line_of(()),
                f"expected a list of {_singular(kind)} records, got {_type_name(data)}",
            )
        )
        return []
    items: list[tuple[int, Any]] = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            out.problems.append(
                Problem(
                    lf.path,
                    lf.line_of((i,)),
                    f"expected a mapping (a record), got {_type_name(item)}",
                )
            )
            continue
        found = values.out_of_range(item)
        if found is not None:  # what SQLite cannot hold (or a terminal print)
            where, what = found
            field = f" field {values.where_text(where)!r}" if where else ""
            out.problems.append(
                Problem(lf.path, lf.line_of((i, *where)), f"{_singular(kind)}{field}: {what}")
            )
            _reject(kind, item, lf, i, out)
            continue
        if registry is not None and kind != R.REGISTRY:
            item = _expand_refs(item, registry, lf, i, out)
            if item is None:
                continue
        items.append((i, item))
    adapter = _adapter(kind)
    try:
        objs = adapter.validate_python([it for _, it in items])
        ok = list(zip(items, objs, strict=True))
    except ValidationError as exc:
        bad: set[int] = set()
        for err in exc.errors(include_url=False):
            pos = err["loc"][0] if err["loc"] else 0
            assert isinstance(pos, int)
            index = items[pos][0]
            bad.add(pos)
            out.problems.append(
                Problem(lf.path, lf.line_of((index, *err["loc"][1:])), _message(kind, err))
            )
        keep = [it for n, it in enumerate(items) if n not in bad]
        ok = list(zip(keep, adapter.validate_python([it for _, it in keep]), strict=True))
        for n in sorted(bad):
            index, raw = items[n]
            _reject(kind, raw, lf, index, out)
    return [(rec, Origin(lf, index)) for ((index, _), rec) in ok]


def _reject(kind: str, raw: dict[str, Any], lf: LoadedFile, index: int, out: Validated) -> None:
    """Keep a record that failed, as written, so that its references are checked and
    records naming it are not blamed for naming an unknown id."""
    rid = raw.get("id") if kind != "scores" else raw.get("id") or _score_key(raw)
    if isinstance(rid, str) and (kind, rid) not in out.origins:
        out.rejected.setdefault(kind, []).append({**raw, "id": rid})
        out.origins[(kind, rid)] = Origin(lf, index)


def _score_key(raw: dict[str, Any]) -> str | None:
    try:
        return R.score_id(raw) if isinstance(raw.get("model"), str) else None
    except (KeyError, TypeError, AttributeError):
        return None


def _singular(kind: str) -> str:
    k = R.KINDS.get(kind)
    return k.singular if k is not None else kind


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", type(None): "nothing"}.get(
        type(value), f"a {type(value).__name__}"
    )


def _message(kind: str, err: Any) -> str:
    loc = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in err["loc"][1:])
    loc = loc.replace(".[", "[")
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        msg = f"unknown field {loc.rsplit('.', 1)[-1]!r}"
        loc = loc.rsplit(".", 1)[0] if "." in loc else ""
    elif err["type"] == "missing":
        msg = f"missing required field {loc.rsplit('.', 1)[-1]!r}"
        loc = loc.rsplit(".", 1)[0] if "." in loc else ""
    elif msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    elif err["type"] == "string_pattern_mismatch" and isinstance(err.get("input"), str):
        msg = _pattern_message(err["input"], str((err.get("ctx") or {}).get("pattern", "")))
    if "input" in err and err["type"] not in (
        "missing",
        "extra_forbidden",
        "string_pattern_mismatch",
    ):
        shown = repr(err["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        if shown not in msg:
            msg += f" (got {shown})"
    where = f"{_singular(kind)}" + (f" field {loc!r}" if loc else "")
    return f"{where}: {msg}"


def _pattern_message(text: str, pattern: str) -> str:
    """The friendly message for a date or id that fails its pattern."""
    try:
        if pattern == values.DATE_PATTERN:
            values.parse_partial_date(text)
        else:
            values.check_id(text, compound=pattern == values.COMPOUND_ID_PATTERN)
    except ValueError as exc:
        return str(exc)
    return f"{text!r} does not match {pattern}"  # pragma: no cover - the two rules agree


def _expand_refs(
    rec: dict[str, Any],
    registry: dict[str, dict[str, Any]],
    lf: LoadedFile,
    index: int,
    out: Validated,
) -> dict[str, Any] | None:
    """Fill ``{ref: id}`` sources from the registry. ``None`` when a ref is unknown."""
    ok = True

    def expand(sources: Any, loc: tuple[Any, ...]) -> Any:
        nonlocal ok
        if not isinstance(sources, list):
            return sources
        result = []
        for j, src in enumerate(sources):
            if isinstance(src, dict) and "ref" in src:
                entry = registry.get(src["ref"]) if isinstance(src["ref"], str) else None
                if entry is None:
                    ok = False
                    out.problems.append(
                        Problem(
                            lf.path,
                            lf.line_of((index, *loc, j, "ref")),
                            f"unknown source ref {src['ref']!r}",
                        )
                    )
                    continue
                filled = {f: entry[f] for f in _REGISTRY_FIELDS if f in entry}
                filled.update(src)
                src = filled
            result.append(src)
        return result

    if not any(_has_ref(v) for v in rec.values() if isinstance(v, list)):
        return rec
    new = dict(rec)
    if "sources" in new:
        new["sources"] = expand(new["sources"], ("sources",))
    for sub in ("corrections", "financials"):
        if isinstance(new.get(sub), list):
            items = []
            for j, item in enumerate(new[sub]):
                if isinstance(item, dict) and "sources" in item:
                    item = {**item, "sources": expand(item["sources"], (sub, j, "sources"))}
                items.append(item)
            new[sub] = items
    return new if ok else None


def _check_refs(
    rejected: dict[str, list[dict[str, Any]]],
    ids: dict[str, set[str]],
    origins: dict[tuple[str, str], Origin],
    check: set[tuple[str, str]] | None,
) -> list[Problem]:
    """The references of records that broke the schema (read defensively: any
    field may hold anything)."""
    problems = []
    for kind, recs in rejected.items():
        for rec in recs:
            rid = rec["id"]
            if check is not None and (kind, rid) not in check:
                continue
            origin = origins.get((kind, rid))
            for ref in R.KINDS[kind].refs:
                value = rec.get(ref.field)
                values = value if ref.many and isinstance(value, list) else [value]
                for j, target in enumerate(values):
                    if isinstance(target, str) and target not in ids[ref.target]:
                        loc: tuple[Any, ...] = (ref.field, j) if ref.many else (ref.field,)
                        problems.append(
                            Problem(
                                origin.file.path if origin else "<bundled>",
                                origin.line(*loc) if origin else None,
                                f"{_singular(kind)} {rid!r}: {ref.field} names unknown "
                                f"{_singular(ref.target)} {target!r}",
                            )
                        )
    return problems


def _has_ref(value: Any) -> bool:
    for item in value:
        if isinstance(item, dict):
            if "ref" in item:
                return True
            for v in item.values():
                if isinstance(v, list) and _has_ref(v):
                    return True
    return False


# --------------------------------------------------------------------------- integrity


def check_integrity(
    records: dict[str, list[dict[str, Any]]],
    *,
    origins: dict[tuple[str, str], Origin],
    check: set[tuple[str, str]] | None = None,
    rejected: dict[str, list[dict[str, Any]]] | None = None,
) -> list[Problem]:
    """References resolve, names and aliases are unique within a kind,
    corrections name real fields.

    ``records`` is the merged data (bundled + user). Only records whose
    ``(kind, id)`` is in ``check`` are reported (all when ``None``), so a user
    folder is not blamed for the bundled data. ``rejected`` are the records that
    broke the schema, as written: their ids exist, and their references are checked.
    """
    problems: list[Problem] = []
    rejected = rejected or {}
    ids = {
        kind: {r["id"] for r in (*records.get(kind, []), *rejected.get(kind, []))}
        for kind in R.LIST_KINDS
    }
    problems += _check_refs(rejected, ids, origins, check)

    def where(kind: str, rid: str, *loc: Any) -> tuple[str, int | None]:
        o = origins.get((kind, rid))
        if o is None:
            return ("<bundled>", None)
        return (o.file.path, o.line(*loc))

    def wanted(kind: str, rid: str) -> bool:
        return check is None or (kind, rid) in check

    for kind in R.LIST_KINDS:
        fields = set(schema.CLASSES[kind].model_fields)
        names: dict[str, str] = {}
        for rec in records.get(kind, []):
            rid = rec["id"]
            # names and aliases
            for name in R.names_of(kind, rec):
                key = normalize_key(name)
                other = names.get(key)
                if other is not None and other != rid:
                    if wanted(kind, rid) or wanted(kind, other):
                        blame = rid if wanted(kind, rid) else other
                        f, line = where(kind, blame, "aliases")
                        problems.append(
                            Problem(
                                f,
                                line,
                                f"{_singular(kind)} {blame!r}: name or alias {name!r} is also "
                                f"used by {(other if blame == rid else rid)!r}",
                            )
                        )
                else:
                    names[key] = rid
            if not wanted(kind, rid):
                continue
            # references
            for ref in R.KINDS[kind].refs:
                fname, target, many = ref.field, ref.target, ref.many
                value = rec.get(fname)
                refs = value if many else [value]
                for j, ref in enumerate(refs or []):
                    if ref is None:
                        continue
                    if ref not in ids[target]:
                        loc: tuple[Any, ...] = (fname, j) if many else (fname,)
                        f, line = where(kind, rid, *loc)
                        problems.append(
                            Problem(
                                f,
                                line,
                                f"{_singular(kind)} {rid!r}: {fname} names unknown "
                                f"{_singular(target)} {ref!r}",
                            )
                        )
            for j, fin in enumerate(rec.get("financials", [])):
                cp = fin.get("counterparty")
                if cp and cp not in ids["vendors"]:
                    f, line = where(kind, rid, "financials", j, "counterparty")
                    problems.append(
                        Problem(
                            f, line, f"vendor {rid!r}: counterparty names unknown vendor {cp!r}"
                        )
                    )
            for cell in ("narrow", "general"):
                for j, m in enumerate((rec.get(cell) or {}).get("models", [])):
                    if m not in ids["models"]:
                        f, line = where(kind, rid, cell, "models", j)
                        problems.append(
                            Problem(f, line, f"agi level {rid!r}: {cell} names unknown model {m!r}")
                        )
            for j, corr in enumerate(rec.get("corrections", [])):
                head = corr["field"].split(".")[0].split("[")[0]
                if head not in fields:
                    f, line = where(kind, rid, "corrections", j, "field")
                    problems.append(
                        Problem(
                            f,
                            line,
                            f"{_singular(kind)} {rid!r}: correction names unknown field "
                            f"{corr['field']!r}",
                        )
                    )
    return problems
