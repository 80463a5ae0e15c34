"""Room capacity (SCHED-COORD-CAPACITY): the check reports an over-full room; the scheduler picks one that fits."""

from __future__ import annotations

import datetime as dt

from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.rule import Severity
from jiguan_core.rules import SchedulingPolicy, check
from jiguan_core.rules.catalogue import rule
from jiguan_core.sample import sample_office
from jiguan_core.scheduling import schedule
from jiguan_core.time import TimeSpan
from tests.strategies_scheduling import at, hard_violations, meeting

#: forty people who are not leadership members (s007..s046)
FORTY = tuple(f"s{i:03d}" for i in range(7, 47))


def _meeting_in(room: str, people: tuple[str, ...]) -> Activity:
    return Activity(
        id="big",
        kind=ActivityKind.MEETING,
        title="全体干部大会",
        span=TimeSpan(at(4, 8, 9, 0), at(4, 8, 10, 0)),
        department_id="d-office",
        participants=people,
        room_id=room,
    )


def test_capacity_is_a_hard_rule_with_documented_parameters() -> None:
    info = rule("SCHED-COORD-CAPACITY").info
    assert info.level is Severity.HARD
    assert info.defaults == {"check_capacity": True, "extra_seats": 0}
    assert info.sources


def test_the_check_reports_forty_people_in_a_twenty_seat_room() -> None:
    office = sample_office()
    report = check(office, activities=(*office.activities, _meeting_in("r-2", FORTY)))
    (found,) = [v for v in report.violations if v.rule_id == "SCHED-COORD-CAPACITY"]
    assert found.level is Severity.HARD
    assert found.activity_ids == ("big",)
    assert found.room_id == "r-2"
    assert "40 attendees" in found.message.en
    assert "20" in found.message.en
    assert "40 人" in found.message.zh


def test_a_room_that_seats_everyone_is_no_violation_and_extra_seats_count() -> None:
    office = sample_office()
    twenty = FORTY[:20]
    activities = (*office.activities, _meeting_in("r-2", twenty))
    assert not [
        v
        for v in check(office, activities=activities).violations
        if v.rule_id == "SCHED-COORD-CAPACITY"
    ]
    strict = SchedulingPolicy(overrides={"SCHED-COORD-CAPACITY": {"extra_seats": 2}})
    found = [
        v
        for v in check(office, activities=activities, policy=strict).violations
        if v.rule_id == "SCHED-COORD-CAPACITY"
    ]
    assert len(found) == 1
    assert "2 seats kept free" in found[0].message.en


def test_the_check_can_be_switched_off() -> None:
    office = sample_office()
    policy = SchedulingPolicy(overrides={"SCHED-COORD-CAPACITY": {"check_capacity": False}})
    activities = (*office.activities, _meeting_in("r-2", FORTY))
    report = check(office, activities=activities, policy=policy)
    assert not [v for v in report.violations if v.rule_id == "SCHED-COORD-CAPACITY"]


def test_a_forty_person_meeting_goes_to_the_hall_not_the_small_room() -> None:
    """Rooms asked in order r-2 (20 seats), r-hall (200): the hall, though r-2 comes first."""
    office = sample_office()
    request = meeting("big", participants=FORTY, rooms=("r-2", "r-hall"))
    plan = schedule(office, (request,))
    assert [p.activity.room_id for p in plan.placed] == ["r-hall"]
    assert not hard_violations(office, plan)


def test_when_no_room_asked_for_seats_everyone_the_reason_says_so() -> None:
    office = sample_office()
    plan = schedule(office, (meeting("big", participants=FORTY, rooms=("r-1", "r-2")),))
    assert plan.placed == ()
    (unplaced,) = plan.unplaced
    assert "seats everyone" in unplaced.reason.en
    assert "坐不下" in unplaced.reason.zh


def test_optional_participants_join_only_while_seats_remain() -> None:
    """20 required + 15 optional in the 30-seat r-1: at most 10 optional come."""
    office = sample_office()
    request = meeting(
        "mid",
        participants=FORTY[:20],
        optional_participants=FORTY[20:35],
        rooms=("r-1",),
        earliest_start=at(4, 7),
        latest_end=at(4, 7, 17, 30),
        duration=dt.timedelta(hours=1),
    )
    plan = schedule(office, (request,))
    for placement in plan.placed:
        assert len(placement.activity.attendees) <= 30
    assert not hard_violations(office, plan)
