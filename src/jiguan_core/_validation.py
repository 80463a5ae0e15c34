"""Field validators and converters shared by the domain classes (private)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from jiguan_core.errors import InvalidValue

__all__ = [
    "date_value",
    "id_tuple",
    "identifier",
    "optional_date",
    "optional_identifier",
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
    return tuple(sorted(values))


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
