"""Scale-out: the core is pure, so a list of offices is checked and assessed in parallel with
``concurrent.futures.ProcessPoolExecutor`` and gives exactly the serial results (objects pickle
both ways). The same map runs on Dask (docs/embedding.md)."""

from __future__ import annotations

import multiprocessing
import pickle
import random
from concurrent.futures import ProcessPoolExecutor

from jiguan_core.assessment import AnnualResult, AssessmentRecords, assess_year
from jiguan_core.examples.generated import generate_office
from jiguan_core.examples.office import sample_office
from jiguan_core.organization import Organization
from jiguan_core.rules import Report, check
from tests.strategies_assessment import SIMPLE, staff_ids, tiny_office, year_records

Job = tuple[Organization, AssessmentRecords]


def _records_for(office: Organization, seed: int) -> AssessmentRecords:
    """Deterministic scores for everyone in a small office (one rater group, SIMPLE policy)."""
    rng = random.Random(seed)
    return year_records({s.id: float(rng.randint(50, 100)) for s in office.staff})


def _jobs() -> list[Job]:
    """Five offices of different shapes and sizes, each with its assessment records."""
    offices = [
        sample_office(),
        generate_office(activities=120, staff=30, seed=1),
        generate_office(activities=200, staff=40, seed=2),
        tiny_office(staff_ids(12)),
        tiny_office(staff_ids(25)),
    ]
    return [(office, _records_for(office, seed)) for seed, office in enumerate(offices)]


def run_one(job: Job) -> tuple[Report, AnnualResult]:
    """Check and assess one office (module level, so the pool can pickle it by name)."""
    office, records = job
    return check(office), assess_year(office, records, 2025, policy=SIMPLE)


def test_offices_checked_and_assessed_in_parallel_equal_the_serial_run() -> None:
    """Two worker processes give the same reports and results, in order, as one loop."""
    jobs = _jobs()
    serial = [run_one(job) for job in jobs]
    context = multiprocessing.get_context("spawn")  # safe on every platform and Python version
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        parallel = list(pool.map(run_one, jobs))
    assert parallel == serial
    assert [r.violations for r, _ in parallel] == [r.violations for r, _ in serial]
    assert any(not report.is_feasible for report, _ in serial)  # the check found something


def test_offices_records_and_results_pickle_to_equal_objects() -> None:
    """What crosses a process boundary comes back equal."""
    office, records = _jobs()[1]
    report, result = run_one((office, records))
    for value in (office, records, report, result):
        assert pickle.loads(pickle.dumps(value)) == value
