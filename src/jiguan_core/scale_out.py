"""Many offices at once: check, plan and assess a province's workspaces, serially or on Dask.

One office never outgrows one machine; several hundred offices (a province's CPPCC offices, or a
decade of history for a city's whole civil service) do. The core is pure and every input and
result pickles, so the work splits by office: :func:`run_workspace` is one office's whole job,
:func:`run_serial` the reference loop, and :func:`workspaces_bag` the same map as a lazy
``dask.bag`` that runs on any Dask scheduler: threads, processes, a ``distributed.LocalCluster``
on one machine or a cluster of many. Results come back in input order and equal the serial ones.

The Dask functions need the ``[dask]`` extra (``pip install "jiguan-core[dask]"``); without it they
raise :class:`~jiguan_core.errors.MissingExtra`. See docs/scale-out.md.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import evolve, frozen

from jiguan_core._optional import require
from jiguan_core._validation import boundary
from jiguan_core.assessment import (
    AnnualResult,
    AnnualScores,
    AssessmentRecords,
    QuarterScores,
    Weights,
    assess_year,
)
from jiguan_core.policy import Policy
from jiguan_core.rules import Report, check
from jiguan_core.scheduling import Plan, generate_instance, schedule
from jiguan_core.workspace import AssessSection, PlanSection, Workspace

__all__ = [
    "WorkspaceResult",
    "generate_province",
    "run_dask",
    "run_serial",
    "run_workspace",
    "workspaces_bag",
]


@frozen(kw_only=True)
class WorkspaceResult:
    """What one workspace gives: the conflict report of its calendar under its policy,
    the plan of its requests (``None`` without a ``plan`` section) and the annual assessment with
    its quarters (``None`` without an ``assessment`` section)."""

    office: str
    report: Report
    plan: Plan | None
    assessment: AnnualResult | None


@boundary
def run_workspace(workspace: Workspace) -> WorkspaceResult:
    """Check, plan and assess one workspace, as ``jiguan check``, ``plan`` and ``assess`` do.

    Module level and pure, so a process pool or a Dask worker can run it: the same workspace gives
    an equal result wherever it runs.
    """
    office = workspace.office
    calendar = workspace.work_calendar()
    report = check(office, policy=workspace.policy, calendar=calendar)
    plan = None
    if workspace.plan is not None:
        plan = schedule(
            office,
            workspace.plan.requests,
            policy=workspace.policy,
            calendar=calendar,
            seed=workspace.plan.seed,
            max_iterations=workspace.plan.max_iterations,
        )
    assessment = None
    if workspace.assessment is not None:
        section = workspace.assessment
        assessment = assess_year(
            office,
            section.records,
            section.year,
            policy=workspace.annual_policy(),
            as_of=section.as_of,
        )
    return WorkspaceResult(office=office.name, report=report, plan=plan, assessment=assessment)


def run_serial(workspaces: Iterable[Workspace]) -> list[WorkspaceResult]:
    """Every workspace's result, in order, one after the other (the reference for Dask)."""
    return [run_workspace(workspace) for workspace in workspaces]


def workspaces_bag(workspaces: Sequence[Workspace], *, npartitions: int | None = None) -> Any:
    """A lazy ``dask.bag.Bag`` of every workspace's :class:`WorkspaceResult`, in input order.

    ``npartitions`` (default: about four per 25 workspaces, at most 100) sets how many tasks the
    work is cut into; each task runs :func:`run_workspace` over its slice. Compute it with any
    scheduler: ``bag.compute()`` uses the active ``distributed.Client`` if there is one.
    """
    bag_module = require(
        "dask.bag", feature="running workspaces on Dask", feature_zh="在 Dask 上运行"
    )
    items = list(workspaces)
    if npartitions is None:
        npartitions = max(1, min(100, len(items) // 6))
    return bag_module.from_sequence(items, npartitions=npartitions).map(run_workspace)


def run_dask(
    workspaces: Sequence[Workspace], *, npartitions: int | None = None, scheduler: Any = None
) -> list[WorkspaceResult]:
    """Every workspace's result, in input order, computed on Dask (the active client, or
    ``scheduler``: ``"threads"``, ``"processes"``, ``"sync"`` or a ``distributed.Client``)."""
    bag = workspaces_bag(workspaces, npartitions=npartitions)
    results: list[WorkspaceResult] = list(bag.compute(scheduler=scheduler))
    return results


#: Generated offices are assessed by one rating panel per quarter and a democratic rating.
_RATERS = Weights({"panel": 1.0})
_ANNUAL_WEIGHTS = Weights({"democratic": 0.5, "routine": 0.5})


def generate_province(
    offices: int,
    *,
    staff: int = 12,
    requests: int = 1,
    year: int = 2025,
    policy: Policy | None = None,
    seed: int = 0,
) -> tuple[Workspace, ...]:
    """``offices`` small generated workspaces, deterministic by ``seed`` and index, for tests,
    benchmarks and trying a cluster out.

    Each is a :func:`~jiguan_core.scheduling.generate_instance` office of ``staff`` people (its own
    activities and absences in the second quarter of ``year``) with its first ``requests``
    one-off requests to place and a year of assessment records (one rating panel per quarter and
    a democratic rating, scores 50-100); in every fifth office one activity is there twice, so the
    check has a double booking to find. ``policy`` is every office's one policy (scheduling and
    assessment alike).
    """
    found: list[Workspace] = []
    for index in range(offices):
        instance = generate_instance(max(6, requests), staff, seed=seed + index, year=year)
        office = evolve(instance.office, name=f"{instance.office.name}-{index:03d}")
        if index % 5 == 0 and office.activities:
            first = office.activities[0]
            office = office.with_activities([evolve(first, id=f"{first.id}-again")])
        one_off = [r for r in instance.requests if r.rrule is None][:requests]
        rng = random.Random(f"{seed}/{index}")
        scores = {person.id: float(rng.randint(50, 100)) for person in office.staff}
        records = AssessmentRecords(
            quarter_scores=[
                QuarterScores(staff_id=p, year=year, quarter=q, scores={"panel": s})
                for p, s in scores.items()
                for q in (1, 2, 3, 4)
            ],
            annual_scores=[
                AnnualScores(staff_id=p, year=year, scores={"democratic": s})
                for p, s in scores.items()
            ],
        )
        found.append(
            Workspace(
                office=office,
                policy=policy if policy is not None else Policy(),
                plan=PlanSection(requests=one_off, seed=index, max_iterations=200),
                assessment=AssessSection(
                    records=records, year=year, weights=_ANNUAL_WEIGHTS, rater_weights=_RATERS
                ),
            )
        )
    return tuple(found)
