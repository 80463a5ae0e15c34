"""Absences: a staff member away from the office for a span of time."""

from __future__ import annotations

from attrs import field, frozen

from jiguan_core._validation import identifier, instance_of, optional_text
from jiguan_core.text import TermEnum
from jiguan_core.time import TimeSpan

__all__ = ["Absence", "AbsenceKind"]


class AbsenceKind(TermEnum):
    ANNUAL_LEAVE = "annual_leave", "年休假"
    PERSONAL_LEAVE = "personal_leave", "事假"
    SICK_LEAVE = "sick_leave", "病假"
    MATERNITY_LEAVE = "maternity_leave", "产假"
    TRAINING = "training", "外出培训"
    BUSINESS_TRIP = "business_trip", "出差"
    SECONDMENT = "secondment", "借调"
    OTHER = "other", "其他"


@frozen(kw_only=True)
class Absence:
    id: str = field(validator=identifier)
    staff_id: str = field(validator=identifier)
    span: TimeSpan = field(validator=instance_of(TimeSpan))
    kind: AbsenceKind = field(validator=instance_of(AbsenceKind))
    note: str = field(default="", validator=optional_text)
