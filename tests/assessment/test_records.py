"""Assessment records refuse what cannot be a record (R1 quarters)."""

from __future__ import annotations

import pytest

from jiguan_core.assessment import QuarterScores
from jiguan_core.errors import InvalidValue


@pytest.mark.parametrize("quarter", [0, 5, True, False])
def test_a_quarter_is_one_of_1_to_4_and_not_a_boolean(quarter: object) -> None:
    """``True == 1`` in Python, but a flag is not a quarter."""
    with pytest.raises(InvalidValue, match="quarter must be 1-4"):
        QuarterScores(staff_id="p01", year=2025, quarter=quarter, scores={"panel": 80.0})  # type: ignore[arg-type]


@pytest.mark.parametrize("quarter", [1, 4])
def test_the_first_and_the_last_quarter_are_accepted(quarter: int) -> None:
    assert (
        QuarterScores(staff_id="p01", year=2025, quarter=quarter, scores={"panel": 80.0}).quarter
        == quarter
    )


@pytest.mark.parametrize("score", [True, float("nan"), float("inf"), "80"])
def test_a_score_is_a_finite_number_and_not_a_boolean(score: object) -> None:
    with pytest.raises(InvalidValue, match="must be a finite number"):
        QuarterScores(staff_id="p01", year=2025, quarter=1, scores={"panel": score})  # type: ignore[dict-item]


def test_an_investigation_is_open_from_its_first_day_until_the_day_it_closes() -> None:
    """[opened, closed): open on the day it opens, closed on the day it closes (A5)."""
    import datetime as dt

    from jiguan_core.assessment import Investigation

    case = Investigation(staff_id="p01", opened=dt.date(2025, 3, 1), closed=dt.date(2025, 9, 1))
    days = (dt.date(2025, 2, 28), dt.date(2025, 3, 1), dt.date(2025, 8, 31), dt.date(2025, 9, 1))
    assert [case.is_open(day) for day in days] == [False, True, True, False]
