"""Benchmark: a province of small offices checked, planned and assessed serially, as a
``dask.bag`` on Dask's local process scheduler and as a ``dask.bag`` on a ``distributed``
``LocalCluster`` (docs/scale-out.md).

Every figure is the best of ``--repeat`` rounds and is reported as a ratio against the serial
loop measured in the same run, with N (offices) and the CPUs seen stated. The rounds interleave
the three ways (serial, bag, cluster, serial, bag, cluster ...), so that a change in the machine's
load between rounds hits each way alike; the worker pools and the cluster are started once,
before the first round, and their start-up is reported apart. Each way's CPU time (the client and
every worker process) over its wall time says how many cores the machine actually gave it: on a
shared machine other work takes cores away, and the speed-up can only be read against it (the load
average is printed per round); its CPU time against the serial loop's is the work that running in
parallel adds.
Run: ``.venv/bin/python benchmarks/bench_scale_out.py`` (``--offices 60 --repeat 1`` for a quick
run).
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import table
from jiguan_core.scale_out import (
    WorkspaceResult,
    generate_province,
    run_dask,
    run_serial,
    run_workspace,
    workspaces_bag,
)


def _cpus() -> tuple[int, int]:
    """(CPUs the machine has, CPUs this process may run on)."""
    total = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else total
    return total, usable


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and every live child (pool workers, the
    cluster's nannies and workers), user and system."""
    import psutil  # a dependency of distributed

    me = psutil.Process()
    total = time.process_time()
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # a child that ended meanwhile
            continue
        total += times.user + times.system
    return total


def _timed(fn: Callable[[], list[WorkspaceResult]]) -> tuple[float, float, list[WorkspaceResult]]:
    """Wall seconds, CPU seconds (this process and its children), and the result of one run."""
    cpu, wall = _cpu_seconds(), time.perf_counter()
    result = fn()
    return time.perf_counter() - wall, _cpu_seconds() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=200, help="N offices (200)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R interleaved rounds (3)")
    parser.add_argument("--staff", type=int, default=12, help="staff per office (12)")
    parser.add_argument("--requests", type=int, default=1, help="requests to place per office (1)")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    n, workers = args.offices, args.workers
    total_cpus, usable_cpus = _cpus()
    province = generate_province(n, staff=args.staff, requests=args.requests)
    bag = workspaces_bag(province)

    start = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    list(pool.map(run_workspace, province[:workers]))  # start the workers, import the library
    pool_startup = time.perf_counter() - start
    start = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    run_dask(province[: 2 * workers], scheduler=client)  # import the library in each worker
    cluster_startup = time.perf_counter() - start

    ways: dict[str, Callable[[], list[WorkspaceResult]]] = {
        "serial loop (baseline)": lambda: run_serial(province),
        f"dask.bag, local processes ({workers})": lambda: list(
            bag.compute(scheduler="processes", pool=pool)
        ),
        f"dask.bag on LocalCluster ({workers} processes)": lambda: run_dask(
            province, scheduler=client
        ),
    }
    best: dict[str, float] = dict.fromkeys(ways, float("inf"))
    cpu_of_best: dict[str, float] = dict.fromkeys(ways, 0.0)
    loads: list[float] = []
    results: dict[str, Any] = {}
    try:
        for _ in range(args.repeat):
            loads.append(os.getloadavg()[0])
            for name, way in ways.items():
                wall, cpu, results[name] = _timed(way)
                if wall < best[name]:
                    best[name], cpu_of_best[name] = wall, cpu
        loads.append(os.getloadavg()[0])
    finally:
        # A worker's heartbeat that meets the closing scheduler logs a traceback on a loaded
        # machine; the shutdown is deliberate, so it is not news.
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        client.close()
        cluster.close()
        pool.shutdown()
    reference = results["serial loop (baseline)"]
    if any(found != reference for found in results.values()):
        raise SystemExit("parallel results differ from the serial ones")

    baseline = best["serial loop (baseline)"]
    print(
        table(
            f"N = {n} offices ({args.staff} staff, {args.requests} requests to place each) checked, "
            f"planned and assessed; best of {args.repeat} interleaved "
            f"rounds; {workers} workers; {total_cpus} CPUs ({usable_cpus} usable by this process)",
            ["how", "seconds", "x serial (speed-up)", "CPU s", "cores got", "CPU x serial"],
            [
                [
                    name,
                    seconds,
                    baseline / seconds,
                    cpu_of_best[name],
                    cpu_of_best[name] / seconds,
                    cpu_of_best[name] / cpu_of_best["serial loop (baseline)"],
                ]
                for name, seconds in best.items()
            ],
        )
    )
    print(
        "\nCPU s: CPU time of the client and every worker process in the best round; cores got: "
        "CPU s / seconds (what the machine gave, at most the workers' count); CPU x serial: the "
        "work parallel running adds (pickling, shipping, scheduling).\n"
        f"start-up not included above: process pool {pool_startup:.2f} s, cluster "
        f"{cluster_startup:.2f} s; load average (1 min) per round "
        f"{', '.join(f'{x:.1f}' for x in loads)} (above {usable_cpus} means other work shares "
        "the cores)"
    )


if __name__ == "__main__":
    main()
