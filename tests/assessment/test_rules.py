"""One tiny example per rule id of REGULATIONS.md §2-§4 (and §6), table-driven."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from jiguan_core.assessment import (
    ASSESSMENT_CATALOGUE,
    AnnualPolicy,
    ConsequenceKind,
    Grade,
    Investigation,
    LeaveRecord,
    Probation,
    ProtectedKind,
    ProtectedPeriod,
    RoutineGrade,
    Sanction,
    SanctionKind,
    Ungraded,
    YearOutcome,
    assess_quarter,
    assess_year,
    award_eligibility,
    consequences,
    excellent_publicity,
    routine_timetable,
    sanction_periods,
)
from jiguan_core.assessment.policy import Weights
from jiguan_core.assessment.records import AssessmentRecords, AwardKind
from jiguan_core.staff import Level
from tests.strategies_assessment import (
    SIMPLE,
    SIMPLE_ROUTINE,
    YEAR,
    quarter_records,
    tiny_office,
    year_records,
)

D = dt.date


def _year(scores: dict[str, float], policy: AnnualPolicy = SIMPLE, **extra: object):  # type: ignore[no-untyped-def]
    return assess_year(tiny_office(scores), year_records(scores, **extra), YEAR, policy=policy)


def _history(
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


def _kinds(history: list[YearOutcome], year: int, **kw: object) -> set[ConsequenceKind]:
    return {c.kind for c in consequences(history, **kw) if c.year == year}  # type: ignore[arg-type]


E, C, B, N = (
    Grade.EXCELLENT,
    Grade.COMPETENT,
    Grade.BASICALLY_COMPETENT,
    Grade.INCOMPETENT,
)


def a1() -> None:
    result = _year({"p01": 95, "p02": 80, "p03": 65, "p04": 50, "p05": 88})
    grades = [result.outcome(p).grade for p in ("p01", "p02", "p03", "p04")]
    assert grades == [E, C, B, N]


def a2() -> None:
    scores = {f"p{i:02d}": 90.0 + i for i in range(1, 11)}  # ten people, all above the line
    result = _year(scores)
    assert result.quota.places == 2
    assert result.count(E) == 2
    approved = AnnualPolicy(
        weights=SIMPLE.weights, routine=SIMPLE_ROUTINE, approved=True
    )  # 25% of 10, floor
    assert _year(scores, approved).count(E) == 2
    ceil = AnnualPolicy(
        weights=SIMPLE.weights, routine=SIMPLE_ROUTINE, approved=True, rounding="ceil"
    )
    assert _year(scores, ceil).count(E) == 3


def a3() -> None:
    result = _year(
        {"p01": 95, "p02": 80},
        probations=[Probation(staff_id="p01", start=D(2025, 9, 1), end=D(2026, 9, 1))],
    )
    assert result.outcome("p01").ungraded is Ungraded.PROBATION
    assert "A3" in result.outcome("p01").rules


def a4() -> None:
    result = _year(
        {"p01": 95, "p02": 80},
        leave=[
            LeaveRecord(staff_id="p01", year=YEAR, sick_days=150, personal_days=33),
            LeaveRecord(staff_id="p02", year=YEAR, sick_days=182),
        ],
    )
    assert result.outcome("p01").ungraded is Ungraded.LONG_LEAVE  # 183 > 182.5
    assert result.outcome("p02").grade is C  # 182 days is not over half


def a5() -> None:
    open_case = [Investigation(staff_id="p01", opened=D(2025, 11, 1))]
    closed = [Investigation(staff_id="p01", opened=D(2025, 5, 1), closed=D(2025, 12, 1))]
    assert _year({"p01": 95, "p02": 80}, investigations=open_case).outcome("p01").ungraded is (
        Ungraded.UNDER_INVESTIGATION
    )
    five = {"p01": 95.0, "p02": 80.0, "p03": 80.0, "p04": 80.0, "p05": 80.0}  # one place
    assert _year(five, investigations=closed).outcome("p01").grade is E


def a6() -> None:
    result = _year(
        {"p01": 95, "p02": 80},
        sanctions=[Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 3, 1))],
    )
    outcome = result.outcome("p01")
    assert outcome.grade is C
    assert outcome.barred
    assert "A6" in outcome.rules


def a7() -> None:
    extra = {
        "sanctions": [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2024, 6, 1))]
    }
    assert _year({"p01": 95, "p02": 80}, **extra).outcome("p01").ungraded is Ungraded.HEAVY_SANCTION
    graded = AnnualPolicy(
        weights=SIMPLE.weights, routine=SIMPLE_ROUTINE, heavy_sanction_ungraded=False
    )
    outcome = _year({"p01": 95, "p02": 80}, graded, **extra).outcome("p01")
    assert outcome.grade is C
    assert outcome.barred


def a8() -> None:
    kinds = _kinds(_history([E]), 2021)
    assert {ConsequenceKind.COMMENDATION, ConsequenceKind.TIME_IN_RANK_SHORTENED} <= kinds


def a9() -> None:
    assert ConsequenceKind.THIRD_CLASS_MERIT in _kinds(_history([E, E, E]), 2023)
    assert ConsequenceKind.THIRD_CLASS_MERIT not in _kinds(_history([E, None, E, E]), 2024)


def a10() -> None:
    history = _history([C, B, C, C, E, C, C])
    steps = [c.year for c in consequences(history) if c.kind is ConsequenceKind.PAY_STEP]
    grades = [c.year for c in consequences(history) if c.kind is ConsequenceKind.SALARY_GRADE]
    assert steps == [2023, 2025, 2027]  # the 基本称职 year 2022 does not count
    assert grades == [2026]


def a11() -> None:
    kinds = _kinds(_history([B]), 2021)
    assert {
        ConsequenceKind.ADMONITION,
        ConsequenceKind.YEAR_NOT_COUNTED,
        ConsequenceKind.NO_BONUS,
    } <= kinds


def a12() -> None:
    assert ConsequenceKind.BONUS in _kinds(_history([E]), 2021)
    assert ConsequenceKind.BONUS in _kinds(_history([C]), 2021)
    assert ConsequenceKind.BONUS not in _kinds(_history([B]), 2021)
    assert ConsequenceKind.BONUS not in _kinds(_history([N]), 2021)


def a13() -> None:
    office = tiny_office(["p01"], level=Level.SECTION_DEPUTY)
    found = [
        c for c in consequences(_history([N]), office=office) if c.kind is ConsequenceKind.DEMOTION
    ]
    assert len(found) == 1
    assert found[0].detail is not None
    assert "科员" in found[0].detail.zh


def a14() -> None:
    assert ConsequenceKind.DISMISSAL in _kinds(_history([N, N]), 2022)
    assert ConsequenceKind.DISMISSAL not in _kinds(_history([N, None, N]), 2023)
    nursing = [
        ProtectedPeriod(
            staff_id="p01", kind=ProtectedKind.NURSING, start=D(2022, 3, 1), end=D(2023, 3, 1)
        )
    ]
    kinds = _kinds(_history([N, N]), 2022, protected=nursing)
    assert ConsequenceKind.DISMISSAL not in kinds
    assert ConsequenceKind.DISMISSAL_WITHHELD in kinds


def a15() -> None:
    result = _year({"p01": 95, "p02": 80})
    start, end = excellent_publicity(result, posted_on=D(2026, 2, 13))  # Friday before 春节
    assert (start, end) == (D(2026, 2, 13), D(2026, 2, 27))  # 14 Feb (Saturday) is worked
    with pytest.raises(ValueError, match="A15"):
        AnnualPolicy(publicity_working_days=3)


def r1() -> None:
    table = routine_timetable(2025, 3, scored_on=D(2025, 10, 8))
    assert table.publicity_start == D(2025, 10, 9)  # 8 October 2025 is a holiday (国庆)
    assert table.publicity_end == D(2025, 10, 13)  # Saturday 11 October is a working day
    with pytest.raises(ValueError, match="R1"):
        routine_timetable(2025, 3, scored_on=D(2025, 11, 3))


def r2() -> None:
    scores = {"p01": 95, "p02": 85, "p03": 70, "p04": 50, "p05": 60}
    office = tiny_office(scores)
    records = AssessmentRecords(quarter_scores=quarter_records(scores))
    result = assess_quarter(office, records, YEAR, 1, policy=SIMPLE_ROUTINE)
    grades = [result.outcome(p).grade for p in ("p01", "p02", "p03", "p04")]
    assert grades == [
        RoutineGrade.GOOD,
        RoutineGrade.FAIRLY_GOOD,
        RoutineGrade.AVERAGE,
        RoutineGrade.POOR,
    ]


def r3() -> None:
    scores = {f"p{i:02d}": 90.0 + i / 2 for i in range(1, 11)}
    records = AssessmentRecords(quarter_scores=quarter_records(scores))
    result = assess_quarter(tiny_office(scores), records, YEAR, 2, policy=SIMPLE_ROUTINE)
    assert result.good_places == 4
    assert result.count(RoutineGrade.GOOD) == 4
    assert result.outcome("p01").capped
    assert result.outcome("p01").grade is RoutineGrade.FAIRLY_GOOD


def r4() -> None:
    scheme = AnnualPolicy(
        weights=Weights({"democratic": 0.2, "routine": 0.8}), routine=SIMPLE_ROUTINE
    )
    office = tiny_office(["p01", "p02"])
    records = AssessmentRecords(
        quarter_scores=quarter_records({"p01": 90.0, "p02": 80.0}),
        annual_scores=[
            *year_records({"p01": 60.0, "p02": 60.0}).annual_scores,
        ],
    )
    outcome = assess_year(office, records, YEAR, policy=scheme).outcome("p01")
    assert outcome.composite == pytest.approx(0.2 * 60 + 0.8 * 90)
    assert [name for name, _, _ in outcome.breakdown] == ["democratic", "routine"]


def s1() -> None:
    periods = sanction_periods(
        [
            Sanction(staff_id=f"p0{i}", kind=k, start=D(2025, 1, 31))
            for i, k in enumerate(SanctionKind)
        ]
    )
    ends = {p.kind: p.end for p in periods}
    assert ends[SanctionKind.WARNING] == D(2025, 7, 31)
    assert ends[SanctionKind.DEMERIT] == D(2026, 1, 31)
    assert ends[SanctionKind.MAJOR_DEMERIT] == D(2026, 7, 31)
    assert ends[SanctionKind.DEMOTION] == ends[SanctionKind.REMOVAL] == D(2027, 1, 31)


def s2() -> None:
    demerit = sanction_periods(
        [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2021, 6, 1))]
    )
    kinds = _kinds(_history([C, C]), 2022, periods=demerit)
    assert ConsequenceKind.PAY_STEP in kinds  # the period ended in June 2022
    kinds = _kinds(_history([C, C]), 2021, periods=demerit)
    assert ConsequenceKind.NO_PROMOTION in kinds
    late = sanction_periods(
        [Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2022, 6, 1))]
    )
    kinds = _kinds(_history([C, C, C]), 2022, periods=late)
    assert ConsequenceKind.PAY_STEP_DEFERRED in kinds
    assert ConsequenceKind.PAY_STEP not in kinds
    assert ConsequenceKind.PAY_STEP in _kinds(_history([C, C, C]), 2023, periods=late)


def s3() -> None:
    periods = sanction_periods(
        [
            Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2025, 1, 1)),
            Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 10, 1)),
        ]
    )
    first, second = periods
    # The heavier 记过 keeps running to its own end: the later 警告 must not lighten it.
    assert first.end == D(2026, 1, 1)
    assert second.carried_days == (D(2026, 1, 1) - D(2025, 10, 1)).days
    assert second.end == D(2026, 4, 1) + dt.timedelta(days=second.carried_days)
    # A heavier later sanction takes over from its decision day.
    warning, demerit = sanction_periods(
        [
            Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 1, 1)),
            Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=D(2025, 3, 1)),
        ]
    )
    assert warning.end == D(2025, 3, 1)
    assert demerit.end == D(2026, 3, 1) + (D(2025, 7, 1) - D(2025, 3, 1))


def s4() -> None:
    periods = sanction_periods(
        [
            Sanction(staff_id="p01", kind=SanctionKind.PARTY_WARNING, start=D(2025, 3, 1)),
            Sanction(staff_id="p02", kind=SanctionKind.PARTY_SERIOUS_WARNING, start=D(2025, 3, 1)),
        ]
    )
    assert [p.end for p in periods] == [D(2026, 3, 1), D(2026, 9, 1)]
    assert ConsequenceKind.NO_PROMOTION in _kinds(_history([C], start=2025), 2025, periods=periods)


def w1() -> None:
    assert [k.zh for k in AwardKind][:5] == ["嘉奖", "记三等功", "记二等功", "记一等功", "授予称号"]


def w2() -> None:
    periods = sanction_periods(
        [Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=D(2025, 10, 1))]
    )
    history = _history([C], start=2025) + _history([B], person="p02", start=2025)
    found = award_eligibility(
        ["p01", "p02"], year=2025, on=D(2026, 1, 10), history=history, periods=periods
    )
    assert [e.eligible for e in found] == [False, False]
    assert found[0].reasons[0][0] == "W2"
    assert "警告" in found[0].reasons[0][1].zh
    assert "基本称职" in found[1].reasons[0][1].zh


CASES: dict[str, Callable[[], None]] = {
    "A1": a1, "A2": a2, "A3": a3, "A4": a4, "A5": a5, "A6": a6, "A7": a7, "A8": a8, "A9": a9,
    "A10": a10, "A11": a11, "A12": a12, "A13": a13, "A14": a14, "A15": a15,
    "R1": r1, "R2": r2, "R3": r3, "R4": r4,
    "S1": s1, "S2": s2, "S3": s3, "S4": s4,
    "W1": w1, "W2": w2,
}  # fmt: skip


@pytest.mark.parametrize("rule_id", list(CASES))
def test_each_rule_behaves_as_its_example_says(rule_id: str) -> None:
    """The tiny example of the rule gives the result the regulation prescribes."""
    CASES[rule_id]()  # weak-tests: each case asserts the regulation's result itself


def test_every_rule_id_of_sections_2_to_4_and_6_has_an_example() -> None:
    """A1-A15, R1-R4, S1-S4, W1-W2 each have a case in the table."""
    wanted = [f"A{i}" for i in range(1, 16)] + [f"R{i}" for i in range(1, 5)]
    wanted += [f"S{i}" for i in range(1, 5)] + ["W1", "W2"]
    assert sorted(CASES) == sorted(wanted)


def test_every_rule_id_is_in_the_catalogue() -> None:
    """Each regulation id is cited by at least one catalogue rule."""
    cited = {s for rule in ASSESSMENT_CATALOGUE.values() for s in rule.info.sources}
    assert set(CASES) <= cited
