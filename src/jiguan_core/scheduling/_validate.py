"""Request validation (private): every problem of every request at once, before placing.

Also the search limits (``max_iterations``, ``time_limit``) and :class:`Job`, a one-off request
to place (an occurrence of a recurring request, or the request itself).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from attrs import frozen

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidInput, InvalidValue, Problem
from jiguan_core.organization import Organization
from jiguan_core.scheduling.recurrence import OccurrenceChange, expand_with_changes
from jiguan_core.scheduling.request import ActivityRequest, OfficeHours, SchedulingError

__all__ = ["ENGINES", "Job", "check_engine", "check_limits", "validate"]

#: The engines of ``schedule(..., engine=...)``.
ENGINES = ("default", "cpsat")


@frozen
class Job:
    """A one-off request to place; ``parent`` is the request it came from."""

    request: ActivityRequest
    parent: ActivityRequest
    order: int  # position in the input, for stable ties

    @property
    def id(self) -> str:
        return self.request.id

    @property
    def priority(self) -> int:
        return self.request.priority

    @property
    def pinned(self) -> bool:
        return self.parent.pinned


def check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise InvalidValue(
            f"engine must be one of {', '.join(ENGINES)}, got {engine!r}",
            f"engine 应为 {'、'.join(ENGINES)} 之一，实际为 {engine!r}",
            field="engine",
            value=engine,
        )


def check_limits(max_iterations: int, time_limit: float | None) -> None:
    """``max_iterations`` a whole number >= 0; ``time_limit`` None or a finite number >= 0."""
    if (
        isinstance(max_iterations, bool)
        or not isinstance(max_iterations, int)
        or max_iterations < 0
    ):
        raise InvalidValue(
            f"max_iterations must be a whole number >= 0, got {max_iterations!r}",
            f"max_iterations 应为不小于 0 的整数，实际为 {max_iterations!r}",
            field="max_iterations",
            value=max_iterations,
        )
    if time_limit is not None and (
        isinstance(time_limit, bool)
        or not isinstance(time_limit, int | float)
        or not math.isfinite(time_limit)
        or time_limit < 0
    ):
        raise InvalidValue(
            f"time_limit must be None or a finite number of seconds >= 0, got {time_limit!r}",
            f"time_limit 应为 None 或不小于 0 的有限秒数，实际为 {time_limit!r}",
            field="time_limit",
            value=time_limit,
        )


def validate(
    office: Organization,
    requests: Sequence[ActivityRequest],
    hours: OfficeHours,
    calendar: WorkCalendar,
    changes: list[OccurrenceChange],
) -> tuple[list[Job], list[ActivityRequest]]:
    """The one-off jobs of ``requests`` and the recurring requests whose rule yields no date;
    every problem of every request at once (:class:`InvalidInput`), before anything is placed."""
    problems: list[Problem] = []
    jobs: list[Job] = []
    empty: list[ActivityRequest] = []
    seen: set[str] = set()
    existing = {a.id for a in office.activities}
    leaders = {s.id for s in office.leadership_members}
    departments = {d.id for d in office.departments}
    for index, request in enumerate(requests):
        path = f"$.requests[{index}]"
        given: object = request
        if not isinstance(given, ActivityRequest):
            problems.append(
                Problem(path, f"not an ActivityRequest: {request!r}", "不是 ActivityRequest")
            )
            continue
        where = f"{path} ({request.id})"
        if request.id in seen:
            problems.append(
                Problem(where, f"request id {request.id!r} used twice", "活动申请编号重复")
            )
        seen.add(request.id)
        for person in (*request.participants, *request.optional_participants):
            if not office.has_staff(person):
                problems.append(
                    Problem(
                        f"{where}.participants",
                        f"request {request.id!r}: unknown staff member {person!r}",
                        f"活动申请 {request.id!r}：未知人员 {person!r}",
                    )
                )
        for person in request.leaders:
            if person not in leaders:
                problems.append(
                    Problem(
                        f"{where}.leaders",
                        f"request {request.id!r}: {person!r} is not a leadership member "
                        "(主席会议成员)",
                        f"活动申请 {request.id!r}：{person!r} 不是主席会议成员",
                    )
                )
        for room in request.rooms:
            if not office.has_room(room):
                problems.append(
                    Problem(
                        f"{where}.rooms",
                        f"request {request.id!r}: unknown room {room!r}",
                        f"活动申请 {request.id!r}：未知会议室 {room!r}",
                    )
                )
        if request.department_id not in departments:
            problems.append(
                Problem(
                    f"{where}.department_id",
                    f"request {request.id!r}: unknown department {request.department_id!r}",
                    f"活动申请 {request.id!r}：未知部门 {request.department_id!r}",
                )
            )
        if request.duration is not None and request.hours is None:
            longest = dt.timedelta(minutes=hours.longest_block_minutes)
            if request.duration > longest:
                problems.append(
                    Problem(
                        f"{where}.duration",
                        f"request {request.id!r}: duration {request.duration} is longer "
                        f"than the longest office-hours block ({longest}); use days= for "
                        "whole-day activities",
                        f"活动申请 {request.id!r}：时长超过单个上班时段，整天活动请用 days",
                    )
                )
        try:
            occurrences, changed = expand_with_changes(request, calendar)
            changes.extend(changed)
        except SchedulingError as error:
            problems.append(Problem(f"{where}.rrule", error.message_en, error.message_zh))
            continue
        if not occurrences:
            empty.append(request)
        for occurrence in occurrences:
            if occurrence.id in existing:
                problems.append(
                    Problem(
                        f"{where}.id",
                        f"request {request.id!r}: activity id {occurrence.id!r} is already "
                        "on the calendar",
                        f"活动申请 {request.id!r}：活动编号 {occurrence.id!r} 已存在",
                    )
                )
            jobs.append(Job(request=occurrence, parent=request, order=len(jobs)))
    if problems:
        raise InvalidInput(problems)
    return jobs, empty
