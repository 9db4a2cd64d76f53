"""Cross-file consistency of the bundled dataset.

Five people wrote the YAML files in parallel; these tests keep it one dataset:

* one source-registry entry per document (no two entries share a URL, an arXiv id or a
  title, except allow-listed entries that are truly different documents, which must say why
  in their ``note``); the merged duplicate ids are gone and cited nowhere;
* one event per real-world event (no two events with the same date and the same models,
  architectures or title);
* a model's ``released`` agrees with its release events, and a date correction on an event
  is mirrored on the model that the same report passage dates;
* ``family`` always names a ``kind: family`` record of the same vendor;
* vendors and partners of a model are parties of the events that list it; founding and
  investment dates agree between vendors and events;
* no alias just repeats a record's id or name, and the report's Chinese names for vendors,
  models and architectures are look-up names of the right record; a vendor's Chinese name
  is the report's or one a source of the lab quotes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from typing import Any

import pytest

from genai_cli.dataset import registry as R
from genai_cli.dataset.build import build
from genai_cli.dataset.parsing import normalize_key

# Registry entries that may share a URL / arXiv id / title because they are different
# documents. Each needs a reason here and a ``note`` in its registry entry.
SHARED_DOCUMENT_ALLOWED: dict[frozenset[str], str] = {
    frozenset({"gen-levels-of-agi-paper", "gen-levels-of-agi-paper-v2"}): (
        "v1 (2023-11-04) and v2 (2024-01-05) of arXiv 2311.02462 are different texts: "
        "v2 changes Table 1 (adds Gemini to Emerging AGI)"
    ),
    frozenset({"openai-models-docs-2023", "x-openai-models-2024-07"}): (
        "the 2023 and mid-2024 editions of OpenAI's models page are different texts: the 2024 "
        "one lists gpt-4-turbo-2024-04-09 and calls gpt-4-0314 a legacy snapshot"
    ),
}

# Registry ids merged into another entry during the consistency pass (old -> kept).
MERGED_SOURCE_IDS: dict[str, str] = {
    "bench-gpt4-tech-report": "gpt4-tech-report",
    "bench-gemini-1.0-report": "gemini-report",
    "bench-gemini-1.5-report-v1": "gemini-1.5-report-v1",
    "bench-claude-3-announcement": "anthropic-claude-3",
    "bench-claude-3-haiku-page": "anthropic-claude-3-haiku",
    "bench-humaneval-paper": "codex-paper",
    "gen-openai-founding": "openai-founding-blog",
    "gen-fortune-microsoft-openai": "fortune-microsoft-openai-2019",
    "gen-newsbytes-openai-revenue": "newsbytes-openai-revenue-2023",
    "gen-ft-google-anthropic": "ft-google-anthropic",
    "gen-mediapost-google-anthropic": "mediapost-google-anthropic",
    "gen-figure-01-demo": "figure-01-demo",
    "gen-resnet-paper": "resnet-paper",
    "gen-clip-paper": "clip-paper",
}

# Event ids removed as duplicates of another event (removed -> kept).
MERGED_EVENT_IDS: dict[str, str] = {
    "2017-06-transformer": "algo-2017-06-transformer",
}

# Event kinds that date a model's first public release or announcement.
RELEASE_KINDS = {"release", "announcement", "paper"}

# Chinese names the report uses, and the record each one must find.
REPORT_CHINESE_NAMES: dict[str, tuple[str, str]] = {
    "谷歌": ("vendors", "google"),
    "微软": ("vendors", "microsoft"),
    "英伟达": ("vendors", "nvidia"),
    "壁虎": ("models", "palm-2-gecko"),
    "变分自动编码": ("architectures", "vae"),
    "生成对抗网络": ("architectures", "gan"),
    "基于流的生成模型": ("architectures", "flow-based"),
    "扩散模型": ("architectures", "diffusion"),
    "神经辐射场": ("architectures", "nerf"),
}


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    built, problems = build()
    assert not problems, "\n".join(str(p) for p in problems)
    return built


def by_id(data: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in data[kind]}


def all_refs(value: Any) -> set[str]:
    """Every registry id cited anywhere inside a record."""
    out: set[str] = set()
    if isinstance(value, dict):
        if isinstance(value.get("ref"), str):
            out.add(value["ref"])
        for v in value.values():
            out |= all_refs(v)
    elif isinstance(value, list):
        for v in value:
            out |= all_refs(v)
    return out


def report_quotes(rec: dict[str, Any]) -> set[str]:
    """The report passages a record quotes (its sources and its corrections' sources)."""
    out: set[str] = set()
    items = list(rec.get("sources", []))
    for corr in rec.get("corrections", []):
        items += corr.get("sources", [])
    for src in items:
        if src.get("ref") == "report" and src.get("quote"):
            out.add(" ".join(src["quote"].split()))
    return out


# --------------------------------------------------------------------------- sources


def document_key(url: str) -> str:
    """A URL reduced to the document it names: scheme, www, trailing slash and the arXiv
    abs/pdf/html form and version suffix do not make a different document."""
    u = url.strip().lower()
    u = re.sub(r"^https?://(www\.)?", "", u).rstrip("/")
    m = re.match(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?$", u)
    if m:
        return "arxiv:" + m.group(1)
    return u


def title_key(title: str) -> str:
    t = re.sub(r"\([^)]*\)", " ", title.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", t).split())


def _allowed(a: str, b: str) -> bool:
    return frozenset({a, b}) in SHARED_DOCUMENT_ALLOWED


def test_no_two_registry_sources_share_a_url(data: dict[str, Any]) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for src in data["sources"]:
        if src.get("url"):
            seen[document_key(src["url"])].append(src["id"])
    clashes = [
        (key, a, b)
        for key, ids in seen.items()
        for a, b in combinations(ids, 2)
        if not _allowed(a, b)
    ]
    assert not clashes, f"one document, several registry entries (merge them): {clashes}"


def test_no_two_registry_sources_share_a_title(data: dict[str, Any]) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for src in data["sources"]:
        seen[title_key(src["title"])].append(src["id"])
    clashes = [
        (key, a, b)
        for key, ids in seen.items()
        for a, b in combinations(ids, 2)
        if not _allowed(a, b)
    ]
    assert not clashes, f"same title, several registry entries: {clashes}"


def test_shared_document_allow_list_is_current_and_explained(data: dict[str, Any]) -> None:
    registry = by_id(data, "sources")
    for pair, reason in SHARED_DOCUMENT_ALLOWED.items():
        assert reason
        for sid in pair:
            assert sid in registry, f"allow-listed source {sid!r} no longer exists"
            assert registry[sid].get("note"), f"{sid!r} shares a document: say why in its note"
        keys = {document_key(registry[s]["url"]) for s in pair if registry[s].get("url")}
        titles = {title_key(registry[s]["title"]) for s in pair}
        assert len(keys) == 1 or len(titles) == 1, f"{sorted(pair)} no longer clash: drop them"


def test_merged_source_ids_are_gone_and_uncited(data: dict[str, Any]) -> None:
    registry = by_id(data, "sources")
    for old, kept in MERGED_SOURCE_IDS.items():
        assert old not in registry, f"{old!r} was merged into {kept!r}"
        assert kept in registry, f"{kept!r} (which replaced {old!r}) is missing"
    for kind in R.LIST_KINDS:
        for rec in data[kind]:
            stale = all_refs(rec) & set(MERGED_SOURCE_IDS)
            assert not stale, f"{kind} {rec.get('id')!r} cites merged ids {sorted(stale)}"


def test_every_registry_entry_is_cited(data: dict[str, Any]) -> None:
    cited: set[str] = set()
    for kind in R.LIST_KINDS:
        for rec in data[kind]:
            cited |= all_refs(rec)
    if data.get("dataset"):
        cited |= all_refs(data["dataset"])
    unused = sorted(s["id"] for s in data["sources"] if s["id"] not in cited)
    assert not unused, f"registry entries nobody cites: {unused}"


# --------------------------------------------------------------------------- events


def test_no_duplicate_events(data: dict[str, Any]) -> None:
    by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in data["events"]:
        by_date[ev["date"]].append(ev)
    dupes = []
    for date, events in by_date.items():
        for a, b in combinations(events, 2):
            ma, mb = set(a.get("models", [])), set(b.get("models", []))
            aa, ab = set(a.get("architectures", [])), set(b.get("architectures", []))
            same_models = bool(ma) and ma == mb
            same_paper = not ma and not mb and bool(aa) and aa == ab
            same_title = normalize_key(a["title"]) == normalize_key(b["title"])
            same_kind_overlap = (
                a["kind"] == b["kind"] and a.get("vendor") == b.get("vendor") and bool(ma & mb)
            )
            if same_models or same_paper or same_title or same_kind_overlap:
                dupes.append((date, a["id"], b["id"]))
    assert not dupes, f"one real-world event recorded twice (merge them): {dupes}"


def test_merged_event_ids_are_gone(data: dict[str, Any]) -> None:
    events = by_id(data, "events")
    for old, kept in MERGED_EVENT_IDS.items():
        assert old not in events, f"event {old!r} was merged into {kept!r}"
        assert kept in events


def test_event_vendors_cover_model_vendors_and_partners(data: dict[str, Any]) -> None:
    models = by_id(data, "models")
    bad = []
    for ev in data["events"]:
        involved = {ev.get("vendor"), *ev.get("parties", [])}
        for mid in ev.get("models", []):
            m = models[mid]
            need = {m["vendor"], *m.get("partners", [])}
            if need - involved:
                bad.append((ev["id"], mid, sorted(need - involved)))
    assert not bad, f"model vendor/partners missing from the event's vendor/parties: {bad}"


def test_vendor_founding_dates_match_founding_events(data: dict[str, Any]) -> None:
    vendors = by_id(data, "vendors")
    for ev in data["events"]:
        if ev["kind"] != "founding":
            continue
        v = vendors[ev["vendor"]]
        assert v.get("founded") == ev["date"], (ev["id"], v.get("founded"), ev["date"])


def test_investments_match_investment_events(data: dict[str, Any]) -> None:
    events = [e for e in data["events"] if e["kind"] == "investment"]
    for v in data["vendors"]:
        for fin in v.get("financials", []):
            if fin["metric"] != "investment" or not fin.get("counterparty"):
                continue
            match = [
                e
                for e in events
                if e.get("vendor") == v["id"] and fin["counterparty"] in e.get("parties", [])
            ]
            assert match, f"{v['id']}: no investment event for {fin['counterparty']}"
            assert fin.get("date") in {e["date"] for e in match}, (v["id"], fin.get("date"))


# --------------------------------------------------------------------------- models


def release_events(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in data["events"]:
        if ev["kind"] in RELEASE_KINDS:
            for mid in ev.get("models", []):
                out[mid].append(ev)
    return out


def test_released_agrees_with_release_events(data: dict[str, Any]) -> None:
    bad = []
    for mid, events in release_events(data).items():
        m = by_id(data, "models")[mid]
        released = m.get("released")
        dates = sorted(e["date"] for e in events)
        corrected = any(c["field"] == "released" for c in m.get("corrections", []))
        if released is None:
            bad.append((mid, None, dates))
        elif released not in dates and not corrected:
            bad.append((mid, released, dates))
        elif released != dates[0] and not corrected:
            # released later than the first release event: the description must explain it
            text = m.get("description", "")
            if dates[0] not in text or released not in text:
                bad.append((mid, released, dates))
    assert not bad, f"released disagrees with the model's release events: {bad}"


def test_event_date_corrections_are_mirrored_on_models(data: dict[str, Any]) -> None:
    """When an event's date corrects the report, a model that quotes the same report
    passage and shares that date carries the same ``released`` correction."""
    models = by_id(data, "models")
    bad = []
    for ev in data["events"]:
        for corr in ev.get("corrections", []):
            if corr["field"] != "date":
                continue
            quotes = report_quotes({"corrections": [corr]})
            for mid in ev.get("models", []):
                m = models[mid]
                if m.get("released") != ev["date"] or not quotes & report_quotes(m):
                    continue
                mirrored = [
                    c
                    for c in m.get("corrections", [])
                    if c["field"] == "released" and c["reported"] == corr["reported"]
                ]
                if not mirrored:
                    bad.append((ev["id"], mid, corr["reported"]))
    assert not bad, f"event date corrections missing on their models: {bad}"


def test_family_points_at_a_family_record(data: dict[str, Any]) -> None:
    models = by_id(data, "models")
    bad = []
    for m in data["models"]:
        fam = m.get("family")
        if fam is None:
            continue
        target = models.get(fam)
        if target is None or target.get("kind", "model") != "family":
            bad.append((m["id"], fam, None if target is None else target.get("kind", "model")))
        elif target["vendor"] != m["vendor"]:
            bad.append((m["id"], fam, "vendor differs"))
        if m.get("kind", "model") == "family":
            bad.append((m["id"], fam, "a family inside a family"))
    assert not bad, f"family must name a kind: family record of the same vendor: {bad}"


def test_family_members_share_partners(data: dict[str, Any]) -> None:
    models = by_id(data, "models")
    for m in data["models"]:
        fam = m.get("family")
        if fam:
            assert set(m.get("partners", [])) == set(models[fam].get("partners", [])), m["id"]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("kind", ["vendors", "models", "benchmarks", "architectures"])
def test_no_alias_repeats_the_id_or_name(data: dict[str, Any], kind: str) -> None:
    bad = []
    for rec in data[kind]:
        own = {normalize_key(rec["id"]), normalize_key(rec["name"])}
        seen: set[str] = set()
        for alias in rec.get("aliases", []):
            key = normalize_key(alias)
            if key in own or key in seen:
                bad.append((rec["id"], alias))
            seen.add(key)
    assert not bad, f"aliases that repeat the id, the name or another alias: {bad}"


def test_report_chinese_names_are_aliases(data: dict[str, Any]) -> None:
    for name, (kind, rid) in REPORT_CHINESE_NAMES.items():
        rec = by_id(data, kind)[rid]
        assert name in R.names_of(kind, rec), f"{kind} {rid!r} should answer to {name!r}"


def test_report_chinese_names_resolve(catalog: Any) -> None:
    for name, (kind, rid) in REPORT_CHINESE_NAMES.items():
        assert catalog.resolve(kind, name) == rid


def test_report_chinese_names_are_the_reports(seed_text: str) -> None:
    for name in REPORT_CHINESE_NAMES:
        assert name in seed_text, f"{name!r} is not in the report"


def test_vendor_chinese_name_is_an_alias_and_sourced(data: dict[str, Any], seed_text: str) -> None:
    """A vendor's Chinese name is a look-up name, and is either the report's or the lab's
    own: quoted from a page of the lab in one of the record's other sources."""
    for v in data["vendors"]:
        zh = v.get("name_zh")
        if zh:
            assert zh in v.get("aliases", []), v["id"]
            quoted = any(
                zh in (src.get("quote") or "")
                for src in v.get("sources", [])
                if src.get("ref") != "report"
            )
            assert zh in seed_text or quoted, v["id"]


def test_quotes_are_the_reports(data: dict[str, Any], seed_text: str) -> None:
    from genai_cli.dataset.report_quotes import check_quotes

    problems = check_quotes(data, seed_text)
    assert not problems, "\n".join(str(p) for p in problems)
