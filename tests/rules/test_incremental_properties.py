"""The incremental checker's answers equal a full check of the calendar with the change."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.rules import IncrementalChecker, SchedulingPolicy, check
from tests.strategies_rules import activities_in, calendars, policies, small_office, spans


@given(calendars(max_activities=20), policies(), st.data())
def test_violations_if_added_are_the_full_checks_violations_involving_the_activity(
    calendar, policy: SchedulingPolicy, data: st.DataObject
) -> None:
    """Adding: exactly the violations of the new calendar that name the new activity."""
    acts, absences = calendar
    office = small_office().evolve(activities=acts, absences=absences)
    checker = IncrementalChecker(office, policy=policy)
    new = data.draw(activities_in(office, 999))
    expected = [
        v
        for v in check(office, activities=[*acts, new], policy=policy).violations
        if new.id in v.activity_ids
    ]
    assert list(checker.violations_if_added(new)) == expected
    assert list(checker.violations()) == list(check(office, policy=policy).violations)


@given(calendars(max_activities=20, min_activities=1), st.data())
def test_moving_an_activity_is_answered_like_a_full_check_of_the_moved_calendar(
    calendar, data: st.DataObject
) -> None:
    """Moving (same id, new span): the violations that involve it after the move."""
    acts, absences = calendar
    office = small_office().evolve(activities=acts, absences=absences)
    checker = IncrementalChecker(office)
    old = data.draw(st.sampled_from(acts))
    moved = attrs.evolve(old, span=data.draw(spans()))
    after = [moved if a.id == old.id else a for a in acts]
    expected = [v for v in check(office, activities=after).violations if moved.id in v.activity_ids]
    assert list(checker.violations_if_added(moved)) == expected
    assert list(checker.violations()) == list(check(office).violations)


@given(calendars(max_activities=20, min_absences=1))
def test_violations_if_absent_are_the_full_checks_violations_involving_the_absence(
    calendar,
) -> None:
    """An absence: exactly the violations of the new calendar that name it."""
    acts, absences = calendar
    office = small_office().evolve(activities=acts, absences=absences[1:])
    checker = IncrementalChecker(office)
    new = absences[0]
    expected = [v for v in check(office, absences=absences).violations if new.id in v.absence_ids]
    assert list(checker.violations_if_absent(new)) == expected
