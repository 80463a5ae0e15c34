"""The built-in years come from what ``chinesecalendar`` carries, never from a hard-coded list:
a newer release with 2027 is picked up with no code change."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core import calendar as calendar_module
from jiguan_core.calendar import WorkCalendar, builtin_years


@pytest.fixture
def release_with_2027(monkeypatch: pytest.MonkeyPatch) -> None:
    """``chinesecalendar`` as a release carrying 2027 would be (its two public tables)."""
    import chinese_calendar

    holidays = dict(chinese_calendar.holidays)
    workdays = dict(chinese_calendar.workdays)
    holidays[dt.date(2027, 1, 1)] = "New Year's Day"
    workdays[dt.date(2027, 2, 20)] = "Spring Festival"
    monkeypatch.setattr(chinese_calendar, "holidays", holidays)
    monkeypatch.setattr(chinese_calendar, "workdays", workdays)
    calendar_module._builtin_arrangements.cache_clear()
    yield
    calendar_module._builtin_arrangements.cache_clear()


class TestBuiltinYears:
    def test_the_last_year_is_the_last_year_chinesecalendar_carries(self) -> None:
        """Today's data: the last year is the one of chinesecalendar's last holiday."""
        import chinese_calendar

        assert builtin_years()[1] == max(chinese_calendar.holidays).year

    @pytest.mark.usefixtures("release_with_2027")
    def test_a_release_carrying_2027_is_picked_up_with_no_code_change(self) -> None:
        """Its holiday and its swapped working Saturday count in 2027."""
        assert builtin_years()[1] == 2027
        calendar = WorkCalendar()
        assert calendar.covers(2027)
        assert not calendar.is_working_day(dt.date(2027, 1, 1))
        assert calendar.is_working_day(dt.date(2027, 2, 20))  # a Saturday worked in exchange
