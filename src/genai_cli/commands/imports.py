"""``genai import CATALOG [PATH]``: bring a public catalog into the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..answers.load import load_catalog
from ..catalogs import changes, store
from ..catalogs.identity import identities, identities_of
from ..catalogs.joining import known_keys, summarize
from ..catalogs.readers import catalog_name, read_catalog
from ..catalogs.spec import head as catalog_head
from ..core.environment import data_folder
from ..core.errors import GenaiError, UsageError
from ..output.progress import Progress
from ..output.result import Result
from .context import Ctx

if TYPE_CHECKING:
    from typing import Any


def run(
    ctx: Ctx, catalog: str, path: str | None = None, force: bool = False, allow_empty: bool = False
) -> Result:
    name = catalog_name(catalog)
    where = ctx.data_dir or data_folder()
    if where is None:
        raise UsageError("no data folder: set --data-dir or GENAI_DATA_DIR (HOME is not set)")
    folder = Path(where)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--data-dir: not a folder: {folder}")
    store.check_target(folder, name)  # what is in the way, before anything is read
    bar = Progress(f"reading {name}")
    try:
        read = read_catalog(name, path, progress=bar)
    finally:
        bar.close()
    store.refuse_empty(read, allow_empty)
    target = Path(store.catalog_path(folder, name))
    made = identities(read.entries, name)
    text = store.dumps(read, made)
    # the file it replaces: the same bytes again (its head alone is read), or its
    # entries' lines, to tell what changed
    same = _holds(target, text)
    old_head, old = _replaced(target, name, same)
    by = changes.older(read.version, read.as_of, old_head) if old_head is not None else None
    if by is not None and old_head is not None and not force:
        raise GenaiError(
            f"{name} {_said(by, read.version, read.as_of)} is older than the imported "
            f"{_said(by, old_head.get('version'), old_head.get('as_of'))} ({target}); "
            "use --force to import it anyway"
        )
    curated = load_catalog(folder, imports_too=False) if folder.is_dir() else load_catalog()
    doc = store.document(read, made)  # what reading the file back gives, without a copy
    doc["path"] = str(target)
    known = known_keys(curated)
    idents = identities_of(doc)
    diff = None  # a first import: no changes
    new: list[str] | None = None
    if old_head is not None:  # as store.dumps wrote them (none to compare: the same file)
        new = [] if same else changes.entry_lines(text)
    if old_head is not None and new is not None:
        try:
            diff = changes.diff(curated, old_head, old, doc, new, doc["entries"], idents, known)
        except (KeyError, TypeError, ValueError, AttributeError):
            diff = None  # a damaged file: this import replaces it, with nothing to compare
    store.write_catalog(folder, name, text)  # nothing written, or the whole file
    doc["imported_at"] = store.imported_at(target)  # as reading the file back says it

    summary = summarize(curated, doc, known, idents)
    data = {**summary, "dropped": read.dropped, "cleaned": read.cleaned, "changes": diff}
    lines: list[str] = []
    if ctx.out.format != "json":
        lines = _lines(summary, read.dropped) + [
            f"  cleaned {n:,} values: {what}" for what, n in read.cleaned.items()
        ]
        if diff is not None:
            lines += changes.lines(diff, name)
    return Result(
        data=data if ctx.out.format == "json" else None,
        layout=None,
        footer=False,
        messages=lines,
        render=ctx.out.format == "json",
    )


def _replaced(target: Path, catalog: str, same: bool) -> tuple[dict[str, Any] | None, list[str]]:
    """The head and the entries' lines of the catalog file an import replaces (read
    before it is replaced; no lines when it is ``same`` as the file about to be
    written: its head alone); ``(None, [])`` on a first import or where the file is
    not an imported catalog of this version (there are no changes to tell then)."""
    if same:
        head = catalog_head(target)
        if head is not None and head.get("format") == store.FORMAT and head["catalog"] == catalog:
            return head, []
    try:
        raw = target.read_bytes()
    except OSError:
        return None, []
    found = changes.read_old(raw)
    if found is None or found[0].get("format") != store.FORMAT or found[0]["catalog"] != catalog:
        return None, []
    return found


def _holds(path: Path, text: str, chunk: int = 1 << 20) -> bool:
    """Does the file at ``path`` hold ``text``, UTF-8 (compared a piece at a time:
    neither is copied whole)?"""
    try:
        with open(path, "rb") as fh:
            for at in range(0, len(text), chunk):
                piece = text[at : at + chunk].encode("utf-8")
                if fh.read(len(piece)) != piece:
                    return False
            return fh.read(1) == b""
    except OSError:
        return False


def _said(by: str, version: object, as_of: object) -> str:
    """A catalog's version (or as-of date: ``by`` says which was compared)."""
    return str(version) if by == "version" else f"as of {as_of}"


def _lines(s: dict[str, Any], dropped: dict[str, int]) -> list[str]:
    version = f" {s['version']}" if s.get("version") else ""
    as_of = f"as of {s['as_of']}" if s.get("as_of") else "no as-of date in it"
    out = [
        f"imported {s['catalog']}{version} ({as_of}) from {s['source']}",
        f"  into {s['file']}",
        f"  {s['records']:,} records read: {s['entries']:,} entries kept, "
        f"{s['records'] - s['entries']:,} skipped",
        f"  {s['matched_entries']:,} entries matched {s['matched']:,} models of the dataset; "
        f"{s['new']:,} new models; {s['offerings']:,} offerings",
    ]
    for reason, n in sorted(s["skipped"].items(), key=lambda kv: -kv[1]):
        out.append(f"  skipped {n:,}: {reason}")
    for what, n in sorted(dropped.items(), key=lambda kv: -kv[1]):
        out.append(f"  left out {n:,} values: {what}")
    return out
