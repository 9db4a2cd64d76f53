"""Read data files safely: UTF-8, JSON or *safe* YAML, with line numbers.

Nothing here runs anything a file names. YAML goes through a loader that

* knows only the plain tags (str, int, float, bool, null, seq, map, merge):
  ``!!python/object`` and friends are refused before anything is constructed;
* measures what aliases would expand to before constructing the document, so
  an alias bomb ("billion laughs") is refused in milliseconds;
* keeps dates as strings (no implicit timestamps) and reports duplicate keys.

Every problem is a :class:`~genai_cli.core.errors.Problem` (``FILE[:LINE]: what``).
Which files there are, and their bytes, is :mod:`.files`.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

import yaml

from ..core.errors import Problem
from .files import UNKNOWN_KIND, read_checked
from .parsing import MAX_INT_DIGITS, long_int_line, long_int_message
from .registry import kind_for_path

if TYPE_CHECKING:
    from .parsing import StrPath

MAX_ALIAS_EXPANSION = 1_000_000
"""Nodes that aliases may add on top of the document's own nodes."""
MAX_DEPTH = 64

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "merge")
}

_INT_TAG = "tag:yaml.org,2002:int"


class LoadedFile:
    """The records of one file, with what is needed to point at their lines."""

    def __init__(self, path: str, kind: str | None, data: Any = None) -> None:
        self.path = path
        self.kind = kind
        self.data = data
        self.problems: list[Problem] = []
        self.yaml_root: Any = None  # the composed YAML node tree, for line look-ups
        self.json_text: str | None = None

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """The line of the value at ``loc`` (``(index, field, ...)``), as best known."""
        if self.yaml_root is not None:
            return _yaml_line(self.yaml_root, loc)
        if self.json_text is not None and loc and isinstance(loc[0], int):
            return _json_item_line(self.json_text, loc[0])
        return None


# --------------------------------------------------------------------------- reading


def read_file(path: StrPath, display: str, parts: tuple[str, ...]) -> LoadedFile:
    """Read and parse one data file. Problems are collected, never raised."""
    kind = kind_for_path(parts)
    loaded = LoadedFile(display, kind)
    if kind is None:
        loaded.problems.append(Problem(display, None, UNKNOWN_KIND))
        return loaded
    raw = read_checked(path, display)
    if isinstance(raw, Problem):
        loaded.problems.append(raw)
        return loaded
    parse_bytes(loaded, raw, json_file=os.fspath(path).lower().endswith(".json"))
    return loaded


def parse_bytes(
    loaded: LoadedFile,
    raw: bytes,
    *,
    json_file: bool,
    duplicate_keys: list[Problem] | None = None,
) -> None:
    """Decode ``raw`` as UTF-8 and parse it into ``loaded.data``, collecting problems.

    A repeated mapping key in YAML is a problem, unless ``duplicate_keys`` is
    given: then it is appended there instead and the document is still built
    (the later value wins, as in PyYAML) -- for other people's files, such as
    a catalog, that repeat a key harmlessly.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        loaded.problems.append(
            Problem(loaded.path, line, f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded")
        )
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    if json_file:
        _parse_json(loaded, text)
    else:
        _parse_yaml(loaded, text, duplicate_keys)


# --------------------------------------------------------------------------- JSON


def _parse_json(loaded: LoadedFile, text: str) -> None:
    try:
        loaded.data = json.loads(text)
    except json.JSONDecodeError as exc:
        loaded.problems.append(Problem(loaded.path, exc.lineno, f"not valid JSON: {exc.msg}"))
        return
    except RecursionError:
        loaded.problems.append(Problem(loaded.path, None, "not valid JSON: nested too deeply"))
        return
    except ValueError:  # a decimal integer Python refuses to read (over 4,300 digits)
        loaded.problems.append(Problem(loaded.path, long_int_line(text), long_int_message()))
        return
    loaded.json_text = text


def _json_item_line(text: str, index: int) -> int | None:
    """The line where item ``index`` of a top-level JSON array starts."""
    decoder = json.JSONDecoder()
    pos = text.find("[")
    if pos < 0:
        return None
    pos += 1
    for i in range(index + 1):
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if i == index:
            return text.count("\n", 0, pos) + 1
        try:
            _, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            return None
    return None


# --------------------------------------------------------------------------- YAML


def _loader_class() -> type:
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class GenaiLoader(base):  # type: ignore[misc, valid-type]
        """Safe loader without implicit timestamps (dates stay strings)."""

    GenaiLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return GenaiLoader


_LOADER: type | None = None


def _parse_yaml(loaded: LoadedFile, text: str, duplicate_keys: list[Problem] | None = None) -> None:
    global _LOADER
    if _LOADER is None:
        _LOADER = _loader_class()
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            loaded.data = None
            return
        problems = _check_nodes(root, loaded.path, duplicate_keys)
        if problems:
            loaded.problems.extend(problems)
            return
        loaded.data = loader.construct_document(root)
        loaded.yaml_root = root
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "syntax error"
        loaded.problems.append(Problem(loaded.path, line, f"not valid YAML: {what}"))
    except yaml.YAMLError as exc:
        loaded.problems.append(Problem(loaded.path, None, f"not valid YAML: {exc}"))
    except RecursionError:
        loaded.problems.append(Problem(loaded.path, None, "not valid YAML: nested too deeply"))
    except (ValueError, OverflowError) as exc:  # a value PyYAML cannot construct
        loaded.problems.append(Problem(loaded.path, None, f"not valid YAML: {exc}"))
    finally:
        loader.dispose()


def _check_nodes(
    root: Any, path: str, duplicate_keys: list[Problem] | None = None
) -> list[Problem]:
    """Refuse unknown tags, recursive aliases, alias bombs, deep nesting, duplicate keys.

    Duplicate keys go to ``duplicate_keys`` instead when that list is given.

    Walks the composed node graph once per distinct node (aliases are the same
    node object), computing what the document would expand to without
    building it.
    """
    problems: list[Problem] = []
    size: dict[int, int] = {}
    distinct = 0
    # iterative post-order walk: (node, depth, children_done)
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    on_path: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1
            for child in _children(node):
                total += size[id(child)]
            size[key] = total
            if total - distinct > MAX_ALIAS_EXPANSION:
                line = node.start_mark.line + 1
                return [
                    Problem(
                        path,
                        line,
                        "refused: YAML aliases here would expand to more than "
                        f"{MAX_ALIAS_EXPANSION:,} values (an alias bomb?)",
                    )
                ]
            continue
        if key in size:
            continue
        if key in on_path:
            return [
                Problem(path, node.start_mark.line + 1, "refused: a YAML alias refers to itself")
            ]
        if depth > MAX_DEPTH:
            return [
                Problem(
                    path,
                    node.start_mark.line + 1,
                    f"refused: nested deeper than {MAX_DEPTH} levels",
                )
            ]
        distinct += 1
        if node.tag == _INT_TAG and len(node.value) > MAX_INT_DIGITS:
            line = node.start_mark.line + 1
            problems.append(Problem(path, line, long_int_message(len(node.value))))
            size[key] = 1
            continue
        if node.tag not in _ALLOWED_TAGS:
            problems.append(
                Problem(
                    path,
                    node.start_mark.line + 1,
                    f"refused: YAML tag {_short_tag(node.tag)} is not allowed "
                    "(only plain strings, numbers, booleans, null, lists and mappings)",
                )
            )
            size[key] = 1
            continue
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, _v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
                    if k.value in seen:
                        (problems if duplicate_keys is None else duplicate_keys).append(
                            Problem(
                                path,
                                k.start_mark.line + 1,
                                f"duplicate key {k.value!r} (first on line {seen[k.value]})",
                            )
                        )
                    else:
                        seen[k.value] = k.start_mark.line + 1
        on_path.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            stack.append((child, depth + 1, False))
    return problems


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, tuple):
                out.extend(item)
            else:
                out.append(item)
        return out
    return []


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    shown = "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _yaml_line(root: Any, loc: tuple[Any, ...]) -> int | None:
    node = root
    line = int(node.start_mark.line) + 1
    for part in loc:
        nxt = None
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                nxt = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
        if nxt is None:
            break
        node = nxt
        line = int(node.start_mark.line) + 1
    return line
