"""Leave (请销假) and annual paid leave (年休假): requests, their approval chain, entitlement and
statistics (REGULATIONS L1-L5).

- :mod:`~jiguan_core.leave.halfday`: half days, the unit a leave is asked and counted in;
- :mod:`~jiguan_core.leave.request`: a request's lifecycle, from submission through approval to
  销假; an approved request is an :class:`~jiguan_core.absence.Absence`;
- :mod:`~jiguan_core.leave.approval`: the approval chain (LEAVE-L5);
- :mod:`~jiguan_core.leave.advice`: what approving it would cause (A/B coverage, the
  scheduling rules, the requester's own activities, days left);
- :mod:`~jiguan_core.leave.entitlement`: annual leave due, taken and left (LEAVE-L1 to L4);
- :mod:`~jiguan_core.leave.statistics`: figures since a day, in the office's phrasing;
- :mod:`~jiguan_core.leave.lateness`: approvals past their deadline, for the work meeting.
"""

from __future__ import annotations

from jiguan_core.catalogue.leave import (
    ANNUAL_LEAVE_ENTITLEMENT,
    APPROVAL_CHAIN,
    CARRY_OVER,
    LEAVE_EXCLUSIONS,
    LEAVE_RULES,
    NON_WORKING_DAYS_FREE,
)
from jiguan_core.leave.advice import LeaveAdvice, advise_leave
from jiguan_core.leave.approval import ApproverRole, approval_chain
from jiguan_core.leave.entitlement import (
    LeaveBalance,
    annual_entitlement,
    exclusion,
    leave_balance,
    years_of_work,
)
from jiguan_core.leave.halfday import (
    HalfDay,
    HalfDaySlot,
    slot_range,
    slots_span,
    span_working_half_days,
    working_half_days,
)
from jiguan_core.leave.lateness import leave_late_items
from jiguan_core.leave.request import (
    LeaveKind,
    LeaveRequest,
    LeaveStage,
    LeaveStatus,
    submit_leave,
)
from jiguan_core.leave.statistics import (
    LeaveFigures,
    LeaveGrouping,
    LeaveStatistics,
    leave_statistics,
)

__all__ = [
    "ANNUAL_LEAVE_ENTITLEMENT",
    "APPROVAL_CHAIN",
    "CARRY_OVER",
    "LEAVE_EXCLUSIONS",
    "LEAVE_RULES",
    "NON_WORKING_DAYS_FREE",
    "ApproverRole",
    "HalfDay",
    "HalfDaySlot",
    "LeaveAdvice",
    "LeaveBalance",
    "LeaveFigures",
    "LeaveGrouping",
    "LeaveKind",
    "LeaveRequest",
    "LeaveStage",
    "LeaveStatistics",
    "LeaveStatus",
    "advise_leave",
    "annual_entitlement",
    "approval_chain",
    "exclusion",
    "leave_balance",
    "leave_late_items",
    "leave_statistics",
    "slot_range",
    "slots_span",
    "span_working_half_days",
    "submit_leave",
    "working_half_days",
    "years_of_work",
]
