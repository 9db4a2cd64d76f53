"""The ``genai`` entry point: answer plain command lines without importing typer.

Start-up is most of a CLI's cost in scripts and loops. Importing typer (with
its vendored click) costs several times the interpreter's own start, and
rich and pydantic as much again. So the entry point parses the command line
with the stdlib (:mod:`.parser`), driven by ``spec.json`` — a spec *generated
from the typer app*, never written by hand — and calls the same runner, and
the same handler, the typer commands call. Anything the parser does not fully
understand (shell completion, a short option glued to its value, a command
whose options have callbacks) goes to typer, which parses it again and
answers exactly as it always would. ``--version`` and usage errors are
answered here, in the words typer's path uses too (:func:`genai_cli.core.errors.usage_text`);
a help page is typer's.
``GENAI_FAST=0`` sends everything to typer (for comparison and debugging).
"""

from __future__ import annotations

import gc
import io
import os
import sys

from ..core.errors import usage_text
from ..output.terminal import is_utf8
from . import runner
from .parser import parse, spec


class Closed(io.TextIOBase):
    """Stands for stdout or stderr when it was closed as genai started (``>&-``;
    Python makes it None): what is written to it is dropped, and noted
    (:attr:`written`), so that a command that had something to print on a closed
    stdout ends with exit 1 and says so on stderr, and one with stderr closed
    exits as it would have, without its messages."""

    encoding = "utf-8"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.written = False

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written = self.written or bool(text)
        return len(text)


def _closed_streams() -> None:
    """A standard stream closed when the process started becomes a :class:`Closed`,
    its descriptor taken by ``/dev/null`` (so that no file genai opens becomes it)."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                if devnull != fd:
                    os.dup2(devnull, fd)
                    os.close(devnull)
            except OSError:
                pass
            setattr(sys, name, Closed(name))


def _setup_stdio() -> None:
    """Never crash on a terminal that cannot show Chinese: degrade to '?'."""
    for stream in (sys.stdout, sys.stderr):
        if not is_utf8(stream) and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def _utf8_args(argv: list[str]) -> list[str]:
    """Under ``LANG=C`` Python decodes ``谷歌`` in argv as surrogate escapes;
    arguments are UTF-8 in practice, so decode them as such where they are."""
    out = []
    for arg in argv:
        try:
            out.append(arg.encode("utf-8", "surrogateescape").decode("utf-8"))
        except UnicodeError:
            out.append(arg)
    return out


def main(argv: list[str] | None = None) -> int:
    """The program (``argv``: the command line, by default the process's own)."""
    if argv is not None:  # called from Python: the caller's process, left as it is
        return _main(_utf8_args(list(argv)))
    # The process is the program's: a run is short and its records live until it
    # ends, so the cyclic collector would walk the imported catalogs (a million
    # objects) again and again for nothing, and once more at exit. Reference
    # counting still frees what is dropped.
    gc.disable()
    runner.KEEP = []  # freed by the end of the process, not before it
    _closed_streams()
    code = _main(_utf8_args(sys.argv[1:]))
    if isinstance(sys.stdout, Closed) and sys.stdout.written and code == 0:
        runner.say("genai: stdout is closed: the output could not be written")
        code = 1
    if "coverage" in sys.modules:  # a measured run saves its data at exit
        return code
    # Tearing down the interpreter would free every object one by one (tens of
    # milliseconds with imported catalogs) for a process that is ending: write
    # out what is buffered and end it now.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # the reader went away: say nothing
            runner.quiet_broken_pipe()
    os._exit(code)


def _main(argv: list[str]) -> int:
    try:
        _setup_stdio()
        parsed = parse(argv)
        if parsed is None or parsed.action == "help":
            # deferred, the boundary of the start-up path: typer, click and rich (about
            # 60 ms), for what the fast parser leaves to typer, help pages included
            from .app import run as typer_run

            return typer_run(argv)
        if parsed.action == "version":
            sys.stdout.write(runner.version_text())
            return 0
        if parsed.action == "error":
            runner.say(usage_text(parsed.command, parsed.message))
            return 2
        target = spec()["commands"][parsed.command]["handler"]
        code = runner.run(parsed.command, target, parsed.params, parsed.root)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        runner.say("\ngenai: interrupted")
        return 130
    except BrokenPipeError:
        runner.quiet_broken_pipe()
        return 0
    except Exception as exc:  # an import or start-up failure: still no traceback
        if os.environ.get("GENAI_DEBUG"):
            raise
        runner.say(f"genai: internal error: {type(exc).__name__}: {str(exc)[:200]}")
        return 1
