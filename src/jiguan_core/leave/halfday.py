"""Half days (上午 / 下午): the unit a leave is asked and counted in.

A :class:`HalfDaySlot` is one morning or one afternoon; a leave runs from its first slot to its
last, both included. Noon splits the day, so a slot is the span ``[00:00, 12:00)`` or
``[12:00, 24:00)`` of its day in Shanghai time: a half-day leave then overlaps exactly the
activities of that half. Only slots of working days count (LEAVE-L2, on the official 调休
calendar): a leave over a weekend or the Spring Festival counts its working half days alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pendulum
from attrs import field, frozen

from jiguan_core._validation import date_value
from jiguan_core.calendar import WorkCalendar
from jiguan_core.text import Lang
from jiguan_core.time import SHANGHAI, DayPart, TimeSpan
from jiguan_core.work._workflow import member_of

__all__ = [
    "HalfDay",
    "HalfDaySlot",
    "slot_range",
    "slots_span",
    "span_working_half_days",
    "working_half_days",
]


#: Morning or afternoon: the same enum as :class:`jiguan_core.time.DayPart` (one concept of a
#: half day for leave, A/B coverage and :meth:`~jiguan_core.time.TimeSpan.half_days`).
HalfDay = DayPart


@frozen(kw_only=True)
class HalfDaySlot:
    """One half of one day; ``index`` orders slots (two per day)."""

    day: dt.date = field(validator=date_value)
    half: HalfDay = field(default=HalfDay.MORNING, validator=member_of(HalfDay))

    @property
    def index(self) -> int:
        return self.day.toordinal() * 2 + (self.half is HalfDay.AFTERNOON)

    @classmethod
    def from_index(cls, index: int) -> HalfDaySlot:
        day, afternoon = divmod(index, 2)
        return cls(
            day=dt.date.fromordinal(day), half=HalfDay.AFTERNOON if afternoon else HalfDay.MORNING
        )

    def __lt__(self, other: HalfDaySlot) -> bool:
        return self.index < other.index

    def __le__(self, other: HalfDaySlot) -> bool:
        return self.index <= other.index

    def next(self) -> HalfDaySlot:
        return HalfDaySlot.from_index(self.index + 1)

    def start(self) -> pendulum.DateTime:
        hour = 12 if self.half is HalfDay.AFTERNOON else 0
        return pendulum.datetime(self.day.year, self.day.month, self.day.day, hour, tz=SHANGHAI)

    def render(self, lang: Lang = "zh") -> str:
        return f"{self.day}{self.half.zh}" if lang == "zh" else f"{self.day} {self.half.en}"


def slot_range(first: HalfDaySlot, last: HalfDaySlot) -> Iterator[HalfDaySlot]:
    """The slots from ``first`` to ``last``, both included."""
    for index in range(first.index, last.index + 1):
        yield HalfDaySlot.from_index(index)


def slots_span(first: HalfDaySlot, last: HalfDaySlot) -> TimeSpan:
    """The time the slots ``first`` .. ``last`` cover, as a half-open span."""
    return TimeSpan(start=first.start(), end=last.next().start())


def working_half_days(first: HalfDaySlot, last: HalfDaySlot, calendar: WorkCalendar) -> int:
    """How many slots of ``first`` .. ``last`` (both included) fall on working days (L2)."""
    if last < first:
        return 0
    one = dt.timedelta(days=1)
    whole = 2 * calendar.working_days_between(first.day, last.day + one)
    if first.half is HalfDay.AFTERNOON and calendar.is_working_day(first.day):
        whole -= 1
    if last.half is HalfDay.MORNING and calendar.is_working_day(last.day):
        whole -= 1
    return whole


def span_working_half_days(span: TimeSpan, calendar: WorkCalendar) -> int:
    """Working half days an arbitrary span touches (any overlap with a half counts it)."""
    total = 0
    for day in span.dates():
        if not calendar.is_working_day(day):
            continue
        for half in HalfDay:
            slot = HalfDaySlot(day=day, half=half)
            if span.overlaps(TimeSpan(start=slot.start(), end=slot.next().start())):
                total += 1
    return total
