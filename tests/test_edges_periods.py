"""Periods, deadlines and windows at their edges: first and last day, the day after, December
ends, leap days, year boundaries, the half-open end.

Expected days are worked out by hand from the regulation (REGULATIONS.md R1, A15, T1, T4, D5, C1-C4)
and the official 2025 arrangement: National Day 1-8 October are rest days, Sunday 28 September
and Saturday 11 October are working days; 2026 New Year: 1-3 January rest, Sunday 4 January a
working day. ``chinese_calendar`` itself (the data, not the library) confirms each of them below.
"""

from __future__ import annotations

import datetime as dt

import attrs
import chinese_calendar
import pytest

from jiguan_core.assessment import RoutinePolicy, routine_timetable
from jiguan_core.calendar import Granularity, WorkCalendar
from jiguan_core.development import DevelopmentPolicy, handover_deadline, rotation_status
from jiguan_core.development.rotation import RotationStatus, add_years
from jiguan_core.errors import JiguanError
from jiguan_core.post import KeyArea
from jiguan_core.work.documents import DocumentFlow, DocumentPolicy, start_document
from tests.strategies_development import build_office

D = dt.date
CALENDAR = WorkCalendar()


class TestTheOfficialArrangementTheseTestsAssume:
    @pytest.mark.parametrize(
        ("day", "working"),
        [
            (D(2025, 9, 26), True),  # Friday
            (D(2025, 9, 27), False),  # Saturday
            (D(2025, 9, 28), True),  # Sunday, worked for National Day
            (D(2025, 10, 1), False),
            (D(2025, 10, 8), False),  # the last day of the holiday
            (D(2025, 10, 9), True),
            (D(2025, 10, 11), True),  # Saturday, worked
            (D(2026, 1, 1), False),
            (D(2026, 1, 3), False),
            (D(2026, 1, 4), True),  # Sunday, worked
            (D(2026, 2, 14), True),  # C4
            (D(2026, 2, 23), False),  # C4
        ],
    )
    def test_the_data_and_the_calendar_agree_on_each_day(self, day: dt.date, working: bool) -> None:
        assert chinese_calendar.is_workday(day) is working
        assert CALENDAR.is_working_day(day) is working


class TestCalendarPeriods:
    @pytest.mark.parametrize(
        ("day", "granularity", "start", "end"),
        [
            (D(2025, 12, 31), Granularity.WEEK, D(2025, 12, 29), D(2026, 1, 5)),  # across years
            (D(2025, 12, 29), Granularity.WEEK, D(2025, 12, 29), D(2026, 1, 5)),  # its Monday
            (D(2026, 1, 4), Granularity.WEEK, D(2025, 12, 29), D(2026, 1, 5)),  # its Sunday
            (D(2025, 12, 15), Granularity.MONTH, D(2025, 12, 1), D(2026, 1, 1)),
            (D(2025, 11, 30), Granularity.MONTH, D(2025, 11, 1), D(2025, 12, 1)),
            (D(2024, 2, 29), Granularity.MONTH, D(2024, 2, 1), D(2024, 3, 1)),
            (D(2024, 2, 29), Granularity.QUARTER, D(2024, 1, 1), D(2024, 4, 1)),
            (D(2025, 3, 31), Granularity.QUARTER, D(2025, 1, 1), D(2025, 4, 1)),
            (D(2025, 4, 1), Granularity.QUARTER, D(2025, 4, 1), D(2025, 7, 1)),
            (D(2025, 12, 31), Granularity.QUARTER, D(2025, 10, 1), D(2026, 1, 1)),
            (D(2025, 12, 31), Granularity.YEAR, D(2025, 1, 1), D(2026, 1, 1)),
            (D(2025, 1, 1), Granularity.YEAR, D(2025, 1, 1), D(2026, 1, 1)),
        ],
    )
    def test_a_period_is_half_open_and_contains_its_day(
        self, day: dt.date, granularity: Granularity, start: dt.date, end: dt.date
    ) -> None:
        period = WorkCalendar.period(day, granularity)
        assert (period.start, period.end) == (start, end)
        assert day in period
        assert end not in period
        assert start in period

    def test_the_quarters_of_a_leap_year_cover_it_without_gap_or_overlap(self) -> None:
        quarters = [WorkCalendar.quarter_range(2024, q) for q in (1, 2, 3, 4)]
        assert [(q.start, q.end) for q in quarters] == [
            (D(2024, 1, 1), D(2024, 4, 1)),
            (D(2024, 4, 1), D(2024, 7, 1)),
            (D(2024, 7, 1), D(2024, 10, 1)),
            (D(2024, 10, 1), D(2025, 1, 1)),
        ]
        assert [(q.end - q.start).days for q in quarters] == [91, 91, 92, 92]
        assert (WorkCalendar.quarter_range(2025, 1).end - D(2025, 1, 1)).days == 90

    @pytest.mark.parametrize("quarter", [0, 5, -1])
    def test_there_are_four_quarters(self, quarter: int) -> None:
        with pytest.raises(JiguanError):
            WorkCalendar.quarter_range(2025, quarter)


class TestWorkingDayArithmetic:
    def test_the_start_day_is_not_counted(self) -> None:
        """Friday 2025-09-26 + 1 working day is Sunday the 28th (a worked Sunday)."""
        assert CALENDAR.add_working_days(D(2025, 9, 26), 1) == D(2025, 9, 28)
        assert CALENDAR.add_working_days(D(2025, 9, 26), 0) == D(2025, 9, 26)
        assert CALENDAR.add_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)  # over the holiday
        assert CALENDAR.add_working_days(D(2025, 10, 9), -1) == D(2025, 9, 30)

    def test_working_days_are_counted_in_a_half_open_range(self) -> None:
        assert CALENDAR.working_days(D(2025, 9, 26), D(2025, 9, 26)) == []
        assert CALENDAR.working_days(D(2025, 9, 26), D(2025, 9, 29)) == [
            D(2025, 9, 26),
            D(2025, 9, 28),
        ]
        assert CALENDAR.working_days(D(2025, 12, 31), D(2026, 1, 5)) == [
            D(2025, 12, 31),
            D(2026, 1, 4),
        ]


class TestRoutineTimetable:
    """R1: the quarter is scored in the first month of the next quarter, then posted."""

    def test_the_fourth_quarter_is_scored_in_the_next_years_january(self) -> None:
        first = routine_timetable(2025, 4, scored_on=D(2026, 1, 1))
        assert (first.period.start, first.period.end) == (D(2025, 10, 1), D(2026, 1, 1))
        assert (first.scoring_month.start, first.scoring_month.end) == (
            D(2026, 1, 1),
            D(2026, 2, 1),
        )
        assert first.publicity_start == D(2026, 1, 4)  # the first working day from the 1st
        last = routine_timetable(2025, 4, scored_on=D(2026, 1, 31))
        assert last.scored_on == D(2026, 1, 31)

    @pytest.mark.parametrize("scored_on", [D(2025, 12, 31), D(2026, 2, 1)])
    def test_the_day_before_and_after_the_scoring_month_are_refused(
        self, scored_on: dt.date
    ) -> None:
        with pytest.raises(JiguanError, match="R1"):
            routine_timetable(2025, 4, scored_on=scored_on)

    def test_the_publicity_window_counts_working_days_after_the_posting_day(self) -> None:
        """Q3 2025 scored on Thursday 9 October, posted that day: 3 working days after it are
        Friday 10th, Saturday 11th (worked) and Monday 13th."""
        table = routine_timetable(
            2025, 3, scored_on=D(2025, 10, 9), policy=RoutinePolicy(publicity_working_days=3)
        )
        assert (table.publicity_start, table.publicity_end) == (D(2025, 10, 9), D(2025, 10, 13))

    def test_a_quarter_scored_on_a_holiday_is_posted_the_next_working_day(self) -> None:
        table = routine_timetable(2025, 3, scored_on=D(2025, 10, 1))
        assert table.publicity_start == D(2025, 10, 9)


def _tenure_office(since: dt.date):  # type: ignore[no-untyped-def]
    """One key post (finance) held by s01 since ``since``."""
    office = build_office(departments=[[(2010, frozenset({KeyArea.FINANCE}))]])
    assignments = tuple(
        attrs.evolve(a, start=since) if a.staff_id == "s01" else a for a in office.assignments
    )
    return attrs.evolve(office, assignments=assignments)


def _status(since: dt.date, as_of: dt.date) -> RotationStatus:
    (check,) = [c for c in rotation_status(_tenure_office(since), as_of) if c.staff_id == "s01"]
    return check.status


class TestRotationDueDates:
    """T1: a key post is rotated after 10 years; the day the 10 years are full is the due day."""

    def test_the_policy_default_is_ten_years_for_a_key_post(self) -> None:
        assert DevelopmentPolicy().key_years == 10

    @pytest.mark.parametrize(
        ("since", "due"),
        [
            (D(2015, 6, 10), D(2025, 6, 10)),
            (D(2015, 12, 31), D(2025, 12, 31)),  # the year's last day
            (D(2016, 1, 1), D(2026, 1, 1)),  # the year's first day
            (D(2016, 2, 29), D(2026, 2, 28)),  # from a leap day to a common year
        ],
    )
    def test_due_on_the_day_the_years_are_full_not_the_day_before(
        self, since: dt.date, due: dt.date
    ) -> None:
        assert add_years(since, 10) == due
        assert _status(since, due - dt.timedelta(days=1)) is RotationStatus.NOT_DUE
        assert _status(since, due) is RotationStatus.DUE
        assert _status(since, due + dt.timedelta(days=1)) is RotationStatus.DUE

    def test_a_leap_day_plus_four_years_is_a_leap_day(self) -> None:
        assert add_years(D(2016, 2, 29), 4) == D(2020, 2, 29)
        assert add_years(D(2016, 2, 29), -1) == D(2015, 2, 28)


class TestHandoverDeadline:
    """T4: the handover is done within 10 working days of the rotation."""

    def test_ten_working_days_over_national_day(self) -> None:
        """From Friday 26 September 2025: 28, 29, 30 Sep, 9, 10, 11 (Sat), 13, 14, 15, 16 Oct."""
        assert handover_deadline(D(2025, 9, 26)) == D(2025, 10, 16)

    def test_ten_working_days_over_new_year(self) -> None:
        """From Wednesday 31 December 2025: 4 (Sun), 5, 6, 7, 8, 9, 12, 13, 14, 15 January."""
        assert handover_deadline(D(2025, 12, 31)) == D(2026, 1, 15)


class TestDocumentStageDeadlines:
    """D5: stage deadlines are working days after the day the stage is handed over."""

    def _draft(self, on: dt.date, **kw: object):  # type: ignore[no-untyped-def]
        return start_document(
            id="doc1",
            title="关于国庆值班的通知",
            flow=DocumentFlow.SENDING,
            department_id="d0",
            responsible_id="s01",
            on=on,
            calendar=CALENDAR,
            policy=DocumentPolicy.of({"notice_main_days": 3}),
            **kw,  # type: ignore[arg-type]
        )

    def test_the_deadline_is_the_last_allowed_day_and_late_starts_the_day_after(self) -> None:
        """Started Friday 26 September 2025: 3 working days are 28, 29, 30 September."""
        doc = self._draft(D(2025, 9, 26))
        assert doc.due == D(2025, 9, 30)
        assert not doc.is_late(D(2025, 9, 30))
        assert doc.is_late(D(2025, 10, 1))

    def test_lateness_counts_working_days_only(self) -> None:
        doc = self._draft(D(2025, 9, 26))
        assert doc.working_days_late(D(2025, 9, 30), CALENDAR) == 0
        assert doc.working_days_late(D(2025, 10, 8), CALENDAR) == 0  # holiday, no working day
        assert doc.working_days_late(D(2025, 10, 9), CALENDAR) == 1
        assert doc.working_days_late(D(2025, 10, 11), CALENDAR) == 3  # the worked Saturday

    def test_a_stage_handed_over_on_a_holiday_counts_from_the_next_working_day(self) -> None:
        doc = self._draft(D(2025, 10, 1))
        assert doc.due == D(2025, 10, 11)  # 9, 10, 11 October


class TestMeetingTimeNodes:
    """办会: preparation done N working days before the day, the summary M working days after
    (WORK-MEETINGS, defaults 1 and 3)."""

    def test_a_meeting_after_a_holiday_is_prepared_on_the_last_working_day_before_it(
        self,
    ) -> None:
        from jiguan_core.work.meetings import MeetingStage, meeting_due

        held = D(2025, 10, 9)  # the first working day after National Day
        assert meeting_due(MeetingStage.PREPARATION, held, CALENDAR) == D(2025, 9, 30)
        assert meeting_due(MeetingStage.RUNNING, held, CALENDAR) == held
        assert meeting_due(MeetingStage.SUMMARY, held, CALENDAR) == D(2025, 10, 13)

    def test_a_summary_over_new_year_counts_only_working_days(self) -> None:
        from jiguan_core.work.meetings import MeetingStage, meeting_due

        held = D(2025, 12, 30)
        assert meeting_due(MeetingStage.SUMMARY, held, CALENDAR) == D(2026, 1, 5)  # 31, 4, 5
        assert meeting_due(MeetingStage.PREPARATION, D(2026, 1, 4), CALENDAR) == D(2025, 12, 31)
