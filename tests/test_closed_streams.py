"""A closed stdout or stderr (``genai ... >&-``, ``2>&-``): never a traceback, the
exit code the command would have had, messages never on the wrong stream.

With stdout closed, a command that had something to print ends with exit 1
and says so on stderr; one that had nothing to print (an import, an error)
keeps its own exit code. With stderr closed, the output and the exit code are
those of an open stderr, and the messages are dropped, never written on stdout.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import genai_cli

from conftest import FIXTURE_FILES, PYTHON

SRC = str(Path(genai_cli.__file__).resolve().parents[1])


def closed(args: list[str], redirect: str, data: Path) -> subprocess.CompletedProcess[str]:
    """``genai ARGS`` run by a shell with ``redirect`` (``>&-``, ``2>&-``)."""
    env = {**os.environ, "PYTHONPATH": SRC, "GENAI_DATA_DIR": str(data)}
    return subprocess.run(
        ["sh", "-c", f'exec "$0" -m genai_cli "$@" {redirect}', PYTHON, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


STDOUT_CLOSED = [
    (["models", "list", "--vendor", "openai"], 1, "genai: stdout is closed"),
    (["--version"], 1, "genai: stdout is closed"),
    (["models", "show", "nope"], 1, "no model matches 'nope'"),
    (["models", "list", "--bogus"], 2, "no such option: --bogus"),
    (["import", "helm", str(FIXTURE_FILES["helm"])], 0, "imported helm"),
]


@pytest.mark.parametrize(("args", "code", "said"), STDOUT_CLOSED, ids=lambda a: str(a)[:30])
def test_stdout_closed(args: list[str], code: int, said: str, tmp_path: Path) -> None:
    r = closed(args, ">&-", tmp_path)
    assert (r.returncode, r.stdout) == (code, "")
    assert said in r.stderr and "Traceback" not in r.stderr and "internal error" not in r.stderr


def test_stderr_closed(tmp_path: Path) -> None:
    """The output and the exit code as with stderr open; no message on stdout."""
    ok = closed(["models", "list", "--vendor", "openai"], "2>&-", tmp_path)
    assert ok.returncode == 0 and ok.stdout.startswith(" ID ") and "Data:" not in ok.stdout
    for args, code in ((["models", "show", "nope"], 1), (["models", "list", "--bogus"], 2)):
        r = closed(args, "2>&-", tmp_path)
        assert (r.returncode, r.stdout) == (code, "")
    both = closed(["models", "list"], ">&- 2>&-", tmp_path)
    assert (both.returncode, both.stdout, both.stderr) == (1, "", "")
