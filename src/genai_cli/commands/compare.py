"""``genai compare A B [C...] [--benchmark B]...``: specs and scores side by side."""

from __future__ import annotations

from ..answers import queries as Q
from ..core.errors import UsageError
from ..dataset.registry import field
from ..output import text
from ..output.layout import Cell, Column, Table
from ..output.result import Result
from .context import Ctx

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any

SPECS: list[tuple[str, str]] = [
    ("vendor", "Vendor"),
    ("released", "Released"),
    ("parameters_detail", "Parameters"),
    ("context_window", "Context"),
    ("pricing", "Price (in / out, per 1M)"),
    ("open_weights", "Open weights"),
    ("offerings", "Offered at (in / out, per 1M)"),
    ("domain", "Domain"),
]


def _spec(key: str, m: dict[str, Any]) -> str:
    v = m.get(key)
    if key == "pricing":
        return text.price(v, per=False)
    if key == "offerings":
        return text.offer_range(v or [])
    return text.cell(key, v, m)


def run(
    ctx: Ctx, ids: list[str], benchmark: list[str] | None = None, tokens: str | None = None
) -> Result:
    cat = ctx.catalog
    if len(ids) < 2:
        raise UsageError("give at least two models, e.g. genai compare gpt-4 claude-3-opus")
    counts = _tokens(tokens) if tokens is not None else None
    model_ids = Q.resolve_all(cat, "models", ids)
    bench_ids = Q.resolve_all(cat, "benchmarks", benchmark or [])
    cmp = Q.compare(cat, model_ids, bench_ids)
    models = cat.outputs("models", [cat.by_id("models")[i] for i in cmp["models"]])
    scores = cat.outputs("scores", cmp["scores"])
    data: dict[str, Any] = {"models": models, "scores": scores, "benchmarks": cmp["benchmarks"]}
    costs: list[dict[str, Any]] = []
    if counts is not None:
        # deferred: decimal and the providers table, for --tokens alone
        from ..answers import cost

        costs = cost.rows(cat, cmp["models"], cost.Tokens(*counts))
        data["cost"] = costs

    # one row per spec and per benchmark, one column per model
    ids_ = cmp["models"]
    matrix: list[dict[str, Any]] = []
    for key, title in SPECS:
        if key == "offerings" and not any(m.get("offerings") for m in models):
            continue  # no catalog imported: no row of dashes
        matrix.append(
            {"row": title, **{i: _spec(key, m) for i, m in zip(ids_, models, strict=True)}}
        )
    if counts is not None:
        title = f"Cost ({text.count(counts[0])} in / {text.count(counts[1])} out)"
        matrix.append({"row": title, **{i: _cost(costs, i) for i in ids_}})
    by = {(s["model"], s["benchmark"]): [] for s in scores}  # type: dict[tuple[str, str], list[dict[str, Any]]]
    for s in scores:
        by[(s["model"], s["benchmark"])].append(s)
    notes = []
    bench_rows = []
    for b in cmp["benchmarks"]:
        name = cat.by_id("benchmarks")[b["benchmark"]]["name"]
        label = name if b["comparable"] else f"{name} *"
        if not b["comparable"]:
            notes.append(
                f"* {name}: settings differ ({', '.join(b['settings'])}) — not a like-for-like comparison"
            )
        row: dict[str, Any] = {"row": label}
        for i in ids_:
            cells = by.get((i, b["benchmark"]), [])
            row[i] = (
                "; ".join(
                    (text.best if i in b["best"] and s["value"] == b["top"] else str)(
                        text.score(s["value"], s["unit"])
                        + (f" ({s['setting']})" if s.get("setting") else "")
                    )
                    for s in cells
                )
                or text.DASH
            )
        row["_best"] = b["best"]
        bench_rows.append(row)
    matrix_rows = matrix + bench_rows
    layout = None
    if ctx.out.format in ("table", "markdown"):
        columns = [Column("")] + [Column(m["name"]) for m in models]
        rows = []
        sections = {}
        for n, r in enumerate(matrix_rows):
            if n == len(matrix):
                sections[n] = "Scores"
            best = r.get("_best", [])
            rows.append(
                [Cell(r["row"], "bold")]
                + [
                    Cell(r[i], "bold green")
                    if i in best
                    else Cell(r[i], "dim" if r[i] == text.DASH else None)
                    for i in ids_
                ]
            )
        caption = f"{text.BEST} best score in each row that two or more of them have." + (
            "\n" + "\n".join(notes) if notes else ""
        )
        if not bench_rows:
            caption = "No scores for these models" + (
                " on the chosen benchmarks." if bench_ids else "."
            )
        layout = Table(
            columns,
            rows,
            title="Compare: " + " vs ".join(m["name"] for m in models),
            caption=caption,
            sections=sections,
        )
    flat = flat_rows(models, scores, cmp["benchmarks"], costs)
    return Result(data=data, layout=layout, rows=flat)


def _tokens(value: str) -> tuple[int, int]:
    """``--tokens IN,OUT`` (each as ``genai cost`` takes it: 10M, 2.5k, 1_500_000)."""
    from .cost import count  # deferred: the cost command's module, for --tokens alone

    parts = value.split(",")
    if len(parts) != 2:
        raise UsageError(
            f"--tokens: give IN,OUT, e.g. 10M,2M (thousands as 1_500_000 here), not {value!r}"
        )
    return count("--tokens", parts[0]), count("--tokens", parts[1])


def _cost(costs: list[dict[str, Any]], mid: str) -> str:
    """A model's cost cell: ``$2.70 list / $2.48 cheapest at poe``."""
    by = {r["basis"]: r for r in costs if r["model"] == mid}
    listed, cheapest = by["list"], by["cheapest"]
    parts = []
    if listed["total"] is not None:
        parts.append(f"{text.usd(listed['total'])} list")
    if cheapest["total"] is not None:
        if cheapest["provider"] == listed["provider"] and cheapest["total"] == listed["total"]:
            return f"{text.usd(listed['total'])} list, the cheapest"
        parts.append(f"{text.usd(cheapest['total'])} cheapest at {cheapest['provider']}")
    return " / ".join(parts) or text.DASH


def flat_rows(
    models: list[dict[str, Any]],
    scores: list[dict[str, Any]],
    benchmarks: list[dict[str, Any]],
    costs: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The comparison as CSV and JSONL rows: one per model and spec, then with
    ``--tokens`` two per model (``list_cost``, ``cheapest_cost``: the totals in USD),
    then one per score, each with its raw value (as in the JSON: 8192, not "8,192")
    and its unit."""
    rows = []
    for key, _ in SPECS:
        if key == "offerings" and not any(m.get("offerings") for m in models):
            continue
        name = "parameters" if key == "parameters_detail" else key
        for m in models:
            value = m.get(key)
            if key == "parameters_detail" and value is not None:  # the figure or its bound
                value = {k: value.get(k) for k in ("min", "max", "state")}
            elif key == "pricing" and value is not None:  # the unit says USD per 1M tokens
                value = {k: value.get(k) for k in ("input", "output")}
            rows.append(
                {
                    "model": m["id"],
                    "field": name,
                    "benchmark": None,
                    "value": value,
                    "unit": field(name).unit if value is not None else None,
                    "setting": None,
                }
            )
    for c in costs or ():
        rows.append(
            {
                "model": c["model"],
                "field": f"{c['basis']}_cost",
                "benchmark": None,
                "value": c["total"],
                "unit": "USD" if c["total"] is not None else None,
                "setting": None,
            }
        )
    order = {b["benchmark"]: n for n, b in enumerate(benchmarks)}
    ids = [m["id"] for m in models]
    for s in sorted(scores, key=lambda s: (order.get(s["benchmark"], 0), ids.index(s["model"]))):
        rows.append(
            {
                "model": s["model"],
                "field": "score",
                "benchmark": s["benchmark"],
                "value": s["value"],
                "unit": s.get("unit"),
                "setting": s.get("setting"),
            }
        )
    return rows
