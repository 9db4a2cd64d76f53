"""What a command returns: its data, its rows and its human layout (stdlib only)."""

from __future__ import annotations

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any

    from .layout import Layout


class Result:
    """What a command returns: a JSON document, its rows and its human layout."""

    def __init__(
        self,
        data: Any,
        rows: list[dict[str, Any]] | None = None,
        layout: Layout | None = None,
        footer: bool = True,
        exit_code: int = 0,
        messages: list[str] | None = None,
        render: bool = True,
        text: str | None = None,
        keys: list[str] | None = None,
    ) -> None:
        self.data = data
        self.rows = rows
        self.layout = layout
        self.footer = footer
        self.exit_code = exit_code
        self.messages = messages or []  # printed on stderr after the output
        self.render = render
        self.text = text  # preformatted output for the table format (charts)
        self.keys = keys  # the CSV header even when no record matches

    def columns(self) -> list[str]:
        """The keys of the rows, in order: every key of any row, else :attr:`keys`."""
        out: dict[str, None] = {}
        for row in self.records():
            out.update(dict.fromkeys(row))
        return list(out) if out else list(self.keys or ())

    def records(self) -> list[dict[str, Any]]:
        if self.rows is not None:
            return self.rows
        if isinstance(self.data, list):
            return self.data
        return [self.data]
