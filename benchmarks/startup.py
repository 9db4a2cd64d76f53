"""Start-up benchmark: genai against the bare interpreter, side by side.

    python benchmarks/startup.py            # 21 rounds, prints a Markdown table
    python benchmarks/startup.py --rounds 41 --records 30000

Every command runs once per round, in turn (round-robin), so machine noise
hits them alike; the table gives medians and the ratio to ``python -c pass``.
The synthetic user folder (N model records as JSON, each naming a bundled
vendor) is generated in a temporary directory, with the stdlib script that
loads and filters the same file as its baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VENDORS = ["openai", "google", "meta", "anthropic", "microsoft", "deepmind", "nvidia"]


def genai_exe() -> list[str]:
    here = Path(sys.executable).parent
    exe = here / "genai"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("genai")
    return [found] if found else [sys.executable, "-m", "genai_cli"]


def synthetic_models(n: int) -> list[dict[str, object]]:
    """N plausible model records (ids m00000...), round-robin over bundled vendors."""
    out = []
    for i in range(n):
        vendor = VENDORS[i % len(VENDORS)]
        params = 10 ** (6 + i % 7) * (1 + i % 9)
        out.append(
            {
                "id": f"m{i:05d}",
                "name": f"Synthetic Model {i:05d}",
                "vendor": vendor,
                "aliases": [f"SM-{i:05d}"],
                "released": f"{2015 + i % 10}-{1 + i % 12:02d}",
                "domain": ["nlp", "cv", "multimodal"][i % 3],
                "modalities": ["text"] if i % 3 == 0 else ["text", "image"],
                "parameters": {"state": "exact", "min": params, "max": params},
                "context_window": 1024 * (1 + i % 128),
                "open_weights": bool(i % 2),
                "description": f"A synthetic record for the start-up benchmark, number {i}.",
                "sources": [{"title": "genai benchmark generator", "note": "synthetic"}],
            }
        )
    return out


def write_folder(root: Path, n: int) -> Path:
    folder = root / f"userdata-{n}"
    (folder / "models").mkdir(parents=True, exist_ok=True)
    (folder / "models" / "synthetic.json").write_text(
        json.dumps(synthetic_models(n), ensure_ascii=False), encoding="utf-8"
    )
    return folder


STDLIB_FILTER = """
import json, sys
with open(sys.argv[1], "rb") as fh:
    records = json.loads(fh.read())
hits = [r for r in records if r["vendor"] == sys.argv[2]][: int(sys.argv[3])]
sys.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\\n")
"""


def run_rounds(
    cases: list[tuple[str, list[str], dict[str, str]]], rounds: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for _ in range(rounds):
        for name, argv, env in cases:
            t0 = time.perf_counter()
            proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
            times[name].append(time.perf_counter() - t0)
            if proc.returncode != 0:
                raise SystemExit(f"{name} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--records", type=int, default=30000)
    ap.add_argument("--json", action="store_true", help="print the medians as JSON")
    args = ap.parse_args(argv)

    genai = genai_exe()
    py = sys.executable
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        folder = write_folder(tmpdir, args.records)
        data_file = folder / "models" / "synthetic.json"
        bundled = tmpdir / "bundled-models.json"
        bundled.write_text(
            subprocess.run(
                [*genai, "models", "list", "--json"], capture_output=True, check=True, text=True
            ).stdout
        )
        script = tmpdir / "filter.py"
        script.write_text(STDLIB_FILTER)
        cache_env = {**base_env, "GENAI_CACHE_DIR": str(tmpdir / "cache")}
        nocache_env = {**base_env, "GENAI_NO_CACHE": "1"}
        typer_env = {**base_env, "GENAI_FAST": "0"}
        json_query = [*genai, "models", "list", "--vendor", "openai", "--json"]
        table_query = [*genai, "models", "list", "--vendor", "openai"]
        big = f"{args.records:,}"
        big_query = [*genai, "--data-dir", str(folder), "models", "list", "--vendor", "meta"]
        big_query += ["--limit", "5", "--json"]
        # warm the cache once, so "warm" means what a second run sees
        subprocess.run(big_query, env=cache_env, check=True, stdout=subprocess.DEVNULL)
        cases = [
            ("python -c pass", [py, "-c", "pass"], base_env),
            (
                "stdlib: json.load + filter (bundled models)",
                [py, str(script), str(bundled), "openai", "1000"],
                base_env,
            ),
            ("genai models list --vendor openai --json", json_query, base_env),
            ("genai models list --vendor openai (table)", table_query, base_env),
            ("same JSON query through typer (GENAI_FAST=0)", json_query, typer_env),
            ("same table query through typer (GENAI_FAST=0)", table_query, typer_env),
            (
                "genai models show gpt-4 --json",
                [*genai, "models", "show", "gpt-4", "--json"],
                base_env,
            ),
            ("genai --help (typer)", [*genai, "--help"], base_env),
            (
                f"stdlib: json.load + filter ({big} records)",
                [py, str(script), str(data_file), "meta", "5"],
                base_env,
            ),
            (f"genai --data-dir ({big}) --limit 5 --json, cache warm", big_query, cache_env),
            (f"genai --data-dir ({big}) --limit 5 --json, no cache", big_query, nocache_env),
        ]
        if shutil.which("jq"):
            cases.insert(
                2,
                (
                    "jq filter (bundled models)",
                    ["jq", '[.[] | select(.vendor == "openai")]', str(bundled)],
                    base_env,
                ),
            )
        times = run_rounds(cases, args.rounds)

    medians = {name: statistics.median(ts) * 1000 for name, ts in times.items()}
    base = medians["python -c pass"]
    big_base = medians[f"stdlib: json.load + filter ({args.records:,} records)"]
    if args.json:
        print(json.dumps(medians, indent=2))
        return 0
    print(
        f"{args.rounds} rounds, medians; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n"
    )
    print("| command | median ms | × python -c pass | × stdlib script |")
    print("| --- | ---: | ---: | ---: |")
    for name, ms in medians.items():
        big = (
            f"{ms / big_base:.2f}×"
            if str(args.records) in name.replace(",", "") or f"{args.records:,}" in name
            else ""
        )
        print(f"| `{name}` | {ms:.1f} | {ms / base:.2f}× | {big} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
