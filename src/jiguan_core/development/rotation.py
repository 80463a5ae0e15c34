"""Rotation (轮岗交流, REGULATIONS T1-T5): the former home of tenure status and the plan.

Its names now live in :mod:`jiguan_core.development.tenure` (who is due on a day) and
:mod:`jiguan_core.development.rotation_plan` (the multi-year plan); they stay importable from
here.
"""

from jiguan_core.development.rotation_plan import (
    PlannedMove,
    Postponement,
    PostponeReason,
    RotationPlan,
    UnresolvedAvoidance,
    handover_deadline,
    placement_after,
    plan_rotation,
)
from jiguan_core.development.tenure import (
    RotationCheck,
    RotationStatus,
    add_years,
    due_for_rotation,
    rotation_status,
)

__all__ = [
    "PlannedMove",
    "PostponeReason",
    "Postponement",
    "RotationCheck",
    "RotationPlan",
    "RotationStatus",
    "UnresolvedAvoidance",
    "add_years",
    "due_for_rotation",
    "handover_deadline",
    "placement_after",
    "plan_rotation",
    "rotation_status",
]
