"""The Organization lifecycle as a state machine, checked against a model of plain dicts."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.errors import IntegrityError, UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.serialization import to_json
from jiguan_core.task import Task
from tests.strategies import absences_for, activities_for, organizations, tasks_for

#: A small pool of ids, so that additions sometimes clash with what exists.
NEW_IDS = st.sampled_from(["n1", "n2", "n3", "n4"])


class OrganizationLifecycle(RuleBasedStateMachine):
    """Add, replace and remove activities, absences and tasks; invalid changes raise and leave
    the organization unchanged. The model is three dicts by id."""

    def __init__(self) -> None:
        super().__init__()
        self.org: Organization
        self.activities: dict[str, Activity] = {}
        self.absences: dict[str, Absence] = {}
        self.tasks: dict[str, Task] = {}

    @initialize(org=organizations(max_staff=5, max_activities=4, max_absences=3, max_tasks=3))
    def start(self, org: Organization) -> None:
        self.org = org
        self.activities = {a.id: a for a in org.activities}
        self.absences = {a.id: a for a in org.absences}
        self.tasks = {t.id: t for t in org.tasks}

    def _refused(self, change: object, error: type[Exception]) -> None:
        """``change()`` raises ``error`` and the organization stays exactly as it was."""
        before = to_json(self.org)
        try:
            change()  # type: ignore[operator]
        except error:
            pass
        else:
            raise AssertionError(f"expected {error.__name__}")
        assert to_json(self.org) == before

    # Activities ---------------------------------------------------------------------------
    @rule(data=st.data())
    def add_activity(self, data: st.DataObject) -> None:
        new = data.draw(activities_for(self.org, id=NEW_IDS))
        if new.id in self.activities:
            self._refused(lambda: self.org.with_activities([new]), IntegrityError)
            return
        self.org = self.org.with_activities([new])
        self.activities[new.id] = new

    @rule(data=st.data())
    def add_activity_with_an_unknown_department(self, data: st.DataObject) -> None:
        new = data.draw(activities_for(self.org, id=NEW_IDS))
        broken = attrs.evolve(new, department_id="no-such-department")
        self._refused(lambda: self.org.with_activities([broken]), IntegrityError)

    @precondition(lambda self: bool(self.activities))
    @rule(data=st.data())
    def replace_activity(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(self.activities)))
        new = data.draw(activities_for(self.org, id=st.just(target)))
        self.org = self.org.replace_activity(new)
        self.activities[target] = new

    @precondition(lambda self: bool(self.activities))
    @rule(data=st.data())
    def remove_activity(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(self.activities)))
        self.org = self.org.without_activity(target)
        del self.activities[target]

    @rule(data=st.data())
    def replace_or_remove_a_missing_activity(self, data: st.DataObject) -> None:
        new = data.draw(activities_for(self.org, id=st.just("missing")))
        self._refused(lambda: self.org.replace_activity(new), UnknownEntity)
        self._refused(lambda: self.org.without_activity("missing"), UnknownEntity)

    # Absences -----------------------------------------------------------------------------
    @rule(data=st.data())
    def add_absence(self, data: st.DataObject) -> None:
        new = data.draw(absences_for(self.org, id=NEW_IDS))
        if new.id in self.absences:
            self._refused(lambda: self.org.with_absences([new]), IntegrityError)
            return
        self.org = self.org.with_absences([new])
        self.absences[new.id] = new

    @rule(data=st.data())
    def add_absence_of_an_unknown_person(self, data: st.DataObject) -> None:
        new = attrs.evolve(data.draw(absences_for(self.org)), staff_id="nobody")
        self._refused(lambda: self.org.with_absences([new]), IntegrityError)

    @precondition(lambda self: bool(self.absences))
    @rule(data=st.data())
    def replace_absence(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(self.absences)))
        new = data.draw(absences_for(self.org, id=st.just(target)))
        self.org = self.org.replace_absence(new)
        self.absences[target] = new

    @precondition(lambda self: bool(self.absences))
    @rule(data=st.data())
    def remove_absence(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(self.absences)))
        self.org = self.org.without_absence(target)
        del self.absences[target]

    # Tasks --------------------------------------------------------------------------------
    @rule(data=st.data())
    def add_task(self, data: st.DataObject) -> None:
        new = data.draw(tasks_for(self.org, id=NEW_IDS))
        if new.id in self.tasks:
            self._refused(lambda: self.org.with_tasks([new]), IntegrityError)
            return
        self.org = self.org.with_tasks([new])
        self.tasks[new.id] = new

    @rule(data=st.data())
    def add_task_with_an_unknown_owner(self, data: st.DataObject) -> None:
        new = attrs.evolve(data.draw(tasks_for(self.org)), owner_id="nobody")
        self._refused(lambda: self.org.with_tasks([new]), IntegrityError)

    @precondition(lambda self: bool(self.tasks))
    @rule(data=st.data())
    def replace_task(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(self.tasks)))
        new = data.draw(tasks_for(self.org, id=st.just(target)))
        self.org = self.org.replace_task(new)
        self.tasks[target] = new

    @precondition(lambda self: bool(self.tasks))
    @rule(data=st.data())
    def remove_task(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(sorted(self.tasks)))
        self.org = self.org.without_task(target)
        del self.tasks[target]

    @rule(data=st.data())
    def replace_or_remove_a_missing_absence_or_task(self, data: st.DataObject) -> None:
        absence = data.draw(absences_for(self.org, id=st.just("missing")))
        task = data.draw(tasks_for(self.org, id=st.just("missing")))
        self._refused(lambda: self.org.replace_absence(absence), UnknownEntity)
        self._refused(lambda: self.org.without_absence("missing"), UnknownEntity)
        self._refused(lambda: self.org.replace_task(task), UnknownEntity)
        self._refused(lambda: self.org.without_task("missing"), UnknownEntity)

    # Invariants ---------------------------------------------------------------------------
    @invariant()
    def collections_match_the_model_in_id_order(self) -> None:
        assert self.org.activities == tuple(self.activities[k] for k in sorted(self.activities))
        assert self.org.absences == tuple(self.absences[k] for k in sorted(self.absences))
        assert self.org.tasks == tuple(self.tasks[k] for k in sorted(self.tasks))

    @invariant()
    def look_ups_find_every_modelled_object(self) -> None:
        for activity_id, activity in self.activities.items():
            assert self.org.activity(activity_id) == activity
        for absence_id, absence in self.absences.items():
            assert self.org.absence(absence_id) == absence
        for task_id, task in self.tasks.items():
            assert self.org.task(task_id) == task


OrganizationLifecycle.TestCase.settings = settings(
    OrganizationLifecycle.TestCase.settings,
    stateful_step_count=15,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_the_organization_lifecycle_matches_a_model_of_dicts = OrganizationLifecycle.TestCase
