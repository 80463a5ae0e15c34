"""Field validators and converters shared by the domain classes (private)."""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import functools
import inspect
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from jiguan_core.errors import InvalidValue, WrongType

__all__ = [
    "boundary",
    "date_value",
    "id_tuple",
    "identifier",
    "instance_of",
    "members_of",
    "optional_date",
    "optional_identifier",
    "sort_key",
    "text",
    "unique_ids",
]


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: a non-empty string without surrounding white space."""
    if not isinstance(value, str) or not value or value != value.strip():
        owner = type(instance).__name__
        raise InvalidValue(
            f"{owner}.{attribute.name} must be a non-empty string id without surrounding "
            f"spaces, got {value!r}",
            f"{owner}.{attribute.name} 应为非空字符串编号（首尾无空格），实际为 {value!r}",
            field=attribute.name,
            value=value,
        )


def instance_of(
    expected: type,
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Like ``attrs.validators.instance_of``, but raising a bilingual :class:`WrongType` that
    lists an enum's choices. ``bool`` is exact: ``1`` is not ``True``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, expected):
            return
        owner = type(instance).__name__
        hint_en = hint_zh = ""
        if isinstance(expected, type) and issubclass(expected, enum.Enum):
            choices = ", ".join(f"{expected.__name__}.{m.name}" for m in expected)
            hint_en = f"; use one of: {choices}"
            hint_zh = f"；可选：{choices}"
        raise WrongType(
            f"{owner}.{attribute.name} must be a {expected.__name__}, got "
            f"{type(value).__name__} {value!r}{hint_en}",
            f"{owner}.{attribute.name} 应为 {expected.__name__}，实际为 "
            f"{type(value).__name__} {value!r}{hint_zh}",
            field=attribute.name,
            value=value,
        )

    return check


def members_of(
    expected: type,
) -> Callable[[object, attrs.Attribute[Any], Iterable[object]], None]:
    """Every item of a collection field is an ``expected`` (raises :class:`WrongType`)."""

    def check(instance: object, attribute: attrs.Attribute[Any], values: Iterable[object]) -> None:
        for index, value in enumerate(values):
            if not isinstance(value, expected) or (
                expected is dt.date and isinstance(value, dt.datetime)
            ):
                owner = type(instance).__name__
                raise WrongType(
                    f"{owner}.{attribute.name} must hold {expected.__name__} items, got "
                    f"{type(value).__name__} {value!r} (item {index})",
                    f"{owner}.{attribute.name} 的元素应为 {expected.__name__}，第 {index} 项为 "
                    f"{type(value).__name__} {value!r}",
                    field=attribute.name,
                    value=value,
                )

    return check


def sort_key(attribute: str) -> Callable[[object], tuple[int, str]]:
    """A sort key by ``attribute`` that tolerates items of the wrong type (they sort last and
    are then reported by a ``members_of`` validator instead of raising a bare error here)."""

    def key(item: object) -> tuple[int, str]:
        value = getattr(item, attribute, None)
        return (0, value) if isinstance(value, str) else (1, repr(item))

    return key


def optional_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        identifier(instance, attribute, value)


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Free text: a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        owner = type(instance).__name__
        raise InvalidValue(
            f"{owner}.{attribute.name} must be non-empty text, got {value!r}",
            f"{owner}.{attribute.name} 应为非空文本，实际为 {value!r}",
            field=attribute.name,
            value=value,
        )


def date_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (not a datetime, whose zone would make the day ambiguous)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        owner = type(instance).__name__
        raise InvalidValue(
            f"{owner}.{attribute.name} must be a date (datetime.date), got {value!r}",
            f"{owner}.{attribute.name} 应为日期，实际为 {value!r}",
            field=attribute.name,
            value=value,
        )


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        date_value(instance, attribute, value)


def id_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Normalise a collection of ids to a sorted tuple, so equal sets compare and print alike.

    Duplicates are kept here and reported by the validator ``unique_ids``.
    """
    if isinstance(values, str):
        # A lone string would otherwise become a tuple of its characters.
        return (values,)
    # ``key=str`` leaves the order of strings as it is and keeps a stray non-string from
    # raising a bare TypeError here: ``unique_ids`` reports it properly.
    return tuple(sorted(values, key=str))


def unique_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    owner = type(instance).__name__
    for item in value:
        identifier(instance, attribute, item)
    duplicates = sorted({v for v in value if value.count(v) > 1})
    if duplicates:
        raise InvalidValue(
            f"{owner}.{attribute.name} lists {duplicates} more than once; list each id once",
            f"{owner}.{attribute.name} 重复列出 {duplicates}",
            field=attribute.name,
            value=value,
        )


# Checking the arguments of public entry points ----------------------------------------------

_F = TypeVar("_F", bound=Callable[..., Any])
_Check = Callable[[str, str, object], None]
_COLLECTIONS = (
    collections.abc.Iterable,
    collections.abc.Sequence,
    collections.abc.Collection,
    tuple,
    list,
)


def _wrong(where: str, name: str, value: object, expected: str) -> WrongType:
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return WrongType(
        f"{where}: argument {name} must be {expected}, got {type(value).__name__} {shown}",
        f"{where}：参数 {name} 应为 {expected}，实际为 {type(value).__name__} {shown}",
        field=name,
        value=value,
    )


def _accepts(tp: Any) -> Callable[[object], bool] | None:
    """A test for one value of type ``tp``, or None when ``tp`` is not checked here."""
    if tp is bool:
        return lambda v: isinstance(v, bool)
    if tp is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if tp is float:
        return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
    if tp is str:
        return lambda v: isinstance(v, str)
    if tp is dt.date:
        # A datetime is not a day: its zone would make the day ambiguous.
        return lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    if isinstance(tp, type) and (attrs.has(tp) or issubclass(tp, enum.Enum)):
        return lambda v: isinstance(v, tp)
    if (
        isinstance(tp, type)
        and tp.__module__.startswith("jiguan_core.")
        and not getattr(tp, "_is_protocol", False)
    ):
        # The library's own plain classes (e.g. a rotation plan's Placement) too.
        return lambda v: isinstance(v, tp)
    return None


def _check_for(tp: Any) -> _Check | None:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    optional = False
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            return None
        optional, tp = True, rest[0]
        origin, args = typing.get_origin(tp), typing.get_args(tp)
    name = getattr(tp, "__name__", str(tp))
    single = _accepts(tp)
    if single is not None:

        def check_one(where: str, arg: str, value: object) -> None:
            if not (optional and value is None) and not single(value):
                raise _wrong(where, arg, value, f"a {name}" + (" or None" if optional else ""))

        return check_one
    item = _accepts(args[0]) if origin in _COLLECTIONS and args else None
    if item is None:
        return None
    item_name = getattr(args[0], "__name__", str(args[0]))

    def check_many(where: str, arg: str, value: object) -> None:
        if optional and value is None:
            return
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            raise _wrong(where, arg, value, f"a collection of {item_name}")
        if isinstance(value, list | tuple):  # never consume an iterator the function needs
            for index, element in enumerate(value):
                if not item(element):
                    raise _wrong(where, f"{arg}[{index}]", element, f"a {item_name}")

    return check_many


def _plan(fn: Callable[..., Any]) -> list[tuple[str, _Check]]:
    signature = inspect.signature(fn)
    plan = []
    for name, parameter in signature.parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        annotation = parameter.annotation
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, fn.__globals__)
            except Exception:  # a name imported only for type checking: not checked
                continue
        check = _check_for(annotation)
        if check is not None:
            plan.append((name, check))
    return plan


def boundary(fn: _F) -> _F:
    """Check a public function's arguments against its annotations before it runs.

    Only what is unambiguous is checked (an Organization, a date that is not a datetime, an int
    that is not a bool, attrs and enum instances, lists and tuples of them); a wrong one raises a
    bilingual :class:`WrongType` naming the function and the argument, instead of an
    AttributeError from deep inside. The plan is made on the first call (annotations may name
    classes defined later).
    """
    signature = inspect.signature(fn)
    where = fn.__qualname__
    plan: list[tuple[str, _Check]] | None = None

    @functools.wraps(fn)
    def checked(*args: Any, **kwargs: Any) -> Any:
        nonlocal plan
        if plan is None:
            plan = _plan(fn)
        if plan:
            try:
                arguments = signature.bind(*args, **kwargs).arguments
            except TypeError as error:  # the call's shape is wrong: Python's error, with a name
                raise TypeError(f"{where}(): {error}") from None
            for name, check in plan:
                if name in arguments:
                    check(where, name, arguments[name])
        return fn(*args, **kwargs)

    return typing.cast(_F, checked)
