"""Errors the library raises, each with the CLI exit code it maps to."""

from __future__ import annotations

from dataclasses import dataclass


class GenaiError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(GenaiError):
    """An id, name or alias that matches no record (exit 1)."""

    exit_code = 1

    def __init__(self, kind: str, text: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.text = text
        self.suggestions = suggestions or []
        shown = text if len(text) <= 60 else text[:57] + "..."
        msg = f"no {kind} matches {shown!r}"
        if self.suggestions:
            msg += "; did you mean " + " or ".join(self.suggestions[:3]) + "?"
        super().__init__(msg)


class UsageError(GenaiError):
    """A bad option value: a date like 2023-13, an unknown field or sort key (exit 2)."""

    exit_code = 2


class QueryError(GenaiError):
    """A SQL query that failed, was refused or ran too long (exit 1)."""

    exit_code = 1


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file: ``FILE[:LINE]: message``."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class DataError(GenaiError):
    """User data that fails validation (exit 3). Carries every problem found."""

    exit_code = 3

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the data")
