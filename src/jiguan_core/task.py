"""Tasks of the task list (任务清单): every task has an owner and a deadline."""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from jiguan_core._validation import (
    date_value,
    identifier,
    instance_of,
    not_before,
    optional_date,
    text,
)
from jiguan_core.errors import InvalidValue
from jiguan_core.text import TermEnum

__all__ = ["Task", "TaskSource", "TaskStatus"]


class TaskStatus(TermEnum):
    OPEN = "open", "未开始"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"
    CANCELLED = "cancelled", "已取消"

    @property
    def is_closed(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.CANCELLED)


class TaskSource(TermEnum):
    MEETING_DECISION = "meeting_decision", "会议决定"
    LEADER_INSTRUCTION = "leader_instruction", "领导批示"
    ANNUAL_PLAN = "annual_plan", "年度计划"
    OTHER = "other", "其他"


@frozen(kw_only=True)
class Task:
    id: str = field(validator=identifier)
    title: str = field(validator=text)
    owner_id: str = field(validator=identifier)
    department_id: str = field(validator=identifier)
    created: dt.date = field(validator=date_value)
    deadline: dt.date = field(validator=date_value)
    status: TaskStatus = field(default=TaskStatus.OPEN, validator=instance_of(TaskStatus))
    source: TaskSource = field(default=TaskSource.OTHER, validator=instance_of(TaskSource))
    completed_on: dt.date | None = field(
        default=None, validator=[optional_date, not_before("created")]
    )

    def __attrs_post_init__(self) -> None:
        if self.deadline < self.created:
            raise InvalidValue(
                f"task {self.id}: deadline {self.deadline} is before it was created {self.created}",
                f"任务 {self.id}：截止日期 {self.deadline} 早于创建日期 {self.created}",
                field="deadline",
                value=self.deadline,
            )
        if (self.status is TaskStatus.DONE) != (self.completed_on is not None):
            raise InvalidValue(
                f"task {self.id}: a done task needs completed_on and only a done task has one "
                f"(status {self.status.value}, completed_on {self.completed_on})",
                f"任务 {self.id}：已完成的任务须有完成日期，其他状态不应有",
                field="completed_on",
                value=self.completed_on,
            )

    def is_overdue(self, as_of: dt.date) -> bool:
        """Open past its deadline as of ``as_of``."""
        return not self.status.is_closed and as_of > self.deadline

    @property
    def done_late(self) -> bool:
        return self.completed_on is not None and self.completed_on > self.deadline
