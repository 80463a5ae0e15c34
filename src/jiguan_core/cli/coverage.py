"""``jiguan coverage FILE [--json]``: who answers for each key post (the A/B chain) on every
working day of the workspace's ``coverage`` period, under the workspace's policy (DEV-COVER
switched off: no gaps). Exit status 1 when a key post has nobody on
a working day."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, guarded, missing_section, pick
from jiguan_core.cli.render import columns, table, to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_coverage"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``coverage`` has no options of its own (the period is in the workspace)."""


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_coverage(ws, lang=args.lang, as_json=args.json)


def run_coverage(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """A/B coverage of the key posts over the period; 1 when a post has nobody on a working day."""
    from jiguan_core.calendar import DateRange
    from jiguan_core.catalogue.development import COVERAGE
    from jiguan_core.cli.names import Names
    from jiguan_core.development import coverage

    section = ws.coverage
    if section is None:
        raise missing_section("coverage", "coverage")

    def run() -> Outcome:
        report = coverage(
            ws.office,
            DateRange(start=section.start, end=section.end),
            post_ids=section.post_ids,
            calendar=ws.work_calendar(),
            policy=ws.policy,
        )
        code = EXIT_ACTION if report.gaps else EXIT_OK
        if as_json:
            data = {
                "command": "coverage",
                "start": section.start.isoformat(),
                "end": section.end.isoformat(),
                "posts": [
                    {
                        "post_id": p.post_id,
                        "chain": list(p.chain),
                        "covered": [[d.isoformat(), s] for d, s in p.covered],
                        "gaps": [d.isoformat() for d in p.gaps],
                    }
                    for p in report.posts
                ],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        names = Names.of(ws.office)
        head = pick(
            lang,
            f"AB角补位：{section.start} 至 {section.end}（不含），关键岗位 {len(report.posts)} 个，"
            f"无人负责 {len(report.gaps)} 个岗位日",
            f"A/B coverage {section.start} to {section.end} (exclusive): {len(report.posts)} key "
            f"posts, {len(report.gaps)} post-days with nobody responsible",
        )
        rows = table(
            columns(
                lang, "岗位|A/B 顺序|由B角等负责的天数|无人天数", "post|chain|days covered|gaps"
            ),
            [
                [
                    names.post(p.post_id),
                    " > ".join(names.staff.get(i, i) for i in p.chain),
                    len(p.covered),
                    len(p.gaps),
                ]
                for p in report.posts
            ],
        )
        parts = [head, rows]
        gaps = [p for p in report.posts if p.gaps]
        if gaps:
            parts.append(
                table(
                    columns(lang, "岗位|无人负责的工作日|规则", "post|days with nobody|rule"),
                    [
                        [names.post(p.post_id), " ".join(str(d) for d in p.gaps), COVERAGE.id]
                        for p in gaps
                    ],
                )
            )
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return guarded("$.coverage", run)
