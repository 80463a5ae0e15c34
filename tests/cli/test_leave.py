"""``jiguan leave``: annual leave balances from a workspace (LEAVE-L1 to L4)."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.cli.interchange import LeaveSection, Workspace, dump_workspace, parse_workspace
from jiguan_core.cli.leave import run_leave
from jiguan_core.errors import IntegrityError
from jiguan_core.policy import Policy
from jiguan_core.time import TimeSpan
from tests.strategies_office_work import duty_office


def workspace(section: LeaveSection | None = None) -> Workspace:
    office = duty_office(0, 2).with_absences(
        [
            Absence(
                id="x1",
                staff_id="S01",
                span=TimeSpan.whole_days(dt.date(2026, 9, 28), dt.date(2026, 10, 9)),
                kind=AbsenceKind.ANNUAL_LEAVE,
            )
        ]
    )
    return Workspace(office=office, leave=section)


class TestLeaveCommand:
    def test_the_national_day_holiday_inside_a_leave_is_not_counted(self) -> None:
        """LEAVE-L2: 28 September to 9 October 2026 costs 5 days (the 1st-7th are holidays, the
        10th a swapped working Saturday is outside); 16 years of work give 10 (LEAVE-L1)."""
        data = json.loads(run_leave(workspace(), year=2026, fmt="json").text)
        first = data["balances"][0]
        assert (first["staff_id"], first["entitled"], first["taken"], first["left"]) == (
            "S01",
            10.0,
            5.0,
            5.0,
        )

    def test_someone_over_their_due_exits_one(self) -> None:
        """LEAVE-L1 overridden to 3 days for the first band by the workspace's one policy: the 5
        days taken are too many."""
        section = LeaveSection(work_start={"S01": dt.date(2020, 1, 1)})
        policy = Policy(overrides={"LEAVE-L1": {"first_band_days": 3}})
        outcome = run_leave(attrs.evolve(workspace(section), policy=policy), year=2026, lang="en")
        assert outcome.exit_code == 1
        assert "-2" in outcome.text

    def test_the_leave_section_survives_the_workspace_file(self) -> None:
        """work_start and carried_over read back equal."""
        ws = workspace(
            LeaveSection(work_start={"S01": dt.date(2001, 3, 1)}, carried_over={"S02": 2})
        )
        assert parse_workspace(dump_workspace(ws)).leave == ws.leave

    def test_unknown_people_in_the_leave_section_are_refused(self) -> None:
        """Every id the section names exists in the office."""
        with pytest.raises(IntegrityError, match=r"leave\.carried_over"):
            workspace(LeaveSection(carried_over={"nobody": 1}))

    def test_the_workspace_policy_switches_the_exclusion_off(self) -> None:
        """LEAVE-L3: 20 working days of personal leave in March exclude S02's 2026 leave; the
        workspace's policy switching LEAVE-L3 off gives it back (16 years of work: 10 days)."""
        personal = Absence(
            id="x2",
            staff_id="S02",
            span=TimeSpan.whole_days(dt.date(2026, 3, 2), dt.date(2026, 3, 27)),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        ws = workspace()
        ws = attrs.evolve(ws, office=ws.office.with_absences([personal]))

        def due(policy: Policy) -> float:
            data = json.loads(
                run_leave(attrs.evolve(ws, policy=policy), year=2026, fmt="json").text
            )
            return float(next(b for b in data["balances"] if b["staff_id"] == "S02")["entitled"])

        assert due(Policy()) == 0.0
        assert due(Policy(disabled={"LEAVE-L3"})) == 10.0
