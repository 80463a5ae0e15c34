"""One Policy decides the leave rules: parameters, rules switched off, levels (LEAVE-L1 to L5)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue, JiguanError, UnknownEntity
from jiguan_core.leave import (
    ApproverRole,
    advise_leave,
    annual_entitlement,
    approval_chain,
    exclusion,
    leave_balance,
    leave_late_items,
)
from jiguan_core.policy import Policy
from jiguan_core.rule import Severity
from jiguan_core.time import TimeSpan
from tests.leave.test_lateness import request
from tests.leave.test_request import clerk, leave
from tests.strategies_development import build_office

CALENDAR = WorkCalendar()
#: Personal leave of 2-27 March 2026: 20 working days, enough for LEAVE-L3 by default.
LONG_PERSONAL = Absence(
    id="x1",
    staff_id="s01",
    span=TimeSpan.whole_days(dt.date(2026, 3, 2), dt.date(2026, 3, 27)),
    kind=AbsenceKind.PERSONAL_LEAVE,
)


def test_a_policy_changes_the_entitlement_bands() -> None:
    """LEAVE-L1: 12 years of work earn 10 days by default, 12 under a policy saying so."""
    assert annual_entitlement(12) == 10
    more = Policy(overrides={"LEAVE-L1": {"second_band_days": 12}})
    assert annual_entitlement(12, policy=more) == 12


def test_a_policy_and_its_overrides_shorthand_give_the_same_chain() -> None:
    """LEAVE-L5: a 3-day leave goes to the secretary-general; raising the head's limit to 3
    days keeps it with the head, whether said as a policy or as overrides."""
    assert approval_chain(clerk(), 6) == (
        ApproverRole.DEPARTMENT_HEAD,
        ApproverRole.SECRETARY_GENERAL,
    )
    wider = {"department_head_max_days": 3.0}
    by_policy = approval_chain(clerk(), 6, policy=Policy(overrides={"LEAVE-L5": wider}))
    assert by_policy == approval_chain(clerk(), 6, wider) == (ApproverRole.DEPARTMENT_HEAD,)


def test_giving_both_a_policy_and_overrides_is_refused() -> None:
    with pytest.raises(InvalidValue, match="either policy= or its shorthand overrides="):
        approval_chain(clerk(), 6, {"approval_days": 2}, policy=Policy())


def test_switching_the_exclusion_off_keeps_the_years_leave() -> None:
    """LEAVE-L3 off: 20 working days of personal leave no longer take the year's leave away."""
    assert exclusion(5, [LONG_PERSONAL], 2026, CALENDAR) is not None
    off = Policy(disabled={"LEAVE-L3"})
    assert exclusion(5, [LONG_PERSONAL], 2026, CALENDAR, policy=off) is None
    balance = leave_balance(clerk(), 2026, absences=[LONG_PERSONAL], calendar=CALENDAR, policy=off)
    assert (balance.entitled, balance.excluded) == (10.0, None)


def test_the_exclusion_reads_the_entitlement_bands_of_the_same_policy() -> None:
    """LEAVE-L3's sick-leave months follow LEAVE-L1's bands: with the second band from 5 years,
    2 months of sick leave no longer exclude a person of 6 years (3 months needed)."""
    sick = Absence(
        id="x2",
        staff_id="s01",
        span=TimeSpan.whole_days(dt.date(2026, 3, 1), dt.date(2026, 4, 29)),
        kind=AbsenceKind.SICK_LEAVE,
    )
    assert exclusion(6, [sick], 2026, CALENDAR) is not None
    earlier = Policy(overrides={"LEAVE-L1": {"second_band_from": 5}})
    assert exclusion(6, [sick], 2026, CALENDAR, policy=earlier) is None


def test_switching_carry_over_off_lets_a_carried_day_stand() -> None:
    """LEAVE-L4 at 0 years refuses a carry-over; with LEAVE-L4 switched off it is taken as given."""
    no_carry = {"LEAVE-L4": {"carry_over_years": 0}}
    with pytest.raises(InvalidValue, match="LEAVE-L4"):
        leave_balance(
            clerk(), 2026, absences=[], calendar=CALENDAR, carried_over=2,
            policy=Policy(overrides=no_carry),
        )  # fmt: skip
    kept = leave_balance(
        clerk(), 2026, absences=[], calendar=CALENDAR, carried_over=2,
        policy=Policy(overrides=no_carry, disabled={"LEAVE-L4"}),
    )  # fmt: skip
    assert kept.carried_over == 2.0


def test_late_approvals_vanish_with_their_rule_and_carry_its_level() -> None:
    """LEAVE-L5: on 10 March the 2 March request is late; switched off, nothing is; at a medium
    level the item and its finding say medium."""
    pending = [request(1, 3)]
    as_of = dt.date(2026, 3, 10)
    assert leave_late_items(pending, as_of=as_of, calendar=CALENDAR)
    off = Policy(disabled={"LEAVE-L5"})
    assert leave_late_items(pending, as_of=as_of, calendar=CALENDAR, policy=off) == ()
    medium = Policy(levels={"LEAVE-L5": Severity.MEDIUM})
    (item,) = leave_late_items(pending, as_of=as_of, calendar=CALENDAR, policy=medium)
    assert item.level is Severity.MEDIUM
    assert item.to_finding().level is Severity.MEDIUM


def test_unknown_rules_and_parameters_in_a_leave_policy_are_clear_errors() -> None:
    with pytest.raises(UnknownEntity, match="LEAVE-L9"):
        Policy(disabled={"LEAVE-L9"})
    with pytest.raises(UnknownEntity, match="second_band_day"):
        annual_entitlement(12, policy=Policy(overrides={"LEAVE-L1": {"second_band_day": 12}}))
    with pytest.raises(UnknownEntity, match="second_band_day"):
        annual_entitlement(12, {"second_band_day": 12})
    with pytest.raises(JiguanError, match=r"policy must be a jiguan_core\.policy\.Policy"):
        annual_entitlement(12, policy={"LEAVE-L1": {}})  # type: ignore[arg-type]


def test_advice_does_not_hold_leave_beyond_the_balance_when_the_office_switches_l1_off() -> None:
    """LEAVE-L1: 6 days asked with 5 due are advised against; with LEAVE-L1 switched off the
    advice no longer counts them."""
    office = build_office(departments=[[(2020, frozenset())]])
    person = office.person("s01")
    request = leave(dt.date(2026, 3, 2), dt.date(2026, 3, 9), who=person)
    balance = leave_balance(
        person, 2026, absences=[], calendar=CALENDAR, work_start=dt.date(2020, 1, 1)
    )
    assert (request.days, balance.left) == (6.0, 5.0)
    assert not advise_leave(request, office, calendar=CALENDAR, balance=balance).approvable
    off = Policy(disabled={"LEAVE-L1"})
    advice = advise_leave(request, office, calendar=CALENDAR, balance=balance, policy=off)
    assert advice.approvable
