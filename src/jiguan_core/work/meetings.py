"""Meeting workflows (办会): 筹备 → 组织 → 总结, each stage with a responsible person, a time node
and a checklist (ARTICLE-DOCS, rule WORK-MEETINGS).

Like documents, a :class:`MeetingWorkflow` is an immutable value: :meth:`~MeetingWorkflow.check`
ticks an item of the current stage's checklist, :meth:`~MeetingWorkflow.advance` completes the
stage (refused while items are open) and hands the next one on. Deadlines hang on the meeting
day: preparation done ``preparation_lead_days`` working days before it, running on the day, the
summary (minutes issued) ``minutes_days`` working days after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs
from attrs import field, frozen
from attrs.validators import optional

from jiguan_core._validation import (
    boundary,
    date_value,
    identifier,
    instance_of,
    is_collection,
    keep,
    members_of,
    optional_date,
    optional_identifier,
    text,
)
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.work import MEETING_DEADLINES
from jiguan_core.errors import InvalidValue
from jiguan_core.rule import ParameterValue
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work._workflow import (
    EventKind,
    StageEvent,
    check_day,
    check_person,
    events,
    hand_on,
    last_day,
    member_of,
    started,
    step,
    working_days_late,
)
from jiguan_core.work.errors import ChecklistIncomplete, OutOfOrderTransition, WorkflowFinished

__all__ = [
    "MEETING_STAGES",
    "OFFICE_TEMPLATE",
    "ChecklistItem",
    "MeetingStage",
    "MeetingTemplate",
    "MeetingWorkflow",
    "start_meeting",
]


class MeetingStage(TermEnum):
    PREPARATION = "preparation", "筹备"
    RUNNING = "running", "组织"
    SUMMARY = "summary", "总结"


#: The stages of a meeting, in order.
MEETING_STAGES: tuple[MeetingStage, ...] = tuple(MeetingStage)


class ChecklistItem(TermEnum):
    VENUE_BOOKED = "venue_booked", "会场已落实"
    NOTICE_SENT = "notice_sent", "会议通知已发"
    MATERIALS_READY = "materials_ready", "会议材料已备齐"
    ATTENDANCE_TAKEN = "attendance_taken", "签到已完成"
    RECORD_TAKEN = "record_taken", "会议记录已完成"
    MINUTES_ISSUED = "minutes_issued", "会议纪要已印发"
    DECISIONS_LISTED = "decisions_listed", "议定事项已列入任务清单"


def _checklist(
    value: Mapping[MeetingStage, tuple[ChecklistItem, ...]]
    | tuple[tuple[MeetingStage, tuple[ChecklistItem, ...]], ...],
) -> tuple[tuple[MeetingStage, tuple[ChecklistItem, ...]], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((stage, tuple(items)) for stage, items in pairs)


@frozen(kw_only=True)
class MeetingTemplate:
    """The checklist of each stage, as the office's own template."""

    checklist: tuple[tuple[MeetingStage, tuple[ChecklistItem, ...]], ...] = field(
        converter=_checklist
    )

    def __attrs_post_init__(self) -> None:
        seen: list[ChecklistItem] = []
        for stage, items in self.checklist:
            if not isinstance(stage, MeetingStage):
                raise InvalidValue(
                    f"MeetingTemplate: {stage!r} is not a MeetingStage",
                    f"会议模板：{stage!r} 不是办会环节",
                    field="checklist",
                    value=stage,
                )
            for item in items:
                if not isinstance(item, ChecklistItem) or item in seen:
                    raise InvalidValue(
                        f"MeetingTemplate: {item!r} is not a checklist item or appears twice",
                        f"会议模板：{item!r} 不是清单项或重复出现",
                        field="checklist",
                        value=item,
                    )
                seen.append(item)

    def items(self, stage: MeetingStage) -> tuple[ChecklistItem, ...]:
        for found, items in self.checklist:
            if found is stage:
                return items
        return ()


#: The office's template: preparation (venue, notice, materials), running (attendance,
#: record), summary (minutes issued, decisions put on the task list).
OFFICE_TEMPLATE = MeetingTemplate(
    checklist={
        MeetingStage.PREPARATION: (
            ChecklistItem.VENUE_BOOKED,
            ChecklistItem.NOTICE_SENT,
            ChecklistItem.MATERIALS_READY,
        ),
        MeetingStage.RUNNING: (ChecklistItem.ATTENDANCE_TAKEN, ChecklistItem.RECORD_TAKEN),
        MeetingStage.SUMMARY: (ChecklistItem.MINUTES_ISSUED, ChecklistItem.DECISIONS_LISTED),
    }
)


def meeting_due(
    stage: MeetingStage,
    held_on: dt.date,
    calendar: WorkCalendar,
    parameters: Mapping[str, ParameterValue] | None = None,
) -> dt.date:
    """The time node of ``stage`` for a meeting held on ``held_on`` (WORK-MEETINGS)."""
    values = parameters if parameters is not None else MEETING_DEADLINES.resolve()
    if stage is MeetingStage.PREPARATION:
        return calendar.add_working_days(held_on, -int(values["preparation_lead_days"]))
    if stage is MeetingStage.RUNNING:
        return held_on
    return calendar.add_working_days(held_on, int(values["minutes_days"]))


def _stage(value: object, workflow_id: str) -> MeetingStage:
    if isinstance(value, MeetingStage):
        return value
    found = next(
        (s for s in MeetingStage if isinstance(value, str) and value in (s.value, s.name, s.zh)),
        None,
    )
    if found is None:
        names = " → ".join(f"{s.value} ({s.zh})" for s in MeetingStage)
        raise InvalidValue(
            f"{workflow_id}: {value!r} is not a meeting stage; the stages are {names}",
            f"{workflow_id}：{value!r} 不是办会环节；环节依次为 {names}",
            field="stage",
            value=value,
        )
    return found


def _checked(values: Iterable[ChecklistItem]) -> tuple[ChecklistItem, ...]:
    return tuple(values) if is_collection(values) else keep(values, _checked)


@frozen(kw_only=True)
class MeetingWorkflow:
    """One meeting on its way; ``stage`` is the stage under way (None: finished)."""

    #: The enum of the stages in ``history`` (read back from JSON by the library's converter).
    stage_type: ClassVar[type[TermEnum]] = MeetingStage

    id: str = field(validator=identifier)
    title: str = field(validator=text)
    department_id: str = field(validator=identifier)
    held_on: dt.date = field(validator=date_value)
    started: dt.date = field(validator=date_value)
    stage: MeetingStage | None = field(validator=optional(member_of(MeetingStage)))
    responsible_id: str | None = field(validator=optional_identifier)
    due: dt.date | None = field(validator=optional_date)
    checked: tuple[ChecklistItem, ...] = field(
        converter=_checked, validator=members_of(ChecklistItem)
    )
    history: tuple[StageEvent, ...] = field(converter=events, validator=members_of(StageEvent))
    template: MeetingTemplate = field(
        default=OFFICE_TEMPLATE, validator=instance_of(MeetingTemplate)
    )
    parameters: Mapping[str, ParameterValue] = field(
        factory=lambda: MEETING_DEADLINES.resolve(), eq=False, repr=False
    )

    @property
    def is_finished(self) -> bool:
        return self.stage is None

    @property
    def completed_stages(self) -> tuple[MeetingStage, ...]:
        return tuple(
            e.stage
            for e in self.history
            if e.kind is EventKind.COMPLETED and isinstance(e.stage, MeetingStage)
        )

    @property
    def open_items(self) -> tuple[ChecklistItem, ...]:
        """Items of the current stage's checklist not yet ticked."""
        if self.stage is None:
            return ()
        return tuple(i for i in self.template.items(self.stage) if i not in self.checked)

    def is_late(self, as_of: dt.date) -> bool:
        return self.due is not None and as_of > self.due

    def working_days_late(self, as_of: dt.date, calendar: WorkCalendar) -> int:
        return working_days_late(self.due, as_of, calendar)

    def describe(self, lang: Lang = "zh") -> str:
        if self.stage is None:
            state = "已办结" if lang == "zh" else "finished"
        else:
            items = (
                "、".join(i.zh for i in self.open_items)
                if lang == "zh"
                else ", ".join(i.en for i in self.open_items)
            )
            state = (
                f"{self.stage.zh}（{self.responsible_id}，时限 {self.due}；待办：{items or '无'}）"
                if lang == "zh"
                else f"{self.stage.en} ({self.responsible_id}, due {self.due}; open: "
                f"{items or 'none'})"
            )
        return f"{self.id} {self.title} [{self.held_on}] {state}"

    def _last_day(self) -> dt.date:
        return last_day(self.history, self.started)

    def check(self, item: ChecklistItem | str, *, on: dt.date, by: str) -> MeetingWorkflow:
        """Tick ``item`` of the current stage's checklist."""
        if self.stage is None:
            raise WorkflowFinished(
                f"meeting {self.id} is finished; nothing is left to tick",
                f"会议 {self.id} 已办结",
                workflow_id=self.id,
                rule_id="WORK-MEETINGS",
            )
        try:
            entry = item if isinstance(item, ChecklistItem) else ChecklistItem.parse(str(item))
        except InvalidValue:
            entry = None
        if entry is None or entry not in self.template.items(self.stage):
            allowed = ", ".join(f"{i.value} ({i.zh})" for i in self.template.items(self.stage))
            raise OutOfOrderTransition(
                f"meeting {self.id}: {item!r} is not on the checklist of the current stage "
                f"{self.stage.en}; its items are {allowed}",
                f"会议 {self.id}：{item!r} 不在当前环节“{self.stage.zh}”的清单中；清单为 {allowed}",
                workflow_id=self.id,
                rule_id="WORK-MEETINGS",
            )
        event = step(
            self.id,
            EventKind.CHECKED,
            self.stage,
            on=on,
            by=by,
            after=self._last_day(),
            note=entry.value,
        )
        if entry in self.checked:
            return self
        return attrs.evolve(self, checked=(*self.checked, entry), history=(*self.history, event))

    def advance(
        self,
        stage: MeetingStage | str,
        *,
        on: dt.date,
        by: str,
        to: str | None = None,
        calendar: WorkCalendar,
    ) -> MeetingWorkflow:
        """Complete ``stage`` (the current one, its checklist ticked) and hand on the next."""
        done = _stage(stage, self.id)
        if self.stage is None:
            raise WorkflowFinished(
                f"meeting {self.id} is finished; it cannot complete {done.en} again",
                f"会议 {self.id} 已办结，不能再办理“{done.zh}”",
                workflow_id=self.id,
                rule_id="WORK-MEETINGS",
            )
        if done is not self.stage:
            raise OutOfOrderTransition(
                f"meeting {self.id} cannot complete {done.en} ({done.zh}) now: it is at "
                f"{self.stage.en} ({self.stage.zh}), {self.responsible_id}'s turn",
                f"会议 {self.id} 现在不能办理“{done.zh}”：当前环节为“{self.stage.zh}”，"
                f"由 {self.responsible_id} 办理",
                workflow_id=self.id,
                rule_id="WORK-MEETINGS",
            )
        missing = self.open_items
        if missing:
            raise ChecklistIncomplete(
                f"meeting {self.id} cannot leave {done.en}: open items "
                + ", ".join(i.en for i in missing),
                f"会议 {self.id} 的“{done.zh}”环节尚有未完成事项："
                + "、".join(i.zh for i in missing),
                workflow_id=self.id,
                rule_id="WORK-MEETINGS",
            )
        completed = step(self.id, EventKind.COMPLETED, done, on=on, by=by, after=self._last_day())
        index = MEETING_STAGES.index(done)
        if index + 1 == len(MEETING_STAGES):
            return hand_on(self, (completed,), None, None, None)
        following = MEETING_STAGES[index + 1]
        if to is None:
            raise InvalidValue(
                f"{self.id}: name the person responsible for {following.en} ({following.zh}) "
                "with to=...",
                f"{self.id}：请以 to= 指定“{following.zh}”环节的责任人",
                field="to",
                value=to,
            )
        nxt = check_person(to, "to", self.id)
        due = meeting_due(following, self.held_on, calendar, self.parameters)
        start = started(self.id, following, on=completed.on, to=nxt, due=due)
        return hand_on(self, (completed, start), following, nxt, due)


@boundary
def start_meeting(
    *,
    id: str,
    title: str,
    department_id: str,
    organiser_id: str,
    on: dt.date,
    held_on: dt.date,
    calendar: WorkCalendar,
    template: MeetingTemplate = OFFICE_TEMPLATE,
    overrides: Mapping[str, Any] | None = None,
) -> MeetingWorkflow:
    """A meeting in preparation from ``on``, held on ``held_on``.

    Refused (InvalidValue naming the meeting) when the preparation deadline falls before ``on``.
    """
    check_day(on, "on", id, dt.date.min)
    check_day(held_on, "held_on", id, on)
    parameters = MEETING_DEADLINES.resolve(overrides)
    due = meeting_due(MeetingStage.PREPARATION, held_on, calendar, parameters)
    if due < on:
        raise InvalidValue(
            f"meeting {id}: preparation would be due {due}, before it starts on {on}; start "
            "earlier or hold the meeting later",
            f"会议 {id}：筹备时限 {due} 早于开始日期 {on}",
            field="held_on",
            value=held_on,
        )
    person = check_person(organiser_id, "organiser_id", id)
    return MeetingWorkflow(
        id=id,
        title=title,
        department_id=department_id,
        held_on=held_on,
        started=on,
        stage=MeetingStage.PREPARATION,
        responsible_id=person,
        due=due,
        checked=(),
        history=(started(id, MeetingStage.PREPARATION, on=on, to=person, due=due),),
        template=template,
        parameters=parameters,
    )
