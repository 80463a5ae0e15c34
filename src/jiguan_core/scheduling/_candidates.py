"""Candidate times of a one-off request (private): allowed days x office-hours blocks x step.

Shared by the scheduler and the CP-SAT reference model of the benchmarks, so both choose among
exactly the same times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pendulum
from attrs import frozen

from jiguan_core.calendar import WorkCalendar
from jiguan_core.scheduling.request import ActivityRequest, OfficeHours
from jiguan_core.time import SHANGHAI

__all__ = ["Candidate", "allowed_day", "candidates", "moment"]


@frozen
class Candidate:
    start: int  # epoch seconds
    end: int
    first_day: int  # local date ordinals
    last_day: int


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: Asia/Shanghai is UTC+8 without daylight saving since 1991.
_FIXED_SINCE = 1992


def moment(day: dt.date, clock_time: dt.time) -> int:
    """Epoch seconds of ``clock_time`` on ``day`` in the office's zone (integer arithmetic for
    the years the zone has a fixed offset, pendulum before)."""
    if day.year >= _FIXED_SINCE:
        return (
            (day.toordinal() - _EPOCH_ORDINAL) * 86_400
            + clock_time.hour * 3600
            + clock_time.minute * 60
            - 8 * 3600
        )
    return int(
        pendulum.datetime(
            day.year, day.month, day.day, clock_time.hour, clock_time.minute, tz=SHANGHAI
        ).timestamp()
    )


def allowed_day(request: ActivityRequest, day: dt.date, calendar: WorkCalendar) -> bool:
    if request.weekdays is not None and day.weekday() not in request.weekdays:
        return False
    return not request.working_days_only or calendar.is_working_day(day)


def candidates(
    request: ActivityRequest, hours: OfficeHours, calendar: WorkCalendar
) -> Iterator[Candidate]:
    """Candidate spans in time order.

    A ``duration`` request lies inside one block of its allowed hours and starts on the step;
    a ``days`` request runs from the office day's start to its end over consecutive allowed days.
    Every candidate lies inside the request's window.
    """
    window_start = int(request.earliest_start.timestamp())
    window_end = int(request.latest_end.timestamp())
    local_first = request.earliest_start.in_timezone(SHANGHAI)
    local_last = request.latest_end.in_timezone(SHANGHAI)
    # plain dates: pendulum's date arithmetic is slow in this loop
    first = dt.date(local_first.year, local_first.month, local_first.day)
    last = dt.date(local_last.year, local_last.month, local_last.day)
    blocks = request.hours if request.hours is not None else hours.blocks
    step = hours.step_minutes * 60
    day = first
    while day <= last:
        if allowed_day(request, day, calendar):
            if request.days:
                span_days = [day + dt.timedelta(days=k) for k in range(request.days)]
                if all(allowed_day(request, d, calendar) for d in span_days):
                    start = moment(day, hours.day_start)
                    end = moment(span_days[-1], hours.day_end)
                    if window_start <= start and end <= window_end:
                        yield Candidate(start, end, day.toordinal(), span_days[-1].toordinal())
            elif request.duration is not None:
                length = int(request.duration.total_seconds())
                for block_start, block_end in blocks:
                    start = moment(day, block_start)
                    limit = min(moment(day, block_end), window_end)
                    if start < window_start:
                        start += -(-(window_start - start) // step) * step
                    while start + length <= limit:
                        yield Candidate(start, start + length, day.toordinal(), day.toordinal())
                        start += step
        day += dt.timedelta(days=1)
