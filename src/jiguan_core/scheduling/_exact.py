"""The exact engine (private): the same integer model solved by OR-Tools CP-SAT.

``schedule(..., engine="cpsat")`` builds, from the model the default engine searches (the same
candidate times, rooms that seat everyone, fixed bookings and hard rules of the policy), one
optional interval per job and:

- per person, a NoOverlap of the intervals of the jobs they must attend, of the "any N"
  leadership members' optional intervals, and of their fixed bookings (SCHED-COORD-PERSON);
- per room, a NoOverlap of the optional room intervals, one room per placed job (SCHED-COORD-ROOMS);
- the leadership as one resource when SCHED-LEADERS-MEETINGS is hard; per post, a NoOverlap of the A's and the
  B's away time when SCHED-DEV-AB is hard; per target place, trips stretched by the minimum gap when
  SCHED-COORD-TRIPS is hard;
- working days, office hours, blackouts and capacity through the candidate times and rooms.

Fixed bookings of one resource are merged first (a calendar that already breaks a rule stays
solvable). The objective maximises the priority-weighted placements; the default engine's plan
is the solution hint. The plan reports whether CP-SAT proved it optimal and its bound. OR-Tools
is optional (``pip install "jiguan-core[solver]"``); without it the engine raises
:class:`~jiguan_core.errors.MissingExtra` naming the extra.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from jiguan_core._optional import require
from jiguan_core.scheduling._model import Model
from jiguan_core.scheduling._score import Assignment

__all__ = ["solve_exact"]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def solve_exact(
    model: Model,
    hint: dict[int, Assignment],
    *,
    time_limit: float,
    workers: int,
    seed: int,
) -> tuple[dict[int, Assignment], bool, int]:
    """(assignments, proven optimal, bound on the weighted placements)."""
    cp_model: Any = require(
        "ortools.sat.python.cp_model",
        feature='exact scheduling (engine="cpsat")',
        feature_zh='精确排程（engine="cpsat"）',
    )

    rules = model.rules
    cp = cp_model.CpModel()
    base = min((c[0] for d in model.jobs for c in d.cands), default=0) // 60 - 1

    def minutes(seconds: int) -> int:
        return seconds // 60 - base

    fixed: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for resource, start, end, _, _, _ in model.fixed:
        fixed[resource].append((start, end))
    # A and B of a post share one NoOverlap (their away time never overlaps)

    def post_of(resource: int) -> int:
        return model.away_base + 2 * ((resource - model.away_base) // 2)

    groups: dict[int, list[Any]] = defaultdict(list)

    def group(resource: int) -> int:
        return post_of(resource) if resource >= model.away_base else resource

    merged: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for resource, spans in fixed.items():
        merged[group(resource)].extend(spans)
    for key, spans in merged.items():
        for start, end in _merged(spans):
            s, e = minutes(start), max(minutes(start) + 1, -(-end // 60) - base)
            groups[key].append(cp.new_fixed_size_interval_var(s, e - s, f"f{key}_{s}"))
    place_groups: dict[int, list[Any]] = defaultdict(list)
    gap = rules.place_gap
    if gap is not None:
        trips: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for place, start, end, _ in model.fixed_trips:
            trips[place].append((start, end + gap))
        for place, spans in trips.items():
            for start, end in _merged(spans):
                s, e = minutes(start), -(-end // 60) - base
                place_groups[place].append(cp.new_fixed_size_interval_var(s, e - s, "ft"))

    presence: dict[int, Any] = {}
    starts: dict[int, Any] = {}
    room_use: dict[int, list[tuple[int, Any]]] = {}
    leader_use: dict[int, list[tuple[int, Any]]] = {}
    objective = []
    ab = rules.ab and rules.count_off_site
    for data in model.jobs:
        if not data.cands or data.self_away or data.too_small:
            continue
        sizes = {c[1] - c[0] for c in data.cands}
        if len(sizes) != 1:
            continue  # pragma: no cover - candidates of one job have one length
        size = minutes(data.cands[0][1]) - minutes(data.cands[0][0])
        j = data.index
        present = cp.new_bool_var(f"p{j}")
        domain = cp_model.Domain.from_values(sorted({minutes(c[0]) for c in data.cands}))
        at = cp.new_int_var_from_domain(domain, f"s{j}")
        interval = cp.new_optional_fixed_size_interval_var(at, size, present, f"i{j}")
        presence[j], starts[j] = present, at
        objective.append(data.weight * present)
        for person in data.people:
            if rules.person:
                groups[person].append(interval)
            if data.off_site and ab:
                for resource in {group(r) for r in model.away(person)[0]}:
                    groups[resource].append(interval)
        if data.leads and rules.lead:
            groups[model.lead].append(interval)
        if data.place >= 0 and gap is not None:
            stretched = cp.new_optional_fixed_size_interval_var(
                at, size + -(-gap // 60), present, f"t{j}"
            )
            place_groups[data.place].append(stretched)
        if data.rooms:
            uses = []
            for room in data.rooms:
                use = cp.new_bool_var(f"r{j}_{room}")
                if rules.room:
                    groups[room].append(
                        cp.new_optional_fixed_size_interval_var(at, size, use, f"ir{j}_{room}")
                    )
                uses.append((room, use))
            cp.add(sum(u for _, u in uses) == present)
            room_use[j] = uses
        if data.n_any:
            uses = []
            for leader in data.pool:
                use = cp.new_bool_var(f"l{j}_{leader}")
                optional = cp.new_optional_fixed_size_interval_var(at, size, use, f"il{j}_{leader}")
                if rules.person:
                    groups[leader].append(optional)
                if data.off_site and ab:
                    for resource in {group(r) for r in model.away(leader)[0]}:
                        groups[resource].append(optional)
                uses.append((leader, use))
            cp.add(sum(u for _, u in uses) == data.n_any * present)
            leader_use[j] = uses
        previous = hint.get(j)
        cp.add_hint(present, previous is not None)
        if previous is not None:
            c, room, chosen = previous
            cp.add_hint(at, minutes(data.cands[c][0]))
            for option, use in room_use.get(j, ()):
                cp.add_hint(use, option == room)
            for leader, use in leader_use.get(j, ()):
                cp.add_hint(use, leader in chosen)
    for intervals in (*groups.values(), *place_groups.values()):
        if len(intervals) > 1:
            cp.add_no_overlap(intervals)
    cp.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # several workers, deterministic (unless the time limit cuts the search short)
    solver.parameters.interleave_search = True
    status = solver.solve(cp)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return dict(hint), False, sum(model.jobs[j].weight for j in presence)
    found: dict[int, Assignment] = {}
    for j, present in presence.items():
        if not solver.value(present):
            continue
        data = model.jobs[j]
        begin = (solver.value(starts[j]) + base) * 60
        c = next(k for k, cand in enumerate(data.cands) if cand[0] == begin)
        room = next((r for r, use in room_use.get(j, ()) if solver.value(use)), -1)
        if not rules.room and data.rooms and room < 0:
            room = data.rooms[0]
        chosen = tuple(p for p, use in leader_use.get(j, ()) if solver.value(use))
        found[j] = (c, room, chosen)
    return found, status == cp_model.OPTIMAL, math.floor(solver.best_objective_bound + 1e-6)
