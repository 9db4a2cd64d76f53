"""The README and the reference stay true: the set-up commands, the examples
and their output, the bad-input table and the counts.

    python tests/test_readme.py --update    # rewrite the console blocks' output
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import load_yaml

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
REFERENCE = ROOT / "docs" / "reference.md"
DOCS = (README, REFERENCE)
"""The pages whose examples are run: the README and the reference."""
CONSOLE = re.compile(r"```console\n\$ (genai [^\n]*)\n(.*?)```", re.S)


BEGIN, END = "<!-- catalogs: begin", "<!-- catalogs: end -->"


def genai(
    cmdline: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    both = cmdline.endswith(" 2>&1")
    args = shlex.split(cmdline.removesuffix(" 2>&1"))
    assert args[0] == "genai"
    env = env or {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GENAI_") and k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")
    }
    r = subprocess.run(
        [sys.executable, "-m", "genai_cli", *args[1:]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )
    if both:  # the block shows stderr too (a summary), after stdout
        r.stdout += r.stderr
    return r


def _regions(text: str) -> tuple[str, str]:
    """The README without the catalog examples, and the catalog examples."""
    head, _, rest = text.partition(BEGIN)
    body, _, tail = rest.partition(END)
    return head + tail, body


def _catalog_env(tmp: Path) -> tuple[Path, dict[str, str]]:
    """A folder beside the four wheels, and an environment with private data and
    cache folders."""
    wheels = Path(os.environ["GENAI_CATALOG_WHEELS"])
    for w in wheels.glob("*.whl"):
        (tmp / w.name).symlink_to(w)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GENAI_", "XDG_")) and k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")
    }
    env.update(GENAI_CACHE_DIR=str(tmp / "cache"), XDG_DATA_HOME=str(tmp / "xdg"))
    return tmp, env


def _run_catalog_blocks(tmp: Path) -> list[tuple[str, str, str]]:
    """``(command, shown in the README, real output)`` for each catalog example, in order."""
    cwd, env = _catalog_env(tmp)
    _, body = _regions(README.read_text(encoding="utf-8"))
    out = []
    for m in CONSOLE.finditer(body):
        r = genai(m.group(1), cwd=cwd, env=env)
        assert r.returncode == 0, (m.group(1), r.stderr)
        out.append((m.group(1), m.group(2), shown(r.stdout)))
    return out


def shown(stdout: str) -> str:
    return "\n".join(line.rstrip() for line in stdout.rstrip("\n").splitlines()) + "\n"


COUNTS = re.compile(r"^\| (\w+)( \(registry\))? \|((?: \d+ \|)+)$", re.M)
COVERAGE = re.compile(r"held: \*\*(\d+) of (\d+)\*\* \((\d+)%\)")


def _counts() -> dict[str, tuple[int, ...]]:
    """Records per kind and, per kind, how many rest on a primary source, on
    secondary ones only, and on the report alone (the derived ``verification``)."""
    from genai_cli import load_catalog
    from genai_cli.dataset.registry import LIST_KINDS

    cat = load_catalog(bundled_only=True)
    out: dict[str, tuple[int, ...]] = {}
    for kind in LIST_KINDS:
        rows = cat.outputs(kind, cat.compact(kind))
        tally = [sum(r["verification"] == v for r in rows) for v in VERIFICATION]
        out[kind] = (len(rows), *tally)
    out["sources"] = (len(cat.records("sources")),)
    return out


VERIFICATION = ("primary", "secondary", "report only")


def _coverage() -> tuple[int, int, int]:
    """The report's checkable facts held, of all (tests/coverage/report_facts.yaml)."""

    facts = load_yaml((ROOT / "tests" / "coverage" / "report_facts.yaml").read_text("utf-8"))
    held = sum(1 for f in facts if f.get("held_by"))
    return held, len(facts), round(100 * held / len(facts))


def update() -> None:
    """Rewrite every console block's output and the counts table from the real program
    (the catalog examples too, when GENAI_CATALOG_WHEELS names the four wheels)."""
    for page in DOCS:
        _update(page)


def _update(page: Path) -> None:
    import tempfile

    text = page.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    body, _, tail = rest.partition(END)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_DATA_HOME": tmp, "GENAI_CACHE_DIR": tmp}
        env = {k: v for k, v in env.items() if k not in ("GENAI_DATA_DIR", "NO_COLOR", "COLUMNS")}

        def fill(m: re.Match[str]) -> str:
            return f"```console\n$ {m.group(1)}\n{shown(genai(m.group(1), env=env).stdout)}```"

        head, tail = CONSOLE.sub(fill, head), CONSOLE.sub(fill, tail)
    if os.environ.get("GENAI_CATALOG_WHEELS"):
        with tempfile.TemporaryDirectory() as tmp:
            real = iter(_run_catalog_blocks(Path(tmp)))
            body = CONSOLE.sub(lambda m: f"```console\n$ {m.group(1)}\n{next(real)[2]}```", body)
    text = head + BEGIN + body + END + tail if BEGIN in text else head
    counts = _counts()
    text = COUNTS.sub(
        lambda m: (
            f"| {m.group(1)}{m.group(2) or ''} |" + "".join(f" {n} |" for n in counts[m.group(1)])
        ),
        text,
    )
    held, total, percent = _coverage()
    text = COVERAGE.sub(f"held: **{held} of {total}** ({percent}%)", text)
    page.write_text(text, encoding="utf-8")


def test_setup_commands_and_ci_agree() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(python3 -m venv[^\n]*)\n```", text)
    assert len(blocks) == 2, "the README opens with two set-up commands"
    run_cmd, test_cmd = blocks
    assert "pip install ." in run_cmd and "genai " in run_cmd
    tail = test_cmd.split("activate && ", 1)[1]
    assert tail == "pip install -e '.[test]' && pytest"
    assert tail in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_run_command_works() -> None:
    cmd = README.read_text(encoding="utf-8").split("```sh\n", 1)[1].split("\n", 1)[0]
    r = genai(cmd.split("&& ")[-1])
    assert r.returncode == 0 and "gpt-4" in r.stdout


def _console_blocks() -> list[tuple[str, str, str]]:
    """``(page, command, output shown)`` for each console block outside the catalog
    examples."""
    out = []
    for page in DOCS:
        text, _ = _regions(page.read_text(encoding="utf-8"))
        out += [(page.name, m.group(1), m.group(2)) for m in CONSOLE.finditer(text)]
    return out


@pytest.mark.parametrize(("page", "cmdline", "output"), _console_blocks())
def test_console_examples_show_their_real_output(page: str, cmdline: str, output: str) -> None:
    r = genai(cmdline)
    assert r.returncode == 0, r.stderr
    assert output == shown(r.stdout), f"{page}: run python tests/test_readme.py --update"


@pytest.mark.skipif(
    not os.environ.get("GENAI_CATALOG_WHEELS"),
    reason="set GENAI_CATALOG_WHEELS to a folder of the four catalog wheels",
)
def test_catalog_examples_show_their_real_output(tmp_path: Path) -> None:
    """The catalog section's commands, in order, on the real wheels."""
    runs = _run_catalog_blocks(tmp_path)
    assert len(runs) >= 8
    for cmdline, in_readme, real in runs:
        assert in_readme == real, (
            f"{cmdline}: run GENAI_CATALOG_WHEELS=... tests/test_readme.py --update"
        )


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def _run_python(block: str, folder: Path) -> None:
    """Run a README Python block as written, with ``folder`` as the data folder,
    evaluating each line that is an expression; the output a block shows last
    (``# [...]``) must be what its last expression gives."""
    script = (
        "import ast\n"
        f"tree = ast.parse({block!r})\n"
        "ns = {}\n"
        "last = None\n"
        "for node in tree.body:\n"
        "    if isinstance(node, ast.Expr):\n"
        "        last = eval(compile(ast.Expression(node.value), '<readme>', 'eval'), ns)\n"
        "    else:\n"
        "        exec(compile(ast.Module([node], []), '<readme>', 'exec'), ns)\n"
        "print(repr(last))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GENAI_")}
    env["GENAI_DATA_DIR"] = str(folder)
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    assert r.returncode == 0, r.stderr
    shown = re.findall(r"^# (\[.*\]|'.*'|\d+)$", block, re.M)
    if shown:
        assert r.stdout.strip() == shown[-1], (block, r.stdout)


def test_the_python_examples_run(tmp_path: Path) -> None:
    blocks = [b for b in _python_blocks() if "offerings" not in b]
    assert blocks
    for block in blocks:
        _run_python(block, tmp_path)


@pytest.mark.skipif(
    not os.environ.get("GENAI_CATALOG_WHEELS"),
    reason="set GENAI_CATALOG_WHEELS to a folder of the four catalog wheels",
)
def test_python_catalog_examples_run(real_dir: Path) -> None:
    """The README's Python catalog example, on the four real catalogs."""
    blocks = [b for b in _python_blocks() if "offerings" in b]
    assert blocks
    for block in blocks:
        _run_python(block, real_dir)


def _sh_examples() -> list[str]:
    text = "".join(page.read_text(encoding="utf-8") for page in DOCS)
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        lines += [line for line in block.splitlines() if line.startswith("genai ")]
    return lines


@pytest.mark.parametrize("line", _sh_examples())
def test_shell_examples_run(line: str) -> None:
    cmd = re.split(r"\s[|>]\s", line)[0]
    r = genai(cmd)
    assert r.returncode == 0, r.stderr


def _bad_rows() -> list[tuple[str, str, int]]:
    text = REFERENCE.read_text(encoding="utf-8").split("### Bad input", 1)[1].split("\n\n", 3)[2]
    rows = []
    for line in text.splitlines():
        m = re.match(r"\| `(genai [^`]*)` \| `(.*)` \| (\d+) \|$", line)
        if m:
            rows.append((m.group(1), m.group(2), int(m.group(3))))
    return rows


def test_the_bad_input_table_has_rows() -> None:
    assert len(_bad_rows()) >= 20


@pytest.mark.parametrize(("cmdline", "message", "code"), _bad_rows())
def test_bad_input_table_is_true(cmdline: str, message: str, code: int) -> None:
    r = genai(cmdline)
    assert r.returncode == code, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    expected = message.replace("\\|", "|")
    if expected.endswith("..."):
        expected = expected[:-3]
    flat = " ".join(r.stderr.replace("│", " ").split())
    assert " ".join(expected.split()) in flat


def test_counts_table_matches_the_data() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    counts = {
        m.group(1): tuple(int(n) for n in m.group(3).strip(" |").split(" | "))
        for m in COUNTS.finditer(text)
    }
    assert counts == _counts(), "run: python tests/test_readme.py --update"


def test_coverage_figure_matches_the_inventory() -> None:
    found = COVERAGE.search(REFERENCE.read_text(encoding="utf-8"))
    assert found is not None
    assert tuple(int(g) for g in found.groups()) == _coverage()


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()
        print(f"updated {', '.join(str(p) for p in DOCS)}")
