"""The fast parser: command lines parsed with the stdlib, driven by the spec.

It reads a command line the way typer (click) does — root options before the
command, options and arguments interspersed after it, ``--`` ending options,
a flag's environment variable read with click's boolean words — and answers
with a :class:`Parsed`: a command to run, a help page to show, the version, or
a usage error, rendered by the same function whichever path found it
(:func:`genai_cli.core.errors.usage_text`). It returns ``None`` for what it does not
model — completion, a short option glued to its value or to other short
options, a command whose spec says typer must parse it (callbacks, prompts,
callable defaults) — and those lines go to typer.
"""

from __future__ import annotations

import os

from ..core.errors import UsageError, choice, did_you_mean
from ..core.jsonio import loads

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from typing import Any

_SPEC: dict[str, Any] | None = None

ROOT_ANYWHERE = ("data_dir", "bundled_only")
"""Root options a command line may also give after the command."""


def spec() -> dict[str, Any]:
    global _SPEC
    if _SPEC is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec.json")
        with open(path, "rb") as fh:
            _SPEC = loads(fh.read())
    return _SPEC


class Parsed:
    """What a command line asks for.

    ``action``: ``run`` (``command`` with ``params`` and the ``root`` options),
    ``help`` (the help page of ``command``, a path; ``""`` is the program's),
    ``version``, or ``error`` (a usage error in ``command``: ``message``)."""

    __slots__ = ("action", "command", "message", "params", "root")

    def __init__(
        self,
        action: str,
        command: str = "",
        params: dict[str, Any] | None = None,
        root: dict[str, Any] | None = None,
        message: str = "",
    ) -> None:
        self.action = action
        self.command = command
        self.params = params or {}
        self.root = root or {}
        self.message = message

    def __repr__(self) -> str:
        return f"Parsed({self.action!r}, {self.command!r}, {self.params!r}, {self.message!r})"


class _Bail(Exception):
    """A line the parser does not model: typer parses it."""


class _Usage(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_HELP = ("-h", "--help")
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


def _mean(word: str, choices: list[str]) -> str:
    return did_you_mean(word, choices)


def _label(p: dict[str, Any]) -> str:
    if p["kind"] == "argument":
        return str(p.get("metavar") or p["name"].upper())
    opts = sorted(p["opts"], key=lambda o: (not o.startswith("--"), o))
    return str(opts[0])


def _convert(p: dict[str, Any], value: str, where: str) -> Any:
    t = p["type"]
    if t == "str":
        return value
    if t == "int":
        try:
            return int(value.strip())
        except ValueError:
            raise _Usage(f"{where}: {value!r} is not a whole number") from None
    if t == "choice":
        if value in p["choices"]:
            return value
        try:
            picked = choice(where, value, p["choices"])
        except UsageError as exc:
            raise _Usage(exc.message) from None
        if not p.get("case_sensitive", True):
            return picked
        raise _Usage(f"{where}: invalid choice {value!r} (choices are case-sensitive)")
    raise _Bail


def _options(params: list[dict[str, Any]]) -> dict[str, tuple[dict[str, Any], bool]]:
    by_opt: dict[str, tuple[dict[str, Any], bool]] = {}
    for p in params:
        if p["kind"] != "option":
            continue
        for o in p["opts"]:
            by_opt[o] = (p, True)
        for o in p.get("secondary", []):
            by_opt[o] = (p, False)
    return by_opt


def _scan(
    tokens: list[str],
    i: int,
    params: list[dict[str, Any]],
    given: list[tuple[dict[str, Any], Any, str]],
    args: list[str] | None,
) -> tuple[int, bool]:
    """Read options (and, when ``args`` is a list, arguments) from ``tokens[i:]``.

    ``given`` collects ``(param, raw value or flag value, as written)`` in order.
    Returns where it stopped and whether ``-h``/``--help`` was seen."""
    by_opt = _options(params)
    helped = False
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t == "--" and args is not None:
            args.extend(tokens[i + 1 :])
            return n, helped
        if t in ("-h", "--help"):
            helped = True
            i += 1
            continue
        if t.startswith("-") and len(t) > 1:
            name, eq, attached = t.partition("=") if t.startswith("--") else (t, "", "")
            if name not in by_opt:
                if not t.startswith("--") and t[:2] in by_opt:
                    raise _Bail  # -n5, -fjson: click's glued short options
                raise _Usage(f"no such option: {name}" + _mean(name, sorted(by_opt)))
            p, primary = by_opt[name]
            if p.get("count") or (p.get("callback") and not p.get("eager")):
                raise _Bail  # --install-completion and friends: typer's
            if p["flag"]:
                if eq:
                    raise _Usage(f"option {name} does not take a value")
                if not p["bool_flag"]:
                    raise _Bail
                given.append((p, primary, name))
            else:
                if eq:
                    raw = attached
                else:
                    if i + 1 >= n:
                        raise _Usage(f"option {name} needs a value")
                    i += 1
                    raw = tokens[i]
                given.append((p, raw, name))
            i += 1
            continue
        if args is None:
            return i, helped  # a command name: the caller takes it from here
        args.append(t)
        i += 1
    return i, helped


def _finish(
    params: list[dict[str, Any]],
    given: list[tuple[dict[str, Any], Any, str]],
    args: list[str],
    sources: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Convert and check the values, in click's order: the options given, in the
    order given, then every other parameter in the order declared."""
    out: dict[str, Any] = {}
    seen: set[str] = set()
    for p, raw, written in given:
        value = raw if p["flag"] else _convert(p, raw, written)
        if p["multiple"]:
            out.setdefault(p["name"], []).append(value)
        else:
            out[p["name"]] = value
        seen.add(p["name"])
        if sources is not None:
            sources[p["name"]] = written
    for p in params:
        name = p["name"]
        if name in seen:
            continue
        if p["kind"] == "argument":
            if p["nargs"] == -1:
                taken, args = args, []
                if not taken:
                    if p["required"]:
                        raise _Usage(f"missing argument {_label(p)}")
                    out[name] = p["default"] if p["default"] not in ((), []) else None
                else:
                    out[name] = [_convert(p, a, _label(p)) for a in taken]
            elif args:
                out[name] = _convert(p, args.pop(0), _label(p))
            elif p["required"]:
                raise _Usage(f"missing argument {_label(p)}")
            else:
                out[name] = p["default"]
            continue
        env = p.get("envvar")
        if env and os.environ.get(env):
            raw = os.environ[env]
            if p["multiple"] or (p["flag"] and not p["bool_flag"]):
                raise _Bail
            if p["flag"]:  # click's boolean words
                low = raw.strip().lower()
                if low not in _TRUE | _FALSE:
                    raise _Usage(f"{env}: {raw!r} is not a boolean (use 1 or 0)")
                out[name] = low in _TRUE
            else:
                out[name] = _convert(p, raw, env)
            if sources is not None:
                sources[name] = env
            continue
        if p["required"]:
            raise _Usage(f"missing option {_label(p)}")
        default = p["default"]
        out[name] = None if p["multiple"] and default in ((), [], None) else default
    if args:
        raise _Usage(f"unexpected argument {args[0]!r}")
    return out


def parse(
    argv: list[str], s: dict[str, Any] | None = None, *, typer_only: bool = True
) -> Parsed | None:
    """What ``argv`` asks for, or ``None`` for a line typer must parse.

    ``typer_only=False`` parses even the commands the spec leaves to typer (to
    render a usage error typer found, in the one style)."""
    if os.environ.get("GENAI_FAST") == "0" and typer_only:
        return None
    if any(k.startswith("_GENAI_COMPLETE") for k in os.environ):
        return None
    if s is None:
        s = spec()
    if s["typer_only"] and typer_only:
        return None
    path: list[str] = []
    try:
        given: list[tuple[dict[str, Any], Any, str]] = []
        i, helped = _scan(argv, 0, s["root"], given, None)
        if any(p["name"] == "version" for p, _, _ in given):
            return Parsed("version")
        if helped:
            return Parsed("help", "")
        root_sources: dict[str, str] = {}
        root = _finish(s["root"], given, [], root_sources)
        while " ".join(path) in s["groups"]:
            group = s["groups"][" ".join(path)]
            if group["typer_only"] and typer_only:
                return None
            default = group.get("default")
            if default and (i >= len(argv) or (argv[i][:1] == "-" and argv[i] not in _HELP)):
                path.append(default)  # ``genai catalogs [--json]``: the group's default
                continue
            if i >= len(argv) or argv[i] in _HELP:
                return Parsed("help", " ".join(path))
            name = argv[i]
            if name not in group["commands"]:
                raise _Usage(f"no such command {name!r}" + _mean(name, group["commands"]))
            path.append(name)
            i += 1
            if " ".join(path) in s["groups"] and not s["groups"][" ".join(path)].get("default"):
                sub: list[tuple[dict[str, Any], Any, str]] = []
                i, helped = _scan(argv, i, s["groups"][" ".join(path)]["params"], sub, None)
                if helped:
                    return Parsed("help", " ".join(path))
        command = " ".join(path)
        entry = s["commands"][command]
        if entry["typer_only"] and typer_only:
            return None
        params = entry["params"]
        given = []
        args: list[str] = []
        _, helped = _scan(argv, i, params, given, args)
        if helped:
            return Parsed("help", command)
        sources: dict[str, str] = {}
        values = _finish(params, given, args, sources)
    except _Bail:
        return None
    except _Usage as exc:
        return Parsed("error", " ".join(path), message=exc.message)
    for name in ROOT_ANYWHERE:  # --data-dir after the command counts as before it
        value = values.pop(name, None)
        if sources.get(name, "").startswith("-"):
            root[name] = value
            root_sources[name] = sources[name]
    root["sources"] = root_sources
    return Parsed("run", command, values, root)
