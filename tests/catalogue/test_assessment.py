"""A verifier test per assessment rule (REGULATIONS §2-§4, §6): given these facts the rule finds
n; at the parameter's edge, none."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from jiguan_core.assessment import (
    AnnualPolicy,
    AssessmentRecords,
    Grade,
    Investigation,
    LeaveRecord,
    Probation,
    ProtectedKind,
    ProtectedPeriod,
    Sanction,
    SanctionKind,
    Ungraded,
    YearOutcome,
    sanction_periods,
)
from jiguan_core.policy import Policy
from jiguan_core.staff import Level
from jiguan_core.verifier import verify
from tests.strategies_assessment import SIMPLE, YEAR, quarter_records, tiny_office, year_records

D = dt.date
E, C, B, N = Grade.EXCELLENT, Grade.COMPETENT, Grade.BASICALLY_COMPETENT, Grade.INCOMPETENT
TWO = {"p01": 95.0, "p02": 80.0}
FIVE = {"p01": 95.0, "p02": 80.0, "p03": 80.0, "p04": 80.0, "p05": 80.0}  # one 优秀 place
ENGINES = [
    "python",
    pytest.param(
        "durable",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("durable") is None, reason="durable_rules is not installed"
        ),
    ),
]


def year(scores: dict[str, float], policy: AnnualPolicy = SIMPLE, **records: object):  # type: ignore[no-untyped-def]
    """The arguments of assess_year for a tiny office with these composite scores."""
    return (tiny_office(scores), year_records(scores, **records), YEAR), {"policy": policy}


def history(
    grades: list[Grade | None], person: str = "p01", start: int = 2021
) -> list[YearOutcome]:
    return [
        YearOutcome(
            staff_id=person,
            year=start + i,
            grade=g,
            ungraded=None if g is not None else Ungraded.EXEMPT,
        )
        for i, g in enumerate(grades)
    ]


def only(year_: int):  # type: ignore[no-untyped-def]
    return {"years": [year_]}


class TestGrades:
    def test_A1_grades_everyone_by_the_thresholds(self) -> None:
        args, kw = year({"p01": 95, "p02": 80, "p03": 65, "p04": 50, "p05": 88})
        verify("A1").given(*args, **kw).finds(5)

    def test_A1_also_decides_who_is_not_graded(self) -> None:
        """不定等次 is one of A1's outcomes: a person on probation is decided by A1 and A3."""
        probation = [Probation(staff_id="p01", start=D(2025, 9, 1), end=D(2026, 9, 1))]
        args, kw = year(TWO, probations=probation)
        verify("A1").given(*args, **kw).finds(2)

    def test_A2_caps_excellent_at_the_quota(self) -> None:
        """Ten above the line, 20% floor: two places, eight capped."""
        scores = {f"p{i:02d}": 90.0 + i for i in range(1, 11)}
        args, kw = year(scores)
        verify("A2").given(*args, **kw).finds(8)

    def test_A2_caps_nobody_when_places_suffice(self) -> None:
        args, kw = year(FIVE)
        verify("A2").given(*args, **kw).finds_nothing()

    def test_A3_a_new_hire_on_probation_is_not_graded(self) -> None:
        args, kw = year(
            TWO, probations=[Probation(staff_id="p01", start=D(2025, 9, 1), end=D(2026, 9, 1))]
        )
        verify("A3").given(*args, **kw).finds(1).about("staff", "p01")

    def test_A3_a_probation_that_ended_before_the_year_does_not_apply(self) -> None:
        args, kw = year(
            TWO, probations=[Probation(staff_id="p01", start=D(2023, 9, 1), end=D(2024, 9, 1))]
        )
        verify("A3").given(*args, **kw).finds_nothing()

    def test_A4_leave_over_half_the_year_is_not_graded_but_exactly_half_is(self) -> None:
        """183 days > 182.5 is over half; 182 days is not."""
        args, kw = year(
            TWO,
            leave=[
                LeaveRecord(staff_id="p01", year=YEAR, sick_days=150, personal_days=33),
                LeaveRecord(staff_id="p02", year=YEAR, sick_days=182),
            ],
        )
        verify("A4").given(*args, **kw).finds(1).about("staff", "p01")

    def test_A5_an_open_investigation_leaves_the_person_ungraded(self) -> None:
        args, kw = year(TWO, investigations=[Investigation(staff_id="p01", opened=D(2025, 11, 1))])
        verify("A5").given(*args, **kw).finds(1)

    def test_A5_an_investigation_closed_by_assessment_day_does_not(self) -> None:
        closed = [Investigation(staff_id="p01", opened=D(2025, 5, 1), closed=D(2025, 12, 1))]
        args, kw = year(FIVE, investigations=closed)
        verify("A5").given(*args, **kw).finds_nothing()

    def test_A6_a_warning_in_the_year_bars_excellent(self) -> None:
        warned = [Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 3, 1))]
        args, kw = year(FIVE, sanctions=warned)
        verify("A6").given(*args, **kw).finds(1).about("staff", "p01")

    def test_A6_a_warning_whose_period_ended_before_the_year_does_not(self) -> None:
        """A 6-month warning from 2024-06-01 ended on 2024-12-01."""
        warned = [Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2024, 6, 1))]
        args, kw = year(FIVE, sanctions=warned)
        verify("A6").given(*args, **kw).finds_nothing()

    def test_A7_a_demerit_period_running_leaves_the_person_ungraded(self) -> None:
        demerit = [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2024, 6, 1))]
        args, kw = year(TWO, sanctions=demerit)
        verify("A7").given(*args, **kw).finds(1)

    def test_A7_a_demerit_that_ended_before_the_year_leaves_grading_alone(self) -> None:
        """12 months from 2023-12-01 end on 2024-12-01, before 2025."""
        demerit = [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2023, 12, 1))]
        args, kw = year(TWO, sanctions=demerit)
        verify("A7").given(*args, **kw).finds_nothing()

    def test_R4_weighs_the_routine_results_into_the_composite(self) -> None:
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p01": 90.0, "p02": 80.0}),
            annual_scores=year_records({"p01": 60.0, "p02": 60.0}).annual_scores,
        )
        verify("R4").given(tiny_office(["p01", "p02"]), records, YEAR, policy=SIMPLE).finds(2)

    def test_A15_the_excellent_list_is_posted_at_least_five_working_days(self) -> None:
        verify("A15").given(lambda: AnnualPolicy(publicity_working_days=4)).finds(1)
        verify("A15").given(lambda: AnnualPolicy(publicity_working_days=5)).finds_nothing()


class TestQuarters:
    def test_R1_a_quarter_is_scored_in_the_first_month_of_the_next(self) -> None:
        from jiguan_core.assessment import routine_timetable

        verify("R1").given(lambda: routine_timetable(2025, 3, scored_on=D(2025, 11, 3))).finds(1)
        verify("R1").given(
            lambda: routine_timetable(2025, 3, scored_on=D(2025, 10, 31))
        ).finds_nothing()

    def test_R2_grades_every_participant_of_a_quarter(self) -> None:
        from tests.strategies_assessment import SIMPLE_ROUTINE

        scores = {"p01": 95, "p02": 85, "p03": 70, "p04": 50, "p05": 60}
        records = AssessmentRecords(quarter_scores=quarter_records(scores))
        verify("R2").given(tiny_office(scores), records, YEAR, 1, policy=SIMPLE_ROUTINE).finds(5)

    def test_R3_caps_good_at_forty_percent(self) -> None:
        """Ten above the 好 line: four places, six capped; a 60% share caps four."""
        from tests.strategies_assessment import SIMPLE_ROUTINE

        scores = {f"p{i:02d}": 90.0 + i / 2 for i in range(1, 11)}
        records = AssessmentRecords(quarter_scores=quarter_records(scores))
        office = tiny_office(scores)
        verify("R3").given(office, records, YEAR, 2, policy=SIMPLE_ROUTINE).finds(6)
        wider = SIMPLE_ROUTINE.from_overrides(
            {"R3": {"share": 0.6}}, rater_weights=SIMPLE_ROUTINE.rater_weights
        )
        verify("R3").given(office, records, YEAR, 2, policy=wider).finds(4)


class TestConsequences:
    def test_A8_an_excellent_year_brings_a_commendation_and_shorter_time_in_rank(self) -> None:
        verify("A8").given(history([E])).finds(2)
        verify("A8").given(history([C])).finds_nothing()

    def test_A9_three_excellent_years_in_a_row_bring_a_third_class_merit(self) -> None:
        verify("A9").given(history([E, E, E])).finds(1)
        verify("A9").given(history([E, None, E, E])).finds_nothing()

    def test_A10_two_counting_years_bring_a_pay_step_and_five_a_salary_grade(self) -> None:
        """C B C C E C C: the 基本称职 year does not count."""
        grades = [C, B, C, C, E, C, C]
        verify("A10.step").given(history(grades)).finds(3)
        verify("A10.grade").given(history(grades)).finds(1)
        verify("A10.step").given(history([C])).finds_nothing()

    def test_A10_a_pay_step_due_in_a_demerit_period_is_deferred(self) -> None:
        late = sanction_periods(
            [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2022, 6, 1))]
        )
        verify("A10.deferred").given(history([C, C, C]), periods=late, **only(2022)).finds(1)
        verify("A10.deferred").given(history([C, C, C]), **only(2022)).finds_nothing()

    def test_A11_basically_competent_brings_admonition_no_count_no_bonus(self) -> None:
        verify("A11").given(history([B])).finds(3)
        verify("A11").given(history([C])).finds_nothing()

    def test_A12_the_year_end_bonus_is_for_excellent_or_competent_only(self) -> None:
        verify("A12").given(history([E, C, B, N])).finds(2)

    def test_A13_incompetent_means_one_level_down(self) -> None:
        office = tiny_office(["p01"], level=Level.SECTION_DEPUTY)
        verify("A13").given(history([N]), office=office).finds(1)
        verify("A13").given(history([B]), office=office).finds_nothing()

    def test_A14_two_incompetent_years_in_a_row_flag_dismissal(self) -> None:
        verify("A14").given(history([N, N])).finds(1)
        verify("A14").given(history([N, None, N])).finds_nothing()

    def test_A14_the_flag_is_withheld_during_nursing(self) -> None:
        nursing = [
            ProtectedPeriod(
                staff_id="p01", kind=ProtectedKind.NURSING, start=D(2022, 3, 1), end=D(2023, 3, 1)
            )
        ]
        verify("A14.protected").given(history([N, N]), protected=nursing).finds(1)
        verify("A14").given(history([N, N]), protected=nursing).finds_nothing()

    def test_S2_no_promotion_while_a_sanction_period_runs(self) -> None:
        demerit = sanction_periods(
            [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2021, 6, 1))]
        )
        verify("S2").given(history([C, C]), periods=demerit, **only(2021)).finds(1)
        verify("S2").given(history([C, C, C]), periods=demerit, **only(2023)).finds_nothing()

    def test_S4_a_party_warning_bars_promotion_for_a_year(self) -> None:
        party = sanction_periods(
            [Sanction(staff_id="p01", kind=SanctionKind.PARTY_WARNING, start=D(2025, 3, 1))]
        )
        verify("S4").given(history([C], start=2025), periods=party).finds(1)
        verify("S4").given(history([C], start=2025)).finds_nothing()

    def test_W2_no_award_while_a_sanction_period_runs(self) -> None:
        warned = sanction_periods(
            [Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 10, 1))]
        )
        verify("W2").given(history([C], start=2025), periods=warned).finds(1)
        off = Policy(overrides={"W2": {"sanction_blocks": False}})
        verify("W2", policy=off).given(history([C], start=2025), periods=warned).finds_nothing()


class TestSanctionPeriods:
    def test_S1_a_period_per_sanction(self) -> None:
        sanctions = [
            Sanction(staff_id=f"p0{i}", kind=k, start=D(2025, 1, 31))
            for i, k in enumerate(SanctionKind)
        ]
        verify("S1").given(sanctions).finds(len(sanctions))

    def test_S3_a_new_sanction_during_a_running_period_carries_the_time_left(self) -> None:
        two = [
            Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2025, 1, 1)),
            Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 10, 1)),
        ]
        verify("S3").given(two).finds(1)
        apart = [
            Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2024, 1, 1)),
            Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2024, 7, 1)),
        ]
        verify("S3").given(apart).finds_nothing()  # the first period ended on 1 July: no overlap


class TestAwards:
    def test_W1_only_the_five_kinds_of_award_exist(self) -> None:
        verify("W1").given("嘉奖", "记三等功", "记二等功", "记一等功", "授予称号").finds_nothing()
        verify("W1").given("记四等功").finds(1)


@pytest.mark.parametrize("engine", ENGINES)
class TestPersonYearPatternsOnBothEngines:
    """The declarative assessment rules give the same findings on both engines."""

    def test_A6_matches_a_person_year_with_a_warning(self, engine: str) -> None:
        facts = [
            {"staff_id": "p01", "year": 2025, "warning_in_year": 1},
            {"staff_id": "p02", "year": 2025, "warning_in_year": 0},
        ]
        verify("A6", engine=engine).given_facts(*facts).finds(1).about("staff", "p01")

    def test_A12_matches_excellent_and_competent_years(self, engine: str) -> None:
        facts = [
            {"staff_id": f"p0{i}", "year": 2025, "grade": g.value}
            for i, g in enumerate((E, C, B, N))
        ]
        verify("A12", engine=engine).given_facts(*facts).finds(2)

    def test_A14_needs_the_run_and_no_protection(self, engine: str) -> None:
        base = {"staff_id": "p01", "year": 2025, "grade": "incompetent", "incompetent_run_due": 1}
        verify("A14", engine=engine).given_facts(base | {"protected": 0}).finds(1)
        verify("A14", engine=engine).given_facts(base | {"protected": 1}).finds_nothing()
        verify("A14.protected", engine=engine).given_facts(base | {"protected": 1}).finds(1)
