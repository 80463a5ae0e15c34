"""``jiguan roster``: the duty roster of a period from a workspace (DUTY-Y1)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jiguan_core.cli.interchange import DutySection, Workspace, dump_workspace, parse_workspace
from jiguan_core.cli.roster import run_roster
from jiguan_core.errors import IntegrityError, InvalidInput
from jiguan_core.policy import Policy
from tests.strategies_office_work import duty_office

OCTOBER = (dt.date(2026, 10, 1), dt.date(2026, 10, 7))


class TestRosterCommand:
    def test_the_text_roster_lists_every_holiday_with_names(self) -> None:
        """Seven National Day holidays, each with a leader and two staff, by name."""
        outcome = run_roster(Workspace(office=duty_office(3, 6)), start=OCTOBER[0], last=OCTOBER[1])
        assert outcome.exit_code == 0
        assert sum(line.startswith("2026-10-0") for line in outcome.text.splitlines()) == 7
        assert "领导" in outcome.text

    def test_json_output_carries_the_days_and_the_counts(self) -> None:
        """--format json: one entry a day and the counts per group."""
        outcome = run_roster(
            Workspace(office=duty_office(3, 6)), start=OCTOBER[0], last=OCTOBER[1], fmt="json"
        )
        data = json.loads(outcome.text)
        assert len(data["days"]) == 7
        assert sorted(data["counts"]["leaders"].values()) == [2, 2, 3]

    def test_the_workspace_policy_overrides_the_rule_and_a_short_day_exits_one(self) -> None:
        """DUTY-Y1 staff_per_day = 7 from the workspace's one policy cannot be met by 6 staff:
        exit 1 (no duty section needed)."""
        ws = Workspace(
            office=duty_office(3, 6), policy=Policy(overrides={"DUTY-Y1": {"staff_per_day": 7}})
        )
        outcome = run_roster(ws, start=OCTOBER[0], last=OCTOBER[1], lang="en")
        assert outcome.exit_code == 1
        assert "[DUTY-Y1]" in outcome.text

    def test_the_workspace_policy_switching_cover_off_exits_zero(self) -> None:
        """The same short days with DUTY-Y1 switched off in the workspace's policy: nothing is
        reported, exit 0."""
        ws = Workspace(
            office=duty_office(3, 6),
            policy=Policy(overrides={"DUTY-Y1": {"staff_per_day": 7}}, disabled={"DUTY-Y1"}),
        )
        outcome = run_roster(ws, start=OCTOBER[0], last=OCTOBER[1], lang="en")
        assert outcome.exit_code == 0
        assert "[DUTY-Y1]" not in outcome.text

    def test_the_duty_section_survives_the_workspace_file(self) -> None:
        """A workspace with a duty section reads back equal (schema and converter)."""
        ws = Workspace(
            office=duty_office(2, 3), duty=DutySection(prior={"S01": 2}, leader_ids=["L1"])
        )
        again = parse_workspace(dump_workspace(ws))
        assert again.duty == ws.duty

    def test_unknown_people_in_the_duty_section_are_refused(self) -> None:
        """Every id the section names exists in the office."""
        with pytest.raises(IntegrityError, match=r"duty\.prior"):
            Workspace(office=duty_office(1, 1), duty=DutySection(prior={"nobody": 1}))

    def test_a_period_ending_before_it_starts_is_bad_input(self) -> None:
        """--to before --from."""
        with pytest.raises(InvalidInput):
            run_roster(Workspace(office=duty_office(1, 1)), start=OCTOBER[1], last=OCTOBER[0])


class TestRosterWorkbook:
    def test_the_xlsx_roster_has_a_row_a_day_and_the_counts(self) -> None:
        """--format xlsx (the office extra): title, headings, seven days, a counts sheet."""
        openpyxl = pytest.importorskip("openpyxl", reason="the office extra is not installed")
        import io

        outcome = run_roster(
            Workspace(office=duty_office(3, 6)), start=OCTOBER[0], last=OCTOBER[1], fmt="xlsx"
        )
        assert outcome.data is not None
        book = openpyxl.load_workbook(io.BytesIO(outcome.data))
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[1] == ("日期", "带班领导", "值班人员")
        assert [r[0] for r in rows[2:]] == [f"2026-10-0{d}" for d in range(1, 8)]
        assert book.worksheets[1].max_row == 1 + 3 + 6
