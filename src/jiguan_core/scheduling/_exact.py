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

- counts a policy makes hard (SCHED-COORD-LOAD per department and week, SCHED-LEADERS-TRIPS
  per leadership member and month) as linear constraints on "placed in that week / month"
  indicators; daily leadership coverage (SCHED-LEADERS-MEETINGS' ``min_on_duty`` made hard) is
  not modelled and is refused with a clear error (the default engine confirms it with the
  checker).

Fixed bookings of one resource are merged first (a calendar that already breaks a rule stays
solvable). The objective is lexicographic, in two solves: the first maximises the
priority-weighted placements, from the default engine's plan as the solution hint; the second
keeps that weight and, from the first one's plan, minimises the medium penalties, then the soft
ones, the default engine scores (trips to one place within the gap SCHED-COORD-TRIPS,
leadership activities in parallel SCHED-LEADERS-MEETINGS, activities per department and week
SCHED-COORD-LOAD, trips per leadership member and month SCHED-LEADERS-TRIPS, each at the level
the policy gives it; a rule switched off is not scored) in the time the first one left. The plan
reports whether CP-SAT proved the placements optimal and their bound. OR-Tools is optional
(``pip install "jiguan-core[solver]"``); without it the engine raises
:class:`~jiguan_core.errors.MissingExtra` naming the extra.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from jiguan_core._optional import require
from jiguan_core.errors import InvalidValue
from jiguan_core.scheduling._model import MEDIUM, JobData, Model, Rules, month_of, week_of
from jiguan_core.scheduling._score import Assignment

__all__ = ["refuse_unmodelled", "solve_exact"]

#: Pairs of activities whose candidate times can meet, beyond which the second solve leaves
#: the pairwise penalties (trips to one place, leadership activities in parallel) out: the
#: model would grow with the square of the requests.
MAX_PENALTY_PAIRS = 20_000
#: The second solve (penalties) runs only when the first one left at least this many seconds.
MIN_SECOND_SOLVE = 0.05


def refuse_unmodelled(rules: Rules) -> None:
    """The exact engine models every hard rule but daily leadership coverage: refuse it."""
    if rules.coverage is not None:
        raise InvalidValue(
            'engine="cpsat" cannot keep SCHED-LEADERS-MEETINGS\' daily coverage '
            f'(min_on_duty = {rules.coverage}) as a hard rule: use engine="default", which '
            "confirms each placement with the checker, or set min_on_duty to 0 or the rule's "
            "level below hard",
            'engine="cpsat" 无法将 SCHED-LEADERS-MEETINGS 的每日在岗人数'
            f'（min_on_duty = {rules.coverage}）作为硬性规则：请使用 engine="default"'
            "（逐项由检查器确认），或将 min_on_duty 设为 0、或将该规则的级别调低",
            field="engine",
            value="cpsat",
        )


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
    refuse_unmodelled(model.rules)
    exact = _Exact(cp_model, model)
    exact.build()
    exact.hint(hint)
    weight = sum(model.jobs[j].weight * p for j, p in exact.presence.items())
    exact.cp.maximize(weight)
    solver = exact.solver(time_limit, workers, seed)
    status = solver.solve(exact.cp)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return dict(hint), False, sum(model.jobs[j].weight for j in exact.presence)
    found = exact.read(solver)
    optimal = status == cp_model.OPTIMAL
    bound = math.floor(solver.best_objective_bound + 1e-6)
    left = time_limit - solver.wall_time
    penalties = exact.penalties()
    if penalties is not None and left >= MIN_SECOND_SOLVE:
        # lexicographic: the same weight (or more), then the fewest penalties
        exact.cp.add(weight >= round(solver.objective_value))
        exact.cp.clear_hints()
        exact.hint(found)
        exact.cp.minimize(penalties)
        second = exact.solver(left, workers, seed)
        if second.solve(exact.cp) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = exact.read(second)
    return found, optimal, bound


class _Exact:
    """The CP-SAT model of one call: variables per job, the hard rules, the penalties."""

    def __init__(self, cp_model: Any, model: Model) -> None:
        self.lib = cp_model
        self.model = model
        self.cp = cp_model.CpModel()
        self.base = min((c[0] for d in model.jobs for c in d.cands), default=0) // 60 - 1
        self.presence: dict[int, Any] = {}
        self.starts: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}
        self.room_use: dict[int, list[tuple[int, Any]]] = {}
        self.leader_use: dict[int, list[tuple[int, Any]]] = {}
        self._periods: dict[tuple[int, str], dict[int, Any]] = {}

    def minutes(self, seconds: int) -> int:
        return seconds // 60 - self.base

    def solver(self, time_limit: float, workers: int, seed: int) -> Any:
        solver = self.lib.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        # several workers, deterministic (unless the time limit cuts the search short)
        solver.parameters.interleave_search = True
        return solver

    # ---- the hard model ----

    def build(self) -> None:
        model, cp, lib = self.model, self.cp, self.lib
        rules = model.rules
        minutes = self.minutes
        fixed: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for resource, start, end, _, _, _ in model.fixed:
            fixed[resource].append((start, end))

        # A and B of a post share one NoOverlap (their away time never overlaps)
        def group(resource: int) -> int:
            if resource >= model.away_base:
                return model.away_base + 2 * ((resource - model.away_base) // 2)
            return resource

        groups: dict[int, list[Any]] = defaultdict(list)
        merged: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for resource, spans in fixed.items():
            merged[group(resource)].extend(spans)
        for key, spans in merged.items():
            for start, end in _merged(spans):
                s, e = minutes(start), max(minutes(start) + 1, -(-end // 60) - self.base)
                groups[key].append(cp.new_fixed_size_interval_var(s, e - s, f"f{key}_{s}"))
        place_groups: dict[int, list[Any]] = defaultdict(list)
        gap = rules.place_gap
        if gap is not None:
            trips: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for place, start, end, _ in model.fixed_trips:
                trips[place].append((start, end + gap))
            for place, spans in trips.items():
                for start, end in _merged(spans):
                    s, e = minutes(start), -(-end // 60) - self.base
                    place_groups[place].append(cp.new_fixed_size_interval_var(s, e - s, "ft"))
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
            domain = lib.Domain.from_values(sorted({minutes(c[0]) for c in data.cands}))
            at = cp.new_int_var_from_domain(domain, f"s{j}")
            interval = cp.new_optional_fixed_size_interval_var(at, size, present, f"i{j}")
            self.presence[j], self.starts[j], self.sizes[j] = present, at, size
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
                self.room_use[j] = uses
            if data.n_any:
                uses = []
                for leader in data.pool:
                    use = cp.new_bool_var(f"l{j}_{leader}")
                    optional = cp.new_optional_fixed_size_interval_var(
                        at, size, use, f"il{j}_{leader}"
                    )
                    if rules.person:
                        groups[leader].append(optional)
                    if data.off_site and ab:
                        for resource in {group(r) for r in model.away(leader)[0]}:
                            groups[resource].append(optional)
                    uses.append((leader, use))
                cp.add(sum(u for _, u in uses) == data.n_any * present)
                self.leader_use[j] = uses
        for intervals in (*groups.values(), *place_groups.values()):
            if len(intervals) > 1:
                cp.add_no_overlap(intervals)
        if rules.week_hard is not None:
            for count, extra in self._week_counts():
                cp.add(sum(count) <= max(0, rules.week_hard - extra))
        if rules.trips_hard is not None:
            for count, extra in self._trip_counts():
                cp.add(sum(count) <= max(0, rules.trips_hard - extra))

    def hint(self, assignments: dict[int, Assignment]) -> None:
        cp = self.cp
        for j, present in self.presence.items():
            previous = assignments.get(j)
            cp.add_hint(present, previous is not None)
            if previous is None:
                continue
            c, room, chosen = previous
            cp.add_hint(self.starts[j], self.minutes(self.model.jobs[j].cands[c][0]))
            for option, use in self.room_use.get(j, ()):
                cp.add_hint(use, option == room)
            for leader, use in self.leader_use.get(j, ()):
                cp.add_hint(use, leader in chosen)

    def read(self, solver: Any) -> dict[int, Assignment]:
        rules = self.model.rules
        found: dict[int, Assignment] = {}
        for j, present in self.presence.items():
            if not solver.value(present):
                continue
            data = self.model.jobs[j]
            begin = (solver.value(self.starts[j]) + self.base) * 60
            c = next(k for k, cand in enumerate(data.cands) if cand[0] == begin)
            room = next((r for r, use in self.room_use.get(j, ()) if solver.value(use)), -1)
            if not rules.room and data.rooms and room < 0:
                room = data.rooms[0]
            chosen = tuple(p for p, use in self.leader_use.get(j, ()) if solver.value(use))
            found[j] = (c, room, chosen)
        return found

    # ---- counts per period ----

    def _in_period(self, data: JobData, kind: str) -> dict[int, Any]:
        """Period (week's Monday or month) -> a literal "placed, starting in that period"."""
        key = (data.index, kind)
        found = self._periods.get(key)
        if found is not None:
            return found
        period = week_of if kind == "week" else month_of
        starts: dict[int, set[int]] = defaultdict(set)
        for cand in data.cands:
            starts[period(cand[2])].add(self.minutes(cand[0]))
        present = self.presence[data.index]
        if len(starts) == 1:
            found = {next(iter(starts)): present}
        else:
            found = {}
            for value, minutes in sorted(starts.items()):
                inside = self.cp.new_bool_var(f"{kind}{data.index}_{value}")
                self.cp.add_linear_expression_in_domain(
                    self.starts[data.index], self.lib.Domain.from_values(sorted(minutes))
                ).only_enforce_if(inside)
                found[value] = inside
            self.cp.add(sum(found.values()) == present)
        self._periods[key] = found
        return found

    def _week_counts(self) -> Iterable[tuple[list[Any], int]]:
        """(placed literals, fixed activities) per department and week."""
        counts: dict[tuple[str, int], list[Any]] = defaultdict(list)
        for j in self.presence:
            data = self.model.jobs[j]
            for week, literal in self._in_period(data, "week").items():
                counts[(data.department, week)].append(literal)
        fixed = Counter(self.model.fixed_week)
        return [(literals, fixed[key]) for key, literals in sorted(counts.items())]

    def _trip_counts(self) -> Iterable[tuple[list[Any], int]]:
        """(literals of trips taken, fixed trips) per leadership member and month."""
        model, cp = self.model, self.cp
        counts: dict[tuple[int, int], list[Any]] = defaultdict(list)
        for j in self.presence:
            data = model.jobs[j]
            if data.place < 0 or not data.leads:
                continue
            named = [p for p in data.people if p in model.leadership]
            for month, literal in self._in_period(data, "month").items():
                for leader in named:
                    counts[(leader, month)].append(literal)
                for leader, use in self.leader_use.get(j, ()):
                    if literal is self.presence[j]:
                        counts[(leader, month)].append(use)
                        continue
                    both = cp.new_bool_var(f"lt{j}_{leader}_{month}")
                    cp.add_bool_or([use.Not(), literal.Not(), both])
                    counts[(leader, month)].append(both)
        fixed = Counter(model.fixed_leader_trips)
        return [(literals, fixed[key]) for key, literals in sorted(counts.items())]

    # ---- the penalties of the second solve ----

    def penalties(self) -> Any | None:
        """medium x (most soft + 1) + soft, as the default engine scores them; None if no
        medium or soft rule is on."""
        rules = self.model.rules
        terms: dict[int, list[tuple[Any, int]]] = defaultdict(list)  # level -> (term, its most)
        if rules.week is not None:
            level, limit = rules.week
            terms[level] += self._over(self._week_counts(), limit, "wk")
        if rules.trips is not None:
            level, limit = rules.trips
            terms[level] += self._over(self._trip_counts(), limit, "tr")
        pairs = self._pairs()
        if rules.trip_gap is not None and len(pairs[0]) <= MAX_PENALTY_PAIRS:
            level, gap = rules.trip_gap
            terms[level] += [(self._near(j, k, gap), 1) for j, k in pairs[0]]
            terms[level] += self._near_fixed_trips(gap)
        if rules.parallel is not None and len(pairs[1]) <= MAX_PENALTY_PAIRS:
            terms[rules.parallel] += [(self._near(j, k, 0), 1) for j, k in pairs[1]]
            terms[rules.parallel] += self._near_fixed_leads()
        if not any(terms.values()):
            return None
        soft = [term for level, found in terms.items() if level != MEDIUM for term in found]
        scale = 1 + sum(most for _, most in soft)
        return scale * sum(t for t, _ in terms[MEDIUM]) + sum(t for t, _ in soft)

    def _over(
        self, counts: Iterable[tuple[list[Any], int]], limit: int, name: str
    ) -> list[tuple[Any, int]]:
        found = []
        for k, (literals, extra) in enumerate(counts):
            most = len(literals)
            if extra + most <= limit:
                continue
            over = self.cp.new_int_var(0, most + extra, f"{name}{k}")
            self.cp.add(over >= extra + sum(literals) - limit)
            found.append((over, most + extra))
        return found

    def _pairs(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(trips to one place, leadership activities) whose candidate times can meet (trips
        within the gap)."""
        model = self.model
        span = {
            j: (model.jobs[j].cands[0][0], max(c[1] for c in model.jobs[j].cands))
            for j in self.presence
        }
        gap = model.rules.trip_gap[1] if model.rules.trip_gap is not None else 0
        trips: list[tuple[int, int]] = []
        leads: list[tuple[int, int]] = []
        jobs = sorted(self.presence)
        for a, j in enumerate(jobs):
            first = model.jobs[j]
            for k in jobs[a + 1 :]:
                other = model.jobs[k]
                (s1, e1), (s2, e2) = span[j], span[k]
                same_place = first.place >= 0 and first.place == other.place
                if same_place and s1 < e2 + gap and s2 < e1 + gap:
                    trips.append((j, k))
                if first.leads and other.leads and s1 < e2 and s2 < e1:
                    leads.append((j, k))
                if len(trips) > MAX_PENALTY_PAIRS and len(leads) > MAX_PENALTY_PAIRS:
                    return trips, leads
        return trips, leads

    def _near(self, j: int, k: int, gap: int) -> Any:
        """A literal true when jobs j and k are both placed within ``gap`` seconds (overlap
        for 0): when it is false, one ends (plus the gap) before the other starts."""
        cp = self.cp
        near = cp.new_bool_var(f"n{j}_{k}")
        order = cp.new_bool_var(f"o{j}_{k}")
        both = [self.presence[j], self.presence[k], near.Not()]
        gap_m = -(-gap // 60)
        cp.add(self.starts[j] >= self.starts[k] + self.sizes[k] + gap_m).only_enforce_if(
            [*both, order]
        )
        cp.add(self.starts[k] >= self.starts[j] + self.sizes[j] + gap_m).only_enforce_if(
            [*both, order.Not()]
        )
        return near

    def _near_to(self, j: int, spans: list[tuple[int, int]], gap: int, name: str) -> list[Any]:
        """Literals, one per fixed span within ``gap`` of a candidate of job j: true when j is
        placed within the gap of it."""
        data = self.model.jobs[j]
        found = []
        for n, (start, end) in enumerate(spans):
            near = {c[0] for c in data.cands if c[0] < end + gap and start < c[1] + gap}
            if not near:
                continue
            literal = self.cp.new_bool_var(f"{name}{j}_{n}")
            far = sorted({self.minutes(c[0]) for c in data.cands if c[0] not in near})
            if far:
                self.cp.add_linear_expression_in_domain(
                    self.starts[j], self.lib.Domain.from_values(far)
                ).only_enforce_if([self.presence[j], literal.Not()])
            else:
                self.cp.add_implication(self.presence[j], literal)
            found.append(literal)
        return found

    def _near_fixed_trips(self, gap: int) -> list[tuple[Any, int]]:
        model = self.model
        by_place: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for place, start, end, _ in model.fixed_trips:
            by_place[place].append((start, end))
        return [
            (literal, 1)
            for j in self.presence
            if model.jobs[j].place >= 0
            for literal in self._near_to(j, by_place.get(model.jobs[j].place, []), gap, "nt")
        ]

    def _near_fixed_leads(self) -> list[tuple[Any, int]]:
        model = self.model
        found = []
        for j in self.presence:
            data = model.jobs[j]
            if not data.leads:
                continue
            named = {p for p in data.people if p in model.leadership}
            spans = [
                (start, end)
                for start, end, leaders, _ in model.fixed_leader_acts
                if leaders.isdisjoint(named)
            ]
            found += [(literal, 1) for literal in self._near_to(j, spans, 0, "nl")]
        return found
