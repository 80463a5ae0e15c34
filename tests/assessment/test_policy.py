"""Policies: weights, thresholds, quotas and overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.assessment import (
    AnnualPolicy,
    AnnualScores,
    AssessmentRecords,
    Investigation,
    LeaveRecord,
    Probation,
    QuarterScores,
    Rounding,
    RoutinePolicy,
    Weights,
    assess_quarter,
    assess_year,
    sanction_periods,
)
from jiguan_core.assessment.policy import quota
from jiguan_core.assessment.sanctions import add_months
from jiguan_core.errors import InvalidValue, JiguanError, WrongType
from tests.strategies_assessment import YEAR, tiny_office


class TestWeights:
    def test_weights_that_do_not_sum_to_one_are_refused_with_their_values(self) -> None:
        """The error names the weights and their sum."""
        with pytest.raises(JiguanError, match=r"sum to 1, got 0\.9"):
            Weights({"democratic": 0.3, "routine": 0.3, "party_group": 0.3})

    def test_a_negative_weight_is_refused_by_name(self) -> None:
        """A negative weight is named in the message."""
        with pytest.raises(JiguanError, match="'routine'"):
            Weights({"democratic": 1.2, "routine": -0.2})

    def test_the_schemes_of_section_9_are_expressible(self) -> None:
        """Supervisor 20% + colleagues 40% + panel 40% for a quarter; 德能勤绩廉 15/10/30/30/15
        and four quarters 95% + leadership 5% for a year: each composite is its weighted sum."""
        raters = Weights({"supervisor": 0.2, "colleagues": 0.4, "panel": 0.4})
        routine = RoutinePolicy(rater_weights=raters)
        quarters = [
            QuarterScores(
                staff_id="p01",
                year=YEAR,
                quarter=q,
                scores={"supervisor": 90.0, "colleagues": 80.0, "panel": 70.0 + q},
            )
            for q in (1, 2, 3, 4)
        ]
        office = tiny_office(["p01"])
        (q1,) = assess_quarter(
            office, AssessmentRecords(quarter_scores=quarters), YEAR, 1, policy=routine
        ).outcomes
        assert q1.score == pytest.approx(0.2 * 90 + 0.4 * 80 + 0.4 * 71)  # 78.4

        virtues = {"de": 80.0, "neng": 90.0, "qin": 70.0, "ji": 100.0, "lian": 60.0}
        five = AnnualPolicy(
            weights=Weights({"de": 0.15, "neng": 0.10, "qin": 0.30, "ji": 0.30, "lian": 0.15}),
            routine=routine,
        )
        records = AssessmentRecords(
            quarter_scores=quarters,
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores=virtues)],
        )
        (outcome,) = assess_year(office, records, YEAR, policy=five).outcomes
        assert outcome.composite == pytest.approx(12 + 9 + 21 + 30 + 9)  # 81

        by_quarter = AnnualPolicy(
            weights=Weights(
                {"q1": 0.2375, "q2": 0.2375, "q3": 0.2375, "q4": 0.2375, "leadership": 0.05}
            ),
            routine=routine,
        )
        records = AssessmentRecords(
            quarter_scores=quarters,
            annual_scores=[AnnualScores(staff_id="p01", year=YEAR, scores={"leadership": 100.0})],
        )
        (outcome,) = assess_year(office, records, YEAR, policy=by_quarter).outcomes
        quarter_totals = [0.2 * 90 + 0.4 * 80 + 0.4 * (70 + q) for q in (1, 2, 3, 4)]
        assert outcome.composite == pytest.approx(0.2375 * sum(quarter_totals) + 5)

    def test_empty_or_duplicate_names_are_refused(self) -> None:
        """Weights need at least one unique name."""
        with pytest.raises(JiguanError):
            Weights({})
        with pytest.raises(JiguanError):
            Weights([("a", 0.5), ("a", 0.5)])


class TestQuota:
    @pytest.mark.parametrize(
        ("share", "base", "rounding", "expected"),
        [
            (0.2, 35, Rounding.FLOOR, 7),
            (0.2, 34, Rounding.FLOOR, 6),
            (0.2, 34, Rounding.CEIL, 7),
            (0.2, 32, Rounding.ROUND, 6),
            (0.25, 10, Rounding.ROUND, 3),
            (0.4, 0, Rounding.CEIL, 0),
        ],
    )
    def test_quota_rounds_the_exact_share(
        self, share: float, base: int, rounding: Rounding, expected: int
    ) -> None:
        """0.2 x 35 is exactly 7 places, whatever binary floating point says."""
        assert quota(share, base, rounding) == expected


class TestPolicies:
    def test_defaults_come_from_the_catalogue(self) -> None:
        """20% / 25%, floor, 40% 好 and the article's three components."""
        policy = AnnualPolicy()
        assert (policy.excellent_share, policy.approved_share, policy.rounding) == (
            0.2,
            0.25,
            Rounding.FLOOR,
        )
        assert policy.weights.names == ("democratic", "routine", "party_group")
        assert RoutinePolicy().good_share == 0.4

    def test_overrides_are_checked_against_the_rule_parameters(self) -> None:
        """An override of an unknown parameter or out of range fails by name."""
        assert AnnualPolicy.from_overrides({"A2": {"approved": True}}).share == 0.25
        with pytest.raises(JiguanError, match="colour"):
            AnnualPolicy.from_overrides({"A2": {"colour": 1}})
        with pytest.raises(JiguanError, match="share"):
            RoutinePolicy.from_overrides({"R3": {"share": 1.5}})
        with pytest.raises(JiguanError, match="T1"):
            AnnualPolicy.from_overrides({"T1": {}})

    def test_thresholds_must_descend_within_the_scale(self) -> None:
        """good_min below fairly_good_min is refused."""
        with pytest.raises(JiguanError, match="thresholds"):
            RoutinePolicy(good_min=70.0)
        with pytest.raises(JiguanError, match="thresholds"):
            AnnualPolicy(excellent_min=120.0)


def _check_error(error: JiguanError, builtin: type[Exception], field: str, value: object) -> None:
    """The error is also the matching built-in, names the field and value, in two languages."""
    assert isinstance(error, builtin)
    assert getattr(error, "field", None) == field
    assert getattr(error, "value", None) == value
    assert error.render("zh") != error.render("en")


class TestBadPolicyInput:
    def test_weights_given_as_a_list_of_numbers_are_a_wrong_type(self) -> None:
        """Weights([0.5, 0.5]) has no names: a WrongType (a TypeError too), not a bare one."""
        with pytest.raises(WrongType) as caught:
            Weights([0.5, 0.5])  # type: ignore[arg-type]
        _check_error(caught.value, TypeError, "weights", [0.5, 0.5])

    def test_a_share_given_as_text_is_a_wrong_type(self) -> None:
        """RoutinePolicy(good_share="0.5") names the field and the rule of the parameter."""
        with pytest.raises(WrongType, match=r"good_share.*rule R3") as caught:
            RoutinePolicy(good_share="0.5")  # type: ignore[arg-type]
        _check_error(caught.value, TypeError, "good_share", "0.5")

    def test_a_negative_publicity_window_is_refused(self) -> None:
        """RoutinePolicy(publicity_working_days=-3) is outside R1's range [1, 30]."""
        with pytest.raises(InvalidValue, match=r"\[1, 30\]") as caught:
            RoutinePolicy(publicity_working_days=-3)
        _check_error(caught.value, ValueError, "publicity_working_days", -3)

    @pytest.mark.parametrize(
        ("cls", "name"),
        [
            *[(RoutinePolicy, n) for n in ("average_min", "good_min", "good_share")],
            *[(RoutinePolicy, "publicity_working_days"), (AnnualPolicy, "approved_share")],
            *[(AnnualPolicy, n) for n in ("excellent_min", "excellent_share", "leave_share")],
        ],
    )
    @pytest.mark.parametrize("bad", [None, float("nan"), -1e9, "1"])
    def test_every_number_of_a_policy_is_checked_against_its_parameter(
        self, cls: type, name: str, bad: object
    ) -> None:
        """NaN, None and out-of-range values of every numeric policy field raise JiguanError
        naming the field."""
        with pytest.raises(JiguanError) as caught:
            cls(**{name: bad})
        assert name in caught.value.message_en

    def test_scores_of_none_are_a_wrong_type(self) -> None:
        """QuarterScores(scores=None) is a WrongType naming scores."""
        with pytest.raises(WrongType) as caught:
            QuarterScores(staff_id="p01", year=2025, quarter=1, scores=None)  # type: ignore[arg-type]
        _check_error(caught.value, TypeError, "scores", None)

    def test_negative_leave_is_refused(self) -> None:
        """LeaveRecord(sick_days=-10) is an InvalidValue; a third of a day too (half days)."""
        with pytest.raises(InvalidValue) as caught:
            LeaveRecord(staff_id="p01", year=2025, sick_days=-10)
        _check_error(caught.value, ValueError, "sick_days", -10)
        with pytest.raises(InvalidValue, match="half"):
            LeaveRecord(staff_id="p01", year=2025, personal_days=1.3)

    def test_an_unknown_override_key_of_sanction_periods_is_refused(self) -> None:
        """A misspelt rule id (S9) is named, not ignored; the overrides are left unchanged."""
        overrides = {"S9": {"warning": 3}}
        with pytest.raises(InvalidValue, match="S9") as caught:
            sanction_periods([], overrides=overrides)
        _check_error(caught.value, ValueError, "overrides", ["S9"])
        assert overrides == {"S9": {"warning": 3}}

    def test_adding_a_million_months_is_an_invalid_value(self) -> None:
        """add_months(day, 10**6) leaves the supported years: InvalidValue, not ValueError."""
        with pytest.raises(InvalidValue, match="1949-2200") as caught:
            add_months(dt.date(2025, 1, 31), 10**6)
        _check_error(caught.value, ValueError, "months", 10**6)

    def test_records_given_none_for_a_group_are_a_wrong_type(self) -> None:
        """AssessmentRecords(sanctions=None) names the group."""
        with pytest.raises(WrongType, match="sanctions"):
            AssessmentRecords(sanctions=None)  # type: ignore[arg-type]

    def test_periods_that_end_before_they_start_are_refused(self) -> None:
        """A probation ending before its start, an investigation closed before it opened."""
        with pytest.raises(InvalidValue, match="end"):
            Probation(staff_id="p01", start=dt.date(2025, 5, 1), end=dt.date(2025, 1, 1))
        with pytest.raises(InvalidValue, match="closed"):
            Investigation(staff_id="p01", opened=dt.date(2025, 5, 1), closed=dt.date(2025, 1, 1))


_FIVE = {"p01": 95.0, "p02": 80.0, "p03": 80.0, "p04": 80.0, "p05": 80.0}  # one 优秀 place


class TestTheOnePolicyDrivesTheAssessment:
    """The one jiguan_core.policy.Policy switches assessment rules off and sets their numbers."""

    def _warned(self, policy: object):  # type: ignore[no-untyped-def]
        import datetime as dt

        from jiguan_core.assessment import Sanction, SanctionKind, assess_year
        from tests.strategies_assessment import SIMPLE, YEAR, tiny_office, year_records

        records = year_records(
            _FIVE,
            sanctions=[
                Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=dt.date(2025, 3, 1))
            ],
        )
        view = AnnualPolicy.from_policy(
            policy,  # type: ignore[arg-type]
            weights=SIMPLE.weights,
            rater_weights=SIMPLE.routine.rater_weights,
        )
        return assess_year(tiny_office(_FIVE), records, YEAR, policy=view)

    def test_a_warning_bars_excellent_while_A6_is_on(self) -> None:
        """By default A6 holds: the warned top scorer is 称职, not 优秀."""
        from jiguan_core.assessment import Grade
        from jiguan_core.policy import Policy

        assert self._warned(Policy()).outcome("p01").grade is Grade.COMPETENT

    def test_an_office_that_switches_A6_off_grades_the_warned_person_on_merit(self) -> None:
        """With A6 disabled in the one Policy, the top scorer takes the one place."""
        from jiguan_core.assessment import Grade
        from jiguan_core.policy import Policy

        outcome = self._warned(Policy(disabled={"A6"})).outcome("p01")
        assert outcome.grade is Grade.EXCELLENT
        assert "A6" not in outcome.rules

    def test_the_policys_overrides_reach_the_annual_view(self) -> None:
        """A2's share and R3's share set in the one Policy arrive in the typed views."""
        from jiguan_core.policy import Policy

        policy = Policy(
            overrides={"A2": {"share": 0.3}, "R3": {"share": 0.5}, "SCHED-COORD-TRIPS": {"days": 9}}
        )
        annual = AnnualPolicy.from_policy(policy)
        assert annual.excellent_share == 0.3
        assert annual.routine.good_share == 0.5
        assert RoutinePolicy.from_policy(policy).good_share == 0.5

    def test_a_disabled_consequence_rule_has_no_consequence(self) -> None:
        """Switching A8 off: an 优秀 year no longer brings 嘉奖."""
        from jiguan_core.assessment import ConsequenceKind, Grade, YearOutcome, consequences
        from jiguan_core.policy import Policy

        history = [YearOutcome(staff_id="p01", year=2025, grade=Grade.EXCELLENT)]
        on = {c.kind for c in consequences(history, policy=Policy())}
        off = {c.kind for c in consequences(history, policy=Policy(disabled={"A8"}))}
        assert ConsequenceKind.COMMENDATION in on
        assert ConsequenceKind.COMMENDATION not in off

    def test_policy_and_overrides_together_are_refused(self) -> None:
        """One source of parameters per call."""
        from jiguan_core.assessment import consequences
        from jiguan_core.errors import InvalidValue
        from jiguan_core.policy import Policy

        with pytest.raises(InvalidValue, match="policy"):
            consequences([], policy=Policy(), overrides={})
