"""Departments (委室/科室): the office's internal units."""

from __future__ import annotations

from attrs import field, frozen
from attrs.validators import optional

from jiguan_core._validation import identifier, instance_of, text
from jiguan_core.text import TermEnum

__all__ = ["Department", "DepartmentKind"]


class DepartmentKind(TermEnum):
    LEADERSHIP = "leadership", "机关领导"
    GENERAL_OFFICE = "general_office", "办公室"
    COMMITTEE = "committee", "专门委员会"
    SECTION = "section", "科室"
    PARTY_OFFICE = "party_office", "机关党组织"


@frozen(kw_only=True)
class Department:
    """A 委室 or 科室. ``name`` is the office's own (Chinese) name."""

    id: str = field(validator=identifier)
    name: str = field(validator=text)
    kind: DepartmentKind = field(
        default=DepartmentKind.SECTION, validator=instance_of(DepartmentKind)
    )
    name_en: str | None = field(default=None, validator=optional(text))
