"""The catalogue is auditable data: ids, sources, levels, parameters, generated docs; policies
are validated on construction."""

from __future__ import annotations

import pytest

from jiguan_core.errors import InvalidValue, JiguanError, UnknownEntity
from jiguan_core.rule import Severity
from jiguan_core.rules import CATALOGUE, RULES, SchedulingPolicy, catalogue_markdown, rule
from jiguan_core.sources import source
from tests._paths import REPO_ROOT

DOCS = REPO_ROOT / "docs" / "rules.md"


def test_the_catalogue_ships_the_nine_scheduling_rules_in_id_order() -> None:
    """SCHED-COORD-PERSON..SCHED-COORD-CAPACITY, with the levels the issues ask for (SCHED-COORD-CAPACITY, room capacity: issue 12)."""
    assert [r.id for r in CATALOGUE] == [
        "SCHED-COORD-PERSON",
        "SCHED-COORD-TRIPS",
        "SCHED-DEV-AB",
        "SCHED-LEADERS-MEETINGS",
        "SCHED-COORD-ROOMS",
        "SCHED-C2-WORKDAYS",
        "SCHED-COORD-LOAD",
        "SCHED-LEADERS-TRIPS",
        "SCHED-COORD-CAPACITY",
    ]
    assert [r.aliases for r in CATALOGUE] == [(f"SCH{i}",) for i in range(1, 10)]
    levels = {r.id: r.level for r in CATALOGUE}
    assert (
        levels["SCHED-COORD-PERSON"]
        is levels["SCHED-DEV-AB"]
        is levels["SCHED-COORD-ROOMS"]
        is levels["SCHED-C2-WORKDAYS"]
        is Severity.HARD
    )
    assert levels["SCHED-COORD-CAPACITY"] is Severity.HARD
    assert levels["SCHED-COORD-TRIPS"] is levels["SCHED-LEADERS-MEETINGS"] is Severity.MEDIUM
    assert levels["SCHED-COORD-LOAD"] is levels["SCHED-LEADERS-TRIPS"] is Severity.SOFT


def test_every_rule_cites_known_sources_and_reads_in_both_languages() -> None:
    """Sources resolve; statements exist in Chinese and English."""
    ids = [info.id for info in CATALOGUE]
    assert len(ids) >= 9
    assert all(i.startswith("SCHED-") for i in ids)
    for info in CATALOGUE:
        assert info.sources
        assert all(source(s) for s in info.sources)
        assert info.statement.zh
        assert info.statement.en


def test_the_issues_numbers_are_parameters_with_their_documented_defaults() -> None:
    """D=30 days, N=1 on duty, K=3 per week, M=4 trips per month."""
    assert rule("SCHED-COORD-TRIPS").info.defaults["days"] == 30
    assert rule("SCHED-LEADERS-MEETINGS").info.defaults["min_on_duty"] == 1
    assert rule("SCHED-COORD-LOAD").info.defaults["max_per_week"] == 3
    assert rule("SCHED-LEADERS-TRIPS").info.defaults["max_trips_per_month"] == 4


def test_every_pattern_belongs_to_its_rule() -> None:
    """Pattern ids are '<rule id>/<part>' and unique."""
    ids = [p.id for r in RULES for p in r.patterns]
    assert len(ids) == len(set(ids))
    assert all(p.id.split("/")[0] == r.id for r in RULES for p in r.patterns)


def test_docs_rules_md_is_generated_from_the_catalogue() -> None:
    """docs/rules.md equals catalogue_markdown('en'); the Chinese rendering names every rule."""
    assert DOCS.read_text(encoding="utf-8") == catalogue_markdown("en")
    chinese = catalogue_markdown("zh")
    assert all(f"## {r.id}" in chinese for r in CATALOGUE)


def test_an_unknown_rule_id_is_a_clear_error() -> None:
    """In look-ups, overrides and the disabled set."""
    with pytest.raises(UnknownEntity, match="SCH99"):
        rule("SCH99")
    with pytest.raises(JiguanError, match="SCH99"):
        SchedulingPolicy(overrides={"SCH99": {"days": 3}})
    with pytest.raises(JiguanError, match="SCH0"):
        SchedulingPolicy(disabled=["SCH0"])


@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"SCHED-COORD-TRIPS": {"days": "30"}}, "days"),
        ({"SCHED-COORD-TRIPS": {"days": True}}, "days"),
        ({"SCHED-COORD-TRIPS": {"days": 0}}, "outside"),
        ({"SCHED-COORD-LOAD": {"max_per_week": 2.5}}, "max_per_week"),
        ({"SCHED-COORD-TRIPS": {"weeks": 4}}, "weeks"),
        ({"SCHED-C2-WORKDAYS": {"kinds": "meeting,picnic"}}, "picnic"),
        ({"SCHED-COORD-PERSON": "on"}, "mapping"),
    ],
)
def test_invalid_parameters_are_refused_when_the_policy_is_built(overrides, match) -> None:
    """Wrong type, out of range, unknown name, unknown kind: a JiguanError naming the field."""
    with pytest.raises(JiguanError, match=match):
        SchedulingPolicy(overrides=overrides)


def test_a_blackout_that_is_not_a_blackout_is_refused() -> None:
    """blackouts must hold Blackout objects."""
    with pytest.raises(InvalidValue, match="blackouts"):
        SchedulingPolicy(blackouts=["plenary"])  # type: ignore[list-item]


def test_policy_parameters_are_the_defaults_with_the_overrides() -> None:
    """Re-parametrising one rule leaves the others at their defaults."""
    policy = SchedulingPolicy(overrides={"SCHED-COORD-TRIPS": {"days": 7}})
    assert policy.parameters("SCHED-COORD-TRIPS")["days"] == 7
    assert policy.parameters("SCHED-COORD-LOAD")["max_per_week"] == 3


def test_a_blackout_needs_a_proper_id_and_unique_ids() -> None:
    """Blackout ids are identifiers and unique within a policy."""
    import datetime as dt

    from jiguan_core.rules import Blackout
    from jiguan_core.text import Text
    from jiguan_core.time import TimeSpan

    span = TimeSpan.whole_days(dt.date(2025, 1, 13), dt.date(2025, 1, 16))
    with pytest.raises(InvalidValue, match="id"):
        Blackout(id=" ", span=span, label=Text("全会", "plenary"))
    one = Blackout(id="b1", span=span, label=Text("全会", "plenary"))
    with pytest.raises(InvalidValue, match="b1"):
        SchedulingPolicy(blackouts=[one, one])
