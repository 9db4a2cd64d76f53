"""HELM: ``helm/config/model_metadata.yaml`` of the ``crfm-helm`` package.

Shape: ``models: [{name: "creator/model", display_name, description,
creator_organization_name, access, num_parameters, release_date, tags}]``.
Read with the project's safe YAML loader (plain tags only, alias bombs
refused, dates kept as strings); a key repeated inside an entry is allowed
(HELM's own file repeats one), the later value winning as in PyYAML, and is
counted in ``dropped``.

* ``key`` is ``name``; ``provider`` the part before ``/``, ``id`` the part after;
  ``name`` is ``display_name``; ``creator`` is ``creator_organization_name``;
  ``url`` only if the entry has a ``url``.
* facts: ``release_date`` (or ``release``, which a few entries use) ->
  ``released``, ``num_parameters`` -> ``parameters``, ``access`` kept as written
  (``open``, ``limited``, ``closed``) and ``open_weights: true`` only for
  ``open`` -- ``limited``/``closed`` say how the model is reached, not that its
  weights are closed, so ``open_weights`` is then not stated.
  ``DEPRECATED_MODEL_TAG`` -> ``deprecated: true``.
* ``mode`` from tags only: ``TEXT_TO_IMAGE_MODEL_TAG`` -> ``image_generation``,
  ``TEXT_SIMILARITY_MODEL_TAG`` -> ``embedding``; None otherwise (HELM does not
  say chat or completion).
* skipped: entries without a ``creator/model`` name, repeats of a name (the
  first is kept), and HELM's test model ``simple/model1`` (provider ``simple``).
"""

from __future__ import annotations

from typing import Any

from ...dataset.safe_loader import LoadedFile, parse_bytes
from .common import (
    PROGRESS_EVERY,
    Entry,
    Facts,
    Notes,
    Progress,
    count_value,
    date_value,
    fail,
    skip_reason_no_facts,
    text_value,
    url_value,
)
from .source import refuse_larger

MAX_SOURCE_BYTES = 16 * 1024 * 1024
"""A YAML node tree takes tens of times its text in memory: HELM's file is ~0.3 MB."""

EXPECTED = "expected HELM's model_metadata.yaml: a YAML mapping with a 'models:' list"
TEST_PROVIDERS = frozenset({"simple"})
MODE_TAGS = {
    "TEXT_TO_IMAGE_MODEL_TAG": "image_generation",
    "TEXT_SIMILARITY_MODEL_TAG": "embedding",
}


def read(
    raw: bytes, display: str, progress: Progress | None
) -> tuple[list[Entry], Notes, int, str | None]:
    refuse_larger(display, len(raw), MAX_SOURCE_BYTES, "YAML")
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        fail(display, f"{EXPECTED}; this is JSON")
    loaded = LoadedFile(display, "helm")
    duplicates: list[Any] = []
    parse_bytes(loaded, raw, json_file=False, duplicate_keys=duplicates)
    if loaded.problems:
        first = loaded.problems[0]
        fail(display, first.message, first.line)
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("models"), list):
        fail(display, EXPECTED)
    lines = [k.start_mark.line + 1 for k, _ in loaded.yaml_root.value if k.value == "models"]
    if len(lines) > 1:  # PyYAML keeps the last: which list is HELM's is not clear
        fail(display, f"the top-level key 'models' is repeated (lines {lines[0]} and {lines[1]})",
             lines[1])  # fmt: skip
    notes = Notes()
    for _ in duplicates:
        notes.drop("a key repeated in an entry (the later value is used)")
    models: list[Any] = data["models"]
    entries: list[Entry] = []
    seen: set[str] = set()
    total = len(models)
    for done, m in enumerate(models, 1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if not isinstance(m, dict):
            notes.skip("entry is not a mapping")
            continue
        name = m.get("name")
        if not isinstance(name, str) or not name.strip():
            notes.skip("no model name")
            continue
        name = name.strip()
        provider, sep, mid = name.partition("/")
        if not sep or not provider or not mid:
            notes.skip("name is not creator/model")
            continue
        if provider in TEST_PROVIDERS:
            notes.skip(f"HELM's test model ({provider}/...)")
            continue
        if name in seen:
            notes.skip("repeats a name (the first is kept)")
            continue
        seen.add(name)
        tags = m.get("tags")
        if not isinstance(tags, list):
            if tags is not None:
                notes.drop("tags: not a list")
            tags = []
        mode = next((MODE_TAGS[t] for t in tags if isinstance(t, str) and t in MODE_TAGS), None)
        facts = _facts(m, tags, notes)
        if not facts:
            notes.skip(skip_reason_no_facts(mode))
            continue
        entries.append(
            {
                "key": name,
                "provider": provider,
                "id": mid,
                "aliases": [],
                "name": text_value(m.get("display_name"), "display_name", notes),
                "creator": text_value(
                    m.get("creator_organization_name"), "creator_organization_name", notes
                ),
                "description": text_value(m.get("description"), "description", notes),
                "url": url_value(m.get("url"), "url", notes),
                "mode": mode,
                "facts": facts,
            }
        )
    if progress is not None:
        progress(total, total)
    return entries, notes, total, None


def _facts(m: dict[str, Any], tags: list[Any], notes: Notes) -> Facts:
    facts: Facts = {}
    released = m.get("release_date")
    field = "release_date"
    if released is None and "release" in m:
        released, field = m.get("release"), "release"
    d = date_value(released, field, notes)
    if d is not None:
        facts["released"] = d
    n = count_value(m.get("num_parameters"), "num_parameters", notes)
    if n is not None:
        facts["parameters"] = n
    access = text_value(m.get("access"), "access", notes)
    if access is not None:
        access = access.lower()
        facts["access"] = access
        if access == "open":
            facts["open_weights"] = True
    if "DEPRECATED_MODEL_TAG" in tags:
        facts["deprecated"] = True
    return facts
