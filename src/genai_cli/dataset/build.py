"""Build the bundled dataset: YAML (hand-edited) -> validated -> ``_build/*.json``.

    python -m genai_cli.dataset.build            # rebuild src/genai_cli/data/_build/
    python -m genai_cli.dataset.build --check    # exit 1 when the committed file is stale
    python -m genai_cli.dataset.build --report ../shared/seed/000_f99cea36dd8cdca3.txt
                                         # also check every quote against the report
    python -m genai_cli.dataset.build --partial  # while authoring: unknown refs are warnings

``_build/meta.json`` holds the manifest, the shapes that restore compact
records (see :func:`genai_cli.dataset.schema.shapes` and :func:`genai_cli.answers.catalog.normalize`)
and a hash of the YAML it was built from; ``_build/<kind>.json`` holds each kind's compact canonical records, so
the CLI reads only the kinds a command needs, with ``json.load`` alone.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.resources
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.atomic import write_atomically
from ..core.errors import Problem
from . import registry as R
from .files import iter_data_files
from .report_quotes import check_quotes
from .schema import shapes as build_shapes
from .typegen import source
from .validation import check_integrity, read_folder, validate_files

FORMAT = 1


def data_dir() -> Path:
    return Path(str(importlib.resources.files("genai_cli") / "data"))


def built_dir() -> Path:
    return data_dir() / "_build"


META_KEYS = ("format", "inputs_sha256", "schema_sha256", "dataset", "counts", "shapes")


def built_files(data: dict[str, Any]) -> list[tuple[Path, str]]:
    """The files the build writes, with their text: meta.json, one per kind, sources.json,
    and the records' TypedDicts (``record_types.py``, :mod:`genai_cli.dataset.typegen`)."""
    out = built_dir()
    files = [(out / "meta.json", dumps({k: data[k] for k in META_KEYS}))]
    files += [(out / f"{kind}.json", dumps(data[kind])) for kind in R.BUNDLED]
    files.append((Path(__file__).with_name("record_types.py"), source()))
    return files


def inputs_hash(root: Path) -> str:
    h = hashlib.sha256()
    for path, parts in iter_data_files(root):
        h.update("/".join(parts).encode() + b"\0" + Path(path).read_bytes() + b"\0")
    return h.hexdigest()


def build(root: Path | None = None) -> tuple[dict[str, Any], list[Problem]]:
    root = root or data_dir()
    files = read_folder(root, display_root="src/genai_cli/data")
    v = validate_files(files)
    problems = list(v.problems)
    problems += check_integrity(v.records, origins=v.origins, rejected=v.rejected)
    if v.dataset is None:
        problems.append(Problem("src/genai_cli/data/dataset.yaml", None, "missing manifest"))
    shapes = build_shapes()
    out: dict[str, Any] = {
        "format": FORMAT,
        "inputs_sha256": inputs_hash(root),
        "schema_sha256": hashlib.sha256(json.dumps(shapes, sort_keys=True).encode()).hexdigest(),
        "dataset": v.dataset,
        "sources": sorted(v.registry.values(), key=lambda r: r["id"]),
    }
    for kind in R.LIST_KINDS:
        out[kind] = v.records.get(kind, [])
    out["counts"] = {kind: len(out[kind]) for kind in R.LIST_KINDS}
    out["shapes"] = shapes
    return out, problems


def _writer(text: str) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    return write


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m genai_cli.dataset.build", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail when the built file is stale")
    parser.add_argument("--report", type=Path, help="the seed report, to check every quote")
    parser.add_argument(
        "--partial", action="store_true", help="treat unknown references as warnings (authoring)"
    )
    args = parser.parse_args(argv)

    data, problems = build()
    if args.partial:
        warn = [p for p in problems if " names unknown " in p.message]
        problems = [p for p in problems if p not in warn]
        for p in warn:
            print(f"warning: {p}", file=sys.stderr)
    if args.report:
        problems += check_quotes(data, args.report.read_text(encoding="utf-8"))
    for p in problems:
        print(p, file=sys.stderr)
    counts = ", ".join(f"{len(data[k])} {k}" for k in R.LIST_KINDS)
    print(f"{counts}, {len(data['sources'])} sources", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    outputs = built_files(data)
    written = {t for t, _ in outputs}
    if args.check:
        stale = [
            t for t, text in outputs if not t.exists() or t.read_text(encoding="utf-8") != text
        ]
        stale += [p for p in built_dir().glob("*.json") if p not in written]
        for t in stale:
            print(f"{t} is stale: run python -m genai_cli.dataset.build", file=sys.stderr)
        if not stale:
            print("built files are fresh", file=sys.stderr)
        return 1 if stale else 0
    if args.partial:
        return 0
    for old in built_dir().glob("*.json"):
        if old not in written:
            old.unlink()  # e.g. the single catalog.json of earlier versions

    for target, text in outputs:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, _writer(text))
        print(f"wrote {target} ({len(text.encode()):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
