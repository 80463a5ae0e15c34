"""Builders and Hypothesis strategies for the scheduler's tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
from hypothesis import strategies as st

from jiguan_core.absence import Absence
from jiguan_core.activity import ActivityKind
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import Violation, check
from jiguan_core.scheduling import ActivityRequest, Instance, Plan, generate_instance
from jiguan_core.time import SHANGHAI


def at(month: int, day: int, hour: int = 8, minute: int = 30) -> pendulum.DateTime:
    return pendulum.datetime(2025, month, day, hour, minute, tz=SHANGHAI)


def meeting(request_id: str = "m1", **changes: Any) -> ActivityRequest:
    """A one-hour meeting of s040 in the week of 7 April 2025, room r-1 or r-2."""
    values: dict[str, Any] = {
        "id": request_id,
        "kind": ActivityKind.MEETING,
        "title": f"座谈会 {request_id}",
        "department_id": "d-agri",
        "earliest_start": at(4, 7),
        "latest_end": at(4, 11, 17, 30),
        "duration": dt.timedelta(hours=1),
        "participants": ("s040",),
        "rooms": ("r-1", "r-2"),
    }
    values.update(changes)
    return ActivityRequest(**values)


def hard_violations(
    office: Organization, plan: Plan, absences: tuple[Absence, ...] | None = None
) -> set[Violation]:
    """Hard violations the plan adds to the office's calendar, per the full check."""
    before = check(office, absences=absences).violations
    after = check(
        office, activities=(*office.activities, *plan.activities), absences=absences
    ).violations
    return {v for v in after if v.level is Severity.HARD} - {
        v for v in before if v.level is Severity.HARD
    }


@st.composite
def instances(draw: st.DrawFn, *, max_requests: int = 18) -> Instance:
    """A small generated instance: 5-18 requests, 12-40 staff, some over-subscribed."""
    return generate_instance(
        draw(st.integers(5, max_requests)),
        draw(st.integers(12, 40)),
        seed=draw(st.integers(0, 10_000)),
        pressure=draw(st.sampled_from((0.8, 1.0, 1.5, 2.0))),
    )


@st.composite
def family_instances(draw: st.DrawFn, *, max_requests: int = 20) -> Instance:
    """A small instance of any benchmark family (friendly, over-subscribed, holiday weeks,
    field trips ...), 8 to ``max_requests`` requests."""
    from jiguan_core.scheduling.instances import FAMILIES, generate_family

    return generate_family(
        draw(st.sampled_from(sorted(FAMILIES))),
        seed=draw(st.integers(0, 10_000)),
        requests=draw(st.integers(8, max_requests)),
    )
