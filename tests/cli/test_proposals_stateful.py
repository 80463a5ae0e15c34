"""Random sessions of the proposal register on a workspace file: proposals come in and move on a
step at a time, the file is written, and ``jiguan proposals`` is run on it, its figures and
late list checked against a simple model (PROPOSAL-P1 stages, PROPOSAL-P2 deadlines).

The model keeps, per proposal, the day of each step done; a step's deadline is recomputed here
from PROPOSAL-P2's documented defaults (10 working days to file and to assign, a reply within
3 months of assignment with handling done 10 working days before, 20 working days for feedback,
5 to conclude), with dateutil for the months.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from jiguan_core.__main__ import main
from jiguan_core.calendar import WorkCalendar
from jiguan_core.cli.interchange import Workspace, dump_workspace
from jiguan_core.proposals import Feedback, ProposalRecord
from tests.strategies_office_work import duty_office

CALENDAR = WorkCalendar()
#: Steps end by mid-2026 and reports by August, so that every deadline falls in a year the
#: built-in calendar knows (2026 is its last).
LAST_STEP = dt.date(2026, 6, 30)
LAST_REPORT = dt.date(2026, 8, 31)
#: The steps after submission, in order, as the register's fields.
STEPS = ("filed_on", "assigned_on", "handled_on", "replied_on", "feedback_on", "concluded_on")


def _due(record: ProposalRecord) -> dt.date | None:
    """The deadline of the step the proposal waits for (None once concluded or declined)."""
    if record.declined_on is not None or record.concluded_on is not None:
        return None
    if record.filed_on is None:
        return CALENDAR.add_working_days(record.submitted_on, 10)
    if record.assigned_on is None:
        return CALENDAR.add_working_days(record.filed_on, 10)
    reply_due = record.assigned_on + relativedelta(months=3)
    if record.handled_on is None:
        return max(record.assigned_on, CALENDAR.add_working_days(reply_due, -10))
    if record.replied_on is None:
        return reply_due
    if record.feedback_on is None:
        return CALENDAR.add_working_days(record.replied_on, 20)
    return CALENDAR.add_working_days(record.feedback_on, 5)


class ProposalsCommandMachine(RuleBasedStateMachine):
    """The model: the register (the records as written) and today; the report counts from
    1 January 2025 (``--since``), so every proposal is in the figures."""

    records: list[ProposalRecord]
    today: dt.date
    folder: tempfile.TemporaryDirectory[str]

    @initialize()
    def open_the_register(self) -> None:
        self.records = []
        self.today = dt.date(2025, 1, 6)
        self.folder = tempfile.TemporaryDirectory()

    def teardown(self) -> None:
        self.folder.cleanup()

    @rule(days=st.integers(min_value=0, max_value=80))
    def time_passes(self, days: int) -> None:
        self.today = min(self.today + dt.timedelta(days=days), LAST_STEP)

    @rule(key=st.booleans())
    def a_proposal_comes_in(self, key: bool) -> None:
        self.records.append(
            ProposalRecord(
                id=f"ta-{len(self.records) + 1}",
                title="提案",
                proposer="委员",
                submitted_on=self.today,
                committee_unit="d0",
                reviewer="S01",
                key=key,
            )
        )

    @precondition(lambda self: self.records)
    @rule(
        steps=st.integers(min_value=1, max_value=len(STEPS)),
        data=st.data(),
        feedback=st.sampled_from([Feedback.SATISFIED, Feedback.BASICALLY_SATISFIED]),
    )
    def one_moves_on(self, steps: int, data: st.DataObject, feedback: Feedback) -> None:
        """One proposal takes its next ``steps`` steps today (fewer when it ends first)."""
        index = data.draw(st.integers(0, len(self.records) - 1))
        for _ in range(steps):
            record = self.records[index]
            if _due(record) is None:
                return
            step = next(name for name in STEPS if getattr(record, name) is None)
            changes: dict[str, object] = {step: self.today}
            if step == "assigned_on":
                changes |= {"handling_unit": "minzheng", "handler": "mz1"}
                if record.key:
                    changes["supervisor"] = "vc"
            if step == "feedback_on":
                changes["feedback"] = feedback
            self.records[index] = attrs.evolve(record, **changes)

    @precondition(lambda self: self.records)
    @rule(data=st.data())
    def one_is_declined(self, data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(self.records) - 1))
        record = self.records[index]
        if record.filed_on is None and record.declined_on is None:
            self.records[index] = attrs.evolve(
                record, declined_on=self.today, declined_reason="转为意见建议"
            )

    @rule(ahead=st.integers(min_value=0, max_value=120))
    def the_office_runs_the_report(self, ahead: int) -> None:
        """The report on today or a day ahead (nothing happens in between)."""
        self._report(min(self.today + dt.timedelta(days=ahead), LAST_REPORT))

    @precondition(lambda self: bool(self._dues()))
    @rule(data=st.data())
    def the_office_runs_the_report_around_a_deadline(self, data: st.DataObject) -> None:
        """The report on an open proposal's deadline (not late yet) and the day after (late)."""
        due = data.draw(st.sampled_from(self._dues()))
        self._report(due)
        self._report(due + dt.timedelta(days=1))

    def _dues(self) -> list[dt.date]:
        """The open deadlines from today on (the model knows the register as of today)."""
        return sorted({d for r in self.records if (d := _due(r)) and d >= self.today})

    def _report(self, as_of: dt.date) -> None:
        """``jiguan proposals FILE --as-of DAY --since 2025-01-01 --format json --out OUT`` on
        the written file: figures, late list and exit status as the model says."""
        folder = Path(self.folder.name)
        workspace = folder / "office.json"
        out = folder / "out.json"
        workspace.write_text(
            dump_workspace(Workspace(office=duty_office(0, 1), proposals=self.records)),
            encoding="utf-8",
        )
        code = main(
            [
                "proposals",
                str(workspace),
                "--as-of",
                as_of.isoformat(),
                "--since",
                "2025-01-01",
                "--format",
                "json",
                "--out",
                str(out),
            ]
        )
        data = json.loads(out.read_text(encoding="utf-8"))
        late = sorted(r.id for r in self.records if (due := _due(r)) is not None and as_of > due)
        assert data["submitted"] == len(self.records)
        assert data["filed"] == sum(r.filed_on is not None for r in self.records)
        assert data["replied"] == sum(r.replied_on is not None for r in self.records)
        assert sorted(item["id"] for item in data["late"]) == late
        assert code == (1 if late else 0)


ProposalsCommandMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=16)
TestProposalsCommand = ProposalsCommandMachine.TestCase
