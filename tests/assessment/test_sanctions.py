"""Sanction periods at their edges (REGULATIONS.md §4, S1-S4), and what they do to a year's grade
(A6, A7): first and last day, the day after, December ends, leap days, year boundaries.

Every expected date below is worked out by hand from the regulation's words: S1 "警告 6 months,
记过 12, 记大过 18, 降级/撤职 24", S4 "party 警告 1 year, 严重警告 1.5 years", S3 "period = time left
on the old one + the new period"; a period is half-open [decision day, end).
"""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.assessment import (
    Grade,
    RoutineGrade,
    Sanction,
    SanctionKind,
    SanctionPeriod,
    Ungraded,
    assess_year,
    sanction_periods,
)
from jiguan_core.assessment.sanctions import add_months
from jiguan_core.errors import JiguanError
from tests.strategies_assessment import SIMPLE, YEAR, tiny_office, year_records

D = dt.date
K = SanctionKind


def _period(kind: SanctionKind, start: dt.date, person: str = "p01") -> SanctionPeriod:
    (period,) = sanction_periods([Sanction(staff_id=person, kind=kind, start=start)])
    return period


class TestTheLengthOfEachPeriod:
    @pytest.mark.parametrize(
        ("kind", "start", "end"),
        [
            # S1, in months from the decision day to the same day of the month
            (K.WARNING, D(2025, 6, 10), D(2025, 12, 10)),  # ends in December
            (K.WARNING, D(2025, 7, 1), D(2026, 1, 1)),  # ends on New Year's day
            (K.WARNING, D(2025, 12, 31), D(2026, 6, 30)),  # 31 Dec + 6 months: 30 June
            (K.WARNING, D(2023, 8, 31), D(2024, 2, 29)),  # into a leap February
            (K.WARNING, D(2024, 8, 31), D(2025, 2, 28)),  # into a common February
            (K.DEMERIT, D(2025, 1, 31), D(2026, 1, 31)),
            (K.DEMERIT, D(2024, 2, 29), D(2025, 2, 28)),  # from a leap day
            (K.DEMERIT, D(2025, 12, 1), D(2026, 12, 1)),  # December to December
            (K.MAJOR_DEMERIT, D(2024, 7, 1), D(2026, 1, 1)),
            (K.MAJOR_DEMERIT, D(2025, 6, 15), D(2026, 12, 15)),
            (K.DEMOTION, D(2024, 2, 29), D(2026, 2, 28)),
            (K.REMOVAL, D(2023, 12, 31), D(2025, 12, 31)),
            # S4: party sanctions
            (K.PARTY_WARNING, D(2025, 12, 1), D(2026, 12, 1)),
            (K.PARTY_SERIOUS_WARNING, D(2025, 6, 30), D(2026, 12, 30)),
            (K.PARTY_SERIOUS_WARNING, D(2024, 8, 29), D(2026, 2, 28)),
        ],
    )
    def test_a_period_runs_its_months_from_the_decision_day(
        self, kind: SanctionKind, start: dt.date, end: dt.date
    ) -> None:
        period = _period(kind, start)
        assert (period.start, period.end) == (start, end)
        assert period.carried_days == 0

    @pytest.mark.parametrize(
        ("day", "months", "expected"),
        [
            (D(2025, 1, 15), 0, D(2025, 1, 15)),
            (D(2025, 1, 15), 11, D(2025, 12, 15)),
            (D(2025, 1, 15), 12, D(2026, 1, 15)),
            (D(2025, 12, 15), 1, D(2026, 1, 15)),
            (D(2025, 11, 30), 1, D(2025, 12, 30)),
            (D(2025, 1, 31), 1, D(2025, 2, 28)),
            (D(2024, 1, 31), 1, D(2024, 2, 29)),
            (D(2025, 3, 31), -1, D(2025, 2, 28)),
            (D(2025, 1, 15), -1, D(2024, 12, 15)),
            (D(2025, 6, 10), 30, D(2027, 12, 10)),
        ],
    )
    def test_whole_months_land_on_the_same_day_or_the_months_last(
        self, day: dt.date, months: int, expected: dt.date
    ) -> None:
        assert add_months(day, months) == expected

    def test_the_months_of_a_kind_are_parameters_of_s1_and_s4(self) -> None:
        sanctions = [
            Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 1, 10)),
            Sanction(staff_id="p02", kind=K.PARTY_WARNING, start=D(2025, 1, 10)),
        ]
        warning, party = sanction_periods(
            sanctions, overrides={"S1": {"warning": 3}, "S4": {"party_warning": 9}}
        )
        assert warning.end == D(2025, 4, 10)
        assert party.end == D(2025, 10, 10)


class TestTheHalfOpenPeriod:
    def test_the_decision_day_is_inside_and_the_end_day_is_not(self) -> None:
        period = _period(K.WARNING, D(2025, 6, 10))  # [2025-06-10, 2025-12-10)
        assert not period.covers(D(2025, 6, 9))
        assert period.covers(D(2025, 6, 10))
        assert period.covers(D(2025, 12, 9))
        assert not period.covers(D(2025, 12, 10))

    @pytest.mark.parametrize(
        ("start", "end", "years"),
        [
            (D(2023, 6, 1), D(2024, 6, 1), {2023, 2024}),
            (D(2024, 1, 1), D(2025, 1, 1), {2024}),  # ends as 2025 begins: not in 2025
            (D(2024, 12, 31), D(2025, 1, 1), {2024}),  # one day, the last of the year
            (D(2025, 1, 1), D(2025, 1, 2), {2025}),  # one day, the first of the year
            (D(2023, 12, 31), D(2026, 1, 1), {2023, 2024, 2025}),
        ],
    )
    def test_a_period_overlaps_exactly_the_years_it_has_days_in(
        self, start: dt.date, end: dt.date, years: set[int]
    ) -> None:
        period = SanctionPeriod(staff_id="p01", kind=K.DEMERIT, start=start, end=end)
        assert {y for y in range(2020, 2030) if period.overlaps_year(y)} == years

    def test_a_period_cites_s1_or_s4_and_s3_only_when_it_carries_days(self) -> None:
        plain = SanctionPeriod(
            staff_id="p01", kind=K.DEMERIT, start=D(2025, 1, 1), end=D(2026, 1, 1)
        )
        party = SanctionPeriod(
            staff_id="p01", kind=K.PARTY_WARNING, start=D(2025, 1, 1), end=D(2026, 1, 1)
        )
        carried = SanctionPeriod(
            staff_id="p01", kind=K.DEMERIT, start=D(2025, 1, 1), end=D(2026, 1, 2), carried_days=1
        )
        assert plain.carried_days == 0
        assert plain.rule_ids == ("S1",)
        assert party.rule_ids == ("S4",)
        assert carried.rule_ids == ("S1", "S3")

    def test_a_period_is_built_with_keywords_only(self) -> None:
        with pytest.raises(TypeError):
            SanctionPeriod("p01", K.DEMERIT, D(2025, 1, 1), D(2026, 1, 1))  # type: ignore[misc]


class TestS3ANewSanctionDuringARunningPeriod:
    def test_an_uninterrupted_period_carries_nothing(self) -> None:
        first, second = sanction_periods(
            [
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2024, 1, 10)),
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 1, 10)),  # after the end
            ]
        )
        assert (first.end, first.carried_days, first.rule_ids) == (D(2024, 7, 10), 0, ("S1",))
        assert (second.end, second.carried_days, second.rule_ids) == (D(2025, 7, 10), 0, ("S1",))

    def test_a_sanction_decided_on_the_old_periods_end_day_carries_nothing(self) -> None:
        first, second = sanction_periods(
            [
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 1, 10)),
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 7, 10)),
            ]
        )
        assert first.end == D(2025, 7, 10)
        assert (second.end, second.carried_days) == (D(2026, 1, 10), 0)

    def test_a_sanction_decided_the_day_before_the_end_carries_one_day(self) -> None:
        first, second = sanction_periods(
            [
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 1, 10)),
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 7, 9)),
            ]
        )
        assert first.end == D(2025, 7, 9)  # the old period ends on the new decision day
        assert (second.end, second.carried_days) == (D(2026, 1, 10), 1)
        assert second.rule_ids == ("S1", "S3")

    def test_three_successive_sanctions_carry_their_remainders_forward(self) -> None:
        """警告 2025-01-01 (to 07-01); 警告 03-01 (122 days left + 6 months: to 2026-01-01);
        记过 06-01 (214 days left + 12 months: 2026-06-01 + 214 days = 2027-01-01)."""
        periods = sanction_periods(
            [
                Sanction(staff_id="p01", kind=K.DEMERIT, start=D(2025, 6, 1)),
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 1, 1)),
                Sanction(staff_id="p01", kind=K.WARNING, start=D(2025, 3, 1)),
            ]
        )
        last = periods[-1]
        assert (last.kind, last.start, last.end) == (K.DEMERIT, D(2025, 6, 1), D(2027, 1, 1))
        assert last.carried_days == 214
        assert last.rule_ids == ("S1", "S3")
        covered = {
            D(2025, 1, 1) + dt.timedelta(days=i)
            for i in range(800)
            if any(p.covers(D(2025, 1, 1) + dt.timedelta(days=i)) for p in periods)
        }
        assert min(covered) == D(2025, 1, 1)
        assert max(covered) == D(2026, 12, 31)
        assert len(covered) == (D(2027, 1, 1) - D(2025, 1, 1)).days  # no gap anywhere

    def test_two_peoples_sanctions_never_combine(self) -> None:
        periods = sanction_periods(
            [
                Sanction(staff_id="p01", kind=K.DEMERIT, start=D(2024, 3, 1)),
                Sanction(staff_id="p02", kind=K.WARNING, start=D(2024, 12, 1)),
            ]
        )
        by_person = {p.staff_id: p for p in periods}
        assert by_person["p01"].end == D(2025, 3, 1)
        assert by_person["p02"].end == D(2025, 6, 1)
        assert by_person["p02"].carried_days == 0

    def test_a_party_sanction_and_a_government_sanction_do_not_combine(self) -> None:
        """S3 is a rule of 政务处分; party discipline (S4) runs its own periods."""
        periods = sanction_periods(
            [
                Sanction(staff_id="p01", kind=K.DEMERIT, start=D(2025, 1, 1)),
                Sanction(staff_id="p01", kind=K.PARTY_WARNING, start=D(2025, 3, 1)),
                Sanction(staff_id="p01", kind=K.PARTY_SERIOUS_WARNING, start=D(2025, 6, 1)),
            ]
        )
        ends = {p.kind: (p.end, p.carried_days) for p in periods}
        assert ends[K.DEMERIT] == (D(2026, 1, 1), 0)
        assert ends[K.PARTY_WARNING] == (D(2026, 3, 1), 0)
        assert ends[K.PARTY_SERIOUS_WARNING] == (D(2026, 12, 1), 0)


def _year(sanctions: list[Sanction]):  # type: ignore[no-untyped-def]
    """Five people, p01 first by a distance (one 优秀 place at 20%)."""
    scores = {"p01": 95.0, "p02": 80.0, "p03": 80.0, "p04": 80.0, "p05": 80.0}
    records = year_records(scores, sanctions=sanctions)
    return assess_year(tiny_office(scores), records, YEAR, policy=SIMPLE).outcome("p01")


class TestWhatAPeriodDoesToTheAssessedYear:
    def test_without_a_sanction_the_first_is_excellent(self) -> None:
        assert _year([]).grade is Grade.EXCELLENT

    def test_a_demerit_that_ended_before_the_year_leaves_grading_alone(self) -> None:
        """记过 2023-12-31 runs to 2024-12-31: not a day of 2025."""
        outcome = _year([Sanction(staff_id="p01", kind=K.DEMERIT, start=D(2023, 12, 31))])
        assert outcome.grade is Grade.EXCELLENT
        assert outcome.ungraded is None
        assert "A7" not in outcome.rules

    def test_a_demerit_running_into_the_years_first_day_makes_it_ungraded(self) -> None:
        """记过 2024-01-02 runs to 2025-01-02: 1 January 2025 is in the period (A7)."""
        outcome = _year([Sanction(staff_id="p01", kind=K.DEMERIT, start=D(2024, 1, 2))])
        assert outcome.grade is None
        assert outcome.ungraded is Ungraded.HEAVY_SANCTION
        assert "A7" in outcome.rules

    def test_a_demerit_decided_on_the_years_last_day_makes_it_ungraded(self) -> None:
        outcome = _year([Sanction(staff_id="p01", kind=K.DEMERIT, start=D(YEAR, 12, 31))])
        assert outcome.ungraded is Ungraded.HEAVY_SANCTION

    def test_a_demerit_decided_the_next_new_years_day_leaves_the_year_alone(self) -> None:
        outcome = _year([Sanction(staff_id="p01", kind=K.DEMERIT, start=D(YEAR + 1, 1, 1))])
        assert outcome.grade is Grade.EXCELLENT

    def test_a_warning_decided_in_the_year_bars_excellent_but_grades(self) -> None:
        """A6: a 警告 in the year: 称职 at best, graded all the same."""
        outcome = _year([Sanction(staff_id="p01", kind=K.WARNING, start=D(YEAR, 12, 31))])
        assert outcome.grade is Grade.COMPETENT
        assert outcome.barred
        assert "A6" in outcome.rules

    def test_a_warning_decided_the_year_before_leaves_the_year_alone(self) -> None:
        """警告 2024-12-31 runs into 2025, but A6 speaks of a 警告 decided in the year."""
        outcome = _year([Sanction(staff_id="p01", kind=K.WARNING, start=D(YEAR - 1, 12, 31))])
        assert outcome.grade is Grade.EXCELLENT
        assert not outcome.barred


class TestGradesAndReasons:
    def test_the_annual_grades_rank_best_first(self) -> None:
        assert [g.rank for g in Grade] == [0, 1, 2, 3]
        assert [g.zh for g in sorted(Grade, key=lambda g: g.rank)] == [
            "优秀",
            "称职",
            "基本称职",
            "不称职",
        ]

    def test_competent_or_better_is_excellent_and_competent_only(self) -> None:
        """A10 and A12 count 称职 or better: 优秀 and 称职, never 基本称职 or 不称职."""
        assert {g for g in Grade if g.is_competent_or_better} == {
            Grade.EXCELLENT,
            Grade.COMPETENT,
        }

    def test_the_routine_grades_rank_best_first(self) -> None:
        assert {g.zh: g.rank for g in RoutineGrade} == {"好": 0, "较好": 1, "一般": 2, "较差": 3}

    @pytest.mark.parametrize(
        ("reason", "rule_id"),
        [
            (Ungraded.PROBATION, "A3"),
            (Ungraded.LONG_LEAVE, "A4"),
            (Ungraded.UNDER_INVESTIGATION, "A5"),
            (Ungraded.HEAVY_SANCTION, "A7"),
            (Ungraded.NOT_EMPLOYED, "A1"),
            (Ungraded.EXEMPT, "A1"),
        ],
    )
    def test_each_ungraded_reason_cites_the_rule_that_says_so(
        self, reason: Ungraded, rule_id: str
    ) -> None:
        assert reason.rule_id == rule_id


class TestBadPeriodInput:
    def test_an_unknown_sanction_kind_in_the_overrides_is_refused(self) -> None:
        with pytest.raises(JiguanError):
            sanction_periods([], overrides={"S1": {"reprimand": 3}})


class TestS3KeepsTheHeavierSanctionsEffects:
    def test_a_later_warning_does_not_lighten_a_running_demerit(self) -> None:
        """记过 2024-03-01 alone leaves 2025 ungraded (A7: it runs to 2025-03-01). A 警告 decided
        on 2024-12-01 adds its 6 months to the 90 days left (S3: to 2025-08-30); the 记过's
        effects still run to 2025-03-01, so 2025 stays ungraded."""
        alone = [Sanction(staff_id="p01", kind=K.DEMERIT, start=D(2024, 3, 1))]
        both = [*alone, Sanction(staff_id="p01", kind=K.WARNING, start=D(2024, 12, 1))]
        assert _year(alone).ungraded is Ungraded.HEAVY_SANCTION
        assert _year(both).ungraded is Ungraded.HEAVY_SANCTION
        periods = sanction_periods(both)
        assert max(p.end for p in periods) == D(2025, 8, 30)
        assert min(p.start for p in periods) == D(2024, 3, 1)
