"""Recurring requests (工作例会 weekly, 主席会议 monthly ...): RRULE strings expanded with dateutil.

An occurrence is a one-off request for the day the rule yields: its window runs from the
yielded moment (``earliest_start``'s time of day on that date) to the end of that day (of the
last day, for a ``days`` request), or to the request's ``latest_end`` if earlier. Occurrence ids
are ``<request id>@<YYYYMMDD>``. An occurrence that no longer fits before ``latest_end`` is
dropped; a rule yielding more than :data:`MAX_OCCURRENCES` is an error.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
from dateutil.rrule import rrulestr

from jiguan_core._validation import boundary
from jiguan_core.scheduling.request import ActivityRequest, SchedulingError
from jiguan_core.time import SHANGHAI

__all__ = ["expand", "expand_all", "occurrence_id"]

#: At most this many occurrences per request: a guard against ``FREQ=MINUTELY`` by mistake.
MAX_OCCURRENCES = 400


@boundary
def occurrence_id(request_id: str, day: dt.date) -> str:
    return f"{request_id}@{day:%Y%m%d}"


@boundary
def expand(request: ActivityRequest) -> tuple[ActivityRequest, ...]:
    """The one-off requests of ``request``: itself when it has no ``rrule``."""
    if request.rrule is None:
        return (request,)
    start = request.earliest_start
    tz = start.tz or SHANGHAI
    naive_start = start.naive()
    naive_end = request.latest_end.in_timezone(tz).naive()
    try:
        rule = rrulestr(request.rrule, dtstart=naive_start, ignoretz=True)
        moments: list[dt.datetime] = []
        for moment in rule:
            if moment > naive_end or len(moments) > MAX_OCCURRENCES:
                break
            if moment >= naive_start:
                moments.append(moment)
    except (ValueError, TypeError, OverflowError) as error:
        raise SchedulingError(
            request.id,
            "rrule",
            f"{request.rrule!r} is not an RFC 5545 recurrence rule ({error}); write e.g. "
            "FREQ=WEEKLY;BYDAY=MO",
            f"{request.rrule!r} 不是有效的重复规则（RRULE），例如 FREQ=WEEKLY;BYDAY=MO",
        ) from error
    if len(moments) > MAX_OCCURRENCES:
        raise SchedulingError(
            request.id,
            "rrule",
            f"{request.rrule!r} yields more than {MAX_OCCURRENCES} occurrences in the window",
            f"{request.rrule!r} 在窗口内产生超过 {MAX_OCCURRENCES} 次",
        )
    out: list[ActivityRequest] = []
    seen: set[dt.date] = set()
    for moment in moments:
        day = moment.date()
        if day in seen:
            continue
        seen.add(day)
        begin = pendulum.instance(moment, tz=tz)
        day_end = pendulum.datetime(day.year, day.month, day.day, tz=tz).add(
            days=max(1, request.days)
        )
        end = min(day_end, request.latest_end)
        if request.duration is not None and end - begin < request.duration:
            continue  # the last occurrence does not fit before latest_end
        out.append(
            attrs.evolve(
                request,
                id=occurrence_id(request.id, day),
                earliest_start=begin,
                latest_end=end,
                rrule=None,
            )
        )
    return tuple(out)


@boundary
def expand_all(requests: tuple[ActivityRequest, ...]) -> tuple[ActivityRequest, ...]:
    """Every request expanded, in input order, occurrences by date."""
    return tuple(one for request in requests for one in expand(request))
