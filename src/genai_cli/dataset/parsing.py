"""Value parsing: the dataset's value types, as pure stdlib functions.

Partial dates, quantities written the way the report writes them
("1750亿", "70-650亿", "175B", "远大于1750亿"), benchmark settings
("5-shot", "0-shot CoT", "Maj1@32", "Variable shots") and id slugs.

Nothing here imports pydantic, rich or yaml: the CLI's fast path uses these
parsers for its own option values, and the schema uses them as validators.
"""

from __future__ import annotations

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    import os
    import re
    from typing import Any, TypeAlias

    StrPath: TypeAlias = "str | os.PathLike[str]"
    """A path as a string or a ``Path``."""

_PATTERNS: dict[str, tuple[str, int]] = {}
_COMPILED: dict[str, re.Pattern[str]] = {}


def _pattern(name: str) -> re.Pattern[str]:
    """A named pattern, compiled on first use: a JSON query never imports ``re``."""
    found = _COMPILED.get(name)
    if found is None:
        import re  # deferred: 10 ms; see the docstring

        text, flags = _PATTERNS[name]
        found = _COMPILED[name] = re.compile(text, flags)
    return found


# --------------------------------------------------------------------------- dates

_PATTERNS["date"] = (r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", 0)

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"

_YEAR = r"(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9][0-9]|[1-9][0-9]{3})"
_LEAP = r"(?:[0-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = (
    rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    rf"|{_YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)"
    rf"|{_YEAR}-(?:0[13578]|1[02])-31"
    rf"|{_LEAP}-02-29)$"
)
"""The same rule as :func:`parse_partial_date`, as one regular expression, so
that pydantic-core checks dates in Rust (a test keeps the two in step)."""
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS[month - 1]


def parse_partial_date(text: str) -> str:
    """Validate an ISO 8601 date at year, month or day precision and return it.

    >>> parse_partial_date("2023-07")
    '2023-07'
    >>> parse_partial_date("2023-13")
    Traceback (most recent call last):
    ...
    ValueError: invalid date '2023-13': month must be 01-12 (expected YYYY, YYYY-MM or YYYY-MM-DD)
    """
    if not isinstance(text, str):
        raise ValueError(f"invalid date {text!r}: expected a string ({DATE_FORMS})")
    m = _pattern("date").fullmatch(text)
    if m is None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise ValueError(f"invalid date {shown!r}: expected {DATE_FORMS}")
    year_s, month_s, day_s = m.groups()
    year = int(year_s)
    if year < 1:
        raise ValueError(f"invalid date {text!r}: year must be 0001-9999 (expected {DATE_FORMS})")
    if month_s is not None:
        month = int(month_s)
        if not 1 <= month <= 12:
            raise ValueError(f"invalid date {text!r}: month must be 01-12 (expected {DATE_FORMS})")
        if day_s is not None:
            last = days_in_month(year, month)
            if not 1 <= int(day_s) <= last:
                raise ValueError(
                    f"invalid date {text!r}: day must be 01-{last:02d} (expected {DATE_FORMS})"
                )
    return text


def date_bounds(date: str) -> tuple[str, str]:
    """The first and last day a partial date covers, as YYYY-MM-DD strings."""
    parts = date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = days_in_month(year, month)
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return date, date


def date_in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """True when the period a partial date covers overlaps [since, until].

    ``--since 2023`` keeps ``2023-03-14``; ``--until 2023-06`` keeps ``2023``
    (the year overlaps June). Undated records never match a date filter.
    """
    if since is None and until is None:
        return True
    if not date:
        return False
    start, end = date_bounds(date)
    if since is not None and end < date_bounds(since)[0]:
        return False
    return not (until is not None and start > date_bounds(until)[1])


# --------------------------------------------------------------------------- range

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
INT_RANGE = "integers must be within -2^63..2^63-1, SQLite's INTEGER"
"""The integers genai keeps: every one goes into SQLite (``sql``, ``--where``,
``export -f sqlite``), whose INTEGER is 64 bits."""
MAX_INT_DIGITS = 4300
"""Python reads no longer decimal integer (``sys.get_int_max_str_digits``)."""
_PATTERNS["long_int"] = (f"[0-9]{{{MAX_INT_DIGITS + 1},}}", 0)


def long_int_line(text: str) -> int | None:
    """The line of the first decimal integer in ``text`` that Python refuses to read
    (more than :data:`MAX_INT_DIGITS` digits), or None."""
    m = _pattern("long_int").search(text)
    return None if m is None else text.count("\n", 0, m.start()) + 1


def long_int_message(length: int | None = None) -> str:
    """What is wrong with an integer too long to read (``length``: its characters)."""
    size = (
        f"{length:,} characters long"
        if length is not None
        else (f"of more than {MAX_INT_DIGITS:,} digits")
    )
    return f"an integer {size} is out of range ({INT_RANGE})"


def _int_text(value: int) -> str:
    """An integer as a message shows it: whole when short, else its size in digits
    (``str`` of a huge integer is itself an error)."""
    if -(10**30) < value < 10**30:
        return str(value)
    digits = int(abs(value).bit_length() * 0.30103) + 1
    return f"an integer of about {digits:,} digits"


def out_of_range(value: Any) -> tuple[tuple[Any, ...], str] | None:
    """The first value inside ``value`` (JSON-like data: dicts, lists, scalars) that
    genai cannot keep, as ``(where, what is wrong)``, ``where`` the keys and indexes
    down to it; None when every value is in range. Out of range: an integer
    beyond SQLite's 64 bits, a float that is NaN or infinite, a string or key with
    a lone surrogate (not UTF-8: it can be neither written nor printed)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        v, where = stack.pop()
        t = type(v)
        if t is dict:
            items = list(v.items())
            for k, item in reversed(items):
                stack.append((item, (*where, k)))
            for k, _ in items:
                if type(k) is str and not _utf8(k):
                    return where, f"the key {shown_text(k)} is not UTF-8 (a lone surrogate)"
        elif t is list or t is tuple:
            for i in range(len(v) - 1, -1, -1):
                stack.append((v[i], (*where, i)))
        elif t is int:
            if not INT_MIN <= v <= INT_MAX:
                return where, f"{_int_text(v)} is out of range ({INT_RANGE})"
        elif t is float:
            if v != v or v - v != 0:
                return where, f"{v!r} is not a finite number"
        elif t is str and not _utf8(v):
            return where, f"{shown_text(v)} is not UTF-8 (a lone surrogate)"
    return None


def _utf8(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_text(text: str) -> str:
    """``text`` as a message quotes it: cut to 40 characters, non-ASCII escaped."""
    return ascii(text if len(text) <= 40 else text[:37] + "...")


def where_text(where: tuple[Any, ...]) -> str:
    """``("facts", "pricing", "input")`` -> ``facts.pricing.input``; ``[0]`` for indexes."""
    out = ""
    for part in where:
        if type(part) is int:
            out += f"[{part}]"
            continue
        text = str(part) if _utf8(str(part)) else ascii(str(part))[1:-1]
        out += f".{text}" if out else text
    return out


# --------------------------------------------------------------------------- quantities

_CN_UNITS = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
_EN_UNITS = {
    "t": 10**12,
    "trillion": 10**12,
    "b": 10**9,
    "billion": 10**9,
    "m": 10**6,
    "million": 10**6,
    "k": 10**3,
    "thousand": 10**3,
}
_NUM = r"\d+(?:[.,]\d+)*"
_UNIT = r"万亿|亿|万|千|trillion|billion|million|thousand|[tbmk]"
_IGNORECASE_ASCII = 2 | 256  # re.IGNORECASE | re.ASCII, without importing re
_PATTERNS["quantity"] = (rf"({_NUM})\s*({_UNIT})?", _IGNORECASE_ASCII)

LOWER_BOUND_WORDS = ("远大于", "大于", "超过", "至少", ">", "more than", "over", "at least")
UNDISCLOSED_WORDS = ("未知", "未披露", "undisclosed", "unknown", "n/a")
APPROX_WORDS = ("大概", "约", "大约", "~", "≈", "about", "approximately")


def _to_int(number: str, unit: str | None) -> int:
    from decimal import Decimal, InvalidOperation  # deferred: 2 ms, for figures in data files

    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - regex guarantees digits
        raise ValueError(f"not a number: {number!r}") from exc
    if unit:
        factor = _CN_UNITS.get(unit) or _EN_UNITS[unit.lower()]
        value *= factor
    if value != value.to_integral_value():
        raise ValueError(f"{number}{unit or ''} is not a whole number")
    return int(value)


COUNT_FORMS = "10M, 2.5k, 1_500_000 or 1,500,000 (k, M, B or G, T: thousands to trillions)"
"""How a count of tokens may be written (for messages)."""


def parse_count(text: str) -> int:
    """A whole count as a user writes it on the command line: a number, with ``_``
    or ``,`` between groups of three digits, and a unit, any case: ``k``, ``M``,
    ``B`` or ``G`` (10**9), ``T``; :class:`ValueError` otherwise.

    >>> [parse_count(t) for t in ("10M", "2.5k", "1.5m", "2G", "1_500_000", "1,000", "0")]
    [10000000, 2500, 1500000, 2000000000, 1500000, 1000, 0]
    """
    raw = text.strip()
    unit = raw[-1:].lower() if raw[-1:].isalpha() else ""
    body = raw[: len(raw) - len(unit)].rstrip()
    whole, dot, frac = body.partition(".")
    groups = whole.replace("_", ",").split(",")
    ok = (
        unit in ("", "k", "m", "b", "g", "t")
        and whole.isascii()
        and all(g.isdigit() for g in groups)
        and (len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])))
        and (not dot or (frac.isascii() and frac.isdigit()))
    )
    if not ok:
        raise ValueError(f"{text!r} is not a count; write it as {COUNT_FORMS}")
    try:
        return _to_int("".join(groups) + dot + frac, {"g": "b"}.get(unit, unit) or None)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def parse_amount(text: str) -> dict[str, Any]:
    """Parse a count as the report writes it into a quantity.

    Returns ``{"state", "min", "max", "approximate"}`` with absolute integers:

    >>> parse_amount("1750亿")["min"]
    175000000000
    >>> q = parse_amount("70-650亿"); (q["state"], q["min"], q["max"])
    ('range', 7000000000, 65000000000)
    >>> parse_amount("远大于1750亿")["state"]
    'lower_bound'
    >>> parse_amount("未知")["state"]
    'undisclosed'

    A unit written once at the end of a range applies to both ends
    ("70-650亿"); "大概175B-6B-1.3B" is a list of sizes, read as its range.
    """
    raw = text.strip()
    low = raw.lower()
    if not raw or any(w in low for w in UNDISCLOSED_WORDS):
        return {"state": "undisclosed", "min": None, "max": None, "approximate": False}
    approximate = any(w in low for w in APPROX_WORDS)
    lower = any(low.startswith(w) or w in low[:4] for w in LOWER_BOUND_WORDS)
    body = raw.replace("token", "").replace("Token", "").replace("个", "")
    matches = list(_pattern("quantity").finditer(body))
    if not matches:
        raise ValueError(f"no number in {text!r}")
    # a trailing unit applies to earlier bare numbers ("70-650亿")
    trailing_unit = matches[-1].group(2)
    values = [_to_int(m.group(1), m.group(2) or trailing_unit) for m in matches]
    if lower:
        return {"state": "lower_bound", "min": min(values), "max": None, "approximate": approximate}
    lo, hi = min(values), max(values)
    return {
        "state": "exact" if lo == hi else "range",
        "min": lo,
        "max": hi,
        "approximate": approximate,
    }


# --------------------------------------------------------------------------- settings

_PATTERNS["shots"] = (r"(\d+)[\s-]*shots?", _IGNORECASE_ASCII)
_PATTERNS["aggregation"] = (
    r"(maj|cot|pass|self[- ]consistency)\s*(\d+)?\s*@\s*(\d+)",
    _IGNORECASE_ASCII,
)
_PATTERNS["cot"] = (r"\bcot\b|chain[- ]of[- ]thought", 0)


def parse_setting(label: str) -> dict[str, Any]:
    """Parse an evaluation-setting label as published.

    >>> parse_setting("5 shot")["label"]
    '5-shot'
    >>> d = parse_setting("0-shot CoT"); (d["shots"], d["cot"])
    (0, True)
    >>> d = parse_setting("Maj1@32"); (d["aggregation"], d["samples"])
    ('maj1@32', 32)
    >>> parse_setting("Variable shots")["variable_shots"]
    True
    """
    text = " ".join(label.split())
    if not text:
        raise ValueError("empty setting")
    low = text.lower()
    shots: int | None = None
    m = _pattern("shots").search(text)
    if m:
        shots = int(m.group(1))
    variable = "variable" in low and "shot" in low
    cot = bool(_pattern("cot").search(low)) and not low.startswith("cot@")
    aggregation = None
    samples = None
    a = _pattern("aggregation").search(text)
    if a:
        aggregation = a.group(0).replace(" ", "").lower()
        samples = int(a.group(3))
        if a.group(1).lower() == "cot":
            cot = True
    # the normalised label: "5 shot" -> "5-shot", "Variable shots" -> "variable shots"
    parts: list[str] = []
    if variable:
        parts.append("variable shots")
    elif shots is not None:
        parts.append(f"{shots}-shot")
    if cot and not (a and a.group(1).lower() == "cot"):
        parts.append("CoT")
    if a:
        agg_label = a.group(0).replace(" ", "")
        agg_label = agg_label[0].upper() + agg_label[1:]
        parts.append(agg_label)
    prefix = text.split(",")[0] if "," in text else ""
    if (
        prefix
        and not _pattern("shots").search(prefix)
        and not _pattern("aggregation").search(prefix)
    ):
        parts.insert(0, prefix.strip() + ",")
    normalised = " ".join(parts) if parts else text
    return {
        "label": normalised,
        "shots": shots,
        "cot": cot,
        "aggregation": aggregation,
        "samples": samples,
        "variable_shots": variable,
    }


# --------------------------------------------------------------------------- ids

ID_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$"
COMPOUND_ID_PATTERN = r"^[a-z0-9]+(?:[._/-][a-z0-9]+)*$"
_PATTERNS["id"] = (ID_PATTERN[1:-1], 0)
_PATTERNS["compound_id"] = (COMPOUND_ID_PATTERN[1:-1], 0)
_PATTERNS["not_slug"] = (r"[^a-z0-9.]+", 0)
_PATTERNS["stray_dot"] = (r"(?<![0-9])\.|\.(?![0-9])", 0)
_PATTERNS["dashes"] = (r"-{2,}", 0)


_PATTERNS["slug"] = (r"[a-z0-9]+(?:(?:-|(?<=[0-9])\.(?=[0-9]))[a-z0-9]+)*", 0)


def slugify(text: str) -> str:
    """'Claude 3 Opus' -> 'claude-3-opus'; keeps dots between digits (gemini-1.5-pro)."""
    s = text.strip().lower()
    if _pattern("slug").fullmatch(s):
        return s  # a slug already (what the rules below leave as it is)
    s = _pattern("not_slug").sub("-", s)
    s = _pattern("stray_dot").sub("-", s)
    s = _pattern("dashes").sub("-", s).strip("-.")
    return s


def check_id(value: str, *, compound: bool = False) -> str:
    pattern = _pattern("compound_id" if compound else "id")
    if not isinstance(value, str) or not pattern.fullmatch(value):
        shown = value if isinstance(value, str) and len(value) <= 40 else repr(value)[:40]
        raise ValueError(
            f"invalid id {shown!r}: use a lowercase slug of a-z, 0-9, '-', '.'"
            + (" and '/'" if compound else "")
        )
    return value


def normalize_key(text: str) -> str:
    """The look-up key for ids, names and aliases: case- and space-insensitive."""
    return " ".join(text.casefold().split())


def quantity_shorthand(data: Any) -> Any:
    """``175000000000`` or ``{min, max}`` without a state -> a full quantity."""
    if isinstance(data, bool):
        return data  # let field validation reject it
    if isinstance(data, int):
        return {"state": "exact", "min": data, "max": data}
    if isinstance(data, dict) and "state" not in data:
        lo, hi = data.get("min"), data.get("max")
        if lo is not None and hi is not None:
            return {**data, "state": "exact" if lo == hi else "range"}
        if lo is not None:
            return {**data, "state": "lower_bound"}
        if lo is None and hi is None:
            return {**data, "state": "undisclosed"}
    return data
