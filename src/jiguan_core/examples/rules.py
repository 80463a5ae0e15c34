"""Demo: the sample office's calendar checked against the scheduling rules."""

from __future__ import annotations

import datetime as dt

import attrs

from jiguan_core.activity import ActivityKind
from jiguan_core.examples.office import sample_office
from jiguan_core.rules import Blackout, IncrementalChecker, SchedulingPolicy, check
from jiguan_core.text import Lang, Text
from jiguan_core.time import TimeSpan

__all__ = ["demo_lines", "demo_policy"]


def demo_policy() -> SchedulingPolicy:
    """The plenary session (14-16 January 2025) declared a blackout; the plenary itself is
    exempt."""
    office = sample_office()
    plenary = next(a for a in office.activities if a.title == "市政协全体会议")
    return SchedulingPolicy(
        blackouts=[
            Blackout(
                id="plenary-2025",
                span=TimeSpan.whole_days(dt.date(2025, 1, 13), dt.date(2025, 1, 17)),
                label=Text("市政协全会期间", "the plenary session"),
                exempt=[plenary.id],
            )
        ]
    )


def demo_lines(lang: Lang = "zh", per_rule: int = 2) -> list[str]:
    office = sample_office()
    policy = demo_policy()
    report = check(office, policy=policy)
    zh = lang == "zh"
    lines = [
        (
            f"示例机关 {len(office.activities)} 项活动、{len(office.absences)} 条请假：得分 "
            f"{report.score.render('zh')}，共 {len(report.violations)} 项违规"
            if zh
            else f"sample office, {len(office.activities)} activities and "
            f"{len(office.absences)} absences: score {report.score}, "
            f"{len(report.violations)} violations"
        )
    ]
    lines += report.summary_lines(lang)
    for summary in report.summary:
        for v in report.of_rule(summary.rule_id)[:per_rule]:
            lines.append("  " + v.render(lang))
    # The incremental question a scheduler asks: would this new trip cause trouble?
    checker = IncrementalChecker(office, policy=policy)
    trip = next(a for a in office.activities if a.kind is ActivityKind.RESEARCH)
    proposal = attrs.evolve(trip, id="new-trip", span=trip.span.shifted(days=7))
    found = checker.violations_if_added(proposal)
    lines.append(
        f"若在 {proposal.span} 再安排「{proposal.title}」：{len(found)} 项新违规"
        if zh
        else f"adding “{proposal.title}” at {proposal.span}: {len(found)} new violations"
    )
    lines += ["  " + v.render(lang) for v in found[:3]]
    return lines
