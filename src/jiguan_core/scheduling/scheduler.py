"""The scheduler: place requests so that the calendar gains no hard violation.

Method (see docs/scheduling.md), in modules of their own: request validation
(:mod:`._validate`), the problem in integers (:mod:`._model`: candidate times on the office-hours
grid, resources, fixed bookings, which rule is hard per the policy), the state and its
incrementally updated score (:mod:`._score`), a construction heuristic ordered by value per scarce
resource (:mod:`._construct`), a late-acceptance local search over ejection-chain, change and swap
moves (:mod:`._search`), and the reasons of unplaced requests (:mod:`._reasons`). A final pass
places anything that still fits anywhere, and the full plan is put to the incremental checker of
the rule catalogue: a placement it finds in a new hard violation is taken out (a safety net; the
model expresses every default hard rule, so it does not happen there).

Determinism: the result depends only on the input, ``seed`` and ``max_iterations``. The clock is
read only when ``time_limit`` is given (it then stops the search early and returns the best plan
so far, which may depend on the machine's speed); without it the search is iteration-bounded and
stops earlier when it stagnates.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict, TypeVar, Unpack

import attrs
import pendulum

from jiguan_core._validation import boundary
from jiguan_core.activity import Activity
from jiguan_core.calendar import WorkCalendar
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import IncrementalChecker, SchedulingPolicy, Score, check
from jiguan_core.scheduling._construct import best_fit, order
from jiguan_core.scheduling._exact import refuse_unmodelled, solve_exact
from jiguan_core.scheduling._model import JobData, Model
from jiguan_core.scheduling._reasons import reason
from jiguan_core.scheduling._score import Assignment, State
from jiguan_core.scheduling._search import Search
from jiguan_core.scheduling._validate import Job, check_engine, check_limits, validate
from jiguan_core.scheduling.plan import Placement, Plan, Unplaced
from jiguan_core.scheduling.recurrence import OccurrenceChange
from jiguan_core.scheduling.request import ActivityRequest, OfficeHours
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["EXACT_TIME_LIMIT", "EXACT_WORKERS", "ScheduleOptions", "replan", "schedule"]

_F = TypeVar("_F", bound=Callable[..., Any])

#: engine="cpsat": seconds CP-SAT may search when no ``time_limit`` is given ...
EXACT_TIME_LIMIT = 60.0
#: ... and its parallel workers.
EXACT_WORKERS = 2


class ScheduleOptions(TypedDict, total=False):
    """The keyword options of :func:`schedule` and :func:`replan` (each optional).

    - ``policy``: which rules are hard and their parameters (default: the catalogue's);
    - ``calendar``: working days with 调休 (default: :class:`~jiguan_core.calendar.WorkCalendar`);
    - ``hours``: overrides of :data:`~jiguan_core.scheduling.request.OFFICE_HOURS`;
    - ``seed`` (0): every random choice of the search;
    - ``max_iterations`` (20,000): construction steps and moves of the default engine;
    - ``time_limit`` (None): seconds; the default engine then returns its best plan so far,
      the exact engine searches this long (default :data:`EXACT_TIME_LIMIT`);
    - ``clock`` (``time.monotonic``): read only when ``time_limit`` is given;
    - ``progress(done, total)``: called as each request to place is tried (it must not raise);
    - ``engine`` ("default"): or "cpsat", the same model solved exactly by OR-Tools CP-SAT
      (the ``solver`` extra), starting from the default engine's plan.
    """

    policy: SchedulingPolicy | None
    calendar: WorkCalendar | None
    hours: Mapping[str, Any] | None
    seed: int
    max_iterations: int
    time_limit: float | None
    clock: Callable[[], float]
    progress: Callable[[int, int], None] | None
    engine: str


@boundary
def schedule(
    office: Organization,
    requests: Sequence[ActivityRequest],
    **options: Unpack[ScheduleOptions],
) -> Plan:
    """Place ``requests`` around the office's own activities and absences.

    Raises :class:`SchedulingError` / :class:`~jiguan_core.errors.InvalidInput` (both
    :class:`~jiguan_core.errors.JiguanError`) for bad input, before any placing: never a partial
    plan. The options (:class:`ScheduleOptions`): ``policy``, ``calendar``, ``hours``, ``seed``,
    ``max_iterations``, ``time_limit``, ``clock``, ``progress`` and ``engine``;
    ``engine="cpsat"`` solves the same model exactly with OR-Tools CP-SAT and the plan says
    whether it is proven optimal.
    """
    return _run(office, requests, None, **options)


@boundary
def replan(
    previous: Plan,
    office: Organization,
    requests: Sequence[ActivityRequest],
    **options: Unpack[ScheduleOptions],
) -> Plan:
    """Re-plan after a change (absences added, requests withdrawn or added ...).

    ``office`` and ``requests`` are the new situation; the options are :func:`schedule`'s.
    Placements of ``previous`` whose request is still asked for are kept where they still fit,
    so as few as possible move; placements of pinned requests never move (if a change breaks
    one, it stays and the conflict is listed in ``Plan.pinned_conflicts``). ``Plan.moved``
    names the placements that changed.
    """
    return _run(office, requests, previous, **options)


# --------------------------------------------------------------------------------------------
# internals


class _Budget:
    """Iterations and the caller's clock: ``spend()`` counts one and says when to stop."""

    def __init__(
        self, max_iterations: int, time_limit: float | None, clock: Callable[[], float]
    ) -> None:
        self.max_iterations = max_iterations
        self.clock = clock
        self.deadline = None if time_limit is None else clock() + time_limit
        self.iterations = 0

    def out(self) -> bool:
        if self.iterations >= self.max_iterations:
            return True
        return self.deadline is not None and self.clock() >= self.deadline

    def spend(self) -> bool:
        if self.out():
            return True
        self.iterations += 1
        return False


def _options_checked(fn: _F) -> _F:
    """The options' types checked at the boundary too, in the name of both public functions."""
    fn.__qualname__ = "schedule/replan"
    return boundary(fn)


@_options_checked
def _run(
    office: Organization,
    requests: Sequence[ActivityRequest],
    previous: Plan | None,
    *,
    policy: SchedulingPolicy | None = None,
    calendar: WorkCalendar | None = None,
    hours: Mapping[str, Any] | None = None,
    seed: int = 0,
    max_iterations: int = 20_000,
    time_limit: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    progress: Callable[[int, int], None] | None = None,
    engine: str = "default",
) -> Plan:
    check_limits(max_iterations, time_limit)
    check_engine(engine)
    policy = policy if policy is not None else SchedulingPolicy()
    calendar = calendar if calendar is not None else WorkCalendar()
    office_hours = OfficeHours.resolve(hours)
    changes: list[OccurrenceChange] = []
    jobs, empty = validate(office, requests, office_hours, calendar, changes)
    # the exact engine's time limit is CP-SAT's; the default engine then only finds its hint
    budget = _Budget(max_iterations, time_limit if engine == "default" else None, clock)
    job_by_id = {job.id: job for job in jobs}
    pinned_fixed: list[Activity] = []
    kept: dict[str, Activity] = {}
    if previous is not None:
        for placement in previous.placed:
            job = job_by_id.get(placement.request_id)
            if job is None:
                continue
            if job.pinned:
                pinned_fixed.append(placement.activity)
            else:
                kept[job.id] = placement.activity
    base = office.with_activities(pinned_fixed) if pinned_fixed else office
    fixed_ids = {a.id for a in pinned_fixed}
    free_jobs = [job for job in jobs if job.id not in fixed_ids]
    model = Model.build(
        office, free_jobs, base, policy=policy, calendar=calendar, hours=office_hours
    )
    if engine == "cpsat":
        refuse_unmodelled(model.rules)  # before any placing
    by_id = {data.job.id: data for data in model.jobs}
    wanted: dict[int, Assignment] = {}
    for job_id, activity in kept.items():
        found = _assignment_of(model, by_id[job_id], activity)
        if found is not None:
            wanted[by_id[job_id].index] = found
    state = State(model, previous=wanted)
    verified = model.rules.verified
    checker = IncrementalChecker(base, policy=policy, calendar=calendar) if verified else None
    confirm = _confirmer(model, checker) if checker is not None else None

    # keep what still fits, highest priority first
    for index, assignment in sorted(
        wanted.items(), key=lambda item: (-model.jobs[item[0]].weight, item[0])
    ):
        data = model.jobs[index]
        if (
            state.fit(data, assignment[0]) is not None
            and _still_free(state, data, assignment)
            and (confirm is None or confirm(data, assignment))
        ):
            _commit(state, data, assignment, checker)
    pending = [d for d in model.jobs if state.assign[d.index] is None]
    # A proven upper bound: what is placed plus every job that fits in the calendar alone (a
    # job that does not can never be placed, so the search does not try it).
    hopeless = {
        d.index for d in pending if all(state.fit(d, c) is None for c in range(len(d.cands)))
    }
    bound = sum(d.weight for d in model.jobs if d.index not in hopeless)
    for done, data in enumerate(order(model, pending), start=1):
        if budget.spend():
            break
        if data.cands:
            found = best_fit(state, data, confirm=confirm)
            if found is not None:
                _commit(state, data, found, checker)
        if progress is not None:
            progress(done, len(pending))
    if not verified:
        Search(
            model, state, random.Random(seed), spend=budget.spend, bound=bound, hopeless=hopeless
        ).run()
    optimal: bool | None = None
    proven: int | None = None
    if engine == "cpsat":
        hint = {d.index: a for d in model.jobs if (a := state.assign[d.index]) is not None}
        exact, optimal, proven = solve_exact(
            model,
            hint,
            time_limit=EXACT_TIME_LIMIT if time_limit is None else time_limit,
            workers=EXACT_WORKERS,
            seed=seed,
        )
        for data in model.jobs:
            if state.assign[data.index] is not None:
                state.unplace(data)
        for index, assignment in sorted(exact.items()):
            state.place(model.jobs[index], assignment)
    # a last pass: anything that fits anywhere is placed
    for data in order(model, [d for d in model.jobs if state.assign[d.index] is None]):
        for c in range(len(data.cands)):
            if budget.spend():
                break
            found = state.fit(data, c)
            if found is not None and (confirm is None or confirm(data, found)):
                _commit(state, data, found, checker)
                break
    plan = _finish(
        model,
        state,
        base=base,
        office=office,
        policy=policy,
        calendar=calendar,
        pinned_fixed=pinned_fixed,
        job_by_id=job_by_id,
        kept=kept,
        empty=empty,
        iterations=budget.iterations,
    )
    plan = attrs.evolve(plan, occurrences=tuple(changes))
    if engine == "cpsat":
        pinned = sum(job_by_id[a.id].priority for a in pinned_fixed)
        upper = max(plan.placed_weight, (proven or 0) + pinned)
        plan = attrs.evolve(
            plan, optimal=bool(optimal) and plan.placed_weight == upper, bound=upper
        )
    return plan


def _still_free(state: State, data: JobData, assignment: Assignment) -> bool:
    """The previous room and leadership members of a kept placement are still free."""
    c, room, chosen = assignment
    start, end, first, last = data.cands[c]
    if room >= 0 and state.rules.room and not state.free(room, start, end, first, last):
        return False
    return all(state.person_ok(leader, data.cands[c], data.off_site) for leader in chosen)


def _assignment_of(model: Model, data: JobData, activity: Activity) -> Assignment | None:
    """The assignment a previous placement stands for, if it still answers the request."""
    request = data.job.request
    start = int(activity.span.start.timestamp())
    end = int(activity.span.end.timestamp())
    c = next((k for k, cand in enumerate(data.cands) if cand[:2] == (start, end)), None)
    if c is None:
        return None
    leaders = set(activity.leaders)
    if not (
        activity.kind is request.kind
        and activity.title == request.title
        and activity.department_id == request.department_id
        and activity.target_place == request.target_place
        and activity.meeting_kind is request.meeting_kind
        and set(request.participants) <= set(activity.participants)
        and set(activity.participants)
        <= set(request.participants) | set(request.optional_participants)
        and set(request.leaders) <= leaders
        and len(leaders) == len(request.leaders) + request.any_leaders
    ):
        return None
    room = -1
    if request.rooms:
        if activity.room_id not in request.rooms:
            return None
        room = model.room_base + model.rooms.index(activity.room_id)
        if room not in data.rooms:
            return None
    elif activity.room_id is not None:
        return None
    chosen = tuple(model.person_index[p] for p in activity.leaders if p not in request.leaders)
    if any(p not in data.pool for p in chosen):
        return None
    return (c, room, chosen)


def _commit(
    state: State, data: JobData, assignment: Assignment, checker: IncrementalChecker | None
) -> None:
    state.place(data, assignment)
    if checker is not None:
        checker.add(_activity(state.model, data, assignment, ()))


def _confirmer(model: Model, checker: IncrementalChecker) -> Callable[[JobData, Assignment], bool]:
    """For rules the model does not express: the checker confirms each placement."""

    def confirm(data: JobData, assignment: Assignment) -> bool:
        activity = _activity(model, data, assignment, ())
        return not any(v.level is Severity.HARD for v in checker.violations_if_added(activity))

    return confirm


def _activity(
    model: Model, data: JobData, assignment: Assignment, optional: tuple[str, ...]
) -> Activity:
    request = data.job.request
    c, room, chosen = assignment
    start, end, _, _ = data.cands[c]
    return Activity(
        id=request.id,
        kind=request.kind,
        title=request.title,
        span=TimeSpan(
            pendulum.from_timestamp(start, tz=SHANGHAI), pendulum.from_timestamp(end, tz=SHANGHAI)
        ),
        department_id=request.department_id,
        participants=(*request.participants, *optional),
        leaders=(*request.leaders, *(model.people[p] for p in chosen)),
        target_place=request.target_place,
        room_id=model.rooms[room - model.room_base] if room >= 0 else None,
        meeting_kind=request.meeting_kind,
    )


def _finish(
    model: Model,
    state: State,
    *,
    base: Organization,
    office: Organization,
    policy: SchedulingPolicy,
    calendar: WorkCalendar,
    pinned_fixed: list[Activity],
    job_by_id: Mapping[str, Job],
    kept: Mapping[str, Activity],
    empty: list[ActivityRequest],
    iterations: int,
) -> Plan:
    """Optional participants where free, the full check as a safety net, the plan."""
    baseline = set(check(base, policy=policy, calendar=calendar).violations)
    activities: dict[int, Activity] = {}
    with_optional: set[int] = set()  # placements that took optional participants
    rules = model.rules
    for data in sorted(model.jobs, key=lambda d: (-d.weight, d.index)):
        assignment = state.assign[data.index]
        if assignment is None:
            continue
        cand = data.cands[assignment[0]]
        room = assignment[1]
        seats = model.seats[room - model.room_base] if room >= 0 and rules.capacity else None
        free = len(data.people) + len(assignment[2]) + rules.extra_seats
        optional: list[int] = []
        for person in data.optional:
            if seats is not None and free >= seats:
                break
            if rules.lead and person in model.leadership:
                continue
            if state.person_ok(person, cand, data.off_site) and not _pair_away_all(
                model, data, assignment, optional, person
            ):
                optional.append(person)
                free += 1
        if optional:
            state.add_optional(data, assignment, tuple(optional))
            with_optional.add(data.index)
        activities[data.index] = _activity(
            model, data, assignment, tuple(model.people[p] for p in optional)
        )
    rule_reasons: dict[int, dict[str, Text]] = {}
    while True:
        new_list = [
            v
            for v in check(
                base,
                activities=(*base.activities, *activities.values()),
                policy=policy,
                calendar=calendar,
            ).violations
            if v not in baseline
        ]
        new_hard = [v for v in new_list if v.level is Severity.HARD]
        culprits = sorted(
            {model_index for v in new_hard for model_index in _indices(model, v.activity_ids)}
            & set(activities)
        )
        if not culprits:
            break
        index = culprits[-1]
        if index in with_optional:  # first without its optional participants
            with_optional.discard(index)
            assignment = state.assign[index]
            assert assignment is not None
            activities[index] = _activity(model, model.jobs[index], assignment, ())
            continue
        del activities[index]
        state.unplace(model.jobs[index])
        for v in new_hard:
            rule_reasons.setdefault(index, {}).setdefault(v.rule_id + v.part, v.message)
    new = new_list
    score = Score(
        hard=sum(v.penalty for v in new if v.level is Severity.HARD),
        medium=sum(v.penalty for v in new if v.level is Severity.MEDIUM),
        soft=sum(v.penalty for v in new if v.level is Severity.SOFT),
    )
    placements = [
        Placement(
            request_id=data.job.id,
            priority=data.weight,
            pinned=data.pinned,
            activity=activities[data.index],
        )
        for data in model.jobs
        if data.index in activities
    ]
    placements += [
        Placement(request_id=a.id, priority=job_by_id[a.id].priority, pinned=True, activity=a)
        for a in pinned_fixed
    ]
    placements.sort(key=lambda p: (p.activity.span.start, p.request_id))
    names = {s.id: s.name for s in office.staff}
    room_names = {r.id: r.name for r in office.rooms}
    titles = {a.id: a.title for a in base.activities}
    titles.update({a.id: a.title for a in activities.values()})
    labels = {b.id: b.label for b in policy.blackouts}
    unplaced = [
        Unplaced(
            request_id=data.job.id,
            title=data.job.request.title,
            priority=data.weight,
            reason=reason(
                model,
                state,
                data,
                names=names,
                room_names=room_names,
                titles=titles,
                blackout_labels=labels,
                extra=tuple(rule_reasons.get(data.index, {}).values()),
            ),
        )
        for data in model.jobs
        if data.index not in activities
    ]
    unplaced += [
        Unplaced(
            request_id=request.id,
            title=request.title,
            priority=request.priority,
            reason=Text(
                f"重复规则 {request.rrule} 在时间窗口内没有产生任何日期",
                f"the recurrence {request.rrule} yields no date in the window "
                f"{request.earliest_start.date()} - {request.latest_end.date()}",
            ),
        )
        for request in empty
    ]
    unplaced.sort(key=lambda u: u.request_id)
    placed_by_id = {p.request_id: p.activity for p in placements}
    fixed_ids = {a.id for a in pinned_fixed}
    moved = sorted(
        request_id
        for request_id, activity in kept.items()
        if request_id not in fixed_ids and placed_by_id.get(request_id) != activity
    )
    pinned_ids = fixed_ids
    pinned_conflicts = tuple(
        v.message
        for v in sorted(baseline, key=lambda v: v.key)
        if v.level is Severity.HARD and pinned_ids.intersection(v.activity_ids)
    )
    return Plan(
        placed=tuple(placements),
        unplaced=tuple(unplaced),
        score=score,
        moved=tuple(moved),
        pinned_conflicts=pinned_conflicts,
        iterations=iterations,
    )


def _pair_away_all(
    model: Model, data: JobData, assignment: Assignment, optional: list[int], person: int
) -> bool:
    """Would ``person`` and someone already on the off-site activity be a post's A and B?"""
    if not (data.off_site and model.rules.ab and model.rules.count_off_site):
        return False
    checks = set(model.away(person)[1])
    others = (*data.people, *assignment[2], *optional)
    return any(checks.intersection(model.away(other)[0]) for other in others)


def _indices(model: Model, activity_ids: Sequence[str]) -> list[int]:
    index = {data.job.id: data.index for data in model.jobs}
    return [index[a] for a in activity_ids if a in index]
