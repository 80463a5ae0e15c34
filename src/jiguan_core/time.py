"""Time: the office's zone, aware datetimes, and the half-open :class:`TimeSpan`.

Every datetime in jiguan_core is a zone-aware ``pendulum.DateTime``. A naive datetime is an
error, not a guess: pendulum's own default zone is UTC, an office's is Asia/Shanghai, and
guessing silently shifts a meeting by eight hours.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import pendulum
from attrs import field, frozen

from jiguan_core._validation import FIRST_YEAR, LAST_YEAR, check_in_range
from jiguan_core.errors import InvalidValue, NaiveDateTime
from jiguan_core.text import TermEnum

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MIDDAY",
    "SHANGHAI",
    "DayPart",
    "TimeSpan",
    "aware",
    "format_datetime",
    "parse_datetime",
]

#: The default zone of every office in mainland China.
SHANGHAI = pendulum.timezone("Asia/Shanghai")
_EIGHT_HOURS = dt.timedelta(hours=8)

#: Where the morning ends and the afternoon begins, for leave and coverage counted in half days.
MIDDAY = dt.time(12, 0)


class DayPart(TermEnum):
    """Half of a day: leave is taken, and a post is answered for, by the half day."""

    MORNING = "morning", "上午"
    AFTERNOON = "afternoon", "下午"


def aware(value: object, field_name: str = "datetime") -> pendulum.DateTime:
    """Return ``value`` as an aware ``pendulum.DateTime``; refuse naive and non-datetimes, and
    datetimes outside the supported years :data:`FIRST_YEAR`..:data:`LAST_YEAR` (1949-2200)."""
    if not isinstance(value, dt.datetime):
        raise InvalidValue(
            f"{field_name} must be an aware datetime, got {type(value).__name__} {value!r}",
            f"{field_name} 应为带时区的时间，实际为 {type(value).__name__} {value!r}",
            field=field_name,
            value=value,
        )
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDateTime(field=field_name, value=value)
    check_in_range(value, field_name)
    if isinstance(value, pendulum.DateTime):
        return value
    return pendulum.instance(value)


#: Zones whose offset says everything (no daylight saving; restored from the offset on reading).
_NO_SUFFIX = frozenset({"Asia/Shanghai", "UTC"})


def format_datetime(moment: pendulum.DateTime) -> str:
    """ISO 8601 with the UTC offset, and the zone's name in brackets (RFC 9557) when the zone is a
    named one other than Asia/Shanghai: ``2016-10-30T01:00:00+01:00[Europe/London]``.

    The offset alone keeps the instant but not the zone, and in a zone with daylight saving an
    ambiguous local time then no longer equals its original (PEP 495); the name keeps both.
    Asia/Shanghai, the default, is restored from +08:00 and UTC from +00:00: they need no suffix.
    """
    text = moment.isoformat()
    zone = moment.tzinfo
    if isinstance(zone, pendulum.Timezone) and zone.name not in _NO_SUFFIX:
        return f"{text}[{zone.name}]"
    return text


def parse_datetime(text: str, field_name: str = "datetime") -> pendulum.DateTime:
    """Parse an ISO 8601 string that carries its UTC offset (``2025-03-01T09:00:00+08:00``),
    optionally followed by its zone's name (``...+01:00[Europe/London]``, RFC 9557)."""
    base, zone_name = text, None
    if isinstance(text, str) and text.endswith("]") and "[" in text:
        base, _, rest = text.partition("[")
        zone_name = rest[:-1]
    try:
        parsed = dt.datetime.fromisoformat(base)
    except (TypeError, ValueError) as error:
        raise InvalidValue(
            f"{field_name} = {text!r} is not an ISO 8601 datetime such as "
            "2025-03-01T09:00:00+08:00",
            f"{field_name} = {text!r} 不是 ISO 8601 时间，例如 2025-03-01T09:00:00+08:00",
            field=field_name,
            value=text,
        ) from error
    moment = aware(parsed, field_name)
    if zone_name is not None:
        return _in_named_zone(moment, zone_name, text, field_name)
    # An offset of +08:00 is the office's zone: restore Asia/Shanghai (no DST since 1991, so the
    # offset is the same wherever this applies), so that a round trip through JSON gives back
    # the zone it started from, not an anonymous fixed offset.
    local = moment.in_timezone(SHANGHAI)
    if local.utcoffset() == moment.utcoffset() == _EIGHT_HOURS:
        return local
    return moment


def _in_named_zone(
    moment: pendulum.DateTime, zone_name: str, text: str, field_name: str
) -> pendulum.DateTime:
    try:
        zone = pendulum.timezone(zone_name)
    except Exception as error:  # pendulum raises its own InvalidTimezone (a ValueError)
        raise InvalidValue(
            f"{field_name} = {text!r} names an unknown time zone {zone_name!r}; use an IANA "
            "name such as Asia/Shanghai",
            f"{field_name} = {text!r} 中的时区 {zone_name!r} 不存在，请使用 IANA 时区名，例如 "
            "Asia/Shanghai",
            field=field_name,
            value=text,
        ) from error
    local = moment.in_timezone(zone)
    if local.utcoffset() != moment.utcoffset():
        raise InvalidValue(
            f"{field_name} = {text!r}: the offset does not match {zone_name} at that time "
            f"({local.isoformat()}); fix the offset or the zone",
            f"{field_name} = {text!r}：时差与时区 {zone_name} 在该时刻不符（应为 {local.isoformat()}）",
            field=field_name,
            value=text,
        )
    return local


def _start(value: object) -> pendulum.DateTime:
    return aware(value, "start")


def _end(value: object) -> pendulum.DateTime:
    return aware(value, "end")


@functools.lru_cache(maxsize=8192)
def _half_day_bounds(
    day: dt.date, tz: pendulum.Timezone, midday: dt.time
) -> tuple[float, float, float]:
    """The instants of ``day``'s midnight, midday and the next midnight in ``tz``.

    Cached: A/B coverage asks for the same few hundred days of a year thousands of times, and
    building them through pendulum each time was most of its cost (bench_development).
    """
    midnight = pendulum.datetime(day.year, day.month, day.day, tz=tz)
    noon = midnight.at(midday.hour, midday.minute, midday.second)
    next_midnight = midnight.add(days=1)
    return _instant(midnight), _instant(noon), _instant(next_midnight)


def _instant(moment: dt.datetime) -> float:
    """Seconds since the epoch: comparable across zones *and* across a daylight-saving change.

    Python compares two datetimes of the same zone by their wall-clock time and ignores
    ``fold`` (PEP 495), so 01:00 GMT would not be "after" 01:00 BST on the night London's clocks
    go back, though it is an hour later. Spans compare instants instead.
    """
    return moment.timestamp()


def _out_of_range(field_name: str, value: object) -> InvalidValue:
    return InvalidValue(
        f"{field_name} {value!r} leads outside the supported dates {FIRST_YEAR}-01-01 to "
        f"{LAST_YEAR}-12-31 (or is not a number of days, hours, minutes)",
        f"{field_name} {value!r} 超出支持的日期范围 {FIRST_YEAR}-01-01 至 {LAST_YEAR}-12-31"
        "（或不是天数、小时数、分钟数）",
        field=field_name,
        value=value,
    )


@frozen(order=False)
class TimeSpan:
    """A half-open interval ``[start, end)`` between two aware datetimes.

    Both ends lie in the supported years 1949-2200 (:data:`FIRST_YEAR`, :data:`LAST_YEAR`): a
    span in year 1 or ending at ``datetime.max`` is refused with :class:`InvalidValue`.

    Half-open, so a meeting ending at 10:00 does not clash with one starting at 10:00.
    (``pendulum.Interval``'s ``in`` includes both ends; it is not used for clash checks.)
    """

    start: pendulum.DateTime = field(converter=_start)
    end: pendulum.DateTime = field(converter=_end)

    def __attrs_post_init__(self) -> None:
        if _instant(self.end) <= _instant(self.start):
            raise InvalidValue(
                f"a time span must end after it starts: start {self.start.isoformat()}, "
                f"end {self.end.isoformat()}; swap them or give a positive duration",
                f"时间段的结束须晚于开始：开始 {self.start.isoformat()}，结束 {self.end.isoformat()}",
                field="end",
                value=self.end,
            )

    @classmethod
    def of(
        cls, start: dt.datetime, *, hours: float = 0, minutes: float = 0, days: float = 0
    ) -> TimeSpan:
        """A span from ``start`` lasting the given duration (fractions allowed: ``hours=1.5``).

        Whole ``days`` are calendar days in ``start``'s zone; hours and minutes are elapsed time.
        """
        begin = aware(start, "start")
        try:
            whole_days = int(days)
            rest = dt.timedelta(days=days - whole_days, hours=hours, minutes=minutes)
            end = begin.add(days=whole_days) + rest
        except (OverflowError, ValueError, TypeError) as error:
            raise _out_of_range("duration", (days, hours, minutes)) from error
        return cls(begin, end)

    @classmethod
    def whole_days(
        cls, first: dt.date, last: dt.date, tz: pendulum.Timezone = SHANGHAI
    ) -> TimeSpan:
        """The days ``first`` to ``last`` inclusive, midnight to midnight in ``tz``."""
        start = pendulum.datetime(first.year, first.month, first.day, tz=tz)
        end = pendulum.datetime(last.year, last.month, last.day, tz=tz).add(days=1)
        return cls(start, end)

    @classmethod
    def parse(cls, start: str, end: str) -> TimeSpan:
        return cls(parse_datetime(start, "start"), parse_datetime(end, "end"))

    @property
    def duration(self) -> pendulum.Duration:
        return self.end - self.start

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def overlaps(self, other: TimeSpan) -> bool:
        """True when the spans share at least one instant (touching ends do not overlap)."""
        return _instant(self.start) < _instant(other.end) and _instant(other.start) < _instant(
            self.end
        )

    def contains(self, moment: dt.datetime) -> bool:
        return _instant(self.start) <= _instant(moment) < _instant(self.end)

    def covers(self, other: TimeSpan) -> bool:
        return _instant(self.start) <= _instant(other.start) and _instant(other.end) <= _instant(
            self.end
        )

    # Ordering by instants (start, then end), not by wall-clock time: see ``_instant``.
    def _order_key(self) -> tuple[float, float]:
        return (_instant(self.start), _instant(self.end))

    def __lt__(self, other: TimeSpan) -> bool:
        return self._order_key() < other._order_key()

    def __le__(self, other: TimeSpan) -> bool:
        return self._order_key() <= other._order_key()

    def __gt__(self, other: TimeSpan) -> bool:
        return self._order_key() > other._order_key()

    def __ge__(self, other: TimeSpan) -> bool:
        return self._order_key() >= other._order_key()

    def dates(self, tz: pendulum.Timezone = SHANGHAI) -> Iterator[dt.date]:
        """Every calendar day (in ``tz``) the span touches; an end at midnight excludes that day."""
        start_local = self.start.in_timezone(tz)
        end_local = self.end.in_timezone(tz)
        # Plain dates from here: pendulum's date arithmetic costs ten times the standard one.
        first = dt.date(start_local.year, start_local.month, start_local.day)
        last = dt.date(end_local.year, end_local.month, end_local.day)
        if end_local.time() == dt.time(0, 0):
            last = last - dt.timedelta(days=1)
        day = first
        while day <= last:
            yield day
            day = day + dt.timedelta(days=1)

    def half_days(
        self, tz: pendulum.Timezone = SHANGHAI, midday: dt.time = MIDDAY
    ) -> Iterator[tuple[dt.date, DayPart]]:
        """Every half day (in ``tz``) the span touches, in order: the morning is midnight to
        ``midday``, the afternoon ``midday`` to midnight. 09:00-12:00 touches one morning,
        09:00-17:30 a whole day (both halves); an end exactly at a boundary excludes the half
        that starts there."""
        start = _instant(self.start)
        end = _instant(self.end)
        for day in self.dates(tz):
            midnight, noon, next_midnight = _half_day_bounds(day, tz, midday)
            if start < noon and midnight < end:
                yield day, DayPart.MORNING
            if start < next_midnight and noon < end:
                yield day, DayPart.AFTERNOON

    def shifted(self, *, days: int = 0, hours: int = 0, minutes: int = 0) -> TimeSpan:
        """The span moved by the given amount; a result outside the supported years (see
        :data:`FIRST_YEAR`) raises :class:`InvalidValue`."""
        try:
            start = self.start.add(days=days, hours=hours, minutes=minutes)
            end = self.end.add(days=days, hours=hours, minutes=minutes)
        except (OverflowError, ValueError, TypeError) as error:
            raise _out_of_range("shift", (days, hours, minutes)) from error
        return TimeSpan(start, end)

    def __str__(self) -> str:
        start = self.start.in_timezone(SHANGHAI)
        end = self.end.in_timezone(SHANGHAI)
        if start.date() == end.date():
            return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
        return f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"
