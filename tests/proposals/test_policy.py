"""One Policy decides the proposals' deadlines (PROPOSAL-P2): parameters, switched off, level."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.policy import Policy
from jiguan_core.proposals import ProposalRecord, proposal_late_items, replay, submit_proposal
from jiguan_core.rule import Severity

CALENDAR = WorkCalendar()
#: Assigned on 13 March 2026: the reply is due 3 months later, so on 30 June it is late.
ASSIGNED = ProposalRecord(
    id="ta-2",
    title="提案",
    proposer="委员",
    submitted_on=dt.date(2026, 3, 2),
    committee_unit="d0",
    reviewer="r1",
    filed_on=dt.date(2026, 3, 6),
    assigned_on=dt.date(2026, 3, 13),
    handling_unit="jiaoyu",
    handler="jy1",
)
AS_OF = dt.date(2026, 6, 30)
SIX_MONTHS = Policy(overrides={"PROPOSAL-P2": {"reply_months": 6}})


def late(policy: Policy | None = None, *, replayed_by: Policy | None = None) -> list[str]:
    flow = replay(ASSIGNED, CALENDAR, policy=replayed_by)
    items = proposal_late_items([flow], as_of=AS_OF, calendar=CALENDAR, policy=policy)
    return [i.item_id for i in items]


def test_the_register_is_replayed_with_the_policys_deadlines() -> None:
    """PROPOSAL-P2 reply_months 6 instead of 3: the reply is due on 13 September, so the
    handling (10 working days before) on 31 August, not in June."""
    assert late() == ["ta-2"]
    assert late(replayed_by=SIX_MONTHS) == []
    assert replay(ASSIGNED, CALENDAR, policy=SIX_MONTHS).due == dt.date(2026, 8, 31)


def test_submitting_with_a_policy_or_its_overrides_shorthand_gives_the_same_deadline() -> None:
    """filing_days 5 instead of 10: the filing is due one week after submission, not two."""
    kwargs = {
        "id": "ta-9",
        "title": "提案",
        "proposer": "委员",
        "on": dt.date(2026, 3, 2),
        "unit": "d0",
        "reviewer": "r1",
        "calendar": CALENDAR,
    }
    default = submit_proposal(**kwargs)  # type: ignore[arg-type]
    by_policy = submit_proposal(
        **kwargs,  # type: ignore[arg-type]
        policy=Policy(overrides={"PROPOSAL-P2": {"filing_days": 5}}),
    )
    by_overrides = submit_proposal(**kwargs, overrides={"filing_days": 5})  # type: ignore[arg-type]
    assert by_policy.due == by_overrides.due == dt.date(2026, 3, 9) < default.due


def test_switching_the_deadlines_off_leaves_nothing_late() -> None:
    assert late(Policy(disabled={"PROPOSAL-P2"})) == []


def test_a_late_item_carries_the_policys_level() -> None:
    """PROPOSAL-P2 is medium in the catalogue; an office that makes it hard sees hard."""
    flow = replay(ASSIGNED, CALENDAR)
    (default,) = proposal_late_items([flow], as_of=AS_OF, calendar=CALENDAR)
    assert default.to_finding().level is Severity.MEDIUM
    hard = Policy(levels={"PROPOSAL-P2": Severity.HARD})
    (item,) = proposal_late_items([flow], as_of=AS_OF, calendar=CALENDAR, policy=hard)
    assert (item.level, item.to_finding().level) == (Severity.HARD, Severity.HARD)


def test_unknown_parameters_and_both_policy_and_overrides_are_clear_errors() -> None:
    with pytest.raises(UnknownEntity, match="reply_month"):
        Policy(overrides={"PROPOSAL-P2": {"reply_month": 6}})
    with pytest.raises(InvalidValue, match="not both"):
        submit_proposal(
            id="ta-9",
            title="提案",
            proposer="委员",
            on=dt.date(2026, 3, 2),
            unit="d0",
            reviewer="r1",
            calendar=CALENDAR,
            overrides={"filing_days": 10},
            policy=SIX_MONTHS,
        )
    with pytest.raises(InvalidValue, match="policy must be"):
        replay(attrs.evolve(ASSIGNED), CALENDAR, policy={"disabled": []})  # type: ignore[arg-type]
