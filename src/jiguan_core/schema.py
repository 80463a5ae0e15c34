"""JSON Schema of the interchange format, generated from the attrs classes (never hand-written).

The schema describes exactly what :func:`jiguan_core.serialization.to_dict` writes and
:func:`~jiguan_core.serialization.from_dict` reads, so a file can be checked by any JSON Schema
tool before it reaches Python. Cross-object rules (dangling ids, overlapping main posts) are not
expressible in JSON Schema; the :class:`~jiguan_core.organization.Organization` checks them.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections import abc
from typing import Any

import attrs
import pendulum

from jiguan_core._frozen import FrozenDict
from jiguan_core.errors import InvalidValue

__all__ = ["DATETIME_PATTERN", "json_schema"]

#: An ISO 8601 datetime that carries its UTC offset (a naive one is refused), optionally followed
#: by its zone's IANA name in brackets (RFC 9557), e.g. ``2016-10-30T01:00:00+01:00[Europe/London]``.
DATETIME_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)"
    r"(\[[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*\])?$"
)
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
#: Durations and times of day (read by the interchange converter, jiguan_core.cli.interchange).
_DURATION_PATTERN = r"^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$"
_TIME_PATTERN = r"^\d{2}:\d{2}(:\d{2})?$"


def json_schema(cls: type, *, title: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls``'s dict form, with every nested class in ``$defs``."""
    if not attrs.has(cls):
        raise InvalidValue(
            f"{cls!r} is not an attrs class; pass a jiguan_core domain class such as Organization",
            f"{cls!r} 不是领域类",
            field="cls",
            value=cls,
        )
    definitions: dict[str, Any] = {}
    root = _class_schema(cls, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://jiguan-core.invalid/schema/{cls.__name__}.json",
        "title": title or cls.__name__,
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _class_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        properties[field.name] = _type_schema(hints[field.name], definitions)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def _type_schema(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, definitions) for arg in args]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], definitions)}
        # A fixed-length tuple such as (name, weight): one schema per position.
        return {
            "type": "array",
            "prefixItems": [_type_schema(arg, definitions) for arg in args],
            "items": False,
            "minItems": len(args),
        }
    if origin in (abc.Mapping, dict, FrozenDict):
        value = args[1] if len(args) == 2 else typing.Any
        return {"type": "object", "additionalProperties": _type_schema(value, definitions)}
    if tp is typing.Any:
        return {}
    if origin in (frozenset, set):
        return {"type": "array", "items": _type_schema(args[0], definitions), "uniqueItems": True}
    if tp is type(None):
        return {"type": "null"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if isinstance(tp, type) and issubclass(tp, pendulum.DateTime | dt.datetime):
        # No "format": "date-time": that names RFC 3339, which has no zone-name suffix, and the
        # writer adds one (RFC 9557) for named zones other than Asia/Shanghai and UTC. The
        # pattern says exactly what is written and read (docs/cli.md, "Datetimes").
        return {
            "type": "string",
            "pattern": DATETIME_PATTERN,
            "description": "RFC 9557: an RFC 3339 date-time with its UTC offset, optionally "
            "followed by the IANA zone name in brackets, e.g. 2025-10-26T01:30:00+01:00"
            "[Europe/London]",
        }
    if tp is dt.timedelta:
        return {"type": "string", "format": "duration", "pattern": _DURATION_PATTERN}
    if tp is dt.time:
        return {"type": "string", "pattern": _TIME_PATTERN}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        name = tp.__name__
        if name not in definitions:
            members = list(tp)
            definitions[name] = {
                "enum": [m.value for m in members],
                "description": "; ".join(
                    f"{m.value} = {getattr(m, 'zh', m.name)}" for m in members
                ),
            }
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder first: classes may refer to each other
            definitions[name] = _class_schema(tp, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise InvalidValue(
        f"no JSON Schema mapping for type {tp!r}; extend jiguan_core.schema",
        f"类型 {tp!r} 没有对应的 JSON Schema",
        field="type",
        value=tp,
    )
