"""Who approves a leave (LEAVE-L5): the chain chosen by the requester's level and the length.

The chain is a tuple of :class:`ApproverRole`, approved in order. Defaults ([N], local
practice, change them through the office's :class:`~jiguan_core.policy.Policy`): a leave of at most ``department_head_max_days``
working days needs the department head alone; up to ``secretary_general_max_days`` the
secretary-general as well; longer ones the chair too. Requesters at ``senior_from_level`` or
above start at the secretary-general; a leadership member asks the chair.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jiguan_core.catalogue.leave import APPROVAL_CHAIN
from jiguan_core.errors import InvalidValue
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.staff import Level, Staff
from jiguan_core.text import TermEnum

__all__ = ["ApproverRole", "approval_chain"]


class ApproverRole(TermEnum):
    """A step of a leave's approval chain."""

    DEPARTMENT_HEAD = "department_head", "处室负责人"
    SECRETARY_GENERAL = "secretary_general", "秘书长"
    CHAIR = "chair", "主席"


def approval_chain(
    requester: Staff,
    half_days: int,
    overrides: Mapping[str, Any] | None = None,
    *,
    policy: Policy | None = None,
) -> tuple[ApproverRole, ...]:
    """The approvers of a leave of ``half_days`` working half days asked by ``requester``, by
    LEAVE-L5's parameters under ``policy`` (``overrides``: that rule's parameters, a shorthand;
    not both). The chain is what the rule computes, so switching LEAVE-L5 off does not change
    it: it drops the rule's late approvals (:func:`~jiguan_core.leave.leave_late_items`)."""
    values = effective_policy(
        policy, overrides, where="approval_chain", rule_id=APPROVAL_CHAIN.id
    ).parameters(APPROVAL_CHAIN.id)
    try:
        senior = Level(str(values["senior_from_level"]))
    except ValueError:
        raise InvalidValue(
            f"rule LEAVE-L5: senior_from_level {values['senior_from_level']!r} is not a Level; "
            "use one of " + ", ".join(level.value for level in Level),
            f"规则 LEAVE-L5：senior_from_level {values['senior_from_level']!r} 不是职级",
            field="LEAVE-L5.senior_from_level",
            value=values["senior_from_level"],
        ) from None
    if requester.is_leadership_member:
        return (ApproverRole.CHAIR,)
    days = half_days / 2
    chain: list[ApproverRole] = []
    if requester.level.rank > senior.rank:
        chain.append(ApproverRole.DEPARTMENT_HEAD)
    if days > float(values["department_head_max_days"]) or not chain:
        chain.append(ApproverRole.SECRETARY_GENERAL)
    if days > float(values["secretary_general_max_days"]):
        chain.append(ApproverRole.CHAIR)
    return tuple(chain)
