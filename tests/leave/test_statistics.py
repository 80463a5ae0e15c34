"""Leave statistics since a day (the office's phrasing), in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.errors import InvalidValue
from jiguan_core.leave import leave_statistics
from tests.leave.test_request import approved, leave


def test_a_period_without_leave_says_so() -> None:
    """No approved leave starts in the period: one sentence saying none."""
    stats = leave_statistics([], since=dt.date(2026, 1, 1), until=dt.date(2026, 7, 1))
    assert stats.render("zh") == "2026年以来，机关无请假。"
    assert stats.render("en", subject="Department 1").endswith("Department 1 took no leave.")


def test_the_english_figures_give_counts_days_and_kinds() -> None:
    """12 one-day annual leaves: in English, exact or "over 10" the yu way."""
    requests = [
        approved(
            leave(
                dt.date(2026, 3, 4) + dt.timedelta(days=7 * n),
                dt.date(2026, 3, 4) + dt.timedelta(days=7 * n),
                number=n,
            )
        )
        for n in range(12)
    ]
    stats = leave_statistics(requests, since=dt.date(2026, 3, 1), until=dt.date(2026, 7, 1))
    assert stats.render("en").endswith("took 12 leave(s), 12 day(s) in all: annual 12 (12 days).")
    assert "took over 10 leave(s)" in stats.render("en", yu=True)


def test_an_empty_or_backward_period_is_refused() -> None:
    """until must come after since."""
    with pytest.raises(InvalidValue, match="until"):
        leave_statistics([], since=dt.date(2026, 7, 1), until=dt.date(2026, 7, 1))
