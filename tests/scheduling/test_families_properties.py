"""Every plan on random instances of every benchmark family is clean per the full check."""

from __future__ import annotations

from hypothesis import given

from jiguan_core.scheduling import Instance, schedule
from tests.strategies_scheduling import family_instances, hard_violations, occurrences


@given(family_instances())
def test_every_plan_of_every_family_adds_no_hard_violation(instance: Instance) -> None:
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    assert not hard_violations(instance.office, plan)
    assert plan.score.hard == 0


@given(family_instances())
def test_every_request_of_every_family_is_placed_or_unplaced_with_a_reason(
    instance: Instance,
) -> None:
    """No request vanishes: each one-off request (and each recurring request whose rule yields
    no working date) appears exactly once, placed or unplaced with a reason."""
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar)
    placed = [p.request_id for p in plan.placed]
    unplaced = [u.request_id for u in plan.unplaced]
    assert len(placed + unplaced) == len(set(placed + unplaced))
    assert {j.id for j in occurrences(instance.requests)} <= set(placed + unplaced)
    assert all(u.reason.zh and u.reason.en for u in plan.unplaced)
