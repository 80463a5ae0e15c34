"""What is late as of a day: which document, meeting or task, at which stage, whose turn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.calendar import WorkCalendar
from jiguan_core.facts import FactEngine
from jiguan_core.finding import Finding
from jiguan_core.rule import Severity
from jiguan_core.task import Task
from jiguan_core.text import Lang, TermEnum, Text
from jiguan_core.work.deadlines import late_rules, work_item_fact
from jiguan_core.work.documents import DocumentWorkflow
from jiguan_core.work.meetings import MeetingWorkflow
from jiguan_core.work.tasks import overdue, working_days_overdue

__all__ = ["ItemKind", "LateItem", "late_items"]


class ItemKind(TermEnum):
    DOCUMENT = "document", "公文"
    MEETING = "meeting", "会议"
    TASK = "task", "任务"
    PROPOSAL = "proposal", "提案"
    LEAVE = "leave", "请假"
    PLAN = "milestone", "年度计划节点"


#: The finding subject kind of an item kind, where the names differ (a leave is a 请假).
_SUBJECT = {ItemKind.LEAVE: "absence"}


@frozen(kw_only=True)
class LateItem:
    """One late item: ``stage`` is None for a task; ``responsible_id`` is whose turn it is."""

    kind: ItemKind
    item_id: str
    title: str
    stage: TermEnum | None
    responsible_id: str
    due: dt.date
    working_days_late: int
    #: The rule's level under the policy the item was found by (None: the catalogue's).
    level: Severity | None = None

    def to_finding(self, level: Severity | None = None) -> Finding:
        """This late item as the one :class:`~jiguan_core.finding.Finding`: a stage deadline of
        WORK-D5 (documents), WORK-MEETINGS (meetings), WORK-TASKS (tasks), PROPOSAL-P2
        (proposals), LEAVE-L5 (leave approvals) or PLAN-ARTICLE-PLAN (plan milestones) was
        missed."""
        rule_id = {
            ItemKind.DOCUMENT: "WORK-D5",
            ItemKind.MEETING: "WORK-MEETINGS",
            ItemKind.TASK: "WORK-TASKS",
            ItemKind.PROPOSAL: "PROPOSAL-P2",
            ItemKind.LEAVE: "LEAVE-L5",
            ItemKind.PLAN: "PLAN-ARTICLE-PLAN",
        }[self.kind]
        return Finding.of(
            rule_id,
            part=self.stage.value if self.stage is not None else "late",
            level=level if level is not None else self.level,
            subjects={
                _SUBJECT.get(self.kind, self.kind.value): (self.item_id,),
                "staff": (self.responsible_id,),
            },
            dates=(self.due,),
            message=Text(self.render("zh"), self.render("en")),
        )

    def render(self, lang: Lang = "zh", names: Mapping[str, str] | None = None) -> str:
        """One line; ``names`` maps staff ids to names for display."""
        who = (names or {}).get(self.responsible_id, self.responsible_id)
        stage = f"{self.stage.label(lang)} " if self.stage is not None else ""
        if lang == "zh":
            return (
                f"{self.kind.zh} {self.item_id}《{self.title}》{stage}"
                f"时限 {self.due}，已逾期 {self.working_days_late} 个工作日，"
                f"责任人 {who}"
            )
        return (
            f"{self.kind.en} {self.item_id} '{self.title}' {stage}due {self.due}, "
            f"{self.working_days_late} working day(s) late, with {who}"
        )


@boundary
def late_items(
    *,
    as_of: dt.date,
    calendar: WorkCalendar,
    documents: Iterable[DocumentWorkflow] = (),
    meetings: Iterable[MeetingWorkflow] = (),
    tasks: Iterable[Task] = (),
    engine: FactEngine = "python",
) -> tuple[LateItem, ...]:
    """Everything past its deadline on ``as_of``, most working days late first.

    Rules WORK-D5 (documents), WORK-MEETINGS (meetings) and WORK-TASKS (tasks) decide what is
    late by their patterns over one ``work_item`` fact per item, on the engine chosen
    (``"python"`` or ``"durable"``).
    """
    found: list[LateItem] = []
    every: list[DocumentWorkflow | MeetingWorkflow] = [*documents, *meetings]
    flows = [f for f in every if f.stage is not None]
    facts = [
        work_item_fact(
            ItemKind.DOCUMENT.value if isinstance(f, DocumentWorkflow) else ItemKind.MEETING.value,
            is_open=True,
            due=f.due,
            as_of=as_of,
        )
        for f in flows
    ]
    for index in sorted(late_rules(facts, engine=engine)):
        flow = flows[index]
        assert flow.due is not None
        assert flow.responsible_id is not None
        found.append(
            LateItem(
                kind=ItemKind.DOCUMENT if isinstance(flow, DocumentWorkflow) else ItemKind.MEETING,
                item_id=flow.id,
                title=flow.title,
                stage=flow.stage,
                responsible_id=flow.responsible_id,
                due=flow.due,
                working_days_late=flow.working_days_late(as_of, calendar),
            )
        )
    for task in overdue(tasks, as_of, engine=engine):
        found.append(
            LateItem(
                kind=ItemKind.TASK,
                item_id=task.id,
                title=task.title,
                stage=None,
                responsible_id=task.owner_id,
                due=task.deadline,
                working_days_late=working_days_overdue(task, as_of, calendar),
            )
        )
    kinds = list(ItemKind)
    return tuple(
        sorted(found, key=lambda i: (-i.working_days_late, i.due, kinds.index(i.kind), i.item_id))
    )
