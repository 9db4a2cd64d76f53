"""Bring compact records back to their full shape, with the stdlib only.

Records are stored *compact* (pydantic's ``exclude_defaults``): the bundled
``_build/*.json`` and the user-data cache hold only what differs from the
defaults. The shapes (field order, defaults, nested record types) are
generated from the schema at build time and shipped in ``_build/meta.json``, so
the fast path can restore a full record without importing pydantic.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def normalize(rec: dict[str, Any], cls: str, shapes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The full record, keys in schema order, every default present."""
    shape = shapes[cls]
    defaults = shape["defaults"]
    out: dict[str, Any] = {}
    for name in shape["fields"]:
        if name in rec:
            out[name] = rec[name]
        elif name in defaults:
            d = defaults[name]
            out[name] = [] if d == [] else d
    for name, (sub, many) in shape["nested"].items():
        value = out.get(name)
        if value is None:
            continue
        if many:
            out[name] = [normalize(v, sub, shapes) for v in value]
        else:
            out[name] = normalize(value, sub, shapes)
    return out


def build_shapes() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Shapes of every schema class, and the class of each kind (imports pydantic)."""
    import typing

    from pydantic import BaseModel

    from . import schema

    shapes: dict[str, dict[str, Any]] = {}

    def nested_class(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation, False
        if origin is list and args:
            inner, _ = nested_class(args[0])
            return inner, True
        for arg in args:  # Optional[X], Annotated[X, ...]
            inner, many = nested_class(arg)
            if inner is not None:
                return inner, many
        return None, False

    def visit(cls: type[BaseModel]) -> None:
        name = cls.__name__
        if name in shapes:
            return
        shape: dict[str, Any] = {"fields": [], "defaults": {}, "nested": {}}
        shapes[name] = shape
        for fname, info in cls.model_fields.items():
            shape["fields"].append(fname)
            if not info.is_required():
                default = info.get_default(call_default_factory=True)
                shape["defaults"][fname] = default
            sub, many = nested_class(info.annotation)
            if sub is not None:
                shape["nested"][fname] = [sub.__name__, many]
                visit(sub)

    classes = {**schema.KINDS, **schema.SINGLETONS, **schema.REGISTRIES}
    for cls in classes.values():
        visit(cls)
    return shapes, {kind: cls.__name__ for kind, cls in classes.items()}
