"""The one place that decides how a result is printed: one renderer per format.

``json``, ``jsonl``, ``csv`` and ``markdown`` are written with the stdlib;
``yaml`` imports PyYAML and ``table`` imports rich, only when asked for. JSON
never goes through rich.
"""

from __future__ import annotations

import io
import sys

from ..core.errors import UsageError
from ..core.jsonio import dumps
from .layout import Panel, Stack, Table
from .terminal import is_tty, is_utf8

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import IO, Any

    from .layout import Layout
    from .result import Result

FORMATS = ("table", "json", "jsonl", "csv", "yaml", "markdown")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return fmt


def _utf8(out: IO[str]) -> bool:
    return getattr(out, "encoding", None) is None or is_utf8(out)


def render(
    result: Result,
    fmt: str,
    out: IO[str] | None = None,
    *,
    footer: str | None = None,
    headers: bool = True,
) -> None:
    """Print ``result`` in format ``fmt``; ``headers=False`` (``--no-headers``) leaves
    out a table's header (and its title and caption) and CSV's header row;
    Markdown keeps its header row, without which it is no table."""
    out = out if out is not None else sys.stdout
    if not result.render:
        return
    if fmt == "table" and result.text is not None:
        out.write(result.text)
        return
    if fmt in ("table", "markdown") and result.layout is None:
        return
    if fmt == "json":
        # indented for a person on a terminal; compact (and written by the C encoder,
        # many times faster) for a pipe or a file, as gh does
        if is_tty(out):
            text = dumps(result.data, ensure_ascii=not _utf8(out), indent=2)
        else:
            text = dumps(result.data, ensure_ascii=not _utf8(out))
        out.write(text + "\n")
    elif fmt == "jsonl":
        ascii_only = not _utf8(out)
        for row in result.records():
            out.write(dumps(row, ensure_ascii=ascii_only) + "\n")
    elif fmt == "csv":
        out.write(to_csv(result.records(), result.columns(), headers=headers))
    elif fmt == "yaml":
        out.write(to_yaml(result.data))
    elif fmt == "markdown":
        assert result.layout is not None
        out.write(to_markdown(result.layout, footer if result.footer else None))
    elif fmt == "table":
        # deferred: the table layout (fit, cells, unicodedata: about 3 ms) for tables alone
        from .plain_tables import print_layout

        assert result.layout is not None
        print_layout(result.layout, out, footer if result.footer else None, headers=headers)
    else:  # pragma: no cover - check_format runs first
        raise UsageError(f"unknown format {fmt!r}")


def flat(value: Any) -> str:
    """A value in one CSV cell: lists and objects as JSON text, null as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return dumps(value)
    return str(value)


def to_csv(
    rows: list[dict[str, Any]], keys: list[str] | None = None, *, headers: bool = True
) -> str:
    """A header row (``keys``, else every key of the rows), then a row per record."""
    import csv  # deferred: it imports re (about 10 ms), for CSV alone

    if keys is None:
        keys = list({k: None for r in rows for k in r})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if headers and keys:
        w.writerow(keys)
    for r in rows:
        w.writerow([flat(r.get(k)) for k in keys])
    return buf.getvalue()


def to_yaml(data: Any) -> str:
    import yaml  # deferred: 20 ms, for YAML alone

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100))


# --------------------------------------------------------------------------- markdown


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_markdown(layout: Layout, footer: str | None) -> str:
    parts: list[str] = []
    _markdown(layout, parts)
    if footer:
        parts.append(f"_{_md(footer)}_\n")
    return "\n".join(parts)


def _markdown(layout: Layout, parts: list[str]) -> None:
    if isinstance(layout, Stack):
        for item in layout.items:
            _markdown(item, parts)
    elif isinstance(layout, Panel):
        lines = [f"### {_md(layout.title)}", "", "| field | value |", "| --- | --- |"]
        lines += [f"| {_md(k)} | {_md(v.text)} |" for k, v in layout.fields]
        parts.append("\n".join(lines) + "\n")
    elif isinstance(layout, Table):
        lines = []
        if layout.title:
            lines += [f"### {_md(layout.title)}", ""]
        shown = layout.shown()
        columns = [layout.columns[i] for i in shown]
        lines.append("| " + " | ".join(_md(c.header) for c in columns) + " |")
        lines.append(
            "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |"
        )
        for i, row in enumerate(layout.rows):
            if layout.sections.get(i):  # a labelled group ("" where a column names it)
                label = f"**{_md(layout.sections[i])}**"
                lines.append("| " + " | ".join([label] + [""] * (len(columns) - 1)) + " |")
            lines.append("| " + " | ".join(_md(row[j].text) for j in shown) + " |")
        if layout.caption:
            lines += ["", _md(layout.caption)]
        parts.append("\n".join(lines) + "\n")
