"""Hostile text: control sequences in imported catalogs and user files never reach
the terminal raw, through any command, in any format, piped or on a terminal.

A data folder is made with three crafted catalogs (models.dev, LiteLLM from a
wheel whose ``Version:`` is hostile too, HELM) and a user's own files whose
names, ids, providers, descriptions and sources carry an xterm title (OSC 0),
a clear screen (CSI 2J), an OSC 8 hyperlink, a C1 CSI, DEL and bidi overrides.
Then every command the spec lists (:data:`ARGS` names the arguments of those
that need them; a command missing from it fails the test) runs in every format
it has; no raw control character may reach stdout or stderr: a table shows
``\\x1b`` and ``\\u202e``, JSON and YAML escape them.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from genai_cli.cli.parser import spec

from conftest import PYTHON, on_a_terminal, run_fast

OSC_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
C1 = "\x9b31m\x9d0;t\x9c"
BIDI = "\u202eevil\u202c\u2066x\u2069\u200f"
HOSTILE = f"{OSC_TITLE}{CLEAR}{LINK}{C1}\x7f{BIDI}\r\x08\x00"
"""Every kind of control a terminal acts on, in one string."""
ARGV = HOSTILE.replace("\x00", "")
"""The same on a command line (which cannot hold a NUL)."""

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What must never be printed raw: C0 but tab and newline, DEL, C1, bidi controls."""
SGR = re.compile(r"\x1b\[[0-9;]*m")
"""genai's own colours (rich's and the charts'), the only escapes it writes itself."""


def raw_controls(text: str) -> list[str]:
    """The raw control characters in ``text``, genai's own colour codes aside."""
    return RAW.findall(SGR.sub("", text))


# --------------------------------------------------------------------------- the data


def _models_dev() -> dict[str, Any]:
    model = {
        "name": f"Hostile {HOSTILE}",
        "release_date": "2024-01-02",
        "last_updated": "2024-02-03",
        "limit": {"context": 8192, "output": 1024},
        "cost": {"input": 1, "output": 2},
        "modalities": {"input": ["text", f"image{HOSTILE}"], "output": ["text"]},
        "open_weights": True,
    }
    return {
        f"evilhost{CLEAR}": {
            "id": "evilhost",
            "name": f"Evil host {HOSTILE}",
            "doc": f"https://evil.example/{HOSTILE}",
            "models": {f"mdx-1{HOSTILE}": model, "mdx-2": {**model, "name": "plain"}},
        },
        "openai": {
            "id": "openai",
            "name": "OpenAI",
            "models": {"gpt-4": {**model, "name": f"GPT-4 {HOSTILE}"}},
        },
    }


def _litellm() -> dict[str, Any]:
    entry = {
        "litellm_provider": f"evilhost{OSC_TITLE}",
        "mode": f"chat{CLEAR}",
        "input_cost_per_token": 1e-06,
        "output_cost_per_token": 2e-06,
        "max_input_tokens": 16000,
        "max_output_tokens": 2000,
    }
    return {f"evilhost/llx-1{HOSTILE}": entry, "gpt-4": {**entry, "litellm_provider": "openai"}}


def _helm() -> str:
    def q(text: str) -> str:  # a YAML double-quoted scalar (JSON's escapes are YAML's)
        return json.dumps(text)

    return (
        "models:\n"
        f"  - name: {q('evilorg/helmx-1' + CLEAR)}\n"
        f"    display_name: {q('Helm X ' + HOSTILE)}\n"
        f"    description: {q('A model whose description says ' + HOSTILE)}\n"
        f"    creator_organization_name: {q('Evil Org ' + HOSTILE)}\n"
        "    access: open\n"
        "    num_parameters: 7000000000\n"
        "    release_date: 2024-03-04\n"
        "    tags: [TEXT_MODEL_TAG]\n"
    )


def _wheel(path: Path) -> Path:
    """A LiteLLM wheel whose METADATA's ``Version:`` carries the hostile text."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("litellm/model_prices_and_context_window_backup.json", json.dumps(_litellm()))
        zf.writestr(
            "litellm-9.9.9.dist-info/METADATA",
            f"Metadata-Version: 2.1\nName: litellm\nVersion: 9.9.9{OSC_TITLE}{BIDI}\n\n",
        )
    return path


def _user_files(folder: Path) -> None:
    def q(text: str) -> str:
        return json.dumps(text)

    sources = (
        f"    sources:\n      - title: {q('Source ' + HOSTILE)}\n"
        f"        quote: {q('Quote ' + HOSTILE)}\n        note: {q('Note ' + HOSTILE)}\n"
        "        url: https://example.com/hostile\n"
    )
    (folder / "models").mkdir(parents=True)
    (folder / "models" / "hostile.yaml").write_text(
        "- id: hostile-user\n"
        f"  name: {q('User model ' + HOSTILE)}\n"
        "  vendor: hostile-lab\n"
        '  released: "2024-05"\n'
        "  parameters: 7000000000\n"
        "  context_window: 32000\n"
        f"  description: {q('Described ' + HOSTILE)}\n"
        f"  features: [{q('Feature ' + HOSTILE)}]\n" + sources.replace("    ", "  ", 1),
        encoding="utf-8",
    )
    (folder / "vendors.yaml").write_text(
        "- id: hostile-lab\n"
        f"  name: {q('Lab ' + HOSTILE)}\n"
        "  type: company\n"
        f"  description: {q('A lab ' + HOSTILE)}\n" + sources.replace("    ", "  ", 1),
        encoding="utf-8",
    )
    (folder / "benchmarks.yaml").write_text(
        "- id: hostile-bench\n"
        f"  name: {q('Bench ' + HOSTILE)}\n"
        "  category: knowledge\n"
        "  metric: accuracy\n"
        '  unit: "%"\n'
        f"  description: {q('A bench ' + HOSTILE)}\n" + sources.replace("    ", "  ", 1),
        encoding="utf-8",
    )
    (folder / "scores.yaml").write_text(
        "- model: hostile-user\n"
        "  benchmark: hostile-bench\n"
        "  value: 55.5\n"
        '  unit: "%"\n'
        f"  setting: {q('5-shot ' + HOSTILE)}\n" + sources.replace("    ", "  ", 1),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A data folder with the crafted catalogs imported (by the real ``genai import``)
    and the user's hostile files, the files imported, and what the imports printed."""
    base = tmp_path_factory.mktemp("hostile")
    (base / "in").mkdir()
    files = {
        "models.dev": base / "in" / "api.json",
        "litellm": _wheel(base / "in" / "litellm-9.9.9-py3-none-any.whl"),
        "helm": base / "in" / "model_metadata.yaml",
    }
    files["models.dev"].write_text(json.dumps(_models_dev()), encoding="utf-8")
    files["helm"].write_text(_helm(), encoding="utf-8")
    folder = base / "data"
    _user_files(folder)
    runs = {}
    for name, path in files.items():
        runs[name] = run_fast("--data-dir", str(folder), "import", name, str(path))
        assert runs[name].exit_code == 0, runs[name].stderr
    return {"folder": folder, "files": files, "imports": runs, "base": base}


def _ids(folder: Path) -> dict[str, str]:
    """The ids the catalogs' hostile models got (made from their cleaned ids)."""
    r = run_fast("--data-dir", str(folder), "models", "list", "--json")
    models = json.loads(r.stdout)
    by_name = {m["name"].split(" ")[0]: m["id"] for m in models if m.get("name")}
    vendor = next(m["vendor"] for m in models if m["id"].startswith("helmx-1"))
    return {"mdx": by_name["Hostile"], "helm": by_name["Helm"], "helm_vendor": vendor}


def _args(command: str, ids: dict[str, str]) -> list[list[str]]:
    """The argument lists each command runs with (None: it is run elsewhere)."""
    table: dict[str, list[list[str]]] = {
        "architectures show": [["transformer"]],
        "benchmarks show": [["hostile-bench"]],
        "chart benchmark": [["hostile-bench"]],
        "compare": [["hostile-user", "gpt-4", ids["helm"], ids["mdx"]]],
        "export": [["-o", "-", "-f", "json"], ["-o", "-", "-f", "yaml"]],
        "fields": [["models"]],
        "models list": [[], ["--vendor", "hostile-lab", "--fields", "id,name,description"]],
        "models show": [["hostile-user"], ["gpt-4"], [ids["helm"]], [ids["mdx"]]],
        "offerings": [[], ["hostile-user"], [ids["mdx"]]],
        "search": [["Hostile"], ["pwned"], ["Described"]],
        "sql": [
            ["select id, name, description from models where id like 'h%' or id like 'mdx%'"],
            [f"select '{ARGV}' as x"],  # the query's own text
        ],
        "vendors show": [["hostile-lab"], [ids["helm_vendor"]]],
        "scores list": [[], ["--benchmark", "hostile-bench"]],
    }
    return table.get(command, [[]])


SPECIAL = {"import", "catalogs remove"}
"""Commands that change the data folder: run by their own test below."""


FEWER = {"validate": ("table", "json"), "export": ("table",)}
"""Commands whose output holds no catalog or user text (a valid folder's ``validate``:
its problems are printed in :func:`test_errors_print_no_raw_control`) or does
not depend on colour (``export -o -``), walked in fewer ways: they are slow."""


def _formats(command: str) -> list[tuple[str, list[str], dict[str, str]]]:
    """Each way a command's output is printed: (label, options, environment)."""
    params = {p["name"]: p for p in spec()["commands"][command]["params"]}
    choices = params["format"]["choices"] if "format" in params else ["table"]
    out = []
    for fmt in choices:
        opts = ["--format", fmt] if "format" in params else []
        out.append((fmt, opts, {}))
        if fmt == "table":  # in colour, through rich, as on a terminal
            out.append(("table (colour)", opts, {"FORCE_COLOR": "1", "COLUMNS": "90"}))
    return [f for f in out if f[0] in FEWER.get(command, (f[0],))]


def leaks(
    folder: Path, command: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Each format in which ``genai COMMAND ARGS`` prints a raw control character."""
    found = []
    for label, opts, env in _formats(command):
        with monkeypatch.context() as mp:
            for k, v in env.items():
                mp.setenv(k, v)
            r = run_fast("--data-dir", str(folder), *command.split(), *args, *opts)
        assert "internal error" not in r.stderr, r.stderr
        bad = raw_controls(r.stdout) + raw_controls(r.stderr)
        if bad:
            found.append(f"{command} {' '.join(args)[:40]} [{label}]: {sorted(set(bad))}")
    return found


COMMANDS = sorted(spec()["commands"])


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - SPECIAL))
def test_no_raw_control_reaches_the_output(
    command: str, hostile: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = hostile["folder"]
    ids = _ids(folder)
    found = []
    for args in _args(command, ids):
        found += leaks(folder, command, args, monkeypatch)
    assert not found, "\n".join(found)


def test_every_command_is_walked() -> None:
    """The walk covers the spec: a new command is walked, or named here as run below."""
    walked = set(COMMANDS) - SPECIAL
    assert walked | SPECIAL == set(spec()["commands"])
    assert len(walked) >= 30


def test_import_and_remove_print_no_raw_control(
    hostile: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``genai import`` (its summary in every format, a hostile wheel ``Version:``)
    and ``genai catalogs remove``, in a data folder whose own name is hostile."""
    runs = dict(hostile["imports"])
    assert "cleaned" in runs["models.dev"].stderr  # ids, providers, names, versions
    folder = hostile["base"] / f"again{CLEAR}{BIDI}"
    for label, opts, env in _formats("import"):
        with monkeypatch.context() as mp:
            for k, v in env.items():
                mp.setenv(k, v)
            for name in ("litellm", "helm"):
                path = str(hostile["files"][name])
                runs[f"{name} {label}"] = run_fast(
                    "--data-dir", str(folder), "import", name, path, *opts
                )
    for label, opts, _ in _formats("catalogs remove"):
        runs[f"remove {label}"] = run_fast(
            "--data-dir", str(folder), "catalogs", "remove", "helm", *opts
        )
        run_fast("--data-dir", str(folder), "import", "helm", str(hostile["files"]["helm"]))
    bad = {k: raw_controls(r.stdout + r.stderr) for k, r in runs.items()}
    assert not {k: v for k, v in bad.items() if v}
    assert all("internal error" not in r.stderr for r in runs.values())
    head = json.loads(runs["litellm json"].stdout)
    assert head["version"] == "9.9.9]0;pwnedevilx"  # cleaned where it was read
    assert head["cleaned"] == {
        f"{what}: control characters removed": n
        for what, n in (("id", 1), ("key", 1), ("mode", 2), ("provider", 1), ("version", 1))
    }


def test_errors_print_no_raw_control(hostile: dict[str, Any], tmp_path: Path) -> None:
    """Messages on stderr: not found, usage errors (both parsers), SQL errors, bad
    user data, paths that do not exist."""
    folder = str(hostile["folder"])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "models.yaml").write_text(
        f"- id: x-1\n  name: {json.dumps(HOSTILE)}\n  vendor: {json.dumps('v' + HOSTILE)}\n"
        f"  {json.dumps('odd' + HOSTILE)}: 1\n",
        encoding="utf-8",
    )
    cases = [
        ["models", "show", f"mdx-1{CLEAR}"],
        ["models", "show", f"User model {OSC_TITLE}"],
        ["models", "list", "--sort", f"name{CLEAR}"],
        ["models", "list", "--fields", f"id,name{OSC_TITLE}"],
        ["models", "list", "--where", f"name = '{ARGV}' and nosuch{CLEAR}"],
        ["sql", f"select {ARGV}"],
        ["models", "list", "--format", f"xml{CLEAR}"],
        ["models", "list", f"--bogus{CLEAR}"],
        ["import", "litellm", str(tmp_path / f"missing{ARGV}.json")],
        ["import", f"nosuch{CLEAR}"],
        ["vendors", "show", f"lab {BIDI}"],
    ]
    runs = [run_fast("--data-dir", folder, *args) for args in cases]
    runs.append(run_fast("--data-dir", str(bad), "validate"))
    runs.append(run_fast("--data-dir", str(bad), "models", "list"))
    runs.append(run_fast("--data-dir", str(bad), "validate", "--format", "csv"))
    os.environ["GENAI_FAST"] = "0"  # the same through typer
    try:
        runs += [run_fast("--data-dir", folder, *args) for args in cases[-5:]]
    finally:
        del os.environ["GENAI_FAST"]
    assert all(r.exit_code != 0 for r in runs)
    runs.append(run_fast("--data-dir", folder, "--version"))  # the catalogs' versions
    found = [(r.stderr, raw_controls(r.stdout + r.stderr)) for r in runs]
    assert not [f for f in found if f[1]]
    assert all("internal error" not in r.stderr and "Traceback" not in r.stderr for r in runs)


def test_completion_shows_names_safely(
    hostile: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from genai_cli.cli import completion

    monkeypatch.setenv("GENAI_DATA_DIR", str(hostile["folder"]))
    pairs = completion.models("hostile")
    assert pairs and not raw_controls("".join(f"{a}{b}" for a, b in pairs))


def test_json_and_yaml_escape_and_keep_the_text(hostile: dict[str, Any]) -> None:
    """JSON and YAML keep the text exactly, escaped; a table shows what is there."""
    from conftest import load_yaml

    folder = str(hostile["folder"])
    for fmt, parse in (("json", json.loads), ("yaml", load_yaml)):
        r = run_fast("--data-dir", folder, "models", "show", "hostile-user", "--format", fmt)
        assert r.exit_code == 0 and not raw_controls(r.stdout)
        assert parse(r.stdout)["name"] == f"User model {HOSTILE}"
    r = run_fast("--data-dir", folder, "models", "show", "hostile-user")
    assert "User model \\x1b]0;pwned\\x07\\x1b[2J" in r.stdout
    assert "\\u202eevil\\u202c" in r.stdout


def test_on_a_terminal(hostile: dict[str, Any]) -> None:
    """On a terminal (rich, in colour, the charts in Unicode): nothing raw either."""
    import genai_cli

    env = {
        **os.environ,
        "PYTHONPATH": str(Path(genai_cli.__file__).resolve().parents[1]),
        "GENAI_DATA_DIR": str(hostile["folder"]),
        "TERM": "xterm-256color",
    }
    for args in (
        ["models", "show", "hostile-user"],
        ["models", "list", "--vendor", "hostile-lab"],
        ["search", "Hostile"],
        ["chart", "benchmark", "hostile-bench"],
        ["models", "show", f"nope{CLEAR}"],
        ["models", "show", "hostile-user", "--json"],  # indented for a person
    ):
        code, out = on_a_terminal(args, env, size=(40, 100))
        text = out.decode("utf-8", "replace").replace("\r\n", "\n")  # the terminal's own
        assert code in (0, 1), text
        assert "User model" in text or "nope" in text or "Bench" in text or "Hostile" in text
        assert not raw_controls(text), (args, text)


assert PYTHON  # the interpreter on_a_terminal runs
