"""The proposal register replayed: each record comes back at the stage its last step reached
(PROPOSAL-P1)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue
from jiguan_core.proposals import Feedback, ProposalRecord, ProposalStage, ProposalStatus, replay

CALENDAR = WorkCalendar()
SUBMITTED = ProposalRecord(
    id="ta-1",
    title="提案",
    proposer="委员",
    submitted_on=dt.date(2026, 3, 2),
    committee_unit="d0",
    reviewer="r1",
)
STEPS = (
    ("filed_on", dt.date(2026, 3, 6), {}),
    (
        "assigned_on",
        dt.date(2026, 3, 13),
        {"handling_unit": "minzheng", "handler": "mz1"},
    ),
    ("handled_on", dt.date(2026, 5, 20), {}),
    ("replied_on", dt.date(2026, 5, 25), {}),
    ("feedback_on", dt.date(2026, 6, 5), {"feedback": Feedback.SATISFIED}),
    ("concluded_on", dt.date(2026, 6, 8), {}),
)
#: The stage each record stands at after the first k steps (None: concluded).
EXPECTED = (
    ProposalStage.FILING,
    ProposalStage.ASSIGNMENT,
    ProposalStage.HANDLING,
    ProposalStage.REPLY,
    ProposalStage.FEEDBACK,
    ProposalStage.CONCLUSION,
    None,
)


@pytest.mark.parametrize("done", range(len(STEPS) + 1))
def test_a_record_replays_to_the_stage_after_its_last_step(done: int) -> None:
    """PROPOSAL-P1: with the first ``done`` steps recorded the proposal waits at the next."""
    record = SUBMITTED
    for name, day, extra in STEPS[:done]:
        record = attrs.evolve(record, **{name: day, **extra})
    assert replay(record, CALENDAR).stage is EXPECTED[done]


def test_a_declined_record_is_not_filed() -> None:
    """不予立案: the record ends there, with its reason."""
    record = attrs.evolve(
        SUBMITTED, declined_on=dt.date(2026, 3, 5), declined_reason="转为意见建议"
    )
    flow = replay(record, CALENDAR)
    assert flow.stage is None
    assert flow.status is ProposalStatus.NOT_FILED


def test_an_assigned_record_without_a_handler_is_refused_naming_the_field() -> None:
    """PROPOSAL-P1: once assigned, the handling unit and the handler are needed."""
    record = attrs.evolve(
        SUBMITTED,
        filed_on=dt.date(2026, 3, 6),
        assigned_on=dt.date(2026, 3, 13),
        handling_unit="minzheng",
    )
    with pytest.raises(InvalidValue, match="handler is needed") as caught:
        replay(record, CALENDAR)
    assert caught.value.field == "handler"
