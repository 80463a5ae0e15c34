"""The ``post_tenure`` fact each person's rotation status is decided on (T1-T3)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jiguan_core.development import DevelopmentPolicy, rotation_status
from jiguan_core.development.tenure import tenure_fact
from jiguan_core.errors import InvalidValue
from jiguan_core.post import KeyArea, Post
from tests.strategies_development import build_office

FIN = frozenset({KeyArea.FINANCE})


def _person_and_post(key_areas: frozenset[KeyArea] = frozenset()):  # type: ignore[no-untyped-def]
    office = build_office(departments=[[(2015, key_areas)]])
    person = next(p for p in office.staff if p.id == "s01")
    post = next(p for p in office.posts if p.id == "p01")
    return person, post


def test_the_fact_holds_the_kind_and_the_full_years_in_the_post() -> None:
    """Held since 2015-03-01: 10 full years on 2025-03-01, 9 the day before."""
    person, post = _person_and_post(FIN)
    since = dt.date(2015, 3, 1)
    fact = tenure_fact(person, post, since, None, dt.date(2025, 3, 1))
    assert fact == {
        "staff_id": "s01",
        "post_id": "p01",
        "kind": "key",
        "years": 10,
        "probation": 0,
        "investigated": 0,
    }
    assert tenure_fact(person, post, since, None, dt.date(2025, 2, 28))["years"] == 9


def test_a_former_rotation_gives_the_years_since_and_the_exemptions_are_flags() -> None:
    person, _ = _person_and_post()
    leading = Post(id="p-lead", name="主任", department_id="d0", leading=True)
    on_probation = attrs.evolve(person, probation_end=dt.date(2026, 1, 1))
    fact = tenure_fact(
        on_probation,
        leading,
        dt.date(2022, 7, 1),
        dt.date(2022, 7, 1),
        dt.date(2025, 6, 30),
        investigated=["s01"],
    )
    assert (fact["kind"], fact["years_since_rotation"]) == ("leading", 2)
    assert (fact["probation"], fact["investigated"]) == (1, 1)


def test_29_february_counts_its_anniversary_on_28_february() -> None:
    person, post = _person_and_post()
    since = dt.date(2016, 2, 29)
    assert tenure_fact(person, post, since, None, dt.date(2017, 2, 27))["years"] == 0
    assert tenure_fact(person, post, since, None, dt.date(2017, 2, 28))["years"] == 1


def test_an_unknown_engine_is_refused() -> None:
    office = build_office(departments=[[(2015, frozenset())]])
    with pytest.raises(InvalidValue, match="engine"):
        rotation_status(office, dt.date(2025, 6, 1), engine="drools")  # type: ignore[arg-type]


def test_the_policy_gives_each_rule_its_parameter_values() -> None:
    policy = DevelopmentPolicy(key_years=5, min_interval_years=2)
    assert policy.parameters("DEV-T1") == {
        "leading_years": 10,
        "key_years": 5,
        "general_years": 10,
        "include_unit_leaders": True,
    }
    assert policy.parameters("DEV-T3") == {"years": 2}
    assert policy.parameters("DEV-T2") == {}
