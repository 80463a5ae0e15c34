"""``jiguan proposals``: the register's figures and late proposals (PROPOSAL-P1, PROPOSAL-P2)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.cli.interchange import Workspace, dump_workspace, parse_workspace
from jiguan_core.cli.proposals import run_proposals
from jiguan_core.errors import InvalidInput
from jiguan_core.policy import Policy
from jiguan_core.proposals import Feedback, ProposalRecord, ProposalStage, replay
from tests.strategies_office_work import duty_office


def record(number: int, **steps: object) -> ProposalRecord:
    return ProposalRecord(
        id=f"ta-{number}",
        title="提案",
        proposer="委员",
        submitted_on=dt.date(2026, 3, 2),
        committee_unit="d0",
        reviewer="S01",
        **steps,  # type: ignore[arg-type]
    )


REGISTER = (
    record(
        1,
        filed_on=dt.date(2026, 3, 6),
        assigned_on=dt.date(2026, 3, 13),
        handling_unit="minzheng",
        handler="mz1",
        handled_on=dt.date(2026, 5, 20),
        replied_on=dt.date(2026, 5, 25),
        feedback=Feedback.SATISFIED,
        feedback_on=dt.date(2026, 6, 5),
        concluded_on=dt.date(2026, 6, 8),
    ),
    record(
        2,
        filed_on=dt.date(2026, 3, 6),
        assigned_on=dt.date(2026, 3, 13),
        handling_unit="jiaoyu",
        handler="jy1",
    ),
    record(3, declined_on=dt.date(2026, 3, 5), declined_reason="转为意见建议"),
)


class TestTheRegister:
    def test_a_record_replays_to_the_stage_it_has_reached(self) -> None:
        """PROPOSAL-P1: a record assigned but not handled is at 办理 with its handler."""
        flow = replay(REGISTER[1], WorkCalendar())
        assert (flow.stage, flow.responsible_id) == (ProposalStage.HANDLING, "jy1")

    def test_a_record_with_steps_out_of_order_is_refused(self) -> None:
        """PROPOSAL-P1: a reply recorded before the handling is a date going back."""
        bad = record(
            9,
            filed_on=dt.date(2026, 3, 6),
            assigned_on=dt.date(2026, 3, 13),
            handling_unit="u",
            handler="h",
            handled_on=dt.date(2026, 5, 20),
            replied_on=dt.date(2026, 5, 1),
        )
        with pytest.raises(InvalidInput, match=r"proposals\[0\]"):
            run_proposals(
                Workspace(office=duty_office(0, 1), proposals=[bad]), as_of=dt.date(2026, 6, 30)
            )


class TestProposalsCommand:
    def test_figures_and_a_late_proposal_on_the_day(self) -> None:
        """PROPOSAL-P2: ta-2's handling was due before 30 June; 3 received, 2 filed, 1 answered."""
        ws = Workspace(office=duty_office(0, 1), proposals=REGISTER)
        outcome = run_proposals(ws, as_of=dt.date(2026, 6, 30), fmt="json")
        data = json.loads(outcome.text)
        assert outcome.exit_code == 1
        assert (data["submitted"], data["filed"], data["replied"]) == (3, 2, 1)
        assert data["reply_rate"] == 0.5
        assert [late["id"] for late in data["late"]] == ["ta-2"]

    def test_the_workspace_policy_sets_the_deadlines_and_can_switch_them_off(self) -> None:
        """PROPOSAL-P2 reply_months 6 in the workspace's policy: ta-2 is not late on 30 June;
        nor is it with the rule switched off; exit 0 both times."""
        for policy in (
            Policy(overrides={"PROPOSAL-P2": {"reply_months": 6}}),
            Policy(disabled={"PROPOSAL-P2"}),
        ):
            ws = Workspace(office=duty_office(0, 1), proposals=REGISTER, policy=policy)
            outcome = run_proposals(ws, as_of=dt.date(2026, 6, 30), fmt="json")
            assert (outcome.exit_code, json.loads(outcome.text)["late"]) == (0, [])

    def test_the_register_survives_the_workspace_file(self) -> None:
        """The proposals section reads back equal."""
        ws = Workspace(office=duty_office(0, 1), proposals=REGISTER)
        assert parse_workspace(dump_workspace(ws)).proposals == ws.proposals


class TestProposalsCommandText:
    def test_the_text_report_lists_the_late_proposals_in_both_languages(self) -> None:
        """The figures, then 逾期提案 / Late proposals with ta-2 at 办理."""
        ws = Workspace(office=duty_office(0, 1), proposals=REGISTER)
        zh = run_proposals(ws, as_of=dt.date(2026, 6, 30))
        en = run_proposals(ws, as_of=dt.date(2026, 6, 30), lang="en")
        assert zh.exit_code == en.exit_code == 1
        assert "逾期提案：\n  提案 ta-2" in zh.text
        assert "Late proposals:\n  proposal ta-2" in en.text

    def test_without_a_register_or_with_since_after_as_of_it_is_bad_input(self) -> None:
        """No proposals section: $.proposals; --since after --as-of: --since."""
        with pytest.raises(InvalidInput, match=r"\$\.proposals"):
            run_proposals(Workspace(office=duty_office(0, 1)), as_of=dt.date(2026, 6, 30))
        ws = Workspace(office=duty_office(0, 1), proposals=REGISTER)
        with pytest.raises(InvalidInput) as caught:
            run_proposals(ws, as_of=dt.date(2026, 6, 30), since=dt.date(2026, 7, 1))
        assert caught.value.problems[0].path.startswith("--since")
