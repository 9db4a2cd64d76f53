"""The kinds of record, their file names and their references (stdlib only)."""

from __future__ import annotations

from .values import slugify

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

KINDS: tuple[str, ...] = (
    "vendors",
    "models",
    "benchmarks",
    "scores",
    "events",
    "architectures",
    "agi_levels",
    "market_figures",
    "predictions",
    "risks",
    "findings",
)
"""Every list kind, referenced kinds first. Also the table names of ``genai sql``."""

REGISTRY = "sources"
SINGLETON = "dataset"

SINGULAR = {
    "vendors": "vendor",
    "models": "model",
    "benchmarks": "benchmark",
    "scores": "score",
    "events": "event",
    "architectures": "architecture",
    "agi_levels": "agi_level",
    "market_figures": "market_figure",
    "predictions": "prediction",
    "risks": "risk",
    "findings": "finding",
    "sources": "source",
}

# a user's file or folder name -> kind ("agi-levels.yaml", "market.yaml", "model.json")
FILE_KINDS: dict[str, str] = {}
for _kind, _one in SINGULAR.items():
    for _name in (_kind, _one):
        FILE_KINDS[_name] = _kind
        FILE_KINDS[_name.replace("_", "-")] = _kind
FILE_KINDS["market"] = "market_figures"

# where one kind names another: (field, target kind, many?)
REFERENCES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "vendors": (("parent", "vendors", False),),
    "models": (
        ("vendor", "vendors", False),
        ("partners", "vendors", True),
        ("family", "models", False),
        ("based_on", "models", True),
        ("architecture", "architectures", True),
    ),
    "benchmarks": (),
    "scores": (
        ("model", "models", False),
        ("benchmark", "benchmarks", False),
        ("reported_by", "vendors", False),
        ("opponent", "models", False),
    ),
    "events": (
        ("vendor", "vendors", False),
        ("parties", "vendors", True),
        ("models", "models", True),
        ("architectures", "architectures", True),
    ),
    "architectures": (),
    "agi_levels": (),
    "market_figures": (),
    "predictions": (("vendor", "vendors", False),),
    "risks": (),
    "findings": (
        ("vendor", "vendors", False),
        ("models", "models", True),
        ("architectures", "architectures", True),
    ),
}

# fields whose text is matched by look-up (besides id): name and aliases
NAME_FIELDS = ("name", "name_zh", "aliases")


def score_id(rec: dict[str, Any]) -> str:
    """The default id of a score: MODEL/BENCHMARK/SETTING-SLUG[/vs-OPPONENT]."""
    parts = [rec["model"], rec["benchmark"], slugify(rec.get("setting") or "") or "default"]
    if rec.get("opponent"):
        parts.append("vs-" + rec["opponent"])
    return "/".join(parts)


def names_of(rec: dict[str, Any]) -> list[str]:
    """The id, name, Chinese name and aliases a record answers to."""
    out = [str(rec.get("id", ""))]
    for field in NAME_FIELDS:
        value = rec.get(field)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    return [n for n in out if n]


def kind_for_path(parts: tuple[str, ...]) -> str | None:
    """The kind of a data file: its folder's name (``models/acme.yaml``), else its own."""
    if len(parts) > 1 and parts[-2].lower() in FILE_KINDS:
        return FILE_KINDS[parts[-2].lower()]
    stem = parts[-1].rsplit(".", 1)[0].lower()
    return FILE_KINDS.get(stem)
