"""Task-list queries (任务清单) as of a date: overdue, due soon, done late, per department/person.

A task is *open on* a day when it was created by then, is not cancelled and was not completed by
then: the status of a :class:`~jiguan_core.task.Task` is its latest snapshot, and the
``completed_on`` date lets an earlier day be replayed. Deadlines may be given as a date or as
:class:`WorkingDaysAfter` ("N working days after X"), resolved by a
:class:`~jiguan_core.calendar.WorkCalendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from jiguan_core._validation import boundary, date_value
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.work import TASK_LIST
from jiguan_core.errors import InvalidValue
from jiguan_core.facts import FactEngine
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.work._workflow import working_days_late
from jiguan_core.work.deadlines import late_rules, work_item_fact

__all__ = [
    "TaskCounts",
    "TaskReport",
    "WorkingDaysAfter",
    "done_late",
    "due_within",
    "is_open_on",
    "new_task",
    "overdue",
    "resolve_deadline",
    "task_report",
    "working_days_overdue",
]


def _count(instance: object, attribute: Any, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidValue(
            f"WorkingDaysAfter.days must be a whole number of working days >= 0, got {value!r}",
            f"WorkingDaysAfter.days 应为不小于 0 的工作日数，实际为 {value!r}",
            field="days",
            value=value,
        )


@frozen(kw_only=True)
class WorkingDaysAfter:
    """A deadline "N working days after X" (X itself not counted, as in the calendar)."""

    start: dt.date = field(validator=date_value)
    days: int = field(validator=_count)

    def resolve(self, calendar: WorkCalendar) -> dt.date:
        return calendar.add_working_days(self.start, self.days)


@boundary
def resolve_deadline(deadline: dt.date | WorkingDaysAfter, calendar: WorkCalendar) -> dt.date:
    """A date as is; "N working days after X" counted on ``calendar``."""
    if isinstance(deadline, WorkingDaysAfter):
        return deadline.resolve(calendar)
    if isinstance(deadline, dt.date) and not isinstance(deadline, dt.datetime):
        return deadline
    raise InvalidValue(
        f"a deadline is a date or WorkingDaysAfter(start=..., days=...), got {deadline!r}",
        f"截止时间应为日期或“某日后 N 个工作日”，实际为 {deadline!r}",
        field="deadline",
        value=deadline,
    )


@boundary
def new_task(
    *,
    id: str,
    title: str,
    owner_id: str,
    department_id: str,
    created: dt.date,
    deadline: dt.date | WorkingDaysAfter,
    calendar: WorkCalendar,
    status: TaskStatus = TaskStatus.OPEN,
    source: TaskSource = TaskSource.OTHER,
    completed_on: dt.date | None = None,
) -> Task:
    """A :class:`Task` whose deadline may be "N working days after X".

    A deadline before ``created`` is refused by ``Task`` itself (:class:`InvalidValue` naming
    the task and the field).
    """
    return Task(
        id=id,
        title=title,
        owner_id=owner_id,
        department_id=department_id,
        created=created,
        deadline=resolve_deadline(deadline, calendar),
        status=status,
        source=source,
        completed_on=completed_on,
    )


@boundary
def is_open_on(task: Task, as_of: dt.date) -> bool:
    """Created by ``as_of``, not cancelled, not completed by ``as_of``."""
    if task.created > as_of or task.status is TaskStatus.CANCELLED:
        return False
    return task.completed_on is None or task.completed_on > as_of


def _sorted(tasks: Iterable[Task]) -> tuple[Task, ...]:
    return tuple(sorted(tasks, key=lambda t: (t.deadline, t.id)))


@boundary
def overdue(
    tasks: Iterable[Task], as_of: dt.date, *, engine: FactEngine = "python"
) -> tuple[Task, ...]:
    """Open on ``as_of`` and past their deadline (rule WORK-TASKS, decided by its pattern on
    the engine chosen, ``"python"`` or ``"durable"``), earliest deadline first."""
    items = tuple(tasks)
    facts = [
        work_item_fact("task", is_open=is_open_on(t, as_of), due=t.deadline, as_of=as_of)
        for t in items
    ]
    return _sorted(items[i] for i in late_rules(facts, engine=engine))


@boundary
def due_within(
    tasks: Iterable[Task], as_of: dt.date, calendar: WorkCalendar, days: int | None = None
) -> tuple[Task, ...]:
    """Open, not overdue, and due by the ``days``-th working day after ``as_of``.

    ``days`` defaults to WORK-TASKS ``due_soon_days``.
    """
    n = int(TASK_LIST.resolve({} if days is None else {"due_soon_days": days})["due_soon_days"])
    horizon = calendar.add_working_days(as_of, n)
    return _sorted(t for t in tasks if is_open_on(t, as_of) and as_of <= t.deadline <= horizon)


@boundary
def done_late(tasks: Iterable[Task], as_of: dt.date) -> tuple[Task, ...]:
    """Completed by ``as_of`` after their deadline."""
    return _sorted(
        t
        for t in tasks
        if t.completed_on is not None and t.completed_on <= as_of and t.completed_on > t.deadline
    )


@boundary
def working_days_overdue(task: Task, as_of: dt.date, calendar: WorkCalendar) -> int:
    """Working days after the deadline up to and including ``as_of`` (0 if not overdue)."""
    if not is_open_on(task, as_of):
        return 0
    return working_days_late(task.deadline, as_of, calendar)


@frozen(kw_only=True)
class TaskCounts:
    """How a department's or a person's task list stands on a day."""

    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    done: int = 0
    done_late: int = 0


@frozen(kw_only=True)
class TaskReport:
    """The task list as of a day: the lists, and counts per department and per person."""

    as_of: dt.date
    overdue: tuple[Task, ...]
    due_soon: tuple[Task, ...]
    done_late: tuple[Task, ...]
    by_department: Mapping[str, TaskCounts]
    by_person: Mapping[str, TaskCounts]


@boundary
def task_report(
    tasks: Iterable[Task],
    as_of: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int | None = None,
    *,
    engine: FactEngine = "python",
) -> TaskReport:
    """Everything a work meeting needs to know about the task list on ``as_of``; ``engine``
    decides the overdue tasks (WORK-TASKS)."""
    items = tuple(sorted(tasks, key=lambda t: t.id))
    late = overdue(items, as_of, engine=engine)
    soon = due_within(items, as_of, calendar, due_soon_days)
    after = done_late(items, as_of)
    late_ids = {t.id for t in late}
    soon_ids = {t.id for t in soon}
    after_ids = {t.id for t in after}
    department: dict[str, dict[str, int]] = {}
    person: dict[str, dict[str, int]] = {}
    for task in items:
        if task.created > as_of:
            continue
        flags = {
            "open": is_open_on(task, as_of),
            "overdue": task.id in late_ids,
            "due_soon": task.id in soon_ids,
            "done": task.completed_on is not None and task.completed_on <= as_of,
            "done_late": task.id in after_ids,
        }
        for table, key in ((department, task.department_id), (person, task.owner_id)):
            row = table.setdefault(key, dict.fromkeys(flags, 0))
            for name, flag in flags.items():
                row[name] += flag
    return TaskReport(
        as_of=as_of,
        overdue=late,
        due_soon=soon,
        done_late=after,
        by_department={k: TaskCounts(**department[k]) for k in sorted(department)},
        by_person={k: TaskCounts(**person[k]) for k in sorted(person)},
    )
