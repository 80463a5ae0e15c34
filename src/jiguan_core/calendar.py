"""China's working-day calendar: public holidays, swapped working weekends (调休), closures.

The official arrangement comes from the ``chinesecalendar`` package for the years it covers
(REGULATIONS C1-C4). A year it lacks raises :class:`CalendarYearNotCovered` unless the caller
supplies that year's :class:`YearArrangement` (the State Council publishes it each November):
Monday-Friday is never assumed silently.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from functools import cache

from attrs import field, frozen

from jiguan_core._validation import SortedFrozenSet, date_value, is_collection, keep, members_of
from jiguan_core._validation import year as supported_year
from jiguan_core.errors import CalendarYearNotCovered, InvalidValue, WrongType
from jiguan_core.text import TermEnum

__all__ = ["DateRange", "Granularity", "WorkCalendar", "YearArrangement", "quarter_of"]

_ONE_DAY = dt.timedelta(days=1)


class Granularity(TermEnum):
    """The periods an office plans and reports by (年度、季度、月度、每周)."""

    WEEK = "week", "周"
    MONTH = "month", "月"
    QUARTER = "quarter", "季度"
    YEAR = "year", "年度"


def _check_day(value: object, name: str) -> None:
    """A calendar day: a ``date`` (a ``datetime`` is refused: its zone makes the day ambiguous)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise WrongType(
            f"WorkCalendar: {name} must be a date (datetime.date), got "
            f"{type(value).__name__} {value!r}",
            f"WorkCalendar：{name} 应为日期，实际为 {type(value).__name__} {value!r}",
            field=name,
            value=value,
        )


def quarter_of(day: dt.date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


@frozen(order=True)
class DateRange:
    """Days ``[start, end)``: half-open, like :class:`~jiguan_core.time.TimeSpan`."""

    start: dt.date = field(validator=date_value)
    end: dt.date = field(validator=date_value)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidValue(
                f"a date range must end after it starts: {self.start} to {self.end}",
                f"日期范围的结束须晚于开始：{self.start} 至 {self.end}",
                field="end",
                value=self.end,
            )

    @property
    def last(self) -> dt.date:
        """The last day inside the range."""
        return self.end - _ONE_DAY

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day < self.end

    def __iter__(self) -> Iterator[dt.date]:
        day = self.start
        while day < self.end:
            yield day
            day += _ONE_DAY

    def __len__(self) -> int:
        return (self.end - self.start).days


def _to_dates(values: Iterable[dt.date]) -> frozenset[dt.date]:
    return SortedFrozenSet(values) if is_collection(values) else keep(values, _to_dates)


@frozen
class YearArrangement:
    """One year's official arrangement: its public-holiday days and its working weekend days."""

    year: int = field(validator=supported_year)
    holidays: frozenset[dt.date] = field(converter=_to_dates, validator=members_of(dt.date))
    working_weekend_days: frozenset[dt.date] = field(
        converter=_to_dates, factory=frozenset, validator=members_of(dt.date)
    )

    def __attrs_post_init__(self) -> None:
        for name, days in (
            ("holidays", self.holidays),
            ("working_weekend_days", self.working_weekend_days),
        ):
            stray = sorted(d for d in days if d.year != self.year)
            if stray:
                raise InvalidValue(
                    f"YearArrangement({self.year}).{name} has days of another year: {stray}",
                    f"{self.year} 年安排的 {name} 含其他年份的日期：{stray}",
                    field=name,
                    value=stray,
                )
        weekdays = sorted(d for d in self.working_weekend_days if d.weekday() < 5)
        if weekdays:
            shown = ", ".join(f"{d} ({d:%A})" for d in weekdays)
            raise InvalidValue(
                f"YearArrangement({self.year}).working_weekend_days must be Saturdays or Sundays "
                f"(调休 days worked at the weekend), got {shown}; a weekday is a working day "
                "anyway",
                f"{self.year} 年安排的调休上班日须为周六或周日，实际含 {shown}；工作日本来就上班",
                field="working_weekend_days",
                value=weekdays,
            )
        both = sorted(self.holidays & self.working_weekend_days)
        if both:
            raise InvalidValue(
                f"YearArrangement({self.year}): days both holiday and working day: {both}",
                f"{self.year} 年安排中既是假日又是工作日的日期：{both}",
                field="working_weekend_days",
                value=both,
            )

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_weekend_days:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


@cache
def _builtin_arrangements() -> Mapping[int, YearArrangement]:
    import chinese_calendar  # imported lazily: only a calendar that needs it pays for it

    holidays: dict[int, set[dt.date]] = {}
    workdays: dict[int, set[dt.date]] = {}
    for day in chinese_calendar.holidays:
        holidays.setdefault(day.year, set()).add(day)
    for day in chinese_calendar.workdays:
        workdays.setdefault(day.year, set()).add(day)
    years = range(min(holidays), max(holidays) + 1)
    return {
        year: YearArrangement(
            year=year,
            holidays=frozenset(holidays.get(year, ())),
            working_weekend_days=frozenset(workdays.get(year, ())),
        )
        for year in years
    }


def builtin_years() -> tuple[int, int]:
    """First and last year the built-in ``chinesecalendar`` data covers."""
    years = _builtin_arrangements()
    return min(years), max(years)


def _arrangement_map(
    values: Iterable[YearArrangement] | Mapping[int, YearArrangement],
) -> Mapping[int, YearArrangement]:
    """Arrangements by year; accepts an iterable of arrangements or a mapping year -> one."""
    items = values.values() if isinstance(values, Mapping) else values
    return {a.year: a for a in sorted(items, key=lambda a: a.year)}


@frozen
class WorkCalendar:
    """Which days are working days, and arithmetic on them.

    ``arrangements`` add or override years (e.g. next year's notice before the package has it);
    ``closures`` are the office's own non-working days; ``use_builtin=False`` uses only what is
    passed. Immutable; ``with_closures`` returns a new calendar.
    """

    # Left out of the hash (a dict is unhashable); equal calendars still hash alike.
    arrangements: Mapping[int, YearArrangement] = field(
        factory=dict, converter=_arrangement_map, kw_only=True, hash=False
    )
    closures: frozenset[dt.date] = field(
        factory=frozenset, converter=_to_dates, validator=members_of(dt.date), kw_only=True
    )
    use_builtin: bool = field(default=True, kw_only=True)
    # Per-year prefix sums of working days, built on first use (a cache, not state).
    _prefix: dict[int, list[int]] = field(factory=dict, init=False, eq=False, repr=False)

    def with_closures(self, days: Iterable[dt.date]) -> WorkCalendar:
        return WorkCalendar(
            arrangements=self.arrangements.values(),
            closures=self.closures | frozenset(days),
            use_builtin=self.use_builtin,
        )

    def with_arrangement(self, arrangement: YearArrangement) -> WorkCalendar:
        merged = dict(self.arrangements)
        merged[arrangement.year] = arrangement
        return WorkCalendar(
            arrangements=merged.values(), closures=self.closures, use_builtin=self.use_builtin
        )

    def covers(self, year: int) -> bool:
        return year in self.arrangements or (self.use_builtin and year in _builtin_arrangements())

    def arrangement(self, year: int) -> YearArrangement:
        found = self.arrangements.get(year)
        if found is None and self.use_builtin:
            found = _builtin_arrangements().get(year)
        if found is None:
            raise CalendarYearNotCovered(year, builtin_years() if self.use_builtin else None)
        return found

    def _year_prefix(self, year: int) -> list[int]:
        prefix = self._prefix.get(year)
        if prefix is None:
            arrangement = self.arrangement(year)
            prefix = [0]
            day = dt.date(year, 1, 1)
            while day.year == year:
                working = arrangement.is_working_day(day) and day not in self.closures
                prefix.append(prefix[-1] + working)
                day += _ONE_DAY
            self._prefix[year] = prefix
        return prefix

    def is_working_day(self, day: dt.date) -> bool:
        if type(day) is not dt.date:  # the fast path first: this is called once per day
            _check_day(day, "day")
        prefix = self._year_prefix(day.year)
        index = day.timetuple().tm_yday
        return prefix[index] > prefix[index - 1]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in ``[start, end)`` (negative when ``end < start``)."""
        _check_day(start, "start")
        _check_day(end, "end")
        if end < start:
            return -self.working_days_between(end, start)
        if end == start:
            return 0
        total = 0
        # The last day counted is the day before ``end``: a range ending on 1 January does not
        # need that year's arrangement.
        for year in range(start.year, (end - _ONE_DAY).year + 1):
            prefix = self._year_prefix(year)
            lo = start.timetuple().tm_yday - 1 if year == start.year else 0
            hi = end.timetuple().tm_yday - 1 if year == end.year else len(prefix) - 1
            total += prefix[hi] - prefix[lo]
        return total

    def working_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The working days in ``[start, end)``, in order."""
        _check_day(start, "start")
        _check_day(end, "end")
        return [d for d in DateRange(start, end) if self.is_working_day(d)] if end > start else []

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The day on which the ``count``-th working day after ``start`` falls.

        ``start`` itself is not counted: a 5-working-day notice posted on Friday 2026-02-13 ends
        on 2026-02-27 (the Spring Festival lies between). ``count=0`` returns ``start``; a
        negative count goes back in time.
        """
        _check_day(start, "start")
        if not isinstance(count, int) or isinstance(count, bool):
            raise WrongType(
                f"WorkCalendar: count must be an int, got {type(count).__name__} {count!r}",
                f"WorkCalendar：count 应为整数，实际为 {type(count).__name__} {count!r}",
                field="count",
                value=count,
            )
        if count == 0:
            return start
        step = 1 if count > 0 else -1
        remaining = abs(count)
        day = start
        if step > 0:
            # Walk whole years by prefix sums so that long horizons stay cheap.
            year = start.year
            prefix = self._year_prefix(year)
            target = prefix[start.timetuple().tm_yday] + remaining
            while target > prefix[-1]:
                target -= prefix[-1]
                year += 1
                prefix = self._year_prefix(year)
            # prefix[i] counts the working days among the year's first i days.
            index = bisect.bisect_left(prefix, target)
            return dt.date(year, 1, 1) + dt.timedelta(days=index - 1)
        while remaining:
            day += step * _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def next_working_day(self, day: dt.date, *, inclusive: bool = True) -> dt.date:
        """``day`` itself when it is a working day and ``inclusive``, else the next one."""
        if inclusive and self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    # Periods ---------------------------------------------------------------------------
    @staticmethod
    def period(day: dt.date, granularity: Granularity) -> DateRange:
        """The week (Monday first), month, quarter or year that contains ``day``."""
        _check_day(day, "day")
        if granularity is Granularity.WEEK:
            start = day - dt.timedelta(days=day.weekday())
            return DateRange(start, start + dt.timedelta(days=7))
        if granularity is Granularity.MONTH:
            start = day.replace(day=1)
            end = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
            return DateRange(start, end)
        if granularity is Granularity.QUARTER:
            first_month = 3 * (quarter_of(day) - 1) + 1
            start = dt.date(day.year, first_month, 1)
            end = (
                dt.date(day.year + 1, 1, 1)
                if first_month == 10
                else dt.date(day.year, first_month + 3, 1)
            )
            return DateRange(start, end)
        return DateRange(dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1))

    @staticmethod
    def is_first_month_of_quarter(day: dt.date) -> bool:
        """R1: the previous quarter is scored in the first month of each quarter."""
        return day.month in (1, 4, 7, 10)

    @staticmethod
    def quarter_range(year: int, quarter: int) -> DateRange:
        if quarter not in (1, 2, 3, 4):
            raise InvalidValue(
                f"quarter must be 1-4, got {quarter!r}",
                f"季度须为 1-4，实际为 {quarter!r}",
                field="quarter",
                value=quarter,
            )
        return WorkCalendar.period(dt.date(year, 3 * quarter - 2, 1), Granularity.QUARTER)
