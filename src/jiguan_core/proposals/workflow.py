"""A proposal on its way (提案办理): 审查立案 → 交办 → 办理 → 答复 → 委员反馈 → 办结.

Like the document workflow, a :class:`ProposalWorkflow` is an immutable value with a history of
:class:`~jiguan_core.work._workflow.StageEvent`; each transition returns a new value or raises a
:class:`~jiguan_core.work.errors.WorkflowError`, leaving the proposal unchanged. Each stage has a
responsible unit and person and a deadline (PROPOSAL-P2): filing and assignment in working days
after the previous step, the reply within ``reply_months`` calendar months of assignment
(``hard_case_months`` for a hard case), handling ``reply_drafting_days`` working days before
that, feedback and conclusion in working days. A key proposal (重点提案) names its supervising
leader at assignment (PROPOSAL-P1-KEY) and records each 督办. An unsatisfied proposer sends the
proposal back to handling (PROPOSAL-P1). Late proposals become
:class:`~jiguan_core.work.lateness.LateItem` for the work meeting (:func:`proposal_late_items`).
"""

from __future__ import annotations

import calendar as _months
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import field, frozen

from jiguan_core._validation import boundary, date_value, identifier, text
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.proposals import PROPOSAL_DEADLINES, PROPOSAL_KEY, PROPOSAL_STAGES
from jiguan_core.errors import InvalidValue
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.rule import ParameterValue
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work._workflow import (
    EventKind,
    StageEvent,
    check_day,
    check_person,
    hand_on,
    last_day,
    member_of,
    started,
    step,
    working_days_late,
)
from jiguan_core.work.errors import OutOfOrderTransition, WorkflowFinished
from jiguan_core.work.lateness import ItemKind, LateItem

__all__ = [
    "PROPOSAL_ORDER",
    "Feedback",
    "ProposalStage",
    "ProposalStatus",
    "ProposalWorkflow",
    "Supervision",
    "add_months",
    "proposal_late_items",
    "submit_proposal",
]


class ProposalStage(TermEnum):
    """The stages of a proposal (PROPOSAL-P1)."""

    FILING = "filing", "审查立案"
    ASSIGNMENT = "assignment", "交办"
    HANDLING = "handling", "办理"
    REPLY = "reply", "答复"
    FEEDBACK = "feedback", "委员反馈"
    CONCLUSION = "conclusion", "办结"


#: The stages in order.
PROPOSAL_ORDER: tuple[ProposalStage, ...] = tuple(ProposalStage)


class ProposalStatus(TermEnum):
    """Where a proposal stands."""

    OPEN = "open", "办理中"
    NOT_FILED = "not_filed", "不予立案"
    CONCLUDED = "concluded", "已办结"


class Feedback(TermEnum):
    """The proposer's view of the answer (委员反馈)."""

    SATISFIED = "satisfied", "满意"
    BASICALLY_SATISFIED = "basically_satisfied", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


class Supervision(TermEnum):
    """A 督办 event of a key proposal."""

    SUPERVISED = "supervised", "督办"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (the month's last day when it is short:
    30 November + 3 months is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _months.monthrange(year, month)[1]))


@frozen(kw_only=True)
class ProposalWorkflow:
    """One proposal; ``stage`` is the stage under way (None once concluded or not filed),
    ``unit_id`` and ``responsible_id`` whose turn it is, ``due`` its deadline."""

    id: str = field(validator=identifier)
    title: str = field(validator=text)
    proposer: str = field(validator=text)
    submitted_on: dt.date = field(validator=date_value)
    key: bool = False
    hard_case: bool = False
    stage: ProposalStage | None = None
    status: ProposalStatus = field(default=ProposalStatus.OPEN, validator=member_of(ProposalStatus))
    unit_id: str | None = None
    responsible_id: str | None = None
    due: dt.date | None = None
    assigned_on: dt.date | None = None
    handling_unit_id: str | None = None
    supervisor_id: str | None = None
    feedback: Feedback | None = None
    history: tuple[StageEvent, ...] = ()
    parameters: Mapping[str, ParameterValue] = field(
        factory=lambda: PROPOSAL_DEADLINES.resolve(), eq=False, repr=False
    )

    @property
    def is_filed(self) -> bool:
        return self.status is not ProposalStatus.NOT_FILED and any(
            e.kind is EventKind.COMPLETED and e.stage is ProposalStage.FILING for e in self.history
        )

    @property
    def replied_on(self) -> dt.date | None:
        """The day of the (last) reply, None before one."""
        days = [
            e.on
            for e in self.history
            if e.kind is EventKind.COMPLETED and e.stage is ProposalStage.REPLY
        ]
        return days[-1] if days else None

    @property
    def supervisions(self) -> tuple[StageEvent, ...]:
        return tuple(e for e in self.history if e.stage is Supervision.SUPERVISED)

    def is_late(self, as_of: dt.date) -> bool:
        return self.due is not None and as_of > self.due

    def working_days_late(self, as_of: dt.date, calendar: WorkCalendar) -> int:
        return working_days_late(self.due, as_of, calendar)

    def reply_due(self) -> dt.date | None:
        """PROPOSAL-P2: ``reply_months`` (hard case: ``hard_case_months``) after assignment."""
        if self.assigned_on is None:
            return None
        months = "hard_case_months" if self.hard_case else "reply_months"
        return add_months(self.assigned_on, int(self.parameters[months]))

    def describe(self, lang: Lang = "zh") -> str:
        key = ("【重点】" if lang == "zh" else "[key] ") if self.key else ""
        if self.stage is None:
            state = self.status.label(lang)
        elif lang == "zh":
            state = f"{self.stage.zh}（{self.unit_id}/{self.responsible_id}，时限 {self.due}）"
        else:
            state = f"{self.stage.en} ({self.unit_id}/{self.responsible_id}, due {self.due})"
        return f"{key}{self.id} {self.title} — {state}"

    # transitions ---------------------------------------------------------------------------
    def _last_day(self) -> dt.date:
        return last_day(self.history, self.submitted_on)

    def _at(self, stage: ProposalStage, rule_id: str = PROPOSAL_STAGES.id) -> None:
        if self.stage is None:
            raise WorkflowFinished(
                f"proposal {self.id} is {self.status.en}; it cannot complete {stage.en}",
                f"提案 {self.id} {self.status.zh}，不能办理“{stage.zh}”",
                workflow_id=self.id,
                rule_id=rule_id,
            )
        if stage is not self.stage:
            raise OutOfOrderTransition(
                f"proposal {self.id} cannot complete {stage.en} ({stage.zh}) now: it is at "
                f"{self.stage.en} ({self.stage.zh}) with {self.unit_id}/{self.responsible_id}",
                f"提案 {self.id} 现在不能办理“{stage.zh}”：当前环节为“{self.stage.zh}”，"
                f"由 {self.unit_id}/{self.responsible_id} 办理",
                workflow_id=self.id,
                rule_id=rule_id,
            )

    def _move(
        self,
        done: ProposalStage,
        *,
        on: dt.date,
        by: str,
        following: ProposalStage | None,
        unit: str | None,
        to: str | None,
        due: dt.date | None,
        note: str = "",
        **changes: Any,
    ) -> ProposalWorkflow:
        done_event = step(
            self.id, EventKind.COMPLETED, done, on=on, by=by, after=self._last_day(), note=note
        )
        if following is None:
            return hand_on(self, (done_event,), None, None, None, unit_id=None, **changes)
        nxt = check_person(to, "to", self.id)
        owner = check_person(unit, "unit", self.id)
        start = started(self.id, following, on=done_event.on, to=nxt, due=due, note=owner)
        return hand_on(self, (done_event, start), following, nxt, due, unit_id=owner, **changes)

    def _move_within(
        self,
        done: ProposalStage,
        following: ProposalStage,
        days: str,
        on: dt.date,
        by: str,
        unit: str | None,
        to: str,
        calendar: WorkCalendar,
        **changes: Any,
    ) -> ProposalWorkflow:
        """:meth:`_move` to ``following``, due the parameter ``days`` working days after ``on``
        (PROPOSAL-P2)."""
        due = calendar.add_working_days(on, int(self.parameters[days]))
        return self._move(
            done, on=on, by=by, following=following, unit=unit, to=to, due=due, **changes
        )

    def _close(
        self, done: ProposalStage, status: ProposalStatus, on: dt.date, by: str, note: str = ""
    ) -> ProposalWorkflow:
        """:meth:`_move` that ends the proposal (no stage follows) with ``status``."""
        return self._move(
            done,
            on=on,
            by=by,
            following=None,
            unit=None,
            to=None,
            due=None,
            note=note,
            status=status,
        )

    def file(
        self, *, on: dt.date, by: str, unit: str, to: str, calendar: WorkCalendar
    ) -> ProposalWorkflow:
        """立案: filed; assignment goes to ``unit``/``to`` (the proposal committee's office)."""
        self._at(ProposalStage.FILING)
        following = ProposalStage.ASSIGNMENT
        return self._move_within(
            ProposalStage.FILING, following, "assignment_days", on, by, unit, to, calendar
        )

    def decline(self, *, on: dt.date, by: str, reason: str) -> ProposalWorkflow:
        """不予立案 (e.g. turned into a suggestion), with its reason."""
        self._at(ProposalStage.FILING)
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidValue(
                f"proposal {self.id}: not filing it needs a reason",
                f"提案 {self.id}：不予立案须说明理由",
                field="reason",
                value=reason,
            )
        return self._close(ProposalStage.FILING, ProposalStatus.NOT_FILED, on, by, note=reason)

    def assign(
        self,
        *,
        on: dt.date,
        by: str,
        unit: str,
        to: str,
        supervisor: str | None = None,
        calendar: WorkCalendar,
    ) -> ProposalWorkflow:
        """交办 to the handling ``unit`` (person ``to``); a key proposal names its
        ``supervisor`` (PROPOSAL-P1-KEY). Handling is due ``reply_drafting_days`` working days
        before the reply deadline (PROPOSAL-P2)."""
        self._at(ProposalStage.ASSIGNMENT)
        if self.key and supervisor is None:
            raise OutOfOrderTransition(
                f"proposal {self.id} is a key proposal: name its supervising leader "
                "(supervisor=...) at assignment",
                f"提案 {self.id} 为重点提案，交办时须明确督办领导",
                workflow_id=self.id,
                rule_id=PROPOSAL_KEY.id,
            )
        if supervisor is not None:
            check_person(supervisor, "supervisor", self.id)
        day = check_day(on, "on", self.id, self._last_day())
        assigned = attrs.evolve(self, assigned_on=day)
        reply_due = assigned.reply_due()
        assert reply_due is not None
        due = max(
            day,
            calendar.add_working_days(reply_due, -int(self.parameters["reply_drafting_days"])),
        )
        return assigned._move(
            ProposalStage.ASSIGNMENT,
            on=on,
            by=by,
            following=ProposalStage.HANDLING,
            unit=unit,
            to=to,
            due=due,
            handling_unit_id=unit,
            supervisor_id=supervisor,
        )

    def supervise(self, *, on: dt.date, by: str, note: str = "") -> ProposalWorkflow:
        """督办 a key proposal under handling (PROPOSAL-P1-KEY)."""
        if not self.key:
            raise OutOfOrderTransition(
                f"proposal {self.id} is not a key proposal; 督办 is for key proposals",
                f"提案 {self.id} 不是重点提案",
                workflow_id=self.id,
                rule_id=PROPOSAL_KEY.id,
            )
        self._at(ProposalStage.HANDLING, PROPOSAL_KEY.id)
        event = step(
            self.id,
            EventKind.CHECKED,
            Supervision.SUPERVISED,
            on=on,
            by=by,
            after=self._last_day(),
            note=note,
        )
        return attrs.evolve(self, history=(*self.history, event))

    def handle(self, *, on: dt.date, by: str, to: str) -> ProposalWorkflow:
        """办理 done: the answer goes to ``to`` (who signs it) by the reply deadline."""
        self._at(ProposalStage.HANDLING)
        reply_due = self.reply_due()
        assert reply_due is not None
        assert self.handling_unit_id is not None
        due = max(reply_due, on) if self.feedback is Feedback.UNSATISFIED else reply_due
        return self._move(
            ProposalStage.HANDLING,
            on=on,
            by=by,
            following=ProposalStage.REPLY,
            unit=self.handling_unit_id,
            to=to,
            due=due,
        )

    def reply(
        self, *, on: dt.date, by: str, unit: str, to: str, calendar: WorkCalendar
    ) -> ProposalWorkflow:
        """答复 sent to the proposer; the feedback is collected by ``unit``/``to``."""
        self._at(ProposalStage.REPLY)
        following = ProposalStage.FEEDBACK
        return self._move_within(
            ProposalStage.REPLY, following, "feedback_days", on, by, unit, to, calendar
        )

    def record_feedback(
        self, feedback: Feedback, *, on: dt.date, by: str, calendar: WorkCalendar, to: str
    ) -> ProposalWorkflow:
        """委员反馈: satisfied or basically satisfied goes on to 办结 (with ``to``); unsatisfied
        sends it back to the handling unit (person ``to``) for ``rehandle_days``."""
        self._at(ProposalStage.FEEDBACK)
        if not isinstance(feedback, Feedback):
            raise InvalidValue(
                f"proposal {self.id}: feedback must be a Feedback, got {feedback!r}",
                f"提案 {self.id}：反馈应为满意、基本满意或不满意，实际为 {feedback!r}",
                field="feedback",
                value=feedback,
            )
        unit: str | None
        if feedback is Feedback.UNSATISFIED:
            assert self.handling_unit_id is not None
            following, unit, days = ProposalStage.HANDLING, self.handling_unit_id, "rehandle_days"
        else:  # satisfied or basically satisfied
            following, unit, days = ProposalStage.CONCLUSION, self.unit_id, "conclusion_days"
        done = ProposalStage.FEEDBACK
        return self._move_within(
            done,
            following,
            days,
            on,
            by,
            unit,
            to,
            calendar,
            note=feedback.value,
            feedback=feedback,
        )

    def conclude(self, *, on: dt.date, by: str) -> ProposalWorkflow:
        """办结."""
        self._at(ProposalStage.CONCLUSION)
        return self._close(ProposalStage.CONCLUSION, ProposalStatus.CONCLUDED, on, by)


@boundary
def submit_proposal(
    *,
    id: str,
    title: str,
    proposer: str,
    on: dt.date,
    unit: str,
    reviewer: str,
    calendar: WorkCalendar,
    key: bool = False,
    hard_case: bool = False,
    overrides: Mapping[str, Any] | None = None,
    policy: Policy | None = None,
) -> ProposalWorkflow:
    """A proposal submitted on ``on``; filing is with ``unit``/``reviewer``, due
    ``filing_days`` working days later (PROPOSAL-P2). Every deadline of the proposal is fixed
    now, by PROPOSAL-P2's parameters under ``policy`` (``overrides``: that rule's parameters, a
    shorthand; not both)."""
    check_day(on, "on", id, dt.date.min)
    parameters = effective_policy(
        policy, overrides, where="submit_proposal", rule_id=PROPOSAL_DEADLINES.id
    ).parameters(PROPOSAL_DEADLINES.id)
    due = calendar.add_working_days(on, int(parameters["filing_days"]))
    person = check_person(reviewer, "reviewer", id)
    owner = check_person(unit, "unit", id)
    return ProposalWorkflow(
        id=id,
        title=title,
        proposer=proposer,
        submitted_on=on,
        key=key,
        hard_case=hard_case,
        stage=ProposalStage.FILING,
        unit_id=owner,
        responsible_id=person,
        due=due,
        history=(started(id, ProposalStage.FILING, on=on, to=person, due=due, note=owner),),
        parameters=parameters,
    )


@boundary
def proposal_late_items(
    proposals: Iterable[ProposalWorkflow],
    *,
    as_of: dt.date,
    calendar: WorkCalendar,
    policy: Policy | None = None,
) -> tuple[LateItem, ...]:
    """The proposals past their stage deadline on ``as_of``, as items for the work meeting
    (:func:`jiguan_core.work.work_meeting_agenda`'s ``late``), most working days late first.
    Under a ``policy`` that switches PROPOSAL-P2 off nothing is late; each item carries the
    rule's level under it."""
    chosen = effective_policy(policy, where="proposal_late_items")
    if not chosen.enabled(PROPOSAL_DEADLINES.id):
        return ()
    level = chosen.level(PROPOSAL_DEADLINES.id)
    found = [
        LateItem(
            kind=ItemKind.PROPOSAL,
            item_id=p.id,
            title=p.title,
            stage=p.stage,
            responsible_id=p.responsible_id,
            due=p.due,
            working_days_late=p.working_days_late(as_of, calendar),
            level=level,
        )
        for p in proposals
        if p.stage is not None
        and p.due is not None
        and p.responsible_id is not None
        and p.is_late(as_of)
    ]
    return tuple(sorted(found, key=lambda i: (-i.working_days_late, i.due, i.item_id)))
