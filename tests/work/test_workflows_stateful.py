"""Random walks through document and meeting workflows, checked against a simple model:
no stage skipped, history complete, deadlines consistent with the calendar, refused
transitions leave the state unchanged, every state reads back from JSON unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from jiguan_core.errors import JiguanError
from jiguan_core.serialization import from_json, to_json
from jiguan_core.work._workflow import EventKind
from jiguan_core.work.documents import (
    DocumentFlow,
    DocumentKind,
    DocumentPolicy,
    DocumentStage,
    DocumentWorkflow,
    Urgency,
    start_document,
)
from jiguan_core.work.meetings import (
    MEETING_STAGES,
    OFFICE_TEMPLATE,
    ChecklistItem,
    MeetingStage,
    MeetingWorkflow,
    meeting_due,
    start_meeting,
)
from tests.strategies_work import CALENDAR

PEOPLE = st.sampled_from(("p1", "p2", "p3", "p4"))
STEP = st.integers(min_value=0, max_value=4)
POLICY = DocumentPolicy()


class DocumentMachine(RuleBasedStateMachine):
    """One document driven by random transitions; the model is the expected stage index."""

    doc: DocumentWorkflow
    index: int  # index of the current stage in the flow's order; len(order) = finished
    events: int

    @initialize(
        flow=st.sampled_from(tuple(DocumentFlow)),
        kind=st.sampled_from(tuple(DocumentKind)),
        urgency=st.sampled_from(tuple(Urgency)),
        start=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 6, 30)),
        reply_in=st.integers(min_value=0, max_value=20),
        person=PEOPLE,
    )
    def start(
        self,
        flow: DocumentFlow,
        kind: DocumentKind,
        urgency: Urgency,
        start: dt.date,
        reply_in: int,
        person: str,
    ) -> None:
        urgent_in = flow is DocumentFlow.RECEIVING and urgency.is_urgent
        self.doc = start_document(
            id="doc",
            title="公文",
            flow=flow,
            kind=kind,
            urgency=urgency,
            department_id="d-office",
            responsible_id=person,
            on=start,
            calendar=CALENDAR,
            reply_deadline=CALENDAR.add_working_days(start, reply_in) if urgent_in else None,
            chaser_id="chaser" if urgent_in else None,
        )
        self.index = 0
        self.events = 1
        self.day = start

    def _order(self) -> tuple[DocumentStage, ...]:
        return self.doc.stages

    @rule(step=STEP, by=PEOPLE, to=PEOPLE)
    def complete_the_current_stage(self, step: int, by: str, to: str) -> None:
        order = self._order()
        if self.index == len(order):
            return
        self.day = self.day + dt.timedelta(days=step)
        last = self.index + 1 == len(order)
        nxt = None if last else order[self.index + 1]
        self.doc = self.doc.advance(
            order[self.index],
            on=self.day,
            by=by,
            to=None if last or (nxt is DocumentStage.CHASING and self.doc.chaser_id) else to,
            calendar=CALENDAR,
        )
        self.index += 1
        self.events += 1 if last else 2

    @rule(stage=st.sampled_from(tuple(DocumentStage)), by=PEOPLE)
    def try_a_stage_out_of_turn(self, stage: DocumentStage, by: str) -> None:
        order = self._order()
        if self.index < len(order) and stage is order[self.index]:
            return
        before = self.doc
        try:
            self.doc.advance(stage, on=self.day, by=by, to=by, calendar=CALENDAR)
        except JiguanError:
            pass
        else:
            raise AssertionError(f"{stage} accepted out of turn at index {self.index}")
        assert self.doc == before

    @precondition(lambda self: self.doc.flow is DocumentFlow.SENDING)
    @rule(substantive=st.booleans(), by=PEOPLE)
    def amend(self, substantive: bool, by: str) -> None:
        order = self._order()
        if self.index == len(order):
            try:
                self.doc.amend(on=self.day, by=by, substantive=substantive, calendar=CALENDAR)
            except JiguanError:
                return
            raise AssertionError("a dispatched document was amended")
        signing = order.index(DocumentStage.SIGNING)
        self.doc = self.doc.amend(on=self.day, by=by, substantive=substantive, calendar=CALENDAR)
        if substantive and self.index > signing:
            self.index = signing
            self.events += 3
        else:
            self.events += 1

    @invariant()
    def the_document_reads_back_from_json_unchanged(self) -> None:
        """Every reachable state round-trips through JSON (history stages included)."""
        assert from_json(DocumentWorkflow, to_json(self.doc)) == self.doc

    @invariant()
    def the_state_matches_the_model(self) -> None:
        order = self._order()
        expected = order[self.index] if self.index < len(order) else None
        assert self.doc.stage is expected
        assert len(self.doc.history) == self.events

    @invariant()
    def no_stage_is_skipped(self) -> None:
        order = self._order()
        pointer = 0
        signer = None
        for event in self.doc.history:
            if event.kind is EventKind.COMPLETED:
                assert event.stage is order[pointer]
                pointer += 1
                if event.stage is DocumentStage.SIGNING:
                    signer = event.person_id
            elif event.kind is EventKind.RETURNED:
                # D2: back to the person who signed it.
                assert event.person_id == signer
                pointer = order.index(DocumentStage.SIGNING)
        assert self.doc.signer_id == signer
        assert pointer == self.index

    @invariant()
    def deadlines_follow_the_calendar(self) -> None:
        doc = self.doc
        starts = [e for e in doc.history if e.kind is EventKind.STARTED]
        for event in starts:
            assert isinstance(event.stage, DocumentStage)
            days = POLICY.days(doc.flow, doc.kind, doc.urgency, event.stage)
            due = CALENDAR.add_working_days(event.on, days)
            if doc.reply_deadline is not None:
                due = min(due, doc.reply_deadline)
            assert event.due == due
        if doc.stage is not None:
            assert doc.due == starts[-1].due
            assert doc.responsible_id == starts[-1].person_id


class MeetingMachine(RuleBasedStateMachine):
    """One meeting: random ticks and transitions against the template."""

    meeting: MeetingWorkflow

    @initialize(
        start=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 6, 30)),
        lead=st.integers(min_value=2, max_value=20),
    )
    def start(self, start: dt.date, lead: int) -> None:
        self.meeting = start_meeting(
            id="m",
            title="会议",
            department_id="d-office",
            organiser_id="p1",
            on=start,
            held_on=CALENDAR.add_working_days(start, lead),
            calendar=CALENDAR,
        )
        self.index = 0
        self.ticked: list[ChecklistItem] = []
        self.events = 1
        self.day = start

    @rule(item=st.sampled_from(tuple(ChecklistItem)), step=STEP, by=PEOPLE)
    def tick(self, item: ChecklistItem, step: int, by: str) -> None:
        day = self.day + dt.timedelta(days=step)
        before = self.meeting
        allowed = self.index < len(MEETING_STAGES) and item in OFFICE_TEMPLATE.items(
            MEETING_STAGES[self.index]
        )
        try:
            self.meeting = self.meeting.check(item, on=day, by=by)
        except JiguanError:
            assert not allowed
            assert self.meeting == before
            return
        assert allowed
        self.day = day
        if item not in self.ticked:
            self.ticked.append(item)
            self.events += 1

    @rule(step=STEP, by=PEOPLE, to=PEOPLE)
    def advance(self, step: int, by: str, to: str) -> None:
        if self.index == len(MEETING_STAGES):
            return
        stage = MEETING_STAGES[self.index]
        complete = all(i in self.ticked for i in OFFICE_TEMPLATE.items(stage))
        before = self.meeting
        last = self.index + 1 == len(MEETING_STAGES)
        day = self.day + dt.timedelta(days=step)
        try:
            self.meeting = self.meeting.advance(
                stage, on=day, by=by, to=None if last else to, calendar=CALENDAR
            )
        except JiguanError:
            assert not complete
            assert self.meeting == before
            return
        assert complete
        self.day = day
        self.index += 1
        self.events += 1 if last else 2

    @rule(stage=st.sampled_from(tuple(MeetingStage)), by=PEOPLE)
    def try_a_stage_out_of_turn(self, stage: MeetingStage, by: str) -> None:
        if self.index < len(MEETING_STAGES) and stage is MEETING_STAGES[self.index]:
            return
        before = self.meeting
        try:
            self.meeting.advance(stage, on=self.day, by=by, to=by, calendar=CALENDAR)
        except JiguanError:
            assert self.meeting == before
            return
        raise AssertionError("a meeting stage was accepted out of turn")

    @invariant()
    def the_meeting_reads_back_from_json_unchanged(self) -> None:
        """Every reachable state round-trips through JSON (checklist, template, parameters)."""
        back = from_json(MeetingWorkflow, to_json(self.meeting))
        assert back == self.meeting
        assert (back.template, back.parameters) == (self.meeting.template, self.meeting.parameters)

    @invariant()
    def the_state_matches_the_model(self) -> None:
        expected = MEETING_STAGES[self.index] if self.index < len(MEETING_STAGES) else None
        assert self.meeting.stage is expected
        assert len(self.meeting.history) == self.events
        assert list(self.meeting.checked) == self.ticked
        done = [e.stage for e in self.meeting.history if e.kind is EventKind.COMPLETED]
        assert done == list(MEETING_STAGES[: self.index])

    @invariant()
    def deadlines_follow_the_meeting_day(self) -> None:
        for event in self.meeting.history:
            if event.kind is EventKind.STARTED:
                assert isinstance(event.stage, MeetingStage)
                assert event.due == meeting_due(event.stage, self.meeting.held_on, CALENDAR)


TestDocumentWorkflow = DocumentMachine.TestCase
TestMeetingWorkflow = MeetingMachine.TestCase
