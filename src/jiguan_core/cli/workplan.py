"""``jiguan workplan WORKSPACE --as-of DATE [--format text|json]``: where the year's work plan
stands (PLAN-ARTICLE-PLAN): per 委室, milestones done and late, and the late milestones by name.
Reads the workspace's ``workplan`` section. Exit status 1 when a milestone is late."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from jiguan_core.cli.commands import EXIT_ACTION, EXIT_OK, Outcome, as_problems
from jiguan_core.cli.interchange import Workspace
from jiguan_core.cli.render import to_json_text
from jiguan_core.errors import InvalidInput, JiguanError, Problem
from jiguan_core.text import Lang

__all__ = ["run_workplan"]

Format = Literal["text", "json"]


def run_workplan(
    ws: Workspace, *, as_of: dt.date, lang: Lang = "zh", fmt: Format = "text"
) -> Outcome:
    """Progress of the workspace's plan on ``as_of``; 1 when a milestone is late."""
    from jiguan_core.catalogue.workplan import PLAN_REPORT
    from jiguan_core.workplan import plan_progress

    plan = ws.workplan
    if plan is None:
        raise InvalidInput(
            [
                Problem(
                    "$.workplan",
                    "the workspace has no 'workplan' section, which `workplan` reads; add it "
                    "(see docs/office-work.md)",
                    "工作区缺少 `workplan` 所需的 'workplan' 部分；请补充（见 docs/office-work.md）",
                )
            ]
        )
    try:
        progress = plan_progress(
            plan,
            as_of=as_of,
            calendar=ws.work_calendar(),
            overrides=ws.policy.overrides.get(PLAN_REPORT.id),
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
    names = {d.id: d.name for d in ws.office.departments}
    head = (
        f"{plan.year}年度工作要点推进情况（截至 {as_of}）"
        if lang == "zh"
        else f"Work plan {plan.year} as of {as_of}"
    )
    lines = [head]
    for department in progress:
        lines += department.render_lines(lang, names.get(department.department_id))
    return Outcome(exit_code=code, text="\n".join(lines) + "\n")
