"""The annual assessment: quota line, ties, schemes, explanations and bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.assessment import (
    AnnualPolicy,
    AnnualScores,
    AssessmentRecords,
    Grade,
    LeaveRecord,
    QuarterExemption,
    QuarterScores,
    Sanction,
    SanctionKind,
    Ungraded,
    Weights,
    assess_year,
    explain_annual,
)
from jiguan_core.errors import InvalidInput, InvalidValue, JiguanError
from tests.strategies_assessment import (
    SIMPLE,
    SIMPLE_ROUTINE,
    YEAR,
    quarter_records,
    tiny_office,
    year_records,
)

TEN = {f"p{i:02d}": 80.0 for i in range(1, 11)}


def _assess(scores: dict[str, float], **kw: object):  # type: ignore[no-untyped-def]
    return assess_year(tiny_office(scores), year_records(scores), YEAR, policy=SIMPLE, **kw)  # type: ignore[arg-type]


class TestTies:
    def test_a_tie_at_the_quota_line_is_reported_not_broken_by_input_order(self) -> None:
        """Three people share the last two places: nobody takes them, the tie is reported."""
        scores = dict(TEN, p01=99.0, p02=95.0, p03=95.0, p04=95.0)
        result = _assess(scores)
        assert result.quota.places == 2
        assert [o.staff_id for o in result.outcomes if o.grade is Grade.EXCELLENT] == ["p01"]
        (tie,) = result.ties
        assert tie.staff_ids == ("p02", "p03", "p04")
        assert tie.places == 1
        assert all(result.outcome(p).tied for p in tie.staff_ids)
        assert "待党组决定" in "\n".join(explain_annual(result.outcome("p02"), result))

    def test_the_routine_results_break_a_tie_in_the_composite(self) -> None:
        """Equal composites and equal routine means: more 好 quarters wins the place."""
        p02_quarters = [
            QuarterScores(staff_id="p02", year=YEAR, quarter=n, scores={"panel": s})
            for n, s in {1: 96.0, 2: 88.0, 3: 96.0, 4: 88.0}.items()
        ]
        others = {p: s for p, s in dict(TEN, p01=92.0, p03=92.0).items() if p != "p02"}
        democratic = dict(dict.fromkeys(TEN, 80.0), p01=98.0, p02=98.0, p03=99.0)
        records = AssessmentRecords(
            quarter_scores=quarter_records(others) + p02_quarters,
            annual_scores=[
                AnnualScores(staff_id=p, year=YEAR, scores={"democratic": s})
                for p, s in democratic.items()
            ],
        )
        result = assess_year(tiny_office(TEN), records, YEAR, policy=SIMPLE)
        p01, p02 = result.outcome("p01"), result.outcome("p02")
        assert p01.composite == p02.composite
        assert p01.routine_mean == p02.routine_mean
        assert (p01.good_quarters, p02.good_quarters) == (4, 2)
        assert result.quota.places == 2
        assert not result.ties
        assert result.outcome("p03").grade is Grade.EXCELLENT  # first place, 95.5
        assert (p01.grade, p02.grade) == (Grade.EXCELLENT, Grade.COMPETENT)
        assert p02.capped

    def test_a_caller_order_breaks_the_tie_when_it_names_everyone_tied(self) -> None:
        """tie_order decides, earlier first."""
        scores = dict(TEN, p01=99.0, p02=95.0, p03=95.0)
        result = _assess(scores, tie_order=["p03", "p02"])
        assert result.outcome("p03").grade is Grade.EXCELLENT
        assert result.outcome("p02").grade is Grade.COMPETENT
        assert not result.ties


class TestSchemes:
    def test_de_neng_qin_ji_lian_sub_scores_form_the_composite(self) -> None:
        """德能勤绩廉 15/10/30/30/15 over sub-scores."""
        weights = Weights({"de": 0.15, "neng": 0.10, "qin": 0.30, "ji": 0.30, "lian": 0.15})
        policy = AnnualPolicy(weights=weights, routine=SIMPLE_ROUTINE)
        office = tiny_office(["p01"])
        sub = {"de": 90.0, "neng": 80.0, "qin": 70.0, "ji": 100.0, "lian": 60.0}
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p01": 80.0}),
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores=sub)],
        )
        outcome = assess_year(office, records, YEAR, policy=policy).outcome("p01")
        assert outcome.composite == pytest.approx(13.5 + 8 + 21 + 30 + 9)

    def test_four_quarters_and_leadership_form_the_composite(self) -> None:
        """Four quarters 95% + leadership 5%."""
        weights = Weights(
            {"q1": 0.2375, "q2": 0.2375, "q3": 0.2375, "q4": 0.2375, "leadership": 0.05}
        )
        policy = AnnualPolicy(weights=weights, routine=SIMPLE_ROUTINE)
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p01": 80.0}),
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores={"leadership": 100.0})],
        )
        outcome = assess_year(tiny_office(["p01"]), records, YEAR, policy=policy).outcome("p01")
        assert outcome.composite == pytest.approx(0.95 * 80 + 5)


class TestParticipants:
    def test_ungraded_people_take_no_quota_place_and_are_not_in_the_base(self) -> None:
        """Five graded of six: one place, the base is five."""
        scores = {f"p{i:02d}": 90.0 + i for i in range(1, 7)}
        records = year_records(scores, probations=[])
        from jiguan_core.assessment import Probation

        records = year_records(
            scores,
            probations=[
                Probation(staff_id="p06", start=dt.date(2025, 6, 1), end=dt.date(2026, 6, 1))
            ],
        )
        result = assess_year(tiny_office(scores), records, YEAR, policy=SIMPLE)
        assert result.quota.base == 5
        assert result.quota.places == 1
        assert result.outcome("p06").ungraded is Ungraded.PROBATION
        assert result.outcome("p05").grade is Grade.EXCELLENT

    def test_a_person_hired_mid_year_is_scored_on_the_quarters_worked(self) -> None:
        """Hired in May: Q1 is 'not employed', Q2-Q4 count."""
        office = tiny_office(["p01"], hired={"p01": dt.date(2025, 5, 6)})
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p01": 90.0}, quarters=(2, 3, 4)),
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores={"democratic": 90.0})],
        )
        result = assess_year(office, records, YEAR, policy=SIMPLE)
        assert result.quarters[0].outcome("p01").ungraded is Ungraded.NOT_EMPLOYED
        assert result.outcome("p01").composite == pytest.approx(90.0)

    def test_an_exempt_quarter_needs_no_scores(self) -> None:
        """A QuarterExemption stands in for the missing quarter."""
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p01": 90.0}, quarters=(1, 2, 3)),
            exemptions=[
                QuarterExemption(staff_id="p01", year=YEAR, quarter=4, reason=Ungraded.EXEMPT)
            ],
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores={"democratic": 90.0})],
        )
        result = assess_year(tiny_office(["p01"]), records, YEAR, policy=SIMPLE)
        outcome = result.outcome("p01")
        assert outcome.routine_mean == 90.0  # the mean of the three scored quarters
        assert outcome.composite == 90.0
        # One graded person: 20% of 1 is 0 places (floor), so 称职 with the line reached.
        assert (outcome.grade, outcome.capped) == (Grade.COMPETENT, True)

    def test_by_default_everyone_hired_before_the_year_ends_is_assessed_and_nobody_after(
        self,
    ) -> None:
        """Hired on 31 December: assessed for the year; hired on 1 January next year: not."""
        scores = {f"p{i:02d}": 80.0 for i in range(1, 6)}
        office = tiny_office(
            scores, hired={"p04": dt.date(YEAR, 12, 31), "p05": dt.date(YEAR + 1, 1, 1)}
        )
        result = assess_year(office, year_records(scores), YEAR, policy=SIMPLE)
        assert [o.staff_id for o in result.outcomes] == ["p01", "p02", "p03", "p04"]


class TestBadInput:
    def test_a_score_outside_the_scale_is_named(self) -> None:
        """p02's 130 is outside [0, 100]."""
        with pytest.raises(InvalidInput, match=r"p02.*130") as caught:
            _assess({"p01": 90.0, "p02": 130.0})
        assert "超出评分范围" in caught.value.render("zh")

    def test_unknown_staff_are_all_named(self) -> None:
        """Every unknown id in the records is listed."""
        records = year_records({"p01": 90.0, "x1": 80.0, "x2": 70.0})
        with pytest.raises(InvalidInput) as caught:
            assess_year(tiny_office(["p01"]), records, YEAR, policy=SIMPLE)
        message = str(caught.value)
        assert "'x1'" in message
        assert "'x2'" in message

    def test_a_quarter_without_data_for_a_graded_person_is_an_error(self) -> None:
        """Missing Q4 and no exemption: the person and the quarter are named."""
        records = AssessmentRecords(
            quarter_scores=quarter_records({"p01": 90.0}, quarters=(1, 2, 3)),
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores={"democratic": 90.0})],
        )
        with pytest.raises(JiguanError, match=r"p01 has no scores for 2025Q4"):
            assess_year(tiny_office(["p01"]), records, YEAR, policy=SIMPLE)

    def test_a_missing_annual_component_is_named(self) -> None:
        """The article's scheme needs party_group too."""
        records = year_records({"p01": 90.0})
        with pytest.raises(JiguanError, match=r"missing \['party_group'\]"):
            assess_year(
                tiny_office(["p01"]),
                records,
                YEAR,
                policy=AnnualPolicy(routine=SIMPLE_ROUTINE),
            )


class TestExplanation:
    def test_the_explanation_shows_breakdown_rank_quota_and_sources(self) -> None:
        """Composite terms, rank, quota line and the cited regulation appear, in both languages."""
        result = _assess(dict(TEN, p01=99.0))
        zh = "\n".join(explain_annual(result.outcome("p01"), result, "zh"))
        en = "\n".join(explain_annual(result.outcome("p01"), result, "en"))
        assert "民主测评 99.00×0.5" in zh
        assert "排名 1/10" in zh
        assert "优秀名额 2" in zh
        assert "公务员考核规定" in zh
        assert "excellent places 2 (10 × 20%, floor)" in en


class TestIssue13WrongAnswers:
    def test_a_later_warning_does_not_lighten_a_running_demerit(self) -> None:
        """记过 2024-03-01 keeps 2025 ungraded (A7), with or without a 警告 on 2024-12-01 (S3)."""
        scores = dict(TEN, p01=99.0)
        demerit = Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=dt.date(2024, 3, 1))
        warning = Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=dt.date(2024, 12, 1))
        for sanctions in ([demerit], [demerit, warning]):
            records = year_records(scores, sanctions=sanctions)
            outcome = assess_year(tiny_office(scores), records, YEAR, policy=SIMPLE).outcome("p01")
            assert outcome.grade is None
            assert outcome.ungraded is Ungraded.HEAVY_SANCTION

    def test_a_tied_person_is_told_of_the_tie_not_of_a_full_quota(self) -> None:
        """Three tied for the one place left: the explanation says tied, places open, party
        group; it never says the quota was full."""
        result = _assess(dict(TEN, p01=99.0, p02=95.0, p03=95.0, p04=95.0))
        outcome = result.outcome("p02")
        assert outcome.tied
        assert not outcome.capped
        english = "\n".join(explain_annual(outcome, result, lang="en"))
        chinese = "\n".join(explain_annual(outcome, result, lang="zh"))
        assert "quota was full" not in english
        assert "名额已满" not in chinese
        assert "p03, p04 (3 people for 1 place still open)" in english
        assert "party group" in english
        assert "待党组决定" in chinese

    def test_leave_is_counted_in_half_days(self) -> None:
        """0.5 + 1 days of leave are 1.5 days, not 2: half a day less than the A4 limit
        is still graded, half a day more is not."""
        record = LeaveRecord(staff_id="p01", year=YEAR, sick_days=0.5, personal_days=1)
        assert record.days == 1.5
        scores = dict(TEN)
        limit = 365 / 2  # A4: half of 2025's 365 days
        for days, ungraded in ((limit, False), (limit + 0.5, True)):
            leave = [LeaveRecord(staff_id="p01", year=YEAR, sick_days=days)]
            records = year_records(scores, leave=leave)
            outcome = assess_year(tiny_office(scores), records, YEAR, policy=SIMPLE).outcome("p01")
            assert (outcome.ungraded is Ungraded.LONG_LEAVE) is ungraded

    def test_an_assessment_year_outside_the_supported_years_is_refused(self) -> None:
        """assess_year(..., 1800) is an InvalidValue naming the year, in both languages."""
        scores = dict(TEN)
        with pytest.raises(InvalidValue) as caught:
            assess_year(tiny_office(scores), year_records(scores), 1800, policy=SIMPLE)
        assert caught.value.field == "year"
        assert caught.value.value == 1800
        assert "1949-2200" in str(caught.value)
        assert "年份" in caught.value.render("zh")


class TestEdges:
    """Each threshold, date and record filter of the annual grade at its edge (A1-A6)."""

    def test_a_composite_exactly_at_a_threshold_reaches_that_grade(self) -> None:
        """A1 thresholds are minimums: 85 is 优秀, 70 称职, 60 基本称职; just below is the next."""
        scores = {"p01": 85.0, "p02": 84.5, "p03": 70.0, "p04": 69.5, "p05": 60.0, "p06": 59.5}
        result = _assess(scores)
        assert result.quota.places == 1
        assert {o.staff_id: o.grade for o in result.outcomes} == {
            "p01": Grade.EXCELLENT,
            "p02": Grade.COMPETENT,
            "p03": Grade.COMPETENT,
            "p04": Grade.BASICALLY_COMPETENT,
            "p05": Grade.BASICALLY_COMPETENT,
            "p06": Grade.INCOMPETENT,
        }

    def test_a_person_barred_from_excellent_takes_no_place_in_the_quota(self) -> None:
        """A 警告 in the year bars the best composite from 优秀 (A6); the one place goes to the next."""
        scores = dict(TEN, p01=99.0, p02=90.0)
        records = year_records(
            scores,
            sanctions=[
                Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=dt.date(YEAR, 3, 1))
            ],
        )
        result = assess_year(tiny_office(scores), records, YEAR, policy=SIMPLE)
        assert result.quota.places == 2
        assert result.quota.candidates == 1
        assert result.outcome("p01").grade is Grade.COMPETENT
        assert result.outcome("p02").grade is Grade.EXCELLENT

    def test_the_quota_line_is_the_lowest_excellent_composite(self) -> None:
        scores = dict(TEN, p01=99.0, p02=95.0)
        result = _assess(scores)
        assert (result.quota.excellent, result.quota.line) == (2, 95.0)

    def test_by_default_the_grade_is_decided_on_1_january_of_the_next_year(self) -> None:
        """An investigation closed on 2 January is still open on the default day (A5)."""
        from jiguan_core.assessment import Investigation

        scores = dict(TEN)
        records = year_records(
            scores,
            investigations=[
                Investigation(
                    staff_id="p01", opened=dt.date(YEAR, 10, 1), closed=dt.date(YEAR + 1, 1, 2)
                )
            ],
        )
        result = assess_year(tiny_office(scores), records, YEAR, policy=SIMPLE)
        assert result.as_of == dt.date(YEAR + 1, 1, 1)
        assert result.outcome("p01").ungraded is Ungraded.UNDER_INVESTIGATION

    def test_a_probation_ending_on_31_december_leaves_the_person_graded(self) -> None:
        """Probation is [start, end): on 31 December the person is no longer on probation."""
        from jiguan_core.assessment import Probation

        ended = Probation(
            staff_id="p01", start=dt.date(YEAR - 1, 12, 31), end=dt.date(YEAR, 12, 31)
        )
        started = Probation(
            staff_id="p02", start=dt.date(YEAR, 12, 31), end=dt.date(YEAR + 1, 12, 31)
        )
        records = year_records(TEN, probations=[ended, started])
        result = assess_year(tiny_office(TEN), records, YEAR, policy=SIMPLE)
        assert result.outcome("p01").grade is Grade.COMPETENT
        assert result.outcome("p02").ungraded is Ungraded.PROBATION

    def test_leave_of_another_year_does_not_count_towards_the_half_year(self) -> None:
        """A4 counts the assessed year's sick and personal leave only."""
        records = year_records(
            TEN,
            leave=[
                LeaveRecord(staff_id="p01", year=YEAR - 1, sick_days=300),
                LeaveRecord(staff_id="p02", year=YEAR, sick_days=300),
            ],
        )
        result = assess_year(tiny_office(TEN), records, YEAR, policy=SIMPLE)
        assert result.outcome("p01").grade is Grade.COMPETENT
        assert result.outcome("p02").ungraded is Ungraded.LONG_LEAVE

    def test_no_leave_at_all_is_never_over_the_limit_even_a_zero_share(self) -> None:
        """With ``leave_share=0`` any leave at all leaves the year ungraded, and no leave does not."""
        policy = AnnualPolicy(weights=SIMPLE.weights, routine=SIMPLE_ROUTINE, leave_share=0.0)
        records = year_records(
            TEN, leave=[LeaveRecord(staff_id="p02", year=YEAR, personal_days=0.5)]
        )
        result = assess_year(tiny_office(TEN), records, YEAR, policy=policy)
        assert result.outcome("p01").grade is Grade.COMPETENT
        assert result.outcome("p02").ungraded is Ungraded.LONG_LEAVE

    def test_equal_composites_and_good_quarters_go_to_the_higher_routine_mean(self) -> None:
        """The last key of the ranking (R4): p02's quarters average 92, p01's 90; both 90 overall."""
        nine = {f"p{i:02d}": 80.0 for i in range(1, 10)}
        quarterly = dict(nine, p01=90.0, p02=92.0)
        democratic = dict(nine, p01=90.0, p02=88.0)
        records = AssessmentRecords(
            quarter_scores=quarter_records(quarterly),
            annual_scores=[
                AnnualScores(staff_id=p, year=YEAR, scores={"democratic": s})
                for p, s in democratic.items()
            ],
        )
        result = assess_year(tiny_office(nine), records, YEAR, policy=SIMPLE)
        p01, p02 = result.outcome("p01"), result.outcome("p02")
        assert (p01.composite, p02.composite) == (90.0, 90.0)
        assert (p01.good_quarters, p02.good_quarters) == (4, 4)
        assert result.quota.places == 1
        assert not result.ties
        assert (p01.grade, p02.grade) == (Grade.COMPETENT, Grade.EXCELLENT)

    def test_an_ungraded_person_has_no_composite_rank_or_quota_marks(self) -> None:
        """Not graded (A3): nothing of the grading applies, not even 好 quarters he earned."""
        from jiguan_core.assessment import Probation

        probation = Probation(
            staff_id="p01", start=dt.date(YEAR, 6, 1), end=dt.date(YEAR + 1, 6, 1)
        )
        scores = dict(TEN, p01=99.0)
        result = assess_year(
            tiny_office(scores), year_records(scores, probations=[probation]), YEAR, policy=SIMPLE
        )
        p01 = result.outcome("p01")
        assert p01.ungraded is Ungraded.PROBATION
        assert (p01.grade, p01.composite, p01.rank, p01.breakdown) == (None, None, None, ())
        assert (p01.good_quarters, p01.routine_mean) == (0, None)
        assert (p01.capped, p01.tied, p01.barred) == (False, False, False)
        assert p01.rules == ("A1", "A3")

    def test_the_first_of_several_ungraded_reasons_names_the_outcome(self) -> None:
        """On probation (A3) and under investigation (A5): ungraded for probation, both cited."""
        from jiguan_core.assessment import Investigation, Probation

        records = year_records(
            TEN,
            probations=[
                Probation(staff_id="p01", start=dt.date(YEAR, 6, 1), end=dt.date(YEAR + 1, 6, 1))
            ],
            investigations=[Investigation(staff_id="p01", opened=dt.date(YEAR, 9, 1))],
        )
        p01 = assess_year(tiny_office(TEN), records, YEAR, policy=SIMPLE).outcome("p01")
        assert (p01.ungraded, p01.rules) == (Ungraded.PROBATION, ("A1", "A3", "A5"))

    def test_a_weighed_quarter_counts_its_own_score_not_the_routine_mean(self) -> None:
        """Weights on ``q4``: the fourth quarter's score (90), not the year's mean (67.5)."""
        policy = AnnualPolicy(
            weights=Weights({"democratic": 0.5, "q4": 0.5}), routine=SIMPLE_ROUTINE
        )
        quarterly = {1: 60.0, 2: 60.0, 3: 60.0, 4: 90.0}
        records = AssessmentRecords(
            quarter_scores=[
                QuarterScores(staff_id=p, year=YEAR, quarter=q, scores={"panel": s})
                for p in TEN
                for q, s in quarterly.items()
            ],
            annual_scores=[
                AnnualScores(staff_id=p, year=YEAR, scores={"democratic": 80.0}) for p in TEN
            ],
        )
        result = assess_year(tiny_office(TEN), records, YEAR, policy=policy)
        assert result.outcome("p01").composite == 85.0

    def test_scores_on_the_ends_of_the_scale_are_accepted(self) -> None:
        """The scale is closed: 0 and 100 are valid annual scores."""
        records = AssessmentRecords(
            quarter_scores=quarter_records(TEN),
            annual_scores=[
                AnnualScores(staff_id=p, year=YEAR, scores={"democratic": s})
                for p, s in dict(TEN, p01=0.0, p02=100.0).items()
            ],
        )
        result = assess_year(tiny_office(TEN), records, YEAR, policy=SIMPLE)
        assert (result.outcome("p01").composite, result.outcome("p02").composite) == (40.0, 90.0)


def test_an_outcome_built_by_hand_has_no_good_quarters_and_no_quota_marks() -> None:
    """AnnualOutcome's defaults: 0 好 quarters, no routine mean, neither capped, tied nor barred."""
    from jiguan_core.assessment import AnnualOutcome

    outcome = AnnualOutcome(
        staff_id="p01",
        year=YEAR,
        composite=None,
        breakdown=(),
        grade=None,
        ungraded=Ungraded.EXEMPT,
        rank=None,
        rules=("A1",),
    )
    assert (outcome.good_quarters, outcome.routine_mean) == (0, None)
    assert (outcome.capped, outcome.tied, outcome.barred) == (False, False, False)
