"""The duty roster as an Excel workbook (DUTY-Y1): the Spring Festival rows marked, the
issues on their own sheet."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.duty import duty_roster
from jiguan_core.outputs.roster_xlsx import roster_xlsx
from tests.strategies_office_work import duty_office

openpyxl = pytest.importorskip("openpyxl", reason="the office extra (openpyxl) is not installed")

SPRING = DateRange(dt.date(2026, 2, 14), dt.date(2026, 2, 25))


def test_festival_rows_are_filled_and_issues_get_a_sheet() -> None:
    """One leader and one staff member for the nine festival days: every row filled pink, and
    the two-days-running duties listed on 问题 / issues with their rule id."""
    roster = duty_roster(
        duty_office(1, 1),
        SPRING,
        calendar=WorkCalendar(),
        overrides={"DUTY-Y1": {"staff_per_day": 1}},
    )
    for lang, sheet_name in (("zh", "问题"), ("en", "issues")):
        book = openpyxl.load_workbook(
            io.BytesIO(roster_xlsx(roster, names={"L1": "领导一"}, lang=lang))
        )
        days = book.worksheets[0]
        rows = list(days.iter_rows(min_row=3))
        assert len(rows) == 9
        assert all(row[0].fill.fgColor.rgb.endswith("FDE2E2") for row in rows)
        assert rows[0][1].value == "领导一"
        issues = [row[0] for row in book[sheet_name].iter_rows(values_only=True)]
        assert issues
        assert set(issues) == {"DUTY-Y1-REST"}
