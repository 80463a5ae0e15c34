"""Every plan of the exact engine, on random instances of every family, is clean per check."""

from __future__ import annotations

import pytest
from hypothesis import given

from jiguan_core.scheduling import Instance, schedule
from tests.strategies_scheduling import family_instances, hard_violations

pytest.importorskip("ortools", reason="the solver extra (OR-Tools) is not installed")


@given(family_instances(max_requests=12))
def test_every_exact_plan_adds_no_hard_violation_and_places_at_least_the_default(
    instance: Instance,
) -> None:
    default = schedule(instance.office, instance.requests, calendar=instance.calendar)
    exact = schedule(
        instance.office,
        instance.requests,
        calendar=instance.calendar,
        engine="cpsat",
        time_limit=20.0,
    )
    assert not hard_violations(instance.office, exact)
    assert exact.score.hard == 0
    assert exact.bound is not None
    assert exact.bound >= exact.placed_weight
    if exact.optimal:
        assert exact.placed_weight >= default.placed_weight
