"""Tables without rich: every table a command prints, laid out by the stdlib renderer
(output/plain_tables.py, output/cells.py) and by rich, must be the same text to the
byte, with and without headers and footers, at every width (each table at a few
widths, the widths taken in turn so that every width meets many tables); text it
does not know how to measure goes to rich."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from genai_cli.output import plain_tables, rich_tables
from genai_cli.output.layout import Cell, Column, Panel, Stack, Table
from genai_cli.output.terminal import SHOW_WIDTH

from conftest import run_fast

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
ALWAYS = (None, 80)
"""The widths every table is compared at (a pipe, a terminal); the others in turn."""
LONG_FOOTER = "Data: a footer long enough to be wrapped at twenty"


def _layouts(monkeypatch: pytest.MonkeyPatch, lines: list[list[str]]) -> list[Any]:
    """What each command line hands the table renderer: layout, footer, headers."""
    seen: list[Any] = []

    def grab(layout: Any, out: Any, footer: str | None, *, headers: bool = True) -> None:
        seen.append((layout, footer, headers))

    with monkeypatch.context() as m:
        m.setattr(plain_tables, "print_layout", grab)
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
    plain = plain_tables.lines(layout, width, headers, tail, width or SHOW_WIDTH)
    out = io.StringIO()
    rich_tables.print_rich(layout, out, footer, width, headers=headers)
    return plain, out.getvalue()


def _cases(seen: list[Any]) -> list[tuple[Any, str | None, bool, int | None]]:
    """Each layout at the widths of :data:`ALWAYS` and at one more, taken in turn from
    :data:`WIDTHS`; its own footer, none, or a long one, in turn."""
    others = [w for w in WIDTHS if w not in ALWAYS]
    out = []
    for n, (layout, footer, headers) in enumerate(seen):
        widths = [*ALWAYS, others[n % len(others)]]
        for k, width in enumerate(widths):
            tail = (footer, None, LONG_FOOTER)[(n + k) % 3]
            out.append((layout, tail, headers, width))
    return out


def _check(seen: list[Any]) -> tuple[int, set[int | None]]:
    """Compare both renderers on every case; how many went plain, at which widths."""
    plain_count, widths = 0, set()
    for layout, tail, headers, width in _cases(seen):
        plain, rich = _both(layout, tail, headers, width)
        if plain is None:
            continue
        plain_count += 1
        widths.add(width)
        assert "".join(f"{line.rstrip(' ')}\n" for line in plain) == rich, (width, tail)
    return plain_count, widths


def test_every_table_is_the_same_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _layouts(monkeypatch, TABLES)
    lists = [s for s in seen if not isinstance(s[0], (Panel, Stack))]
    count, widths = _check(seen)
    assert count >= len(lists) * 3  # every list table, at three widths
    assert widths == set(WIDTHS)  # every width, on some tables
    for layout, footer, headers in lists:  # none needs rich
        assert _both(layout, footer, headers, None)[0] is not None


def test_show_pages_are_laid_out_without_rich(
    monkeypatch: pytest.MonkeyPatch, imported_dir: Path
) -> None:
    """A show page's panel (its box, title, labels and wrapped values) is drawn by the
    stdlib renderer too, the same text as rich's at every width: a page piped does
    not import rich."""
    seen = _layouts(
        monkeypatch,
        [
            ["models", "show", "gpt-4"],
            ["vendors", "show", "google"],
            ["--data-dir", str(imported_dir), "models", "show", "claude-3-opus", "--all"],
        ],
    )
    pages = [s for s in seen if isinstance(s[0], (Panel, Stack))]
    assert len(pages) == 3
    for n, (layout, footer, headers) in enumerate(pages):
        for width in WIDTHS[1:]:  # a page always has a width (stderr's terminal's, or 100)
            plain, rich = _both(layout, footer, headers, width)
            if n == 2 and width in (80, 100, 132):  # the report's Chinese title (gpt-4's
                assert plain is not None, width  # sources) has widths only rich knows
            if plain is not None:
                assert "".join(f"{line.rstrip(' ')}\n" for line in plain) == rich, width


def test_imported_catalogs_tables_are_the_same_without_rich(
    monkeypatch: pytest.MonkeyPatch, imported_dir: Path
) -> None:
    seen = _layouts(monkeypatch, [["--data-dir", str(imported_dir), *a] for a in IMPORTED])
    assert _check(seen)[0] > 0


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
