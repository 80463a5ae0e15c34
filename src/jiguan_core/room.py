"""Meeting rooms."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from jiguan_core._validation import identifier, text
from jiguan_core.errors import InvalidValue

__all__ = ["Room"]


def _capacity(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """None (unknown) or a whole number of seats, at least 1 (``True`` is not a number)."""
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidValue(
            f"Room.{attribute.name} must be a whole number of seats (at least 1) or None, "
            f"got {value!r}",
            f"Room.{attribute.name} 应为不少于 1 的整数座位数，实际为 {value!r}",
            field=attribute.name,
            value=value,
        )


@frozen(kw_only=True)
class Room:
    """A meeting room; ``capacity`` is its number of seats, when known."""

    id: str = field(validator=identifier)
    name: str = field(validator=text)
    capacity: int | None = field(default=None, validator=_capacity)
