"""Properties of the rotation status: T1-T3, decided by their patterns, give on both engines the
status the regulation's words give from each person's dates."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.development import DevelopmentPolicy, rotation_status
from jiguan_core.development.tenure import RotationCheck, RotationStatus
from jiguan_core.organization import Organization
from jiguan_core.post import Post, PostAssignment, PostRole
from tests._engines import ENGINES, needs_durable
from tests.strategies_development import offices

policies = st.builds(
    DevelopmentPolicy,
    leading_years=st.integers(1, 12),
    key_years=st.integers(1, 12),
    general_years=st.integers(1, 12),
    min_interval_years=st.integers(0, 20),
    include_unit_leaders=st.booleans(),
)


@st.composite
def situations(draw: st.DrawFn) -> tuple[Organization, dt.date, frozenset[str]]:
    """An office where some staff are on probation, some rotated before, some investigated."""
    office = draw(offices())
    ids = sorted(p.id for p in office.staff if p.id != "top")
    probation = draw(st.sets(st.sampled_from(ids))) if ids else set()
    rotated = draw(st.sets(st.sampled_from(ids))) if ids else set()
    investigated = frozenset(draw(st.sets(st.sampled_from(ids)))) if ids else frozenset()
    ends = draw(st.sampled_from([dt.date(2027, 1, 1), dt.date(2029, 6, 30)]))
    staff = [attrs.evolve(p, probation_end=ends) if p.id in probation else p for p in office.staff]
    earlier = []
    for person in sorted(rotated):
        current = next(
            a for a in office.assignments if a.staff_id == person and a.role is PostRole.MAIN
        )
        earlier.append(
            PostAssignment(
                staff_id=person,
                post_id=f"p-earlier-{person}",
                role=PostRole.MAIN,
                start=dt.date(1995, 1, 1),
                end=current.start,
            )
        )
    former = [Post(id=a.post_id, name="原岗位", department_id="d-top") for a in earlier]
    office = office.evolve(posts=[*office.posts, *former])
    office = office.evolve(staff=staff, assignments=[*office.assignments, *earlier])
    as_of = draw(st.dates(dt.date(2024, 1, 1), dt.date(2032, 12, 31)))
    return office, as_of, investigated


def _plus_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February is 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def oracle(
    check: RotationCheck,
    office: Organization,
    as_of: dt.date,
    policy: DevelopmentPolicy,
    investigated: frozenset[str],
) -> RotationStatus:
    """T1 (the post kind's years reached), then T2 (investigated, then on probation), then T3
    (the interval since the last rotation not yet over), from the dates of the check."""
    post = next(p for p in office.posts if p.id == check.post_id)
    person = next(p for p in office.staff if p.id == check.staff_id)
    years = (
        policy.leading_years
        if post.leading
        else policy.key_years
        if post.key_areas
        else policy.general_years
    )
    if as_of < _plus_years(check.since, years):
        return RotationStatus.NOT_DUE
    if person.id in investigated:
        return RotationStatus.UNDER_INVESTIGATION
    if person.probation_end is not None and as_of < person.probation_end:
        return RotationStatus.PROBATION
    last = check.last_rotation
    if last is not None and as_of < _plus_years(last, policy.min_interval_years):
        return RotationStatus.TOO_SOON
    return RotationStatus.DUE


@pytest.mark.parametrize("engine", ENGINES)
@given(case=situations(), policy=policies)
def test_every_status_is_the_one_the_dates_give_on_each_engine(  # type: ignore[no-untyped-def]
    engine: str, case, policy: DevelopmentPolicy
) -> None:
    office, as_of, investigated = case
    checks = rotation_status(
        office,
        as_of,
        policy=policy,
        under_investigation=investigated,
        engine=engine,  # type: ignore[arg-type]
    )
    expected = [oracle(check, office, as_of, policy, investigated) for check in checks]
    assert [check.status for check in checks] == expected, [c.reason.en for c in checks]


@needs_durable
@given(case=situations(), policy=policies)
def test_both_engines_give_the_same_checks(case, policy: DevelopmentPolicy) -> None:  # type: ignore[no-untyped-def]
    office, as_of, investigated = case
    python, durable = (
        rotation_status(
            office, as_of, policy=policy, under_investigation=investigated, engine=engine
        )
        for engine in ("python", "durable")
    )
    assert python == durable
