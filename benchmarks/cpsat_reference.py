"""The reference for the scheduler: Google OR-Tools CP-SAT on the same instance (benchmark only).

The instance is discretised exactly as the scheduler sees it: the same candidate start times
(office hours, working days, 30-minute steps, from jiguan_core.scheduling._candidates) and the
same HARD rules of the catalogue, expressed as interval constraints:

- SCHED-COORD-PERSON: per person, a NoOverlap of the requests they must attend, the leadership members a
  request may take ("any N": optional intervals, N of them present), their absences and their
  fixed activities;
- SCHED-DEV-AB: per AB role, a NoOverlap of the "away" intervals of A and B (absences, off-site fixed
  activities, off-site requests they attend); a request taking both away cannot be placed;
- SCHED-COORD-ROOMS: per room, a NoOverlap of the bookings (a request with several rooms takes one of them);
- SCHED-C2-WORKDAYS: candidates lie on working days only (blackouts: none in the generated instances);
- SCHED-COORD-CAPACITY: only rooms that seat every attendee.

The objective maximises the priority-weighted number of placed requests. Medium and soft
rules are not part of it (the scheduler only uses them to choose among feasible times).
Optional participants are left out, which only makes the reference's optimum larger (a bound).

Needs ``pip install ortools`` (the ``bench`` extra); the test suite never imports this.
"""

from __future__ import annotations

from collections import defaultdict

import attrs
import pendulum
from ortools.sat.python import cp_model

from jiguan_core.activity import Activity
from jiguan_core.scheduling._candidates import candidates
from jiguan_core.scheduling.instances import Instance
from jiguan_core.scheduling.recurrence import expand_all
from jiguan_core.scheduling.request import OfficeHours
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["CpsatResult", "solve"]


@attrs.frozen(kw_only=True)
class CpsatResult:
    status: str
    weighted: int  # priority-weighted placements of the best solution found
    bound: float  # CP-SAT's best bound on that number (== weighted when optimal)
    placed: int
    seconds: float
    activities: tuple[Activity, ...]


def solve(instance: Instance, *, time_limit: float = 60.0, workers: int = 2) -> CpsatResult:
    hours = OfficeHours.resolve()
    office = instance.office
    jobs = expand_all(instance.requests)
    leadership = [s.id for s in office.leadership_members]
    base = min(int(j.earliest_start.timestamp()) for j in jobs) // 60 - 24 * 60

    def minutes(seconds: int) -> int:
        return seconds // 60 - base

    model = cp_model.CpModel()
    person_intervals: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
    room_intervals: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
    away_intervals: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)  # by post
    a_posts: dict[str, list[str]] = defaultdict(list)
    for role in office.ab_roles:
        a_posts[role.a_id].append(role.post_id)
        a_posts[role.b_id].append(role.post_id)

    def fixed(span: TimeSpan, name: str) -> cp_model.IntervalVar:
        start = minutes(int(span.start.timestamp()))
        end = minutes(int(span.end.timestamp()))
        return model.new_fixed_size_interval_var(start, end - start, name)

    for absence in office.absences:
        interval = fixed(absence.span, absence.id)
        person_intervals[absence.staff_id].append(interval)
        for post in a_posts.get(absence.staff_id, ()):
            away_intervals[post].append(interval)
    for activity in office.activities:
        interval = fixed(activity.span, activity.id)
        for person in activity.attendees:
            person_intervals[person].append(interval)
            if activity.off_site:
                for post in a_posts.get(person, ()):
                    away_intervals[post].append(interval)
        if activity.room_id is not None:
            room_intervals[activity.room_id].append(interval)

    presence: dict[str, cp_model.IntVar] = {}
    starts: dict[str, cp_model.IntVar] = {}
    room_choice: dict[str, list[tuple[str, cp_model.IntVar]]] = {}
    leader_choice: dict[str, list[tuple[str, cp_model.IntVar]]] = {}
    objective = []
    for job in jobs:
        options = sorted({minutes(c.start) for c in candidates(job, hours, instance.calendar)})
        if not options:
            continue
        first = next(iter(candidates(job, hours, instance.calendar)))
        size = (first.end - first.start) // 60
        present = model.new_bool_var(f"p[{job.id}]")
        start = model.new_int_var_from_domain(cp_model.Domain.from_values(options), f"s[{job.id}]")
        interval = model.new_optional_fixed_size_interval_var(start, size, present, f"i[{job.id}]")
        presence[job.id] = present
        starts[job.id] = start
        objective.append(job.priority * present)
        off_site = job.kind.is_field_trip
        for person in job.attendee_ids:
            person_intervals[person].append(interval)
            if off_site:
                for post in a_posts.get(person, ()):
                    away_intervals[post].append(interval)
        seats = {r.id: r.capacity for r in office.rooms}
        people = len(job.attendee_ids) + job.any_leaders
        fitting = [
            r for r in job.rooms if seats[r] is None or seats[r] >= people
        ]  # SCHED-COORD-CAPACITY
        if job.rooms and not fitting:
            model.add(present == 0)
        if fitting:
            rooms_chosen: list[tuple[str, cp_model.IntVar]] = []
            for room in fitting:
                use = model.new_bool_var(f"r[{job.id},{room}]")
                room_intervals[room].append(
                    model.new_optional_fixed_size_interval_var(
                        start, size, use, f"ir[{job.id},{room}]"
                    )
                )
                rooms_chosen.append((room, use))
            model.add(sum(u for _, u in rooms_chosen) == present)
            room_choice[job.id] = rooms_chosen
        if job.any_leaders:
            named = set(job.leaders) | set(job.participants)
            pool = [m for m in leadership if m not in named]
            leaders_chosen: list[tuple[str, cp_model.IntVar]] = []
            for leader in pool:
                use = model.new_bool_var(f"l[{job.id},{leader}]")
                optional = model.new_optional_fixed_size_interval_var(
                    start, size, use, f"il[{job.id},{leader}]"
                )
                person_intervals[leader].append(optional)
                if off_site:
                    for post in a_posts.get(leader, ()):
                        away_intervals[post].append(optional)
                leaders_chosen.append((leader, use))
            model.add(sum(u for _, u in leaders_chosen) == job.any_leaders * present)
            leader_choice[job.id] = leaders_chosen
    for table in (person_intervals, room_intervals, away_intervals):
        for intervals in table.values():
            if len(intervals) > 1:
                model.add_no_overlap(intervals)
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 0
    status = solver.solve(model)
    name = solver.status_name(status)
    activities: list[Activity] = []
    weighted = 0
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        by_id = {job.id: job for job in jobs}
        for job_id, present in presence.items():
            if not solver.value(present):
                continue
            job = by_id[job_id]
            weighted += job.priority
            begin = pendulum.from_timestamp((solver.value(starts[job_id]) + base) * 60, tz=SHANGHAI)
            first = next(iter(candidates(job, hours, instance.calendar)))
            chosen_room = next(
                (r for r, use in room_choice.get(job_id, ()) if solver.value(use)), None
            )
            extra = tuple(m for m, use in leader_choice.get(job_id, ()) if solver.value(use))
            activities.append(
                Activity(
                    id=job.id,
                    kind=job.kind,
                    title=job.title,
                    span=TimeSpan(begin, begin.add(seconds=first.end - first.start)),
                    department_id=job.department_id,
                    participants=job.participants,
                    leaders=(*job.leaders, *extra),
                    target_place=job.target_place,
                    room_id=chosen_room,
                    meeting_kind=job.meeting_kind,
                )
            )
    return CpsatResult(
        status=name,
        weighted=weighted,
        bound=solver.best_objective_bound if status != cp_model.INFEASIBLE else 0.0,
        placed=len(activities),
        seconds=solver.wall_time,
        activities=tuple(sorted(activities, key=lambda a: a.id)),
    )
