"""The year's field trips, placed before the quarters are planned in detail
(PLAN-ARTICLE-COORD): every item's :class:`~jiguan_core.workplan.plan.FieldTrip` becomes an
:class:`~jiguan_core.scheduling.request.ActivityRequest` in its quarter, and the scheduler
(:func:`jiguan_core.scheduling.schedule`) places them all at once around the office's own
calendar, so trips of different 委室 to one place keep their distance (SCHED-COORD-TRIPS), leadership members
are not double-booked and enough stay on duty (SCHED-COORD-PERSON, SCHED-LEADERS-MEETINGS), and holidays are respected.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import pendulum

from jiguan_core._validation import boundary
from jiguan_core.activity import ActivityKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.workplan import PLAN_TRIPS
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.rule import Severity
from jiguan_core.scheduling import Plan, schedule
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.time import SHANGHAI
from jiguan_core.workplan.plan import PlanItemKind, WorkPlan

__all__ = ["plan_field_trips", "trip_requests"]


@boundary
def trip_requests(plan: WorkPlan) -> tuple[ActivityRequest, ...]:
    """One request per item with a trip, in its quarter, kind 调研 (视察 for none else)."""
    requests = []
    for item in plan.items:
        trip = item.trip
        if trip is None:
            continue
        period = WorkCalendar.quarter_range(plan.year, trip.quarter)
        start, end = period.start, period.end
        requests.append(
            ActivityRequest(
                id=f"trip-{item.id}",
                kind=ActivityKind.RESEARCH
                if item.kind is not PlanItemKind.CONSULTATION
                else ActivityKind.INSPECTION,
                title=item.title,
                department_id=item.department_id,
                earliest_start=pendulum.datetime(start.year, start.month, start.day, tz=SHANGHAI),
                latest_end=pendulum.datetime(end.year, end.month, end.day, tz=SHANGHAI),
                days=trip.days,
                participants=trip.participants or (item.owner_id,),
                leaders=trip.leaders,
                target_place=trip.target_place,
            )
        )
    return tuple(requests)


@boundary
def plan_field_trips(
    plan: WorkPlan,
    office: Organization,
    *,
    calendar: WorkCalendar,
    policy: Policy | None = None,
    seed: int = 0,
    max_iterations: int = 20_000,
    overrides: Mapping[str, Any] | None = None,
) -> Plan:
    """Place the year's field trips with the scheduler (see the module), under ``policy`` (the
    one policy: the scheduling rules' and PLAN-ARTICLE-COORD's). With PLAN-ARTICLE-COORD
    ``never_pile_up`` (default) SCHED-COORD-TRIPS is a hard rule for this placement unless
    ``policy`` sets its level itself or switches PLAN-ARTICLE-COORD off. ``overrides``:
    PLAN-ARTICLE-COORD's parameters, a shorthand for ``policy`` (not both)."""
    chosen = effective_policy(policy, overrides, where="plan_field_trips", rule_id=PLAN_TRIPS.id)
    if (
        chosen.enabled(PLAN_TRIPS.id)
        and chosen.parameters(PLAN_TRIPS.id)["never_pile_up"]
        and "SCHED-COORD-TRIPS" not in chosen.levels
    ):
        chosen = attrs.evolve(chosen, levels={**chosen.levels, "SCHED-COORD-TRIPS": Severity.HARD})
    return schedule(
        office,
        trip_requests(plan),
        policy=chosen,
        calendar=calendar,
        seed=seed,
        max_iterations=max_iterations,
    )
