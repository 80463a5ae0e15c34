"""Conformance: the durable_rules engine finds the same violations as the default engine and
the brute-force oracle (skipped where durable_rules cannot be imported, Python >= 3.13)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiguan_core.rules import SchedulingPolicy, check
from jiguan_core.rules.durable_engine import FactPattern, available, run_single_fact_patterns
from tests._rules_oracle import described, oracle
from tests.strategies_rules import calendars, policies, small_office

pytestmark = pytest.mark.skipif(
    not available(), reason="durable_rules does not import on this Python (>= 3.13)"
)


@settings(max_examples=min(settings().max_examples, 40))
@given(calendars(), policies())
def test_both_engines_and_the_oracle_report_identical_violations(
    calendar, policy: SchedulingPolicy
) -> None:
    """Random calendars and policies: durable == python == oracle, violation for violation."""
    acts, absences = calendar
    office = small_office()
    durable = check(office, activities=acts, absences=absences, policy=policy, engine="durable")
    python = check(office, activities=acts, absences=absences, policy=policy)
    assert durable.violations == python.violations
    assert described(python.violations) == oracle(office, acts, absences, policy=policy)


_values = st.integers(-5, 5) | st.sampled_from(["a", "b", "c"])
_ops = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])


def _holds(fact: dict[str, object], condition: tuple[str, str, object]) -> bool:
    name, op, value = condition
    if name not in fact:
        return False
    mine = fact[name]
    if isinstance(mine, str) != isinstance(value, str):
        return False
    return {
        "==": mine == value,
        "!=": mine != value,
        "<": mine < value,  # type: ignore[operator]
        "<=": mine <= value,  # type: ignore[operator]
        ">": mine > value,  # type: ignore[operator]
        ">=": mine >= value,  # type: ignore[operator]
    }[op]


@settings(max_examples=min(settings().max_examples, 40))
@given(
    st.lists(st.dictionaries(st.sampled_from(["x", "y"]), _values), max_size=12),
    st.lists(
        st.lists(st.tuples(st.sampled_from(["x", "y"]), _ops, _values), max_size=3), max_size=3
    ),
)
def test_the_generic_single_fact_runner_matches_a_plain_python_filter(facts, conjunctions) -> None:
    """run_single_fact_patterns == a direct evaluation of each conjunction."""
    patterns = [FactPattern(id=f"p{i}", conditions=tuple(c)) for i, c in enumerate(conjunctions)]
    expected = {
        (p.id, i)
        for p in patterns
        for i, fact in enumerate(facts)
        if all(_holds(fact, c) for c in p.conditions)
    }
    assert run_single_fact_patterns(facts, patterns) == expected
