"""``jiguan check FILE [--json]``: the conflict report of the office's calendar under the
workspace's scheduling policy (SCHED-*). Exit status 1 when there is a hard violation, or when a
check could not be made because a year's working-day arrangement is missing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, guarded, pick
from jiguan_core.cli.render import columns, score_data, table, to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge
    from jiguan_core.rules.violation import Violation

__all__ = ["add_arguments", "from_args", "run_check"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``check`` has no options of its own."""


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_check(ws, lang=args.lang, as_json=args.json)


def run_check(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """The conflict report of the office's calendar; 1 when there is a hard violation."""
    from jiguan_core.rules import check
    from jiguan_core.serialization import to_dict

    def run() -> Outcome:
        report = check(ws.office, policy=ws.scheduling_policy, calendar=ws.work_calendar())
        code = EXIT_OK if report.is_feasible and report.is_complete else EXIT_ACTION
        if as_json:
            data = {
                "command": "check",
                "complete": report.is_complete,
                "not_made": [
                    {
                        "rule_id": n.rule_id,
                        "part": n.part,
                        "years": list(n.years),
                        "days": [d.isoformat() for d in n.days],
                        "message": {"zh": n.message.zh, "en": n.message.en},
                    }
                    for n in report.not_made
                ],
                "feasible": report.is_feasible,
                "score": score_data(report.score),
                "summary": [to_dict(s) for s in report.summary],
                "violations": [_violation_data(v) for v in report.violations],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        head = pick(
            lang,
            f"冲突检查：{len(report.violations)} 项违规（{report.score.render('zh')}）",
            f"conflict check: {len(report.violations)} violations ({report.score.render('en')})",
        )
        yes, no = pick(lang, "是", "yes"), pick(lang, "否", "no")
        summary = table(
            columns(lang, "规则|级别|启用|违规|扣分", "rule|level|on|count|penalty"),
            [
                [s.rule_id, s.level.label(lang), yes if s.enabled else no, s.count, s.penalty]
                for s in report.summary
            ],
        )
        details = table(
            columns(lang, "规则|级别|日期|说明", "rule|level|day|message"),
            [
                [v.part, v.level.label(lang), v.day, v.message.render(lang)]
                for v in report.violations
            ],
        )
        verdict = (
            pick(lang, "结论：无硬约束违规。", "verdict: no hard violation.")
            if report.is_feasible
            else pick(
                lang, "结论：存在硬约束违规（退出码 1）。", "verdict: hard violations (exit 1)."
            )
        )
        parts = [head, summary, details, verdict]
        if not report.is_complete:
            hint = pick(
                lang,
                "！！部分检查未进行（退出码 1）：请在工作区的 calendar 部分或用 --calendar FILE "
                "补充缺少年份的放假调休安排",
                "!! SOME CHECKS WERE NOT MADE (exit 1): add the missing years' working-day "
                "arrangements in the workspace's calendar section or with --calendar FILE",
            )
            parts = [head, hint, *(n.render(lang) for n in report.not_made), *parts[1:]]
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return guarded("$.policy", run)


def _violation_data(v: Violation) -> dict[str, Any]:
    return {
        "rule_id": v.rule_id,
        "part": v.part,
        "level": v.level.value,
        "activity_ids": list(v.activity_ids),
        "absence_ids": list(v.absence_ids),
        "staff_ids": list(v.staff_ids),
        "post_id": v.post_id,
        "room_id": v.room_id,
        "department_id": v.department_id,
        "place": v.place,
        "blackout_id": v.blackout_id,
        "day": v.day.isoformat() if v.day is not None else None,
        "penalty": v.penalty,
        "message": {"zh": v.message.zh, "en": v.message.en},
    }
