"""Award eligibility (W1, W2, A5) and honour counts, each condition at its edge."""

from __future__ import annotations

import datetime as dt

from jiguan_core.assessment import (
    AwardKind,
    Grade,
    Honour,
    HonourLevel,
    Investigation,
    Ungraded,
    YearOutcome,
    award_eligibility,
    honour_counts,
)

ON = dt.date(2026, 2, 15)


def _year(staff_id: str, grade: Grade | None) -> YearOutcome:
    return YearOutcome(
        staff_id=staff_id,
        year=2025,
        grade=grade,
        ungraded=None if grade else Ungraded.PROBATION,
    )


def _eligible(**kw: object) -> dict[str, bool]:
    found = award_eligibility(["p01", "p02"], year=2025, on=ON, **kw)  # type: ignore[arg-type]
    return {a.staff_id: a.eligible for a in found}


def test_the_minimum_grade_itself_is_enough_for_an_award() -> None:
    """W2's minimum is 称职 by default: 称职 qualifies, 基本称职 does not."""
    history = [_year("p01", Grade.COMPETENT), _year("p02", Grade.BASICALLY_COMPETENT)]
    assert _eligible(history=history) == {"p01": True, "p02": False}


def test_a_person_with_no_annual_result_is_told_so() -> None:
    (award,) = award_eligibility(["p01"], year=2025, on=ON, history=[])
    assert not award.eligible
    assert award.reasons[0][0] == "W2"
    assert award.reasons[0][1].en == "ungraded in 2025 (no annual result)"


def test_an_investigation_blocks_only_its_own_person_and_only_while_open() -> None:
    """A5: p02's open investigation does not touch p01; p01's closed one no longer counts."""
    history = [_year("p01", Grade.COMPETENT), _year("p02", Grade.COMPETENT)]
    investigations = [
        Investigation(staff_id="p01", opened=dt.date(2025, 3, 1), closed=dt.date(2025, 9, 1)),
        Investigation(staff_id="p02", opened=dt.date(2025, 10, 1)),
    ]
    assert _eligible(history=history, investigations=investigations) == {
        "p01": True,
        "p02": False,
    }


def _honour(
    day: dt.date,
    kind: AwardKind = AwardKind.ADVANCED_INDIVIDUAL,
    level: HonourLevel = HonourLevel.PROVINCIAL,
) -> Honour:
    return Honour(staff_id="p01", kind=kind, level=level, day=day)


def test_honours_are_counted_from_the_first_day_up_to_but_not_on_the_end_day() -> None:
    """[start, end): an honour on the start day counts, one on the end day does not."""
    honours = [_honour(dt.date(2024, 1, 1)), _honour(dt.date(2026, 1, 1))]
    counts = dict(honour_counts(honours, dt.date(2024, 1, 1), dt.date(2026, 1, 1)))
    assert counts[HonourLevel.PROVINCIAL] == 1


def test_honours_of_other_kinds_are_left_out_when_kinds_are_named() -> None:
    honours = [
        _honour(dt.date(2025, 5, 1)),
        _honour(dt.date(2025, 6, 1), kind=AwardKind.COMMENDATION, level=HonourLevel.MUNICIPAL),
    ]
    counts = dict(
        honour_counts(
            honours,
            dt.date(2025, 1, 1),
            dt.date(2026, 1, 1),
            kinds=[AwardKind.COMMENDATION],
        )
    )
    assert (counts[HonourLevel.PROVINCIAL], counts[HonourLevel.MUNICIPAL]) == (0, 1)
