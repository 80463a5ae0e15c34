"""One notion of being away, shared by SCHED-DEV-AB and DEV-COVER (AB角补位)."""

from __future__ import annotations

import datetime as dt

from jiguan_core.activity import ActivityKind
from jiguan_core.away import away_periods, taken_away_by
from tests.rules._builders import act, away


def test_an_off_site_activity_takes_its_attendees_away() -> None:
    """A research trip (off site) takes everyone on it away; an on-site meeting nobody."""
    trip = act("t1", kind=ActivityKind.RESEARCH, people=("s00005",), leaders=("s00001",))
    meeting = act("m1", people=("s00005",))
    assert taken_away_by(trip) == ("s00001", "s00005")
    assert taken_away_by(meeting) == ()


def test_an_office_may_not_count_off_site_activities_as_away() -> None:
    """SCHED-DEV-AB's count_off_site=False: only absences take people away."""
    trip = act("t1", kind=ActivityKind.RESEARCH, people=("s00005",))
    assert taken_away_by(trip, count_off_site=False) == ()


def test_away_periods_list_absences_then_off_site_attendance() -> None:
    """Each absence once, then each off-site activity once per attendee, with its span."""
    leave = away("ab1", "s00004", dt.date(2025, 3, 4))
    trip = act("t1", kind=ActivityKind.RESEARCH, people=("s00005", "s00006"))
    found = list(away_periods([leave], [trip, act("m1", people=("s00007",))]))
    assert [(a.staff_id, a.ref_id, a.by_activity) for a in found] == [
        ("s00004", "ab1", False),
        ("s00005", "t1", True),
        ("s00006", "t1", True),
    ]
    assert found[1].span == trip.span


def test_sch3_and_dev_cover_see_the_same_day_away() -> None:
    """A on leave and B on a trip the same day: SCHED-DEV-AB finds the clash, DEV-COVER the gap."""
    from jiguan_core.calendar import DateRange
    from jiguan_core.development import coverage
    from jiguan_core.post import KeyArea
    from jiguan_core.rules import check
    from tests.strategies_development import absence, build_office, off_site

    office = build_office(
        departments=[[(2020, frozenset({KeyArea.FINANCE})), (2020, frozenset())]],
        ab=[("p01", "s01", "s02")],
    )
    day = dt.date(2025, 3, 4)
    leave = absence("s01", day, day, 1)
    trip = off_site(["s02"], day, day, 1)
    (clash,) = check(office, activities=[trip], absences=[leave]).of_rule("SCHED-DEV-AB")
    report = coverage(
        office, DateRange(day, day + dt.timedelta(days=1)), absences=[leave], activities=[trip]
    )
    assert clash.day == day
    assert clash.staff_ids == ("s01", "s02")
    assert report.of("p01").gaps == (day,)
