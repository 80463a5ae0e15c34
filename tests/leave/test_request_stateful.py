"""Random walks through leave requests, checked against a simple model: approvers in chain
order, a refusal, withdrawal or 销假 ends the request, refused transitions change nothing, and
an absence exists exactly while the leave is approved or closed."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import JiguanError
from jiguan_core.leave import (
    ApproverRole,
    HalfDay,
    HalfDaySlot,
    LeaveKind,
    LeaveRequest,
    LeaveStatus,
    approval_chain,
    submit_leave,
    working_half_days,
)
from jiguan_core.staff import Level, Staff
from jiguan_core.work._workflow import EventKind

CALENDAR = WorkCalendar()
LEVELS = st.sampled_from((Level.CLERK, Level.SECTION_HEAD, Level.DIVISION_HEAD))


class LeaveMachine(RuleBasedStateMachine):
    """The model: the status and how many approvers of the chain have approved."""

    request: LeaveRequest
    status: LeaveStatus
    step: int
    day: dt.date

    @initialize(
        level=LEVELS,
        leader=st.booleans(),
        start=st.dates(min_value=dt.date(2026, 1, 5), max_value=dt.date(2026, 11, 30)),
        length=st.integers(min_value=0, max_value=30),
        afternoon=st.booleans(),
        kind=st.sampled_from(tuple(LeaveKind)),
    )
    def submit(
        self,
        level: Level,
        leader: bool,
        start: dt.date,
        length: int,
        afternoon: bool,
        kind: LeaveKind,
    ) -> None:
        who = Staff(
            id="me",
            name="请假人",
            department_id="d0",
            level=level,
            hire_date=dt.date(2010, 1, 1),
            is_leadership_member=leader,
        )
        first = HalfDaySlot(day=CALENDAR.next_working_day(start), half=HalfDay.MORNING)
        last = HalfDaySlot.from_index(first.index + length + afternoon)
        self.day = first.day - dt.timedelta(days=3)
        self.request = submit_leave(
            id="l1",
            requester=who,
            kind=kind,
            first=first,
            last=last,
            reason="事由",
            on=self.day,
            calendar=CALENDAR,
        )
        assert self.request.chain == approval_chain(who, self.request.half_days)
        assert self.request.half_days == working_half_days(first, last, CALENDAR)
        self.status, self.step = LeaveStatus.PENDING, 0

    def _expect_refused(self, action: object) -> None:
        before = self.request
        try:
            action()  # type: ignore[operator]
        except JiguanError:
            assert self.request == before
        else:  # pragma: no cover - the model says this must fail
            raise AssertionError("a transition the model forbids was accepted")

    @rule(role=st.sampled_from(tuple(ApproverRole)), later=st.integers(0, 2))
    def approve(self, role: ApproverRole, later: int) -> None:
        day = self.day + dt.timedelta(days=later)
        expected = self.status is LeaveStatus.PENDING and self.request.chain[self.step] is role
        if not expected:
            self._expect_refused(
                lambda: self.request.approve(on=day, by="boss", role=role, calendar=CALENDAR)
            )
            return
        self.request = self.request.approve(on=day, by="boss", role=role, calendar=CALENDAR)
        self.day = day
        self.step += 1
        if self.step == len(self.request.chain):
            self.status = LeaveStatus.APPROVED

    @rule()
    def refuse(self) -> None:
        if self.status is not LeaveStatus.PENDING:
            self._expect_refused(lambda: self.request.refuse(on=self.day, by="boss", reason="不宜"))
            return
        self.request = self.request.refuse(on=self.day, by="boss", reason="不宜")
        self.status = LeaveStatus.REFUSED

    @rule()
    def withdraw(self) -> None:
        if self.status is not LeaveStatus.PENDING:
            self._expect_refused(lambda: self.request.withdraw(on=self.day, by="me"))
            return
        self.request = self.request.withdraw(on=self.day, by="me")
        self.status = LeaveStatus.WITHDRAWN

    @rule(back=st.integers(min_value=1, max_value=40))
    def close(self, back: int) -> None:
        returned = HalfDaySlot.from_index(self.request.first.index + back)
        day = max(self.day, returned.day)
        if self.status is not LeaveStatus.APPROVED:
            self._expect_refused(
                lambda: self.request.close(on=day, by="me", returned=returned, calendar=CALENDAR)
            )
            return
        self.request = self.request.close(on=day, by="me", returned=returned, calendar=CALENDAR)
        self.day = day
        self.status = LeaveStatus.CLOSED
        last = HalfDaySlot.from_index(returned.index - 1)
        assert self.request.taken_days * 2 == working_half_days(self.request.first, last, CALENDAR)

    @invariant()
    def the_request_matches_the_model(self) -> None:
        assert self.request.status is self.status
        assert self.request.step == self.step
        approved_by = [
            e.stage
            for e in self.request.history
            if e.kind is EventKind.COMPLETED and isinstance(e.stage, ApproverRole)
        ]
        assert approved_by == list(self.request.chain[: self.step])

    @invariant()
    def an_absence_exists_exactly_while_approved_or_closed(self) -> None:
        has = self.request.absence is not None
        if self.status is LeaveStatus.APPROVED:
            assert has
        elif self.status is not LeaveStatus.CLOSED:
            assert not has

    @invariant()
    def only_a_pending_request_is_awaiting_someone(self) -> None:
        assert (self.request.approver_role is not None) == (self.status is LeaveStatus.PENDING)


TestLeaveWorkflow = LeaveMachine.TestCase
