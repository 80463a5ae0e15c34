"""The Organization's assignment checks against an all-pairs brute force; strategies' validity."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.department import Department
from jiguan_core.errors import IntegrityError
from jiguan_core.organization import Organization
from jiguan_core.post import Post, PostAssignment, PostRole
from jiguan_core.staff import Level, Staff
from tests.strategies import organizations

STAFF = ("s1", "s2", "s3")
POSTS = ("p1", "p2", "p3")
DAY0 = dt.date(2024, 1, 1)


@st.composite
def assignment_sets(draw: st.DrawFn) -> list[PostAssignment]:
    """Up to 7 assignments among 3 people and 3 posts on a 10-day grid (often clashing)."""
    found = []
    for _ in range(draw(st.integers(0, 7))):
        start = draw(st.integers(0, 9))
        end = draw(st.none() | st.integers(start + 1, 10))
        found.append(
            PostAssignment(
                staff_id=draw(st.sampled_from(STAFF)),
                post_id=draw(st.sampled_from(POSTS)),
                role=draw(st.sampled_from(list(PostRole))),
                start=DAY0 + dt.timedelta(days=start),
                end=None if end is None else DAY0 + dt.timedelta(days=end),
            )
        )
    return found


def _days(a: PostAssignment) -> set[int]:
    last = 12 if a.end is None else (a.end - DAY0).days
    return set(range((a.start - DAY0).days, last))


def brute_force_is_valid(assignments: list[PostAssignment]) -> bool:
    """Every pair compared by the days it covers; everyone needs some main assignment."""
    for first, second in combinations(assignments, 2):
        if not _days(first) & _days(second):
            continue
        both_main = first.role is PostRole.MAIN and second.role is PostRole.MAIN
        if first.staff_id == second.staff_id and (both_main or first.post_id == second.post_id):
            return False
        if first.post_id == second.post_id and both_main:
            return False
    return all(any(a.staff_id == s and a.role is PostRole.MAIN for a in assignments) for s in STAFF)


@given(assignment_sets())
def test_assignment_checks_agree_with_an_all_pairs_brute_force(
    assignments: list[PostAssignment],
) -> None:
    """The sorted sweep finds a clash exactly when some pair clashes (and main posts exist)."""
    parts = {
        "name": "测试",
        "departments": [Department(id="d1", name="办公室")],
        "staff": [
            Staff(
                id=s, name=s, department_id="d1", level=Level.CLERK, hire_date=dt.date(2020, 1, 1)
            )
            for s in STAFF
        ],
        "posts": [Post(id=p, name=p, department_id="d1") for p in POSTS],
    }
    try:
        Organization(**parts, assignments=assignments)  # type: ignore[arg-type]
    except IntegrityError:
        accepted = False
    else:
        accepted = True
    assert accepted == brute_force_is_valid(assignments)


@given(organizations(max_staff=8))
def test_generated_organizations_hold_one_main_post_per_person_on_any_day(
    org: Organization,
) -> None:
    """The shared strategy builds what it promises: on 1 January 2025 everyone has one main
    post, and no post has two main holders."""
    day = dt.date(2025, 1, 1)
    holders: dict[str, str] = {}
    for person in org.staff:
        mains = [
            a for a in org.assignments_of(person.id) if a.role is PostRole.MAIN and a.active_on(day)
        ]
        assert len(mains) == 1
        assert mains[0].post_id not in holders
        holders[mains[0].post_id] = person.id
    assert org.leadership_members
