"""Holiday-aware recurrence: skip, next or previous working day, the N-th working day, and the
dropped or moved dates in the plan and in the .ics series (EXDATE / RDATE)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
import recurring_ical_events
from icalendar import Calendar

from jiguan_core.activity import ActivityKind, MeetingKind
from jiguan_core.errors import JiguanError
from jiguan_core.ics import activities_to_ics
from jiguan_core.sample import sample_office
from jiguan_core.scheduling import ActivityRequest, NonWorkingDay, expand, schedule
from jiguan_core.scheduling.recurrence import expand_with_changes

TZ = "Asia/Shanghai"


def _weekly(policy: NonWorkingDay | None = None, **changes: object) -> ActivityRequest:
    """The Monday work meeting from 22 September to 20 October 2025 (National Day: 1-8 October,
    so Monday 6 October is a holiday; Sunday 28 September and Saturday 11 October are worked)."""
    values: dict[str, object] = {
        "id": "weekly",
        "kind": ActivityKind.MEETING,
        "meeting_kind": MeetingKind.WORK_MEETING,
        "title": "机关工作例会",
        "department_id": "d-office",
        "earliest_start": pendulum.datetime(2025, 9, 22, 8, 30, tz=TZ),
        "latest_end": pendulum.datetime(2025, 10, 20, 17, 30, tz=TZ),
        "duration": dt.timedelta(hours=1),
        "participants": ("s007", "s017"),
        "rooms": ("r-1", "r-2"),
        "rrule": "FREQ=WEEKLY;BYDAY=MO",
        "on_non_working": policy,
    }
    values.update(changes)
    return ActivityRequest(**values)  # type: ignore[arg-type]


def _days(request: ActivityRequest) -> list[dt.date]:
    return [o.earliest_start.date() for o in expand(request)]


def test_without_a_policy_the_holiday_monday_stays_asked_for_and_unplaced() -> None:
    assert dt.date(2025, 10, 6) in _days(_weekly())
    plan = schedule(sample_office(), (_weekly(),))
    assert "weekly@20251006" in {u.request_id for u in plan.unplaced}


def test_skip_drops_the_holiday_monday_and_the_plan_lists_it() -> None:
    request = _weekly(NonWorkingDay.SKIP)
    assert _days(request) == [
        dt.date(2025, 9, 22),
        dt.date(2025, 9, 29),
        dt.date(2025, 10, 13),
        dt.date(2025, 10, 20),
    ]
    plan = schedule(sample_office(), (request,))
    assert len(plan.placed) == 4
    assert not plan.unplaced
    (change,) = plan.occurrences
    assert (change.request_id, change.day, change.moved_to) == (
        "weekly",
        dt.date(2025, 10, 6),
        None,
    )
    assert "skipped" in change.reason.en
    assert "跳过" in change.reason.zh


def test_next_working_day_moves_it_to_thursday_after_the_holiday() -> None:
    request = _weekly(NonWorkingDay.NEXT_WORKING_DAY)
    assert dt.date(2025, 10, 9) in _days(request)
    occurrences, changes = expand_with_changes(request)
    assert "weekly@20251009" in {o.id for o in occurrences}
    assert [(c.day, c.moved_to) for c in changes] == [(dt.date(2025, 10, 6), dt.date(2025, 10, 9))]


def test_previous_working_day_moves_it_to_the_last_working_day_before() -> None:
    """30 September 2025 (Tuesday) is the last working day before the holiday."""
    request = _weekly(NonWorkingDay.PREVIOUS_WORKING_DAY)
    assert dt.date(2025, 9, 30) in _days(request)


def test_two_occurrences_moved_onto_one_day_keep_only_one_and_say_why() -> None:
    """Daily over the holiday, moved to the next working day: 1-8 October all land on the 9th."""
    request = _weekly(
        NonWorkingDay.NEXT_WORKING_DAY,
        rrule="FREQ=DAILY",
        earliest_start=pendulum.datetime(2025, 9, 30, 8, 30, tz=TZ),
        latest_end=pendulum.datetime(2025, 10, 10, 17, 30, tz=TZ),
    )
    days = _days(request)
    assert days == sorted(set(days))
    assert dt.date(2025, 10, 9) in days
    _, changes = expand_with_changes(request)
    assert any("already has an occurrence" in c.reason.en for c in changes)


@pytest.mark.parametrize(
    ("n", "rule", "expected"),
    [
        # the first working day of October 2025 is Thursday 9 October (1-8 are the holiday)
        (1, "FREQ=MONTHLY", [dt.date(2025, 9, 1), dt.date(2025, 10, 9), dt.date(2025, 11, 3)]),
        # the last working day of each month
        (-1, "FREQ=MONTHLY", [dt.date(2025, 9, 30), dt.date(2025, 10, 31), dt.date(2025, 11, 28)]),
    ],
)
def test_the_nth_working_day_of_the_month(n: int, rule: str, expected: list[dt.date]) -> None:
    request = _weekly(
        None,
        rrule=rule,
        working_day=n,
        earliest_start=pendulum.datetime(2025, 9, 1, 8, 30, tz=TZ),
        latest_end=pendulum.datetime(2025, 11, 30, 17, 30, tz=TZ),
    )
    assert _days(request) == expected


def test_the_first_working_day_of_the_week_counts_the_tiaoxiu_sunday() -> None:
    """The week of 29 September 2025 starts with a working Monday; the week of 6 October has
    no working day until Thursday the 9th; Saturday 11 October is a working day (调休)."""
    request = _weekly(
        None,
        working_day=1,
        earliest_start=pendulum.datetime(2025, 9, 29, 8, 30, tz=TZ),
        latest_end=pendulum.datetime(2025, 10, 12, 17, 30, tz=TZ),
    )
    assert _days(request) == [dt.date(2025, 9, 29), dt.date(2025, 10, 9)]
    last = _weekly(
        None,
        working_day=-1,
        earliest_start=pendulum.datetime(2025, 10, 6, 8, 30, tz=TZ),
        latest_end=pendulum.datetime(2025, 10, 12, 17, 30, tz=TZ),
    )
    assert _days(last) == [dt.date(2025, 10, 11)]


def test_the_policy_and_the_nth_working_day_need_a_rule_and_a_sensible_n() -> None:
    with pytest.raises(JiguanError, match="rrule"):
        _weekly(NonWorkingDay.SKIP, rrule=None)
    with pytest.raises(JiguanError, match="working_day"):
        _weekly(None, working_day=0)


def test_the_ics_series_excludes_the_holiday_and_adds_the_moved_date() -> None:
    """Expanded by an independent reader (recurring_ical_events), the series holds exactly the
    placed occurrences: no holiday Monday, the Thursday after it."""
    request = _weekly(NonWorkingDay.NEXT_WORKING_DAY)
    office = sample_office()
    plan = schedule(office, (request,))
    series = plan.series(request)
    assert series is not None
    text = activities_to_ics(
        [], recurring=[series], as_of=pendulum.datetime(2025, 9, 1, tz=TZ), office=office
    )
    assert "EXDATE" in text
    assert "RDATE" in text
    calendar = Calendar.from_ical(text)
    events = recurring_ical_events.of(calendar).between(dt.date(2025, 9, 1), dt.date(2025, 11, 1))
    held = sorted(e["DTSTART"].dt for e in events)
    assert held == sorted(p.activity.span.start for p in plan.placed)
    assert dt.date(2025, 10, 6) not in {d.date() for d in held}
    assert dt.date(2025, 10, 9) in {d.date() for d in held}
