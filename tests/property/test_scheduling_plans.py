"""Properties of every plan on random generated instances, checked by the rule checker."""

from __future__ import annotations

import itertools

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.activity import Activity
from jiguan_core.rule import Severity
from jiguan_core.rules import IncrementalChecker
from jiguan_core.scheduling import ActivityRequest, Instance, expand_all, schedule
from jiguan_core.scheduling._candidates import candidates
from jiguan_core.scheduling.request import OfficeHours
from jiguan_core.time import SHANGHAI, TimeSpan
from tests.strategies_scheduling import hard_violations, instances


@given(instances())
def test_every_plan_adds_no_hard_violation_per_the_full_check(instance: Instance) -> None:
    """rules.check on the calendar with the plan finds no hard violation the office lacked."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    assert not hard_violations(instance.office, plan)
    assert plan.score.hard == 0


@given(instances())
def test_every_placed_activity_lies_inside_its_request_window(instance: Instance) -> None:
    """Window, working day, office hours, duration, people, room and place all as asked."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    jobs = {job.id: job for job in expand_all(instance.requests)}
    hours = OfficeHours.resolve()
    for placement in plan.placed:
        job = jobs[placement.request_id]
        activity = placement.activity
        assert job.earliest_start <= activity.span.start
        assert activity.span.end <= job.latest_end
        assert all(instance.calendar.is_working_day(d) for d in activity.span.dates())
        spans = {(c.start, c.end) for c in candidates(job, hours, instance.calendar)}
        assert (int(activity.span.start.timestamp()), int(activity.span.end.timestamp())) in spans
        assert set(job.participants) <= set(activity.participants)
        assert set(job.leaders) <= set(activity.leaders)
        assert len(activity.leaders) == len(job.leaders) + job.any_leaders
        assert (activity.room_id in job.rooms) if job.rooms else activity.room_id is None
        assert activity.target_place == job.target_place


@given(instances())
def test_nothing_is_placed_twice_and_every_request_is_accounted_for(instance: Instance) -> None:
    """Each one-off request is placed once or unplaced once, never both."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    placed = [p.request_id for p in plan.placed]
    unplaced = [u.request_id for u in plan.unplaced]
    assert len(placed) == len(set(placed))
    assert not set(placed) & set(unplaced)
    assert sorted(placed + unplaced) == sorted(j.id for j in expand_all(instance.requests))
    assert [p.activity.id for p in plan.placed] == placed


@given(instances())
def test_every_unplaced_request_has_a_reason_in_both_languages(instance: Instance) -> None:
    """A non-empty Chinese and English reason for each unplaced request."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    for unplaced in plan.unplaced:
        assert unplaced.reason.zh.strip()
        assert unplaced.reason.en.strip()


@given(instances(max_requests=10), st.integers(0, 3))
def test_the_plan_is_maximal_against_a_brute_force_oracle(instance: Instance, seed: int) -> None:
    """No unplaced request fits anywhere in the final calendar, trying every time, room and
    leadership member by brute force against the incremental checker."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar, seed=seed)
    checker = IncrementalChecker(instance.office, calendar=instance.calendar)
    for activity in plan.activities:
        checker.add(activity)
    jobs = {job.id: job for job in expand_all(instance.requests)}
    leadership = [s.id for s in instance.office.leadership_members]
    hours = OfficeHours.resolve()
    for unplaced in plan.unplaced:
        job = jobs[unplaced.request_id]
        pool = [m for m in leadership if m not in set(job.leaders) | set(job.participants)]
        for candidate in candidates(job, hours, instance.calendar):
            for room in job.rooms or (None,):
                for extra in itertools.combinations(pool, job.any_leaders):
                    activity = _activity(job, candidate.start, candidate.end, room, extra)
                    violations = checker.violations_if_added(activity)
                    assert any(v.level is Severity.HARD for v in violations), (
                        f"{job.id} fits at {activity.span} room {room} leaders {extra}"
                    )


def _activity(
    job: ActivityRequest, start: int, end: int, room: str | None, extra: tuple[str, ...]
) -> Activity:
    return Activity(
        id=job.id,
        kind=job.kind,
        title=job.title,
        span=TimeSpan(
            pendulum.from_timestamp(start, tz=SHANGHAI), pendulum.from_timestamp(end, tz=SHANGHAI)
        ),
        department_id=job.department_id,
        participants=job.participants,
        leaders=(*job.leaders, *extra),
        target_place=job.target_place,
        room_id=room,
        meeting_kind=job.meeting_kind,
    )
