"""Field validators and converters shared by the domain classes (private)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from jiguan_core.errors import InvalidValue, WrongType

__all__ = [
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
