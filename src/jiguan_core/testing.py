"""Hypothesis strategies for every jiguan_core domain object, valid by construction.

An application that embeds jiguan_core can property-test its own code against realistic offices:
whole organizations whose parts fit together, and new activities, absences and tasks that fit an
existing organization. This module needs Hypothesis (``pip install "jiguan-core[testing]"``); it
is the only module that imports it, and ``import jiguan_core`` never imports it.

Example (a test in the application's own suite)::

    from hypothesis import given
    from hypothesis import strategies as st

    from jiguan_core import Organization
    from jiguan_core.testing import activities_for, organizations

    @given(st.data(), organizations(max_staff=5))
    def test_my_export_keeps_every_activity(data: st.DataObject, org: Organization) -> None:
        new = data.draw(activities_for(org))
        org = org.with_activities([new])
        assert len(my_export(org)) == len(org.activities)

Two families:

* Stand-alone objects (``departments()``, ``staff_members()``, ``posts()``, ``activities()`` ...):
  each valid on its own; ids they refer to are arbitrary unless you pass the pools to draw from
  (``activities(department_ids=[...], staff_ids=[...])``).
* Whole organizations (``organizations()``) whose parts fit together (every reference resolves,
  everyone has exactly one main post at a time, no post has two main holders at once ...), and
  ``*_for(org)`` strategies for new objects that fit an existing organization (for stateful tests
  and for code that adds activities, absences or tasks).

Primitive values: ``ids()``, ``names()``, ``texts()``, ``dates()``, ``date_ranges()``,
``time_zones()``, ``aware_datetimes()``, ``time_spans()``, ``office_spans()``,
``year_arrangements()``; every enum has a ready strategy (``levels``, ``relations``,
``key_areas``, ``post_roles``, ``absence_kinds``, ``activity_kinds``, ``meeting_kinds``,
``department_kinds``, ``task_statuses``, ``task_sources``, ``granularities``).

Everything is built from small integers and ``sampled_from`` so that failures shrink to tiny,
readable examples (one department, one person, spans on whole minutes in Asia/Shanghai). Dates
default to the years the built-in working-day calendar covers (``FIRST_YEAR``-``LAST_YEAR``), and
organizations' activities, absences and tasks lie in one ``year`` (2025 by default).
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pendulum

from jiguan_core.errors import MissingExtra

try:
    from hypothesis import strategies as st
except ImportError as _error:  # the [testing] extra is not installed
    raise MissingExtra(
        extra="testing",
        package="hypothesis",
        feature="jiguan_core.testing (Hypothesis strategies)",
        feature_zh="jiguan_core.testing（Hypothesis 生成策略）",
    ) from _error

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import DateRange, Granularity, YearArrangement
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI, TimeSpan
from jiguan_core.workspace import (
    AssessSection,
    CoverageSection,
    PlanSection,
    RotationSection,
    Workspace,
)

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "ZONE_NAMES",
    "ab_roles",
    "absence_kinds",
    "absences",
    "absences_for",
    "activities",
    "activities_for",
    "activity_kinds",
    "activity_requests",
    "activity_requests_for",
    "aware_datetimes",
    "date_ranges",
    "dates",
    "department_kinds",
    "departments",
    "granularities",
    "ids",
    "key_areas",
    "levels",
    "meeting_kinds",
    "names",
    "office_spans",
    "organizations",
    "post_assignments",
    "post_roles",
    "posts",
    "relations",
    "relatives",
    "rooms",
    "staff_members",
    "task_sources",
    "task_statuses",
    "tasks",
    "tasks_for",
    "texts",
    "time_spans",
    "time_zones",
    "workspaces",
    "year_arrangements",
]

_T = TypeVar("_T")


@st.composite
def _drawn(draw: st.DrawFn, build: Callable[[st.DrawFn], _T]) -> _T:
    """Run ``build(draw)``: one composite defined once, because defining a composite per call
    (a closure under ``@st.composite``) costs a source inspection every time."""
    return build(draw)


# Primitive values ---------------------------------------------------------------------------

#: Named zones used by ``time_zones()``; the office's own zone comes first (shrinks to it).
ZONE_NAMES: tuple[str, ...] = (
    "Asia/Shanghai",
    "UTC",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
)

_ID_ALPHABET = string.ascii_lowercase + string.digits + "-_." + "甲乙丙丁"
_NAME_ALPHABET = "王李张刘陈杨黄赵吴周徐孙伟芳敏静丽强磊军洋勇艳杰" + string.ascii_letters + " "

#: Inclusive bounds of the years the built-in calendar covers.
FIRST_YEAR, LAST_YEAR = 2004, 2026

# Enum members, in declaration order (each shrinks to its enum's first member).

#: Any :class:`~jiguan_core.staff.Level` (职级).
levels: st.SearchStrategy[Level] = st.sampled_from(list(Level))
#: Any :class:`~jiguan_core.staff.Relation` (kinship of a :class:`Relative`).
relations: st.SearchStrategy[Relation] = st.sampled_from(list(Relation))
#: Any :class:`~jiguan_core.post.KeyArea` (重点领域 of a post).
key_areas: st.SearchStrategy[KeyArea] = st.sampled_from(list(KeyArea))
#: Any :class:`~jiguan_core.post.PostRole` (main or secondary).
post_roles: st.SearchStrategy[PostRole] = st.sampled_from(list(PostRole))
#: Any :class:`~jiguan_core.absence.AbsenceKind`.
absence_kinds: st.SearchStrategy[AbsenceKind] = st.sampled_from(list(AbsenceKind))
#: Any :class:`~jiguan_core.activity.ActivityKind`.
activity_kinds: st.SearchStrategy[ActivityKind] = st.sampled_from(list(ActivityKind))
#: Any :class:`~jiguan_core.activity.MeetingKind`.
meeting_kinds: st.SearchStrategy[MeetingKind] = st.sampled_from(list(MeetingKind))
#: Any :class:`~jiguan_core.department.DepartmentKind`.
department_kinds: st.SearchStrategy[DepartmentKind] = st.sampled_from(list(DepartmentKind))
#: Any :class:`~jiguan_core.task.TaskStatus`.
task_statuses: st.SearchStrategy[TaskStatus] = st.sampled_from(list(TaskStatus))
#: Any :class:`~jiguan_core.task.TaskSource`.
task_sources: st.SearchStrategy[TaskSource] = st.sampled_from(list(TaskSource))
#: Any :class:`~jiguan_core.calendar.Granularity` (week, month, quarter, year).
granularities: st.SearchStrategy[Granularity] = st.sampled_from(list(Granularity))


@functools.cache
def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Valid ids: 1-8 characters (lower-case letters, digits, ``-_.`` and a few Chinese
    characters), never blank; shrinks towards ``prefix + "a"``.

    ``prefix`` is prepended to every id (``ids("s")`` gives ``"s..."``), so ids of different
    kinds can be told apart in a failing example.
    """
    return st.text(_ID_ALPHABET, min_size=1, max_size=8).map(lambda s: prefix + s)


@functools.cache
def names() -> st.SearchStrategy[str]:
    """Non-empty free text (names, titles): 1-12 Chinese or Latin characters, trimmed."""
    return st.text(_NAME_ALPHABET, min_size=1, max_size=12).map(str.strip).filter(bool)


@functools.cache
def texts() -> st.SearchStrategy[Text]:
    """Bilingual :class:`~jiguan_core.text.Text`: a Chinese and an English part, each from
    ``names()``."""
    return st.builds(Text, names(), names())


@functools.cache
def dates(
    min_value: dt.date = dt.date(FIRST_YEAR, 1, 1), max_value: dt.date = dt.date(LAST_YEAR, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Calendar dates from ``min_value`` to ``max_value`` inclusive; by default inside the years
    the built-in working-day calendar covers (``FIRST_YEAR``-``LAST_YEAR``, 2004-2026)."""
    return st.dates(min_value=min_value, max_value=max_value)


def date_ranges(
    min_value: dt.date = dt.date(FIRST_YEAR, 1, 1),
    max_value: dt.date = dt.date(LAST_YEAR, 12, 31),
    max_days: int = 400,
) -> st.SearchStrategy[DateRange]:
    """Half-open :class:`~jiguan_core.calendar.DateRange` of 1 to ``max_days`` days.

    The first day lies in ``min_value``..``max_value`` and the range ends by ``max_value`` + 1
    day (so the last day in the range is at most ``max_value``).
    """

    def build(draw: st.DrawFn) -> DateRange:
        start = draw(dates(min_value, max_value))
        room = (max_value - start).days + 1
        length = draw(st.integers(1, max(1, min(max_days, room))))
        return DateRange(start, start + dt.timedelta(days=length))

    return _drawn(build)


def time_zones(
    *, named: Sequence[str] = ZONE_NAMES, fixed_offsets: bool = True
) -> st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone]:
    """Pendulum time zones: the IANA zones ``named`` (default ``ZONE_NAMES``, Asia/Shanghai
    first, so it is the one failures shrink to) and, when ``fixed_offsets`` is true, fixed UTC
    offsets from -12:00 to +14:00 in quarter hours."""
    return _time_zones(tuple(named), fixed_offsets)


@functools.cache
def _time_zones(
    named: tuple[str, ...], fixed_offsets: bool
) -> st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone]:
    zones: st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone] = st.sampled_from(
        [pendulum.timezone(name) for name in named]
    )
    if fixed_offsets:
        offsets = st.integers(-48, 56).map(lambda q: pendulum.FixedTimezone(q * 15 * 60))
        zones = zones | offsets
    return zones


def aware_datetimes(
    *,
    min_date: dt.date = dt.date(FIRST_YEAR, 1, 1),
    max_date: dt.date = dt.date(LAST_YEAR, 12, 31),
    zones: st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone] | None = None,
    seconds: bool = False,
) -> st.SearchStrategy[pendulum.DateTime]:
    """Aware pendulum DateTimes on whole minutes, on a day from ``min_date`` to ``max_date``.

    ``zones`` is the strategy of time zones to use (default: ``time_zones()``);
    ``seconds=True`` adds random seconds and microseconds.
    """
    zone_strategy = time_zones() if zones is None else zones

    def build(draw: st.DrawFn) -> pendulum.DateTime:
        day = draw(dates(min_date, max_date))
        hour = draw(st.integers(0, 23))
        minute = draw(st.integers(0, 59))
        second = draw(st.integers(0, 59)) if seconds else 0
        micro = draw(st.integers(0, 999_999)) if seconds else 0
        tz = draw(zone_strategy)
        return pendulum.datetime(day.year, day.month, day.day, hour, minute, second, micro, tz=tz)

    return _drawn(build)


def time_spans(
    *,
    min_date: dt.date = dt.date(FIRST_YEAR, 1, 1),
    max_date: dt.date = dt.date(LAST_YEAR, 12, 31),
    zones: st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone] | None = None,
    max_minutes: int = 3 * 24 * 60,
) -> st.SearchStrategy[TimeSpan]:
    """Half-open :class:`~jiguan_core.time.TimeSpan` of 1 to ``max_minutes`` whole minutes.

    The start is drawn from ``aware_datetimes(min_date=..., max_date=..., zones=...)``, so spans
    come in various zones unless ``zones`` narrows them.
    """

    def build(draw: st.DrawFn) -> TimeSpan:
        start = draw(aware_datetimes(min_date=min_date, max_date=max_date, zones=zones))
        minutes = draw(st.integers(1, max_minutes))
        return TimeSpan(start, start.add(minutes=minutes))

    return _drawn(build)


def office_spans(year: int = 2025, max_days: int = 3) -> st.SearchStrategy[TimeSpan]:
    """Office spans: :class:`~jiguan_core.time.TimeSpan` starting on a day of ``year`` between
    07:00 and 18:45 Asia/Shanghai on a quarter hour, lasting 15 minutes to ``max_days`` days in
    quarter hours: the office's own calendar (what ``organizations()`` uses)."""

    def build(draw: st.DrawFn) -> TimeSpan:
        day = draw(dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        start = pendulum.datetime(
            day.year,
            day.month,
            day.day,
            draw(st.integers(7, 18)),
            15 * draw(st.integers(0, 3)),
            tz=SHANGHAI,
        )
        quarters = draw(st.integers(1, max_days * 24 * 4))
        return TimeSpan(start, start.add(minutes=15 * quarters))

    return _drawn(build)


def year_arrangements(year: int | None = None) -> st.SearchStrategy[YearArrangement]:
    """A plausible :class:`~jiguan_core.calendar.YearArrangement` (the official holidays and
    make-up working days of a year the built-in calendar lacks).

    ``year`` fixes the year (default: any year 2027-2035). Up to 30 holidays and up to 10
    working weekend days, never both on one day.
    """

    def build(draw: st.DrawFn) -> YearArrangement:
        chosen = year if year is not None else draw(st.integers(2027, 2035))
        first = dt.date(chosen, 1, 1)
        length = (dt.date(chosen + 1, 1, 1) - first).days
        offsets = draw(st.lists(st.integers(0, length - 1), max_size=30, unique=True))
        holidays = {first + dt.timedelta(days=o) for o in offsets}
        weekend = [
            first + dt.timedelta(days=o)
            for o in draw(st.lists(st.integers(0, length - 1), max_size=10, unique=True))
        ]
        working = {d for d in weekend if d.weekday() >= 5 and d not in holidays}
        return YearArrangement(year=chosen, holidays=holidays, working_weekend_days=working)

    return _drawn(build)


# Stand-alone domain objects -----------------------------------------------------------------


def _pool(values: Sequence[str] | None, prefix: str) -> st.SearchStrategy[str]:
    """One of ``values``, or any id (with ``prefix``) when no pool is given."""
    return _sampled(tuple(values)) if values else ids(prefix)


@functools.cache
def _sampled(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


def _some(values: Sequence[str], max_size: int) -> st.SearchStrategy[list[str]]:
    """A sub-list of distinct ``values`` (empty when there are none)."""
    return _some_cached(tuple(values), max_size)


@functools.cache
def _some_cached(values: tuple[str, ...], max_size: int) -> st.SearchStrategy[list[str]]:
    if not values:
        return st.just([])
    return st.lists(st.sampled_from(values), max_size=max_size, unique=True)


def _optional(values: Sequence[str]) -> st.SearchStrategy[str | None]:
    """None or one of ``values``."""
    return _optional_cached(tuple(values))


@functools.cache
def _optional_cached(values: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(values) if values else st.none()


def departments(*, id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Department]:
    """A valid :class:`~jiguan_core.department.Department` of any kind, with an optional English
    name. ``id`` is the strategy for its id (default ``ids("d")``)."""
    return st.builds(
        Department,
        id=ids("d") if id is None else id,
        name=names(),
        kind=department_kinds,
        name_en=st.none() | names(),
    )


def relatives(staff_ids: Sequence[str] | None = None) -> st.SearchStrategy[Relative]:
    """A :class:`~jiguan_core.staff.Relative`: a relation to one of ``staff_ids`` (any
    ``ids("s")`` when not given)."""
    return st.builds(Relative, staff_id=_pool(staff_ids, "s"), relation=relations)


def staff_members(
    *,
    id: st.SearchStrategy[str] | None = None,
    department_ids: Sequence[str] | None = None,
    other_staff_ids: Sequence[str] | None = None,
    leadership: bool | None = None,
) -> st.SearchStrategy[Staff]:
    """A valid :class:`~jiguan_core.staff.Staff` member.

    ``id`` is the strategy for the person's id (default ``ids("s")``); the department comes from
    ``department_ids`` (any id when not given); up to 3 relatives and an optional direct leader
    come from ``other_staff_ids`` (any ids when not given; never the person's own id);
    ``leadership`` forces ``is_leadership_member`` when given. Hired 1985-2026, with an optional
    probation end up to 400 days after hiring.
    """

    def build(draw: st.DrawFn) -> Staff:
        person_id = draw(ids("s") if id is None else id)
        if other_staff_ids is None:
            other = ids("s").filter(lambda s: s != person_id)
            relative_ids = draw(st.lists(other, max_size=3, unique=True))
            leader = draw(st.none() | other)
        else:
            pool = [s for s in other_staff_ids if s != person_id]
            relative_ids = draw(_some(pool, 3))
            leader = draw(_optional(pool))
        hired = draw(dates(dt.date(1985, 1, 1), dt.date(LAST_YEAR, 12, 31)))
        probation = draw(st.none() | st.integers(0, 400))
        return Staff(
            id=person_id,
            name=draw(names()),
            department_id=draw(_pool(department_ids, "d")),
            level=draw(levels),
            hire_date=hired,
            is_leadership_member=draw(st.booleans()) if leadership is None else leadership,
            is_party_member=draw(st.booleans()),
            probation_end=None if probation is None else hired + dt.timedelta(days=probation),
            reports_to=leader,
            relatives=[Relative(staff_id=r, relation=draw(relations)) for r in relative_ids],
        )

    return _drawn(build)


def posts(
    *, id: st.SearchStrategy[str] | None = None, department_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Post]:
    """A valid :class:`~jiguan_core.post.Post` with up to 3 key areas, leading or not.

    ``id`` is the strategy for its id (default ``ids("p")``); the department comes from
    ``department_ids`` (any id when not given).
    """
    return st.builds(
        Post,
        id=ids("p") if id is None else id,
        name=names(),
        department_id=_pool(department_ids, "d"),
        key_areas=st.frozensets(key_areas, max_size=3),
        leading=st.booleans(),
    )


def post_assignments(
    *, staff_ids: Sequence[str] | None = None, post_ids: Sequence[str] | None = None
) -> st.SearchStrategy[PostAssignment]:
    """A valid :class:`~jiguan_core.post.PostAssignment`, main or secondary, open-ended or ending
    1-2000 days after it starts; the person and the post come from ``staff_ids`` and
    ``post_ids`` (any ids when not given)."""

    def build(draw: st.DrawFn) -> PostAssignment:
        start = draw(dates())
        length = draw(st.none() | st.integers(1, 2000))
        return PostAssignment(
            staff_id=draw(_pool(staff_ids, "s")),
            post_id=draw(_pool(post_ids, "p")),
            role=draw(post_roles),
            start=start,
            end=None if length is None else start + dt.timedelta(days=length),
        )

    return _drawn(build)


def ab_roles(
    *, post_ids: Sequence[str] | None = None, staff_ids: Sequence[str] | None = None
) -> st.SearchStrategy[ABRole]:
    """A valid :class:`~jiguan_core.post.ABRole` (A/B角) for a post from ``post_ids``: A, B and
    a fallback chain of up to 3 more, all different people from ``staff_ids`` (any ids when not
    given; when given, it must hold at least two ids)."""

    def build(draw: st.DrawFn) -> ABRole:
        people = st.sampled_from(list(staff_ids)) if staff_ids else ids("s")
        chain = draw(st.lists(people, min_size=2, max_size=5, unique=True))
        return ABRole(
            post_id=draw(_pool(post_ids, "p")), a_id=chain[0], b_id=chain[1], fallback=chain[2:]
        )

    return _drawn(build)


def rooms(*, id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Room]:
    """A valid :class:`~jiguan_core.room.Room`, capacity unknown or 1-500. ``id`` is the
    strategy for its id (default ``ids("r")``)."""
    return st.builds(
        Room,
        id=ids("r") if id is None else id,
        name=names(),
        capacity=st.none() | st.integers(1, 500),
    )


def absences(
    *,
    id: st.SearchStrategy[str] | None = None,
    staff_ids: Sequence[str] | None = None,
    spans: st.SearchStrategy[TimeSpan] | None = None,
) -> st.SearchStrategy[Absence]:
    """A valid :class:`~jiguan_core.absence.Absence` of any kind, with or without a note.

    ``id`` is the strategy for its id (default ``ids("a")``); the person comes from
    ``staff_ids`` (any id when not given); ``spans`` is the strategy for its span (default:
    ``time_spans()`` of up to 30 days).
    """
    return st.builds(
        Absence,
        id=ids("a") if id is None else id,
        staff_id=_pool(staff_ids, "s"),
        span=time_spans(max_minutes=30 * 24 * 60) if spans is None else spans,
        kind=absence_kinds,
        note=st.just("") | names(),
    )


def activities(
    *,
    id: st.SearchStrategy[str] | None = None,
    department_ids: Sequence[str] | None = None,
    staff_ids: Sequence[str] | None = None,
    leader_ids: Sequence[str] | None = None,
    room_ids: Sequence[str] | None = None,
    spans: st.SearchStrategy[TimeSpan] | None = None,
    kinds: st.SearchStrategy[ActivityKind] | None = None,
    max_people: int = 6,
) -> st.SearchStrategy[Activity]:
    """A valid :class:`~jiguan_core.activity.Activity`.

    Up to ``max_people`` participants from ``staff_ids`` and up to 3 leaders from
    ``leader_ids`` (disjoint), an organising department from ``department_ids``, a room from
    ``room_ids`` or none, a meeting kind only for meetings, a target place for every field trip.
    Pools left out mean "any ids" (for ``leader_ids``: no leaders, since leaders must be
    leadership members). ``id``, ``spans`` and ``kinds`` are the strategies for the id (default
    ``ids("act")``), the span (default ``time_spans()`` of up to 3 days) and the kind (default
    every :class:`~jiguan_core.activity.ActivityKind`).
    """

    def build(draw: st.DrawFn) -> Activity:
        kind = draw(activity_kinds if kinds is None else kinds)
        leaders = draw(_some(leader_ids or [], 3))
        if staff_ids is None:
            anyone = ids("s").filter(lambda s: s not in leaders)
            participants = draw(st.lists(anyone, max_size=max_people, unique=True))
        else:
            participants = draw(_some([s for s in staff_ids if s not in leaders], max_people))
        room_pool: st.SearchStrategy[str | None] = st.none()
        if room_ids is None:
            room_pool = st.none() | ids("r")
        elif room_ids:
            room_pool = st.none() | st.sampled_from(list(room_ids))
        place = names() if kind.is_field_trip else st.none() | names()
        return Activity(
            id=draw(ids("act") if id is None else id),
            kind=kind,
            title=draw(names()),
            span=draw(time_spans(max_minutes=3 * 24 * 60) if spans is None else spans),
            department_id=draw(_pool(department_ids, "d")),
            participants=participants,
            leaders=leaders,
            target_place=draw(place),
            room_id=draw(room_pool),
            meeting_kind=draw(st.none() | meeting_kinds) if kind is ActivityKind.MEETING else None,
            off_site=draw(st.booleans()),
        )

    return _drawn(build)


def tasks(
    *,
    id: st.SearchStrategy[str] | None = None,
    staff_ids: Sequence[str] | None = None,
    department_ids: Sequence[str] | None = None,
    min_date: dt.date = dt.date(FIRST_YEAR, 1, 1),
    max_date: dt.date = dt.date(LAST_YEAR, 12, 31),
) -> st.SearchStrategy[Task]:
    """A valid :class:`~jiguan_core.task.Task`: created on a day from ``min_date`` to
    ``max_date``, deadline 0-120 days later, ``completed_on`` exactly when done (sometimes after
    the deadline: done late).

    ``id`` is the strategy for its id (default ``ids("t")``); owner and department come from
    ``staff_ids`` and ``department_ids`` (any ids when not given).
    """

    def build(draw: st.DrawFn) -> Task:
        created = draw(dates(min_date, max_date))
        deadline = created + dt.timedelta(days=draw(st.integers(0, 120)))
        status = draw(task_statuses)
        completed = (
            created + dt.timedelta(days=draw(st.integers(0, 150)))
            if status is TaskStatus.DONE
            else None
        )
        return Task(
            id=draw(ids("t") if id is None else id),
            title=draw(names()),
            owner_id=draw(_pool(staff_ids, "s")),
            department_id=draw(_pool(department_ids, "d")),
            created=created,
            deadline=deadline,
            status=status,
            source=draw(task_sources),
            completed_on=completed,
        )

    return _drawn(build)


# Whole organizations ------------------------------------------------------------------------


#: One more person follows unless a draw from 0..``_MORE_ODDS`` is 0 (shrinks to "no more").
_MORE_ODDS = 4
#: At most this many leadership members in a generated organization.
_MAX_LEADERS = 3


@functools.cache
def _department_with(department_id: str) -> st.SearchStrategy[Department]:
    """``departments()`` with a fixed id, built once (a strategy is validated on first use)."""
    return departments(id=st.just(department_id))


@functools.cache
def _post_with(post_id: str, department_id: str) -> st.SearchStrategy[Post]:
    """``posts()`` with a fixed id and department, built once."""
    return posts(id=st.just(post_id), department_ids=[department_id])


@functools.cache
def _person_with(
    person_id: str, department_ids: tuple[str, ...], others: tuple[str, ...], leadership: bool
) -> st.SearchStrategy[Staff]:
    """``staff_members()`` with a fixed id, department pool and relatives' pool, built once."""
    return staff_members(
        id=st.just(person_id),
        department_ids=department_ids,
        other_staff_ids=others,
        leadership=leadership,
    )


def _numbered(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n:03d}" for n in range(1, count + 1)]


@st.composite
def organizations(
    draw: st.DrawFn,
    *,
    min_departments: int = 1,
    max_departments: int = 4,
    min_staff: int = 1,
    max_staff: int = 10,
    max_extra_posts: int = 4,
    max_rooms: int = 3,
    max_absences: int = 8,
    max_activities: int = 10,
    max_tasks: int = 6,
    max_ab_roles: int = 4,
    year: int = 2025,
) -> Organization:
    """A whole valid :class:`Organization` whose parts fit together.

    Staff belong to drawn departments and may report to and be related to colleagues drawn
    before them; the first person (``s001``) and up to two more are leadership members. Everyone holds one open main post (some also had an earlier
    main post that ended before), some hold secondary posts; no post ever has two main holders
    at once. AB roles name different people; activities name existing departments, staff,
    leadership members (as leaders) and rooms; absences, activities and tasks lie in ``year``
    (Asia/Shanghai, quarter hours), so a :class:`~jiguan_core.calendar.WorkCalendar` covers
    them. Ids are numbered (``d001``, ``s001``, ``p001``, ``r001``, ``a001``, ``act001``,
    ``t001``), so a failing example is easy to read.

    Parameters: ``min_departments``/``max_departments`` and ``min_staff``/``max_staff`` bound
    the departments and staff; ``max_extra_posts`` the posts beyond everyone's main posts;
    ``max_rooms``, ``max_absences``, ``max_activities``, ``max_tasks`` and ``max_ab_roles`` bound
    those parts (each may be zero); ``year`` is the year of absences, activities and tasks
    (within ``FIRST_YEAR``-``LAST_YEAR`` for the built-in calendar). Shrinks towards one
    department, one person holding one post, and nothing else.
    """
    dep_ids = _numbered("d", draw(st.integers(min_departments, max_departments)))
    departments_list = [draw(_department_with(dep_id)) for dep_id in dep_ids]

    # People are drawn one after another while a "more" choice says so (like ``st.lists``), each
    # with everything that is only theirs (main posts), so that deleting the choices of one
    # person is one contiguous cut: organizations shrink towards few people. Relatives and
    # direct leaders come from the people drawn before; the first person is a leadership member.
    people: list[Staff] = []
    post_list: list[Post] = []
    assignments: list[PostAssignment] = []
    own_posts: dict[str, set[str]] = {}
    leaders = 0

    def new_post(department_id: str) -> Post:
        return draw(_post_with(f"p{len(post_list) + 1:03d}", department_id))

    while len(people) < min_staff or (
        len(people) < max_staff and draw(st.integers(0, _MORE_ODDS)) > 0
    ):
        is_leader = not people or (leaders < _MAX_LEADERS and draw(st.booleans()))
        leaders += is_leader
        person = draw(
            _person_with(
                f"s{len(people) + 1:03d}",
                tuple(dep_ids),
                tuple(p.id for p in people),
                is_leader,
            )
        )
        people.append(person)

        # The person's own chain of main posts: an optional earlier one, then the current one.
        current_start = dt.date(year, 1, 1) - dt.timedelta(days=draw(st.integers(0, 3000)))
        main = new_post(person.department_id)
        post_list.append(main)
        own_posts[person.id] = {main.id}
        assignments.append(
            PostAssignment(
                staff_id=person.id, post_id=main.id, role=PostRole.MAIN, start=current_start
            )
        )
        if draw(st.booleans()):
            earlier = new_post(draw(_sampled(tuple(dep_ids))))
            post_list.append(earlier)
            own_posts[person.id].add(earlier.id)
            gap = draw(st.integers(0, 60))
            length = draw(st.integers(1, 1500))
            end = current_start - dt.timedelta(days=gap)
            assignments.append(
                PostAssignment(
                    staff_id=person.id,
                    post_id=earlier.id,
                    role=PostRole.MAIN,
                    start=end - dt.timedelta(days=length),
                    end=end,
                )
            )
    staff_ids = [p.id for p in people]
    leadership = {p.id for p in people if p.is_leadership_member}
    for _ in range(draw(st.integers(0, max_extra_posts))):
        post_list.append(new_post(draw(st.sampled_from(dep_ids))))
    post_ids = [p.id for p in post_list]

    # Secondary posts: at most one per (person, post), never on one of the person's main posts.
    for person in people:
        candidates = [p for p in post_ids if p not in own_posts[person.id]]
        if not candidates:
            continue
        for post_id in draw(st.lists(st.sampled_from(candidates), max_size=2, unique=True)):
            start = dt.date(year, 1, 1) - dt.timedelta(days=draw(st.integers(0, 1500)))
            held_for = draw(st.none() | st.integers(1, 1500))
            assignments.append(
                PostAssignment(
                    staff_id=person.id,
                    post_id=post_id,
                    role=PostRole.SECONDARY,
                    start=start,
                    end=None if held_for is None else start + dt.timedelta(days=held_for),
                )
            )

    roles: list[ABRole] = []
    if len(staff_ids) >= 2:
        for post_id in draw(
            st.lists(st.sampled_from(post_ids), max_size=max_ab_roles, unique=True)
        ):
            roles.append(draw(ab_roles(post_ids=[post_id], staff_ids=staff_ids)))

    room_list = [
        draw(rooms(id=st.just(r))) for r in _numbered("r", draw(st.integers(0, max_rooms)))
    ]
    room_ids = [r.id for r in room_list]
    spans = office_spans(year)
    absence_list = [
        draw(absences(id=st.just(a), staff_ids=staff_ids, spans=office_spans(year, 10)))
        for a in _numbered("a", draw(st.integers(0, max_absences)))
    ]
    activity_list = [
        draw(
            activities(
                id=st.just(a),
                department_ids=dep_ids,
                staff_ids=staff_ids,
                leader_ids=sorted(leadership),
                room_ids=room_ids,
                spans=spans,
            )
        )
        for a in _numbered("act", draw(st.integers(0, max_activities)))
    ]
    task_list = [
        draw(
            tasks(
                id=st.just(t),
                staff_ids=staff_ids,
                department_ids=dep_ids,
                min_date=dt.date(year, 1, 1),
                max_date=dt.date(year, 12, 31),
            )
        )
        for t in _numbered("t", draw(st.integers(0, max_tasks)))
    ]
    return Organization(
        name=draw(names()),
        departments=departments_list,
        staff=people,
        posts=post_list,
        assignments=assignments,
        ab_roles=roles,
        rooms=room_list,
        absences=absence_list,
        activities=activity_list,
        tasks=task_list,
    )


def _leaders_of(org: Organization) -> list[str]:
    return [s.id for s in org.leadership_members]


def activities_for(
    org: Organization,
    *,
    id: st.SearchStrategy[str] | None = None,
    spans: st.SearchStrategy[TimeSpan] | None = None,
    kinds: st.SearchStrategy[ActivityKind] | None = None,
    year: int = 2025,
) -> st.SearchStrategy[Activity]:
    """New activities that fit ``org`` (its departments, staff, leadership members, rooms), so
    that ``org.with_activities([activity])`` stays valid when the id is new.

    ``id`` defaults to ``new-act-...`` ids, which never clash with ``organizations()``' numbered
    ids; ``spans`` defaults to ``office_spans(year)``; ``kinds`` narrows the activity kinds.
    """
    return activities(
        id=ids("new-act-") if id is None else id,
        department_ids=[d.id for d in org.departments],
        staff_ids=[s.id for s in org.staff],
        leader_ids=_leaders_of(org),
        room_ids=[r.id for r in org.rooms],
        spans=office_spans(year) if spans is None else spans,
        kinds=kinds,
    )


def absences_for(
    org: Organization, *, id: st.SearchStrategy[str] | None = None, year: int = 2025
) -> st.SearchStrategy[Absence]:
    """New absences of ``org``'s staff, spanning up to 10 days from a start in ``year``.
    ``id`` defaults to ``new-abs-...`` ids (never clashing with ``organizations()``' ids)."""
    return absences(
        id=ids("new-abs-") if id is None else id,
        staff_ids=[s.id for s in org.staff],
        spans=office_spans(year, 10),
    )


def tasks_for(
    org: Organization, *, id: st.SearchStrategy[str] | None = None, year: int = 2025
) -> st.SearchStrategy[Task]:
    """New tasks owned by ``org``'s staff and departments, created in ``year``. ``id`` defaults
    to ``new-task-...`` ids (never clashing with ``organizations()``' ids)."""
    return tasks(
        id=ids("new-task-") if id is None else id,
        staff_ids=[s.id for s in org.staff],
        department_ids=[d.id for d in org.departments],
        min_date=dt.date(year, 1, 1),
        max_date=dt.date(year, 12, 31),
    )


# -- scheduling requests and whole workspaces ---------------------------------------------------


def activity_requests(
    *,
    id: st.SearchStrategy[str] | None = None,
    department_ids: Sequence[str] | None = None,
    staff_ids: Sequence[str] | None = None,
    leader_ids: Sequence[str] | None = None,
    room_ids: Sequence[str] | None = None,
    kinds: st.SearchStrategy[ActivityKind] | None = None,
    year: int = 2025,
    max_people: int = 4,
) -> st.SearchStrategy[ActivityRequest]:
    """A valid :class:`~jiguan_core.scheduling.ActivityRequest` (an activity to be placed).

    Its window opens at 08:30 Asia/Shanghai on a day of ``year`` (January-November) and lasts
    1-30 days; it asks either for a duration of 30 minutes to 2 hours (inside one office-hours
    block) or for 1-3 whole days that fit the window. Up to ``max_people`` required participants
    from ``staff_ids``, optional ones from the rest, up to 2 named leaders from ``leader_ids``
    (disjoint from both) or a number of "any" leaders when nobody else attends, at most two
    candidate rooms from ``room_ids``, a target place for every field trip, a meeting kind only for
    meetings, sometimes a set of allowed weekdays, priority 1-3. Pools left out mean "any ids"
    (for ``leader_ids``: no named leaders). Recurrence (``rrule``) is not drawn.
    """

    def build(draw: st.DrawFn) -> ActivityRequest:
        kind = draw(activity_kinds if kinds is None else kinds)
        leaders = draw(_some(leader_ids or [], 2))
        if staff_ids is None:
            anyone = ids("s").filter(lambda s: s not in leaders)
            pool = draw(st.lists(anyone, max_size=2 * max_people, unique=True))
        else:
            pool = [s for s in staff_ids if s not in leaders]
        participants = draw(_some(pool, max_people))
        rest = [s for s in pool if s not in participants]
        optional = draw(_some(rest, 2))
        any_leaders = 0 if (participants or leaders) else 1
        first = draw(dates(dt.date(year, 1, 1), dt.date(year, 11, 30)))
        start = pendulum.datetime(first.year, first.month, first.day, 8, 30, tz=SHANGHAI)
        window = draw(st.integers(1, 30))
        whole_days = draw(st.booleans())
        days = draw(st.integers(1, min(3, window))) if whole_days else 0
        minutes = 0 if whole_days else 30 * draw(st.integers(1, 4))
        if room_ids is None:
            rooms = draw(st.lists(ids("r"), max_size=2, unique=True))
        else:
            rooms = draw(_some(list(room_ids), 2))
        weekdays = draw(
            st.none() | st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True)
        )
        return ActivityRequest(
            id=draw(ids("req") if id is None else id),
            kind=kind,
            title=draw(names()),
            department_id=draw(_pool(department_ids, "d")),
            earliest_start=start,
            latest_end=start.add(days=window),
            duration=dt.timedelta(minutes=minutes) if minutes else None,
            days=days,
            weekdays=weekdays,
            participants=participants,
            optional_participants=optional,
            leaders=leaders,
            any_leaders=any_leaders,
            rooms=rooms,
            target_place=draw(names() if kind.is_field_trip else st.none() | names()),
            meeting_kind=draw(st.none() | meeting_kinds) if kind is ActivityKind.MEETING else None,
            priority=draw(st.integers(1, 3)),
        )

    return _drawn(build)


def activity_requests_for(
    org: Organization,
    *,
    id: st.SearchStrategy[str] | None = None,
    kinds: st.SearchStrategy[ActivityKind] | None = None,
    year: int = 2025,
) -> st.SearchStrategy[ActivityRequest]:
    """Requests that fit ``org`` (its departments, staff, leadership members and rooms), so that
    ``schedule(org, [request])`` accepts them (it may still leave one unplaced). ``id`` defaults to
    ``new-req-...`` ids, which never clash with ``organizations()``' ids."""
    return activity_requests(
        id=ids("new-req-") if id is None else id,
        department_ids=[d.id for d in org.departments],
        staff_ids=[s.id for s in org.staff],
        leader_ids=_leaders_of(org),
        room_ids=[r.id for r in org.rooms],
        kinds=kinds,
        year=year,
    )


def _records_for(draw: st.DrawFn, org: Organization, year: int) -> Any:
    from jiguan_core.assessment import (
        AnnualPolicy,
        AnnualScores,
        AssessmentRecords,
        QuarterScores,
        RoutinePolicy,
    )

    raters = list(RoutinePolicy().rater_weights.as_dict())
    parts = list(AnnualPolicy().weights.as_dict())
    score = st.integers(50, 100).map(float)
    people = [s.id for s in org.staff]
    return AssessmentRecords(
        quarter_scores=[
            QuarterScores(staff_id=p, year=year, quarter=q, scores={r: draw(score) for r in raters})
            for p in people
            for q in (1, 2, 3, 4)
        ],
        annual_scores=[
            AnnualScores(
                staff_id=p,
                year=year,
                scores={k: draw(score) for k in parts if k != "routine"},
            )
            for p in people
        ],
    )


def workspaces(
    *,
    max_staff: int = 6,
    max_requests: int = 3,
    year: int = 2025,
) -> st.SearchStrategy[Workspace]:
    """Whole workspaces (:class:`jiguan_core.workspace.Workspace`): an office from
    :func:`organizations` (up to ``max_staff`` people, in ``year``) and, each present or not, a
    plan section of up to ``max_requests`` :func:`activity_requests_for` the office, an assessment
    section (every person scored 50-100 by every rater group of the default policies, every
    quarter), a coverage period and a rotation check inside ``year``. Every id a section names
    exists in the office, and the workspace survives ``dumps``/``loads`` unchanged."""

    def build(draw: st.DrawFn) -> Workspace:
        org = draw(organizations(max_staff=max_staff, max_activities=4, year=year))
        plan = None
        if draw(st.booleans()):
            requests = draw(
                st.lists(
                    activity_requests_for(org, year=year),
                    max_size=max_requests,
                    unique_by=lambda r: r.id,
                )
            )
            plan = PlanSection(requests=requests, seed=draw(st.integers(0, 1000)))
        assessment = None
        if draw(st.booleans()):
            assessment = AssessSection(records=_records_for(draw, org, year), year=year)
        coverage = None
        if draw(st.booleans()):
            start = draw(dates(dt.date(year, 1, 1), dt.date(year, 12, 1)))
            coverage = CoverageSection(
                start=start, end=start + dt.timedelta(days=draw(st.integers(1, 30)))
            )
        rotation = None
        if draw(st.booleans()):
            rotation = RotationSection(
                as_of=draw(dates(dt.date(year, 1, 1), dt.date(year, 12, 31))),
                under_investigation=draw(_some([s.id for s in org.staff], 2)),
            )
        return Workspace(
            office=org, plan=plan, assessment=assessment, coverage=coverage, rotation=rotation
        )

    return _drawn(build)
