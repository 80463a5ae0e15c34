"""One Policy decides the work plan's rules: parameters, switched off, levels (PLAN-ARTICLE-PLAN,
PLAN-ARTICLE-PLAN-REPORT, PLAN-ARTICLE-COORD)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.policy import Policy
from jiguan_core.rule import Severity
from jiguan_core.workplan import half_year_report, plan_field_trips, plan_late_items, plan_progress
from tests.strategies_office_work import duty_office
from tests.workplan.test_plan import plan

CALENDAR = WorkCalendar()
JUNE_20 = dt.date(2026, 6, 20)


def late_ids(policy: Policy | None = None) -> list[str]:
    progress = plan_progress(plan(), as_of=JUNE_20, calendar=CALENDAR, policy=policy)
    return [m.id for d in progress for m in d.late]


def soon_ids(policy: Policy) -> list[str]:
    progress = plan_progress(plan(), as_of=JUNE_20, calendar=CALENDAR, policy=policy)
    return [m.id for d in progress for i in d.items for m in i.due_soon]


def test_switching_the_plan_rule_off_leaves_no_milestone_late() -> None:
    """PLAN-ARTICLE-PLAN: w1-2 and w2-1 are late on 20 June; switched off, neither is."""
    assert late_ids() == ["w1-2", "w2-1"]
    assert late_ids(Policy(disabled={"PLAN-ARTICLE-PLAN"})) == []


def test_due_soon_follows_the_report_rules_parameter_and_switch() -> None:
    """PLAN-ARTICLE-PLAN-REPORT due_soon_days: 120 working days reach w1-3 (30 November), 10
    do not; with the rule switched off nothing is due soon."""
    far = {"PLAN-ARTICLE-PLAN-REPORT": {"due_soon_days": 120}}
    assert soon_ids(Policy(overrides=far)) == ["w1-3"]
    assert soon_ids(Policy(overrides={"PLAN-ARTICLE-PLAN-REPORT": {"due_soon_days": 10}})) == []
    assert soon_ids(Policy(overrides=far, disabled={"PLAN-ARTICLE-PLAN-REPORT"})) == []


def test_the_half_year_report_is_due_when_the_policy_says() -> None:
    """report_within_days 15 instead of 31: the first half is reported by 15 July, whether said
    as a policy or as overrides."""
    sooner = {"report_within_days": 15}
    by_policy = half_year_report(
        plan(), 1, calendar=CALENDAR, policy=Policy(overrides={"PLAN-ARTICLE-PLAN-REPORT": sooner})
    )
    by_overrides = half_year_report(plan(), 1, calendar=CALENDAR, overrides=sooner)
    assert by_policy.due == by_overrides.due == dt.date(2026, 7, 15)


def test_late_milestones_vanish_with_their_rule_and_carry_its_level() -> None:
    as_of = dt.date(2026, 6, 22)
    assert plan_late_items(plan(), as_of=as_of, calendar=CALENDAR)
    off = Policy(disabled={"PLAN-ARTICLE-PLAN"})
    assert plan_late_items(plan(), as_of=as_of, calendar=CALENDAR, policy=off) == ()
    medium = Policy(levels={"PLAN-ARTICLE-PLAN": Severity.MEDIUM})
    (item,) = plan_late_items(plan(), as_of=as_of, calendar=CALENDAR, policy=medium)
    assert (item.level, item.to_finding().level) == (Severity.MEDIUM, Severity.MEDIUM)


def test_unknown_ids_and_both_policy_and_overrides_are_clear_errors() -> None:
    with pytest.raises(UnknownEntity, match="due_soon_day"):
        Policy(overrides={"PLAN-ARTICLE-PLAN-REPORT": {"due_soon_day": 3}})
    with pytest.raises(UnknownEntity, match="never_pile"):
        plan_field_trips(plan(), duty_office(1, 2), calendar=CALENDAR, overrides={"never_pile": 1})
    with pytest.raises(InvalidValue, match="not both"):
        plan_field_trips(
            plan(),
            duty_office(1, 2),
            calendar=CALENDAR,
            policy=Policy(),
            overrides={"never_pile_up": False},
        )
    with pytest.raises(InvalidValue, match="not both"):
        plan_progress(
            plan(),
            as_of=JUNE_20,
            calendar=CALENDAR,
            policy=Policy(),
            overrides={"due_soon_days": 1},
        )
