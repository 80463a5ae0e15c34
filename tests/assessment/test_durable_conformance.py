"""Conformance: the consequence and grading patterns give the same matches on the durable_rules
engine (through jiguan_core.rules.durable_engine's safe runner) as in Python.

Skipped when durable_rules is not importable or the runner is not there yet.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util

import pytest

from jiguan_core.assessment import (
    ASSESSMENT_CATALOGUE,
    Grade,
    ProtectedKind,
    ProtectedPeriod,
    Sanction,
    SanctionKind,
    Ungraded,
    YearOutcome,
    person_year_facts,
    sanction_periods,
)
from jiguan_core.assessment.evaluate import PatternIndex, patterns_of
from jiguan_core.examples.assessment import sample_history, sample_records

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("durable") is None, reason="durable_rules is not installed"
)


def _runner():  # type: ignore[no-untyped-def]
    try:
        module = importlib.import_module("jiguan_core.rules.durable_engine")
    except ImportError:
        pytest.skip("jiguan_core.rules.durable_engine does not exist yet")
    runner = getattr(module, "run_single_fact_patterns", None)
    if not getattr(module, "available", lambda: True)():
        pytest.skip("durable_rules does not import on this interpreter")
    if runner is None:
        pytest.skip("durable_engine has no run_single_fact_patterns yet")
    return module, runner


def _compare_engines(facts: list[dict[str, int | str]]) -> None:
    module, runner = _runner()
    patterns = patterns_of(ASSESSMENT_CATALOGUE)
    expected = PatternIndex(patterns).matches(facts)
    pattern_type = getattr(module, "FactPattern", None)
    given = (
        [pattern_type(id=p.id, conditions=p.as_tuples()) for p in patterns]
        if pattern_type is not None
        else list(patterns)
    )
    assert expected  # the comparison is not vacuous
    assert set(runner(facts, given)) == expected


def test_the_sample_history_matches_alike_on_both_engines() -> None:
    """Every (pattern, fact) match of the Python index is found by durable_rules, and no other."""
    records = sample_records()
    facts = person_year_facts(
        sample_history(),
        periods=sanction_periods(records.sanctions),
        protected=records.protected,
    )
    _compare_engines(facts)


def test_edge_histories_match_alike_on_both_engines() -> None:
    """Runs broken by gaps, deferred pay steps, protected dismissals, party sanctions."""
    e, c, b, n = Grade.EXCELLENT, Grade.COMPETENT, Grade.BASICALLY_COMPETENT, Grade.INCOMPETENT
    rows = {
        "a": [e, e, None, e, e, e],
        "b": [c, c, c, c, c, c],
        "c": [n, n, n, b, n, n],
        "d": [c, b, c, e, c, None],
    }
    history = [
        YearOutcome(staff_id=p, year=2020 + i, grade=g, ungraded=None if g else Ungraded.LONG_LEAVE)
        for p, grades in rows.items()
        for i, g in enumerate(grades)
    ]
    sanctions = [
        Sanction(staff_id="b", kind=SanctionKind.DEMERIT, start=dt.date(2021, 6, 1)),
        Sanction(staff_id="b", kind=SanctionKind.WARNING, start=dt.date(2022, 3, 1)),
        Sanction(staff_id="d", kind=SanctionKind.PARTY_SERIOUS_WARNING, start=dt.date(2023, 7, 1)),
    ]
    protected = [
        ProtectedPeriod(staff_id="c", kind=ProtectedKind.WORK_INJURY, start=dt.date(2024, 2, 1))
    ]
    facts = person_year_facts(history, periods=sanction_periods(sanctions), protected=protected)
    _compare_engines(facts)
