"""The agenda of the next work meeting (工作例会): the open tasks by department, overdue first,
and what changed since the previous meeting (the diff of two task-list snapshots).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidInput, Problem
from jiguan_core.facts import FactEngine
from jiguan_core.task import Task, TaskStatus
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work.lateness import ItemKind, LateItem
from jiguan_core.work.tasks import is_open_on, overdue, working_days_overdue

__all__ = [
    "AgendaEntry",
    "AgendaSection",
    "ChangeKind",
    "TaskChange",
    "WorkMeetingAgenda",
    "diff_tasks",
    "work_meeting_agenda",
]


class ChangeKind(TermEnum):
    ADDED = "added", "新增"
    REMOVED = "removed", "移出清单"
    COMPLETED = "completed", "已完成"
    CANCELLED = "cancelled", "已取消"
    REOPENED = "reopened", "重新打开"
    STATUS_CHANGED = "status_changed", "状态变化"
    DEADLINE_MOVED = "deadline_moved", "调整时限"
    OWNER_CHANGED = "owner_changed", "调整责任人"
    DEPARTMENT_CHANGED = "department_changed", "调整责任部门"
    TITLE_CHANGED = "title_changed", "调整内容"


@frozen(kw_only=True)
class TaskChange:
    """One change of one task between two snapshots; ``before``/``after`` as text."""

    task_id: str
    kind: ChangeKind
    before: str = ""
    after: str = ""

    def render(self, lang: Lang = "zh") -> str:
        detail = (
            f"：{self.before} → {self.after}"
            if lang == "zh"
            else (f": {self.before} -> {self.after}")
        )
        shown = detail if (self.before or self.after) else ""
        return f"{self.task_id} {self.kind.label(lang)}{shown}"


def _by_id(tasks: Iterable[Task], name: str) -> dict[str, Task]:
    found: dict[str, Task] = {}
    problems: list[Problem] = []
    for task in tasks:
        if task.id in found:
            problems.append(
                Problem(f"{name}[{task.id}]", "task listed twice in one snapshot", "任务重复列出")
            )
        found[task.id] = task
    if problems:
        raise InvalidInput(problems)
    return found


@boundary
def diff_tasks(previous: Iterable[Task], current: Iterable[Task]) -> tuple[TaskChange, ...]:
    """What changed from ``previous`` to ``current``, by task id then by field."""
    before = _by_id(previous, "previous")
    after = _by_id(current, "current")
    changes: list[TaskChange] = []
    for task_id in sorted(before.keys() | after.keys()):
        old, new = before.get(task_id), after.get(task_id)
        if old is None:
            assert new is not None
            changes.append(TaskChange(task_id=task_id, kind=ChangeKind.ADDED, after=new.title))
            continue
        if new is None:
            changes.append(TaskChange(task_id=task_id, kind=ChangeKind.REMOVED, before=old.title))
            continue
        if old.status is not new.status:
            if new.status.is_closed:
                kind = (
                    ChangeKind.COMPLETED if new.status is TaskStatus.DONE else ChangeKind.CANCELLED
                )
            elif old.status.is_closed:
                kind = ChangeKind.REOPENED
            else:
                kind = ChangeKind.STATUS_CHANGED
            changes.append(
                TaskChange(
                    task_id=task_id, kind=kind, before=old.status.value, after=new.status.value
                )
            )
        for kind, a, b in (
            (ChangeKind.DEADLINE_MOVED, old.deadline.isoformat(), new.deadline.isoformat()),
            (ChangeKind.OWNER_CHANGED, old.owner_id, new.owner_id),
            (ChangeKind.DEPARTMENT_CHANGED, old.department_id, new.department_id),
            (ChangeKind.TITLE_CHANGED, old.title, new.title),
        ):
            if a != b:
                changes.append(TaskChange(task_id=task_id, kind=kind, before=a, after=b))
    return tuple(changes)


@frozen(kw_only=True)
class AgendaEntry:
    task: Task
    overdue: bool
    working_days_overdue: int


@frozen(kw_only=True)
class AgendaSection:
    """A department's open tasks: overdue first (most late first), then by deadline."""

    department_id: str
    entries: tuple[AgendaEntry, ...]

    @property
    def overdue_count(self) -> int:
        return sum(e.overdue for e in self.entries)


@frozen(kw_only=True)
class WorkMeetingAgenda:
    """``late`` are the other late items raised at the meeting (documents, meetings,
    proposals, leave approvals, plan milestones: see
    :func:`~jiguan_core.work.lateness.late_items`,
    :func:`jiguan_core.proposals.proposal_late_items`,
    :func:`jiguan_core.leave.leave_late_items` and
    :func:`jiguan_core.workplan.plan_late_items`), most late first."""

    meeting_on: dt.date
    sections: tuple[AgendaSection, ...]
    changes: tuple[TaskChange, ...]
    late: tuple[LateItem, ...] = ()

    def lines(self, lang: Lang = "zh", names: Mapping[str, str] | None = None) -> list[str]:
        """The agenda as text; ``names`` maps department ids to display names."""
        shown = names or {}
        zh = lang == "zh"
        out = [
            f"{self.meeting_on} 工作例会议程"
            if zh
            else f"Work meeting of {self.meeting_on}: agenda"
        ]
        for section in self.sections:
            title = shown.get(section.department_id, section.department_id)
            out.append(
                f"【{title}】未完成 {len(section.entries)} 项，逾期 {section.overdue_count} 项"
                if zh
                else f"[{title}] {len(section.entries)} open, {section.overdue_count} overdue"
            )
            for entry in section.entries:
                task = entry.task
                flag = (
                    (
                        f"逾期{entry.working_days_overdue}个工作日"
                        if zh
                        else f"{entry.working_days_overdue} working day(s) overdue"
                    )
                    if entry.overdue
                    else ("未到期" if zh else "on time")
                )
                out.append(f"  {task.id} {task.title} — {task.owner_id} {task.deadline} {flag}")
        if self.late:
            out.append("逾期事项：" if zh else "Late items:")
            out.extend("  " + item.render(lang) for item in self.late)
        if self.changes:
            out.append("上次例会以来的变化：" if zh else "Changes since the previous meeting:")
            out.extend("  " + change.render(lang) for change in self.changes)
        return out


@boundary
def work_meeting_agenda(
    current: Iterable[Task],
    *,
    meeting_on: dt.date,
    calendar: WorkCalendar,
    previous: Iterable[Task] | None = None,
    late: Iterable[LateItem] = (),
    engine: FactEngine = "python",
) -> WorkMeetingAgenda:
    """The agenda of the meeting on ``meeting_on``: tasks open that day by department
    (departments with overdue tasks first, then by id; overdue as rule WORK-TASKS decides it on
    the ``engine`` chosen), the other ``late`` items (documents, meetings, proposals, leave
    approvals, plan milestones) and the changes since ``previous``. A late item that is also a
    task of ``current`` (a plan milestone on the task list, a task passed twice) is shown once,
    among the tasks."""
    tasks = _by_id(current, "current")
    late_ids = {t.id for t in overdue(tasks.values(), meeting_on, engine=engine)}
    by_department: dict[str, list[AgendaEntry]] = {}
    for task in tasks.values():
        if not is_open_on(task, meeting_on):
            continue
        days_late = working_days_overdue(task, meeting_on, calendar)
        by_department.setdefault(task.department_id, []).append(
            AgendaEntry(task=task, overdue=task.id in late_ids, working_days_overdue=days_late)
        )
    sections = [
        AgendaSection(
            department_id=department,
            entries=tuple(
                sorted(
                    entries,
                    key=lambda e: (
                        not e.overdue,
                        -e.working_days_overdue,
                        e.task.deadline,
                        e.task.id,
                    ),
                )
            ),
        )
        for department, entries in by_department.items()
    ]
    sections.sort(key=lambda s: (-s.overdue_count, s.department_id))
    changes = diff_tasks(previous, tasks.values()) if previous is not None else ()
    return WorkMeetingAgenda(
        meeting_on=meeting_on,
        sections=tuple(sections),
        changes=changes,
        late=tuple(
            sorted(
                (
                    i
                    for i in late
                    if not (i.kind in (ItemKind.TASK, ItemKind.PLAN) and i.item_id in tasks)
                ),
                key=lambda i: (-i.working_days_late, i.due, i.item_id),
            )
        ),
    )
