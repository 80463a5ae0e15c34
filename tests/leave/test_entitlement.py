"""Annual leave due, taken and left (LEAVE-L1 to L4): the edges of the entitlement."""

from __future__ import annotations

import datetime as dt

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.leave import exclusion, leave_balance, years_of_work
from jiguan_core.time import TimeSpan
from tests.leave.test_request import clerk

CALENDAR = WorkCalendar()


def absence(kind: AbsenceKind, first: dt.date, last: dt.date, number: int = 1) -> Absence:
    return Absence(
        id=f"x{number}", staff_id="s01", span=TimeSpan.whole_days(first, last), kind=kind
    )


def test_work_started_on_29_february_has_its_anniversary_on_28_february() -> None:
    """In a common year the anniversary of 29 February 2016 is 28 February: 10 years then,
    9 the day before."""
    assert years_of_work(dt.date(2016, 2, 29), dt.date(2026, 2, 28)) == 10
    assert years_of_work(dt.date(2016, 2, 29), dt.date(2026, 2, 27)) == 9


def test_twenty_working_days_of_personal_leave_take_away_the_years_annual_leave() -> None:
    """LEAVE-L3: personal leave of 2-27 March 2026 (20 working days) excludes 2026; leave of
    another year does not count."""
    personal = absence(AbsenceKind.PERSONAL_LEAVE, dt.date(2026, 3, 2), dt.date(2026, 3, 27))
    earlier = absence(AbsenceKind.PERSONAL_LEAVE, dt.date(2025, 3, 3), dt.date(2025, 4, 30), 2)
    found = exclusion(5, [personal, earlier], 2026, CALENDAR)
    assert found is not None
    assert "20 days of personal leave in 2026" in found.en
    assert "事假累计20天" in found.zh
    assert exclusion(5, [earlier], 2026, CALENDAR) is None


def test_a_balance_reads_as_a_sentence_with_the_carry_over_and_the_exclusion() -> None:
    """The balance in both languages: due, carried over, taken, left, and why none is due."""
    kept = leave_balance(clerk(), 2026, absences=[], calendar=CALENDAR, carried_over=2)
    assert kept.render("zh") == "s01 2026年 工龄10年 应休10天（含上年结转2天） 已休0天 剩余12天"
    assert kept.render("en") == (
        "s01 2026: 10 years of work, 10 day(s) due (+2 carried over), 0 taken, 12 left"
    )
    sick = absence(AbsenceKind.SICK_LEAVE, dt.date(2026, 3, 1), dt.date(2026, 6, 30))
    excluded = leave_balance(clerk(), 2026, absences=[sick], calendar=CALENDAR)
    assert excluded.render("en").endswith("(≥ 3 months): no annual leave that year (LEAVE-L3)")
    assert "（LEAVE-L3）" in excluded.render("zh")
    assert "结转" not in excluded.render("zh")


def test_annual_leave_of_another_year_is_not_taken_this_year() -> None:
    """LEAVE-L2: only the year's own half days count: a leave of December 2025 takes nothing
    from 2026, one across the new year only its January days."""
    december = absence(AbsenceKind.ANNUAL_LEAVE, dt.date(2025, 12, 1), dt.date(2025, 12, 5))
    across = absence(AbsenceKind.ANNUAL_LEAVE, dt.date(2025, 12, 29), dt.date(2026, 1, 6), 2)
    balance = leave_balance(clerk(), 2026, absences=[december, across], calendar=CALENDAR)
    assert balance.taken == 3  # 4-6 January 2026 (1-3 January is the New Year holiday)
