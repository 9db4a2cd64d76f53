"""The layout of the package: layers by role, no import cycles, and a README map
of modules that matches the tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import genai_cli

SRC = Path(genai_cli.__file__).resolve().parent
README = Path(__file__).resolve().parents[1] / "README.md"


def _module(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module(p): p for p in SRC.rglob("*.py")}


def _runtime_imports(path: Path) -> set[str]:
    """genai_cli modules imported at run time (anywhere, functions included), not
    those under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names if a.name.startswith("genai_cli"))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join([*base, *(child.module.split(".") if child.module else [])])
                else:
                    target = child.module or ""
                if not target.startswith("genai_cli"):
                    continue
                for alias in child.names:
                    sub = f"{target}.{alias.name}"
                    out.add(sub if sub in MODULES else target)
            visit(child)

    visit(tree)
    out.discard(me)
    return {m for m in out if m in MODULES}


GRAPH = {m: _runtime_imports(p) for m, p in MODULES.items()}


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if n == "genai_cli":
                continue  # the package's lazy __getattr__, not an import
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(n) :], n]))
            if n not in state:
                dfs(n)
        stack.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            dfs(m)


def _layer(module: str) -> int:
    """0 the core (data, schema, catalog, queries), 1 output, 2 commands, 3 cli."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in ("output", "commands", "cli"):
        return {"output": 1, "commands": 2, "cli": 3}[parts[1]]
    return 0


def test_layers_only_import_downwards() -> None:
    bad = [
        (m, n)
        for m, deps in GRAPH.items()
        for n in deps
        if n != "genai_cli" and _layer(n) > _layer(m) and m != "genai_cli.__main__"
    ]
    assert bad == []


def test_registry_and_parsing_are_the_bottom() -> None:
    assert GRAPH["genai_cli.parsing"] == set()
    assert GRAPH["genai_cli.registry"] <= {"genai_cli.parsing", "genai_cli.errors"}


def _readme_map() -> dict[str, str]:
    """The module map of the README: ``path  what it holds`` lines in the Development block."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- module map: checked by tests/test_layout.py -->", 1)[1]
    block = block.split("```", 2)[1]
    out: dict[str, str] = {}
    folder = ""
    for line in block.splitlines():
        m = re.match(r"^( *)(\S+)\s{2,}(.+)$", line)
        if not m:
            continue
        indent, name, what = m.groups()
        if name.endswith("/"):
            folder = name if len(indent) <= 2 else folder
            out[folder if len(indent) <= 2 else folder + name] = what
        else:
            out[(folder if len(indent) > 2 else "") + name] = what
    return out


def test_readme_maps_every_module_and_nothing_else() -> None:
    mapped = {k for k in _readme_map() if k.endswith(".py")}
    tree = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if p.name != "__init__.py"}
    assert mapped == tree, {"missing from README": tree - mapped, "not in tree": mapped - tree}
