"""The duty roster's exact engine (private): one group's roster as a CP-SAT model.

Used when the fast flow roster cannot show that it is optimal (see
:mod:`jiguan_core.duty.roster`). One boolean per free person-day; every day gets the people it
can get (DUTY-Y1, a hard constraint); then three objectives, each solved to optimality and
fixed before the next (lexicographic):

1. the fewest two-days-running duties (DUTY-Y1-REST: "unless unavoidable" is then proven);
2. the smallest spread, max - min weighted load with prior duty (DUTY-Y1-FAIR);
3. the smallest sum of squared loads within that spread (the evenest loads, a tie-break).

Deterministic: one worker and a deterministic time limit (a measure of work, not of the
clock). OR-Tools is optional (``pip install "jiguan-core[solver]"``); without it this raises
:class:`~jiguan_core.errors.MissingExtra` naming the extra.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from jiguan_core._optional import require

__all__ = ["solve_group"]

_ONE = dt.timedelta(days=1)


def solve_group(
    people: Sequence[str],
    days: Sequence[dt.date],
    need_of: Mapping[dt.date, int],
    free: Mapping[str, frozenset[dt.date]],
    weight_of: Mapping[dt.date, int],
    base: Mapping[str, int],
    hint: Mapping[dt.date, Sequence[str]],
    *,
    work_limit: float,
) -> tuple[dict[dt.date, list[str]], bool]:
    """(day -> people, every stage proven optimal). ``need_of[d]`` people are placed on day
    ``d`` (the caller passes what can be filled); ``hint`` is a full roster to start from."""
    cp_model: Any = require(
        "ortools.sat.python.cp_model",
        feature='exact duty roster (engine="cpsat")',
        feature_zh='精确值班表（engine="cpsat"）',
    )
    model = cp_model.CpModel()
    x = {
        (p, d): model.new_bool_var(f"x{i}_{d.toordinal()}")
        for i, p in enumerate(people)
        for d in days
        if d in free[p]
    }
    for d in days:
        model.add(sum(x[p, d] for p in people if (p, d) in x) == need_of[d])
    running = []
    for d in days:
        before = d - _ONE
        for p in people:
            if (p, d) in x and (p, before) in x:
                both = model.new_bool_var(f"r{p}_{d.toordinal()}")
                model.add(both >= x[p, d] + x[p, before] - 1)
                running.append(both)
    top = max((base.get(p, 0) for p in people), default=0) + sum(
        weight_of[d] * need_of[d] for d in days
    )
    loads = []
    for p in people:
        load = model.new_int_var(0, top, f"load_{p}")
        model.add(load == base.get(p, 0) + sum(weight_of[d] * x[p, d] for d in days if (p, d) in x))
        loads.append(load)
    high = model.new_int_var(0, top, "high")
    low = model.new_int_var(0, top, "low")
    model.add_max_equality(high, loads)
    model.add_min_equality(low, loads)
    chosen = {(p, d) for d, ps in hint.items() for p in ps}
    for key, var in x.items():
        model.add_hint(var, key in chosen)

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = work_limit
    proven = True
    picked = set(chosen)

    def stage(objective: Any, *, counts: bool = True) -> int | None:
        nonlocal proven, picked
        model.minimize(objective)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            proven = proven and not counts  # nothing within the limit: keep the stage before's
            return None
        proven = proven and (status == cp_model.OPTIMAL or not counts)
        picked = {key for key, var in x.items() if solver.boolean_value(var)}
        model.clear_hints()
        for key, var in x.items():
            model.add_hint(var, key in picked)
        # round, not int(): CP-SAT reports 0.9999999999999998 for an objective of 1, and
        # int() would then fix the next stage to 0 and make it infeasible.
        return round(float(solver.objective_value))

    first = stage(sum(running))
    if first is None:
        return {d: sorted(p for p in people if (p, d) in picked) for d in days}, False
    model.add(sum(running) <= first)
    second = stage(high - low)
    if second is not None:
        model.add(high - low <= second)
        squares = []
        for i, load in enumerate(loads):
            square = model.new_int_var(0, top * top, f"sq{i}")
            model.add_multiplication_equality(square, [load, load])
            squares.append(square)
        stage(sum(squares), counts=False)  # a tie-break: its optimality is not claimed
    return {d: sorted(p for p in people if (p, d) in picked) for d in days}, proven
