"""The annual work plan (年度工作要点、协商计划): each 委室's items with owners and milestones
(:mod:`~jiguan_core.workplan.plan`), progress and the half-yearly report to the 常委会, the task
list and the period lists it feeds (:mod:`~jiguan_core.workplan.progress`), and the year's
field trips placed by the scheduler (:mod:`~jiguan_core.workplan.trips`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jiguan_core.catalogue.workplan import PLAN_ITEMS, PLAN_REPORT, PLAN_RULES, PLAN_TRIPS
from jiguan_core.workplan.plan import FieldTrip, Milestone, PlanItem, PlanItemKind, WorkPlan
from jiguan_core.workplan.progress import (
    DepartmentProgress,
    HalfYearReport,
    ItemProgress,
    PlanPeriod,
    half_year_report,
    milestone_tasks,
    plan_late_items,
    plan_lists,
    plan_progress,
)

if TYPE_CHECKING:
    from jiguan_core.workplan.trips import plan_field_trips, trip_requests


def __getattr__(name: str) -> Any:
    # The trips need the scheduler: loaded on first use, so that the lists and the agenda,
    # which read the plan, do not load the scheduler with it.
    if name in ("plan_field_trips", "trip_requests"):
        from jiguan_core.workplan import trips

        return getattr(trips, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "PLAN_ITEMS",
    "PLAN_REPORT",
    "PLAN_RULES",
    "PLAN_TRIPS",
    "DepartmentProgress",
    "FieldTrip",
    "HalfYearReport",
    "ItemProgress",
    "Milestone",
    "PlanItem",
    "PlanItemKind",
    "PlanPeriod",
    "WorkPlan",
    "half_year_report",
    "milestone_tasks",
    "plan_field_trips",
    "plan_late_items",
    "plan_lists",
    "plan_progress",
    "trip_requests",
]
