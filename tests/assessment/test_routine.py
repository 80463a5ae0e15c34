"""The quarterly routine assessment: grades, share of 好, timetable and bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.assessment import (
    AssessmentRecords,
    Investigation,
    QuarterScores,
    RoutineGrade,
    RoutinePolicy,
    Ungraded,
    assess_quarter,
    explain_routine,
    routine_timetable,
)
from jiguan_core.calendar import WorkCalendar, YearArrangement
from jiguan_core.errors import CalendarYearNotCovered, InvalidInput, JiguanError
from tests.strategies_assessment import SIMPLE_ROUTINE, YEAR, quarter_records, tiny_office


def test_the_rater_groups_are_weighted_by_the_policy() -> None:
    """20% supervisor + 40% colleagues + 40% panel."""
    office = tiny_office(["p01"])
    records = AssessmentRecords(
        quarter_scores=[
            QuarterScores(
                staff_id="p01",
                year=YEAR,
                quarter=1,
                scores={"supervisor": 100.0, "colleagues": 90.0, "panel": 80.0},
            )
        ]
    )
    outcome = assess_quarter(office, records, YEAR, 1).outcome("p01")
    assert outcome.score == pytest.approx(20 + 36 + 32)
    assert "同事评价 90.00×0.4" in "\n".join(
        explain_routine(outcome, assess_quarter(office, records, YEAR, 1))
    )


def test_an_open_investigation_leaves_the_quarter_ungraded() -> None:
    """Open on the quarter's last day: ungraded, no scores needed."""
    office = tiny_office(["p01", "p02"])
    records = AssessmentRecords(
        quarter_scores=quarter_records({"p02": 80.0}, quarters=(1,)),
        investigations=[Investigation(staff_id="p01", opened=dt.date(2025, 3, 1))],
    )
    result = assess_quarter(office, records, YEAR, 1, policy=SIMPLE_ROUTINE)
    assert result.outcome("p01").ungraded is Ungraded.UNDER_INVESTIGATION
    assert result.graded == 1


def test_a_missing_rater_group_is_named() -> None:
    """The policy weighs supervisor, colleagues and panel; panel only is not enough."""
    office = tiny_office(["p01"])
    records = AssessmentRecords(quarter_scores=quarter_records({"p01": 80.0}, quarters=(1,)))
    with pytest.raises(
        InvalidInput, match=r"p01: rater groups missing \['colleagues', 'supervisor'\]"
    ):
        assess_quarter(office, records, YEAR, 1)


def test_a_duplicate_score_record_is_an_error() -> None:
    """Two records for one person and quarter are refused."""
    office = tiny_office(["p01"])
    records = AssessmentRecords(quarter_scores=quarter_records({"p01": 80.0}, quarters=(1, 1)))
    with pytest.raises(JiguanError, match="more than one"):
        assess_quarter(office, records, YEAR, 1, policy=SIMPLE_ROUTINE)


def test_the_share_of_good_is_a_parameter() -> None:
    """With 20%, two of ten are 好."""
    scores = {f"p{i:02d}": 95.0 + i / 10 for i in range(1, 11)}
    records = AssessmentRecords(quarter_scores=quarter_records(scores, quarters=(3,)))
    policy = RoutinePolicy.from_overrides(
        {"R3": {"share": 0.2}}, rater_weights=SIMPLE_ROUTINE.rater_weights
    )
    result = assess_quarter(tiny_office(scores), records, YEAR, 3, policy=policy)
    assert result.count(RoutineGrade.GOOD) == 2
    assert {o.staff_id for o in result.outcomes if o.grade is RoutineGrade.GOOD} == {"p09", "p10"}


def test_the_timetable_of_the_last_quarter_of_2026_needs_the_2027_calendar() -> None:
    """The built-in calendar stops at 2026; the caller supplies 2027."""
    with pytest.raises(CalendarYearNotCovered):
        routine_timetable(2026, 4, scored_on=dt.date(2027, 1, 11))
    holidays = [dt.date(2027, 1, 1)]
    calendar = WorkCalendar(
        arrangements=[YearArrangement(year=2027, holidays=holidays, working_weekend_days=[])]
    )
    table = routine_timetable(2026, 4, scored_on=dt.date(2027, 1, 11), calendar=calendar)
    assert table.publicity_end == dt.date(2027, 1, 14)


def test_a_quarterly_score_outside_the_scale_is_named() -> None:
    """p01's -5 is refused with the person, the group and the scale."""
    office = tiny_office(["p01"])
    records = AssessmentRecords(quarter_scores=quarter_records({"p01": -5.0}, quarters=(2,)))
    with pytest.raises(InvalidInput, match=r"'panel' of p01 is -5.0, outside the scale \[0, 100\]"):
        assess_quarter(office, records, YEAR, 2, policy=SIMPLE_ROUTINE)


def test_leave_days_come_from_the_office_absences() -> None:
    """Sick and personal leave in the sample office are counted per person and year."""
    from jiguan_core.assessment.records import leave_from_absences
    from jiguan_core.examples.office import sample_office

    leave = leave_from_absences(sample_office(), 2025)
    assert leave
    assert all(r.days > 0 and r.year == 2025 for r in leave)
    assert [r.staff_id for r in leave] == sorted(r.staff_id for r in leave)


class TestExplainingAQuarter:
    """explain_routine says why: ungraded with its reason, capped by the share, tied at the line."""

    def _quarter(self, scores: dict[str, float], **extra: object):  # type: ignore[no-untyped-def]
        records = AssessmentRecords(
            quarter_scores=quarter_records(scores, quarters=(1,)),
            **extra,  # type: ignore[arg-type]
        )
        return assess_quarter(tiny_office(scores), records, YEAR, 1, policy=SIMPLE_ROUTINE)

    def test_an_exempted_person_is_ungraded_with_the_reason(self) -> None:
        from jiguan_core.assessment import QuarterExemption

        scores = {"p01": 95.0, "p02": 80.0}
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p02": 80.0}, quarters=(1,)),
            exemptions=[
                QuarterExemption(staff_id="p01", year=YEAR, quarter=1, reason=Ungraded.EXEMPT)
            ],
        )
        result = assess_quarter(tiny_office(scores), records, YEAR, 1, policy=SIMPLE_ROUTINE)
        line, cited = explain_routine(result.outcome("p01"), result, "en")
        assert line == f"p01 {YEAR}Q1: ungraded ({Ungraded.EXEMPT.en})"
        assert cited.strip().startswith("[A1]")  # the rule behind the reason
        zh = explain_routine(result.outcome("p01"), result, "zh")[0]
        assert f"不定等次（{Ungraded.EXEMPT.zh}）" in zh

    def test_a_score_over_the_line_beyond_the_share_is_explained(self) -> None:
        """Five people, 40% floor: 2 places for 好; the third over 90 is 较好, and says why."""
        result = self._quarter({"p01": 95, "p02": 94, "p03": 93, "p04": 70, "p05": 60})
        text = "\n".join(explain_routine(result.outcome("p03"), result, "en"))
        assert "the share was full: fairly good" in text
        assert "the share was full" not in "\n".join(
            explain_routine(result.outcome("p01"), result, "en")
        )

    def test_a_tie_at_the_line_is_explained_as_waiting_for_the_party_group(self) -> None:
        result = self._quarter({"p01": 95, "p02": 95, "p03": 95, "p04": 70, "p05": 60})
        zh = "\n".join(explain_routine(result.outcome("p02"), result, "zh"))
        assert "待党组决定" in zh


def test_half_a_day_of_leave_counts_as_half_a_day() -> None:
    """A sick morning and a whole personal day are 0.5 + 1 = 1.5 days, not 2 (A4)."""
    import attrs
    import pendulum

    from jiguan_core.absence import Absence, AbsenceKind
    from jiguan_core.assessment.records import leave_from_absences
    from jiguan_core.time import TimeSpan

    def at(day: int, hour: int) -> pendulum.DateTime:
        return pendulum.datetime(YEAR, 3, day, hour, tz="Asia/Shanghai")

    office = attrs.evolve(
        tiny_office(["p01"]),
        absences=[
            Absence(
                id="a1",
                staff_id="p01",
                span=TimeSpan(at(3, 9), at(3, 12)),
                kind=AbsenceKind.SICK_LEAVE,
            ),
            Absence(
                id="a2",
                staff_id="p01",
                span=TimeSpan(at(4, 9), at(4, 17)),
                kind=AbsenceKind.PERSONAL_LEAVE,
            ),
        ],
    )
    (record,) = leave_from_absences(office, YEAR)
    assert (record.sick_days, record.personal_days, record.days) == (0.5, 1, 1.5)


def test_a_tie_at_the_line_for_good_is_explained_as_a_tie() -> None:
    """Tied at the 好 line: the explanation names the others and the open place, not a
    full share."""
    scores = {f"p{i:02d}": 80.0 for i in range(1, 6)} | {"p01": 95.0, "p02": 95.0}
    office = tiny_office(scores)
    records = AssessmentRecords(quarter_scores=quarter_records(scores, quarters=(2,)))
    policy = RoutinePolicy(
        rater_weights=SIMPLE_ROUTINE.rater_weights, good_share=0.2, good_min=90.0
    )
    result = assess_quarter(office, records, YEAR, 2, policy=policy)
    outcome = result.outcome("p01")
    assert outcome.tied
    assert not outcome.capped
    english = "\n".join(explain_routine(outcome, result, lang="en"))
    assert "tied at the quota line with p02 (2 people for 1 place still open)" in english
    assert "share was full" not in english


def test_a_score_exactly_at_the_good_minimum_is_good() -> None:
    """R2: 90 is 好 (within the R3 share), 89.5 is 较好."""
    scores = {f"p{i:02d}": 70.0 for i in range(1, 11)} | {"p01": 90.0, "p02": 89.5}
    result = assess_quarter(
        tiny_office(scores),
        AssessmentRecords(quarter_scores=quarter_records(scores, quarters=(1,))),
        YEAR,
        1,
        policy=SIMPLE_ROUTINE,
    )
    assert result.outcome("p01").grade is RoutineGrade.GOOD
    assert result.outcome("p02").grade is RoutineGrade.FAIRLY_GOOD


def test_only_the_quarters_own_scores_are_graded() -> None:
    """Scores of the first quarter do not leak into the second."""
    records = AssessmentRecords(
        quarter_scores=[
            QuarterScores(staff_id="p01", year=YEAR, quarter=1, scores={"panel": 95.0}),
            QuarterScores(staff_id="p01", year=YEAR, quarter=2, scores={"panel": 75.0}),
            QuarterScores(staff_id="p01", year=YEAR - 1, quarter=2, scores={"panel": 95.0}),
        ]
    )
    outcome = assess_quarter(tiny_office(["p01"]), records, YEAR, 2, policy=SIMPLE_ROUTINE).outcome(
        "p01"
    )
    assert outcome.score == 75.0


def test_a_participant_named_twice_is_graded_once() -> None:
    scores = {"p01": 80.0, "p02": 70.0}
    result = assess_quarter(
        tiny_office(scores),
        AssessmentRecords(quarter_scores=quarter_records(scores, quarters=(1,))),
        YEAR,
        1,
        policy=SIMPLE_ROUTINE,
        participants=["p02", "p01", "p01"],
    )
    assert [o.staff_id for o in result.outcomes] == ["p01", "p02"]


def test_two_rater_groups_are_weighted_in_the_policys_order_not_alphabetically() -> None:
    """panel 70% + colleagues 30%: 100 and 50 make 85 (alphabetical order would make 65)."""
    from jiguan_core.assessment import Weights

    policy = RoutinePolicy(rater_weights=Weights({"panel": 0.7, "colleagues": 0.3}))
    records = AssessmentRecords(
        quarter_scores=[
            QuarterScores(
                staff_id="p01",
                year=YEAR,
                quarter=1,
                scores={"panel": 100.0, "colleagues": 50.0},
            )
        ]
    )
    outcome = assess_quarter(tiny_office(["p01"]), records, YEAR, 1, policy=policy).outcome("p01")
    assert outcome.score == pytest.approx(85.0)


def test_each_grade_starts_exactly_at_its_minimum() -> None:
    """R2: 80 is 较好 and 79.5 一般; 60 is 一般 and 59.5 较差 (nobody here reaches 好)."""
    scores = {"p01": 80.0, "p02": 79.5, "p03": 60.0, "p04": 59.5}
    result = assess_quarter(
        tiny_office(scores),
        AssessmentRecords(quarter_scores=quarter_records(scores, quarters=(1,))),
        YEAR,
        1,
        policy=SIMPLE_ROUTINE,
    )
    assert [result.outcome(p).grade for p in scores] == [
        RoutineGrade.FAIRLY_GOOD,
        RoutineGrade.AVERAGE,
        RoutineGrade.AVERAGE,
        RoutineGrade.POOR,
    ]


def _three_groups(**scores: float) -> AssessmentRecords:
    return AssessmentRecords(
        quarter_scores=[QuarterScores(staff_id="p01", year=YEAR, quarter=1, scores=scores)]
    )


def test_scores_on_the_ends_of_the_scale_are_accepted() -> None:
    """The scale [0, 100] is closed."""
    records = _three_groups(supervisor=0.0, colleagues=100.0, panel=100.0)
    outcome = assess_quarter(tiny_office(["p01"]), records, YEAR, 1).outcome("p01")
    assert outcome.score == pytest.approx(80.0)


def test_only_the_scores_outside_the_scale_are_reported() -> None:
    """0 and 100 are on the scale; 120 is the one problem."""
    records = _three_groups(supervisor=0.0, colleagues=100.0, panel=120.0)
    with pytest.raises(InvalidInput) as caught:
        assess_quarter(tiny_office(["p01"]), records, YEAR, 1)
    (problem,) = caught.value.problems
    assert "'panel'" in problem.message_en


def test_rater_groups_of_the_right_number_but_wrong_names_are_refused() -> None:
    records = _three_groups(supervisor=90.0, colleagues=90.0, friends=90.0)
    with pytest.raises(InvalidInput, match=r"missing \['panel'\], unknown \['friends'\]"):
        assess_quarter(tiny_office(["p01"]), records, YEAR, 1)


def test_an_ungraded_quarter_is_neither_capped_nor_tied() -> None:
    office = tiny_office(["p01", "p02"])
    records = AssessmentRecords(
        quarter_scores=quarter_records({"p02": 80.0}, quarters=(1,)),
        investigations=[Investigation(staff_id="p01", opened=dt.date(2025, 3, 1))],
    )
    outcome = assess_quarter(office, records, YEAR, 1, policy=SIMPLE_ROUTINE).outcome("p01")
    assert outcome.ungraded is Ungraded.UNDER_INVESTIGATION
    assert (outcome.grade, outcome.score, outcome.capped, outcome.tied) == (
        None,
        None,
        False,
        False,
    )


def test_an_exemption_covers_only_its_own_quarter_of_its_own_year() -> None:
    """Exempt in Q1 of this year and in Q2 of last year: Q2 of this year is graded."""
    from jiguan_core.assessment import QuarterExemption

    records = AssessmentRecords(
        quarter_scores=quarter_records({"p01": 80.0}, quarters=(2,)),
        exemptions=[
            QuarterExemption(staff_id="p01", year=YEAR, quarter=1, reason=Ungraded.EXEMPT),
            QuarterExemption(staff_id="p01", year=YEAR - 1, quarter=2, reason=Ungraded.EXEMPT),
        ],
    )
    outcome = assess_quarter(tiny_office(["p01"]), records, YEAR, 2, policy=SIMPLE_ROUTINE).outcome(
        "p01"
    )
    assert (outcome.ungraded, outcome.score) == (None, 80.0)
