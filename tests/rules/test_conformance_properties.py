"""Conformance: the default engine equals the brute-force oracle on random calendars."""

from __future__ import annotations

from hypothesis import given

from jiguan_core.rules import SchedulingPolicy, check
from tests._rules_oracle import described, oracle
from tests.strategies_rules import calendars, policies, seated_office, small_office


@given(calendars())
def test_the_python_engine_finds_exactly_the_oracles_violations(calendar) -> None:
    """Default parameters: the sort-and-sweep engine and the all-pairs oracle agree."""
    acts, absences = calendar
    office = small_office()
    found = check(office, activities=acts, absences=absences).violations
    assert described(found) == oracle(office, acts, absences)
    assert list(found) == sorted(found, key=lambda v: v.key)


@given(calendars(), policies())
def test_the_python_engine_agrees_with_the_oracle_under_any_policy(
    calendar, policy: SchedulingPolicy
) -> None:
    """Re-parametrised, switched-off rules and blackouts: still the oracle's violations."""
    acts, absences = calendar
    office = seated_office()  # rooms with seats: SCH9 fires too
    found = check(office, activities=acts, absences=absences, policy=policy).violations
    assert described(found) == oracle(office, acts, absences, policy=policy)


@given(calendars())
def test_every_violation_is_reported_exactly_once(calendar) -> None:
    """No two violations share a key."""
    acts, absences = calendar
    found = check(small_office(), activities=acts, absences=absences).violations
    assert len({v.key for v in found}) == len(found)
