"""Builders and Hypothesis strategies for the scheduler's tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum
from dateutil.rrule import rrulestr
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


def occurrences(requests: tuple[ActivityRequest, ...]) -> list[ActivityRequest]:
    """The one-off requests the requests stand for, from the request's own words and
    ``dateutil`` directly (none of the library's expansion): a request without ``rrule`` is
    itself; a recurring one occurs on each day its RFC 5545 rule yields from ``earliest_start``
    (that time of day) up to ``latest_end``, as ``<id>@<YYYYMMDD>``, its window from the yielded
    moment to the end of that day (of the last day, for a ``days`` request) or ``latest_end`` if
    earlier; an occurrence whose ``duration`` no longer fits is dropped. Only what the generated
    instances ask for: moving occurrences (``on_non_working``, ``working_day``) is refused here."""
    out: list[ActivityRequest] = []
    for request in requests:
        if request.rrule is None:
            out.append(request)
            continue
        assert request.on_non_working is None, request.id
        assert request.working_day is None, request.id
        start = request.earliest_start.in_timezone(SHANGHAI)
        last = request.latest_end.in_timezone(SHANGHAI)
        for moment in rrulestr(request.rrule, dtstart=start.naive()):
            if moment > last.naive():
                break
            begin = pendulum.instance(moment, tz=SHANGHAI)
            day_end = pendulum.datetime(moment.year, moment.month, moment.day, tz=SHANGHAI)
            end = min(day_end.add(days=max(1, request.days)), request.latest_end)
            if request.duration is not None and end - begin < request.duration:
                continue
            out.append(
                attrs.evolve(
                    request,
                    id=f"{request.id}@{moment:%Y%m%d}",
                    earliest_start=begin,
                    latest_end=end,
                    rrule=None,
                )
            )
    return out


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
