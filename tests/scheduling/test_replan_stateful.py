"""Replanning as a lifecycle: requests and absences come and go, pinned activities stay put."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import check
from jiguan_core.scheduling import ActivityRequest, Plan, generate_instance, replan, schedule
from jiguan_core.time import TimeSpan

_INSTANCE = generate_instance(24, 30, seed=7, pressure=1.5)
_POOL = tuple(r for r in _INSTANCE.requests if r.rrule is None)
_STAFF = tuple(s.id for s in _INSTANCE.office.staff)
_DAYS = _INSTANCE.calendar.working_days(_INSTANCE.quarter_start, _INSTANCE.quarter_end)


class ReplanMachine(RuleBasedStateMachine):
    """The real scheduler replanning after each change, beside a model of what was asked."""

    absences = Bundle("absences")

    def __init__(self) -> None:
        super().__init__()
        self.office = _INSTANCE.office
        self.asked: dict[str, ActivityRequest] = {}
        self.extra_absences: dict[str, Absence] = {}
        self.pinned_at: dict[str, Activity] = {}
        self.plan: Plan = schedule(self.office, (), calendar=_INSTANCE.calendar)
        self.counter = 0

    def _office(self) -> Organization:
        return self.office.with_absences(self.extra_absences.values())

    def _replan(self) -> None:
        requests = tuple(self.asked[k] for k in sorted(self.asked))
        self.plan = replan(self.plan, self._office(), requests, calendar=_INSTANCE.calendar)
        for placement in self.plan.placed:
            if placement.pinned and placement.request_id not in self.pinned_at:
                self.pinned_at[placement.request_id] = placement.activity

    @rule(index=st.integers(0, len(_POOL) - 1), pinned=st.booleans())
    def ask(self, index: int, pinned: bool) -> None:
        """A new request arrives (pinned or not)."""
        request = _POOL[index]
        if request.id in self.asked:
            return
        self.asked[request.id] = attrs.evolve(request, pinned=pinned)
        self._replan()

    @precondition(lambda self: bool(self.asked))
    @rule(data=st.data())
    def withdraw(self, data: st.DataObject) -> None:
        """A request is withdrawn."""
        request_id = data.draw(st.sampled_from(sorted(self.asked)))
        del self.asked[request_id]
        self.pinned_at.pop(request_id, None)
        self._replan()

    @rule(
        target=absences,
        staff=st.sampled_from(_STAFF),
        day=st.sampled_from(_DAYS),
        length=st.integers(1, 4),
    )
    def go_away(self, staff: str, day: dt.date, length: int) -> str:
        """Someone announces an absence."""
        self.counter += 1
        absence = Absence(
            id=f"st-away-{self.counter}",
            staff_id=staff,
            span=TimeSpan.whole_days(day, day + dt.timedelta(days=length - 1)),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        self.extra_absences[absence.id] = absence
        self._replan()
        return absence.id

    @rule(absence_id=consumes(absences))
    def come_back(self, absence_id: str) -> None:
        """An absence is called off."""
        self.extra_absences.pop(absence_id, None)
        self._replan()

    @rule()
    def replan_without_a_change(self) -> None:
        """Replanning an unchanged situation moves nothing."""
        before = self.plan
        self._replan()
        assert self.plan.moved == ()
        assert self.plan.placed == before.placed

    @invariant()
    def pinned_activities_never_move(self) -> None:
        """A pinned placement stays exactly where it was first placed."""
        for request_id, activity in self.pinned_at.items():
            placement = self.plan.placement(request_id)
            assert placement is not None
            assert placement.activity == activity

    @invariant()
    def the_plan_adds_no_hard_violation_except_to_pinned_ones(self) -> None:
        """Per rules.check, new hard violations only ever involve pinned placements."""
        office = self._office()
        before = {v for v in check(office).violations if v.level is Severity.HARD}
        after = check(office, activities=(*office.activities, *self.plan.activities))
        pinned = set(self.pinned_at)
        for violation in after.violations:
            if violation.level is Severity.HARD and violation not in before:
                assert pinned & set(violation.activity_ids), violation.render("en")

    @invariant()
    def every_asked_request_is_placed_or_explained_once(self) -> None:
        """Each asked request is placed or unplaced with a reason, exactly once."""
        placed = [p.request_id for p in self.plan.placed]
        unplaced = [u.request_id for u in self.plan.unplaced]
        assert sorted(placed + unplaced) == sorted(self.asked)
        assert all(u.reason.en and u.reason.zh for u in self.plan.unplaced)


ReplanMachine.TestCase.settings = settings(stateful_step_count=12)
TestReplanning = ReplanMachine.TestCase
