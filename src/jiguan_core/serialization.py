"""Conversion between domain objects and plain JSON-compatible dicts, at the edge.

One converter the library owns (cattrs), never a global one a caller could reconfigure by
accident. Reading is strict: a string is not an int, ``"yes"`` is not ``True``, a datetime needs
its UTC offset; and every problem is reported at once with its JSON path (``$.staff[3].level``)
in a :class:`~jiguan_core.errors.ConversionError`. Dangling references are found by the
:class:`~jiguan_core.organization.Organization` itself and reported the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from jiguan_core.errors import ConversionError, IntegrityError, InvalidValue, JiguanError, Problem
from jiguan_core.time import parse_datetime

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]

_T = TypeVar("_T")


def _type_name(cl: Any) -> str:
    return getattr(cl, "__name__", str(cl))


def _strict(expected: type, check: Callable[[Any], bool]) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if not check(value):
            raise InvalidValue(
                f"expected {expected.__name__}, got {type(value).__name__} {value!r}",
                f"应为 {expected.__name__}，实际为 {type(value).__name__} {value!r}",
                field=expected.__name__,
                value=value,
            )
        return value

    return structure


def _structure_datetime(value: Any, _: Any) -> pendulum.DateTime:
    if not isinstance(value, str):
        raise InvalidValue(
            f"expected an ISO 8601 datetime string with offset, got {value!r}",
            f"应为带时区的 ISO 8601 时间字符串，实际为 {value!r}",
            field="datetime",
            value=value,
        )
    return parse_datetime(value)


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue(
        f"expected a date string YYYY-MM-DD, got {value!r}",
        f"应为 YYYY-MM-DD 格式的日期，实际为 {value!r}",
        field="date",
        value=value,
    )


def _structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    for member in cl:
        if member.value == value:
            return member
    choices = ", ".join(str(m.value) for m in cl)
    raise InvalidValue(
        f"{value!r} is not a {cl.__name__}; use one of: {choices}",
        f"{value!r} 不是有效的 {cl.__name__}；可选：{choices}",
        field=cl.__name__,
        value=value,
    )


def make_converter() -> cattrs.Converter:
    """A new converter configured for jiguan_core's classes (for callers who extend it)."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, lambda v: isinstance(v, str)))
    converter.register_structure_hook(bool, _strict(bool, lambda v: isinstance(v, bool)))
    converter.register_structure_hook(
        int, _strict(int, lambda v: isinstance(v, int) and not isinstance(v, bool))
    )
    converter.register_structure_hook(
        float,
        _strict(float, lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    )
    converter.register_structure_hook(pendulum.DateTime, _structure_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, lambda v: v.isoformat())
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda v: v.isoformat())
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda v: v.value
    )

    def unstructure_set(value: frozenset[Any]) -> list[Any]:
        # Sets have no order; JSON must have one, and the same one on every run.
        items = [converter.unstructure(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))

    converter.register_unstructure_hook_func(
        lambda t: t in (frozenset, set) or getattr(t, "__origin__", None) in (frozenset, set),
        unstructure_set,
    )
    converter.register_unstructure_hook_func(
        lambda t: t is tuple or getattr(t, "__origin__", None) is tuple,
        lambda value: [converter.unstructure(v) for v in value],
    )
    return converter


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def to_dict(obj: object) -> Any:
    """The JSON-compatible form of a domain object (dicts, lists, strings, numbers, booleans)."""
    return _converter().unstructure(obj)


def from_dict(cls: type[_T], data: Any) -> _T:
    """Read a domain object from its dict form.

    Raises :class:`ConversionError` listing every problem with its path: structural ones by
    position (``$.staff[3].level``), and those of an organization whose parts do not fit
    together by id (``$.staff[s017].department_id``). ``data`` is never modified.
    """
    try:
        return _converter().structure(data, cls)
    except (cattrs.BaseValidationError, JiguanError, TypeError, ValueError, KeyError) as error:
        raise ConversionError(_problems(error, "$", _type_name(cls))) from error


def to_json(obj: object, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent, sort_keys=False)


def from_json(cls: type[_T], text: str) -> _T:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConversionError(
            [
                Problem(
                    f"$ (line {error.lineno}, column {error.colno})",
                    f"not JSON: {error.msg}",
                    f"不是合法的 JSON：{error.msg}",
                )
            ]
        ) from error
    return from_dict(cls, data)


def _problems(error: BaseException, path: str, type_name: str) -> list[Problem]:
    """Flatten cattrs' exception groups into one :class:`Problem` per leaf, with its path."""
    if isinstance(error, ForbiddenExtraKeysError):
        extra = ", ".join(sorted(error.extra_fields))
        return [
            Problem(
                path,
                f"unknown field(s) {extra} for {_type_name(error.cl)}; remove or rename them",
                f"{_type_name(error.cl)} 不认识的字段：{extra}",
            )
        ]
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        excs_with_notes, others = error.group_exceptions()
        for inner, note in excs_with_notes:
            if isinstance(note, AttributeValidationNote):
                child = f"{path}.{note.name}"
            else:
                child = f"{path}[{note.index}]"
            if isinstance(inner, KeyError) and not isinstance(inner, JiguanError):
                found.append(Problem(child, "required field is missing", "缺少必填字段"))
            else:
                found.extend(_problems(inner, child, _type_name(note.type)))
        for inner in others:
            found.extend(_problems(inner, path, type_name))
        return found
    if isinstance(error, IntegrityError):
        return [Problem(f"{path}.{p.path}", p.message_en, p.message_zh) for p in error.problems]
    if isinstance(error, JiguanError):
        return [Problem(path, error.message_en, error.message_zh)]
    if isinstance(error, cattrs.BaseValidationError):
        return [Problem(path, str(error), str(error))]
    if isinstance(error, AttributeError | TypeError):
        return [
            Problem(
                path,
                f"expected an object (dict) for {type_name}, got something else ({error})",
                f"{type_name} 应为对象（字典）",
            )
        ]
    return [Problem(path, f"invalid value: {error}", f"取值无效：{error}")]
