"""A verifier test per office-work rule: leave (REGULATIONS §10), proposals (§11), holiday duty
(§12 Y1) and the annual work plan (the article's ARTICLE-PLAN and ARTICLE-COORD)."""

from __future__ import annotations

import datetime as dt

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.policy import Policy
from jiguan_core.rule import Severity
from jiguan_core.time import TimeSpan
from jiguan_core.verifier import verify
from jiguan_core.workplan import FieldTrip, Milestone, PlanItem, PlanItemKind, WorkPlan
from tests.duty.test_roster import NATIONAL_DAY, away
from tests.leave.test_request import AM, PM, clerk, slot
from tests.proposals.test_workflow import DAY, assigned, proposal
from tests.strategies_office_work import duty_office
from tests.workplan.test_plan import plan

CAL = WorkCalendar()


def item(number: int, *targets: dt.date, trip: FieldTrip | None = None) -> PlanItem:
    """Item ``w<number>`` of 委室 ``d<number>``, owned by ``S0<number + 1>``, one milestone per
    target."""
    return PlanItem(
        id=f"w{number}",
        department_id=f"d{number}",
        title=f"事项{number}",
        owner_id=f"S0{number + 1}",
        kind=PlanItemKind.RESEARCH,
        milestones=[
            Milestone(id=f"m{number}-{i}", title="节点", target=t) for i, t in enumerate(targets)
        ],
        trip=trip,
    )


def one_item(*targets: dt.date) -> WorkPlan:
    return WorkPlan(year=2026, items=[item(0, *targets)])


def trips(count: int) -> WorkPlan:
    """``count`` 委室 each visiting 某县 for a week in the second quarter of 2026."""
    week = {"target_place": "某县", "days": 5, "quarter": 2}
    return WorkPlan(
        year=2026,
        items=[
            item(i, dt.date(2026, 7, 31), trip=FieldTrip(**week, participants=(f"S0{i + 1}",)))
            for i in range(count)
        ],
    )


class TestLeave:
    def test_LEAVE_L1_each_band_of_years_earns_annual_leave(self) -> None:
        """L1: 1 to under 10 years 5 days, 10 to under 20 years 10 days, 20 and more 15."""
        found = verify("LEAVE-L1").given(1, 9, 10, 20).finds(4)
        assert [f.part for f in found.findings] == [
            "first_band",
            "first_band",
            "second_band",
            "third_band",
        ]

    def test_LEAVE_L1_under_a_year_of_work_earns_nothing(self) -> None:
        """L1's min_years = 1: a first-year employee has no annual leave; with min_years = 2
        neither has a second-year one."""
        verify("LEAVE-L1").given(0).finds_nothing()
        policy = Policy(overrides={"LEAVE-L1": {"min_years": 2}})
        verify("LEAVE-L1", policy=policy).given(1).finds_nothing()
        verify("LEAVE-L1", policy=policy).given(2).finds(1)

    def test_LEAVE_L2_only_working_half_days_count(self) -> None:
        """L2: Friday 2026-03-06 afternoon to Monday 03-09 morning is two half days; the
        weekend between does not count."""
        first, last = slot(dt.date(2026, 3, 6), PM), slot(dt.date(2026, 3, 9), AM)
        verify("LEAVE-L2").given(first, last, CAL).finds(2)

    def test_LEAVE_L2_a_leave_inside_a_public_holiday_counts_nothing(self) -> None:
        """L2: the National Day holiday (1 to 7 October 2026) costs no annual-leave day."""
        verify("LEAVE-L2").given(
            slot(dt.date(2026, 10, 1)), slot(dt.date(2026, 10, 7), PM), CAL
        ).finds_nothing()

    @staticmethod
    def _personal(days: int) -> Absence:
        """Personal leave of ``days`` working days from Monday 2 March 2026 (no holiday)."""
        last = CAL.add_working_days(dt.date(2026, 3, 2), days - 1)
        return Absence(
            id="x1",
            staff_id="s01",
            span=TimeSpan.whole_days(dt.date(2026, 3, 2), last),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )

    def test_LEAVE_L3_twenty_days_of_personal_leave_exclude_the_year(self) -> None:
        """L3: personal leave of 20 days or more: no annual leave that year."""
        verify("LEAVE-L3").given(5, [self._personal(20)], 2026, CAL).finds(1)

    def test_LEAVE_L3_nineteen_days_of_personal_leave_do_not(self) -> None:
        """L3 personal_leave_days = 20: nineteen days keep the year's leave; with the limit set
        to 25, twenty days keep it too."""
        verify("LEAVE-L3").given(5, [self._personal(19)], 2026, CAL).finds_nothing()
        policy = Policy(overrides={"LEAVE-L3": {"personal_leave_days": 25}})
        verify("LEAVE-L3", policy=policy).given(5, [self._personal(20)], 2026, CAL).finds_nothing()

    def test_LEAVE_L3_switched_off_excludes_no_year(self) -> None:
        """L3 switched off by the office's policy: twenty days of personal leave keep the leave."""
        off = Policy(disabled={"LEAVE-L3"})
        verify("LEAVE-L3", policy=off).given(5, [self._personal(20)], 2026, CAL).finds_nothing()

    def test_LEAVE_L4_no_carry_over_when_the_office_allows_none(self) -> None:
        """L4 with carry_over_years = 0: days carried into the year are refused."""
        policy = Policy(overrides={"LEAVE-L4": {"carry_over_years": 0}})
        verify("LEAVE-L4", policy=policy).given(
            clerk(), 2026, absences=[], calendar=CAL, carried_over=2
        ).finds(1).about("staff", "s01")

    def test_LEAVE_L4_one_year_of_carry_over_is_allowed(self) -> None:
        """L4: at most into the next year when work requires it (carry_over_years = 1)."""
        verify("LEAVE-L4").given(
            clerk(), 2026, absences=[], calendar=CAL, carried_over=2
        ).finds_nothing()

    def test_LEAVE_L5_a_longer_leave_goes_up_to_the_secretary_general_and_the_chair(self) -> None:
        """L5 defaults [N]: over 2 days the secretary-general, over 5 days the chair too."""
        found = verify("LEAVE-L5").given(clerk(), 12).finds(2).about("staff", "s01")
        assert [f.part for f in found.findings] == ["secretary_general", "chair"]
        verify("LEAVE-L5").given(clerk(), 5).finds(1)

    def test_LEAVE_L5_the_department_head_alone_approves_up_to_two_days(self) -> None:
        """L5 department_head_max_days = 2: four half days stay with the department head; with
        the limit at 1.5 days they go up to the secretary-general."""
        verify("LEAVE-L5").given(clerk(), 4).finds_nothing()
        policy = Policy(overrides={"LEAVE-L5": {"department_head_max_days": 1.5}})
        verify("LEAVE-L5", policy=policy).given(clerk(), 4).finds(1)


class TestDuty:
    def test_DUTY_Y1_a_day_nobody_free_can_take_is_found(self) -> None:
        """Y1: both staff away on 3 October: the day is short of its two staff on duty."""
        absences = [
            away("S01", dt.date(2026, 10, 3), dt.date(2026, 10, 3), 1),
            away("S02", dt.date(2026, 10, 3), dt.date(2026, 10, 3), 2),
        ]
        found = verify("DUTY-Y1").given(
            duty_office(2, 2), NATIONAL_DAY, calendar=CAL, absences=absences
        )
        found.finds(1)
        assert found.findings[0].dates == (dt.date(2026, 10, 3),)

    def test_DUTY_Y1_as_many_on_duty_as_are_free_finds_nothing(self) -> None:
        """Y1 staff_per_day: one of two staff away on 3 October; with one on duty a day that
        is enough, with the default two the day is one short."""
        absences = [away("S01", dt.date(2026, 10, 3), dt.date(2026, 10, 3))]
        args = (duty_office(2, 2), NATIONAL_DAY)
        policy = Policy(overrides={"DUTY-Y1": {"staff_per_day": 1}})
        verify("DUTY-Y1", policy=policy).given(
            *args, calendar=CAL, absences=absences
        ).finds_nothing()
        verify("DUTY-Y1").given(*args, calendar=CAL, absences=absences).finds(1)

    def test_DUTY_Y1_REST_a_single_leader_is_in_charge_every_day_running(self) -> None:
        """Y1: one leader for the 7-day National Day holiday: six second-days-running."""
        policy = Policy(overrides={"DUTY-Y1": {"staff_per_day": 0}})
        verify("DUTY-Y1-REST", policy=policy).given(
            duty_office(1, 2), NATIONAL_DAY, calendar=CAL
        ).finds(6).about("staff", "L1")

    def test_DUTY_Y1_REST_three_leaders_one_a_day_take_turns(self) -> None:
        """Y1 leaders_per_day = 1: three leaders take turns, nobody two days running; with two
        of the three needed every day, two days running always share one of them: six."""
        args = (duty_office(3, 6), NATIONAL_DAY)
        verify("DUTY-Y1-REST").given(*args, calendar=CAL).finds_nothing()
        policy = Policy(overrides={"DUTY-Y1": {"leaders_per_day": 2, "staff_per_day": 0}})
        verify("DUTY-Y1-REST", policy=policy).given(*args, calendar=CAL).finds(6)

    def test_DUTY_Y1_FAIR_a_leader_away_most_of_the_holiday_leaves_an_uneven_spread(
        self,
    ) -> None:
        """Y1 spread fairly: L1 away 1 to 6 October, L2 takes six days: no evener spread."""
        absences = [away("L1", dt.date(2026, 10, 1), dt.date(2026, 10, 6))]
        verify("DUTY-Y1-FAIR").given(
            duty_office(2, 4), NATIONAL_DAY, calendar=CAL, absences=absences
        ).finds(1)

    def test_DUTY_Y1_FAIR_counts_one_apart_are_fair(self) -> None:
        """Y1: seven days over three leaders is 3/2/2, the most even there is."""
        verify("DUTY-Y1-FAIR").given(duty_office(3, 6), NATIONAL_DAY, calendar=CAL).finds_nothing()

    def test_a_policy_level_reaches_the_findings(self) -> None:
        policy = Policy(
            overrides={"DUTY-Y1": {"staff_per_day": 0}}, levels={"DUTY-Y1-REST": Severity.SOFT}
        )
        found = verify("DUTY-Y1-REST", policy=policy).given(
            duty_office(1, 2), NATIONAL_DAY, calendar=CAL
        )
        assert {f.level for f in found.findings} == {Severity.SOFT}


class TestProposals:
    def test_PROPOSAL_P1_a_stage_cannot_be_skipped(self) -> None:
        """P1: 审查立案 comes before 交办."""
        p = proposal()
        verify("PROPOSAL-P1").given(
            lambda: p.assign(on=DAY, by="r1", unit="minzheng", to="m1", calendar=CAL)
        ).finds(1)

    def test_PROPOSAL_P1_the_next_stage_in_order_is_accepted(self) -> None:
        p = proposal()
        verify("PROPOSAL-P1").given(
            lambda: p.file(on=DAY, by="r1", unit="tawei", to="r2", calendar=CAL)
        ).finds_nothing()

    def test_PROPOSAL_P1_KEY_a_key_proposal_names_its_supervising_leader(self) -> None:
        """P1: key proposals (重点提案) are supervised; assigning one without its leader is refused."""
        filed = proposal(key=True).file(on=DAY, by="r1", unit="tawei", to="r2", calendar=CAL)

        def assign(supervisor: str | None) -> object:
            return filed.assign(
                on=DAY, by="r2", unit="minzheng", to="m1", supervisor=supervisor, calendar=CAL
            )

        verify("PROPOSAL-P1-KEY").given(lambda: assign(None)).finds(1)
        verify("PROPOSAL-P1-KEY").given(lambda: assign("vc1")).finds_nothing()

    def test_PROPOSAL_P1_KEY_an_ordinary_proposal_is_not_supervised(self) -> None:
        handled = assigned(proposal())
        verify("PROPOSAL-P1-KEY").given(lambda: handled.supervise(on=DAY, by="vc1")).finds(1)

    def test_PROPOSAL_P2_filing_is_due_ten_working_days_after_submission(self) -> None:
        """P2 filing_days = 10 [N]: submitted Monday 2 March 2026, due 16 March, late on the 17th."""
        p = proposal()
        verify("PROPOSAL-P2").given([p], as_of=dt.date(2026, 3, 17), calendar=CAL).finds(1).about(
            "proposal", "ta-001"
        )
        verify("PROPOSAL-P2").given([p], as_of=dt.date(2026, 3, 16), calendar=CAL).finds_nothing()

    def test_PROPOSAL_P2_the_reply_is_due_three_months_after_assignment(self) -> None:
        """P2: assigned 10 March, the answer is drafted 10 working days before 10 June."""
        handled = assigned(proposal())
        assert handled.due is not None
        verify("PROPOSAL-P2").given([handled], as_of=handled.due, calendar=CAL).finds_nothing()
        verify("PROPOSAL-P2").given(
            [handled], as_of=handled.due + dt.timedelta(days=1), calendar=CAL
        ).finds(1)


class TestWorkPlan:
    def test_PLAN_ARTICLE_PLAN_a_milestone_past_its_target_is_late(self) -> None:
        """ARTICLE-PLAN: w1-2 (due 15 June) still open on 16 June, w2-1 (due 29 May) done on
        5 June: both late."""
        verify("PLAN-ARTICLE-PLAN").given(plan(), as_of=dt.date(2026, 6, 16), calendar=CAL).finds(2)

    def test_PLAN_ARTICLE_PLAN_a_milestone_on_its_target_day_is_not_late(self) -> None:
        verify("PLAN-ARTICLE-PLAN").given(
            plan(), as_of=dt.date(2026, 5, 29), calendar=CAL
        ).finds_nothing()

    def test_PLAN_ARTICLE_PLAN_a_plan_without_milestones_or_outside_the_year_is_refused(
        self,
    ) -> None:
        """ARTICLE-PLAN: every item has milestones with target dates inside the year: one
        without milestones and one due on 1 January of the next year are two problems; one due
        on 31 December is fine."""

        verify("PLAN-ARTICLE-PLAN").given(lambda: WorkPlan(year=2026, items=[item(0)])).finds(1)
        verify("PLAN-ARTICLE-PLAN").given(lambda: one_item(dt.date(2027, 1, 1))).finds(1)
        verify("PLAN-ARTICLE-PLAN").given(lambda: one_item(dt.date(2026, 12, 31))).finds_nothing()

    def test_PLAN_ARTICLE_PLAN_REPORT_the_half_year_report_raises_late_and_nearly_due(
        self,
    ) -> None:
        """ARTICLE-PLAN: the first half's report (due by 31 July) raises w1-2 and w2-1, late
        on 30 June."""
        found = verify("PLAN-ARTICLE-PLAN-REPORT").given(plan(), 1, calendar=CAL).finds(2)
        assert {f.part for f in found.findings} == {"late"}
        assert {f.dates for f in found.findings} == {(dt.date(2026, 7, 31),)}

    def test_PLAN_ARTICLE_PLAN_REPORT_a_milestone_just_beyond_due_soon_days_is_not_raised(
        self,
    ) -> None:
        """due_soon_days = 10 working days: from 30 June 2026 (a Tuesday), a milestone due
        14 July is nearly due and raised, one due 15 July is not."""

        found = verify("PLAN-ARTICLE-PLAN-REPORT").given(
            one_item(dt.date(2026, 7, 14)), 1, calendar=CAL
        )
        found.finds(1).about("milestone", "m0-0")
        assert found.findings[0].part == "due_soon"
        verify("PLAN-ARTICLE-PLAN-REPORT").given(
            one_item(dt.date(2026, 7, 15)), 1, calendar=CAL
        ).finds_nothing()

    def test_PLAN_ARTICLE_COORD_trips_that_would_pile_up_are_not_placed(self) -> None:
        """ARTICLE-COORD never_pile_up: SCHED-COORD-TRIPS keeps trips to one place 30 days apart, so a
        quarter holds at most three week-long trips to 某县; the others are not placed."""
        office = duty_office(2, 5, departments=5)
        verify("PLAN-ARTICLE-COORD").given(
            trips(5), office, calendar=CAL, max_iterations=2_000
        ).finds(2)

    def test_PLAN_ARTICLE_COORD_trips_that_keep_their_distance_are_all_placed(self) -> None:
        """Two trips fit; with never_pile_up off (SCHED-COORD-TRIPS soft) all five are placed."""
        office = duty_office(2, 5, departments=5)
        verify("PLAN-ARTICLE-COORD").given(
            trips(2), office, calendar=CAL, max_iterations=2_000
        ).finds_nothing()
        policy = Policy(overrides={"PLAN-ARTICLE-COORD": {"never_pile_up": False}})
        verify("PLAN-ARTICLE-COORD", policy=policy).given(
            trips(5), office, calendar=CAL, max_iterations=2_000
        ).finds_nothing()
