"""Errors the library raises, each with the CLI exit code it maps to."""

from __future__ import annotations

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Callable


def prog(command: str) -> str:
    """``genai models list``: the program and the command's path."""
    return f"genai {command}".rstrip()


def error_text(command: str, message: str) -> str:
    """The one style of every error: ``genai [command]: message``."""
    return f"{prog(command)}: {message}"


def usage_text(command: str, message: str) -> str:
    """A usage error (exit 2): the message and the one "Try" line. Both entry
    paths — the stdlib parser and typer — print usage errors with this."""
    return f"{error_text(command, message)}\nTry '{prog(command)} --help' for help."


def closest(word: str, candidates: list[str] | dict[str, str]) -> list[str]:
    """What ``word`` was probably meant to be, for "did you mean": the closest
    candidate (or the two that tie), only when it is close; nothing when it is
    not, or when three or more are equally close. A dict maps each candidate
    to what to suggest for it (a name to its record's id)."""
    import difflib  # deferred: it imports re (10 ms), for a suggestion alone

    pairs = candidates.items() if isinstance(candidates, dict) else ((c, c) for c in candidates)
    low = word.casefold()[:200]
    scored = sorted(
        ((difflib.SequenceMatcher(None, low, c.casefold()).ratio(), out) for c, out in pairs),
        key=lambda t: -t[0],
    )
    if not scored or scored[0][0] < 0.6:
        return []
    best = scored[0][0]
    out: list[str] = []
    for ratio, target in scored:
        if ratio < best - 0.02:
            break
        if target not in out:
            out.append(target)
    return out if len(out) <= 2 else []


def did_you_mean(word: str, candidates: list[str] | dict[str, str]) -> str:
    """``"; did you mean X?"`` when one candidate (or two) is close, else ``""``."""
    close = closest(word, candidates)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def choice(option: str, value: str, allowed: list[str] | tuple[str, ...]) -> str:
    """``value`` as one of the closed set ``allowed``, in any case; otherwise a
    :class:`UsageError` (exit 2) that lists them and suggests the close one."""
    folded = value.strip().casefold()
    for candidate in allowed:
        if candidate.casefold() == folded:
            return candidate
    raise UsageError(
        f"{option}: invalid choice {value!r}; expected one of: {', '.join(allowed)}"
        + did_you_mean(folded, list(allowed))
    )


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


class WriteError(GenaiError):
    """A file genai was asked to write that could not be written, nothing written
    (disk full, a read-only folder, a file or a dangling link where a folder
    should be): ``FILE: what is wrong``, exit 3 as for bad input to an import."""

    exit_code = 3


ABORT: Callable[[GenaiError], None] | None = None
"""Set by the program when the process is its own (``genai``, not a library's
caller): ends the process at once with the error's message and exit code. For
what cannot be stopped otherwise: a query SQLite cannot interrupt (called from
its watchdog thread; :func:`genai_cli.answers.sql.run_readonly`)."""


class QueryError(GenaiError):
    """A SQL query that failed, was refused or ran too long (exit 1)."""

    exit_code = 1


class Problem:
    """One thing wrong with a data file: ``FILE[:LINE]: message``."""

    __slots__ = ("file", "line", "message")

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message

    def _key(self) -> tuple[str, int, str]:
        return (self.file, self.line or 0, self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.line!r}, {self.message!r})"

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class DataError(GenaiError):
    """User data that fails validation (exit 3). Carries every problem found."""

    exit_code = 3

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem._key)
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the data")
