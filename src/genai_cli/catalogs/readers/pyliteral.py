"""Read a Python file made only of literals and constructor calls as plain data.

genai-prices ships its catalog as ``genai_prices/data.py``: ``providers =
[Provider(id=..., models=[ModelInfo(...)])]``. That file is parsed with
:func:`ast.parse` and never executed: each node is turned into data here, and
anything that is not a literal or one of the known constructor calls is
refused (``FILE:LINE: ...``).

* a known constructor ``Name(key=value, ...)`` (keywords only) becomes
  ``{"__call__": "Name", "key": value, ...}``;
* ``Decimal('1.5')`` becomes the float ``1.5``;
* ``datetime.date(2024, 3, 1)`` becomes ``"2024-03-01"``;
* ``datetime.time(1, 30, tzinfo=datetime.UTC)`` becomes ``"01:30:00+00:00"``;
* strings, numbers, booleans, None, lists, tuples and dicts with string keys
  are themselves.
"""

from __future__ import annotations

import ast
import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

from ...dataset.parsing import INT_MAX, INT_MIN, INT_RANGE
from .common import fail

KNOWN_CALLS = frozenset(
    {
        "Provider",
        "ModelInfo",
        "ModelPrice",
        "ConditionalPrice",
        "PriceVariant",
        "StartDateConstraint",
        "TimeOfDateConstraint",
        "TieredPrices",
        "Tier",
        "ClauseEquals",
        "ClauseStartsWith",
        "ClauseEndsWith",
        "ClauseContains",
        "ClauseRegex",
        "ClauseOr",
        "ClauseAnd",
        "UsageExtractor",
        "UsageExtractorMapping",
        "ArrayMatch",
    }
)
_UTC_NAMES = frozenset({"datetime.UTC", "datetime.timezone.utc", "UTC", "timezone.utc"})
MAX_DEPTH = 100


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


class _Converter:
    def __init__(self, display: str) -> None:
        self.display = display

    def refuse(self, node: ast.AST, what: str) -> NoReturn:
        fail(
            self.display,
            f"refused: {what} (data.py is read as data: only literals and "
            "genai-prices' constructor calls)",
            getattr(node, "lineno", None),
        )

    def value(self, node: ast.expr, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            self.refuse(node, f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, ast.Constant):
            v = node.value
            if v is None or isinstance(v, (str, int, float, bool)):
                return v
            return self.refuse(node, f"a {type(v).__name__} constant")
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.value(e, depth + 1) for e in node.elts]
        if isinstance(node, ast.Dict):
            out: dict[str, Any] = {}
            for k, item in zip(node.keys, node.values, strict=True):
                if not (isinstance(k, ast.Constant) and isinstance(k.value, str)):
                    return self.refuse(node, "a dict key that is not a string")
                out[k.value] = self.value(item, depth + 1)
            return out
        if (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, (ast.USub, ast.UAdd))
            and isinstance(node.operand, ast.Constant)
        ):
            n = node.operand.value
            if isinstance(n, (int, float)) and not isinstance(n, bool):
                return -n if isinstance(node.op, ast.USub) else n
            return self.refuse(node, "a sign before something that is not a number")
        if isinstance(node, ast.Attribute):
            name = _dotted(node)
            if name in _UTC_NAMES:
                return "UTC"
            return self.refuse(node, f"the name {name or '?'}")
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        return self.refuse(node, f"a {type(node).__name__} expression")

    def call(self, node: ast.Call, depth: int) -> Any:
        name = _dotted(node.func)
        if name is None:
            return self.refuse(node, "a call of something that is not a name")
        for kw in node.keywords:
            if kw.arg is None:
                return self.refuse(node, f"**arguments in {name}(...)")
        if any(isinstance(a, ast.Starred) for a in node.args):
            return self.refuse(node, f"*arguments in {name}(...)")
        if name in ("Decimal", "decimal.Decimal"):
            return self.decimal(node)
        if name in ("datetime.date", "date"):
            return self.date(node)
        if name in ("datetime.time", "time"):
            return self.time(node)
        if name not in KNOWN_CALLS:
            shown = name if len(name) <= 60 else name[:57] + "..."
            return self.refuse(node, f"a call of {shown}(...), not a genai-prices constructor")
        if node.args:
            return self.refuse(node, f"positional arguments in {name}(...)")
        out: dict[str, Any] = {"__call__": name}
        for kw in node.keywords:
            out[str(kw.arg)] = self.value(kw.value, depth + 1)
        return out

    def decimal(self, node: ast.Call) -> float:
        if node.keywords or len(node.args) != 1:
            return self.refuse(node, "Decimal(...) takes one string")
        arg = node.args[0]
        if not (isinstance(arg, ast.Constant) and type(arg.value) in (str, int)):
            return self.refuse(node, "Decimal(...) of something other than a string")
        if type(arg.value) is int and not INT_MIN <= arg.value <= INT_MAX:
            return self.refuse(node, f"Decimal(...) of an integer out of range ({INT_RANGE})")
        try:
            return float(Decimal(str(arg.value).strip()))
        except (InvalidOperation, ValueError):
            shown = arg.value if len(str(arg.value)) <= 40 else f"{str(arg.value)[:37]}..."
            return self.refuse(node, f"Decimal({shown!r}) is not a number")

    def _ints(self, node: ast.Call, names: tuple[str, ...], required: int) -> list[int]:
        args = list(node.args)
        kw = {k.arg: k.value for k in node.keywords if k.arg != "tzinfo"}
        if len(args) > len(names) or any(k not in names for k in kw):
            self.refuse(node, "unexpected arguments")
        values: list[int] = []
        for i, name in enumerate(names):
            arg = args[i] if i < len(args) else kw.get(name)
            if arg is None:
                if i < required:
                    self.refuse(node, f"missing {name}")
                values.append(0)
                continue
            if not (isinstance(arg, ast.Constant) and type(arg.value) is int):
                self.refuse(node, f"{name} is not a whole number")
            values.append(arg.value)
        return values

    def date(self, node: ast.Call) -> str:
        if any(k.arg == "tzinfo" for k in node.keywords):
            self.refuse(node, "a date with a tzinfo")
        y, m, d = self._ints(node, ("year", "month", "day"), 3)
        if not datetime.MINYEAR <= y <= datetime.MAXYEAR:
            return self.refuse(node, "an impossible date (the year must be within 1..9999)")
        try:
            return datetime.date(y, m, d).isoformat()
        except (ValueError, OverflowError) as exc:
            return self.refuse(node, f"an impossible date ({exc})")

    def time(self, node: ast.Call) -> str:
        h, mi, s, us = self._ints(node, ("hour", "minute", "second", "microsecond"), 1)
        tz = None
        for k in node.keywords:
            if k.arg != "tzinfo" or (isinstance(k.value, ast.Constant) and k.value.value is None):
                continue
            if _dotted(k.value) not in _UTC_NAMES:
                self.refuse(node, "a time zone other than UTC")
            tz = datetime.UTC
        try:
            return datetime.time(h, mi, s, us, tzinfo=tz).isoformat()
        except (ValueError, OverflowError) as exc:
            return self.refuse(node, f"an impossible time ({exc})")


def read_module(text: str, display: str) -> dict[str, Any]:
    """The module's top-level assignments, as plain data: ``{"providers": [...], ...}``.

    Allowed at the top level: a docstring, imports (not followed: nothing is
    imported or run), and assignments of literal data to a name.
    """
    try:
        tree = ast.parse(text, filename=display)
    except SyntaxError as exc:
        fail(display, f"not valid Python, as genai-prices' data.py is: {exc.msg}", exc.lineno)
    except (ValueError, MemoryError, RecursionError) as exc:
        fail(display, f"not valid Python, as genai-prices' data.py is: {exc or type(exc).__name__}")
    conv = _Converter(display)
    out: dict[str, Any] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            continue
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        if not isinstance(target, ast.Name) or value is None:
            conv.refuse(stmt, f"a top-level {type(stmt).__name__} statement")
        try:
            out[target.id] = conv.value(value)
        except RecursionError:
            fail(display, "refused: nested too deeply", stmt.lineno)
    return out
