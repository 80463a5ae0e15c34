"""A leave request (请假) on its way: submitted, approved step by step, refused or approved,
then closed by 销假 on return.

Like the document and meeting workflows, a :class:`LeaveRequest` is an immutable value with a
history of :class:`~jiguan_core.work._workflow.StageEvent`: each method returns a new request
or raises a :class:`~jiguan_core.work.errors.WorkflowError` and leaves the request unchanged.
The chain of approvers comes from LEAVE-L5 (:func:`~jiguan_core.leave.approval.approval_chain`),
each step with a deadline of ``approval_days`` working days. An approved request *is* an
:class:`~jiguan_core.absence.Absence` (:attr:`LeaveRequest.absence`), which the coverage, the
scheduler and the duty roster read; 销假 records the first half day back, so a leave ended early
counts only the half days taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen

from jiguan_core._validation import boundary, date_value, identifier
from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.leave import APPROVAL_CHAIN
from jiguan_core.errors import InvalidValue
from jiguan_core.leave.approval import ApproverRole, approval_chain
from jiguan_core.leave.halfday import HalfDaySlot, slots_span, working_half_days
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.rule import ParameterValue
from jiguan_core.staff import Staff
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work._workflow import EventKind, StageEvent, check_day, check_person, member_of
from jiguan_core.work.errors import OutOfOrderTransition, WorkflowFinished

__all__ = ["LeaveKind", "LeaveRequest", "LeaveStage", "LeaveStatus", "submit_leave"]


class LeaveKind(TermEnum):
    """The kinds of leave an office grants."""

    ANNUAL = "annual", "年休假"
    PERSONAL = "personal", "事假"
    SICK = "sick", "病假"
    MARRIAGE = "marriage", "婚假"
    MATERNITY = "maternity", "产假"
    BEREAVEMENT = "bereavement", "丧假"
    HOME_VISIT = "home_visit", "探亲假"

    @property
    def absence_kind(self) -> AbsenceKind:
        """The kind of :class:`Absence` an approved leave of this kind becomes."""
        return _ABSENCE_KINDS.get(self, AbsenceKind.OTHER)


_ABSENCE_KINDS = {
    LeaveKind.ANNUAL: AbsenceKind.ANNUAL_LEAVE,
    LeaveKind.PERSONAL: AbsenceKind.PERSONAL_LEAVE,
    LeaveKind.SICK: AbsenceKind.SICK_LEAVE,
    LeaveKind.MATERNITY: AbsenceKind.MATERNITY_LEAVE,
}


class LeaveStatus(TermEnum):
    """Where a leave request stands."""

    PENDING = "pending", "待审批"
    APPROVED = "approved", "已批准"
    REFUSED = "refused", "未批准"
    WITHDRAWN = "withdrawn", "已撤回"
    CLOSED = "closed", "已销假"

    @property
    def is_final(self) -> bool:
        return self in (LeaveStatus.REFUSED, LeaveStatus.WITHDRAWN, LeaveStatus.CLOSED)


class LeaveStage(TermEnum):
    """The stages of a leave outside its approval chain."""

    REQUEST = "request", "提出申请"
    LEAVE = "leave", "休假"
    RETURN = "return", "销假"


@frozen(kw_only=True)
class LeaveRequest:
    """One leave request; ``first`` .. ``last`` are the half days asked for (both included),
    ``half_days`` the working half days among them (LEAVE-L2), ``chain`` its approvers and
    ``step`` how many of them have approved."""

    id: str = field(validator=identifier)
    staff_id: str = field(validator=identifier)
    department_id: str = field(validator=identifier)
    kind: LeaveKind = field(validator=member_of(LeaveKind))
    first: HalfDaySlot
    last: HalfDaySlot
    reason: str
    submitted_on: dt.date = field(validator=date_value)
    half_days: int
    chain: tuple[ApproverRole, ...]
    step: int = 0
    status: LeaveStatus = field(default=LeaveStatus.PENDING, validator=member_of(LeaveStatus))
    due: dt.date | None = None
    returned: HalfDaySlot | None = None
    taken_half_days: int | None = None
    history: tuple[StageEvent, ...] = ()
    parameters: Mapping[str, ParameterValue] = field(
        factory=lambda: APPROVAL_CHAIN.resolve(), eq=False, repr=False
    )

    @property
    def days(self) -> float:
        """Working days asked for (a half day is 0.5)."""
        return self.half_days / 2

    @property
    def taken_days(self) -> float:
        """Working days actually taken: those asked for until 销假 says otherwise; 0 unless
        approved or closed."""
        if self.status is LeaveStatus.CLOSED and self.taken_half_days is not None:
            return self.taken_half_days / 2
        return self.days if self.status is LeaveStatus.APPROVED else 0.0

    @property
    def approver_role(self) -> ApproverRole | None:
        """Whose approval is awaited (None unless pending)."""
        if self.status is not LeaveStatus.PENDING:
            return None
        return self.chain[self.step]

    @property
    def absence(self) -> Absence | None:
        """The absence an approved (or closed) leave is; None otherwise. After 销假 it ends at
        the first half day back."""
        if self.status not in (LeaveStatus.APPROVED, LeaveStatus.CLOSED):
            return None
        last = self.last
        if self.returned is not None:
            if self.returned <= self.first:
                return None
            last = HalfDaySlot.from_index(self.returned.index - 1)
        return Absence(
            id=self.id,
            staff_id=self.staff_id,
            span=slots_span(self.first, last),
            kind=self.kind.absence_kind,
            note=f"{self.kind.zh}：{self.reason}",
        )

    def is_late(self, as_of: dt.date) -> bool:
        return self.due is not None and as_of > self.due

    def describe(self, lang: Lang = "zh") -> str:
        span = f"{self.first.render(lang)}—{self.last.render(lang)}"
        if lang == "zh":
            waiting = (
                f"，待{self.approver_role.zh}审批（时限 {self.due}）" if self.approver_role else ""
            )
            return (
                f"{self.id} {self.staff_id} {self.kind.zh} {span} 共{_days(self.days)}天"
                f" [{self.status.zh}]{waiting}"
            )
        waiting = (
            f", awaiting the {self.approver_role.en} (due {self.due})" if self.approver_role else ""
        )
        return (
            f"{self.id} {self.staff_id} {self.kind.en} {span}, {_days(self.days)} day(s)"
            f" [{self.status.en}]{waiting}"
        )

    def _last_day(self) -> dt.date:
        return self.history[-1].on if self.history else self.submitted_on

    def _finished(self, action_en: str, action_zh: str) -> WorkflowFinished:
        return WorkflowFinished(
            f"leave {self.id} is {self.status.en}; it cannot be {action_en}",
            f"请假 {self.id} {self.status.zh}，不能{action_zh}",
            workflow_id=self.id,
            rule_id=APPROVAL_CHAIN.id,
        )

    def _pending_role(self, role: ApproverRole | str | None) -> ApproverRole:
        expected = self.chain[self.step]
        if role is None:
            return expected
        found = role if isinstance(role, ApproverRole) else ApproverRole.parse(str(role))
        if found is not expected:
            raise OutOfOrderTransition(
                f"leave {self.id} awaits the {expected.en}, not the {found.en} "
                f"(chain: {' → '.join(r.en for r in self.chain)})",
                f"请假 {self.id} 当前待{expected.zh}审批，不是{found.zh}"
                f"（审批顺序：{' → '.join(r.zh for r in self.chain)}）",
                workflow_id=self.id,
                rule_id=APPROVAL_CHAIN.id,
            )
        return found

    def approve(
        self,
        *,
        on: dt.date,
        by: str,
        calendar: WorkCalendar,
        role: ApproverRole | str | None = None,
        note: str = "",
    ) -> LeaveRequest:
        """The awaited approver (``role``, when given, must be that one) approves; after the
        last one the request is approved and becomes an absence."""
        if self.status is not LeaveStatus.PENDING:
            raise self._finished("approved", "再审批")
        approver = self._pending_role(role)
        day = check_day(on, "on", self.id, self._last_day())
        person = check_person(by, "by", self.id)
        if person == self.staff_id:
            raise OutOfOrderTransition(
                f"leave {self.id}: {person} cannot approve their own leave",
                f"请假 {self.id}：{person} 不能审批本人的请假",
                workflow_id=self.id,
                rule_id=APPROVAL_CHAIN.id,
            )
        events = [
            StageEvent(
                kind=EventKind.COMPLETED, stage=approver, person_id=person, on=day, note=note
            )
        ]
        step = self.step + 1
        if step == len(self.chain):
            events.append(
                StageEvent(kind=EventKind.STARTED, stage=LeaveStage.LEAVE, person_id=person, on=day)
            )
            return attrs.evolve(
                self,
                step=step,
                status=LeaveStatus.APPROVED,
                due=None,
                history=(*self.history, *events),
            )
        following = self.chain[step]
        due = calendar.add_working_days(day, int(self.parameters["approval_days"]))
        events.append(
            StageEvent(kind=EventKind.STARTED, stage=following, person_id=person, on=day, due=due)
        )
        return attrs.evolve(self, step=step, due=due, history=(*self.history, *events))

    def refuse(
        self, *, on: dt.date, by: str, reason: str, role: ApproverRole | str | None = None
    ) -> LeaveRequest:
        """The awaited approver refuses, giving ``reason`` (required)."""
        if self.status is not LeaveStatus.PENDING:
            raise self._finished("refused", "再审批")
        approver = self._pending_role(role)
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidValue(
                f"leave {self.id}: a refusal gives its reason",
                f"请假 {self.id}：不予批准须说明理由",
                field="reason",
                value=reason,
            )
        day = check_day(on, "on", self.id, self._last_day())
        person = check_person(by, "by", self.id)
        event = StageEvent(
            kind=EventKind.RETURNED, stage=approver, person_id=person, on=day, note=reason
        )
        return attrs.evolve(
            self, status=LeaveStatus.REFUSED, due=None, history=(*self.history, event)
        )

    def withdraw(self, *, on: dt.date, by: str) -> LeaveRequest:
        """The requester withdraws a request still pending."""
        if self.status is not LeaveStatus.PENDING:
            raise self._finished("withdrawn", "撤回")
        day = check_day(on, "on", self.id, self._last_day())
        person = check_person(by, "by", self.id)
        event = StageEvent(
            kind=EventKind.RETURNED, stage=LeaveStage.REQUEST, person_id=person, on=day
        )
        return attrs.evolve(
            self, status=LeaveStatus.WITHDRAWN, due=None, history=(*self.history, event)
        )

    def close(
        self, *, on: dt.date, by: str, returned: HalfDaySlot, calendar: WorkCalendar
    ) -> LeaveRequest:
        """销假: the requester is back from ``returned`` (the first half day at work). Earlier
        than planned shortens the leave; later records the extra working half days taken."""
        if self.status is not LeaveStatus.APPROVED:
            if self.status is LeaveStatus.PENDING:
                raise OutOfOrderTransition(
                    f"leave {self.id} is not approved yet; it cannot be closed",
                    f"请假 {self.id} 尚未批准，不能销假",
                    workflow_id=self.id,
                    rule_id=APPROVAL_CHAIN.id,
                )
            raise self._finished("closed", "销假")
        if not isinstance(returned, HalfDaySlot):
            raise InvalidValue(
                f"leave {self.id}: returned must be a HalfDaySlot, got {returned!r}",
                f"请假 {self.id}：returned 应为半天时段，实际为 {returned!r}",
                field="returned",
                value=returned,
            )
        day = check_day(on, "on", self.id, self._last_day())
        person = check_person(by, "by", self.id)
        taken = working_half_days(self.first, HalfDaySlot.from_index(returned.index - 1), calendar)
        event = StageEvent(
            kind=EventKind.COMPLETED,
            stage=LeaveStage.RETURN,
            person_id=person,
            on=day,
            note=returned.render("zh"),
        )
        return attrs.evolve(
            self,
            status=LeaveStatus.CLOSED,
            returned=returned,
            taken_half_days=taken,
            history=(*self.history, event),
        )


def _days(value: float) -> str:
    return f"{value:g}"


@boundary
def submit_leave(
    *,
    id: str,
    requester: Staff,
    kind: LeaveKind,
    first: HalfDaySlot,
    last: HalfDaySlot,
    reason: str,
    on: dt.date,
    calendar: WorkCalendar,
    overrides: Mapping[str, Any] | None = None,
    policy: Policy | None = None,
) -> LeaveRequest:
    """A new request, its approval chain chosen by LEAVE-L5, the first step due
    ``approval_days`` working days after ``on``.

    Refused (InvalidValue) when ``last`` is before ``first``, when no working half day lies
    between them (nothing to ask leave for), or without a reason. LEAVE-L5's parameters are
    ``policy``'s (``overrides``: that rule's parameters, a shorthand; not both).
    """
    chosen = effective_policy(policy, overrides, where="submit_leave", rule_id=APPROVAL_CHAIN.id)
    check_day(on, "on", id, dt.date.min)
    if last < first:
        raise InvalidValue(
            f"leave {id}: the last half day {last.render('en')} is before the first "
            f"{first.render('en')}",
            f"请假 {id}：结束 {last.render('zh')} 早于开始 {first.render('zh')}",
            field="last",
            value=last,
        )
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidValue(
            f"leave {id}: give the reason for the leave",
            f"请假 {id}：请填写请假事由",
            field="reason",
            value=reason,
        )
    half_days = working_half_days(first, last, calendar)
    if half_days == 0:
        raise InvalidValue(
            f"leave {id}: {first.render('en')} to {last.render('en')} holds no working half day "
            "(LEAVE-L2); nothing to ask leave for",
            f"请假 {id}：{first.render('zh')} 至 {last.render('zh')} 没有工作日，无需请假",
            field="first",
            value=first,
        )
    parameters = chosen.parameters(APPROVAL_CHAIN.id)
    chain = approval_chain(requester, half_days, policy=chosen)
    due = calendar.add_working_days(on, int(parameters["approval_days"]))
    return LeaveRequest(
        id=id,
        staff_id=requester.id,
        department_id=requester.department_id,
        kind=kind,
        first=first,
        last=last,
        reason=reason,
        submitted_on=on,
        half_days=half_days,
        chain=chain,
        due=due,
        history=(
            StageEvent(
                kind=EventKind.STARTED, stage=chain[0], person_id=requester.id, on=on, due=due
            ),
        ),
        parameters=parameters,
    )
