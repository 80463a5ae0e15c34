"""Meeting rooms."""

from __future__ import annotations

from attrs import field, frozen
from attrs.validators import ge, instance_of, optional

from jiguan_core._validation import identifier, text

__all__ = ["Room"]


@frozen(kw_only=True)
class Room:
    id: str = field(validator=identifier)
    name: str = field(validator=text)
    capacity: int | None = field(default=None, validator=optional([instance_of(int), ge(1)]))
