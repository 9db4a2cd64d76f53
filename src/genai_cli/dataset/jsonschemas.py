"""The JSON Schemas of ``genai schema``: what genai prints of each kind of record,
and (``--input``) what a record of a data file must be.

A printed record (``--json``, ``show``, ``export``) is :meth:`Catalog.output
<genai_cli.answers.catalog.Catalog.output>`: the record in its full shape (every field
of its schema class, defaults filled, nested records too) plus the keys the
registry derives. So its schema is made, with nothing written twice, of

* the schema class (:mod:`genai_cli.dataset.schema`) in pydantic's serialization mode,
  every key required at every level (a printed record is full: an undisclosed
  value is ``null``, an empty list ``[]``; no key is ever missing);
* the kind's derived keys (``Kind.derived``), typed by their type expressions
  (:func:`genai_cli.dataset.registry.json_type`), required except the kind's ``detail``
  keys, which lists leave out unless ``--fields`` names them;
* the keys ``show`` adds (``Kind.related``), optional.

No other key is allowed (``additionalProperties: false``), so a key that a
command prints and the registry does not declare fails ``tests/test_schema_output.py``.
``--fields`` prints a projection of these records: some of their keys, each
valid against its property here.

The data-file schema is the schema class in pydantic's validation mode:
``extra="forbid"``, only what identifies a record and its ``sources`` required,
and the shorthands a file may write (:class:`genai_cli.dataset.schema.InFiles`: a year
as a number, a count for a quantity, ``{ref: ...}`` for a source). It is
necessary, not sufficient: ``genai validate`` also checks references, ids and
the rules across fields.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from . import registry as R
from . import schema as S
from .parsing import ID_PATTERN

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://genai-cli.invalid/schema/"


def names() -> list[str]:
    """Every name ``genai schema`` prints a schema for: each kind's singular, and the manifest."""
    return [*(k.singular for k in R.KINDS.values()), R.SINGLETON]


def kind_key(name: str) -> str:
    """A kind's name as a user writes it (``model``, ``agi-levels``, ``dataset``) -> its key."""
    if name.strip().lower() == R.SINGLETON:
        return R.SINGLETON
    return R.kind_of(name).name


def input_schema(kind: str) -> dict[str, Any]:
    """The schema of one record of a data file of ``kind`` (a key of :data:`R.SCHEMAS`)."""
    schema = S.CLASSES[kind].model_json_schema(mode="validation")
    defs = schema.pop("$defs", {})
    what = "The manifest" if kind == R.SINGLETON else f"A {_name(kind).replace('_', ' ')}"
    line = f"{what} as a data file writes it (genai validate checks references too)."
    schema["description"] = _describe(schema, line)
    return _document(f"input/{_name(kind)}", schema, defs)


def output_schema(kind: str) -> dict[str, Any]:
    """The schema of one record of ``kind`` as genai prints it."""
    defs: dict[str, Any] = {}
    return _document(_name(kind), _kind_body(kind, defs), defs)


_FIRST = ("title", "description", "type", "properties", "required", "additionalProperties")


def _document(name: str, body: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"$schema": DIALECT, "$id": f"{BASE}{name}.json"}
    out.update((key, body[key]) for key in _FIRST if key in body)
    out.update((key, value) for key, value in body.items() if key not in out)
    if defs:
        out["$defs"] = dict(sorted(defs.items()))
    return out


def _name(kind: str) -> str:
    return R.KINDS[kind].singular if kind in R.KINDS else kind


# --------------------------------------------------------------------------- building


def _class_schema(cls: type[BaseModel], defs: dict[str, Any]) -> dict[str, Any]:
    """A class's serialization schema, every object's keys required; its nested
    classes go into ``defs`` (by class name: the same class gives the same schema)."""
    schema = cls.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    for name, sub in schema.pop("$defs", {}).items():
        _define(defs, name, _full(sub))
    return _full(schema)


def _define(defs: dict[str, Any], name: str, schema: dict[str, Any]) -> None:
    if defs.setdefault(name, schema) != schema:
        raise ValueError(f"two definitions named {name!r}")


def _full(schema: dict[str, Any]) -> dict[str, Any]:
    """Every property required; defaults dropped (no key of a printed record is missing)."""
    schema = copy.deepcopy(schema)
    props = schema.get("properties")
    if props is not None:
        schema["required"] = list(props)
        for prop in props.values():
            prop.pop("default", None)
    return schema


def _kind_body(kind: str, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of a kind's printed record, its definitions put into ``defs``."""
    body = _class_schema(S.CLASSES[kind], defs)
    k = R.KINDS.get(kind)
    if k is None:  # the manifest: its full shape, nothing derived
        body["description"] = _describe(body, "The dataset's manifest, as genai prints it.")
        return body
    fields = list(S.CLASSES[kind].model_fields)
    order = k.keys({k.schema: {"fields": fields}})
    props = body["properties"]
    for key in k.key:  # what identifies a printed record is never null (a score's id is made)
        props[key] = _not_null(props[key])
    for key, _, expr in k.derived:
        props[key] = {
            **_type_schema(expr, defs),
            "description": "derived by genai (never in a data file)"
            + ("; lists leave it out unless --fields names it" if key in k.detail else ""),
        }
    optional = set(k.detail)
    shows = f"genai {k.show}" if k.show else "show"
    for key, expr in k.related:
        if key in props:  # show gives a derived key again: it must be the same thing
            if expr != _derived_type(k, key):
                raise ValueError(f"registry: {kind}: show's {key!r} is not the derived {key!r}")
            continue
        props[key] = {**_type_schema(expr, defs), "description": f"only in {shows}"}
        order.append(key)
        optional.add(key)
    body["properties"] = {key: props[key] for key in order}
    body["required"] = [key for key in order if key not in optional]
    body["additionalProperties"] = False
    body["description"] = _describe(
        body, f"A {k.singular.replace('_', ' ')} as genai prints it (--json, show, export)."
    )
    return body


def _not_null(prop: dict[str, Any]) -> dict[str, Any]:
    options = [o for o in prop.get("anyOf", ()) if o != {"type": "null"}]
    if len(options) != 1:
        return prop
    rest = {key: value for key, value in prop.items() if key != "anyOf"}
    return {**options[0], **rest}


def _derived_type(k: R.Kind, key: str) -> str:
    return next(expr for name, _, expr in k.derived if name == key)


def _describe(body: dict[str, Any], line: str) -> str:
    doc = body.get("description")
    return f"{line}\n\n{doc}" if doc else line


_JSON_TYPES = {
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "str": {"type": "string"},
    "bool": {"type": "boolean"},
    "list": {"type": "array"},
    "object": {"type": "object"},
    "any": {},
    "id": {"type": "string", "pattern": ID_PATTERN},
}


def _type_schema(expr: str, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of a registry type expression (see :func:`genai_cli.dataset.registry.json_type`)."""
    if expr.endswith("?"):
        return {"anyOf": [_type_schema(expr[:-1], defs), {"type": "null"}]}
    if expr.startswith("list[") and expr.endswith("]"):
        return {"type": "array", "items": _type_schema(expr[5:-1], defs)}
    if expr in _JSON_TYPES:
        return dict(_JSON_TYPES[expr])
    if expr in R.KINDS:  # a kind's records as printed, defined once by its singular
        name = R.KINDS[expr].singular
        if name not in defs:
            defs[name] = {}  # reserved while it is built
            defs[name] = _kind_body(expr, defs)
        return {"$ref": f"#/$defs/{name}"}
    cls = getattr(S, expr, None)
    if isinstance(cls, type) and issubclass(cls, S.Record):
        _define(defs, expr, _class_schema(cls, defs))
        return {"$ref": f"#/$defs/{expr}"}
    raise ValueError(f"unknown type expression {expr!r} in the registry")
