"""Random sessions of the year's work plan on a workspace file: milestones are done on days
that move forward, the file is written, and ``jiguan workplan`` and ``jiguan list`` are run on
it, checked against a simple model of what is done, what is late and what is due in a quarter
(PLAN-ARTICLE-PLAN).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from jiguan_core.__main__ import main
from jiguan_core.cli.interchange import Workspace, dump_workspace
from jiguan_core.workplan import Milestone, PlanItem, WorkPlan
from tests.strategies_office_work import duty_office

TARGETS = st.dates(min_value=dt.date(2026, 1, 5), max_value=dt.date(2026, 12, 20))


class WorkplanCommandMachine(RuleBasedStateMachine):
    """The model: milestone id -> (department, target, done day or None), and today."""

    model: dict[str, tuple[str, dt.date, dt.date | None]]
    today: dt.date
    folder: tempfile.TemporaryDirectory[str]

    @initialize(dates=st.lists(TARGETS, min_size=1, max_size=4))
    def write_the_plan(self, dates: list[dt.date]) -> None:
        self.model = {f"m{n}": (f"d{n % 2}", t, None) for n, t in enumerate(dates)}
        self.today = dt.date(2026, 1, 1)
        self.folder = tempfile.TemporaryDirectory()

    def teardown(self) -> None:
        self.folder.cleanup()

    def _workspace(self) -> Path:
        plan = WorkPlan(
            year=2026,
            items=[
                PlanItem(
                    id=f"i{milestone[1:]}",
                    department_id=department,
                    title=f"事项{milestone[1:]}",
                    owner_id="S01",
                    milestones=[Milestone(id=milestone, title="节点", target=target, done_on=done)],
                )
                for milestone, (department, target, done) in self.model.items()
            ],
        )
        path = Path(self.folder.name) / "office.json"
        ws = Workspace(office=duty_office(1, 2, departments=2), workplan=plan)
        path.write_text(dump_workspace(ws), encoding="utf-8")
        return path

    def _run(self, *args: str) -> tuple[int, str]:
        out = Path(self.folder.name) / "out.txt"
        code = main([*args, "--out", str(out)])
        return code, out.read_text(encoding="utf-8")

    @rule(days=st.integers(min_value=0, max_value=60))
    def time_passes(self, days: int) -> None:
        self.today = min(self.today + dt.timedelta(days=days), dt.date(2026, 12, 31))

    @precondition(lambda self: any(done is None for _, _, done in self.model.values()))
    @rule(data=st.data(), offset=st.integers(min_value=-1, max_value=1))
    def a_milestone_is_done_next_to_its_target(self, data: st.DataObject, offset: int) -> None:
        """Today moves to the day before, of or after an open milestone's target (unless that
        is past), and the milestone is done: the edges of "done late"."""
        open_ids = sorted(m for m, (_, _, done) in self.model.items() if done is None)
        milestone = data.draw(st.sampled_from(open_ids))
        department, target, _ = self.model[milestone]
        self.today = max(self.today, target + dt.timedelta(days=offset))
        self.model[milestone] = (department, target, self.today)

    @precondition(lambda self: any(done is None for _, _, done in self.model.values()))
    @rule(data=st.data())
    def a_milestone_is_done_today(self, data: st.DataObject) -> None:
        open_ids = sorted(m for m, (_, _, done) in self.model.items() if done is None)
        milestone = data.draw(st.sampled_from(open_ids))
        department, target, _ = self.model[milestone]
        self.model[milestone] = (department, target, self.today)

    @rule(ahead=st.integers(min_value=0, max_value=60))
    def the_progress_report_is_run(self, ahead: int) -> None:
        """``jiguan workplan FILE --as-of DAY --format json``: per 委室 done, total and late as
        the model (late: not done by the target as seen on the day, or done after it), exit 1
        when one is late."""
        as_of = min(self.today + dt.timedelta(days=ahead), dt.date(2026, 12, 31))
        code, text = self._run(
            "workplan", str(self._workspace()), "--as-of", as_of.isoformat(), "--format", "json"
        )
        expected = {}
        for milestone, (department, target, done) in sorted(self.model.items()):
            row = expected.setdefault(department, {"done": 0, "total": 0, "late": []})
            row["total"] += 1
            if done is not None and done <= as_of:
                row["done"] += 1
            if (done is not None and done > target) or (done is None and as_of > target):
                row["late"].append(milestone)
        found = {
            d["department_id"]: {"done": d["done"], "total": d["total"], "late": sorted(d["late"])}
            for d in json.loads(text)["departments"]
        }
        assert found == expected
        assert code == (1 if any(row["late"] for row in expected.values()) else 0)

    @rule()
    def the_progress_report_is_run_around_each_target(self) -> None:
        """The report on each milestone's target (not late yet) and the day after (late unless
        done by the target), for those not past."""
        for _, target, _ in sorted(self.model.values()):
            for as_of in (target, target + dt.timedelta(days=1)):
                if as_of >= self.today:
                    self.the_progress_report_is_run((as_of - self.today).days)

    @rule(quarter=st.integers(min_value=1, max_value=4))
    def the_quarter_list_is_run(self, quarter: int) -> None:
        """``jiguan list --period quarter --json``: the milestones due in the quarter, each
        with its done day."""
        on = dt.date(2026, 3 * quarter - 1, 1)
        _, text = self._run(
            "list", str(self._workspace()), "--period", "quarter", "--on", on.isoformat(), "--json"
        )
        found = {m["milestone_id"]: m["done_on"] for m in json.loads(text)["milestones"]}
        expected = {
            milestone: None if done is None else done.isoformat()
            for milestone, (_, target, done) in self.model.items()
            if (target.month - 1) // 3 + 1 == quarter
        }
        assert found == expected


WorkplanCommandMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=10)
TestWorkplanCommand = WorkplanCommandMachine.TestCase
