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

import pendulum
from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.staff import Level, Staff
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["STANDARD_SIZES", "Instance", "generate_instance"]

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
    people: list[Staff] = []
    posts: list[Post] = []
    assignments: list[PostAssignment] = []
    members: dict[str, list[str]] = {d.id: [] for d in departments}
    for index in range(staff):
        person_id = f"s{index + 1:03d}"
        leader = index < n_leaders
        department = "d-lead" if leader else departments[1 + index % n_departments].id
        level = (
            Level.BUREAU_DEPUTY
            if leader
            else rng.choice((Level.DIVISION_HEAD, Level.SECTION_HEAD, Level.CLERK, Level.CLERK))
        )
        people.append(
            Staff(
                id=person_id,
                name=names[index],
                department_id=department,
                level=level,
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
    ab_roles: list[ABRole] = []
    for unit in departments[1:]:
        group = members[unit.id]
        for k in range(0, len(group) - 1, 4):
            ab_roles.append(
                ABRole(post_id=f"p{int(group[k][1:]):03d}", a_id=group[k], b_id=group[k + 1])
            )
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
    out: list[ActivityRequest] = []
    start_all = _at(days[0], 0)
    end_all = _at(end - dt.timedelta(days=1), 23, 59)
    out.append(
        ActivityRequest(
            id="req-weekly",
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.WORK_MEETING,
            title="机关工作例会",
            department_id=departments[1].id,
            earliest_start=_at(first, 8, 30),
            latest_end=end_all,
            duration=dt.timedelta(hours=1),
            participants=tuple(sorted(heads.values())[:6]),
            leaders=(leader_ids[-1],),
            rooms=(rooms[0].id, rooms[1].id),
            priority=5,
            rrule="FREQ=WEEKLY;BYDAY=MO",
        )
    )
    out.append(
        ActivityRequest(
            id="req-chair",
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.CHAIR_MEETING,
            title="主席会议",
            department_id=departments[1].id,
            earliest_start=_at(first, 8, 30),
            latest_end=end_all,
            duration=dt.timedelta(hours=2),
            leaders=tuple(leader_ids[:3]),
            rooms=(rooms[-1].id,),
            priority=5,
            rrule="FREQ=MONTHLY;BYDAY=+2TU",
        )
    )
    del start_all
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
                ActivityRequest(
                    id=request_id,
                    kind=ActivityKind.MEETING,
                    meeting_kind=MeetingKind.SYMPOSIUM,
                    title=f"{department_name(departments, department)}{rng.choice(_MEETING_TITLES)}",
                    department_id=department,
                    earliest_start=earliest,
                    latest_end=latest,
                    duration=dt.timedelta(hours=hours),
                    participants=tuple(sorted(attendees)),
                    optional_participants=optional,
                    leaders=named,
                    any_leaders=any_count,
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
