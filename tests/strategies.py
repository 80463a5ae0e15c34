"""Hypothesis strategies for every jiguan_core domain object, valid by construction.

Import what you need::

    from tests.strategies import organizations, activities, activities_for, time_spans

Two families:

* Stand-alone objects (``departments()``, ``staff_members()``, ``posts()``, ``activities()`` ...):
  each valid on its own; ids they refer to are arbitrary unless you pass the pools to draw from
  (``activities(department_ids=[...], staff_ids=[...])``).
* Whole organizations (``organizations()``) whose parts fit together (every reference resolves,
  everyone has exactly one main post at a time, no post has two main holders at once ...), and
  ``*_for(org)`` strategies for new objects that fit an existing organization (for stateful tests
  and for scheduling rules that add activities or absences).

Everything is built from small integers and ``sampled_from`` so that failures shrink to tiny,
readable examples (one department, one person, spans on whole minutes in Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Sequence
from typing import TypeVar

import pendulum
from hypothesis import strategies as st

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import DateRange, Granularity, YearArrangement
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI, TimeSpan

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

levels = st.sampled_from(list(Level))
relations = st.sampled_from(list(Relation))
key_areas = st.sampled_from(list(KeyArea))
post_roles = st.sampled_from(list(PostRole))
absence_kinds = st.sampled_from(list(AbsenceKind))
activity_kinds = st.sampled_from(list(ActivityKind))
meeting_kinds = st.sampled_from(list(MeetingKind))
department_kinds = st.sampled_from(list(DepartmentKind))
task_statuses = st.sampled_from(list(TaskStatus))
task_sources = st.sampled_from(list(TaskSource))
granularities = st.sampled_from(list(Granularity))


@functools.cache
def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Valid ids: non-empty, no surrounding white space; ``prefix`` is prepended when given."""
    return st.text(_ID_ALPHABET, min_size=1, max_size=8).map(lambda s: prefix + s)


@functools.cache
def names() -> st.SearchStrategy[str]:
    """Non-empty free text (names, titles), Chinese or Latin, trimmed."""
    return st.text(_NAME_ALPHABET, min_size=1, max_size=12).map(str.strip).filter(bool)


@functools.cache
def texts() -> st.SearchStrategy[Text]:
    """Bilingual :class:`Text`."""
    return st.builds(Text, names(), names())


@functools.cache
def dates(
    min_value: dt.date = dt.date(FIRST_YEAR, 1, 1), max_value: dt.date = dt.date(LAST_YEAR, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Calendar dates, by default inside the years the built-in calendar covers (2004-2026)."""
    return st.dates(min_value=min_value, max_value=max_value)


def date_ranges(
    min_value: dt.date = dt.date(FIRST_YEAR, 1, 1),
    max_value: dt.date = dt.date(LAST_YEAR, 12, 31),
    max_days: int = 400,
) -> st.SearchStrategy[DateRange]:
    """Half-open :class:`DateRange` of 1 to ``max_days`` days, ending by ``max_value`` + 1."""

    def build(draw: st.DrawFn) -> DateRange:
        start = draw(dates(min_value, max_value))
        room = (max_value - start).days + 1
        length = draw(st.integers(1, max(1, min(max_days, room))))
        return DateRange(start, start + dt.timedelta(days=length))

    return _drawn(build)


def time_zones(
    *, named: Sequence[str] = ZONE_NAMES, fixed_offsets: bool = True
) -> st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone]:
    """Time zones: IANA zones (Asia/Shanghai first) and, optionally, fixed UTC offsets
    (-12:00 to +14:00 in quarter hours)."""
    return _time_zones(tuple(named), fixed_offsets)


@functools.cache
def _time_zones(
    named: tuple[str, ...], fixed_offsets: bool
) -> st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone]:
    zones: st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone] = st.sampled_from(
        [pendulum.timezone(name) for name in named]
    )
    if fixed_offsets:
        offsets = st.integers(-48, 56).map(lambda q: pendulum.fixed_timezone(q * 15 * 60))
        zones = zones | offsets
    return zones


def aware_datetimes(
    *,
    min_date: dt.date = dt.date(FIRST_YEAR, 1, 1),
    max_date: dt.date = dt.date(LAST_YEAR, 12, 31),
    zones: st.SearchStrategy[pendulum.Timezone | pendulum.FixedTimezone] | None = None,
    seconds: bool = False,
) -> st.SearchStrategy[pendulum.DateTime]:
    """Aware pendulum DateTimes on whole minutes (``seconds=True`` adds seconds and
    microseconds) in the given zones (default: ``time_zones()``)."""
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
    """Half-open :class:`TimeSpan` of 1 to ``max_minutes`` minutes, aware, in various zones."""

    def build(draw: st.DrawFn) -> TimeSpan:
        start = draw(aware_datetimes(min_date=min_date, max_date=max_date, zones=zones))
        minutes = draw(st.integers(1, max_minutes))
        return TimeSpan(start, start.add(minutes=minutes))

    return _drawn(build)


def office_spans(year: int = 2025, max_days: int = 3) -> st.SearchStrategy[TimeSpan]:
    """Spans starting in ``year`` between 07:00 and 18:45 Asia/Shanghai, on quarter hours,
    lasting up to ``max_days`` days: the office's own calendar (what ``organizations()`` uses)."""

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
    """A plausible :class:`YearArrangement` for ``year`` (default: a year 2027-2035): some
    weekday holidays and some working weekend days, never both on one day."""

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
    """A valid :class:`Department`."""
    return st.builds(
        Department,
        id=ids("d") if id is None else id,
        name=names(),
        kind=department_kinds,
        name_en=st.none() | names(),
    )


def relatives(staff_ids: Sequence[str] | None = None) -> st.SearchStrategy[Relative]:
    """A :class:`Relative` naming one of ``staff_ids`` (any id when not given)."""
    return st.builds(Relative, staff_id=_pool(staff_ids, "s"), relation=relations)


def staff_members(
    *,
    id: st.SearchStrategy[str] | None = None,
    department_ids: Sequence[str] | None = None,
    other_staff_ids: Sequence[str] | None = None,
    leadership: bool | None = None,
) -> st.SearchStrategy[Staff]:
    """A valid :class:`Staff`, with relatives and a direct leader drawn from
    ``other_staff_ids`` (any ids when not given; never the person's own id).
    ``leadership`` forces ``is_leadership_member`` when given."""

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
    """A valid :class:`Post` (key areas drawn from every :class:`KeyArea`)."""
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
    """A valid :class:`PostAssignment` (open-ended or ending after it starts)."""

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
    """A valid :class:`ABRole`: A, B and the fallback chain are all different people
    (``staff_ids``, when given, must hold at least two ids)."""

    def build(draw: st.DrawFn) -> ABRole:
        people = st.sampled_from(list(staff_ids)) if staff_ids else ids("s")
        chain = draw(st.lists(people, min_size=2, max_size=5, unique=True))
        return ABRole(
            post_id=draw(_pool(post_ids, "p")), a_id=chain[0], b_id=chain[1], fallback=chain[2:]
        )

    return _drawn(build)


def rooms(*, id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Room]:
    """A valid :class:`Room` (capacity unknown or at least 1)."""
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
    """A valid :class:`Absence` of one of ``staff_ids`` (any id when not given)."""
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
    """A valid :class:`Activity`: participants from ``staff_ids`` and leaders from
    ``leader_ids`` (disjoint), a room from ``room_ids`` or none, a meeting kind only for
    meetings, a target place for every field trip. Pools left out mean "any ids" (for
    ``leader_ids``: no leaders, since leaders must be leadership members)."""

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
    """A valid :class:`Task`: deadline not before creation; ``completed_on`` exactly when done
    (sometimes after the deadline: done late)."""

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

    Staff belong to drawn departments and may report to and be related to each other; at least
    one is a leadership member. Everyone holds one open main post (some also had an earlier
    main post that ended before), some hold secondary posts; no post ever has two main holders
    at once. AB roles name different people; activities name existing departments, staff,
    leadership members (as leaders) and rooms; absences, activities and tasks lie in ``year``
    (Asia/Shanghai, quarter hours), so a :class:`WorkCalendar` covers them. Sizes are bounded
    by the ``max_*`` parameters; ids are numbered (``d001``, ``s001``, ``p001`` ...).
    """
    dep_ids = _numbered("d", draw(st.integers(min_departments, max_departments)))
    staff_ids = _numbered("s", draw(st.integers(min_staff, max_staff)))
    leadership = set(
        draw(st.lists(st.sampled_from(staff_ids), min_size=1, max_size=3, unique=True))
    )

    people: list[Staff] = []
    for person_id in staff_ids:
        person = draw(
            staff_members(
                id=st.just(person_id),
                department_ids=dep_ids,
                other_staff_ids=staff_ids,
                leadership=person_id in leadership,
            )
        )
        people.append(person)

    # Each person's own chain of main posts: an optional earlier one, then the current one.
    departments_list = [draw(departments(id=st.just(dep_id))) for dep_id in dep_ids]
    post_list: list[Post] = []
    assignments: list[PostAssignment] = []
    own_posts: dict[str, set[str]] = {}
    number = 0

    def new_post(department_id: str) -> Post:
        nonlocal number
        number += 1
        return draw(posts(id=st.just(f"p{number:03d}"), department_ids=[department_id]))

    for person in people:
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
            earlier = new_post(draw(st.sampled_from(dep_ids)))
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
            length = draw(st.none() | st.integers(1, 1500))
            assignments.append(
                PostAssignment(
                    staff_id=person.id,
                    post_id=post_id,
                    role=PostRole.SECONDARY,
                    start=start,
                    end=None if length is None else start + dt.timedelta(days=length),
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
    """New activities that fit ``org`` (its departments, staff, leadership members, rooms).

    Ids default to ``new-...`` ids, which never clash with ``organizations()``' numbered ids;
    spans default to the office's own quarter-hour spans in ``year``.
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
    """New absences of ``org``'s staff in ``year`` (ids ``new-abs-...``)."""
    return absences(
        id=ids("new-abs-") if id is None else id,
        staff_ids=[s.id for s in org.staff],
        spans=office_spans(year, 10),
    )


def tasks_for(
    org: Organization, *, id: st.SearchStrategy[str] | None = None, year: int = 2025
) -> st.SearchStrategy[Task]:
    """New tasks owned by ``org``'s staff and departments, created in ``year`` (ids
    ``new-task-...``)."""
    return tasks(
        id=ids("new-task-") if id is None else id,
        staff_ids=[s.id for s in org.staff],
        department_ids=[d.id for d in org.departments],
        min_date=dt.date(year, 1, 1),
        max_date=dt.date(year, 12, 31),
    )
