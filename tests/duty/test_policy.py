"""One Policy decides the duty roster's rules: parameters, rules switched off, levels (DUTY-Y1,
DUTY-Y1-REST, DUTY-Y1-FAIR)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.duty import DutyGroup, DutyRoster, duty_roster
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.policy import Policy
from jiguan_core.rule import Severity
from jiguan_core.time import TimeSpan
from tests.strategies_office_work import duty_office

CALENDAR = WorkCalendar()
NATIONAL_DAY = DateRange(dt.date(2026, 10, 1), dt.date(2026, 10, 8))
#: One staff member a day; with the office's one leader in charge all 7 days, DUTY-Y1-REST
#: finds 6 running days.
ONE_STAFF_A_DAY = {"DUTY-Y1": {"staff_per_day": 1}}


def rule_ids(policy: Policy) -> set[str]:
    roster = duty_roster(duty_office(1, 2), NATIONAL_DAY, calendar=CALENDAR, policy=policy)
    return {i.rule_id for i in roster.issues}


def test_a_policy_changes_how_many_are_on_duty() -> None:
    """DUTY-Y1 staff_per_day 1 instead of 2: one staff member a day."""
    roster = duty_roster(
        duty_office(2, 4), NATIONAL_DAY, calendar=CALENDAR, policy=Policy(overrides=ONE_STAFF_A_DAY)
    )
    assert [len(d.staff_ids) for d in roster.days] == [1] * 7


def test_the_same_policy_as_overrides_gives_the_same_roster() -> None:
    by_policy = duty_roster(
        duty_office(1, 2), NATIONAL_DAY, calendar=CALENDAR, policy=Policy(overrides=ONE_STAFF_A_DAY)
    )
    by_overrides = duty_roster(
        duty_office(1, 2), NATIONAL_DAY, calendar=CALENDAR, overrides=ONE_STAFF_A_DAY
    )
    assert by_policy.days == by_overrides.days
    assert [i.message for i in by_policy.issues] == [i.message for i in by_overrides.issues]


def test_switching_the_rest_rule_off_drops_its_issues_and_keeps_the_others() -> None:
    """DUTY-Y1-REST off: the one leader's running days are no longer reported."""
    assert "DUTY-Y1-REST" in rule_ids(Policy(overrides=ONE_STAFF_A_DAY))
    off = rule_ids(Policy(overrides=ONE_STAFF_A_DAY, disabled={"DUTY-Y1-REST"}))
    assert "DUTY-Y1-REST" not in off


def test_switching_cover_off_leaves_a_short_day_unreported() -> None:
    """DUTY-Y1 off: both staff away on 3 October; the day stays short, and nothing says so."""
    absences = [
        Absence(
            id=f"x{n}",
            staff_id=who,
            span=TimeSpan.whole_days(dt.date(2026, 10, 3), dt.date(2026, 10, 3)),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        for n, who in enumerate(("S01", "S02"))
    ]

    def roster(policy: Policy) -> DutyRoster:
        return duty_roster(
            duty_office(2, 2), NATIONAL_DAY, calendar=CALENDAR, absences=absences, policy=policy
        )

    assert not roster(Policy()).is_complete
    off = roster(Policy(disabled={"DUTY-Y1"}))
    assert not any(i.rule_id == "DUTY-Y1" for i in off.issues)
    assert off.is_complete


def test_each_issue_carries_its_rules_level_under_the_policy() -> None:
    """DUTY-Y1-REST is medium in the catalogue; an office that makes it hard sees hard, in the
    issue, its finding and the roster's JSON."""
    default = duty_roster(
        duty_office(1, 2), NATIONAL_DAY, calendar=CALENDAR, policy=Policy(overrides=ONE_STAFF_A_DAY)
    )
    rest = [i for i in default.issues if i.rule_id == "DUTY-Y1-REST"]
    assert {i.level for i in rest} == {Severity.MEDIUM}
    hard = Policy(overrides=ONE_STAFF_A_DAY, levels={"DUTY-Y1-REST": Severity.HARD})
    roster = duty_roster(duty_office(1, 2), NATIONAL_DAY, calendar=CALENDAR, policy=hard)
    issue = next(i for i in roster.issues if i.rule_id == "DUTY-Y1-REST")
    assert issue.level is Severity.HARD
    assert issue.to_finding().level is Severity.HARD
    assert issue.to_finding().part == DutyGroup.LEADERS.value
    assert {i["level"] for i in roster.to_data()["issues"] if i["rule_id"] == "DUTY-Y1-REST"} == {
        "hard"
    }


def test_unknown_ids_and_both_policy_and_overrides_are_clear_errors() -> None:
    with pytest.raises(UnknownEntity, match="staff_a_day"):
        Policy(overrides={"DUTY-Y1": {"staff_a_day": 1}})
    with pytest.raises(UnknownEntity, match="DUTY-Y9"):
        Policy(levels={"DUTY-Y9": Severity.HARD})
    with pytest.raises(InvalidValue, match="not both"):
        duty_roster(
            duty_office(1, 2),
            NATIONAL_DAY,
            calendar=CALENDAR,
            policy=Policy(),
            overrides=ONE_STAFF_A_DAY,
        )
