"""Start-up and catalog benchmark: genai against the bare interpreter and the stdlib.

    python benchmarks/startup.py                        # 21 rounds, one Markdown table
    python benchmarks/startup.py --catalogs /tmp/cats   # the four catalogs' wheels
    python benchmarks/startup.py --no-catalogs --records 0   # first contact only
    python benchmarks/startup.py --rounds 1 --quick     # a smoke run (test fixtures)

Every case runs once per round, in turn (round-robin), so machine noise hits
them alike; the table gives medians, the ratio to ``python -c pass`` and,
where a case has one, to its stdlib baseline, and each run's peak memory
(max RSS, under GNU time). Run it on a regular install (``pip install .``).

The cases: first contact (``--version``, a usage error, ``--help`` (typer
prints it), a JSON query, a table, the same through typer); a
user folder of N synthetic model records (``--records``; 0 leaves it out)
against a stdlib script that loads and filters the same file; and the four
real catalogs imported into a data folder (``--catalogs``: their wheels or
files; ``--no-catalogs`` leaves them out) at 1×, 3× and 10× their size
(``--scales``; synthetic copies, :mod:`catalogs`): the first query after
an import with an empty cache and its peak memory against
``catalogs_baseline.py`` (a stdlib script that reads the same four files
and filters them), the same query warm, and importing LiteLLM's file
against ``json.loads`` of it. The last column says how each figure grows
with the catalogs' size.
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
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import catalogs as catalog_data  # noqa: E402  (benchmarks/catalogs.py)

VENDORS = ["openai", "google", "meta", "anthropic", "microsoft", "deepmind", "nvidia"]
PASS = "python -c pass"
TIME = "/usr/bin/time"
"""GNU time, for the peak memory of a run (max RSS)."""


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

STDLIB_READ = "import json, sys\nwith open(sys.argv[1], 'rb') as fh:\n    json.loads(fh.read())\n"


class Case:
    """One command line, run once a round: ``env`` may be a function of the round
    (a new empty cache each time); ``baseline``: the case it is measured against;
    ``scale``: the catalogs' size it runs at (``None``: no catalogs)."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        env: dict[str, str] | Callable[[int], dict[str, str]],
        *,
        baseline: str | None = None,
        scale: int | None = None,
        code: int = 0,
        after: Callable[[int], None] | None = None,
    ) -> None:
        self.name = name
        self.argv = argv
        self.env = env
        self.baseline = baseline
        self.scale = scale
        self.code = code
        self.after = after
        self.times: list[float] = []
        self.rss: list[float] = []

    def run(self, round_no: int) -> None:
        env = self.env(round_no) if callable(self.env) else self.env
        with tempfile.TemporaryFile() as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
            proc.wait()
            elapsed = time.perf_counter() - t0
            if proc.returncode != self.code:
                err.seek(0)
                message = err.read().decode(errors="replace")[-800:]
                raise SystemExit(f"{self.name} exited {proc.returncode}: {message}")
        self.times.append(elapsed)
        if self.after is not None:
            self.after(round_no)

    def measure(self, round_no: int) -> None:
        """One untimed run under GNU time for its peak memory (``wait4`` on a child
        of this process would count this process's pages too, from before exec)."""
        env = self.env(round_no) if callable(self.env) else self.env
        with tempfile.NamedTemporaryFile("r") as out:
            argv = [TIME, "-f", "%M", "-o", out.name, *self.argv]
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            self.rss.append(int(out.read().split()[-1]) / 1024)
        if self.after is not None:
            self.after(round_no)

    @property
    def ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def mb(self) -> float | None:
        return statistics.median(self.rss) if self.rss else None


def first_contact(genai: list[str], py: str, tmp: Path, base: dict[str, str]) -> list[Case]:
    bundled = tmp / "bundled-models.json"
    bundled.write_text(
        subprocess.run(
            [*genai, "models", "list", "--json"], capture_output=True, check=True, text=True
        ).stdout
    )
    script = tmp / "filter.py"
    script.write_text(STDLIB_FILTER)
    typer = {**base, "GENAI_FAST": "0"}
    json_query = [*genai, "models", "list", "--vendor", "openai", "--json"]
    table_query = [*genai, "models", "list", "--vendor", "openai"]
    cases = [
        Case(PASS, [py, "-c", "pass"], base),
        Case(
            "stdlib: json.load + filter (bundled models)",
            [py, str(script), str(bundled), "openai", "1000"],
            base,
        ),
    ]
    if shutil.which("jq"):
        jq = ["jq", '[.[] | select(.vendor == "openai")]', str(bundled)]
        cases.append(Case("jq filter (bundled models)", jq, base))
    cases += [
        Case("genai --version", [*genai, "--version"], base),
        Case(
            "genai models list --format xml (a usage error)",
            [*genai, "models", "list", "--format", "xml"],
            base,
            code=2,
        ),
        Case("genai --help (typer)", [*genai, "--help"], base),
        Case("genai models list --vendor openai --json", json_query, base),
        Case("genai models list --vendor openai (a table, piped)", table_query, base),
        Case(
            "the same table in colour (CLICOLOR_FORCE=1: rich)",
            table_query,
            {**base, "CLICOLOR_FORCE": "1"},
        ),
        Case("same JSON query through typer (GENAI_FAST=0)", json_query, typer),
        Case("same table through typer (GENAI_FAST=0)", table_query, typer),
        Case("genai models show gpt-4 --json", [*genai, "models", "show", "gpt-4", "--json"], base),
    ]
    return cases


def user_folder(
    genai: list[str], py: str, tmp: Path, base: dict[str, str], records: int
) -> list[Case]:
    folder = write_folder(tmp, records)
    script = tmp / "filter.py"
    big = f"{records:,}"
    query = [*genai, "--data-dir", str(folder), "models", "list", "--vendor", "meta"]
    query += ["--limit", "5", "--json"]
    warm = {**base, "GENAI_CACHE_DIR": str(tmp / "userdata-cache")}
    subprocess.run(query, env=warm, check=True, stdout=subprocess.DEVNULL)  # warm it once
    stdlib = f"stdlib: json.load + filter ({big} records)"
    return [
        Case(
            stdlib,
            [py, str(script), str(folder / "models" / "synthetic.json"), "meta", "5"],
            base,
        ),
        Case(f"genai --data-dir ({big} records) --json, cache warm", query, warm, baseline=stdlib),
        Case(
            f"genai --data-dir ({big} records) --json, no cache",
            query,
            {**base, "GENAI_NO_CACHE": "1"},
            baseline=stdlib,
        ),
    ]


def catalog_cases(
    genai: list[str],
    py: str,
    tmp: Path,
    base: dict[str, str],
    source: Path,
    scales: list[int],
    peer: Path | None = None,
) -> list[Case]:
    work = tmp / "catalogs"
    folders = catalog_data.prepare(source, work, scales, genai, base)
    litellm = catalog_data.sources(source, work)["litellm"][1]
    baseline = HERE / "catalogs_baseline.py"
    cases = []
    if 1 in scales:
        cases += answer_cases(genai, tmp, base, folders[1], peer)
    for k in scales:
        data = folders[k]
        query = [*genai, "--data-dir", str(data), "models", "list", "--vendor", "openai", "--json"]
        warm = {**base, "GENAI_CACHE_DIR": str(tmp / f"warm-x{k}")}
        subprocess.run(query, env=warm, check=True, stdout=subprocess.DEVNULL)

        def cold(round_no: int, k: int = k) -> dict[str, str]:
            return {**base, "GENAI_CACHE_DIR": str(tmp / f"cold-x{k}-{round_no}")}

        def forget(round_no: int, k: int = k) -> None:
            shutil.rmtree(tmp / f"cold-x{k}-{round_no}")

        file = catalog_data.scaled_file("litellm", litellm, k, work)
        scratch = tmp / f"import-x{k}"
        read = f"catalogs {k}×: stdlib read of the four files + filter"
        loads = f"catalogs {k}×: stdlib json.loads of LiteLLM's file"
        cases += [
            Case(read, [py, str(baseline), str(data), "openai"], base, scale=k),
            Case(
                f"catalogs {k}×: first query after an import, empty cache",
                query,
                cold,
                baseline=read,
                scale=k,
                after=forget,
            ),
            Case(f"catalogs {k}×: the same query, cache warm", query, warm, scale=k),
            Case(loads, [py, "-c", STDLIB_READ, str(file)], base, scale=k),
            Case(
                f"catalogs {k}×: genai import litellm (its file)",
                [*genai, "--data-dir", str(scratch), "import", "litellm", str(file)],
                {**base, "GENAI_CACHE_DIR": str(tmp / "import-cache")},
                baseline=loads,
                scale=k,
            ),
        ]
    return cases


EXISTS = (
    "SELECT id FROM models m WHERE EXISTS (SELECT 1 FROM offerings o "
    "WHERE o.model = m.id AND o.provider = '{provider}')"
)
INSERT_ALL = """import json, sys, sqlite_utils
db = sqlite_utils.Database(sys.argv[2], recreate=True)
for table, rows in json.load(open(sys.argv[1], encoding="utf-8")).items():
    if isinstance(rows, list) and rows:
        db[table].insert_all(rows)
"""


def answer_cases(
    genai: list[str], tmp: Path, base: dict[str, str], data: Path, peer: Path | None
) -> list[Case]:
    """The answers a user asks first of the imported catalogs, warm, at 1×: one
    provider's offerings, a model's page, the conflicts, a --where, SQL (against
    ``sqlite-utils query`` on genai's own export, ``peer``: a venv's bin folder with
    sqlite-utils) and the SQLite export (against sqlite-utils inserting its JSON)."""
    warm = {**base, "GENAI_CACHE_DIR": str(tmp / "warm-answers")}
    at = [*genai, "--data-dir", str(data)]

    def ok(*args: str) -> bool:
        run = subprocess.run([*at, *args], env=warm, capture_output=True)
        return run.returncode == 0 and bool(run.stdout.strip(b"[] \n"))

    provider = "groq" if ok("offerings", "--provider", "groq", "--json") else "openai"
    model = "gpt-4o" if ok("models", "show", "gpt-4o", "--json") else "claude-3-opus"
    db = tmp / "answers.db"
    exists = EXISTS.format(provider=provider)
    commands = [
        (
            f"offerings --provider {provider} --json",
            ["offerings", "--provider", provider, "--json"],
        ),
        (f"models show {model} (a page, piped)", ["models", "show", model]),
        ("conflicts --json", ["conflicts", "--json"]),
        (
            'models list --where "context_window >= 1000000" --json',
            ["models", "list", "--where", "context_window >= 1000000", "--json"],
        ),
        ('sql "select count(*) from models"', ["sql", "select count(*) from models"]),
        (f"sql EXISTS over the offerings of {provider}", ["sql", exists, "--json"]),
        ("export -f sqlite", ["export", "-f", "sqlite", "-o", str(db), "--force"]),
    ]
    for _, args in commands:  # warm: the join, its derived files, the database
        subprocess.run([*at, *args], env=warm, check=True, stdout=subprocess.DEVNULL)
    cases = []
    peers: dict[str, str] = {}
    tool = peer / "sqlite-utils" if peer is not None else None
    if tool is not None and tool.exists():
        dump = tmp / "answers.json"
        subprocess.run([*at, "export", "-f", "json", "-o", str(dump)], env=warm, check=True)
        script = tmp / "insert_all.py"
        script.write_text(INSERT_ALL)
        query = "sqlite-utils query genai's export: select count(*) from models"
        insert = "sqlite-utils: insert the export's JSON, every table"
        cases += [
            Case(query, [str(tool), "query", str(db), "select count(*) from models"], base),
            Case(
                insert, [str(peer / "python"), str(script), str(dump), str(tmp / "peer.db")], base
            ),
        ]
        peers = {'sql "select': query, "export": insert}
    for name, args in commands:
        baseline = next((v for k, v in peers.items() if name.startswith(k)), None)
        cases.append(
            Case(f"catalogs 1×, warm: genai {name}", [*at, *args], warm, baseline=baseline)
        )
    return cases


def run_rounds(cases: list[Case], rounds: int, memory_rounds: int) -> None:
    for round_no in range(rounds):
        for case in cases:
            case.run(round_no)
    if os.path.exists(TIME):
        for round_no in range(rounds, rounds + memory_rounds):
            for case in cases:
                case.measure(round_no)


def table(cases: list[Case], rounds: int, memory: int) -> str:
    by_name = {c.name: c for c in cases}
    base = by_name[PASS].ms
    lines = [
        f"{rounds} rounds, medians (peak memory: {memory} more rounds under GNU time); "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs",
        "",
        "| case | median ms | × python -c pass | × baseline | max RSS MB | RSS × baseline "
        "| ms × at 1× |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in cases:
        ref = by_name.get(c.baseline or "")
        ratio = f"{c.ms / ref.ms:.2f}×" if ref else ""
        rss = f"{c.mb / ref.mb:.2f}×" if ref and c.mb and ref.mb else ""
        mb = f"{c.mb:.1f}" if c.mb else ""
        growth = ""
        if c.scale is not None and c.scale != 1:
            one = by_name.get(c.name.replace(f"catalogs {c.scale}×", "catalogs 1×", 1))
            growth = f"{c.ms / one.ms:.2f}×" if one else ""
        lines.append(
            f"| `{c.name}` | {c.ms:.1f} | {c.ms / base:.2f}× | {ratio} | {mb} | {rss} | {growth} |"
        )
    return "\n".join(lines)


def default_catalogs() -> str | None:
    for candidate in (os.environ.get("GENAI_CATALOG_WHEELS"), "/tmp/cats"):
        if candidate and Path(candidate).is_dir():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--records", type=int, default=None, help="user-folder records (0: none)")
    ap.add_argument("--catalogs", default=None, help="the four catalogs' wheels or files")
    ap.add_argument("--no-catalogs", action="store_true", help="leave the catalog cases out")
    ap.add_argument("--scales", default="1,3,10", help="catalog sizes (default 1,3,10)")
    ap.add_argument("--quick", action="store_true", help="small inputs (the test fixtures)")
    ap.add_argument("--memory-rounds", type=int, default=3, help="runs under GNU time per case")
    ap.add_argument("--json", action="store_true", help="print the medians as JSON")
    ap.add_argument(
        "--peer",
        default=None,
        help="a venv's bin folder with sqlite-utils (default: where sqlite-utils is on PATH)",
    )
    args = ap.parse_args(argv)
    records = args.records if args.records is not None else (500 if args.quick else 30000)
    source = args.catalogs or (
        str(HERE.parent / "tests" / "fixtures" / "catalogs") if args.quick else default_catalogs()
    )
    scales = [int(s) for s in args.scales.split(",") if s.strip()]

    genai = genai_exe()
    py = sys.executable
    base = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS"):
        base.pop(name, None)
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        cases = first_contact(genai, py, tmp, base)
        if records:
            cases += user_folder(genai, py, tmp, base, records)
        if source and not args.no_catalogs:
            found = shutil.which("sqlite-utils")
            peer = Path(args.peer) if args.peer else (Path(found).parent if found else None)
            cases += catalog_cases(genai, py, tmp, base, Path(source), scales, peer)
        run_rounds(cases, args.rounds, args.memory_rounds)
    if args.json:
        print(json.dumps({c.name: {"ms": c.ms, "max_rss_mb": c.mb} for c in cases}, indent=2))
        return 0
    print(table(cases, args.rounds, args.memory_rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
