"""What a re-import changes: the catalog file being replaced against the new one.

``genai import`` reads the file it is about to replace (:func:`genai_cli.catalogs.store.dumps`
writes both: a head, then an entry a line) and compares the two line by line: a
line in both is an entry that did not change, so only the lines of one file are
parsed and compared (a re-import of the same catalog parses nothing). An entry
is the same across the two files by its ``key`` (an offering is ``(catalog,
key)``); a model is added when an entry of the new file names it and none of the
old one did, removed the other way round: the model as the join first groups
this catalog's entries (:func:`genai_cli.catalogs.joining.group_of`), named by
the id the join gives it (:func:`genai_cli.catalogs.joining.model_of`). Prices are the ones
in force today (USD per 1M tokens, :func:`genai_cli.catalogs.joining.price_in_force`);
limits are ``context_window``, ``max_input_tokens`` and ``max_output_tokens``.

:func:`older` says whether a catalog's version (else its as-of date) is older
than the imported one's: such an import needs ``--force``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..core import jsonio
from . import identity as I
from .joining import Curated, group_of, model_of, price_in_force
from .spec import BY_NAME

LIMITS = ("context_window", "max_input_tokens", "max_output_tokens")
PRICES = ("input", "output")
SHOWN = 5
"""How many of each kind of change the human summary lists (``-f json`` has all)."""


# --------------------------------------------------------------------------- versions

_PRE = {"a": 0, "alpha": 0, "b": 1, "beta": 1, "c": 2, "rc": 2, "pre": 2, "preview": 2}


def version_key(version: object) -> tuple[Any, ...] | None:
    """A sortable key of a version as packages write them (PEP 440's public
    versions: ``1.110.2``, ``0.5.16``, ``2.0rc1``, ``1.0.post1``, ``1.0.dev3``; a
    leading ``v`` and a ``+local`` part allowed), compared as numbers (``1.10`` is
    after ``1.9``, ``1.0`` is ``1``); ``None`` for anything else."""
    import re  # deferred: only an import compares versions

    if not isinstance(version, str):
        return None
    m = re.fullmatch(
        r"v?(?P<release>\d+(?:\.\d+)*)"
        r"(?:[-_.]?(?P<pre>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?P<pre_n>\d*))?"
        r"(?:[-_.]?(?P<post>post|rev|r)[-_.]?(?P<post_n>\d*))?"
        r"(?:[-_.]?(?P<dev>dev)[-_.]?(?P<dev_n>\d*))?"
        r"(?:\+[a-z0-9.]+)?",
        version.strip().lower(),
    )
    if m is None:
        return None
    release = [int(p) for p in m["release"].split(".")]
    while len(release) > 1 and release[-1] == 0:
        release.pop()
    post = int(m["post_n"] or 0) if m["post"] else -1
    if m["pre"]:
        pre = (_PRE[m["pre"]], int(m["pre_n"] or 0))
    elif m["dev"] and not m["post"]:
        pre = (-1, 0)  # 1.0.dev1 comes before 1.0a1
    else:
        pre = (3, 0)  # a final release (or its post or dev release)
    dev = int(m["dev_n"] or 0) if m["dev"] else float("inf")
    return (tuple(release), pre, post, dev)


def older(version: object, as_of: object, imported: Mapping[str, Any]) -> str | None:
    """Is a catalog of ``version`` (as of ``as_of``) older than the one ``imported``
    (the head of its file)? By version (``"version"``) where both have one that
    reads as a version, else by as-of date (``"as_of"``) where both have one;
    ``None`` when it is not older or when neither says."""
    new, old = version_key(version), version_key(imported.get("version"))
    if new is not None and old is not None:
        return "version" if new < old else None
    was = imported.get("as_of")
    if isinstance(as_of, str) and isinstance(was, str) and as_of and was:
        return "as_of" if as_of[:10] < was[:10] else None
    return None


# --------------------------------------------------------------------------- entries


def entry_lines(text: str) -> list[str] | None:
    """The entries of a catalog file's text, a line each, as :func:`store.dumps
    <genai_cli.catalogs.store.dumps>` writes them; ``None`` when it is not laid out so."""
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].endswith('"entries":[') or lines[-2:] != ["]}", ""]:
        return None
    body = lines[1:-2]
    if body == [""]:  # no entries
        return []
    out = [line[:-1] for line in body[:-1]]
    out.append(body[-1])
    if any(not line.startswith("{") or not line.endswith("}") for line in out):
        return None
    return out


def read_old(raw: bytes) -> tuple[dict[str, Any], list[str]] | None:
    """The file being replaced: its head (all but its entries; the identities stored
    beside them, if any, as ``identities_text``, read when wanted: :func:`diff`) and
    its entries, a line each (re-written as :func:`store.dumps
    <genai_cli.catalogs.store.dumps>` writes them where the file is not laid out
    so); ``None`` when it is not an imported catalog."""
    try:
        text = raw.decode("utf-8")
        found = entry_lines(text)
        if found is not None:
            first = text[: text.index("\n")]
            cut = first.find(',"identities":')
            if cut < 0:
                head = jsonio.loads(first + "]}")
            else:
                head = jsonio.loads(first[:cut] + "}")
                head["identities_text"] = first[cut + len(',"identities":') : -len(',"entries":[')]
        else:
            head = jsonio.loads(text)
            entries = head.get("entries") if isinstance(head, dict) else None
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                return None
            found = [jsonio.dumps(e) for e in entries]
    except ValueError:  # not UTF-8, not JSON
        return None
    if not isinstance(head, dict) or head.get("catalog") not in BY_NAME:
        return None
    head.pop("entries", None)
    return head, found


def diff(
    cat: Curated,
    old_head: Mapping[str, Any],
    old: Sequence[str],
    new_head: Mapping[str, Any],
    new: Sequence[str],
    entries: Sequence[Mapping[str, Any]],
    idents: Sequence[I.Identity],
    known: Mapping[str, str],
) -> dict[str, Any]:
    """What changed from the file being replaced (``old_head`` and its entries'
    lines ``old``) to the new one (``new_head``, its entries' lines ``new``, the
    entries themselves and their identities); ``known``: the curated models' keys
    (:func:`genai_cli.catalogs.joining.known_keys` of ``cat``)."""
    catalog = str(new_head["catalog"])
    out: dict[str, Any] = {
        "version": {"old": old_head.get("version"), "new": new_head.get("version")},
        "as_of": {"old": old_head.get("as_of"), "new": new_head.get("as_of")},
        "entries": {"added": 0, "removed": 0, "changed": 0},
        "models": {"added": [], "removed": []},
        "offerings": {"added": [], "removed": []} if BY_NAME[catalog].offers else None,
        "prices": [],
        "limits": [],
    }
    kept = set(old)
    fresh = [i for i, line in enumerate(new) if line not in kept]
    at = set(new)
    if not fresh and len(at) == len(kept):
        return out  # the same entries: nothing to parse
    taken = cat.by_id("models")
    names: dict[str, str] = {}  # a model (group_of) -> its id, as the first entry says

    def model(group: str, ident: I.Identity) -> str:
        found = names.get(group)
        if found is None:
            found = names[group] = model_of(known, taken, ident)
        return found

    groups = [group_of(known, ident) for ident in idents]
    stored = _stored_rows(old_head, len(old))
    before: dict[str, tuple[dict[str, Any], str]] = {}  # key -> old entry, its model
    gone_groups: set[str] = set()
    for i in fresh:
        model(groups[i], idents[i])
    gone = [j for j, line in enumerate(old) if line not in at]
    parsed = jsonio.loads("[" + ",".join(old[j] for j in gone) + "]")  # one call for all
    for j, entry in zip(gone, parsed, strict=True):
        ident = I.Identity.from_row(stored[j]) if stored is not None else None
        if ident is None:
            ident = I.identify(entry, catalog)
        group = group_of(known, ident)
        gone_groups.add(group)
        before[str(entry["key"])] = (entry, model(group, ident))
    after = {str(entries[i]["key"]): i for i in fresh}

    was = {groups[i] for i, line in enumerate(new) if line in kept} | gone_groups
    now = set(groups)
    out["models"] = {
        "added": sorted({names[groups[i]] for i in fresh if groups[i] not in was}),
        "removed": sorted({names[g] for g in gone_groups - now}),
    }
    added = [k for k in after if k not in before]
    removed = [k for k in before if k not in after]
    changed = [k for k in after if k in before]
    out["entries"] = {"added": len(added), "removed": len(removed), "changed": len(changed)}
    if out["offerings"] is not None:
        out["offerings"] = {
            "added": _sorted(
                _offering(catalog, entries[after[k]], names[groups[after[k]]]) for k in added
            ),
            "removed": _sorted(_offering(catalog, *before[k]) for k in removed),
        }
    for k in changed:
        entry = entries[after[k]]
        was_entry = before[k][0]
        row = _offering(catalog, entry, names[groups[after[k]]])
        price = _prices(was_entry, entry)
        if price is not None:
            out["prices"].append({**row, **price})
        for field in LIMITS:
            a, b = was_entry["facts"].get(field), entry["facts"].get(field)
            if a != b:
                out["limits"].append({**row, "field": field, "old": a, "new": b})
    out["prices"] = _sorted(out["prices"])
    out["limits"] = _sorted(out["limits"])
    return out


def _stored_rows(head: Mapping[str, Any], n: int) -> list[Any] | None:
    """The identities stored in the replaced file (its entries' :meth:`Identity.row
    <genai_cli.catalogs.identity.Identity.row>`), where they were made by today's
    rules, for each of its ``n`` entries."""
    stored = head.get("identities")
    if stored is None and isinstance(head.get("identities_text"), str):
        try:
            stored = jsonio.loads(head["identities_text"])
        except ValueError:
            return None
    if not isinstance(stored, dict) or stored.get("rules") != I.rules_key():
        return None
    rows = stored.get("rows")
    return rows if isinstance(rows, list) and len(rows) == n else None


def _offering(catalog: str, entry: Mapping[str, Any], model: str) -> dict[str, Any]:
    """An offering (an entry) as a change names it: its provider (as the offerings
    name it), id, key and the model it serves."""
    found = I.provider_of(catalog, str(entry["provider"]))
    return {
        "provider": found.id if found is not None else entry["provider"],
        "id": entry["id"],
        "key": entry["key"],
        "model": model,
    }


def _sorted(rows: Any) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (str(r["provider"]), str(r["id"]), str(r["key"])))


def _prices(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any] | None:
    """The input and output prices, old and new, and by how much they changed (a
    percentage), when either changed."""
    a, b = price_in_force(old["facts"]) or {}, price_in_force(new["facts"]) or {}
    if all(a.get(p) == b.get(p) for p in PRICES):
        return None
    out = {}
    for p in PRICES:
        x, y = a.get(p), b.get(p)
        pct = None
        if isinstance(x, int | float) and isinstance(y, int | float) and x:
            pct = round((y - x) / x * 100, 2)
        out[p] = {"old": x, "new": y, "percent": pct}
    return out


# --------------------------------------------------------------------------- as text


def lines(c: Mapping[str, Any], catalog: str, shown: int = SHOWN) -> list[str]:
    """A re-import's changes as the human summary prints them: a line a kind of
    change, at most ``shown`` of each listed (``... and N more``)."""
    version, as_of = c["version"], c["as_of"]
    what = f"{catalog} {version['old']}" if version["old"] else catalog
    entries, models = c["entries"], c["models"]
    if not any(entries.values()) and (version["old"], as_of["old"]) == (
        version["new"],
        as_of["new"],
    ):
        return [f"  no changes since the file it replaces ({what})"]
    out = [f"  changes since the file it replaces ({what}):"]
    if version["old"] != version["new"]:
        out.append(f"    version {_v(version['old'])} -> {_v(version['new'])}")
    if as_of["old"] != as_of["new"]:
        out.append(f"    as of {_v(as_of['old'])} -> {_v(as_of['new'])}")
    if not any(entries.values()):
        out.append("    no entry changed")
        return out
    noun = "offerings" if c["offerings"] is not None else "entries"
    out.append(
        f"    {noun}: {entries['added']:,} added, {entries['removed']:,} removed, "
        f"{entries['changed']:,} changed"
    )
    if c["offerings"] is not None:
        out += _listed(c["offerings"]["added"], shown, lambda o: f"added {_name(o)}")
        out += _listed(c["offerings"]["removed"], shown, lambda o: f"removed {_name(o)}")
    for how in ("added", "removed"):
        ids = models[how]
        if ids:
            more = f" ... and {len(ids) - shown:,} more" if len(ids) > shown else ""
            out.append(f"    models: {len(ids):,} {how}: {', '.join(ids[:shown])}{more}")
    if c["prices"]:
        n = len(c["prices"])
        out.append(f"    prices: {_count(n, noun)} changed (USD per 1M tokens)")
        out += _listed(c["prices"], shown, lambda p: f"{_name(p)}: {_price_change(p)}")
    if c["limits"]:
        by: dict[str, list[dict[str, Any]]] = {}
        for row in c["limits"]:
            by.setdefault(str(row["key"]), []).append(row)
        out.append(f"    limits: {_count(len(by), noun)} changed")
        out += _listed(
            list(by.values()),
            shown,
            lambda rs: (
                f"{_name(rs[0])}: "
                + "; ".join(f"{r['field']} {_n(r['old'])} -> {_n(r['new'])}" for r in rs)
            ),
        )
    return out


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun if n != 1 else noun[:-1]}"


def _listed(rows: Sequence[Any], shown: int, line: Callable[[Any], str]) -> list[str]:
    """The first ``shown`` of ``rows``, a line each (only those are formatted), and
    how many more there are."""
    out = [f"      {line(row)}" for row in rows[:shown]]
    if len(rows) > shown:
        out.append(f"      ... and {len(rows) - shown:,} more")
    return out


def _name(o: Mapping[str, Any]) -> str:
    return f"{o['provider']} {o['id']}"


def _v(value: object) -> str:
    return "none" if value is None else str(value)


def _n(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else _v(value)


def _price_change(p: Mapping[str, Any]) -> str:
    parts = []
    for side in PRICES:
        x = p[side]
        if x["old"] == x["new"]:
            parts.append(f"{side} {_usd(x['new'])} (same)")
            continue
        pct = x["percent"]
        by = "" if pct is None else f" ({_percent(pct)})"
        parts.append(f"{side} {_usd(x['old'])} -> {_usd(x['new'])}{by}")
    return ", ".join(parts)


def _usd(value: object) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "none"
    return "$" + f"{value:,.10f}".rstrip("0").rstrip(".")


def _percent(pct: float) -> str:
    text = f"{pct:+.0f}" if abs(pct) >= 1 and round(pct) == round(pct, 1) else f"{pct:+.1f}"
    return f"{text}%"
