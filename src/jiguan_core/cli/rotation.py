"""``jiguan rotation FILE [--json]``: everyone's rotation status (交流轮岗) on the day of the
workspace's ``rotation`` section. Exit status 1 when someone is due for rotation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, guarded, missing_section, pick
from jiguan_core.cli.render import columns, table, to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_rotation"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``rotation`` has no options of its own (the day is in the workspace)."""


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_rotation(ws, lang=args.lang, as_json=args.json)


def run_rotation(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """Everyone's rotation status on the day; 1 when someone is due for rotation."""
    from jiguan_core.cli.names import Names
    from jiguan_core.development import rotation_status

    section = ws.rotation
    if section is None:
        raise missing_section("rotation", "rotation")

    def run() -> Outcome:
        checks = rotation_status(
            ws.office,
            section.as_of,
            policy=section.policy,
            under_investigation=section.under_investigation,
        )
        due = [c for c in checks if c.is_due]
        code = EXIT_ACTION if due else EXIT_OK
        if as_json:
            data = {
                "command": "rotation",
                "as_of": section.as_of.isoformat(),
                "checks": [
                    {
                        "staff_id": c.staff_id,
                        "department_id": c.department_id,
                        "post_id": c.post_id,
                        "since": c.since.isoformat(),
                        "years_in_post": c.years_in_post,
                        "threshold_years": c.threshold_years,
                        "due_on": c.due_on.isoformat(),
                        "status": c.status.value,
                        "reason": {"zh": c.reason.zh, "en": c.reason.en},
                    }
                    for c in checks
                ],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        names = Names.of(ws.office)
        head = pick(
            lang,
            f"轮岗交流：截至 {section.as_of}，在范围内 {len(checks)} 人，应轮岗 {len(due)} 人",
            f"rotation on {section.as_of}: {len(checks)} in scope, {len(due)} due",
        )
        rows = table(
            columns(
                lang, "人员|岗位|任职起|年限|到期日|状态", "staff|post|since|years|due on|status"
            ),
            [
                [
                    names.person(c.staff_id),
                    names.post(c.post_id),
                    c.since,
                    f"{c.years_in_post}/{c.threshold_years}",
                    c.due_on,
                    c.status.label(lang),
                ]
                for c in checks
            ],
        )
        return Outcome(exit_code=code, text="\n\n".join([head, rows]) + "\n")

    return guarded("$.rotation", run)
