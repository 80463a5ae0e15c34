"""Properties of every plan on random generated instances, checked by the rule checker."""

from __future__ import annotations

import datetime as dt
import itertools

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from jiguan_core.activity import Activity
from jiguan_core.calendar import WorkCalendar
from jiguan_core.rule import Severity
from jiguan_core.scheduling import ActivityRequest, Instance, schedule
from jiguan_core.time import SHANGHAI, TimeSpan
from tests._rules_oracle import Finding, oracle
from tests.strategies_scheduling import hard_violations, instances, occurrences


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
    jobs = {job.id: job for job in occurrences(instance.requests)}
    wrong: list[tuple[str, str]] = []
    for placement in plan.placed:
        job = jobs[placement.request_id]
        activity = placement.activity
        rooms_ok = (activity.room_id in job.rooms) if job.rooms else activity.room_id is None
        checks = {
            "window": job.earliest_start <= activity.span.start
            and activity.span.end <= job.latest_end,
            "working days": all(instance.calendar.is_working_day(d) for d in activity.span.dates()),
            "an allowed time": (activity.span.start, activity.span.end)
            in _times(job, instance.calendar),
            "participants": set(job.participants) <= set(activity.participants),
            "named leaders": set(job.leaders) <= set(activity.leaders),
            "number of leaders": len(activity.leaders) == len(job.leaders) + job.any_leaders,
            "room": rooms_ok,
            "place": activity.target_place == job.target_place,
        }
        wrong += [(placement.request_id, name) for name, ok in checks.items() if not ok]
    assert wrong == []


@given(instances())
def test_nothing_is_placed_twice_and_every_request_is_accounted_for(instance: Instance) -> None:
    """Each one-off request is placed once or unplaced once, never both."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    placed = [p.request_id for p in plan.placed]
    unplaced = [u.request_id for u in plan.unplaced]
    assert len(placed) == len(set(placed))
    assert not set(placed) & set(unplaced)
    assert sorted(placed + unplaced) == sorted(j.id for j in occurrences(instance.requests))
    assert [p.activity.id for p in plan.placed] == placed


@given(instances())
def test_every_unplaced_request_has_a_reason_in_both_languages(instance: Instance) -> None:
    """A non-empty Chinese and English reason for each unplaced request."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    silent = [
        u.request_id for u in plan.unplaced if not (u.reason.zh.strip() and u.reason.en.strip())
    ]
    assert silent == []


#: The office hours of docs (OFFICE_HOURS defaults): 08:30-12:00 and 14:30-17:30, starts on
#: the half hour.
_BLOCKS = ((dt.time(8, 30), dt.time(12, 0)), (dt.time(14, 30), dt.time(17, 30)))
_STEP = dt.timedelta(minutes=30)


def _at(day: dt.date, clock: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, clock, tzinfo=SHANGHAI)


def _times(job: ActivityRequest, calendar: WorkCalendar) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every time the request allows, from its own words: a day allowed by ``weekdays`` and
    ``working_days_only`` inside the window; a ``duration`` starting on the step inside one
    office-hours block (the request's ``hours`` if given); ``days`` consecutive allowed days
    from the first block's start to the last block's end."""

    def allowed(day: dt.date) -> bool:
        if job.weekdays is not None and day.weekday() not in job.weekdays:
            return False
        return not job.working_days_only or calendar.is_working_day(day)

    first = job.earliest_start.astimezone(SHANGHAI).date()
    last = job.latest_end.astimezone(SHANGHAI).date()
    out: list[tuple[dt.datetime, dt.datetime]] = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        if job.days:
            run = [day + dt.timedelta(days=k) for k in range(job.days)]
            if all(allowed(d) for d in run):
                out.append((_at(day, _BLOCKS[0][0]), _at(run[-1], _BLOCKS[-1][1])))
        elif allowed(day):
            assert job.duration is not None
            for begin, finish in job.hours if job.hours is not None else _BLOCKS:
                start = _at(day, begin)
                while start + job.duration <= _at(day, finish):
                    out.append((start, start + job.duration))
                    start += _STEP
    return [
        (start, end) for start, end in out if job.earliest_start <= start and end <= job.latest_end
    ]


def _hard(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f["level"] is Severity.HARD]


@settings(max_examples=min(settings().max_examples, 25))
@given(instances(max_requests=10), st.integers(0, 3))
def test_the_plan_is_maximal_against_a_brute_force_oracle(instance: Instance, seed: int) -> None:
    """The final calendar breaks no hard rule the office did not already break, and no unplaced
    request fits anywhere in it: every allowed time, room and choice of leadership members is
    tried by brute force against the rules oracle (tests/_rules_oracle.py), none of the
    scheduler's own candidates or checker."""
    office, calendar = instance.office, instance.calendar
    plan = schedule(office, instance.requests, calendar=calendar, seed=seed)
    final = [*office.activities, *plan.activities]
    before = _hard(oracle(office, office.activities, office.absences, calendar=calendar))
    after = _hard(oracle(office, final, office.absences, calendar=calendar))
    assert after == before
    jobs = {job.id: job for job in occurrences(instance.requests)}
    leadership = [s.id for s in office.leadership_members]
    tried = 0
    for unplaced in plan.unplaced:
        job = jobs[unplaced.request_id]
        pool = [m for m in leadership if m not in set(job.leaders) | set(job.participants)]
        for start, end in _times(job, calendar):
            near = [a for a in final if a.span.start < end and start < a.span.end]
            for room in job.rooms or (None,):
                for extra in itertools.combinations(pool, job.any_leaders):
                    activity = _activity(job, start, end, room, extra)
                    found = oracle(office, [*near, activity], office.absences, calendar=calendar)
                    new = [f for f in _hard(found) if job.id in f.get("activity_ids", ())]  # type: ignore[operator]
                    assert new, f"{job.id} fits at {activity.span} room {room} leaders {extra}"
                    tried += 1
    assert tried >= sum(1 for u in plan.unplaced if _times(jobs[u.request_id], calendar))


def _activity(
    job: ActivityRequest,
    start: dt.datetime,
    end: dt.datetime,
    room: str | None,
    extra: tuple[str, ...],
) -> Activity:
    return Activity(
        id=job.id,
        kind=job.kind,
        title=job.title,
        span=TimeSpan(pendulum.instance(start), pendulum.instance(end)),
        department_id=job.department_id,
        participants=job.participants,
        leaders=(*job.leaders, *extra),
        target_place=job.target_place,
        room_id=room,
        meeting_kind=job.meeting_kind,
    )
