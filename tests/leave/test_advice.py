"""Approval advice on a leave (LEAVE-L1, LEAVE-L3, coverage): the reasons and their text."""

from __future__ import annotations

import datetime as dt

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.leave import advise_leave, leave_balance
from jiguan_core.time import TimeSpan
from tests.leave.test_request import leave
from tests.strategies_development import build_office

CALENDAR = WorkCalendar()


def test_annual_leave_within_what_is_left_can_be_approved_and_says_so() -> None:
    """LEAVE-L1: 5 days due, 2 asked, nobody else away: approvable, in both languages."""
    office = build_office(departments=[[(2020, frozenset())]])
    person = office.person("s01")
    request = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 3), who=person)
    balance = leave_balance(
        person, 2026, absences=[], calendar=CALENDAR, work_start=dt.date(2020, 1, 1)
    )
    advice = advise_leave(request, office, calendar=CALENDAR, balance=balance)
    assert advice.approvable
    assert advice.render("zh").startswith("l1: 建议批准")
    assert advice.render_lines("en")[0] == "l1: can be approved"


def test_annual_leave_in_a_year_excluded_by_rule_l3_is_advised_against() -> None:
    """LEAVE-L3: after two months of sick leave no annual leave is due; the reason is the
    exclusion's own."""
    office = build_office(departments=[[(2020, frozenset())]])
    person = office.person("s01")
    sick = Absence(
        id="x1",
        staff_id="s01",
        span=TimeSpan.whole_days(dt.date(2026, 1, 5), dt.date(2026, 3, 5)),
        kind=AbsenceKind.SICK_LEAVE,
    )
    balance = leave_balance(
        person, 2026, absences=[sick], calendar=CALENDAR, work_start=dt.date(2020, 1, 1)
    )
    request = leave(dt.date(2026, 4, 7), dt.date(2026, 4, 7), who=person)
    advice = advise_leave(request, office, calendar=CALENDAR, balance=balance)
    assert not advice.approvable
    assert advice.reasons[-1] == balance.excluded
    assert advice.render("en").startswith("l1: hold or adjust")
    assert "建议暂缓或调整" in advice.render("zh")
