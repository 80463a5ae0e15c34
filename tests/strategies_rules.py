"""Dense random calendars for the scheduling rules: a small fixed office and activities /
absences packed into two weeks around the 2025 May Day holiday, so that every rule fires."""

from __future__ import annotations

import datetime as dt
from functools import cache

import attrs
import pendulum
from hypothesis import strategies as st

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import FIELD_KINDS, Activity, ActivityKind
from jiguan_core.examples.generated import generate_office
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import Blackout, SchedulingPolicy
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI, TimeSpan

FIRST_DAY = dt.date(2025, 4, 26)  # a Saturday; 27 April is a working Sunday; 1-5 May rest
DAYS = 14
PLACES = ("甲县", "乙县")


@cache
def small_office() -> Organization:
    """12 staff (3 leadership members), 2 committees, 2 rooms, 2 AB roles, no calendar."""
    return generate_office(activities=0, staff=12, seed=1, absences=0)


def _moment(day: int, half_hour: int) -> pendulum.DateTime:
    d = FIRST_DAY + dt.timedelta(days=day)
    return pendulum.datetime(d.year, d.month, d.day, tz=SHANGHAI).add(minutes=30 * half_hour)


@cache
def seated_office() -> Organization:
    """:func:`small_office` with 3 and 6 seats in its two rooms, so that SCH9 (room capacity)
    fires: an activity has up to 5 attendees."""
    office = small_office()
    rooms = tuple(
        attrs.evolve(room, capacity=seats) for room, seats in zip(office.rooms, (3, 6), strict=True)
    )
    return attrs.evolve(office, rooms=rooms)


@st.composite
def spans(draw: st.DrawFn) -> TimeSpan:
    day = draw(st.integers(0, DAYS - 1))
    start = draw(st.integers(14, 36))
    length = draw(st.sampled_from((1, 2, 3, 4, 6, 20, 50)))
    return TimeSpan(_moment(day, start), _moment(day, start + length))


@st.composite
def activities_in(draw: st.DrawFn, office: Organization, number: int) -> Activity:
    leaders = [s.id for s in office.leadership_members]
    others = [s.id for s in office.staff if not s.is_leadership_member]
    kind = draw(st.sampled_from(tuple(ActivityKind)))
    departments = [d.id for d in office.departments]
    rooms = [r.id for r in office.rooms]
    return Activity(
        id=f"x{number:03d}",
        kind=kind,
        title=f"活动{number}",
        span=draw(spans()),
        department_id=draw(st.sampled_from(departments)),
        participants=draw(st.lists(st.sampled_from(others), max_size=3, unique=True)),
        leaders=draw(st.lists(st.sampled_from(leaders), max_size=2, unique=True)),
        target_place=draw(st.sampled_from(PLACES)) if kind in FIELD_KINDS else None,
        room_id=draw(st.none() | st.sampled_from(rooms)),
        off_site=draw(st.booleans()),
    )


@st.composite
def calendars(
    draw: st.DrawFn,
    max_activities: int = 25,
    max_absences: int = 6,
    *,
    min_activities: int = 0,
    min_absences: int = 0,
) -> tuple[list[Activity], list[Absence]]:
    office = small_office()
    n = draw(st.integers(min_activities, max_activities))
    acts = [draw(activities_in(office, i)) for i in range(n)]
    staff = [s.id for s in office.staff]
    absences = []
    for i in range(draw(st.integers(min_absences, max_absences))):
        day = FIRST_DAY + dt.timedelta(days=draw(st.integers(0, DAYS - 1)))
        absences.append(
            Absence(
                id=f"y{i:03d}",
                staff_id=draw(st.sampled_from(staff)),
                span=TimeSpan.whole_days(day, day + dt.timedelta(days=draw(st.integers(0, 2)))),
                kind=draw(st.sampled_from(tuple(AbsenceKind))),
            )
        )
    return acts, absences


@st.composite
def policies(draw: st.DrawFn) -> SchedulingPolicy:
    blackouts = []
    if draw(st.booleans()):
        blackouts.append(
            Blackout(
                id="plenary",
                span=draw(spans()),
                label=Text("全会", "plenary"),
                exempt=draw(st.lists(st.sampled_from([f"x{i:03d}" for i in range(5)]))),
            )
        )
    kinds = draw(st.lists(st.sampled_from(tuple(ActivityKind)), max_size=4, unique=True))
    # Each kind by its value, its name or its Chinese term: all three name it (SCH6).
    named = [draw(st.sampled_from((k.value, k.name, k.zh))) for k in kinds]
    return SchedulingPolicy(
        overrides={
            "SCHED-COORD-PERSON": {"include_absences": draw(st.booleans())},
            "SCHED-COORD-TRIPS": {"days": draw(st.integers(1, 5))},
            "SCHED-LEADERS-MEETINGS": {
                "min_on_duty": draw(st.integers(0, 3)),
                "check_parallel": draw(st.booleans()),
            },
            "SCHED-COORD-ROOMS": {"check_rooms": draw(st.booleans())},
            "SCHED-C2-WORKDAYS": {"kinds": ",".join(named)},
            "SCHED-COORD-LOAD": {"max_per_week": draw(st.integers(0, 3))},
            "SCHED-LEADERS-TRIPS": {"max_trips_per_month": draw(st.integers(0, 2))},
            "SCHED-DEV-AB": {"count_off_site": draw(st.booleans())},
            "SCHED-COORD-CAPACITY": {
                "check_capacity": draw(st.booleans()),
                "extra_seats": draw(st.integers(0, 2)),
            },
        },
        levels=draw(
            st.dictionaries(
                st.sampled_from(["SCHED-COORD-LOAD", "SCHED-COORD-TRIPS", "SCHED-COORD-ROOMS"]),
                st.sampled_from(tuple(Severity)),
                max_size=2,
            )
        ),
        disabled=draw(
            st.lists(
                st.sampled_from(["SCHED-COORD-PERSON", "SCHED-COORD-ROOMS", "SCHED-C2-WORKDAYS"]),
                max_size=1,
            )
        ),
        blackouts=blackouts,
    )
