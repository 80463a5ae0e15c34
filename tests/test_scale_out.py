"""Scale-out: the core is pure, so a list of offices is checked, planned and assessed in parallel
(``concurrent.futures.ProcessPoolExecutor``, a ``dask.bag`` on a ``distributed.LocalCluster``) and
gives exactly the serial results; every input and result pickles both ways (docs/scale-out.md)."""

from __future__ import annotations

import functools
import multiprocessing
import pickle
import random
import sys
from concurrent.futures import ProcessPoolExecutor

import pendulum
import pytest
from attrs import evolve

from jiguan_core import MissingExtra, Text
from jiguan_core.assessment import AnnualResult, AssessmentRecords, assess_year
from jiguan_core.examples.generated import generate_office
from jiguan_core.examples.office import sample_office
from jiguan_core.examples.workspace import sample_workspace
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.rule import Severity
from jiguan_core.rules import Blackout, Report, check
from jiguan_core.scale_out import (
    generate_province,
    run_dask,
    run_serial,
    run_workspace,
    workspaces_bag,
)
from jiguan_core.time import SHANGHAI, TimeSpan
from jiguan_core.workspace import Workspace
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
    values = (office, records, report, result)
    assert [pickle.loads(pickle.dumps(value)) for value in values] == list(values)


# -- a province on Dask ----------------------------------------------------------------------

PROVINCE = 200


@functools.cache
def _province(n: int = PROVINCE) -> tuple[Workspace, ...]:
    """``n`` small generated offices (generate_province), every third under a strict policy."""
    return tuple(
        evolve(workspace, policy=STRICT) if index % 3 == 0 else workspace
        for index, workspace in enumerate(generate_province(n))
    )


#: A policy that is not the default (parameters of two areas, a rule off, a level and a blackout),
#: so its pickling counts and both the check and the assessment read it.
STRICT = Policy(
    overrides={"SCHED-COORD-TRIPS": {"days": 45}, "A2": {"share": 0.5}},
    disabled={"A6"},
    levels={"SCHED-COORD-TRIPS": Severity.HARD},
    blackouts=[
        Blackout(
            id="b1",
            span=TimeSpan(
                start=pendulum.datetime(2025, 5, 1, tz=SHANGHAI),
                end=pendulum.datetime(2025, 5, 6, tz=SHANGHAI),
            ),
            label=Text(zh="劳动节", en="Labour Day"),
        )
    ],
)


def test_a_province_on_a_dask_local_cluster_equals_the_serial_run() -> None:
    """200 offices checked, planned and assessed by a dask.bag on a two-process LocalCluster give
    the serial results, in order."""
    from distributed import Client, LocalCluster

    workspaces = _province()
    serial = run_serial(workspaces)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        parallel = run_dask(workspaces, scheduler=client)
    assert len(parallel) == PROVINCE
    assert parallel == serial
    assert [r.office for r in parallel] == [w.office.name for w in workspaces]
    # Something happened in each area (the comparison is not between empty results).
    doubled = [any(a.id.endswith("-again") for a in w.office.activities) for w in workspaces]
    assert [not r.report.is_feasible for r in serial] == doubled
    assert sum(doubled) >= PROVINCE // 10
    assert sum(len(r.plan.placed) for r in serial if r.plan is not None) >= PROVINCE // 2
    assert all(r.assessment is not None and r.assessment.outcomes for r in serial)


def test_each_office_is_assessed_under_its_own_workspace_policy() -> None:
    """The one policy reaches the assessment too: A2's share at one half gives an office more
    places for 优秀 than the default 20%."""
    default = _province()[1]
    strict = evolve(default, policy=STRICT)
    before, after = (run_workspace(w).assessment for w in (default, strict))
    assert before is not None
    assert after is not None
    assert after.quota.places > before.quota.places


def test_the_bag_is_lazy_and_keeps_the_input_order() -> None:
    """Building the bag runs nothing; any scheduler gives the results in input order."""
    workspaces = _province()[:12]
    bag = workspaces_bag(workspaces, npartitions=4)
    assert bag.npartitions == 4
    assert list(bag.compute(scheduler="sync")) == run_serial(workspaces)


def test_without_dask_the_bag_names_the_dask_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without the [dask] extra gets a MissingExtra, not a ModuleNotFoundError."""
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtra, match=r"jiguan-core\[dask\]"):
        workspaces_bag(_province()[:1])


def test_every_public_input_and_result_type_pickles_to_an_equal_object() -> None:
    """Workspaces (every section, a non-default policy) and every result cross a process
    boundary unchanged."""
    sample = sample_workspace()
    generated = _province()[0]
    assert generated.policy == STRICT
    result = run_workspace(generated)
    values: list[object] = [
        sample,
        generated,
        STRICT,
        Policy(),
        *(getattr(sample, name) for name in ("office", "plan", "assessment", "coverage")),
        *(getattr(sample, name) for name in ("rotation", "statistics", "policy")),
        result,
        result.report,
        result.plan,
        result.assessment,
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value, type(value).__name__


def test_a_pickled_policy_is_validated_again_when_read() -> None:
    """Unpickling goes through the constructor, so a policy read back is a checked policy."""
    copy = pickle.loads(pickle.dumps(STRICT))
    assert copy.parameters("SCHED-COORD-TRIPS")["days"] == 45
    assert copy.level("SCHED-COORD-TRIPS") is Severity.HARD
