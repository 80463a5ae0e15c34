"""``jiguan workplan WORKSPACE --as-of DATE [--format text|json]``: where the year's work plan
stands (PLAN-ARTICLE-PLAN): per 委室, milestones done and late, and the late milestones by name.
Reads the workspace's ``workplan`` section and its one policy (PLAN-* parameters, rules switched
off). Exit status 1 when a milestone is late."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Literal

from jiguan_core.cli.options import add_as_of, add_format
from jiguan_core.cli.outcome import (
    EXIT_ACTION,
    EXIT_OK,
    Outcome,
    as_problems,
    missing_section,
    pick,
)
from jiguan_core.cli.render import to_json_text
from jiguan_core.errors import InvalidInput, JiguanError
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_workplan"]

Format = Literal["text", "json"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_as_of(parser)
    add_format(parser)


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_workplan(ws, as_of=args.as_of, lang=args.lang, fmt=args.format)


def run_workplan(
    ws: Workspace, *, as_of: dt.date, lang: Lang = "zh", fmt: Format = "text"
) -> Outcome:
    """Progress of the workspace's plan on ``as_of``; 1 when a milestone is late."""
    from jiguan_core.cli.names import Names
    from jiguan_core.workplan import plan_progress

    plan = ws.workplan
    if plan is None:
        raise missing_section("workplan", "workplan", "docs/office-work.md")
    try:
        progress = plan_progress(
            plan,
            as_of=as_of,
            calendar=ws.work_calendar(),
            policy=ws.policy,
        )
    except JiguanError as error:
        raise InvalidInput(as_problems(error, "$.workplan")) from error
    late = [m for d in progress for m in d.late]
    code = EXIT_ACTION if late else EXIT_OK
    if fmt == "json":
        data = {
            "command": "workplan",
            "year": plan.year,
            "as_of": as_of.isoformat(),
            "departments": [
                {
                    "department_id": d.department_id,
                    "done": d.done,
                    "total": d.total,
                    "late": [m.id for m in d.late],
                }
                for d in progress
            ],
        }
        return Outcome(exit_code=code, text=to_json_text(data))
    names = Names.of(ws.office)
    head = pick(
        lang,
        f"{plan.year}年度工作要点推进情况（截至 {as_of}）",
        f"Work plan {plan.year} as of {as_of}",
    )
    lines = [head]
    for department in progress:
        lines += department.render_lines(lang, names.department(department.department_id))
    return Outcome(exit_code=code, text="\n".join(lines) + "\n")
