"""The one place that decides how a result is printed: one renderer per format.

``json``, ``jsonl``, ``csv`` and ``markdown`` are written with the stdlib;
``yaml`` imports PyYAML and ``table`` imports rich, only when asked for. JSON
never goes through rich.

Every text leaves here shown safely (:mod:`genai_cli.core.sanitise`): a table's,
a page's and Markdown's cells, titles, captions and footer, and CSV's cells,
with control characters as visible escapes (``\\x1b``, ``\\u202e``); JSON
and YAML with them as the format's own escapes, so that they read back the same.

JSON has no infinity: a non-finite number (``genai sql "SELECT 1e999"``) is
``null`` in JSON and JSON Lines (:func:`finite`); YAML writes ``.inf``, CSV
and tables ``inf``.
"""

from __future__ import annotations

import io
import sys

from ..core.errors import UsageError
from ..core.jsonio import dumps
from ..core.sanitise import has_unsafe, json_text, visible
from .layout import Panel, Stack, Table, made_safe
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
    if result.layout is not None and fmt in ("table", "markdown"):
        made_safe(result.layout)
    if footer is not None:
        footer = visible(footer, "")
    if fmt == "table" and result.text is not None:
        out.write(result.text)
        return
    if fmt in ("table", "markdown") and result.layout is None:
        return
    if fmt == "json":
        # indented for a person on a terminal; compact (and written by the C encoder,
        # many times faster) for a pipe or a file, as gh does
        indent = 2 if is_tty(out) else None
        text = json_dumps(result.data, ensure_ascii=not _utf8(out), indent=indent)
        out.write(json_text(text) + "\n")
    elif fmt == "jsonl":
        ascii_only = not _utf8(out)
        for row in result.records():
            out.write(json_text(json_dumps(row, ensure_ascii=ascii_only)) + "\n")
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


def json_dumps(value: Any, *, ensure_ascii: bool = False, indent: int | None = None) -> str:
    """``value`` as JSON text, and valid JSON: a non-finite number is ``null``
    (:func:`finite`), where Python would write ``Infinity`` or ``NaN``."""
    text = dumps(value, ensure_ascii=ensure_ascii, indent=indent)
    if "Infinity" in text or "NaN" in text:  # rare (or in a string): look closer
        text = dumps(finite(value), ensure_ascii=ensure_ascii, indent=indent)
    return text


def finite(value: Any) -> Any:
    """``value`` with every non-finite number (infinite, NaN) in it ``None``."""
    if isinstance(value, float):
        return value if value - value == 0 else None
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    return value


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
    rows: list[dict[str, Any]],
    keys: list[str] | None = None,
    *,
    headers: bool = True,
    shown: bool = True,
) -> str:
    """A header row (``keys``, else every key of the rows), then a row per record;
    ``shown``: to be printed, control characters as visible escapes (tab and
    newline kept: CSV quotes them), else (a file of ``genai export``) as they are."""
    import csv  # deferred: it imports re (about 10 ms), for CSV alone

    if keys is None:
        keys = list({k: None for r in rows for k in r})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if shown:
        if headers and keys:
            w.writerow([visible(k, "\n\t") for k in keys])
        for r in rows:
            w.writerow([visible(flat(r.get(k)), "\n\t") for k in keys])
        return buf.getvalue()
    if headers and keys:
        w.writerow(keys)
    for r in rows:
        w.writerow([flat(r.get(k)) for k in keys])
    return buf.getvalue()


def to_yaml(data: Any, *, allow_unicode: bool = True) -> str:
    """YAML text of ``data`` in which a control character is always an escape: a
    string holding one is double-quoted, the one YAML style with escapes."""
    import yaml  # deferred: 20 ms, for YAML alone

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    options: dict[str, Any] = {"allow_unicode": allow_unicode, "sort_keys": False, "width": 100}
    text = str(yaml.dump(data, Dumper=dumper, **options))
    if json_text(text) == text:  # nothing raw (YAML escapes C0, DEL and C1 itself)
        return text

    class Quoting(dumper):  # type: ignore[misc,valid-type]
        """The dumper, double-quoting a string that holds a control character."""

    def quoted(d: Any, s: str) -> Any:
        style = '"' if has_unsafe(s) else None
        return d.represent_scalar("tag:yaml.org,2002:str", s, style=style)

    Quoting.add_representer(str, quoted)
    # what libyaml leaves raw in a double-quoted string (bidi controls, which YAML
    # counts printable), as the \\u escapes YAML reads back as the same text
    return json_text(str(yaml.dump(data, Dumper=Quoting, **options)))


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
