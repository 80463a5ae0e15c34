"""The fact tables' helpers (rules/_facts.py), at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.rules import check
from jiguan_core.rules._facts import epoch
from tests.rules._builders import OFFICE, act

UTC = dt.UTC
EAST_8 = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2025, 3, 1, 9, 30, tzinfo=EAST_8),
        dt.datetime(2025, 3, 1, 9, 30, 15, 999_999, tzinfo=EAST_8),
        dt.datetime(2025, 3, 1, 9, 30, 15, tzinfo=EAST_8),
        dt.datetime(2025, 3, 1, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(1969, 12, 31, 23, 59, 59, 500_000, tzinfo=UTC),
        dt.datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC),
    ],
)
def test_epoch_is_the_timestamp_truncated_to_whole_seconds(moment: dt.datetime) -> None:
    """Before 1970 too, where truncation (towards zero) and the floor differ by a second."""
    assert epoch(moment) == int(moment.timestamp())


def test_meetings_held_at_one_place_are_not_trips_that_pile_up() -> None:
    """SCHED-COORD-TRIPS counts field activities (调研、视察、考察) only."""
    meetings = [act("m1", place="甲县"), act("m2", place="甲县", day=dt.date(2025, 3, 14))]
    assert [v.rule_id for v in check(OFFICE, activities=meetings).violations] == []


def test_a_meeting_from_midnight_on_a_saturday_is_on_a_non_working_day() -> None:
    """SCHED-C2-WORKDAYS: a span starting at 00:00 local time belongs to that day."""
    saturday = dt.date(2025, 3, 8)
    report = check(OFFICE, activities=[act("m1", day=saturday, start=0, end=2)])
    assert [(v.part, v.day) for v in report.violations] == [
        ("SCHED-C2-WORKDAYS/non_working_day", saturday)
    ]


def test_an_activity_running_into_saturday_morning_touches_a_non_working_day() -> None:
    """Friday 09:00 to Saturday 09:00: the first non-working day it touches is Saturday."""
    friday, saturday = dt.date(2025, 3, 7), dt.date(2025, 3, 8)
    report = check(OFFICE, activities=[act("m1", day=friday, start=9, end=9, last_day=saturday)])
    assert [(v.part, v.day) for v in report.violations] == [
        ("SCHED-C2-WORKDAYS/non_working_day", saturday)
    ]


def test_an_activity_ending_one_second_into_saturday_touches_a_non_working_day() -> None:
    """Friday 23:00 to Saturday 00:00:01: that one second is on Saturday, a non-working day."""
    import attrs

    from jiguan_core.time import TimeSpan

    friday, saturday = dt.date(2025, 3, 7), dt.date(2025, 3, 8)
    late = act("m1", day=friday, start=23, end=0, last_day=saturday)
    late = attrs.evolve(late, span=TimeSpan(late.span.start, late.span.end.add(seconds=1)))
    report = check(OFFICE, activities=[late])
    assert [(v.part, v.day) for v in report.violations] == [
        ("SCHED-C2-WORKDAYS/non_working_day", saturday)
    ]
