"""The layout of the package: a package per role, each importing only the roles
below it, no import circle (imports for type checking and inside functions
included), a module map that matches the tree, and nothing stray at the root."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

import genai_cli

SRC = Path(genai_cli.__file__).resolve().parent
ROOT = SRC.parents[1]
MAP = ROOT / "docs" / "development.md"

ROLES = ("core", "dataset", "catalogs", "answers", "output", "commands", "cli")
"""The role packages, from the ground floor up: a module may import its own role
and the roles before it (``output`` does not import ``answers`` either)."""
RANK = {"core": 0, "dataset": 1, "catalogs": 2, "answers": 3, "output": 3, "commands": 4, "cli": 5}
API = "genai_cli"
"""The package itself: the public API, over the answers (and the version)."""


def _module(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module(p): p for p in SRC.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    """Every genai_cli module ``path`` imports: at the top, inside functions and
    under ``if TYPE_CHECKING:`` alike."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith(API))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith(API):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in MODULES else target)
    out.discard(me)
    return {m for m in out if m in MODULES}


GRAPH = {m: _imports(p) for m, p in MODULES.items()}


def _role(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in RANK else module


def test_no_import_circle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                raise AssertionError("import circle: " + " -> ".join([*stack[stack.index(n) :], n]))
            if n not in state:
                dfs(n)
        stack.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            dfs(m)


def test_the_graph_holds_type_checking_and_function_imports() -> None:
    """A circle made of either kind of import would be seen: the store names the
    join only for type checking, the user data only inside a function."""
    assert "genai_cli.catalogs.joining" in GRAPH["genai_cli.catalogs.store"]
    assert "genai_cli.catalogs.joining" in GRAPH["genai_cli.answers.userdata"]


def test_every_module_lives_in_its_roles_package() -> None:
    top = sorted(p.name for p in SRC.glob("*.py"))
    assert top == ["__init__.py", "__main__.py"]
    packages = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").exists())
    assert packages == sorted(ROLES)


def test_each_role_says_what_it_owns_and_may_import() -> None:
    for role in ROLES:
        doc = ast.get_docstring(ast.parse((SRC / role / "__init__.py").read_text("utf-8")))
        assert doc is not None and re.search(r"\bowns\b", doc, re.I), role
        assert re.search(r"\b(may|never) import", doc, re.I), role


def test_roles_import_only_their_own_or_lower_roles() -> None:
    bad = []
    for m, deps in GRAPH.items():
        role = _role(m)
        if role not in RANK:  # the package itself and __main__: the public API, the program
            continue
        for n in deps:
            other = _role(n)
            if other == API and role == "cli" and n == API:  # the version, from the top floor
                continue
            if other not in RANK or (other != role and (RANK[other] >= RANK[role])):
                bad.append((m, n))
    assert bad == []


def test_core_is_the_ground_floor() -> None:
    for m, deps in GRAPH.items():
        if _role(m) == "core":
            assert {_role(n) for n in deps} <= {"core"}, m
    assert GRAPH["genai_cli.dataset.parsing"] == set()
    assert GRAPH["genai_cli.dataset.registry"] <= {
        "genai_cli.dataset.parsing",
        "genai_cli.core.errors",
    }


def _map() -> dict[str, str]:
    """The module map: ``path  what it holds`` lines in the block after its marker."""
    text = MAP.read_text(encoding="utf-8")
    block = text.split("<!-- module map: checked by tests/test_layout.py -->", 1)[1]
    block = block.split("```", 2)[1]
    out: dict[str, str] = {}
    folders: list[tuple[int, str]] = []
    for line in block.splitlines():
        m = re.match(r"^( *)(\S+)\s{2,}(.+)$", line)
        if not m:
            continue
        indent, name, what = m.groups()
        depth = len(indent) // 2 - 1
        folders = [f for f in folders if f[0] < depth]
        path = "".join(f for _, f in folders) + name
        if name.endswith("/"):
            folders.append((depth, name))
        out[path] = what
    return out


def test_the_module_map_names_every_module_and_nothing_else() -> None:
    mapped = {k for k in _map() if k.endswith(".py") and not k.endswith("__init__.py")}
    tree = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if p.name != "__init__.py"}
    assert mapped == tree, {"missing from the map": tree - mapped, "not in tree": mapped - tree}


ROOT_ENTRIES = {
    ".ci",
    ".gitignore",
    "README.md",
    "benchmarks",
    "docs",
    "examples",
    "pyproject.toml",
    "scripts",
    "src",
    "tests",
}


def test_nothing_stray_at_the_root() -> None:
    """What is tracked at the top of the repository is the project's own (a JSON
    export named ``-`` was once committed by accident)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    top = {line.split("/", 1)[0] for line in listed}
    assert top <= ROOT_ENTRIES, top - ROOT_ENTRIES
