"""The scheduler against the CP-SAT reference on every instance family, in one run.

Run: ``.venv/bin/python benchmarks/bench_scheduling.py [--full] [--family NAME ...]`` (needs
``pip install ortools``, the ``bench`` extra, for the reference). The families
(:data:`jiguan_core.scheduling.instances.FAMILIES`) are built so that a scheduler cannot look
good by accident: friendly, over-subscribed with few rooms, short windows around a fixed
calendar off the 30-minute grid, many participants per request, a heavy fixed calendar, the
National Day and Spring Festival holiday weeks (调休 working weekends), multi-day field trips with
leadership members, mixed weights, and a large quarter.

For each family, in one run: the priority-weighted placements of ours and of CP-SAT (its best
solution and its bound, same candidate times and hard rules), the ratio, the medium/soft
penalties each plan adds (per ``rules.check``, which also confirms zero hard ones), and both wall
times. By default the families have their default sizes and CP-SAT gets 10 s on 2 workers per
family (the whole run takes a few minutes); ``--full`` uses the large sizes and 60 s x 2 workers.
Targets (issue 12): ours >= 97% of CP-SAT's best on every family, in at most a third of its time;
800 requests in under 10 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import table
from jiguan_core.activity import Activity
from jiguan_core.rule import Severity
from jiguan_core.rules import check
from jiguan_core.scheduling import Instance, Plan, expand_all, schedule
from jiguan_core.scheduling.instances import FAMILIES, generate_family

if TYPE_CHECKING:
    from benchmarks.cpsat_reference import CpsatResult


def added(instance: Instance, activities: tuple[Activity, ...]) -> tuple[int, int, int]:
    """(hard, medium, soft) penalties the activities add to the instance's calendar."""
    office = instance.office
    before = set(check(office, calendar=instance.calendar).violations)
    after = check(
        office, activities=(*office.activities, *activities), calendar=instance.calendar
    ).violations
    new = [v for v in after if v not in before]
    return tuple(  # type: ignore[return-value]
        sum(v.penalty for v in new if v.level is level)
        for level in (Severity.HARD, Severity.MEDIUM, Severity.SOFT)
    )


def run_ours(instance: Instance, seed: int) -> tuple[float, Plan]:
    start = time.perf_counter()
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar, seed=seed)
    return time.perf_counter() - start, plan


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true", help="large sizes, CP-SAT 60 s x 2")
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cpsat-limit", type=float, default=None, help="seconds per family")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    limit = args.cpsat_limit if args.cpsat_limit is not None else (60.0 if args.full else 10.0)
    solve: Callable[..., CpsatResult] | None
    try:
        from benchmarks.cpsat_reference import solve
    except ImportError:
        solve = None
        print("ortools is not installed: pip install ortools (the bench extra); ours only")
    mode = "--full: large sizes" if args.full else "default sizes (--full for the large ones)"
    print(
        f"{mode}; CP-SAT {limit:g} s x {args.workers} workers per family; seed {args.seed}",
        flush=True,
    )
    # untimed warm-up: the first call pays one-off costs (lazy imports, the rule catalogue),
    # as the reference paid its import of OR-Tools above
    warm = generate_family("friendly", seed=args.seed, requests=10)
    run_ours(warm, args.seed)
    if solve is not None:
        solve(warm, time_limit=limit, workers=args.workers)
    rows = []
    for name in args.family or list(FAMILIES):
        spec = FAMILIES[name]
        size = spec.full_requests if args.full else spec.requests
        instance = generate_family(name, seed=args.seed, requests=size)
        jobs = expand_all(instance.requests)
        asked = sum(j.priority for j in jobs)
        ours_time, plan = run_ours(instance, args.seed)
        ours_score = added(instance, plan.activities)
        row: list[object] = [
            name,
            f"{len(instance.requests)}/{len(jobs)}",
            len(instance.office.staff),
            len(instance.office.rooms),
            asked,
            plan.placed_weight,
        ]
        if solve is not None:
            start = time.perf_counter()
            reference = solve(instance, time_limit=limit, workers=args.workers)
            cp_time = time.perf_counter() - start
            cp_score = added(instance, reference.activities)
            best = max(reference.weighted, 1)
            row += [
                reference.weighted,
                f"{reference.bound:.0f}",
                reference.status,
                f"{100 * plan.placed_weight / best:.1f}%",
                ours_time,
                cp_time,
                f"{ours_time / cp_time:.2f}",
                f"{ours_score[0]}/{ours_score[1]}/{ours_score[2]}",
                f"{cp_score[0]}/{cp_score[1]}/{cp_score[2]}",
            ]
        else:
            row += ["-", "-", "-", "-", ours_time, "-", "-"]
            row += [f"{ours_score[0]}/{ours_score[1]}/{ours_score[2]}", "-"]
        rows.append(row)
        print(f"done {name}", flush=True)
    print(
        table(
            "Scheduler vs CP-SAT per family (weighted = sum of priorities placed; h/m/s = "
            "hard/medium/soft penalties added, per rules.check; times in s)",
            [
                "family",
                "requests/one-off",
                "staff",
                "rooms",
                "asked",
                "ours",
                "cpsat best",
                "bound",
                "status",
                "ours/best",
                "ours s",
                "cpsat s",
                "time ours/cpsat",
                "ours h/m/s",
                "cpsat h/m/s",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
