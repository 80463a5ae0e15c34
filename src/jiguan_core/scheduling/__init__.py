"""Conflict-free scheduling: place requested activities so that no hard rule is broken.

See docs/scheduling.md for the method. Public names: :class:`ActivityRequest`,
:func:`schedule`, :func:`replan`, :class:`Plan` and its parts, :func:`expand` for RRULEs,
:func:`generate_instance` for benchmark and test instances.
"""

from jiguan_core.scheduling.instances import STANDARD_SIZES, Instance, generate_instance
from jiguan_core.scheduling.plan import Placement, Plan, Unplaced
from jiguan_core.scheduling.recurrence import (
    OccurrenceChange,
    expand,
    expand_all,
    expand_with_changes,
    occurrence_id,
)
from jiguan_core.scheduling.request import (
    OFFICE_HOURS,
    ActivityRequest,
    NonWorkingDay,
    OfficeHours,
    SchedulingError,
)
from jiguan_core.scheduling.scheduler import ScheduleOptions, replan, schedule

__all__ = [
    "OFFICE_HOURS",
    "STANDARD_SIZES",
    "ActivityRequest",
    "Instance",
    "NonWorkingDay",
    "OccurrenceChange",
    "OfficeHours",
    "Placement",
    "Plan",
    "ScheduleOptions",
    "SchedulingError",
    "Unplaced",
    "expand",
    "expand_all",
    "expand_with_changes",
    "generate_instance",
    "occurrence_id",
    "replan",
    "schedule",
]
