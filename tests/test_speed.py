"""Tables without rich: every table a command prints, laid out by the stdlib renderer
(output/plain_tables.py, output/cells.py) and by rich, must be the same text to the
byte, at every width, with and without headers and footers; text it does not know
how to measure goes to rich. And the benchmark runs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from genai_cli.output import plain_tables, rich_tables
from genai_cli.output.layout import Cell, Column, Panel, Stack, Table

from conftest import ROOT, run_fast

TABLES = [
    ["models", "list"],
    ["models", "list", "--fields", "id,name,description,aliases,sources"],
    ["models", "show", "gpt-4"],
    ["vendors", "list"],
    ["vendors", "show", "google"],
    ["benchmarks", "list"],
    ["benchmarks", "show", "mmlu"],
    ["scores", "list"],
    ["compare", "gpt-4", "claude-3-opus", "gemini-1.0-ultra"],
    ["timeline"],
    ["search", "谷歌"],
    ["search", "diffusion"],
    ["architectures", "list"],
    ["architectures", "show", "transformer"],
    ["agi-levels"],
    ["market"],
    ["predictions"],
    ["risks"],
    ["findings"],
    ["corrections"],
    ["fields", "models"],
    ["sql", "SELECT id, name, description FROM vendors"],
    ["validate"],
    ["models", "list", "--search", "nothing matches this"],
]
IMPORTED = [["catalogs"], ["conflicts"], ["models", "list", "--vendor", "openai"]]
WIDTHS = [None, 20, 27, 40, 61, 80, 100, 132, 250]


def _layouts(monkeypatch: pytest.MonkeyPatch, lines: list[list[str]]) -> list[Any]:
    """What each command line hands the table renderer: layout, footer, headers."""
    seen: list[Any] = []

    def grab(layout: Any, out: Any, footer: str | None, *, headers: bool = True) -> None:
        seen.append((layout, footer, headers))

    with monkeypatch.context() as m:
        m.setattr(rich_tables, "print_layout", grab)
        for argv in lines:
            for extra in (
                ([], ["--no-headers"]) if "--fields" in argv or argv[-1] == "list" else ([],)
            ):
                r = run_fast(*argv, *extra)
                assert r.exit_code in (0, 1), (argv, r.stderr)
    assert seen
    return seen


def _both(layout: Any, footer: str | None, headers: bool, width: int | None) -> tuple[Any, str]:
    tail = Cell(footer, "dim") if footer else None
    plain = plain_tables.lines(layout, width, headers, tail, width or rich_tables.SHOW_WIDTH)
    out = io.StringIO()
    rich_tables.print_rich(layout, out, footer, width, headers=headers)
    return plain, out.getvalue()


def _check(seen: list[Any]) -> int:
    """Compare both renderers on every layout at every width; how many went plain."""
    plain_count = 0
    for layout, footer, headers in seen:
        for width in WIDTHS:
            for tail in {footer, None, "Data: a footer long enough to be wrapped at twenty"}:
                plain, rich = _both(layout, tail, headers, width)
                if plain is None:
                    continue
                plain_count += 1
                assert "".join(f"{line.rstrip(' ')}\n" for line in plain) == rich, (width, tail)
    return plain_count


def test_every_table_is_the_same_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _layouts(monkeypatch, TABLES)
    lists = [s for s in seen if not isinstance(s[0], (Panel, Stack))]
    assert _check(seen) >= len(lists) * len(WIDTHS)  # every list table, at every width
    for layout, footer, headers in lists:  # none needs rich
        assert _both(layout, footer, headers, None)[0] is not None


def test_imported_catalogs_tables_are_the_same_without_rich(
    monkeypatch: pytest.MonkeyPatch, imported_dir: Path
) -> None:
    seen = _layouts(monkeypatch, [["--data-dir", str(imported_dir), *a] for a in IMPORTED])
    assert _check(seen) > 0


def test_text_it_cannot_measure_goes_to_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tabs, control characters, emoji, combining marks, a word rich would cut: rich
    lays those out, and the output is rich's."""
    cols = [Column("ID", style="bold"), Column("Value", justify="right"), Column("Mid", "center")]
    rows = [
        [Cell("a\tb"), Cell("1"), Cell("x")],
        [Cell("ok"), Cell("🚀 2"), Cell("y")],
        [Cell("e\u0301"), Cell("3"), Cell("zz")],
        [Cell("bell\x07"), Cell("4"), Cell("")],
        [Cell("谷歌 Google"), Cell("12 "), Cell("中")],
    ]
    for n, row in enumerate(rows):
        table = Table(cols, [row], title="T", caption="c", sections={})
        plain, rich = _both(table, None, True, None)
        if n < 4:
            assert plain is None, row
        else:
            assert plain is not None
            assert "".join(f"{line.rstrip(' ')}\n" for line in plain) == rich
    long = Table([Column("ID", no_wrap=True)], [[Cell("a-very-long-unbreakable-word")]])
    for width in (5, 8, 12):
        plain, rich = _both(long, None, True, width)
        if plain is not None:
            assert "".join(f"{line.rstrip(' ')}\n" for line in plain) == rich


def test_made_up_tables_are_the_same_without_rich() -> None:
    """Sections, folded cells, a header taller than its row, right and centred
    columns, an empty table with and without headers."""
    cols = [
        Column("Name of the thing", max_width=12),
        Column("N", justify="right"),
        Column("Where", justify="center"),
    ]
    rows = [
        [Cell("alpha beta gamma delta"), Cell("1"), Cell("here")],
        [Cell("二 三 四 五 六 七 八 九 十"), Cell("22"), Cell("there and back")],
        [Cell("z"), Cell(""), Cell("")],
        [Cell("line one\nline two"), Cell("333"), Cell("x")],
    ]
    tables = [
        Table(cols, rows, "A title", "A caption", {0: "", 2: "second"}),
        Table(cols, [], "Empty", "no records match"),
        Table([Column("Only")], [[Cell("one")]], sections={0: "x"}),
    ]
    for table in tables:
        for width in WIDTHS:
            for headers in (True, False):
                plain, rich = _both(table, "a footer", headers, width)
                assert plain is not None
                assert "".join(f"{line.rstrip(' ')}\n" for line in plain) == rich, (width, headers)


def test_the_known_widths_are_richs_in_every_unicode_version() -> None:
    from rich._unicode_data._versions import VERSIONS
    from rich.cells import cell_len, get_character_cell_size

    from genai_cli.output import cells

    for width, ranges in ((1, cells.SINGLE), (2, cells.DOUBLE)):
        for start, end in ranges:
            chars = [chr(c) for c in range(start, end + 1)]
            for version in (*VERSIONS, "auto", "latest"):
                wrong = [c for c in chars if get_character_cell_size(c, version) != width]
                assert not wrong, (hex(start), version, wrong[:5])
            assert cells.cell_len("".join(chars)) == cell_len("".join(chars)) == width * len(chars)
    for text in ("a\tb", "🚀", "e\u0301", "\x07", "\u200d", "ab\ufe0f"):
        assert cells.cell_len(text) == cell_len(text)
        assert not cells.known(text)


def test_a_piped_table_imports_no_rich() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from genai_cli.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['models', 'list', '--vendor', 'openai'])\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "CLICOLOR_FORCE")}
    mods = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.split()
    )
    assert mods & {"rich", "typer", "click", "pydantic", "yaml", "typing"} == set()


def test_the_benchmark_runs(tmp_path: Path) -> None:
    """One round of every case, with small synthetic catalogs."""
    r = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "startup.py"), "--rounds", "1", "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    assert "| `python -c pass` |" in r.stdout and "10×" in r.stdout
