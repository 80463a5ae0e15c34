"""The work meeting's agenda and the diff of two task-list snapshots."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidInput
from jiguan_core.examples.office import sample_office
from jiguan_core.task import Task, TaskStatus
from jiguan_core.work.meeting_agenda import ChangeKind, diff_tasks, work_meeting_agenda

CAL = WorkCalendar()
MEETING = dt.date(2025, 9, 15)


def _task(tid: str, department: str, deadline: dt.date) -> Task:
    return Task(
        id=tid,
        title=f"任务{tid}",
        owner_id="p1",
        department_id=department,
        created=dt.date(2025, 9, 1),
        deadline=deadline,
    )


def test_departments_with_overdue_tasks_come_first_and_overdue_tasks_lead() -> None:
    """d-b has an overdue task, so it leads; inside it the overdue task is first."""
    tasks = [
        _task("t1", "d-a", dt.date(2025, 9, 20)),
        _task("t2", "d-b", dt.date(2025, 9, 30)),
        _task("t3", "d-b", dt.date(2025, 9, 10)),
    ]
    agenda = work_meeting_agenda(tasks, meeting_on=MEETING, calendar=CAL)
    assert [s.department_id for s in agenda.sections] == ["d-b", "d-a"]
    assert [e.task.id for e in agenda.sections[0].entries] == ["t3", "t2"]
    assert agenda.sections[0].entries[0].working_days_overdue == 3


def test_closed_tasks_are_not_on_the_agenda() -> None:
    """A task done before the meeting is not discussed as open."""
    done = attrs.evolve(
        _task("t1", "d-a", dt.date(2025, 9, 20)),
        status=TaskStatus.DONE,
        completed_on=dt.date(2025, 9, 12),
    )
    assert work_meeting_agenda([done], meeting_on=MEETING, calendar=CAL).sections == ()


def test_the_diff_names_every_kind_of_change() -> None:
    """Added, removed, completed, deadline moved, owner changed."""
    before = [
        _task("t1", "d-a", dt.date(2025, 9, 20)),
        _task("t2", "d-a", dt.date(2025, 9, 20)),
        _task("t3", "d-a", dt.date(2025, 9, 20)),
    ]
    after = [
        attrs.evolve(before[0], deadline=dt.date(2025, 9, 25), owner_id="p2"),
        attrs.evolve(before[1], status=TaskStatus.DONE, completed_on=dt.date(2025, 9, 12)),
        _task("t4", "d-b", dt.date(2025, 9, 30)),
    ]
    kinds = [(c.task_id, c.kind) for c in diff_tasks(before, after)]
    assert kinds == [
        ("t1", ChangeKind.DEADLINE_MOVED),
        ("t1", ChangeKind.OWNER_CHANGED),
        ("t2", ChangeKind.COMPLETED),
        ("t3", ChangeKind.REMOVED),
        ("t4", ChangeKind.ADDED),
    ]


def test_the_agenda_carries_the_changes_since_the_previous_meeting() -> None:
    """The previous snapshot is diffed with the current one; the text lists them."""
    previous = [_task("t1", "d-a", dt.date(2025, 9, 20))]
    current = [*previous, _task("t2", "d-a", dt.date(2025, 9, 22))]
    agenda = work_meeting_agenda(current, meeting_on=MEETING, calendar=CAL, previous=previous)
    assert [c.kind for c in agenda.changes] == [ChangeKind.ADDED]
    text = "\n".join(agenda.lines("zh", {"d-a": "办公室"}))
    assert "【办公室】" in text
    assert "t2 新增" in text
    assert "Changes since" in "\n".join(agenda.lines("en"))


def test_a_snapshot_listing_a_task_twice_is_refused() -> None:
    """Duplicate ids in one snapshot."""
    task = _task("t1", "d-a", dt.date(2025, 9, 20))
    with pytest.raises(InvalidInput):
        diff_tasks([task, task], [task])


def test_the_sample_offices_agenda_covers_its_open_tasks() -> None:
    """Every task open on the day appears once."""
    office = sample_office()
    day = dt.date(2025, 12, 1)
    agenda = work_meeting_agenda(office.tasks, meeting_on=day, calendar=CAL)
    listed = sorted(e.task.id for s in agenda.sections for e in s.entries)
    open_ids = sorted(
        t.id
        for t in office.tasks
        if t.created <= day
        and t.status is not TaskStatus.CANCELLED
        and (t.completed_on is None or t.completed_on > day)
    )
    assert listed == open_ids
