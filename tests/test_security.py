"""Static promises: nothing in the package can run or import what data names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import genai_cli

SRC = Path(genai_cli.__file__).parent


def _calls(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name):
                names.append(f.id)
            elif isinstance(f, ast.Attribute):
                base = f.value.id if isinstance(f.value, ast.Name) else "?"
                names.append(f"{base}.{f.attr}")
    return names


def test_no_eval_exec_pickle_shell_or_unsafe_yaml() -> None:
    forbidden = {
        "eval", "exec", "compile", "__import__", "pickle.load", "pickle.loads", "marshal.loads",
        "yaml.load", "yaml.unsafe_load", "yaml.full_load", "os.system", "os.popen",
        "subprocess.run", "subprocess.Popen", "subprocess.call", "subprocess.check_output",
    }  # fmt: skip
    for path in SRC.rglob("*.py"):
        found = set(_calls(ast.parse(path.read_text(encoding="utf-8")))) & forbidden
        assert not found, (path.name, found)


def test_the_only_dynamic_import_is_a_declared_handler() -> None:
    users = []
    for path in SRC.rglob("*.py"):
        if "import_module" in path.read_text(encoding="utf-8"):
            users.append(path.name)
    assert users == ["runner.py"]
    from genai_cli.cli.parser import spec
    from genai_cli.cli.runner import handler

    for command in spec()["commands"].values():
        module, _, func = command["handler"].partition(":")
        assert module.startswith("genai_cli.commands.") and func.isidentifier()
        assert callable(handler(command["handler"]))
    with pytest.raises(ValueError):
        handler("os:system")


def test_yaml_is_only_ever_read_with_the_safe_loader() -> None:
    text = (SRC / "dataset" / "safe_loader.py").read_text(encoding="utf-8")
    assert 'getattr(yaml, "CSafeLoader", yaml.SafeLoader)' in text
    for path in SRC.rglob("*.py"):
        body = path.read_text(encoding="utf-8")
        assert (
            "Loader=yaml.Loader" not in body
            and "UnsafeLoader" not in body
            and "FullLoader" not in body
        )
