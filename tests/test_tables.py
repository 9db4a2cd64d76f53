"""Tables that fit (issue 11, item 6): at a width, no line is wider, no word is
split, low-priority columns go first, and no line ends in a space; piped tables
take ``--no-headers``; an empty CSV keeps its header; compare's CSV and JSONL
hold raw values with units; Markdown has no empty column and no repeated year.

Widths are display widths (a Chinese character is two cells: rich's
``cell_len``). The words of a narrow table are checked against the same
command at a width where nothing folds.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from rich.cells import cell_len

from genai_cli.output import fit
from genai_cli.output.layout import Cell, Column, Table

GENAI = [sys.executable, "-m", "genai_cli"]
WIDE = "100000"

TABLES = [
    "models list",
    "models list --fields id,name,description",
    "vendors list",
    "benchmarks list",
    "architectures list",
    "timeline",
    "findings",
    "predictions",
    "market",
    "agi-levels",
    "risks",
    "search gpt",
    "sql 'SELECT model, benchmark, value, unit, setting, reported_by FROM scores'",
    "compare gpt-4 claude-3-opus gemini-1.0-ultra",
    "compare gpt-4 claude-3-opus gemini-1.0-ultra llama-2 gpt-3.5",
    "benchmarks show mmlu",
    "models show gpt-4",
    "vendors show openai",
]


def run(args: str | list[str], columns: str | None = None, **env: str) -> str:
    """stdout of genai piped, at ``COLUMNS=columns`` (``None``: unset)."""
    argv = args.split() if isinstance(args, str) else args
    if isinstance(args, str) and "'" in args:
        import shlex

        argv = shlex.split(args)
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GENAI_") and k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")
    }
    if columns is not None:
        clean["COLUMNS"] = columns
    clean.update(env)
    p = subprocess.run(
        [*GENAI, *argv], capture_output=True, text=True, env=clean, timeout=60, check=False
    )
    assert p.returncode == 0, p.stderr
    return p.stdout


@cache
def output(args: str, columns: str | None) -> str:
    return run(args, columns)


def unfolded(args: str) -> str:
    """The command's output where nothing folds: piped, a table has no width limit
    (long texts have no cap); a show page at a width no line reaches."""
    return output(args, WIDE if " show " in f" {args} " else None)


BOX = re.compile(r"^[─│╭╮╰╯━ ]*$")


def words(text: str) -> list[str]:
    """The whitespace-separated words of a table, without box drawing."""
    out = []
    for token in text.split():
        token = token.strip("│╭╮╰╯─")
        if token and not BOX.match(token):
            out.append(token)
    return out


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _a_piece_of(word: str, whole: str) -> bool:
    """``word`` is a part of ``whole`` that a line may end or start at: next to a
    Chinese character (which breaks anywhere), or anywhere in a URL (which folds)."""
    if "://" in whole:
        return word in whole
    start = whole.find(word)
    while start != -1:
        end = start + len(word)
        starts = start == 0 or _wide(whole[start - 1]) or _wide(whole[start])
        ends = end == len(whole) or _wide(whole[end - 1]) or _wide(whole[end])
        if starts and ends:
            return True
        start = whole.find(word, start + 1)
    return False


def split_words(narrow: str, wide: str) -> list[str]:
    """The words of ``narrow`` that are neither whole words of ``wide``, nor a
    word cut with an ellipsis, nor a piece broken off next to a Chinese character
    or out of a URL: the words folded mid-word."""
    whole = set(words(wide))
    bad = []
    for w in words(narrow):
        if w in whole:
            continue
        if w.endswith(fit.ELLIPSIS) and any(x.startswith(w[:-1]) for x in whole):
            continue
        if any(_a_piece_of(w, x) for x in whole if "://" in x or any(map(_wide, x))):
            continue
        bad.append(w)
    return bad


# --------------------------------------------------------------------------- width


@pytest.mark.parametrize("args", TABLES)
def test_at_80_columns_no_line_is_wider_no_word_is_split(args: str) -> None:
    narrow = output(args, "80")
    lines = narrow.splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 80
    assert split_words(narrow, unfolded(args)) == []


@pytest.mark.parametrize("columns", ["60", "40"])
@pytest.mark.parametrize(
    "args",
    [
        "models list",
        "vendors list",
        "benchmarks list",
        "architectures list",
        "timeline",
        "predictions",
        "market",
        "risks",
        "compare gpt-4 claude-3-opus",
    ],
)
def test_below_60_columns_tables_still_fit(args: str, columns: str) -> None:
    narrow = output(args, columns)
    assert max(cell_len(line) for line in narrow.splitlines()) <= int(columns)
    assert split_words(narrow, unfolded(args)) == []


def test_the_split_word_check_catches_a_word_folded_mid_word() -> None:
    assert split_words(" ResNet-   micro\n 50        soft\n", " ResNet-50   microsoft\n") == [
        "ResNet-",
        "micro",
        "50",
        "soft",
    ]
    assert split_words(" micro… 生成式AI\n 加速创新\n", " microsoft 生成式AI加速创新\n") == []


def test_low_priority_columns_go_before_anything_folds() -> None:
    # at 80 columns the models list leaves out Open (low priority) rather than
    # fold a name; piped without COLUMNS it has every default column
    narrow = output("models list", "80").splitlines()
    assert "Open" not in narrow[0] and "Params" in narrow[0] and "Context" in narrow[0]
    assert "Open" in output("models list", None).splitlines()[0]
    gpt3 = next(line for line in narrow if line.split()[:1] == ["gpt-3"])
    assert "175B" in gpt3 and "2,048" in gpt3  # a record's facts stay on its line


def test_fields_keep_every_column_they_name() -> None:
    header = output("models list --fields id,name,open_weights,vendor", "60").splitlines()[0]
    assert header.split() == ["ID", "Name", "Open", "Vendor"]


def test_architectures_list_takes_at_most_two_lines_a_record() -> None:
    records = json.loads(run("architectures list --json"))
    lines = output("architectures list", "80").splitlines()
    assert len(lines) - 2 <= 2 * len(records)  # header and rule, then the records
    assert "Description" not in lines[0]  # long descriptions stay out by default
    described = output("architectures list --fields id,description", "80")
    assert "Description" in described.splitlines()[0]
    assert max(cell_len(line) for line in described.splitlines()) <= 80


@pytest.mark.parametrize("columns", ["20", "24", "30", "40", "60", "80", None])
def test_no_records_match_stays_whole(columns: str | None) -> None:
    out = run("models list --since 2099", columns)
    assert "no records match" in out.splitlines()
    assert "ID" in out.splitlines()[0]  # the header says what would be there


@pytest.mark.parametrize("columns", ["80", WIDE])
def test_captions_are_outside_the_column_widths(columns: str) -> None:
    # a caption wider than its table neither folds to the table's width nor widens it
    out = run("models list --since 2099 --fields id", columns).splitlines()
    assert out == [" ID", "────", "no records match"]
    out = run("compare gpt-4 claude-3-opus -b gsm8k", columns).splitlines()
    rule = next(line for line in out if line.startswith("───"))
    note = next(line for line in out if line.startswith("* GSM8K"))
    assert cell_len(note) > cell_len(rule)
    if columns == WIDE:
        assert note.endswith("not a like-for-like comparison")  # on one line


def test_wrap_breaks_at_spaces_and_chinese_never_inside_a_word() -> None:
    assert fit.wrap("Megatron-Turing NLG 530B", 16) == ["Megatron-Turing", "NLG 530B"]
    assert fit.wrap("microsoft", 5) == ["micr…"]
    assert fit.wrap("行业迎历史性机遇", 8) == ["行业迎历", "史性机遇"]
    assert fit.wrap("机遇，行业", 4) == ["机", "遇，", "行业"]  # a comma never starts a line
    assert fit.wrap("see https://example.com/a/b/c", 12) == [
        "see",
        "https://exam",
        "ple.com/a/b/",
        "c",
    ]
    for text in ("A neural network whose architecture builds in constraints", "生成式AI加速创新"):
        for width in range(4, 30):
            assert all(cell_len(line) <= width for line in fit.wrap(text, width))


def test_a_table_too_wide_drops_low_then_narrow_columns_then_ellipsizes() -> None:
    cols = [
        Column("ID", no_wrap=True),
        Column("Name"),
        Column("Low", drop=0, early=True),
        Column("Narrow", drop=0),
    ]
    rows = [[Cell("an-id"), Cell("a long name of words"), Cell("xxxxxxxx"), Cell("yyyyyyyy")]]
    table = Table(cols, rows)
    assert fit.widths(table, None, table.shown()) == ([0, 1, 2, 3], [5, 20, 8, 8])
    assert fit.widths(table, 44, table.shown())[0] == [0, 1, 3]  # Low goes, nothing folds
    kept, sizes = fit.widths(table, 30, table.shown())
    assert kept == [0, 1, 3] and sum(sizes) + fit.overhead(3) <= 30  # Name folds
    assert fit.widths(table, 18, table.shown())[0] == [0, 1]  # Narrow goes too
    kept, sizes = fit.widths(table, 12, table.shown())
    assert kept == [0, 1] and sum(sizes) + fit.overhead(2) <= 12  # words ellipsized


# --------------------------------------------------------------------------- trailing spaces


@pytest.mark.parametrize("columns", [None, "80", "40"])
@pytest.mark.parametrize(
    "args", ["models list", "timeline", "compare gpt-4 claude-3-opus", "models show gpt-4"]
)
def test_no_line_ends_in_a_space(args: str, columns: str | None) -> None:
    lines = output(args, columns).splitlines()
    assert [line for line in lines if line.endswith(" ")] == []


def test_on_a_terminal_tables_fit_the_window_in_colour_without_trailing_spaces() -> None:
    from test_env import on_a_terminal

    out = on_a_terminal(["models", "list"], {})  # a terminal of 100 columns
    assert "\x1b[" in out
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out).replace("\r", "")
    lines = plain.split("\n")
    assert max(cell_len(line) for line in lines) <= 100
    assert [line for line in lines if line.endswith(" ")] == []
    assert "Open" not in lines[0] and "Context" in lines[0]


# --------------------------------------------------------------------------- --no-headers


def test_no_headers_drops_the_header_and_rule(genai) -> None:  # type: ignore[no-untyped-def]
    ids = [
        m["id"]
        for m in json.loads(genai("models", "list", "--vendor", "anthropic", "--json").stdout)
    ]
    table = genai("models", "list", "--vendor", "anthropic", "--no-headers").stdout
    lines = table.splitlines()
    assert [line.split()[0] for line in lines] == ids  # the rows alone
    assert "─" not in table and "ID" not in table
    assert (
        genai("models", "list", "--vendor", "anthropic").stdout.splitlines()[0].split()[0] == "ID"
    )
    rows = list(
        csv.reader(
            io.StringIO(
                genai(
                    "models",
                    "list",
                    "--vendor",
                    "anthropic",
                    "-f",
                    "csv",
                    "--no-headers",
                    "--fields",
                    "id,name",
                ).stdout
            )
        )
    )
    assert [r[0] for r in rows] == ids
    md = genai("models", "list", "--vendor", "anthropic", "-f", "markdown", "--no-headers").stdout
    assert md.startswith("| ID |")  # a Markdown table keeps the row that makes it a table


def test_no_headers_on_an_empty_list_prints_nothing_and_says_so_on_stderr(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai("models", "list", "--since", "2099", "--no-headers")
    assert r.exit_code == 0 and r.stdout == ""
    assert "no records match" in r.stderr


# --------------------------------------------------------------------------- CSV


def test_an_empty_csv_keeps_its_header_row(genai) -> None:  # type: ignore[no-untyped-def]
    out = genai("models", "list", "--since", "2099", "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 1 and rows[0][:3] == ["id", "name", "vendor"]
    assert "context_window" in rows[0] and "parameters" in rows[0]
    assert (
        genai("models", "list", "--since", "2099", "-f", "csv", "--fields", "id,name").stdout
        == "id,name\n"
    )
    assert genai("sql", "SELECT id, name FROM models WHERE 0", "-f", "csv").stdout == "id,name\n"
    full = list(csv.reader(io.StringIO(genai("models", "list", "-f", "csv").stdout)))
    assert full[0] == rows[0]  # the same header as when records match


# --------------------------------------------------------------------------- compare rows

# The values, from the report's own text and the vendors' pages (not the data files):
# GPT-3 "模型参数量增加到1750亿，上下文窗口宽度增加到2048个token"; Claude 2.1 "200k";
# GPT-4 launched with an 8,192-token context (OpenAI's GPT-4 model page; the report's
# 32,000 is a correction) and scored 86.4% on MMLU, 5-shot (OpenAI's GPT-4 report).
GPT3 = "GPT-3的模型参数和数据集进一步扩大，模型参数量增加到1750亿，上下文窗口宽度增加到2048个token"


def _compare_rows(fmt: str, genai, *extra: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    r = genai(*extra, "compare", "gpt-3", "claude-2.1", "gpt-4", "-b", "mmlu", "-f", fmt)
    assert r.exit_code == 0, r.stderr
    if fmt == "jsonl":
        return [json.loads(line) for line in r.stdout.splitlines()]
    rows: list[dict[str, object]] = []
    for row in csv.DictReader(io.StringIO(r.stdout)):
        value = row["value"]
        try:
            parsed: object = json.loads(value)
        except ValueError:
            parsed = value
        rows.append({**row, "value": parsed})
    return rows


def _row(
    rows: list[dict[str, object]], model: str, field: str, benchmark: str = ""
) -> dict[str, object]:
    found = [
        r
        for r in rows
        if r["model"] == model and r["field"] == field and (r["benchmark"] or "") == benchmark
    ]
    assert len(found) == 1, (model, field, found)
    return found[0]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_compare_rows_hold_raw_values_with_units(fmt: str, genai, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    assert GPT3 in seed_text and "200k的Claude 2.1" in seed_text
    rows = _compare_rows(fmt, genai)
    params = _row(rows, "gpt-3", "parameters")
    assert params["value"] == {"min": 1750 * 10**8, "max": 1750 * 10**8, "state": "exact"}
    assert params["unit"] == "parameters"
    for model, tokens in (("gpt-3", 2048), ("claude-2.1", 200 * 1000), ("gpt-4", 8192)):
        row = _row(rows, model, "context_window")
        assert row["value"] == tokens and row["unit"] == "tokens", row
    price = _row(rows, "gpt-4", "pricing")
    assert price["value"] == {"input": 30, "output": 60} and price["unit"] == "USD per 1M tokens"
    score = _row(rows, "gpt-4", "score", "mmlu")
    assert score["value"] == 86.4 and score["unit"] == "%" and score["setting"] == "5-shot"
    text = json.dumps(rows, ensure_ascii=False)
    for shown in ("8,192", "200K", "175B", "$30"):
        assert shown not in text  # no display strings


def test_compare_rows_keep_a_lower_bound(genai, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "models.yaml").write_text(
        "- id: big-lm\n  name: Big LM\n  vendor: meta\n  parameters: {min: 200000000000}\n"
        "  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    r = genai("--data-dir", str(tmp_path), "compare", "big-lm", "gpt-4", "-f", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    row = _row(rows, "big-lm", "parameters")
    assert row["value"] == {"min": 200 * 10**9, "max": None, "state": "lower_bound"}
    table = genai("--data-dir", str(tmp_path), "compare", "big-lm", "gpt-4").stdout
    assert ">200B" in table  # the table still shows it the way people write it


# --------------------------------------------------------------------------- Markdown


def test_markdown_leaderboard_has_no_empty_column(genai) -> None:  # type: ignore[no-untyped-def]
    md = genai("benchmarks", "show", "mmlu", "-f", "markdown").stdout
    board = md.split("### Leaderboard", 1)[1].split("###", 1)[0].strip().splitlines()
    table = [line for line in board if line.startswith("|")]
    header = [c.strip() for c in table[0].strip("|").split("|")]
    assert header == ["#", "Model", "Score", "Setting", "Reported by"]
    for line in table:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == len(header)
    for n in range(len(header)):
        assert any([c.strip() for c in line.strip("|").split("|")][n] for line in table[2:])


def test_markdown_timeline_shows_each_year_once(genai) -> None:  # type: ignore[no-untyped-def]
    md = genai("timeline", "-f", "markdown").stdout
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].startswith("| Year | Date |")
    first = [line.split("|")[1].strip() for line in rows[1:]]
    years = [y for y in first if y]
    assert years == sorted(set(years)) and len(years) > 5  # each year once, in order
    assert all(re.fullmatch(r"(19|20)\d\d", y) for y in years)  # no "**2014**" label rows
    events = json.loads(genai("timeline", "--json").stdout)
    assert len(rows) - 1 == len(events)  # a row per event, nothing else


def test_every_kind_drops_only_columns_its_list_shows() -> None:
    from genai_cli.dataset.registry import KINDS

    added = {"vendors": {"models"}}  # vendors list adds a count of models
    for kind in KINDS.values():
        shown = {*kind.columns, *added.get(kind.name, ())}
        assert set(kind.low) <= shown and set(kind.narrow) <= shown, kind
        assert not set(kind.low) & set(kind.narrow), kind
        if kind.name != "events":  # the timeline's Year column names its rows
            assert kind.columns[0] not in (*kind.low, *kind.narrow), kind


def test_words_split_at_white_space_as_re_splits_them() -> None:
    """fit.split_spaces stands in for ``re.split(r"(\\s+)", ...)`` on the start-up path."""
    import random
    import re

    from genai_cli.output.fit import split_spaces

    chars = [" ", "a", "b", "\t", "\n", "\u3000", "中", "\xa0", "\u2028", "\x1c", "\x85", "—"]
    rng = random.Random(7)
    for _ in range(3000):
        line = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
        assert split_spaces(line) == re.split(r"(\s+)", line), repr(line)


@pytest.mark.parametrize("columns", ["30", "40", "60"])
def test_an_id_is_never_cut(columns: str) -> None:
    """A narrow table gives way in its other columns first: every id (the first
    column, the one a user copies) is printed whole."""
    text = run("models list --fields id,name,description", columns)
    ids = {m["id"] for m in json.loads(run("models list --json"))}
    shown = {line.split()[0] for line in text.splitlines()[2:] if line.strip()}
    assert ids <= shown, sorted(ids - shown)[:5]


def test_the_first_column_is_the_last_to_be_cut() -> None:
    """Past folding, the other columns are ellipsized down to a few characters before
    the first one, which names the row, gives way."""
    from genai_cli.output.fit import SHORT, overhead, widths
    from genai_cli.output.layout import Cell, Column, Table

    names, notes = "a-twenty-one-cell-row", "sixteen-cells-xx"
    table = Table([Column("Row"), Column("Note")], [[Cell(names), Cell(notes)]])
    width = len(names) + SHORT + overhead(2)
    assert widths(table, width, [0, 1]) == ([0, 1], [len(names), SHORT])
    # narrower still, the first column gives way too
    kept, sizes = widths(table, width - 4, [0, 1])
    assert kept == [0, 1] and sizes[0] < len(names) and sum(sizes) + overhead(2) <= width - 4
