"""The annual work plan (年度工作要点、协商计划): each 委室's items with owners and milestones
(:mod:`~jiguan_core.workplan.plan`), progress and the half-yearly report to the 常委会, the task
list and the period lists it feeds (:mod:`~jiguan_core.workplan.progress`), and the year's
field trips placed by the scheduler (:mod:`~jiguan_core.workplan.trips`)."""

from __future__ import annotations

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
from jiguan_core.workplan.trips import plan_field_trips, trip_requests

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
