"""Random walks through a proposal, checked against a simple model: stages in PROPOSAL-P1's
order, 不满意 goes back to handling, refused transitions change nothing, deadlines follow
PROPOSAL-P2."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import JiguanError
from jiguan_core.proposals import (
    Feedback,
    ProposalStage,
    ProposalStatus,
    ProposalWorkflow,
    submit_proposal,
)

CALENDAR = WorkCalendar()
STEP = st.integers(min_value=0, max_value=30)
ACTIONS = st.sampled_from(
    ("file", "decline", "assign", "supervise", "handle", "reply", "feedback", "conclude")
)


class ProposalMachine(RuleBasedStateMachine):
    """The model: the expected stage (None once ended) and the expected status."""

    p: ProposalWorkflow
    stage: ProposalStage | None
    status: ProposalStatus
    day: dt.date
    supervised: int

    @initialize(
        start=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 3, 31)),
        key=st.booleans(),
        hard=st.booleans(),
    )
    def submit(self, start: dt.date, key: bool, hard: bool) -> None:
        self.p = submit_proposal(
            id="ta-1",
            title="提案",
            proposer="委员",
            on=start,
            unit="tawei",
            reviewer="r1",
            calendar=CALENDAR,
            key=key,
            hard_case=hard,
        )
        self.stage, self.status, self.day, self.supervised = (
            ProposalStage.FILING,
            ProposalStatus.OPEN,
            start,
            0,
        )

    def _call(self, action: str, day: dt.date, feedback: Feedback) -> ProposalWorkflow:
        calls: dict[str, Callable[[], ProposalWorkflow]] = {
            "file": lambda: self.p.file(on=day, by="r1", unit="tawei", to="r2", calendar=CALENDAR),
            "decline": lambda: self.p.decline(on=day, by="r1", reason="转意见建议"),
            "assign": lambda: self.p.assign(
                on=day,
                by="r2",
                unit="unit",
                to="h1",
                supervisor="vc" if self.p.key else None,
                calendar=CALENDAR,
            ),
            "supervise": lambda: self.p.supervise(on=day, by="vc"),
            "handle": lambda: self.p.handle(on=day, by="h1", to="h2"),
            "reply": lambda: self.p.reply(
                on=day, by="h2", unit="tawei", to="r2", calendar=CALENDAR
            ),
            "feedback": lambda: self.p.record_feedback(
                feedback, on=day, by="r2", to="h1", calendar=CALENDAR
            ),
            "conclude": lambda: self.p.conclude(on=day, by="r2"),
        }
        return calls[action]()

    def _expected(self, action: str, feedback: Feedback) -> tuple[ProposalStage | None, bool]:
        """(stage after, allowed) by the model."""
        s = self.stage
        if action == "file" and s is ProposalStage.FILING:
            return ProposalStage.ASSIGNMENT, True
        if action == "decline" and s is ProposalStage.FILING:
            return None, True
        if action == "assign" and s is ProposalStage.ASSIGNMENT:
            return ProposalStage.HANDLING, True
        if action == "supervise" and s is ProposalStage.HANDLING and self.p.key:
            return s, True
        if action == "handle" and s is ProposalStage.HANDLING:
            return ProposalStage.REPLY, True
        if action == "reply" and s is ProposalStage.REPLY:
            return ProposalStage.FEEDBACK, True
        if action == "feedback" and s is ProposalStage.FEEDBACK:
            back = feedback is Feedback.UNSATISFIED
            return (ProposalStage.HANDLING if back else ProposalStage.CONCLUSION), True
        if action == "conclude" and s is ProposalStage.CONCLUSION:
            return None, True
        return s, False

    @rule(action=ACTIONS, later=STEP, feedback=st.sampled_from(tuple(Feedback)))
    def act(self, action: str, later: int, feedback: Feedback) -> None:
        day = self.day + dt.timedelta(days=later)
        after, allowed = self._expected(action, feedback)
        before = self.p
        if not allowed:
            try:
                self._call(action, day, feedback)
            except JiguanError:
                assert self.p == before
                return
            raise AssertionError(f"{action} at {self.stage} was accepted")
        self.p = self._call(action, day, feedback)
        self.day = day
        self.stage = after
        if action == "decline":
            self.status = ProposalStatus.NOT_FILED
        if action == "conclude":
            self.status = ProposalStatus.CONCLUDED
        if action == "supervise":
            self.supervised += 1

    @invariant()
    def the_proposal_matches_the_model(self) -> None:
        assert self.p.stage is self.stage
        assert self.p.status is self.status
        assert len(self.p.supervisions) == self.supervised
        assert (self.p.due is None) == (self.stage is None)

    @invariant()
    def the_reply_is_due_within_the_months_of_rule_p2(self) -> None:
        if self.p.stage is ProposalStage.REPLY and self.p.feedback is None:
            assert self.p.due == self.p.reply_due()


TestProposalWorkflow = ProposalMachine.TestCase
