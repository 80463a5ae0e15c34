"""Random walks through a year of the work plan: milestones completed on days that move
forward, checked against a simple model of what is done and what is late (PLAN-ARTICLE-PLAN)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from jiguan_core.calendar import WorkCalendar
from jiguan_core.workplan import Milestone, PlanItem, WorkPlan, milestone_tasks, plan_progress

CALENDAR = WorkCalendar()
TARGETS = st.dates(min_value=dt.date(2026, 1, 5), max_value=dt.date(2026, 12, 20))


class WorkPlanMachine(RuleBasedStateMachine):
    """The model: milestone id -> (target, done day or None), and today."""

    plan: WorkPlan
    model: dict[str, tuple[dt.date, dt.date | None]]
    today: dt.date

    @initialize(dates=st.lists(TARGETS, min_size=1, max_size=8))
    def make(self, dates: list[dt.date]) -> None:
        targets = dates
        items = [
            PlanItem(
                id=f"i{n}",
                department_id=f"d{n % 3}",
                title=f"事项{n}",
                owner_id=f"s{n}",
                milestones=[Milestone(id=f"m{n}", title="节点", target=target)],
            )
            for n, target in enumerate(targets)
        ]
        self.plan = WorkPlan(year=2026, items=items)
        self.model = {f"m{n}": (t, None) for n, t in enumerate(targets)}
        self.today = dt.date(2026, 1, 1)

    @rule(days=st.integers(min_value=0, max_value=60))
    def time_passes(self, days: int) -> None:
        self.today = min(self.today + dt.timedelta(days=days), dt.date(2026, 12, 31))

    @rule(data=st.data())
    def complete_one(self, data: st.DataObject) -> None:
        milestone_id = data.draw(st.sampled_from(sorted(self.model)))
        self.plan = self.plan.complete(milestone_id, on=self.today)
        target, done = self.model[milestone_id]
        self.model[milestone_id] = (target, done or self.today)

    @invariant()
    def progress_matches_the_model(self) -> None:
        progress = plan_progress(self.plan, as_of=self.today, calendar=CALENDAR)
        done = sum(d.done for d in progress)
        late = sorted(m.id for d in progress for m in d.late)
        assert done == sum(1 for _, d in self.model.values() if d is not None)
        expected_late = sorted(
            m
            for m, (target, d) in self.model.items()
            if (d is None and self.today > target) or (d is not None and d > target)
        )
        assert late == expected_late

    @invariant()
    def the_task_list_mirrors_the_milestones(self) -> None:
        tasks = milestone_tasks(self.plan, created=dt.date(2026, 1, 1))
        assert {t.id: t.completed_on for t in tasks} == {m: d for m, (_, d) in self.model.items()}


TestWorkPlanProgress = WorkPlanMachine.TestCase
