"""The China working-day calendar: 调休, supplied years, closures and periods."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import (
    DateRange,
    Granularity,
    WorkCalendar,
    YearArrangement,
    builtin_years,
    quarter_of,
)
from jiguan_core.errors import CalendarYearNotCovered, InvalidValue, JiguanError, WrongType

D = dt.date
CALENDAR = WorkCalendar()

# Official facts -----------------------------------------------------------------------------


def test_saturday_14_february_2026_is_a_working_day() -> None:
    """调休: the Saturday before the 2026 Spring Festival is worked."""
    assert D(2026, 2, 14).weekday() == 5
    assert CALENDAR.is_working_day(D(2026, 2, 14))


def test_monday_23_february_2026_is_not_a_working_day() -> None:
    """The 2026 Spring Festival holiday runs to Monday 23 February."""
    assert D(2026, 2, 23).weekday() == 0
    assert not CALENDAR.is_working_day(D(2026, 2, 23))


def test_a_five_working_day_notice_from_friday_13_february_2026_ends_on_the_27th() -> None:
    """The start day is not counted, and the Spring Festival lies between."""
    assert CALENDAR.add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)


def test_national_day_2025_is_a_holiday_and_the_swapped_sunday_is_worked() -> None:
    """1 October 2025 is a holiday; Sunday 28 September 2025 is a working day."""
    assert not CALENDAR.is_working_day(D(2025, 10, 1))
    assert CALENDAR.is_working_day(D(2025, 9, 28))


def test_an_ordinary_week_has_five_working_days() -> None:
    """A week without holidays: Monday to Friday are worked, the weekend is not."""
    days = CALENDAR.working_days(D(2025, 3, 3), D(2025, 3, 10))
    assert days == [D(2025, 3, 3) + dt.timedelta(days=i) for i in range(5)]


def test_the_built_in_years_are_2004_to_2026() -> None:
    """chinesecalendar 1.11 covers 2004-2026."""
    assert builtin_years() == (2004, 2026)
    assert CALENDAR.covers(2004)
    assert CALENDAR.covers(2026)
    assert not CALENDAR.covers(2027)


# Years the package lacks --------------------------------------------------------------------


def test_a_day_in_2027_raises_calendar_year_not_covered() -> None:
    """Monday-Friday is never assumed: 2027 is unknown until supplied."""
    with pytest.raises(CalendarYearNotCovered) as caught:
        CALENDAR.is_working_day(D(2027, 3, 1))
    assert caught.value.year == 2027
    assert isinstance(caught.value, JiguanError)
    assert isinstance(caught.value, LookupError)


def test_counting_into_2027_raises_calendar_year_not_covered() -> None:
    """Arithmetic that reaches an unknown year raises too, in both directions."""
    with pytest.raises(CalendarYearNotCovered):
        CALENDAR.add_working_days(D(2026, 12, 20), 30)
    with pytest.raises(CalendarYearNotCovered):
        CALENDAR.working_days_between(D(2026, 12, 1), D(2027, 2, 1))
    with pytest.raises(CalendarYearNotCovered):
        CALENDAR.add_working_days(D(2004, 1, 10), -30)


def test_a_range_ending_on_new_years_day_does_not_need_the_next_year() -> None:
    """[2026-01-01, 2027-01-01) lies in 2026 only."""
    assert CALENDAR.working_days_between(D(2026, 1, 1), D(2027, 1, 1)) == len(
        CALENDAR.working_days(D(2026, 1, 1), D(2027, 1, 1))
    )


ARRANGEMENT_2027 = YearArrangement(
    year=2027,
    holidays=[D(2027, 1, 1), D(2027, 2, 8), D(2027, 2, 9)],
    working_weekend_days=[D(2027, 2, 6)],
)


def test_a_supplied_arrangement_makes_2027_usable() -> None:
    """A YearArrangement for 2027 answers for holidays, swapped weekends and plain weeks."""
    calendar = WorkCalendar(arrangements=[ARRANGEMENT_2027])
    assert calendar.covers(2027)
    assert not calendar.is_working_day(D(2027, 2, 8))  # a Monday holiday
    assert calendar.is_working_day(D(2027, 2, 6))  # a worked Saturday
    assert not calendar.is_working_day(D(2027, 2, 7))  # an ordinary Sunday
    assert calendar.is_working_day(D(2027, 3, 1))  # an ordinary Monday
    assert calendar.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_arrangements_can_be_given_as_a_mapping_by_year() -> None:
    """WorkCalendar(arrangements={2027: ...}) works like a list."""
    calendar = WorkCalendar(arrangements={2027: ARRANGEMENT_2027})
    assert calendar.arrangement(2027) == ARRANGEMENT_2027


def test_with_arrangement_returns_a_new_calendar_and_leaves_the_old_one() -> None:
    """Immutability: the original calendar still lacks 2027."""
    calendar = CALENDAR.with_arrangement(ARRANGEMENT_2027)
    assert calendar.covers(2027)
    assert not CALENDAR.covers(2027)


def test_a_supplied_arrangement_overrides_a_built_in_year() -> None:
    """A correction for a built-in year wins over the package's data."""
    calendar = CALENDAR.with_arrangement(YearArrangement(year=2025, holidays=[D(2025, 3, 3)]))
    assert not calendar.is_working_day(D(2025, 3, 3))
    assert calendar.is_working_day(D(2025, 10, 1))  # the supplied year replaces the whole year


def test_without_the_built_in_data_only_supplied_years_are_known() -> None:
    """use_builtin=False: 2025 is unknown and the error says no years are built in."""
    calendar = WorkCalendar(arrangements=[ARRANGEMENT_2027], use_builtin=False)
    assert calendar.is_working_day(D(2027, 3, 1))
    with pytest.raises(CalendarYearNotCovered, match="built-in years: none"):
        calendar.is_working_day(D(2025, 3, 3))


def test_an_arrangement_with_a_day_of_another_year_is_refused() -> None:
    """A 2027 arrangement listing a 2026 day is a mistake."""
    with pytest.raises(InvalidValue) as caught:
        YearArrangement(year=2027, holidays=[D(2026, 12, 31)])
    assert caught.value.field == "holidays"
    with pytest.raises(InvalidValue) as caught:
        YearArrangement(year=2027, holidays=[], working_weekend_days=[D(2028, 1, 1)])
    assert caught.value.field == "working_weekend_days"


def test_an_arrangement_with_a_day_both_holiday_and_working_is_refused() -> None:
    """A day cannot be both a holiday and a working day."""
    with pytest.raises(InvalidValue, match="both holiday and working day"):
        YearArrangement(year=2027, holidays=[D(2027, 2, 6)], working_weekend_days=[D(2027, 2, 6)])


# Closures -----------------------------------------------------------------------------------


def test_a_closure_makes_a_working_day_a_day_off() -> None:
    """The office's own closures are not working days; other days are unchanged."""
    calendar = CALENDAR.with_closures([D(2025, 3, 3)])
    assert not calendar.is_working_day(D(2025, 3, 3))
    assert calendar.is_working_day(D(2025, 3, 4))
    assert CALENDAR.is_working_day(D(2025, 3, 3))


def test_closures_shift_working_day_arithmetic() -> None:
    """A closure on the next working day pushes a 1-day deadline one day further."""
    calendar = WorkCalendar(closures=[D(2025, 3, 4)])
    assert calendar.add_working_days(D(2025, 3, 3), 1) == D(2025, 3, 5)
    assert calendar.working_days_between(D(2025, 3, 3), D(2025, 3, 8)) == 4


def test_with_closures_keeps_supplied_arrangements() -> None:
    """Adding closures to a calendar with 2027 keeps 2027."""
    calendar = WorkCalendar(arrangements=[ARRANGEMENT_2027]).with_closures([D(2027, 3, 1)])
    assert not calendar.is_working_day(D(2027, 3, 1))
    assert calendar.is_working_day(D(2027, 3, 2))


# Arithmetic ---------------------------------------------------------------------------------


def test_adding_zero_working_days_returns_the_start_even_on_a_holiday() -> None:
    """count=0 is the start itself."""
    assert CALENDAR.add_working_days(D(2025, 10, 1), 0) == D(2025, 10, 1)


def test_a_negative_count_goes_back_in_time() -> None:
    """Five working days before Friday 27 February 2026 is Friday 13 February."""
    assert CALENDAR.add_working_days(D(2026, 2, 27), -5) == D(2026, 2, 13)


def test_working_days_between_is_half_open_and_antisymmetric() -> None:
    """[start, end): the end is not counted; swapping the ends negates the count."""
    monday, friday = D(2025, 3, 3), D(2025, 3, 7)
    assert CALENDAR.working_days_between(monday, friday) == 4
    assert CALENDAR.working_days_between(friday, monday) == -4
    assert CALENDAR.working_days_between(monday, monday) == 0
    assert CALENDAR.working_days(friday, monday) == []


def test_next_working_day_is_the_day_itself_or_the_next_one() -> None:
    """inclusive=True keeps a working day; a holiday moves to the next working day."""
    assert CALENDAR.next_working_day(D(2025, 3, 3)) == D(2025, 3, 3)
    assert CALENDAR.next_working_day(D(2025, 3, 3), inclusive=False) == D(2025, 3, 4)
    assert CALENDAR.next_working_day(D(2025, 10, 1)) == D(2025, 10, 9)


def test_2025_has_248_working_days() -> None:
    """2025 has 248 working days under the official arrangement (as chinesecalendar counts)."""
    assert CALENDAR.working_days_between(D(2025, 1, 1), D(2026, 1, 1)) == 248


# Periods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("granularity", "start", "end"),
    [
        (Granularity.WEEK, D(2025, 11, 10), D(2025, 11, 17)),
        (Granularity.MONTH, D(2025, 11, 1), D(2025, 12, 1)),
        (Granularity.QUARTER, D(2025, 10, 1), D(2026, 1, 1)),
        (Granularity.YEAR, D(2025, 1, 1), D(2026, 1, 1)),
    ],
)
def test_the_period_of_a_day_is_its_week_month_quarter_or_year(
    granularity: Granularity, start: dt.date, end: dt.date
) -> None:
    """Thursday 13 November 2025 lies in these half-open periods (weeks start on Monday)."""
    assert WorkCalendar.period(D(2025, 11, 13), granularity) == DateRange(start, end)


def test_december_periods_end_on_new_years_day() -> None:
    """The month and quarter of a December day end on 1 January of the next year."""
    assert WorkCalendar.period(D(2025, 12, 31), Granularity.MONTH).end == D(2026, 1, 1)
    assert WorkCalendar.period(D(2025, 12, 31), Granularity.QUARTER).end == D(2026, 1, 1)


def test_a_week_crossing_the_new_year_starts_on_monday() -> None:
    """Wednesday 1 January 2025 lies in the week from Monday 30 December 2024."""
    week = WorkCalendar.period(D(2025, 1, 1), Granularity.WEEK)
    assert (week.start, week.last) == (D(2024, 12, 30), D(2025, 1, 5))


@pytest.mark.parametrize("month", range(1, 13))
def test_the_first_month_of_a_quarter_is_january_april_july_or_october(month: int) -> None:
    """R1 scores the previous quarter in these months."""
    assert WorkCalendar.is_first_month_of_quarter(D(2025, month, 15)) == (month in (1, 4, 7, 10))


def test_quarter_range_gives_the_days_of_a_quarter() -> None:
    """Q2 2025 is April to June."""
    quarter = WorkCalendar.quarter_range(2025, 2)
    assert (quarter.start, quarter.last, len(quarter)) == (D(2025, 4, 1), D(2025, 6, 30), 91)
    assert quarter_of(D(2025, 6, 30)) == 2
    assert quarter_of(D(2025, 7, 1)) == 3


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarter_range_refuses_a_quarter_outside_1_to_4(quarter: int) -> None:
    """A quarter must be 1-4."""
    with pytest.raises(InvalidValue) as caught:
        WorkCalendar.quarter_range(2025, quarter)
    assert caught.value.field == "quarter"


def test_a_date_range_is_half_open() -> None:
    """DateRange contains its start, not its end; len and iteration agree."""
    days = DateRange(D(2025, 3, 1), D(2025, 3, 4))
    assert D(2025, 3, 1) in days
    assert D(2025, 3, 4) not in days
    assert "2025-03-02" not in days
    assert list(days) == [D(2025, 3, 1), D(2025, 3, 2), D(2025, 3, 3)]
    assert len(days) == 3
    assert days.last == D(2025, 3, 3)


def test_an_empty_or_reversed_date_range_is_refused() -> None:
    """A date range must end after it starts."""
    with pytest.raises(InvalidValue):
        DateRange(D(2025, 3, 1), D(2025, 3, 1))


def test_an_arrangement_and_closures_hold_dates_only() -> None:
    """Strings or datetimes among the days are refused with WrongType."""
    with pytest.raises(WrongType) as caught:
        YearArrangement(year=2027, holidays=["2027-01-01"])
    assert caught.value.field == "holidays"
    with pytest.raises(WrongType):
        WorkCalendar(closures=[dt.datetime(2025, 3, 3, tzinfo=dt.UTC)])


def test_a_calendar_is_hashable_and_equal_calendars_hash_alike() -> None:
    """Calendars can key a cache: equal ones are equal and hash the same."""
    first = WorkCalendar(arrangements=[ARRANGEMENT_2027], closures=[D(2025, 3, 3)])
    second = WorkCalendar(arrangements={2027: ARRANGEMENT_2027}, closures=[D(2025, 3, 3)])
    assert first == second
    assert hash(first) == hash(second)
    assert first != WorkCalendar()


def test_a_swapped_working_day_must_fall_on_a_weekend() -> None:
    """Monday 4 January 2027 as a 调休 working day is refused, naming the day and its weekday."""
    monday = dt.date(2027, 1, 4)
    with pytest.raises(InvalidValue, match=r"2027-01-04 \(Monday\)") as caught:
        YearArrangement(year=2027, holidays=[dt.date(2027, 1, 1)], working_weekend_days=[monday])
    assert caught.value.field == "working_weekend_days"
    assert caught.value.value == [monday]
    assert "周六或周日" in caught.value.render("zh")


def test_a_holiday_of_another_year_is_refused() -> None:
    """A 2026 day among 2027's holidays is named."""
    with pytest.raises(InvalidValue, match="another year"):
        YearArrangement(year=2027, holidays=[dt.date(2026, 12, 31)])


def test_an_arrangement_for_a_year_outside_the_supported_years_is_refused() -> None:
    """year=1800 (or a string) is refused by the year rule shared with every other year."""
    with pytest.raises(InvalidValue, match="1949-2200"):
        YearArrangement(year=1800, holidays=[])
    with pytest.raises(WrongType):
        YearArrangement(year="2027", holidays=[])  # type: ignore[arg-type]


def test_the_days_of_an_arrangement_iterate_in_date_order() -> None:
    """Whatever the hash seed, holidays iterate sorted (results built from them are stable)."""
    days = [dt.date(2027, 10, d) for d in (7, 1, 5, 3, 2, 6, 4)]
    arrangement = YearArrangement(year=2027, holidays=days)
    assert list(arrangement.holidays) == sorted(days)
    assert arrangement.holidays == frozenset(days)


def test_a_date_range_of_strings_is_refused() -> None:
    """DateRange("2025-01-01", ...) is an InvalidValue naming start, not a TypeError."""
    with pytest.raises(InvalidValue) as caught:
        DateRange("2025-01-01", dt.date(2025, 2, 1))  # type: ignore[arg-type]
    assert caught.value.field == "start"
