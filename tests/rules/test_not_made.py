"""A year the working-day calendar lacks (2027, while the installed data ends with 2026): the
check evaluates everything it can, lists the calendar checks it could not make (rule part and
days) and never assumes Monday-Friday; the scheduler refuses only the requests whose windows need
that year, each with the reason."""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import ActivityKind, MeetingKind
from jiguan_core.calendar import WorkCalendar, YearArrangement, builtin_years
from jiguan_core.organization import Organization
from jiguan_core.rules import NotMade, check
from jiguan_core.sample import sample_office
from jiguan_core.scheduling import ActivityRequest, schedule
from jiguan_core.time import TimeSpan

pytestmark = pytest.mark.skipif(
    builtin_years()[1] >= 2027, reason="the installed chinesecalendar already carries 2027"
)

#: A made-up 2027 arrangement of the right shape (the real notice is not out yet).
ARRANGEMENT_2027 = YearArrangement(
    year=2027, holidays=[dt.date(2027, 1, 1)], working_weekend_days=[dt.date(2027, 2, 20)]
)
WITH_2027 = WorkCalendar(arrangements=[ARRANGEMENT_2027])
CALENDAR_PARTS = {"SCHED-LEADERS-MEETINGS/on_duty", "SCHED-C2-WORKDAYS/non_working_day"}


def _at(office: Organization, index: int, start: pendulum.DateTime, hours: int) -> Organization:
    """``office`` with its activity ``index`` moved to ``start`` for ``hours``."""
    moved = attrs.evolve(office.activities[index], span=TimeSpan(start, start.add(hours=hours)))
    activities = list(office.activities)
    activities[index] = moved
    return attrs.evolve(office, activities=tuple(activities))


def _working_kind_index(office: Organization) -> int:
    return next(i for i, a in enumerate(office.activities) if a.kind is ActivityKind.MEETING)


@pytest.fixture(scope="module")
def office_2027() -> Organization:
    office = sample_office()
    start = pendulum.datetime(2027, 3, 10, 9, tz="Asia/Shanghai")  # a Wednesday
    return _at(office, _working_kind_index(office), start, 2)


class TestCheckWithAMissingYear:
    def test_the_check_runs_and_lists_the_check_not_made(self, office_2027: Organization) -> None:
        """SCHED-C2-WORKDAYS on 10 March 2027 is not made; nothing is raised."""
        report = check(office_2027)
        assert not report.is_complete
        assert report.not_made == (
            NotMade(
                rule_id="SCHED-C2-WORKDAYS",
                part="SCHED-C2-WORKDAYS/non_working_day",
                days=[dt.date(2027, 3, 10)],
            ),
        )
        assert report.not_made[0].years == (2027,)

    def test_every_rule_that_needs_no_calendar_finds_what_it_finds_with_the_year(
        self, office_2027: Organization
    ) -> None:
        """The violations equal those of a check that knows 2027, but for the calendar checks
        on 2027 days (which are not made, not guessed)."""
        without = check(office_2027)
        known = check(office_2027, calendar=WITH_2027)
        assert known.is_complete
        expected = [
            v
            for v in known.violations
            if not (v.part in CALENDAR_PARTS and v.day is not None and v.day.year == 2027)
        ]
        assert list(without.violations) == expected

    def test_the_report_says_it_loudly_in_both_languages(self, office_2027: Organization) -> None:
        """render() names the rule part, the day and the year, right after the headline."""
        report = check(office_2027)
        zh = report.render("zh").splitlines()
        en = report.render("en").splitlines()
        assert zh[1].startswith("未检查：SCHED-C2-WORKDAYS/non_working_day 在 2027-03-10")
        assert en[1].startswith("NOT MADE: SCHED-C2-WORKDAYS/non_working_day on 2027-03-10")
        assert "2027" in en[1]

    def test_a_leader_away_in_2027_makes_the_on_duty_count_not_made(self) -> None:
        """A leadership member's absence in 2027: SCH4's on-duty count is not made that week."""
        office = sample_office()
        leader = office.leadership_members[0].id
        start = pendulum.datetime(2027, 3, 8, 0, tz="Asia/Shanghai")
        absence = Absence(
            id="b-2027",
            staff_id=leader,
            kind=AbsenceKind.ANNUAL_LEAVE,
            span=TimeSpan(start, start.add(days=2)),
        )
        report = check(attrs.evolve(office, absences=(*office.absences, absence)))
        parts = {n.part: n.days for n in report.not_made}
        assert parts == {
            "SCHED-LEADERS-MEETINGS/on_duty": (dt.date(2027, 3, 8), dt.date(2027, 3, 9))
        }

    def test_an_absence_ending_a_microsecond_into_a_day_touches_that_day(self) -> None:
        """A span's last day is the day of its last instant: one microsecond past midnight
        still needs that day's calendar."""
        office = sample_office()
        start = pendulum.datetime(2027, 3, 8, 0, tz="Asia/Shanghai")
        absence = Absence(
            id="b-2027",
            staff_id=office.leadership_members[0].id,
            kind=AbsenceKind.ANNUAL_LEAVE,
            span=TimeSpan(start, start.add(days=1, microseconds=1)),
        )
        report = check(attrs.evolve(office, absences=(*office.absences, absence)))
        assert {n.part: n.days for n in report.not_made} == {
            "SCHED-LEADERS-MEETINGS/on_duty": (dt.date(2027, 3, 8), dt.date(2027, 3, 9))
        }

    def test_no_on_duty_minimum_means_no_on_duty_count_to_make(self) -> None:
        """With ``min_on_duty=0`` SCH4 counts nothing, so a leader away in 2027 leaves nothing
        not made."""
        from jiguan_core.rules import SchedulingPolicy

        office = sample_office()
        start = pendulum.datetime(2027, 3, 8, 0, tz="Asia/Shanghai")
        absence = Absence(
            id="b-2027",
            staff_id=office.leadership_members[0].id,
            kind=AbsenceKind.ANNUAL_LEAVE,
            span=TimeSpan(start, start.add(days=2)),
        )
        policy = SchedulingPolicy(overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": 0}})
        report = check(attrs.evolve(office, absences=(*office.absences, absence)), policy=policy)
        assert report.not_made == ()

    def test_a_disabled_rule_is_not_listed(self, office_2027: Organization) -> None:
        """With SCH6 switched off there is nothing the calendar would have decided."""
        from jiguan_core.rules import SchedulingPolicy

        report = check(
            office_2027, policy=SchedulingPolicy(disabled=frozenset({"SCHED-C2-WORKDAYS"}))
        )
        assert report.not_made == ()
        assert report.is_complete

    def test_a_known_year_costs_nothing(self) -> None:
        """The sample office (2025 only): complete, and not_made is empty."""
        assert check(sample_office()).not_made == ()


def _request(request_id: str, start: pendulum.DateTime, end: pendulum.DateTime) -> ActivityRequest:
    return ActivityRequest(
        id=request_id,
        kind=ActivityKind.MEETING,
        meeting_kind=MeetingKind.WORK_MEETING,
        title=f"工作会议 {request_id}",
        department_id="d-office",
        earliest_start=start,
        latest_end=end,
        duration=dt.timedelta(hours=1),
        participants=("s017",),
    )


class TestSchedulingWithAMissingYear:
    def test_a_december_trip_into_january_does_not_block_a_march_request(self) -> None:
        """The office's own calendar reaches 2027; a March 2026 request is still placed."""
        office = sample_office()
        start = pendulum.datetime(2026, 12, 30, 9, tz="Asia/Shanghai")
        office = _at(office, _working_kind_index(office), start, 24 * 3)
        tz = "Asia/Shanghai"
        request = _request(
            "march",
            pendulum.datetime(2026, 3, 2, 8, 30, tz=tz),
            pendulum.datetime(2026, 3, 6, 17, 30, tz=tz),
        )
        plan = schedule(office, [request])
        assert [p.request_id for p in plan.placed] == ["march"]

    def test_only_the_request_whose_window_needs_2027_is_refused_with_the_reason(self) -> None:
        """Two requests: the 2026 one is placed, the 2027 one is unplaced because of 2027."""
        tz = "Asia/Shanghai"
        requests = [
            _request(
                "in-2026",
                pendulum.datetime(2026, 3, 2, 8, 30, tz=tz),
                pendulum.datetime(2026, 3, 6, 17, 30, tz=tz),
            ),
            _request(
                "in-2027",
                pendulum.datetime(2027, 3, 1, 8, 30, tz=tz),
                pendulum.datetime(2027, 3, 5, 17, 30, tz=tz),
            ),
        ]
        plan = schedule(sample_office(), requests)
        assert [p.request_id for p in plan.placed] == ["in-2026"]
        assert [u.request_id for u in plan.unplaced] == ["in-2027"]
        reason = plan.unplaced[0].reason
        assert "2027" in reason.en
        assert "not known" in reason.en
        assert "2027 年的放假调休安排" in reason.zh

    def test_with_the_year_supplied_the_2027_request_is_placed(self) -> None:
        """The same request, with 2027's arrangement in the calendar: placed."""
        tz = "Asia/Shanghai"
        request = _request(
            "in-2027",
            pendulum.datetime(2027, 3, 1, 8, 30, tz=tz),
            pendulum.datetime(2027, 3, 5, 17, 30, tz=tz),
        )
        plan = schedule(sample_office(), [request], calendar=WITH_2027)
        assert [p.request_id for p in plan.placed] == ["in-2027"]


class TestTheNotMadeMessage:
    """A message lists at most five days; more are counted, never all spelled out."""

    PART = "SCHED-C2-WORKDAYS/non_working_day"

    def _not_made(self, count: int) -> NotMade:
        days = [dt.date(2027, 3, 1) + dt.timedelta(days=i) for i in range(count)]
        return NotMade(rule_id="SCHED-C2-WORKDAYS", part=self.PART, days=days)

    def test_five_days_are_all_shown_and_not_counted(self) -> None:
        shown = "2027-03-01, 2027-03-02, 2027-03-03, 2027-03-04, 2027-03-05"
        not_made = self._not_made(5)
        assert not_made.render("en").startswith(f"NOT MADE: {self.PART} on {shown}, because")
        assert not_made.render("zh").startswith(f"未检查：{self.PART} 在 {shown}，因为")

    def test_six_days_show_the_first_five_and_the_count(self) -> None:
        shown = "2027-03-01, 2027-03-02, 2027-03-03, 2027-03-04, 2027-03-05"
        not_made = self._not_made(6)
        assert not_made.render("en").startswith(
            f"NOT MADE: {self.PART} on {shown}, ... (6 days), because"
        )
        assert not_made.render("zh").startswith(
            f"未检查：{self.PART} 在 {shown} …（共 6 天），因为"
        )
