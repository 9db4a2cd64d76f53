"""Pages of the catalog era: `models show` sums up what the imported catalogs add
(offerings, their price range and providers, catalogs, claims, conflicts) and
lists them with --offerings / --claims / --all, JSON unchanged; a piped
`conflicts` folds its values to the page's width, nothing cut; `scores list -f
csv` is flat. The real CLI on the fixture excerpts and, where the wheels are
given, on the four real catalogs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from genai_cli.output import text

from conftest import full_size, run_fast

SUMMARY = "From the imported catalogs"
OFFERINGS = "Offerings (USD per 1M tokens)"
CLAIMS = "What other catalogs say"


def _show(folder: Path, *args: str) -> str:
    r = run_fast("--data-dir", str(folder), "models", "show", *args)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _record(folder: Path, model: str) -> dict[str, Any]:
    rec = json.loads(_show(folder, model, "--json"))
    assert isinstance(rec, dict)
    return rec


def _field(page: str, label: str) -> str:
    """A summary line's value (its first line) on a page."""
    found = re.search(rf"│ {label}\s{{2,}}(.+?)\s*│", page)
    assert found, f"no {label!r} on the page:\n{page}"
    return found.group(1)


def _whole_field(page: str, label: str) -> str:
    """A summary line's value, its lines joined."""
    lines = page.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(f"│ {label}  "))
    indent = len(lines[at]) - len(lines[at][2:].lstrip(" ").lstrip(label).lstrip(" "))
    parts = [lines[at][indent:].rstrip("│ ")]
    for line in lines[at + 1 :]:
        if not line.startswith("│ ") or line[2:indent].strip():
            break
        parts.append(line[indent:].rstrip("│ "))
    return " ".join(parts)


def _prices(page: str, label: str) -> list[float]:
    return [float(p) for p in re.findall(r"\$([\d.]+)", _field(page, label))]


def _check_summary(page: str, rec: dict[str, Any]) -> None:
    """The summary's numbers are the record's: the count of offerings and of their
    providers, the lowest and highest price, the claims, the conflicts."""
    offers = rec["offerings"]
    providers = {o["provider"] for o in offers}
    line = _field(page, "Offerings")
    assert line.startswith(f"{len(offers):,} from {len(providers)} provider"), line
    for key, label in (("input", "Input price"), ("output", "Output price")):
        prices = [
            o["pricing"][key] for o in offers if (o.get("pricing") or {}).get(key) is not None
        ]
        shown = _prices(page, label)
        assert shown[0] == min(prices) and shown[-1] == max(prices), (label, shown)
    assert _whole_field(page, "Providers") == ", ".join(sorted(providers))
    assert _field(page, "Claims").startswith(f"{len(rec['claims']):,}")
    conflicts = _field(page, "Conflicts")
    if rec["conflicts"]:
        assert conflicts.startswith(f"{len(rec['conflicts'])}: {rec['conflicts'][0]['field']}")
    else:
        assert conflicts == "none"


def test_a_models_page_sums_up_its_offerings(imported_dir: Path) -> None:
    for model in ("claude-3-opus", "gpt-4"):
        rec = _record(imported_dir, model)
        page = _show(imported_dir, model)
        assert SUMMARY in page and OFFERINGS not in page and CLAIMS not in page
        assert "(--offerings lists them)" in page and "(--claims lists them)" in page
        _check_summary(page, rec)
    gpt4 = _show(imported_dir, "gpt-4")
    assert "(genai conflicts --model gpt-4)" in gpt4 and "knowledge_cutoff" in gpt4
    # the report's own model, without catalogs: no summary, the flags change nothing
    bundled = run_fast("--bundled-only", "models", "show", "gpt-4").stdout
    assert SUMMARY not in bundled
    assert run_fast("--bundled-only", "models", "show", "gpt-4", "--all").stdout == bundled


def test_offerings_claims_and_all_list_them(
    imported_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _record(imported_dir, "claude-3-opus")
    monkeypatch.setenv("COLUMNS", "80")
    page = _show(imported_dir, "claude-3-opus", "--offerings")
    assert OFFERINGS in page and CLAIMS not in page and SUMMARY in page
    assert max(len(line) for line in page.splitlines()) <= 80
    for o in rec["offerings"]:  # every id whole, at 80 columns
        assert re.search(rf"(?m)^ \S+ +{re.escape(o['id'])}(?!\S)", page), o["id"]
    monkeypatch.delenv("COLUMNS")
    # Markdown: the page's tables a row a line
    claims = _show(imported_dir, "claude-3-opus", "--claims", "-f", "markdown")
    assert OFFERINGS not in claims
    rows = claims.split(f"### {CLAIMS}")[1].split("\n\n")[1].splitlines()[2:]
    assert len(rows) == len(rec["claims"])
    every = _show(imported_dir, "claude-3-opus", "--all", "-f", "markdown")
    assert OFFERINGS in every and CLAIMS in every
    offer_rows = every.split(f"### {OFFERINGS}")[1].split("\n\n")[1].splitlines()[2:]
    assert len(offer_rows) == len(rec["offerings"])
    # --all names every other id; the default page the first few and how many more
    labels = {x.get("key") or x["id"] for x in rec["external_ids"]}
    aka = next(line for line in every.splitlines() if line.startswith("| Also known as |"))
    assert set(aka.split("|")[2].strip().split(", ")) == labels
    short = next(
        line
        for line in _show(imported_dir, "claude-3-opus", "-f", "markdown").splitlines()
        if line.startswith("| Also known as |")
    )
    assert ": --all lists them)" in short and len(short) < len(aka)


def test_the_options_change_the_page_not_the_record(imported_dir: Path) -> None:
    whole = _show(imported_dir, "gpt-4o", "--json")
    for fmt in ("--json", "--format=yaml"):
        plain = _show(imported_dir, "gpt-4o", fmt)
        for flags in (["--offerings"], ["--claims"], ["--all"], ["--offerings", "--claims"]):
            assert _show(imported_dir, "gpt-4o", *flags, fmt) == plain, (fmt, flags)
    rec = json.loads(whole)
    assert {"offerings", "claims", "conflicts", "versions", "close"} <= set(rec)
    assert rec["offerings"] and rec["claims"]


def _conflict_cells(out: str) -> list[tuple[str, str]]:
    """(model, values cell with its lines joined) per row of a plain conflicts table."""
    lines = out.splitlines()
    head = lines[0]
    starts = [head.index(name) for name in ("Model", "Field", "Values", "Note")]
    assert set(lines[1]) == {"─"}
    rows: list[tuple[str, list[str]]] = []
    for line in lines[2:]:
        model = line[starts[0] : starts[1]].strip()
        if model:
            rows.append((model, []))
        rows[-1][1].append(line[starts[2] : starts[3]])
    return [(m, "".join(parts)) for m, parts in rows]


def _check_conflicts_fold(folder: Path, width: int) -> None:
    records = json.loads(run_fast("--data-dir", str(folder), "conflicts", "--json").stdout)
    r = run_fast("--data-dir", str(folder), "conflicts")
    assert r.exit_code == 0, r.stderr
    widest = max(len(line) for line in r.stdout.splitlines())
    assert widest <= width, widest
    cells = _conflict_cells(r.stdout)
    assert [m for m, _ in cells] == [c["model"] for c in records]
    for (_, cell), rec in zip(cells, records, strict=True):
        # every value and source the list shows, folded over lines, none cut
        assert "…" not in cell
        assert "".join(cell.split()) == "".join(text.conflict_values(rec["values"]).split())


def test_a_piped_conflicts_list_folds_its_values(imported_dir: Path) -> None:
    _check_conflicts_fold(imported_dir, 100)
    wide = run_fast("--data-dir", str(imported_dir), "conflicts", "--fields", "model,field")
    # other lists (and other columns) run as wide as they are, piped
    assert wide.stdout.splitlines()[0].split() == ["Model", "Field"]
    models = run_fast("--data-dir", str(imported_dir), "offerings", "--fields", "model,id,key")
    assert max(len(line) for line in models.stdout.splitlines()) > 100


def test_scores_csv_is_the_flat_sheet_of_its_table() -> None:
    records = json.loads(run_fast("scores", "list", "--json").stdout)
    r = run_fast("scores", "list", "-f", "csv")
    rows = list(csv.reader(io.StringIO(r.stdout)))
    keys = [
        "model", "benchmark", "value", "unit", "setting", "reported_by", "third_party",
        "source_url",
    ]  # fmt: skip
    assert rows[0] == keys and len(rows) == len(records) + 1
    for row, rec in zip(rows[1:], records, strict=True):
        urls = [s["url"] for s in rec["sources"] if s.get("url")]
        assert row[:2] == [rec["model"], rec["benchmark"]] and float(row[2]) == rec["value"]
        assert row[5] == (rec["reported_by"] or "") and row[7] == (urls[0] if urls else "")
        assert row[6] == {True: "true", False: "false", None: ""}[rec["third_party"]]
        assert not any(cell.startswith(("[", "{")) for cell in row)
    assert sum(1 for row in rows[1:] if row[7]) > len(records) // 2
    assert max(len(line) for line in r.stdout.splitlines()) < 300
    # the full record's fields, asked for by name
    full = run_fast("scores", "list", "-f", "csv", "--fields", "id,sources", "--limit", "1")
    head, first = list(csv.reader(io.StringIO(full.stdout)))
    assert head == ["id", "sources"] and json.loads(first[1]) == records[0]["sources"]
    empty = run_fast("scores", "list", "-f", "csv", "--where", "value < 0")
    assert empty.stdout == ",".join(keys) + "\n"


# --------------------------------------------------------------------------- the real catalogs


@full_size
def test_gpt_4o_fits_a_screen_on_the_real_catalogs(
    real_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _record(real_dir, "gpt-4o")
    assert len(rec["offerings"]) > 60 and len(rec["external_ids"]) > 60
    for width in ("100", "80"):
        monkeypatch.setenv("COLUMNS", width)
        page = _show(real_dir, "gpt-4o")
        assert len(page.splitlines()) <= 60, (width, len(page.splitlines()))
        _check_summary(page, rec)
    page = _show(real_dir, "gpt-4o", "--offerings")
    lines = page.splitlines()
    assert max(len(line) for line in lines) <= 80
    start = lines.index(OFFERINGS)
    table = lines[start + 3 : start + 3 + len(rec["offerings"])]
    assert sorted(line.split()[1] for line in table) == sorted(o["id"] for o in rec["offerings"])
    monkeypatch.delenv("COLUMNS")
    every = _show(real_dir, "gpt-4o", "--all")
    assert CLAIMS in every and OFFERINGS in every and len(every.splitlines()) > 200


@full_size
def test_a_piped_conflicts_list_folds_on_the_real_catalogs(real_dir: Path) -> None:
    _check_conflicts_fold(real_dir, 100)
