"""Generated offices and calendars of any size, deterministic by seed (for tests, benchmarks
and the scheduler). Pure: the same arguments give the same organization."""

from __future__ import annotations

import datetime as dt
import random

import pendulum

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.errors import InvalidValue
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.staff import Level, Staff
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["generate_office"]

_KINDS = (
    [ActivityKind.MEETING] * 6
    + [ActivityKind.RESEARCH] * 2
    + [ActivityKind.INSPECTION, ActivityKind.STUDY_VISIT, ActivityKind.STUDY_SESSION]
    + [ActivityKind.TRAINING, ActivityKind.PARTY_BUILDING, ActivityKind.VOLUNTEER]
)


def _at(day: dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=SHANGHAI)


def generate_office(
    *,
    activities: int,
    staff: int,
    seed: int = 0,
    year: int = 2025,
    absences: int | None = None,
) -> Organization:
    """An office of ``staff`` people (a few of them leadership members) with ``activities``
    activities and (by default ``staff // 2``) absences spread over the working days of
    ``year``; about one activity in four is a field trip. Conflicts occur at a realistic rate."""
    if not isinstance(staff, int) or staff < 10:
        raise InvalidValue(
            f"staff must be an int >= 10, got {staff!r}",
            f"staff 应为不小于 10 的整数，实际为 {staff!r}",
            field="staff",
            value=staff,
        )
    if not isinstance(activities, int) or activities < 0:
        raise InvalidValue(
            f"activities must be an int >= 0, got {activities!r}",
            f"activities 应为非负整数，实际为 {activities!r}",
            field="activities",
            value=activities,
        )
    rng = random.Random(seed)
    n_departments = max(2, staff // 25)
    n_leaders = max(3, 3 + staff // 150)
    departments = [Department(id="d-lead", name="机关领导", kind=DepartmentKind.LEADERSHIP)] + [
        Department(id=f"d{i:03d}", name=f"第{i}委室", kind=DepartmentKind.COMMITTEE)
        for i in range(1, n_departments + 1)
    ]
    people: list[Staff] = []
    posts: list[Post] = []
    assignments: list[PostAssignment] = []
    members: dict[str, list[str]] = {d.id: [] for d in departments}
    hired = dt.date(year - 5, 3, 1)
    for i in range(1, staff + 1):
        sid = f"s{i:05d}"
        leader = i <= n_leaders
        department = "d-lead" if leader else f"d{(i % n_departments) + 1:03d}"
        people.append(
            Staff(
                id=sid,
                name=f"人员{i}",
                department_id=department,
                level=Level.BUREAU_DEPUTY if leader else Level.CLERK,
                hire_date=hired,
                is_leadership_member=leader,
            )
        )
        members[department].append(sid)
        posts.append(Post(id=f"p{i:05d}", name=f"岗位{i}", department_id=department))
        assignments.append(
            PostAssignment(staff_id=sid, post_id=f"p{i:05d}", role=PostRole.MAIN, start=hired)
        )
    ab_roles: list[ABRole] = []
    for i in range(n_leaders + 1, staff + 1, 7):
        department = people[i - 1].department_id
        others = [p for p in members[department] if p != f"s{i:05d}"]
        if others:
            ab_roles.append(ABRole(post_id=f"p{i:05d}", a_id=f"s{i:05d}", b_id=rng.choice(others)))
    rooms = [Room(id=f"r{i:03d}", name=f"会议室{i}") for i in range(1, max(2, staff // 20) + 1)]
    places = [f"地点{i}" for i in range(1, max(5, staff // 10) + 1)]
    calendar = WorkCalendar()
    days = calendar.working_days(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    leaders = members["d-lead"]
    committees = [d.id for d in departments[1:]]
    # The leadership's calendar is bounded by the leaders' time, not by the office's size.
    leader_share = min(0.3, 1500 / max(1, activities))
    made: list[Activity] = []
    for number in range(1, activities + 1):
        kind = rng.choice(_KINDS)
        department = rng.choice(committees)
        day = rng.choice(days)
        team = members[department]
        participants = sorted(rng.sample(team, k=min(len(team), rng.randint(1, 4))))
        if rng.random() < 0.2:
            outsider = rng.choice(people).id
            if outsider not in participants and outsider not in leaders:
                participants = sorted([*participants, outsider])
        chosen = [rng.choice(leaders)] if rng.random() < leader_share else []
        place = room = meeting_kind = None
        if kind in (ActivityKind.RESEARCH, ActivityKind.INSPECTION, ActivityKind.STUDY_VISIT):
            place = rng.choice(places)
            last = calendar.add_working_days(day, rng.choice((0, 0, 1)))
            span = TimeSpan(_at(day, 8, 30), _at(last, 18))
        else:
            start = rng.randint(16, 32)  # half hours from 8:00
            length = rng.randint(1, 6)
            span = TimeSpan(
                _at(day, start // 2, 30 * (start % 2)),
                _at(day, (start + length) // 2, 30 * ((start + length) % 2)),
            )
            if kind in (ActivityKind.MEETING, ActivityKind.STUDY_SESSION, ActivityKind.TRAINING):
                room = rng.choice(rooms).id
            if kind is ActivityKind.MEETING:
                meeting_kind = MeetingKind.WORK_MEETING
        made.append(
            Activity(
                id=f"a{number:06d}",
                kind=kind,
                title=f"{kind.zh}{number}",
                span=span,
                department_id=department,
                participants=participants,
                leaders=chosen,
                target_place=place,
                room_id=room,
                meeting_kind=meeting_kind,
            )
        )
    away: list[Absence] = []
    kinds = tuple(AbsenceKind)
    for number in range(1, (staff // 2 if absences is None else absences) + 1):
        first = rng.choice(days)
        length = rng.randint(1, 5)
        away.append(
            Absence(
                id=f"ab{number:06d}",
                staff_id=rng.choice(people).id,
                span=TimeSpan.whole_days(first, first + dt.timedelta(days=length - 1)),
                kind=rng.choice(kinds),
            )
        )
    return Organization(
        name=f"生成的机关（{staff} 人，{activities} 项活动，种子 {seed}）",
        departments=departments,
        staff=people,
        posts=posts,
        assignments=assignments,
        ab_roles=ab_roles,
        rooms=rooms,
        activities=made,
        absences=away,
    )
