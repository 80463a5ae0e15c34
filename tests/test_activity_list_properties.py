"""The activity list of any office and any period holds every activity starting in the period
exactly once, on its start day, with the names the office gives — against a brute-force
selection that shares no code with the library."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.activity_list import DayKind, activity_list
from jiguan_core.calendar import Granularity
from jiguan_core.organization import Organization
from tests.strategies import granularities, organizations

YEAR = 2025


def _bounds(granularity: Granularity, day: dt.date) -> tuple[dt.date, dt.date]:
    """Brute force: the first day and the day after the last of the period containing ``day``."""
    if granularity is Granularity.WEEK:
        first = day - dt.timedelta(days=day.weekday())
        return first, first + dt.timedelta(days=7)
    if granularity is Granularity.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1)
    months = 1 if granularity is Granularity.MONTH else 3
    first_month = day.month if months == 1 else 3 * ((day.month - 1) // 3) + 1
    first = dt.date(day.year, first_month, 1)
    after = first_month + months
    end = dt.date(day.year + 1, 1, 1) if after > 12 else dt.date(day.year, after, 1)
    return first, end


@given(
    office=organizations(max_activities=12, year=YEAR),
    granularity=granularities,
    day=st.dates(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)),
)
def test_every_activity_of_the_period_is_listed_once_on_its_start_day(
    office: Organization, granularity: Granularity, day: dt.date
) -> None:
    listed = activity_list(office, granularity, day)
    first, end = _bounds(granularity, day)
    assert (listed.period.start, listed.period.end) == (first, end)
    offset = dt.timedelta(hours=8)  # Asia/Shanghai has had no daylight saving since 1991
    expected = {
        a.id: (a.span.start.astimezone(dt.UTC) + offset).date()
        for a in office.activities
        if first <= (a.span.start.astimezone(dt.UTC) + offset).date() < end
    }
    seen = [(row.activity_id, day_.day) for day_ in listed.days for row in day_.rows]
    assert sorted(seen) == sorted(expected.items())
    names = {s.id: s.name for s in office.staff}
    for row in listed.rows:
        activity = next(a for a in office.activities if a.id == row.activity_id)
        assert sorted(row.leaders) == sorted(names[p] for p in activity.leaders)
        assert list(row.participants) == [names[p] for p in activity.participants]
    if granularity is Granularity.WEEK:
        assert [d.day for d in listed.days] == [first + dt.timedelta(days=i) for i in range(7)]
        for listed_day in listed.days:
            if listed_day.day.weekday() < 5:
                assert listed_day.kind is not DayKind.WEEKEND
            else:
                assert listed_day.kind is not DayKind.WORKING
