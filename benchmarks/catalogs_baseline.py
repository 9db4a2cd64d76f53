"""The stdlib floor for a query over imported catalogs: read the four catalogs' files
in a data folder and print the entries of one vendor as JSON.

    python benchmarks/catalogs_baseline.py DATA_FOLDER [VENDOR]

It reads the files ``genai import`` wrote (``DATA_FOLDER/catalogs/*.json``),
the very bytes ``genai models list --vendor VENDOR --json`` reads on its
first run after an import. The catalogs' own files would not do: HELM's is
YAML and genai-prices' is Python source, which the stdlib cannot read as
data. It keeps the four documents, as anything that joins them must; it
matches an entry to the vendor by its provider or the namespace of its key,
and joins nothing.
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    folder = os.path.join(argv[0], "catalogs")
    vendor = argv[1] if len(argv) > 1 else "openai"
    docs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), "rb") as fh:
                docs.append(json.loads(fh.read()))
    prefix = vendor + "/"
    hits = [
        entry
        for doc in docs
        for entry in doc["entries"]
        if entry.get("provider") == vendor or str(entry.get("key", "")).startswith(prefix)
    ]
    sys.stdout.write(json.dumps(hits, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
