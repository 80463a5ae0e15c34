"""Leave approvals past their deadline (LEAVE-L5), as items for the work meeting's agenda.

Each step of a leave's approval chain is due ``approval_days`` working days after the step
before (:class:`~jiguan_core.leave.request.LeaveRequest`); a pending request past that day is a
:class:`~jiguan_core.work.lateness.LateItem` of kind 请假, whose stage is the awaited approver,
for :func:`jiguan_core.work.work_meeting_agenda`'s ``late`` beside the late documents, meetings,
proposals and plan milestones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from jiguan_core._validation import boundary
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.leave import APPROVAL_CHAIN
from jiguan_core.leave.request import LeaveRequest
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.work._workflow import working_days_late
from jiguan_core.work.lateness import ItemKind, LateItem

__all__ = ["leave_late_items"]


@boundary
def leave_late_items(
    requests: Iterable[LeaveRequest],
    *,
    as_of: dt.date,
    calendar: WorkCalendar,
    approvers: Mapping[str, str] | None = None,
    policy: Policy | None = None,
) -> tuple[LateItem, ...]:
    """The pending leave requests whose approval step is past its deadline on ``as_of``, most
    working days late first. ``approvers`` maps an approver role (``"department_head"``,
    ``"secretary_general"``, ``"chair"``) to the staff id holding it, so the item names whose
    turn it is; a role without one is named by the role itself. Under a ``policy`` that
    switches LEAVE-L5 off nothing is late; each item carries the rule's level under it."""
    chosen = effective_policy(policy, where="leave_late_items")
    if not chosen.enabled(APPROVAL_CHAIN.id):
        return ()
    level = chosen.level(APPROVAL_CHAIN.id)
    holders = dict(approvers or {})
    found = []
    for request in requests:
        role = request.approver_role
        if role is None or request.due is None or not request.is_late(as_of):
            continue
        found.append(
            LateItem(
                kind=ItemKind.LEAVE,
                item_id=request.id,
                title=f"{request.staff_id} {request.kind.zh}",
                stage=role,
                responsible_id=holders.get(role.value, role.value),
                due=request.due,
                working_days_late=working_days_late(request.due, as_of, calendar),
                level=level,
            )
        )
    return tuple(sorted(found, key=lambda i: (-i.working_days_late, i.due, i.item_id)))
