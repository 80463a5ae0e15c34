"""Where the plan stands on a day: progress per item and 委室, late and nearly-due milestones,
the half-yearly report to the 常委会 (PLAN-ARTICLE-PLAN-REPORT), and what the plan feeds: the
task list (one :class:`~jiguan_core.task.Task` per milestone, source 年度计划) and the year's,
quarter's, month's and week's lists of milestones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.calendar import DateRange, Granularity, WorkCalendar
from jiguan_core.catalogue.workplan import PLAN_ITEMS, PLAN_REPORT
from jiguan_core.errors import InvalidValue
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.text import Lang
from jiguan_core.work._workflow import working_days_late
from jiguan_core.work.lateness import ItemKind, LateItem
from jiguan_core.workplan.plan import Milestone, PlanItem, WorkPlan

__all__ = [
    "DepartmentProgress",
    "HalfYearReport",
    "ItemProgress",
    "PlanPeriod",
    "half_year_report",
    "milestone_tasks",
    "plan_late_items",
    "plan_lists",
    "plan_progress",
]


@frozen(kw_only=True)
class ItemProgress:
    """One item on ``as_of``: milestones done, due so far, late, and due soon."""

    item: PlanItem
    done: int
    total: int
    late: tuple[Milestone, ...]
    due_soon: tuple[Milestone, ...]

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 1.0


@frozen(kw_only=True)
class DepartmentProgress:
    department_id: str
    items: tuple[ItemProgress, ...]

    @property
    def done(self) -> int:
        return sum(i.done for i in self.items)

    @property
    def total(self) -> int:
        return sum(i.total for i in self.items)

    @property
    def late(self) -> tuple[Milestone, ...]:
        return tuple(m for i in self.items for m in i.late)

    def render(self, lang: Lang = "zh", name: str | None = None) -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang, name))

    def render_lines(self, lang: Lang = "zh", name: str | None = None) -> list[str]:
        who = name or self.department_id
        if lang == "zh":
            lines = [
                f"【{who}】工作要点{len(self.items)}项，节点完成{self.done}/{self.total}，"
                f"逾期{len(self.late)}个"
            ]
            lines += [f"  逾期：{m.render('zh')}" for m in self.late]
        else:
            lines = [
                f"[{who}] {len(self.items)} item(s), milestones done {self.done}/{self.total}, "
                f"{len(self.late)} late"
            ]
            lines += [f"  late: {m.render('en')}" for m in self.late]
        return lines


@boundary
def plan_progress(
    plan: WorkPlan,
    *,
    as_of: dt.date,
    calendar: WorkCalendar,
    overrides: Mapping[str, Any] | None = None,
    policy: Policy | None = None,
) -> tuple[DepartmentProgress, ...]:
    """Progress per 委室 on ``as_of`` (milestones done on or before it count), under ``policy``:
    ``due_soon_days`` is PLAN-ARTICLE-PLAN-REPORT's (switched off: nothing is due soon); with
    PLAN-ARTICLE-PLAN switched off no milestone is late. ``overrides``: PLAN-ARTICLE-PLAN-REPORT's
    parameters, a shorthand for ``policy`` (not both)."""
    chosen = effective_policy(policy, overrides, where="plan_progress", rule_id=PLAN_REPORT.id)
    soon = int(chosen.parameters(PLAN_REPORT.id)["due_soon_days"])
    late_counts = chosen.enabled(PLAN_ITEMS.id)
    soon_counts = chosen.enabled(PLAN_REPORT.id)
    by_department: dict[str, list[ItemProgress]] = {}
    for item in plan.items:
        done = [m for m in item.milestones if m.done_on is not None and m.done_on <= as_of]
        open_ = [m for m in item.milestones if m not in done]
        late = tuple(m for m in item.milestones if late_counts and _late_on(m, as_of))
        due_soon = tuple(
            m
            for m in open_
            if soon_counts
            and as_of <= m.target
            and calendar.working_days_between(as_of, m.target) <= soon
        )
        by_department.setdefault(item.department_id, []).append(
            ItemProgress(
                item=item, done=len(done), total=len(item.milestones), late=late, due_soon=due_soon
            )
        )
    return tuple(
        DepartmentProgress(department_id=d, items=tuple(items))
        for d, items in sorted(by_department.items())
    )


def _late_on(milestone: Milestone, as_of: dt.date) -> bool:
    """Late as seen on ``as_of``: done after its target, or open past it."""
    if milestone.done_on is not None and milestone.done_on <= as_of:
        return milestone.done_on > milestone.target
    return as_of > milestone.target


@frozen(kw_only=True)
class HalfYearReport:
    """The report to the 常委会 on a half year: the state on its last day, due ``due``."""

    year: int
    half: int
    as_of: dt.date
    due: dt.date
    departments: tuple[DepartmentProgress, ...]

    def render(self, lang: Lang = "zh", names: Mapping[str, str] | None = None) -> str:
        label = ("上半年" if self.half == 1 else "下半年") if lang == "zh" else f"H{self.half}"
        done = sum(d.done for d in self.departments)
        total = sum(d.total for d in self.departments)
        late = sum(len(d.late) for d in self.departments)
        if lang == "zh":
            head = (
                f"{self.year}年{label}年度工作要点推进情况（{self.due}前向常委会会议汇报）："
                f"节点完成{done}/{total}，逾期{late}个"
            )
        else:
            head = (
                f"{self.year} {label} progress of the work plan (to the standing committee by "
                f"{self.due}): milestones done {done}/{total}, {late} late"
            )
        lines = [head]
        for department in self.departments:
            lines += department.render_lines(lang, (names or {}).get(department.department_id))
        return "\n".join(lines) + "\n"


@boundary
def half_year_report(
    plan: WorkPlan,
    half: int,
    *,
    calendar: WorkCalendar,
    overrides: Mapping[str, Any] | None = None,
    policy: Policy | None = None,
) -> HalfYearReport:
    """PLAN-ARTICLE-PLAN-REPORT: the state on the half's last day, heard by the standing
    committee within ``report_within_days`` after it, by the rule's parameters under ``policy``
    (see :func:`plan_progress`; ``overrides``: that rule's parameters, a shorthand; not both)."""
    chosen = effective_policy(policy, overrides, where="half_year_report", rule_id=PLAN_REPORT.id)
    if half not in (1, 2):
        raise InvalidValue(
            f"half must be 1 or 2, got {half!r}",
            f"半年须为 1 或 2，实际为 {half!r}",
            field="half",
            value=half,
        )
    values = chosen.parameters(PLAN_REPORT.id)
    last = dt.date(plan.year, 6, 30) if half == 1 else dt.date(plan.year, 12, 31)
    return HalfYearReport(
        year=plan.year,
        half=half,
        as_of=last,
        due=last + dt.timedelta(days=int(values["report_within_days"])),
        departments=plan_progress(plan, as_of=last, calendar=calendar, policy=chosen),
    )


@boundary
def milestone_tasks(plan: WorkPlan, *, created: dt.date) -> tuple[Task, ...]:
    """The plan as the task list: a task per milestone (owner the item's, source 年度计划, done
    when the milestone is), so late milestones come up at the work meeting."""
    tasks = []
    for item, milestone in plan.milestones:
        done = milestone.done_on is not None
        tasks.append(
            Task(
                id=milestone.id,
                title=f"{item.title}：{milestone.title}",
                owner_id=item.owner_id,
                department_id=item.department_id,
                created=min(created, milestone.target),
                deadline=milestone.target,
                status=TaskStatus.DONE if done else TaskStatus.OPEN,
                source=TaskSource.ANNUAL_PLAN,
                completed_on=milestone.done_on,
            )
        )
    return tuple(tasks)


@boundary
def plan_late_items(
    plan: WorkPlan, *, as_of: dt.date, calendar: WorkCalendar, policy: Policy | None = None
) -> tuple[LateItem, ...]:
    """The milestones not done by their target as seen on ``as_of`` (PLAN-ARTICLE-PLAN), as
    items for :func:`jiguan_core.work.work_meeting_agenda`'s ``late``, most working days late
    first; the item's owner is responsible. (When the task list already holds the plan, through
    :func:`milestone_tasks`, the agenda shows them among the tasks instead.) Under a ``policy``
    that switches PLAN-ARTICLE-PLAN off nothing is late; each item carries its level under it."""
    chosen = effective_policy(policy, where="plan_late_items")
    if not chosen.enabled(PLAN_ITEMS.id):
        return ()
    level = chosen.level(PLAN_ITEMS.id)
    found = [
        LateItem(
            kind=ItemKind.PLAN,
            item_id=milestone.id,
            title=f"{item.title}：{milestone.title}",
            stage=None,
            responsible_id=item.owner_id,
            due=milestone.target,
            working_days_late=working_days_late(milestone.target, as_of, calendar),
            level=level,
        )
        for item, milestone in plan.milestones
        if milestone.done_on is None and as_of > milestone.target
    ]
    return tuple(sorted(found, key=lambda i: (-i.working_days_late, i.due, i.item_id)))


@frozen(kw_only=True)
class PlanPeriod:
    """One period of a list and the milestones due in it."""

    granularity: Granularity
    period: DateRange
    entries: tuple[tuple[PlanItem, Milestone], ...]


@boundary
def plan_lists(plan: WorkPlan, granularity: Granularity) -> tuple[PlanPeriod, ...]:
    """The milestones by year, quarter, month or week of their target (only periods with
    milestones), for the activity lists of ARTICLE-COORD."""
    groups: dict[DateRange, list[tuple[PlanItem, Milestone]]] = {}
    for item, milestone in plan.milestones:
        period = WorkCalendar.period(milestone.target, granularity)
        groups.setdefault(period, []).append((item, milestone))
    return tuple(
        PlanPeriod(granularity=granularity, period=p, entries=tuple(entries))
        for p, entries in sorted(groups.items())
    )
