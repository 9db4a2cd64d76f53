"""The best score is marked in text, never by colour alone, in every table format;
in JSON a model is "best" only on a benchmark two or more of the models took; and
on a benchmark where lower is better, the lowest wins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from genai_cli.output.text import BEST

from conftest import run_fast

GENAI = [sys.executable, "-m", "genai_cli"]


def _piped(*args: str, **env: str) -> str:
    e = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    e.update(env)
    p = subprocess.run([*GENAI, *args], capture_output=True, text=True, env=e, timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout


def _row(table: str, label: str) -> str:
    return next(line for line in table.splitlines() if line.strip().startswith(label))


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}])
def test_compare_marks_the_best_score_in_text(env: dict[str, str], seed_text: str) -> None:
    # the report's Claude 3 table: MMLU 86.8% (Opus) and 86.4% (GPT-4), both 5-shot
    assert "<b>86.8%</b> 5 shot" in seed_text and "<b>86.4%</b> 5-shot" in seed_text
    out = _piped("compare", "claude-3-opus", "gpt-4", "-b", "mmlu", "-b", "humaneval", **env)
    mmlu = _row(out, "MMLU") if not env.get("FORCE_COLOR") else out
    assert f"86.8% (5-shot) {BEST}" in mmlu
    assert f"86.4% (5-shot) {BEST}" not in mmlu
    assert "green" not in out and BEST in out.splitlines()[-1] + out


def test_compare_marks_the_best_in_markdown_and_only_the_best_score_of_a_cell() -> None:
    md = _piped("compare", "claude-3-opus", "gpt-4", "-b", "mmlu", "-f", "markdown")
    assert f"86.8% (5-shot) {BEST}" in md and "in green" not in md
    # Claude 3 Opus has two MATH scores (0-shot CoT 60.1%, 4-shot 61.0%): only the top one
    math = _row(_piped("compare", "claude-3-opus", "gpt-4", "-b", "math"), "MATH")
    assert f"60.1% (0-shot CoT) {BEST}" not in math and f"61.0% (4-shot) {BEST}" in math


def test_json_best_only_where_contested() -> None:
    r = run_fast("compare", "claude-3-opus", "gpt-4", "--json")
    rows = {b["benchmark"]: b for b in json.loads(r.stdout)["benchmarks"]}
    assert rows["mmlu"]["best"] == ["claude-3-opus"] and rows["mmlu"]["top"] == 86.8
    # GPT-4's exams (the report's GPT-4 table): Claude 3 Opus took none of them
    for exam in ("uniform-bar-exam", "lsat"):
        assert rows[exam]["missing"] == ["claude-3-opus"]
        assert rows[exam]["best"] == [] and rows[exam]["top"] is None
    table = run_fast("compare", "claude-3-opus", "gpt-4", "-b", "lsat").stdout
    assert BEST not in _row(table, "LSAT")


def test_the_leaderboard_marks_its_best_and_has_no_empty_column() -> None:
    out = _piped("benchmarks", "show", "mmlu")
    assert f"86.8% {BEST}" in _row(out, "1 ") and BEST not in _row(out, "2 ")
    md = _piped("benchmarks", "show", "mmlu", "-f", "markdown")
    board = [line for line in md.splitlines() if line.startswith("| 1 | Claude 3 Opus")]
    assert board and "|  |" not in board[0] and BEST in board[0]


def test_lower_is_better_the_lowest_wins(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "benchmarks.yaml").write_text(
        "- id: latency-ms\n  name: Latency\n  category: speed\n  metric: milliseconds\n"
        "  unit: ms\n  higher_is_better: false\n"
        "  sources: [{title: test fixture}]\n",
        encoding="utf-8",
    )
    (data / "scores.yaml").write_text(
        "".join(
            f"- {{model: {m}, benchmark: latency-ms, value: {v}, unit: ms,"
            f" sources: [{{title: test fixture}}]}}\n"
            for m, v in (("gpt-4", 900), ("claude-3-opus", 700), ("llama-2", 800))
        ),
        encoding="utf-8",
    )
    args = ["--data-dir", str(data)]
    board = json.loads(run_fast(*args, "benchmarks", "show", "latency-ms", "--json").stdout)
    assert [s["model"] for s in board["scores"]] == ["claude-3-opus", "llama-2", "gpt-4"]
    cmp = json.loads(run_fast(*args, "compare", "gpt-4", "claude-3-opus", "--json").stdout)
    row = next(b for b in cmp["benchmarks"] if b["benchmark"] == "latency-ms")
    assert row["best"] == ["claude-3-opus"] and row["top"] == 700
    table = run_fast(*args, "compare", "gpt-4", "claude-3-opus", "-b", "latency-ms").stdout
    assert f"700.0 ms {BEST}" in table and f"900.0 ms {BEST}" not in table
