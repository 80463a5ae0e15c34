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


def test_a_report_opens_with_its_score_and_count_in_the_language_asked() -> None:
    """The headline is Chinese for ``zh`` and Timefold-like English for ``en``."""
    from jiguan_core.rules.report import Report

    report = Report(violations=(), enabled=())
    assert report.render("zh").splitlines()[0] == "得分 硬 0 / 中 0 / 软 0，共 0 项违规"
    assert report.render("en").splitlines()[0] == "score 0hard/0medium/0soft, 0 violations"


def test_a_report_sorts_violations_handed_over_out_of_order() -> None:
    """Two violations given latest day first come out earliest day first."""
    import datetime as dt

    from jiguan_core.rule import Severity
    from jiguan_core.rules.report import Report
    from jiguan_core.rules.violation import Violation
    from jiguan_core.text import Text

    def on(day: int) -> Violation:
        return Violation(
            rule_id="SCHED-C2-WORKDAYS",
            part="SCHED-C2-WORKDAYS/non_working_day",
            level=Severity.HARD,
            day=dt.date(2026, 3, day),
            message=Text("违规", "violation"),
        )

    report = Report(violations=(on(9), on(8)), enabled=())
    assert [v.day for v in report.violations] == [dt.date(2026, 3, 8), dt.date(2026, 3, 9)]
