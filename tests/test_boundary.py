"""Public entry points refuse arguments of the wrong type with a clear, bilingual error."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from jiguan_core import WorkCalendar, WrongType, sample_office
from jiguan_core._validation import boundary
from jiguan_core.assessment import assess_year
from jiguan_core.development import due_for_rotation
from jiguan_core.organization import Organization
from jiguan_core.scheduling import schedule
from jiguan_core.task import Task
from jiguan_core.work import overdue


@boundary
def _example(
    office: Organization, day: dt.date, count: int, tasks: list[Task] | None = None
) -> int:
    """An entry point for the tests."""
    return count


class TestBoundary:
    def test_a_wrong_office_names_the_function_and_the_argument(self) -> None:
        """schedule(None, ...) is a WrongType about ``office``, not an AttributeError."""
        with pytest.raises(WrongType, match=r"schedule: argument office must be a Organization"):
            schedule(None, [])  # type: ignore[arg-type]

    def test_a_string_is_not_a_date(self) -> None:
        """An ISO string where a date is expected is refused, in both languages."""
        with pytest.raises(WrongType) as caught:
            due_for_rotation(sample_office(), "2025-12-31")  # type: ignore[arg-type]
        assert caught.value.field == "as_of"
        assert "应为" in caught.value.render("zh")

    def test_a_datetime_is_not_a_date(self) -> None:
        """A datetime's zone would make the day ambiguous."""
        moment = pendulum.datetime(2025, 1, 1, tz="Asia/Shanghai")
        with pytest.raises(WrongType, match="day"):
            _example(sample_office(), moment, 1)

    def test_a_bool_is_not_an_int(self) -> None:
        """True is not a count."""
        with pytest.raises(WrongType, match="count"):
            _example(sample_office(), dt.date(2025, 1, 1), True)

    def test_each_item_of_a_list_is_checked_with_its_index(self) -> None:
        """A None among tasks is named by its position."""
        with pytest.raises(WrongType, match=r"tasks\[1\]"):
            overdue([sample_office().tasks[0], None], dt.date(2025, 12, 1))  # type: ignore[list-item]

    def test_none_is_accepted_where_the_annotation_allows_it(self) -> None:
        """Optional arguments may be None."""
        assert _example(sample_office(), dt.date(2025, 1, 1), 3, None) == 3

    def test_a_call_of_the_wrong_shape_names_the_function(self) -> None:
        """Too many arguments is Python's TypeError, with the function's name."""
        with pytest.raises(TypeError, match="_example"):
            _example(sample_office(), dt.date(2025, 1, 1), 1, None, "extra")  # type: ignore[call-arg]

    def test_the_wrapper_keeps_the_name_and_the_docstring(self) -> None:
        """functools.wraps: help() and the docs still show the function."""
        assert assess_year.__name__ == "assess_year"
        assert assess_year.__doc__

    def test_the_annual_assessment_refuses_a_missing_office(self) -> None:
        """assess_year(None, ...) is a WrongType."""
        with pytest.raises(WrongType, match="office"):
            assess_year(None, None, 2025)  # type: ignore[arg-type]


class TestWorkCalendarArguments:
    def test_a_string_day_is_refused(self) -> None:
        """is_working_day("2025-01-01") is a WrongType, not an AttributeError."""
        with pytest.raises(WrongType, match="day"):
            WorkCalendar().is_working_day("2025-01-01")  # type: ignore[arg-type]

    def test_a_count_that_is_not_an_int_is_refused(self) -> None:
        """add_working_days needs a whole number of days."""
        with pytest.raises(WrongType, match="count"):
            WorkCalendar().add_working_days(dt.date(2025, 1, 1), "5")  # type: ignore[arg-type]

    def test_a_pendulum_date_is_a_date(self) -> None:
        """Subclasses of date (pendulum.Date) are days too."""
        assert WorkCalendar().is_working_day(pendulum.date(2026, 2, 14))
