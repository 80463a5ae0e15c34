"""Benchmark: a province of small offices checked, planned and assessed serially, in a process
pool and on a Dask ``LocalCluster`` (docs/scale-out.md).

Every figure is the best of ``--repeat`` runs and is reported as a ratio against the serial loop
measured in the same run, with N (offices) stated; the cluster's start-up is measured apart. The
machine's load average is printed too: on a shared machine other work takes cores away, and the
speed-up can only be read against it. Run: ``.venv/bin/python benchmarks/bench_scale_out.py``
(``--offices 60`` for a quick run).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import best_of, table
from jiguan_core.scale_out import generate_province, run_dask, run_serial, run_workspace


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=200, help="N offices (200)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--repeat", type=int, default=2, help="best of R runs (2)")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    n, workers = args.offices, args.workers
    province = generate_province(n)
    load_before = os.getloadavg()[0]
    serial_s, serial = best_of(lambda: run_serial(province), repeat=args.repeat)
    cpu_start = time.process_time()
    run_serial(province)
    serial_cpu = time.process_time() - cpu_start

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        list(pool.map(run_workspace, province[:workers]))  # start the workers
        pool_s, pooled = best_of(
            lambda: list(pool.map(run_workspace, province, chunksize=8)), repeat=args.repeat
        )

    start = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        startup_s = time.perf_counter() - start
        run_dask(province[: 2 * workers], scheduler=client)  # import the library in each worker
        dask_s, distributed = best_of(
            lambda: run_dask(province, scheduler=client), repeat=args.repeat
        )
    load_after = os.getloadavg()[0]
    if pooled != serial or distributed != serial:
        raise SystemExit("parallel results differ from the serial ones")

    print(
        table(
            f"N = {n} offices checked, planned and assessed; best of {args.repeat}; "
            f"{workers} workers on {os.cpu_count()} cores",
            ["how", "seconds", "x serial (speed-up)"],
            [
                ["serial loop (baseline)", serial_s, 1.0],
                [f"ProcessPoolExecutor({workers})", pool_s, serial_s / pool_s],
                [f"dask.bag on LocalCluster({workers} processes)", dask_s, serial_s / dask_s],
            ],
        )
    )
    print(
        f"\nserial CPU time {serial_cpu:.2f} s of {serial_s:.2f} s wall; cluster start-up "
        f"{startup_s:.2f} s (not included above); load average {load_before:.1f} before, "
        f"{load_after:.1f} after (a load above {os.cpu_count()} means other work shares the cores)"
    )


if __name__ == "__main__":
    main()
