"""A report's score in JSON: the sign its text shows, and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core import from_dict, from_json, to_dict, to_json
from jiguan_core.errors import JiguanError
from jiguan_core.rules.report import Score

penalties = st.integers(min_value=0, max_value=10_000)


@given(hard=penalties, medium=penalties, soft=penalties)
def test_a_score_in_json_has_the_numbers_its_text_shows(hard: int, medium: int, soft: int) -> None:
    """`-3hard/-1medium/0soft` is `{"hard": -3, "medium": -1, "soft": 0}`, and reads back equal."""
    score = Score(hard=hard, medium=medium, soft=soft)
    data = to_dict(score)
    assert data["text"] == str(score) == f"{-hard}hard/{-medium}medium/{-soft}soft"
    assert (data["hard"], data["medium"], data["soft"]) == (-hard, -medium, -soft)
    assert from_dict(Score, data) == score
    assert from_json(Score, to_json(score)) == score


def test_a_score_without_its_levels_is_refused_naming_it() -> None:
    """A score object missing `soft` is a clear error, not a KeyError."""
    with pytest.raises(JiguanError, match="score"):
        Score.from_data({"hard": 0, "medium": 0})
