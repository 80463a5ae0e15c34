"""Builders for the office-work tests and benchmarks (duty rosters, proposals, work plans)."""

from __future__ import annotations

import datetime as dt

from jiguan_core.department import Department, DepartmentKind
from jiguan_core.organization import Organization
from jiguan_core.post import Post, PostAssignment, PostRole
from jiguan_core.staff import Level, Staff


def duty_office(leaders: int, staff: int, *, departments: int = 1) -> Organization:
    """Leaders ``L1``.. (leadership members) and staff ``S01``.. spread over departments
    ``d0``.., each with a main post."""
    people = [
        Staff(
            id=f"L{i}",
            name=f"领导{i}",
            department_id="top",
            level=Level.BUREAU_DEPUTY,
            hire_date=dt.date(2000, 1, 1),
            is_leadership_member=True,
        )
        for i in range(1, leaders + 1)
    ] + [
        Staff(
            id=f"S{i:02d}",
            name=f"干部{i}",
            department_id=f"d{i % departments}",
            level=Level.CLERK,
            hire_date=dt.date(2010, 1, 1),
        )
        for i in range(1, staff + 1)
    ]
    posts = [
        Post(id=f"p-{s.id}", name=f"岗位{s.id}", department_id=s.department_id) for s in people
    ]
    assignments = [
        PostAssignment(
            staff_id=s.id, post_id=f"p-{s.id}", role=PostRole.MAIN, start=dt.date(2020, 1, 1)
        )
        for s in people
    ]
    return Organization(
        name="测试机关",
        departments=[
            Department(id="top", name="领导", kind=DepartmentKind.LEADERSHIP),
            *(Department(id=f"d{i}", name=f"委室{i}") for i in range(departments)),
        ],
        staff=people,
        posts=posts,
        assignments=assignments,
    )
