"""Checks in several threads at once: the same results as one after the other, and no thread's
view of process-wide state (the garbage collector) is changed by another thread's check."""

from __future__ import annotations

import gc
import threading
from concurrent.futures import ThreadPoolExecutor

from jiguan_core.rules import check
from jiguan_core.rules.generate import generate_office

OFFICES = [generate_office(activities=600, staff=60, seed=seed) for seed in range(4)]


def _serial() -> list[object]:
    return [check(office).violations for office in OFFICES]


class TestChecksInThreads:
    def test_threads_checking_different_offices_get_the_serial_results(self) -> None:
        """Four offices, each checked three times in eight threads: equal to the serial run."""
        expected = _serial()
        jobs = [i % len(OFFICES) for i in range(3 * len(OFFICES))]
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda i: (i, check(OFFICES[i]).violations), jobs))
        assert [i for i, _ in got] == jobs
        assert [violations for _, violations in got] == [expected[i] for i in jobs]
        assert [[v.message.en for v in violations] for _, violations in got] == [
            [v.message.en for v in expected[i]] for i in jobs
        ]

    def test_another_thread_always_sees_the_collector_as_it_left_it(self) -> None:
        """While checks run, a watching thread never finds the collector switched off."""
        stop = threading.Event()
        seen: list[bool] = []

        def watch() -> None:
            while not stop.is_set():
                seen.append(gc.isenabled())

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(check, OFFICES))
        finally:
            stop.set()
            watcher.join()
        assert seen
        assert all(seen)

    def test_a_thread_that_disabled_the_collector_finds_it_still_disabled(self) -> None:
        """A caller's own ``gc.disable()`` survives other threads' checks."""
        gc.disable()
        try:
            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(check, OFFICES))
            assert not gc.isenabled()
        finally:
            gc.enable()
