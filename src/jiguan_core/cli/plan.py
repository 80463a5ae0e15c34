"""``jiguan plan FILE [--json] [--progress]``: place the workspace's requests with the
scheduler. Exit status 1 when a request could not be placed without breaking a hard rule or a
pinned placement is in conflict. On a terminal the entry point shows a live progress bar;
``--progress`` prints plain lines into a pipe or a log instead."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, guarded, missing_section, pick
from jiguan_core.cli.render import columns, score_data, table, to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    import pendulum

    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_plan"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--progress",
        action="store_true",
        help="progress lines on stderr even when it is not a terminal (on a terminal a "
        "live bar is shown anyway) / 非终端时也在标准错误输出进度",
    )


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_plan(
        ws, lang=args.lang, as_json=args.json, progress=edge.progress, on_step=edge.on_step
    )


def _when(moment: pendulum.DateTime) -> str:
    from jiguan_core.time import SHANGHAI

    return moment.in_timezone(SHANGHAI).format("YYYY-MM-DD HH:mm")


def run_plan(
    ws: Workspace,
    *,
    lang: Lang = "zh",
    as_json: bool = False,
    progress: Callable[[str], None] | None = None,
    on_step: Callable[[int, int], None] | None = None,
) -> Outcome:
    """The scheduler's plan; 1 when a request could not be placed without breaking a hard rule
    or a pinned placement is in conflict. ``progress`` receives a line before, about ten while the
    requests are tried, and one after; ``on_step(done, total)`` is called as each request is
    tried (for a progress bar)."""
    from jiguan_core.cli.names import Names
    from jiguan_core.scheduling import schedule
    from jiguan_core.serialization import to_dict

    section = ws.plan
    if section is None:
        raise missing_section("plan", "plan")

    def run() -> Outcome:
        if progress is not None:
            progress(
                pick(
                    lang,
                    f"正在安排 {len(section.requests)} 项活动申请……",
                    f"planning {len(section.requests)} requests ...",
                )
            )

        def tried(done: int, total: int) -> None:
            if on_step is not None:
                on_step(done, total)
            # One line per tenth of the way (recurring requests count once per occurrence).
            if progress is not None and done * 10 // total != (done - 1) * 10 // total:
                progress(
                    pick(
                        lang,
                        f"  已尝试 {done}/{total} 项活动",
                        f"  tried {done}/{total} activities",
                    )
                )

        plan = schedule(
            ws.office,
            section.requests,
            policy=ws.scheduling_policy,
            calendar=ws.work_calendar(),
            seed=section.seed,
            max_iterations=section.max_iterations,
            progress=tried if progress is not None or on_step is not None else None,
        )
        if progress is not None:
            progress(
                pick(lang, f"完成：{plan.iterations} 次迭代", f"done: {plan.iterations} iterations")
            )
        bad = bool(plan.unplaced) or bool(plan.pinned_conflicts) or plan.score.hard > 0
        code = EXIT_ACTION if bad else EXIT_OK
        if as_json:
            data = {
                "command": "plan",
                "complete": not bad,
                "score": score_data(plan.score),
                "iterations": plan.iterations,
                "placed": [
                    {
                        "request_id": p.request_id,
                        "priority": p.priority,
                        "pinned": p.pinned,
                        "activity": to_dict(p.activity),
                    }
                    for p in plan.placed
                ],
                "unplaced": [
                    {
                        "request_id": u.request_id,
                        "title": u.title,
                        "priority": u.priority,
                        "reason": {"zh": u.reason.zh, "en": u.reason.en},
                    }
                    for u in plan.unplaced
                ],
                "pinned_conflicts": [{"zh": t.zh, "en": t.en} for t in plan.pinned_conflicts],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        names = Names.of(ws.office)
        placed = table(
            columns(lang, "申请|开始|结束|会议室|标题", "request|start|end|room|title"),
            [
                [
                    p.activity.id,
                    _when(p.activity.span.start),
                    _when(p.activity.span.end),
                    names.room(p.activity.room_id),
                    p.activity.title,
                ]
                for p in plan.placed
            ],
        )
        parts = [plan.render_lines(lang)[0], placed]
        if plan.unplaced:
            parts.append(
                table(
                    columns(lang, "未安排|优先级|原因", "unplaced|priority|reason"),
                    [[u.request_id, u.priority, u.reason.render(lang)] for u in plan.unplaced],
                )
            )
        parts += [conflict.render(lang) for conflict in plan.pinned_conflicts]
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return guarded("$.plan", run)
