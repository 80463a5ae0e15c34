"""Bad input is a JiguanError naming the object and field; inputs are never changed."""

from __future__ import annotations

import copy
import datetime as dt

import attrs
import pytest

from jiguan_core.errors import InvalidValue, JiguanError, NaiveDateTime
from jiguan_core.rules import IncrementalChecker, ScheduleInputError, SchedulingPolicy, check
from jiguan_core.time import TimeSpan
from tests.rules._builders import OFFICE, act, at, away


def test_an_activity_with_an_unknown_participant_is_refused_naming_the_field() -> None:
    """The path names the activity and the participant slot."""
    bad = act("m1", people=("nobody",))
    with pytest.raises(ScheduleInputError) as caught:
        check(OFFICE, activities=[bad], absences=[])
    assert [p.path for p in caught.value.problems] == ["activities[m1].participants[0]"]
    assert "nobody" in str(caught.value)
    assert "nobody" in caught.value.render("zh")


def test_an_activity_in_an_unknown_room_or_department_is_refused() -> None:
    """Every problem is listed at once."""
    bad = act("m1", room="r999", department="d999")
    with pytest.raises(ScheduleInputError) as caught:
        check(OFFICE, activities=[bad], absences=[])
    assert sorted(p.path for p in caught.value.problems) == [
        "activities[m1].department_id",
        "activities[m1].room_id",
    ]


def test_a_non_leader_listed_as_leader_and_duplicate_ids_are_refused() -> None:
    """leaders must be leadership members; ids must be unique."""
    bad = act("m1", leaders=("s00005",))
    with pytest.raises(ScheduleInputError, match="leadership"):
        check(OFFICE, activities=[bad], absences=[])
    with pytest.raises(ScheduleInputError, match="duplicate"):
        check(OFFICE, activities=[act("m1"), act("m1")], absences=[])


def test_an_absence_of_an_unknown_person_is_refused() -> None:
    """absences[id].staff_id is named."""
    with pytest.raises(ScheduleInputError, match=r"absences\[ab1\]\.staff_id"):
        check(OFFICE, activities=[], absences=[away("ab1", "ghost", dt.date(2025, 3, 4))])


@pytest.mark.parametrize("value", ["activities", 42, [object()]])
def test_activities_of_the_wrong_type_are_refused(value) -> None:
    """Not a collection of Activity objects: a JiguanError, never a bare TypeError."""
    with pytest.raises(JiguanError):
        check(OFFICE, activities=value, absences=[])


def test_spans_ending_before_they_start_or_without_a_zone_cannot_be_built() -> None:
    """end <= start and naive datetimes fail at the TimeSpan, naming the field."""
    start = at(dt.date(2025, 3, 4), 9)
    with pytest.raises(InvalidValue) as caught:
        TimeSpan(start, start)
    assert caught.value.field == "end"
    with pytest.raises(NaiveDateTime):
        TimeSpan(dt.datetime(2025, 3, 4, 9), dt.datetime(2025, 3, 4, 10))


def test_a_policy_or_calendar_of_the_wrong_type_is_refused() -> None:
    """policy and calendar are checked too."""
    with pytest.raises(InvalidValue, match="policy"):
        check(OFFICE, activities=[], policy={"SCHED-COORD-TRIPS": {"days": 3}})  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="calendar"):
        check(OFFICE, activities=[], calendar="2025")  # type: ignore[arg-type]


def test_checking_never_changes_its_inputs() -> None:
    """The lists, the office and the policy are equal before and after."""
    acts = [act("m1", people=("s00005",)), act("m2", start=10, end=12, people=("s00005",))]
    absences = [away("ab1", "s00005", dt.date(2025, 3, 4))]
    policy = SchedulingPolicy(overrides={"SCHED-COORD-TRIPS": {"days": 3}})
    before = (copy.deepcopy(acts), copy.deepcopy(absences), OFFICE.activities, policy.overrides)
    check(OFFICE, activities=acts, absences=absences, policy=policy)
    checker = IncrementalChecker(OFFICE.evolve(activities=acts, absences=absences), policy=policy)
    checker.add(act("m3", people=("s00005",)))
    assert (acts, absences, OFFICE.activities, policy.overrides) == before


def test_the_checker_refuses_unknown_ids_to_remove_and_bad_activities() -> None:
    """remove / remove_absence of unknown ids and unknown references are JiguanErrors."""
    checker = IncrementalChecker(OFFICE)
    with pytest.raises(JiguanError, match="nope"):
        checker.remove("nope")
    with pytest.raises(JiguanError, match="nope"):
        checker.remove_absence("nope")
    with pytest.raises(ScheduleInputError):
        checker.violations_if_added(act("m1", people=("ghost",)))
    with pytest.raises(InvalidValue):
        checker.violations_if_added("m1")  # type: ignore[arg-type]


def test_asking_what_if_leaves_the_checker_unchanged() -> None:
    """violations_if_added changes nothing, even for a move of an existing activity."""
    original = act("m1", people=("s00005",))
    checker = IncrementalChecker(OFFICE.evolve(activities=[original]))
    before = checker.violations()
    moved = attrs.evolve(original, span=original.span.shifted(days=57))
    checker.violations_if_added(moved)
    checker.violations_if_added(act("m2", people=("s00005",)))
    assert checker.violations() == before
    assert checker.activities == (original,)
