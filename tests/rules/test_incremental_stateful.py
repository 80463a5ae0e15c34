"""Lifecycle of an IncrementalChecker: any sequence of adds, moves and removals keeps it equal
to a full check of the current calendar."""

from __future__ import annotations

import attrs
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.rules import IncrementalChecker, check
from tests.strategies_rules import activities_in, small_office, spans


class IncrementalCheckerMachine(RuleBasedStateMachine):
    """Model: plain dicts of activities and absences, checked in full each step."""

    activity_ids = Bundle("activity_ids")

    def __init__(self) -> None:
        super().__init__()
        self.office = small_office()
        self.checker = IncrementalChecker(self.office)
        self.activities: dict[str, object] = {}
        self.absences: dict[str, Absence] = {}
        self.number = 0

    @rule(target=activity_ids, data=st.data())
    def add_activity(self, data: st.DataObject) -> str:
        self.number += 1
        activity = data.draw(activities_in(self.office, self.number))
        found = self.checker.add(activity)
        self.activities[activity.id] = activity
        full = check(
            self.office, activities=self.activities.values(), absences=self.absences.values()
        )
        assert list(found) == [v for v in full.violations if activity.id in v.activity_ids]
        return activity.id

    @rule(activity_id=activity_ids, data=st.data())
    def move_activity(self, activity_id: str, data: st.DataObject) -> None:
        if activity_id not in self.activities:
            return
        moved = attrs.evolve(self.activities[activity_id], span=data.draw(spans()))
        self.checker.add(moved)
        self.activities[activity_id] = moved

    @rule(activity_id=activity_ids)
    def remove_activity(self, activity_id: str) -> None:
        if activity_id in self.activities:
            self.checker.remove(activity_id)
            del self.activities[activity_id]

    @rule(data=st.data())
    def add_absence(self, data: st.DataObject) -> None:
        self.number += 1
        staff_id = data.draw(st.sampled_from([s.id for s in self.office.staff]))
        span = data.draw(spans())
        absence = Absence(
            id=f"y{self.number:03d}", staff_id=staff_id, span=span, kind=AbsenceKind.OTHER
        )
        self.checker.add_absence(absence)
        self.absences[absence.id] = absence

    @rule(data=st.data())
    def remove_absence(self, data: st.DataObject) -> None:
        if self.absences:
            absence_id = data.draw(st.sampled_from(sorted(self.absences)))
            self.checker.remove_absence(absence_id)
            del self.absences[absence_id]

    @invariant()
    def the_index_equals_a_full_check(self) -> None:
        full = check(
            self.office, activities=self.activities.values(), absences=self.absences.values()
        )
        assert list(self.checker.violations()) == list(full.violations)


IncrementalCheckerMachine.TestCase.settings = settings(
    max_examples=min(settings().max_examples, 30),
    stateful_step_count=15,
)
TestIncrementalChecker = IncrementalCheckerMachine.TestCase
