"""Proposal handling: stages, deadlines, key proposals, lateness and figures (PROPOSAL-P1, P2)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue import RuleArea, all_rules
from jiguan_core.errors import InvalidValue
from jiguan_core.proposals import (
    Feedback,
    ProposalStage,
    ProposalStatus,
    ProposalWorkflow,
    add_months,
    proposal_late_items,
    proposal_statistics,
    submit_proposal,
)
from jiguan_core.work import work_meeting_agenda
from jiguan_core.work.errors import OutOfOrderTransition, WorkflowFinished
from jiguan_core.work.lateness import ItemKind

CALENDAR = WorkCalendar()
DAY = dt.date(2026, 3, 2)


def proposal(number: int = 1, *, key: bool = False, hard: bool = False) -> ProposalWorkflow:
    return submit_proposal(
        id=f"ta-{number:03d}",
        title="关于加强城乡养老服务的提案",
        proposer="李委员",
        on=DAY,
        unit="tawei",
        reviewer="r1",
        calendar=CALENDAR,
        key=key,
        hard_case=hard,
    )


def assigned(p: ProposalWorkflow, on: dt.date = dt.date(2026, 3, 10)) -> ProposalWorkflow:
    p = p.file(on=on, by="r1", unit="tawei", to="r2", calendar=CALENDAR)
    return p.assign(
        on=on,
        by="r2",
        unit="minzheng",
        to="m1",
        calendar=CALENDAR,
        supervisor="vc1" if p.key else None,
    )


def replied(p: ProposalWorkflow, on: dt.date = dt.date(2026, 5, 20)) -> ProposalWorkflow:
    p = p.handle(on=on, by="m1", to="m2")
    return p.reply(on=on, by="m2", unit="tawei", to="r2", calendar=CALENDAR)


class TestTheProposalCatalogue:
    def test_the_proposal_rules_are_in_the_one_catalogue(self) -> None:
        """PROPOSAL-P1, PROPOSAL-P1-KEY and PROPOSAL-P2 are gathered under RuleArea.PROPOSALS."""
        ids = [info.id for info in all_rules() if info.area is RuleArea.PROPOSALS]
        assert ids == ["PROPOSAL-P1", "PROPOSAL-P1-KEY", "PROPOSAL-P2"]


class TestStages:
    def test_a_proposal_runs_through_the_six_stages_in_order(self) -> None:
        """PROPOSAL-P1: 审查立案 → 交办 → 办理 → 答复 → 委员反馈 → 办结, each with unit and person."""
        p = replied(assigned(proposal()))
        assert (p.stage, p.unit_id, p.responsible_id) == (ProposalStage.FEEDBACK, "tawei", "r2")
        p = p.record_feedback(
            Feedback.SATISFIED, on=dt.date(2026, 6, 1), by="r2", to="r2", calendar=CALENDAR
        )
        p = p.conclude(on=dt.date(2026, 6, 2), by="r2")
        assert p.status is ProposalStatus.CONCLUDED
        done = [e.stage for e in p.history if e.kind.value == "completed"]
        assert done == list(ProposalStage)

    def test_a_stage_cannot_be_skipped(self) -> None:
        """PROPOSAL-P1: no reply before assignment; the proposal is unchanged."""
        p = proposal()
        with pytest.raises(OutOfOrderTransition, match="filing"):
            p.reply(on=DAY, by="x", unit="u", to="y", calendar=CALENDAR)
        assert p.stage is ProposalStage.FILING

    def test_a_proposal_not_filed_gives_its_reason_and_ends(self) -> None:
        """PROPOSAL-P1: 不予立案 with a reason; nothing follows."""
        p = proposal().decline(on=DAY, by="r1", reason="属于具体个案，转为意见建议")
        assert p.status is ProposalStatus.NOT_FILED
        with pytest.raises(WorkflowFinished):
            p.file(on=DAY, by="r1", unit="u", to="r2", calendar=CALENDAR)
        with pytest.raises(InvalidValue, match="reason"):
            proposal().decline(on=DAY, by="r1", reason="")

    def test_an_unsatisfied_proposer_sends_it_back_to_handling(self) -> None:
        """PROPOSAL-P1: 不满意 returns it to the handling unit with rehandle_days."""
        p = replied(assigned(proposal()))
        p = p.record_feedback(
            Feedback.UNSATISFIED, on=dt.date(2026, 6, 1), by="r2", to="m1", calendar=CALENDAR
        )
        assert (p.stage, p.unit_id) == (ProposalStage.HANDLING, "minzheng")
        assert p.due == CALENDAR.add_working_days(dt.date(2026, 6, 1), 30)


class TestDeadlines:
    def test_the_reply_is_due_three_months_after_assignment(self) -> None:
        """PROPOSAL-P2 [P]: assigned 10 March, reply due 10 June; handling 10 working days before."""
        p = assigned(proposal())
        assert p.reply_due() == dt.date(2026, 6, 10)
        assert p.due == CALENDAR.add_working_days(dt.date(2026, 6, 10), -10)
        assert replied(p).history[-3].due == dt.date(2026, 6, 10)

    def test_a_hard_case_has_six_months(self) -> None:
        """PROPOSAL-P2: hard_case_months = 6."""
        assert assigned(proposal(hard=True)).reply_due() == dt.date(2026, 9, 10)

    def test_months_end_on_the_last_day_of_a_short_month(self) -> None:
        """30 November + 3 months is 28 February."""
        assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)

    def test_filing_is_due_ten_working_days_after_submission(self) -> None:
        """PROPOSAL-P2 filing_days [N] = 10."""
        assert proposal().due == CALENDAR.add_working_days(DAY, 10)


class TestKeyProposals:
    def test_a_key_proposal_names_its_supervisor_and_is_supervised(self) -> None:
        """PROPOSAL-P1-KEY: assignment without a supervising leader is refused; 督办 recorded."""
        p = proposal(key=True).file(on=DAY, by="r1", unit="tawei", to="r2", calendar=CALENDAR)
        with pytest.raises(OutOfOrderTransition, match="supervis"):
            p.assign(on=DAY, by="r2", unit="minzheng", to="m1", calendar=CALENDAR)
        p = p.assign(on=DAY, by="r2", unit="minzheng", to="m1", supervisor="vc1", calendar=CALENDAR)
        p = p.supervise(on=dt.date(2026, 4, 1), by="vc1", note="现场督办")
        assert len(p.supervisions) == 1
        assert p.supervisor_id == "vc1"

    def test_an_ordinary_proposal_is_not_supervised(self) -> None:
        """PROPOSAL-P1-KEY: 督办 is for key proposals."""
        with pytest.raises(OutOfOrderTransition, match="not a key"):
            assigned(proposal()).supervise(on=dt.date(2026, 4, 1), by="vc1")


class TestLatenessAndFigures:
    def test_a_late_proposal_is_raised_at_the_work_meeting(self) -> None:
        """PROPOSAL-P2: handling past its deadline is a late item of the work meeting's agenda."""
        p = assigned(proposal())
        as_of = dt.date(2026, 6, 15)
        late = proposal_late_items([p, assigned(proposal(2))], as_of=as_of, calendar=CALENDAR)
        assert [(i.kind, i.item_id, i.responsible_id) for i in late] == [
            (ItemKind.PROPOSAL, "ta-001", "m1"),
            (ItemKind.PROPOSAL, "ta-002", "m1"),
        ]
        agenda = work_meeting_agenda([], meeting_on=as_of, calendar=CALENDAR, late=late)
        text = "\n".join(agenda.lines("zh"))
        assert "提案 ta-001" in text

    def test_figures_count_filed_replied_and_satisfied(self) -> None:
        """立案 count, 办复率 and the satisfied share, in the office's phrasing."""
        a = replied(assigned(proposal(1))).record_feedback(
            Feedback.BASICALLY_SATISFIED,
            on=dt.date(2026, 6, 1),
            by="r2",
            to="r2",
            calendar=CALENDAR,
        )
        b = assigned(proposal(2))
        c = proposal(3).decline(on=DAY, by="r1", reason="不符合立案条件")
        stats = proposal_statistics([a, b, c], since=dt.date(2026, 1, 1), until=dt.date(2026, 7, 1))
        assert (stats.submitted, stats.filed, stats.replied) == (3, 2, 1)
        assert stats.reply_rate == 0.5
        assert stats.satisfied_share == 1.0
        assert stats.render("zh").startswith("2026年以来，共收到提案3件，立案2件")
