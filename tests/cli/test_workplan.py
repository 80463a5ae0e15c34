"""``jiguan workplan``: the work plan's progress from a workspace (PLAN-ARTICLE-PLAN)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from jiguan_core.__main__ import main
from jiguan_core.calendar import Granularity
from jiguan_core.cli.interchange import Workspace, dump_workspace, parse_workspace
from jiguan_core.cli.list_command import run_list
from jiguan_core.cli.workplan import run_workplan
from jiguan_core.errors import IntegrityError, InvalidInput
from jiguan_core.policy import Policy
from jiguan_core.workplan import FieldTrip, Milestone, PlanItem, WorkPlan
from tests.strategies_office_work import duty_office


def workspace(owner: str = "S01") -> Workspace:
    plan = WorkPlan(
        year=2026,
        items=[
            PlanItem(
                id="w1",
                department_id="d0",
                title="专题协商",
                owner_id=owner,
                milestones=[
                    Milestone(id="w1-1", title="方案", target=dt.date(2026, 3, 31)),
                    Milestone(id="w1-2", title="协商会", target=dt.date(2026, 9, 30)),
                ],
                trip=FieldTrip(target_place="某县", days=2, quarter=2, participants=(owner,)),
            )
        ],
    )
    return Workspace(office=duty_office(1, 2), workplan=plan)


class TestThePlanInTheListCommand:
    def test_the_list_of_a_quarter_carries_the_milestones_due_in_it(self) -> None:
        """`jiguan list --period quarter`: the workspace's plan adds 年度工作要点节点 to the text
        and a milestones array to the JSON; a quarter without one shows none."""
        ws = workspace()
        text = run_list(ws, period=Granularity.QUARTER, on=dt.date(2026, 2, 1)).text
        assert "年度工作要点节点（1 项）" in text
        assert "03-31 | 专题协商：方案 | 干部1 | 委室0 | 未完成" in text
        data = json.loads(
            run_list(ws, period=Granularity.QUARTER, on=dt.date(2026, 8, 1), as_json=True).text
        )
        assert [m["milestone_id"] for m in data["milestones"]] == ["w1-2"]
        assert data["milestones"][0]["done_on"] is None
        empty = run_list(ws, period=Granularity.QUARTER, on=dt.date(2026, 5, 1)).text
        assert "年度工作要点节点" not in empty

    def test_the_xlsx_list_of_a_quarter_has_a_milestones_sheet_with_that_quarters_only(
        self, tmp_path: Path
    ) -> None:
        """`jiguan list FILE --period quarter --format xlsx --out BOOK`: the workbook has a
        年度工作要点节点 sheet with the quarter's milestone (owner and 委室 as id then name, the
        state) and not the other quarter's; a quarter without one has no such sheet."""
        openpyxl = pytest.importorskip("openpyxl", reason="the office extra is not installed")
        path = tmp_path / "ws.json"
        path.write_text(dump_workspace(workspace()), encoding="utf-8")

        def sheet_rows(on: str) -> list[list[object]] | None:
            out = tmp_path / f"list-{on}.xlsx"
            argv = ["list", str(path), "--period", "quarter", "--on", on, "--format", "xlsx"]
            assert main([*argv, "--out", str(out)]) == 0
            book = openpyxl.load_workbook(out)
            if "年度工作要点节点" not in book.sheetnames:
                return None
            return [list(r) for r in book["年度工作要点节点"].iter_rows(values_only=True)]

        first = sheet_rows("2026-02-01")
        assert first is not None
        assert first[0] == ["年度工作要点节点（1 项）", None, None, None, None, None]
        assert first[2:] == [
            ["2026-03-31", "w1-1", "专题协商：方案", "S01 干部1", "d0 委室0", "未完成"]
        ]
        third = sheet_rows("2026-08-01")
        assert third is not None
        assert [row[1] for row in third[2:]] == ["w1-2"]
        assert sheet_rows("2026-05-01") is None


class TestWorkplanCommand:
    def test_a_late_milestone_is_named_and_exits_one(self) -> None:
        """On 1 April the plan's first milestone is late."""
        outcome = run_workplan(workspace(), as_of=dt.date(2026, 4, 1))
        assert outcome.exit_code == 1
        assert "逾期：方案 2026-03-31" in outcome.text

    def test_json_output_lists_the_late_milestones_per_department(self) -> None:
        """--format json."""
        outcome = run_workplan(workspace(), as_of=dt.date(2026, 4, 1), fmt="json")
        assert json.loads(outcome.text)["departments"] == [
            {"department_id": "d0", "done": 0, "total": 2, "late": ["w1-1"]}
        ]

    def test_the_workspace_policy_switching_the_plan_rule_off_exits_zero(self) -> None:
        """PLAN-ARTICLE-PLAN switched off in the workspace's policy: nothing is late on 1 April."""
        ws = attrs.evolve(workspace(), policy=Policy(disabled={"PLAN-ARTICLE-PLAN"}))
        outcome = run_workplan(ws, as_of=dt.date(2026, 4, 1), fmt="json")
        assert outcome.exit_code == 0
        assert json.loads(outcome.text)["departments"][0]["late"] == []

    def test_the_plan_survives_the_workspace_file(self) -> None:
        """The workplan section reads back equal through the schema and the converter."""
        ws = workspace()
        assert parse_workspace(dump_workspace(ws)).workplan == ws.workplan

    def test_an_owner_the_office_does_not_know_is_refused(self) -> None:
        """Every id the section names exists in the office."""
        with pytest.raises(IntegrityError, match=r"workplan\.items\[0\]\.owner_id"):
            workspace(owner="nobody")

    def test_without_a_plan_the_command_says_what_to_add(self) -> None:
        """A workspace without the section is bad input naming $.workplan."""
        with pytest.raises(InvalidInput, match="workplan"):
            run_workplan(Workspace(office=duty_office(1, 1)), as_of=dt.date(2026, 4, 1))
