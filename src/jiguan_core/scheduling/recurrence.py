"""Recurring requests (工作例会 weekly, 主席会议 monthly ...): RRULE strings expanded with dateutil.

An occurrence is a one-off request for the day the rule yields: its window runs from the
yielded moment (``earliest_start``'s time of day on that date) to the end of that day (of the
last day, for a ``days`` request), or to the request's ``latest_end`` if earlier. Occurrence ids
are ``<request id>@<YYYYMMDD>``. An occurrence that no longer fits before ``latest_end`` is
dropped; a rule yielding more than :data:`MAX_OCCURRENCES` is an error.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pendulum
from attrs import frozen
from dateutil.rrule import rrule, rrulestr

from jiguan_core._validation import boundary
from jiguan_core.calendar import Granularity, WorkCalendar
from jiguan_core.scheduling.request import ActivityRequest, NonWorkingDay, SchedulingError
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI

__all__ = [
    "OccurrenceChange",
    "expand",
    "expand_all",
    "expand_with_changes",
    "occurrence_id",
    "rule_moments",
]


@frozen(kw_only=True)
class OccurrenceChange:
    """A date a recurring request's rule yielded that was dropped (``moved_to`` None) or moved
    to another day (``on_non_working``, ``working_day``), and why."""

    request_id: str
    day: dt.date
    moved_to: dt.date | None
    reason: Text


#: At most this many occurrences per request: a guard against ``FREQ=MINUTELY`` by mistake.
MAX_OCCURRENCES = 400


@boundary
def occurrence_id(request_id: str, day: dt.date) -> str:
    return f"{request_id}@{day:%Y%m%d}"


#: Frequencies finer than a day: an activity occurs at most once a day, so they are refused.
_SUB_DAILY = re.compile(r"FREQ\s*=\s*(HOURLY|MINUTELY|SECONDLY)", re.IGNORECASE)
#: The Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks).
_CYCLE_YEARS = 400


def _refuse(request: ActivityRequest, message_en: str, message_zh: str) -> SchedulingError:
    return SchedulingError(request.id, "rrule", message_en, message_zh)


def _moments(request: ActivityRequest, rrule_text: str) -> list[dt.datetime]:
    """The naive local moments the rule yields inside the request's window.

    dateutil scans a rule whose filters never match (``BYMONTH=2;BYMONTHDAY=30``) up to year
    9999, and yields nothing on the way, so no check of ours would run. The scan is bounded by
    the window instead: the rule is evaluated shifted by whole 400-year Gregorian cycles (same
    weekdays, same leap years) so that the window ends within the last cycle before 9999, where
    dateutil's own end of time stops it; the moments are shifted back.
    """
    start = request.earliest_start
    tz = start.tz or SHANGHAI
    naive_start = start.naive()
    naive_end = request.latest_end.in_timezone(tz).naive()
    shift = (dt.MAXYEAR - naive_end.year) // _CYCLE_YEARS * _CYCLE_YEARS
    try:
        rule = rrulestr(rrule_text, dtstart=naive_start, ignoretz=True)
        if not isinstance(rule, rrule):
            raise ValueError("one RRULE line expected")
        until = getattr(rule, "_until", None)
        shifted = rule.replace(
            dtstart=naive_start.replace(year=naive_start.year + shift),
            until=until.replace(year=until.year + shift)
            if isinstance(until, dt.datetime) and until.year + shift <= dt.MAXYEAR
            else until,
        )
        moments: list[dt.datetime] = []
        for moment in shifted:
            back = moment.replace(year=moment.year - shift)
            if back > naive_end or len(moments) > MAX_OCCURRENCES:
                break
            if back >= naive_start:
                moments.append(back)
    except (ValueError, TypeError, OverflowError) as error:
        raise _refuse(
            request,
            f"{request.rrule!r} is not an RFC 5545 recurrence rule ({error}); write e.g. "
            "FREQ=WEEKLY;BYDAY=MO",
            f"{request.rrule!r} 不是有效的重复规则（RRULE），例如 FREQ=WEEKLY;BYDAY=MO",
        ) from error
    return moments


def rule_moments(request: ActivityRequest, rrule_text: str) -> list[dt.datetime]:
    """The naive local instants ``rrule_text`` yields from ``request.earliest_start`` to its
    ``latest_end`` (bounded as :func:`expand` is)."""
    return _moments(request, rrule_text)


@boundary
def expand(
    request: ActivityRequest, calendar: WorkCalendar | None = None
) -> tuple[ActivityRequest, ...]:
    """The one-off requests of ``request``: itself when it has no ``rrule``.

    A rule that yields no date in the window gives an empty tuple (the scheduler lists such a
    request as unplaced, with that reason). Refused with :class:`SchedulingError`: a rule that
    does not parse, one with its own ``DTSTART`` (the window is the request's), a frequency
    finer than a day, and more than :data:`MAX_OCCURRENCES` occurrences. ``calendar`` (default
    the official one) places ``on_non_working`` and ``working_day`` occurrences.
    """
    return expand_with_changes(request, calendar)[0]


@boundary
def expand_with_changes(
    request: ActivityRequest, calendar: WorkCalendar | None = None
) -> tuple[tuple[ActivityRequest, ...], tuple[OccurrenceChange, ...]]:
    """:func:`expand`, and the yielded dates that were dropped or moved (in date order)."""
    if request.rrule is None:
        return (request,), ()
    if "DTSTART" in request.rrule.upper():
        raise _refuse(
            request,
            f"{request.rrule!r} has its own DTSTART; the recurrence starts at the request's "
            "earliest_start: remove DTSTART and set earliest_start instead",
            f"{request.rrule!r} 自带 DTSTART；重复从活动申请的 earliest_start 开始，请删去 DTSTART",
        )
    if _SUB_DAILY.search(request.rrule):
        raise _refuse(
            request,
            f"{request.rrule!r} recurs more often than daily; an activity occurs at most once a "
            "day: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY",
            f"{request.rrule!r} 的频率高于每天；活动每天至多一次，请用 DAILY、WEEKLY、MONTHLY 或 "
            "YEARLY",
        )
    tz = request.earliest_start.tz or SHANGHAI
    moments = _moments(request, request.rrule)
    if len(moments) > MAX_OCCURRENCES:
        raise _refuse(
            request,
            f"{request.rrule!r} yields more than {MAX_OCCURRENCES} occurrences in the window",
            f"{request.rrule!r} 在窗口内产生超过 {MAX_OCCURRENCES} 次",
        )
    shifting = request.on_non_working is not None or request.working_day is not None
    days_of = calendar if calendar is not None else WorkCalendar()
    weekly = re.search(r"FREQ\s*=\s*WEEKLY", request.rrule, re.IGNORECASE) is not None
    out: list[ActivityRequest] = []
    changes: list[OccurrenceChange] = []
    seen: set[dt.date] = set()
    for moment in moments:
        yielded = moment.date()
        day: dt.date | None = yielded
        why: Text | None = None
        if request.working_day is not None:
            day, why = _nth_working_day(days_of, yielded, request.working_day, weekly)
        elif request.on_non_working is not None and not days_of.is_working_day(yielded):
            day, why = _non_working(days_of, yielded, request.on_non_working)
        if day is not None and day in seen:
            day, why = (
                None,
                Text(f"{day} 已有一次该活动", f"{day} already has an occurrence of this request"),
            )
        begin = (
            pendulum.datetime(
                day.year, day.month, day.day, moment.hour, moment.minute, moment.second, tz=tz
            )
            if day is not None
            else None
        )
        if (
            begin is not None
            and day is not None
            and shifting
            and not (request.earliest_start <= begin < request.latest_end)
        ):
            day, begin, why = (
                None,
                None,
                Text(f"{day} 在时间窗口之外", f"{day} is outside the window"),
            )
        if day is None or begin is None:
            if why is not None:
                changes.append(
                    OccurrenceChange(request_id=request.id, day=yielded, moved_to=None, reason=why)
                )
            continue
        seen.add(day)
        day_end = pendulum.datetime(day.year, day.month, day.day, tz=tz).add(
            days=max(1, request.days)
        )
        end = min(day_end, request.latest_end)
        if request.duration is not None and end - begin < request.duration:
            continue  # the last occurrence does not fit before latest_end
        if day != yielded and why is not None:
            changes.append(
                OccurrenceChange(request_id=request.id, day=yielded, moved_to=day, reason=why)
            )
        out.append(
            attrs.evolve(
                request,
                id=occurrence_id(request.id, day),
                earliest_start=begin,
                latest_end=end,
                rrule=None,
                on_non_working=None,
                working_day=None,
                weekdays=request.weekdays if day == yielded else None,
            )
        )
    return tuple(out), tuple(changes)


def _non_working(
    calendar: WorkCalendar, day: dt.date, policy: NonWorkingDay
) -> tuple[dt.date | None, Text]:
    if policy is NonWorkingDay.SKIP:
        return None, Text(f"{day} 不是工作日，跳过", f"{day} is not a working day: skipped")
    if policy is NonWorkingDay.NEXT_WORKING_DAY:
        moved = calendar.next_working_day(day)
        return moved, Text(
            f"{day} 不是工作日，顺延至 {moved}", f"{day} is not a working day: moved to {moved}"
        )
    moved = calendar.add_working_days(day, -1)
    return moved, Text(
        f"{day} 不是工作日，提前至 {moved}", f"{day} is not a working day: moved to {moved}"
    )


def _nth_working_day(
    calendar: WorkCalendar, day: dt.date, n: int, weekly: bool
) -> tuple[dt.date | None, Text]:
    period = WorkCalendar.period(day, Granularity.WEEK if weekly else Granularity.MONTH)
    days = calendar.working_days(period.start, period.end)
    unit_zh, unit_en = ("周", "week") if weekly else ("月", "month")
    if not -len(days) <= n <= len(days) or n == 0:
        return None, Text(
            f"{period.start} 起的这一{unit_zh}只有 {len(days)} 个工作日",
            f"the {unit_en} from {period.start} has only {len(days)} working days",
        )
    chosen = days[n - 1] if n > 0 else days[n]
    which_zh = f"第 {n} 个" if n > 0 else f"倒数第 {-n} 个"
    which_en = f"working day {n}" if n > 0 else f"working day {-n} from the end"
    return chosen, Text(
        f"本{unit_zh}{which_zh}工作日为 {chosen}", f"{which_en} of the {unit_en} is {chosen}"
    )


@boundary
def expand_all(
    requests: tuple[ActivityRequest, ...], calendar: WorkCalendar | None = None
) -> tuple[ActivityRequest, ...]:
    """Every request expanded, in input order, occurrences by date."""
    return tuple(one for request in requests for one in expand(request, calendar))
