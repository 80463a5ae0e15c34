"""Checks a report could not make: the rules that need the working-day calendar, on days of a
year whose official arrangement is not known yet (C1-C4: the State Council publishes each year's
holidays and swapped working days in November; ``chinesecalendar`` carries them once released).

A check never assumes Monday-Friday for such a year. It evaluates every rule that needs no
working-day calendar as usual, skips the days it cannot judge for the rules that do (SCHED-C2-WORKDAYS: an
activity of a working-day kind touching a non-working day; SCHED-LEADERS-MEETINGS' on-duty count, made on working
days only), and lists them here, so that a report can say loudly what it did not check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.text import Lang, Text

__all__ = ["CALENDAR_PARTS", "NotMade", "find_not_made"]

#: The rule parts that need the working-day calendar.
CALENDAR_PARTS = ("SCHED-LEADERS-MEETINGS/on_duty", "SCHED-C2-WORKDAYS/non_working_day")


def _days(values: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return tuple(sorted(set(values)))


@frozen(kw_only=True)
class NotMade:
    """One rule part not checked on ``days``, because the working-day arrangement of ``years``
    is not known (supply it: a ``YearArrangement`` in the ``WorkCalendar``)."""

    rule_id: str
    part: str
    days: tuple[dt.date, ...] = field(converter=_days)
    years: tuple[int, ...] = field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "years", tuple(sorted({d.year for d in self.days})))

    @property
    def message(self) -> Text:
        years = "、".join(str(y) for y in self.years)
        years_en = ", ".join(str(y) for y in self.years)
        shown = ", ".join(d.isoformat() for d in self.days[:5])
        more = f" …（共 {len(self.days)} 天）" if len(self.days) > 5 else ""
        more_en = f", ... ({len(self.days)} days)" if len(self.days) > 5 else ""
        return Text(
            f"未检查：{self.part} 在 {shown}{more}，因为 {years} 年的放假调休安排未知；"
            "请补充该年安排后重新检查（从不按周一至周五推定）",
            f"NOT MADE: {self.part} on {shown}{more_en}, because the working-day arrangement "
            f"of {years_en} is not known; supply that year and check again (Monday-Friday is "
            "never assumed)",
        )

    def render(self, lang: Lang = "zh") -> str:
        return self.message.render(lang)


def find_not_made(
    *,
    enabled_parts: Iterable[str],
    unknown_day: object,
    activities: Iterable[Activity],
    absences: Iterable[Absence],
    working_kinds: frozenset[str],
    leaders: frozenset[str],
) -> tuple[NotMade, ...]:
    """The checks of ``enabled_parts`` (among :data:`CALENDAR_PARTS`) that need a day for which
    ``unknown_day(day)`` is true, i.e. whose year the calendar does not know.

    SCHED-C2-WORKDAYS needs the days of an activity of a working-day kind; the on-duty count needs the
    days on which a leadership member is away (an off-site activity they attend, an absence).
    """
    from jiguan_core.time import SHANGHAI

    unknown = unknown_day
    assert callable(unknown)
    parts = set(enabled_parts)

    def days_of(span_start: dt.datetime, span_end: dt.datetime) -> list[dt.date]:
        # Plain dates (not pendulum's subclass): the report is data.
        first = dt.date.fromordinal(span_start.astimezone(SHANGHAI).toordinal())
        last = dt.date.fromordinal(
            (span_end - dt.timedelta(microseconds=1)).astimezone(SHANGHAI).toordinal()
        )
        out = []
        day = first
        while day <= last:
            if unknown(day):
                out.append(day)
            day += dt.timedelta(days=1)
        return out

    found: list[NotMade] = []
    acts = list(activities)
    if "SCHED-C2-WORKDAYS/non_working_day" in parts:
        days = [
            d
            for a in acts
            if a.kind.value in working_kinds
            for d in days_of(a.span.start, a.span.end)
        ]
        if days:
            found.append(
                NotMade(
                    rule_id="SCHED-C2-WORKDAYS", part="SCHED-C2-WORKDAYS/non_working_day", days=days
                )
            )
    if "SCHED-LEADERS-MEETINGS/on_duty" in parts:
        days = [
            d
            for a in acts
            if a.off_site and leaders.intersection(a.attendees)
            for d in days_of(a.span.start, a.span.end)
        ]
        days += [
            d for b in absences if b.staff_id in leaders for d in days_of(b.span.start, b.span.end)
        ]
        if days:
            found.append(
                NotMade(
                    rule_id="SCHED-LEADERS-MEETINGS",
                    part="SCHED-LEADERS-MEETINGS/on_duty",
                    days=days,
                )
            )
    return tuple(found)
