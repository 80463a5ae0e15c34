"""The proposal register (提案登记): a proposal as the office records it, one line per proposal
with the day of each step, replayed through :class:`~jiguan_core.proposals.ProposalWorkflow` so
that the same checks apply (stages in order, a key proposal's supervisor, dates moving forward).

This is the form the workspace file carries (section ``proposals``); a step left empty has not
happened yet.
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from jiguan_core._validation import boundary, date_value, identifier, optional_date, text
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue
from jiguan_core.policy import Policy
from jiguan_core.proposals.workflow import Feedback, ProposalWorkflow, submit_proposal

__all__ = ["ProposalRecord", "replay"]


@frozen(kw_only=True)
class ProposalRecord:
    """One proposal of the register: who files it (``reviewer`` of the proposal committee's
    ``committee_unit``), who handles it (``handler`` of ``handling_unit``) and the day of each
    step done; ``feedback`` is the proposer's last view; ``declined_reason`` when not filed."""

    id: str = field(validator=identifier)
    title: str = field(validator=text)
    proposer: str = field(validator=text)
    submitted_on: dt.date = field(validator=date_value)
    committee_unit: str = field(validator=identifier)
    reviewer: str = field(validator=identifier)
    key: bool = False
    hard_case: bool = False
    filed_on: dt.date | None = field(default=None, validator=optional_date)
    declined_on: dt.date | None = field(default=None, validator=optional_date)
    declined_reason: str = ""
    assigned_on: dt.date | None = field(default=None, validator=optional_date)
    handling_unit: str | None = None
    handler: str | None = None
    supervisor: str | None = None
    handled_on: dt.date | None = field(default=None, validator=optional_date)
    replied_on: dt.date | None = field(default=None, validator=optional_date)
    feedback: Feedback | None = None
    feedback_on: dt.date | None = field(default=None, validator=optional_date)
    concluded_on: dt.date | None = field(default=None, validator=optional_date)


def _need(record: ProposalRecord, name: str, value: str | None) -> str:
    if value is None:
        raise InvalidValue(
            f"proposal {record.id}: {name} is needed once it is assigned",
            f"提案 {record.id}：交办后须填写 {name}",
            field=name,
            value=value,
        )
    return value


@boundary
def replay(
    record: ProposalRecord, calendar: WorkCalendar, *, policy: Policy | None = None
) -> ProposalWorkflow:
    """The workflow the record describes, every step checked as if done live, its deadlines
    PROPOSAL-P2's under ``policy``."""
    p = submit_proposal(
        id=record.id,
        title=record.title,
        proposer=record.proposer,
        on=record.submitted_on,
        unit=record.committee_unit,
        reviewer=record.reviewer,
        calendar=calendar,
        key=record.key,
        hard_case=record.hard_case,
        policy=policy,
    )
    if record.declined_on is not None:
        return p.decline(on=record.declined_on, by=record.reviewer, reason=record.declined_reason)
    if record.filed_on is None:
        return p
    p = p.file(
        on=record.filed_on,
        by=record.reviewer,
        unit=record.committee_unit,
        to=record.reviewer,
        calendar=calendar,
    )
    if record.assigned_on is None:
        return p
    unit = _need(record, "handling_unit", record.handling_unit)
    handler = _need(record, "handler", record.handler)
    p = p.assign(
        on=record.assigned_on,
        by=record.reviewer,
        unit=unit,
        to=handler,
        supervisor=record.supervisor,
        calendar=calendar,
    )
    if record.handled_on is None:
        return p
    p = p.handle(on=record.handled_on, by=handler, to=handler)
    if record.replied_on is None:
        return p
    p = p.reply(
        on=record.replied_on,
        by=handler,
        unit=record.committee_unit,
        to=record.reviewer,
        calendar=calendar,
    )
    if record.feedback is None or record.feedback_on is None:
        return p
    p = p.record_feedback(
        record.feedback,
        on=record.feedback_on,
        by=record.reviewer,
        to=record.reviewer,
        calendar=calendar,
    )
    if record.concluded_on is None:
        return p
    return p.conclude(on=record.concluded_on, by=record.reviewer)
