"""Generated scheduling instances: an office, its fixed calendar and a quarter of requests.

Realistic in shape (committees organising meetings and field trips, leadership members wanted
by many, a weekly work meeting 工作例会 and a monthly chair's meeting 主席会议 as RRULEs,
absences, few rooms, eight target places) and deterministic in a seed. ``pressure`` above 1
over-subscribes the office (too many requests for the people and rooms), so not everything
fits. :data:`STANDARD_SIZES` are the benchmark's instances.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import pendulum
from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.errors import InvalidValue
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.staff import Level, Staff
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = [
    "FAMILIES",
    "STANDARD_SIZES",
    "Family",
    "Instance",
    "generate_family",
    "generate_instance",
]

#: name -> (requests, staff, pressure): the benchmark's instances (a quarter each).
STANDARD_SIZES: dict[str, tuple[int, int, float]] = {
    "small": (50, 60, 1.3),
    "medium": (200, 150, 1.2),
    "large": (800, 300, 1.1),
}

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文斌辉宁"
_PLACES = ("岳池县", "武胜县", "邻水县", "华蓥市", "广安区", "前锋区", "协兴园区", "枣山园区")
_COMMITTEES = (
    "经济委员会",
    "农业农村委员会",
    "人口资源环境委员会",
    "教科卫体委员会",
    "社会和法制委员会",
    "民族宗教委员会",
    "港澳台侨和外事委员会",
    "文化文史和学习委员会",
    "提案委员会",
    "研究室",
    "联络委员会",
    "学习培训中心",
    "信息中心",
    "机关党委",
    "机关服务中心",
    "老干部处",
    "财务处",
    "秘书处",
    "人事处",
    "宣传处",
)
_MEETING_TITLES = ("专题协商会", "座谈会", "工作推进会", "情况通报会", "提案办理协调会")
_TRIP_TITLES = ("专题调研", "民主监督视察", "考察学习")


@frozen(kw_only=True)
class Instance:
    """An office (fixed activities and absences included), the requests and the calendar."""

    name: str
    office: Organization
    requests: tuple[ActivityRequest, ...]
    calendar: WorkCalendar
    quarter_start: dt.date
    quarter_end: dt.date  # exclusive


def _at(day: dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=SHANGHAI)


@boundary
def generate_instance(
    requests: int,
    staff: int,
    *,
    seed: int = 0,
    pressure: float = 1.0,
    year: int = 2025,
    quarter: int = 2,
    name: str | None = None,
) -> Instance:
    """An office of ``staff`` people and ``requests`` requests over one quarter."""
    rng = random.Random(f"{seed}/{requests}/{staff}/{pressure}")
    calendar = WorkCalendar()
    first = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    days = calendar.working_days(first, end)

    n_departments = max(4, min(len(_COMMITTEES), staff // 12))
    n_leaders = max(5, min(10, staff // 30))
    departments = [Department(id="d-lead", name="机关领导", kind=DepartmentKind.LEADERSHIP)]
    departments += [
        Department(id=f"d{i:02d}", name=_COMMITTEES[i], kind=DepartmentKind.COMMITTEE)
        for i in range(n_departments)
    ]
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < staff:
        candidate = rng.choice(_SURNAMES) + "".join(
            rng.choice(_GIVEN) for _ in range(rng.choice((1, 2)))
        )
        if candidate not in seen:
            seen.add(candidate)
            names.append(candidate)
    people, posts, assignments, members = _staff(
        departments,
        staff,
        n_leaders,
        name=lambda index: names[index],
        level=lambda: rng.choice(
            (Level.DIVISION_HEAD, Level.SECTION_HEAD, Level.CLERK, Level.CLERK)
        ),
    )
    ab_roles = _ab_roles(departments, members)
    n_rooms = max(3, min(10, staff // 30))
    rooms = [
        Room(id=f"r{i + 1}", name=f"第{i + 1}会议室", capacity=20 + 10 * (i % 3))
        for i in range(n_rooms)
    ]

    absences: list[Absence] = []
    for index in range(staff // 2):
        person = rng.choice(people).id
        start = rng.choice(days)
        length = rng.choice((1, 1, 2, 3, 5))
        absences.append(
            Absence(
                id=f"ab{index + 1:04d}",
                staff_id=person,
                span=TimeSpan.whole_days(start, start + dt.timedelta(days=length - 1)),
                kind=rng.choice((AbsenceKind.ANNUAL_LEAVE, AbsenceKind.BUSINESS_TRIP)),
            )
        )
    absences = _without_ab_clashes(absences, ab_roles)

    leader_ids = [p.id for p in people[:n_leaders]]
    fixed: list[Activity] = []
    for index in range(max(2, requests // 20)):
        day = rng.choice(days)
        department = rng.choice(departments[1:]).id
        hour = rng.choice((9, 15))
        fixed.append(
            Activity(
                id=f"fixed{index + 1:03d}",
                kind=ActivityKind.MEETING,
                title=f"已定会议{index + 1}",
                span=TimeSpan.of(_at(day, hour), hours=1),
                department_id=department,
                participants=tuple(
                    rng.sample(members[department], min(3, len(members[department])))
                ),
                room_id=rooms[index % n_rooms].id,
            )
        )
    fixed = [a for a in fixed if not _clashes(a, fixed, absences)]

    office = Organization(
        name=name or f"generated office ({staff} staff)",
        departments=tuple(departments),
        staff=tuple(people),
        posts=tuple(posts),
        assignments=tuple(assignments),
        ab_roles=tuple(ab_roles),
        rooms=tuple(rooms),
        absences=tuple(absences),
        activities=tuple(fixed),
    )

    # The people everybody wants: department heads (the first member of each department).
    heads = {d.id: members[d.id][0] for d in departments[1:] if members[d.id]}
    out = _recurring(
        departments[1].id, sorted(heads.values()), leader_ids, rooms, first=first, end=end
    )
    # Demand: each request takes people for hours; pressure scales how crowded the key people are.
    hot = sorted(heads.values())
    for index in range(requests - len(out)):
        department = rng.choice(departments[1:]).id
        pool = members[department]
        window_days = rng.choice((5, 10, 15, 20, 30))
        start_day = rng.randrange(0, max(1, len(days) - 3))
        last_day = min(len(days) - 1, start_day + window_days)
        earliest = _at(days[start_day], 8, 30)
        latest = _at(days[last_day], 17, 30)
        roll = rng.random()
        size = rng.choice((2, 3, 3, 4, 5))
        attendees = set(rng.sample(pool, min(size, len(pool))))
        if rng.random() < 0.25 * pressure:
            attendees.add(rng.choice(hot))
        priority = rng.choice((1, 1, 1, 2, 2, 3, 5))
        request_id = f"req{index + 1:04d}"
        if roll < 0.3:
            place = rng.choice(_PLACES)
            whole = rng.random() < 0.5
            out.append(
                ActivityRequest(
                    id=request_id,
                    kind=rng.choice(
                        (ActivityKind.RESEARCH, ActivityKind.INSPECTION, ActivityKind.STUDY_VISIT)
                    ),
                    title=f"赴{place}{rng.choice(_TRIP_TITLES)}",
                    department_id=department,
                    earliest_start=earliest,
                    latest_end=latest,
                    days=1 if whole else 0,
                    duration=None if whole else dt.timedelta(hours=3),
                    participants=tuple(sorted(attendees)),
                    any_leaders=1 if rng.random() < 0.6 * pressure else 0,
                    target_place=place,
                    priority=priority,
                )
            )
            continue
        hours = rng.choice((1, 1.5, 2, 2, 3))
        if roll < 0.85:
            choice = rng.random()
            if choice < 0.3:
                wanted: tuple[str, ...] = (rng.choice(rooms).id,)
            elif choice < 0.85:
                wanted = tuple(r.id for r in rng.sample(rooms, min(3, len(rooms))))
            else:
                wanted = ()
            named: tuple[str, ...] = ()
            any_count = 0
            lead_roll = rng.random()
            if lead_roll < 0.15 * pressure:
                named = (rng.choice(leader_ids),)
            elif lead_roll < 0.4 * pressure:
                any_count = 1
            optional = tuple(sorted(set(rng.sample(pool, min(2, len(pool)))) - attendees))
            out.append(
                _meeting(
                    rng,
                    request_id,
                    department,
                    departments,
                    window=(earliest, latest),
                    hours=hours,
                    attendees=attendees,
                    optional=optional,
                    leaders=(named, any_count),
                    rooms=wanted,
                    priority=priority,
                )
            )
            continue
        big = set(rng.sample([p.id for p in people[n_leaders:]], min(12, staff - n_leaders)))
        out.append(
            ActivityRequest(
                id=request_id,
                kind=rng.choice((ActivityKind.STUDY_SESSION, ActivityKind.TRAINING)),
                title="机关集中学习" if roll < 0.93 else "业务培训",
                department_id=department,
                earliest_start=earliest,
                latest_end=latest,
                duration=dt.timedelta(hours=min(hours, 3)),
                participants=tuple(sorted(big)),
                rooms=(rooms[-1].id,),
                priority=priority,
            )
        )
    return Instance(
        name=name or f"{requests} requests / {staff} staff",
        office=office,
        requests=tuple(out),
        calendar=calendar,
        quarter_start=first,
        quarter_end=end,
    )


def department_name(departments: list[Department], department_id: str) -> str:
    for department in departments:
        if department.id == department_id:
            return department.name
    return department_id


def _staff(
    departments: list[Department],
    staff: int,
    n_leaders: int,
    *,
    name: Callable[[int], str],
    level: Callable[[], Level],
) -> tuple[list[Staff], list[Post], list[PostAssignment], dict[str, list[str]]]:
    """The first ``n_leaders`` are the leadership; the others go round the departments, each
    on a post of their own. ``level()`` is asked for each of the others, in order."""
    people: list[Staff] = []
    posts: list[Post] = []
    assignments: list[PostAssignment] = []
    members: dict[str, list[str]] = {d.id: [] for d in departments}
    n_departments = len(departments) - 1
    for index in range(staff):
        person_id = f"s{index + 1:03d}"
        leader = index < n_leaders
        department = "d-lead" if leader else departments[1 + index % n_departments].id
        people.append(
            Staff(
                id=person_id,
                name=name(index),
                department_id=department,
                level=Level.BUREAU_DEPUTY if leader else level(),
                hire_date=dt.date(2000 + index % 20, 7, 1),
                is_leadership_member=leader,
            )
        )
        post_id = f"p{index + 1:03d}"
        posts.append(Post(id=post_id, name=f"岗位{index + 1}", department_id=department))
        assignments.append(
            PostAssignment(
                staff_id=person_id, post_id=post_id, role=PostRole.MAIN, start=dt.date(2020, 1, 1)
            )
        )
        members[department].append(person_id)
    return people, posts, assignments, members


def _ab_roles(departments: list[Department], members: dict[str, list[str]]) -> list[ABRole]:
    """In each department, every fourth member is the A of a post whose B is the next one."""
    return [
        ABRole(post_id=f"p{int(group[k][1:]):03d}", a_id=group[k], b_id=group[k + 1])
        for unit in departments[1:]
        for group in (members[unit.id],)
        for k in range(0, len(group) - 1, 4)
    ]


def _recurring(
    department: str,
    heads: list[str],
    leader_ids: list[str],
    rooms: list[Room],
    *,
    first: dt.date,
    end: dt.date,
) -> list[ActivityRequest]:
    """The weekly work meeting (工作例会) and the monthly chair's meeting (主席会议)."""
    last = _at(end - dt.timedelta(days=1), 23, 59)
    return [
        ActivityRequest(
            id="req-weekly",
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.WORK_MEETING,
            title="机关工作例会",
            department_id=department,
            earliest_start=_at(first, 8, 30),
            latest_end=last,
            duration=dt.timedelta(hours=1),
            participants=tuple(heads[:6]),
            leaders=(leader_ids[-1],),
            rooms=tuple(r.id for r in rooms[:2]),
            priority=5,
            rrule="FREQ=WEEKLY;BYDAY=MO",
        ),
        ActivityRequest(
            id="req-chair",
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.CHAIR_MEETING,
            title="主席会议",
            department_id=department,
            earliest_start=_at(first, 8, 30),
            latest_end=last,
            duration=dt.timedelta(hours=2),
            leaders=tuple(leader_ids[:3]),
            rooms=(rooms[-1].id,),
            priority=5,
            rrule="FREQ=MONTHLY;BYDAY=+2TU",
        ),
    ]


def _meeting(
    rng: random.Random,
    request_id: str,
    department: str,
    departments: list[Department],
    *,
    window: tuple[pendulum.DateTime, pendulum.DateTime],
    hours: float,
    attendees: set[str],
    optional: tuple[str, ...],
    leaders: tuple[tuple[str, ...], int],
    rooms: tuple[str, ...],
    priority: int,
) -> ActivityRequest:
    """A symposium (座谈会 and the like) of ``department``, its title drawn from ``rng``."""
    return ActivityRequest(
        id=request_id,
        kind=ActivityKind.MEETING,
        meeting_kind=MeetingKind.SYMPOSIUM,
        title=f"{department_name(departments, department)}{rng.choice(_MEETING_TITLES)}",
        department_id=department,
        earliest_start=window[0],
        latest_end=window[1],
        duration=dt.timedelta(hours=hours),
        participants=tuple(sorted(attendees)),
        optional_participants=optional,
        leaders=leaders[0],
        any_leaders=leaders[1],
        rooms=rooms,
        priority=priority,
    )


def _without_ab_clashes(absences: list[Absence], roles: list[ABRole]) -> list[Absence]:
    """Drop absences that would already put a post's A and B away at once."""
    partner: dict[str, set[str]] = {}
    for role in roles:
        partner.setdefault(role.a_id, set()).add(role.b_id)
        partner.setdefault(role.b_id, set()).add(role.a_id)
    kept: list[Absence] = []
    for absence in absences:
        others = partner.get(absence.staff_id, set())
        same_person = [a for a in kept if a.staff_id == absence.staff_id]
        if any(a.staff_id in others and a.span.overlaps(absence.span) for a in kept):
            continue
        if any(a.span.overlaps(absence.span) for a in same_person):
            continue
        kept.append(absence)
    return kept


def _clashes(activity: Activity, fixed: list[Activity], absences: list[Absence]) -> bool:
    for other in fixed:
        if other is activity or not other.span.overlaps(activity.span):
            continue
        if other.room_id == activity.room_id or set(other.attendees) & set(activity.attendees):
            return True
    return any(
        a.staff_id in activity.attendees and a.span.overlaps(activity.span) for a in absences
    )


# --------------------------------------------------------------------------------------------
# instance families: benchmarks that cannot flatter


@frozen(kw_only=True)
class Family:
    """The shape of a family of generated instances (see :data:`FAMILIES`).

    Sizes: ``requests`` by default, ``full_requests`` for the long benchmark run. Windows are
    ``window_days`` working days long (a range); ``participants`` the range of required
    participants; ``fixed`` the number of fixed activities already on the calendar, placed off
    the 30-minute grid when ``off_grid``; ``trips`` the share of field trips, ``trip_days`` their
    whole days; ``weights`` the priorities drawn from; ``hours`` the durations drawn from.
    """

    name: str
    description: str
    requests: int
    full_requests: int
    staff: int
    rooms: int
    start: dt.date
    weeks: int
    window_days: tuple[int, int]
    participants: tuple[int, int]
    fixed: int
    off_grid: bool = False
    trips: float = 0.2
    trip_days: tuple[int, int] = (0, 1)
    leaders: float = 0.3
    weights: tuple[int, ...] = (1,)
    hours: tuple[float, ...] = (1, 1.5, 2)
    hot: float = 0.25
    recurring: bool = True
    #: windows start within this many working days of the start (all of them when 0)
    focus_days: int = 0


#: The benchmark's instance families (each deterministic in a seed; see docs/scheduling.md).
FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (
        Family(
            name="friendly",
            description="plenty of rooms and time: nearly everything fits",
            requests=80,
            full_requests=200,
            staff=80,
            rooms=6,
            start=dt.date(2025, 4, 1),
            weeks=12,
            window_days=(5, 15),
            participants=(2, 4),
            fixed=10,
        ),
        Family(
            name="over_subscribed",
            description="few rooms, many long and short meetings: not everything fits",
            requests=160,
            full_requests=400,
            staff=40,
            rooms=3,
            start=dt.date(2025, 4, 1),
            weeks=2,
            window_days=(2, 5),
            participants=(2, 5),
            fixed=20,
            trips=0.0,
            hours=(0.5, 1, 1, 1.5, 2, 3, 3, 3),
            leaders=0.1,
        ),
        Family(
            name="short_windows",
            description="windows of 2-5 working days around 80 fixed activities, some off the grid",
            requests=120,
            full_requests=120,
            staff=60,
            rooms=4,
            start=dt.date(2025, 5, 6),
            weeks=6,
            window_days=(2, 5),
            participants=(2, 5),
            fixed=80,
            off_grid=True,
        ),
        Family(
            name="many_participants",
            description="8-20 required participants per request",
            requests=100,
            full_requests=200,
            staff=80,
            rooms=5,
            start=dt.date(2025, 4, 1),
            weeks=6,
            window_days=(3, 10),
            participants=(8, 20),
            fixed=20,
            trips=0.1,
        ),
        Family(
            name="heavy_fixed",
            description="a heavy fixed calendar of activities off the 30-minute grid",
            requests=120,
            full_requests=240,
            staff=60,
            rooms=4,
            start=dt.date(2025, 4, 1),
            weeks=6,
            window_days=(3, 10),
            participants=(2, 5),
            fixed=260,
            off_grid=True,
        ),
        Family(
            name="national_day",
            description="windows over the National Day holiday week (调休 Saturdays and Sundays)",
            requests=150,
            full_requests=300,
            staff=100,
            rooms=5,
            start=dt.date(2025, 9, 15),
            weeks=6,
            window_days=(3, 10),
            participants=(2, 5),
            fixed=30,
            focus_days=15,
        ),
        Family(
            name="spring_festival",
            description="windows over the 2026 Spring Festival holiday (调休 Saturdays)",
            requests=120,
            full_requests=240,
            staff=80,
            rooms=4,
            start=dt.date(2026, 2, 2),
            weeks=5,
            window_days=(2, 8),
            participants=(2, 5),
            fixed=20,
            focus_days=12,
        ),
        Family(
            name="field_trips",
            description="multi-day field trips with leadership members, few target places",
            requests=90,
            full_requests=200,
            staff=60,
            rooms=4,
            start=dt.date(2025, 4, 1),
            weeks=8,
            window_days=(5, 15),
            participants=(2, 5),
            fixed=10,
            trips=0.6,
            trip_days=(1, 3),
            leaders=0.8,
        ),
        Family(
            name="mixed_weights",
            description="priorities 1-13: a heavy request is worth several light ones",
            requests=150,
            full_requests=300,
            staff=50,
            rooms=3,
            start=dt.date(2025, 4, 1),
            weeks=5,
            window_days=(2, 8),
            participants=(2, 5),
            fixed=20,
            weights=(1, 1, 1, 2, 2, 3, 5, 8, 13),
            hours=(1, 1.5, 2, 3),
        ),
        Family(
            name="large",
            description="800 requests, 300 staff, 9 rooms over a quarter",
            requests=800,
            full_requests=800,
            staff=300,
            rooms=9,
            start=dt.date(2025, 4, 1),
            weeks=12,
            window_days=(5, 20),
            participants=(2, 5),
            fixed=40,
        ),
    )
}

#: Seats of the generated rooms, in turn: small rooms, a few middle ones, one hall.
_SEATS = (12, 20, 30, 20, 60, 12, 30, 200, 20, 40)
_OFF_GRID_STARTS = ((8, 40), (9, 5), (9, 50), (10, 15), (14, 35), (14, 50), (15, 20), (16, 5))


@boundary
def generate_family(family: str, *, seed: int = 0, requests: int | None = None) -> Instance:
    """An instance of the family named ``family`` (a key of :data:`FAMILIES`), deterministic in
    ``seed``; ``requests`` overrides the family's default size."""
    spec = FAMILIES.get(family)
    if spec is None:
        raise InvalidValue(
            f"unknown instance family {family!r}; known: {', '.join(FAMILIES)}",
            f"未知的实例族 {family!r}；可选：{'、'.join(FAMILIES)}",
            field="family",
            value=family,
        )
    count = spec.requests if requests is None else requests
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise InvalidValue(
            f"requests must be a whole number >= 1, got {requests!r}",
            f"requests 应为不小于 1 的整数，实际为 {requests!r}",
            field="requests",
            value=requests,
        )
    return _FamilyBuilder(spec, seed, count).build()


class _FamilyBuilder:
    def __init__(self, spec: Family, seed: int, count: int) -> None:
        self.spec = spec
        self.count = count
        self.rng = random.Random(f"{spec.name}/{seed}/{count}")
        self.calendar = WorkCalendar()
        self.first = spec.start
        self.end = spec.start + dt.timedelta(weeks=spec.weeks)
        self.days = self.calendar.working_days(self.first, self.end)

    def build(self) -> Instance:
        spec, rng = self.spec, self.rng
        n_departments = max(4, min(len(_COMMITTEES), spec.staff // 10))
        n_leaders = max(5, min(10, spec.staff // 20))
        departments = [Department(id="d-lead", name="机关领导", kind=DepartmentKind.LEADERSHIP)]
        departments += [
            Department(id=f"d{i:02d}", name=_COMMITTEES[i], kind=DepartmentKind.COMMITTEE)
            for i in range(n_departments)
        ]
        people, posts, assignments, members = _staff(
            departments,
            spec.staff,
            n_leaders,
            name=lambda index: (
                f"{_SURNAMES[index % len(_SURNAMES)]}{_GIVEN[(index * 7) % len(_GIVEN)]}{index + 1}"
            ),
            level=lambda: Level.CLERK,
        )
        ab_roles = _ab_roles(departments, members)
        rooms = [
            Room(id=f"r{i + 1}", name=f"第{i + 1}会议室", capacity=_SEATS[i % len(_SEATS)])
            for i in range(spec.rooms)
        ]
        absences: list[Absence] = []
        for index in range(spec.staff // 2):
            start = rng.choice(self.days)
            length = rng.choice((1, 1, 2, 3, 5))
            absences.append(
                Absence(
                    id=f"ab{index + 1:04d}",
                    staff_id=rng.choice(people).id,
                    span=TimeSpan.whole_days(start, start + dt.timedelta(days=length - 1)),
                    kind=rng.choice((AbsenceKind.ANNUAL_LEAVE, AbsenceKind.BUSINESS_TRIP)),
                )
            )
        absences = _without_ab_clashes(absences, ab_roles)
        staff_ids = [p.id for p in people[n_leaders:]]
        fixed: list[Activity] = []
        for index in range(spec.fixed):
            day = rng.choice(self.days)
            department = rng.choice(departments[1:]).id
            if spec.off_grid and rng.random() < 0.6:
                hour, minute = rng.choice(_OFF_GRID_STARTS)
                minutes = rng.choice((25, 40, 50, 75, 100))
            else:
                hour, minute = rng.choice(((9, 0), (10, 0), (15, 0), (16, 0)))
                minutes = 60
            pool = members[department] or staff_ids
            activity = Activity(
                id=f"fixed{index + 1:03d}",
                kind=ActivityKind.MEETING,
                title=f"已定会议{index + 1}",
                span=TimeSpan.of(_at(day, hour, minute), minutes=minutes),
                department_id=department,
                participants=tuple(rng.sample(pool, min(rng.choice((2, 3, 4)), len(pool)))),
                room_id=rooms[index % len(rooms)].id if rng.random() < 0.7 else None,
            )
            if not _clashes(activity, [*fixed, activity], absences):
                fixed.append(activity)
        office = Organization(
            name=f"generated office ({spec.name})",
            departments=tuple(departments),
            staff=tuple(people),
            posts=tuple(posts),
            assignments=tuple(assignments),
            ab_roles=tuple(ab_roles),
            rooms=tuple(rooms),
            absences=tuple(absences),
            activities=tuple(fixed),
        )
        leader_ids = [p.id for p in people[:n_leaders]]
        heads = sorted(members[d.id][0] for d in departments[1:] if members[d.id])
        out: list[ActivityRequest] = []
        if spec.recurring and self.count >= 10:
            out += _recurring(
                departments[1].id, heads, leader_ids, rooms, first=self.first, end=self.end
            )
        for index in range(self.count - len(out)):
            out.append(self._request(index, departments, members, heads, leader_ids, rooms))
        return Instance(
            name=spec.name,
            office=office,
            requests=tuple(out),
            calendar=self.calendar,
            quarter_start=self.first,
            quarter_end=self.end,
        )

    def _request(
        self,
        index: int,
        departments: list[Department],
        members: dict[str, list[str]],
        heads: list[str],
        leader_ids: list[str],
        rooms: list[Room],
    ) -> ActivityRequest:
        spec, rng, days = self.spec, self.rng, self.days
        department = rng.choice(departments[1:]).id
        size = rng.randint(*spec.participants)
        pool = members[department]
        if size > len(pool):
            everyone = [p for d, group in members.items() if d != "d-lead" for p in group]
            attendees = set(pool) | set(rng.sample(everyone, min(size, len(everyone))))
            attendees = set(sorted(attendees)[:size]) | set(pool[:1])
        else:
            attendees = set(rng.sample(pool, size))
        if rng.random() < spec.hot:
            attendees.add(rng.choice(heads))
        span = rng.randint(*spec.window_days)
        latest_start = max(1, (spec.focus_days or len(days)) - 1)
        start_day = rng.randrange(0, min(latest_start, len(days) - 1))
        last_day = min(len(days) - 1, start_day + span - 1)
        earliest = _at(days[start_day], 8, 30)
        latest = _at(days[last_day], 17, 30)
        priority = rng.choice(spec.weights)
        request_id = f"req{index + 1:04d}"
        named: tuple[str, ...] = ()
        any_count = 0
        if rng.random() < spec.leaders:
            if rng.random() < 0.4:
                named = (rng.choice(leader_ids),)
            else:
                any_count = 1
        if rng.random() < spec.trips:
            place = rng.choice(_PLACES)
            whole = rng.randint(*spec.trip_days)
            if whole:
                latest = _at(days[min(len(days) - 1, last_day + whole)], 17, 30)
            return ActivityRequest(
                id=request_id,
                kind=rng.choice(
                    (ActivityKind.RESEARCH, ActivityKind.INSPECTION, ActivityKind.STUDY_VISIT)
                ),
                title=f"赴{place}{rng.choice(_TRIP_TITLES)}",
                department_id=department,
                earliest_start=earliest,
                latest_end=latest,
                days=whole,
                duration=None if whole else dt.timedelta(hours=3),
                participants=tuple(sorted(attendees)),
                leaders=named,
                any_leaders=any_count,
                target_place=place,
                priority=priority,
            )
        hours = rng.choice(spec.hours)
        # rooms asked for: one, a few, or any; the list may name rooms too small for everyone
        choice = rng.random()
        if choice < 0.25:
            wanted: tuple[str, ...] = (rng.choice(rooms).id,)
        elif choice < 0.9:
            wanted = tuple(r.id for r in rng.sample(rooms, min(3, len(rooms))))
        else:
            wanted = ()
        if wanted and all(
            (r.capacity or 0) < len(attendees) + len(named) + any_count
            for r in rooms
            if r.id in wanted
        ):
            hall = max(rooms, key=lambda r: (r.capacity or 0, r.id))
            wanted = (*wanted, hall.id) if hall.id not in wanted else wanted
        optional = tuple(sorted(set(rng.sample(pool, min(2, len(pool)))) - attendees))
        return _meeting(
            rng,
            request_id,
            department,
            departments,
            window=(earliest, latest),
            hours=hours,
            attendees=attendees,
            optional=optional,
            leaders=(named, any_count),
            rooms=wanted,
            priority=priority,
        )
