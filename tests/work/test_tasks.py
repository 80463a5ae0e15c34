"""Task-list queries: deadlines as dates or working days, overdue, due soon, done late."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue, JiguanError
from jiguan_core.task import Task, TaskStatus
from jiguan_core.work.tasks import (
    WorkingDaysAfter,
    done_late,
    due_within,
    is_open_on,
    new_task,
    overdue,
    resolve_deadline,
    task_report,
    working_days_overdue,
)

CAL = WorkCalendar()


def _task(tid: str, deadline: dt.date, **kw: object) -> Task:
    values: dict[str, object] = {
        "id": tid,
        "title": "任务",
        "owner_id": "p1",
        "department_id": "d-a",
        "created": dt.date(2025, 9, 1),
        "deadline": deadline,
    }
    values.update(kw)
    return Task(**values)  # type: ignore[arg-type]


def test_a_deadline_in_working_days_skips_the_national_day_holiday() -> None:
    """Five working days after 2025-09-30 fall after the October holiday week."""
    task = new_task(
        id="t1",
        title="报送材料",
        owner_id="p1",
        department_id="d-a",
        created=dt.date(2025, 9, 30),
        deadline=WorkingDaysAfter(start=dt.date(2025, 9, 30), days=5),
        calendar=CAL,
    )
    assert task.deadline == CAL.add_working_days(dt.date(2025, 9, 30), 5)
    assert task.deadline > dt.date(2025, 10, 8)


def test_a_plain_date_deadline_is_kept_as_is() -> None:
    """A date needs no calendar arithmetic."""
    assert resolve_deadline(dt.date(2025, 3, 3), CAL) == dt.date(2025, 3, 3)


def test_a_deadline_before_the_start_is_refused_naming_the_task() -> None:
    """The task id and the field appear in the error."""
    with pytest.raises(InvalidValue) as caught:
        new_task(
            id="t9",
            title="x",
            owner_id="p1",
            department_id="d-a",
            created=dt.date(2025, 5, 5),
            deadline=dt.date(2025, 5, 1),
            calendar=CAL,
        )
    assert "t9" in str(caught.value)
    assert caught.value.field == "deadline"


def test_a_negative_working_day_count_is_refused() -> None:
    """ "-3 working days after" is not a deadline."""
    with pytest.raises(JiguanError):
        WorkingDaysAfter(start=dt.date(2025, 5, 5), days=-3)


def test_a_deadline_of_the_wrong_type_is_refused() -> None:
    """A string is neither a date nor WorkingDaysAfter."""
    with pytest.raises(InvalidValue):
        resolve_deadline("2025-05-05", CAL)  # type: ignore[arg-type]


def test_a_task_done_after_the_day_was_still_open_that_day() -> None:
    """completed_on replays the past."""
    task = _task(
        "t1", dt.date(2025, 9, 10), status=TaskStatus.DONE, completed_on=dt.date(2025, 9, 20)
    )
    assert is_open_on(task, dt.date(2025, 9, 15))
    assert not is_open_on(task, dt.date(2025, 9, 20))
    assert overdue([task], dt.date(2025, 9, 15)) == (task,)


def test_overdue_due_soon_and_done_late_are_told_apart() -> None:
    """Each list holds only its own tasks, earliest deadline first."""
    as_of = dt.date(2025, 9, 15)
    late = _task("t1", dt.date(2025, 9, 12))
    soon = _task("t2", dt.date(2025, 9, 17))
    later = _task("t3", dt.date(2025, 10, 31))
    finished_late = _task(
        "t4", dt.date(2025, 9, 5), status=TaskStatus.DONE, completed_on=dt.date(2025, 9, 9)
    )
    cancelled = _task("t5", dt.date(2025, 9, 2), status=TaskStatus.CANCELLED)
    tasks = [later, soon, late, finished_late, cancelled]
    assert overdue(tasks, as_of) == (late,)
    assert due_within(tasks, as_of, CAL, 5) == (soon,)
    assert done_late(tasks, as_of) == (finished_late,)


def test_working_days_overdue_count_only_working_days() -> None:
    """Due Friday 2025-09-12, on Monday 2025-09-15 it is one working day late."""
    task = _task("t1", dt.date(2025, 9, 12))
    assert working_days_overdue(task, dt.date(2025, 9, 15), CAL) == 1
    assert working_days_overdue(task, dt.date(2025, 9, 12), CAL) == 0


def test_the_report_counts_per_department_and_per_person() -> None:
    """Counts add up per owner and per department."""
    tasks = [
        _task("t1", dt.date(2025, 9, 12), owner_id="p1"),
        _task("t2", dt.date(2025, 9, 12), owner_id="p2", department_id="d-b"),
        _task("t3", dt.date(2025, 9, 16), owner_id="p1"),
    ]
    report = task_report(tasks, dt.date(2025, 9, 15), CAL)
    assert report.by_department["d-a"].open == 2
    assert report.by_department["d-a"].overdue == 1
    assert report.by_department["d-a"].due_soon == 1
    assert report.by_person["p2"].overdue == 1
    assert list(report.by_person) == ["p1", "p2"]


def test_the_due_soon_window_is_checked_against_the_rule() -> None:
    """A negative window is refused by WORK-TASKS."""
    with pytest.raises(InvalidValue):
        due_within([], dt.date(2025, 9, 15), CAL, -1)
