"""Working-day arithmetic against a day-by-day oracle built on chinesecalendar directly."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.calendar import Granularity, WorkCalendar, YearArrangement
from jiguan_core.errors import CalendarYearNotCovered
from tests.strategies import dates, granularities, year_arrangements

ONE_DAY = dt.timedelta(days=1)
FIRST, LAST = dt.date(2004, 1, 1), dt.date(2026, 12, 31)


class Oracle:
    """The slow, obvious answer: ask chinesecalendar (or the supplied year) about every day."""

    def __init__(
        self, closures: frozenset[dt.date] = frozenset(), supplied: tuple[YearArrangement, ...] = ()
    ) -> None:
        self.closures = closures
        self.supplied = {a.year: a for a in supplied}

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.closures:
            return False
        arrangement = self.supplied.get(day.year)
        if arrangement is not None:
            if day in arrangement.working_weekend_days:
                return True
            return day not in arrangement.holidays and day.weekday() < 5
        if not FIRST <= day <= LAST:
            raise CalendarYearNotCovered(day.year, None)
        return bool(chinese_calendar.is_workday(day))

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        day, remaining, step = start, abs(count), (1 if count > 0 else -1)
        while remaining:
            day += step * ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        found, day = [], start
        while day < end:
            if self.is_working_day(day):
                found.append(day)
            day += ONE_DAY
        return found


CALENDAR = WorkCalendar()
ORACLE = Oracle()


def _same_outcome(fast: object, slow: object) -> None:
    """Compare two thunks: equal results, or both raise CalendarYearNotCovered."""
    try:
        expected = slow()  # type: ignore[operator]
    except CalendarYearNotCovered:
        with pytest.raises(CalendarYearNotCovered):
            fast()  # type: ignore[operator]
        return
    assert fast() == expected  # type: ignore[operator]


@given(dates())
def test_is_working_day_agrees_with_chinesecalendar(day: dt.date) -> None:
    """Every built-in day is a working day exactly when chinesecalendar says so."""
    assert CALENDAR.is_working_day(day) == ORACLE.is_working_day(day)


@given(dates(), st.integers(-300, 300))
def test_add_working_days_agrees_with_a_day_by_day_walk(start: dt.date, count: int) -> None:
    """Forwards and backwards, within 2004-2026 or running off its ends (then both raise)."""
    _same_outcome(
        lambda: CALENDAR.add_working_days(start, count),
        lambda: ORACLE.add_working_days(start, count),
    )


@given(dates(), st.integers(-800, 800))
def test_working_days_between_counts_the_working_days_of_the_range(
    start: dt.date, offset: int
) -> None:
    """The count equals the oracle's list length, negated when the range is reversed."""
    end = min(max(start + dt.timedelta(days=offset), FIRST), LAST + ONE_DAY)
    lo, hi = min(start, end), max(start, end)
    expected = len(ORACLE.working_days(lo, hi))
    assert CALENDAR.working_days_between(start, end) == (expected if start <= end else -expected)


@given(dates(), st.integers(0, 120))
def test_working_days_lists_the_working_days_of_the_range(start: dt.date, length: int) -> None:
    """working_days(start, end) is the oracle's list, in order."""
    end = start + dt.timedelta(days=length)
    if end > LAST + ONE_DAY:
        end = LAST + ONE_DAY
    assert CALENDAR.working_days(start, end) == ORACLE.working_days(start, end)


@given(dates(), st.integers(1, 200))
def test_adding_then_counting_working_days_gives_the_count_back(start: dt.date, count: int) -> None:
    """working_days_between(start, add_working_days(start, n) + 1 day) == n, start excluded."""
    try:
        end = CALENDAR.add_working_days(start, count)
    except CalendarYearNotCovered:
        return
    assert CALENDAR.working_days_between(start + ONE_DAY, end + ONE_DAY) == count
    assert CALENDAR.is_working_day(end)


@given(
    st.frozensets(dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)), max_size=20),
    dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)),
    st.integers(-100, 100),
)
def test_closures_are_honoured_by_every_operation(
    closures: frozenset[dt.date], start: dt.date, count: int
) -> None:
    """With closures, arithmetic still agrees with the oracle."""
    calendar = WorkCalendar(closures=closures)
    oracle = Oracle(closures=closures)
    end = start + dt.timedelta(days=90)
    assert calendar.working_days(start, end) == oracle.working_days(start, end)
    assert calendar.working_days_between(start, end) == len(oracle.working_days(start, end))
    _same_outcome(
        lambda: calendar.add_working_days(start, count),
        lambda: oracle.add_working_days(start, count),
    )


@given(year_arrangements(2027), dates(dt.date(2026, 6, 1), dt.date(2027, 12, 31)), st.data())
def test_a_supplied_year_is_used_exactly_as_given(
    arrangement: YearArrangement, start: dt.date, data: st.DataObject
) -> None:
    """Across 2026 (built in) and a supplied 2027, arithmetic agrees with the oracle."""
    calendar = WorkCalendar(arrangements=[arrangement])
    oracle = Oracle(supplied=(arrangement,))
    count = data.draw(st.integers(-150, 150), label="count")
    _same_outcome(
        lambda: calendar.add_working_days(start, count),
        lambda: oracle.add_working_days(start, count),
    )
    end = min(start + dt.timedelta(days=data.draw(st.integers(0, 200))), dt.date(2028, 1, 1))
    assert calendar.working_days_between(start, end) == len(oracle.working_days(start, end))


@given(dates(), granularities)
def test_a_period_contains_its_day_and_starts_on_a_boundary(
    day: dt.date, granularity: Granularity
) -> None:
    """The period holds the day; weeks start on Monday, other periods on the 1st of a month."""
    period = WorkCalendar.period(day, granularity)
    assert day in period
    if granularity is Granularity.WEEK:
        assert period.start.weekday() == 0
        assert len(period) == 7
    else:
        assert period.start.day == 1
        assert period.end.day == 1
        assert WorkCalendar.period(period.last, granularity) == period


@given(dates())
def test_the_quarter_of_a_day_is_its_quarter_range(day: dt.date) -> None:
    """quarter_range and period(QUARTER) agree; its first month is a first month of quarter."""
    period = WorkCalendar.period(day, Granularity.QUARTER)
    quarter = (day.month - 1) // 3 + 1
    assert WorkCalendar.quarter_range(day.year, quarter) == period
    assert WorkCalendar.is_first_month_of_quarter(period.start)
