"""Construction (private): a first plan, placing the most valuable use of scarce resources first.

Each job's *cost* is the resource time it consumes, each resource weighted by its pressure
(the time asked of it over the time there is): the duration times the summed pressure of its
people, its room (shared among the rooms it may take), the leadership members it takes. Jobs are
placed in order of weight per cost (so one three-hour meeting of five busy people yields to short
ones that together are worth more), then fewest candidate days; each at the cheapest (medium,
soft) of its first few feasible times on different days.
"""

from __future__ import annotations

from collections.abc import Callable

from jiguan_core.scheduling._model import JobData, Model
from jiguan_core.scheduling._score import Assignment, State

__all__ = ["best_fit", "order"]

#: Feasible candidates compared per job (on different days) before taking the cheapest.
FEASIBLE_COMPARED = 4
#: ... and up to this many while every one found adds a medium penalty.
MEDIUM_COMPARED = 12


def order(model: Model, jobs: list[JobData]) -> list[JobData]:
    """``jobs`` by weight per pressure-weighted resource time, highest first."""
    days = {day for data in model.jobs for day in data.by_day}
    supply = max(1, len(days)) * 8 * 3600
    demand = [0.0] * model.n_resources
    for data in model.jobs:
        if not data.cands:
            continue
        for person in data.people:
            demand[person] += data.duration
        for room in data.rooms:
            demand[room] += data.duration / len(data.rooms)
        for leader in data.pool:
            demand[leader] += data.duration * data.n_any / max(1, len(data.pool))
    pressure = [max(0.05, d / supply) for d in demand]

    def cost(data: JobData) -> float:
        total = sum(pressure[p] for p in data.people)
        if data.rooms:
            total += sum(pressure[r] for r in data.rooms) / len(data.rooms)
        if data.n_any and data.pool:
            total += data.n_any * sum(pressure[p] for p in data.pool) / len(data.pool)
        return max(1.0, data.duration / 3600) * max(total, 0.05)

    return sorted(
        jobs,
        key=lambda d: (-d.weight / cost(d), len(d.by_day), len(d.cands), d.job.order),
    )


def best_fit(
    state: State,
    data: JobData,
    *,
    start: int = 0,
    confirm: Callable[[JobData, Assignment], bool] | None = None,
) -> Assignment | None:
    """The cheapest of the first feasible candidates of ``data`` (scanning from ``start``),
    on different days; None when none fits."""
    best: tuple[tuple[int, int], Assignment] | None = None
    compared = 0
    seen: set[int] = set()
    n = len(data.cands)
    for k in range(n):
        c = (start + k) % n
        day = data.cands[c][2]
        if day in seen:
            continue
        found = state.fit(data, c)
        if found is None or (confirm is not None and not confirm(data, found)):
            continue
        cost = state.delta(data, found)
        if best is None or cost < best[0]:
            best = (cost, found)
        seen.add(day)
        compared += 1
        if best[0] == (0, 0) or compared >= (
            FEASIBLE_COMPARED if best[0][0] == 0 else MEDIUM_COMPARED
        ):
            break
    return None if best is None else best[1]
