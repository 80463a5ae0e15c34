"""Policies: weights, thresholds, quotas and overrides."""

from __future__ import annotations

import pytest

from jiguan_core.assessment import (
    AnnualPolicy,
    AnnualScores,
    AssessmentRecords,
    QuarterScores,
    Rounding,
    RoutinePolicy,
    Weights,
    assess_quarter,
    assess_year,
)
from jiguan_core.assessment.policy import quota
from jiguan_core.errors import JiguanError
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
