"""Overdue tasks (WORK-TASKS, decided by its pattern) are, on both engines, what the rule's words
say."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.task import Task, TaskStatus
from jiguan_core.work.tasks import overdue
from tests._engines import ENGINES

START = dt.date(2025, 1, 1)


@st.composite
def tasks(draw: st.DrawFn) -> list[Task]:
    found = []
    for number in range(draw(st.integers(0, 8))):
        created = START + dt.timedelta(days=draw(st.integers(0, 40)))
        deadline = created + dt.timedelta(days=draw(st.integers(0, 40)))
        status = draw(st.sampled_from(TaskStatus))
        done = (
            created + dt.timedelta(days=draw(st.integers(0, 80)))
            if status is TaskStatus.DONE
            else None
        )
        found.append(
            Task(
                id=f"t{number}",
                title="任务",
                owner_id="p1",
                department_id="d1",
                created=created,
                deadline=deadline,
                status=status,
                completed_on=done,
            )
        )
    return found


@pytest.mark.parametrize("engine", ENGINES)
@given(items=tasks(), day=st.integers(0, 100))
def test_overdue_tasks_are_the_open_ones_past_their_deadline(  # type: ignore[no-untyped-def]
    engine: str, items, day: int
) -> None:
    """By the rule's words: created by the day, not cancelled, not done by the day, and the day
    after the deadline; earliest deadline first."""
    as_of = START + dt.timedelta(days=day)
    expected = sorted(
        (
            t
            for t in items
            if t.created <= as_of
            and t.status is not TaskStatus.CANCELLED
            and (t.completed_on is None or t.completed_on > as_of)
            and as_of > t.deadline
        ),
        key=lambda t: (t.deadline, t.id),
    )
    assert list(overdue(items, as_of, engine=engine)) == expected  # type: ignore[arg-type]
