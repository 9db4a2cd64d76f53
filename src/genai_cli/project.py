"""Records as the CLI prints them (the JSON keys of the contract).

A record's output is its full schema shape plus a few derived keys:

* model: ``parameters`` is ``{"min", "max", ...}`` for an exact figure or a
  range and ``null`` otherwise (undisclosed, or only a lower bound);
  ``parameters_detail`` is the quantity as recorded, with its state.
* score: ``setting_detail`` (shots, chain of thought, aggregation parsed from
  the label) and ``third_party`` (the publisher is not the model's vendor).
* architecture: ``models``, the ids of the models built on it.
"""

from __future__ import annotations

from .catalog import Catalog
from .values import parse_setting

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def output(cat: Catalog, kind: str, rec: dict[str, Any]) -> dict[str, Any]:
    full = cat.full(kind, rec)
    if kind == "models":
        return _model(full)
    if kind == "scores":
        return _score(cat, full)
    if kind == "architectures":
        full["models"] = [
            m["id"] for m in cat.records("models") if full["id"] in m.get("architecture", ())
        ]
    return full


def outputs(cat: Catalog, kind: str, recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [output(cat, kind, r) for r in recs]


def _model(full: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    q = full.get("parameters")
    for key, value in full.items():
        if key == "parameters":
            if q is not None and q["state"] in ("exact", "range"):
                out["parameters"] = q
            else:
                out["parameters"] = None
            out["parameters_detail"] = q
        else:
            out[key] = value
    return out


def _score(cat: Catalog, full: dict[str, Any]) -> dict[str, Any]:
    out = dict(full)
    setting = full.get("setting")
    if setting:
        detail = parse_setting(setting)
        detail.pop("label", None)
        out["setting_detail"] = detail
    else:
        out["setting_detail"] = None
    model = cat.by_id("models").get(full["model"])
    by = full.get("reported_by")
    if model is None or by is None:
        out["third_party"] = None
    else:
        owners = {model["vendor"], *model.get("partners", [])}
        out["third_party"] = by not in owners
    return out
