"""Tiny hand-made activities and absences on the small test office (see strategies_rules)."""

from __future__ import annotations

import datetime as dt

import pendulum

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import FIELD_KINDS, Activity, ActivityKind
from jiguan_core.time import SHANGHAI, TimeSpan
from tests.strategies_rules import small_office

OFFICE = small_office()
LEADERS = [s.id for s in OFFICE.leadership_members]  # s00001, s00002, s00003
ROLE = OFFICE.ab_roles[0]  # post p00004: A s00004


def at(day: dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=SHANGHAI)


def act(
    id: str,
    *,
    day: dt.date = dt.date(2025, 3, 4),
    start: int = 9,
    end: int = 11,
    last_day: dt.date | None = None,
    kind: ActivityKind = ActivityKind.MEETING,
    people: tuple[str, ...] = (),
    leaders: tuple[str, ...] = (),
    room: str | None = None,
    place: str | None = None,
    off_site: bool | None = None,
    department: str = "d001",
) -> Activity:
    span = TimeSpan(at(day, start), at(last_day or day, end))
    extra = {} if off_site is None else {"off_site": off_site}
    return Activity(
        id=id,
        kind=kind,
        title=f"活动{id}",
        span=span,
        department_id=department,
        participants=people,
        leaders=leaders,
        room_id=room,
        target_place=place if place or kind not in FIELD_KINDS else "甲县",
        **extra,
    )


def away(id: str, staff_id: str, first: dt.date, last: dt.date | None = None) -> Absence:
    return Absence(
        id=id,
        staff_id=staff_id,
        span=TimeSpan.whole_days(first, last or first),
        kind=AbsenceKind.ANNUAL_LEAVE,
    )
