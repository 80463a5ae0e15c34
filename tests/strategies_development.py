"""Builders and Hypothesis strategies for the staff-development tests.

``small_office(...)`` builds a tiny office by hand for unit tests; ``offices()`` draws whole
offices shaped like a real one (a leadership member, departments with a head and staff in
posts, some key posts, relatives, AB roles) for the property tests of rotation and coverage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.time import TimeSpan

KEY_CHOICES: tuple[frozenset[KeyArea], ...] = (
    frozenset(),
    frozenset({KeyArea.FINANCE}),
    frozenset({KeyArea.PERSONNEL}),
    frozenset({KeyArea.PROCUREMENT}),
)


def build_office(
    *,
    departments: Sequence[Sequence[tuple[int, frozenset[KeyArea]]]],
    head_years: Sequence[int] | None = None,
    relatives: Sequence[tuple[str, str, Relation]] = (),
    ab: Sequence[tuple[str, str, str]] = (),
    secondary: Sequence[tuple[str, str]] = (),
    probation: Sequence[str] = (),
) -> Organization:
    """An office with a chair ``top`` and departments ``d0``, ``d1`` ...

    ``departments[i]`` lists, per staff member ``s{i}{j}`` (j from 1), the year they took post
    ``p{i}{j}`` and its key areas; ``h{i}`` heads ``d{i}`` (post ``p{i}h``, leading) since
    ``head_years[i]`` (default 2020). ``relatives`` are recorded on the first person only
    (one-sided on purpose: links are symmetric). ``ab`` is (post, A, B); ``secondary`` is
    (staff, post) from 2024-01-01.
    """
    depts = [Department(id="d-top", name="领导", kind=DepartmentKind.LEADERSHIP)]
    posts = [Post(id="p-top", name="主席", department_id="d-top", leading=True)]
    related: dict[str, list[Relative]] = {}
    for first, second, relation in relatives:
        related.setdefault(first, []).append(Relative(staff_id=second, relation=relation))
    staff = [
        Staff(
            id="top",
            name="主席",
            department_id="d-top",
            level=Level.BUREAU_HEAD,
            hire_date=dt.date(2000, 1, 1),
            is_leadership_member=True,
            relatives=related.get("top", ()),
        )
    ]
    assignments = [
        PostAssignment(
            staff_id="top", post_id="p-top", role=PostRole.MAIN, start=dt.date(2020, 1, 1)
        )
    ]
    for i, members in enumerate(departments):
        d = f"d{i}"
        depts.append(Department(id=d, name=f"部门{i}"))
        year = head_years[i] if head_years else 2020
        posts.append(Post(id=f"p{i}h", name="主任", department_id=d, leading=True))
        staff.append(
            Staff(
                id=f"h{i}",
                name=f"主任{i}",
                department_id=d,
                level=Level.DIVISION_HEAD,
                hire_date=dt.date(1990, 1, 1),
                reports_to="top",
                relatives=related.get(f"h{i}", ()),
            )
        )
        assignments.append(
            PostAssignment(
                staff_id=f"h{i}", post_id=f"p{i}h", role=PostRole.MAIN, start=dt.date(year, 1, 1)
            )
        )
        for j, (start_year, areas) in enumerate(members, start=1):
            sid, pid = f"s{i}{j}", f"p{i}{j}"
            posts.append(Post(id=pid, name=f"岗位{i}{j}", department_id=d, key_areas=areas))
            staff.append(
                Staff(
                    id=sid,
                    name=f"人员{i}{j}",
                    department_id=d,
                    level=Level.CLERK,
                    hire_date=dt.date(1990, 1, 1),
                    probation_end=dt.date(2030, 1, 1) if sid in probation else None,
                    reports_to=f"h{i}",
                    relatives=related.get(sid, ()),
                )
            )
            assignments.append(
                PostAssignment(
                    staff_id=sid, post_id=pid, role=PostRole.MAIN, start=dt.date(start_year, 1, 1)
                )
            )
    for sid, pid in secondary:
        assignments.append(
            PostAssignment(
                staff_id=sid, post_id=pid, role=PostRole.SECONDARY, start=dt.date(2024, 1, 1)
            )
        )
    roles = [ABRole(post_id=p, a_id=a, b_id=b) for p, a, b in ab]
    return Organization(
        name="测试机关",
        departments=depts,
        staff=staff,
        posts=posts,
        assignments=assignments,
        ab_roles=roles,
    )


@st.composite
def offices(draw: st.DrawFn, *, max_departments: int = 4, max_staff: int = 5) -> Organization:
    """A random office of the shape of :func:`build_office`, with relatives and AB roles."""
    count = draw(st.integers(1, max_departments))
    departments = [
        draw(
            st.lists(
                st.tuples(st.integers(2005, 2024), st.sampled_from(KEY_CHOICES)),
                min_size=1,
                max_size=max_staff,
            )
        )
        for _ in range(count)
    ]
    head_years = draw(st.lists(st.integers(2005, 2024), min_size=count, max_size=count))
    people = [f"h{i}" for i in range(count)] + [
        f"s{i}{j}" for i, members in enumerate(departments) for j in range(1, len(members) + 1)
    ]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(people), st.sampled_from(people), st.sampled_from(Relation)),
            max_size=4,
        )
    )
    seen: set[frozenset[str]] = set()
    relatives = []
    for a, b, relation in pairs:
        if a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            relatives.append((a, b, relation))
    # AB roles on key posts, B drawn among the other staff.
    ab = []
    b_used: dict[str, int] = {}
    for i, members in enumerate(departments):
        for j, (_, areas) in enumerate(members, start=1):
            if areas and draw(st.booleans()):
                others = [p for p in people if p != f"s{i}{j}" and b_used.get(p, 0) < 2]
                if others:
                    b = draw(st.sampled_from(others))
                    b_used[b] = b_used.get(b, 0) + 1
                    ab.append((f"p{i}{j}", f"s{i}{j}", b))
    return build_office(departments=departments, head_years=head_years, relatives=relatives, ab=ab)


def absence(staff_id: str, first: dt.date, last: dt.date, number: int = 1) -> Absence:
    return Absence(
        id=f"x{number}",
        staff_id=staff_id,
        span=TimeSpan.whole_days(first, last),
        kind=AbsenceKind.ANNUAL_LEAVE,
    )


def off_site(staff_ids: Sequence[str], first: dt.date, last: dt.date, number: int = 1) -> Activity:
    return Activity(
        id=f"a{number}",
        kind=ActivityKind.RESEARCH,
        title="调研",
        span=TimeSpan.whole_days(first, last),
        department_id="d0",
        participants=staff_ids,
        target_place="某县",
    )


PERIOD_START = dt.date(2025, 3, 1)


@st.composite
def away_events(
    draw: st.DrawFn, office: Organization, *, days: int = 40
) -> tuple[list[Absence], list[Activity]]:
    """Random absences and off-site trips of ``office``'s staff in the 40 days from 2025-03-01."""
    people = [p.id for p in office.staff]
    absences = []
    for number in range(draw(st.integers(0, 12))):
        first = PERIOD_START + dt.timedelta(days=draw(st.integers(-3, days)))
        last = first + dt.timedelta(days=draw(st.integers(0, 6)))
        absences.append(absence(draw(st.sampled_from(people)), first, last, number))
    activities = []
    for number in range(draw(st.integers(0, 4))):
        first = PERIOD_START + dt.timedelta(days=draw(st.integers(0, days)))
        last = first + dt.timedelta(days=draw(st.integers(0, 2)))
        who = draw(st.lists(st.sampled_from(people), min_size=1, max_size=3, unique=True))
        activities.append(off_site(who, first, last, number))
    return absences, activities
