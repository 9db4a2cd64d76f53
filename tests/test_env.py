"""The real program in real environments: pipes, colour, width, encodings,
no HOME, closed streams, Ctrl-C, and eight copies at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import on_a_terminal as terminal

GENAI = [sys.executable, "-m", "genai_cli"]


def run(
    args: list[str], env_extra: dict[str, str | None] | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GENAI_")
        and k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS")
    }
    for k, v in (env_extra or {}).items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return subprocess.run(
        [*GENAI, *args], capture_output=True, text=True, env=env, timeout=60, **kw
    )  # type: ignore[call-overload, no-any-return]


def test_piping_into_head_ends_quietly() -> None:
    for args in (
        ["models", "list"],
        ["models", "list", "--json"],
        ["timeline", "--format", "jsonl"],
    ):
        p = subprocess.run(
            ["bash", "-o", "pipefail", "-c", " ".join([*GENAI, *args]) + " | head -n 1"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert p.returncode == 0, p.stderr
        assert only_footer(p.stderr) and len(p.stdout.splitlines()) == 1 and p.stdout.strip()


def test_output_into_a_closed_pipe() -> None:
    p = subprocess.run(
        [
            "bash",
            "-c",
            " ".join([*GENAI, "models", "list", "--json"]) + " | true; echo ${PIPESTATUS[0]}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.stdout.strip() == "0" and "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr


def test_no_ansi_when_piped_colour_when_forced_and_no_color_wins() -> None:
    assert "\x1b[" not in run(["models", "list"]).stdout
    assert "\x1b[" in run(["models", "list"], {"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run(["models", "list"], {"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run(["models", "show", "gpt-4"], {"TERM": "dumb"}).stdout


def on_a_terminal(args: list[str], env_extra: dict[str, str]) -> str:
    """What genai writes to a pseudo-terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CLICOLOR")}
    env.update(COLUMNS="100", TERM="xterm", **env_extra)
    return terminal(args, env)[1].decode("utf-8", "replace")


def test_clicolor_and_clicolor_force() -> None:
    # https://bixense.com/clicolors/: CLICOLOR=0 no colour on a terminal,
    # CLICOLOR_FORCE other than 0 colour even piped; NO_COLOR wins over both
    assert "\x1b[" in on_a_terminal(["models", "list"], {})
    assert "\x1b[" not in on_a_terminal(["models", "list"], {"CLICOLOR": "0"})
    assert "\x1b[" not in on_a_terminal(["models", "list"], {"NO_COLOR": "1"})
    assert "\x1b[" in run(["models", "list"], {"CLICOLOR_FORCE": "1"}).stdout
    assert "\x1b[" not in run(["models", "list"], {"CLICOLOR_FORCE": "0"}).stdout
    assert "\x1b[" not in run(["models", "list"], {"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}).stdout


def test_the_help_names_every_environment_variable_genai_reads() -> None:
    import re

    from genai_cli.core.environment import VARIABLES

    src = Path(__file__).parents[1] / "src" / "genai_cli"
    read = set()
    for f in src.rglob("*.py"):
        read |= set(
            re.findall(
                r"\b(GENAI_[A-Z_]+|NO_COLOR|FORCE_COLOR|CLICOLOR(?:_FORCE)?)\b", f.read_text()
            )
        )
    listed = {name for name, _ in VARIABLES}
    assert read - {"GENAI_COMPLETE"} <= listed  # _GENAI_COMPLETE: the shell's completion hook
    top = run(["--help"], {"COLUMNS": "100"}).stdout
    for name in listed:
        assert name in top, name


@pytest.mark.parametrize("columns", ["20", "400"])
def test_narrow_and_wide_columns(columns: str) -> None:
    p = run(["models", "show", "gpt-4"], {"COLUMNS": columns})
    assert p.returncode == 0 and only_footer(p.stderr)
    assert "GPT-4" in p.stdout
    p = run(["timeline"], {"COLUMNS": columns})
    assert p.returncode == 0 and only_footer(p.stderr)
    assert "Transformer" in p.stdout and "2023" in p.stdout  # columns stay readable, lines wrap


def test_piped_lists_keep_every_value_whole() -> None:
    out = run(["models", "list", "--fields", "id,description"]).stdout
    assert "…" not in out
    longest = max(
        json.loads(run(["models", "list", "--json"]).stdout),
        key=lambda m: len(m["description"] or ""),
    )
    assert longest["description"] in out


def test_a_piped_page_takes_the_width_of_the_terminal_stderr_is_on() -> None:
    """Issue 19: `genai models show X | less` laid the page out 100 columns wide
    whatever the terminal; it takes the width of the terminal stderr is on, a list
    still runs as wide as it is, and COLUMNS still wins."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 60, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "GENAI_DATA_DIR")}

        def widest(args: list[str], **extra: str) -> int:
            p = subprocess.run(
                [sys.executable, "-m", "genai_cli", *args],
                stdout=subprocess.PIPE,
                stderr=slave,
                env={**env, **extra},
                text=True,
                check=True,
            )
            return max(len(line) for line in p.stdout.splitlines())

        assert widest(["models", "show", "gpt-4"]) == 60
        assert widest(["models", "show", "gpt-4"], COLUMNS="90") == 90
        assert widest(["models", "list", "--fields", "id,description"]) > 60  # a list: whole
    finally:
        os.close(master)
        os.close(slave)
    p = run(["models", "show", "gpt-4"])  # stderr piped too: the default width
    assert max(len(line) for line in p.stdout.splitlines()) == 100


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": None},
    ],
)
def test_an_ascii_terminal_degrades_chinese_never_crashes(env: dict[str, str | None]) -> None:
    p = run(["vendors", "list"], env)
    assert p.returncode == 0, p.stderr
    assert "google" in p.stdout
    p = run(["vendors", "show", "谷歌", "--json"], env)
    assert p.returncode == 0 and json.loads(p.stdout)["name_zh"] == "谷歌"  # escaped, lossless
    p = run(["models", "show", "no-such-模型"], env)
    assert p.returncode == 1 and "Traceback" not in p.stderr


def test_stdin_closed_or_empty() -> None:
    p = subprocess.run(
        ["bash", "-c", " ".join([*GENAI, "risks"]) + " 0<&-"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0 and "Traceback" not in p.stderr
    assert run(["risks"], stdin=subprocess.DEVNULL).returncode == 0


def test_no_home_and_an_unwritable_cache(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "models.yaml").write_text(
        "- id: acme\n  name: Acme\n  vendor: meta\n  sources: [{title: t}]\n"
    )
    p = run(
        ["--data-dir", str(tmp_path / "data"), "models", "show", "acme", "--json"],
        {"HOME": None, "XDG_CACHE_HOME": None},
    )
    assert p.returncode == 0 and only_footer(p.stderr)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        p = run(
            ["--data-dir", str(tmp_path / "data"), "models", "show", "acme"],
            {"GENAI_CACHE_DIR": str(locked / "c")},
        )
        assert p.returncode == 0 and only_footer(p.stderr)
    finally:
        locked.chmod(0o700)


def test_ctrl_c_exits_130_with_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
    env["GENAI_SQL_TIMEOUT"] = "60"
    query = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    p = subprocess.Popen(
        [*GENAI, "sql", query], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 130
    assert err.strip() == "genai: interrupted" and out == ""


def test_eight_runs_in_parallel_agree(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    records = [
        {"id": f"m{i}", "name": f"M {i}", "vendor": "meta", "sources": [{"title": "t"}]}
        for i in range(2000)
    ]
    (data / "models.json").write_text(json.dumps(records))
    env = {"GENAI_CACHE_DIR": str(tmp_path / "cache")}
    args = ["--data-dir", str(data), "models", "list", "--vendor", "meta", "--json"]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: run(args, env), range(8)))
    assert {r.returncode for r in results} == {0}
    assert len({r.stdout for r in results}) == 1
    assert len(json.loads(results[0].stdout)) > 2000
    assert len(list((tmp_path / "cache").glob("userdata-*.json"))) == 1
    assert list((tmp_path / "cache").glob("*.tmp")) == []
    assert run(args, env).stdout == results[0].stdout  # and from the cache, the same


def only_footer(stderr: str) -> bool:
    """Nothing on stderr but the dataset footer piped tables put there."""
    return all(line.startswith("Data: ") for line in stderr.splitlines())
