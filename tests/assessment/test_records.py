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
