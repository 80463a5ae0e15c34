"""Leave requests, their approval chain, annual leave and leave statistics (LEAVE-L1 to L5)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue import RuleArea, all_rules
from jiguan_core.errors import InvalidValue
from jiguan_core.leave import (
    LEAVE_RULES,
    ApproverRole,
    HalfDay,
    HalfDaySlot,
    LeaveGrouping,
    LeaveKind,
    LeaveRequest,
    LeaveStatus,
    advise_leave,
    annual_entitlement,
    approval_chain,
    leave_balance,
    leave_statistics,
    submit_leave,
    working_half_days,
    years_of_work,
)
from jiguan_core.post import KeyArea
from jiguan_core.staff import Level, Staff
from jiguan_core.time import TimeSpan
from jiguan_core.work.errors import OutOfOrderTransition, WorkflowFinished
from tests.strategies_development import build_office, off_site

CALENDAR = WorkCalendar()
AM, PM = HalfDay.MORNING, HalfDay.AFTERNOON


def slot(day: dt.date, half: HalfDay = AM) -> HalfDaySlot:
    return HalfDaySlot(day=day, half=half)


def clerk(staff_id: str = "s01", *, hired: dt.date = dt.date(2015, 7, 1)) -> Staff:
    return Staff(id=staff_id, name="张三", department_id="d0", level=Level.CLERK, hire_date=hired)


def leave(
    first: dt.date,
    last: dt.date,
    *,
    kind: LeaveKind = LeaveKind.ANNUAL,
    who: Staff | None = None,
    number: int = 1,
    on: dt.date | None = None,
) -> LeaveRequest:
    return submit_leave(
        id=f"l{number}",
        requester=who or clerk(),
        kind=kind,
        first=slot(first),
        last=slot(last, PM),
        reason="探亲",
        on=on or first - dt.timedelta(days=7),
        calendar=CALENDAR,
    )


def approved(request: LeaveRequest, on: dt.date | None = None) -> LeaveRequest:
    day = on or request.submitted_on
    for role in request.chain:
        request = request.approve(on=day, by=f"boss-{role.value}", calendar=CALENDAR)
    return request


class TestTheLeaveCatalogue:
    def test_every_leave_rule_is_in_the_one_catalogue_under_its_area(self) -> None:
        """LEAVE-L1 to LEAVE-L5 are gathered by all_rules() under RuleArea.LEAVE."""
        ids = [info.id for info in all_rules() if info.area is RuleArea.LEAVE]
        assert ids == ["LEAVE-L1", "LEAVE-L2", "LEAVE-L3", "LEAVE-L4", "LEAVE-L5"]
        assert ids == list(LEAVE_RULES)


class TestHalfDays:
    def test_a_leave_over_the_spring_festival_counts_only_its_working_half_days(self) -> None:
        """LEAVE-L2: 2026-02-12 to 02-25 holds five working days (the 14th is a swapped
        working Saturday; 15th-23rd are the holiday), ten half days."""
        assert (
            working_half_days(slot(dt.date(2026, 2, 12)), slot(dt.date(2026, 2, 25), PM), CALENDAR)
            == 10
        )

    def test_an_afternoon_to_the_next_morning_is_two_half_days(self) -> None:
        """LEAVE-L2 counts halves: Tuesday afternoon and Wednesday morning."""
        first, last = slot(dt.date(2026, 3, 3), PM), slot(dt.date(2026, 3, 4), AM)
        assert working_half_days(first, last, CALENDAR) == 2


class TestApprovalChain:
    def test_a_clerk_asks_the_department_head_for_a_short_leave(self) -> None:
        """LEAVE-L5 default [N]: up to 2 days, the department head alone."""
        assert approval_chain(clerk(), 4) == (ApproverRole.DEPARTMENT_HEAD,)

    def test_a_longer_leave_goes_up_to_the_secretary_general_then_the_chair(self) -> None:
        """LEAVE-L5: 3 days adds the secretary-general, 6 days the chair as well."""
        assert approval_chain(clerk(), 6) == (
            ApproverRole.DEPARTMENT_HEAD,
            ApproverRole.SECRETARY_GENERAL,
        )
        assert approval_chain(clerk(), 12)[-1] is ApproverRole.CHAIR

    def test_a_division_head_starts_at_the_secretary_general(self) -> None:
        """LEAVE-L5: senior_from_level and above skip the department head."""
        head = Staff(
            id="h0",
            name="主任",
            department_id="d0",
            level=Level.DIVISION_HEAD,
            hire_date=dt.date(1990, 1, 1),
        )
        assert approval_chain(head, 2) == (ApproverRole.SECRETARY_GENERAL,)

    def test_the_thresholds_are_parameters(self) -> None:
        """LEAVE-L5: with department_head_max_days = 5 a 4-day leave needs one approver."""
        chain = approval_chain(clerk(), 8, {"department_head_max_days": 5})
        assert chain == (ApproverRole.DEPARTMENT_HEAD,)

    def test_an_unknown_level_name_is_refused(self) -> None:
        """LEAVE-L5's senior_from_level must name a Level."""
        with pytest.raises(InvalidValue, match="senior_from_level"):
            approval_chain(clerk(), 2, {"senior_from_level": "general"})


class TestTheRequestLifecycle:
    def test_an_approved_leave_becomes_an_absence_of_its_half_days(self) -> None:
        """After the last approver the request is approved and is an annual-leave absence."""
        request = approved(leave(dt.date(2026, 3, 2), dt.date(2026, 3, 3)))
        assert request.status is LeaveStatus.APPROVED
        absence = request.absence
        assert absence is not None
        assert absence.kind is AbsenceKind.ANNUAL_LEAVE
        assert list(absence.span.dates()) == [dt.date(2026, 3, 2), dt.date(2026, 3, 3)]

    def test_each_approval_step_is_due_a_working_day_later(self) -> None:
        """LEAVE-L5 approval_days: submitted on Friday, the first step is due on Monday."""
        request = leave(dt.date(2026, 3, 9), dt.date(2026, 3, 11), on=dt.date(2026, 3, 6))
        assert request.due == dt.date(2026, 3, 9)
        assert request.approver_role is ApproverRole.DEPARTMENT_HEAD
        after = request.approve(on=dt.date(2026, 3, 6), by="h0", calendar=CALENDAR)
        assert after.approver_role is ApproverRole.SECRETARY_GENERAL
        assert after.due == dt.date(2026, 3, 9)

    def test_the_wrong_approver_is_refused_and_nothing_changes(self) -> None:
        """LEAVE-L5: the chair cannot approve before the department head."""
        request = leave(dt.date(2026, 3, 9), dt.date(2026, 3, 20))
        with pytest.raises(OutOfOrderTransition, match="department head"):
            request.approve(
                on=request.submitted_on, by="top", role=ApproverRole.CHAIR, calendar=CALENDAR
            )
        assert request.step == 0

    def test_nobody_approves_their_own_leave(self) -> None:
        """The requester is never their own approver."""
        request = leave(dt.date(2026, 3, 9), dt.date(2026, 3, 9))
        with pytest.raises(OutOfOrderTransition, match="own leave"):
            request.approve(on=request.submitted_on, by="s01", calendar=CALENDAR)

    def test_a_refusal_needs_a_reason_and_ends_the_request(self) -> None:
        """Refused with its reason; a refused request cannot be approved afterwards."""
        request = leave(dt.date(2026, 3, 9), dt.date(2026, 3, 9))
        with pytest.raises(InvalidValue, match="reason"):
            request.refuse(on=request.submitted_on, by="h0", reason=" ")
        refused = request.refuse(on=request.submitted_on, by="h0", reason="全会筹备期间")
        assert refused.status is LeaveStatus.REFUSED
        assert refused.history[-1].note == "全会筹备期间"
        assert refused.absence is None
        with pytest.raises(WorkflowFinished):
            refused.approve(on=request.submitted_on, by="h0", calendar=CALENDAR)

    def test_returning_early_shortens_the_leave_taken(self) -> None:
        """销假 on Wednesday morning of a Monday-Friday leave: 2 days taken, absence until Tuesday."""
        request = approved(leave(dt.date(2026, 3, 2), dt.date(2026, 3, 6)))
        closed = request.close(
            on=dt.date(2026, 3, 4), by="s01", returned=slot(dt.date(2026, 3, 4)), calendar=CALENDAR
        )
        assert closed.status is LeaveStatus.CLOSED
        assert closed.taken_days == 2
        assert closed.absence is not None
        assert list(closed.absence.span.dates())[-1] == dt.date(2026, 3, 3)

    def test_a_pending_leave_cannot_be_closed(self) -> None:
        """销假 comes after approval."""
        request = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 6))
        with pytest.raises(OutOfOrderTransition, match="not approved"):
            request.close(
                on=dt.date(2026, 3, 4),
                by="s01",
                returned=slot(dt.date(2026, 3, 4)),
                calendar=CALENDAR,
            )

    def test_a_leave_with_no_working_half_day_is_refused_at_submission(self) -> None:
        """LEAVE-L2: a weekend-only leave asks for nothing."""
        with pytest.raises(InvalidValue, match="no working half day"):
            leave(dt.date(2026, 3, 7), dt.date(2026, 3, 8))


class TestAnnualLeave:
    @pytest.mark.parametrize(
        ("years", "days"), [(0, 0), (1, 5), (9, 5), (10, 10), (19, 10), (20, 15), (35, 15)]
    )
    def test_entitlement_follows_the_three_bands_of_rule_l1(self, years: int, days: int) -> None:
        """LEAVE-L1: 1-10 years 5 days, 10-20 years 10 days, 20+ years 15 days."""
        assert annual_entitlement(years) == days

    def test_years_of_work_are_whole_years(self) -> None:
        """Worked from 2016-07-01: 9 whole years on 2026-01-01."""
        assert years_of_work(dt.date(2016, 7, 1), dt.date(2026, 1, 1)) == 9

    def test_taken_days_leave_out_holidays_and_left_is_the_rest(self) -> None:
        """LEAVE-L1 and LEAVE-L2: 10 due; a leave over the Spring Festival costs 5 days."""
        person = clerk(hired=dt.date(2010, 1, 1))
        absence = Absence(
            id="x1",
            staff_id="s01",
            span=TimeSpan.whole_days(dt.date(2026, 2, 12), dt.date(2026, 2, 25)),
            kind=AbsenceKind.ANNUAL_LEAVE,
        )
        balance = leave_balance(person, 2026, absences=[absence], calendar=CALENDAR)
        assert (balance.entitled, balance.taken, balance.left) == (10, 5, 5)

    def test_long_sick_leave_takes_away_the_years_annual_leave(self) -> None:
        """LEAVE-L3: under 10 years of work, 2 months (60 days) of sick leave: none due."""
        person = clerk(hired=dt.date(2020, 1, 1))
        sick = Absence(
            id="x1",
            staff_id="s01",
            span=TimeSpan.whole_days(dt.date(2026, 3, 1), dt.date(2026, 4, 29)),
            kind=AbsenceKind.SICK_LEAVE,
        )
        balance = leave_balance(person, 2026, absences=[sick], calendar=CALENDAR)
        assert balance.entitled == 0
        assert balance.excluded is not None
        assert "LEAVE-L3" in balance.excluded.en

    def test_carry_over_is_refused_when_rule_l4_allows_none(self) -> None:
        """LEAVE-L4 with carry_over_years = 0: no day may be carried into the year."""
        with pytest.raises(InvalidValue, match="LEAVE-L4"):
            leave_balance(
                clerk(),
                2026,
                absences=[],
                calendar=CALENDAR,
                carried_over=2,
                overrides={"LEAVE-L4": {"carry_over_years": 0}},
            )
        kept = leave_balance(clerk(), 2026, absences=[], calendar=CALENDAR, carried_over=2)
        assert kept.left == 10 + 2  # hired mid-2015: ten whole years on 1 January 2026


class TestApprovalAdvice:
    def test_advice_names_a_coverage_gap_and_the_requesters_own_activity(self) -> None:
        """B away on a trip and A asking leave: the key post would have nobody, and A is
        scheduled for a meeting; the advice says both and does not recommend approval."""
        office = build_office(
            departments=[[(2020, frozenset({KeyArea.FINANCE})), (2020, frozenset())]],
            ab=[("p01", "s01", "s02")],
        )
        office = office.with_activities(
            [
                off_site(["s02"], dt.date(2026, 3, 3), dt.date(2026, 3, 3), 1),
                off_site(["s01"], dt.date(2026, 3, 2), dt.date(2026, 3, 2), 2),
            ]
        )
        request = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 3), who=office.person("s01"))
        advice = advise_leave(request, office, calendar=CALENDAR)
        assert not advice.approvable
        assert ("p01", dt.date(2026, 3, 3)) in advice.new_gaps
        assert advice.activities == ("a2",)

    def test_annual_leave_beyond_what_is_left_is_advised_against(self) -> None:
        """LEAVE-L1: 5 days due, 6 asked."""
        office = build_office(departments=[[(2020, frozenset())]])
        person = office.person("s01")
        request = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 9), who=person)
        balance = leave_balance(
            person, 2026, absences=[], calendar=CALENDAR, work_start=dt.date(2020, 1, 1)
        )
        advice = advise_leave(request, office, calendar=CALENDAR, balance=balance)
        assert not advice.approvable
        assert "LEAVE-L1" in advice.reasons[-1].en


class TestLeaveStatistics:
    def test_figures_since_a_day_in_the_offices_phrasing(self) -> None:
        """Approved leaves are counted by person and kind; refused ones are not."""
        a = approved(leave(dt.date(2026, 3, 2), dt.date(2026, 3, 3), number=1))
        b = approved(leave(dt.date(2026, 4, 7), dt.date(2026, 4, 7), kind=LeaveKind.SICK, number=2))
        c = leave(dt.date(2026, 5, 6), dt.date(2026, 5, 6), number=3)
        c = c.refuse(on=c.submitted_on, by="h0", reason="工作需要")
        stats = leave_statistics([a, b, c], since=dt.date(2026, 1, 1), until=dt.date(2026, 7, 1))
        assert (stats.total.count, stats.total.days) == (2, 3)
        assert stats.render("zh") == (
            "2026年以来，机关共请假2人次、累计3天，其中年休假1人次、2天，病假1人次、1天。"
        )
        by_department = leave_statistics(
            [a, b],
            since=dt.date(2026, 1, 1),
            until=dt.date(2026, 7, 1),
            grouping=LeaveGrouping.DEPARTMENT,
        )
        assert [(g.key, g.count) for g in by_department.groups] == [("d0", 2)]

    def test_counts_of_ten_and_more_can_be_written_the_yu_way(self) -> None:
        """WORK-YU's convention: 12 leaves are "10余人次" when ``yu`` is asked for."""
        requests = [
            approved(
                leave(
                    dt.date(2026, 3, 4) + dt.timedelta(days=7 * n),
                    dt.date(2026, 3, 4) + dt.timedelta(days=7 * n),
                    number=n,
                )
            )
            for n in range(12)
        ]
        stats = leave_statistics(requests, since=dt.date(2026, 3, 1), until=dt.date(2026, 7, 1))
        assert stats.render("zh", yu=True).startswith("2026年3月1日以来，机关共请假10余人次")
        assert "12人次" in stats.render("zh")


class TestRequestEdges:
    def test_a_request_describes_itself_and_whom_it_awaits(self) -> None:
        """Pending: the awaited approver and the deadline; approved: none awaited."""
        pending = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 3))
        assert pending.describe("zh") == (
            f"l1 s01 年休假 {slot(dt.date(2026, 3, 2)).render('zh')}—"
            f"{slot(dt.date(2026, 3, 3), PM).render('zh')} 共2天 [待审批]，"
            f"待处室负责人审批（时限 {pending.due}）"
        )
        assert f"awaiting the department head (due {pending.due})" in pending.describe("en")
        done = approved(pending)
        assert done.describe("en").endswith("2 day(s) [approved]")
        assert not done.status.is_final
        assert done.close(
            on=dt.date(2026, 3, 4), by="s01", returned=slot(dt.date(2026, 3, 4)), calendar=CALENDAR
        ).status.is_final

    def test_back_before_the_leave_began_leaves_no_absence(self) -> None:
        """销假 on the first half day asked for: nothing was taken, no absence."""
        request = approved(leave(dt.date(2026, 3, 2), dt.date(2026, 3, 6)))
        closed = request.close(
            on=dt.date(2026, 3, 2), by="s01", returned=slot(dt.date(2026, 3, 2)), calendar=CALENDAR
        )
        assert closed.absence is None
        assert closed.taken_days == 0

    def test_a_return_that_is_not_a_half_day_or_after_a_refusal_is_refused(self) -> None:
        """close() takes a HalfDaySlot; a refused request cannot be closed."""
        request = approved(leave(dt.date(2026, 3, 2), dt.date(2026, 3, 6)))
        with pytest.raises(InvalidValue, match="returned"):
            request.close(
                on=dt.date(2026, 3, 4),
                by="s01",
                returned=dt.date(2026, 3, 4),  # type: ignore[arg-type]
                calendar=CALENDAR,
            )
        refused = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 6), number=2).refuse(
            on=dt.date(2026, 2, 24), by="h0", reason="工作需要"
        )
        with pytest.raises(WorkflowFinished, match="refused"):
            refused.close(
                on=dt.date(2026, 3, 4),
                by="s01",
                returned=slot(dt.date(2026, 3, 4)),
                calendar=CALENDAR,
            )

    def test_a_request_ending_before_it_starts_or_without_a_reason_is_refused(self) -> None:
        """submit_leave: last before first, or a blank reason."""
        with pytest.raises(InvalidValue, match="before the first"):
            leave(dt.date(2026, 3, 6), dt.date(2026, 3, 2))
        with pytest.raises(InvalidValue, match="reason"):
            submit_leave(
                id="l9",
                requester=clerk(),
                kind=LeaveKind.PERSONAL,
                first=slot(dt.date(2026, 3, 2)),
                last=slot(dt.date(2026, 3, 2), PM),
                reason=" ",
                on=dt.date(2026, 2, 24),
                calendar=CALENDAR,
            )
